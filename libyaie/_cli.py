"""The ``libyaie`` command line.

Usage::

    libyaie extract FILE... [-] [--reference-date YYYY-MM-DD] [--format json|jsonl|table]
    libyaie evaluate GOLD_FILE_OR_DIR... [-v]
    libyaie --version

``extract`` reads each FILE (``-`` is standard input) as UTF-8 and prints the
extraction: ``json`` (default) is one JSON list of ``Document.to_dict()``
objects, each with an added ``"file"`` key; ``jsonl`` streams one such object
per line; ``table`` is a readable table per file.  A file that cannot be read
is reported on stderr and skipped; the others are still processed.

``evaluate`` scores the extractor on gold files (CONTRACT.md §6; directories
are searched recursively for ``*.txt``) and prints a P/R/F1 table; ``-v``
adds the misses and false positives of each file.

Errors are one line on stderr, ``libyaie: error: ...``, never a traceback.

Exit codes:

* 0 — success;
* 1 — input or data error: a FILE missing, a directory, unreadable or not
  UTF-8 (``extract`` still processes the other files), a malformed gold file
  (the message names ``file:line``), a gazetteer that cannot be loaded, or
  standard output closed early (broken pipe);
* 2 — usage error: unknown option or subcommand, missing argument, bad
  ``--reference-date``;
* 130 — interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from .model import DateMention, Document, Mention, PersonMention, PlaceMention, TitleMention

__all__ = ["EXIT_INPUT", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

_PROG = "libyaie"
_STDIN = "-"
_STDIN_NAME = "<stdin>"


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
        description="Extract mentions from UTF-8 text files ('-' reads standard input).",
    )
    ex.add_argument("files", nargs="+", metavar="FILE", help="a UTF-8 text file, or '-' for standard input")
    ex.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD",
        help="document creation (publication) date used to resolve relative dates",
    )
    ex.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        default="json",
        help="output format (default: json)",
    )

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


# --------------------------------------------------------------------------- commands


def _cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    from . import extract

    reference_date = _parse_reference_date(args.reference_date)
    fmt: str = args.format
    failed = False
    collected: list[dict[str, Any]] = []
    for i, name in enumerate(args.files):
        label = _STDIN_NAME if name == _STDIN else name
        try:
            text = _read_input(name)
        except _InputError as err:
            _error(str(err))
            failed = True
            continue
        doc = extract(text, reference_date=reference_date)
        if fmt == "json":
            collected.append(_record(label, doc))
        elif fmt == "jsonl":
            out.write(json.dumps(_record(label, doc), ensure_ascii=False) + "\n")
            out.flush()
        else:
            if i:
                out.write("\n")
            out.write(_table(label, doc))
            out.flush()
    if fmt == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
        out.flush()
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
