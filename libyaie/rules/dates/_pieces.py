"""Named pieces shared by the date rules, built from the gazetteer's date tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import regex

from ... import _regex_cache
from ..._gazetteer import DateTables
from ..._text import normalize_key
from ...resolve.timex import DateSpec
from .. import Example, Rule, alt, compile_rule

__all__ = ["DAY", "MONTH_NUM", "YEAR", "YEAR2", "Pieces", "direction_of", "relative_day_rule"]

DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
MONTH_NUM = r"(?P<m>0?[1-9]|1[0-2])"
YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
_AR_COMPOUND = _regex_cache.compile(r"(?P<unit>\S+)\s+و\s?(?P<ten>\S+)")
_TENS = frozenset(range(20, 100, 10))
# a quantity (a number, or a large-number word, not ended by punctuation) in the words before
# "every day": "nửa triệu thùng mỗi ngày" (half a million barrels a day)
_RATE_BEFORE = _regex_cache.compile(
    r"(?:[\d٠-٩]|(?<!\w)(?:hundred|thousand|million|billion|trăm|nghìn|ngàn|triệu|tỷ|ratus|ribu|juta|miliar"
    r"|مئه|مائه|الف|الاف|مليون|ملايين|مليار)(?!\w))[^.,،!?؟\n\d٠-٩]*$"
)
YEAR2 = r"(?P<y>1[89]\d\d|20\d\d|\d\d)"

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_V = TypeVar("_V")


class Pieces:
    """Regex pieces and value look-ups for one language's date vocabulary."""

    def __init__(self, tables: Mapping[str, DateTables], lang: str):
        self.t = tables.get(lang, DateTables())
        self.lang = lang
        self._index: dict[tuple[str, str], dict[str, object]] = {}
        self._functions: dict[tuple[str, ...], dict[str, str]] = {}

    def _table(self, table: str, sub: str, items: Iterable[tuple[str, object]]) -> dict[str, object]:
        """A table keyed by squashed forms (built once; the first listed form of a key
        wins, as a scan in table order would find it)."""
        idx = self._index.get((table, sub))
        if idx is None:
            idx = {}
            for f, v in items:
                idx.setdefault(_squash(f), v)
            self._index[(table, sub)] = idx
        return idx

    def _lookup(self, table: str, sub: str, items: Iterable[tuple[str, object]], form: str) -> object | None:
        """``form`` looked up in :meth:`_table`, squashed."""
        return _get_squashed(self._table(table, sub, items), form)

    # -- vocab look-ups (forms are normalised keys) --------------------------------
    def words(self, *functions: str) -> tuple[str, ...]:
        out: list[str] = []
        for f in functions:
            out.extend(self.t.words.get(f, ()))
        return tuple(out)

    def alt_words(self, *functions: str, extra: Iterable[str] = ()) -> str:
        return alt([*self.words(*functions), *extra])

    def months(self, calendar: str = "gregorian") -> Mapping[str, int]:
        return self.t.months.get(calendar, {})

    def alt_months(self, calendar: str = "gregorian", exclude: Iterable[str] = ()) -> str:
        ex = {normalize_key(e) for e in exclude}
        return alt([f for f in self.months(calendar) if f not in ex])

    def month_index(self, form: str, calendar: str = "gregorian") -> int | None:
        got = self._lookup("month", calendar, self.months(calendar).items(), form)
        return got if isinstance(got, int) else None

    def alt_weekdays(self) -> str:
        # CLDR abbreviations without a dot (Rab, Sen, Min, CN) are ordinary words and
        # names on their own: only full names and dotted abbreviations (Fri.) are used
        return alt(_unabbreviated(self.t.weekdays))

    def alt_months_long(self, calendar: str = "gregorian") -> str:
        """Month names that may stand alone (May, Mei; not the abbreviations Des, Agu, Jan)."""
        return alt(_unabbreviated(self.months(calendar)))

    def weekday_index(self, form: str) -> int | None:
        got = self._lookup("weekday", "", self.t.weekdays.items(), form)
        return got if isinstance(got, int) else None

    def alt_numbers(self, exclude: Iterable[str] = ()) -> str:
        ex = {normalize_key(e) for e in exclude}
        return alt([f for f in self.t.numbers if f not in ex])

    def number(self, s: str) -> int | None:
        idx = self._table("number", "", self.t.numbers.items())
        if not s.isdigit() and s not in idx:  # digits and listed forms are squashed already
            s = _squash(s)
        if s.isdigit():
            return int(s)
        got = idx.get(s)
        if got is None and (m := _AR_COMPOUND.fullmatch(s)) is not None:
            # Arabic 21–99: the unit, و, the ten (اثنين وعشرين = 22)
            unit, ten = idx.get(m["unit"]), idx.get(m["ten"])
            if isinstance(unit, int) and isinstance(ten, int) and 1 <= unit <= 9 and ten in _TENS:
                return ten + unit
        return got if isinstance(got, int) else None

    def alt_ordinals(self) -> str:
        return alt(self.t.ordinals)

    def ordinal(self, s: str) -> int | None:
        got = self._lookup("ordinal", "", self.t.ordinals.items(), s)
        return got if isinstance(got, int) else None

    def alt_units(self, *units: str) -> str:
        return alt([f for f, u in self.t.units.items() if not units or u in units])

    def unit(self, s: str) -> str | None:
        got = self._lookup("unit", "", self.t.units.items(), s)
        return got if isinstance(got, str) else None

    def alt_duals(self) -> str:
        return alt(self.t.dual_units)

    def dual_unit(self, s: str) -> str | None:
        got = self._lookup("dual", "", self.t.dual_units.items(), s)
        return got if isinstance(got, str) else None

    def function_of(self, s: str, *functions: str) -> str | None:
        """The first of ``functions`` whose words hold ``s`` (one index per tuple of
        functions, built once: each squashed word maps to the first function listing it)."""
        idx = self._functions.get(functions)
        if idx is None:
            idx = {}
            for fn in functions:
                for f in self.t.words.get(fn, ()):
                    idx.setdefault(_squash(f), fn)
            self._functions[functions] = idx
        return _get_squashed(idx, s)


