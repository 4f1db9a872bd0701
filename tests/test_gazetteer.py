"""Loader validation: every kind of fault names the file, the line and the entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from libyaie import Extractor, GazetteerError, _gazetteer
from libyaie._codes import ROLES


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "gz"
    (root / "places").mkdir(parents=True)
    (root / "persons").mkdir()
    return root


def _write(p: Path, text: str) -> Path:
    p.write_text(text, encoding="utf-8")
    return p


GOOD_PLACE = """
[[place]]
id = "ly-test"
name = "Testville"
kind = "city"
country = "LY"
geonames_id = 99999991
lat = 32.0
lon = 13.0
source = "test"
[place.names]
ar = ["تست"]
"""


def test_builtin_gazetteer_loads(gaz: _gazetteer.Gazetteer) -> None:
    assert len(gaz.places) > 800
    assert len(gaz.persons) >= 300
    assert gaz.places["ly"].geonames_id == 2215636
    assert gaz.places["ly-tripoli"].geonames_id == 2210247
    assert gaz.places["lb-tripoli"].geonames_id == 266826
    assert gaz.places["ly-benghazi"].geonames_id == 88319
    for pe in gaz.persons.values():
        for o in pe.offices:
            assert o.role in ROLES


def test_valid_minimal(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(root / "places" / "a.toml", GOOD_PLACE)
    g = _gazetteer.load(root)
    assert g.places["ly-test"].names["ar"] == ("تست",)
    assert [h.key for h in g.scan("وتست")] == ["تست"]


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(root / "places" / "bad.toml", GOOD_PLACE + "\n[[place]]\nid = \n")
    with pytest.raises(GazetteerError) as ei:
        _gazetteer.load(root)
    assert "bad.toml:" in str(ei.value) and ei.value.line is not None and ei.value.line >= 15


def test_duplicate_id(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(root / "places" / "a.toml", GOOD_PLACE + GOOD_PLACE.replace("99999991", "99999992"))
    with pytest.raises(GazetteerError, match=r"a\.toml:1[0-9]+: \[ly-test\] duplicate place id"):
        _gazetteer.load(root)


def test_duplicate_geonames_id(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(root / "places" / "a.toml", GOOD_PLACE + GOOD_PLACE.replace("ly-test", "ly-test2"))
    with pytest.raises(GazetteerError, match="geonames_id 99999991 used by both"):
        _gazetteer.load(root)


def test_bad_coordinates(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(root / "places" / "a.toml", GOOD_PLACE.replace("lat = 32.0", "lat = 132.0"))
    with pytest.raises(GazetteerError, match=r"a\.toml:2: \[ly-test\] lat 132.0 out of range"):
        _gazetteer.load(root)


def test_unknown_key_and_missing_source(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(root / "places" / "a.toml", GOOD_PLACE.replace('source = "test"', 'sorce = "test"'))
    with pytest.raises(GazetteerError, match="unknown key"):
        _gazetteer.load(root)


def test_unknown_role_code(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(
        root / "persons" / "p.toml",
        '[[person]]\nid = "x-y"\nname = "X Y"\nsource = "t"\n\n[[person.office]]\nrole = "emperor"\ncountry = "LY"\n',
    )
    with pytest.raises(GazetteerError, match=r"p\.toml:1: \[x-y\] office: unknown role code 'emperor'"):
        _gazetteer.load(root)


def test_bad_office_dates(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(
        root / "persons" / "p.toml",
        '[[person]]\nid = "x-y"\nname = "X Y"\nsource = "t"\n[[person.office]]\nrole = "minister"\n'
        'start = "2020-13"\n',
    )
    with pytest.raises(GazetteerError, match="not a valid date"):
        _gazetteer.load(root)


def test_extend_of_unknown_id(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(root / "places" / "a.toml", '[[extend]]\nid = "ly-nowhere"\nsource = "t"\n')
    with pytest.raises(GazetteerError, match="extend of unknown place id"):
        _gazetteer.load(root)


def test_tsv_bad_row(tmp_path: Path) -> None:
    root = _root(tmp_path)
    (root / "generated").mkdir()
    header = "id\tgeonames_id\tname\tkind\tcountry\tlat\tlon\tpopulation\tnames_en\tnames_ar\tnames_vi\tnames_id\tsource\n"
    _write(root / "generated" / "places.tsv", header + "ly\t2215636\tLibya\tcountry\tLY\n")
    with pytest.raises(GazetteerError, match=r"places\.tsv:2: expected 13 columns"):
        _gazetteer.load(root)


def test_user_gazetteer_extends_builtin(tmp_path: Path) -> None:
    extra = _write(
        tmp_path / "mine.toml",
        '[[place]]\nid = "ly-wadi-testa"\nname = "Wadi Testa"\nkind = "region"\ncountry = "LY"\nsource = "t"\n'
        "[place.names]\nen = [\"Wadi Testa\"]\n",
    )
    ex = Extractor(extra_gazetteers=[extra])
    doc = ex.extract("Clashes erupted in Wadi Testa near Tripoli.")
    assert [p.place.name for p in doc.places] == ["Wadi Testa", "Tripoli"]


def test_user_gazetteer_error_is_reported(tmp_path: Path) -> None:
    extra = _write(tmp_path / "mine.toml", "[[place]\n")
    with pytest.raises(GazetteerError, match=r"mine\.toml:1"):
        Extractor(extra_gazetteers=[extra]).extract("x")


def test_builtin_data_dir_is_complete() -> None:
    d = _gazetteer.data_dir()
    for sub in ("generated/places.tsv", "generated/cldr_dates.tsv", "titles/ar.toml", "dates/vi.toml"):
        assert (d / sub).is_file(), sub
    _ = shutil


def test_later_forms_must_be_one_word(tmp_path: Path) -> None:
    root = _root(tmp_path)
    _write(root / "persons" / "p.toml",
           '[[person]]\nid = "x-y"\nname = "Xavi Yolo"\nsource = "t"\nlater = ["Xavi Y"]\n')
    with pytest.raises(GazetteerError, match=r"p\.toml:1: \[x-y\] later: 'Xavi Y' must be one word"):
        _gazetteer.load(root)


def test_later_forms_name_the_person_only_after_the_full_name(tmp_path: Path) -> None:
    extra = _write(
        tmp_path / "mine.toml",
        '[[person]]\nid = "zaid-testawi"\nname = "Zaid Testawi"\nsource = "t"\n'
        'aliases = ["زايد التستاوي"]\nlater = ["Zaid", "زايد"]\n',
    )
    ex = Extractor(extra_gazetteers=[extra])

    def persons(text: str) -> list[tuple[str, str | None]]:
        return [(m.text, m.person.id) for m in ex.extract(text).persons]

    assert persons("Zaid met the envoy. Zaid Testawi then left Tripoli, and Zaid said more.") == [
        ("Zaid Testawi", "zaid-testawi"), ("Zaid", "zaid-testawi")]
    assert persons("وصل زايد التستاوي إلى طرابلس. وقال زايد إن") == [
        ("زايد التستاوي", "zaid-testawi"), ("زايد", "zaid-testawi")]
