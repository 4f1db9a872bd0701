"""Numeric date formats shared by every language (ISO, d/m/y, (d/m), prefixed d/m, years)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import regex

from ... import _regex_cache
from ..._codes import LANGS
from ..._gazetteer import DateTables
from ..._text import normalize_key
from .. import AR_L, DIGIT, Example, Rule, alt, compile_rule, first_of
from ._pieces import DAY, MONTH_NUM, YEAR, YEAR2, spec, year_of

__all__ = ["rules"]

_SPACES = _regex_cache.compile(r"\s+")


def _all_words(tables: Mapping[str, DateTables], fn: str) -> list[str]:
    out: list[str] = []
    for lang in LANGS:
        t = tables.get(lang)
        if t:
            out.extend(t.words.get(fn, ()))
    return out


def rules(tables: Mapping[str, DateTables]) -> list[Rule]:
    day_prefix = alt(_all_words(tables, "day-prefix"))
    year_word = alt([*_all_words(tables, "year-prefix"), *_all_words(tables, "year-word")])
    since = alt([*_all_words(tables, "since"), *_all_words(tables, "start"), *_all_words(tables, "mid"),
                 *_all_words(tables, "end"), "in", "until", "till", "by", "to", "from", "of", "and",
                 "pada", "hingga", "sampai", "dan", "hồi", "vào", "đến", "tới", "في", "حتى", "الى", "و",
                 # before, after, between, during (a bare year after them is that year)
                 "between", "before", "after", "throughout", "during", "around",
                 "antara", "sebelum", "setelah", "sesudah", "selama", "menjelang", "trước", "sau",
                 "بين", "قبل", "بعد", "خلال", "طوال", "عامي"])
    seasons = {fn: _all_words(tables, f"season-{fn}") for fn in ("spring", "summer", "autumn", "winter")}
    season_code = {"spring": "SP", "summer": "SU", "autumn": "FA", "winter": "WI"}
    season_of = {normalize_key(f): season_code[fn] for fn, forms in seasons.items() for f in forms}
    SEASON = alt(season_of)
    MOD = alt([*_all_words(tables, "start"), *_all_words(tables, "mid"), *_all_words(tables, "end")])
    unit_words = {"Y": [*_all_words(tables, "year-word")], "M": [*_all_words(tables, "month-word")],
                  "W": [*_all_words(tables, "week")]}
    unit_of = {normalize_key(f): u for u, forms in unit_words.items() for f in forms}
    UNITW = alt(unit_of)
    FOLLOW = alt([*_all_words(tables, "past"), *_all_words(tables, "future"), *_all_words(tables, "this")])
    direction_of: dict[str, int] = {}
    for fn, k in (("this", 0), ("future", 1), ("past", -1)):
        for f in _all_words(tables, fn):
            direction_of.setdefault(normalize_key(f), k)
    en = tables.get("en")
    EN_DIR = alt([*en.words.get("past", ()), *en.words.get("future", ()), *en.words.get("this", ())] if en else [])
    YEARW = alt(_all_words(tables, "year-word"))
    # "until now" after a unit is no future: "từ đầu năm tới nay" (since the start of the year)
    UNTIL_NOW = alt(["tới nay", "đến nay", "cho tới nay", "cho đến nay"])
    EVENT = alt(_all_words(tables, "event-noun"))
    # the words between the two halves of a range or a pair of dates ("từ ngày 15/5 đến 17/5")
    RANGE_TO = alt(["đến", "tới", "và", "hoặc", "to", "until", "till", "through", "and", "or",
                    "hingga", "sampai", "dan", "atau", "إلى", "الى", "حتى", "أو"])

    def dmy(m: regex.Match[str]) -> object:
        return spec(year=year_of(m["y"]), month=int(m["m"]), day=int(m["d"]))

    def dm(m: regex.Match[str]) -> object:
        return spec(month=int(m["m"]), day=int(m["d"]))

    def ymd(m: regex.Match[str]) -> object:
        return spec(year=int(m["y"]), month=int(m["m"]), day=int(m["d"]))

    def year(m: regex.Match[str]) -> object:
        return spec(year=int(m["y"]))

    # the groups capture listed forms, normalised keys (single spaces): found as they are,
    # anything else with its white space squashed first (the same key either way)
    def season(m: regex.Match[str]) -> object:
        s = m["s"]
        code = season_of.get(s) or season_of.get(_SPACES.sub(" ", s))
        return None if code is None else spec(year=int(m["y"]), season=code)

    def season_rel(m: regex.Match[str]) -> object:
        s = m["s"] or m["s1"]
        code = season_of.get(s) or season_of.get(_SPACES.sub(" ", s))
        d = m["dir"] or m["dir1"]
        k = direction_of.get(d, direction_of.get(_SPACES.sub(" ", d)))
        if code is None or k is None:
            return None
        if m["yw"]:  # "mùa xuân năm tới", "صيف العام الماضي": the season of that year
            return spec(season=code, rel_unit="Y", rel_offset=k)
        return spec(season=code, direction=k)  # "next spring", "الصيف الماضي": the nearest one

    def unit_this(m: regex.Match[str]) -> object:
        u = unit_of.get(m["u"]) or unit_of.get(_SPACES.sub(" ", m["u"]))
        return None if u is None else spec(rel_unit=u, rel_offset=0)

    return [
        compile_rule(
            "num.date.iso", "date", "*",
            rf"(?<![\d.\-/]){YEAR}-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])",
            ymd,
            examples=[Example("2020-12-28", {"value": "2020-12-28"})],
            negatives=["2020-13-01", "12020-12-28"],
            anchor_digits=4,
        ),
        compile_rule(
            "num.date.d-m-y", "date", "*",
            rf"(?=\d)(?<![\d.,/\-+]){DAY}(?P<sep>[/\-.]){MONTH_NUM}(?P=sep){YEAR}(?![\d/\-]|\.\d)",
            dmy,
            examples=[
                Example("16/3/2021", {"value": "2021-03-16"}),
                Example("27-12-2020", {"value": "2020-12-27"}),
                Example("28.12.2020", {"value": "2020-12-28"}),
                Example("٢٨/١٢/٢٠٢٠", {"value": "2020-12-28"}),
            ],
            negatives=["31/2/2020", "1.2.3.2020", "0.0587"],
            anchor_digits=4,
        ),
        compile_rule(
            "num.date.d-m-yy", "date", "*",
            rf"(?<![\d.,/\-+]){DAY}/{MONTH_NUM}/(?P<y>\d\d)(?![\d/])",
            dmy,
            examples=[Example("30/7/21", {"value": "2021-07-30"})],
            negatives=["5/3/123"],
        ),
        compile_rule(
            "num.date.d-m-paren", "date", "*",
            rf"\(\s?{DAY}/{MONTH_NUM}(?:/{YEAR2})?\s?\)",
            lambda m: spec(year=year_of(m["y"]), month=int(m["m"]), day=int(m["d"])),
            examples=[
                Example("(27/12)", {"value": "2020-12-27"}),
                Example("(27/12)", {"value": "XXXX-12-27"}, ref=None),
                Example("(30/7/2021)", {"value": "2021-07-30"}),
            ],
            negatives=["(5+5)", "(32/1)"],
        ),
        compile_rule(
            # a dateline's bare day/month: "Tri-pô-li, 31/10 (TTXVN) -", "Tripoli, 30/10 -"
            "num.date.dateline-d-m", "date", "*",
            # (without the comma at the start of a line when the agency follows: "Béc-lin 20/1 (TTXVN) -")
            rf"""(?=\d)(?:(?<=[^\W\d_],\s)|(?<=(?:^|\n)[^\W\d_](?:[^\W\d_]|[\s\-.](?=[^\W\d_])){{0,40}}\s)(?=[^()\n]{{3,12}}\([^()\n]{{1,24}}\)\s?[-–—]))
                 {DAY}/{MONTH_NUM}(?:/{YEAR2})?(?=\s?(?:\([^()\n]{{1,24}}\)\s?)?[-–—])""",
            lambda m: spec(year=year_of(m["y"]), month=int(m["m"]), day=int(m["d"])),
            examples=[
                Example("Tri-pô-li, 31/10 (TTXVN) - Ông", {"value": "2020-10-31"}),
                Example("Tripoli, 30/10 - Ông", {"value": "2020-10-30"}),
                Example("Hà Nội, 16/3/2021 (VNA) – Ông", {"value": "2021-03-16"}),
                Example("Béc-lin 20/1 (TTXVN) - Lãnh đạo", {"value": "2021-01-20"}),
            ],
            negatives=["tỷ số 3, 2/1 - 1", "Tripoli, 30/10 ông nói", "(3, 5/1) - x", "tỷ số 2/1 - 1", "Béc-lin 20/1 - 1"],
        ),
        compile_rule(
            "num.date.prefix-d-m", "date", "*",
            rf"(?<!\w){day_prefix}\s{{1,2}}{DAY}[/\-]{MONTH_NUM}(?![\d/\-]|\.\d)",
            dm,
            examples=[
                Example("ngày 27/12", {"value": "2020-12-27"}),
                Example("hôm 24-4", {"value": "2019-04-24"}, ref=__import__("datetime").date(2019, 4, 25)),
                Example("tanggal 5/1", {"value": "2021-01-05"}),
            ],
            negatives=["ngày 5+5", "ngày càng"],
        ),
        compile_rule(
            "num.date.year-word", "date", "*",
            # an Arabic year word may carry a proclitic: لسنة 1957, وعام 2011
            rf"(?:(?<!\w)|{AR_L}(?=[\u0600-\u06ff])){year_word}\s{{1,2}}{YEAR}(?!\d|\s?[/\-]\d)",
            year,
            examples=[
                Example("năm 2014", {"value": "2014"}),
                Example("عام 2011", {"value": "2011"}),
                Example("القانون رقم 62 لسنة 1957", {"value": "1957"}),
                Example("tahun 2009", {"value": "2009"}),
            ],
            negatives=["năm 20.000"],
            anchor_digits=4,
        ),
        compile_rule(
            "num.date.year-range-start", "date", "*",
            rf"(?<![\d.,/\-]){YEAR}(?=\s?[-–]\s?(?:1[89]|20)\d\d(?![\d/\-]|[.,]\d))",
            year,
            examples=[Example("nhiệm kỳ 2020-2021", {"value": "2020"})],
            negatives=["2020-12-28", "12020-2021"],
            anchor_digits=4,
        ),
        compile_rule(
            "num.date.year-range-end", "date", "*",
            rf"(?<=(?<![\d.,/\-])(?:1[89]|20)\d\d\s?[-–]\s?){YEAR}(?![\d/\-]|[.,]\d)",
            year,
            examples=[Example("nhiệm kỳ 2020-2021", {"value": "2021"}), Example("1969–2011", {"value": "2011"}),
                      Example("nhiệm kỳ 2020-2021, khẳng định", {"value": "2021"})],
            negatives=["2020-12-28"],
            anchor_digits=4,
        ),
        compile_rule(
            "num.date.season-year", "date", "*",
            rf"(?<![\w]){SEASON}(?<=(?P<s>{SEASON}))\s{{1,2}}(?:(?:of|năm|tahun|عام|من\s{{1,2}}عام)\s{{1,2}})?{YEAR}(?!\d)",
            season,
            examples=[
                Example("صيف 2014", {"value": "2014-SU"}),
                Example("mùa hè năm 2019", {"value": "2019-SU"}),
                Example("winter of 2011", {"value": "2011-WI"}),
            ],
            negatives=["الربيع العربي"],
            anchor=(SEASON,),
        ),
        compile_rule(
            # a season with a direction: "next spring", "mùa xuân năm tới", "musim dingin lalu",
            # "الصيف الماضي", "ربيع العام المقبل"
            "num.date.season-relative", "date", "*",
            rf"""(?<![\w])(?:(?P<dir1>{EN_DIR})\s{{1,2}}(?P<s1>{SEASON})(?![\w])(?!\s{{1,2}}(?:in|of)\s)
                 |(?P<s>{SEASON})\s{{1,2}}(?:(?:of\s{{1,2}}|من\s{{1,2}})?(?P<yw>{YEARW})\s{{1,2}})?(?P<dir>{FOLLOW})(?![\w])
                  (?!\s{{1,2}}khi(?![\w])))""",
            season_rel,
            examples=[
                Example("next spring", {"value": "2021-SP"}),
                Example("last summer", {"value": "2020-SU"}),
                Example("mùa xuân năm tới", {"value": "2018-SP"}, ref=datetime.date(2017, 7, 26)),
                Example("musim dingin lalu", {"value": "2019-WI"}),
                Example("الصيف الماضي", {"value": "2009-SU"}, ref=datetime.date(2009, 9, 24)),
                Example("ربيع العام المقبل", {"value": "2021-SP"}),
            ],
            negatives=["the Arab Spring", "الربيع العربي", "this fall in prices", "mùa xuân sau khi", "spring"],
            anchor=(SEASON,),
        ),
        compile_rule(
            "num.date.modifier-unit", "date", "*",
            rf"""{first_of(UNITW)}(?<=(?<![\w]){MOD}[\s\-]{{1,2}}(?:the\s{{1,2}})?)(?P<u>{UNITW})(?![\w])
                 (?!\s{{1,2}}(?:\d|(?!{UNTIL_NOW}(?![\w])){FOLLOW}(?![\w])|(?:of|của|من)\s))""",
            unit_this,
            examples=[
                Example("cuối năm", {"value": "2020"}),
                Example("مطلع العام", {"value": "2020"}),
                Example("the end of the year", {"value": "2020"}),
                Example("akhir bulan", {"value": "2020-12"}),
                # "tới nay": until now, not "next year"
                Example("từ đầu năm tới nay", {"value": "2020"}),
            ],
            negatives=["cuối năm 2021", "năm"],
            priority=-1,
            anchor=(UNITW,),
        ),
        compile_rule(
            "num.date.year-after-preposition", "date", "*",
            # an Arabic preposition may carry و/ف (وفي 2019, وخلال 2020), and و alone may be glued
            # to the year (بين 2014 و2016)
            rf"{first_of(DIGIT)}(?<=(?<!\w)[وف]?{since}\s{{1,2}}|(?<!\w)و){YEAR}(?![\d%]|\s?[/\-.,]\d)",
            year,
            examples=[
                Example("sejak 2014", {"value": "2014"}),
                Example("since 2011", {"value": "2011"}),
                Example("منذ 2014", {"value": "2014"}),
                Example("بين 2014 و2016", {"value": "2014"}),
                Example("وخلال 2020", {"value": "2020"}),
                Example("Before 2011, Libya", {"value": "2011"}),
                Example("sebelum 2011", {"value": "2011"}),
            ],
            negatives=["sejak 20000", "since 2014.5", "before 2011/12"],
            priority=-1,
            anchor_digits=4,
        ),
        compile_rule(
            # an event named by its year, the year right after the noun: "sejak konflik 2011",
            # "kudeta 1969", "ثورة 2011", "bầu cử 2021" (not "Resolusi 1973", a number)
            "num.date.year-after-event", "date", "*",
            rf"{first_of(DIGIT)}(?<=(?<!\w)[وفبل]{{0,2}}(?:ال)?{EVENT}\s{{1,2}}){YEAR}(?![\d%]|\s?[/\-.,]\d)",
            year,
            examples=[
                Example("sejak konflik 2011, ketika", {"value": "2011"}),
                Example("berkuasa sejak kudeta 1969", {"value": "1969"}),
                Example("منذ ثورة 2011", {"value": "2011"}),
                Example("وانتخابات 2014", {"value": "2014"}),
                Example("مسودة الدستور 2017", {"value": "2017"}),
            ],
            negatives=["Resolusi 1973", "konflik 20110", "konflik 2011.5", "perang 1990/91"],
            priority=-1,
            anchor_digits=4,
        ),
        compile_rule(
            # the second date of a pair or range written without its day word: "từ ngày 15/5
            # đến 17/5", "ngày 3/4 và 5/4", "tanggal 1/3 hingga 5/3" (the first has the day word)
            "num.date.range-d-m", "date", "*",
            rf"""(?=\d)(?<=(?<!\w){day_prefix}\s{{1,2}}(?:[12]\d|3[01]|0?[1-9])(?:[/\-.](?:1[0-2]|0?[1-9])(?:[/\-.]\d{{2,4}})?)?
                    (?:\s{{0,2}}[-–]\s{{0,2}}|\s{{1,2}}{RANGE_TO}\s{{1,2}}|\s{{1,2}}و))
                 {DAY}[/\-]{MONTH_NUM}(?:/{YEAR2})?(?![\d/\-]|\.\d)""",
            lambda m: spec(year=year_of(m["y"]), month=int(m["m"]), day=int(m["d"])),
            examples=[
                Example("từ ngày 15/5 đến 17/5.", {"value": "2020-05-17"}),
                Example("ngày 3/4 và 5/4", {"value": "2020-04-05"}),
                Example("tanggal 1/3 hingga 5/3/2021", {"value": "2021-03-05"}),
                Example("ngày 15/5-17/5", {"value": "2020-05-17"}),
                # the first half may be a bare day: its month is the second's (range.shared-month)
                Example("từ ngày 28 đến 29/6", {"value": "2020-06-29"}),
            ],
            negatives=["tỷ số 2/1 đến 3/1", "ngày 15/5 đến 17/13", "ngày 15/5 đến 17/5/20234"],
        ),
    ]
