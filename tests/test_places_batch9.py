"""Places found by the ninth batch of unseen development articles: cities of Libya's
neighbours and of Indonesia (Medenine, Ben Gardane, Cirebon), the Korean nisba (الكورية),
and broadcasters named after a place (ليبيا الأحرار, Libya Al-Ahrar).  Sentences are
written for these tests, not taken from the batch."""

from __future__ import annotations

import datetime

import libyaie

REF = datetime.date(2021, 6, 1)


def _places(text: str) -> list[tuple[str, int | None]]:
    return [(m.text, m.place.geonames_id) for m in libyaie.extract(text, reference_date=REF).places]


LIBYA, NORTH_KOREA, SOUTH_KOREA = 2215636, 1873107, 1835841
MEDENINE, TATAOUINE, GABES, BEN_GARDANE, CIREBON, ABECHE = (
    2469473, 2464701, 2468369, 2472431, 1646170, 245785)


# --- cities of the neighbours and of Indonesia ----------------------------------------------

def test_tunisian_border_cities_in_arabic() -> None:
    got = _places("نقل الجرحى من بن قردان إلى مستشفيات مدنين وتطاوين وقابس.")
    assert got == [("بن قردان", BEN_GARDANE), ("مدنين", MEDENINE), ("تطاوين", TATAOUINE),
                   ("قابس", GABES)]


def test_neighbour_cities_in_latin_script() -> None:
    assert _places("Refugees crossed from Ben Gardane to Medenine.") == [
        ("Ben Gardane", BEN_GARDANE), ("Medenine", MEDENINE)]
    assert _places("Pasukan itu bergerak menuju Abéché.") == [("Abéché", ABECHE)]


def test_indonesian_home_town() -> None:
    assert _places("Ia berasal dari Cirebon, Jawa Barat.")[:1] == [("Cirebon", CIREBON)]


def test_neighbour_city_names_that_are_words_are_not_places() -> None:
    # معسكر "camp" (Mascara), الخميس "Thursday" (Khemis Miliana), ربك "your Lord" (Rabak),
    # مساكن "dwellings" (Msaken), جمال (Djemmal; a given name)
    for text in ("اقتحم المسلحون معسكر التدريب يوم الخميس.",
                 "قال جمال إن المساكن دمرت وإن ربك رحيم."):
        assert _places(text) == [], text


def test_chad_and_niger_rows_take_no_arabic_alternate_names() -> None:
    # سارة (Sarh), بول (Bol), ماو (Mao): given names and words
    assert _places("قالت سارة إن ماو وصل.") == []


def test_indonesian_city_names_that_are_words_are_weak() -> None:
    assert _places("Serang markas itu sekarang juga!") == []
    assert _places("Polisi menangkap pelaku di Serang.") == [("Serang", 1627549)]


# --- Korean nisba ---------------------------------------------------------------------------

def test_korean_nisba_follows_the_documents_korea() -> None:
    got = _places("فرت الناقلة الكورية من الميناء، وقالت كوريا الشمالية إنها ألغت تسجيلها.")
    assert got[0] == ("الكورية", NORTH_KOREA)


def test_korean_nisba_defaults_to_south_korea() -> None:
    assert _places("وقعت الشركة الكورية عقدا مع ليبيا.") == [("الكورية", SOUTH_KOREA), ("ليبيا", LIBYA)]


# --- broadcasters named after a place -------------------------------------------------------

def test_broadcaster_named_after_libya_is_not_the_place() -> None:
    assert _places("ونقلت قناة ليبيا الأحرار عن مصدر عسكري.") == []
    assert _places("ونقلت قناة ليبيا الحدث الخبر.") == []
    assert _places("Menurut laporan Libya Al-Ahrar, bentrokan terjadi.") == []
    assert _places("The Libya Alahrar channel reported clashes.") == []


def test_libya_before_other_words_stays_a_place() -> None:
    assert _places("وصل الوفد إلى ليبيا الأربعاء.") == [("ليبيا", LIBYA)]
