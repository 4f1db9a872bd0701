"""Batch extraction: lazy, order-preserving, optionally on a pool of worker processes.

:func:`iter_extract` is what :func:`libyaie.extract_many` delegates to.  With
``workers=1`` it runs in the calling process on the shared default extractor.
With ``workers > 1`` it runs on a :class:`concurrent.futures.ProcessPoolExecutor`
whose initializer builds one :class:`~libyaie.Extractor` per worker process, so
the gazetteer is built once per worker, not once per record or chunk.

Guarantees:

* **Lazy** — records are read from ``texts`` only as results are consumed; at
  most ``2 * workers`` chunks of ``chunksize`` records are in flight, so an
  infinite generator works (with :func:`itertools.islice` on the results).
* **Order-preserving** — result ``i`` belongs to record ``i``.
* **No lost record** — every record yields exactly one :class:`Document` or,
  with ``errors="return"``, one :class:`ExtractionError` carrying its index and
  the original exception.  A worker that dies (killed, out of memory) takes no
  record with it: the pool is restarted and the chunk is retried one record at
  a time, so only the record that kills a worker is reported as failed.
* **Safe start methods** — worker processes are started with ``forkserver``
  (default where available) or ``spawn``, never ``fork``: forking a process
  that already runs threads (a web server, a Dask worker, the extractor's own
  build lock) can deadlock the child.
"""

from __future__ import annotations

import datetime
import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

from ._pipeline import ExtractionError, Extractor
from .model import Document

__all__ = ["START_METHODS", "iter_extract"]

START_METHODS = ("forkserver", "spawn")
"""Start methods accepted for worker processes (``fork`` is refused, see the module doc)."""

_Record = tuple[int, object, object]  # (index, text, reference date) — unchecked, as given
_Outcome = tuple[bool, Document | BaseException]  # (ok, document or exception)

# -- worker side ------------------------------------------------------------------------

_WORKER_EXTRACTOR: Extractor | None = None
_WORKER_INIT_ERROR: BaseException | None = None


def _init_worker(extra: tuple[str, ...], unlinked: bool = False) -> None:
    """Pool initializer: build this worker's extractor (and its gazetteer) once."""
    global _WORKER_EXTRACTOR, _WORKER_INIT_ERROR
    ex = Extractor(extra_gazetteers=extra, unlinked_places=unlinked)
    try:
        ex.gazetteer  # noqa: B018 — force the build now, not inside the first chunk
    except Exception as exc:  # e.g. GazetteerError in an extra file: reported per record,
        _WORKER_INIT_ERROR = _picklable(exc)  # as the sequential path does
    _WORKER_EXTRACTOR = ex


