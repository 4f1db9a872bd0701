"""More shortcuts of ``libyaie.resolve.persons`` against the plain versions they replaced."""

from __future__ import annotations

import bisect
import random
import unicodedata
from array import array
from collections.abc import Callable, Sequence

from libyaie._gazetteer import PersonEntry
from libyaie._text import normalize
from libyaie.resolve import persons as P
from libyaie.resolve.names import translit_key


def _reference_fuzzy_ok(key: str, s: int, e: int, place_spans: Sequence[tuple[int, int]], in_place: bytearray) -> bool:
    """_fuzzy_ok as first written: a table of the place covering each position."""
    place_at = array("i", bytes(4 * (len(in_place))))
    for pidx, (ps, pe) in enumerate(place_spans):
        place_at[ps:pe] = array("i", (pidx + 1,)) * (pe - ps)
    if place_at[s] and place_at[s] == place_at[e - 1]:
        return False
    return not (len(key.replace("V", "")) < 4 and 1 in in_place[s:e])


def test_fuzzy_ok_matches_the_place_table() -> None:
    rng = random.Random(21)
    for _ in range(5000):
        n = rng.randint(1, 30)
        spans = []
        for _ in range(rng.randint(0, 4)):  # overlapping spans too: the later one wins
            a = rng.randint(0, n - 1)
            spans.append((a, rng.randint(a + 1, n)))
        in_place = bytearray(n + 1)
        for a, b in spans:
            in_place[a:b] = b"\x01" * (b - a)
        s = rng.randint(0, n - 1)
        e = rng.randint(s + 1, n)
        key = rng.choice(["kVdVfV", "sVrj", "bVt", "V"])
        assert P._fuzzy_ok(key, s, e, spans, in_place) == _reference_fuzzy_ok(key, s, e, spans, in_place)


def test_mention_keys_are_the_inline_keys() -> None:
    for word in ["Haftar", "HAFTAR", "Nga", "Ngày", "Nguyễn", "Ngu\u0301yen", "Retno", "Sérraj", "", "Ünal", "İzmir"]:
        low = unicodedata.normalize("NFC", word).lower()
        vi_key, fn_key, tr_key = P._mention_keys(word)
        assert (vi_key, fn_key) == ("vi:" + low, "fn:" + low)
        assert tr_key == (None if P._VI_LETTER.search(word) else translit_key(word))


def _reference_vietnamese(norm: str, toks: list[tuple[int, int, bool]], in_place: bytearray) -> list[tuple[int, int]]:
    found = []
    i = 0
    n = len(toks)
    while i < n:
        s, e, cap = toks[i]
        if cap and norm[s:e] in P.VI_SURNAMES:
            j = i + 1
            while j < n and j - i < 4 and toks[j][2] and norm[toks[j - 1][1] : toks[j][0]] == " ":
                j += 1
            if j - i >= 2 and 1 not in in_place[s : toks[j - 1][1]]:
                found.append((s, toks[j - 1][1]))
                i = j
                continue
        i += 1
    return found


def _slicer(norm: str) -> Callable[[int, int], str]:
    return lambda s, e: norm[s:e]


def _collector(out: list[tuple[int, int]]) -> Callable[[int, int, PersonEntry | None, str], None]:
    return lambda s, e, _entry, _name: out.append((s, e))


def test_vietnamese_names_match_the_plain_loop() -> None:
    rng = random.Random(22)
    words = ["Nguyễn", "Trần", "Thị", "Nga", "Lê", "Hà", "Nội", "và", "ông", "Phạm", "Bình", "Minh"]
    for _ in range(2000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        nt = normalize(text)
        norm = nt.norm
        toks = P._latin_tokens(norm, nt.upper_mask(), bytearray(len(norm) + 1))
        in_place = bytearray(len(norm) + 1)
        if rng.random() < 0.5:
            a = rng.randint(0, len(norm))
            in_place[a : a + 4] = b"\x01" * len(in_place[a : a + 4])
        got: list[tuple[int, int]] = []
        P.vietnamese_names(norm, toks, _slicer(norm), _collector(got), in_place)
        assert got == _reference_vietnamese(norm, toks, in_place), text


def _reference_attach(norm: str, titles: list[P.TitleSel], persons: list[P.PersonSel],
                      place_spans: Sequence[tuple[int, int]]) -> None:
    """attach as first written: the filler test called for every title and person."""
    filler = bytearray(len(norm) + 1)
    for s, e in place_spans:
        filler[s:e] = b"\x01" * (e - s)

    def only_filler(a: int, b: int, limit: int) -> bool:
        if b < a or b - a > limit:
            return False
        rest = norm[a:b]
        if not rest.strip(" "):
            return True
        if 1 in filler[a:b]:
            rest = "".join(" " if filler[i] else norm[i] for i in range(a, b))
        rest = P._ACRONYM_GAP.sub(" ", rest)
        return all(w in P._HONORIFICS for w in P._FILLER_WORD.findall(rest)) and P._FILLER_CHARS.fullmatch(rest) is not None

    starts = [p.start for p in persons]
    ends = [p.end for p in persons]
    used: set[int] = set()
    for ti, t in enumerate(titles):
        pi = bisect.bisect_left(starts, t.end)
        while pi < len(persons) and persons[pi].start < t.end + 60:
            p = persons[pi]
            if pi not in used and only_filler(t.end, p.start, 60):
                t.person, p.title = pi, ti
                used.add(pi)
                break
            pi += 1
    for ti, t in enumerate(titles):
        if t.person is None:
            pi = bisect.bisect_right(ends, t.start) - 1
            if pi >= 0 and pi not in used and P._APPOSITION_GAP.fullmatch(norm, persons[pi].end, t.start):
                t.person, persons[pi].title = pi, ti
                used.add(pi)


def test_attach_matches_the_plain_version() -> None:
    rng = random.Random(23)
    pieces = ["Minister", " ", "  ", ", ", "(GNA)", "Libya", "Mr.", "said", "، ", "x", "-", "Ali Ahmed"]
    run: Callable[[str, list[P.TitleSel], list[P.PersonSel], Sequence[tuple[int, int]]], None]
    for _ in range(3000):
        norm = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        n = len(norm)
        cuts = sorted(rng.sample(range(n + 1), min(n + 1, 2 * rng.randint(0, 4))))
        spans = list(zip(cuts[::2], cuts[1::2], strict=False))
        kinds = [rng.random() < 0.5 for _ in spans]
        places = [sp for sp, k in zip(spans, kinds, strict=True) if k and sp[1] > sp[0]]
        results = []
        for run in (P.attach, _reference_attach):
            titles = [P.TitleSel(s, e, "r", None, None, None, "", False) for (s, e), k in zip(spans, kinds, strict=True) if not k]
            persons = [P.PersonSel(s, e, None, "") for (s, e), k in zip(spans, kinds, strict=True) if k]
            run(norm, titles, persons, places)
            results.append(([t.person for t in titles], [p.title for p in persons]))
        assert results[0] == results[1], norm
