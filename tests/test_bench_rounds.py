"""The benchmark's interleaved throughput rounds (``bench/run.py``): every tool makes whole
passes, the order rotates from round to round, and a tool drops out at its target."""

from __future__ import annotations

import datetime
import importlib.util
import sys
from pathlib import Path
from typing import Any

from libyaie._evaluate import GoldDocument

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("yaie_bench_run", ROOT / "bench" / "run.py")
assert _spec is not None and _spec.loader is not None
bench: Any = importlib.util.module_from_spec(_spec)
sys.modules["yaie_bench_run"] = bench
_spec.loader.exec_module(bench)

CORPUS = [GoldDocument(path=f"d{i}.txt", text="x" * 10, lang="en", dct=datetime.date(2020, 1, 1))
          for i in range(3)]


def _recorder(name: str, calls: list[str]) -> Any:
    def run(text: str, lang: str, dct: datetime.date | None) -> None:
        calls.append(name)
    return run


def test_rounds_interleave_rotate_and_stop_at_the_target() -> None:
    calls: list[str] = []
    runs = {n: _recorder(n, calls) for n in ("a", "b", "c")}
    out = bench.throughput_rounds(runs, CORPUS, target_chars=60, budget_s=1e9)
    # 30 chars per pass: every tool stops after two passes, one in each round
    assert {n: r["passes"] for n, r in out.items()} == {"a": 2, "b": 2, "c": 2}
    assert all(r["chars"] == 60 and r["docs"] == 6 and r["cps"] > 0 for r in out.values())
    passes = [calls[i] for i in range(0, len(calls), len(CORPUS))]  # the tool of each pass
    assert passes == ["a", "b", "c", "b", "c", "a"]  # round 2 starts one tool later


def test_a_tool_always_makes_one_whole_pass_and_the_others_go_on() -> None:
    calls: list[str] = []
    runs = {"fast": _recorder("fast", calls), "slow": _recorder("slow", calls)}
    out = bench.throughput_rounds(runs, CORPUS, target_chars=1, budget_s=1e9)
    assert out["fast"]["passes"] == out["slow"]["passes"] == 1
    assert out["fast"]["docs"] == len(CORPUS)
    single = bench.throughput(runs["fast"], CORPUS, 90, 1e9)
    assert single["passes"] == 3 and single["chars"] == 90
