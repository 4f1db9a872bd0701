"""Text layer: a normalised view of a text for matching, with an offset map back.

This module imports nothing from the rest of libyaie.  Everything that matches
(gazetteer automaton, date/title regexes) runs on :attr:`NormText.norm`, and every
span found there is mapped back to the ORIGINAL text with :meth:`NormText.span`.

Normalisation (documented in ``docs/usage.md``):

* Unicode NFC, per grapheme cluster, so decomposed (NFD) Vietnamese matches
  exactly like composed text;
* lower case;
* removed: zero-width characters, bidi controls, soft hyphen, Arabic tatweel and
  tashkeel (harakat, shadda, sukun, superscript alef, Quranic marks);
* mapped one-to-one: NBSP and other spaces → space; hyphen variants → ``-``;
  romanisation diacritics that are not Vietnamese letters (``ā ī ū ḥ ṣ ṭ ţ ş ğ ç ı ö ü``)
  → base letters;
  alef forms ``أ إ آ ٱ`` → ``ا``; ``ى`` → ``ي``; ``ة`` → ``ه``; ``ؤ`` → ``و``;
  ``ئ`` → ``ي``; Persian ``ک ی`` → ``ك ي``, the heh forms ``ھ ہ ە ۃ`` → ``ه``; Arabic-Indic and Persian digits →
  ASCII digits.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from . import _regex_cache

__all__ = ["NormText", "at_sentence_start", "fold_arabic_key", "is_arabic", "normalize", "normalize_key"]

_ONE_TO_ONE: dict[int, str] = {}
for _c in "أإآٱ":
    _ONE_TO_ONE[ord(_c)] = "ا"
_ONE_TO_ONE.update(
    {
        ord("ى"): "ي",
        ord("ة"): "ه",
        ord("ؤ"): "و",
        ord("ئ"): "ي",
        ord("ک"): "ك",
        ord("ی"): "ي",
        ord("ے"): "ي",
        # Urdu/Persian-keyboard heh forms typed for ه: ھ (do-chashmi), ہ (goal), ە (ae), ۃ (goal ta marbuta)
        ord("ھ"): "ه",
        ord("ہ"): "ه",
        ord("ە"): "ه",
        ord("ۃ"): "ه",
    }
)
for _i in range(10):
    _ONE_TO_ONE[0x0660 + _i] = str(_i)  # Arabic-Indic digits
    _ONE_TO_ONE[0x06F0 + _i] = str(_i)  # Extended Arabic-Indic (Persian) digits
for _cp in (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000, 0x0009):
    _ONE_TO_ONE[_cp] = " "
for _cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2212):
    _ONE_TO_ONE[_cp] = "-"
_ONE_TO_ONE[0x066B] = "."  # Arabic decimal separator
_ONE_TO_ONE[0x066C] = ","  # Arabic thousands separator
_ONE_TO_ONE[0x2019] = "'"
_ONE_TO_ONE[0x2018] = "'"
_ONE_TO_ONE[0x02BC] = "'"
_ONE_TO_ONE[0x02BF] = "'"
_ONE_TO_ONE[0x02BE] = "'"

# Diacritics of Arabic/Turkish romanisation (GeoNames "Misrātah", "Ţarābulus", "Erdoğan",
# "Çavuşoğlu") fold to the base letter.  None of them is a Vietnamese letter, whose
# vowels and tone marks (ă â ê ô ơ ư, à á ả ã ạ ...) are left alone.
for _src, _dst in zip("āēīōūḥṣṭḍẓţşḩḑẕğçıöüñḏṯẖ", "aeiouhstdztshdzgciounndth", strict=False):
    _ONE_TO_ONE[ord(_src)] = _dst

_TRANSLATE = _ONE_TO_ONE

# The same folding as single characters, applied with str.replace: only the characters a
# text contains are replaced (str.translate looks every character up in a dict, which in
# CPython 3.11 raises and catches a KeyError per unmapped character).  No replacement is
# itself folded, so the order of the replacements does not matter.
_REPLACE: dict[str, str] = {chr(cp): to for cp, to in _ONE_TO_ONE.items()}
if any(c in _REPLACE for to in _REPLACE.values() for c in to) or any(len(to) != 1 for to in _REPLACE.values()):
    raise AssertionError("_ONE_TO_ONE must map characters to unfolded single characters")

_REMOVABLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x0640, 0x0640),  # tatweel
    (0x064B, 0x065F),  # harakat, shadda, sukun, ...
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x08D3, 0x08FF),  # Arabic extended-A marks
    (0x200B, 0x200F),  # zero-width, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings
    (0x2060, 0x2064),
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),
)
_REMOVABLE = frozenset(cp for lo, hi in _REMOVABLE_RANGES for cp in range(lo, hi + 1))


def _char_class(cps: Iterable[int], extra: str = "") -> str:
    """A character class for the ``re`` module matching exactly the code points ``cps``
    (written as ranges of the characters themselves, which the parser reads several times
    faster than escapes: part of every cold start) and the class text ``extra``."""
    parts: list[str] = []

    def put(lo: int, hi: int) -> None:
        parts.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")

    lo = prev = -2
    for cp in sorted(set(cps)):
        if cp != prev + 1:
            if lo >= 0:
                put(lo, prev)
            lo = cp
        prev = cp
    if lo >= 0:
        put(lo, prev)
    return "[" + "".join(parts) + extra + "]"


# Simple character classes run on the standard ``re`` module: it tests a class with a
# bitmap, the regex module character by character (several times slower on non-ASCII text).
_REMOVABLE_RE = _regex_cache.compile_std(_char_class(_REMOVABLE))
_ARABIC_RE = _regex_cache.compile_std(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_MAPPED_RE = _regex_cache.compile_std(_char_class(_ONE_TO_ONE))
_SPACES_RE = _regex_cache.compile(r"\s+")

# Character properties that have no ``re`` class (combining class, upper case) are computed
# once, exactly, for the code points below (every script this library reads, punctuation,
# presentation forms: a few milliseconds at import); the rest, _HIGH, are only candidates,
# checked one by one or handed to the general code.
_EXACT_RANGES = ((0x0000, 0x3000), (0xFB00, 0x10000))
_HIGH = "\\u3000-\\ufaff\\U00010000-\\U0010ffff"


def _exact(pred: Callable[[str], bool]) -> list[int]:
    return [cp for lo, hi in _EXACT_RANGES for cp in range(lo, hi) if pred(chr(cp))]


# the classes below depend on the Unicode database, the Python version and the tables above:
# computed once (30 000 code points) and kept in the cache file (see _regex_cache.remember)
_CLASS_STAMP = f"{unicodedata.unidata_version}|{sys.version}|{_EXACT_RANGES}|{_REMOVABLE_RANGES}"


def _exact_class(name: str, pred: Callable[[str], bool], extra: str = "") -> str:
    return (_regex_cache.remember(f"\x00text-class\x00{name}\x00{extra}", 0, _CLASS_STAMP,
                                  lambda: _char_class(_exact(pred), extra))
            or _char_class(_exact(pred), extra))


_MAX_CLUSTER = 32


def _joins(ch: str) -> bool:
    """A character that joins the cluster before it: a combining mark or a removable one."""
    return unicodedata.combining(ch) != 0 or ord(ch) in _REMOVABLE


# Runs of characters that may join the cluster before them: every joiner (exactly, below
# _HIGH) and every _HIGH character; each is checked with _joins.
_JOINER_CANDIDATE_RE = _regex_cache.compile_std(_exact_class("joins", _joins, _HIGH) + "+")

# Every character for which str.isupper() is true (checked over all code points in the tests)
_UPPER_RUN = _regex_cache.compile(r"\p{Uppercase}+")
# Runs of upper-case characters below _HIGH (exactly str.isupper()), or of _HIGH characters
# (candidates, checked with _UPPER_RUN and str.isupper()).
_HAS_HIGH = _regex_cache.compile_std("[" + _HIGH + "]")
_UPPER_CLASS = _exact_class("upper", str.isupper)
_UPPER_OR_HIGH_RUN = _regex_cache.compile_std("(" + _UPPER_CLASS + "+)|([" + _HIGH + "]+)")
# The exact runs alone, for a text without _HIGH characters: one class, no alternation (twice
# as fast).  Compiled on first use (half a millisecond: not part of every cold start).
_upper_exact_run: re.Pattern[str] | None = None
# bytes below the UTF-8 lead bytes of U+3000 and above: a text whose encoding has nothing
# else holds no _HIGH character
_BELOW_HIGH_LEADS = bytes(range(0xE3))
_ASCII_UPPER = bytes(int(65 <= b <= 90) for b in range(256))  # bytes.translate table: A-Z → 1, else 0


class NormText:
    """A text and its normalised view, with offsets mapped back to the original.

    ``norm[i]`` comes from ``original[starts[i]:ends[i]]``.  When the
    normalisation did not change the length, the maps are the identity and
    are not stored.
    """

    __slots__ = ("_ends", "_starts", "norm", "original")

    def __init__(self, original: str, norm: str, starts: Sequence[int] | None, ends: Sequence[int] | None):
        self.original = original
        self.norm = norm
        self._starts = starts
        self._ends = ends

    @property
    def identity(self) -> bool:
        """True when ``norm[i]`` comes from ``original[i]`` for every ``i``."""
        return self._starts is None

    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a half-open span of ``norm`` to a half-open span of ``original``."""
        if self._starts is None or self._ends is None:
            return nstart, nend
        if nend <= nstart:
            o = self._starts[nstart] if nstart < len(self._starts) else len(self.original)
            return o, o
        return self._starts[nstart], self._ends[nend - 1]

    def upper_mask(self) -> bytearray:
        """``mask[i]`` is 1 when ``norm[i]`` comes from an upper-case character
        (``original[orig_index(i)].isupper()``), else 0; one more 0 at index ``len(norm)``.
        Built from the runs of upper-case letters only, not character by character
        (an ASCII text with one ``bytes.translate``)."""
        text = self.original
        n = len(self.norm)
        starts = self._starts
        if starts is None and text.isascii():
            mask = bytearray(text.encode("ascii").translate(_ASCII_UPPER))
            mask.append(0)
            return mask
        # the runs [a, b) of upper-case characters of the original
        runs: list[tuple[int, int]]
        if not text.encode("utf-8", "surrogatepass").translate(None, _BELOW_HIGH_LEADS):
            global _upper_exact_run
            if _upper_exact_run is None:
                _upper_exact_run = _regex_cache.compile_std(_UPPER_CLASS + "+")
            runs = [m.span() for m in _upper_exact_run.finditer(text)]
        else:
            runs = []
            for m in _UPPER_OR_HIGH_RUN.finditer(text):
                a, b = m.span()
                if m.lastindex == 1:  # exact: every character of the run is upper case
                    runs.append((a, b))
                else:  # _HIGH characters: checked as for the whole text before
                    runs.extend((j, j + 1) for r in _UPPER_RUN.finditer(text, a, b) for j in range(*r.span())
                                if text[j].isupper())
        mask = bytearray(n + 1)
        if starts is None:
            for a, b in runs:
                mask[a:b] = b"\x01" * (b - a)
            return mask
        for a, b in runs:
            # the normalised characters that come from the run (``starts`` never decreases;
            # a character may give several: ligatures)
            i, k = bisect_left(starts, a), bisect_left(starts, b)
            mask[i:k] = b"\x01" * (k - i)
        return mask

    def orig_index(self, nindex: int) -> int:
        """Original index of the normalised character ``nindex``."""
        if self._starts is None:
            return nindex
        if nindex >= len(self._starts):
            return len(self.original)
        return self._starts[nindex]


