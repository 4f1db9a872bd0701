"""The shortcuts of ``libyaie.resolve.persons`` give what the plain computations gave.

Each test holds a reference implementation (the straightforward word-by-word or
person-by-person version the shortcut replaced) and checks the two agree.
"""

from __future__ import annotations

import datetime
import random
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
import regex

from libyaie import Extractor, _gazetteer
from libyaie._evaluate import gold_files, read_gold
from libyaie._gazetteer import PersonEntry
from libyaie._text import fold_arabic_key, is_arabic, normalize
from libyaie.resolve import persons as P
from libyaie.resolve.names import translit_key

_L = regex.compile(r"(?V1)[[^\W\d_]--\p{Arabic}]")
_C = regex.compile(r"(?V1)[[\w'’]--\p{Arabic}]")


# --------------------------------------------------------------------------- Latin tokens


def _reference_tokens(norm: str, upper: bytearray, blocked: bytearray) -> list[tuple[int, int, bool]]:
    """Every ``_LATIN_TOKEN`` match, classified one by one (the former ``_latin_tokens``)."""
    any_blocked = 1 in blocked
    out = []
    for m in P._LATIN_TOKEN.finditer(norm):
        s, e = m.span()
        kind = P._token_kind(norm, s, e, upper, blocked, any_blocked)
        if kind is not None:
            out.append((s, e, kind))
    return out


def _reference_kind(norm: str, s: int, e: int, upper: bytearray, blocked: bytearray) -> bool | None:
    """The classification as first written (the acronym test letter by letter)."""
    if 1 in blocked[s:e]:
        return False if norm[s:e] in P._PARTICLES else None
    if upper[s]:
        if 2 <= e - s <= 6 and all(upper[i] for i in range(s, e) if norm[i].isalpha()):
            return False if norm[s:e] in P._PARTICLES else None
        return True
    if "-" in norm[s + 2 : s + 4] and (art := P._GLUED_ARTICLE.match(norm, s, e)) is not None and upper[art.end()]:
        return True
    return False if norm[s:e] in P._PARTICLES else None


_PIECES = ["al", "Al", "AL", "-", " ", " ", " ", ".", ". ", "de", "bin", "X", "Abc", "abc", "5", "'", "عل", "Nguyễn",
           "Văn", "GNA", "el-", "ash-", "Ş", "ı", "a\u0301", "\n", ",", "Ⅻ", "_", "’", "K", "(", "Haftar"]


def _texts() -> Iterator[str]:
    yield from [
        "Fayez al Serraj met Abu Bakr al-Baghdadi and Deborah K. de Jones in Tripoli.",
        "Menteri Luar Negeri Retno Marsudi bin Ahmad di Jakarta. THE GNA AND LNA ARE HERE",
        "Thủ tướng Nguyễn Xuân Phúc gặp ông Phạm Bình Minh tại Hà Nội.",
        "x5Al-Serraj aL de al- al-5 McDonald iPhone ash-Shaybani El-Sisi, Van der Berg",
        "",
        "A",
        "ÉMILE ZOLA a. b. De La Cruz",
    ]
    rng = random.Random(5)
    for _ in range(4000):
        yield "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))


def _vietnamese(norm: str, toks: list[tuple[int, int, bool]]) -> list[tuple[object, ...]]:
    found: list[tuple[object, ...]] = []
    P.vietnamese_names(norm, toks, lambda s, e: norm[s:e], lambda *x: found.append(x), bytearray(len(norm) + 1))
    return found


def test_latin_tokens_give_the_runs_of_the_word_by_word_tokeniser() -> None:
    rng = random.Random(6)
    for text in _texts():
        nt = normalize(text)
        norm, upper = nt.norm, nt.upper_mask()
        for blocked in (bytearray(len(norm) + 1), bytearray(rng.choice(b"\x00\x01") for _ in range(len(norm) + 1))):
            ref = _reference_tokens(norm, upper, blocked)
            got = P._latin_tokens(norm, upper, blocked)
            assert got == sorted(got)
            assert set(got) <= set(ref), text
            assert [t for t in got if t[2]] == [t for t in ref if t[2]], text  # every capitalised token
            assert P._sequences(norm, got) == P._sequences(norm, ref), text
            assert _vietnamese(norm, got) == _vietnamese(norm, ref), text
            for s, e, _ in ref:
                assert P._token_kind(norm, s, e, upper, blocked, 1 in blocked) == _reference_kind(norm, s, e, upper, blocked)


