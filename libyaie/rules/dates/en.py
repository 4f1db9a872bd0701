"""English date rules: ``December 24, 2021``, ``24 December 2020``, ``Dec. 24``,
``on Friday``, ``last month``, ``the 1990s``, ``three weeks``.  ``may`` and
``march`` are months only when capitalised and next to a day or year."""

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
    spec,
    weekday_set_build,
    year_part_spec,
)

__all__ = ["rules"]

_OFFSET = {"past": -1, "future": 1}  # "this" and unmarked: 0
_REL_UNIT = {"week": "W", "month": "M", "year": "Y"}
_UNCAPITALISED = frozenset(("on", "in", "of", "the", "last", "next", "this", "early", "late", "mid", "since"))


_WORDS = _regex_cache.compile(r"(?<!\w)[^\W\d_]+")


def _capitalised(original: str) -> bool:
    # the first word other than a preposition or direction (on, the, last, early) decides
    w: str
    for w in _WORDS.findall(original):
        if w.lower() not in _UNCAPITALISED:
            return w[:1].isupper()
    return False


def _weekday_capitalised(original: str) -> bool:
    # "every Monday": the weekday, the last word, is capitalised
    words: list[str] = _WORDS.findall(original)
    return bool(words) and words[-1][:1].isupper()


def rules(tables: Mapping[str, DateTables]) -> list[Rule]:
    p = Pieces(tables, "en")
    MONTH = p.alt_months("gregorian")
    PAST_FUT = p.alt_words("past", "future", "this")
    WEEKDAY = p.alt_weekdays()
    NUM = p.alt_numbers(exclude=["some"])
    UNIT = p.alt_units()
    ORD_SUFFIX = r"(?:st|nd|rd|th)?"
    MONTH_PREP = p.alt_words("month-preposition")
    MODS = p.alt_words("start", "mid", "end")
    # what makes "a day" a rate: a quantity (a number, "million", "twice") and at most two words
    # before it ("500,000 barrels a day", "$60 million a year", "three times a week")
    rate_before = compile_pattern(
        rf"(?:\d[)\]]?|(?<![\w]){p.alt_words('rate-quantity')})(?:\s{{1,2}}[^\W\d_]{{1,20}}){{0,2}}\s{{1,2}}$")
    # "a day after the strike" is the next day, no duration; "one day soon": some day
    day_after = compile_pattern(r"\s{1,2}(?:after|before|soon)(?!\w)")
    just_before = compile_pattern(r"(?<!\w)(?:just|only|barely|merely)\s{1,2}$")
    # what "a 2015 ..." may not be followed by: a unit of measure ("a 1900 km border")
    MEASURE = p.alt_words("measure-word")

    def b_mdy(m: regex.Match[str]) -> object:
        mo = p.month_index(m["m"])
        if mo is None:
            return None
        y = int(m["y"]) if m["y"] else None
        return spec(year=y, month=mo, day=int(m["d"]))

    def b_month(m: regex.Match[str]) -> object:
        g = m.groupdict()  # (not every rule built by it has y, same, dir, yw)
        mo = p.month_index(g["m"])
        if mo is None:
            return None
        if y := g.get("y"):
            return spec(year=int(y), month=mo)
        if g.get("same"):
            return spec(month=mo, rel_unit="Y", rel_offset=0, anaphoric=True)
        d = g.get("dir")
        fn = p.function_of(d, "past", "future", "this") if d else None
        if g.get("yw"):  # "March last year": March of the year before the reference
            return spec(month=mo, rel_unit="Y", rel_offset=_OFFSET.get(fn or "", 0))
        if fn == "this":
            return spec(month=mo, rel_unit="Y", rel_offset=0)
        return spec(month=mo, direction=_OFFSET.get(fn or "", 0))

    def b_weekday(m: regex.Match[str]) -> object:
        wd = p.weekday_index(m["wd"])
        if wd is None:
            return None
        return spec(weekday=wd, direction=direction_of(p, m["dir"]))

    def b_rel(m: regex.Match[str]) -> object:
        unit = _REL_UNIT.get(m["u"])
        fn = p.function_of(m["dir"], "past", "future", "this")
        if unit is None:
            return None
        return spec(rel_unit=unit, rel_offset=_OFFSET.get(fn or "", 0))

    def b_duration(m: regex.Match[str]) -> object:
        u = p.unit(m["u"])
        n = p.number(m["n"])
        if u is None or n is None or u == "Q":
            return None
        if m["n"] in ("a", "an") and rate_before.search(m.string, max(0, m.start() - 40), m.start()) is not None:
            return None  # a rate, not a duration: "500,000 barrels a day", "$60 million a year", "twice a week"
        if (u == "D" and m["n"] in ("a", "one") and day_after.match(m.string, m.end()) is not None
                and just_before.search(m.string, max(0, m.start() - 8), m.start()) is None):
            return None  # ("just a day after": the short time is the point, a duration)
        return spec(duration_unit=u, duration_amount=None if n < 0 else n)

    QUARTER_WORD = p.alt_words("quarter-word")
    # the quarter's number: an ordinal word (first ... fourth) or 1st ... 4th
    Q_ORD = rf"(?P<q>{p.alt_ordinals()}|[1-4](?:st|nd|rd|th))"

    def b_year_part(part: str) -> Callable[[regex.Match[str]], object]:
        def build(m: regex.Match[str]) -> object:
            g = m.groupdict()
            q = g["q"]
            n = -1 if g.get("last") else int(q[0]) if q[0].isdigit() else p.ordinal(q)
            return year_part_spec(p, part, n, g.get("y"), g.get("yw"))

        return build

    b_quarter = b_year_part("quarter")

    SEASON_WORD = p.alt_words("season-spring", "season-summer", "season-autumn", "season-winter")
    season_codes = {"season-spring": "SP", "season-summer": "SU", "season-autumn": "FA", "season-winter": "WI"}

    def b_season_the(m: regex.Match[str]) -> object:
        fn = p.function_of(m["s"], *season_codes)
        # the season most recently begun: news reports it after the fact ("fighting since the
        # summer" said in October, or in March of the next year)
        return None if fn is None else spec(season=season_codes[fn], direction=-1 if m["since"] else 0)

    return [
        compile_rule(
            # "the first quarter of 2012", "third-quarter 2017", "Q1 2012", "Q3/2017": a quarter of a year
            "en.date.quarter", "date", "en",
            rf"""{L}(?:{Q_ORD}[\s\-]{{1,2}}{QUARTER_WORD}\s{{1,2}}(?:(?:of|in)\s{{1,2}})?|q(?P<qn>[1-4])\s{{0,2}}[/\-]?\s{{0,2}})
                 {YEAR}(?!\d|[.,]\d)""",
            lambda m: spec(year=int(m["y"]), quarter=int(m["qn"])) if m["qn"] else b_quarter(m),
            examples=[Example("the first quarter of 2012", {"value": "2012-Q1"}),
                      Example("third-quarter 2017", {"value": "2017-Q3"}),
                      Example("in the 4th quarter of 2019", {"value": "2019-Q4"}),
                      Example("Q1 2012", {"value": "2012-Q1"}), Example("Q3/2017", {"value": "2017-Q3"})],
            negatives=["the fifth quarter of 2012", "the first quarter of 20120", "HQ1 2012"],
            anchor_digits=4,
        ),
        compile_rule(
            # "the first half of 2021", "the second half of last year": a half-year
            "en.date.half-year", "date", "en",
            rf"""{L}(?:the\s{{1,2}})?(?:{Q_ORD}|(?P<last>latter))\s{{1,2}}(?:{p.alt_words("half-word")})\s{{1,2}}of\s{{1,2}}
                 (?:{YEAR}(?!\d|[.,]\d)|(?:the|this)\s{{1,2}}year{R}|(?P<yw>{PAST_FUT})\s{{1,2}}year{R})""",
            b_year_part("half"),
            examples=[Example("the first half of 2021", {"value": "2021-H1"}),
                      Example("the second half of last year", {"value": "2019-H2"}),
                      Example("in the first half of the year", {"value": "2020-H1"})],
            negatives=["the first half of the match", "half of 2021"],
            anchor=(p.alt_words("half-word"),),
        ),
        compile_rule(
            # "the third quarter", "the fourth quarter of last year": a quarter of the reference
            # year, or of the year before or after it
            "en.date.quarter-relative", "date", "en",
            rf"""{L}(?<=(?<![\w])the\s{{1,2}}){Q_ORD}[\s\-]{{1,2}}{QUARTER_WORD}{R}
                 (?:\s{{1,2}}of\s{{1,2}}(?P<yw>{PAST_FUT})\s{{1,2}}year{R}|(?!\s{{1,2}}(?:of|in)\s{{1,2}}(?:the\s{{1,2}})?\d))""",
            b_quarter,
            examples=[Example("the third quarter", {"value": "2020-Q3"}),
                      Example("the fourth quarter of last year", {"value": "2019-Q4"}),
                      Example("the first quarter of next year", {"value": "2021-Q1"})],
            negatives=["a third quarter", "the first quarter of 2012", "the first quarters"],
            priority=-1,
            anchor=(QUARTER_WORD,),
        ),
        compile_rule(
            # "since the summer", "over the winter", "in the spring": the season of the reference
            # year ("since": the last one begun before the reference date)
            "en.date.season-the", "date", "en",
            rf"""{L}(?<=(?:(?P<since>since)|over|during|in|through|throughout|until|till|by|before|after|for)\s{{1,2}})
                 the\s{{1,2}}(?P<s>{SEASON_WORD}){R}(?!\s{{1,2}}(?:of|in|months?|season|session|offensive)(?![\w]))""",
            b_season_the,
            examples=[
                Example("since the summer", {"value": "2020-SU"}),
                Example("over the winter", {"value": "2020-WI"}),
                Example("since the summer", {"value": "2020-SU"}, ref=datetime.date(2021, 3, 1)),
            ],
            negatives=["the summer of 2019", "in the spring offensive", "the Arab Spring", "in the summer months"],
            priority=-1,
            anchor=(SEASON_WORD,),
        ),
        compile_rule(
            "en.date.month-day-year", "date", "en",
            rf"""{L}(?P<m>{MONTH})\.?\s{{1,2}}(?P<d>[12]\d|3[01]|0?[1-9]){ORD_SUFFIX}(?!\d)(?:\s{{0,2}},?\s{{0,2}}{YEAR}(?!\d))?{R}""",
            b_mdy,
            examples=[
                Example("December 24, 2021", {"value": "2021-12-24"}),
                Example("Dec. 24", {"value": "2020-12-24"}),
                Example("Dec 27", {"value": "2020-12-27"}),
            ],
            negatives=["may 5 people"],
            accept=_capitalised,
            anchor=(MONTH,),
        ),
        compile_rule(
            "en.date.day-month-year", "date", "en",
            rf"""{first_of(DIGIT, "the")}{L}(?:the\s{{1,2}})?(?P<d>[12]\d|3[01]|0?[1-9]){ORD_SUFFIX}\s{{1,2}}(?:of\s{{1,2}})?(?P<m>{MONTH})(?:(?<![^\W\d_]{{5}})\.)?(?:\s{{0,2}},?\s{{0,2}}{YEAR}(?!\d))?{R}""",
            b_mdy,
            examples=[
                Example("24 December", {"value": "2020-12-24"}),
                Example("24 Dec. 2020", {"value": "2020-12-24"}),
                Example("28 December 2020", {"value": "2020-12-28"}),
                Example("the 4th of April 2019", {"value": "2019-04-04"}),
            ],
            negatives=["5 may"],
            accept=_capitalised,
            anchor=(MONTH,),
        ),
        compile_rule(
            "en.date.month-year", "date", "en",
            rf"""{L}(?P<m>{MONTH})\.?(?:\s{{0,2}},?\s{{0,2}}(?:of\s{{1,2}})?{YEAR}(?!\d)|\s{{1,2}}(?P<dir>{PAST_FUT})(?:\s{{1,2}}(?P<yw>year))?{R}
                 |\s{{1,2}}(?P<same>of\s{{1,2}}(?:that|the\s{{1,2}}same)\s{{1,2}}year){R})""",
            b_month,
            examples=[Example("October 2011", {"value": "2011-10"}), Example("March last year", {"value": "2019-03"}),
                      Example("March next year", {"value": "2021-03"}), Example("March last", {"value": "2020-03"}),
                      Example("March of that year", {"value": "2020-03"})],
            negatives=["may 2000 people"],
            accept=_capitalised,
            anchor=(MONTH,),
        ),
        compile_rule(
            "en.date.month-after-direction", "date", "en",
            rf"""{L}(?P<dir>{PAST_FUT})\s{{1,2}}(?P<m>{p.alt_months_long()}){R}(?!\s{{0,2}},?\s{{0,2}}\d)""",
            b_month,
            examples=[Example("last August", {"value": "2019-08"}, ref=datetime.date(2020, 8, 31)),
                      Example("next March", {"value": "2021-03"}), Example("this July", {"value": "2020-07"})],
            negatives=["last may"],
            accept=_capitalised,
            anchor=(p.alt_months_long(),),
        ),
        compile_rule(
            "en.date.month-after-preposition", "date", "en",
            rf"""{first_of(p.alt_months_long())}(?:(?<=(?<!\w)(?:{MONTH_PREP}|{MODS})[\s\-]{{1,2}})|(?<=(?<!\w)the\s{{1,2}})(?!may(?!\w)))(?P<m>{p.alt_months_long()}){R}(?!(?<=march)\s{{1,2}}(?:on|toward|towards|through|past)\b)""",
            b_month,
            examples=[Example("in October", {"value": "2020-10"}), Example("planned for December", {"value": "2020-12"}),
                      Example("arrested in October on the orders of", {"value": "2020-10"}),
                      Example("after the July election", {"value": "2020-07"})],
            negatives=["in may", "march on", "the May government"],
            accept=_capitalised,
            priority=-1,
        ),
        compile_rule(
            "en.date.weekday", "date", "en",
            rf"""{L}(?:(?P<dir>{PAST_FUT})\s{{1,2}})?(?P<wd>{WEEKDAY}){R}""",
            b_weekday,
            examples=[
                Example("on Friday", {"value": "2020-12-25"}),
                Example("next Monday", {"value": "2021-01-04"}),
                Example("Sunday", {"value": "2020-12-27"}),
            ],
            negatives=["sunday school"],
            accept=_capitalised,
        ),
        compile_rule(
            # a recurring weekday is a set (TIMEX3 SET XXXX-WXX-1), not one day
            "en.date.weekday-set", "date", "en",
            rf"""{L}{p.alt_words("set-every")}\s{{1,2}}(?P<wd>{WEEKDAY}){R}""",
            weekday_set_build(p),
            examples=[
                Example("every Monday", {"value": "XXXX-WXX-1", "kind": "set"}),
                Example("each Friday", {"value": "XXXX-WXX-5", "kind": "set"}),
                Example("every Sunday", {"value": "XXXX-WXX-7", "kind": "set"}, ref=None),
            ],
            negatives=["every sunday school", "every day"],
            accept=_weekday_capitalised,
            priority=1,
            anchor=(WEEKDAY,),
        ),
        compile_rule(
            "en.date.relative-unit", "date", "en",
            rf"{L}(?P<dir>{PAST_FUT})\s{{1,2}}(?P<u>week|month|year){R}",
            b_rel,
            examples=[
                Example("last month", {"value": "2020-11"}),
                Example("this week", {"value": "2020-W53"}),
                Example("next year", {"value": "2021"}),
            ],
            negatives=["last minute"],
            anchor=("week", "month", "year"),
        ),
        compile_rule(
            # two units on: "the week after next", "the month before last"
            "en.date.relative-unit-two", "date", "en",
            rf"{L}the\s{{1,2}}(?P<u>week|month|year)\s{{1,2}}(?:(?P<after>after\s{{1,2}}next)|before\s{{1,2}}last){R}",
            lambda m: None if (u := _REL_UNIT.get(m["u"])) is None else spec(rel_unit=u, rel_offset=2 if m["after"] else -2),
            examples=[
                Example("the week after next", {"value": "2021-W02"}),
                Example("the year before last", {"value": "2018"}),
            ],
            negatives=["the week after the vote", "the month before"],
            anchor=("week", "month", "year"),
        ),
        latin_hijri_rule(p, L, R, [Example("1 Shawwal 1441 AH", {"value": "2020-05-24"}), Example("Ramadan 1441 AH", {"value": "2020-04"}),
                          Example("10 Dhul Hijjah 1441", {"value": "2020-07-31"}),
                          Example("9 Ramadan 1436 AH", {"value": "2015-06-26"}),
                          # month, day and year, as an English date is written
                          Example("Ramadan 10, 1431", {"value": "2010-08-20"}),
                          Example("Shawwal 1st, 1441 AH", {"value": "2020-05-24"})],
                         ["Ramadan Abu Zakouk", "Safar 2020", "Ramadan 10, 2010", "10 Ramadan 10, 1431"]),
        every_unit_rule(p, L, R, p.alt_words("set-every"),
                        [Example("every day", {"value": "P1D", "kind": "set"}), Example("each month", {"value": "P1M", "kind": "set"}),
                         Example("every two years", {"value": "P2Y", "kind": "set"})],
                        ["every few days", "every Monday", "everyday life", "every daylight hour", "1,000 migrants arrive every day"]),
        relative_day_rule(p, L, R, [Example("yesterday", {"value": "2020-12-27"}), Example("this morning", {"value": "2020-12-28"})],
                          ["today"]),
        next_day_rule(p, L, R, [Example("the next day", {"value": "2020-12-29"}),
                                Example("a day later", {"value": "2020-12-29"}),
                                Example("the previous day", {"value": "2020-12-27"})], ["the next week", "day"]),
        compile_rule(
            "en.date.duration", "date", "en",
            rf"""{first_of(DIGIT, NUM)}{L}(?<!/)(?P<n>\d{{1,4}}|{NUM})(?:\s{{1,2}}(?:more|additional|further|extra))?(?:\s{{1,2}}|-)(?P<u>{UNIT})(?!\s{{1,2}}(?:ago|later|earlier)\b|-old){R}""",
            b_duration,
            examples=[
                Example("three weeks", {"value": "P3W"}),
                Example("for three more years", {"value": "P3Y"}),
                Example("two additional weeks", {"value": "P2W"}),
                Example("six years", {"value": "P6Y"}),
                Example("several months", {"value": "PXM"}),
                Example("for a month", {"value": "P1M"}),
            ],
            negatives=["two days ago", "a 5-year-old", "a year ago", "three weeks later",
                       # rates: a quantity per unit is no duration
                       "500,000 barrels a day", "$60 million a year", "twice a week", "three times a day",
                       "($54,000) a month", "a day after the strike", "one day soon"],
            anchor=(UNIT,),
        ),
        compile_rule(
            # an adjective of one unit: "the week-long talks", "a year-long siege" (one of it);
            # "weeks-long", "months-long" (several)
            "en.date.unit-long", "date", "en",
            rf"""{L}(?P<u>{UNIT})-long{R}""",
            lambda m: None if (u := p.unit(m["u"])) in (None, "Q") else spec(
                duration_unit=u, duration_amount=None if m["u"].endswith("s") else 1),
            examples=[
                Example("the week-long talks", {"value": "P1W"}),
                Example("a year-long siege", {"value": "P1Y"}),
                Example("months-long standoff", {"value": "PXM"}),
            ],
            negatives=["a long week", "lifelong"],
            anchor=(UNIT,),
        ),
        compile_rule(
            "en.date.weekend", "date", "en",
            rf"""{L}(?:(?P<dir>{PAST_FUT})\s{{1,2}}|(?:(?:over|at|during)\s{{1,2}})?the\s{{1,2}})weekend{R}""",
            lambda m: spec(rel_unit="W", rel_offset=_OFFSET.get(p.function_of(m["dir"], "past", "future", "this") or "", 0),
                           weekend=True) if m["dir"] else spec(rel_unit="W", weekend=True, direction=-1),
            examples=[
                Example("over the weekend", {"value": "2020-W52-WE"}),  # ref Monday 2020-12-28
                Example("last weekend", {"value": "2020-W52-WE"}),
                Example("this weekend", {"value": "2020-W53-WE"}),
                Example("next weekend", {"value": "2021-W01-WE"}),
            ],
            negatives=["weekends"],
            anchor=("weekend",),
        ),
        compile_rule(
            "en.date.ago", "date", "en",
            rf"""{first_of(DIGIT, NUM)}{L}(?<!/)(?P<n>\d{{1,4}}|{NUM})(?:\s{{1,2}}|-)(?P<u>{UNIT})\s{{1,2}}ago{R}""",
            ago_build(p),
            examples=[
                Example("three years ago", {"value": "2017"}),
                Example("a year ago", {"value": "2019"}),
                Example("two months ago", {"value": "2020-10"}),
                Example("5 days ago", {"value": "2020-12-23"}),
                Example("two weeks ago", {"value": "2020-W51"}),
            ],
            negatives=["several years ago", "two hours ago"],
            anchor=(UNIT,),
        ),
        compile_rule(
            "en.date.decade", "date", "en",
            rf"{L}(?:the\s{{1,2}})?(?P<y>1[89]\d0|20\d0)'?s{R}",
            lambda m: spec(decade=int(m["y"]) // 10),
            examples=[Example("the 1990s", {"value": "199"})],
            negatives=["1990"],
            anchor_digits=4,
        ),
        compile_rule(
            "en.date.year", "date", "en",
            rf"{first_of(DIGIT)}(?<=(?<!\w)(?:in|since|until|by|from|of|during|early|late|mid|year|the)[\s\-]{{1,2}}){YEAR}(?![\d.,]\d|\d|%)",
            lambda m: spec(year=int(m["y"])),
            examples=[Example("in 2011", {"value": "2011"}), Example("since 2014", {"value": "2014"}),
                      Example("since the 2011 overthrow", {"value": "2011"})],
            negatives=["in 20110"],
            anchor_digits=4,
        ),
        compile_rule(
            # a year used as a modifier after "a": "a 2015 law", "a 1969 coup" (a plural noun
            # cannot follow "a", so this is no count: "a 2015 law", never "a 2015 migrants";
            # a unit of measure can: "a 1900 km border")
            "en.date.year-modifier", "date", "en",
            rf"""(?<=(?<!\w)an?\s{{1,2}}){YEAR}(?=\s{{1,2}}[^\W\d_])(?!\s{{1,2}}{MEASURE}(?![\w]))""",
            lambda m: spec(year=int(m["y"])),
            examples=[Example("repealed a 2015 law", {"value": "2015"}), Example("seized power in a 1969 coup", {"value": "1969"})],
            negatives=["a 2015", "a 1900 km border", "a 2000-strong force", "a 2000.5 ratio", "on 2015 migrants"],
            anchor_digits=4,
        ),
        compile_rule(
            # a year before the event it dates: "his 2007 election campaign", "his failed 2012
            # re-election bid", "after 2011 revolution" (a count cannot stand before these singular
            # nouns; adjectives that can also count people are left out: political, civil, African)
            "en.date.year-event", "date", "en",
            rf"""{L}{YEAR}(?=\s{{1,2}}(?:{_YEAR_EVENTS})(?![\w\-]))""",
            lambda m: spec(year=int(m["y"])),
            examples=[Example("his victorious 2007 election campaign", {"value": "2007"}),
                      Example("his failed 2012 re-election bid", {"value": "2012"}),
                      Example("before the 2012 Africa Cup of Nations", {"value": "2012"})],
            negatives=["2000 political prisoners", "2007 elections-related", "1500 people"],
            anchor_digits=4,
        ),
    ]


# the events a year before them dates (singular, or plural only where no count reads them)
_YEAR_EVENTS = "|".join(
    """election elections re-election presidential parliamentary legislative campaign revolution uprising war
    attack bombing agreement accord deal budget constitution vote referendum crisis conflict summit
    conference visit coup intervention invasion offensive ceasefire truce resolution law decree census
    season championship tournament olympics africa afcon edition final massacre earthquake""".split()
)

_ = datetime
