"""What the words in front of a date say about it: the tense of its clause ("talks will resume
on Thursday"), or an age ("berusia 57 tahun" is no duration).

An unmarked weekday (``on Thursday``, ``يوم الخميس``, ``thứ Năm``, ``Kamis``) or a day and
month without a year is read against the reference date; news mostly reports the past,
so such a date resolves to the latest one on or before it.  A future cue in the same
clause before the date turns it forward, as HeidelTime does with the tense of the
sentence.  The cues and the words that end their scope are data: the ``future-cue`` and
``future-stop`` words of ``gazetteers/dates/*.toml``.

Deliberately narrow: the cue must stand in the same clause (no punctuation between it
and the date), at most :data:`REACH` characters before the date, with no stop word (a
verb of saying, a relative pronoun, a past auxiliary) between them: "Talks will resume,
the ministry said on Monday" stays past.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs
import regex

from ..rules import L, R, alt, compile_pattern

__all__ = ["REACH", "ClauseCues", "clause_cues"]

REACH = 80
"""How many characters before the date a cue may stand."""

_BEFORE = 12
"""How many characters before a cue a stop word cancels it."""

# a clause ends at sentence punctuation, a comma, a colon or a line break (Arabic marks too)
_BREAKS = ".!?;:,\n،؛"


@attrs.frozen(slots=True)
class ClauseCues:
    cue: regex.Pattern[str]
    stop: regex.Pattern[str]
    age: regex.Pattern[str]
    past: regex.Pattern[str] | None = None  # the past-plan words (None: there are none)
    weekday_cue: regex.Pattern[str] | None = None  # the cues with the weekday-only ones (None: none)

    def age_before(self, norm: str, start: int) -> bool:
        """An age word stands right before ``start`` ("berusia", "aged", "عن عمر ناهز",
        "البالغ من العمر"): the years that follow are a person's age, not a duration."""
        return self.age.search(norm, max(0, start - 30), start) is not None

    def future_before(self, norm: str, start: int, *, weekday: bool = False) -> bool:
        """A future cue stands in the clause that ends at ``start`` (normalised offsets),
        with no stop word after it.  Before a bare ``weekday`` the ``weekday-future-cue``
        words count too: "said talks would resume on Thursday" is the coming Thursday, but
        "announced in September that he would step down by the end of October" may be an
        October already past (a future of the past is read only within the coming week)."""
        lo = max(0, start - REACH)
        lo = max([lo] + [norm.rfind(ch, lo, start) + 1 for ch in _BREAKS])
        cue = None
        pattern = (self.weekday_cue or self.cue) if weekday else self.cue
        for m in pattern.finditer(norm, lo, start):
            cue = m  # the last cue before the date
        if cue is None or self.stop.search(norm, cue.end(), start) is not None:
            return False
        # a past-plan word right before the cue makes it a plan of the past: "كان من المقرر",
        # "semula dijadwalkan" (originally scheduled), "was due to" (a relative pronoun there
        # does not: "pemilu yang dijadwalkan pada 24 Desember", "which will be held on")
        past = self.past
        return past is None or past.search(norm, max(lo, cue.start() - _BEFORE), cue.start()) is None


def clause_cues(words: Iterable[Mapping[str, tuple[str, ...]]]) -> ClauseCues:
    """The cue, stop, age and past-plan patterns of the languages' date word tables
    (``DateTables.words``)."""
    cues: list[str] = []
    stops: list[str] = []
    ages: list[str] = []
    pasts: list[str] = []
    weekday_cues: list[str] = []
    for table in words:
        weekday_cues.extend(table.get("weekday-future-cue", ()))
        cues.extend(table.get("future-cue", ()))
        stops.extend(table.get("future-stop", ()))
        ages.extend(table.get("age-word", ()))
        pasts.extend(table.get("past-plan", ()))
    # an Arabic word may carry the conjunction و or ف glued in front (وسيعقد, فسوف)
    clitic = r"(?:[وف](?=\w))?"
    return ClauseCues(
        cue=compile_pattern(rf"{L}{clitic}(?:{alt(cues)}){R}"),
        stop=compile_pattern(rf"{L}{clitic}(?:{alt(stops)}){R}"),
        # the age word, then at most "of"/"من" before the number: "at the age of 57 years"
        age=compile_pattern(rf"{L}{clitic}(?:{alt(ages)})(?:\s{{1,2}}(?:of|من))?\s{{1,2}}$"),
        past=compile_pattern(rf"{L}{clitic}(?:{alt(pasts)}){R}") if pasts else None,
        weekday_cue=compile_pattern(rf"{L}{clitic}(?:{alt(cues + weekday_cues)}){R}") if weekday_cues else None,
    )
