"""libyaie.dask on a distributed.LocalCluster (2 worker processes): same results as sequential extract."""

from __future__ import annotations

import datetime
import json
import logging
import pickle
from collections.abc import Iterator

import pytest

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

from _texts import MIXED_TEXTS  # noqa: E402

import libyaie  # noqa: E402
import libyaie.dask as ld  # noqa: E402

REF = datetime.date(2020, 12, 28)

TEXTS = MIXED_TEXTS
REFS: list[datetime.date | None] = [REF, REF, None, REF, REF, None]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def expected() -> list[libyaie.Document]:
    return [libyaie.extract(t, reference_date=r) for t, r in zip(TEXTS, REFS, strict=True)]


def test_documents_and_extractors_pickle() -> None:
    for doc in expected():
        assert pickle.loads(pickle.dumps(doc)) == doc
    ex = pickle.loads(pickle.dumps(libyaie.Extractor()))
    assert ex.extract(TEXTS[0], reference_date=REF) == expected()[0]


def test_bag_documents(client: object) -> None:
    bag = db.from_sequence(list(zip(TEXTS, REFS, strict=True)), npartitions=3)
    out = ld.extract_bag(bag, output="document").compute()
    assert out == expected()


def test_bag_dicts_default_reference_date_and_kinds(client: object) -> None:
    bag = db.from_sequence(TEXTS, npartitions=2)
    out = ld.extract_bag(bag, reference_date=REF).compute()
    assert out == [libyaie.extract(t, reference_date=REF).to_dict() for t in TEXTS]
    json.dumps(out)  # plain JSON types
    places = ld.extract_bag(bag, reference_date=REF, kinds=["places"]).compute()
    assert all(set(d) >= {"text", "places"} and "dates" not in d for d in places)
    assert [d["places"] for d in places] == [d["places"] for d in out]
    mappings = db.from_sequence([{"text": t, "reference_date": r} for t, r in zip(TEXTS, REFS, strict=True)])
    assert ld.extract_bag(mappings).compute() == [d.to_dict() for d in expected()]


def test_dataframe(client: object) -> None:
    pdf = pd.DataFrame(
        {
            "id": range(len(TEXTS) + 1),
            "body": [*TEXTS, None],
            "published": pd.to_datetime([*(None if r is None else r.isoformat() for r in REFS), None]),
        }
    )
    ddf = dd.from_pandas(pdf, npartitions=3)
    res = ld.extract_dataframe(ddf, "body", "published")
    for c in ld.RESULT_COLUMNS:
        assert c in res.columns
    got = res.compute().sort_values("id")
    assert list(got["id"]) == list(pdf["id"])
    for (_, row), doc in zip(got.iloc[:-1].iterrows(), expected(), strict=True):
        assert row["lang"] == doc.lang
        for kind in ld.KINDS:
            mentions = getattr(doc, kind)
            assert row[f"n_{kind}"] == len(mentions)
            assert json.loads(row[kind]) == [m.to_dict() for m in mentions]
    last = got.iloc[-1]  # a null text: zero mentions
    assert last["n_dates"] == 0 and last["dates"] == "[]"


def test_dataframe_arguments() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"text": ["a"], "lang": ["en"]}), npartitions=1)
    with pytest.raises(KeyError):
        ld.extract_dataframe(ddf, "body")
    with pytest.raises(ValueError, match="prefix"):
        ld.extract_dataframe(ddf, "text")
    res = ld.extract_dataframe(ddf, "text", prefix="yaie_", kinds=["dates"])
    assert "yaie_lang" in res.columns and "lang" in res.columns
    with pytest.raises(ValueError):
        ld.extract_bag(db.from_sequence(["a"]), kinds=["cities"])
    with pytest.raises(ValueError):
        ld.extract_bag(db.from_sequence(["a"]), output="xml")


def test_unlinked_places_option(client: object) -> None:
    text = "Forces loyal to Haftar took Ras Lanuf and Es Sider, then moved on Sirte."
    want = libyaie.Extractor(unlinked_places=True).extract(text).to_dict()
    bag = db.from_sequence([text], npartitions=1)
    got = ld.extract_bag(bag, unlinked_places=True).compute()
    assert got == [want] and any(p["place"]["geonames_id"] is None for p in got[0]["places"])
    assert ld.extract_bag(bag).compute() == [libyaie.extract(text).to_dict()]
    res = ld.extract_dataframe(dd.from_pandas(pd.DataFrame({"text": [text]}), npartitions=1), "text",
                               unlinked_places=True).compute()
    assert json.loads(res.iloc[0]["places"]) == want["places"]
    with pytest.raises(TypeError, match="unlinked_places"):
        ld.extract_bag(bag, unlinked_places="yes")  # type: ignore[arg-type]
