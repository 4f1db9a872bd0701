"""TIMEX3 resolution: turn a :class:`DateSpec` (what a rule read) into a value.

Values follow CONTRACT.md §4, as HeidelTime writes them: ``2020-12-28``,
``2020-12``, ``2020``, ``2020-W52``, ``197`` (decade), ``20`` (century),
``2022-Q1``, ``2020-SU`` (season), durations ``P6Y``/``P2W``/``PXY``, sets ``XXXX-WXX-1``,
``XXXX-12-27`` when the year is unknown.  Relative expressions are anchored to
the reference date; without one they stay underspecified — never invented.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence

import attrs

from .. import _regex_cache

__all__ = ["DateSpec", "Resolved", "hijri_to_gregorian", "resolve", "resolve_in_text", "share_headline_years",
           "share_range_months"]


@attrs.frozen(slots=False)
class DateSpec:
    """What a date rule read from the text.  All fields optional.

    Not slotted: every date match builds one, and a frozen class with an instance dict
    is built nearly twice as fast (its ``__init__`` stores the twenty fields in the dict
    instead of calling ``object.__setattr__`` for each slot)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"  # gregorian | hijri | libyan
    weekday: int | None = None  # 1 = Monday ... 7 = Sunday
    direction: int = 0  # -1 past (الماضي, lalu, last), +1 future (المقبل, tới, next), 0 unmarked
    rel_unit: str | None = None  # relative to the reference date: D W M Y DE
    rel_offset: int = 0
    duration_unit: str | None = None  # Y M W D H DE CE
    duration_amount: int | None = None  # None → X (several)
    decade: int | None = None  # 197 for the 1970s
    century: int | None = None  # 20 for the 20th century (1900s) as TIMEX "19"
    century_rel: int | None = None  # -1: last century (القرن الماضي)
    decade_in_century: int | None = None  # 7 for "the seventies" of a century
    quarter: int | None = None
    half: int | None = None  # 1 or 2: the first or second half of the year (TIMEX3 2021-H1)
    season: str | None = None  # SP SU FA WI
    part_of_day: str | None = None  # MO AF EV NI
    mod: str | None = None
    set_: bool = False  # a recurring weekday ("every Monday"): XXXX-WXX-1; with duration_unit "every day": P1D; kind set
    anaphoric: bool = False  # "the same year" (العام ذاته, cùng năm): the year last named in the text
    weekend: bool = False  # with rel_unit W: the weekend of that week (2020-W52-WE); direction -1: the last one


@attrs.frozen(slots=True)
class Resolved:
    value: str
    kind: str  # date | duration | set
    anchored: bool


def hijri_to_gregorian(year: int, month: int, day: int) -> datetime.date | None:
    """Umm al-Qura conversion (via ``hijridate``); None outside its range."""
    try:
        from hijridate import Hijri

        g = Hijri(year, month, day).to_gregorian()
        return datetime.date(g.year, g.month, g.day)
    except (ValueError, OverflowError, ImportError):
        return None


def _hijri_year_of(d: datetime.date) -> int | None:
    """The Umm al-Qura year that ``d`` falls in; None outside the calendar's range."""
    try:
        from hijridate import Gregorian

        return int(Gregorian(d.year, d.month, d.day).to_hijri().year)
    except (ValueError, OverflowError, ImportError):
        return None


def _hijri_closest(month: int, day: int, ref: datetime.date) -> datetime.date | None:
    """A Hijri day and month written without the year ("20 ربيع الأول"), placed as a
    Gregorian day and month is (:func:`_closest_year`): the latest one on or before the
    reference date, unless that lies more than 300 days back (then the next one)."""
    hy = _hijri_year_of(ref)
    if hy is None:
        return None
    for y in (hy, hy - 1):
        g = hijri_to_gregorian(y, month, day)
        if g is not None and g <= ref:
            return g if (ref - g).days <= 300 else hijri_to_gregorian(y + 1, month, day)
    return None


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(y: int, m: int) -> int:
    """The days in month ``m`` (1-12) of year ``y``: ``calendar.monthrange(y, m)[1]``
    without the weekday of the first that it also computes."""
    return _MONTH_DAYS[m] + (m == 2 and calendar.isleap(y))


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _month_days(y, m)


