"""Titles and persons: fixes found by the ninth unseen batch (general mechanisms, own sentences)."""

from __future__ import annotations

import libyaie


def _titles(text: str) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.role, t.person.name if t.person else None) for t in libyaie.extract(text).titles]


def _persons(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.person.id) for m in libyaie.extract(text).persons]


def test_english_apposition_with_article_keeps_the_title() -> None:
    got = _titles("Omar Belhadi, the spokesman for the coastguard, said the boat sank.")
    assert ("spokesman", "spokesperson", "Omar Belhadi") in got
    got = _titles("Karim Fennich, a spokesman, said the road was closed.")
    assert ("spokesman", "spokesperson", "Karim Fennich") in got


def test_title_of_place_then_comma_apposed_name() -> None:
    text = "The mayor of Zliten, Mabrouk Sherif, said the jets hit a farm."
    assert ("Mabrouk Sherif", None) in _persons(text)
    assert ("mayor", "mayor", "Mabrouk Sherif") in _titles(text)


def test_press_secretary_and_presidency_council() -> None:
    assert any(r == "spokesperson" for _, r, _ in _titles("White House press secretary Dana Lorne said it."))
    assert any(r == "council_chair" for _, r, _ in _titles("He met the head of the Presidency Council on Monday."))


def test_retired_general_is_former() -> None:
    ts = libyaie.extract("The retired general Omar Belhadi spoke on Monday.").titles
    assert any(t.role == "general" and t.qualifier == "former" for t in ts)


def test_vietnamese_ve_huu_is_former() -> None:
    ts = libyaie.extract("Ông Haftar, tướng về hưu Khalifa Haftar, tuyên bố hôm thứ Hai.").titles
    assert any(t.role == "general" and t.qualifier == "former" for t in ts)


def test_arabic_unit_commander() -> None:
    got = _titles("وقال آمر اللواء إن الوضع هادئ.")
    assert any(text == "آمر اللواء" and role == "commander" for text, role, _ in got)
    assert not any(role == "general" for _, role, _ in got)


def test_indonesian_titles_data() -> None:
    got = _titles("Ketua Dewan Perwakilan itu menolak rencana tersebut.")
    assert any(role == "speaker" for _, role, _ in got)
    got = _titles("Jaksa Agung Amerika Serikat mengumumkan dakwaan baru.")
    assert any(role == "justice_minister" for _, role, _ in got)


def test_arabic_other_given_name_before_a_known_surname() -> None:
    got = _persons("قال أحد السكان، ويدعى عادل الككلي، إن عائلته احتمت بالممر.")
    assert ("عادل الككلي", None) in got
    assert not any(pid is not None for _, pid in got)
