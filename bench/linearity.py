"""Linear time on adversarial input: extract() time from 20k to 2M characters.

The corpus is a set of adversarial repetitions — the shapes that make regex
engines backtrack and pairwise loops blow up (``1/`` × n, ``ngày `` × n,
``الأحد `` × n, title words × n, tashkeel × n, one 200k-character word, ...).
For each shape and size the script prints the time, the time per character
and the ratio to the previous size; linear growth keeps µs/char flat and the
ratio near the size ratio (×4 per row by default)::

    python bench/linearity.py                     # 20k, 80k, 320k, 1.28M, 2M
    python bench/linearity.py --sizes 20000,80000 --only wazir,minister
    python bench/linearity.py --max-seconds 120   # stop a shape once one size is slower than this

``tests/test_linear.py`` imports :func:`build`, :data:`CORPUS` and :func:`run_forked` from
this file; ``bench/hostile_check.py`` uses them too.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TASHKEEL = "\u064e\u0651\u064f\u0650\u064b\u0652"  # fatha shadda damma kasra fathatan sukun (mixed classes)
CAP_WORDS = ("Ahmed", "Khalifa", "Omar", "Mohamed", "Ali", "Hassan", "Fathi", "Nguyen", "Sergei", "Abdul",
             "Hamid", "Musa", "Salah", "Aguila", "Tripoli", "Libya", "Minister", "Cairo", "Haftar", "Ibrahim",
             "Zayed", "Bashagha", "Kubar", "Dbeibah", "Yusuf", "Farouk", "Tahir", "Idris", "Jamal", "Samir")
AR_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _repeat(unit: str) -> Callable[[int], str]:
    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return make


def _cap_words(n: int) -> str:
    # a long run of distinct-looking capitalised words (no sentence break)
    out: list[str] = []
    size = 0
    for i in itertools.count():
        w = CAP_WORDS[i % len(CAP_WORDS)] + ("" if i < len(CAP_WORDS) else CAP_WORDS[(i * 7) % len(CAP_WORDS)].lower())
        out.append(w)
        size += len(w) + 1
        if size >= n:
            break
    return " ".join(out)[:n]


def _arabic_no_spaces(n: int) -> str:
    # long Arabic "words" without spaces: cycling letters, with clitic-like and article prefixes
    unit = "وبال" + AR_LETTERS + "ليبيا" + "طرابلس"
    return (unit * (n // len(unit) + 1))[:n]


def _single_word(n: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return (letters * (n // len(letters) + 1))[:n]


def _tashkeel_run(n: int) -> str:
    # one base letter followed by n-1 combining marks: one enormous grapheme cluster
    return "ب" + (TASHKEEL * (n // len(TASHKEEL) + 1))[: n - 1]


def _vi_marks_run(n: int) -> str:
    return "a" + ("\u0301\u0323\u0302" * (n // 3 + 1))[: n - 1]


def _seeds(n: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    unit = "\n".join(texts) + "\n"
    return (unit * (n // len(unit) + 1))[:n]


# name -> builder(n) -> a string of exactly n characters
CORPUS: dict[str, Callable[[int], str]] = {
    "slash": _repeat("1/"),
    "ngay": _repeat("ngày "),
    "ahad": _repeat("الأحد "),
    "minister": _repeat("Minister "),
    "al-": _repeat("Al-"),
    "ar-zero": _repeat("٠"),
    "tashkeel": _tashkeel_run,
    "tashkeel-words": _repeat("بِّ"),
    "vi-marks": _vi_marks_run,
    "cap-words": _cap_words,
    "wazir": _repeat("وزير "),
    "bo-truong": _repeat("Bộ trưởng "),
    "menteri": _repeat("Menteri "),
    "deputy-fm": _repeat("Deputy Foreign Minister "),
    "wazir-kharijiya": _repeat("وزير الخارجية "),
    "paren": _repeat("("),
    "dmy-chain": _repeat("12/"),
    "dates": _repeat("27/12/2020 "),
    "dash": _repeat("-"),
    "ar-no-spaces": _arabic_no_spaces,
    "single-word": _single_word,
    "spaces": _repeat(" "),
    "tripoli": _repeat("Tripoli "),
    "person": _repeat("Fayez al-Sarraj "),
    # the untitled-person cues: each candidate name is looked for in lower case around it
    "said-name": _repeat("said John Smithers, "),
    "said-hyphen": _repeat("said Abu al-Zawi, "),
    "weak-list": _repeat("Chad, "),
    "vi-weak-list": _repeat("Nga, "),
    "honorific": _repeat("ông John Smithers và "),
    "ar-cue": _repeat("ويدعى محمد الطاهر، "),
    "seeds": _seeds,
}


def build(name: str, n: int) -> str:
    text = CORPUS[name](n)
    assert len(text) == n, (name, n, len(text))
    return text


def _send_result(func: Callable[[], Any], conn: Any) -> None:
    # the objects inherited from the parent (in a test run, the whole suite's heap) are not
    # the child's work: frozen, so that the child's garbage collections do not walk them
    # (and copy their pages) while it is timed
    import gc

    gc.freeze()
    conn.send(func())
    conn.close()


def run_forked(func: Callable[[], Any], timeout: float) -> Any:
    """``func()`` run in a forked child, or ``None`` when it has not answered within
    ``timeout`` seconds (the child is then killed, so a runaway case cannot hang the
    caller).  ``func`` must return a picklable value and catch its own exceptions."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_send_result, args=(func, child), daemon=True)
    proc.start()
    child.close()
    try:
        return parent.recv() if parent.poll(timeout) else None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()


def time_extract(text: str, repeat: int = 1) -> float:
    import libyaie

    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        libyaie.extract(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="20000,80000,320000,1280000,2000000")
    ap.add_argument("--only", default="", help="comma-separated corpus names (default: all)")
    ap.add_argument("--max-seconds", type=float, default=60.0,
                    help="skip the larger sizes of a shape once one size takes longer than this")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [s for s in args.only.split(",") if s] or list(CORPUS)

    import libyaie

    libyaie.extract("warm up: Tripoli 27/12/2020")
    if args.markdown:
        print("| shape | chars | seconds | µs/char | ratio |")
        print("|---|---:|---:|---:|---:|")
    else:
        print(f"{'shape':16s} {'chars':>9s} {'seconds':>9s} {'µs/char':>8s} {'ratio':>7s}")
    worst = 0.0
    for name in names:
        prev: tuple[int, float] | None = None
        for n in sizes:
            dt = time_extract(build(name, n))
            ratio = "" if prev is None else f"{dt / prev[1]:.2f}"
            if prev is not None:
                worst = max(worst, (dt / prev[1]) / (n / prev[0]))
            us = dt / n * 1e6
            if args.markdown:
                print(f"| {name} | {n:,} | {dt:.3f} | {us:.2f} | {ratio} |", flush=True)
            else:
                print(f"{name:16s} {n:>9,} {dt:>9.3f} {us:>8.2f} {ratio:>7s}", flush=True)
            prev = (n, dt)
            if dt > args.max_seconds:
                print(f"{name:16s} (larger sizes skipped: {dt:.0f} s > --max-seconds)", flush=True)
                break
    print(f"worst growth relative to input growth: {worst:.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
