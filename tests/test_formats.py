"""``libyaie.formats``: TimeML/TIMEX3, GeoJSON and the HTML highlight view."""

from __future__ import annotations

import datetime
import math
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import libyaie
from libyaie import DateMention, Document, Person, PersonMention, Place, PlaceMention, TitleMention
from libyaie.formats import to_geojson, to_html, to_timex3
from libyaie.formats._common import sentence_at

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
REF = datetime.date(2020, 12, 28)

TRIPOLI = Place(id="ly-tripoli", geonames_id=2210247, name="Tripoli", kind="city", country="LY",
                lat=32.88743, lon=13.18733)
LIBYA = Place(id="ly", geonames_id=2215636, name="Libya", kind="country", country="LY")
CAMP = Place(id="ly-camp-x", geonames_id=None, name="Camp X", kind="base", country="LY")
SARRAJ = Person("fayez-al-sarraj", "Fayez al-Sarraj")


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int, str]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub), sub


def synthetic() -> Document:
    """A hand-built document: escaping hazards, CRLF, a title containing a place, a crossing
    person/title pair, a place without coordinates and one without a GeoNames id."""
    text = (
        'Thủ tướng Libya Fayez al-Sarraj met <b>"envoys"</b> & co in Tripoli on 27/12.\r\n'
        "Tripoli & Camp X were calm in Jan. 2020. Then more.\n"
        "\n"
        "وصل السراج إلى طرابلس يوم الأحد."
    )
    title = TitleMention(*span(text, "Thủ tướng Libya"), role="prime_minister", country="LY", person=SARRAJ)
    return Document(
        text=text,
        lang="vi",
        reference_date=REF,
        reference_date_source="given",
        dates=[
            DateMention(*span(text, "27/12"), value="2020-12-27", anchored=True),
            DateMention(*span(text, "Jan. 2020"), value="2020-01", mod="START"),
            DateMention(*span(text, "يوم الأحد"), value="2020-12-27", anchored=True),
        ],
        places=[
            PlaceMention(*span(text, "Libya"), place=LIBYA),
            PlaceMention(*span(text, "Tripoli"), place=TRIPOLI),
            PlaceMention(*span(text, "Tripoli", 1), place=TRIPOLI),
            PlaceMention(*span(text, "Camp X"), place=CAMP),
            PlaceMention(*span(text, "طرابلس"), place=TRIPOLI),
        ],
        titles=[title],
        # deliberately crossing the title: "Libya Fayez" (a pathological but possible overlap)
        persons=[PersonMention(*span(text, "Libya Fayez al-Sarraj"), person=SARRAJ, title=title)],
    )


@pytest.fixture(scope="module")
def seed_docs() -> list[Document]:
    return [libyaie.extract(p.read_text(encoding="utf-8"), reference_date=REF) for p in SEEDS]


# --------------------------------------------------------------------------- TIMEX3


def check_timex_text(text_el: ET.Element, doc: Document) -> None:
    assert "".join(text_el.itertext()) == doc.text
    timexes = list(text_el.iter("TIMEX3"))
    dates = list(doc.dates)
    assert [t.text for t in timexes] == [m.text for m in dates]
    assert [t.get("value") for t in timexes] == [m.value for m in dates]
    assert [t.get("type") for t in timexes] == [m.kind.upper() for m in dates]
    assert [t.get("mod") for t in timexes] == [m.mod for m in dates]
    tids = [t.get("tid") for t in timexes]
    assert tids == [f"t{i}" for i in range(1, len(dates) + 1)]
    # the inline elements sit at the mentions' offsets
    pos = len(text_el.text or "")
    for t, m in zip(timexes, dates, strict=True):
        assert pos == m.start
        pos += len(t.text or "") + len(t.tail or "")


