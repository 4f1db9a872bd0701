"""One generic test runs every rule's own examples and negatives (Duckling-style)."""

from __future__ import annotations

from typing import Any

import pytest

from libyaie import _gazetteer
from libyaie._text import normalize
from libyaie.resolve.timex import DateSpec, resolve
from libyaie.rules import Rule
from libyaie.rules import dates as date_rules
from libyaie.rules import titles as title_rules

GAZ = _gazetteer.get()
RULES: list[Rule] = date_rules.build(GAZ.dates) + title_rules.build(GAZ.titles)


def _readings(rule: Rule, text: str) -> list[Any]:
    nt = normalize(text)
    out = []
    for m in rule.pattern.finditer(nt.norm):
        if m.end() <= m.start():
            continue
        value = rule.build(m)
        if value is None:
            continue
        s, e = nt.span(m.start(), m.end())
        if rule.accept is not None and not rule.accept(text[s:e]):
            continue
        out.append(value)
    return out


def _attrs(rule: Rule, value: Any, ref: Any) -> dict[str, Any]:
    if isinstance(value, DateSpec):
        r = resolve(value, ref)
        if r is None:
            return {}
        return {"value": r.value, "kind": r.kind, "mod": value.mod}
    return {k: getattr(value, k) for k in ("role", "qualifier", "country", "organization")}


def test_rule_names_unique_and_dotted() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for n in names:
        parts = n.split(".")
        assert len(parts) == 3 and parts[1] in ("date", "title", "place"), n


def test_every_rule_has_examples_and_negatives() -> None:
    for r in RULES:
        assert r.examples, f"{r.name} has no positive example"
        assert r.negatives, f"{r.name} has no negative example"


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, ex) for r in RULES for ex in r.examples],
    ids=[f"{r.name}:{ex.text}" for r in RULES for ex in r.examples],
)
def test_positive_example(rule: Rule, example: Any) -> None:
    got = [_attrs(rule, v, example.ref) for v in _readings(rule, example.text)]
    assert got, f"{rule.name} does not match {example.text!r}"
    ok = [g for g in got if all(g.get(k) == v for k, v in example.expect.items())]
    assert ok, f"{rule.name} on {example.text!r}: expected {example.expect}, got {got}"


@pytest.mark.parametrize(
    ("rule", "text"),
    [(r, neg) for r in RULES for neg in r.negatives],
    ids=[f"{r.name}:{neg}" for r in RULES for neg in r.negatives],
)
def test_negative_example(rule: Rule, text: str) -> None:
    got = [_attrs(rule, v, None) for v in _readings(rule, text)]
    got = [g for g in got if g]
    assert not got, f"{rule.name} wrongly matches {text!r}: {got}"


def test_declared_anchors_hold_on_the_examples() -> None:
    """A rule that declares the words every match contains (``anchor=``) runs only around
    them: each declaration must be accepted by the pipeline — all its words are anchor
    words and every example's match contains one (else the rule would silently fall back
    to running around every anchor).  The same for ``anchor_digits=``."""
    import libyaie
    from libyaie.rules import rule_anchor_forms

    ex = libyaie.Extractor()
    compiled = {r.name: r for lang in ("ar", "vi", "id", "en", "*") for r in ex._rules("date", [lang])}
    declared = [r for r in RULES if r.anchor]
    assert len(declared) >= 10
    for r in declared:
        forms, digits = compiled[r.name].anchors
        assert forms == frozenset(rule_anchor_forms(r)) and not digits, r.name
    # ``anchor_digits=4``: every match holds a number of four digits or more (a year)
    by_number = [r for r in RULES if r.anchor_digits]
    assert len(by_number) >= 10
    for r in by_number:
        assert compiled[r.name].anchors == (frozenset(), r.anchor_digits), r.name
