"""Speed-ups must not change results: anchor windows vs a full scan; the gazetteer cache."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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
