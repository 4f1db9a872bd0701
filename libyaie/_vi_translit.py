"""Vietnamese phonetic transliterations of foreign names, matched by sound.

The Vietnamese press writes many Arabic and Western names syllable by syllable, with
Vietnamese spelling: ``Mi-xu-ra-ta`` (Misurata), ``Bến-ga-di`` (Benghazi), ``Mu-am-mar
Ga-đa-phi`` (Muammar Gaddafi), ``Xai-phơ An I-xlam`` (Saif al-Islam).  One name has many
such spellings (``Mi-xra-ta``, ``Mi-su-ra-ta``), too many to list in the gazetteer.  This
module keys them by sound instead: the syllables of each hyphenated word are joined, the
Vietnamese letters that write another Latin letter are mapped (``x`` is /s/, ``đ`` is
/d/, ``ph`` is /f/), and the result is given the transliteration key of
:func:`~libyaie.resolve.names.translit_key`, the key the gazetteer's Latin names get too.

Only hyphenated, capitalised words are looked at (and the capitalised words next to
them, for names of several words), and only keys of three consonants or more, each
reaching one entity alone, are indexed: a key two entities share is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .resolve.names import fold_latin, translit_key

__all__ = ["MAX_WORDS", "build_index", "phonetic_hits", "vi_key"]

MAX_WORDS = 4  # the longest name looked for, in words (Mu-am-mar Ga-đa-phi, Xai-phơ An I-xlam)
_MIN_CONSONANTS = 3

# a hyphenated word of letters (Mi-xu-ra-ta), the seed of a name
# (bounded quantifiers: a syllable has at most 12 letters, a word at most 10 syllables)
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]{1,12}(?:-[^\W\d_]{1,12}){1,9}(?![\w-])")
# one word of letters, hyphenated or not, and the single space before it
_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]{1,12}(?:-[^\W\d_]{1,12}){0,9}) \Z")
_WORD_AFTER = re.compile(r" ([^\W\d_]{1,12}(?:-[^\W\d_]{1,12}){0,9})(?![\w-])")


def vi_key(words: Sequence[str]) -> str:
    """The phonetic key of a name written in Vietnamese syllables (each word's syllables
    joined; ``x`` read as ``s``), or '' when it has too few consonants to be told apart."""
    latin = " ".join(fold_latin(w).replace("-", "").replace("x", "s") for w in words)
    key = translit_key(latin)
    return key if _consonants(key) >= _MIN_CONSONANTS else ""


def _consonants(key: str) -> int:
    return len(key) - key.count("V")


def build_index(keyed: Iterable[tuple[str, int, frozenset[tuple[str, str]]]]) -> dict[str, int]:
    """Phonetic key → entry index, from ``(Latin form, entry index, entities)``.  Of the
    entries of one key, the one that reads the most entities is kept when it reads all the
    others' (``tripoli``: Tripoli in Libya and in Lebanon, ``triboli``: the first; the
    pipeline chooses between the two as for any other hit); a key whose entries read
    different entities otherwise is dropped.  A Latin
    form is keyed as a Vietnamese one is (its hyphens joined, ``x`` read as ``s``), so that
    both sides are read alike: ``Saif al-Islam`` and ``Xai-phơ An I-xlam`` meet."""
    by_key: dict[str, list[tuple[int, frozenset[tuple[str, str]]]]] = {}
    for form, idx, ents in keyed:
        key = vi_key(form.split(" "))
        if key and ents:
            by_key.setdefault(key, []).append((idx, ents))
    out: dict[str, int] = {}
    for key, got in by_key.items():
        idx, most = max(got, key=lambda g: (len(g[1]), -g[0]))  # (the first of the largest)
        if all(ents <= most for _, ents in got):
            out[key] = idx
    return out


def phonetic_hits(norm: str, upper: bytearray, index: Mapping[str, int], taken: set[tuple[int, int]],
                  covered: bytearray | None = None) -> list[tuple[int, int, int]]:
    """``(start, end, entry index)`` of the Vietnamese transliterations in ``norm`` (a
    normalised, lower-case text; ``upper`` its upper-case mask) that ``index`` knows.

    A name is a run of capitalised words (single spaces between them) holding every
    hyphenated word of the run; the longest run found wins, and a span in ``taken`` (found by the
    automaton already) is not reported again; a hyphenated word ``covered`` (1 at its first
    character) by an automaton hit is known already and starts no look-up."""
    out: list[tuple[int, int, int]] = []
    if not index:
        return out
    done = 0
    for m in _HYPHENATED.finditer(norm):
        s, e = m.span()
        if s < done or not upper[s] or (covered is not None and covered[s]):
            continue
        # the capitalised words around it, at most MAX_WORDS - 1 each side
        words = [(s, e)]
        a = s
        for _ in range(MAX_WORDS - 1):
            b = _WORD_BEFORE.search(norm, max(0, a - 60), a)
            if b is None or b.start(1) < done or not upper[b.start(1)]:
                break
            a = b.start(1)
            words.insert(0, b.span(1))
        z = e
        for _ in range(MAX_WORDS - 1):
            f = _WORD_AFTER.match(norm, z)
            if f is None or not upper[f.start(1)]:
                break
            z = f.end(1)
            words.append(f.span(1))
        # every hyphenated word of the run must be in the name: one left out is a part of a
        # longer name not known (Mi-khai-in Bô-gđa-nốp is not Mi-khai-in, Méc-ken's sound)
        hyph = [i for i, (x, y) in enumerate(words) if "-" in norm[x:y]]
        first, last = hyph[0], hyph[-1]
        best: tuple[int, int, int] | None = None
        for size in range(min(MAX_WORDS, len(words)), last - first, -1):
            for i in range(max(0, last - size + 1), min(first, len(words) - size) + 1):
                ws, we = words[i][0], words[i + size - 1][1]
                if (ws, we) in taken:
                    continue
                key = vi_key([norm[x:y] for x, y in words[i : i + size]])
                idx = index.get(key) if key else None
                if idx is not None:
                    best = (ws, we, idx)
                    break
            if best is not None:
                break
        if best is not None:
            out.append(best)
            done = best[1]
    return out
