"""Rules as data (Duckling-style).

A :class:`Rule` has a unique dotted name (``vi.date.day-month``), a regex pattern
composed from named pieces (see :class:`Pieces`), a ``build`` function that turns a
match into a value (a :class:`~libyaie.resolve.timex.DateSpec`, a title reading, ...),
positive examples with expected values, and negative examples.  One generic test
(``tests/test_rule_examples.py``) runs every rule's examples.

Patterns run on the text layer's normalised view (lower case, folded Arabic,
ASCII digits), so pieces are built from normalised forms.  Every pattern must
be linear: no nested unbounded quantifiers; bounded repetition only
(see ``docs/rules.md``).
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs
import regex

from .._text import normalize_key

__all__ = ["AR_L", "DIGIT", "Example", "L", "R", "Rule", "alt", "compile_rule", "first_of"]

# Boundaries.  Latin/Vietnamese: no word character on either side.  Arabic: a
# proclitic (و ف ب ل ك and combinations) may stand glued in front.
L = r"(?<![\w\u0300-\u036f])"
R = r"(?![\w\u0300-\u036f])"
AR_L = r"(?<=(?:^|[^\w])(?:[وف]?[بلك]?|[وف]?لل))"


_LISTS: dict[str, tuple[str, ...]] = {}  # list name → forms
_NAMES: dict[tuple[str, ...], str] = {}  # forms → list name (one name per distinct list)
_NAMES_LOCK = threading.Lock()
_LIST_REF = regex.compile(r"\\L<(\w+)>")


def alt(forms: Iterable[str], *, normalise: bool = True) -> str:
    """A set of literal forms as a regex piece: a named list ``\\L<name>`` of the
    ``regex`` module, which matches the longest listed form at a position by hashing
    (fast to compile and to match, however many forms).  Forms are normalised like
    the text; a space in a form matches one space."""
    keys = sorted({k for f in forms if (k := (normalize_key(f) if normalise else f))})
    if not keys:
        return r"(?!x)x"  # matches nothing
    with _NAMES_LOCK:
        name = _NAMES.get(tuple(keys))
        if name is None:
            name = _NAMES[tuple(keys)] = f"L{len(_NAMES)}"
            _LISTS[name] = tuple(keys)
    return rf"\L<{name}>"


DIGIT = r"\d"
"""For :func:`first_of`: a match may start with a digit."""


def first_of(*starts: str) -> str:
    """A lookahead naming the characters a match can start with: ``\\d`` for a digit,
    a piece made by :func:`alt` for the first letters of its forms, or a literal word.

    Purely a speed-up: the ``regex`` engine skips quickly over positions where the next
    character is not in the set, instead of trying the whole pattern there (a pattern led
    by a digit group runs about 15× faster).  It must list every possible first
    character; the rule examples check that the rule still matches."""
    classes: set[str] = set()
    chars: set[str] = set()
    for piece in starts:
        m = _LIST_REF.fullmatch(piece)
        if m is not None:
            chars.update(k[0] for k in _LISTS[m.group(1)])
        elif piece == DIGIT:
            classes.add(r"\d")
        elif piece:
            chars.add(piece[0])
    body = "".join(sorted(classes)) + "".join(regex.escape(c) for c in sorted(chars))
    return f"(?=[{body}])"


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile a pattern that may use pieces made by :func:`alt`."""
    names = set(_LIST_REF.findall(pattern))
    lists: dict[str, Any] = {n: _LISTS[n] for n in names}
    return regex.compile(pattern, flags, **lists)


@attrs.frozen(slots=True)
class Example:
    """A positive example: ``text`` must yield a match whose build gives ``expect``
    (a mapping of attribute → value checked on the built result).  ``ref`` is the
    reference date used for the example (default 2020-12-28)."""

    text: str
    expect: dict[str, Any]
    ref: datetime.date | None = datetime.date(2020, 12, 28)


@attrs.frozen(slots=True)
class Rule:
    name: str
    kind: str  # "date" | "title" | "place"
    lang: str  # "ar" | "vi" | "id" | "en" | "*"
    pattern: regex.Pattern[str]
    build: Callable[[regex.Match[str]], Any]
    examples: tuple[Example, ...] = ()
    negatives: tuple[str, ...] = ()
    priority: int = 0
    """Tie-breaker between overlapping matches of equal length (higher wins)."""
    accept: Callable[[str], bool] | None = None
    """Optional check on the ORIGINAL text of the match (e.g. capitalisation)."""
    anchors: tuple[frozenset[str] | None, bool] = (None, True)
    """Set by the pipeline: the anchor words the rule's matches contain (``None``: any
    anchor) and whether they can contain digits; the rule runs around those only."""


def compile_rule(
    name: str,
    kind: str,
    lang: str,
    pattern: str,
    build: Callable[[regex.Match[str]], Any],
    examples: Sequence[Example] = (),
    negatives: Sequence[str] = (),
    priority: int = 0,
    accept: Callable[[str], bool] | None = None,
) -> Rule:
    """Compile ``pattern`` (verbose, case-sensitive on the normalised text)."""
    return Rule(
        name=name,
        kind=kind,
        lang=lang,
        pattern=compile_pattern(pattern, regex.VERBOSE | regex.V1),
        build=build,
        examples=tuple(examples),
        negatives=tuple(negatives),
        priority=priority,
        accept=accept,
    )
