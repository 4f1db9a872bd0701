"""Vietnamese date rules: ``ngày 27 tháng 12 năm 2020``, ``tháng 10/2011``,
``tháng 10 vừa qua``, ``thứ Tư tuần trước``, ``năm ngoái``, ``14 tháng``,
``thập niên 1990``, ``quý I/2022``."""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Mapping

import regex

from ... import _regex_cache
from ..._gazetteer import DateTables
from .. import DIGIT, Example, L, R, Rule, compile_rule, first_of
from ._pieces import (
    DAY,
    MONTH_NUM,
    YEAR,
    Pieces,
    ago_build,
    direction_of,
    every_unit_rule,
    next_day_rule,
    relative_day_rule,
    roman_or_int,
    spec,
    weekday_set_build,
    year_part_spec,
)

__all__ = ["rules"]

_OFFSET = {"past": -1, "future": 1}  # "this" and unmarked: 0

REF19 = datetime.date(2019, 4, 25)

_REL_UNIT = {"tuần": "W", "tuần lễ": "W", "tháng": "M", "năm": "Y"}


_THU = _regex_cache.compile(r"(?i:thứ)\s+(\S)")
_SPACES = _regex_cache.compile(r"\s+")
_BEFORE_AFTER_CLAUSE = _regex_cache.compile(r"\s{1,2}(?:sau|trước)\s{1,2}khi(?!\w)")


def _capitalised_weekday(original: str) -> bool:
    # "thứ Hai" (Monday) vs "thứ hai" (second): the day word must be capitalised or a digit
    original = unicodedata.normalize("NFC", original)  # decomposed "thứ" must match too
    m = _THU.search(original)
    if m:
        return m.group(1).isupper() or m.group(1).isdigit()
    return original[:1].isupper() or "nhật" in original.lower()


_QUARTER_NUMERAL = _regex_cache.compile(r"\S+\s+(\S+)")


def _capital_quarter(original: str) -> bool:
    # "quý I" (the first quarter), not "quý i": the numeral in capitals or digits
    m = _QUARTER_NUMERAL.match(original)
    return m is not None and (m.group(1).isupper() or m.group(1).isdigit())


