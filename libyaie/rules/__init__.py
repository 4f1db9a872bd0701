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
import os
import re
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

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
            # kept in the cache file under the list's forms (building the tree of every
            # list of a language is a good part of a first extract's rule compilation)
            forms = _LISTS[name]
            src = _regex_cache.remember("\x00trie\x00" + "\x00".join(forms), 0, _stamp(),
                                        lambda: _trie(forms)) or _trie(forms)
            _TRIES[name] = src
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

    short = _GROUP_NAME.sub(unique, _LIST_REF.sub(list_width, pattern))

    def answer() -> str | None:
        got = _reach(short, flags | VERBOSE, _parser, c)
        return None if got is None else f"{got[0]},{got[1]}"

    # parsed once and kept in the cache file (see _regex_cache.remember)
    kept = _regex_cache.remember("\x00reach\x00" + short, flags, _stamp(), answer)
    if kept is None:
        return None
    longest, _, furthest = kept.partition(",")
    return int(longest), int(furthest)


def _reach(pattern: str, flags: int, _parser: Any, c: Any) -> tuple[int, int] | None:
    try:
        tree = _parser.parse(pattern, flags)
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


# ---------------------------------------------------------------------------- two engines
#
# The standard library's ``re`` runs most rule patterns 1.5-4x faster than ``regex`` (the
# title cascades most), with the same matches wherever the two read the pattern alike.  A
# rule whose pattern ``re`` can read the same way runs under ``re`` on texts made only of
# characters on which the two engines' ``\w``, ``\d`` and ``\s`` agree (every character
# of ordinary news text: Latin, Vietnamese, Arabic letters, digits, punctuation), and under
# ``regex`` on any other text.  The two engines differ otherwise only in syntax:
#
# * ``regex`` reads a look-behind of any width, ``re`` only fixed widths: the Arabic
#   boundary :data:`AR_L` is rewritten as the union of its fixed-width cases
#   (:data:`_AR_L_FIXED`); a pattern with any other variable look-behind stays on ``regex``.
# * ``regex`` allows a group name twice, ``re`` does not: such a pattern stays on ``regex``.
# * anything ``re`` rejects or warns about (a nested set ``[[``, set operations), a
#   case-blind pattern or an inline flag: stays on ``regex``.
#
# Both engines backtrack leftmost-first and try alternatives in order, so the same pattern
# text finds the same matches with the same groups.  ``tests/test_rule_engine.py`` checks
# every rule under both engines on random texts from the rules' own alphabets.

_AR_L_FIXED = (
    r"(?:(?<=[^\w])|^"  # no proclitic
    r"|(?<=[وفبلك])(?:(?<=[^\w].)|(?<=^.)"  # one letter
    r"|(?<=[وف][بلك])(?:(?<=[^\w]..)|(?<=^..))"  # two: و/ف then ب/ل/ك
    r"|(?<=لل)(?:(?<=[^\w]..)|(?<=^..)|(?<=[^\w][وف]..)|(?<=^[وف]..))))"  # لل, و/ف + لل
)
""":data:`AR_L` as a union of fixed-width look-behinds (the same positions), what ``re``
reads: a position after a non-word character or at the start, or after one of the
proclitics ``[وف]?[بلك]?`` / ``[وف]?لل`` standing there (tested last character first, so a
position inside a word fails on its first test)."""

# the characters checked for agreement of the engines' classes (the rest count as
# disagreeing): Latin with its extensions, Greek, Cyrillic, Hebrew, Arabic, Latin
# Extended Additional (Vietnamese), general punctuation, currency signs
_CANDIDATE_RANGES = ((0x0000, 0x07FF), (0x1E00, 0x1EFF), (0x2000, 0x20CF))
_DIFFERING: re.Pattern[str] | None = None
_last_text: tuple[str, bool] = ("", True)


def _differing() -> re.Pattern[str]:
    """A pattern matching any character on which ``re`` and ``regex`` might read ``\\w``,
    ``\\d`` or ``\\s`` differently (checked once per process on the candidate ranges)."""
    global _DIFFERING
    got = _DIFFERING
    if got is None:
        chars = "".join(chr(c) for lo, hi in _CANDIDATE_RANGES for c in range(lo, hi + 1))
        agree = set(range(len(chars)))
        for cls in (r"\w", r"\d", r"\s"):
            a = {m.start() for m in re.finditer(cls, chars)}
            b = {m.start() for m in regex.finditer(cls, chars)}
            agree -= a ^ b
        runs: list[list[int]] = []
        for i in sorted(agree):
            c = ord(chars[i])
            if runs and runs[-1][1] == c - 1:
                runs[-1][1] = c
            else:
                runs.append([c, c])
        body = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in runs)
        got = _DIFFERING = re.compile(f"[^{body}]")
    return got