def _closest_year(month: int, day: int | None, ref: datetime.date, direction: int) -> int:
    """Year for a day/month without year in news.

    Marked past (``الماضي``, ``vừa qua``, ``lalu``): the latest one before the
    reference date; marked future: the earliest after it.  Unmarked: news mostly
    reports the past, so the latest one on or before the reference date, unless
    that lies more than ten months back (``5 January`` written on 28 December is
    next week)."""
    d = day or 1

    def at(y: int) -> datetime.date:
        return datetime.date(y, month, min(d, _month_days(y, month)))

    if day is None:
        # months compare by index: the current month counts as "on or before"
        past_y = ref.year if month <= ref.month else ref.year - 1
        if direction < 0:
            return past_y if month < ref.month else ref.year - 1
        if direction > 0:
            return ref.year if month > ref.month else ref.year + 1
        back = (ref.year - past_y) * 12 + ref.month - month
        return past_y if back <= 10 else past_y + 1
    this_year = at(ref.year)
    past_y = ref.year if this_year <= ref else ref.year - 1
    if direction < 0:
        return ref.year if this_year < ref else ref.year - 1
    if direction > 0:
        return ref.year if this_year > ref else ref.year + 1
    back = (ref - at(past_y)).days
    return past_y if back <= 300 else past_y + 1


# the first and the last month of each season (northern hemisphere; winter from December, its
# year the year it begins in)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _season_year(season: str, direction: int, ref: datetime.date) -> int:
    """The year of a season without one: "next spring" is the first one to begin after the
    reference date, "last summer" the latest one over before it, an unmarked or "this"
    season the reference date's year."""
    first, last = _SEASON_MONTHS.get(season, (1, 12))
    if direction > 0:
        return ref.year if ref.month < first else ref.year + 1
    if direction < 0:
        # the season of year y is over after month ``last`` of y (14: February of y + 1)
        y = ref.year
        while y * 12 + last >= ref.year * 12 + ref.month:
            y -= 1
        return y
    if season == "WI" and ref.month <= 2:
        return ref.year - 1  # January and February belong to the winter that began in December
    return ref.year


