"""Gold markup parsing and scoring (libyaie._evaluate, CONTRACT.md §6)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from libyaie import DateMention, Document, Person, PersonMention, Place, PlaceMention, TitleMention
from libyaie._evaluate import (
    ALL,
    KINDS,
    EvaluationReport,
    GoldFormatError,
    Score,
    evaluate,
    fold_name,
    parse_gold,
    read_gold,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = SEEDS / "gold"

TRIPOLI = Place(id="ly-tripoli", geonames_id=2210247, name="Tripoli", kind="city", country="LY")
TRIPOLI_LB = Place(id="lb-tripoli", geonames_id=266826, name="Tripoli", kind="city", country="LB")
LIBYA = Place(id="ly", geonames_id=2215636, name="Libya", kind="country", country="LY")


class FakeExtractor:
    """Returns a prepared Document for each text and records the calls."""

    def __init__(self, docs: dict[str, Document]) -> None:
        self.docs = docs
        self.calls: list[tuple[str, datetime.date | None]] = []

    def extract(self, text: str, *, reference_date: datetime.date | None = None) -> Document:
        self.calls.append((text, reference_date))
        return self.docs.get(text, Document(text=text))


def _span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def _write(tmp_path: Path, name: str, content: str) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(content, encoding="utf-8")
    return p


# --------------------------------------------------------------------------- parse_gold


def test_parse_header_text_and_offsets() -> None:
    g = parse_gold(
        "# lang=vi dct=2020-12-28\n"
        "Tại {{p:2210247|Tripoli}} {{d:2020-12-27|ngày 27/12}}, {{x:|quan chức}} nói.\n"
        "{{t:foreign_minister;q=deputy;c=RU|Thứ trưởng Ngoại giao}} {{n:Sergey Vershinin/Sergei Vershinin|Vershinin}}"
    )
    assert g.lang == "vi"
    assert g.dct == datetime.date(2020, 12, 28)
    assert g.text == "Tại Tripoli ngày 27/12, quan chức nói.\nThứ trưởng Ngoại giao Vershinin"
    assert [m.kind for m in g.mentions] == ["place", "date", "distractor", "title", "person"]
    for m in g.mentions:
        assert g.text[m.start : m.end] == m.surface
    place, date, x, title, person = g.mentions
    assert (place.start, place.end, place.values) == (4, 11, ("2210247",))
    assert date.values == ("2020-12-27",)
    assert date.line == 2 and title.line == 3
    assert not x.scored and x.values == ()
    assert title.values == ("foreign_minister",)
    assert title.qualifier == "deputy" and title.country == "RU"
    assert title.attrs == "foreign_minister;q=deputy;c=RU"
    assert person.values == ("Sergey Vershinin", "Sergei Vershinin")
    assert g.scored == (place, date, title, person)
    assert g.distractors == (x,)
    assert g.of_kind("dates") == (date,) and g.of_kind("person") == (person,)


def test_parse_alternatives_and_options() -> None:
    g = parse_gold(
        "# lang=ar\n"
        "{{d:2020-12-27/2020-12-27TMO|الأحد}} {{d:2021;mod=END|cuối năm 2021}} "
        "{{p:357994;adj|مصري}} {{t:interior_minister/foreign_minister;c=LY|وزيري}}"
    )
    assert g.dct is None and g.lang == "ar"
    d1, d2, p, t = g.mentions
    assert d1.values == ("2020-12-27", "2020-12-27TMO") and d1.mod is None
    assert d2.values == ("2021",) and d2.mod == "END"
    assert p.values == ("357994",) and p.adjective
    assert t.values == ("interior_minister", "foreign_minister") and t.qualifier is None


def test_parse_without_header_and_no_marks() -> None:
    g = parse_gold("plain text, no header\nsecond line\n")
    assert g.lang == "und" and g.dct is None
    assert g.text == "plain text, no header\nsecond line\n"
    assert g.mentions == ()
    assert parse_gold("# lang=en\n").text == ""


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("# lang=en\nok line\nbroken {{p:2210247|Tripoli here\n", 3, "not closed"),
        ("# lang=en\n\n\n{{q:1|x}}", 4, "unknown mark kind"),
        ("# lang=en dct=2020-13-45\ntext", 1, "dct"),
        ("# lang=en dtc=2020-12-28\ntext", 1, "unknown header key"),
        ("# lang=en\n{{p:Tripoli|Tripoli}}", 2, "GeoNames id"),
        ("# lang=en\n{{t:prime_ministre|PM}}", 2, "unknown role"),
        ("# lang=en\n{{d:2020;mod=SOON|x}}", 2, "mod"),
        ("# lang=en\n{{n:|Someone}}", 2, "empty"),
        ("# lang=en\n{{p:88319|}}", 2, "empty surface"),
        ("# lang=en\na}}b", 2, "'}}'"),
        ("# lang=en\n{{p:1|a {{p:2|b}}}}", 2, "nested"),
        ("# lang=en\n{{p:88319 Benghazi}}", 2, "|surface"),
    ],
)
def test_malformed_markup_reports_path_and_line(content: str, line: int, fragment: str) -> None:
    with pytest.raises(GoldFormatError) as info:
        parse_gold(content, "gold/x.txt")
    err = info.value
    assert err.path == "gold/x.txt"
    assert err.line == line
    assert str(err).startswith(f"gold/x.txt:{line}: ")
    assert fragment in str(err)


def test_read_gold_rejects_undecodable_bytes(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(b"# lang=en\nok\n\xff\xfe\x00bad")
    with pytest.raises(GoldFormatError) as info:
        read_gold(p)
    assert info.value.line == 3


@pytest.mark.parametrize("gold_path", sorted(GOLD.glob("*.txt")), ids=lambda p: p.name)
def test_seed_gold_plain_text_equals_seed(gold_path: Path) -> None:
    g = read_gold(gold_path)
    assert g.text == (SEEDS / gold_path.name).read_text(encoding="utf-8")
    assert g.lang in {"ar", "vi", "id", "en"}
    assert g.dct is not None
    assert g.scored, "seed gold has marks"
    for m in g.mentions:
        assert g.text[m.start : m.end] == m.surface


def test_seed_gold_directory_is_found() -> None:
    assert len(sorted(GOLD.glob("*.txt"))) >= 5


# --------------------------------------------------------------------------- folding


@pytest.mark.parametrize(
    "variant",
    ["Fayez al-Sarraj", "Fayez Al Sarraj", "Fayez El-Sarraj", "FAYEZ AL-SARRAJ", "Fayez  el  Sarraj", "Fayez Sarraj"],
)
def test_fold_name_articles_and_case(variant: str) -> None:
    assert fold_name(variant) == fold_name("Fayez al-Sarraj") == "fayez sarraj"


def test_fold_name_diacritics_and_tashkeel() -> None:
    assert fold_name("Khalīfa Ḥaftar") == "khalifa haftar"
    assert fold_name("Trần Đức") == "tran duc"
    assert fold_name("مُحَمَّد") == fold_name("محمد")
    assert fold_name("Fayez Sarraj") != fold_name("Fayez Serraj")


# --------------------------------------------------------------------------- scoring


def _gold_file(tmp_path: Path, name: str, body: str, header: str = "# lang=en dct=2020-12-28") -> Path:
    return _write(tmp_path, name, f"{header}\n{body}")


def test_scoring_overlap_and_key(tmp_path: Path) -> None:
    body = "On {{d:2020-12-27|Sunday}} {{n:Fayez al-Sarraj|al-Sarraj}} met in {{p:2210247|Tripoli}} and {{p:2215636|Libya}}."
    path = _gold_file(tmp_path, "a.txt", body)
    text = read_gold(path).text
    s_sun, s_sar, s_tri = _span(text, "Sunday"), _span(text, "al-Sarraj"), _span(text, "Tripoli")
    s_lib = _span(text, "Libya")
    doc = Document(
        text=text,
        dates=[
            # overlaps "Sunday" only partly, right value -> match
            DateMention(s_sun[0] - 3, s_sun[0] + 3, text[s_sun[0] - 3 : s_sun[0] + 3], value="2020-12-27"),
        ],
        places=[
            # wrong id on Tripoli -> FP, and Tripoli missed
            PlaceMention(*s_tri, "Tripoli", place=TRIPOLI_LB),
            # right id but no overlap (on "met") -> FP
            PlaceMention(*_span(text, "met"), "met", place=LIBYA),
            # right id, exact span -> match
            PlaceMention(*s_lib, "Libya", place=LIBYA),
        ],
        persons=[
            # right name, spans touch but do not overlap -> FP
            PersonMention(s_sar[1], s_sar[1] + 4, text[s_sar[1] : s_sar[1] + 4], person=Person(None, "Fayez al-Sarraj")),
        ],
    )
    fake = FakeExtractor({text: doc})
    report = evaluate([path], extractor=fake)
    assert fake.calls == [(text, datetime.date(2020, 12, 28))]
    assert report.scores[("en", "dates")] == Score(tp_pred=1, n_pred=1, tp_gold=1, n_gold=1)
    assert report.scores[("en", "places")] == Score(tp_pred=1, n_pred=3, tp_gold=1, n_gold=2)
    assert report.scores[("en", "persons")] == Score(tp_pred=0, n_pred=1, tp_gold=0, n_gold=1)
    assert report.scores[("en", "titles")] == Score()
    assert report.scores[("en", "all")] == Score(2, 5, 2, 4)
    assert report.scores[(ALL, "all")] == Score(2, 5, 2, 4)
    places = report.scores[("en", "places")]
    assert places.precision == pytest.approx(1 / 3)
    assert places.recall == pytest.approx(0.5)
    assert places.f1 == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))

    missed = {(d.kind, d.surface) for d in report.misses}
    assert missed == {("places", "Tripoli"), ("persons", "al-Sarraj")}
    tripoli_miss = next(d for d in report.misses if d.surface == "Tripoli")
    assert tripoli_miss.expected == "2210247" and tripoli_miss.predicted == "266826"
    assert tripoli_miss.span == s_tri
    fps = {(d.kind, d.surface, d.predicted) for d in report.false_positives}
    assert fps == {("places", "Tripoli", "266826"), ("places", "met", "2215636"), ("persons", text[s_sar[1] : s_sar[1] + 4], "Fayez al-Sarraj")}
    assert all(d.file == str(path) and d.lang == "en" for d in (*report.misses, *report.false_positives))


def test_scoring_alternative_values_and_roles(tmp_path: Path) -> None:
    body = "{{d:2020-12-27/2020-12-27TMO|Sunday morning}} {{t:intelligence_chief/head;c=LY|head of intelligence}}"
    path = _gold_file(tmp_path, "b.txt", body)
    text = read_gold(path).text
    s_d, s_t = _span(text, "Sunday morning"), _span(text, "head of intelligence")
    doc = Document(
        text=text,
        dates=[DateMention(*s_d, "Sunday morning", value="2020-12-27TMO")],
        titles=[
            TitleMention(*s_t, "head of intelligence", role="head"),
            TitleMention(*s_t, "head of intelligence", role="minister"),
        ],
    )
    report = evaluate([path], extractor=FakeExtractor({text: doc}))
    assert report.scores[("en", "dates")] == Score(1, 1, 1, 1)
    assert report.scores[("en", "titles")] == Score(1, 2, 1, 1)
    (fp,) = report.false_positives
    assert (fp.kind, fp.predicted, fp.expected) == ("titles", "minister", "intelligence_chief/head")


@pytest.mark.parametrize("predicted", ["Fayez al-Sarraj", "Fayez Al Sarraj", "Fayez El-Sarraj", "fayez el sarraj"])
def test_scoring_person_name_folding(tmp_path: Path, predicted: str) -> None:
    path = _gold_file(tmp_path, "c.txt", "PM {{n:Fayez al-Sarraj/Fayez al-Serraj|Fayez El-Sarraj}} said.")
    text = read_gold(path).text
    s = _span(text, "Fayez El-Sarraj")
    doc = Document(text=text, persons=[PersonMention(*s, text[s[0] : s[1]], person=Person(None, predicted))])
    report = evaluate([path], extractor=FakeExtractor({text: doc}))
    assert report.scores[("en", "persons")] == Score(1, 1, 1, 1)
    assert report.misses == () and report.false_positives == ()


def test_scoring_person_wrong_name_is_not_folded_away(tmp_path: Path) -> None:
    path = _gold_file(tmp_path, "c.txt", "PM {{n:Fayez al-Sarraj|Fayez El-Sarraj}} said.")
    text = read_gold(path).text
    s = _span(text, "Fayez El-Sarraj")
    doc = Document(text=text, persons=[PersonMention(*s, text[s[0] : s[1]], person=Person(None, "Fathi Bashagha"))])
    report = evaluate([path], extractor=FakeExtractor({text: doc}))
    assert report.scores[("en", "persons")] == Score(0, 1, 0, 1)


def test_distractor_is_not_gold_but_prediction_on_it_is_fp(tmp_path: Path) -> None:
    path = _gold_file(tmp_path, "d.txt", "The {{x:|officials}} met {{x:|today}}.")
    text = read_gold(path).text
    s = _span(text, "today")
    doc = Document(text=text, dates=[DateMention(*s, "today", value="2020-12-28")])
    report = evaluate([path], extractor=FakeExtractor({text: doc}))
    assert report.scores[("en", "dates")] == Score(0, 1, 0, 0)
    assert report.scores[(ALL, "all")].n_gold == 0
    (fp,) = report.false_positives
    assert fp.distractor and fp.expected is None
    assert "(distractor)" in report.format(verbose=True)


def test_per_language_directories_and_format(tmp_path: Path) -> None:
    _write(tmp_path, "g/en/1.txt", "# lang=en dct=2020-12-28\nIn {{p:2210247|Tripoli}}.")
    _write(tmp_path, "g/vi/2.txt", "# lang=vi dct=2020-12-28\nTại {{p:2210247|Tripoli}} {{d:2014|năm 2014}}.")
    _write(tmp_path, "g/notes.md", "{{ not gold")
    en_text = "In Tripoli."
    s = _span(en_text, "Tripoli")
    fake = FakeExtractor({en_text: Document(text=en_text, places=[PlaceMention(*s, "Tripoli", place=TRIPOLI)])})
    report = evaluate([tmp_path / "g"], extractor=fake)
    assert isinstance(report, EvaluationReport)
    assert [Path(f).name for f in report.files] == ["1.txt", "2.txt"]
    assert report.languages == ("en", "vi")
    assert report.scores[("en", "places")] == Score(1, 1, 1, 1)
    assert report.scores[("vi", "places")] == Score(0, 0, 0, 1)
    assert report.scores[(ALL, "places")] == Score(1, 1, 1, 2)
    assert report.scores[(ALL, "dates")] == Score(0, 0, 0, 1)

    table = report.format(verbose=False)
    rows = [line.split() for line in table.splitlines()]
    for lang in ("en", "vi", ALL):
        for kind in (*KINDS, "all"):
            assert any(r[:2] == [lang, kind] for r in rows), (lang, kind)
    all_places = next(r for r in rows if r[:2] == [ALL, "places"])
    assert all_places[2:] == ["1/1", "1.000", "1/2", "0.500", "0.667"]
    assert "MISS" not in table

    verbose = report.format(verbose=True)
    assert "MISS" in verbose and "năm 2014" in verbose and "expected 2014" in verbose
    assert str(tmp_path / "g" / "vi" / "2.txt") in verbose


def test_evaluate_raises_on_malformed_and_missing(tmp_path: Path) -> None:
    _write(tmp_path, "ok.txt", "# lang=en\nfine")
    bad = _write(tmp_path, "bad.txt", "# lang=en\nfine\n{{z:1|oops}}")
    with pytest.raises(GoldFormatError) as info:
        evaluate([tmp_path], extractor=FakeExtractor({}))
    assert info.value.path == str(bad) and info.value.line == 3
    with pytest.raises(FileNotFoundError):
        evaluate([tmp_path / "missing.txt"], extractor=FakeExtractor({}))


def test_evaluate_seed_gold_with_default_pipeline() -> None:
    report = evaluate([GOLD])
    total = report.scores[(ALL, "all")]
    n_gold = sum(len(read_gold(p).scored) for p in GOLD.glob("*.txt"))
    assert total.n_gold == n_gold > 0
    assert 0 <= total.tp_gold <= total.n_gold
    assert 0 <= total.tp_pred <= total.n_pred
    assert len(report.misses) == total.n_gold - total.tp_gold
    assert len(report.false_positives) == total.n_pred - total.tp_pred
