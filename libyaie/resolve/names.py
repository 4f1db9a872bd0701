"""Transliteration keys for person names (documented in ``docs/names.md``).

Two spellings of one Arabic name in Latin script get the same key:
``Gaddafi / Qaddafi / Gadhafi / Kadhafi / Khadafi / Gheddafi`` → ``kVdVfV``;
``Bashagha / Bachagha / Bashaga / Basha Agha`` → ``bVsVkV``.  The key folds
case and diacritics, drops the article (``al-``, ``el-``, ``ad-``, ``as-`` ...),
unifies ``abdel/abdul/abd al`` to ``abd``, maps consonant clusters that
transliterate one Arabic letter to one symbol, merges every vowel run into
``V``, collapses doubled letters and drops a final ``h`` after a vowel.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .. import _regex_cache

__all__ = ["fold_latin", "token_key", "translit_key", "translit_tokens"]

_ARTICLES = frozenset({"al", "el", "ad", "ed", "as", "es", "ash", "esh", "at", "et", "az", "ez", "ar", "er", "an", "en", "ul", "il"})
# these simple patterns run on the standard library's engine, about twice as fast as
# ``regex`` on short strings (the separators spell out ``regex``'s ``\s``: ``re``'s also
# holds U+001C..U+001F)
_ABD = _regex_cache.compile_std(r"abd(?:[aeiou]?l|oul|oel|al)\Z")
_ABD_GLUED = _regex_cache.compile_std(r"\Aabd(?:[aeiou]?l|oul|oel)(?=[a-z]{3,})")
# digraphs that transliterate one Arabic letter, in order; then single letters, at once
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("dj", "j"), ("zh", "z"),
)
# no letter these write is one they read, so one simultaneous pass is the same as one
# replacement after another
_SINGLES = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "d", "x": "ks", "p": "b", "w": "u", "y": "i"})
_VOWELS = _regex_cache.compile_std(r"[aeiou]+")
_NON_LETTER = _regex_cache.compile_std(r"[^a-z ]+")
_TOKEN_SPLIT = _regex_cache.compile_std(r"[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\-‐'’`ʿʾ.]+")
_DOUBLED = _regex_cache.compile_std(r"(.)\1+")
_VOWEL_OR_Y = frozenset("aeiouy")


@functools.lru_cache(maxsize=65536)
def fold_latin(s: str) -> str:
    """Lower case, diacritics removed, ``đ`` → ``d``."""
    if s.isascii():
        return s.lower()  # what the decomposition below leaves of ASCII text
    s = unicodedata.normalize("NFKD", s.lower().replace("đ", "d").replace("ı", "i"))
    return "".join(c for c in s if not unicodedata.combining(c))


def translit_tokens(name: str) -> list[str]:
    """Folded name tokens with articles removed and ``abd`` unified."""
    toks = [t for t in _TOKEN_SPLIT.split(fold_latin(name)) if t]
    last = len(toks) - 1
    out: list[str] = []
    for i, t in enumerate(toks):
        if not (t.isascii() and t.isalpha() and t.islower()):
            t = _NON_LETTER.sub("", t)
            if not t:
                continue
        if i < last and t in _ARTICLES:
            continue
        # glued article: Albakoush, Elgeblawi (only before a longer name)
        if i > 0 and len(t) > 5 and (t.startswith("al") or t.startswith("el")):
            t = t[2:]
        # a word-final h after a vowel is silent in transliteration (Abdullah/Abdulla, Dbeibah/Dbeiba)
        if len(t) > 1 and t[-1] == "h" and t[-2] in _VOWEL_OR_Y:
            t = t[:-1]
        if t.startswith("abd"):
            t = "abd" if _ABD.match(t) else _ABD_GLUED.sub("abd", t)
        out.append(t)
    return out


def _undouble(m: re.Match[str]) -> str:
    return m[1]


def token_key(t: str) -> str:
    """The key of one token of :func:`translit_tokens` (letters mapped, doubled letters
    collapsed, vowel runs merged)."""
    for a, b in _DIGRAPHS:
        if a in t:
            t = t.replace(a, b)
    t = _DOUBLED.sub(_undouble, t.translate(_SINGLES))
    t = _VOWELS.sub("V", t)
    if t.endswith("Vh"):
        t = t[:-1]
    return t


@functools.lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """The transliteration key of a Latin-script name ('' when it has no letters).

    Tokens are keyed separately and then joined without spaces, so that
    ``Basha Agha`` and ``Bashagha`` meet.
    """
    toks = translit_tokens(name)
    joined = "".join(toks)
    if not joined:
        return ""
    return token_key(joined)
