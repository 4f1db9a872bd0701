"""The public API surface (CONTRACT §1–§2)."""

from __future__ import annotations

import datetime
import json
import pickle

import attrs
import pytest

import libyaie
from libyaie import Document

REF = datetime.date(2020, 12, 28)


def test_all_exports() -> None:
    for name in libyaie.__all__:
        assert hasattr(libyaie, name)


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a"], bytearray(b"x")])
def test_non_str_raises_type_error_naming_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        libyaie.extract(bad)  # type: ignore[arg-type]


def test_bad_reference_date_type() -> None:
    with pytest.raises(TypeError):
        libyaie.extract("x", reference_date="2020-12-28")  # type: ignore[arg-type]


def test_empty_string() -> None:
    doc = libyaie.extract("")
    assert doc == Document(text="")
    assert doc.mentions == ()


def test_reference_date_given_and_dateline() -> None:
    d = libyaie.extract("Menlu Mesir tiba di Tripoli hari Minggu.", reference_date=REF)
    assert d.reference_date == REF and d.reference_date_source == "given"
    d2 = libyaie.extract("28 Desember 2020 - Delegasi Mesir tiba di Tripoli pada hari Minggu.")
    assert d2.reference_date == REF and d2.reference_date_source == "dateline"
    assert [m.value for m in d2.dates] == ["2020-12-28", "2020-12-27"]
    d3 = libyaie.extract("Delegasi tiba pada 27/12.")
    assert d3.reference_date is None and d3.reference_date_source is None


def test_never_invents_a_year() -> None:
    doc = libyaie.extract("Phái đoàn tới Tripoli ngày 27/12.")
    assert [m.value for m in doc.dates] == ["XXXX-12-27"]
    assert not doc.dates[0].anchored


def test_language_detection() -> None:
    assert libyaie.extract("وصل الوفد إلى طرابلس").lang == "ar"
    assert libyaie.extract("Phái đoàn đã tới thủ đô Tripoli của Libya").lang == "vi"
    assert libyaie.extract("Delegasi itu mengunjungi ibu kota Libya pada hari Minggu").lang == "id"
    assert libyaie.extract("The delegation visited the capital of Libya on Sunday").lang == "en"
    assert libyaie.extract("12345 !!!").lang == "und"


def test_results_are_values() -> None:
    text = "Egyptian Foreign Minister Sameh Shoukry met Fathi Bashagha in Tripoli last month."
    a = libyaie.extract(text, reference_date=REF)
    b = libyaie.extract(text, reference_date=REF)
    assert a == b and hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(a)) == a
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.lang = "xx"  # type: ignore[misc]
    d = a.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["reference_date"] == "2020-12-28"


def test_mentions_sorted_and_spans_exact() -> None:
    text = "Thứ trưởng Ngoại giao Nga Sergei Vershinin ngày 24-4 cho biết Moscow kêu gọi LNA ngừng tiến quân về Tripoli."
    doc = libyaie.extract(text, reference_date=datetime.date(2019, 4, 25))
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
    t = doc.titles[0]
    assert (t.role, t.qualifier, t.country) == ("foreign_minister", "deputy", "RU")
    assert t.person is not None and t.person.name == "Sergey Vershinin"
    assert [p.place.geonames_id for p in doc.places] == [2017370, 524901, 2210247]


def test_extract_many_lazy_and_ordered() -> None:
    texts = ["Tripoli", "Benghazi", "Cairo"]
    it = libyaie.extract_many(iter(texts))
    first = next(it)
    assert isinstance(first, Document) and first.text == "Tripoli"
    rest = list(it)
    assert [d.text for d in rest if isinstance(d, Document)] == ["Benghazi", "Cairo"]


def test_extract_many_errors_return_and_per_record_dates() -> None:
    out = list(
        libyaie.extract_many(["bulan lalu", b"bad", "bulan lalu"], reference_dates=[REF, None, datetime.date(2021, 3, 1)],  # type: ignore[list-item]
                             errors="return")
    )
    assert isinstance(out[1], libyaie.ExtractionError) and out[1].index == 1
    assert isinstance(out[0], Document) and out[0].dates[0].value == "2020-11"
    assert isinstance(out[2], Document) and out[2].dates[0].value == "2021-02"
    with pytest.raises(TypeError):
        list(libyaie.extract_many(["ok", 3]))  # type: ignore[list-item]


def test_office_holder_inference() -> None:
    doc = libyaie.extract("وأجرى وزير الخارجية الليبي مباحثات في القاهرة.", reference_date=REF)
    t = doc.titles[0]
    assert t.role == "foreign_minister" and t.country == "LY"
    assert t.inferred and t.person is not None and t.person.name == "Mohamed Taha Siala"
    assert doc.persons == ()


def test_lowercase_bare_title_needs_a_person() -> None:
    doc = libyaie.extract("He was at the head of the table during the general election.")
    assert doc.titles == ()


def test_extraction_error_pickles() -> None:
    err = libyaie.ExtractionError(3, TypeError("extract() expects text of type str, got int"))
    back = pickle.loads(pickle.dumps(err))
    assert (back.index, str(back.cause), str(back)) == (3, str(err.cause), str(err))


def test_extract_many_with_workers_matches_sequential() -> None:
    texts = ["Fathi Bashagha visited Cairo last month.", "وصل الوفد المصري إلى طرابلس الأحد.", "Ngoại trưởng Nga Sergei Lavrov"]
    seq = list(libyaie.extract_many(texts, reference_date=REF))
    par = list(libyaie.extract_many(texts, reference_date=REF, workers=2, chunksize=1))
    assert par == seq
