"""Titles: fixes found by the tenth and eleventh unseen batches (own sentences)."""

from __future__ import annotations

import pytest

import libyaie


def _titles(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.role) for m in libyaie.extract(text).titles]


def _title(text: str) -> tuple[str, str, str | None]:
    ts = libyaie.extract(text).titles
    assert len(ts) == 1, ts
    return ts[0].text, ts[0].role, ts[0].qualifier


# ---------------------------------------------------------------- English


def test_uk_secretary_of_state_takes_its_portfolio() -> None:
    assert _titles("The Secretary of State for Security Karim Mansour told MPs") == [
        ("Secretary of State for Security", "minister")
    ]
    assert _titles("Secretary of State for Justice Anna Grey said") == [
        ("Secretary of State for Justice", "justice_minister")
    ]
    # the US Secretary of State stays a foreign minister
    assert _titles("Secretary of State Mike Pompeo called") == [("Secretary of State", "foreign_minister")]


def test_department_secretaries_and_first_minister() -> None:
    assert _titles("Welsh Health Secretary Tom Evans spoke") == [("Health Secretary", "health_minister")]
    assert _titles("Justice Secretary Paul Reid declined") == [("Justice Secretary", "justice_minister")]
    assert _titles("First Minister Nicola Sturgeon said") == [("First Minister", "prime_minister")]


def test_senator_abbreviation() -> None:
    assert _titles("Sen. Lindsey Graham visited Benghazi.") == [("Sen.", "member_of_parliament")]
    assert _titles("Rep. Adam Smith asked") == [("Rep.", "member_of_parliament")]


def test_commissioners_and_au_chairperson() -> None:
    assert _titles("the EU's migration commissioner, Anna Berg, will travel") == [
        ("migration commissioner", "official")
    ]
    assert _titles("Home Affairs Commissioner Anna Berg said") == [("Home Affairs Commissioner", "official")]
    assert _titles("and the chairperson of the African Union Commission, Ali Kone, urged calm") == [
        ("chairperson of the African Union Commission", "council_chair")
    ]


def test_junta_leader_and_forces() -> None:
    assert ("junta leader", "leader") in _titles("the junta leader Colonel Assimi Goita met envoys")
    assert _titles("a Navy spokesman said the boat sank") == [("Navy spokesman", "spokesperson")]


# ---------------------------------------------------------------- Arabic


def test_arabic_first_minister_is_the_prime_minister() -> None:
    assert _titles("وقال الوزير الأول المغربي عباس الفاسي إن") == [("الوزير الأول", "prime_minister")]
    assert _titles("والتقت الوزيرة الأولى التونسية نجلاء بودن") == [("الوزيرة الأولى", "prime_minister")]


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("عين المجلس مارك سميث مبعوثا أمميا إلى ليبيا", "مبعوثا أمميا", "envoy"),
        ("اختير يوسف نصر مَبْعُوثًا خَاصًّا إلى السودان", "مَبْعُوثًا خَاصًّا", "envoy"),
        ("عمل الرجل سفيرا لبلاده في روما", "سفيرا", "ambassador"),
        ("سمي رئيسا لبعثة الدعم الأممية في ليبيا", "رئيسا لبعثة الدعم الأممية في ليبيا", "envoy"),
    ],
)
def test_arabic_accusative_titles(text: str, surface: str, role: str) -> None:
    assert (surface, role) in _titles(text)


def test_arabic_headcount_and_circumstantial_accusative_stay_out() -> None:
    assert _titles("عين المجلس 12 مبعوثا") == []
    assert _titles("وقال متحدثا للصحفيين في روما إن الوضع صعب") == []


def test_arabic_gnc_president_and_executive_office() -> None:
    assert _titles("وقال رئيس المؤتمر نوري أبوسهمين إن") == [("رئيس المؤتمر", "speaker")]
    assert _title("ودعا رئيس المكتب التنفيذي السابق محمود جبريل إلى") == (
        "رئيس المكتب التنفيذي السابق", "head", "former"
    )


def test_arabic_commander_of_a_unit() -> None:
    assert _title("وأكد آمر كتيبة النصر أن") == ("آمر كتيبة", "commander", None)
    assert _title("يقودها آمر حرس المنشآت النفطية السابق إبراهيم الجضران") == (
        "آمر حرس المنشآت النفطية السابق", "commander", "former"
    )
    assert _title("وقال قائدها الميداني أحمد سالم إن") == ("قائدها الميداني", "commander", None)


def test_arabic_head_of_a_body_and_new_or_former_in_between() -> None:
    assert _titles("وقال رئيس حزب الوطن إن") == [("رئيس حزب", "head")]
    assert _titles("ينتظر أن ينتخب البرلمان رئيسا جديدا للحكومة") == [("رئيسا جديدا للحكومة", "prime_minister")]
    assert _title("وقال وزير سابق للداخلية إن") == ("وزير سابق للداخلية", "interior_minister", "former")


def test_arabic_property_is_no_king() -> None:
    assert _titles("وقالوا إن الغاز ملك لكل المواطنين") == []
    assert _titles("الأرض ملك عام") == []
    assert _titles("وقال الملك محمد السادس") == [("الملك", "king")]


# ---------------------------------------------------------------- Vietnamese


def test_vietnamese_rotating_chair_and_high_representative() -> None:
    assert _titles("Chủ tịch luân phiên ASEAN Hun Sen phát biểu") == [("Chủ tịch luân phiên", "council_chair")]
    assert ("Đại diện cấp cao", "official") in _titles(
        "Đại diện cấp cao về chính sách đối ngoại của EU Josep Borrell cho biết"
    )


def test_vietnamese_country_holding_the_security_council_presidency_is_no_title() -> None:
    assert _titles("Pháp, nước Chủ tịch Hội đồng Bảo an tháng 3, đã triệu tập") == []


# ---------------------------------------------------------------- Indonesian


def test_indonesian_envoy_of_the_secretary_general_is_two_titles() -> None:
    assert _titles("Utusan Khusus Sekjen PBB Ahmad Rudi hadir.") == [
        ("Utusan Khusus", "envoy"),
        ("Sekjen", "secretary_general"),
    ]


def test_indonesian_unit_commanders() -> None:
    assert _titles("kata komandan milisi Ali Salem kepada wartawan") == [("komandan milisi", "commander")]
    assert _titles("seorang komandan Tentara Nasional Libia mengatakan") == [
        ("komandan Tentara Nasional Libia", "commander")
    ]


def test_possessive_before_a_lowercase_title_names_the_role() -> None:
    # "X's spokesman": the possessive says whose office it is; a bare "the spokesman" stays out
    assert _titles("Haftar's spokesman said the army would respond.") == [("spokesman", "spokesperson")]
    assert _titles("The spokesman said nothing.") == []
