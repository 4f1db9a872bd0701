"""Reliability (issue 8): hostile input, concurrency, results as values, error paths.

* Hypothesis strategies mix every script the library knows (Arabic with
  tashkeel, tatweel and Arabic-Indic digits; Vietnamese NFC and NFD; Latin)
  with bidi and zero-width characters, controls, lone surrogates, emoji and
  punctuation, plus the gazetteers' own vocabulary so that mentions are
  actually found.  Properties: no exception, the span invariant, mentions
  sorted and non-overlapping within a kind, determinism, NFC/NFD invariance,
  pickling and JSON round trips.
* Concurrency: eight threads at once give the sequential results; the lazy
  gazetteer build happens exactly once under contention (fresh subprocess).
* Error paths: non-``str`` input, malformed gazetteer data (file, line and
  entry named), CLI input errors (one line, documented exit code, no
  traceback), batch mode that reports a bad record and goes on.

Regression tests for what the fuzzer (``fuzz/fuzz_extract.py``) found are at
the end, marked ``# found by fuzzing``.
"""

from __future__ import annotations

import copy
import datetime
import importlib.util
import itertools
import json
import os
import pickle
import random
import stat
import subprocess
import sys
import textwrap
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import libyaie
from libyaie import Document, ExtractionError, Extractor, GazetteerError, _gazetteer

ROOT = Path(__file__).resolve().parents[1]
REF = datetime.date(2020, 12, 28)
GAZ = _gazetteer.get()
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# --------------------------------------------------------------------------- strategies

_chars_spec = importlib.util.spec_from_file_location("yaie_hostile_chars", ROOT / "bench" / "hostile_chars.py")
assert _chars_spec is not None and _chars_spec.loader is not None
_chars = importlib.util.module_from_spec(_chars_spec)
_chars_spec.loader.exec_module(_chars)
ARABIC_LETTERS, TASHKEEL, TATWEEL = _chars.ARABIC_LETTERS, _chars.TASHKEEL, _chars.TATWEEL
ARABIC_DIGITS, VI_LETTERS, COMBINING = _chars.ARABIC_DIGITS, _chars.VI_LETTERS, _chars.COMBINING
BIDI_ZW, CONTROLS, SURROGATES = _chars.BIDI_ZW, _chars.CONTROLS, _chars.SURROGATES
EMOJI, PUNCT = _chars.EMOJI, _chars.PUNCT
SPACES = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u3000", ""]


def _vocab() -> list[str]:
    words: set[str] = set()
    for t in GAZ.dates.values():
        for table in (*t.months.values(), t.weekdays, t.numbers, t.units):
            words.update(list(table)[:40])
        for forms in t.words.values():
            words.update(forms[:6])
    for pieces in GAZ.titles.values():
        for p in pieces[:120]:
            words.update(p.forms[:3])
    for pid in ("ly", "ly-tripoli", "lb-tripoli", "ly-benghazi", "ly-sirte", "ly-misrata", "eg", "tr", "ru", "dz", "us"):
        if pid in GAZ.places:
            for forms in GAZ.places[pid].names.values():
                words.update(forms[:4])
            for forms in GAZ.places[pid].adjectives.values():
                words.update(forms[:3])
    for pe in sorted(GAZ.persons.values(), key=lambda p: p.id)[:80]:
        words.add(pe.name)
        words.update(pe.aliases[:2])
    words.update(["27/12", "27/12/2020", "(27/12)", "2020-12-28", "ngày", "tháng 10", "năm 2014", "عام 2011",
                  "منذ 6 أعوام", "hari Minggu", "bulan lalu", "last month", "Al-", "al-", "1/", "Thứ trưởng",
                  "Ngoại giao", "Mr.", "Dr.", "Lt. Gen.", "٢٨ ديسمبر ٢٠٢٠", "١٥ ربيع الأول ١٤٤٢ هـ"])
    return sorted(w for w in words if w)


VOCAB = _vocab()
SEED_LINES = [
    ln
    for p in sorted((ROOT / "seeds").glob("*.txt"))
    for ln in p.read_text(encoding="utf-8").splitlines()
    if len(ln) > 20
]


@st.composite
def arabic_word(draw: st.DrawFn) -> str:
    out = []
    for ch in draw(st.text(st.sampled_from(ARABIC_LETTERS), min_size=1, max_size=8)):
        out.append(ch)
        out.extend(draw(st.lists(st.sampled_from(TASHKEEL + TATWEEL), max_size=2)))
    return "".join(out)


