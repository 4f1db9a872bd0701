"""The tense of the clause in front of a date: "talks will resume on Thursday".

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

__all__ = ["REACH", "FutureCues", "future_cues"]

REACH = 80
"""How many characters before the date a cue may stand."""

# a clause ends at sentence punctuation, a comma, a colon or a line break (Arabic marks too)
_BREAKS = ".!?;:,\n،؛"


@attrs.frozen(slots=True)
class FutureCues:
    cue: regex.Pattern[str]
    stop: regex.Pattern[str]

    def future_before(self, norm: str, start: int) -> bool:
        """A future cue stands in the clause that ends at ``start`` (normalised offsets),
        with no stop word after it."""
        lo = max(0, start - REACH)
        lo = max([lo] + [norm.rfind(ch, lo, start) + 1 for ch in _BREAKS])
        last = -1
        for m in self.cue.finditer(norm, lo, start):
            last = m.end()
        return last >= 0 and self.stop.search(norm, last, start) is None


def future_cues(words: Iterable[Mapping[str, tuple[str, ...]]]) -> FutureCues:
    """The cue and stop patterns of the languages' date word tables (``DateTables.words``)."""
    cues: list[str] = []
    stops: list[str] = []
    for table in words:
        cues.extend(table.get("future-cue", ()))
        stops.extend(table.get("future-stop", ()))
    # an Arabic word may carry the conjunction و or ف glued in front (وسيعقد, فسوف)
    clitic = r"(?:[وف](?=\w))?"
    return FutureCues(
        cue=compile_pattern(rf"{L}{clitic}(?:{alt(cues)}){R}"),
        stop=compile_pattern(rf"{L}{clitic}(?:{alt(stops)}){R}"),
    )
