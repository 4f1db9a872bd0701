"""Indonesian date rules: ``28 Desember 2020``, ``Oktober lalu``, ``hari Minggu``,
``bulan lalu``, ``pekan depan``, ``dua minggu``, ``beberapa tahun``."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping

import regex

from ... import _regex_cache
from ..._gazetteer import DateTables
from .. import DIGIT, Example, L, R, Rule, compile_pattern, compile_rule, first_of
from ._pieces import (
    YEAR,
    Pieces,
    ago_build,
    direction_of,
    every_unit_rule,
    latin_hijri_rule,
    next_day_rule,
    relative_day_rule,
    roman_or_int,
    spec,
    weekday_set_build,
    year_part_spec,
)

__all__ = ["rules"]

_OFFSET = {"past": -1, "future": 1}  # "this" and unmarked: 0
_REL_UNIT = {"minggu": "W", "pekan": "W", "bulan": "M", "tahun": "Y"}
_UNCAPITALISED = ("hari", "pada", "tanggal")


_WORDS = _regex_cache.compile(r"\w+")
_SPACES = _regex_cache.compile(r"\s+")


def _capitalised(original: str) -> bool:
    # "Minggu" (Sunday) vs "minggu" (week); month names such as "Mei" are capitalised:
    # the first word other than hari, pada, tanggal decides
    w: str
    for w in _WORDS.findall(original):
        if w.lower() not in _UNCAPITALISED:
            return w[:1].isupper()
    return False


def _last_capitalised(original: str) -> bool:
    # "setiap Minggu" (every Sunday) vs "setiap minggu" (every week): the weekday, the last
    # word, decides
    words: list[str] = _WORDS.findall(original)
    return bool(words) and words[-1][:1].isupper()


def rules(tables: Mapping[str, DateTables]) -> list[Rule]:
    p = Pieces(tables, "id")
    MONTH = p.alt_months("gregorian")
    PAST_FUT = p.alt_words("past", "future", "this")
    PAST_THIS = p.alt_words("past", "this")
    WEEKDAY = p.alt_weekdays()
    NUM = p.alt_numbers()
    UNIT = p.alt_units()
    MORNING = p.alt_words("morning")
    EVENING = p.alt_words("evening")
    QUARTER_WORD = p.alt_words("quarter-word")
    # the quarter's number: an ordinal (pertama ... keempat), ke-3, a Roman numeral or a digit
    Q_NUM = rf"(?P<q>{p.alt_ordinals()}|ke-?\s{{0,1}}[1-4]|iv|iii|ii|i|[1-4])(?![\w])"

    def b_year_part(part: str) -> Callable[[regex.Match[str]], object]:
        def build(m: regex.Match[str]) -> object:
            g = m.groupdict()
            qs = g["q"]
            q = int(qs[-1]) if qs.startswith("ke") and qs[-1].isdigit() else p.ordinal(qs) or roman_or_int(qs)
            return year_part_spec(p, part, q, g.get("y"), g.get("yw"))

        return build

    b_quarter = b_year_part("quarter")

    def b_dmy(m: regex.Match[str]) -> object:
        mo = p.month_index(m["m"])
        if mo is None:
            return None
        y = int(m["y"]) if m["y"] else None
        if m["yw"]:
            # "23 Oktober tahun lalu": as "Oktober tahun lalu", the last such day (CONTRACT §4)
            fn = p.function_of(m["yw"], "past", "future", "this")
            return spec(month=mo, day=int(m["d"]), direction=_OFFSET.get(fn or "", 0) if fn != "this" else 0)
        return spec(year=y, month=mo, day=int(m["d"]), direction=direction_of(p, m["dir"]))

    def b_month(m: regex.Match[str]) -> object:
        mo = p.month_index(m["m"])
        if mo is None:
            return None
        if m["y"]:
            return spec(year=int(m["y"]), month=mo)
        if m.groupdict().get("same"):
            return spec(month=mo, rel_unit="Y", rel_offset=0, anaphoric=True)
        if m["yw"]:
            # CONTRACT §4: "Oktober tahun lalu" (ref Dec 2020) is 2020-10, the last October
            fn = p.function_of(m["yw"], "past", "future", "this")
            if fn == "this":
                return spec(month=mo, rel_unit="Y", rel_offset=0)
            return spec(month=mo, direction=_OFFSET.get(fn or "", 0))
        return spec(month=mo, direction=direction_of(p, m["dir"]))

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
        return spec(weekday=wd, direction=1 if m["tomorrow"] else direction_of(p, m["dir"]), part_of_day=pod)

    # "beberapa tahun lalu" (some years ago) is not "tahun lalu" (last year)
    amount_before = compile_pattern(rf"(?:\d|(?<![\w])(?:{NUM}))\s{{1,2}}$")

    def b_rel(m: regex.Match[str]) -> object:
        if amount_before.search(m.string, max(0, m.start() - 16), m.start()) is not None:
            return None
        u = m["u"]
        unit = _REL_UNIT.get(u) or _REL_UNIT.get(_SPACES.sub(" ", u))  # a listed word has no space
        fn = p.function_of(m["dir"], "past", "future", "this")
        if unit is None:
            return None
        return spec(rel_unit=unit, rel_offset=_OFFSET.get(fn or "", 0))

    def b_month_only(m: regex.Match[str]) -> object:
        mo = p.month_index(m["m"])
        return None if mo is None else spec(month=mo)

    def b_reduplicated(m: regex.Match[str]) -> object:
        u = p.unit(m["stem"])
        return None if u is None else spec(duration_unit=u, duration_amount=None)

    def b_duration(m: regex.Match[str]) -> object:
        u = p.unit(m["u"])
        if m["se"]:
            if "-" in m["u"]:
                return None  # "sehari-hari" (everyday), "setahun-tahun": no amount of time
            n: int | None = 1
        else:
            n = p.number(m["n"])
            if n is None:
                return None
        if u is None or u == "Q" or n is None:
            return None
        return spec(duration_unit=u, duration_amount=None if n < 0 else n)

    return [
        compile_rule(
            # "semester pertama 2021", "paruh kedua tahun lalu": a half-year (2021-H1)
            "id.date.half-year", "date", "id",
            rf"""{L}(?:{p.alt_words("half-word")})\s{{1,2}}{Q_NUM}\s{{1,2}}(?:tahun\s{{1,2}})?
                 (?:{YEAR}(?!\d|[.,]\d)|(?P<yw>{PAST_FUT}){R})""",
            b_year_part("half"),
            examples=[Example("semester pertama 2021", {"value": "2021-H1"}),
                      Example("paruh kedua tahun lalu", {"value": "2019-H2"}),
                      Example("semester I tahun ini", {"value": "2020-H1"})],
            negatives=["semester pertama", "paruh waktu"],
            anchor=(p.alt_words("half-word"),),
        ),
        compile_rule(
            # "kuartal pertama 2015", "kuartal I/2015", "triwulan III tahun 2015": a quarter of a year
            "id.date.quarter", "date", "id",
            rf"{L}(?:{QUARTER_WORD})\s{{1,2}}{Q_NUM}(?:\s{{0,2}}[/\-]\s{{0,2}}|\s{{1,2}}(?:tahun\s{{1,2}})?){YEAR}(?!\d|[.,]\d)",
            b_quarter,
            examples=[Example("kuartal pertama 2015", {"value": "2015-Q1"}), Example("kuartal I/2015", {"value": "2015-Q1"}),
                      Example("triwulan III tahun 2015", {"value": "2015-Q3"}), Example("kuartal ke-2 2016", {"value": "2016-Q2"})],
            negatives=["kuartal kelima 2015", "kuartal pertama 20150"],
            anchor_digits=4,
        ),
        compile_rule(
            # "kuartal ketiga", "kuartal pertama tahun lalu": a quarter of the reference year, or
            # of the year before or after it
            "id.date.quarter-relative", "date", "id",
            rf"""{L}(?:{QUARTER_WORD})\s{{1,2}}{Q_NUM}
                 (?:\s{{1,2}}tahun\s{{1,2}}(?P<yw>{PAST_FUT}){R}|(?!\s{{0,2}}[/\-]?\s{{0,2}}(?:tahun\s{{1,2}})?\d))""",
            b_quarter,
            examples=[Example("kuartal ketiga", {"value": "2020-Q3"}), Example("triwulan II", {"value": "2020-Q2"}),
                      Example("kuartal pertama tahun lalu", {"value": "2019-Q1"}),
                      Example("kuartal keempat tahun depan", {"value": "2021-Q4"})],
            negatives=["kuartal pertama 2015", "kuartal ini", "kuartal kelima"],
            priority=-1,
            anchor=(QUARTER_WORD,),
        ),
        compile_rule(
            "id.date.day-month-year", "date", "id",
            rf"""{first_of(DIGIT, "tanggal")}{L}(?:tanggal\s{{1,2}}|tgl\.?\s{{0,2}})?(?P<d>[12]\d|3[01]|0?[1-9])\s{{1,2}}(?P<m>{MONTH})
                 (?:\s{{0,2}},?\s{{0,2}}{YEAR}(?!\d)|\s{{1,2}}tahun\s{{1,2}}(?P<yw>{PAST_FUT}){R}
                 |(?:\s{{1,2}}(?P<dir>{PAST_FUT}))?{R})""",
            b_dmy,
            examples=[
                Example("28 Desember 2020", {"value": "2020-12-28"}),
                Example("28 Desember 2020Delegasi", {"value": "2020-12-28"}),
                Example("5 Agustus", {"value": "2020-08-05"}),
                Example("tanggal 17 Agustus 1945", {"value": "1945-08-17"}),
                Example("23 Oktober tahun lalu", {"value": "2019-10-23"}, ref=datetime.date(2020, 5, 2)),
                Example("2 Maret tahun depan", {"value": "2021-03-02"}, ref=datetime.date(2020, 5, 2)),
            ],
            negatives=["28 orang"],
            anchor=(MONTH,),
        ),
        compile_rule(
            "id.date.month-year", "date", "id",
            rf"""{L}(?:bulan\s{{1,2}})?(?P<m>{MONTH})(?:\s{{0,2}},?\s{{0,2}}(?:tahun\s{{1,2}})?{YEAR}(?!\d)
                 |\s{{1,2}}tahun\s{{1,2}}(?P<yw>{PAST_FUT}){R}|\s{{1,2}}(?P<dir>{PAST_FUT}){R}
                 |\s{{1,2}}(?P<same>tahun\s{{1,2}}(?:itu|tersebut|yang\s{{1,2}}sama)){R})""",
            b_month,
            examples=[
                Example("Oktober 2011", {"value": "2011-10"}),
                # "November of that year": the year the text named last (here none: the reference's)
                Example("November tahun itu", {"value": "2020-11"}),
                Example("Oktober tahun lalu", {"value": "2020-10"}),
                Example("Oktober lalu", {"value": "2020-10"}),
                Example("Maret mendatang", {"value": "2021-03"}),
            ],
            negatives=["mei"],
            accept=_capitalised,
            anchor=(MONTH,),
        ),
        compile_rule(
            "id.date.month", "date", "id",
            rf"{L}(?:bulan\s{{1,2}})?(?P<m>{p.alt_months_long()}){R}",
            b_month_only,
            examples=[Example("gencatan senjata Oktober", {"value": "2020-10"})],
            negatives=["juni"],
            accept=_capitalised,
            priority=-1,
        ),
        compile_rule(
            "id.date.weekday", "date", "id",
            rf"""{L}(?:hari\s{{1,2}})?(?:(?P<pod>{MORNING}|{EVENING})\s{{1,2}})?(?P<wd>{WEEKDAY})
                 (?:\s{{1,2}}(?:(?:pekan|minggu)\s{{1,2}}(?P<wdir>{PAST_FUT})|(?P<dir>{PAST_FUT})|(?P<tomorrow>besok)))?{R}""",
            b_weekday,
            examples=[
                Example("hari Minggu", {"value": "2020-12-27"}),
                Example("Senin", {"value": "2020-12-28"}),
                Example("Jumat lalu", {"value": "2020-12-25"}),
                Example("Kamis depan", {"value": "2020-12-31"}),
                # the weekday of last/next week (as thứ Tư tuần trước), and "Saturday tomorrow"
                Example("Senin pekan lalu", {"value": "2020-12-21"}),
                Example("Rabu minggu depan", {"value": "2021-01-06"}),
                Example("Selasa besok", {"value": "2020-12-29"}),
            ],
            negatives=["dua minggu", "minggu lalu"],
            accept=_capitalised,
        ),
        compile_rule(
            # a recurring weekday is a set (TIMEX3 SET XXXX-WXX-1): "setiap hari Senin", "tiap Jumat"
            "id.date.weekday-set", "date", "id",
            rf"""{L}(?:{p.alt_words("set-every")})\s{{1,2}}(?:hari\s{{1,2}})?(?P<wd>{WEEKDAY}){R}""",
            weekday_set_build(p),
            examples=[
                Example("setiap hari Senin", {"value": "XXXX-WXX-1", "kind": "set"}),
                Example("tiap Jumat", {"value": "XXXX-WXX-5", "kind": "set"}),
            ],
            negatives=["setiap minggu", "setiap hari"],
            priority=1,
            accept=_last_capitalised,
        ),
        compile_rule(
            "id.date.relative-unit", "date", "id",
            # (not right after a dated weekday, which it only qualifies: "Senin (8/11) pekan lalu")
            rf"{L}(?<!\)\s{{1,2}})(?P<u>minggu|pekan|bulan|tahun)\s{{1,2}}(?P<dir>{PAST_FUT}){R}",
            b_rel,
            examples=[
                Example("bulan lalu", {"value": "2020-11"}),
                Example("pekan lalu", {"value": "2020-W52"}),
                Example("minggu depan", {"value": "2021-W01"}),
                Example("tahun lalu", {"value": "2019"}),
                Example("tahun ini", {"value": "2020"}),
            ],
            negatives=["bulan", "beberapa tahun lalu", "Senin (8/11) pekan lalu"],
            anchor=("minggu", "pekan", "bulan", "tahun"),
        ),
        latin_hijri_rule(p, L, R, [Example("1 Syawal 1441 H", {"value": "2020-05-24"}), Example("10 Dzulhijjah 1441 Hijriah", {"value": "2020-07-31"}),
                          Example("Ramadhan 1441 H", {"value": "2020-04"})],
                         ["Rajab Ali", "Ramadan 2020"]),
        every_unit_rule(p, L, R, p.alt_words("set-every"),
                        [Example("setiap hari", {"value": "P1D", "kind": "set"}), Example("tiap bulan", {"value": "P1M", "kind": "set"}),
                         Example("setiap tahun", {"value": "P1Y", "kind": "set"}), Example("setiap dua minggu", {"value": "P2W", "kind": "set"})],
                        ["setiap beberapa hari", "setiap saat"]),
        relative_day_rule(p, L, R, [Example("kemarin", {"value": "2020-12-27"}), Example("besok", {"value": "2020-12-29"}),
                                    Example("pagi ini", {"value": "2020-12-28"})], ["hari ini"]),
        next_day_rule(p, L, R, [Example("keesokan harinya", {"value": "2020-12-29"}),
                                Example("sehari sebelumnya", {"value": "2020-12-27"})], ["keesokan", "sehari"]),
        compile_rule(
            "id.date.ago", "date", "id",
            rf"""{first_of(DIGIT, NUM, "se")}{L}(?<!/)(?:(?P<n>\d{{1,4}}|{NUM})\s{{1,2}}|se)(?P<u>{UNIT})\s{{1,2}}(?:yang\s{{1,2}})?(?:lalu|silam){R}""",
            ago_build(p),
            examples=[
                Example("tiga tahun lalu", {"value": "2017"}),
                Example("dua bulan lalu", {"value": "2020-10"}),
                Example("sepuluh tahun silam", {"value": "2010"}),
                Example("2 tahun yang lalu", {"value": "2018"}),
                Example("setahun lalu", {"value": "2019"}),
                Example("lima hari lalu", {"value": "2020-12-23"}),
            ],
            negatives=["beberapa tahun lalu", "tahun lalu"],
        ),
        compile_rule(
            "id.date.duration", "date", "id",
            rf"""{first_of(DIGIT, NUM, "se")}{L}(?<!/)(?:(?P<n>\d{{1,4}}|{NUM})\s{{1,2}}|(?P<se>se))(?P<u>{UNIT})(?!\s{{1,2}}(?:{PAST_THIS}|yang\s{{1,2}}lalu|kemudian|setelahnya|sesudahnya|sebelumnya)(?!\w)){R}(?!-\w)""",
            b_duration,
            examples=[
                Example("dua minggu", {"value": "P2W"}),
                # "the next two days": the span of time to come (N units ago is a date)
                Example("dalam dua hari mendatang", {"value": "P2D"}),
                Example("beberapa tahun", {"value": "PXY"}),
                Example("tiga hari", {"value": "P3D"}),
                Example("setahun", {"value": "P1Y"}),
            ],
            negatives=["dua minggu lalu", "28 orang", "sehari sebelumnya", "tiga hari kemudian", "kehidupan sehari-hari"],
            anchor=(UNIT, *("se" + u for u in p.t.units)),  # setahun: the anchors hold the se- forms
        ),
        compile_rule(
            "id.date.duration-reduplicated", "date", "id",
            rf"""{L}(?P<u>ber(?P<stem>tahun|bulan|minggu|pekan|hari|jam|menit)-(?P=stem)){R}""",
            b_reduplicated,
            examples=[Example("bertahun-tahun", {"value": "PXY"}), Example("berbulan-bulan", {"value": "PXM"})],
            negatives=["tahun-tahun", "bertahun"],
            anchor=("tahun", "bulan", "minggu", "pekan", "hari", "jam", "menit"),
        ),
        compile_rule(
            "id.date.year", "date", "id",
            rf"{L}tahun\s{{1,2}}{YEAR}(?!\d)(?![.,]\d)",
            lambda m: spec(year=int(m["y"])),
            examples=[Example("tahun 2014", {"value": "2014"})],
            negatives=["tahun 20000"],
            anchor=("tahun",),
        ),
        compile_rule(
            "id.date.decade", "date", "id",
            rf"{L}(?:tahun\s{{1,2}})?(?P<y>1[89]\d0|20\d0)-an{R}",
            lambda m: spec(decade=int(m["y"]) // 10),
            examples=[Example("tahun 1990-an", {"value": "199"})],
            negatives=["1990"],
            anchor_digits=4,
        ),
    ]
