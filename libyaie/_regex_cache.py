"""On-disk cache of compiled ``regex`` programs (like ``.pyc`` files, for the rule patterns
and the patterns every module compiles at import).

The ``regex`` module compiles a pattern in two halves: pure Python parses, optimises and
generates the program (a list of integers and a few tables), then one call to its C core,
``_regex.compile``, turns that program into the pattern object.  libyaie's rule patterns
hold prefix trees of thousands of words: the Python half takes about 0.4 s for every rule
of every language (90 ms for one Vietnamese article's rules, most of a cold start), the C
call about 5 ms.  So the program is kept: :func:`compile` records the arguments of that C
call (plain strings, integers, lists, dicts and frozensets) and stores them in a file in
libyaie's cache directory (see :mod:`libyaie._cache`); a later process builds the pattern
from them with the C call alone.

Safety:

* The file's name checksums the Python version and the ``regex`` module's installed files
  (path, size, modification time): a program is only ever handed back to the very code
  that made it.  Entries are keyed by the pattern string, the flags and ``regex``'s default
  version, everything its compiler reads (locale-dependent patterns and named-list
  keyword arguments are never cached).
* Anything unexpected — no cache directory, a missing, unreadable or corrupt file, an entry
  of the wrong shape, an error from the C call, a built pattern whose source differs —
  falls back to ``regex.compile``: the cache can make a cold start faster, never wrong.
* ``LIBYAIE_NO_CACHE=1`` disables it, as it does the gazetteer cache.

Size: each entry is pickled on its own inside the file, and a process unpickles only the
entries it uses (a file of 4,000 entries took 84 ms to load whole, 18 ms this way).  A
file that would grow past ``_MAX_ENTRIES`` is rewritten with the entries the writing
process used, and the directory keeps the most recently used files alone (see
:func:`libyaie._cache.prune`).

The same file keeps programs of the standard library's ``re`` (:func:`compile_std`, for
the rules that run under it, see :mod:`libyaie.rules`), whose Python half is as slow, and
small derived answers (:func:`remember`, such as the text of a rule pattern for ``re``),
each under a stamp of the code that made it.

Recording needs the program, which ``regex`` keeps to itself: while one pattern compiles,
its module's reference to the C core is replaced by a forwarding wrapper that notes the
arguments of calls made by this thread (a lock serialises recordings; other threads'
calls pass straight through).
"""

from __future__ import annotations

import os
import pickle
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex

from ._cache import _Checksum, cache_dir, prune, stamp_files

__all__ = ["compile", "compile_std", "remember", "save"]

_FORMAT = "2"
# a file that would grow past this (many user gazetteers, patterns of older libyaie
# versions) is rewritten with the entries the writing process used alone
_MAX_ENTRIES = 2000

_STD = -1  # the version slot of the key of a standard-library program
_REMEMBERED = -2  # ... and of a remembered answer

_LOCK = threading.RLock()
# key → entry: pickled bytes as read from the file (unpickled on first use: a process
# needs a few of the file's entries, and loading them all would cost more than the
# patterns they save), or the entry itself once used or made by this process
_entries: dict[tuple[str, int, int], bytes | tuple[Any, ...]] | None = None  # loaded on first use
_used: set[tuple[str, int, int]] = set()  # the keys this process has read or written
_path: Path | None = None  # None: caching is off
_dirty = False


def _core() -> Any:
    main: Any = sys.modules.get("regex._main") or sys.modules.get("regex.regex")
    return getattr(main, "_regex", None), main


def _file() -> Path | None:
    d = cache_dir()
    if d is None:
        return None
    h = _Checksum()
    h.update(_FORMAT.encode())
    h.update(sys.version.encode())
    h.update(str(getattr(regex, "__version__", "?")).encode())
    pkg = Path(regex.__file__).resolve().parent
    stamp_files(h, sorted(p for p in pkg.iterdir() if p.suffix in (".py", ".so", ".pyd")))
    return d / f"regex-{h.hexdigest()}.pickle"


def _load() -> dict[tuple[str, int, int], bytes | tuple[Any, ...]]:
    """The entries, read on first use (none, and ``_path`` None, when caching is off)."""
    global _entries, _path
    if _entries is None:
        try:
            _path = _file()
        except OSError:
            _path = None
        _entries = {} if _path is None else _read(_path)
    return _entries


def _read(path: Path) -> dict[tuple[str, int, int], bytes | tuple[Any, ...]]:
    try:
        with path.open("rb") as fh:
            got = pickle.load(fh)
    except Exception:  # missing or corrupt: start afresh
        return {}
    return got if isinstance(got, dict) else {}


def _entry(entries: dict[Any, Any], key: Any) -> tuple[Any, ...] | None:
    """The entry of ``key``, unpickled (and kept so) on first use; ``None`` when there is
    none or it is not a tuple (a bad entry: dropped)."""
    got = entries.get(key)
    if got is None:
        return None
    if isinstance(got, bytes):
        try:
            got = pickle.loads(got)
        except Exception:
            got = None
    if not isinstance(got, tuple):
        del entries[key]
        return None
    entries[key] = got
    _used.add(key)
    return got


