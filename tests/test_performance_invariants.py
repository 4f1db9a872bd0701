"""Speed-ups must not change results: anchor windows vs a full scan; the gazetteer cache."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import libyaie
from libyaie import _pipeline

ROOT = Path(__file__).resolve().parent.parent
REF = datetime.date(2020, 12, 28)


def _texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for p in sorted((ROOT / "tests" / "data" / "dev").glob("*.txt")):
        body = p.read_text(encoding="utf-8").split("\n", 1)[1]
        out.append(re.sub(r"\{\{[a-z]:[^|]*\|(.*?)\}\}", r"\1", body))
    return out


def test_anchor_windows_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    windowed = [libyaie.extract(t, reference_date=REF) for t in texts]
    monkeypatch.setattr(_pipeline, "FULL_SCAN", True)
    full = [libyaie.extract(t, reference_date=REF) for t in texts]
    assert windowed == full


def _run(env: dict[str, str]) -> str:
    code = "import libyaie; d = libyaie.extract('Fathi Bashagha visited Cairo last month.'); print(len(d.mentions))"
    full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True, check=True).stdout


def test_cache_is_written_reused_and_survives_corruption(tmp_path: Path) -> None:
    env = {"LIBYAIE_CACHE_DIR": str(tmp_path)}
    first = _run(env)
    files = list(tmp_path.glob("gazetteer-*.pickle"))
    assert len(files) == 1
    assert _run(env) == first
    files[0].write_bytes(b"not a pickle")
    assert _run(env) == first  # a corrupt cache is rebuilt, never an error
    assert files[0].read_bytes() != b"not a pickle"


def test_cache_can_be_disabled(tmp_path: Path) -> None:
    out = _run({"LIBYAIE_CACHE_DIR": str(tmp_path), "LIBYAIE_NO_CACHE": "1"})
    assert out.strip() == "3"
    assert not list(tmp_path.iterdir())


def _merge_reference(
    norm: str, spans: list[tuple[int, int]], margins: tuple[int, int], to_word_end: bool = True
) -> list[tuple[int, int]]:
    """The plain statement of what ``_merge_windows`` computes: every span widened by the
    margins (clipped to the text), overlapping windows merged, each end moved past the rest
    of its word (at most 40 characters; when ``to_word_end``), then merged again."""
    n = len(norm)
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        ws, we = max(0, s - margins[0]), min(n, e + margins[1])
        if merged and ws <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], we)
        else:
            merged.append([ws, we])
    out: list[tuple[int, int]] = []
    for ws, we in merged:
        k = we
        while to_word_end and k < n and k - we < 40 and (norm[k].isalnum() or norm[k] == "_"):
            k += 1
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], k))
        else:
            out.append((ws, k))
    return out


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"ab _.1-", "é", "\u0301", "\u0661", "ب"]), max_size=120),
    st.lists(st.tuples(st.integers(0, 130), st.integers(0, 8)), max_size=10),
    st.tuples(st.integers(0, 60), st.integers(0, 60)),
    st.booleans(),
)
def test_merge_windows_is_the_plain_statement(
    norm: str, spans: list[tuple[int, int]], margins: tuple[int, int], to_word_end: bool
) -> None:
    n = len(norm)
    sp = [(min(s, n), min(n, s + w)) for s, w in spans]
    got = _pipeline._merge_windows(norm, list(sp), margins, to_word_end=to_word_end)
    assert got == _merge_reference(norm, list(sp), margins, to_word_end)


# ---- word lists compiled as prefix trees match like the regex module's named lists

_FORM = st.text(alphabet="ab ء", min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(forms=st.lists(_FORM, min_size=1, max_size=8), text=st.text(alphabet="ab ءc", max_size=12),
       template=st.sampled_from(["{P}", "{P}b", "(?P<x>{P})(?=b)", "(?:{P}\\s){{0,2}}{P}", "a?{P}{P}"]))
def test_list_trie_matches_like_a_named_list(forms: list[str], text: str, template: str) -> None:
    import regex

    from libyaie.rules import _LISTS, alt, compile_pattern

    piece = alt(forms, normalise=False)
    trie = compile_pattern(template.format(P=piece), regex.V1)
    named = regex.compile(template.format(P=piece), regex.V1, **{piece[3:-1]: _LISTS[piece[3:-1]]})
    for pos in range(len(text) + 1):
        a, b = trie.match(text, pos), named.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (forms, text, pos)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in named.finditer(text)]


# ---- a pattern's reach: the longest match, and the furthest character the engine looks at

_ATOMS = st.sampled_from(["a", "b", "[ab]", r"\s", r"\d", ".", "ab", r"\b"])


def _combine(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda t: f"(?:{t[0]}|{t[1]})"),
        st.tuples(inner, st.integers(0, 2), st.integers(0, 2)).map(lambda t: f"(?:{t[0]}){{{t[1]},{t[1] + t[2]}}}"),
        inner.map(lambda x: f"(?:{x})?"),
        inner.map(lambda x: f"(?={x})"),
        inner.map(lambda x: f"(?!{x})"),
        inner.map(lambda x: f"(?<![ab]{x})"),  # a look-behind, variable width as regex allows
        inner.map(lambda x: f"(?P<g>{x})(?P=g)"),
    )


_PATTERNS = st.recursive(_ATOMS, _combine, max_leaves=8)


@settings(max_examples=400, deadline=None)
@given(pattern=_PATTERNS, text=st.text(alphabet="ab 1.", max_size=16))
def test_pattern_reach_bounds_every_match_and_every_look(pattern: str, text: str) -> None:
    """No match is longer than the reach's first number, and at every position the engine
    decides the same with the text cut ``furthest`` characters after that position."""
    import regex

    from libyaie.rules import pattern_reach

    if pattern.count("(?P<g>") > 1:  # one group name per pattern
        return
    try:
        compiled = regex.compile(pattern, regex.V1)
    except regex.error:
        return
    reach = pattern_reach(pattern)
    if reach is None:  # only for what the standard library's parser rejects (a group ref in a look-behind)
        from re import _parser

        with pytest.raises(Exception):  # noqa: B017
            _parser.parse(pattern)
        return
    longest, furthest = reach
    for pos in range(len(text) + 1):
        full = compiled.match(text, pos)
        cut = compiled.match(text, pos, min(len(text), pos + furthest))
        assert (full and full.span()) == (cut and cut.span()), (pattern, text, pos)
        if full is not None:
            assert full.end() - full.start() <= longest, (pattern, text, pos)


def test_pattern_reach_cases() -> None:
    from libyaie.rules import pattern_reach

    assert pattern_reach("ab(?=cde)") == (2, 5)
    assert pattern_reach("a{2,3}") == (3, 3)
    assert pattern_reach("(?<=xyz)a") == (1, 3)  # counted as if the look-behind looked ahead
    assert pattern_reach(r"\bfoo\b") == (3, 4)
    assert pattern_reach("(?P<x>ab)(?P=x)") == (4, 4)
    assert pattern_reach("(?P<y>a)|(?P<y>bc)") == (2, 2)  # regex allows a repeated group name
    assert pattern_reach("a+") is None and pattern_reach("a*b") is None  # no bound


def test_every_rule_has_a_reach() -> None:
    """Every date and title rule's windows come from its reach (a new Python whose parser
    no longer reads the patterns would silently fall back to the default margins)."""
    from libyaie.rules import pattern_reach

    ex = libyaie.Extractor()
    for lang in ("*", "ar", "en", "id", "vi"):
        for rule in [*ex._rules("date", [lang]), *ex._rules("title", [lang] if lang != "*" else [])]:
            reach = pattern_reach(rule.source)  # word lists read as their longest form
            assert reach is not None, rule.name
            assert reach == pattern_reach(rule.pattern.pattern), rule.name  # the lists as compiled


def test_long_texts_pause_the_garbage_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    seen: list[bool] = []
    real = _pipeline.Extractor._extract

    def spy(self: _pipeline.Extractor, text: str, reference_date: datetime.date | None) -> libyaie.Document:
        seen.append(gc.isenabled())
        return real(self, text, reference_date)

    monkeypatch.setattr(_pipeline.Extractor, "_extract", spy)
    monkeypatch.setattr(_pipeline, "_GC_PAUSE_CHARS", 40)
    ex = libyaie.Extractor()
    short, long = "Haftar in Benghazi.", "Haftar visited Benghazi on 24 December 2020 and Tripoli later."
    assert gc.isenabled()
    with_pause = ex.extract(long, reference_date=REF)
    assert ex.extract(short, reference_date=REF).places
    assert seen == [False, True] and gc.isenabled()
    monkeypatch.setattr(_pipeline, "_GC_PAUSE_CHARS", 10**9)
    assert ex.extract(long, reference_date=REF) == with_pause  # the pause changes nothing else
    # a collector the caller disabled stays disabled
    gc.disable()
    try:
        monkeypatch.setattr(_pipeline, "_GC_PAUSE_CHARS", 40)
        ex.extract(long)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_gc_pause_is_released_by_the_last_caller_and_on_errors() -> None:
    import gc

    with _pipeline._gc_paused():
        with _pipeline._gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # another caller is still inside
    assert gc.isenabled()
    with pytest.raises(RuntimeError), _pipeline._gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled() and _pipeline._gc_pausers == 0
