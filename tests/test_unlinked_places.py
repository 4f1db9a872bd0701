"""Built-in places with no GeoNames id are reported only on request (``unlinked_places``);
they still take part in every decision, and the places of the user's own files are
always reported."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import libyaie
from libyaie._gazetteer import get as builtin_gazetteer

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Forces loyal to Haftar took Ras Lanuf and Es Sider, then moved on Sirte and the Sharara field."


def _places(doc: libyaie.Document) -> list[tuple[str, int | None]]:
    return [(p.text, p.place.geonames_id) for p in doc.places]


def test_unlinked_builtin_places_exist() -> None:
    # (the premise of the other tests: the built-in data has such places)
    unlinked = {p.name for p in builtin_gazetteer().places.values() if p.geonames_id is None}
    assert {"Ras Lanuf", "Es Sider", "Sharara oil field"} <= unlinked


def test_default_reports_linked_places_only() -> None:
    doc = libyaie.extract(TEXT)
    assert _places(doc) == [("Sirte", 2210554)]
    assert all(p.place.geonames_id is not None for p in doc.places)


def test_unlinked_places_on_request() -> None:
    doc = libyaie.Extractor(unlinked_places=True).extract(TEXT)
    got = _places(doc)
    assert ("Ras Lanuf", None) in got and ("Es Sider", None) in got and ("Sirte", 2210554) in got
    for p in doc.places:
        assert TEXT[p.start : p.end] == p.text


def test_unlinked_place_still_blocks_its_span() -> None:
    # the unreported place keeps its span: nothing else is read inside it
    with_ = libyaie.Extractor(unlinked_places=True).extract(TEXT)
    without = libyaie.extract(TEXT)
    linked = [(p.start, p.end, p.place.id) for p in with_.places if p.place.geonames_id is not None]
    assert [(p.start, p.end, p.place.id) for p in without.places] == linked
    assert with_.titles == without.titles and with_.persons == without.persons and with_.dates == without.dates


def test_own_gazetteer_places_are_reported_without_id(tmp_path: Path) -> None:
    f = tmp_path / "mine.toml"
    f.write_text(
        '[[place]]\nid = "ly-abu-qurayn"\nname = "Abu Qurayn"\nkind = "city"\ncountry = "LY"\n'
        'source = "test"\n[place.names]\nen = ["Abu Qurayn"]\n',
        encoding="utf-8",
    )
    doc = libyaie.Extractor(extra_gazetteers=[f]).extract("Forces advanced on Abu Qurayn and Ras Lanuf.")
    assert _places(doc) == [("Abu Qurayn", None)]


def test_option_pickles_and_is_checked() -> None:
    ex = pickle.loads(pickle.dumps(libyaie.Extractor(unlinked_places=True)))
    assert ("Ras Lanuf", None) in _places(ex.extract(TEXT))
    with pytest.raises(TypeError, match="unlinked_places"):
        libyaie.Extractor(unlinked_places="yes")  # type: ignore[arg-type]


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_many_passes_the_option(workers: int) -> None:
    texts = [TEXT, "Clashes near Ras Lanuf.", "No place here."]
    want = [libyaie.Extractor(unlinked_places=True).extract(t) for t in texts]
    assert list(libyaie.extract_many(texts, unlinked_places=True, workers=workers)) == want
    assert list(libyaie.extract_many(texts, workers=workers)) == [libyaie.extract(t) for t in texts]
    assert want != [libyaie.extract(t) for t in texts]
    with pytest.raises(TypeError, match="unlinked_places"):
        libyaie.extract_many(texts, unlinked_places=1)  # type: ignore[arg-type]


@pytest.mark.parametrize(("flag", "expect"), [((), False), (("--unlinked-places",), True)])
def test_cli_flag(tmp_path: Path, flag: tuple[str, ...], expect: bool) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "libyaie", "extract", "-", "--format", "jsonl", *flag],
        input=TEXT.encode("utf-8"), capture_output=True, timeout=300, cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    (doc,) = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    names = [p["place"]["name"] for p in doc["places"]]
    assert ("Ras Lanuf" in names) is expect
    assert "Sirte" in names
