"""atheris harness for ``libyaie.extract`` (see fuzz/README.md).

Every input is turned into a ``str`` in one of four ways (chosen by the first
byte), so that both arbitrary code points and realistic news text are reached:

0. ``FuzzedDataProvider.ConsumeUnicode`` (ASCII, UTF-16 or UTF-32 code
   points, lone surrogates included);
1. the remaining bytes decoded as UTF-8 with ``surrogateescape`` (invalid
   bytes become lone surrogates), so dictionary words and the seed articles
   keep their meaning;
2. as 1, then NFD (decomposed Vietnamese, split Arabic hamza);
3. as 1, with hostile characters (bidi, zero-width, tatweel, tashkeel,
   Arabic-Indic digits, combining marks, controls) spliced in at positions the
   fuzzer chooses.

For every input it checks: no exception; ``doc.text[m.start:m.end] ==
m.text`` for every mention; each kind sorted by start and non-overlapping;
``doc.mentions`` sorted; ``to_dict()`` serialisable to JSON.

Run (from the repository root)::

    pip install atheris
    python fuzz/fuzz_extract.py --make-corpus /tmp/yaie-corpus      # seeds from seeds/
    python fuzz/fuzz_extract.py /tmp/yaie-corpus -dict=fuzz/libyaie.dict \\
        -max_len=512 -atheris_runs=1000000

``python fuzz/fuzz_extract.py --make-dict fuzz/libyaie.dict`` regenerates the
dictionary from the gazetteers.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REF = datetime.date(2020, 12, 28)
HOSTILE = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
    "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
    "\u0660\u0661\u0662\u0669\u06f1\u06f4"
    "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
    "\x00\x01\x07\x0b\x0c\r\x1b\x7f\x85\u2028\u2029\t\n"
    "\ud800\udfff\udc80\U0001f600\U0001f1f1\U0001f1fe\u00a0\u2009\u3000"
    "/-.,()،؛؟«»\"'’"
)


def _text_of(data: bytes) -> tuple[str, datetime.date | None]:
    import atheris

    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    ref = REF if fdp.ConsumeBool() else None
    if mode == 0:
        return fdp.ConsumeUnicode(fdp.remaining_bytes()), ref
    if mode == 3:
        splices = [(fdp.ConsumeIntInRange(0, 511), HOSTILE[fdp.ConsumeIntInRange(0, len(HOSTILE) - 1)])
                   for _ in range(fdp.ConsumeIntInRange(0, 8))]
    else:
        splices = []
    text = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "surrogateescape")
    if mode == 2:
        text = unicodedata.normalize("NFD", text)
    for pos, ch in sorted(splices, reverse=True):
        pos = min(pos, len(text))
        text = text[:pos] + ch + text[pos:]
    return text, ref


def check(text: str, doc: object) -> None:
    """The invariants every Document must satisfy (raises AssertionError)."""
    import libyaie

    assert isinstance(doc, libyaie.Document), type(doc)
    assert doc.text == text
    groups = (doc.dates, doc.places, doc.titles, doc.persons)
    for group in groups:
        for m in group:
            assert 0 <= m.start <= m.end <= len(text), (m.start, m.end, len(text))
            assert text[m.start : m.end] == m.text, (m.start, m.end, m.text, text[m.start : m.end])
            assert m.end > m.start, ("empty mention", m)
        spans = [(m.start, m.end) for m in group]
        assert spans == sorted(spans), spans
        for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
            assert e1 <= s2, ("overlap within a kind", spans)
    starts = [m.start for m in doc.mentions]
    assert starts == sorted(starts)
    json.dumps(doc.to_dict())


def TestOneInput(data: bytes) -> None:
    import libyaie

    text, ref = _text_of(data)
    doc = libyaie.extract(text, reference_date=ref)
    check(text, doc)


# --------------------------------------------------------------------------- corpus and dictionary

_MARK = re.compile(r"\{\{[a-z]:[^|{}]*\|([^{}]*)\}\}")


def _seed_texts() -> list[str]:
    out = []
    for p in sorted((ROOT / "seeds").rglob("*.txt")):
        text = p.read_text(encoding="utf-8")
        if text.startswith("#"):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        out.append(_MARK.sub(r"\1", text))
    return out


def make_corpus(directory: Path, max_len: int = 512) -> int:
    """Seed files: windows of the seed articles, as mode-1 and mode-2 inputs."""
    directory.mkdir(parents=True, exist_ok=True)
    n = 0
    for text in _seed_texts():
        raw = text.encode("utf-8")
        step = max_len // 2
        for off in range(0, max(1, len(raw) - 16), step):
            chunk = raw[off : off + max_len - 2]
            for mode, with_ref in ((1, 1), (2, 0)):
                # ConsumeIntInRange(0, 3) reads one byte; ConsumeBool reads one byte
                data = bytes([mode, with_ref]) + chunk
                name = hashlib.sha1(data).hexdigest()
                (directory / name).write_bytes(data)
                n += 1
    return n


def _dict_line(token: str) -> str:
    body = "".join(
        chr(b) if 0x20 <= b < 0x7F and chr(b) not in '"\\' else f"\\x{b:02X}" for b in token.encode("utf-8")
    )
    return f'"{body}"'


def make_dict(path: Path) -> int:
    """A libFuzzer dictionary: the gazetteers' date words, title pieces and well-known names."""
    from libyaie import _gazetteer

    gaz = _gazetteer.get()
    tokens: set[str] = set()
    for t in gaz.dates.values():
        for table in (*t.months.values(), t.weekdays, t.numbers, t.ordinals, t.units, t.dual_units):
            tokens.update(table)
        for forms in t.words.values():
            tokens.update(forms)
    for pieces in gaz.titles.values():
        for piece in pieces:
            tokens.update(piece.forms)
    for pid in ("ly", "ly-tripoli", "lb-tripoli", "ly-benghazi", "ly-sirte", "eg", "tr", "ru", "dz"):
        if pid in gaz.places:
            for forms in gaz.places[pid].names.values():
                tokens.update(forms)
            for forms in gaz.places[pid].adjectives.values():
                tokens.update(forms)
    for pe in sorted(gaz.persons.values(), key=lambda p: p.id)[:60]:
        tokens.add(pe.name)
        tokens.update(pe.aliases[:3])
    tokens.update(["27/12", "27/12/2020", "2020-12-28", "(27/12)", "1/", "Al-", "al-", "ال", "و", "ب", "ل", "لل",
                   "ngày ", "tháng ", "năm ", "hari ", "tahun ", "عام ", "منذ ", "هـ", "\u0640", "\u0651",
                   "\u064e", "\u200f", "\u202b", "\u0301", "\u0323", "٢٠٢٠", "١٢"])
    lines = sorted({_dict_line(t) for t in tokens if t and len(t.encode("utf-8")) <= 64})
    path.write_text("# generated by fuzz/fuzz_extract.py --make-dict\n" + "\n".join(lines) + "\n", encoding="ascii")
    return len(lines)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--make-corpus":
        print(f"{make_corpus(Path(sys.argv[2]))} seed files in {sys.argv[2]}")
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--make-dict":
        print(f"{make_dict(Path(sys.argv[2]))} tokens in {sys.argv[2]}")
        return
    import atheris

    with atheris.instrument_imports(include=["libyaie"]):
        import libyaie

    libyaie.extract("warm up: Tripoli 27/12/2020")  # build the gazetteer before fuzzing
    if os.environ.get("YAIE_FUZZ_SELFTEST"):
        TestOneInput(b"\x01\x01" + "Thủ tướng Fayez al-Sarraj tới Tripoli ngày 27/12.".encode())
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
