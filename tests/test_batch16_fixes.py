"""Errors found by probing the constructions a newcomer batch (16) would hold, fixed by their
general cause: a lowercase head followed by "of"/"for" and the capitalised name of the body
it heads or speaks for, and an Indonesian body's name set off by commas before its officer.

Short sentences of our own; each test fails before the fix.
"""

from __future__ import annotations

import datetime

import libyaie


def _titles(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.role) for m in libyaie.extract(text).titles]


def _persons(text: str) -> list[str]:
    return [m.text for m in libyaie.extract(text).persons]


def test_lowercase_head_of_a_named_body_is_a_title() -> None:
    assert _titles("A spokesman for Operation Volcano of Rage, Mohamed Gununu, said.") == [
        ("spokesman for Operation Volcano of Rage", "spokesperson")]
    # the head of a commission, council, board or committee chairs it
    assert _titles("The head of the High National Election Commission, Imad al-Sayeh, said.") == [
        ("head of the High National Election Commission", "council_chair")]
    assert _titles("The chief of the Audit Bureau spoke on television.") == [("chief of the Audit Bureau", "head")]


def test_lowercase_head_without_a_named_body_stays_out() -> None:
    assert _titles("He is the head of state and the leader of an armed group.") == []
    # not every head: a film's director
    assert _titles("He was the director of the Oscar-nominated Afghanistan documentary.") == []


def test_the_body_is_neither_another_title_nor_a_person() -> None:
    got = _titles("The spokesman for Field Marshal Khalifa Haftar, Ahmed al-Mismari, said.")
    assert got == [("spokesman", "spokesperson"), ("Field Marshal", "field_marshal")]
    # the title does not run over the person it speaks for
    assert _titles("A spokesman for Khalifa Haftar said.") == [("spokesman", "spokesperson")]


def test_indonesian_body_set_off_by_commas_is_no_person() -> None:
    text = "Juru bicara Operasi Gunung Berapi, Abdel Malik al-Madani, mengatakan pasukan maju."
    assert _persons(text) == ["Abdel Malik al-Madani"]
    # a name right after the body, before the comma, is still its officer
    assert _persons("Juru bicara Kemlu Budi Santoso, mengatakan.") == ["Budi Santoso"]


def test_names_listed_after_a_plural_role_noun() -> None:
    assert _persons("He killed two CIA security contractors, Glen Doherty and Tyrone Woods. Then he left.") == [
        "Glen Doherty", "Tyrone Woods"]
    assert _persons("Two embassy employees, Karim Bechikh and Laroussi Kontassi, were seized.") == [
        "Karim Bechikh", "Laroussi Kontassi"]
    assert _persons("Terdapat empat pekerja asal Italia, Gino Pollicardo, Fausto Piano dan Filippo Calcagno.") == [
        "Gino Pollicardo", "Fausto Piano", "Filippo Calcagno"]
    # a list needs the role noun in front: capitalised pairs alone stay out
    assert _persons("Delegates visited Green Square and Martyrs Square.") == []


def test_name_after_a_title_and_the_place_it_serves_in() -> None:
    assert _persons("Jordan's ambassador to Libya, Fawaz al-Itan, was freed.") == ["Fawaz al-Itan"]
    # Arabic: لدى / إلى + place before the name, which stops at إنه ("that he")
    assert _persons("وقال السفير الأردني لدى ليبيا محمد العيطان إنه بخير.") == ["محمد العيطان"]
    # a preposition after the place is no name: "... إلى ليبيا وسط جدل"
    assert _persons("الأمم المتحدة تعين مبعوثا إلى ليبيا وسط جدل حول الوظيفة") == []


def test_a_surname_that_named_someone_else_first_keeps_naming_them() -> None:
    doc = libyaie.extract("The 48th Brigade, led by Ahmed al-Dabbashi, withdrew. Dabbashi's fighters left.")
    assert [(m.text, m.person.name, m.person.id) for m in doc.persons] == [
        ("Ahmed al-Dabbashi", "Ahmed al-Dabbashi", None), ("Dabbashi", "Ahmed al-Dabbashi", None)]
    # unless the listed person is named in full in the text
    doc = libyaie.extract("Ibrahim Dabbashi spoke. Later Ahmed al-Dabbashi fought. Dabbashi said.")
    assert [m.person.id for m in doc.persons] == ["ibrahim-dabbashi", None, "ibrahim-dabbashi"]


def test_weekday_and_time_of_day_before_the_date_are_one_date() -> None:
    ref = datetime.date(2023, 9, 26)
    got = [(m.text, m.value) for m in libyaie.extract("Bendungan jebol pada Minggu malam, 10 September.",
                                                       reference_date=ref).dates]
    assert got == [("Minggu malam, 10 September", "2023-09-10")]
    got = [(m.text, m.value) for m in libyaie.extract("The dams burst on Sunday night, Sept. 10, officials said.",
                                                       reference_date=ref).dates]
    assert got == [("Sunday night, Sept. 10", "2023-09-10")]