def test_token_end_is_the_token_match() -> None:
    for text in _texts():
        norm = normalize(text).norm
        for p in range(len(norm)):
            m = P._LATIN_TOKEN.match(norm, p)
            assert P._token_end(norm, p) == (-1 if m is None else m.end())


def test_fast_token_classes() -> None:
    """Letters of the fast pattern are _LATIN_TOKEN letters; the characters it may stop at
    neither continue a token nor hyphenate it."""
    pattern = P._ASCII_TOKEN.pattern
    letters = re.compile(pattern[: pattern.index("]+") + 1])
    stop = re.compile(pattern[pattern.index("(?=") + 3 : pattern.index("]|") + 1])
    for ranges in (range(0x80), range(0xC0, 0x250), range(0x1E00, 0x1F00)):
        for cp in ranges:
            if letters.fullmatch(chr(cp)):
                assert _L.fullmatch(chr(cp)), hex(cp)
    for cp in range(0x110000):
        c = chr(cp)
        if (c.isspace() or cp < 0x2100) and stop.fullmatch(c):
            assert c != "-" and not _C.fullmatch(c), hex(cp)


# --------------------------------------------------------------------------- runs


def test_trim_and_sequences_match_the_plain_versions() -> None:
    def trim(norm: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
        while run and norm[run[-1][0] : run[-1][1]] in P._PARTICLES:
            run = run[:-1]
        while run and norm[run[0][0] : run[0][1]] in P._PARTICLES and norm[run[0][0] : run[0][1]] not in P._LEADING_OK:
            run = run[1:]
        return run

    rng = random.Random(7)
    words = ["al", "abu", "de", "x", "Foo", "bin", "el", "Bar"]
    for _ in range(3000):
        picked = [rng.choice(words) for _ in range(rng.randint(0, 6))]
        norm = " ".join(picked).lower()
        run, pos = [], 0
        for w in picked:
            run.append((pos, pos + len(w)))
            pos += len(w) + 1
        assert P._trim(norm, run) == trim(norm, run)


# --------------------------------------------------------------------------- coreference


def test_arabic_candidates_hold_every_word_a_key_can_match() -> None:
    rng = random.Random(8)
    letters = "البوفلمحدسرجنيه"
    for _ in range(3000):
        norm = "".join(rng.choice(letters + "  .x") for _ in range(rng.randint(0, 40)))
        keys = {"".join(rng.choice(letters) for _ in range(rng.randint(3, 4))) for _ in range(rng.randint(1, 4))}
        keys |= {w[i:] for w in norm.split() for i in range(3) if len(w) - i >= 3 and rng.random() < 0.3}
        got = set(P._arabic_candidates(norm, dict.fromkeys(keys, 0)))
        for m in P._AR_TOKEN.finditer(norm):
            w = m.group()
            for pre in ("", "و", "ف", "ل", "ب", "وب", "ول"):
                if w.startswith(pre) and P._drop_article(w[len(pre) :]) in keys:
                    assert m.start() in got, (norm, keys)
        # with many keys, every Arabic word is a candidate
        many = dict.fromkeys((f"k{i}" for i in range(P._MAX_KEY_SEARCHES + 1)), 0)
        assert list(P._arabic_candidates(norm, many)) == [m.start() for m in P._AR_TOKEN.finditer(norm)]


def test_gazetteer_tables() -> None:
    gaz = _gazetteer.get()
    tables = gaz.person_index
    assert _gazetteer.get().person_index is tables  # built once, with the gazetteer
    for f, keys in tables.form_keys.items():
        assert keys == P.coreference_keys((f,))
    assert tables.single_words == frozenset(
        f.lower() for pe in gaz.persons.values() for f in (pe.name, *pe.aliases, *pe.short) if " " not in f.strip()
    )


def test_infer_holder_matches_a_scan_of_every_person() -> None:
    def reference(t: P.TitleSel, ref: datetime.date) -> object:
        found = []
        for pe in gaz.persons.values():
            for o in pe.offices:
                if (o.role == t.role and o.country == t.country and (o.qualifier or None) == t.qualifier
                        and o.holds_on(ref)):
                    found.append((pe, o.organization in P.RECOGNISED_GOVERNMENTS))
                    break
        if len(found) == 1:
            return found[0][0]
        recognised = [pe for pe, ok in found if ok]
        return recognised[0] if len(recognised) == 1 else None

    gaz = _gazetteer.get()
    offices = {(o.role, o.country, o.qualifier) for pe in gaz.persons.values() for o in pe.offices}
    days = [datetime.date(y, m, 1) for y in range(2008, 2025) for m in (1, 7)]
    checked = 0
    for role, country, qualifier in sorted(offices, key=str):
        for q in {qualifier, qualifier or None, ""}:
            t = P.TitleSel(0, 1, role, q, country, None, "", False)
            for day in days:
                assert P.infer_holder(gaz, t, day) == reference(t, day)
                checked += 1
    assert checked > 100


# --------------------------------------------------------------------------- second pass


_DEV = Path(__file__).parent / "data" / "dev"


def _dev_documents() -> list[tuple[str, datetime.date | None]]:
    return [(g.text, g.dct) for g in (read_gold(p) for p in gold_files([_DEV]))]


def test_token_break_characters_start_a_token() -> None:
    """After a character of _TOKEN_BREAK no token goes on: the token at the next position
    starts there (the fast path of _latin_tokens)."""
    for c in P._TOKEN_BREAK:
        assert c != "-" and not _C.fullmatch(c), repr(c)


_BREAK_PIECES = [*_PIECES, *sorted(P._TOKEN_BREAK), "«Al", "(de", "“Bin", "/Van", "1Ab", "a-Bc", "’Ab"]


def test_latin_tokens_after_every_token_break() -> None:
    rng = random.Random(9)
    texts = ["".join(rng.choice(_BREAK_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(4000)]
    texts += [t for t, _ in _dev_documents()]
    for text in texts:
        nt = normalize(text)
        norm, upper = nt.norm, nt.upper_mask()
        for blocked in (bytearray(len(norm) + 1), bytearray(rng.choice(b"\x00\x00\x00\x01") for _ in range(len(norm) + 1))):
            ref = _reference_tokens(norm, upper, blocked)
            got = P._latin_tokens(norm, upper, blocked)
            assert got == sorted(got) and set(got) <= set(ref), text
            assert [t for t in got if t[2]] == [t for t in ref if t[2]], text
            assert P._sequences(norm, got) == _reference_sequences(norm, ref), text
            assert _vietnamese(norm, got) == _vietnamese(norm, ref), text


def _reference_sequences(norm: str, toks: list[tuple[int, int, bool]]) -> list[list[tuple[int, int]]]:
    """_sequences as first written (the previous token read back from the run)."""
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for s, e, cap in toks:
        if cur:
            ps, pe = cur[-1]
            gap = s - pe
            joinable = (gap == 1 and (norm[pe] == " " or (norm[pe] == "." and pe - ps == 1))) or (
                gap == 2 and pe - ps == 1 and norm[pe] == "." and norm[pe + 1] == " ")
        else:
            joinable = False
        if cap and (joinable or not cur):
            cur.append((s, e))
        elif cap:
            runs.append(cur)
            cur = [(s, e)]
        elif joinable and norm[s:e] in P._PARTICLES:
            cur.append((s, e))
        else:
            if cur:
                runs.append(cur)
            cur = []
        if len(cur) > 12:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [t for r in runs if (t := P._trim(norm, r))]


def test_sequences_match_the_plain_version() -> None:
    rng = random.Random(10)
    for text in _texts():
        norm = normalize(text).norm
        # every token, each capitalised or not at random (particles included)
        toks = [(m.start(), m.end(), rng.random() < 0.7) for m in P._LATIN_TOKEN.finditer(norm)]
        assert P._sequences(norm, toks) == _reference_sequences(norm, toks), text


def test_cut_runs_match_the_plain_version() -> None:
    def reference(norm: str, runs: list[list[tuple[int, int]]], in_place: bytearray) -> list[list[tuple[int, int]]]:
        cut: list[list[tuple[int, int]]] = []
        for r in runs:
            for r2 in P._split_runs(r, in_place):
                if trimmed := P._trim(norm, r2):
                    cut.append(trimmed)
        return sorted(cut, key=lambda r: r[0][0])

    rng = random.Random(11)
    for text in _texts():
        nt = normalize(text)
        norm = nt.norm
        runs = P._sequences(norm, P._latin_tokens(norm, nt.upper_mask(), bytearray(len(norm) + 1)))
        for _ in range(3):
            in_place = bytearray(len(norm) + 1)
            for _ in range(rng.randint(0, 3)):
                a = rng.randint(0, len(norm))
                b = rng.randint(a, min(len(norm), a + 12))
                in_place[a:b] = b"\x01" * (b - a)
            got = P._cut_runs(norm, runs, in_place)
            assert got == reference(norm, runs, in_place), text
            assert [r[0][0] for r in got] == sorted(r[0][0] for r in got)


def _reference_coreference(
    norm: str,
    gaz_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
    found: list[P.PersonSel],
    original_of: Callable[[int, int], str],
    is_upper: Callable[[int], bool],
    toks: list[tuple[int, int, bool]],
    add: Callable[[int, int, PersonEntry | None, str], None],
    blocked: bytearray,
    in_place: bytearray,
    first_names: bool = False,
    form_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
) -> None:
    """_coreference person by person and token by token (every person's keys, every token)."""
    latin: dict[str, P.PersonSel] = {}
    arabic: dict[str, P.PersonSel] = {}
    for p in sorted(found, key=lambda p: p.start):
        written = original_of(p.start, p.end)
        lat, ara = P.coreference_keys((written,))
        if first_names:
            words = written.split()
            if len(words) >= 2 and not is_arabic(words[0]) and len(words[0]) >= 3:
                first = unicodedata.normalize("NFC", words[0]).lower()
                if first not in P._COMMON_FIRST_NAMES and first not in P._PARTICLES:
                    lat = (*lat, "fn:" + first)
        if p.entry is not None:
            elat, eara = gaz_keys.get(p.entry.id, ((), ()))
            lat, ara = lat + elat, ara + eara
        for k in lat:
            latin.setdefault(k, p)
        for k in ara:
            arabic.setdefault(k, p)
    first_start = {id(p): p.start for p in found}
    for s, e, cap in toks:
        if not cap or 1 in blocked[s:e] or 1 in in_place[s:e]:
            continue
        word = original_of(s, e)
        low = unicodedata.normalize("NFC", word).lower()
        lp = latin.get("vi:" + low)
        if lp is None and first_names:
            lp = latin.get("fn:" + low)
        if lp is None and not P._VI_LETTER.search(word):
            lp = latin.get(translit_key(word))
        if lp is not None and first_start[id(lp)] < s:
            add(s, e, lp.entry, lp.name)
    for m in P._AR_TOKEN.finditer(norm):
        s, e, w = m.start(), m.end(), m.group()
        for pre in ("", "و", "ف", "ل", "ب", "وب", "ول"):
            if pre and not w.startswith(pre):
                continue
            ap = arabic.get(fold_arabic_key(w[len(pre) :]))
            if ap is not None and first_start[id(ap)] < s and 1 not in blocked[s + len(pre) : e]:
                add(s + len(pre), e, ap.entry, ap.name)
                break


def _persons_of(extractor: Extractor, docs: list[tuple[str, datetime.date | None]]) -> list[object]:
    return [extractor.extract(text, reference_date=ref).to_dict()["persons"] for text, ref in docs]


def test_coreference_matches_the_plain_version_on_dev_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    extractor = Extractor()
    docs = _dev_documents()
    docs += [(t.lower(), ref) for t, ref in docs[::5]] + [(t.upper(), ref) for t, ref in docs[1::5]]
    got = _persons_of(extractor, docs)
    monkeypatch.setattr(P, "_coreference", _reference_coreference)
    assert _persons_of(extractor, docs) == got
