"""Scale-out on Dask: map extraction over a Dask bag or dataframe of articles.

Dask is an optional extra (``pip install 'libyaie[dask]'``); this module imports
it lazily, so ``import libyaie.dask`` works without it and the functions raise
:class:`ImportError` with the install hint when it is missing.

Each partition uses one :class:`~libyaie.Extractor`.  Extractors are cached per
worker process (keyed by their extra gazetteer files), so the gazetteer is built
once per Dask worker process, not once per partition or per record.  Results
travel between processes as plain ``to_dict()`` records (the default) or as
:class:`~libyaie.Document` objects, which pickle.

::

    import dask.bag as db, datetime, libyaie.dask

    bag = db.from_sequence([("Haftar visited Benghazi last week.", datetime.date(2020, 12, 28))],
                           npartitions=1)
    records = libyaie.dask.extract_bag(bag).compute()
    records[0]["places"][0]["place"]["geonames_id"]     # 88319
"""

from __future__ import annotations

import datetime
import json
import math
import threading
from collections.abc import Iterable, Mapping, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

import attrs

from ._pipeline import Extractor
from .model import Document

# Dask and pandas are optional and only partly typed: their objects are ``Any`` here,
# so that ``mypy --strict libyaie`` passes with or without them installed.
Bag = Any
"""A ``dask.bag.Bag``."""
DaskDataFrame = Any
"""A ``dask.dataframe.DataFrame``."""
PandasDataFrame = Any
"""A ``pandas.DataFrame``."""


def _require(module: str) -> Any:
    try:
        return import_module(module)
    except ImportError as exc:
        raise ImportError(_INSTALL_HINT) from exc

__all__ = ["KINDS", "RESULT_COLUMNS", "extract_bag", "extract_dataframe"]

KINDS = ("dates", "places", "titles", "persons")
"""The mention kinds; ``kinds=`` selects a subset of them."""

RESULT_COLUMNS = (
    "lang",
    "reference_date",
    "reference_date_source",
    "n_dates",
    "n_places",
    "n_titles",
    "n_persons",
    "dates",
    "places",
    "titles",
    "persons",
)
"""Columns :func:`extract_dataframe` adds (before ``prefix``): the counts are ``int64``;
``dates``/``places``/``titles``/``persons`` are JSON arrays of the mentions' ``to_dict()``."""

_INSTALL_HINT = "libyaie.dask needs Dask: pip install 'dask[bag,dataframe]>=2024.1' distributed"

_Config = tuple[tuple[str, ...], bool]  # (extra gazetteer files, unlinked_places)
_CACHE: dict[_Config, Extractor] = {}
_CACHE_LOCK = threading.Lock()


def _extractor(config: _Config) -> Extractor:
    """This process's extractor for ``config`` (one per process; thread-safe)."""
    ex = _CACHE.get(config)
    if ex is None:
        with _CACHE_LOCK:
            ex = _CACHE.get(config)
            if ex is None:
                ex = _CACHE[config] = Extractor(extra_gazetteers=config[0], unlinked_places=config[1])
    return ex


def _check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return KINDS
    if isinstance(kinds, str):
        kinds = (kinds,)
    out = tuple(kinds)
    bad = [k for k in out if k not in KINDS]
    if bad or not out:
        raise ValueError(f"kinds must be a non-empty subset of {KINDS}, got {out!r}")
    return out


