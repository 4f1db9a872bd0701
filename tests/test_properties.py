"""Hypothesis properties: robustness, span invariant, Unicode invariances, variant spellings."""

from __future__ import annotations

import datetime
import itertools
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import libyaie
from libyaie import _gazetteer
from libyaie._text import is_arabic, normalize_key
from libyaie.resolve.names import _ARTICLES, translit_key

ROOT = Path(__file__).resolve().parent.parent
REF = datetime.date(2020, 12, 28)
GAZ = _gazetteer.get()
SEED_LINES = [
    ln
    for p in sorted((ROOT / "seeds").glob("*.txt"))
    for ln in p.read_text(encoding="utf-8").splitlines()
    if len(ln) > 20
]
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# characters the library knows, plus everything hostile
ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءؤئـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩")),
    st.sampled_from(list("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ\u0300\u0301\u0303\u0309\u0323")),
    st.sampled_from(list("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u2066\u2069\u00a0\ufeff\ud800\udfff/.-+()،,")),
    st.sampled_from(list("0123456789 \n\t")),
)
MIXED = st.lists(
    st.one_of(st.text(ALPHABET, max_size=12), st.sampled_from(SEED_LINES).map(lambda s: s[:80])), max_size=8
).map(" ".join)


def _check_doc(text: str, doc: libyaie.Document) -> None:
    prev = (-1, -1)
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
        assert (m.start, m.end) >= (prev[0], -1) or m.start >= prev[0]
        prev = (m.start, m.end)
    for group in (doc.dates, doc.places, doc.titles, doc.persons):
        spans = [(m.start, m.end) for m in group]
        assert spans == sorted(spans)
        for (_s1, e1), (s2, _e2) in itertools.pairwise(spans):
            assert e1 <= s2, f"overlap within a kind: {spans}"


@SETTINGS
@given(st.text())
def test_never_raises_on_any_str(text: str) -> None:
    _check_doc(text, libyaie.extract(text))


@SETTINGS
@given(MIXED)
def test_mixed_scripts_span_invariant_and_determinism(text: str) -> None:
    a = libyaie.extract(text, reference_date=REF)
    _check_doc(text, a)
    assert libyaie.extract(text, reference_date=REF) == a


def _keys(doc: libyaie.Document) -> list[tuple[str, str, str]]:
    out = []
    for m in doc.mentions:
        key = (
            getattr(m, "value", None)
            or getattr(getattr(m, "place", None), "id", None)
            or getattr(m, "role", None)
            or getattr(getattr(m, "person", None), "name", None)
        )
        out.append((m.label, unicodedata.normalize("NFC", m.text), str(key)))
    return out


@SETTINGS
@given(st.sampled_from(SEED_LINES))
def test_nfc_and_nfd_give_the_same_mentions(line: str) -> None:
    nfc = unicodedata.normalize("NFC", line)
    nfd = unicodedata.normalize("NFD", line)
    a = libyaie.extract(nfc, reference_date=REF)
    b = libyaie.extract(nfd, reference_date=REF)
    _check_doc(nfd, b)
    assert _keys(a) == _keys(b)


TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


@st.composite
def decorated(draw: st.DrawFn, word: str) -> str:
    out = []
    for ch in word:
        out.append(ch)
        if ch != " " and draw(st.booleans()):
            out.append(draw(st.sampled_from(TASHKEEL)))
    return "".join(out)


@SETTINGS
@given(st.sampled_from(SEED_LINES).filter(is_arabic), st.data())
def test_tashkeel_and_tatweel_change_nothing(line: str, data: st.DataObject) -> None:
    plain = libyaie.extract(line, reference_date=REF)
    deco = data.draw(decorated(line))
    got = libyaie.extract(deco, reference_date=REF)
    _check_doc(deco, got)
    assert [k[::2] for k in _keys(got)] == [k[::2] for k in _keys(plain)]


LIBYAN_AR = sorted(
    {
        (f, p.id)
        for p in GAZ.places.values()
        if p.country == "LY" and p.kind != "country" and p.population >= 20000
        for f in p.names.get("ar", ())
        if " " not in f and len(normalize_key(f)) >= 4 and GAZ.automaton.exists(normalize_key(f))
    }
)
CLITICS = ["", "و", "ب", "ف", "وب", "ك"]


def _resolves_to(text: str, start_hint: str) -> set[str]:
    doc = libyaie.extract(text, reference_date=REF)
    return {m.place.id for m in doc.places if start_hint in normalize_key(m.text) or normalize_key(m.text) in start_hint}