def _unabbreviated(table: Mapping[str, int]) -> list[str]:
    """Forms that are not a dotless abbreviation (a prefix of a longer form of the same
    index, or shorter than three letters)."""
    out = []
    for f, i in table.items():
        if f.endswith("."):
            out.append(f)
            continue
        if len(f) < 3:
            continue
        if any(g.rstrip(".") != f and j == i and g.startswith(f) for g, j in table.items()):
            continue
        out.append(f)
    return out


_SPACES = _regex_cache.compile(r"\s+")


def _squash(s: str) -> str:
    return _SPACES.sub(" ", s).strip()


def _get_squashed(idx: Mapping[str, _V], form: str) -> _V | None:
    """``idx.get(_squash(form))`` for an index keyed by squashed forms.  A form found as it
    is is one of those keys, so already squashed: only the others are squashed (most forms
    come from a pattern piece made of the listed forms, and are found at once)."""
    got = idx.get(form)
    return got if got is not None else idx.get(_squash(form))


_REL_DAY = {"yesterday": -1, "tomorrow": 1, "day-before-yesterday": -2, "day-after-tomorrow": 2, "today-dated": 0}


def relative_day_rule(p: Pieces, left: str, right: str, examples: Sequence[Example], negatives: Sequence[str]) -> Rule:
    """``<lang>.date.yesterday-tomorrow``: a relative-day word (أمس, hôm qua, kemarin, yesterday;
    today in a dated form: فجر اليوم, sáng nay, pagi ini, this morning) is the reference date
    shifted by its offset."""

    functions = tuple(_REL_DAY)

    def build(m: regex.Match[str]) -> object:
        fn = p.function_of(m[0], *functions)
        return None if fn is None else spec(rel_unit="D", rel_offset=_REL_DAY[fn])

    return compile_rule(
        f"{p.lang}.date.yesterday-tomorrow", "date", p.lang, rf"{left}{p.alt_words(*_REL_DAY)}{right}", build,
        examples=examples, negatives=negatives,
    )