@st.composite
def vocab_token(draw: st.DrawFn) -> str:
    """A gazetteer word, decorated: case, NFD, tashkeel/tatweel, a clitic, Arabic-Indic digits."""
    w = draw(st.sampled_from(VOCAB))
    how = draw(st.sampled_from(["as-is", "upper", "lower", "title", "nfd", "tashkeel", "clitic", "digits"]))
    if how == "upper":
        w = w.upper()
    elif how == "lower":
        w = w.lower()
    elif how == "title":
        w = w.title()
    elif how == "nfd":
        w = unicodedata.normalize("NFD", w)
    elif how == "tashkeel":
        w = "".join(c + (draw(st.sampled_from(TASHKEEL + TATWEEL)) if draw(st.booleans()) else "") for c in w)
    elif how == "clitic":
        w = draw(st.sampled_from(["و", "ب", "ل", "ف", "وب", "لل"])) + w
    elif how == "digits":
        w = w.translate({ord(str(i)): ARABIC_DIGITS[i] for i in range(10)})
    return w


HOSTILE_CHAR = st.sampled_from(list(BIDI_ZW + CONTROLS + SURROGATES + PUNCT + COMBINING + TATWEEL + TASHKEEL) + EMOJI)
TOKEN = st.one_of(
    vocab_token(),
    vocab_token(),
    arabic_word(),
    st.text(st.sampled_from(VI_LETTERS + "abcdeghiklmnopqrstuvxy"), min_size=1, max_size=8),
    st.text(st.sampled_from(VI_LETTERS + "aeiouy"), min_size=1, max_size=6).map(lambda s: unicodedata.normalize("NFD", s)),
    st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True),
    st.text(st.sampled_from("0123456789" + ARABIC_DIGITS + "/-."), min_size=1, max_size=10),
    HOSTILE_CHAR,
    st.text(min_size=1, max_size=6),  # anything at all
    st.sampled_from(SEED_LINES).map(lambda s: s[:60]),
)
SEPARATOR = st.one_of(st.sampled_from(SPACES), HOSTILE_CHAR)


@st.composite
def hostile_text(draw: st.DrawFn, max_tokens: int = 24) -> str:
    tokens = draw(st.lists(TOKEN, max_size=max_tokens))
    parts: list[str] = []
    for t in tokens:
        parts.append(t)
        parts.append(draw(SEPARATOR))
    return "".join(parts)


@st.composite
def clean_text(draw: st.DrawFn) -> str:
    """Mixed-script text without lone surrogates or stray combining marks (for NFC/NFD)."""
    tokens = draw(st.lists(st.one_of(vocab_token(), arabic_word(), st.sampled_from(SEED_LINES).map(lambda s: s[:80])),
                           min_size=1, max_size=12))
    seps = draw(st.lists(st.sampled_from([" ", " ", ", ", " - ", "\n", " (", ") ", "\u200f ", "، "]),
                         min_size=len(tokens), max_size=len(tokens)))
    return "".join(itertools.chain.from_iterable(zip(tokens, seps, strict=True)))


REF_DATES = st.one_of(st.none(), st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)))

# --------------------------------------------------------------------------- invariants


def check_document(text: str, doc: Document) -> None:
    assert isinstance(doc, Document)
    assert doc.text == text
    assert doc.lang in {"ar", "vi", "id", "en", "und"}
    for group in (doc.dates, doc.places, doc.titles, doc.persons):
        spans = [(m.start, m.end) for m in group]
        assert spans == sorted(spans), spans
        for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
            assert e1 <= s2, f"overlap within a kind: {spans}"
        for m in group:
            assert 0 <= m.start < m.end <= len(text), (m.start, m.end, len(text))
            assert text[m.start : m.end] == m.text
    keys = [(m.start, m.end) for m in doc.mentions]
    assert keys == sorted(keys)
    assert len(doc.mentions) == len(doc.dates) + len(doc.places) + len(doc.titles) + len(doc.persons)


def check_value_semantics(doc: Document) -> None:
    again = pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == doc and hash(again) == hash(doc)
    assert copy.deepcopy(doc) == doc
    d = doc.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    for m in doc.mentions:
        assert pickle.loads(pickle.dumps(m)) == m and hash(pickle.loads(pickle.dumps(m))) == hash(m)


# --------------------------------------------------------------------------- properties