class _Recorder:
    """Stands for ``regex``'s C core while one pattern compiles: forwards everything, and
    notes the arguments of ``compile`` calls made by the recording thread."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self._thread = threading.get_ident()
        self.calls: list[tuple[Any, ...]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: Any) -> Any:
        got = self._real.compile(*args)
        if threading.get_ident() == self._thread:
            self.calls.append(args)
        return got


def _replay(entries: dict[Any, Any], key: Any, core: Any, pattern: str) -> Any:
    """The program of ``key`` rebuilt by ``core.compile`` from its recorded arguments, or
    ``None`` (nothing recorded, or a bad entry: dropped, so that it is compiled afresh)."""
    args = _entry(entries, key)
    if args is None:
        return None
    try:
        got = core.compile(*args)
        if got.pattern == pattern:
            return got
    except Exception:
        pass
    del entries[key]
    return None


def _store(entries: dict[Any, Any], key: Any, args: tuple[Any, ...]) -> None:
    """Record the arguments of a compile call, when they pickle (the file is written later)."""
    global _dirty
    try:
        pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    entries[key] = args
    _used.add(key)
    _dirty = True


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the cached program when there is one."""
    if flags & (regex.LOCALE | regex.DEBUG) or "(?L" in pattern:
        return regex.compile(pattern, flags)
    key = (pattern, int(flags), int(regex.DEFAULT_VERSION))
    with _LOCK:
        entries = _load()
        core, main = _core()
        if _path is None or core is None:
            return regex.compile(pattern, flags)
        got: regex.Pattern[str] | None = _replay(entries, key, core, pattern)
        if got is not None:
            return got
        recorder = _Recorder(core)
        main._regex = recorder
        try:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            main._regex = core
        if len(recorder.calls) == 1 and recorder.calls[0][0] == pattern:
            _store(entries, key, recorder.calls[0])
        return compiled


def compile_std(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` (outside ``re``'s own cache of patterns), from the
    cached program when there is one.  Raises :class:`re.error` (and any warning turned
    into an error) as ``re.compile`` does; only a pattern that compiled is recorded."""
    if flags & (re.LOCALE | re.DEBUG) or "(?L" in pattern:
        return re.compile(pattern, flags)
    key = (pattern, int(flags), _STD)
    import importlib

    compiler: Any = importlib.import_module("re._compiler")  # (private, untyped: Python >= 3.11)
    with _LOCK:
        entries = _load()
        core = getattr(compiler, "_sre", None)
        if _path is None or core is None:
            return re.compile(pattern, flags)
        got_std: re.Pattern[str] | None = _replay(entries, key, core, pattern)
        if got_std is not None:
            return got_std
        recorder = _Recorder(core)
        compiler._sre = recorder
        try:
            compiled: re.Pattern[str] = compiler.compile(pattern, flags)
        finally:
            compiler._sre = core
        if len(recorder.calls) == 1 and recorder.calls[0][0] == pattern and len(recorder.calls[0]) == 6:
            src, fl, code, groups, groupindex, indexgroup = recorder.calls[0]
            # the opcodes are named int constants: stored as the plain integers they are
            _store(entries, key, (src, int(fl), [int(x) for x in code], int(groups), dict(groupindex), tuple(indexgroup)))
        return compiled


def remember(question: str, flags: int, stamp: str, answer: Callable[[], str | None]) -> str | None:
    """``answer()``, kept in the cache file under ``(question, flags)`` while ``stamp``
    (a version of the code that answers) stays the same."""
    global _dirty
    key = (question, int(flags), _REMEMBERED)
    with _LOCK:
        entries = _load()
        got = _entry(entries, key)
        if (got is not None and len(got) == 2 and got[0] == stamp
                and (got[1] is None or isinstance(got[1], str))):
            return got[1]
        new = answer()
        if _path is not None:
            entries[key] = (stamp, new)
            _used.add(key)
            _dirty = True
        return new


def save() -> None:
    """Write the programs recorded since the last save (merged with what other processes
    wrote meanwhile).  A read-only or full cache directory is not an error."""
    global _dirty
    with _LOCK:
        if not _dirty or _path is None or _entries is None:
            return
        _dirty = False
        # each entry pickled on its own, so that a reader unpickles only what it uses
        mine: dict[tuple[str, int, int], bytes | tuple[Any, ...]] = {}
        for key, value in _entries.items():
            if isinstance(value, tuple):
                try:
                    mine[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                except Exception:
                    continue
            else:
                mine[key] = value
        merged = _read(_path)
        merged.update(mine)
        if len(merged) > _MAX_ENTRIES:
            merged = {key: mine[key] for key in _used if key in mine}
        try:
            import tempfile  # only when writing

            _path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=_path.parent, prefix=".regex-", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(merged, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, _path)
        except OSError:
            pass
        prune(_path.parent, "regex")  # the files of other Python or regex versions
