"""The fast paths of the text layer, language detection, gazetteer scan and place
resolution compute exactly what their plain statements compute (written out here)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from libyaie import _gazetteer, _lang, _text
from libyaie._text import NormText, normalize
from libyaie.resolve import places

# ---- reference statements


def _slow_reference(text: str) -> NormText:
    """Character by character: clusters (a base and at most 31 joiners after it), each NFC-
    normalised, lower-cased per character, removables dropped, then folded and the
    Vietnamese tone placement unified."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and j - i < _text._MAX_CLUSTER and _text._joins(text[j]):
            j += 1
        cluster = text[i:j]
        if j - i > 1:
            cluster = unicodedata.normalize("NFC", cluster)
        for ch in cluster:
            for lc in ch.lower():
                if ord(lc) not in _text._REMOVABLE:
                    out.append(_text._TRANSLATE.get(ord(lc), lc))
                    starts.append(i)
                    ends.append(j)
        i = j
    return NormText(text, _finish_reference("".join(out)), starts, ends)


_VI_TONE_RE = regex.compile(r"([oòóỏõọ][àáảãạèéẻẽẹ]|[uùúủũụ][ỳýỷỹỵ])(?!\w)")


def _vi_tone(m: regex.Match[str]) -> str:
    first, second = m.group(1)[0], m.group(1)[1]
    if first not in _text._TONED:
        return m.group(1)
    return _text._TONED[first][_text._TONE_OF[second]] + _text._STRIP_TONE[second]


def _finish_reference(s: str) -> str:
    return _VI_TONE_RE.sub(_vi_tone, s.translate(_text._TRANSLATE))


def _detect_reference(norm: str) -> str:
    sample = norm[:20000]
    n_ar = sum(map(len, regex.findall(r"[\u0600-\u06FF]+", sample)))
    n_lat = sum(map(len, regex.findall(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+", sample)))
    if n_ar == 0 and n_lat == 0:
        return "und"
    if n_ar > n_lat:
        return "ar"
    if sum(map(len, _lang._VI_MARKS.findall(sample))) > 0.03 * n_lat:
        return "vi"
    langs = [_lang._FUNCTION_WORD.get(w) for w in regex.findall(r"[a-z]+", sample)]
    n_id, n_en = langs.count("id"), langs.count("en")
    if n_id == 0 and n_en == 0:
        return "und"
    return "id" if n_id > n_en else "en"


def _same_map(a: NormText, b: NormText) -> None:
    assert a.norm == b.norm
    n = len(a.norm)
    for s in range(n + 1):
        assert a.orig_index(s) == b.orig_index(s)
        for e in range(s, n + 1):
            assert a.span(s, e) == b.span(s, e)
    assert a.upper_mask() == b.upper_mask()


# ---- strategies

_PIECES = [
    *"abcXYZ éÖİ ١٢٣ محمدأإآىة ΣσςΟΔ ﬁẞǅ Ａ中文😀\t\n-–’",
    "\u0640", "\u064e", "\u064f", "\u0651", "\u0652", "\u0670", "\u0301", "\u0300", "\u0323", "\u0302",
    "\u0306", "\u031b", "\u200b", "\u200f", "\u00ad", "\ufeff", "\u2066", "\u0654", "\ud800", "\u0345",
    "\ufe8e", "\u3099", "\U0001d400", "\u1100", "\u1161", "\u00a0", "ک", "ی", "ā", "ţ", "K", "Å",
    "hoà ", "thuỵ ", "Hoà Bình ", "Nguyễn ", "oá", "uý", "ạ", "ỳ", "ò",
]
_MIXED = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_TEXTS = st.one_of(
    _MIXED,
    _MIXED.map(lambda s: unicodedata.normalize("NFD", s)),
    _MIXED.map(lambda s: unicodedata.normalize("NFC", s)),
    st.text(max_size=40),
)
_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))


# ---- text layer


@_SETTINGS
@given(_TEXTS)
def test_slow_path_is_the_character_by_character_statement(text: str) -> None:
    _same_map(_text._normalize_slow(text), _slow_reference(text))


@_SETTINGS
@given(_TEXTS)
def test_normalize_fast_paths_map_like_the_statement(text: str) -> None:
    """Where the fast paths lower-case the whole text (NFC text whose lower case keeps its
    length), the statement lower-cases character by character: they agree except on the
    final-sigma rule of Σ."""
    fast, ref = normalize(text), _slow_reference(text)
    if "Σ" not in text:
        _same_map(fast, ref)


@_SETTINGS
@given(_TEXTS)
def test_finish_is_translate_and_the_tone_regex(text: str) -> None:
    low = text.lower()
    assert _text._finish(low) == _finish_reference(low)
    long = low * (_text._LONG // max(1, len(low)) + 1)
    assert _text._finish(long) == _finish_reference(long)


def test_folding_is_one_to_one_and_idempotent() -> None:
    for ch, to in _text._REPLACE.items():
        assert len(to) == 1 and to not in _text._REPLACE, ch


def test_exact_classes_cover_their_properties() -> None:
    high = re.compile("[" + _text._HIGH + "]")
    exact_upper = re.compile(_text._UPPER_OR_HIGH_RUN.pattern.split("|")[0])
    for cp in range(0x110000):
        ch = chr(cp)
        if _text._joins(ch):
            assert _text._JOINER_CANDIDATE_RE.fullmatch(ch), hex(cp)
        elif high.match(ch) is None:
            assert _text._JOINER_CANDIDATE_RE.fullmatch(ch) is None, hex(cp)
        if high.match(ch) is None:
            assert (exact_upper.fullmatch(ch) is not None) == ch.isupper(), hex(cp)


def test_upper_mask_ascii_and_high() -> None:
    assert list(normalize("Ab CD").upper_mask()) == [1, 0, 0, 1, 1, 0]
    assert list(normalize("Ａb 中Ｃ\U0001d400").upper_mask()) == [1, 0, 0, 0, 1, 1, 0]


@_SETTINGS
@given(_TEXTS)
def test_upper_mask_is_isupper(text: str) -> None:
    nt = normalize(text)
    assert list(nt.upper_mask()) == [int(text[nt.orig_index(i)].isupper()) for i in range(len(nt.norm))] + [0]


# ---- language detection

_LANG_PIECES = [
    *"abc xyz ٣ محمد ăâđêôơưạảấẻỹ ÀÿĀȿɀɏɐḀỿἀṀé\ud800😀",
    "the ", " dan ", " yang ", "ngày ", "in ", "\u1e00", "\u024f", "\u0250", "\u00bf", "\u0600", "\u06ff", "\u0700",
]


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.lists(st.sampled_from(_LANG_PIECES), max_size=80).map("".join), st.text(max_size=60)))
def test_detect_counts_like_the_regex_statement(text: str) -> None:
    assert _lang.detect(text) == _detect_reference(text)
    norm = normalize(text).norm
    assert _lang.detect(norm) == _detect_reference(norm)