# Vietnamese tone placement: old style "hoà", "thuỵ" and new style "hòa", "thụy" are
# unified (to the new style) without changing the length: a pair at the end of a word
# (not followed by a regex-module \w character) whose first vowel has no tone.  Pairs
# cannot overlap (no second vowel is a first one), so they are found with a plain ``re``
# pattern and the end of the word checked for each.
_VI_PAIR_RE = _regex_cache.compile_std(r"o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]")  # only a toneless first vowel changes
_PAIR_SECONDS = "àáảãạèéẻẽẹỳýỷỹỵ"
_WORD_CHAR = _regex_cache.compile(r"\w")
_STRIP_TONE = {"à": "a", "á": "a", "ả": "a", "ã": "a", "ạ": "a", "è": "e", "é": "e", "ẻ": "e", "ẽ": "e",
               "ẹ": "e", "ỳ": "y", "ý": "y", "ỷ": "y", "ỹ": "y", "ỵ": "y"}
_TONE_OF = {"à": 0, "á": 1, "ả": 2, "ã": 3, "ạ": 4, "è": 0, "é": 1, "ẻ": 2, "ẽ": 3, "ẹ": 4,
            "ỳ": 0, "ý": 1, "ỷ": 2, "ỹ": 3, "ỵ": 4}
