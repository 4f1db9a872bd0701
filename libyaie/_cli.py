"""The ``libyaie`` command line.

Usage::

    libyaie extract INPUT... [--glob PATTERN] [--format json|jsonl|table|timex3|geojson|html]
                    [--reference-date YYYY-MM-DD] [--lang LANG] [--kinds KIND,...]
                    [--gazetteer FILE]... [--unlinked-places] [-o FILE]
    libyaie evaluate GOLD_FILE_OR_DIR... [-v]
    libyaie --version

``extract`` reads each INPUT as UTF-8: a file, ``-`` (standard input), or a
directory, searched recursively for the files whose name matches ``--glob``
(default ``*.txt``; sorted by path).  Formats:

* ``json`` (default): one JSON list of ``Document.to_dict()`` objects, each
  with an added ``"file"`` key;
* ``jsonl``: one such object per line, written as each document is done;
* ``table``: a readable table per document;
* ``timex3``: TimeML with inline ``<TIMEX3>`` elements (one ``<DOC>`` per
  document when there are several, see :mod:`libyaie.formats.timex3`);
* ``geojson``: one FeatureCollection of the places of all the documents;
* ``html``: one self-contained page highlighting the mentions, one article
  per document.

``--lang`` overrides the detected language in the output (the rules of every
language still run), ``--kinds`` keeps only some kinds of mention,
``--gazetteer`` adds user gazetteer files, ``--unlinked-places`` also outputs
the places that have no GeoNames id, ``-o`` writes to a file instead of
standard output.  With more than one input and standard error on a terminal,
a progress bar is drawn on standard error.  An input that cannot be read is
reported on stderr and skipped; the others are still processed.

``evaluate`` scores the extractor on gold files (CONTRACT.md §6; directories
are searched recursively for ``*.txt``) and prints a P/R/F1 table; ``-v``
adds the misses and false positives of each file.

Errors are one line on stderr, ``libyaie: error: ...``, never a traceback.

Exit codes:

* 0 — success;
* 1 — input or data error: a FILE missing, unreadable, not UTF-8 or empty
  (an empty input still gets its empty document in the output), a
  directory that cannot be read or holds no matching file (``extract`` still
  processes the other inputs), an output file that cannot be written, a
  malformed gold file (the message names ``file:line``), a gazetteer that
  cannot be loaded, or standard output closed early (broken pipe);
* 2 — usage error: unknown option or subcommand, missing argument, bad
  ``--reference-date``, ``--lang`` or ``--kinds``;
* 130 — interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, NoReturn, TextIO

import attrs

from ._codes import LANGS
from .model import DateMention, Document, Mention, PersonMention, PlaceMention, TitleMention

__all__ = ["EXIT_INPUT", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_PROG = "libyaie"
_STDIN = "-"
_STDIN_NAME = "<stdin>"
_FORMATS = ("json", "jsonl", "table", "timex3", "geojson", "html")
_KINDS = ("dates", "places", "titles", "persons")
_DEFAULT_GLOB = "*.txt"


class _UsageError(Exception):
    """A usage error raised by the argument parser (exit code 2)."""


class _InputError(Exception):
    """An input or data error (exit code 1)."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and do not exit by themselves."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _version() -> str:
    from . import __version__

    return __version__


