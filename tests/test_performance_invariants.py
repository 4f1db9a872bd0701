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


def _merge_reference(norm: str, spans: list[tuple[int, int]], margins: tuple[int, int]) -> list[tuple[int, int]]:
    """The plain statement of what ``_merge_windows`` computes: every span widened by the
    margins (clipped to the text), overlapping windows merged, each end moved past the rest
    of its word (at most 40 characters), then merged again."""
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
        while k < n and k - we < 40 and (norm[k].isalnum() or norm[k] == "_"):
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
)
def test_merge_windows_is_the_plain_statement(norm: str, spans: list[tuple[int, int]], margins: tuple[int, int]) -> None:
    n = len(norm)
    sp = [(min(s, n), min(n, s + w)) for s, w in spans]
    assert _pipeline._merge_windows(norm, list(sp), margins) == _merge_reference(norm, list(sp), margins)


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