_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}


def _unify_vi_tone(s: str) -> str:
    pieces: list[str] = []
    last = 0
    for m in _VI_PAIR_RE.finditer(s):
        pair = m.group()  # (a first vowel with a tone already is left alone)
        first, second = pair[0], pair[1]
        end = m.end()
        if _WORD_CHAR.match(s, end) is not None:  # inside a word: a closed syllable keeps its tone
            continue
        pieces.append(s[last : m.start()])
        pieces.append(_TONED[first][_TONE_OF[second]] + _STRIP_TONE[second])
        last = end
    if not pieces:
        return s
    pieces.append(s[last:])
    return "".join(pieces)


def _finish(s: str) -> str:
    """Fold the characters of ``_ONE_TO_ONE`` and unify Vietnamese tone placement.

    Only the characters present are replaced.  A short string is searched with one regular
    expression; in a long one each folded character is looked for with ``c in s`` (a
    vectorised scan: the regular expression costs per character of the text, the scan
    per folded character), and the tone pass runs only when a pair's second vowel is there."""
    if len(s) < _LONG:
        for ch in set(_MAPPED_RE.findall(s)):
            s = s.replace(ch, _REPLACE[ch])
        return _unify_vi_tone(s)
    for ch in [c for c in _REPLACE if c in s]:
        s = s.replace(ch, _REPLACE[ch])
    for c in _PAIR_SECONDS:
        if c in s:
            return _unify_vi_tone(s)
    return s


