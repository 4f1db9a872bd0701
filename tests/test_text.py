from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from libyaie._text import _UPPER_RUN, _normalize_slow, fold_arabic_key, is_arabic, normalize, normalize_key


def _check_map(text: str) -> None:
    nt = normalize(text)
    # every normalised character maps back inside the original, monotonically
    prev = 0
    for i in range(len(nt.norm)):
        s, e = nt.span(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert s >= prev
        prev = s


def test_ascii_fast_path_identity() -> None:
    nt = normalize("Tripoli, LIBYA")
    assert nt.norm == "tripoli, libya"
    assert nt.span(9, 14) == (9, 14)


def test_arabic_folding_and_offsets() -> None:
    text = "وَزِيرُ الـدّاخلية لليبيا أمس"
    nt = normalize(text)
    assert nt.norm == "وزير الداخليه لليبيا امس"
    i = nt.norm.index("الداخليه")
    s, e = nt.span(i, i + len("الداخليه"))
    assert text[s:e] == "الـدّاخلية"
    _check_map(text)


def test_alef_ya_digits() -> None:
    assert normalize_key("إبريل") == normalize_key("أبريل") == "ابريل"
    assert normalize_key("مستشفى") == "مستشفي"
    assert normalize_key("٢٠٢٠") == "2020" == normalize_key("۲۰۲۰")


def test_zero_width_bidi_nbsp() -> None:
    text = "Ngo\u200bại\u00a0trưởng\u200f"
    nt = normalize(text)
    assert nt.norm == "ngoại trưởng"
    _check_map(text)


def test_nfd_vietnamese_equals_nfc() -> None:
    nfc = "Thủ tướng Thổ Nhĩ Kỳ ngày 27/12"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert normalize(nfd).norm == normalize(nfc).norm
    nt = normalize(nfd)
    i = nt.norm.index("thổ nhĩ kỳ")
    s, e = nt.span(i, i + len("thổ nhĩ kỳ"))
    assert unicodedata.normalize("NFC", nfd[s:e]) == "Thổ Nhĩ Kỳ"
    _check_map(nfd)


def test_vietnamese_tone_placement_unified() -> None:
    assert normalize_key("Thuỵ Sĩ") == normalize_key("Thụy Sĩ")
    assert normalize_key("hoà bình") == normalize_key("hòa bình")
    assert normalize_key("ngoại giao") == "ngoại giao"  # closed syllable keeps its tone


def test_arabic_key_and_script() -> None:
    assert fold_arabic_key("عماد الطرابلسي") == "عماد طرابلسي"
    assert is_arabic("ليبيا") and not is_arabic("Libya")


def test_empty_and_surrogates() -> None:
    assert normalize("").norm == ""
    nt = normalize("a\ud800b")
    assert len(nt.norm) == 3


# ---- the fast paths of normalize() give exactly what the character-by-character path gives

_MIXED = st.text(
    alphabet=st.sampled_from(
        [*"abcXYZ éÖİ ١٢٣ محمدأإآىة", "\u0640", "\u064e", "\u064f", "\u0651", "\u0652", "\u0670",
         "\u0301", "\u0300", "\u0323", "\u200b", "\u200f", "\u00ad", "\ufeff", "\u2066", "\u0654"]
    ),
    max_size=60,
)


@settings(max_examples=400, deadline=None)
@given(_MIXED)
def test_fast_paths_equal_slow_path(text: str) -> None:
    fast, slow = normalize(text), _normalize_slow(text)
    assert fast.norm == slow.norm
    assert fast.upper_mask() == slow.upper_mask()
    n = len(fast.norm)
    for s in range(n + 1):
        for e in (s, min(n, s + 1), min(n, s + 3), n):
            assert fast.span(s, e) == slow.span(s, e)


# ---- the upper-case mask is str.isupper() of each normalised character's original


def test_upper_run_finds_every_upper_case_character() -> None:
    """``upper_mask`` looks for upper case with the regex module's \\p{Uppercase}, which
    must contain every character Python calls upper case (checked over all code points)."""
    missed = [hex(c) for c in range(0x110000) if chr(c).isupper() and _UPPER_RUN.fullmatch(chr(c)) is None]
    assert missed == []


@settings(max_examples=400, deadline=None)
@given(st.one_of(_MIXED, st.text(max_size=40)))
def test_upper_mask_is_isupper_of_the_original(text: str) -> None:
    nt = normalize(text)
    mask = nt.upper_mask()
    assert len(mask) == len(nt.norm) + 1 and mask[-1] == 0
    assert [mask[i] for i in range(len(nt.norm))] == [
        int(text[nt.orig_index(i)].isupper()) for i in range(len(nt.norm))
    ]


def test_upper_mask_examples() -> None:
    assert list(normalize("Ab CD").upper_mask()) == [1, 0, 0, 1, 1, 0]
    nd = normalize("Hà No\u0302\u0323i")  # decomposed: the mask is on normalised offsets
    assert [i for i, v in enumerate(nd.upper_mask()) if v] == [0, 3]


def test_long_run_of_marks_takes_the_slow_path() -> None:
    text = "ب" + "\u064e" * 100 + "ت"
    assert normalize(text).norm == _normalize_slow(text).norm == "بت"
    assert normalize(text).span(1, 2) == _normalize_slow(text).span(1, 2)


def test_heh_forms_fold_to_heh() -> None:
    # typed on Urdu or Persian keyboards: ھ ہ ە ۃ are the same letter for matching
    for form in ("سبھا", "سبہا", "سبەا"):
        assert normalize(form).norm == normalize("سبها").norm
    assert normalize("مصراتۃ").norm == normalize("مصراتة").norm
