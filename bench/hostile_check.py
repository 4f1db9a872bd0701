"""Hostile-input check (issue 8 acceptance): prints a summary and "0 problems" when clean.

    python bench/hostile_check.py [--inputs 3000] [--size 200000] [--seed 8] [--quick]

Checks, each adding to the problem count:

1. random mixed-script inputs (Arabic with tashkeel/tatweel/Arabic-Indic
   digits, Vietnamese NFC and NFD, Latin, gazetteer vocabulary, bidi and
   zero-width characters, controls, lone surrogates, emoji, punctuation): no
   exception, span invariant, each kind sorted and non-overlapping,
   determinism, pickling (equal, same hash) and the JSON round trip;
2. adversarial repetitions (bench/linearity.py shapes) at ``--size``
   characters: no exception, invariants, and time(size) / time(size/4) < 8
   (each run in a forked child, killed at the bound);
3. eight threads at once over the random inputs give the sequential results;
4. the CLI error paths: missing file, a directory, a path through a file,
   undecodable bytes, no FILE at all — one ``libyaie: error:`` line each,
   the documented exit code, no traceback.

Exit status 0 when there are no problems, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import itertools
import json
import math
import os
import pickle
import random
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import libyaie  # noqa: E402
from libyaie import Document, _gazetteer  # noqa: E402

_spec = importlib.util.spec_from_file_location("yaie_bench_linearity", Path(__file__).with_name("linearity.py"))
assert _spec is not None and _spec.loader is not None
linearity = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(linearity)

REF = datetime.date(2020, 12, 28)
_cspec = importlib.util.spec_from_file_location("yaie_hostile_chars", Path(__file__).with_name("hostile_chars.py"))
assert _cspec is not None and _cspec.loader is not None
_chars = importlib.util.module_from_spec(_cspec)
_cspec.loader.exec_module(_chars)
ARABIC_LETTERS, ARABIC_DIGITS, VI_LETTERS = _chars.ARABIC_LETTERS, _chars.ARABIC_DIGITS, _chars.VI_LETTERS
COMBINING, BIDI_ZW, CONTROLS, SURROGATES = _chars.COMBINING, _chars.BIDI_ZW, _chars.CONTROLS, _chars.SURROGATES
EMOJI, PUNCT = _chars.EMOJI, _chars.PUNCT
TASHKEEL = _chars.TASHKEEL + _chars.TATWEEL  # here: any mark that may follow an Arabic letter
SEPS = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "", ", ", "، ", " - ", "("]


class Problems:
    def __init__(self) -> None:
        self.items: list[str] = []
        self.lock = threading.Lock()

    def add(self, what: str) -> None:
        with self.lock:
            self.items.append(what)
            if len(self.items) <= 20:
                print(f"  PROBLEM: {what}", flush=True)


def vocab() -> list[str]:
    gaz = _gazetteer.get()
    words: set[str] = set()
    for t in gaz.dates.values():
        tables: list[Iterable[str]] = [*t.months.values(), t.weekdays, t.numbers, t.units]
        for table in tables:
            words.update(table)
        for forms in t.words.values():
            words.update(forms)
    for pieces in gaz.titles.values():
        for p in pieces:
            words.update(p.forms)
    for pl in list(gaz.places.values())[:400]:
        for forms in pl.names.values():
            words.update(forms[:2])
    for pe in gaz.persons.values():
        words.add(pe.name)
    words.update(["27/12", "27/12/2020", "(27/12)", "2020-12-28", "1/", "Al-", "٢٨ ديسمبر ٢٠٢٠"])
    return sorted(w for w in words if w)


def random_text(rng: random.Random, words: list[str], seeds: list[str]) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(0, 30)):
        k = rng.random()
        if k < 0.35:
            w = rng.choice(words)
            how = rng.random()
            if how < 0.15:
                w = unicodedata.normalize("NFD", w)
            elif how < 0.25:
                w = "".join(c + (rng.choice(TASHKEEL) if rng.random() < 0.4 else "") for c in w)
            elif how < 0.32:
                w = w.upper()
            elif how < 0.38:
                w = rng.choice(["و", "ب", "ل", "ف", "لل"]) + w
            elif how < 0.45:
                w = w.translate({ord(str(i)): ARABIC_DIGITS[i] for i in range(10)})
        elif k < 0.45:
            w = "".join(rng.choice(ARABIC_LETTERS) + (rng.choice(TASHKEEL) if rng.random() < 0.3 else "")
                        for _ in range(rng.randint(1, 8)))
        elif k < 0.55:
            w = "".join(rng.choice(VI_LETTERS + "abcdeghiklmnopqrstuvxy") for _ in range(rng.randint(1, 7)))
            if rng.random() < 0.5:
                w = unicodedata.normalize("NFD", w)
        elif k < 0.62:
            w = "".join(rng.choice("0123456789" + ARABIC_DIGITS + "/-.") for _ in range(rng.randint(1, 10)))
        elif k < 0.75:
            w = rng.choice(list(BIDI_ZW + CONTROLS + SURROGATES + PUNCT + COMBINING + TASHKEEL) + EMOJI)
        elif k < 0.85:
            w = "".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 5)))
        else:
            s = rng.choice(seeds)
            i = rng.randint(0, max(0, len(s) - 80))
            w = s[i : i + rng.randint(5, 120)]
        parts.append(w)
        parts.append(rng.choice(SEPS))
    return "".join(parts)


def invariants(text: str, doc: Document) -> str | None:
    if not isinstance(doc, Document) or doc.text != text:
        return "not a Document of the input"
    for group in (doc.dates, doc.places, doc.titles, doc.persons):
        spans = [(m.start, m.end) for m in group]
        if spans != sorted(spans):
            return f"unsorted {spans}"
        for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
            if e1 > s2:
                return f"overlap within a kind {spans}"
        for m in group:
            if not (0 <= m.start < m.end <= len(text)) or text[m.start : m.end] != m.text:
                return f"span invariant: {m!r}"
    return None


def values(doc: Document) -> str | None:
    again = pickle.loads(pickle.dumps(doc))
    if again != doc or hash(again) != hash(doc):
        return "pickle round trip differs"
    d = doc.to_dict()
    if json.loads(json.dumps(d)) != d:
        return "to_dict JSON round trip differs"
    return None


def check_random(n: int, seed: int, problems: Problems) -> list[tuple[str, datetime.date | None]]:
    rng = random.Random(seed)
    words = vocab()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").rglob("*.txt"))]
    inputs = []
    t0 = time.perf_counter()
    mentions = 0
    for i in range(n):
        text = random_text(rng, words, seeds)
        ref = REF if i % 2 else None
        inputs.append((text, ref))
        try:
            doc = libyaie.extract(text, reference_date=ref)
            mentions += len(doc.mentions)
            why = invariants(text, doc) or values(doc)
            if why is None and libyaie.extract(text, reference_date=ref) != doc:
                why = "not deterministic"
        except Exception:
            why = "exception: " + traceback.format_exc(limit=3).strip().splitlines()[-1]
        if why:
            problems.add(f"random input #{i} {text[:80]!r}: {why}")
    dt = time.perf_counter() - t0
    print(f"random mixed-script inputs: {n} inputs, {mentions} mentions, {dt:.1f} s", flush=True)
    return inputs


def _measure(text: str) -> tuple[float, str | None]:
    try:
        t0 = time.perf_counter()
        doc = libyaie.extract(text)
        return time.perf_counter() - t0, invariants(text, doc)
    except Exception:
        return math.nan, "exception: " + traceback.format_exc(limit=3).strip().splitlines()[-1]


def timed(text: str, timeout: float) -> tuple[float, str | None]:
    """(seconds, problem or None) of one extract() in a forked child; ``inf`` past ``timeout``."""
    got: tuple[float, str | None] | None = linearity.run_forked(lambda: _measure(text), timeout)
    return (math.inf, None) if got is None else (float(got[0]), got[1])


def check_repetitions(size: int, problems: Problems) -> None:
    print(f"adversarial repetitions at {size:,} characters (time vs {size // 4:,}; bound x8):", flush=True)
    for name in linearity.CORPUS:
        t_small, why = timed(linearity.build(name, size // 4), 300)
        if why:
            problems.add(f"{name} at {size // 4}: {why}")
            continue
        t_big, why = timed(linearity.build(name, size), 8 * t_small + 2)
        ratio = t_big / max(t_small, 1e-4)
        status = "ok"
        if why:
            problems.add(f"{name} at {size}: {why}")
            status = "ERROR"
        elif ratio >= 8:
            if math.isfinite(t_big):  # one retry against a noisy machine
                t_small, _ = timed(linearity.build(name, size // 4), 300)
                t_big, _ = timed(linearity.build(name, size), 8 * t_small + 2)
                ratio = t_big / max(t_small, 1e-4)
            if ratio >= 8:
                shown = f"{t_big:.2f} s" if math.isfinite(t_big) else f"killed after {8 * t_small + 2:.1f} s"
                problems.add(f"{name}: super-linear, {size // 4} chars {t_small:.2f} s, {size} chars {shown}")
                status = "SUPER-LINEAR"
        big = f"{t_big:8.2f}" if math.isfinite(t_big) else "  killed"
        print(f"  {name:16s} {t_small:7.2f} s {big} s  x{ratio:5.1f}  {status}", flush=True)


def check_threads(inputs: list[tuple[str, datetime.date | None]], problems: Problems) -> None:
    sample = inputs[:400]
    sequential = [libyaie.extract(t, reference_date=r) for t, r in sample]
    barrier = threading.Barrier(8)

    def work(k: int) -> list[Document]:
        barrier.wait()
        idx = list(range(len(sample)))
        order = idx[k * 37 :] + idx[: k * 37]
        got = {i: libyaie.extract(sample[i][0], reference_date=sample[i][1]) for i in order}
        return [got[i] for i in idx]

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    bad = sum(r != sequential for r in results)
    if bad:
        problems.add(f"threads: {bad} of 8 threads differ from the sequential results")
    print(f"eight threads: {len(sample)} inputs x 8 threads, {bad} differing, {time.perf_counter() - t0:.1f} s",
          flush=True)


def check_cli(problems: Problems) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONIOENCODING"] = "utf-8"
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        (tmp / "bad.txt").write_bytes(b"Tripoli \xff\xfe ngay")
        (tmp / "utf16.txt").write_bytes("ngày 27/12".encode("utf-16"))
        (tmp / "dir").mkdir()
        (tmp / "file.txt").write_text("x", encoding="utf-8")
        (tmp / "good.txt").write_text("Thủ tướng Fayez al-Sarraj tới Tripoli ngày 27/12.", encoding="utf-8")
        cases: list[tuple[str, list[str], bytes, int, int]] = [
            ("missing file", ["extract", "missing.txt"], b"", 1, 1),
            ("directory", ["extract", "dir"], b"", 1, 1),
            ("path through a file", ["extract", "file.txt/x"], b"", 1, 1),
            ("undecodable bytes", ["extract", "bad.txt"], b"", 1, 1),
            ("UTF-16 file", ["extract", "utf16.txt"], b"", 1, 1),
            ("undecodable stdin", ["extract", "-"], b"\xff\xfe", 1, 1),
            ("no FILE (empty input)", ["extract"], b"", 2, 1),
            ("bad and good files", ["extract", "missing.txt", "bad.txt", "good.txt", "--format", "jsonl"], b"", 1, 2),
            ("bad reference date", ["extract", "good.txt", "--reference-date", "2020-13-01"], b"", 2, 1),
        ]
        if os.geteuid() != 0:
            (tmp / "secret.txt").write_text("x", encoding="utf-8")
            (tmp / "secret.txt").chmod(0)
            cases.append(("no read permission", ["extract", "secret.txt"], b"", 1, 1))
        for what, args, stdin, code, lines in cases:
            proc = subprocess.run([sys.executable, "-m", "libyaie", *args], cwd=tmp, env=env, input=stdin,
                                  capture_output=True, timeout=300)
            err = proc.stderr.decode("utf-8", "replace")
            errs = err.strip().splitlines()
            ok = (
                proc.returncode == code
                and "Traceback" not in err
                and len(errs) == lines
                and all(e.startswith("libyaie: error: ") for e in errs)
            )
            if what == "bad and good files":
                ok = ok and b"good.txt" in proc.stdout
            if not ok:
                problems.add(f"CLI {what}: exit {proc.returncode} (want {code}), stderr {err[:300]!r}")
            print(f"  CLI {what:24s} exit {proc.returncode}  {errs[0] if errs else '(no message)'}", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Hostile-input check for libyaie")
    ap.add_argument("--inputs", type=int, default=3000)
    ap.add_argument("--size", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--quick", action="store_true", help="300 inputs, 40k-character repetitions")
    args = ap.parse_args(argv)
    if args.quick:
        args.inputs, args.size = 300, 40_000
    problems = Problems()
    t0 = time.perf_counter()
    libyaie.extract("warm up: Tripoli 27/12/2020")
    inputs = check_random(args.inputs, args.seed, problems)
    check_threads(inputs, problems)
    print(f"pickling and JSON: checked for each of the {len(inputs)} random inputs", flush=True)
    check_repetitions(args.size, problems)
    print("CLI error paths:", flush=True)
    check_cli(problems)
    n = len(problems.items)
    print(f"summary: {args.inputs} random inputs, {len(linearity.CORPUS)} adversarial shapes at {args.size:,} chars, "
          f"8 threads, pickling, CLI error paths; {time.perf_counter() - t0:.0f} s")
    if n > 20:
        print(f"({n - 20} more problems not shown)")
    print(f"{n} problems")
    return 0 if n == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
