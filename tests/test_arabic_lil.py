"""The preposition ل before the article drops the article's alef (ل + القاهرة → للقاهرة):
the gazetteer finds such a name after that ل, and only there."""

from __future__ import annotations

import datetime

import pytest

import libyaie
from libyaie.model import PersonMention, PlaceMention

REF = datetime.date(2021, 3, 5)


def _places(text: str) -> list[tuple[str, int | None]]:
    return [(m.text, m.place.geonames_id) for m in libyaie.extract(text, reference_date=REF).mentions
            if isinstance(m, PlaceMention)]


def _persons(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.person.id) for m in libyaie.extract(text, reference_date=REF).mentions
            if isinstance(m, PersonMention)]


@pytest.mark.parametrize(("text", "expected"), [
    ("عاد الوزير للقاهرة بعد جولة قصيرة", [("لقاهرة", 360630)]),
    ("وصلت المساعدات وللقاهرة نصيب منها", [("لقاهرة", 360630)]),
    ("سلم الوفد رسالة للمصريين والليبيين", [("لمصريين", 357994), ("الليبيين", 2215636)]),
])
def test_a_place_after_lil(text: str, expected: list[tuple[str, int]]) -> None:
    assert _places(text) == expected


def test_a_known_person_after_lil() -> None:
    got = _persons("نقل المبعوث رسالة شفهية للقذافي قبل اندلاع القتال")
    assert got == [("لقذافي", "muammar-gaddafi")]


@pytest.mark.parametrize("text", [
    "كتب لقاهرة المعز قصيدة",  # no preposition ل before the contracted article
    "مر بلقاهرة الموكب",  # ب is not ل
    "زار الوفد مكتبللقاهرة للتجارة",  # inside a longer word
])
def test_no_contracted_key_without_its_lil(text: str) -> None:
    assert all(gid != 360630 for _, gid in _places(text))