_LONG = 512


def normalize(text: str) -> NormText:
    """Build the normalised view of ``text`` (see module docstring)."""
    if text.isascii():
        low = text.lower()
        return NormText(text, low.translate(_TRANSLATE), None, None)
    if unicodedata.is_normalized("NFC", text):
        low = text.lower()
        if len(low) == len(text):
            if _JOINER_CANDIDATE_RE.search(text) is None:
                return NormText(text, _finish(low), None, None)
            got = _normalize_marks(text, low)
            if got is not None:
                return got
    return _normalize_slow(text)


def _normalize_marks(text: str, low: str) -> NormText | None:
    """:func:`_normalize_slow` for NFC text whose lower case keeps its length (the common
    case of Arabic with tashkeel or tatweel): the same result, built from the runs of
    marks only instead of character by character.  ``None`` when a run is too long
    (the slow path then cuts the clusters)."""
    clusters: list[tuple[int, int]] = []  # (base, end) of each cluster with joiners
    dropped: list[int] = []
    for m in _JOINER_CANDIDATE_RE.finditer(text):
        a, b = m.span()
        p = a
        while p < b:
            q = p
            while q < b and _joins(text[q]):
                if ord(text[q]) in _REMOVABLE:
                    dropped.append(q)
                q += 1
            if q > p:
                base = p - 1 if p > 0 else p
                if q - base > _MAX_CLUSTER:
                    return None
                clusters.append((base, q))
                p = q
            else:
                p += 1
    if not clusters:  # only candidates, no joiner
        return NormText(text, _finish(low), None, None)
    n = len(text)
    starts = list(range(n))
    ends = starts[1:]  # shares the int objects: cheaper than a second range
    ends.append(n)
    for base, q in clusters:
        starts[base:q] = [base] * (q - base)
        ends[base:q] = [q] * (q - base)
    if dropped:
        keep_starts: list[int] = []
        keep_ends: list[int] = []
        kept: list[str] = []
        prev = 0
        for d in dropped:
            keep_starts.extend(starts[prev:d])
            keep_ends.extend(ends[prev:d])
            kept.append(low[prev:d])
            prev = d + 1
        keep_starts.extend(starts[prev:])
        keep_ends.extend(ends[prev:])
        kept.append(low[prev:])
        starts, ends = keep_starts, keep_ends
        low = "".join(kept)
    return NormText(text, _finish(low), starts, ends)


