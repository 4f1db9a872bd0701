"""Rules run under the standard library's ``re`` where it reads their pattern as ``regex``
does (see ``libyaie/rules/__init__.py``, "two engines"): the same matches, spans and
groups as the plain ``regex`` program of the same source, on random texts built from each
rule's own alphabet (its examples, digits, spaces, punctuation, Arabic and Vietnamese
letters, combining marks, and characters on which the two engines' classes differ)."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

import libyaie
from libyaie import rules as R
from libyaie._text import normalize
from libyaie.rules import dates as date_rules
from libyaie.rules import titles as title_rules


@functools.cache
def _rules() -> dict[str, R.Rule]:
    gaz = libyaie.Extractor().gazetteer
    out: list[R.Rule] = []
    for lang in date_rules.BY_LANG:
        out.extend(date_rules.build_lang(gaz.dates, lang))
    for lang in ("ar", "en", "id", "vi"):
        out.extend(title_rules.build_lang(gaz.titles, lang))
    return {r.name: r for r in out}


def _two(rule: R.Rule) -> Any:
    p: Any = rule.pattern
    return p if isinstance(p, R._TwoEngines) else None


def _plain_regex(rule: R.Rule) -> regex.Pattern[str]:
    return regex.compile(rule.pattern.pattern, rule.pattern.flags)


_COMMON = (
    "0123456789 \n\t.,-/()،:%'–"  # digits, spaces, punctuation
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويةءوفبلكال"  # Arabic letters and proclitics
    "ăâđêôơưàáảãạếềểễệờớởỡợừứửữựđ"  # Vietnamese letters
    "\u0300\u0301\u0303\u0309\u0323\u064e\u0651"  # combining marks (word characters for regex only)
)
# characters on which the engines' \w, \d or \s differ: the rules must run under regex there
_DIFFERING = "\u200c\u200d\x1c\u00b2\u00bd\u2040\U0001d7d8\U00011f50\u0e50"


def _words(rule: R.Rule) -> list[str]:
    texts = [e.text for e in rule.examples] + list(rule.negatives)
    norm = [normalize(t).norm for t in texts]
    return sorted({w for t in norm for w in t.split()} | set(norm))


def _texts(rule: R.Rule, *, differing: bool) -> st.SearchStrategy[str]:
    words = _words(rule)
    alphabet = sorted(set(_COMMON) | {c for w in words for c in w} | (set(_DIFFERING) if differing else set()))
    piece = st.one_of(st.sampled_from(words), st.text(alphabet=alphabet, min_size=1, max_size=3),
                      st.sampled_from([" ", "  ", "\n", "/", "-", "و", "ال", "لل"]))
    return st.lists(piece, max_size=14).map("".join)


def _behaviour(p: Any, text: str, pos: int, endpos: int) -> list[Any]:
    return [(m.span(), m.groupdict(), [m.span(i) for i in range(len(m.groups()) + 1)])
            for m in p.finditer(text, pos, endpos)]


def _differs(p: Any, plain: regex.Pattern[str], text: str) -> bool:
    n = len(text)
    return any(_behaviour(p, text, a, b) != _behaviour(plain, text, a, b)
               for a, b in ((0, n), (n // 3, n), (0, 2 * n // 3)))


def test_most_rules_run_under_both_engines() -> None:
    rules = _rules()
    two = [name for name, r in rules.items() if _two(r) is not None]
    assert len(two) >= 50, sorted(set(rules) - set(two))
    for name in ("ar.title.cascade", "en.title.cascade", "id.title.cascade", "vi.title.cascade"):
        assert name in two


@pytest.mark.parametrize("name", sorted(_rules()))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_re_matches_like_regex_on_random_texts(name: str, data: st.DataObject) -> None:
    rule = _rules()[name]
    two = _two(rule)
    if two is None:
        pytest.skip("runs under regex alone")
    plain = _plain_regex(rule)
    text = data.draw(_texts(rule, differing=False))
    if data.draw(st.booleans()):
        text = unicodedata.normalize("NFD", text)
    n = len(text)
    pos = data.draw(st.integers(0, n))
    endpos = data.draw(st.integers(pos, n))
    want = _behaviour(plain, text, pos, endpos)
    if R.plain(text):
        assert _behaviour(two._re, text, pos, endpos) == want  # the re program itself
    assert _behaviour(two, text, pos, endpos) == want  # as the pipeline calls it
    assert [m.span() for m in two.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("name", ["ar.title.cascade", "en.title.cascade", "ar.date.duration", "vi.date.duration",
                                  "num.date.year-word"])
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_texts_with_differing_characters_run_under_regex(name: str, data: st.DataObject) -> None:
    rule = _rules()[name]
    two = _two(rule)
    assert two is not None
    text = data.draw(_texts(rule, differing=True))
    if any(c in _DIFFERING for c in text):
        assert not R.plain(text)
    plain = _plain_regex(rule)
    assert _behaviour(two, text, 0, len(text)) == _behaviour(plain, text, 0, len(text))


def test_the_agreement_check() -> None:
    """A text counts as plain only when every character reads alike in both engines."""
    for ch in _DIFFERING + "\u0301\u064e":
        assert not R.plain("abc " + ch), hex(ord(ch))
    for text in ("Ngày 27 tháng 12 năm 2020", "وزير الداخلية فتحي باشاغا", "menteri luar negeri", ""):
        assert R.plain(normalize(text).norm)
    chars = "".join(chr(c) for lo, hi in R._CANDIDATE_RANGES for c in range(lo, hi + 1))
    for ch in chars:
        if R.plain(ch):
            for cls in (r"\w", r"\d", r"\s", r"\b"):
                assert bool(re.search(cls, ch)) == bool(regex.search(cls, ch)), (hex(ord(ch)), cls)


def test_the_fixed_width_rewrite_reads_like_the_variable_look_behind() -> None:
    assert R._fixed_width(r"(?<=(?P<s>ab|c))d") is None  # a capture in a look-behind
    assert R._fixed_width(r"(?<=a+)b") is None  # unbounded
    assert R._first_chars(r"a?") is None and R._first_chars(r"(?=x)") is None  # may match empty
    pats = [r"(?<!x\s{1,2})a", r"(?<=(?<!\w)(?:in|of|the)[\s\-]{1,2})(?P<y>\d{2})", r"(?<=^|[^\w]|ab)q",
            r"(?<!(?:hay|hoặc|\d)\s{1,2})(?P<n>\d)\s(?P=n)", R.AR_L + r"(?:ب|ال)?ت"]
    texts = ["in  12 of 34 the-56 x a xx  a 7 7", "hay 1 1 hoặc  2 2 3 3 4 4", "q abq aq\nq",
             "بت لبت وللت فلت كت ولت ابت والت ت"]
    for p in pats:
        std = re.compile(R.re_source(p, regex.VERBOSE) or "")
        rx = regex.compile(p, regex.VERBOSE | regex.V1)
        for t in texts:
            assert _behaviour(std, t, 0, len(t)) == _behaviour(rx, t, 0, len(t)), (p, t)


def test_the_check_finds_a_wrong_translation() -> None:
    """The random texts are rich enough to tell a translation that is wrong: the Arabic
    boundary without its ``لل`` proclitics, and a class reading ``\\w`` as ``re`` does."""
    rule = _rules()["ar.title.cascade"]
    plain = _plain_regex(rule)
    broken_src = R.expand_lists(rule.source).replace(R.AR_L, r"(?:(?<=[^\w])|^|(?<=[^\w][وفبلك]))")
    broken = re.compile(broken_src, re.VERBOSE)
    find(_texts(rule, differing=False), lambda t: _differs(broken, plain, t),
         settings=settings(max_examples=5000, deadline=None, database=None))

    rule = _rules()["vi.title.cascade"]
    plain = _plain_regex(rule)
    unguarded = rule.pattern._re if _two(rule) is not None else None  # type: ignore[attr-defined]
    assert unguarded is not None
    find(_texts(rule, differing=True), lambda t: _differs(unguarded, plain, t),
         settings=settings(max_examples=5000, deadline=None, database=None))


def test_re_programs_and_answers_are_kept_in_the_cache(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from libyaie import _regex_cache

    def fresh() -> None:
        monkeypatch.delenv("LIBYAIE_NO_CACHE", raising=False)
        monkeypatch.setenv("LIBYAIE_CACHE_DIR", str(tmp_path))
        monkeypatch.setattr(_regex_cache, "_entries", None)
        monkeypatch.setattr(_regex_cache, "_path", None)
        monkeypatch.setattr(_regex_cache, "_dirty", False)
        monkeypatch.setattr(_regex_cache, "_used", set())

    pattern = r"(?<![\w])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?!\d)"
    fresh()
    first = _regex_cache.compile_std(pattern, re.VERBOSE)
    assert _regex_cache.remember("q", 0, "v1", lambda: "answer") == "answer"
    _regex_cache.save()
    fresh()  # a later process: replayed, not compiled
    with monkeypatch.context() as m:
        m.setattr(re._compiler, "compile", lambda *a: pytest.fail("compiled"))  # type: ignore[attr-defined]
        again = _regex_cache.compile_std(pattern, re.VERBOSE)
        assert _regex_cache.remember("q", 0, "v1", lambda: pytest.fail("asked")) == "answer"
    assert _regex_cache.remember("q", 0, "v2", lambda: "new") == "new"  # another version of the code
    text = "on 27/12, 1/2/2020 and x3/4"
    plain = re.compile(pattern, re.VERBOSE)
    for p in (first, again):
        assert (p.pattern, p.flags, p.groupindex) == (plain.pattern, plain.flags, plain.groupindex)
        assert _behaviour(p, text, 0, len(text)) == _behaviour(plain, text, 0, len(text))
    with pytest.raises(re.error):
        _regex_cache.compile_std(r"(?<=a+)b")