def _to_date(value: object) -> datetime.date | None:
    """A reference date from a bag element or a dataframe cell (date, Timestamp, ISO string, null)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime.datetime):  # includes pandas.Timestamp (NaT is caught below)
        try:
            return value.date()
        except ValueError:
            return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10]) if value else None
    if type(value).__name__ == "NaTType":
        return None
    raise TypeError(f"reference date must be a date, a datetime, an ISO string or null, got {type(value).__name__}")


def _split(item: object) -> tuple[object, datetime.date | None]:
    """A bag element: a text, a ``(text, reference_date)`` pair, or a mapping with ``text``."""
    if isinstance(item, str):
        return item, None
    if isinstance(item, tuple) and len(item) == 2:
        return item[0], _to_date(item[1])
    if isinstance(item, Mapping):
        return item.get("text"), _to_date(item.get("reference_date"))
    return item, None  # extract() raises TypeError naming the type


def _restrict(doc: Document, kinds: tuple[str, ...]) -> Document:
    if kinds == KINDS:
        return doc
    empty: dict[str, Any] = {k: () for k in KINDS if k not in kinds}
    return attrs.evolve(doc, **empty)


def _bag_partition(
    items: Iterable[object],
    reference_date: datetime.date | None,
    kinds: tuple[str, ...],
    output: str,
    config: _Config,
) -> list[Document | dict[str, Any]]:
    # a list, not a generator: Dask moves partitions between processes by pickling them
    ex = _extractor(config)
    out: list[Document | dict[str, Any]] = []
    for item in items:
        text, ref = _split(item)
        doc = _restrict(ex.extract(text, reference_date=ref or reference_date), kinds)  # type: ignore[arg-type]
        if output == "document":
            out.append(doc)
        else:
            d = doc.to_dict()
            for k in KINDS:
                if k not in kinds:
                    del d[k]
            out.append(d)
    return out


def extract_bag(
    bag: Bag,
    *,
    reference_date: datetime.date | None = None,
    kinds: Iterable[str] | None = None,
    output: str = "dict",
    extra_gazetteers: Sequence[str | Path] = (),
    unlinked_places: bool = False,
) -> Bag:
    """Map extraction over a Dask bag, one extractor per partition (cached per process).

    Elements are texts, ``(text, reference_date)`` pairs, or mappings with a
    ``"text"`` and an optional ``"reference_date"`` key; an element's own date
    overrides ``reference_date``.  Dates may be :class:`datetime.date`,
    :class:`datetime.datetime`/``Timestamp``, ISO strings or ``None``.

    ``output="dict"`` (default) gives ``Document.to_dict()`` records (JSON-ready:
    ``bag.map(json.dumps).to_textfiles(...)``); ``output="document"`` gives
    :class:`~libyaie.Document` objects.  ``kinds`` keeps only some of
    ``dates``, ``places``, ``titles``, ``persons`` (the others are dropped from
    dicts and empty in Documents).  The order of elements is preserved.
    ``extra_gazetteers`` and ``unlinked_places`` are those of :class:`~libyaie.Extractor`.
    """
    _require("dask.bag")
    ks = _check_kinds(kinds)
    if output not in ("dict", "document"):
        raise ValueError(f"output must be 'dict' or 'document', got {output!r}")
    if reference_date is not None and not isinstance(reference_date, datetime.date):
        raise TypeError(f"reference_date must be a datetime.date or None, got {type(reference_date).__name__}")
    return bag.map_partitions(_bag_partition, _to_date(reference_date), ks, output,
                              _config(extra_gazetteers, unlinked_places))


def _config(extra_gazetteers: Sequence[str | Path], unlinked_places: bool) -> _Config:
    if isinstance(extra_gazetteers, (str, bytes, Path)):
        raise TypeError("extra_gazetteers must be a sequence of paths, not a single path")
    if not isinstance(unlinked_places, bool):
        raise TypeError(f"unlinked_places must be a bool, got {type(unlinked_places).__name__}")
    return tuple(str(p) for p in extra_gazetteers), unlinked_places


def _missing(value: object, pd: Any) -> bool:
    """A null cell: None, NaN, NaT or pandas.NA."""
    if value is None:
        return True
    if isinstance(value, (str, datetime.date)) and not type(value).__name__ == "NaTType":
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # array-likes are not null cells
        return False


def _df_partition(
    df: PandasDataFrame,
    text_column: str,
    date_column: str | None,
    kinds: tuple[str, ...],
    config: _Config,
    prefix: str,
) -> PandasDataFrame:
    pd = _require("pandas")

    ex = _extractor(config)
    cols: dict[str, list[Any]] = {c: [] for c in RESULT_COLUMNS}
    texts = df[text_column].tolist()
    refs = df[date_column].tolist() if date_column is not None else [None] * len(texts)
    for text, ref in zip(texts, refs, strict=True):
        if _missing(text, pd):
            # a missing text: no document, zero mentions
            for c in ("lang", "reference_date", "reference_date_source"):
                cols[c].append(None)
            for k in KINDS:
                cols[f"n_{k}"].append(0)
                cols[k].append("[]")
            continue
        doc = ex.extract(text, reference_date=None if _missing(ref, pd) else _to_date(ref))
        cols["lang"].append(doc.lang)
        cols["reference_date"].append(None if doc.reference_date is None else doc.reference_date.isoformat())
        cols["reference_date_source"].append(doc.reference_date_source)
        for k in KINDS:
            ms = getattr(doc, k) if k in kinds else ()
            cols[f"n_{k}"].append(len(ms))
            cols[k].append(json.dumps([m.to_dict() for m in ms], ensure_ascii=False))
    out = df.copy()
    for c in RESULT_COLUMNS:
        name = prefix + c
        out[name] = pd.Series(cols[c], index=df.index, dtype="int64" if c.startswith("n_") else object)
    return out


def extract_dataframe(
    ddf: DaskDataFrame,
    text_column: str,
    date_column: str | None = None,
    *,
    kinds: Iterable[str] | None = None,
    prefix: str = "",
    extra_gazetteers: Sequence[str | Path] = (),
    unlinked_places: bool = False,
) -> DaskDataFrame:
    """Add extraction result columns to a Dask dataframe of articles.

    ``text_column`` holds the texts (a null text gives zero mentions and null
    ``lang``); ``date_column``, if given, the reference dates (dates,
    datetimes, ``datetime64`` or ISO strings; nulls allowed).  The columns of
    :data:`RESULT_COLUMNS` are added, each name preceded by ``prefix``: ``lang``,
    ``reference_date`` (ISO string), ``reference_date_source``, ``n_dates`` …
    ``n_persons`` (``int64``) and ``dates`` … ``persons`` (JSON arrays of the
    mentions' ``to_dict()``).  Kinds not in ``kinds`` get 0 and ``"[]"``.  A
    result column that already exists raises :class:`ValueError` (use ``prefix``).
    ``extra_gazetteers`` and ``unlinked_places`` are those of :class:`~libyaie.Extractor`.
    """
    _require("dask.dataframe")
    pd = _require("pandas")
    ks = _check_kinds(kinds)
    columns = list(ddf.columns)
    if text_column not in columns:
        raise KeyError(f"text column {text_column!r} not in the dataframe")
    if date_column is not None and date_column not in columns:
        raise KeyError(f"date column {date_column!r} not in the dataframe")
    clash = [prefix + c for c in RESULT_COLUMNS if prefix + c in columns]
    if clash:
        raise ValueError(f"result columns already exist: {clash}; pass prefix= to rename them")
    config = _config(extra_gazetteers, unlinked_places)
    meta = ddf._meta.copy()
    for c in RESULT_COLUMNS:
        dtype = "int64" if c.startswith("n_") else object
        meta[prefix + c] = pd.Series([], dtype=dtype)
    return ddf.map_partitions(_df_partition, text_column, date_column, ks, config, prefix, meta=meta)