@SETTINGS
@given(hostile_text(), REF_DATES)
def test_hostile_text_never_raises_and_keeps_invariants(text: str, ref: datetime.date | None) -> None:
    doc = libyaie.extract(text, reference_date=ref)
    check_document(text, doc)
    if ref is not None:
        assert doc.reference_date == ref and doc.reference_date_source == "given"


@SETTINGS
@given(hostile_text(), REF_DATES)
def test_determinism_same_input_same_document(text: str, ref: datetime.date | None) -> None:
    a = libyaie.extract(text, reference_date=ref)
    b = libyaie.extract(str(text), reference_date=ref)
    c = Extractor().extract(text, reference_date=ref)  # a second extractor shares nothing mutable
    assert a == b == c
    assert hash(a) == hash(b) == hash(c)
    assert a.to_dict() == c.to_dict()


@SETTINGS
@given(hostile_text(max_tokens=12))
def test_results_are_values_on_hostile_text(text: str) -> None:
    check_value_semantics(libyaie.extract(text, reference_date=REF))


def _keys(doc: Document) -> list[tuple[str, str, str]]:
    out = []
    for m in doc.mentions:
        key: Any = (
            getattr(m, "value", None)
            or getattr(getattr(m, "place", None), "id", None)
            or getattr(m, "role", None)
            or getattr(getattr(m, "person", None), "name", None)
        )
        out.append((m.label, unicodedata.normalize("NFC", m.text), unicodedata.normalize("NFC", str(key))))
    return out


@SETTINGS
@given(clean_text(), REF_DATES)
def test_nfc_and_nfd_give_the_same_mentions(text: str, ref: datetime.date | None) -> None:
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    a = libyaie.extract(nfc, reference_date=ref)
    b = libyaie.extract(nfd, reference_date=ref)
    check_document(nfd, b)
    assert _keys(a) == _keys(b)
    assert (a.lang, a.reference_date) == (b.lang, b.reference_date)


def test_nfd_vietnamese_weekday_with_digit() -> None:  # found by the NFC/NFD property (F5, fixed)
    """Found by the NFC/NFD property: 'thứ 2' (Monday) is a date in NFC but not in NFD."""
    text = "Tin ngày thứ 2 "
    a = libyaie.extract(unicodedata.normalize("NFC", text))
    b = libyaie.extract(unicodedata.normalize("NFD", text))
    assert [m.value for m in a.dates] == ["XXXX-XX-XX"]
    assert _keys(a) == _keys(b)


@SETTINGS
@given(st.sampled_from(SEED_LINES), st.lists(st.tuples(st.integers(0, 400), st.sampled_from(list(BIDI_ZW))), max_size=6))
def test_invisible_characters_change_nothing_but_offsets(line: str, inserts: list[tuple[int, str]]) -> None:
    """Zero-width and bidi characters between words do not change what is found."""
    words = line.split(" ")
    for pos, ch in inserts:
        i = pos % len(words)
        words[i] = ch + words[i]  # at a word start: never inside a mention's letters
    text = " ".join(words)
    plain = libyaie.extract(line, reference_date=REF)
    got = libyaie.extract(text, reference_date=REF)
    check_document(text, got)
    strip = {ord(c): None for c in BIDI_ZW}
    assert [(lbl, t.translate(strip), k) for lbl, t, k in _keys(got)] == _keys(plain)


@pytest.mark.parametrize(
    "text",
    [
        "\ud800", "\udfff" * 50, "a\ud800b Tripoli \udc80 27/12/2020", "\x00" * 100, "\u200f\u202e" * 100,
        "\u0640" * 1000, "\u064e" * 1000, "\u0301" * 500, "ب" + "\u0651\u064e" * 400, "\U0001f600" * 300,
        "Tripoli\u200dLibya", "وزير\u200cالخارجية", "\ufeff\ufeffngày 27/12", "٠" * 2000, "1/" * 2000,
        "ngày " * 500, "الأحد " * 300, "Minister " * 300, "Al-" * 1000, "(" * 3000, "12/" * 1000, "-" * 5000,
        "A" * 20000, "ا" * 20000, "\r\n" * 1000, "\u2028".join(["Tripoli"] * 100), " ".join(["Ahmed"] * 2000),
    ],
)
def test_fixed_hostile_inputs(text: str) -> None:
    doc = libyaie.extract(text, reference_date=REF)
    check_document(text, doc)
    check_value_semantics(doc)