def rules(tables: Mapping[str, DateTables]) -> list[Rule]:
    p = Pieces(tables, "vi")
    PAST_FUT = p.alt_words("past", "future", "this")
    # "sau" (after) and "trước" (before) name the next or last one only at the end of the phrase:
    # "ngày 24/12 năm sau" is next year's, "giữa tháng 2 sau các cuộc biểu tình" is "after the protests"
    DIR_END = r"""(?:(?<!sau)(?<!trước)|(?=\s{0,2}(?:[.,;:!?)\]"”»\n]|$)))"""
    # what "sau" / "trước" + an event reads: N units after / before it, a duration ("hai ngày sau
    # khi ...", "chỉ 4 ngày trước vụ tấn công", "một tháng trước cuộc bầu cử", "đúng một năm sau
    # cái chết của ...")
    EVENT = r"(?:khi|vụ|cuộc|lễ|ngày|kỳ|đợt|sự|cái|thời\s{1,2}điểm)"
    WEEKDAY = p.alt_weekdays()
    NUM = p.alt_numbers(exclude=["năm"])
    UNIT = p.alt_units()
    WEEK = p.alt_words("week")
    MORNING = p.alt_words("morning")
    EVENING = p.alt_words("evening")
    EVERY = p.alt_words("set-every")
    DAYP = r"(?:ngày|hôm|mùng|mồng|sáng|trưa|chiều|tối|đêm|rạng\s{1,2}sáng)"
    # what follows the hours or minutes of a clock time: more digits (23 giờ 59), a part of the
    # day (6 giờ sáng), a date (8 giờ ngày 5/3) or "(giờ địa phương)" (local time)
    CLOCK = r"(?:\d|sáng|trưa|chiều|tối|đêm|rạng|ngày|hôm|hôm\s{1,2}nay|\(\s?giờ)"

    def b_dmy(m: regex.Match[str]) -> object:
        if yw := m.groupdict().get("yw"):  # "ngày 24/12 năm ngoái": the day of the year named relative
            fn = p.function_of(yw, "past", "future", "this")
            return spec(month=int(m["m"]), day=int(m["d"]), rel_unit="Y", rel_offset=_OFFSET.get(fn or "", 0))
        y = int(m["y"]) if m["y"] else None
        return spec(year=y, month=int(m["m"]), day=int(m["d"]), direction=direction_of(p, m["dir"]))

    def b_month(m: regex.Match[str]) -> object:
        ys = m["y"] or m["y2"]  # the year as 10/2011 or as năm 2011 (two groups: one name each)
        y = int(ys) if ys else None
        if m["yw"]:
            fn = p.function_of(m["yw"], "past", "future", "this")
            return spec(month=int(m["m"]), rel_unit="Y", rel_offset=_OFFSET.get(fn or "", 0))
        return spec(year=y, month=int(m["m"]), direction=direction_of(p, m["dir"]))

    def b_weekday(m: regex.Match[str]) -> object:
        wd = p.weekday_index(m["wd"])
        if wd is None:
            return None
        pod = None
        if m["pod"]:
            pod = "MO" if p.function_of(m["pod"], "morning", "evening") == "morning" else "EV"
        if m["wdir"]:
            fn = p.function_of(m["wdir"], "past", "future", "this")
            return spec(weekday=wd, rel_unit="W", rel_offset=_OFFSET.get(fn or "", 0), part_of_day=pod)
        return spec(weekday=wd, direction=direction_of(p, m["dir"]), part_of_day=pod)

    def b_rel(m: regex.Match[str]) -> object:
        u = m["u"]
        unit = _REL_UNIT.get(u) or _REL_UNIT.get(_SPACES.sub(" ", u))  # a listed word has single spaces
        fn = p.function_of(m["dir"], "past", "future", "this")
        if unit is None:
            return None
        return spec(rel_unit=unit, rel_offset=_OFFSET.get(fn or "", 0))

    def b_duration(m: regex.Match[str]) -> object:
        u = p.unit(m["u"])
        n = p.number(m["n"])
        if u is None or n is None or u == "Q" or n == 0:
            return None
        if n < 0 and _BEFORE_AFTER_CLAUSE.match(m.string, m.end()):
            return None  # "vài giờ trước khi ...": a vague amount before an event is no duration
        return spec(duration_unit=u, duration_amount=None if n < 0 else n)

    return [
        compile_rule(
            "vi.date.day-month-year", "date", "vi",
            rf"""{L}(?:{DAYP}\s{{1,2}})?{DAY}\s{{1,2}}tháng\s{{1,2}}{MONTH_NUM}
                 (?:\s{{1,2}}năm\s{{1,2}}{YEAR}|\s{{1,2}}năm\s{{1,2}}(?P<yw>{PAST_FUT}){R}|\s{{1,2}}(?P<dir>{PAST_FUT}){DIR_END}(?!\s{{1,2}}\d))?(?!\d)""",
            b_dmy,
            examples=[
                Example("ngày 27 tháng 12 năm 2020", {"value": "2020-12-27"}),
                Example("ngày 5 tháng 1", {"value": "2021-01-05"}),
                Example("ngày 24 tháng 12 năm ngoái", {"value": "2019-12-24"}),
            ],
            negatives=["5 tháng"],
            anchor=("tháng",),
        ),
        compile_rule(
            "vi.date.day-month-numeric", "date", "vi",
            rf"""{L}(?:{DAYP})\s{{1,2}}{DAY}[/\-.]{MONTH_NUM}(?:[/\-.]{YEAR})?(?![\d/])
                 (?:\s{{1,2}}năm\s{{1,2}}(?P<yw>{PAST_FUT}){R}|\s{{1,2}}(?P<dir>{PAST_FUT}){DIR_END}(?!\s{{1,2}}\d){R})?""",
            b_dmy,
            examples=[
                Example("ngày 27/12", {"value": "2020-12-27"}),
                Example("Ngày 23/10 vừa qua", {"value": "2020-10-23"}),
                Example("ngày 24-4", {"value": "2019-04-24"}, ref=REF19),
                Example("hôm 24-4", {"value": "2019-04-24"}, ref=REF19),
                Example("ngày 16/3/2021", {"value": "2021-03-16"}),
                Example("sáng 14-1", {"value": "2021-01-14"}),
                Example("ngày 24/12 năm ngoái", {"value": "2019-12-24"}),
                Example("hôm 2/3 năm nay", {"value": "2020-03-02"}),
            ],
            negatives=["ngày càng", "20.000 binh lính"],
            priority=1,
        ),
        compile_rule(
            "vi.date.month-year", "date", "vi",
            rf"""{L}tháng\s{{1,2}}{MONTH_NUM}(?:\s{{0,2}}[/\-]\s{{0,2}}{YEAR}|\s{{1,2}}năm\s{{1,2}}{YEAR.replace("<y>", "<y2>")}
                 |\s{{1,2}}(?:năm\s{{1,2}}(?P<yw>{PAST_FUT})|(?P<dir>{PAST_FUT}){DIR_END}(?!\s{{1,2}}\d)))?(?![\d/])""",
            b_month,
            examples=[
                Example("tháng 10/2011", {"value": "2011-10"}),
                Example("tháng 10 năm 2011", {"value": "2011-10"}),
                Example("tháng 10 vừa qua", {"value": "2020-10"}),
                Example("tháng 3 tới", {"value": "2021-03"}),
                Example("tháng 12", {"value": "2020-12"}),
            ],
            negatives=["14 tháng", "tháng trước"],
            anchor=("tháng",),
        ),
        compile_rule(
            "vi.date.weekday", "date", "vi",
            rf"""{L}(?:(?P<pod>{MORNING}|{EVENING})\s{{1,2}})?(?P<wd>{WEEKDAY})
                 (?:\s{{1,2}}(?:(?:{WEEK})\s{{1,2}}(?P<wdir>{PAST_FUT})|(?P<dir>{PAST_FUT}){DIR_END}(?!\s{{1,2}}\d))(?!\w))?{R}""",
            b_weekday,
            examples=[
                Example("thứ Tư tuần trước", {"value": "2020-12-23"}),
                Example("Chủ nhật", {"value": "2020-12-27"}),
                Example("thứ Hai", {"value": "2020-12-28"}),
                Example("thứ 6 tới", {"value": "2021-01-01"}),
            ],
            negatives=["giai đoạn thứ hai", "lần thứ ba"],
            accept=_capitalised_weekday,
        ),
        compile_rule(
            # a recurring weekday is a set (TIMEX3 SET XXXX-WXX-1): "mỗi thứ Hai", "thứ Hai hàng tuần"
            "vi.date.weekday-set", "date", "vi",
            rf"""{L}(?:(?:{EVERY})\s{{1,2}}(?:ngày\s{{1,2}})?(?P<wd>{WEEKDAY})
                 |(?:ngày\s{{1,2}})?(?P<wd2>{WEEKDAY})\s{{1,2}}(?:{EVERY})\s{{1,2}}(?:{WEEK})){R}""",
            weekday_set_build(p),
            examples=[
                Example("thứ Hai hàng tuần", {"value": "XXXX-WXX-1", "kind": "set"}),
                Example("mỗi thứ Sáu", {"value": "XXXX-WXX-5", "kind": "set"}),
                Example("Chủ nhật hằng tuần", {"value": "XXXX-WXX-7", "kind": "set"}),
            ],
            negatives=["giai đoạn thứ hai hàng tuần", "mỗi tuần", "thứ Hai tuần trước"],
            priority=1,
            accept=_capitalised_weekday,
        ),
        compile_rule(
            "vi.date.weekday-day-month", "date", "vi",
            rf"""{L}(?P<wd>{WEEKDAY})\s{{1,2}}{DAY}[/\-]{MONTH_NUM}(?:[/\-]{YEAR})?(?![\d/])
                 (?:\s{{1,2}}(?P<dir>{PAST_FUT}){DIR_END}(?!\s{{1,2}}\d){R})?""",
            b_dmy,
            examples=[
                Example("Chủ nhật 23/10", {"value": "2020-10-23"}),
                Example("thứ Năm 20/10 vừa qua", {"value": "2020-10-20"}),
                Example("thứ Hai 8/6/2020", {"value": "2020-06-08"}),
            ],
            negatives=["giai đoạn thứ hai 2/3", "thứ hai 5/2020"],
            priority=1,
            accept=_capitalised_weekday,
        ),
        compile_rule(
            "vi.date.relative-unit", "date", "vi",
            # "năm tới nay" is "the year until now" (từ đầu năm tới nay), not "next year"
            rf"{L}(?<!(?:những|các|mấy|nhiều|vài|\d|{NUM})\s{{1,2}})(?P<u>tuần\s{{1,2}}lễ|tuần|tháng|năm)\s{{1,2}}(?P<dir>{PAST_FUT})(?!\s{{1,2}}\d){R}(?!(?<=tới)\s{{1,2}}nay{R})",
            b_rel,
            examples=[
                Example("năm ngoái", {"value": "2019"}),
                Example("tháng trước", {"value": "2020-11"}),
                Example("tuần này", {"value": "2020-W53"}),
                Example("năm nay", {"value": "2020"}),
                Example("năm tới", {"value": "2021"}),
            ],
            negatives=["những năm qua", "một tuần sau", "ba tháng tới", "năm tới nay"],
            anchor=("tuần", "tháng", "năm"),
        ),
        # hàng is "every" only before ngày and tuần: "hàng tháng", "hàng năm" are also "for months, years"
        every_unit_rule(p, L, R, r"mỗi|hằng|hàng(?=\s{1,2}(?:ngày|tuần))",
                        [Example("mỗi ngày", {"value": "P1D", "kind": "set"}), Example("hằng năm", {"value": "P1Y", "kind": "set"}),
                         Example("hàng tuần", {"value": "P1W", "kind": "set"})],
                        ["kéo dài hàng tháng", "hàng năm trời", "mỗi thứ Hai", "750 triệu feet khối mỗi ngày"]),
        relative_day_rule(p, L, R, [Example("hôm qua", {"value": "2020-12-27"}), Example("ngày mai", {"value": "2020-12-29"}),
                                    Example("sáng nay", {"value": "2020-12-28"}), Example("hôm nay", {"value": "2020-12-28"})],
                          ["ngày nay"]),
        next_day_rule(p, L, R, [Example("ngày hôm sau", {"value": "2020-12-29"}),
                                Example("sáng hôm sau", {"value": "2020-12-29"}),
                                Example("một ngày trước đó", {"value": "2020-12-27"})], ["hôm nay", "sau đó"]),
        compile_rule(
            "vi.date.duration", "date", "vi",
            rf"""{first_of(DIGIT, NUM)}{L}(?<!/)(?<!(?:hoặc|hay|đến|tới|lúc)\s{{1,2}})(?P<n>\d{{1,4}}|{NUM}|năm(?=\s{{1,2}}(?:ngày|tuần)(?!\w)))\s{{1,2}}(?P<u>{UNIT})
                 # "hai ngày sau" (two days later) is no duration; "hai ngày sau khi ..." (two days
                 # after ...) is (and "trong vòng 8 tháng tới": vi.date.duration-within)
                 (?!\s{{1,2}}(?!(?:sau|trước)\s{{1,2}}{EVENT}(?!\w))(?:sau|trước|qua|nay|tới|{PAST_FUT})(?!\w)){R}
                 (?!(?<=giờ)\s{{1,2}}{CLOCK})(?!(?<=phút)\s{{1,2}}{CLOCK})""",
            b_duration,
            examples=[
                Example("14 tháng", {"value": "P14M"}),
                # năm is 5 before ngày/tuần only (năm tháng is also "the years", năm giờ five o'clock)
                Example("năm tuần", {"value": "P5W"}),
                Example("năm ngày", {"value": "P5D"}),
                Example("hai ngày", {"value": "P2D"}),
                Example("ba tuần", {"value": "P3W"}),
                Example("chỉ hai ngày sau khi", {"value": "P2D"}),
                Example("chỉ 4 ngày trước vụ tấn công", {"value": "P4D"}),
                Example("một tháng trước cuộc bầu cử", {"value": "P1M"}),
                Example("đúng một năm sau cái chết", {"value": "P1Y"}),
            ],
            negatives=["Vài ngày sau", "năm 2014", "20.000 binh lính", "hai hoặc ba tuần", "0 giờ", "24/24 giờ",
                       "những năm tháng chiến tranh", "lúc năm giờ sáng",
                       # clock times, not durations
                       "lúc 23 giờ 59 phút đêm 31/10", "khoảng 14 giờ chiều nay", "từ 6 giờ sáng thứ Hai",
                       "lúc 8 giờ", "9 giờ (giờ địa phương)", "ba tháng tới", "hai ngày sau, ông",
                       "vài giờ trước khi"],
            anchor=(UNIT,),
        ),
        compile_rule(
            # "kéo dài tới", "lên tới": lasting up to N units (after "tới"/"đến" alone a number is
            # a clock time or the end of a range: vi.date.duration leaves it)
            "vi.date.duration-up-to", "date", "vi",
            rf"""(?<=(?:dài|lên)\s(?:tới|đến)\s)(?P<n>\d{{1,4}}|{NUM})\s{{1,2}}(?P<u>{UNIT}){R}
                 (?!(?<=giờ)\s{{1,2}}{CLOCK})(?!(?<=phút)\s{{1,2}}{CLOCK})""",
            b_duration,
            examples=[
                Example("kéo dài tới 18 tiếng", {"value": "PT18H"}),
                Example("lên tới 6 tháng", {"value": "P6M"}),
            ],
            negatives=["tới 8 giờ tối", "từ 6 đến 8 giờ", "kéo dài tới 8 giờ sáng"],
            anchor=(UNIT,),
        ),
        compile_rule(
            # within the next / the past N units: "trong vòng 8 tháng tới", "trong 10 năm qua"
            "vi.date.duration-within", "date", "vi",
            # (and after "more than", "nearly", "throughout": "hơn một thập kỷ qua", "suốt 10 năm qua")
            rf"""(?:(?<=trong\s)|(?<=vòng\s)|(?<=hơn\s)|(?<=gần\s)|(?<=suốt\s)|(?<=khoảng\s))(?P<n>\d{{1,4}}|{NUM})\s{{1,2}}(?P<u>{UNIT})(?=\s{{1,2}}(?:tới|qua)(?!\w))""",
            b_duration,
            examples=[
                Example("trong vòng 8 tháng tới", {"value": "P8M"}),
                Example("trong 10 năm qua", {"value": "P10Y"}),
                Example("bất ổn hơn một thập kỷ qua", {"value": "P10Y"}),
                Example("khoảng ba tháng tới", {"value": "P3M"}),
            ],
            negatives=["8 tháng tới", "trong tháng tới"],
            anchor=(UNIT,),
        ),
        compile_rule(
            "vi.date.ago", "date", "vi",
            rf"""{L}cách\s{{1,2}}đây\s{{1,2}}(?P<n>\d{{1,4}}|{NUM})\s{{1,2}}(?P<u>{UNIT}){R}""",
            ago_build(p),
            examples=[
                Example("cách đây 3 tháng", {"value": "2020-09"}),
                Example("cách đây hai năm", {"value": "2018"}),
            ],
            negatives=["cách đây vài năm"],
            anchor=(UNIT,),
        ),
        compile_rule(
            "vi.date.ago-before", "date", "vi",
            rf"""{first_of(DIGIT, NUM)}{L}(?<!/)(?P<n>\d{{1,4}}|{NUM})\s{{1,2}}(?P<u>{UNIT})\s{{1,2}}trước(?!\s{{1,2}}{EVENT}(?!\w))(?!\w)""",
            ago_build(p),
            examples=[
                Example("3 tháng trước", {"value": "2020-09"}),
                Example("hai năm trước", {"value": "2018"}),
            ],
            negatives=["vài năm trước", "3 tháng trước khi", "4 ngày trước vụ tấn công"],
            anchor=(UNIT,),
        ),
        compile_rule(
            "vi.date.decade", "date", "vi",
            # "những năm 2000" (the years 2000...): the 2000s, as "thập niên"
            rf"{L}(?:thập\s{{1,2}}(?:niên|kỷ|kỉ)|những\s{{1,2}}năm)\s{{1,2}}(?P<y>1[89]\d0|20\d0)(?!\d|[.,/\-]\d)",
            lambda m: spec(decade=int(m["y"]) // 10),
            examples=[Example("thập niên 1990", {"value": "199"}), Example("những năm 2000", {"value": "200"}),
                      Example("trong những năm 1980,", {"value": "198"})],
            negatives=["thập niên qua", "những năm 2011", "những năm 2000/01"],
            anchor_digits=4,
        ),
        compile_rule(
            # "nửa đầu năm 2021", "nửa cuối năm nay", "6 tháng đầu năm": a half-year (2021-H1)
            "vi.date.half-year", "date", "vi",
            rf"""{L}(?:nửa\s{{1,2}}(?P<h>đầu|cuối|sau)|(?:6|sáu)\s{{1,2}}tháng\s{{1,2}}(?P<h6>đầu|cuối))\s{{1,2}}(?:của\s{{1,2}})?năm
                 (?:\s{{1,2}}{YEAR}(?!\d)|\s{{1,2}}(?P<yw>{PAST_FUT}){R}|{R}(?!\s{{1,2}}\d))""",
            lambda m: year_part_spec(p, "half", 1 if (m["h"] or m["h6"]) == "đầu" else 2, m["y"], m["yw"]),
            examples=[Example("nửa đầu năm 2021", {"value": "2021-H1"}),
                      Example("nửa đầu năm tới", {"value": "2021-H1"}),
                      Example("6 tháng cuối năm 2019", {"value": "2019-H2"}),
                      Example("sáu tháng đầu năm", {"value": "2020-H1"})],
            negatives=["nửa đầu", "6 tháng"],
            priority=1,
            anchor=("năm",),
        ),
        compile_rule(
            "vi.date.quarter", "date", "vi",
            rf"{L}(?:quý|qúy)\s{{1,2}}(?P<q>iv|iii|ii|i|[1-4])(?:\s{{0,2}}[/\-]\s{{0,2}}|\s{{1,2}}năm\s{{1,2}}){YEAR}(?!\d)",
            lambda m: spec(year=int(m["y"]), quarter=roman_or_int(m["q"])),
            examples=[Example("quý I/2022", {"value": "2022-Q1"}), Example("quý 3 năm 2021", {"value": "2021-Q3"})],
            negatives=["quý ông"],
            anchor_digits=4,
        ),
        compile_rule(
            # "quý I năm nay", "quý IV năm ngoái": the quarter of the year before, of or after the reference's
            "vi.date.quarter-relative", "date", "vi",
            rf"{L}(?:quý|qúy)\s{{1,2}}(?P<q>iv|iii|ii|i|[1-4])\s{{1,2}}năm\s{{1,2}}(?P<yw>{PAST_FUT}){R}",
            lambda m: spec(quarter=roman_or_int(m["q"]), rel_unit="Y",
                           rel_offset=_OFFSET.get(p.function_of(m["yw"], "past", "future", "this") or "", 0)),
            examples=[Example("quý I năm nay", {"value": "2020-Q1"}), Example("quý IV năm ngoái", {"value": "2019-Q4"}),
                      Example("quý 2 năm tới", {"value": "2021-Q2"})],
            negatives=["quý ông năm nay", "quý I/2022"],
            anchor=("quý", "qúy"),
        ),
        compile_rule(
            # "quý I", "quý 3" alone: the quarter of the reference year (a Roman numeral in
            # capitals or a digit; "quý" alone is also "precious", "quý ông", "quý vị")
            "vi.date.quarter-bare", "date", "vi",
            rf"{L}(?:quý|qúy)\s{{1,2}}(?P<q>iv|iii|ii|i|[1-4])(?![\w\u0300-\u036f])(?!\s{{0,2}}[/\-]\s{{0,2}}\d)(?!\s{{1,2}}năm\s)",
            lambda m: spec(quarter=roman_or_int(m["q"]), rel_unit="Y", rel_offset=0),
            examples=[Example("trong quý I,", {"value": "2020-Q1"}), Example("quý 3", {"value": "2020-Q3"}),
                      Example("Quý IV", {"value": "2020-Q4"})],
            negatives=["quý ông", "quý vị", "quý i"],
            priority=-1,
            accept=_capital_quarter,
            anchor=("quý", "qúy"),
        ),
        compile_rule(
            "vi.date.year", "date", "vi",
            rf"{L}năm\s{{1,2}}{YEAR}(?!\d)(?![.,]\d)",
            lambda m: spec(year=int(m["y"])),
            examples=[Example("năm 2014", {"value": "2014"})],
            negatives=["năm 20.000"],
            anchor=("năm",),
        ),
    ]
