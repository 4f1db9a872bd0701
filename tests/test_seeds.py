"""Seed regression floor: the evaluator on seeds/gold (measured 1.000 for every kind at 0.1.0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from libyaie._evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
FLOOR = {"dates": 0.95, "places": 0.95, "titles": 0.95, "persons": 0.95}


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate([ROOT / "seeds" / "gold"])


@pytest.mark.parametrize("kind", sorted(FLOOR))
def test_seed_floor(report, kind: str) -> None:  # type: ignore[no-untyped-def]
    s = report.scores[("ALL", kind)]
    assert s.f1 >= FLOOR[kind], f"{kind}: F1 {s.f1:.3f} below floor {FLOOR[kind]}"


def test_seed_texts_match_gold() -> None:
    for g in sorted((ROOT / "seeds" / "gold").glob("*.txt")):
        assert (ROOT / "seeds" / g.name).is_file()