def test_timex3_single_document_is_tempeval_shaped() -> None:
    doc = synthetic()
    xml = to_timex3(doc, labels=["a <b>.txt"])
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "TimeML"
    assert [c.tag for c in root] == ["DOCID", "DCT", "TEXT"]
    assert root.findtext("DOCID") == "a <b>.txt"
    (dct,) = root.find("DCT") or []
    assert dct.attrib == {"tid": "t0", "type": "DATE", "value": "2020-12-28", "temporalFunction": "false",
                          "functionInDocument": "CREATION_TIME"}
    text_el = root.find("TEXT")
    assert text_el is not None
    check_timex_text(text_el, doc)
    t1 = next(text_el.iter("TIMEX3"))
    assert t1.get("anchorTimeID") == "t0" and t1.get("temporalFunction") == "true"
    assert "\r\n" in "".join(text_el.itertext())  # the carriage return survived parsing


def test_timex3_several_documents_one_doc_element_each(seed_docs: list[Document]) -> None:
    xml = to_timex3(seed_docs, labels=[p.name for p in SEEDS])
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "TimeML"
    docs = root.findall("DOC")
    assert len(docs) == len(SEEDS) >= 5
    assert sum(len(d.dates) for d in seed_docs) > 20
    for el, doc, path in zip(docs, seed_docs, SEEDS, strict=True):
        assert el.findtext("DOCID") == path.name
        text_el = el.find("TEXT")
        assert text_el is not None
        check_timex_text(text_el, doc)
    # a list of one document is still a collection
    assert ET.fromstring(to_timex3(seed_docs[:1])).find("DOC") is not None


def test_timex3_types_durations_and_bad_characters() -> None:
    text = "For 6 years\x0b every week, no date."
    doc = Document(
        text=text,
        dates=[
            DateMention(*span(text, "6 years"), value="P6Y", kind="duration"),
            DateMention(*span(text, "every week"), value="P1W", kind="set"),
        ],
    )
    root = ET.fromstring(to_timex3(doc))
    assert root.find("DCT") is None  # no reference date, no creation time
    types = [(t.get("type"), t.get("value"), t.get("anchorTimeID")) for t in root.iter("TIMEX3")]
    assert types == [("DURATION", "P6Y", None), ("SET", "P1W", None)]
    # XML 1.0 cannot carry \x0b: it is replaced, and the rest still round-trips
    assert "".join(root.find("TEXT").itertext()) == text.replace("\x0b", "\ufffd")  # type: ignore[union-attr]


def test_timex3_empty_document() -> None:
    root = ET.fromstring(to_timex3(libyaie.extract("")))
    assert root.findtext("TEXT") in ("", None)


# --------------------------------------------------------------------------- GeoJSON


def validate_geojson_feature_collection(obj: Any) -> None:
    """A small structural validator for what we emit (RFC 7946, Point geometries)."""
    assert isinstance(obj, dict)
    assert obj["type"] == "FeatureCollection"
    assert isinstance(obj["features"], list)
    for f in obj["features"]:
        assert isinstance(f, dict) and f["type"] == "Feature"
        assert set(f) >= {"type", "geometry", "properties"}
        assert "id" not in f or isinstance(f["id"], str | int)
        assert isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is not None:
            assert g["type"] == "Point"
            coords = g["coordinates"]
            assert isinstance(coords, list) and len(coords) == 2
            lon, lat = coords
            for c in coords:
                assert isinstance(c, int | float) and not isinstance(c, bool) and math.isfinite(c)
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_structure_and_properties() -> None:
    doc = synthetic()
    fc = to_geojson(doc, labels=["x.txt"])
    validate_geojson_feature_collection(fc)
    by_id = {f["properties"]["id"]: f for f in fc["features"]}
    assert list(by_id) == ["ly", "ly-tripoli", "ly-camp-x"]  # order of first mention
    trip = by_id["ly-tripoli"]
    assert trip["id"] == 2210247
    assert trip["geometry"] == {"type": "Point", "coordinates": [13.18733, 32.88743]}  # [lon, lat]
    p = trip["properties"]
    assert p["geonames_id"] == 2210247 and p["name"] == "Tripoli" and p["country"] == "LY"
    assert p["kind"] == "city"
    assert p["mention_count"] == 3
    assert p["surface_forms"] == ["Tripoli", "طرابلس"]
    assert p["sentences"] == [
        'Thủ tướng Libya Fayez al-Sarraj met <b>"envoys"</b> & co in Tripoli on 27/12.',
        "Tripoli & Camp X were calm in Jan. 2020.",
        "وصل السراج إلى طرابلس يوم الأحد.",
    ]
    assert p["documents"] == ["x.txt"]
    # no coordinates: listed with a null geometry, not dropped
    assert by_id["ly"]["geometry"] is None
    camp = by_id["ly-camp-x"]
    assert camp["geometry"] is None and camp["id"] == "ly-camp-x"
    assert camp["properties"]["geonames_id"] is None and camp["properties"]["mention_count"] == 1