# --------------------------------------------------------------------------- concurrency


def _corpus_for_threads() -> list[str]:
    texts = []
    for p in sorted((ROOT / "seeds").rglob("*.txt")):
        t = p.read_text(encoding="utf-8")
        texts.extend(t[i : i + 400] for i in range(0, len(t), 400))
    texts = texts[:50]
    rng = random.Random(8)
    for _ in range(20):  # mixed-script, hostile, reproducible
        words = rng.choices(VOCAB, k=12) + rng.choices(list(BIDI_ZW + SURROGATES + TASHKEEL) + EMOJI, k=3)
        rng.shuffle(words)
        texts.append(" ".join(words))
    texts += ["", "\ud800 Tripoli", "وزير الخارجية الليبي", "Thứ trưởng Ngoại giao Nga", "ngày 27/12 " * 20]
    return texts


def test_eight_threads_give_the_sequential_results() -> None:
    texts = _corpus_for_threads()
    assert len(texts) >= 60
    refs = [None if i % 3 else REF for i in range(len(texts))]
    sequential = [libyaie.extract(t, reference_date=r) for t, r in zip(texts, refs, strict=True)]
    barrier = threading.Barrier(8)

    def work(k: int) -> list[Document]:
        barrier.wait()
        idx = list(range(len(texts)))
        order = idx[k * 7 :] + idx[: k * 7] if k % 2 else idx[::-1]  # different interleavings
        got = {i: libyaie.extract(texts[i], reference_date=refs[i]) for i in order}
        return [got[i] for i in range(len(texts))]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(8)))
    for r in results:
        assert r == sequential


# Eight threads released together by a barrier, each calling ``call``; shared by the
# contention scripts below (each runs in a fresh interpreter).
_THREADS_HARNESS = """
def run_threads(call, n=8):
    import threading
    barrier = threading.Barrier(n)
    results, errors = [None] * n, []
    def work(i):
        try:
            barrier.wait()
            results[i] = call()
        except BaseException as e:
            errors.append(repr(e))
    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads: t.start()
    for t in threads: t.join()
    assert not errors, errors
    assert all(r == results[0] for r in results)
    return results
"""

_CONTENTION_SCRIPT = _THREADS_HARNESS + textwrap.dedent(
    """
    import sys, threading
    import libyaie
    from libyaie import _gazetteer
    assert _gazetteer._INSTANCE is None and _gazetteer.BUILD_COUNT == 0, "built at import"
    results = run_threads(lambda: libyaie.extract("Thủ tướng Fayez al-Sarraj tới Tripoli ngày 27/12."))
    assert results[0].places, results[0]
    print("BUILD_COUNT", _gazetteer.BUILD_COUNT)
    """
)

_EXTRA_CONTENTION_SCRIPT = _THREADS_HARNESS + textwrap.dedent(
    """
    import sys, threading
    import libyaie
    from libyaie import _gazetteer
    calls = []
    real_load = _gazetteer.load
    def counting_load(*a, **k):
        calls.append(1)
        return real_load(*a, **k)
    _gazetteer.load = counting_load
    ex = libyaie.Extractor(extra_gazetteers=[sys.argv[1]])
    results = run_threads(lambda: ex.extract("Clashes erupted in Wadi Testa near Tripoli."))
    print("LOADS", len(calls), [p.place.name for p in results[0].places])
    """
)


def _python(code: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=ROOT, encoding="utf-8")


def test_lazy_gazetteer_build_happens_once_under_contention() -> None:
    proc = _python(_CONTENTION_SCRIPT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["BUILD_COUNT", "1"]


def test_user_gazetteer_extractor_builds_once_under_contention(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[place]]\nid = "ly-wadi-testa"\nname = "Wadi Testa"\nkind = "region"\ncountry = "LY"\nsource = "t"\n'
        '[place.names]\nen = ["Wadi Testa"]\n',
        encoding="utf-8",
    )
    proc = _python(_EXTRA_CONTENTION_SCRIPT, str(extra))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("LOADS 1 "), proc.stdout
    assert "Wadi Testa" in proc.stdout


_PROCESS_SCRIPT = textwrap.dedent(
    """
    import pickle, sys, multiprocessing as mp
    import libyaie
    def one(t):
        return libyaie.extract(t, reference_date=__import__("datetime").date(2020, 12, 28))
    if __name__ == "__main__":
        texts = pickle.load(open(sys.argv[1], "rb"))
        with mp.get_context("spawn").Pool(2) as pool:
            got = pool.map(one, texts, chunksize=4)
        sys.stdout.buffer.write(pickle.dumps(got))
    """
)


