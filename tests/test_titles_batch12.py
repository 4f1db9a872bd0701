"""Titles: fixes found by the twelfth unseen batch (own sentences)."""

from __future__ import annotations

import pytest

import libyaie


def _titles(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.role) for m in libyaie.extract(text).titles]


def _full(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.role, m.qualifier) for m in libyaie.extract(text).titles]


# ---------------------------------------------------------------- Arabic


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        ("وقال عضو المؤتمر الوطني العام محمد علي إن", "عضو المؤتمر الوطني العام", "member_of_parliament"),
        ("وأكد عضو المؤتمر سالم أحمد أن الجلسة", "عضو المؤتمر", "member_of_parliament"),
        ("ورأى علي محمد، عضو المجلس الوطني الانتقالي، أن", "عضو المجلس الوطني الانتقالي", "member_of_parliament"),
        ("وقالت عضوة في مجلس النواب إن", "عضوة في مجلس النواب", "member_of_parliament"),
    ],
)
def test_arabic_members_of_legislatures(text: str, surface: str, role: str) -> None:
    assert (surface, role) in _titles(text)


def test_arabic_member_of_other_bodies_is_no_title() -> None:
    # the development set does not mark a municipal councillor as a title
    assert _titles("وقال سالم علي، عضو المجلس البلدي لمصراتة، إن") == []


def test_arabic_definite_title_after_li() -> None:
    # ل + المشير → للمشير; ل + اللواء → للواء (the article's lam merges with the noun's)
    assert _titles("القوات الموالية للمشير خليفة حفتر") == [("للمشير", "field_marshal")]
    assert _full("القوات الموالية للواء المتقاعد خليفة حفتر") == [("للواء المتقاعد", "general", "former")]
    assert _titles("وبعث برسالة للأمين العام للأمم المتحدة") == [("للأمين العام", "secretary_general")]
    # a brigade with no one named is no general
    assert _titles("وانضم للواء 444 مقاتلون جدد") == []


def test_arabic_envoy_of_the_secretary_general_is_one_title() -> None:
    assert _full("ودعت الممثلة الخاصة بالإنابة للأمين العام ستيفاني ويليامز") == [
        ("الممثلة الخاصة بالإنابة للأمين العام", "envoy", "acting")
    ]


def test_arabic_rank_after_an_office_is_a_second_title() -> None:
    assert _titles("فيما قال رئيس الأركان العامة اللواء يوسف المنقوش إن") == [
        ("رئيس الأركان العامة", "chief_of_staff"),
        ("اللواء", "general"),
    ]
    # the brigade's commander stays one title
    assert _titles("وقال آمر اللواء 444 محمود حمزة إن") == [("آمر اللواء", "commander")]


def test_arabic_ordered_is_not_a_commander() -> None:
    # أمر 'ordered' folds to the key of آمر 'commander'
    assert ("أمر اللواء", "commander") not in _titles("أمر اللواء خليفة حفتر قواته بالتقدم")


def test_arabic_retired_rank_is_former() -> None:
    assert _full("وأعلن اللواء المتقاعد خليفة حفتر عملية الكرامة") == [("اللواء المتقاعد", "general", "former")]


def test_arabic_prosecutor_and_preparatory_body() -> None:
    assert _titles("وقالت المدعية العامة للمحكمة الجنائية الدولية فاتو بنسودا إن") == [
        ("المدعية العامة للمحكمة الجنائية الدولية", "head")
    ]
    assert _full("وكانت نائبة رئيس الهيئة التحضيرية للحوار الوطني") == [
        ("نائبة رئيس الهيئة التحضيرية", "council_chair", "deputy")
    ]


def test_arabic_deputy_behind_li() -> None:
    assert _full("في رسالة إلى النائب الأول لرئيس مجلس النواب فوزي النويري") == [
        ("النائب الأول لرئيس مجلس النواب", "speaker", "deputy")
    ]
    assert _full("وتضم الحكومة نائبين لرئيس الحكومة و26 وزيرا") == [
        ("نائبين لرئيس الحكومة", "prime_minister", "deputy")
    ]