def every_unit_rule(
    p: Pieces, left: str, right: str, every: str, examples: Sequence[Example], negatives: Sequence[str]
) -> Rule:
    """``<lang>.date.every-unit``: a recurring period (every day, setiap bulan, mỗi năm, كل
    أسبوع; every two years) is a TIMEX3 set whose value is the period (P1D, P2Y), as HeidelTime
    writes it.  ``every`` is the pattern of the language's "every" words; only days, weeks,
    months and years recur in news this way, and a vague amount (every few days) is left out.
    A quantity before it makes it a rate, no time expression (``750 triệu feet khối mỗi ngày``,
    ``1,000 migrants every day``), as annotators read it."""
    unit = p.alt_units("D", "W", "M", "Y")

    def build(m: regex.Match[str]) -> object:
        if _RATE_BEFORE.search(m.string, max(0, m.start() - 40), m.start()) is not None:
            return None
        u = p.unit(m["u"])
        n = p.number(m["n"]) if m["n"] else 1
        if u not in ("D", "W", "M", "Y") or n is None or not 1 <= n <= 99:
            return None
        return spec(duration_unit=u, duration_amount=n, set_=True)

    return compile_rule(
        f"{p.lang}.date.every-unit", "date", p.lang,
        rf"{left}(?:{every})\s{{1,2}}(?:(?P<n>\d{{1,2}}|{p.alt_numbers()})\s{{1,2}})?(?P<u>{unit}){right}", build,
        examples=examples, negatives=negatives,
        anchor=(unit,),  # every match holds its unit: the rule runs around unit words only
    )


_NEXT_DAY = {"next-day": 1, "previous-day": -1}


def next_day_rule(p: Pieces, left: str, right: str, examples: Sequence[Example], negatives: Sequence[str]) -> Rule:
    """``<lang>.date.next-day``: the day after or before the day last dated in the text
    (اليوم التالي, keesokan harinya, hôm sau, the next day; sehari sebelumnya, the previous
    day).  The pipeline takes the last date of day precision before it; read alone (the
    examples) it is the reference date shifted, and with no such date before it in the text
    it is not reported."""

    functions = tuple(_NEXT_DAY)

    def build(m: regex.Match[str]) -> object:
        fn = p.function_of(m[0], *functions)
        return None if fn is None else spec(rel_unit="D", rel_offset=_NEXT_DAY[fn], anaphoric=True)

    return compile_rule(
        f"{p.lang}.date.next-day", "date", p.lang, rf"{left}{p.alt_words(*_NEXT_DAY)}{right}", build,
        examples=examples, negatives=negatives, priority=1,
    )


def latin_hijri_rule(p: Pieces, left: str, right: str, examples: Sequence[Example], negatives: Sequence[str]) -> Rule:
    """``<lang>.date.hijri`` for Latin-script languages: a Hijri month name with its year
    (``1 Syawal 1441 H``, ``10 Dzulhijjah 1441 Hijriah``, ``Ramadan 1441 AH``, ``Ramadan 10,
    1431``: the month first, then the day and a comma, as an English date), converted on
    the Umm al-Qura calendar.  The year is required: Ramadan, Rajab and Safar are also given
    names."""

    def build(m: regex.Match[str]) -> object:
        mo = p.month_index(m["m"], "hijri")
        if mo is None or (m["d"] and m["d2"]):
            return None
        d = m["d"] or m["d2"]
        return spec(year=int(m["y"]), month=mo, day=int(d) if d else None, calendar="hijri")

    hmonth = p.alt_months("hijri")
    return compile_rule(
        f"{p.lang}.date.hijri", "date", p.lang,
        # day month year (10 Dzulhijjah 1441) or, in English, month day, year (Ramadan 10, 1431)
        rf"""{left}(?:(?P<d>[12]\d|30|0?[1-9])\s{{1,2}})?(?P<m>{hmonth})
             (?:\s{{1,2}}(?P<d2>[12]\d|30|0?[1-9])(?:st|nd|rd|th)?\s{{0,2}},)?\s{{1,2}}(?P<y>1[3-5]\d\d)(?!\d)
             (?:\s{{0,2}}{p.alt_words("hijri-marker")}(?![\w\u0300-\u036f]))?""",
        build, examples=examples, negatives=negatives, priority=1, anchor=(hmonth,),
    )


