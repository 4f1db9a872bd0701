"""The pipeline's shortcuts compute what the plain statements compute: the occupancy checks
of the match and hit selection, the windows of a document's anchors, the rule runs of a
text without anchors, the upper-case mask."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import libyaie
from libyaie import _gazetteer, _pipeline
from libyaie._text import normalize
from libyaie.model import Person, Place

# ---- match selection: longest, then priority, then leftmost, none overlapping


class _R:
    def __init__(self, priority: int):
        self.priority = priority


def _select_reference(matches: list[Any]) -> list[Any]:
    chosen: list[Any] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), -m.rule.priority, m.start)):
        if any(c.start < m.end and m.start < c.end for c in chosen):
            continue
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12), st.integers(0, 2)), max_size=15)


@settings(max_examples=300, deadline=None)
@given(_SPANS)
def test_select_is_the_plain_statement(spans: list[tuple[int, int, int]]) -> None:
    rules = [_R(p) for p in range(3)]
    # one match per (start, end, priority): equal keys would make the order arbitrary
    matches = [_pipeline._Match(s, s + w, rules[p], (s, w, p)) for s, w, p in set(spans)]
    assert _pipeline._select(matches) == _select_reference(matches)


# ---- gazetteer hits: leftmost-longest, a person over a place, none on a date


def _split_reference(hits: list[_gazetteer.Hit], date_block: bytearray) -> tuple[list[Any], list[Any]]:
    order = sorted(
        hits,
        key=lambda h: (-(h.end - h.start), 0 if any(c.etype == "person" for c in h.candidates) else 1, h.start),
    )
    taken = bytearray(len(date_block))
    places: list[Any] = []
    persons: list[Any] = []
    for h in order:
        if any(taken[h.start : h.end]) or any(date_block[h.start : h.end]):
            continue
        pers = [c for c in h.candidates if c.etype == "person"]
        if pers:
            if len({c.id for c in pers}) == 1:
                persons.append((h.start, h.end, pers[0].id, pers[0].form))
                taken[h.start : h.end] = b"\x01" * (h.end - h.start)
            continue
        pl = tuple(c for c in h.candidates if c.etype == "place")
        if pl:
            places.append((h.start, h.end, pl))
            taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    return sorted(places, key=lambda x: x[0]), sorted(persons, key=lambda x: x[0])


_CANDS = st.lists(
    st.builds(_gazetteer.Candidate, st.sampled_from(["place", "person"]), st.sampled_from(["a", "b", "c"]),
              st.sampled_from(["name", "alias"]), st.booleans(), st.just("")),
    max_size=3,
).map(tuple)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 10)), max_size=15, unique=True),
       st.lists(st.tuples(st.integers(0, 50), st.integers(1, 5)), max_size=3), st.data())
def test_split_hits_is_the_plain_statement(spans: list[tuple[int, int]], dates: list[tuple[int, int]],
                                           data: st.DataObject) -> None:
    # a key has the same candidates wherever it is found (as in a gazetteer): key = length
    by_len: dict[int, tuple[_gazetteer.Candidate, ...]] = {}
    hits = []
    for s, w in spans:
        if w not in by_len:
            by_len[w] = data.draw(_CANDS)
        hits.append(_gazetteer.Hit(s, s + w, "k" * w, by_len[w]))
    block = bytearray(52)
    for s, w in dates:
        block[s : s + w] = b"\x01" * w
    readings: dict[str, Any] = {}
    for _ in range(2):  # the second time from the kept readings
        assert _pipeline._split_hits(hits, block, readings) == _split_reference(hits, block)


# ---- anchor windows: merged from the sorted spans, kept per (forms, digits, margins)

_WORDS = st.sampled_from(["may", "mei", "tháng", "2020", "12", "x", "abc", "بعد", "-", ".", " ", "  "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join), st.sampled_from([None, (0, 0), (5, 3), (32, 40), (60, 80)]),
       st.integers(0, 4))
def test_windows_are_the_merged_spans(words: str, margins: tuple[int, int] | None, digits: int) -> None:
    ex = libyaie.Extractor()
    ex.extract("x")
    norm = normalize(words).norm
    anchors = _pipeline._find_anchors(norm, ex._anchors, digits=True)[0]
    for forms in (None, frozenset({"may", "mei"}), frozenset({"tháng"}), frozenset()):
        spans = [(s, e) for s, e, k in anchors.hits if forms is None or k in forms]
        spans += [d for d in anchors.digits if digits and d[1] - d[0] >= digits]
        m = margins or anchors.margins
        want = _pipeline._merge_windows(norm, spans, m, to_word_end=margins is None or m[1] >= anchors.margins[1])
        assert anchors.windows(forms, digits, margins) == want
        assert anchors.windows(forms, digits, margins) == want  # (kept)


# ---- a text without anchor words or numbers: no rule runs, and none would match


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"abXY .,;-", "ب", "ت", "ư", "Đ"]), max_size=60))
def test_rules_without_anchors_match_nothing(text: str) -> None:
    ex = libyaie.Extractor()
    ex.extract("x")
    nt = normalize(text)
    for anchors, kind in zip(_pipeline._find_anchors(nt.norm, ex._anchors, digits=True), ("date", "title"), strict=True):
        rules = ex._rules(kind, ["*", "ar", "vi", "id", "en"] if kind == "date" else ["ar", "vi", "id", "en"])
        plain = [(m.start, m.end, m.rule.name) for m in _run_plain(rules, nt, anchors)]
        assert [(m.start, m.end, m.rule.name) for m in _pipeline.Extractor._run(rules, nt, anchors)] == plain


def _run_plain(rules: list[Any], nt: Any, anchors: Any) -> list[Any]:
    out = []
    for rule in rules:
        for ws, we in anchors.windows(*rule.anchors, rule.margins):
            for m in rule.pattern.finditer(nt.norm, ws, we):
                if m.end() > m.start() and (value := rule.build(m)) is not None:
                    os_, oe = nt.span(m.start(), m.end())
                    if rule.accept is None or rule.accept(nt.original[os_:oe]):
                        out.append(_pipeline._Match(m.start(), m.end(), rule, value))
    return _select_reference(out)


def test_rule_runs_match_the_plain_loop_on_the_seeds() -> None:
    from pathlib import Path

    ex = libyaie.Extractor()
    ex.extract("x")
    for p in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[:20]:
        nt = normalize(p.read_text(encoding="utf-8"))
        for anchors, kind in zip(_pipeline._find_anchors(nt.norm, ex._anchors, digits=True), ("date", "title"), strict=True):
            rules = ex._rules(kind, ["*", "ar", "vi", "id", "en"] if kind == "date" else ["ar", "vi", "id", "en"])
            got = _pipeline.Extractor._run(rules, nt, anchors)
            assert [(m.start, m.end, m.rule.name) for m in got] == [
                (m.start, m.end, m.rule.name) for m in _run_plain(rules, nt, anchors)]


# ---- the upper-case mask: the original character of each normalised one


_UPPER_TEXT = st.lists(st.sampled_from(  # (pieces: some are a letter and its combining mark)
    [*"aAbZ .Đđ", "É", "e\u0301", "E\u0301", "\u0651", "\u0640", "ب", "İ", "ǅ", "Σ", "\u3000", "\uff21", "ｂ",
     "\U0001d400", "\u2160", "\u200b", "ﬀ", "\u00a0"]), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(_UPPER_TEXT)
def test_upper_mask_is_the_plain_statement(text: str) -> None:
    nt = normalize(text)
    want = bytearray(int(nt.original[nt.orig_index(i)].isupper()) for i in range(len(nt.norm)))
    want.append(0)
    assert nt.upper_mask() == want


# ---- one Place and Person per gazetteer entry, equal to those made for each mention


def test_made_objects_equal_the_plain_ones() -> None:
    gaz = libyaie.Extractor().gazetteer
    made = _pipeline._Made()
    for pe in list(gaz.places.values())[:50]:
        place = made.place(pe)
        assert place == Place(pe.id, pe.geonames_id, pe.name, pe.kind, pe.country or None, pe.lat, pe.lon)
        assert made.place(pe) is place
    for entry in list(gaz.persons.values())[:50]:
        assert made.person(entry) == Person(entry.id, entry.name, entry.aliases)


@pytest.mark.parametrize("text", ["Fathi Bashagha visited Tripoli and Cairo on 24 December 2020.",
                                  "وزير الخارجية المصري سامح شكري زار طرابلس أمس"])
def test_repeated_extractions_are_equal(text: str) -> None:
    ex = libyaie.Extractor()
    ref = datetime.date(2020, 12, 28)
    first = ex.extract(text, reference_date=ref)
    assert ex.extract(text, reference_date=ref) == first
    assert libyaie.Extractor().extract(text, reference_date=ref) == first
