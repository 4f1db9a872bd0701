"""The spaCy pipeline component (optional extra ``libyaie[spacy]``)."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

import libyaie  # noqa: E402
import libyaie.spacy_component  # noqa: E402  (registers the factory when not installed)

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Libyan Prime Minister Fayez al-Serraj met Egyptian Foreign Minister Sameh Shoukry "
    "in Cairo on Sunday. وصل الوفد المصري وطرابلس يوم الأحد."
)


def spans_of(doc: object) -> list[tuple[str, str, object, object, object, object]]:
    return [
        (s.label_, s.text, s._.timex, s._.geonames_id, s._.role, s._.person)
        for s in doc.spans["libyaie"]  # type: ignore[attr-defined]
    ]


def test_blank_pipeline_spans_and_attributes() -> None:
    nlp = spacy.blank("xx")
    nlp.add_pipe("libyaie", config={"reference_date": "2020-12-28"})
    doc = nlp(TEXT)
    got = spans_of(doc)
    expected = libyaie.extract(TEXT, reference_date=datetime.date(2020, 12, 28))
    assert len(got) == len(expected.mentions) >= 10
    assert {s[0] for s in got} == {"DATE", "PLACE", "TITLE", "PERSON"}
    assert ("DATE", "Sunday", "2020-12-27", None, None, None) in got
    assert ("PLACE", "Cairo", None, 360630, None, None) in got
    assert ("TITLE", "Prime Minister", None, None, "prime_minister", "Fayez al-Sarraj") in got
    assert ("PERSON", "Fayez al-Serraj", None, None, "prime_minister", "Fayez al-Sarraj") in got
    assert ("TITLE", "Foreign Minister", None, None, "foreign_minister", "Sameh Shoukry") in got
    # aligned to tokens: every span starts and ends on token boundaries
    for s in doc.spans["libyaie"]:
        assert s.start_char == doc[s.start].idx and s.end_char == doc[s.end - 1].idx + len(doc[s.end - 1])
    # the mention inside the clitic token "وطرابلس" is expanded to the whole token
    tripoli = [s for s in doc.spans["libyaie"] if s._.geonames_id == 2210247]
    assert [s.text for s in tripoli] == ["وطرابلس"]


def test_reference_date_config_and_per_document_override() -> None:
    plain = spacy.blank("xx")
    plain.add_pipe("libyaie")
    assert ("DATE", "Sunday", "XXXX-XX-XX", None, None, None) in spans_of(plain("Haftar met envoys on Sunday."))
    nlp = spacy.blank("xx")
    nlp.add_pipe("libyaie", config={"reference_date": "2020-12-28"})
    doc = nlp.make_doc("Haftar met envoys on Sunday.")
    doc._.reference_date = datetime.date(2021, 1, 8)  # a Friday
    doc = nlp(doc)
    assert ("DATE", "Sunday", "2021-01-03", None, None, None) in spans_of(doc)


def test_bad_reference_date_is_rejected() -> None:
    nlp = spacy.blank("xx")
    with pytest.raises(ValueError, match="2020-13-01"):
        nlp.add_pipe("libyaie", config={"reference_date": "2020-13-01"})


def test_user_gazetteer_and_spans_key(tmp_path: Path) -> None:
    gaz = tmp_path / "mine.toml"
    gaz.write_text(
        '[[place]]\nid = "ly-abu-qurayn"\nname = "Abu Qurayn"\nkind = "city"\ncountry = "LY"\n'
        'source = "test"\n[place.names]\nen = ["Abu Grein"]\n',
        encoding="utf-8",
    )
    nlp = spacy.blank("en")
    nlp.add_pipe("libyaie", config={"gazetteers": [str(gaz)], "spans_key": "ie"})
    doc = nlp("Forces advanced on Abu Grein.")
    assert [(s.label_, s.text) for s in doc.spans["ie"]] == [("PLACE", "Abu Grein")]
    assert "libyaie" not in doc.spans


def test_spans_survive_serialisation() -> None:
    nlp = spacy.blank("xx")
    nlp.add_pipe("libyaie", config={"reference_date": "2020-12-28"})
    doc = nlp(TEXT)
    from spacy.tokens import Doc

    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert spans_of(again) == spans_of(doc)
    # the pipeline's config round-trips (the component is rebuilt from it)
    nlp2 = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    assert spans_of(nlp2(TEXT)) == spans_of(doc)


def test_entry_point_registers_the_factory_without_import() -> None:
    eps = entry_points(group="spacy_factories", name="libyaie")
    if not eps:
        pytest.skip("libyaie is not installed (no spacy_factories entry point); run from an installed copy")
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('xx'); nlp.add_pipe('libyaie')\n"
        "doc = nlp('Haftar visited Benghazi.')\n"
        "print('libyaie.spacy_component' in sys.modules, [(s.label_, s.text) for s in doc.spans['libyaie']])\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "True [('PERSON', 'Haftar'), ('PLACE', 'Benghazi')]"