def plain(text: str) -> bool:
    """Whether ``text`` holds only characters on which the two engines agree (the last
    text's answer is kept: the rules of one document all ask about the same text)."""
    global _last_text
    last = _last_text
    if last[0] is text:
        return last[1]
    ok = _differing().search(text) is None
    _last_text = (text, ok)
    return ok


class _TwoEngines:
    """A rule's compiled pattern: the ``regex`` program (:attr:`pattern`, :attr:`flags` and
    everything else are its), with ``finditer`` and the other searches run by the
    equivalent ``re`` program on texts where the two engines agree."""

    __slots__ = ("_re", "_rx", "flags", "groupindex", "groups", "pattern", "std")

    def __init__(self, rx: regex.Pattern[str], std: re.Pattern[str]):
        self._rx = rx
        self._re = std
        self.std = std  # (public: a caller that asks plain() once per text runs it directly)
        self.pattern = rx.pattern
        self.flags = rx.flags
        self.groups = rx.groups
        self.groupindex = rx.groupindex

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return (self._re if plain(string) else self._rx).finditer(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return (self._re if plain(string) else self._rx).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return (self._re if plain(string) else self._rx).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return (self._re if plain(string) else self._rx).fullmatch(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        return (self._re if plain(string) else self._rx).findall(string, pos, endpos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._rx, name)

    def __repr__(self) -> str:
        return f"_TwoEngines({self._rx!r})"


def re_source(expanded: str, flags: int) -> str | None:
    """The text of an expanded rule pattern (see :func:`expand_lists`) for ``re``, or
    ``None`` when ``re`` could not read it the way ``regex`` does.  Led by a look-ahead
    naming the characters a match can start with, when they can be told (see
    :func:`_first_chars`): ``re`` has no such scan of its own for a pattern led by a
    look-behind, and tries the whole boundary at every position otherwise."""
    if flags & ~(regex.VERBOSE | regex.V1 | regex.UNICODE | regex.FULLCASE) or _INLINE_FLAG.search(expanded):
        return None
    src = expanded.replace(AR_L, _AR_L_FIXED)
    try:
        re.compile(src, re.VERBOSE)
    except re.error as e:
        if "look-behind" not in str(e):
            return None
        fixed = _fixed_width(src)  # (written without white space: read alike verbose or not)
        if fixed is None or _looks_behind(fixed) > _looks_behind(src) + _MAX_SPLIT:
            return None
        src = fixed
    first = _first_chars(src)
    return src if first is None else f"(?={first}){src}"


_MAX_SPLIT = 10
"""The most look-behinds the rewrite of variable-width ones (:func:`_fixed_width`) may add
for ``re`` to run the pattern: ``re`` tries each in turn where ``regex`` matches a
look-behind backwards once, so one with a word list of many lengths (``(?<=(?<!\\w)\\L<in,
since, ...>\\s{1,2})``, split into 15-85 look-behinds) ran slower under ``re``; up to 9 added
ran faster (measured on the dev documents)."""


def _looks_behind(src: str) -> int:
    return src.count("(?<=") + src.count("(?<!")


def _fixed_width(src: str) -> str | None:
    """``src`` (verbose, read by ``re``) written again with each variable-width look-behind
    as the union (``(?<=B)``) or conjunction (``(?<!B)``) of fixed-width look-behinds, one
    for each width its body ``B`` can match, each matching just ``B``'s strings of that
    width; ``None`` when that cannot be done (a capture or a back-reference in a
    look-behind, an unbounded repeat, or syntax this rewriter does not write)."""
    import importlib

    _parser: Any = importlib.import_module("re._parser")
    c: Any = importlib.import_module("re._constants")
    try:
        tree = _parser.parse(src, re.VERBOSE)
    except Exception:
        return None
    names = {i: n for n, i in tree.state.groupdict.items()}
    at = {c.AT_BEGINNING: "^", c.AT_BEGINNING_STRING: r"\A", c.AT_END: "$", c.AT_END_STRING: r"\Z",
          c.AT_BOUNDARY: r"\b", c.AT_NON_BOUNDARY: r"\B"}
    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                  c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}

    def char(code: int) -> str:
        return f"\\U{code:08x}"

    def seq(items: Any) -> str:
        return "".join(item(op, av) for op, av in items)

    def item(op: Any, av: Any) -> str:
        if op is c.LITERAL:
            return char(av)
        if op is c.NOT_LITERAL:
            return f"[^{char(av)}]"
        if op is c.ANY:
            return "."
        if op is c.IN:
            members: list[str] = []
            for iop, iav in av:
                if iop is c.NEGATE:
                    members.insert(0, "^")
                elif iop is c.LITERAL:
                    members.append(char(iav))
                elif iop is c.RANGE:
                    members.append(f"{char(iav[0])}-{char(iav[1])}")
                elif iop is c.CATEGORY:
                    members.append(categories[iav])
                else:
                    raise ValueError(iop)
            return "[" + "".join(members) + "]"
        if op is c.AT:
            return at[av]
        if op is c.SUBPATTERN:
            gid, add, delete, sub = av
            if add or delete:
                raise ValueError("flags")
            head = "(?:" if gid is None else f"(?P<{names[gid]}>" if gid in names else "("
            return head + seq(sub) + ")"
        if op is c.BRANCH:
            return "(?:" + "|".join(seq(b) for b in av[1]) + ")"
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            lo, hi, sub = av
            bound = f"{{{lo},}}" if hi == c.MAXREPEAT else f"{{{lo},{hi}}}"
            one = len(sub) == 1 and sub[0][0] in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN)  # needs no group
            return (seq(sub) if one else f"(?:{seq(sub)})") + bound + ("?" if op is c.MIN_REPEAT else "")
        if op is c.GROUPREF:
            return f"(?P={names[av]})" if av in names else f"(?:\\{av})"
        if op in (c.ASSERT, c.ASSERT_NOT):
            direction, sub = av
            pos = op is c.ASSERT
            if direction == 1:
                return ("(?=" if pos else "(?!") + seq(sub) + ")"
            by_width = widths(sub)
            looks = [("(?<=" if pos else "(?<!") + _wrap(alts) + ")" for _, alts in sorted(by_width.items())]
            return _wrap(looks) if pos else "".join(looks)
        raise ValueError(op)

    def widths(items: Any) -> dict[int, list[str]]:
        """The strings of a look-behind body by width: width → alternatives."""
        out: dict[int, list[str]] = {0: [""]}
        for op, av in items:
            step = item_widths(op, av)
            nxt: dict[int, list[str]] = {}
            for w1, a1 in out.items():
                for w2, a2 in step.items():
                    nxt.setdefault(w1 + w2, []).append(_wrap(a1) + _wrap(a2))
            out = nxt
        return out

    def item_widths(op: Any, av: Any) -> dict[int, list[str]]:
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            return {1: [item(op, av)]}
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {0: [item(op, av)]}
        if op is c.SUBPATTERN:
            if av[0] is not None or av[1] or av[2]:
                raise ValueError("a capture in a look-behind")
            return widths(av[-1])
        if op is c.BRANCH:
            out: dict[int, list[str]] = {}
            for b in av[1]:
                for w, alts in widths(b).items():
                    out.setdefault(w, []).extend(alts)
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            lo, hi, sub = av
            if hi == c.MAXREPEAT or hi > 4:
                raise ValueError("unbounded")
            one = widths(sub)
            out = {}
            for k in range(lo, hi + 1):  # (in a look-behind, greedy or lazy alike)
                for w, alts in _power(one, k).items():
                    out.setdefault(w, []).extend(alts)
            return out
        raise ValueError(op)

    try:
        return seq(tree)
    except (ValueError, KeyError):
        return None


