"""Vietnamese phonetic transliterations matched by sound (libyaie._vi_translit)."""

from __future__ import annotations

import datetime
import unicodedata

import pytest

import libyaie
from libyaie._vi_translit import build_index, phonetic_hits, vi_key

REF = datetime.date(2011, 8, 20)


@pytest.mark.parametrize(
    ("vietnamese", "latin"),
    [
        ("Mi-xu-ra-ta", "Misurata"),
        ("Bến-ga-di", "Benghazi"),
        ("Xai-phơ An I-xlam", "Saif al-Islam"),
        ("Mu-am-mar Ga-đa-phi", "Muammar Gaddafi"),
        ("Ga-đa-phi", "Qaddafi"),
        ("A-giơ-đa-bi-a", "Agedabia"),
    ],
)
def test_vietnamese_spelling_and_latin_name_share_a_key(vietnamese: str, latin: str) -> None:
    assert vi_key(vietnamese.split(" ")) == vi_key(latin.split(" ")) != ""


def test_short_keys_are_not_indexed() -> None:
    # two consonants (Da-vi-a, Li-bi) tell too few names apart
    assert vi_key(["Li-bi"]) == ""
    assert build_index([("Libi", 0, frozenset({("place", "x")}))]) == {}


def test_index_keeps_the_entry_reading_all_others_and_drops_clashes() -> None:
    ly, lb, other = ("place", "ly-tripoli"), ("place", "lb-tripoli"), ("person", "someone")
    index = build_index([("triboli", 0, frozenset({ly})), ("tripoli", 1, frozenset({ly, lb}))])
    assert index == {vi_key(["Tripoli"]): 1}
    assert build_index([("tripoli", 0, frozenset({ly})), ("triboli", 1, frozenset({other}))]) == {}


def _places(doc: libyaie.Document) -> list[tuple[str, int | None]]:
    return [(p.text, p.place.geonames_id) for p in doc.places]


def _persons(doc: libyaie.Document) -> list[tuple[str, str | None]]:
    return [(p.text, p.person.id if p.person else None) for p in doc.persons]


SENTENCE = ("Lực lượng nổi dậy đã kiểm soát Mi-xu-ra-ta sau nhiều tuần giao tranh. Con trai ông "
            "Mu-am-mar Ga-đa-phi là Xai-phơ An I-xlam tuyên bố tại Bến-ga-di rằng cuộc chiến chưa kết thúc.")


def test_transliterations_not_in_the_gazetteer_are_linked() -> None:
    doc = libyaie.extract(SENTENCE, reference_date=REF)
    assert ("Mi-xu-ra-ta", 2214846) in _places(doc)
    assert ("Bến-ga-di", 88319) in _places(doc)
    persons = _persons(doc)
    assert ("Mu-am-mar Ga-đa-phi", "muammar-gaddafi") in persons
    assert ("Xai-phơ An I-xlam", "saif-al-islam-gaddafi") in persons


def test_decomposed_text_gives_the_same_links_and_exact_spans() -> None:
    nfd = unicodedata.normalize("NFD", SENTENCE)
    doc = libyaie.extract(nfd, reference_date=REF)
    nfc = libyaie.extract(SENTENCE, reference_date=REF)
    assert [p.place.geonames_id for p in doc.places] == [p.place.geonames_id for p in nfc.places]
    assert [p.person.id if p.person else None for p in doc.persons] == [
        p.person.id if p.person else None for p in nfc.persons]
    for m in (*doc.places, *doc.persons):
        assert nfd[m.start : m.end] == m.text


def test_a_hyphenated_word_left_out_means_a_longer_unknown_name() -> None:
    # Mi-khai-in alone sounds like a listed spelling of Merkel; with Bô-gđa-nốp it is another name
    doc = libyaie.extract("Thứ trưởng Ngoại giao Nga Mi-khai-in Bô-gđa-nốp đã gặp phái đoàn Li-bi.",
                          reference_date=REF)
    assert all(p.person is None or p.person.id != "angela-merkel" for p in doc.persons)
    # Saif al-Islam's full name with an unlisted spelling is not Muammar's family name alone
    doc = libyaie.extract("Ông Xai-phơ An Ít-xlam Ga-đa-phi nói với báo giới.", reference_date=REF)
    assert all(p.text != "Ga-đa-phi" for p in doc.persons)


def test_only_vietnamese_documents_are_read_by_sound() -> None:
    doc = libyaie.extract("Rebels said on Saturday that they hold Mi-xu-ra-ta and the coast road.",
                          reference_date=REF)
    assert all(p.text != "Mi-xu-ra-ta" for p in doc.places)


def test_phonetic_hits_skip_spans_the_automaton_found_and_lower_case_words() -> None:
    norm = "tại mi-xu-ra-ta và mi-xu-ra-ta"
    upper = bytearray(len(norm) + 1)
    upper[4] = 1  # only the first one is capitalised
    index = {vi_key(["Misurata"]): 7}
    assert phonetic_hits(norm, upper, index, set()) == [(4, 15, 7)]
    assert phonetic_hits(norm, upper, index, {(4, 15)}) == []