def _picklable(exc: BaseException) -> BaseException:
    """``exc`` itself if it survives pickling, else a RuntimeError describing it."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _run_chunk(chunk: Sequence[tuple[object, object]]) -> list[_Outcome]:
    """Extract every (text, reference date) of a chunk; failures are returned, not raised."""
    ex = _WORKER_EXTRACTOR
    if ex is None:  # pragma: no cover — only when called outside a pool
        ex = Extractor()
    out: list[_Outcome] = []
    for text, ref in chunk:
        if _WORKER_INIT_ERROR is not None:
            out.append((False, _WORKER_INIT_ERROR))
            continue
        try:
            out.append((True, ex.extract(text, reference_date=ref)))  # type: ignore[arg-type]
        except Exception as exc:
            out.append((False, _picklable(exc)))
    return out


# -- caller side ------------------------------------------------------------------------


def _type_error(text: object) -> TypeError:
    # the message Extractor.extract gives; built here so that a non-str record is never sent
    return TypeError(f"extract() expects text of type str, got {type(text).__name__}")


def _records(
    texts: Iterable[object],
    reference_dates: Iterable[object] | None,
    reference_date: datetime.date | None,
) -> Iterator[_Record]:
    refs = iter(reference_dates) if reference_dates is not None else None
    for i, text in enumerate(texts):
        ref = next(refs, None) if refs is not None else reference_date
        yield i, text, ref


def _emit(index: int, ok: bool, value: Document | BaseException, errors: str) -> Document | ExtractionError:
    if ok:
        assert isinstance(value, Document)
        return value
    assert isinstance(value, BaseException)
    if errors == "raise":
        raise value
    return ExtractionError(index, value)


def _sequential(
    records: Iterator[_Record], extra: tuple[str, ...], unlinked: bool, errors: str
) -> Iterator[Document | ExtractionError]:
    if extra or unlinked:
        ex = Extractor(extra_gazetteers=extra, unlinked_places=unlinked)
    else:
        from . import _pipeline

        ex = _pipeline._DEFAULT  # share the process-wide default (its gazetteer is built once)
    for i, text, ref in records:
        try:
            doc = ex.extract(text, reference_date=ref)  # type: ignore[arg-type]
        except Exception as exc:
            if errors == "raise":
                raise
            yield ExtractionError(i, exc)
            continue
        yield doc


class _Pool:
    """A process pool that can be restarted after a worker dies."""

    def __init__(self, workers: int, extra: tuple[str, ...], unlinked: bool, start_method: str) -> None:
        self._workers = workers
        self._extra = extra
        self._unlinked = unlinked
        self._ctx = multiprocessing.get_context(start_method)
        self._ex = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._workers, mp_context=self._ctx, initializer=_init_worker, initargs=(self._extra, self._unlinked)
        )

    def submit(self, chunk: Sequence[tuple[object, object]]) -> Future[list[_Outcome]]:
        return self._ex.submit(_run_chunk, chunk)

    def restart(self) -> None:
        self._ex.shutdown(wait=True, cancel_futures=True)
        self._ex = self._new()

    def close(self) -> None:
        self._ex.shutdown(wait=True, cancel_futures=True)


def _parallel(
    records: Iterator[_Record],
    workers: int,
    extra: tuple[str, ...],
    unlinked: bool,
    errors: str,
    chunksize: int,
    start_method: str,
) -> Iterator[Document | ExtractionError]:
    pool = _Pool(workers, extra, unlinked, start_method)
    max_inflight = 2 * workers
    # each pending entry: (records of the chunk, future or None when nothing was sent,
    # locally decided outcomes for records that were not sent)
    pending: deque[tuple[list[_Record], Future[list[_Outcome]] | None, dict[int, _Outcome]]] = deque()

    def submit(chunk: list[_Record]) -> tuple[list[_Record], Future[list[_Outcome]] | None, dict[int, _Outcome]]:
        local: dict[int, _Outcome] = {}
        send: list[tuple[object, object]] = []
        for i, text, ref in chunk:
            if isinstance(text, str):
                send.append((text, ref))
            else:
                local[i] = (False, _type_error(text))
        return chunk, (pool.submit(send) if send else None), local

    def isolate(chunk: list[_Record]) -> list[_Outcome]:
        """Re-run a failed chunk one record per task, restarting the pool after a crash."""
        out: list[_Outcome] = []
        for _i, text, ref in chunk:
            try:
                out.extend(pool.submit([(text, ref)]).result())
            except BrokenProcessPool as exc:
                out.append((False, exc))
                pool.restart()
            except Exception as exc:  # the record could not be sent (does not pickle)
                out.append((False, exc))
        return out

    try:
        while True:
            while len(pending) < max_inflight:
                chunk = list(islice(records, chunksize))
                if not chunk:
                    break
                pending.append(submit(chunk))
            if not pending:
                return
            chunk, fut, local = pending.popleft()
            sent = [r for r in chunk if r[0] not in local]
            outcomes: list[_Outcome] = []
            if fut is not None:
                try:
                    outcomes = fut.result()
                except BrokenProcessPool:
                    # a worker died: every in-flight future is lost with it — restart the pool,
                    # retry this chunk record by record, and resubmit the chunks behind it
                    pool.restart()
                    outcomes = isolate(sent)
                    pending = deque(submit(c) for c, _f, _l in pending)
                except Exception:
                    outcomes = isolate(sent)
            by_index = dict(zip((r[0] for r in sent), outcomes, strict=True))
            by_index.update(local)
            for i, _text, _ref in chunk:
                ok, value = by_index[i]
                yield _emit(i, ok, value, errors)
    finally:
        pool.close()


def _check_int(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


def iter_extract(
    texts: Iterable[str],
    *,
    workers: int = 1,
    reference_dates: Iterable[datetime.date | None] | None = None,
    reference_date: datetime.date | None = None,
    errors: str = "raise",
    chunksize: int = 16,
    extra_gazetteers: Sequence[str | Path] = (),
    unlinked_places: bool = False,
    start_method: str | None = None,
) -> Iterator[Document | ExtractionError]:
    """Extract from many texts lazily and in order, on ``workers`` processes.

    * ``reference_date`` applies to every text; ``reference_dates`` gives one date
      (or ``None``) per text and overrides it — when it runs out, the remaining
      texts get ``None`` (as :func:`libyaie.extract_many`).
    * ``errors="raise"`` re-raises the first failing record's exception (in input
      order); ``errors="return"`` yields :class:`ExtractionError` (``.index``,
      ``.cause``) in its place and goes on.
    * ``workers > 1`` runs chunks of ``chunksize`` records on a process pool with
      one extractor per worker; ``start_method`` is ``"forkserver"`` (default where
      the platform has it) or ``"spawn"``.  As with any process pool, a script
      that uses it must guard its entry point with ``if __name__ == "__main__":``.
    * ``extra_gazetteers`` and ``unlinked_places``: as for :class:`libyaie.Extractor`.

    Arguments are checked when the function is called (``TypeError`` /
    ``ValueError``); records are checked one by one as they are extracted.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError(f"texts must be an iterable of str, not a single {type(texts).__name__}")
    if not isinstance(texts, Iterable):
        raise TypeError(f"texts must be an iterable of str, got {type(texts).__name__}")
    if reference_dates is not None and (
        isinstance(reference_dates, (str, bytes)) or not isinstance(reference_dates, Iterable)
    ):
        raise TypeError(f"reference_dates must be an iterable of dates or None, got {type(reference_dates).__name__}")
    if reference_date is not None and not isinstance(reference_date, datetime.date):
        raise TypeError(f"reference_date must be a datetime.date or None, got {type(reference_date).__name__}")
    if isinstance(reference_date, datetime.datetime):
        reference_date = reference_date.date()
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', got {errors!r}")
    workers = _check_int("workers", workers, 1)
    chunksize = _check_int("chunksize", chunksize, 1)
    if isinstance(extra_gazetteers, (str, bytes, Path)):
        raise TypeError("extra_gazetteers must be a sequence of paths, not a single path")
    extra = tuple(str(p) for p in extra_gazetteers)
    if not isinstance(unlinked_places, bool):
        raise TypeError(f"unlinked_places must be a bool, got {type(unlinked_places).__name__}")
    if start_method is None:
        start_method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    elif start_method not in START_METHODS:
        raise ValueError(
            f"start_method must be one of {', '.join(START_METHODS)}, got {start_method!r} "
            "('fork' is unsafe in a process that runs threads)"
        )
    elif start_method not in multiprocessing.get_all_start_methods():
        raise ValueError(f"start method {start_method!r} is not available on this platform")

    records = _records(texts, reference_dates, reference_date)
    if workers == 1:
        return _sequential(records, extra, unlinked_places, errors)
    return _parallel(records, workers, extra, unlinked_places, errors, chunksize, start_method)