def _normalize_slow(text: str) -> NormText:
    """The general case: the text cut into clusters (a base character and the combining
    marks after it), each cluster NFC-normalised and lower-cased on its own, removable
    characters dropped.

    Only the runs of joiners are visited: the stretches between them are one-character
    clusters, lower-cased in one piece; a run of exact joiners is one cluster (unless it
    is too long), folded once per distinct cluster of the text."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    low = _lower_each(text)
    # the lower case of the whole text serves the stretches when it keeps the positions
    # and drops nothing there (removables are joiners: they lie in the runs)
    aligned = len(low) == n and all(ord(text[m.start()]) in _REMOVABLE for m in _REMOVABLE_RE.finditer(low))
    exact = _HAS_HIGH.search(text) is None  # every candidate is a joiner
    folded: dict[str, str] = {}
    i = 0
    for m in _JOINER_CANDIDATE_RE.finditer(text):
        a, b = m.span()
        # text[i:a-1] holds no joiner and is not followed by one: one-character clusters;
        # text[a-1] is the base of the cluster that takes the run's joiners
        if a - 1 > i:
            if aligned:
                out.append(low[i : a - 1])
                starts.extend(range(i, a - 1))
                ends.extend(range(i + 1, a))
            else:
                _fold_plain(text, i, a - 1, out, starts, ends)
            i = a - 1
        if exact and b - i <= _MAX_CLUSTER:
            cluster = text[i:b]
            f = folded.get(cluster)
            if f is None:
                f = folded[cluster] = _fold(unicodedata.normalize("NFC", cluster) if b - i > 1 else cluster)
            out.append(f)
            starts.extend([i] * len(f))
            ends.extend([b] * len(f))
            i = b
        while i < b:  # the run ends before a non-candidate, so the last cluster ends at b
            i = _fold_cluster(text, i, out, starts, ends)
    if i < n:
        if aligned:
            out.append(low[i:])
            starts.extend(range(i, n))
            ends.extend(range(i + 1, n + 1))
        else:
            _fold_plain(text, i, n, out, starts, ends)
    return NormText(text, _finish("".join(out)), starts, ends)


def _lower_each(s: str) -> str:
    """The lower case of each character of ``s`` (``str.lower`` of a string is that of each
    character except for the final-sigma rule of ``Σ``: ``σ`` then, as for the letter alone)."""
    return s.replace("Σ", "σ").lower() if "Σ" in s else s.lower()


def _fold(cluster: str) -> str:
    """A (normalised) cluster lower-cased character by character, removables dropped.
    The characters of _ONE_TO_ONE are folded later, by :func:`_finish` (one for one)."""
    return "".join(lc for ch in cluster for lc in ch.lower() if ord(lc) not in _REMOVABLE)


def _fold_cluster(text: str, i: int, out: list[str], starts: list[int], ends: list[int]) -> int:
    """Fold the cluster that starts at ``i`` into ``out``; return where it ends.

    At most _MAX_CLUSTER characters per cluster: NFC's canonical reordering is quadratic in
    the marks of one cluster, and no real text stacks more than a handful."""
    n = len(text)
    j = i + 1
    while j < n and j - i < _MAX_CLUSTER and _joins(text[j]):
        j += 1
    cluster = text[i:j]
    f = _fold(unicodedata.normalize("NFC", cluster) if j - i > 1 else cluster)
    out.append(f)
    starts.extend([i] * len(f))
    ends.extend([j] * len(f))
    return j


def _fold_plain(text: str, a: int, b: int, out: list[str], starts: list[int], ends: list[int]) -> None:
    """Fold ``text[a:b]``, each character a cluster of its own, into ``out``."""
    low = _lower_each(text[a:b])
    if len(low) == b - a and _REMOVABLE_RE.search(low) is None:
        out.append(low)
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))
        return
    for k in range(a, b):
        f = _fold(text[k])
        out.append(f)
        starts.extend([k] * len(f))
        ends.extend([k + 1] * len(f))


def normalize_key(key: str) -> str:
    """Normalise a gazetteer key like text, with runs of white space folded to one space."""
    return _SPACES_RE.sub(" ", normalize(key).norm).strip()


def is_arabic(s: str) -> bool:
    """True when ``s`` contains an Arabic-script character."""
    return _ARABIC_RE.search(s) is not None


def fold_arabic_key(s: str) -> str:
    """A looser Arabic key for person-name look-up: normalised, article ``ال`` dropped
    from each word."""
    words = normalize_key(s).split(" ")
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words)


_SENTENCE_END = frozenset(".!?\n:\"“”«»")


def at_sentence_start(norm: str, s: int) -> bool:
    """True when position ``s`` starts a sentence (only spaces or tabs back to the text's
    start or to sentence-ending punctuation): capitalisation says nothing there."""
    i = s - 1
    while i >= 0 and norm[i] in " \t":
        i -= 1
    return i < 0 or norm[i] in _SENTENCE_END
