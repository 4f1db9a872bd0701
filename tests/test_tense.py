"""A future cue in the clause before an unmarked weekday or day-month turns it forward."""

from __future__ import annotations

import datetime

import pytest

import libyaie
from libyaie import _gazetteer
from libyaie._text import normalize
from libyaie.resolve.tense import clause_cues

MONDAY = datetime.date(2020, 1, 13)


def _values(text: str, ref: datetime.date = MONDAY) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in libyaie.extract(text, reference_date=ref).dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks will resume on Thursday.", "2020-01-16"),
        ("Talks resumed on Thursday.", "2020-01-09"),
        ("Russia is due to host a summit in Moscow on Sunday.", "2020-01-19"),
        ("سيعقد مجلس النواب جلسة يوم الخميس", "2020-01-16"),
        ("عقد مجلس النواب جلسة يوم الخميس", "2020-01-09"),
        ("ومن المقرر أن يلتقي الطرفان يوم الأحد", "2020-01-19"),
        ("Hội nghị sẽ diễn ra vào thứ Năm", "2020-01-16"),
        ("Hội nghị đã diễn ra vào thứ Năm", "2020-01-09"),
        ("Pertemuan akan digelar pada Kamis", "2020-01-16"),
        ("Pertemuan digelar pada Kamis", "2020-01-09"),
        ("The vote will be held on January 5.", "2021-01-05"),
        ("The vote was held on January 5.", "2020-01-05"),
    ],
)
def test_future_clause(text: str, expected: str) -> None:
    assert [v for _, v in _values(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Talks will resume, the ministry said on Thursday.",  # a comma ends the clause
        "The parliament, which will meet again, voted on Thursday.",
        "He will say that the talks began on Thursday.",  # a stop word after the cue
        "وقال إنه سيزور القاهرة التي وصلها يوم الخميس",
    ],
)
def test_no_future_across_a_clause_or_stop_word(text: str) -> None:
    assert [v for _, v in _values(text)] == ["2020-01-09"]


def test_the_reference_weekday_and_day_stay_that_day() -> None:
    # "later on Wednesday" written on a Wednesday is that day, not a week on
    assert _values("The congress will vote later on Wednesday.", datetime.date(2012, 9, 12)) == [
        ("Wednesday", "2012-09-12")]
    assert _values("The vote will be held on September 12.", datetime.date(2012, 9, 12)) == [
        ("September 12", "2012-09-12")]


def test_explicit_direction_and_years_are_left_alone() -> None:
    assert [v for _, v in _values("Talks will resume next Thursday, not last Thursday.")] == [
        "2020-01-16", "2020-01-09"]
    assert [v for _, v in _values("The vote will be held on January 5, 2019.")] == ["2019-01-05"]


def test_cue_patterns_read_the_gazetteer_words() -> None:
    cues = clause_cues(t.words for t in _gazetteer.get().dates.values())
    norm = normalize("وسيعقد الطرفان اجتماعا").norm
    assert cues.future_before(norm, len(norm))  # with the conjunction glued in front
    norm = normalize("the willow tree").norm
    assert not cues.future_before(norm, len(norm))  # whole words only


def test_a_bare_month_in_a_future_clause() -> None:
    ref = datetime.date(2021, 10, 1)
    assert _values("Elections are scheduled to be held in December.", ref) == [("December", "2021-12")]
    assert _values("Elections were held in December.", ref) == [("December", "2020-12")]
    assert _values("Cuộc bầu cử dự kiến diễn ra vào tháng 12", ref) == [("tháng 12", "2021-12")]
    # the reference date's own month is left alone
    assert _values("The vote will take place in October.", ref) == [("October", "2021-10")]


def test_a_past_plan_word_right_before_the_cue_cancels_it() -> None:
    # "semula dijadwalkan": originally scheduled (then moved)
    ref = datetime.date(2021, 10, 1)
    assert _values("Pemilu akan digelar pada Desember", ref) == [("Desember", "2021-12")]
    assert _values("konferensi yang semula dijadwalkan pada Desember", ref) == [("Desember", "2020-12")]