def test_results_from_other_processes_equal_sequential(tmp_path: Path) -> None:
    """Documents pickled across processes compare equal to those computed here."""
    texts = _corpus_for_threads()[:24]
    src = tmp_path / "texts.pkl"
    src.write_bytes(pickle.dumps(texts))
    script = tmp_path / "procs.py"
    script.write_text(_PROCESS_SCRIPT, encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, str(script), str(src)], capture_output=True, env=env, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    got = pickle.loads(proc.stdout)
    expected = [libyaie.extract(t, reference_date=REF) for t in texts]
    assert got == expected
    assert [hash(d) for d in got] == [hash(d) for d in expected]


# --------------------------------------------------------------------------- error paths: the API


@pytest.mark.parametrize(
    "bad", [b"Tripoli", bytearray(b"x"), memoryview(b"x"), None, 3, 3.5, ["Tripoli"], ("a",), {"text": "x"}, object()]
)
def test_non_str_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        libyaie.extract(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=type(bad).__name__):
        Extractor().extract(bad)  # type: ignore[arg-type]


def test_str_subclass_is_accepted() -> None:
    class Text(str):
        pass

    doc = libyaie.extract(Text("Tripoli ngày 27/12"), reference_date=REF)
    assert doc == libyaie.extract("Tripoli ngày 27/12", reference_date=REF)


@pytest.mark.parametrize("bad", ["2020-12-28", 20201228, datetime.time(12, 0)])
def test_bad_reference_date_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        libyaie.extract("Tripoli", reference_date=bad)  # type: ignore[arg-type]


def test_batch_mode_reports_bad_records_and_goes_on() -> None:
    records: list[Any] = ["Tripoli ngày 27/12", None, "\ud800 وزير الخارجية", b"bytes", "", 42, "bulan lalu", ["x"]]
    out = list(libyaie.extract_many(records, reference_date=REF, errors="return"))
    assert len(out) == len(records)
    for i, (rec, res) in enumerate(zip(records, out, strict=True)):
        if isinstance(rec, str):
            assert isinstance(res, Document) and res == libyaie.extract(rec, reference_date=REF)
        else:
            assert isinstance(res, ExtractionError), (i, res)
            assert res.index == i and isinstance(res.cause, TypeError)
            assert f"record {i}" in str(res)


def test_error_records_pickle() -> None:
    """An error record must cross a process boundary like a Document does (multiprocessing)."""
    (err,) = libyaie.extract_many([None], errors="return")  # type: ignore[list-item]
    assert isinstance(err, ExtractionError)
    again = pickle.loads(pickle.dumps(err))
    assert (again.index, type(again.cause), str(again)) == (0, TypeError, str(err))


def test_batch_mode_raise_stops_at_the_bad_record_after_yielding_the_good_ones() -> None:
    it = libyaie.extract_many(iter(["Tripoli", "Benghazi", None, "Cairo"]))
    assert [d.text for d in itertools.islice(it, 2)] == ["Tripoli", "Benghazi"]  # type: ignore[union-attr]
    with pytest.raises(TypeError):
        next(it)


def test_batch_mode_with_worker_processes_matches_sequential_and_loses_nothing() -> None:
    records: list[Any] = [*_corpus_for_threads()[:10], None, "\ud800 Tripoli", b"x", "ngày 27/12"]
    seq = list(libyaie.extract_many(records, reference_date=REF, errors="return"))
    par = list(libyaie.extract_many(records, reference_date=REF, errors="return", workers=2, chunksize=3))
    assert len(par) == len(records)
    for a, b in zip(seq, par, strict=True):
        if isinstance(a, ExtractionError):
            assert isinstance(b, ExtractionError) and (a.index, type(a.cause)) == (b.index, type(b.cause))
        else:
            assert a == b


def test_batch_mode_rejects_unknown_errors_policy() -> None:
    with pytest.raises(ValueError, match="errors"):
        list(libyaie.extract_many(["x"], errors="ignore"))


# --------------------------------------------------------------------------- error paths: gazetteers
# (tests/test_gazetteer.py covers the basic faults in a root directory; these add the
# user-file path, exact lines and entries, and the faults it does not cover)

