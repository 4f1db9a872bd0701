"""The rules' look-up shortcuts agree with the plain computations they replace."""

from __future__ import annotations

import calendar

import pytest

from libyaie import _gazetteer
from libyaie.resolve import timex
from libyaie.rules.dates import _pieces
from libyaie.rules.titles import _index

GAZ = _gazetteer.get()
LANGS = sorted(GAZ.dates)


def test_month_days_is_monthrange() -> None:
    for y in (*range(1, 40), *range(1580, 2500), 9999):
        for m in range(1, 13):
            assert timex._month_days(y, m) == calendar.monthrange(y, m)[1]


def _variants(form: str) -> list[str]:
    """A form as listed, and with the white space a capture may hold around or in it."""
    return [form, f" {form} ", form.replace(" ", "  "), form.replace(" ", "\n"), form.upper(), ""]


@pytest.mark.parametrize("lang", LANGS)
def test_function_of_is_scan_in_order(lang: str) -> None:
    p = _pieces.Pieces(GAZ.dates, lang)

    def plain(s: str, *functions: str) -> str | None:
        for fn in functions:
            if _pieces._squash(s) in {_pieces._squash(f) for f in p.t.words.get(fn, ())}:
                return fn
        return None

    groups = [("past", "future", "this"), ("morning",), tuple(p.t.words)]
    for functions in groups:
        for fn in functions:
            for f in p.t.words.get(fn, ()):
                for s in _variants(f):
                    assert p.function_of(s, *functions) == plain(s, *functions), (s, functions)


@pytest.mark.parametrize("lang", LANGS)
def test_lookups_squash_like_before(lang: str) -> None:
    p = _pieces.Pieces(GAZ.dates, lang)

    def plain(table: dict[str, object], s: str) -> object | None:
        idx: dict[str, object] = {}
        for f, v in table.items():
            idx.setdefault(_pieces._squash(f), v)
        return idx.get(_pieces._squash(s))

    def plain_number(s: str) -> int | None:
        s = _pieces._squash(s)
        if s.isdigit():
            return int(s)
        got = plain(dict(p.t.numbers), s)
        return got if isinstance(got, int) else None

    for f in [*p.t.units, *p.t.months.get("gregorian", {})]:
        for s in _variants(f):
            assert p.unit(s) == plain(dict(p.t.units), s)
            assert p.month_index(s) == plain(dict(p.t.months.get("gregorian", {})), s)
    for s in [*p.t.numbers, "7", " 12 ", "2020", "1 2", "x"]:
        for v in _variants(s):
            assert p.number(v) == plain_number(v), v


@pytest.mark.parametrize("lang", sorted(GAZ.titles))
def test_title_keys_are_squashed(lang: str) -> None:
    # the title build looks a captured form up as it is: the keys must be squashed already
    for kind in ("head", "portfolio", "modifier"):
        for k in _index(GAZ.titles[lang], kind):
            assert _pieces._squash(k) == k