_AGO_UNITS = {"Y": "Y", "M": "M", "W": "W", "D": "D"}


def weekday_set_build(p: Pieces) -> Callable[[regex.Match[str]], object]:
    """The build of a weekday-set rule (``every Monday``, ``setiap hari Senin``, ``thứ Hai
    hàng tuần``): the weekday of group ``wd`` (or ``wd2``, a second word order) as a set."""

    def build(m: regex.Match[str]) -> object:
        wd = p.weekday_index(m["wd"] or m.groupdict().get("wd2") or "")
        return None if wd is None else spec(weekday=wd, set_=True)

    return build


def ago_build(p: Pieces) -> Callable[[regex.Match[str]], object]:
    """The build of an "N units ago" rule (``three years ago``, ``tiga tahun lalu``, ``قبل
    عامين``, ``cách đây 3 tháng``): the reference date N units back, at that unit's
    granularity (a year, a month, an ISO week, a day).  Groups: ``n`` (a number, absent for
    one unit), ``u`` (the unit) or ``dual`` (an Arabic dual, two units); a vague amount
    (``vài``, ``beberapa``) gives nothing: it is no point in time."""

    def build(m: regex.Match[str]) -> object:
        groups = m.groupdict()
        n: int | None
        if groups.get("dual"):
            u, n = p.dual_unit(groups["dual"]), 2
        else:
            u = p.unit(groups["u"])
            n = p.number(groups["n"]) if groups.get("n") else 1
        if u == "DE" and n is not None:
            u, n = "Y", n * 10
        unit = _AGO_UNITS.get(u or "")
        if unit is None or n is None or n <= 0:
            return None
        return spec(rel_unit=unit, rel_offset=-n)

    return build


_DIRECTION = {"past": -1, "future": 1, "this": 0}


def direction_of(p: Pieces, word: str | None) -> int:
    if not word:
        return 0
    fn = p.function_of(word, "past", "future", "this")
    return _DIRECTION.get(fn or "", 0)


def roman_or_int(s: str) -> int | None:
    s = s.strip().lower()
    if s.isdigit():
        return int(s)
    return _ROMAN.get(s)


def year_of(s: str | None) -> int | None:
    """A 4-digit year, or a 2-digit one read as 19xx/20xx (pivot 50)."""
    if not s:
        return None
    y = int(s)
    if len(s) == 2:
        y += 2000 if y < 50 else 1900
    return y


spec = DateSpec
"""What a date rule's build returns: the :class:`DateSpec` class itself (no wrapper call per match)."""


_REL_OFFSET = {"past": -1, "future": 1}  # "this" and unmarked: 0


_YEAR_PARTS = {"quarter": 4, "half": 2}


def year_part_spec(p: Pieces, part: str, n: int | None, year: str | None, rel: str | None) -> object:
    """Part ``n`` of a year, a ``quarter`` (1–4, TIMEX3 ``2021-Q1``) or a ``half`` (1–2,
    ``2021-H1``); -1 is the last one (الربع الأخير, the latter half).  Of ``year``, or else of
    the reference year moved by the relative-year word ``rel`` ("last year": the year before;
    none: the reference year's)."""
    if n == -1:
        n = _YEAR_PARTS[part]
    if n is None or not 1 <= n <= _YEAR_PARTS[part]:
        return None
    q, h = (n, None) if part == "quarter" else (None, n)
    if year:
        return spec(year=int(year), quarter=q, half=h)
    fn = p.function_of(rel, "past", "future", "this") if rel else None
    return spec(quarter=q, half=h, rel_unit="Y", rel_offset=_REL_OFFSET.get(fn or "", 0))
