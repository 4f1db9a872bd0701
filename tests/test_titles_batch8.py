"""Titles: fixes found by the eighth unseen batch (own sentences)."""

from __future__ import annotations

import libyaie


def _titles(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.role) for m in libyaie.extract(text).titles]


def test_an_arabic_headcount_is_no_title() -> None:
    # the counted noun after a number is in the accusative: "a government of 26 ministers"
    assert _titles("أعلن تشكيل حكومة من 26 وزيرا") == []
    assert _titles("وقال وزير الداخلية إن الحكومة تضم ١١ وزيرا") == [("وزير الداخلية", "interior_minister")]


def test_a_number_before_a_title_in_other_languages_is_left_alone() -> None:
    assert _titles("Trong tháng 12 Thủ tướng đã phát biểu") == [("Thủ tướng", "prime_minister")]


def test_congress_president_is_the_speaker() -> None:
    assert _titles("Congress President Nouri Abusahmain said") == [("Congress President", "speaker")]


def test_stacked_titles_never_span_a_line_break() -> None:
    text = "Li-bi có hai thủ tướng\n\nThủ tướng Fathi Bashagha tuyên thệ."
    assert ("Thủ tướng", "prime_minister") in _titles(text)