PLACE = """\
[[place]]
id = "{id}"
name = "Testville"
kind = "city"
country = "LY"
geonames_id = {gid}
lat = {lat}
lon = {lon}
source = "test"
[place.names]
en = ["Testville"]
"""


def _place(**kw: object) -> str:
    vals: dict[str, object] = {"id": "ly-testville", "gid": 99999901, "lat": 32.0, "lon": 13.0}
    vals.update(kw)
    return PLACE.format(**vals)


def _user_error(tmp_path: Path, text: str | bytes, name: str = "mine.toml") -> GazetteerError:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    ex = Extractor(extra_gazetteers=[p])
    with pytest.raises(GazetteerError) as ei:
        ex.extract("Tripoli")
    err = ei.value
    assert err.path == str(p)
    assert str(p) in str(err)
    assert "\n" not in str(err).strip() or err.line is not None
    return err


def test_user_file_invalid_toml_names_the_exact_line(tmp_path: Path) -> None:
    err = _user_error(tmp_path, _place() + "\n\n[[place]]\nid = 'ly-x'\nname = \n")
    assert err.line == 16 and f"mine.toml:{err.line}" in str(err) and "invalid TOML" in str(err)


def test_user_file_not_utf8_names_the_line(tmp_path: Path) -> None:
    err = _user_error(tmp_path, _place().encode("utf-8") + b'[[place]]\nname = "\xff"\n')
    assert err.line == 13 and "UTF-8" in str(err)


def test_user_file_duplicate_of_a_builtin_place_id(tmp_path: Path) -> None:
    err = _user_error(tmp_path, "\n\n" + _place(id="ly-tripoli"))
    assert err.line == 3 and err.entry == "ly-tripoli"
    assert "duplicate place id" in str(err) and "first defined in" in str(err)


def test_user_file_duplicate_geonames_id_of_a_builtin(tmp_path: Path) -> None:
    err = _user_error(tmp_path, _place(gid=2210247))  # Tripoli, Libya
    assert "2210247" in str(err) and err.entry == "ly-testville"


def test_duplicate_person_id_across_files(tmp_path: Path) -> None:
    root = tmp_path / "gz"
    (root / "persons").mkdir(parents=True)
    person = '[[person]]\nid = "x-y"\nname = "X Y"\nsource = "t"\n'
    (root / "persons" / "a.toml").write_text(person, encoding="utf-8")
    (root / "persons" / "b.toml").write_text("# comment\n\n" + person, encoding="utf-8")
    with pytest.raises(GazetteerError) as ei:
        _gazetteer.load(root)
    err = ei.value
    assert err.path.endswith("b.toml") and err.line == 3 and err.entry == "x-y"
    assert "a.toml" in str(err)


@pytest.mark.parametrize(
    ("lat", "lon", "fragment"),
    [(32.0, 190.5, "lon 190.5 out of range"), (-91, 13.0, "lat -91.0 out of range"), ('"north"', 13.0, "is not a number"),
     ("nan", 13.0, "lat"), ("inf", 13.0, "lat")],
)
def test_user_file_bad_coordinates(tmp_path: Path, lat: object, lon: object, fragment: str) -> None:
    err = _user_error(tmp_path, "# header\n" + _place(lat=lat, lon=lon))
    assert err.line == 2 and err.entry == "ly-testville" and fragment in str(err)


def _title_root(tmp_path: Path, body: str) -> Path:
    root = tmp_path / "gz"
    (root / "titles").mkdir(parents=True)
    (root / "titles" / "en.toml").write_text(body, encoding="utf-8")
    return root


def test_unknown_role_code_in_a_title_file(tmp_path: Path) -> None:
    root = _title_root(tmp_path, '[[head]]\nforms = ["Minister"]\nrole = "minister"\nsource = "t"\n\n'
                                 '[[head]]\nforms = ["Emperor"]\nrole = "emperor"\nsource = "t"\n')
    with pytest.raises(GazetteerError) as ei:
        _gazetteer.load(root)
    err = ei.value
    assert err.path.endswith("en.toml") and err.line == 6 and err.entry == "head #2"
    assert "unknown role code 'emperor'" in str(err)


def test_unknown_qualifier_in_a_title_file(tmp_path: Path) -> None:
    root = _title_root(tmp_path, '[[modifier]]\nforms = ["Vice"]\nqualifier = "vice"\nsource = "t"\n')
    with pytest.raises(GazetteerError, match=r"en\.toml:1: \[modifier #1\] unknown qualifier 'vice'"):
        _gazetteer.load(root)