def test_detect_examples() -> None:
    assert _lang.detect("") == "und"
    assert _lang.detect("وزير الخارجيه في ليبيا") == "ar"
    assert _lang.detect("bộ trưởng ngoại giao việt nam") == "vi"
    assert _lang.detect("menteri luar negeri dan yang di jakarta") == "id"
    assert _lang.detect("the minister said in the capital") == "en"
    assert _lang.detect("ȿ" * 50 + " the") == _detect_reference("ȿ" * 50 + " the")


# ---- gazetteer scan

_SCAN_PIECES = ["libya", "ليبيا", "وليبيا", "لليبيا", "tripoli", "طرابلس", "nga", "hà nội", "_", "\u0301",
                "x", " ", "،", "é", "1", "cairo", "القاهره", "بالقاهره",
                "للقاهره", "وللقاهره", "لقاهره"]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=30).map("".join))
def test_scan_keeps_the_word_bounded_matches(text: str) -> None:
    gaz = _gazetteer.get()
    norm = normalize(text).norm
    want = []
    for end_idx, idx in gaz.automaton.iter(norm) if norm else ():
        key, cands, arabic = gaz.entries[idx]
        end = end_idx + 1
        start = end - len(key)
        if end < len(norm) and _gazetteer._is_word_char(norm[end]):
            continue
        if arabic == _gazetteer._LIL:  # an article without its alef: only after a glued ل
            if not _gazetteer._lil_ok(norm, start):
                continue
        elif start > 0 and _gazetteer._is_word_char(norm[start - 1]):
            if not arabic or not _gazetteer._arabic_clitic_ok(norm, start):
                continue
        want.append(_gazetteer.Hit(start, end, key, cands))
    got = gaz.scan(norm)
    assert got == want and all(type(h) is _gazetteer.Hit for h in got)


# ---- place resolution helpers


def test_regex_white_space_is_str_white_space() -> None:
    """places._direction skips trailing white space with str.isspace, which must be true of
    every character the patterns' \\s matches."""
    assert all(chr(cp).isspace() for cp in range(0x110000) if regex.match(r"\s", chr(cp)))


_PLACE_PIECES = [*places._DIR_BEFORE, *places._DIR_AFTER, "of", "của", " ", "  ", "\n", "\t", "\x1c", "\u2028",
                 "و", "ب", "ل", "ف", "x", "libya", "ليبيا", "-", ",", "times", "post", "the", "a", "1", "_", "é"]


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_PLACE_PIECES), max_size=20).map("".join), st.data())
def test_place_helpers_are_their_regex_statements(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    upper = data.draw(st.sets(st.integers(0, len(text))))
    is_upper: Callable[[int], bool] = upper.__contains__

    mb = places._DIR_BEFORE_RE.search(text[max(0, s - 25) : s])
    ma = places._DIR_AFTER_RE.match(text[e : e + 20])
    want = (
        places._DIR_BEFORE[places._SPACES.sub(" ", mb["d"])] if mb
        else places._DIR_AFTER[places._SPACES.sub(" ", ma["d"])] if ma
        else None
    )
    assert places._direction(text, s, e) == want

    m = places._NEXT_WORD.match(text, e)
    assert places._publication(text, e, is_upper) == bool(
        m and m.group(1) in places._PUBLICATIONS and is_upper(m.start(1))
    )
    key = text[s:e]
    assert places._inner_cap(key, s, is_upper) == any(
        key[j - s - 1] == " " and is_upper(j) for j in range(s + 1, e)
    )
    assert places._all_caps(key, s, is_upper) == all(is_upper(j) for j in range(s, e) if key[j - s].isalpha())
    for lo in (max(0, s - 40), 0):
        fwd, rev = places._PREV_WORD.search(text, lo, s), places._PREV_WORD_R.search(text, lo, s)
        assert (fwd and fwd.group(1)) == (rev and rev.group(1))