def test_arabic_quoted_body_and_operation() -> None:
    assert ('قائد "الجيش الوطني الليبي', "commander") in _titles('وصافح السراج قائد "الجيش الوطني الليبي" المشير خليفة حفتر')
    assert ("قائد عملية", "commander") in _titles("وأيد اللواء خليفة حفتر قائد عملية الكرامة الهجوم")


def test_arabic_plural_ministers_and_construct_prime_minister() -> None:
    assert _titles("بمشاركة وزراء خارجية تونس والجزائر") == []
    assert _titles("وقال رئيس وزراء ليبيا عبد الحميد الدبيبة") == [("رئيس وزراء", "prime_minister")]


def test_arabic_chancellor_and_un_coordinator() -> None:
    assert _titles("وقالت المستشارة الألمانية أنغيلا ميركل إن") == [("المستشارة الألمانية", "prime_minister")]
    assert _titles("وقال منسق الإغاثة الطارئة مارتن غريفيث إن") == [("منسق الإغاثة الطارئة", "head")]
    # المستشار alone is the judicial honorific
    assert _titles("وقال المستشار عقيلة صالح إن") == []


# ---------------------------------------------------------------- English


def test_possessive_deputy_takes_the_antecedent_role() -> None:
    text = "U.N. envoy Jan Novak urged calm. His deputy, Omar Salem, warned of hunger."
    assert _full(text)[-1] == ("deputy", "envoy", "deputy")
    text = "Governor Ali Omar, who runs the bank, and his deputy Saleh Musa said"
    assert _full(text)[-1] == ("deputy", "governor", "deputy")
    # with no possessive, or no titled antecedent, a bare deputy is no title
    assert _titles("The deputy said nothing.") == []
    assert _titles("Omar Salem said his deputy would come.") == []


def test_english_prosecutor_intelligence_services_and_legislators() -> None:
    assert _titles("ICC Prosecutor Karim Khan said") == [("ICC Prosecutor", "head")]
    assert _titles("MI6 chief Richard Moore said") == [("MI6 chief", "intelligence_chief")]
    assert _titles("Ali Salem, a former member of the General National Congress, said") == [
        ("former member of the General National Congress", "member_of_parliament")
    ]
    assert _titles("He was held on the orders of the public prosecutor.") == []


def test_english_possessive_between_of_and_body() -> None:
    assert _titles("Fayez Seraj, head of Libya's Government of National Accord, said") == [
        ("head of Libya's Government of National Accord", "prime_minister")
    ]
    assert ("head of the country's state oil company", "head") in [
        (s.removeprefix("longtime "), r) for s, r in _titles("the longtime head of the country's state oil company")
    ]


# ---------------------------------------------------------------- Indonesian


def test_indonesian_plural_is_no_title() -> None:
    assert _titles("Macron menjadi tuan rumah pertemuan para pemimpin Libia.") == []
    assert _titles("Para mantan menteri luar negeri berkumpul.") == []


def test_indonesian_prosecutor_intelligence_and_bodies() -> None:
    assert _titles("Jaksa Penuntut ICC Karim Khan mengatakan") == [("Jaksa Penuntut ICC", "head")]
    assert _titles("Direktur CIA William Burns tiba di Tripoli.") == [("Direktur CIA", "intelligence_chief")]
    assert _titles("Ketua HoR Aguila Saleh menolak") == [("Ketua HoR", "speaker")]
    assert _titles("Mantan penasihat khusus PBB Stephanie Williams pergi.") == [
        ("Mantan penasihat khusus PBB", "envoy")
    ]
    assert _titles("Negara itu terpilih menjadi anggota Dewan HAM tahun lalu.") == []
    assert _titles("Pemberontakan pemimpin Wagner Yevgeny Prigozhin gagal.") == [("pemimpin Wagner", "leader")]


# ---------------------------------------------------------------- Vietnamese


def test_vietnamese_acting_minister_takes_the_portfolio_named_before() -> None:
    assert _full("Thứ trưởng Quốc phòng Ali Omar được giao làm quyền Bộ trưởng.") == [
        ("Thứ trưởng Quốc phòng", "defense_minister", "deputy"),
        ("quyền Bộ trưởng", "defense_minister", "acting"),
    ]