def test_geojson_merges_places_across_documents(seed_docs: list[Document]) -> None:
    fc = to_geojson(seed_docs, labels=[p.name for p in SEEDS])
    validate_geojson_feature_collection(fc)
    feats = fc["features"]
    keys = [f["properties"]["geonames_id"] or f["properties"]["id"] for f in feats]
    assert len(keys) == len(set(keys))  # one feature per distinct place
    assert sum(f["properties"]["mention_count"] for f in feats) == sum(len(d.places) for d in seed_docs)
    tripoli = next(f for f in feats if f["properties"]["geonames_id"] == 2210247)
    in_docs = [p.name for p, d in zip(SEEDS, seed_docs, strict=True)
               if any(m.place.geonames_id == 2210247 for m in d.places)]
    assert len(in_docs) >= 3 and tripoli["properties"]["documents"] == in_docs
    forms = tripoli["properties"]["surface_forms"]
    assert forms == sorted(set(forms)) and "Tripoli" in forms and "طرابلس" in forms
    assert tripoli["geometry"]["coordinates"][0] == pytest.approx(13.19, abs=0.1)  # longitude first
    for f in feats:
        props = f["properties"]
        assert props["sentences"] and len(props["sentences"]) == len(set(props["sentences"]))
        assert any(form in s for s in props["sentences"] for form in props["surface_forms"])


def test_sentence_at_keeps_abbreviations() -> None:
    text = "Intro. The U.S. envoy met Haftar in Benghazi. Next one."
    s, e, _ = span(text, "Benghazi")
    assert sentence_at(text, s, e) == "The U.S. envoy met Haftar in Benghazi."
    long = "x " * 500 + "Benghazi" + " y" * 500
    s, e, _ = span(long, "Benghazi")
    cut = sentence_at(long, s, e)
    assert "Benghazi" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) < 450


# --------------------------------------------------------------------------- HTML


