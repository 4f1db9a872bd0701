"""Places and titles found by the seventh batch of unseen development articles: weak
Vietnamese country names opening a sentence, street and district names, capitals, seats of
government and large African cities, and title forms (special adviser, top diplomat,
senator, chief executive).  Sentences are written for these tests, not taken from the batch."""

from __future__ import annotations

import datetime

import libyaie

REF = datetime.date(2021, 6, 1)


def _places(text: str) -> list[tuple[str, int | None]]:
    return [(m.text, m.place.geonames_id) for m in libyaie.extract(text, reference_date=REF).places]


def _titles(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.role) for t in libyaie.extract(text, reference_date=REF).titles]


RUSSIA, FRANCE, EGYPT, LIBYA, GERMANY = 2017370, 3017382, 357994, 2215636, 2921044
TRIPOLI, MISRATA, SIRTE, BENGHAZI = 2210247, 2214846, 2210554, 88319


# --- weak Vietnamese country names at a sentence's start -----------------------------------

def test_vi_weak_country_opening_a_list_with_a_strong_place() -> None:
    assert _places("Cuộc họp kết thúc. Nga, Pháp và Ai Cập đã cử đại diện.") == [
        ("Nga", RUSSIA), ("Pháp", FRANCE), ("Ai Cập", EGYPT)]


def test_vi_weak_country_as_subject_of_a_verb() -> None:
    assert _places("Cuộc họp kết thúc. Nga tuyên bố rút quân khỏi Libya.") == [
        ("Nga", RUSSIA), ("Libya", LIBYA)]
    assert _places("Đức kêu gọi các bên ở Libya ngừng bắn.") == [("Đức", GERMANY), ("Libya", LIBYA)]


def test_vi_weak_name_still_a_person_without_place_context() -> None:
    assert _places("Bà Nga cho biết bà sẽ về quê.") == []
    assert _places("Nga và Hùng là bạn học.") == []
    # "Anh" opens sentences as the pronoun: no verb rule for it
    assert _places("Anh cho biết sẽ về quê vào tuần sau.") == []


def test_weak_names_in_a_list_reach_a_strong_one() -> None:
    assert _places("Chad, Niger and Libya signed the border deal.") == [
        ("Chad", 2434508), ("Niger", 2440476), ("Libya", LIBYA)]


# --- street and district heads ---------------------------------------------------------------

def test_arabic_street_and_district_heads() -> None:
    assert _places("سقطت قذيفة على شارع طرابلس في مصراتة") == [("مصراتة", MISRATA)]
    assert _places("تقدمت القوات في حي الجيزة وشارع بنغازي بسرت") == [("سرت", SIRTE)]
    # plural "streets of" and عن طريق ("via") keep the place
    assert _places("خرج المتظاهرون إلى شوارع طرابلس") == [("طرابلس", TRIPOLI)]
    assert _places("وصلت المساعدات عن طريق مصر") == [("مصر", EGYPT)]


def test_english_street_after_the_name() -> None:
    assert _places("Clashes hit Tripoli Street in Misrata.") == [("Misrata", MISRATA)]
    assert _places("Crowds filled the streets of Tripoli.") == [("Tripoli", TRIPOLI)]


def test_vietnamese_and_indonesian_street_heads() -> None:
    assert _places("Xe bom phát nổ trên đường Tripoli ở Misrata.") == [("Misrata", MISRATA)]
    assert _places("Người dân xuống đường phố Benghazi, thành phố Tripoli.") == [
        ("Benghazi", BENGHAZI), ("Tripoli", TRIPOLI)]
    assert _places("Ledakan terjadi di Jalan Tripoli, Misrata.") == [("Misrata", MISRATA)]
    assert _places("Warga turun ke jalan di Tripoli.") == [("Tripoli", TRIPOLI)]


# --- generated cities: seats of government, large African cities -----------------------------

def test_seat_of_government_the_hague() -> None:
    assert _places("The court in The Hague issued a warrant.") == [("The Hague", 2747373)]
    assert _places("Mahkamah Pidana Internasional di Den Haag") == [("Den Haag", 2747373)]
    assert _places("Tòa án ở La Haye ra lệnh bắt") == [("La Haye", 2747373)]
    assert _places("أصدرت المحكمة في لاهاي مذكرة") == [("لاهاي", 2747373)]


def test_large_african_cities() -> None:
    assert _places("The summit opened in Abidjan, then moved to Lagos.") == [
        ("Abidjan", 2293538), ("Lagos", 2332459)]
    assert _places("عقد الاجتماع في أبيدجان") == [("أبيدجان", 2293538)]


def test_common_words_are_not_new_cities() -> None:
    # مشهد "scene" (Mashhad), أبا (Aba), كانو (Kano), بنين (Benin City) are not cities
    assert _places("وصف الشاهد مشهد الدمار وقال إن أبا محمد كانو هناك") == []


# --- titles -----------------------------------------------------------------------------------

def test_special_adviser_is_an_envoy() -> None:
    assert ("Cố vấn đặc biệt", "envoy") in _titles("Cố vấn đặc biệt của Tổng thư ký LHQ đến Tripoli.")
    assert ("Penasihat Khusus", "envoy") in _titles("Penasihat Khusus itu tiba di Tripoli.")


def test_top_diplomat_is_a_foreign_minister() -> None:
    assert _titles("Russia's top diplomat arrived in Cairo.") == [("top diplomat", "foreign_minister")]
    assert _titles("The chief diplomat of Egypt spoke.") == [("chief diplomat", "foreign_minister")]


def test_senator_is_a_member_of_parliament() -> None:
    assert _titles("قال السيناتور إن الوضع خطير") == [("السيناتور", "member_of_parliament")]
    assert _titles("صرح عضو مجلس الشيوخ بأن") == [("عضو مجلس الشيوخ", "member_of_parliament")]
    assert _titles("Seorang senator AS berkunjung.") == [("senator", "member_of_parliament")]


def test_chief_executive_is_a_head() -> None:
    assert _titles("Giám đốc điều hành công ty phát biểu.") == [("Giám đốc điều hành", "head")]
    assert _titles("CEO perusahaan itu berbicara.") == [("CEO", "head")]
