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

from .. import _regex_cache
from .._text import normalize_key

__all__ = ["AR_L", "DIGIT", "Example", "L", "R", "Rule", "alt", "compile_rule", "first_of", "pattern_reach", "rule_anchor_forms"]

# Boundaries.  Latin/Vietnamese: no word character on either side.  Arabic: a
# proclitic (و ف ب ل ك and combinations) may stand glued in front.
L = r"(?<![\w\u0300-\u036f])"
R = r"(?![\w\u0300-\u036f])"
AR_L = r"(?<=(?:^|[^\w])(?:[وف]?[بلك]?|[وف]?لل))"


_LISTS: dict[str, tuple[str, ...]] = {}  # list name → forms
_NAMES: dict[tuple[str, ...], str] = {}  # forms → list name (one name per distinct list)
_NAMES_LOCK = threading.Lock()
_LIST_REF = _regex_cache.compile(r"\\L<(\w+)>")


def alt(forms: Iterable[str], *, normalise: bool = True) -> str:
    """A set of literal forms as a regex piece, written ``\\L<name>`` in the pattern
    source (readable, and lets the pipeline see which word lists a rule uses) and
    compiled by :func:`compile_pattern` into a prefix tree of the forms (see
    :func:`_trie`): the longest listed form at a position first, shorter ones on
    backtracking.  Forms are normalised like the text; a space in a form matches one
    space."""
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


def _escape(ch: str) -> str:
    # letters and digits stand for themselves; anything else (space, punctuation, a
    # combining mark) as a code-point escape, which means the same in verbose mode
    if ch.isalnum():
        return ch
    return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"


