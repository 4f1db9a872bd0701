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
  ``ئ`` → ``ي``; Persian ``ک ی`` → ``ك ي``; Arabic-Indic and Persian digits →
  ASCII digits.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Sequence

import regex

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
_REMOVABLE_RE = regex.compile(
    "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _REMOVABLE_RANGES) + "]"
)
_ARABIC_RE = regex.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_SPACES_RE = regex.compile(r"\s+")


_MAX_CLUSTER = 32


def _fold_char(ch: str) -> str:
    """Fold one NFC character (already lower-cased) for matching."""
    if ord(ch) in _REMOVABLE:
        return ""
    return _TRANSLATE.get(ord(ch), ch)


# Every character for which str.isupper() is true (checked over all code points in the tests)
_UPPER_RUN = regex.compile(r"\p{Uppercase}+")


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
        Built from the runs of upper-case letters only, not character by character."""
        text = self.original
        n = len(self.norm)
        mask = bytearray(n + 1)
        starts = self._starts
        for m in _UPPER_RUN.finditer(text):
            for j in range(*m.span()):
                if not text[j].isupper():  # the regex module's Unicode may be newer than Python's
                    continue
                if starts is None:
                    mask[j] = 1
                    continue
                i = bisect_left(starts, j)
                while i < n and starts[i] == j:  # a character may give several (ligatures)
                    mask[i] = 1
                    i += 1
        return mask

    def orig_index(self, nindex: int) -> int:
        """Original index of the normalised character ``nindex``."""
        if self._starts is None:
            return nindex
        if nindex >= len(self._starts):
            return len(self.original)
        return self._starts[nindex]


# Vietnamese tone placement: old style "hoà", "thuỵ" and new style "hòa", "thụy" are
# unified (to the new style) without changing the length.
_VI_TONE_RE = regex.compile(r"([oòóỏõọ][àáảãạèéẻẽẹ]|[uùúủũụ][ỳýỷỹỵ])(?!\w)")
_STRIP_TONE = {"à": "a", "á": "a", "ả": "a", "ã": "a", "ạ": "a", "è": "e", "é": "e", "ẻ": "e", "ẽ": "e",
               "ẹ": "e", "ỳ": "y", "ý": "y", "ỷ": "y", "ỹ": "y", "ỵ": "y"}
_TONE_OF = {"à": 0, "á": 1, "ả": 2, "ã": 3, "ạ": 4, "è": 0, "é": 1, "ẻ": 2, "ẽ": 3, "ẹ": 4,
            "ỳ": 0, "ý": 1, "ỷ": 2, "ỹ": 3, "ỵ": 4}
_TONED = {"o": "òóỏõọ", "u": "ùúủũụ"}


def _vi_tone(m: regex.Match[str]) -> str:
    first, second = m.group(1)[0], m.group(1)[1]
    if first not in _TONED:  # the first vowel already carries a tone: leave it
        return m.group(1)
    return _TONED[first][_TONE_OF[second]] + _STRIP_TONE[second]


def _finish(s: str) -> str:
    s = s.translate(_TRANSLATE)
    if _VI_TONE_RE.search(s) is not None:
        s = _VI_TONE_RE.sub(_vi_tone, s)
    return s


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


# A superset of the characters that join the cluster before them in _normalize_slow
# (combining marks and removable characters); each candidate is checked exactly.
_JOINER_CANDIDATE_RE = regex.compile(
    r"[\p{M}" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in _REMOVABLE_RANGES) + r"]+"
)


def _normalize_marks(text: str, low: str) -> NormText | None:
    """:func:`_normalize_slow` for NFC text whose lower case keeps its length (the common
    case of Arabic with tashkeel or tatweel): the same result, built from the runs of
    marks only instead of character by character.  ``None`` when a run is too long
    (the slow path then cuts the clusters)."""
    n = len(text)
    combining = unicodedata.combining
    removable = _REMOVABLE
    starts = list(range(n))
    ends = list(range(1, n + 1))
    dropped: list[int] = []
    for m in _JOINER_CANDIDATE_RE.finditer(text):
        a, b = m.span()
        p = a
        while p < b:
            q = p
            while q < b and (combining(text[q]) or ord(text[q]) in removable):
                if ord(text[q]) in removable:
                    dropped.append(q)
                q += 1
            if q > p:
                base = p - 1 if p > 0 else p
                if q - base > _MAX_CLUSTER:
                    return None
                starts[base:q] = [base] * (q - base)
                ends[base:q] = [q] * (q - base)
                p = q
            else:
                p += 1
    if dropped:
        keep_starts: list[int] = []
        keep_ends: list[int] = []
        prev = 0
        for d in dropped:
            keep_starts.extend(starts[prev:d])
            keep_ends.extend(ends[prev:d])
            prev = d + 1
        keep_starts.extend(starts[prev:])
        keep_ends.extend(ends[prev:])
        starts, ends = keep_starts, keep_ends
        low = _REMOVABLE_RE.sub("", low)
    return NormText(text, _finish(low), starts, ends)


def _normalize_slow(text: str) -> NormText:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    combining = unicodedata.combining
    nfc = unicodedata.normalize
    while i < n:
        j = i + 1
        # a cluster: one base character and the combining marks after it
        # at most _MAX_CLUSTER marks per cluster: NFC's canonical reordering is quadratic in
        # the marks of one cluster, and no real text stacks more than a handful
        while j < n and j - i < _MAX_CLUSTER and (combining(text[j]) or ord(text[j]) in _REMOVABLE):
            j += 1
        cluster = text[i:j]
        if j - i > 1:
            cluster = nfc("NFC", cluster)
        for ch in cluster:
            for lc in ch.lower():
                f = _fold_char(lc)
                for fc in f:
                    out.append(fc)
                    starts.append(i)
                    ends.append(j)
        i = j
    return NormText(text, _finish("".join(out)), starts, ends)


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
