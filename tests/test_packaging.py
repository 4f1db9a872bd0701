"""The built wheel carries the gazetteers, and the installed package runs from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contains_gazetteers_and_cli_runs_from_another_directory(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    pytest.importorskip("build")
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    wheel = next(dist.glob("libyaie-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    data_files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "gazetteers").rglob("*") if p.is_file())
    assert data_files
    for rel in data_files:
        assert f"libyaie/{rel}" in names, f"wheel lacks {rel}"
    assert "libyaie/model.py" in names

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(site), str(wheel)],
        check=True, capture_output=True, timeout=600,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    article = work / "a.txt"
    article.write_text((ROOT / "seeds" / "001_d68a4a2d4984eef3.txt").read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    where = subprocess.run(
        [sys.executable, "-c", "import libyaie, libyaie._gazetteer as g; print(libyaie.__file__); print(g.data_dir())"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    assert where[0].startswith(str(site)) and where[1].startswith(str(site))
    out = subprocess.run(
        [sys.executable, "-m", "libyaie", "extract", "a.txt", "--format", "jsonl", "--reference-date", "2020-12-28"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    ).stdout
    doc = json.loads(out.splitlines()[0])
    assert doc["lang"] == "ar"
    assert any(p["place"]["geonames_id"] == 2210247 for p in doc["places"])
