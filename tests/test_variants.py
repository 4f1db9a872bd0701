"""Transliteration and spelling variants of Libyan places and of persons resolve to one entity."""

from __future__ import annotations

import pytest

import libyaie

PLACES = {
    "ly-misrata": ["Misrata", "Misurata", "Misratah", "Misrātah", "مصراتة", "بمصراتة"],
    "ly-sabha": ["Sebha", "Sabha", "Sabhā", "سبها"],
    "ly-zawiya": ["Zawiya", "Zawiyah", "Zawia", "Az Zawiyah", "Al-Zawiya", "الزاوية", "زاوية"],
    "ly-ajdabiya": ["Ajdabiya", "Ajdabiyah", "Agedabia", "اجدابيا", "إجدابيا"],
    "ly-tobruk": ["Tobruk", "Tubruq", "Tobrouk", "طبرق"],
    "ly-sirte": ["Sirte", "Surt", "Sirt", "Syrte", "سرت"],
    "ly-derna": ["Derna", "Darnah", "Darna", "درنة"],
    "ly-bayda": ["Bayda", "Beida", "Al Bayda", "El Beida", "البيضاء"],
    "ly-gharyan": ["Gharyan", "Gharian", "غريان"],
    "ly-tarhuna": ["Tarhuna", "Tarhouna", "Tarhunah", "ترهونة"],
    "ly-tripoli": ["Tripoli", "Tarabulus", "Ţarābulus", "Trablus", "طرابلس", "وطرابلس"],
    "ly-benghazi": ["Benghazi", "Benghasi", "Bengasi", "بنغازي", "وبنغازي"],
    "ly-zliten": ["Zliten", "Zlitan", "زليتن"],
    "ly-bani-walid": ["Bani Walid", "Beni Walid", "بني وليد"],
    "ly-ubari": ["Ubari", "Awbari", "Obari", "أوباري"],
    "ly-ghadames": ["Ghadames", "Ghadamis", "غدامس"],
    "ly-brega": ["Brega", "Marsa el Brega", "Al Burayqah", "البريقة"],
    "ly-murzuk": ["Murzuq", "Murzuk", "مرزق"],
}
PERSONS = {
    "Muammar Gaddafi": ["Muammar Gaddafi", "Moammar Gadhafi", "Muammar Qaddafi", "Mouammar Kadhafi",
                        "Muammar al-Gaddafi", "Moamer Kadhafi", "معمر القذافي", "مُعَمَّر القذّافي"],
    "Khalifa Haftar": ["Khalifa Haftar", "Khalifa Hifter", "Khalifa Hafter", "خليفة حفتر"],
    "Fathi Bashagha": ["Fathi Bashagha", "Fathi Bachagha", "Fathi Bashaga", "Fathi Basha Agha", "فتحي باشاغا"],
    "Fayez al-Sarraj": ["Fayez al-Sarraj", "Fayez al-Serraj", "Fayez Sarraj", "Fayez El-Sarraj", "فايز السراج"],
    "Abdul Hamid Dbeibeh": ["Abdul Hamid Dbeibah", "Abdulhamid Dbeibah", "Abdul Hamid Dbeiba",
                            "Abdelhamid Dbeibeh", "عبد الحميد الدبيبة", "عبدالحميد الدبيبة"],
    "Saif al-Islam Gaddafi": ["Saif al-Islam Gaddafi", "Seif al-Islam Qaddafi", "سيف الإسلام القذافي"],
    "Aguila Saleh Issa": ["Aguila Saleh", "Aqila Saleh", "Agila Saleh Issa", "عقيلة صالح"],
    "Recep Tayyip Erdoğan": ["Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "رجب طيب أردوغان"],
}


@pytest.mark.parametrize(("pid", "form"), [(p, f) for p, fs in PLACES.items() for f in fs])
def test_place_variant(pid: str, form: str) -> None:
    template = "اندلعت اشتباكات في {} أمس." if not form.isascii() else "Fighting broke out in {} on Monday."
    got = [m.place.id for m in libyaie.extract(template.format(form)).places]
    assert pid in got, (form, got)


@pytest.mark.parametrize(("name", "form"), [(n, f) for n, fs in PERSONS.items() for f in fs])
def test_person_variant(name: str, form: str) -> None:
    template = "وقال {} في بيان." if not form.isascii() else "On Monday, {} said talks would resume."
    got = [m.person.name for m in libyaie.extract(template.format(form)).persons]
    assert got == [name], (form, got)