def test_unknown_role_code_in_a_user_person_office(tmp_path: Path) -> None:
    err = _user_error(tmp_path, '[[person]]\nid = "x-z"\nname = "X Z"\nsource = "t"\n'
                                '[[person.office]]\nrole = "sultan"\ncountry = "LY"\n')
    assert err.line == 1 and err.entry == "x-z" and "sultan" in str(err)


def test_unknown_language_in_names(tmp_path: Path) -> None:
    err = _user_error(tmp_path, _place().replace('en = ["Testville"]', 'fr = ["Testville"]'))
    assert "unknown language 'fr'" in str(err) and err.line == 1


def test_a_failed_user_extractor_does_not_poison_the_default(tmp_path: Path) -> None:
    p = tmp_path / "mine.toml"
    p.write_text("[[place]\n", encoding="utf-8")
    ex = Extractor(extra_gazetteers=[p])
    for _ in range(2):  # the failure is repeatable, not a half-built state
        with pytest.raises(GazetteerError):
            ex.extract("Tripoli")
    assert libyaie.extract("Tripoli").places[0].place.id == "ly-tripoli"


def test_missing_user_gazetteer_file(tmp_path: Path) -> None:
    ex = Extractor(extra_gazetteers=[tmp_path / "nope.toml"])
    with pytest.raises(GazetteerError, match=r"nope\.toml.*cannot read"):
        ex.extract("Tripoli")


# --------------------------------------------------------------------------- error paths: the CLI
# (tests/test_cli.py covers a missing file, a directory and undecodable bytes; these add
# the other ways a file cannot be read, several errors in one run, and standard input)

EXIT_INPUT, EXIT_USAGE = 1, 2


def cli(cwd: Path, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run([sys.executable, "-m", "libyaie", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8"))


def assert_errors(proc: subprocess.CompletedProcess[str], code: int, *fragments: str, lines: int = 1) -> None:
    assert proc.returncode == code, (proc.returncode, proc.stderr)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    errs = proc.stderr.strip().splitlines()
    assert len(errs) == lines, proc.stderr
    for e in errs:
        assert e.startswith("libyaie: error: "), e
    for f in fragments:
        assert f in proc.stderr, (f, proc.stderr)


def test_cli_path_through_a_regular_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert_errors(cli(tmp_path, "extract", "a.txt/b.txt"), EXIT_INPUT, "a.txt/b.txt")


def test_cli_dangling_symlink(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    assert_errors(cli(tmp_path, "extract", "link.txt"), EXIT_INPUT, "link.txt")


def test_cli_directory_with_trailing_slash(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    assert_errors(cli(tmp_path, "extract", "d/"), EXIT_INPUT, "d/", "directory")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"Tripoli \xc3\x28 ngay", "offset 8"),  # invalid continuation byte in the middle
        ("ngày 27/12".encode("utf-16"), "not valid UTF-8"),  # UTF-16 with BOM
        (b"\xed\xa0\x80", "not valid UTF-8"),  # an encoded lone surrogate
        (b"Tripoli \xe2\x80", "not valid UTF-8"),  # truncated at the end
        ("وزير الخارجية".encode("cp1256"), "not valid UTF-8"),  # Windows Arabic code page
    ],
)
def test_cli_undecodable_bytes(tmp_path: Path, data: bytes, fragment: str) -> None:
    (tmp_path / "bad.txt").write_bytes(data)
    assert_errors(cli(tmp_path, "extract", "bad.txt"), EXIT_INPUT, "bad.txt", fragment)


def test_cli_undecodable_stdin(tmp_path: Path) -> None:
    assert_errors(cli(tmp_path, "extract", "-", stdin=b"\xff\xfe\xfa"), EXIT_INPUT, "<stdin>", "UTF-8")


def test_cli_no_input_files_is_a_usage_error(tmp_path: Path) -> None:
    assert_errors(cli(tmp_path, "extract", "--format", "jsonl"), EXIT_USAGE)


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"   \n\n", b"\x00"])
def test_cli_empty_input_is_reported_and_loses_nothing(tmp_path: Path, data: bytes) -> None:
    """Issue 8 / docs/usage.md: an empty (or blank) input is an input error (one line each,
    exit 1) but still gets its empty document, so a batch loses no record."""
    (tmp_path / "e.txt").write_bytes(data)
    proc = cli(tmp_path, "extract", "e.txt", "-", "--format", "jsonl", stdin=data)
    blank = not data.decode("utf-8-sig").strip()
    if blank:
        assert_errors(proc, EXIT_INPUT, "e.txt", "<stdin>", lines=2)
    else:
        assert proc.returncode == 0 and proc.stderr == ""
    assert "Traceback" not in proc.stdout
    objs = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [o["file"] for o in objs] == ["e.txt", "<stdin>"]
    for o in objs:
        assert o["dates"] == o["places"] == o["titles"] == o["persons"] == []