def _build_parser() -> _Parser:
    parser = _Parser(
        prog=_PROG,
        description="Extract dates, places, titles and persons from news about Libya "
        "(Arabic, Vietnamese, Indonesian, English).",
    )
    parser.add_argument("--version", action="version", version=f"{_PROG} {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser(
        "extract",
        help="extract mentions from text files",
        description="Extract mentions from UTF-8 text files ('-' reads standard input; "
        "directories are searched recursively for files matching --glob).",
    )
    ex.add_argument(
        "files",
        nargs="+",
        metavar="INPUT",
        help="a UTF-8 text file, a directory, or '-' for standard input",
    )
    ex.add_argument(
        "--glob",
        metavar="PATTERN",
        default=_DEFAULT_GLOB,
        help=f"file name pattern for the files of a directory (default: {_DEFAULT_GLOB}; "
        "a pattern with '/' matches the end of the path under the directory)",
    )
    ex.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD",
        help="document creation (publication) date used to resolve relative dates",
    )
    ex.add_argument(
        "--format",
        choices=_FORMATS,
        default="json",
        help="output format (default: json)",
    )
    ex.add_argument(
        "--lang",
        choices=(*LANGS, "und"),
        help="language written in the output instead of the detected one "
        "(the rules of every language still run)",
    )
    ex.add_argument(
        "--kinds",
        metavar="KIND,...",
        help=f"only output these kinds of mention: a comma-separated subset of {','.join(_KINDS)}",
    )
    ex.add_argument(
        "--gazetteer",
        metavar="FILE",
        action="append",
        default=[],
        help="a user gazetteer (TOML, see docs/gazetteers.md) added to the built-in data; repeatable",
    )
    ex.add_argument(
        "--unlinked-places",
        action="store_true",
        help="also output the places that have no GeoNames id (air bases, oil fields, historical regions)",
    )
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    ev = sub.add_parser(
        "evaluate",
        help="score the extractor on gold annotation files",
        description="Score the extractor on gold files (directories are searched for *.txt).",
    )
    ev.add_argument("paths", nargs="+", metavar="GOLD", help="a gold file or a directory of them")
    ev.add_argument("-v", "--verbose", action="store_true", help="list misses and false positives per file")
    return parser


