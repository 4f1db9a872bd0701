"""Batch extraction (libyaie._batch.iter_extract): order, laziness, errors, worker processes."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from _texts import MIXED_TEXTS

import libyaie
from libyaie import Document, ExtractionError
from libyaie._batch import iter_extract

REF = datetime.date(2020, 12, 28)

TEXTS = [*MIXED_TEXTS[:4], "", *MIXED_TEXTS[4:]]  # an empty text among them
REFS: list[datetime.date | None] = [REF, REF, None, REF, None, REF, None]


def sequential(texts: list[str], refs: list[datetime.date | None]) -> list[Document]:
    return [libyaie.extract(t, reference_date=r) for t, r in zip(texts, refs, strict=True)]


def counting(items: list[object], seen: list[int]) -> Iterator[object]:
    for i, item in enumerate(items):
        seen.append(i)
        yield item


# -- sequential (workers=1) ---------------------------------------------------------------


def test_order_and_equality_with_extract() -> None:
    texts = TEXTS * 3
    refs = REFS * 3
    assert list(iter_extract(texts, reference_dates=refs)) == sequential(texts, refs)


def test_same_as_extract_many() -> None:
    assert list(iter_extract(TEXTS, reference_dates=REFS)) == list(libyaie.extract_many(TEXTS, reference_dates=REFS))


def test_reference_date_for_all_and_reference_dates_override() -> None:
    docs = list(iter_extract(TEXTS[:2], reference_date=REF))
    assert [d.reference_date for d in docs] == [REF, REF]  # type: ignore[union-attr]
    # reference_dates overrides; when it runs out, the rest get None
    docs = list(iter_extract(["Sirte last week.", "Sirte last week."], reference_date=REF, reference_dates=[REF]))
    assert docs[0] == libyaie.extract("Sirte last week.", reference_date=REF)
    assert docs[1] == libyaie.extract("Sirte last week.")


def test_lazy_on_infinite_generator() -> None:
    seen: list[int] = []
    results = iter_extract(counting(list(itertools.repeat("Haftar visited Benghazi.", 10_000)), seen))
    assert seen == []  # nothing read before the first result is asked for
    first = list(itertools.islice(results, 3))
    assert len(first) == 3 and len(seen) == 3
    infinite = iter_extract(itertools.cycle(TEXTS))
    assert list(itertools.islice(infinite, len(TEXTS))) == sequential(TEXTS, [None] * len(TEXTS))


def test_errors_return_yields_error_and_goes_on() -> None:
    items: list[object] = ["Sirte last week.", b"not text", 42, "Ngày 27/12"]
    out = list(iter_extract(items, reference_date=REF, errors="return"))  # type: ignore[arg-type]
    assert len(out) == 4
    assert isinstance(out[0], Document) and isinstance(out[3], Document)
    assert out[3].dates[0].value == "2020-12-27"
    for i in (1, 2):
        err = out[i]
        assert isinstance(err, ExtractionError)
        assert err.index == i
        assert isinstance(err.cause, TypeError)
        assert type(items[i]).__name__ in str(err.cause)


def test_bad_reference_date_in_list_is_a_record_error() -> None:
    out = list(iter_extract(["a", "b"], reference_dates=[REF, "2020-12-28"], errors="return"))  # type: ignore[list-item]
    assert isinstance(out[0], Document)
    assert isinstance(out[1], ExtractionError) and out[1].index == 1


def test_errors_raise_propagates_original_exception_in_order() -> None:
    it = iter_extract(["Sirte.", b"bad", "Tripoli."])  # type: ignore[list-item]
    assert isinstance(next(it), Document)
    with pytest.raises(TypeError, match="bytes"):
        next(it)


def test_bad_extra_gazetteer_is_reported_per_record(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[place]]\nid = 'x'\n", encoding="utf-8")
    out = list(iter_extract(["a", "b"], extra_gazetteers=[bad], errors="return"))
    assert [type(o) for o in out] == [ExtractionError, ExtractionError]
    assert all(isinstance(o.cause, libyaie.GazetteerError) for o in out if isinstance(o, ExtractionError))


@pytest.mark.parametrize(
    ("kwargs", "exc"),
    [
        ({"workers": 0}, ValueError),
        ({"workers": -1}, ValueError),
        ({"workers": 1.5}, TypeError),
        ({"workers": True}, TypeError),
        ({"workers": "2"}, TypeError),
        ({"chunksize": 0}, ValueError),
        ({"chunksize": None}, TypeError),
        ({"errors": "ignore"}, ValueError),
        ({"reference_date": "2020-12-28"}, TypeError),
        ({"reference_dates": 5}, TypeError),
        ({"reference_dates": "2020-12-28"}, TypeError),
        ({"start_method": "fork"}, ValueError),
        ({"start_method": "threads"}, ValueError),
        ({"extra_gazetteers": "my.toml"}, TypeError),
    ],
)
def test_bad_arguments_raise_at_call_time(kwargs: dict[str, object], exc: type[Exception]) -> None:
    with pytest.raises(exc):
        iter_extract(TEXTS, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("texts", ["a single string", b"bytes", 42, None])
def test_texts_must_be_an_iterable_of_texts(texts: object) -> None:
    with pytest.raises(TypeError):
        iter_extract(texts)  # type: ignore[arg-type]


# -- worker processes ---------------------------------------------------------------------


@pytest.mark.parametrize("start_method", ["forkserver", "spawn"])
def test_workers_same_as_sequential(start_method: str) -> None:
    texts = TEXTS * 6
    refs = REFS * 6
    items: list[object] = [*texts[:20], b"bad", *texts[20:]]
    ref_items = [*refs[:20], None, *refs[20:]]
    out = list(
        iter_extract(
            items,  # type: ignore[arg-type]
            reference_dates=ref_items,
            workers=2,
            chunksize=3,
            errors="return",
            start_method=start_method,
        )
    )
    assert len(out) == len(items)
    err = out.pop(20)
    assert isinstance(err, ExtractionError) and err.index == 20 and isinstance(err.cause, TypeError)
    assert out == sequential(texts, refs)


def test_workers_lazy_bounded_and_raise() -> None:
    seen: list[int] = []
    source = counting(list(itertools.repeat("Haftar visited Benghazi last week.", 100_000)), seen)
    results = iter_extract(source, workers=2, chunksize=4, reference_date=REF)  # type: ignore[arg-type]
    assert seen == []
    got = list(itertools.islice(results, 5))
    assert len(got) == 5 and all(isinstance(d, Document) for d in got)
    assert len(seen) <= 2 * 2 * 4 + 4  # at most 2 chunks per worker in flight (plus the next chunk)
    results.close()  # type: ignore[attr-defined]  # shuts the pool down
    # errors="raise": the original exception, after the documents before it
    it = iter_extract(["Sirte.", "Tripoli.", 3.5, "Cairo."], workers=2, chunksize=1)  # type: ignore[list-item]
    assert isinstance(next(it), Document) and isinstance(next(it), Document)
    with pytest.raises(TypeError, match="float"):
        next(it)