@SETTINGS
@given(st.sampled_from(LIBYAN_AR), st.sampled_from(CLITICS), st.data())
def test_libyan_place_variants_resolve_to_same_id(entry: tuple[str, str], clitic: str, data: st.DataObject) -> None:
    name, pid = entry
    base = f"وصلت القوات إلى مدينة {name} أمس."
    expected = {m.place.id for m in libyaie.extract(base).places}
    # alef variant at word start, tashkeel, tatweel, clitic
    variant = name
    if variant.startswith("ا") and data.draw(st.booleans()):
        variant = "أ" + variant[1:]
    variant = data.draw(decorated(variant))
    text = f"وصلت القوات {clitic}{variant} أمس."
    doc = libyaie.extract(text)
    _check_doc(text, doc)
    got = {m.place.id for m in doc.places}
    assert (got == expected and pid in got) or expected != {pid}, (name, variant, got, expected)


LATIN_PLACES = sorted(
    {
        (f, p.id)
        for p in GAZ.places.values()
        if p.country == "LY" and p.population >= 20000
        for f in p.names.get("en", ())
        if f.isascii() and len(f) >= 5 and not p.weak and GAZ.automaton.exists(normalize_key(f))
    }
)


@SETTINGS
@given(st.sampled_from(LATIN_PLACES), st.sampled_from(["upper", "title", "as-is", "all-lower"]))
def test_latin_place_case_variants(entry: tuple[str, str], case: str) -> None:
    name, pid = entry
    form = {"upper": name.upper(), "title": name.title(), "as-is": name, "all-lower": name}[case]
    text = f"Fighting was reported in {form} on Sunday."
    if case == "all-lower":
        text = text.lower()  # an uncased document still matches
    ids = {m.place.id for m in libyaie.extract(text).places}
    assert pid in ids, (name, text, ids)


def test_lowercase_common_word_in_cased_text_is_not_a_place() -> None:
    assert libyaie.extract("They ate turkey in Tripoli.").places[0].place.id == "ly-tripoli"
    assert len(libyaie.extract("They ate turkey in Tripoli.").places) == 1


STOP_WORDS = ["kota", "katanya", "may", "march", "turkey sandwich", "the general", "nước", "miền", "العاصمة", "مدينة", "الجديد"]


@SETTINGS
@given(st.sampled_from(STOP_WORDS))
def test_stop_words_are_not_places(word: str) -> None:
    assert libyaie.extract(f"The {word} was {word}.").places == ()


# --- transliteration variants of gazetteer persons -----------------------------------------

_SUBST = [("Gh", "G"), ("q", "g"), ("Q", "G"), ("dh", "d"), ("ou", "u"), ("ee", "i"), ("sh", "ch"),
          ("kh", "k"), ("Kh", "K"), ("aa", "a"), ("ah ", "a "), ("ei", "ey")]


@st.composite
def person_variant(draw: st.DrawFn) -> tuple[str, str, str]:
    pe = draw(st.sampled_from(PERSONS))
    name = pe.name + " "
    for a, b in _SUBST:
        if a in name and draw(st.booleans()):
            name = name.replace(a, b, 1)
    if draw(st.booleans()):
        name = name.replace("al-", "Al ").replace("el-", "El-")
    return pe.id, pe.name, name.strip()


def _unambiguous(pe: _gazetteer.PersonEntry) -> bool:
    words = pe.name.split()
    # canonical forms such as "Abdullah II of Jordan" are not how news writes a name
    news_like = all(w[:1].isupper() or w.split("-")[0] in ("al", "el", "bin", "ibn", "de", "van") for w in words)
    # a first name spelled like an Arabic article (Ash Carter) is left out of the key, so a
    # variant of it (Ach Carter) is a different name, not a spelling of that one
    first_is_article = words[0].lower() in _ARTICLES
    return (pe.name.isascii() and len(words) >= 2 and news_like and not first_is_article
            and GAZ.person_keys.get(translit_key(pe.name)) == (pe.id,))


PERSONS = sorted((p for p in GAZ.persons.values() if _unambiguous(p)), key=lambda p: p.id)


@SETTINGS
@given(person_variant())
def test_person_spelling_variants_resolve_to_that_person(v: tuple[str, str, str]) -> None:
    pid, canonical, spelled = v
    text = f"On Monday, {spelled} said talks would resume."
    doc = libyaie.extract(text)
    ids = [m.person.id for m in doc.persons]
    assert ids == [pid], (canonical, spelled, [(m.text, m.person.name) for m in doc.persons])
