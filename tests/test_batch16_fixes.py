"""Errors found by probing the constructions a newcomer batch (16) would hold, fixed by their
general cause: a lowercase head followed by "of"/"for" and the capitalised name of the body
it heads or speaks for, and an Indonesian body's name set off by commas before its officer.

Short sentences of our own; each test fails before the fix.
"""

from __future__ import annotations

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