class Page(HTMLParser):
    """Collects marks (with their nesting), paragraphs and the tags of an HTML page."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: list[str] = []
        self.marks: list[dict[str, Any]] = []
        self.open_marks: list[dict[str, Any]] = []
        self.paragraphs: list[dict[str, Any]] = []
        self.articles: list[dict[str, str]] = []
        self.text_blocks: list[dict[str, str]] = []

    def in_text(self) -> bool:
        return any("ly-text" in a.get("class", "").split() for _, a in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag == "article":
            self.articles.append(a)
        if tag == "div" and "ly-text" in a.get("class", "").split():
            self.text_blocks.append(a)
        if tag == "p" and self.in_text():
            self.paragraphs.append({"attrs": a, "text": ""})
            a = {**a, "_text_p": "1"}
        if tag == "mark" and self.in_text():
            m = {"attrs": a, "text": "", "parents": [x["attrs"]["class"] for x in self.open_marks]}
            self.marks.append(m)
            self.open_marks.append(m)
            a = {**a, "_text_mark": "1"}
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1][0] == tag, (tag, self.stack[-3:])
        _, a = self.stack.pop()
        if a.get("_text_mark"):
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        for m in self.open_marks:
            m["text"] += data
        if any(a.get("_text_p") for _, a in self.stack):
            self.paragraphs[-1]["text"] += data


def parse_page(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    return p


def check_html_document(page: Page, docs: list[Document]) -> None:
    """The DOM of the page agrees with the documents (shared with the browser test)."""
    assert len(page.articles) == len(docs)
    mentions = [m for d in docs for m in d.mentions]
    ids = {m["attrs"]["data-span"] for m in page.marks}
    assert len(ids) == len(mentions)
    for cls in ("ly-date", "ly-place", "ly-title", "ly-person"):
        n = sum(1 for d in docs for m in d.mentions if f"ly-{m.label}" == cls)
        assert len({m["attrs"]["data-span"] for m in page.marks if cls in m["attrs"]["class"].split()}) == n
    for m in page.marks:
        assert m["attrs"]["title"] and m["attrs"]["dir"] == "auto"
    lines = [line.rstrip("\r") for d in docs for line in d.text.split("\n") if line.strip()]
    assert [p["text"] for p in page.paragraphs] == lines


def test_html_marks_hover_and_nesting() -> None:
    doc = synthetic()
    html = to_html(doc, labels=["<x>.txt"])
    page = parse_page(html)
    check_html_document(page, [doc])
    assert "&lt;x&gt;.txt" in html and "<x>" not in html
    # the text's <b> is escaped, not markup
    assert "b" not in page.tags
    by_text: dict[str, list[dict[str, Any]]] = {}
    for m in page.marks:
        by_text.setdefault(m["text"], []).append(m)
    (date,) = by_text["27/12"]
    assert date["attrs"]["class"] == "ly-date" and "2020-12-27" in date["attrs"]["title"]
    assert date["attrs"]["data-label"] == "DATE"
    assert "START" in by_text["Jan. 2020"][0]["attrs"]["title"]
    tripoli = by_text["Tripoli"][0]["attrs"]["title"]
    assert "2210247" in tripoli and "Tripoli" in tripoli
    assert "libyaie ly-camp-x" in by_text["Camp X"][0]["attrs"]["title"]
    # the person crosses the title: the title holds the place; the person is cut in two pieces
    title = next(m for m in page.marks if "ly-title" in m["attrs"]["class"])
    assert "prime_minister" in title["attrs"]["title"] and "Fayez al-Sarraj" in title["attrs"]["title"]
    libya = next(m for m in page.marks if m["text"] == "Libya" and "ly-place" in m["attrs"]["class"])
    assert any("ly-title" in p for p in libya["parents"])
    pieces = [m for m in page.marks if "ly-person" in m["attrs"]["class"]]
    assert len(pieces) == 2 and len({p["attrs"]["data-span"] for p in pieces}) == 1
    assert "".join(p["text"] for p in pieces) == "Libya Fayez al-Sarraj"
    assert pieces[1]["attrs"]["class"].split() == ["ly-person", "ly-cont"]
    assert "PERSON Fayez al-Sarraj" in pieces[0]["attrs"]["title"]
    # paragraph directions: Latin lines ltr, the Arabic line rtl
    assert [p["attrs"]["dir"] for p in page.paragraphs] == ["ltr", "ltr", "rtl"]


def test_html_is_self_contained_with_legend() -> None:
    html = to_html(synthetic())
    low = html.lower()
    for banned in ("<script", "<link", "src=", "url(", "@import", "http://", "https://"):
        assert banned not in low
    assert "<style>" in html and html.startswith("<!DOCTYPE html>")
    legend = html[html.index('class="ly-legend"') : html.index("</ul>")]
    for label in ("DATE", "PLACE", "TITLE", "PERSON"):
        assert label in legend


def test_html_arabic_document_direction(seed_docs: list[Document]) -> None:
    arabic = [d for d in seed_docs if d.lang == "ar"]
    assert arabic
    page = parse_page(to_html(seed_docs, labels=[p.name for p in SEEDS]))
    check_html_document(page, seed_docs)
    for block, doc in zip(page.text_blocks, seed_docs, strict=True):
        if doc.lang == "ar":
            assert block["lang"] == "ar" and block["dir"] == "rtl"
        else:
            assert block["dir"] == "auto" and block.get("lang") == doc.lang
    assert {p["attrs"]["dir"] for p in page.paragraphs} >= {"rtl", "ltr"}


def test_formats_reject_non_documents() -> None:
    with pytest.raises(TypeError, match="str"):
        to_html(["not a document"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="label"):
        to_geojson([synthetic()], labels=["a", "b"])