def _parse_reference_date(value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _UsageError(f"argument --reference-date: invalid date {value!r} (expected YYYY-MM-DD)") from None


def _parse_kinds(value: str | None) -> frozenset[str]:
    """``dates,places`` → the set of Document fields to keep (singulars accepted)."""
    if value is None:
        return frozenset(_KINDS)
    kinds: set[str] = set()
    for item in value.split(","):
        k = item.strip().lower()
        if not k:
            continue
        if k + "s" in _KINDS:
            k += "s"
        if k not in _KINDS:
            raise _UsageError(f"argument --kinds: unknown kind {item.strip()!r} (choose from {','.join(_KINDS)})")
        kinds.add(k)
    if not kinds:
        raise _UsageError(f"argument --kinds: no kind given (choose from {','.join(_KINDS)})")
    return frozenset(kinds)


def _error(message: str) -> None:
    print(f"{_PROG}: error: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- reading


def _read_input(name: str) -> str:
    """Read one FILE argument as UTF-8 (a leading BOM is dropped)."""
    label = _STDIN_NAME if name == _STDIN else name
    try:
        if name == _STDIN:
            data = sys.stdin.buffer.read()
        else:
            path = Path(name)
            if path.is_dir():
                raise _InputError(f"{label}: is a directory")
            data = path.read_bytes()
    except FileNotFoundError:
        raise _InputError(f"{label}: no such file") from None
    except PermissionError:
        raise _InputError(f"{label}: permission denied") from None
    except OSError as err:
        raise _InputError(f"{label}: cannot read ({err.strerror or err})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _InputError(
            f"{label}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None


def _walk(root: str, pattern: str, report: Callable[[str], None]) -> Iterator[str]:
    """Files under directory ``root`` matching ``pattern``, sorted, recursively.

    Symbolic links to directories are not followed (no loops).  A directory
    that cannot be listed is reported through ``report`` and skipped.
    """
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        report(f"{root}: cannot read directory ({err.strerror or err})")
        return
    base = Path(root)
    for e in entries:
        path = str(base / e.name)
        try:
            is_dir = e.is_dir(follow_symlinks=False)
            is_file = not is_dir and e.is_file()
        except OSError:  # pragma: no cover - vanished entry
            continue
        if is_dir:
            yield from _walk(path, pattern, report)
        elif is_file and _matches(path, pattern):
            yield path


def _matches(path: str, pattern: str) -> bool:
    """``*.txt`` matches the file name; ``sub/*.txt`` the end of the path."""
    return PurePosixPath(Path(path).as_posix()).match(pattern)


def _expand(inputs: Sequence[str], pattern: str, report: Callable[[str], None]) -> list[str]:
    """Expand directories into the files they hold (in order; files and ``-`` kept as given)."""
    out: list[str] = []
    for name in inputs:
        if name != _STDIN and os.path.isdir(name):
            errors: list[str] = []

            def note(msg: str, errors: list[str] = errors) -> None:
                errors.append(msg)
                report(msg)

            found = list(_walk(name, pattern, note))
            if not found and not errors:
                report(f"{name}: directory holds no file matching {pattern!r}")
            out.extend(found)
        else:
            out.append(name)
    return out


# --------------------------------------------------------------------------- progress


class _Progress:
    """A one-line progress bar on a terminal; does nothing when the stream is not one."""

    def __init__(self, total: int, stream: TextIO):
        self.total = total
        self.stream = stream
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError, OSError):  # pragma: no cover - odd streams
            tty = False
        self.enabled = total > 1 and tty
        self.shown = False
        try:
            self.width = os.get_terminal_size(stream.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):
            self.width = 80

    def show(self, done: int, label: str) -> None:
        if not self.enabled:
            return
        cells = 20
        full = cells * done // self.total
        line = f"[{'#' * full}{'.' * (cells - full)}] {done}/{self.total} {label}"
        line = line[: max(10, self.width - 1)]
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


# --------------------------------------------------------------------------- output


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _normalised(m: Mention) -> str:
    if isinstance(m, DateMention):
        parts = [m.value or "?"]
        if m.kind != "date":
            parts.append(f"({m.kind})")
        if m.mod:
            parts.append(f"mod={m.mod}")
        return " ".join(parts)
    if isinstance(m, PlaceMention):
        gid = "-" if m.place.geonames_id is None else str(m.place.geonames_id)
        parts = [gid, m.place.name]
        if m.place.country:
            parts.append(f"[{m.place.country}]")
        if m.form != "name":
            parts.append(f"({m.form})")
        if m.direction:
            parts.append(f"dir={m.direction}")
        return " ".join(parts)
    if isinstance(m, TitleMention):
        parts = [m.role]
        if m.qualifier:
            parts.append(f"q={m.qualifier}")
        if m.country:
            parts.append(f"c={m.country}")
        if m.person is not None:
            parts.append(f"-> {m.person.name}")
        return " ".join(parts)
    if isinstance(m, PersonMention):
        return m.person.name
    return ""


def _table(label: str, doc: Document) -> str:
    ref = "none" if doc.reference_date is None else doc.reference_date.isoformat()
    if doc.reference_date_source:
        ref += f" ({doc.reference_date_source})"
    lines = [f"== {label}  lang={doc.lang}  reference date={ref}"]
    mentions = doc.mentions
    if not mentions:
        lines.append("(no mentions)")
        return "\n".join(lines) + "\n"
    rows = [(m.label, f"{m.start}-{m.end}", _one_line(m.text), _normalised(m)) for m in mentions]
    heads = ("kind", "span", "text", "normalised")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(heads[:3])]
    widths = [widths[0], widths[1], min(widths[2], 40)]

    def fmt(cols: Sequence[str]) -> str:
        a, b, c, d = cols
        return f"{a:<{widths[0]}}  {b:>{widths[1]}}  {c:<{widths[2]}}  {d}".rstrip()

    lines.append(fmt(heads))
    lines.append(fmt((*("-" * w for w in widths), "-" * len(heads[3]))))
    lines.extend(fmt(r) for r in rows)
    return "\n".join(lines) + "\n"


def _record(label: str, doc: Document) -> dict[str, Any]:
    d = doc.to_dict()
    d["file"] = label
    return d


def _shape(doc: Document, lang: str | None, kinds: frozenset[str]) -> Document:
    """Apply ``--lang`` and ``--kinds`` to a (frozen) document."""
    changes: dict[str, Any] = {k: () for k in _KINDS if k not in kinds}
    if lang is not None:
        changes["lang"] = lang
    return attrs.evolve(doc, **changes) if changes else doc


# --------------------------------------------------------------------------- commands


def _extract_function(gazetteers: Sequence[str], unlinked_places: bool = False) -> Callable[..., Document]:
    if gazetteers or unlinked_places:
        from ._pipeline import Extractor

        return Extractor(extra_gazetteers=gazetteers, unlinked_places=unlinked_places).extract
    from . import extract

    return extract


def _open_output(path: str | None) -> TextIO | None:
    if path is None:
        return None
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as err:
        raise _InputError(f"{path}: cannot write ({err.strerror or err})") from None


def _cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    reference_date = _parse_reference_date(args.reference_date)
    kinds = _parse_kinds(args.kinds)
    fmt: str = args.format
    failed = False
    progress: _Progress | None = None

    def report(message: str) -> None:
        nonlocal failed
        failed = True
        if progress is not None:
            progress.clear()
        _error(message)

    extract = _extract_function(args.gazetteer, args.unlinked_places)
    single = len(args.files) == 1 and (args.files[0] == _STDIN or not os.path.isdir(args.files[0]))
    names = _expand(args.files, args.glob, report)
    file_out = _open_output(args.output)
    sink = out if file_out is None else file_out
    progress = _Progress(len(names), sys.stderr)
    try:
        sink_is_tty = sink.isatty()
    except (AttributeError, ValueError, OSError):  # pragma: no cover - odd streams
        sink_is_tty = False
    collected: list[tuple[str, Document]] = []
    try:
        written = 0
        for i, name in enumerate(names):
            label = _STDIN_NAME if name == _STDIN else name
            progress.show(i, label)
            try:
                text = _read_input(name)
            except _InputError as err:
                report(str(err))
                continue
            if not text.strip():
                # still one (empty) record for it, so a batch loses nothing; exit 1 at the end
                report(f"{label}: empty input")
            doc = _shape(extract(text, reference_date=reference_date), args.lang, kinds)
            if fmt in ("jsonl", "table"):
                if sink_is_tty:
                    progress.clear()  # the bar and the output share the terminal
                if fmt == "jsonl":
                    sink.write(json.dumps(_record(label, doc), ensure_ascii=False) + "\n")
                else:
                    if written:
                        sink.write("\n")
                    sink.write(_table(label, doc))
                sink.flush()
                written += 1
            else:
                collected.append((label, doc))
        progress.show(len(names), "")
        progress.clear()
        labels = [label for label, _ in collected]
        docs = [doc for _, doc in collected]
        if fmt == "json":
            json.dump([_record(label, doc) for label, doc in collected], sink, ensure_ascii=False, indent=2)
            sink.write("\n")
        elif fmt == "timex3":
            from .formats import to_timex3

            sink.write(to_timex3(docs[0] if single and docs else docs, labels=labels))
        elif fmt == "geojson":
            from .formats import to_geojson

            json.dump(to_geojson(docs, labels=labels), sink, ensure_ascii=False, indent=2)
            sink.write("\n")
        elif fmt == "html":
            from .formats import to_html

            sink.write(to_html(docs, labels=labels))
        sink.flush()
    finally:
        progress.clear()
        if file_out is not None:
            file_out.close()
    return EXIT_INPUT if failed else EXIT_OK


def _cmd_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    from ._evaluate import GoldFormatError, evaluate

    try:
        report = evaluate(args.paths)
    except GoldFormatError as err:
        raise _InputError(str(err)) from None
    except FileNotFoundError as err:
        raise _InputError(str(err)) from None
    except OSError as err:
        raise _InputError(f"{err.filename}: cannot read ({err.strerror or err})") from None
    out.write(report.format(verbose=args.verbose))
    out.flush()
    return EXIT_OK


def _utf8_stdout() -> None:
    """Write UTF-8 whatever the locale says (Arabic and Vietnamese output)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(encoding="utf-8")
        except (ValueError, OSError):  # pragma: no cover - exotic streams
            pass


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no real fd
        pass


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docstring)."""
    from ._gazetteer import GazetteerError

    parser = _build_parser()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help / --version
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        _utf8_stdout()
        if args.command == "extract":
            return _cmd_extract(args, sys.stdout)
        return _cmd_evaluate(args, sys.stdout)
    except _UsageError as err:
        _error(str(err))
        return EXIT_USAGE
    except _InputError as err:
        _error(str(err))
        return EXIT_INPUT
    except GazetteerError as err:
        _error(f"gazetteer: {_one_line(str(err))}")
        return EXIT_INPUT
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_INPUT
    except KeyboardInterrupt:
        try:
            print(file=sys.stderr)
        except OSError:  # pragma: no cover
            pass
        return EXIT_INTERRUPTED