def _wrap(alts: list[str]) -> str:
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _power(one: dict[int, list[str]], k: int) -> dict[int, list[str]]:
    """``k`` copies of a look-behind piece in a row, by width."""
    out: dict[int, list[str]] = {0: [""]}
    for _ in range(k):
        nxt: dict[int, list[str]] = {}
        for w1, a1 in out.items():
            for w2, a2 in one.items():
                nxt.setdefault(w1 + w2, []).append(_wrap(a1) + _wrap(a2))
        out = nxt
    return out


def _first_chars(src: str) -> str | None:
    """A character class holding every character a match of ``src`` (verbose, read by
    ``re``) can start with, or ``None`` when it cannot be told (a match may be empty,
    start with a back-reference, ...).  Zero-width assertions are skipped: they consume
    nothing."""
    import importlib

    _parser: Any = importlib.import_module("re._parser")
    c: Any = importlib.import_module("re._constants")
    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                  c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}

    def char(code: int) -> str:
        return f"\\U{code:08x}"

    def seq(items: Any) -> tuple[set[str], bool]:
        """The characters a sequence can start with (as class items), and whether it can
        match empty."""
        out: set[str] = set()
        for op, av in items:
            first, empty = item(op, av)
            out |= first
            if not empty:
                return out, False
        return out, True

    def item(op: Any, av: Any) -> tuple[set[str], bool]:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            return set(), True
        if op is c.LITERAL:
            return {char(av)}, False
        if op is c.IN:
            out: set[str] = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    out.add(char(iav))
                elif iop is c.RANGE:
                    out.add(f"{char(iav[0])}-{char(iav[1])}")
                elif iop is c.CATEGORY and iav in categories:
                    out.add(categories[iav])
                else:  # a negated class and the like
                    raise ValueError(iop)
            return out, False
        if op is c.SUBPATTERN:
            return seq(av[-1])
        if op is c.BRANCH:
            out, empty = set(), False
            for branch in av[1]:
                first, e = seq(branch)
                out |= first
                empty = empty or e
            return out, empty
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            lo, hi, sub = av
            first, empty = seq(sub) if hi else (set(), True)
            return first, empty or lo == 0
        raise ValueError(op)  # a back-reference, any character, ...

    try:
        got, empty = seq(_parser.parse(src, re.VERBOSE))
    except Exception:  # anything unexpected: no look-ahead
        return None
    return None if empty or not got else "[" + "".join(sorted(got)) + "]"


