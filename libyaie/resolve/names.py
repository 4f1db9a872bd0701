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
import unicodedata

from .. import _regex_cache

__all__ = ["fold_latin", "token_key", "translit_key", "translit_tokens"]

_ARTICLES = frozenset({"al", "el", "ad", "ed", "as", "es", "ash", "esh", "at", "et", "az", "ez", "ar", "er", "an", "en", "ul", "il"})
_ABD = _regex_cache.compile(r"^(?:abd[aeiou]?l|abdoul|abdoel|abdal)$")
_ABD_GLUED = _regex_cache.compile(r"^abd(?:[aeiou]?l|oul|oel)(?=[a-z]{3,})")
_RULES: tuple[tuple[str, str], ...] = (
    ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "k"), ("sh", "s"), ("ch", "s"), ("ph", "f"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("j", "j"), ("dj", "j"), ("zh", "z"),
    ("q", "k"), ("g", "k"), ("c", "k"), ("z", "d"), ("x", "ks"), ("p", "b"), ("w", "u"), ("y", "i"),
)
_VOWELS = _regex_cache.compile(r"[aeiou]+")
_FINAL_H = _regex_cache.compile(r"([aeiouy])h$")
_NON_LETTER = _regex_cache.compile(r"[^a-z ]+")
_TOKEN_SPLIT = _regex_cache.compile(r"[\s\-‐'’`ʿʾ.]+")


_DOUBLED = _regex_cache.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def fold_latin(s: str) -> str:
    """Lower case, diacritics removed, ``đ`` → ``d``."""
    s = unicodedata.normalize("NFKD", s.lower().replace("đ", "d").replace("ı", "i"))
    return "".join(c for c in s if not unicodedata.combining(c))


def translit_tokens(name: str) -> list[str]:
    """Folded name tokens with articles removed and ``abd`` unified."""
    toks = [t for t in _TOKEN_SPLIT.split(fold_latin(name)) if t]
    out: list[str] = []
    for i, t in enumerate(toks):
        t = _NON_LETTER.sub("", t)
        if not t:
            continue
        if t in _ARTICLES and i < len(toks) - 1:
            continue
        for art in ("al", "el"):
            # glued article: Albakoush, Elgeblawi (only before a longer name)
            if t.startswith(art) and len(t) > 5 and i > 0:
                t = t[2:]
                break
        # a word-final h after a vowel is silent in transliteration (Abdullah/Abdulla, Dbeibah/Dbeiba)
        t = _FINAL_H.sub(r"\1", t)
        if _ABD.match(t):
            t = "abd"
        else:
            t = _ABD_GLUED.sub("abd", t)
        out.append(t)
    return out


def token_key(t: str) -> str:
    """The key of one token of :func:`translit_tokens` (letters mapped, doubled letters
    collapsed, vowel runs merged)."""
    for a, b in _RULES:
        if a in t:
            t = t.replace(a, b)
    t = _DOUBLED.sub(r"\1", t)
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
