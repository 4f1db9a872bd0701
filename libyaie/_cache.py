"""On-disk cache of the built gazetteer (like ``.pyc`` files for the data).

Building the gazetteer (reading and validating every file, normalising ~20k names,
building the automaton) takes most of a cold start.  The built object is pickled
to ``$LIBYAIE_CACHE_DIR`` (default ``$XDG_CACHE_HOME/libyaie`` or
``~/.cache/libyaie``) under a key that checksums the library's source files, the
Python version, the installed pyahocorasick and attrs files (path, size, mtime) and
the bytes of every data file, so any change to the data or the code that reads it
makes a new entry; the directory keeps the six most recently used entries (older
ones are never read again and are removed).  ``LIBYAIE_NO_CACHE=1`` disables it.
A missing, unreadable or corrupt cache is never an error: the gazetteer is rebuilt.
The cache directory is the user's own; do not point it at a directory others can write.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

__all__ = ["cache_dir", "cached", "prune"]

_FORMAT = "2"
_KEEP = 6  # files of one kind kept in the cache directory (the most recently used)
_STALE_TMP = 3600.0  # seconds after which a writer's leftover temporary file is removed


def cache_dir() -> Path | None:
    if os.environ.get("LIBYAIE_NO_CACHE"):
        return None
    explicit = os.environ.get("LIBYAIE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "libyaie"


class _Checksum:
    def __init__(self) -> None:
        self.crc, self.adler, self.size = 0, 1, 0

    def update(self, data: bytes) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.adler = zlib.adler32(data, self.adler)
        self.size += len(data)

    def hexdigest(self) -> str:
        return f"{self.crc:08x}{self.adler:08x}{self.size:x}"


def stamp_files(h: _Checksum, files: Iterable[Path]) -> None:
    """Add each installed file's path, size and modification time to ``h`` (a file that
    cannot be read stands as ``path:?``)."""
    for src in files:
        try:
            st = src.stat()
            h.update(f"{src}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            h.update(f"{src}:?".encode())


def _key(files: Iterable[Path]) -> str:
    import ahocorasick
    import attr

    # CRC-32 and Adler-32 of everything, and its length: a cache key, not a security check
    # (hashlib would load OpenSSL, a good part of a cold start)
    h = _Checksum()
    h.update(_FORMAT.encode())
    h.update(sys.version.encode())
    # the libraries whose objects are pickled: their installed files (path, size, mtime)
    # stand for their versions (importlib.metadata would cost more than the whole load)
    stamp_files(h, [Path(getattr(mod, "__file__", None) or "?") for mod in (ahocorasick, attr)])
    # the code that builds the object is part of the key too
    here = Path(__file__).resolve().parent
    for src in sorted(here.rglob("*.py")):
        h.update(src.name.encode())
        h.update(src.read_bytes())
    for f in sorted(files):
        h.update(str(f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def cached(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier process with the same inputs."""
    d = cache_dir()
    if d is None:
        return build()
    try:
        path = d / f"{name}-{_key(list(files))}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as fh:
            obj: T = pickle.load(fh)
    except Exception:  # missing or corrupt: rebuild
        pass
    else:
        try:
            os.utime(path)  # used now: the last files to be pruned
        except OSError:
            pass
        return obj
    obj = build()
    try:
        import tempfile  # only when writing

        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # read-only home, full disk: run without a cache
    prune(d, name)
    return obj


def prune(d: Path, name: str, keep: int = _KEEP) -> None:
    """Remove all but the ``keep`` most recently used ``{name}-*.pickle`` files of ``d``
    (every change to the code or the data makes a new file, and an old one is never read
    again), and writers' temporary files left for more than an hour.  Errors are ignored:
    another process may be pruning too, and a read-only directory is not an error."""
    import time

    try:
        listing = list(d.iterdir())
    except OSError:
        return
    files: list[tuple[float, str, Path]] = []
    for p in listing:
        try:
            if p.name.startswith(f"{name}-") and p.name.endswith(".pickle"):
                files.append((p.stat().st_mtime, p.name, p))
            elif (p.name.startswith(f".{name}-") and p.name.endswith(".tmp")
                    and p.stat().st_mtime < time.time() - _STALE_TMP):
                p.unlink()
        except OSError:  # gone meanwhile (another process renamed or pruned it)
            pass
    files.sort(reverse=True)
    for _, _, p in files[keep:]:
        try:
            p.unlink()
        except OSError:
            pass