def _trie(forms: Iterable[str]) -> str:
    """The forms as one regex over their prefix tree: ``{تسع, تسعه, تسعين}`` becomes
    ``تسع(?:ه|ين)?``.  At a position only one branch of a node can match the next
    character, so the engine follows the text down one path, tries the longest form on
    it first and the shorter ones on backtracking — what the ``regex`` module's named
    lists (``\\L<name>``) do, but a position where no form starts fails on its first
    character instead of hashing a substring of every listed length (about twice as
    fast over news text)."""
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here

    def emit(node: dict[str, Any]) -> str:
        branches = [_escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a form ends here and longer ones go on: the longer first
            return (f"(?:{body})?" if len(branches) == 1 else f"{body}?")
        return body

    return f"(?:{emit(root)})"


_TRIES: dict[str, str] = {}  # list name → its prefix-tree source


def expand_lists(pattern: str) -> str:
    """The pattern with each list piece made by :func:`alt` replaced by its prefix tree."""

    def trie_of(m: regex.Match[str]) -> str:
        name = m.group(1)
        src = _TRIES.get(name)
        if src is None:
            src = _TRIES[name] = _trie(_LISTS[name])
        return src

    return _LIST_REF.sub(trie_of, pattern)


def rule_anchor_forms(rule: Rule) -> list[str]:
    """The normalised words of a rule's declared anchor (see :attr:`Rule.anchor`)."""
    out: list[str] = []
    for piece in rule.anchor:
        m = _LIST_REF.fullmatch(piece)
        out.extend(_LISTS[m.group(1)] if m is not None else (normalize_key(piece),))
    return out


_GROUP_NAME = _regex_cache.compile(r"\(\?P<(\w+)>")


def pattern_reach(pattern: str, flags: int = 0) -> tuple[int, int] | None:
    """How far a match of ``pattern`` (which may use pieces made by :func:`alt`) reaches:
    (the longest match, the furthest character after the match's start that the engine
    looks at, look-aheads included), or ``None`` when the pattern can match without bound
    (``+``, ``*``) or uses syntax the standard library's parser does not read.

    Read from the standard library's parse tree of the pattern (the rule patterns use
    syntax both engines share; only repeated group names, allowed by ``regex``, are
    renamed first).  A match that overlaps an anchor word at ``[s, e)`` then starts after
    ``s - longest`` and needs no character from ``e + furthest`` on: the pipeline runs the
    rule in that window around the anchor."""
    import importlib
    from re import VERBOSE

    # the standard library's own parser and opcodes (private modules, untyped; Python >= 3.11)
    _parser: Any = importlib.import_module("re._parser")
    c: Any = importlib.import_module("re._constants")

    seen: dict[str, int] = {}

    def unique(m: regex.Match[str]) -> str:
        n = seen[m[1]] = seen.get(m[1], 0) + 1
        return m[0] if n == 1 else f"(?P<{m[1]}__{n}>"

    def list_width(m: regex.Match[str]) -> str:
        # a word list as any characters as many as its longest form: the same reach, and a
        # short pattern to parse (a list's prefix tree can run to thousands of characters)
        return f"(?:.{{{max(map(len, _LISTS[m.group(1)]))}}})"

    try:
        tree = _parser.parse(_GROUP_NAME.sub(unique, _LIST_REF.sub(list_width, pattern)), flags | VERBOSE)
    except Exception:  # any syntax the standard library's parser rejects: no reach
        return None
    widths: dict[int, int] = {}

    def seq(items: Any) -> tuple[int, int]:
        width = extent = 0
        for op, av in items:
            w, e = item(op, av)
            extent = max(extent, width + e)
            width += w
        return width, extent

    def item(op: Any, av: Any) -> tuple[int, int]:
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            return 1, 1
        if op is c.AT:
            return 0, 1  # a boundary looks at the next character
        if op is c.SUBPATTERN:
            got = seq(av[-1])
            if av[0] is not None:
                widths[av[0]] = got[0]
            return got
        if op is c.ATOMIC_GROUP:
            return seq(av)
        if op is c.BRANCH:
            alts = [seq(b) for b in av[1]]
            return max(a[0] for a in alts), max(a[1] for a in alts)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _, hi, sub = av
            if hi == c.MAXREPEAT:
                raise ValueError("unbounded")
            w, e = seq(sub)
            return w * hi, (w * (hi - 1) + e) if hi else 0
        if op in (c.ASSERT, c.ASSERT_NOT):
            sub = av[1]
            # a look-behind ends at the current position, but a look-ahead or boundary at its
            # end looks on from there: counted as if it started here (it starts no later)
            return 0, seq(sub)[1]
        if op is c.GROUPREF:
            return widths[av], widths[av]
        if op is c.GROUPREF_EXISTS:
            yes = seq(av[1])
            no = seq(av[2]) if av[2] is not None else (0, 0)
            return max(yes[0], no[0]), max(yes[1], no[1])
        raise ValueError(f"unknown {op}")

    try:
        return seq(tree)
    except (ValueError, KeyError):
        return None


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """Compile a pattern that may use pieces made by :func:`alt` (through the cache of
    compiled programs, :mod:`libyaie._regex_cache`)."""
    return _regex_cache.compile(expand_lists(pattern), flags)


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
    source: str = ""
    """The pattern as written, list pieces as ``\\L<name>`` (see :func:`alt`)."""
    anchor: tuple[str, ...] = ()
    """Pieces made by :func:`alt`, or literal words, one of which every match contains
    (``(MONTH,)`` for "24 December 2020"): the rule then runs only around those words,
    not around every number.  Checked on the rule's examples."""
    anchor_digits: int = 0
    """When no ``anchor`` is declared: every match contains a number of at least this many
    digits (4 for a rule that needs a year), so the rule runs only around such numbers.
    Checked on the rule's examples."""
    anchors: tuple[frozenset[str] | None, int] = (None, 1)
    """Set by the pipeline: the anchor words the rule's matches contain (``None``: any
    anchor) and the shortest number (in digits) they can contain, 0 for none; the rule
    runs around those only."""
    margins: tuple[int, int] | None = None
    """Set by the pipeline: how many characters before and after an anchor the rule's
    windows span (see :func:`pattern_reach`); ``None``: the kind's default margins."""


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
    anchor: Sequence[str] = (),
    anchor_digits: int = 0,
) -> Rule:
    """Compile ``pattern`` (verbose, case-sensitive on the normalised text)."""
    return Rule(
        name=name,
        kind=kind,
        lang=lang,
        pattern=compile_pattern(pattern, regex.VERBOSE | regex.V1),
        source=pattern,
        anchor=tuple(anchor),
        anchor_digits=anchor_digits,
        build=build,
        examples=tuple(examples),
        negatives=tuple(negatives),
        priority=priority,
        accept=accept,
    )