@pytest.mark.parametrize("text", ["pria berusia 57 tahun", "aged 57 years", "البالغ من العمر 57 عاما",
                                  "عن عمر ناهز 69 عاما", "at the age of 40 years"])
def test_an_age_is_no_duration(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(("text", "value"), [("for 40 years", "P40Y"), ("منذ 40 عاما", "P40Y"),
                                             ("selama 40 tahun", "P40Y")])
def test_years_without_an_age_word_stay_durations(text: str, value: str) -> None:
    assert [v for _, v in _values(text)] == [value]


@pytest.mark.parametrize(("text", "value"), [("Senin pekan lalu", "2020-01-06"), ("Rabu minggu depan", "2020-01-22"),
                                             ("Sabtu besok", "2020-01-18")])
def test_indonesian_weekday_of_a_relative_week(text: str, value: str) -> None:
    assert [v for _, v in _values(text)] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("three years ago", "2017"), ("tiga tahun lalu", "2017"), ("قبل ثلاث سنوات", "2017"),
    ("cách đây 3 tháng", "2020-09"), ("3 tháng trước", "2020-09"), ("two weeks ago", "2020-W51"),
])
def test_n_units_ago_is_a_point_in_the_past(text: str, value: str) -> None:
    assert [v for _, v in _values(text, datetime.date(2020, 12, 28))] == [value]


def test_some_years_ago_is_not_last_year() -> None:
    assert _values("beberapa tahun lalu", datetime.date(2020, 12, 28)) == []


@pytest.mark.parametrize(("text", "value"), [
    ("over the weekend", "2020-W52-WE"), ("last weekend", "2020-W52-WE"), ("this weekend", "2020-W53-WE"),
    ("akhir pekan lalu", "2020-W52-WE"), ("cuối tuần qua", "2020-W52-WE"),
])
def test_the_weekend(text: str, value: str) -> None:
    assert [v for _, v in _values(text, datetime.date(2020, 12, 28))] == [value]


def test_starting_from_a_weekday_is_ahead() -> None:
    assert [v for _, v in _values("اعتبارا من الأربعاء", datetime.date(2020, 12, 28))] == ["2020-12-30"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative pronoun right before the cue does not make it a past plan
        ("Pemilu yang dijadwalkan pada Kamis.", "2020-01-16"),
        ("The vote, which will be held on Thursday, is key.", "2020-01-16"),
        # "be to": a plan, also told in the past of the narration
        ("The envoy was to meet the rivals on Thursday.", "2020-01-16"),
        ("The envoy is to meet the rivals on Thursday.", "2020-01-16"),
        # past-plan words right before the cue still cancel it
        ("Pemilu semula dijadwalkan pada Kamis.", "2020-01-09"),
        ("The talks were due to resume on Thursday.", "2020-01-09"),
    ],
)
def test_relative_pronoun_and_be_to(text: str, expected: str) -> None:
    assert [v for _, v in _values(text)] == [expected]


def test_year_after_the_constitution() -> None:
    assert _values("العودة إلى دستور 1951 ومسودة الدستور 2017") == [("1951", "1951"), ("2017", "2017")]


def test_would_turns_only_a_bare_weekday_forward() -> None:
    # reported speech backshifts "will" to "would": the coming weekday (MONDAY is 2020-01-13)
    assert _values("The minister said on Monday that talks would resume on Thursday.") == [
        ("Monday", "2020-01-13"), ("Thursday", "2020-01-16")]
    assert _values("He said he would travel to Rome on Saturday.") == [("Saturday", "2020-01-18")]
    # a month after "would" may be a future of the past: read as news reads it, the latest one
    ref = datetime.date(2020, 11, 20)
    assert _values("He announced on Sept. 16 that he would step down by the end of October.", ref)[-1] == (
        "the end of October", "2020-10")
    assert _values("Talks would resume on Thursday, he said on Monday.")[0] == ("Thursday", "2020-01-16")
    assert _values("The talks resumed on Thursday.") == [("Thursday", "2020-01-09")]