def _iso_week(d: datetime.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def resolve(spec: DateSpec, ref: datetime.date | None) -> Resolved | None:
    """The TIMEX3 value of ``spec`` against ``ref``; None when it is not a valid date."""
    if spec.duration_unit is not None:
        amount = "X" if spec.duration_amount is None else str(spec.duration_amount)
        unit = spec.duration_unit
        if unit == "DE":
            return Resolved(f"P{amount}0Y" if amount != "X" else "PXDE", "duration", False)
        if unit == "CE":
            return Resolved(f"P{amount}00Y" if amount != "X" else "PXCE", "duration", False)
        if unit == "H":
            return Resolved(f"PT{amount}H", "duration", False)
        if unit == "MIN":
            return Resolved(f"PT{amount}M", "duration", False)
        # "every day", "setiap bulan", "mỗi năm", "كل أسبوع": a set, its period as the value
        return Resolved(f"P{amount}{unit}", "set" if spec.set_ else "duration", False)

    # a set: "every Monday", "setiap hari Senin", "كل يوم اثنين" (TIMEX3 SET, as HeidelTime
    # writes it: XXXX-WXX-1); a weekday is the only set the rules read
    if spec.set_:
        if spec.weekday is None or not 1 <= spec.weekday <= 7:
            return None
        return Resolved(f"XXXX-WXX-{spec.weekday}", "set", False)

    y, m, d = spec.year, spec.month, spec.day
    if spec.calendar == "libyan" and y is not None:
        y = y + 632  # years counted from the Prophet's death (و.ر)
    if spec.calendar == "hijri":
        if y is None and m is not None and d is not None and ref is not None:
            g0 = _hijri_closest(m, d, ref)  # "20 ربيع الأول": the year from the reference date
            return None if g0 is None else Resolved(g0.isoformat(), "date", True)
        if y is None or m is None:
            return None
        if d is None:
            g1 = hijri_to_gregorian(y, m, 1)
            return None if g1 is None else Resolved(f"{g1.year:04d}-{g1.month:02d}", "date", False)
        g = hijri_to_gregorian(y, m, d)
        return None if g is None else Resolved(g.isoformat(), "date", False)

    # the part of day (صباح الأحد, sáng 14-1) is read but not put in the value: annotators
    # give the day itself (HeidelTime's 2020-12-27TMO is accepted as an alternative by them)
    suffix = ""

    # decades and centuries
    if spec.decade is not None:
        return Resolved(str(spec.decade), "date", False)
    if spec.decade_in_century is not None:
        if spec.century_rel is not None:
            if ref is None:
                return Resolved(f"XX{spec.decade_in_century}", "date", False)
            c = ref.year // 100 + spec.century_rel
            return Resolved(f"{c}{spec.decade_in_century}", "date", True)
        if spec.century is not None:
            return Resolved(f"{spec.century - 1}{spec.decade_in_century}", "date", False)
        return Resolved(f"XX{spec.decade_in_century}", "date", False)
    if spec.century is not None:
        return Resolved(f"{spec.century - 1:02d}", "date", False)
    if spec.century_rel is not None:
        if ref is None:
            return Resolved("XX", "date", False)
        return Resolved(f"{ref.year // 100 + spec.century_rel:02d}", "date", True)

    # relative to the reference date (yesterday, last week, next month, this year)
    if spec.rel_unit is not None and y is None and m is None and spec.weekday is None:
        k = spec.rel_offset
        if ref is None:
            if spec.weekend:
                return Resolved("XXXX-WXX-WE", "date", False)
            if spec.season is not None and spec.rel_unit == "Y":
                return Resolved(f"XXXX-{spec.season}", "date", False)
            return Resolved({"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX"}[spec.rel_unit],
                            "date", False)
        if spec.rel_unit == "DE":
            return Resolved(str(ref.year // 10 + k), "date", True)  # the last decade (ref 2012): 200
        if spec.rel_unit == "D":
            return Resolved((ref + datetime.timedelta(days=k)).isoformat() + suffix, "date", True)
        if spec.rel_unit == "W":
            if spec.weekend:
                if spec.direction < 0 and ref.isoweekday() < 6:
                    k -= 1  # "over the weekend" said on a weekday: the weekend before
                return Resolved(_iso_week(ref + datetime.timedelta(weeks=k)) + "-WE", "date", True)
            return Resolved(_iso_week(ref + datetime.timedelta(weeks=k)), "date", True)
        if spec.rel_unit == "M":
            yy, mm = _shift_month(ref.year, ref.month, k)
            return Resolved(f"{yy:04d}-{mm:02d}", "date", True)
        if spec.rel_unit == "Y":
            yy = ref.year + k
            if spec.quarter:
                return Resolved(f"{yy:04d}-Q{spec.quarter}", "date", True)
            if spec.half:
                return Resolved(f"{yy:04d}-H{spec.half}", "date", True)
            if spec.season:
                return Resolved(f"{yy:04d}-{spec.season}", "date", True)
            if m is not None:
                return Resolved(f"{yy:04d}-{m:02d}", "date", True)
            return Resolved(f"{yy:04d}", "date", True)
        return None
    if spec.rel_unit == "Y" and y is None and m is not None:
        # (day and) month + "this/last/next year": "18 مارس من العام الماضي", "ngày 24/12 năm ngoái"
        if ref is None:
            return Resolved(f"XXXX-{m:02d}" + (f"-{d:02d}" if d is not None else ""), "date", False)
        yy = ref.year + spec.rel_offset
        if d is not None:
            try:
                return Resolved(datetime.date(yy, m, d).isoformat() + suffix, "date", True)
            except ValueError:
                return None
        return Resolved(f"{yy:04d}-{m:02d}", "date", True)

    # weekday (alone or with a date that did not give a day)
    if spec.weekday is not None and d is None:
        if ref is None:
            return Resolved("XXXX-XX-XX", "date", False)
        diff = (ref.isoweekday() - spec.weekday) % 7
        if spec.direction > 0:
            ahead = (spec.weekday - ref.isoweekday()) % 7 or 7
            day = ref + datetime.timedelta(days=ahead)
        elif spec.rel_unit == "W":
            monday = ref - datetime.timedelta(days=ref.isoweekday() - 1) + datetime.timedelta(weeks=spec.rel_offset)
            day = monday + datetime.timedelta(days=spec.weekday - 1)
        elif spec.direction < 0:
            # "last Sunday", "الأحد الماضي" said on a Sunday: the Sunday before (as "next
            # Sunday" said on a Sunday is the one after)
            day = ref - datetime.timedelta(days=diff or 7)
        else:
            day = ref - datetime.timedelta(days=diff)
        return Resolved(day.isoformat() + suffix, "date", True)

    if spec.quarter is not None:
        if y is None:
            return Resolved(f"XXXX-Q{spec.quarter}", "date", False)
        return Resolved(f"{y:04d}-Q{spec.quarter}", "date", False)
    if spec.half is not None:
        return Resolved(f"XXXX-H{spec.half}" if y is None else f"{y:04d}-H{spec.half}", "date", False)
    if spec.season is not None:
        if y is None:
            if ref is None:
                return Resolved(f"XXXX-{spec.season}", "date", False)
            return Resolved(f"{_season_year(spec.season, spec.direction, ref):04d}-{spec.season}", "date", True)
        return Resolved(f"{y:04d}-{spec.season}", "date", False)

    if y is not None and m is None:
        if d is not None:
            return None
        return Resolved(f"{y:04d}", "date", False)
    if m is None:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    if not 1 <= m <= 12:
        return None
    anchored = False
    if y is None:
        if ref is None:
            if d is None:
                return Resolved(f"XXXX-{m:02d}", "date", False)
            if d > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]:
                return None
            return Resolved(f"XXXX-{m:02d}-{d:02d}{suffix}", "date", False)
        y = _closest_year(m, d, ref, spec.direction)
        anchored = True
    if d is None:
        return Resolved(f"{y:04d}-{m:02d}", "date", anchored)
    if not _valid(y, m, d):
        return None
    return Resolved(f"{y:04d}-{m:02d}-{d:02d}{suffix}", "date", anchored)


_HEADLINE_MAX = 200
"""The longest first line read as a headline (a first paragraph is no headline)."""


def _yearless(spec: DateSpec) -> bool:
    """A Gregorian month, or day and month, with nothing that places it in a year."""
    return (spec.month is not None and spec.year is None and spec.direction == 0 and spec.rel_unit is None
            and spec.weekday is None and not spec.anaphoric and not spec.set_ and spec.calendar == "gregorian"
            and spec.duration_unit is None)


def _placed_year(spec: DateSpec, ref: datetime.date | None) -> int | None:
    """The year a Gregorian month or day names, when the text places it (its own year, or a
    direction: "24 Desember mendatang", "March last year"); None for a bare one."""
    if spec.month is None or spec.calendar != "gregorian" or spec.set_ or spec.duration_unit is not None:
        return None
    if spec.year is not None:
        return spec.year
    if spec.direction == 0 and spec.rel_unit != "Y":
        return None
    r = resolve(spec, ref)
    return int(r.value[:4]) if r is not None and r.value[:4].isdigit() else None


def share_headline_years(
    dates: Sequence[tuple[int, int, DateSpec, str]], text: str, ref: datetime.date | None
) -> list[tuple[int, int, DateSpec, str]]:
    """A headline shortens its dates: "Pemilu Desember", "Sepakati Pemilu 10 Desember" stand
    for the body's "24 Desember mendatang", "10 Desember 2018".  A month (or a day and month)
    of the headline (the first line, when short) with no year and no direction takes the year
    the body gives the same month (the same day and month), when the body gives one year only.
    ``dates`` are (start, end, spec, rule name) on ``text``, sorted by start."""
    nl = text.find("\n")
    if nl <= 0 or nl > _HEADLINE_MAX or not dates or dates[0][0] >= nl:
        return list(dates)
    out = list(dates)
    body = [(spec, _placed_year(spec, ref)) for s, _, spec, _ in dates if s > nl]
    for k, (s, e, spec, name) in enumerate(dates):
        if s >= nl:
            break
        if not _yearless(spec):
            continue
        years = {y for other, y in body
                 if y is not None and other.month == spec.month and (spec.day is None or other.day == spec.day)}
        if len(years) == 1:
            out[k] = (s, e, attrs.evolve(spec, year=years.pop()), name)
    return out


# ---------------------------------------------------------------------------- in the text
#
# A date's value can depend on the dates around it: a range's bare first day takes the
# month of its end, "the same year" the year last named, "the next day" the day last dated.
# ``dates`` below are (start, end, spec, rule name) on the normalised text, sorted by start.

# a bare day before a range's dated end shares its month: "1-3 Februari", "from 1 to 3
# February", "từ ngày 1 đến ngày 3/2", "من 1 إلى 3 فبراير", "يومي 1 و2 مارس"
_RANGE_HEAD = _regex_cache.compile(
    r"(?<![\d/.\-–:,])(?P<h>(?:ngày\s{1,2}|tanggal\s{1,2})?(?P<d>\d{1,2}))"
    r"(?:\s{0,2}(?:-|–)\s{0,2}|\s{1,2}(?:to|until|through|and|hingga|sampai|dan|s\.d\.|đến|tới|và|الي|حتي)\s{1,2}|\s{1,2}و)"
    r"(?:ngày\s{1,2}|tanggal\s{1,2})?$"
)
# and a bare day after a month-first date: "February 1-3", "Sept. 12 and 13, 2011"
_RANGE_TAIL = _regex_cache.compile(
    r"(?:\s{0,2}(?:-|–)\s{0,2}|\s{1,2}(?:to|until|through|and)\s{1,2})(?P<d>\d{1,2})(?![\d/:\-–]|[.,]\d)"
    r"(?:,?\s{1,2}(?P<y>(?:19|20)\d\d)(?!\d)|(?=\s{0,2}(?:[,.;:)\]\"”’'–\-]|$)|\s{1,2}(?:in|at|on|for|when|as|with|of|and|amid|after|before)\b))"
)
_RANGE_RULE = "range.shared-month"
# what may stand between "the next day" and the day that says which: "Sehari sebelumnya, Senin (28/2)"
_APPOSITION_GAP = _regex_cache.compile(r"[\s,،]{0,3}")


def _ends_with_number(text: str, s: int, e: int, n: int) -> bool:
    """Whether ``text[s:e]`` ends with the number ``n`` written on its own (its last one or
    two digits, not after ``/``, ``.`` or ``-``: not the month of ``27/12``)."""
    i = e
    while i > s and text[i - 1].isdigit():
        i -= 1
    return e - i <= 2 and text[i - 1] not in "/.-–" and int(text[i:e]) == n


def share_range_months(
    dates: Sequence[tuple[int, int, DateSpec, str]], text: str
) -> list[tuple[int, int, DateSpec, str]]:
    """The dates with the bare days of ranges added: a day before a dated end
    ("1-3 Februari" also gives 1 Februari) or after a month-first date ("July 4-6" also
    gives July 6; "Sept. 12 and 13, 2011" gives both days the year)."""
    out = list(dates)
    for k in range(len(out) - 1, -1, -1):
        s, e, spec, name = out[k]
        if spec.day is None or spec.month is None or spec.weekday is not None:
            continue
        rh = _RANGE_HEAD.search(text, max(0, s - 24), s)
        if rh is not None and (k == 0 or out[k - 1][1] <= rh.start("h")) and 1 <= (d := int(rh["d"])) < spec.day:
            out.insert(k, (rh.start("h"), rh.end("h"), attrs.evolve(spec, day=d, mod=None), _RANGE_RULE))
        elif text[e - 1].isdigit() and not text[s].isdigit() and _ends_with_number(text, s, e, spec.day):
            rt = _RANGE_TAIL.match(text, e)
            if rt is None or not spec.day < (d := int(rt["d"])) <= 31 or (k + 1 < len(out) and out[k + 1][0] < rt.end()):
                continue
            if rt["y"] is not None and spec.year is None:
                spec = attrs.evolve(spec, year=int(rt["y"]), direction=0)
                out[k] = (s, e, spec, name)
            out.insert(k + 1, (rt.start("d"), rt.end("y" if rt["y"] else "d"), attrs.evolve(spec, day=d, mod=None),
                               _RANGE_RULE))
    return out


def _is_day_value(value: str) -> bool:
    """Whether a TIMEX3 value is one calendar day (``2020-12-28``)."""
    return len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit() and value[5:7].isdigit()


def resolve_in_text(
    dates: Sequence[tuple[int, int, DateSpec, str]], text: str, ref: datetime.date | None
) -> list[tuple[int, int, DateSpec, str, Resolved]]:
    """Each date resolved (:func:`resolve`) with what the text said before it: a month of
    "the same year" (العام ذاته) takes the year last named; "the next day", "اليوم التالي"
    the day last dated plus or minus one, unless a day written right after it says which
    ("Sehari sebelumnya, Senin (28/2)"); with no day dated before it, it is left out, as
    is any date that does not resolve."""
    out: list[tuple[int, int, DateSpec, str, Resolved]] = []
    last_year: int | None = None
    last_day: str | None = None  # the value of the last date of day precision
    for k, (s, e, spec, name) in enumerate(dates):
        r: Resolved | None
        if spec.anaphoric and spec.rel_unit == "D":
            r = None
            if k + 1 < len(dates) and _APPOSITION_GAP.fullmatch(text, e, dates[k + 1][0]) is not None:
                r = resolve(dates[k + 1][2], ref)
                if r is not None and not _is_day_value(r.value):
                    r = None
            if r is None and last_day is not None:
                day = datetime.date.fromisoformat(last_day) + datetime.timedelta(days=spec.rel_offset)
                r = Resolved(day.isoformat(), "date", True)
            if r is None:
                continue
            r = Resolved(r.value, "date", True)
        else:
            if spec.anaphoric and last_year is not None and spec.month is not None:
                spec = attrs.evolve(spec, year=last_year, rel_unit=None, anaphoric=False)
            elif spec.year is not None and spec.calendar == "gregorian":
                last_year = spec.year
            r = resolve(spec, ref)
            if r is None:
                continue
        if r.kind == "date" and _is_day_value(r.value):
            last_day = r.value
        out.append((s, e, spec, name, r))
    return out
