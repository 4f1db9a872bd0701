"""Unit tests for the TIMEX3 arithmetic (ISO weeks, month ends, year boundaries, Hijri, Libyan)."""

from __future__ import annotations

import datetime

import pytest

from libyaie.resolve.timex import DateSpec, hijri_to_gregorian, resolve

D = datetime.date


def v(spec: DateSpec, ref: D | None) -> str | None:
    r = resolve(spec, ref)
    return None if r is None else r.value


@pytest.mark.parametrize(
    ("ref", "offset", "expected"),
    [
        (D(2020, 12, 28), -1, "2020-W52"),  # 2020 has 53 ISO weeks
        (D(2020, 12, 28), 0, "2020-W53"),
        (D(2021, 1, 3), 0, "2020-W53"),  # Sunday 3 Jan 2021 belongs to 2020-W53
        (D(2021, 1, 4), -1, "2020-W53"),
        (D(2019, 12, 30), 0, "2020-W01"),  # Monday 30 Dec 2019 is in 2020-W01
    ],
)
def test_iso_weeks(ref: D, offset: int, expected: str) -> None:
    assert v(DateSpec(rel_unit="W", rel_offset=offset), ref) == expected


def test_month_and_year_boundaries() -> None:
    assert v(DateSpec(rel_unit="M", rel_offset=-1), D(2021, 1, 15)) == "2020-12"
    assert v(DateSpec(rel_unit="M", rel_offset=1), D(2020, 12, 15)) == "2021-01"
    assert v(DateSpec(rel_unit="D", rel_offset=-1), D(2021, 1, 1)) == "2020-12-31"
    assert v(DateSpec(rel_unit="D", rel_offset=1), D(2020, 2, 28)) == "2020-02-29"
    assert v(DateSpec(rel_unit="Y", rel_offset=-1), D(2020, 1, 1)) == "2019"


def test_invalid_days_are_rejected() -> None:
    assert v(DateSpec(year=2021, month=2, day=29), None) is None
    assert v(DateSpec(year=2020, month=2, day=29), None) == "2020-02-29"
    assert v(DateSpec(month=4, day=31), None) is None
    assert v(DateSpec(year=2020, month=13), None) is None


def test_no_reference_date_stays_underspecified() -> None:
    assert v(DateSpec(month=12, day=27), None) == "XXXX-12-27"
    assert v(DateSpec(month=10), None) == "XXXX-10"
    assert v(DateSpec(weekday=7), None) == "XXXX-XX-XX"
    assert v(DateSpec(rel_unit="M", rel_offset=-1), None) == "XXXX-XX"


def test_unmarked_day_month_leans_to_the_past() -> None:
    ref = D(2020, 12, 28)
    assert v(DateSpec(month=12, day=27), ref) == "2020-12-27"
    assert v(DateSpec(month=4, day=3), ref) == "2020-04-03"
    assert v(DateSpec(month=1, day=5), ref) == "2021-01-05"  # next week, not 11 months ago
    assert v(DateSpec(month=10, direction=-1), ref) == "2020-10"
    assert v(DateSpec(month=12, direction=-1), ref) == "2019-12"
    assert v(DateSpec(month=1, direction=1), ref) == "2021-01"


def test_weekdays() -> None:
    monday = D(2020, 12, 28)
    assert v(DateSpec(weekday=7), monday) == "2020-12-27"
    assert v(DateSpec(weekday=1), monday) == "2020-12-28"
    assert v(DateSpec(weekday=1, direction=1), monday) == "2021-01-04"
    # a past marker excludes the reference day itself: "last Monday" said on a Monday
    assert v(DateSpec(weekday=1, direction=-1), monday) == "2020-12-21"
    assert v(DateSpec(weekday=7, direction=-1), monday) == "2020-12-27"
    assert v(DateSpec(weekday=3, rel_unit="W", rel_offset=-1), monday) == "2020-12-23"
    assert v(DateSpec(weekday=7, part_of_day="MO"), monday) == "2020-12-27"


def test_durations_decades_quarters() -> None:
    assert v(DateSpec(duration_unit="Y", duration_amount=6), None) == "P6Y"
    assert v(DateSpec(duration_unit="M", duration_amount=None), None) == "PXM"
    assert v(DateSpec(duration_unit="H", duration_amount=3), None) == "PT3H"
    assert v(DateSpec(decade=197), None) == "197"
    assert v(DateSpec(decade_in_century=7, century_rel=-1), D(2020, 12, 28)) == "197"
    assert v(DateSpec(year=2022, quarter=1), None) == "2022-Q1"


def test_hijri_umm_al_qura() -> None:
    assert hijri_to_gregorian(1442, 3, 15) == D(2020, 11, 1)
    assert hijri_to_gregorian(1445, 2, 27) == D(2023, 9, 12)
    assert v(DateSpec(year=1442, month=9, day=1, calendar="hijri"), None) == "2021-04-13"
    assert v(DateSpec(year=1442, month=13, day=1, calendar="hijri"), None) is None


def test_libyan_calendar() -> None:
    # years counted from the Prophet's death: 1369 و.ر = 2001
    assert v(DateSpec(year=1369, month=9, day=1, calendar="libyan"), None) == "2001-09-01"


# -- resolution in the text: ranges, "the same year", "the next day" ----------------------------


def test_share_range_months_adds_the_bare_day() -> None:
    from libyaie.resolve.timex import share_range_months

    text = "talks ran 4-6 july in tunis"
    july6 = DateSpec(month=7, day=6)
    got = share_range_months([(12, 18, july6, "r")], text)
    assert [(s, e, sp.day, sp.month) for s, e, sp, _ in got] == [(10, 11, 4, 7), (12, 18, 6, 7)]
    # no bare day before it: unchanged
    assert share_range_months([(12, 18, july6, "r")], "talks ran x-6 july") == [(12, 18, july6, "r")]


def test_resolve_in_text_next_day_and_same_year() -> None:
    from libyaie.resolve.timex import resolve_in_text

    ref = D(2023, 9, 20)
    day = DateSpec(year=2023, month=9, day=10)
    nxt = DateSpec(rel_unit="D", rel_offset=1, anaphoric=True)
    same_year_march = DateSpec(month=3, rel_unit="Y", anaphoric=True)
    got = resolve_in_text([(0, 5, day, "a"), (10, 15, nxt, "b"), (20, 25, same_year_march, "c")], "x" * 30, ref)
    assert [r.value for *_, r in got] == ["2023-09-10", "2023-09-11", "2023-03"]
    # with no day dated before it, "the next day" is left out
    assert resolve_in_text([(10, 15, nxt, "b")], "x" * 30, ref) == []
