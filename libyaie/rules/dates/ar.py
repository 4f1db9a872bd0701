"""Arabic date rules.

Month names of every Arabic family (Egyptian/Gulf, Levantine/Iraqi, Maghrebi,
Moroccan, Mauritanian) and the paired style ``ديسمبر/كانون الأول``; Hijri
(Umm al-Qura) and Libyan Jamahiriya months; weekdays; relative expressions;
durations with digits, number words and duals; decades of a century.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping

import regex

from ... import _regex_cache
from ..._gazetteer import DateTables
from .. import AR_L, DIGIT, Example, R, Rule, alt, compile_rule, first_of
from ._pieces import (
    YEAR,
    Pieces,
    ago_build,
    direction_of,
    every_unit_rule,
    next_day_rule,
    relative_day_rule,
    spec,
    year_part_spec,
)

__all__ = ["rules"]

_OFFSET = {"past": -1, "future": 1}  # "this" and unmarked: 0
_MOD = {"start": "START", "mid": "MID", "end": "END"}

REF19 = datetime.date(2019, 4, 25)
_SLASH = _regex_cache.compile(r"\s?[/(]\s?")
_YAWM = _regex_cache.compile(r"^يوم\s+")


def rules(tables: Mapping[str, DateTables]) -> list[Rule]:
    p = Pieces(tables, "ar")
    MONTH = p.alt_months("gregorian")
    HMONTH = p.alt_months("hijri")
    LMONTH = p.alt_months("libyan")
    LMONTH_REL = p.alt_months("libyan", exclude=["الربيع", "الصيف"])  # also the seasons
    PAST_FUT = p.alt_words("past", "future", "this")
    MONTH_PREFIX = p.alt_words("month-prefix")
    YEAR_PREFIX = p.alt_words("year-prefix")
    ORD = p.alt_ordinals()
    NUM1 = p.alt_numbers()
    # a number word, or a compound 21–99: the unit, و, the ten (اثنين وعشرين, خمسة وثلاثون)
    NUM = rf"(?:{NUM1})(?:\s{{1,2}}و\s?(?:{NUM1}))?"
    UNIT = p.alt_units()
    DUAL = p.alt_duals()
    HMARK = p.alt_words("hijri-marker")
    LMARK = p.alt_words("libyan-marker")
    ADMARK = p.alt_words("ad-marker")
    MORNING = p.alt_words("morning")
    EVENING = p.alt_words("evening")
    WEEK = p.alt_words("week")
    MONTH_WORD = p.alt_words("month-word")
    YEAR_WORD = p.alt_words("year-word")
    SINCE = p.alt_words("since")
    MONTH_PREP = p.alt_words("month-preposition")
    MODS = p.alt_words("start", "mid", "end")
    QUARTER_WORD = p.alt_words("quarter-word")
    Q_ORD = rf"(?P<q>{ORD}|(?P<last>الاخير))"

    def b_year_part(part: str) -> Callable[[regex.Match[str]], object]:
        def build(m: regex.Match[str]) -> object:
            g = m.groupdict()
            return year_part_spec(p, part, -1 if g["last"] else p.ordinal(g["q"]), g.get("y"), g.get("dir"))

        return build

    b_quarter = b_year_part("quarter")

    # "the past two years": a dual with the article and a dual adjective (العامين الماضيين)
    PAST_DUAL = alt(["الماضيين", "الماضيتين", "الأخيرين", "الأخيرتين", "المنصرمين", "المنصرمتين",
                     "المقبلين", "المقبلتين", "القادمين", "القادمتين"])
    # the paired style names the month twice: "ديسمبر/كانون الأول", "مارس (آذار)"
    PAIRED = rf"(?:\s?/\s?{MONTH}|\s{{0,2}}\(\s?{MONTH}\s?\))?"
    # Weekdays: only with the article or after يوم (أحد = "one", جمعة is a name).
    bare_wd = sorted({w[2:] if w.startswith("ال") else w for w in p.t.weekdays})
    WD_BARE = alt(bare_wd)
    WEEKDAY = rf"(?:(?:يوم\s{{1,2}})(?:ال)?{WD_BARE}|ال{WD_BARE})"

    def month_of(s: str) -> int | None:
        # "ديسمبر/كانون الاول": the first name decides (split only where a second one is)
        first = _SLASH.split(s)[0] if "/" in s or "(" in s else s
        return p.month_index(first)

    def day_of(m: regex.Match[str]) -> int | None:
        if m["d"]:
            return int(m["d"])
        if m["od"]:
            return p.ordinal(m["od"])
        return None

    # weekday names without the article → index (the first listed name of a form wins)
    wd_bare_index: dict[str, int] = {}
    for f, i in p.t.weekdays.items():
        wd_bare_index.setdefault(f[2:] if f.startswith("ال") else f, i)

    def wd_index(s: str) -> int | None:
        if s.startswith("يوم"):
            s = _YAWM.sub("", s)
        s = s[2:] if s.startswith("ال") else s
        return wd_bare_index.get(s)

    def b_day_month(m: regex.Match[str]) -> object:
        mo = month_of(m["m"])
        d = day_of(m)
        if mo is None or d is None:
            return None
        y = int(m["y"]) if m["y"] else None
        if m["yw"]:  # "18 مارس من العام الماضي": the day of the year named relative
            fn = p.function_of(m["dir"], "past", "future", "this")
            return spec(month=mo, day=d, rel_unit="Y", rel_offset=_OFFSET.get(fn or "", 0))
        return spec(year=y, month=mo, day=d, direction=direction_of(p, m["dir"]))

    def b_month_year(m: regex.Match[str]) -> object:
        mo = month_of(m["m"])
        return None if mo is None else spec(year=int(m["y"]), month=mo)

    def b_month_rel(m: regex.Match[str]) -> object:
        mo = month_of(m["m"])
        if mo is None:
            return None
        d = m["dir"]
        if d in ("ذاته", "نفسه"):
            return spec(month=mo, rel_unit="Y", rel_offset=0, anaphoric=True)
        if m["yw"]:
            fn = p.function_of(d, "past", "future", "this")
            return spec(month=mo, rel_unit="Y", rel_offset=_OFFSET.get(fn or "", 0))
        return spec(month=mo, direction=direction_of(p, d))

    def b_month(m: regex.Match[str]) -> object:
        mo = month_of(m["m"])
        return None if mo is None else spec(month=mo)

    def b_unit_once(m: regex.Match[str]) -> object:
        u = p.unit(m["u"])
        return None if u in (None, "Q") else spec(duration_unit=u, duration_amount=1)

    def b_unit_several(m: regex.Match[str]) -> object:
        u = p.unit(m["u"])
        return None if u in (None, "Q") else spec(duration_unit=u, duration_amount=None)

    def b_weekday(m: regex.Match[str]) -> object:
        wd = wd_index(m["wd"])
        if wd is None:
            return None
        pod = None
        if m["pod"]:
            pod = "MO" if p.function_of(m["pod"], "morning", "evening") == "morning" else "EV"
        return spec(weekday=wd, direction=direction_of(p, m["dir"]), part_of_day=pod)

    def b_weekday_set(m: regex.Match[str]) -> object:
        wd = wd_index(m["wd"])
        if wd is None or (not m["yawm"] and wd in (1, 7)):
            return None  # كل اثنين "every two", كل أحد "everyone": only after يوم
        return spec(weekday=wd, set_=True)

    def b_rel(m: regex.Match[str]) -> object:
        unit = "W" if m["w"] else "M" if m["mw"] else "Y"
        fn = p.function_of(m["dir"], "past", "future", "this")
        return spec(rel_unit=unit, rel_offset=_OFFSET.get(fn or "", 0))

    def b_duration(m: regex.Match[str]) -> object:
        if m["u1"]:
            u1 = p.unit(m["u1"])
            return None if u1 in (None, "Q") else spec(duration_unit=u1, duration_amount=1)
        dual = m["dual"] or m["dual2"]  # bare, or with the article (two groups: one name each)
        if dual:
            u = p.dual_unit(dual)
            return None if u is None else spec(duration_unit=u, duration_amount=2)
        u = p.unit(m["u"])
        if u is None or u in ("Q",):
            return None
        n = p.number(m["n"]) if m["n"] else None
        if m["n"] and n is None:
            return None
        if n is not None and n < 0:
            n = None
        return spec(duration_unit=u, duration_amount=n)

    ago = ago_build(p)

    def b_hijri(m: regex.Match[str]) -> object:
        mo = p.month_index(m["m"], "hijri")
        if mo is None:
            return None
        d = int(m["d"]) if m["d"] else 1 if m["first"] else p.ordinal(m["od"]) if m["od"] else None
        if m["od"] and d is None:
            return None
        return spec(year=int(m["y"]), month=mo, day=d, calendar="hijri")

    def b_hijri_yearless(m: regex.Match[str]) -> object:
        mo = p.month_index(m["m"], "hijri")
        d = int(m["d"]) if m["d"] else 1 if m["first"] else p.ordinal(m["od"])
        if mo is None or d is None:
            return None
        return spec(month=mo, day=d, calendar="hijri")

    def b_libyan(m: regex.Match[str]) -> object:
        mo = p.month_index(m["m"], "libyan")
        if mo is None:
            return None
        d = int(m["d"]) if m["d"] else None
        return spec(year=int(m["y"]), month=mo, day=d, calendar="libyan")

    def b_libyan_rel(m: regex.Match[str]) -> object:
        # the Libyan months are the Gregorian ones under other names
        mo = p.month_index(m["m"], "libyan")
        return None if mo is None else spec(month=mo, direction=direction_of(p, m["dir"]))

    # the decade nouns, …ينيات and the shorter …ينات (ثمانينات, common in Maghrebi and Levantine news)
    decades = {stem + suffix: n for n, stem in enumerate(
        ("عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"), start=2) for suffix in ("يات", "ات")}
    DECADE = alt(list(decades) + ["ال" + k for k in decades])

    def b_decade(m: regex.Match[str]) -> object:
        dec = m["dec"]
        n = decades.get(dec[2:] if dec.startswith("ال") else dec)
        if n is None:
            return None
        if m["crel"]:
            return spec(decade_in_century=n, century_rel=-1)
        if m["cent"]:
            return spec(decade_in_century=n, century=20 if "عشرين" in m["cent"] else 21)
        return spec(decade=190 + n)

    return [
        compile_rule(
            # "النصف الأول من عام 2021", "النصف الثاني من العام الماضي": a half-year (2021-H1)
            "ar.date.half-year", "date", "ar",
            rf"""{AR_L}(?:{p.alt_words("half-word")})\s{{1,2}}{Q_ORD}\s{{1,2}}(?:من\s{{1,2}})?
                 (?:(?:(?:{YEAR_PREFIX})\s{{1,2}})?{YEAR}(?!\d)|(?:العام|السنه)\s{{1,2}}(?P<dir>{PAST_FUT}){R}|(?:هذا\s{{1,2}})?(?:العام|السنه){R})""",
            b_year_part("half"),
            examples=[Example("النصف الأول من عام 2021", {"value": "2021-H1"}),
                      Example("النصف الثاني من العام الماضي", {"value": "2019-H2"}),
                      Example("النصف الأول من العام", {"value": "2020-H1"})],
            negatives=["النصف الأول من المباراة", "النصف الاول"],
            anchor=(p.alt_words("half-word"),),
        ),
        compile_rule(
            # "الربع الأول من عام 2015", "الربع الثالث 2021": a quarter of a year
            "ar.date.quarter", "date", "ar",
            rf"{AR_L}(?:{QUARTER_WORD})\s{{1,2}}{Q_ORD}\s{{1,2}}(?:من\s{{1,2}})?(?:(?:{YEAR_PREFIX})\s{{1,2}})?{YEAR}(?!\d|[.,]\d)",
            b_quarter,
            examples=[Example("الربع الأول من عام 2015", {"value": "2015-Q1"}),
                      Example("في الربع الثالث 2021", {"value": "2021-Q3"}),
                      Example("الربع الأخير من العام 2019", {"value": "2019-Q4"})],
            negatives=["الربع الخامس من عام 2015", "ربع الأول 2015"],
            anchor_digits=4,
        ),
        compile_rule(
            # "الربع الثالث", "الربع الأول من العام الماضي": a quarter of the reference year, or of
            # the year before or after it (not of a century: "الربع الأول من القرن")
            "ar.date.quarter-relative", "date", "ar",
            rf"""{AR_L}(?:{QUARTER_WORD})\s{{1,2}}{Q_ORD}
                 (?:\s{{1,2}}(?:من\s{{1,2}})?(?:{YEAR_WORD})\s{{1,2}}(?P<dir>{PAST_FUT}){R}
                 |{R}(?!\s{{1,2}}(?:من\s{{1,2}})?(?:(?:{YEAR_PREFIX}|{YEAR_WORD})\s{{1,2}})?\d)(?!\s{{1,2}}من\s{{1,2}}(?:القرن|الساعه|الالفيه|العقد)))""",
            b_quarter,
            examples=[Example("الربع الثالث", {"value": "2020-Q3"}),
                      Example("الربع الأول من العام الماضي", {"value": "2019-Q1"}),
                      Example("الربع الرابع من العام المقبل", {"value": "2021-Q4"})],
            negatives=["الربع الأول من عام 2015", "الربع الأول من القرن", "الربع الخالي"],
            priority=-1,
            anchor=(QUARTER_WORD,),
        ),
        compile_rule(
            "ar.date.day-month-year", "date", "ar",
            rf"""{first_of(DIGIT, ORD)}{AR_L}(?:(?P<d>[12]\d|3[01]|0?[1-9])|(?P<od>{ORD}))
                 \s{{0,2}}(?:من\s{{1,2}})?(?:{MONTH_PREFIX}\s{{1,2}})?
                 (?P<m>{MONTH}{PAIRED})
                 (?:\s{{1,2}}(?:(?:من\s{{1,2}})?(?P<yw>{YEAR_WORD})\s{{1,2}})?(?P<dir>{PAST_FUT})
                  |(?:\s{{0,2}}[,،]?\s{{0,2}}(?:من\s{{1,2}})?(?:{YEAR_PREFIX}\s{{1,2}})?{YEAR}(?!\d)(?:\s{{0,2}}{ADMARK}{R})?))?{R}""",
            b_day_month,
            examples=[
                Example("٢٨ ديسمبر ٢٠٢٠", {"value": "2020-12-28"}),
                Example("28 كانون الأول 2020", {"value": "2020-12-28"}),
                Example("27 ديسمبر/كانون الأول 2020", {"value": "2020-12-27"}),
                Example("الرابع والعشرين من ديسمبر", {"value": "2020-12-24"}),
                Example("5 جانفي 2021", {"value": "2021-01-05"}),
                Example("12 شتنبر 2019", {"value": "2019-09-12"}),
                Example("في 3 أبريل", {"value": "2020-04-03"}),
                Example("١٣ سبتمبر ٢٠٢٣م", {"value": "2023-09-13"}),  # م (AD) glued to the year
                Example("1 سبتمبر 1969 ميلادي", {"value": "1969-09-01"}),
                Example("18 مارس من العام الماضي", {"value": "2019-03-18"}),
                Example("الخامس من يناير العام المقبل", {"value": "2021-01-05"}),
            ],
            negatives=["5 أعضاء", "لجنة 5+5"],
            anchor=(MONTH,),
        ),
        compile_rule(
            "ar.date.month-year", "date", "ar",
            rf"""{AR_L}(?:{MONTH_PREFIX}\s{{1,2}})?(?P<m>{MONTH}{PAIRED})\s{{0,2}}[,،]?\s{{0,2}}
                 (?:من\s{{1,2}})?(?:{YEAR_PREFIX}\s{{1,2}})?{YEAR}(?!\d)""",
            b_month_year,
            examples=[
                Example("يونيو 2020", {"value": "2020-06"}),
                Example("مارس (آذار) 1977", {"value": "1977-03"}),
                Example("شهر أكتوبر من العام 2018", {"value": "2018-10"}),
                Example("حزيران 2014", {"value": "2014-06"}),
            ],
            negatives=["يونيو 20000"],
            anchor=(MONTH,),
        ),
        compile_rule(
            "ar.date.month-relative", "date", "ar",
            rf"""{AR_L}(?:{MONTH_PREFIX}\s{{1,2}})?(?P<m>{MONTH}{PAIRED})
                 \s{{1,2}}(?:(?:من\s{{1,2}})?(?P<yw>{YEAR_WORD})\s{{1,2}})?(?P<dir>{PAST_FUT}|ذاته|نفسه){R}""",
            b_month_rel,
            examples=[
                Example("يونيو الماضي", {"value": "2020-06"}),
                Example("أكتوبر الماضي", {"value": "2020-10"}),
                Example("يناير المقبل", {"value": "2021-01"}),
                Example("كانون الثاني (يناير) المقبل", {"value": "2021-01"}),
                Example("مارس من العام الماضي", {"value": "2019-03"}),
                Example("أكتوبر من العام ذاته", {"value": "2020-10"}),
            ],
            negatives=["الماضي"],
            anchor=(MONTH,),
        ),
        compile_rule(
            # the paired style alone is a month whatever stands around it: "أواخر شباط/فبراير",
            # "منتصف أكتوبر/تشرين الأول" (both names must be the same month)
            "ar.date.month-paired", "date", "ar",
            rf"""{AR_L}(?P<m>{MONTH})(?:\s?/\s?|\s{{0,2}}\(\s?)(?P<m2>{MONTH})(?:\s?\))?{R}""",
            lambda m: spec(month=mo) if (mo := month_of(m["m"])) is not None and mo == month_of(m["m2"]) else None,
            examples=[
                Example("شباط/فبراير", {"value": "2020-02"}),
                Example("أكتوبر/تشرين الأول", {"value": "2020-10"}),
                Example("آذار (مارس)", {"value": "2020-03"}),
            ],
            negatives=["فبراير/مارس"],
            priority=-1,
            anchor=(MONTH,),
        ),
        compile_rule(
            "ar.date.month-prefixed", "date", "ar",
            rf"{AR_L}(?:{MONTH_PREFIX})\s{{1,2}}(?P<m>{MONTH}{PAIRED}){R}",
            b_month,
            examples=[Example("شهر أغسطس", {"value": "2020-08"})],
            negatives=["شهر العسل"],
            priority=-1,
        ),
        compile_rule(
            "ar.date.month-after-preposition", "date", "ar",
            rf"""{AR_L}(?<=(?:^|[^\w])(?:[وف]?(?:{MONTH_PREP}|{MODS})\s{{1,2}}))
                 (?P<m>{MONTH}){R}(?!\s?/)""",
            b_month,
            examples=[
                Example("في يوليو", {"value": "2020-07"}),
                Example("منذ منتصف نونبر", {"value": "2020-11"}),
                Example("خلال شتنبر", {"value": "2020-09"}),
            ],
            negatives=["في الشهر", "خلال العام"],
            priority=-1,
        ),
        compile_rule(
            "ar.date.approx-unit", "date", "ar",
            rf"""{AR_L}(?<=(?:^|[^\w])(?:نحو|قرابه|حوالي|زهاء|منذ|اكثر\s{{1,2}}من|اقل\s{{1,2}}من)\s{{1,2}})(?P<u>شهر|عام|سنه|يوم|اسبوع|ساعه|عقد|قرن){R}(?!\s{{0,2}}(?:\d|{ORD}))""",
            b_unit_once,
            examples=[Example("نحو شهر", {"value": "P1M"}), Example("قرابة عام", {"value": "P1Y"}),
                      # a single unit after "since" is one of it: منذ عام "for a year (now)"
                      Example("منذ عام", {"value": "P1Y"}), Example("منذ أكثر من شهر", {"value": "P1M"})],
            negatives=["نحو عام 2020", "منذ عام 2014", "منذ أكثر من عام 2014"],
            anchor=("شهر", "عام", "سنه", "يوم", "اسبوع", "ساعه", "عقد", "قرن"),
        ),
        compile_rule(
            # "ثورة 17 فبراير": the revolution named after its first day is 17 February 2011,
            # whatever the reference date (not the 17 February before it); with a year after
            # it, the longer day-month-year reading wins ("17 فبراير 2015")
            "ar.date.february-revolution", "date", "ar",
            rf"""(?<=ثوره\s)(?:17|السابع\s{{1,2}}عشر)\s{{1,2}}(?:من\s{{1,2}})?(?P<m>{MONTH}){R}""",
            lambda m: spec(year=2011, month=2, day=17) if month_of(m["m"]) == 2 else None,
            examples=[Example("ثورة 17 فبراير", {"value": "2011-02-17"}),
                      Example("في ذكرى ثورة السابع عشر من فبراير", {"value": "2011-02-17"}),
                      Example("لثورة 17 شباط", {"value": "2011-02-17"}),
                      Example("ثورة 17 فبراير 2011", {"value": "2011-02-17"})],
            negatives=["ثورة 17 مارس", "يوم 17 فبراير", "كتيبة 17 فبراير"],
            priority=2,
            anchor=(MONTH,),
        ),
        compile_rule(
            # "خلال العقد الماضي": the past decade, ten years up to the reference date (a
            # duration, as "hơn một thập kỷ qua", "more than a decade")
            "ar.date.past-decade", "date", "ar",
            # (not السابق: "العقد السابق" is also "the previous contract")
            # With a modifier it is a point in time, the decade before the reference date's:
            # "أواخر العقد الماضي" (ref 2012) is the late 2000s, 200 END
            rf"""{AR_L}(?:(?P<mod>{MODS})\s{{1,2}})?العقد\s{{1,2}}(?:الماضي|المنصرم|الاخير){R}""",
            lambda m: spec(duration_unit="DE", duration_amount=1) if not m["mod"] else spec(
                rel_unit="DE", rel_offset=-1, mod=_MOD.get(p.function_of(m["mod"], "start", "mid", "end") or "")),
            examples=[Example("خلال العقد الماضي", {"value": "P10Y"}), Example("في العقد الأخير", {"value": "P10Y"}),
                      Example("أواخر العقد الماضي", {"value": "200", "mod": "END"}, ref=datetime.date(2012, 2, 22))],
            negatives=["العقد", "العقد الاجتماعي", "العقد المقبل", "العقد السابق"],
            anchor=("العقد",),
        ),
        compile_rule(
            # "بعد شهر من الانتخابات": a month after an event, one unit (as "a month after", "a
            # week after" in English).  Not a day: "بعد يوم من" is "the next day", no duration
            # (annotators mark neither "a day after" nor "بعد يوم من")
            "ar.date.after-unit", "date", "ar",
            rf"""{AR_L}(?<=(?:^|[^\w])[وف]?بعد\s{{1,2}})(?P<u>شهر|عام|سنه|اسبوع|عقد|قرن)(?=\s{{1,2}}(?:من|علي)\s)""",
            b_unit_once,
            examples=[Example("بعد شهر من الانتخابات", {"value": "P1M"}), Example("وبعد عام على الثورة", {"value": "P1Y"})],
            negatives=["بعد يوم من الاتفاق", "بعد شهر رمضان", "بعد عام 2011", "بعد شهر"],
            anchor=("شهر", "عام", "سنه", "اسبوع", "عقد", "قرن"),
        ),
        compile_rule(
            "ar.date.weekday", "date", "ar",
            rf"""{AR_L}(?<!سوق\s{{1,2}})(?:(?P<pod>{MORNING}|{EVENING})\s{{1,2}})?(?P<wd>{WEEKDAY})
                 (?:\s{{1,2}}(?P<dir>{PAST_FUT}))?{R}""",
            b_weekday,
            examples=[
                Example("الأحد", {"value": "2020-12-27"}),
                Example("الاثنين", {"value": "2020-12-28"}),
                Example("يوم الخميس", {"value": "2020-12-24"}),
                Example("الأحد المقبل", {"value": "2021-01-03"}),
                Example("صباح الأحد", {"value": "2020-12-27"}),
                Example("الجمعة", {"value": "XXXX-XX-XX"}, ref=None),
            ],
            negatives=["أحد المسؤولين", "جمعة", "اثنين من", "سوق الجمعة"],
        ),
        compile_rule(
            # a recurring weekday is a set (TIMEX3 SET XXXX-WXX-1): "كل يوم اثنين", "كل جمعة"
            "ar.date.weekday-set", "date", "ar",
            rf"""{AR_L}(?:{p.alt_words("set-every")})\s{{1,2}}(?:(?P<yawm>يوم)\s{{1,2}})?(?P<wd>(?:ال)?{WD_BARE}){R}""",
            b_weekday_set,
            examples=[
                Example("كل يوم اثنين", {"value": "XXXX-WXX-1", "kind": "set"}),
                Example("كل جمعة", {"value": "XXXX-WXX-5", "kind": "set"}),
                Example("كل يوم الأحد", {"value": "XXXX-WXX-7", "kind": "set"}),
            ],
            negatives=["كل اثنين من", "كل أحد", "كل يوم"],
            priority=1,
        ),
        compile_rule(
            "ar.date.relative-unit", "date", "ar",
            rf"""{AR_L}(?:(?P<w>{WEEK})|(?P<mw>{MONTH_WORD})|(?P<yw>{YEAR_WORD}))\s{{1,2}}(?P<dir>{PAST_FUT}){R}""",
            b_rel,
            examples=[
                Example("الأسبوع الماضي", {"value": "2020-W52"}),
                Example("الشهر الماضي", {"value": "2020-11"}),
                Example("العام الماضي", {"value": "2019"}),
                Example("العام المقبل", {"value": "2021"}),
                Example("العام الجاري", {"value": "2020"}),
                Example("السنة الماضية", {"value": "2019"}),
            ],
            negatives=["العام", "الأسبوع"],
        ),
        every_unit_rule(p, AR_L, R, p.alt_words("set-every"),
                        [Example("كل يوم", {"value": "P1D", "kind": "set"}), Example("كل أسبوع", {"value": "P1W", "kind": "set"}),
                         Example("كل عام", {"value": "P1Y", "kind": "set"}), Example("كل أربع سنوات", {"value": "P4Y", "kind": "set"})],
                        ["كل الأيام", "كل بضعة أيام"]),
        relative_day_rule(p, AR_L, R, [Example("أمس", {"value": "2020-12-27"}), Example("أول أمس", {"value": "2020-12-26"}),
                                     Example("فجر اليوم", {"value": "2020-12-28"})], ["أمسية", "اليوم"]),
        next_day_rule(p, AR_L, R, [Example("في اليوم التالي", {"value": "2020-12-29"}),
                                 Example("صباح اليوم التالي", {"value": "2020-12-29"}),
                                 Example("اليوم السابق", {"value": "2020-12-27"})], ["اليوم", "التالي"]),
        compile_rule(
            # "قبل ثلاث سنوات", "قبل عامين", "قبل شهر": N units ago (not "قبل عام 2011": before 2011)
            "ar.date.ago", "date", "ar",
            rf"""{AR_L}قبل\s{{1,2}}(?:(?P<n>\d{{1,4}}|{NUM})\s{{1,2}}(?P<u>{UNIT})|(?P<dual>{DUAL})
                 |(?P<u1>شهر|عام|سنه|اسبوع|يوم))(?!\s{{0,2}}(?:\d|{ORD})){R}""",
            lambda m: ago(m) if not m["u1"] else spec(rel_unit={"شهر": "M", "اسبوع": "W", "يوم": "D"}.get(m["u1"], "Y"),
                                                      rel_offset=-1),
            examples=[
                Example("قبل ثلاث سنوات", {"value": "2017"}),
                Example("قبل عامين", {"value": "2018"}),
                Example("قبل شهرين", {"value": "2020-10"}),
                Example("قبل 5 أيام", {"value": "2020-12-23"}),
                Example("قبل شهر", {"value": "2020-11"}),
            ],
            negatives=["قبل عام 2011", "قبل أيام"],
        ),
        compile_rule(
            "ar.date.duration", "date", "ar",
            rf"""{first_of(DIGIT, NUM1, UNIT, DUAL)}{AR_L}(?<!/)(?<!قبل\s{{1,2}})(?:(?P<n>\d{{1,4}}|{NUM})\s{{1,2}}(?P<u>{UNIT})|(?P<u1>{UNIT})\s{{1,2}}(?:واحد|واحدا|واحده)|(?P<dual>{DUAL})
                 |ال(?P<dual2>{DUAL})\s{{1,2}}(?:{PAST_DUAL})){R}""",
            b_duration,
            examples=[
                Example("6 أعوام", {"value": "P6Y"}),
                Example("عامين", {"value": "P2Y"}),
                Example("ثلاثة أيام", {"value": "P3D"}),
                Example("بضعة أشهر", {"value": "PXM"}),
                Example("عاما واحدا", {"value": "P1Y"}),
                Example("اثنين وعشرين عاماً", {"value": "P22Y"}),
                Example("خمسة وثلاثين يوما", {"value": "P35D"}),
                Example("على مدى العامين الماضيين", {"value": "P2Y"}),
                Example("خلال الشهرين الأخيرين", {"value": "P2M"}),
            ],
            negatives=["5 أعضاء", "20.000 جندي", "قبل ثلاثة أيام"],
            anchor=(UNIT, DUAL),
        ),
        compile_rule(
            # one unit, bare, after "within / during / for": "خلال عام" (within a year), "في
            # غضون سنة", "لمدة شهر" (not "خلال عام 2011", "خلال شهر رمضان", "خلال يوم الجمعة")
            "ar.date.duration-one-unit", "date", "ar",
            rf"""(?<=(?:^|[^\w])(?:خلال|غضون|لمده|مده|طيله|طوال)\s{{1,2}})(?P<u>عام|سنه|شهر|اسبوع|يوم){R}
                 (?!\s{{0,2}}(?:\d|[٠-٩]|واحد|ونصف|و?نيف|(?:{MONTH})|(?:{HMONTH})|(?:ال)?(?:{WD_BARE}){R}))""",
            lambda m: None if (u := p.unit(m["u"])) is None else spec(duration_unit=u, duration_amount=1),
            examples=[
                Example("خلال عام", {"value": "P1Y"}),
                Example("في غضون سنة", {"value": "P1Y"}),
                Example("لمدة شهر", {"value": "P1M"}),
            ],
            negatives=["خلال عام 2011", "خلال شهر رمضان", "خلال يوم الجمعة", "خلال شهر يونيو", "خلال عام ونصف",
                       "خلال العام"],
            anchor=("عام", "سنه", "شهر", "اسبوع", "يوم"),
        ),
        compile_rule(
            "ar.date.since-years", "date", "ar",
            rf"{AR_L}(?:{SINCE})\s{{1,2}}(?:(?:عده|بضع|بضعه)\s{{1,2}})?(?!(?:شهر|عام|سنه|يوم|اسبوع|ساعه|عقد|قرن){R})(?P<u>{UNIT}){R}(?!\s{{0,2}}\d)",
            b_unit_several,
            examples=[Example("منذ سنوات", {"value": "PXY"}), Example("منذ أشهر", {"value": "PXM"})],
            negatives=["منذ عام 2014"],
            priority=-1,
            anchor=(UNIT,),
        ),
        compile_rule(
            "ar.date.hijri", "date", "ar",
            rf"""{AR_L}(?:(?P<d>[12]\d|30|0?[1-9])\s{{0,2}}(?:من\s{{1,2}})?|(?P<first>غره)\s{{1,2}}(?:من\s{{1,2}})?
                 |(?P<od>{ORD})\s{{1,2}}(?:من\s{{1,2}})?)?(?:{MONTH_PREFIX}\s{{1,2}})?(?P<m>{HMONTH})
                 \s{{0,2}}[,،]?\s{{0,2}}(?:(?:{YEAR_PREFIX})\s{{1,2}})?(?P<y>1[3-5]\d\d)(?!\d)(?:\s{{0,2}}(?:{HMARK}){R})?""",
            b_hijri,
            examples=[
                Example("١٥ ربيع الأول ١٤٤٢ هـ", {"value": "2020-11-01"}),
                Example("٢٧ صفر ١٤٤٥ هـ", {"value": "2023-09-12"}),
                Example("1 رمضان 1442 هجري", {"value": "2021-04-13"}),
                Example("غرة شوال 1441 هـ", {"value": "2020-05-24"}),  # غرة: the first of the month
                Example("الأول من شوال 1441 هـ", {"value": "2020-05-24"}),
                Example("العاشر من ذي الحجة 1441 هجرية", {"value": "2020-07-31"}),
            ],
            negatives=["ربيع 2020"],
            priority=1,
            anchor=(HMONTH,),
        ),
        compile_rule(
            # a Hijri day and month without the year: the year is the reference date's
            # ("20 ربيع الأول" in an article of February 2012 is 1433's, 2012-02-12)
            "ar.date.hijri-day-month", "date", "ar",
            rf"""{AR_L}(?:(?P<d>[12]\d|30|0?[1-9])\s{{0,2}}(?:من\s{{1,2}})?|(?P<first>غره)\s{{1,2}}(?:من\s{{1,2}})?
                 |(?P<od>{ORD})\s{{1,2}}(?:من\s{{1,2}})?)(?:{MONTH_PREFIX}\s{{1,2}})?(?P<m>{HMONTH})
                 (?!\s{{0,2}}[,،]?\s{{0,2}}(?:(?:{YEAR_PREFIX})\s{{1,2}})?\d){R}""",
            b_hijri_yearless,
            examples=[
                Example("20 ربيع الأول", {"value": "2012-02-12"}, ref=datetime.date(2012, 2, 22)),
                Example("غرة رمضان", {"value": "2020-04-24"}),
                Example("الأول من شوال", {"value": "2020-05-24"}),
            ],
            negatives=["ربيع 2020", "15 ربيع الأول 1442"],
            anchor=(HMONTH,),
        ),
        compile_rule(
            "ar.date.libyan", "date", "ar",
            rf"""{AR_L}(?:(?P<d>[12]\d|3[01]|0?[1-9])\s{{0,2}}(?:من\s{{1,2}})?)?(?:{MONTH_PREFIX}\s{{1,2}})?(?P<m>{LMONTH})
                 \s{{0,2}}[,،]?\s{{0,2}}(?P<y>13[4-9]\d)(?!\d)(?:\s{{0,2}}(?:{LMARK})(?!\w))?""",
            b_libyan,
            examples=[
                Example("1 الفاتح 1369 و.ر", {"value": "2001-09-01"}),
                Example("15 الحرث 1377", {"value": "2009-11-15"}),
            ],
            negatives=["الربيع العربي"],
            priority=1,
            anchor=(LMONTH,),
        ),
        compile_rule(
            # a Libyan (Jamahiriya) month with a direction: "منذ النوار الماضي" (February).  Not
            # الربيع, الصيف: "الصيف الماضي" is last summer
            "ar.date.libyan-relative", "date", "ar",
            rf"""{AR_L}(?P<m>{LMONTH_REL})\s{{1,2}}(?P<dir>{PAST_FUT}){R}""",
            b_libyan_rel,
            examples=[Example("منذ النوار الماضي", {"value": "2009-02"}, ref=datetime.date(2009, 9, 24)),
                      Example("هانيبال المقبل", {"value": "2021-08"})],
            negatives=["الصيف الماضي", "الربيع المقبل"],
            anchor=(LMONTH_REL,),
        ),
        compile_rule(
            "ar.date.decade", "date", "ar",
            rf"""{AR_L}(?P<dec>{DECADE})(?:\s{{1,2}}(?:من\s{{1,2}})?(?:القرن\s{{1,2}}(?:(?P<crel>الماضي|المنصرم|السابق)|(?P<cent>العشرين|الحادي\s{{1,2}}والعشرين))))?{R}""",
            b_decade,
            examples=[
                Example("سبعينيات القرن الماضي", {"value": "197"}),
                Example("ثمانينات القرن الماضي", {"value": "198"}),
                Example("التسعينيات", {"value": "199"}),
            ],
            negatives=["سبعين"],
        ),
    ]