def test_cli_several_bad_files_one_line_each_and_the_good_ones_still_processed(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff")
    (tmp_path / "dir").mkdir()
    (tmp_path / "good.txt").write_text("Thủ tướng Fayez al-Sarraj tới Tripoli ngày 27/12.", encoding="utf-8")
    proc = cli(tmp_path, "extract", "missing.txt", "bad.txt", "good.txt", "dir", "--format", "jsonl")
    assert_errors(proc, EXIT_INPUT, "missing.txt", "bad.txt", "dir", lines=3)
    (obj,) = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert obj["file"] == "good.txt" and obj["places"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_cli_hostile_text_in_every_format(tmp_path: Path, fmt: str) -> None:
    text = "\u202e\u200fTripoli\x00\x1b[31m \ufeffngày 27/12 \U0001f600 وزير\u0640 الخارجية\u0651\r\n\u2028"
    (tmp_path / "h.txt").write_text(text, encoding="utf-8")
    proc = cli(tmp_path, "extract", "h.txt", "--format", fmt)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    if fmt == "jsonl":
        assert json.loads(proc.stdout)["text"] == text
    elif fmt == "json":
        assert json.loads(proc.stdout)[0]["text"] == text


@pytest.mark.skipif(IS_ROOT, reason="root can read files without read permission")
def test_cli_file_without_read_permission(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text("Tripoli", encoding="utf-8")
    p.chmod(0)
    try:
        assert_errors(cli(tmp_path, "extract", "secret.txt"), EXIT_INPUT, "secret.txt", "permission denied")
    finally:
        p.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(IS_ROOT, reason="root can read directories without permission")
def test_cli_unreadable_directory(tmp_path: Path) -> None:
    d = tmp_path / "locked"
    d.mkdir()
    (d / "a.txt").write_text("Tripoli", encoding="utf-8")
    d.chmod(0)
    try:
        assert_errors(cli(tmp_path, "extract", "locked/a.txt"), EXIT_INPUT, "locked/a.txt")
        assert_errors(cli(tmp_path, "extract", "locked"), EXIT_INPUT, "locked")
    finally:
        d.chmod(stat.S_IRWXU)


def test_cli_evaluate_undecodable_gold(tmp_path: Path) -> None:
    (tmp_path / "g.txt").write_bytes(b"# lang=en dct=2020-12-28\n\xff\n")
    proc = cli(tmp_path, "evaluate", "g.txt")
    assert proc.returncode == EXIT_INPUT and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith("libyaie: error: ")


# --------------------------------------------------------------------------- fuzzing regressions
# Inputs found by fuzz/fuzz_extract.py; each is marked "# found by fuzzing".

def _one_merged_date(doc: Document) -> None:
    # the relative-day word and the weekday after it are one date, not two overlapping ones
    assert [d.text for d in doc.dates][:1] in (["Kemarin (Minggu"], ["yesterday Minggu"]), doc.dates


FUZZ_FINDINGS: list[tuple[str, Callable[[Document], None] | None]] = [
    # found by fuzzing (atheris, 90k executions): a relative-day word taken in front of a
    # weekday overlapped its own date mention
    ("Pej\udc9f\udc9d\udc9e\udc8b\u07eb\udca8و \udcd8a yesterday Minggu (58/12)عامان. Dipimpin oleh Ayman", _one_merged_date),
    ("Kemarin (Minggu 27/12) pasukan mundur.", _one_merged_date),
]


@pytest.mark.parametrize(("text", "extra"), FUZZ_FINDINGS or [pytest.param("", None, marks=pytest.mark.skip("none"))])
def test_fuzz_regressions(text: str, extra: Callable[[Document], None] | None) -> None:
    for ref in (None, REF):
        doc = libyaie.extract(text, reference_date=ref)
        check_document(text, doc)
        check_value_semantics(doc)
        if extra is not None:
            extra(doc)
