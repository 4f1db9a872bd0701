"""The HTML highlight view rendered by a real browser (headless Chromium).

Skipped when no Chromium binary is found (``LIBYAIE_CHROMIUM`` may name one).
CI installs Debian's ``chromium`` package.  The screenshot is kept as a test
artifact under ``test-artifacts/``.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_formats import check_html_document, parse_page, synthetic

import libyaie
from libyaie.formats import to_html

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
REF = datetime.date(2020, 12, 28)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_chromium() -> str | None:
    env = os.environ.get("LIBYAIE_CHROMIUM")
    if env:
        return shutil.which(env) or (env if Path(env).is_file() else None)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium binary found (looked for " + ", ".join(CANDIDATES) + "; set LIBYAIE_CHROMIUM "
    "or install Debian's 'chromium' package)",
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, timeout=180, check=False)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[libyaie.Document]]:
    # an Arabic seed first (right-to-left rendering), a Vietnamese one, and the synthetic
    # document with nested and crossing mentions and escaping hazards
    seeds = [p for p in SEEDS if p.name.startswith(("001_", "003_"))]
    assert len(seeds) == 2
    docs = [libyaie.extract(p.read_text(encoding="utf-8"), reference_date=REF) for p in seeds]
    docs.append(synthetic())
    labels = [p.name for p in seeds] + ["synthetic <test>"]
    path = tmp_path_factory.mktemp("html") / "view.html"
    path.write_text(to_html(docs, labels=labels), encoding="utf-8")
    return path, docs


def test_dom_in_headless_chromium(tmp_path: Path, page_file: tuple[Path, list[libyaie.Document]]) -> None:
    path, docs = page_file
    proc = chromium(tmp_path, "--dump-dom", path.as_uri())
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    dom = proc.stdout.decode("utf-8")
    # the DOM as the browser serialises it (it joins <html> and <head>), not our file echoed back
    assert '<html lang="en"><head>' in dom and dom != path.read_text(encoding="utf-8")
    page = parse_page(dom)
    check_html_document(page, docs)
    arabic = page.text_blocks[0]
    assert docs[0].lang == "ar" and arabic["lang"] == "ar" and arabic["dir"] == "rtl"
    # the Arabic article's paragraphs are right-to-left, with Arabic places marked
    ar_places = [m for m in page.marks if m["attrs"]["data-span"].startswith("d1-") and "ly-place" in m["attrs"]["class"]]
    assert any(m["text"] == "طرابلس" and "GeoNames 2210247" in m["attrs"]["title"] for m in ar_places)
    # hover texts carry the normalised values
    titles = [m["attrs"]["title"] for m in page.marks]
    assert any(t.startswith("DATE 2020-12-27") for t in titles)
    assert any(t.startswith("TITLE foreign_minister (deputy)") for t in titles)
    assert any(t.startswith("PERSON Khalifa Haftar") for t in titles)
    # nested place inside a title survived the browser's parsing
    assert any("ly-title" in " ".join(m["parents"]) and "ly-place" in m["attrs"]["class"] for m in page.marks)
    assert "synthetic &lt;test&gt;" in dom


def test_screenshot_artifact(tmp_path: Path, page_file: tuple[Path, list[libyaie.Document]]) -> None:
    path, _ = page_file
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-view.png"
    if shot.exists():
        shot.unlink()
    proc = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,900", path.as_uri())
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 900)
    # a blank page compresses to a few kilobytes; coloured, text-filled marks do not
    assert len(data) > 30_000, len(data)