def test_vietnamese_intelligence_services() -> None:
    assert _titles("Giám đốc CIA bất ngờ thăm Libya.") == [("Giám đốc CIA", "intelligence_chief")]
    assert _titles("Giám đốc Mossad David Barnea đến Cairo.") == [("Giám đốc Mossad", "intelligence_chief")]


def test_vietnamese_plural_and_institutions_are_no_titles() -> None:
    assert _titles("Các Phó Thủ tướng đã họp.") == []
    assert _titles("Phát biểu của những nhà lãnh đạo châu Phi.") == []
    assert _titles("Ông Dbeibah cùng Hội đồng Tổng thống nhậm chức.") == []
    assert _titles("Cuộc họp tại Phủ Thủ tướng kéo dài bốn giờ.") == []
    assert ("Thủ tướng", "prime_minister") in _titles("Chính phủ Thủ tướng Abdul Hamid Dbeibah đã họp.")


def test_vietnamese_bodies_and_the_late_leader() -> None:
    assert _titles("Chủ tịch GNC Nouri Abu Sahmain phản đối.") == [("Chủ tịch GNC", "speaker")]
    assert _titles("Ông được bầu làm Chủ tịch Liên minh châu Phi.") == [
        ("Chủ tịch Liên minh châu Phi", "council_chair")
    ]
    assert _full("quê hương của cố lãnh đạo Muammar Gaddafi.") == [("cố lãnh đạo", "leader", "former")]
    assert _titles("trước khi máy bay chở trùm Wagner Yevgeny Prigozhin rơi") == [("trùm Wagner", "leader")]
    assert _titles('các tù trưởng tôn ông là "Vua của các vị vua".') == []


def test_indonesian_presidential_council_spellings() -> None:
    for council in ("Dewan Presidensi", "Dewan Presidensial", "Dewan Kepresidenan"):
        doc = libyaie.extract(f"Wakil Ketua {council} Libya Musa al-Koni tiba di Tripoli.")
        assert [(t.text, t.role, t.qualifier, t.country) for t in doc.titles] == [
            (f"Wakil Ketua {council}", "council_chair", "deputy", "LY")]


@pytest.mark.parametrize(
    ("text", "title", "role"),
    [
        ("Menteri Dalam Negeri Pemerintah Kesepakatan Nasional (GNA) Fathi Bashagha menuduh Prancis.",
         "Menteri Dalam Negeri", "interior_minister"),
        ("وقال وزير الصحة في حكومة الوحدة الوطنية رمضان أبو جناح إن", "وزير الصحة", "health_minister"),
        ("وزير الداخلية بحكومة الوفاق الوطني فتحي باشاغا اتهم فرنسا", "وزير الداخلية", "interior_minister"),
        ("Bộ trưởng Nội vụ Chính phủ Hiệp nghị Quốc gia (GNA) Fathi Bashagha cáo buộc Pháp.",
         "Bộ trưởng Nội vụ", "interior_minister"),
        ("The interior minister of the Government of National Accord, Fathi Bashagha, accused France.",
         "interior minister of the Government of National Accord", "interior_minister"),
    ],
)
def test_a_libyan_government_after_the_title_gives_its_country(text: str, title: str, role: str) -> None:
    doc = libyaie.extract(text)
    [t] = doc.titles
    assert (t.text, t.role, t.country) == (title, role, "LY")
    assert t.person is not None and t.person.name in ("Fathi Bashagha", "Ramadan Abu Janah")


def test_a_title_of_a_country_and_not_its_envoy_to_it() -> None:
    doc = libyaie.extract("The interior minister of Libya met the U.S. envoy to Libya, Richard Norland.")
    assert [(t.text, t.country) for t in doc.titles] == [("interior minister", "LY"), ("envoy", "US")]
    # a generic government after the title names no country
    doc = libyaie.extract("The interior minister of the interim government said.")
    assert [(t.role, t.country) for t in doc.titles] == [("interior_minister", None)]