_INLINE_FLAG = _regex_cache.compile(r"\(\?[-a-zA-OQ-Z]")  # (?i), (?-x:...), (?V1); not (?P<name>


def _two_engines(rx: regex.Pattern[str], expanded: str) -> regex.Pattern[str]:
    """The rule pattern ``rx`` (compiled from ``expanded``) run by both engines, or ``rx``
    alone when ``re`` cannot read it alike.  The ``re`` text and program are kept in the
    cache of compiled programs (:mod:`libyaie._regex_cache`), as the ``regex`` ones."""
    src = _regex_cache.remember(expanded, rx.flags, _stamp(), lambda: _checked_re_source(expanded, rx))
    if src is None:
        return rx
    try:
        std = _regex_cache.compile_std(src, re.VERBOSE)
    except re.error:
        return rx
    if std.groupindex != rx.groupindex or std.groups != rx.groups:
        return rx
    # (typed as the regex pattern it stands for: the same calls, matches with the same API)
    return cast("regex.Pattern[str]", _TwoEngines(rx, std))


def _checked_re_source(expanded: str, rx: regex.Pattern[str]) -> str | None:
    """:func:`re_source`, when ``re`` compiles it without a warning (e.g. "possible nested
    set": ``regex`` reads ``[[`` otherwise) to the same groups."""
    src = re_source(expanded, rx.flags)
    if src is None:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            std = _regex_cache.compile_std(src, re.VERBOSE)
    except (re.error, Warning):
        return None
    return src if std.groupindex == rx.groupindex and std.groups == rx.groups else None


_STAMP: str | None = None


def _stamp() -> str:
    """A version of the code that writes patterns for ``re``: this file's size and time."""
    global _STAMP
    if _STAMP is None:
        try:
            st = os.stat(__file__)
            _STAMP = f"{st.st_size}:{st.st_mtime_ns}"
        except OSError:
            _STAMP = "?"
    return _STAMP


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
        pattern=_two_engines(compile_pattern(pattern, regex.VERBOSE | regex.V1), expand_lists(pattern)),
        source=pattern,
        anchor=tuple(anchor),
        anchor_digits=anchor_digits,
        build=build,
        examples=tuple(examples),
        negatives=tuple(negatives),
        priority=priority,
        accept=accept,
    )
