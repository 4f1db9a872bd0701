"""Persons: fixes found by the tenth and eleventh unseen batches (general mechanisms, own
sentences, none copied from the batch files)."""

from __future__ import annotations

import libyaie


def _persons(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.person.id, m.person.name) for m in libyaie.extract(text).persons]


def _texts(text: str) -> list[str]:
    return [t for t, _, _ in _persons(text)]


def _holders(text: str) -> dict[str, str | None]:
    """Each title's text → the name of the person attached to it."""
    return {t.text: (t.person.name if t.person is not None else None) for t in libyaie.extract(text).titles}


# ---- a Latin name after the body the office belongs to ------------------------------------


def test_indonesian_name_after_an_acronym_of_the_body() -> None:
    text = "Kepala BNP2TKI Rudi Hartanto menyebut dua perusahaan telah dilaporkan."
    assert ("Rudi Hartanto", None, "Rudi Hartanto") in _persons(text)
    assert _holders(text)["Kepala"] == "Rudi Hartanto"


def test_indonesian_name_after_a_long_body() -> None:
    text = "Direktur Perlindungan WNI Kementerian Luar Negeri Arif Santoso mengatakan seluruh WNI selamat."
    assert _texts(text) == ["Arif Santoso"]
    assert _holders(text)["Direktur"] == "Arif Santoso"
    text = "Acara dihadiri Asisten Menteri Luar Negeri AS untuk Urusan Afrika Molly Carter dan para duta besar."
    assert _texts(text) == ["Molly Carter"]


def test_vietnamese_foreign_name_after_a_body() -> None:
    text = "Người phát ngôn Cao ủy Liên hợp quốc về người tị nạn (UNHCR) Andrea Rossi cho biết con tàu bị lật."
    assert _texts(text) == ["Andrea Rossi"]
    text = "Trợ lý Tổng Thư ký Liên đoàn Ả-rập Ahmed Rashed cho biết cuộc họp sẽ diễn ra."
    assert _texts(text) == ["Ahmed Rashed"]
    # a quoted name between the office and its holder is the body's, not the person's
    text = 'Người phát ngôn chiến dịch "Volcano Fury" Karim Bashti cho biết lực lượng đã tiến vào thành phố.'
    assert _texts(text) == ["Karim Bashti"]


def test_english_name_after_a_portfolio() -> None:
    text = "Secretary of State for Security Naceur Bouzid said the gunman had trained in Libya."
    assert _texts(text) == ["Naceur Bouzid"]


def test_body_names_are_no_person() -> None:
    # a run followed by its own acronym is the body's name
    assert _persons("Ketua Delegasi Libyan Political Dialogue Forum (LPDF) tidak hadir dalam pertemuan.") == []
    # a word that opens a new clause ends the body: the name after it is not the holder
    holders = _holders("Kepala BNP2TKI mengatakan bahwa Rudi Hartanto sudah kembali.")
    assert holders["Kepala"] is None


def test_headline_words_after_a_title_are_no_name() -> None:
    text = ("Hadiri Forum Stabilisasi, Wamenlu Tegaskan Komitmen RI\n\n"
            "Jakarta - Wakil Menteri Luar Negeri menegaskan komitmen Indonesia.")
    assert _persons(text) == []


# ---- role nouns and "led by" before a name -------------------------------------------------


def test_role_noun_before_an_unknown_name() -> None:
    assert "Walid Gharbi" in _texts("The attacker, 23-year-old student Walid Gharbi opened fire on tourists.")
    text = "Korban tewas termasuk seorang kontraktor keamanan asal Inggris, Peter Hallam, dan dua warga lokal."
    assert "Peter Hallam" in _texts(text)
    text = "Fighters from a faction led by Adam Tijani crossed into Libya. Kelompok pimpinan Idris Deng juga hadir."
    assert _texts(text) == ["Adam Tijani", "Idris Deng"]
    # a preposition between the noun and the capitalised words: a place, not a person
    assert _persons("Wartawan di Lapangan Merdeka menunggu sejak pagi.") == []


# ---- another given name before a listed surname -----------------------------------------------


def test_latin_given_name_before_a_listed_surname_names_someone_else() -> None:
    got = _persons("The brigade commander Nabil al-Sarraj denied the claim on Monday.")
    assert got == [("Nabil al-Sarraj", None, "Nabil al-Sarraj")]
    # the person's own given name keeps the listed person
    assert _persons("Fayez al-Sarraj met the envoy.")[0][1] == "fayez-al-sarraj"


# ---- a headline's surname, named in full in the body ------------------------------------------


def test_headline_surname_links_to_the_full_name_later() -> None:
    text = ("Gharbi trained near Sabratha, officials say\n\n"
            "TUNIS - The attacker, student Walid Gharbi, had crossed into Libya. Gharbi was killed.")
    assert _persons(text) == [("Gharbi", None, "Walid Gharbi"), ("Walid Gharbi", None, "Walid Gharbi"),
                              ("Gharbi", None, "Walid Gharbi")]
    text = "وزير الداخلية يزور الساعدي في مصراتة\n\nطرابلس - قال وزير الداخلية منير الساعدي، إن الأمن مستتب."
    got = _persons(text)
    assert got[0][0] == "الساعدي" and got[0][2] == "منير الساعدي"


def test_a_body_word_before_the_full_name_is_not_linked() -> None:
    # only the head of the document (short lines before the first paragraph) links forward
    text = "Walid Gharbi opened fire.\nIt was Sunday. Student Walid Gharbi was 23.\n"
    assert [t for t, _, _ in _persons(text)].count("Gharbi") == 0


# ---- Vietnamese bylines --------------------------------------------------------------------


def test_vietnamese_byline_before_the_source() -> None:
    text = "Hội đồng Bảo an kêu gọi ngừng bắn tại Libya.\n\nHồng Nhung (Theo Reuters, AFP)\n"
    assert _persons(text) == [("Hồng Nhung", None, "Hồng Nhung")]
    assert _persons("Hội đồng Bảo an họp.\n\n(Theo Reuters, AFP)\n") == []


# ---- Arabic -----------------------------------------------------------------------------


def test_arabic_foreign_name_after_title_body_and_nisba() -> None:
    text = "وأعلن المتحدث باسم الحكومة اليابانية يوشيكازو تاناكا مقتل ثلاثة مواطنين."
    assert _texts(text) == ["يوشيكازو تاناكا"]


def test_arabic_name_after_fi_and_place() -> None:
    text = "وقال المتحدث باسم مجلس النواب في طبرق سالم بوعجيلة إن الجلسة تأجلت."
    assert _texts(text) == ["سالم بوعجيلة"]
    assert _holders(text)["المتحدث باسم مجلس النواب"] == "سالم بوعجيلة"


def test_arabic_name_after_title_and_adjective() -> None:
    text = "وقال قائد الكتيبة الميداني محمد الورفلي إن القوات تقدمت."
    assert _texts(text) == ["محمد الورفلي"]
    # (the field modifier الميداني is part of the title: "قائد الكتيبة الميداني")
    assert _holders(text)["قائد الكتيبة الميداني"] == "محمد الورفلي"


def test_arabic_name_in_apposition_before_a_title() -> None:
    text = "وأكد منير الساعدي، وزير الداخلية، أن الوضع مستقر."
    assert _texts(text) == ["منير الساعدي"]
    assert _holders(text)["وزير الداخلية"] == "منير الساعدي"
    assert _persons("وقال مصدر في طرابلس، وزير الداخلية، إن الوضع مستقر.") == []


# ---- gazetteer ----------------------------------------------------------------------------


def test_regional_officials_in_the_gazetteer() -> None:
    got = _persons("وقال صبري بوقدوم إن الحدود ستفتح. وأضاف بوقدوم أن الرحلات ستستأنف.")
    assert [pid for _, pid, _ in got] == ["sabri-boukadoum", "sabri-boukadoum"]
    got = _persons("Kenny MacAskill defended the decision. Minni Minawi arrived. Mahamadou Issoufou spoke.")
    assert [pid for _, pid, _ in got] == ["kenny-macaskill", "minni-minnawi", "mahamadou-issoufou"]
    got = _persons("وحضر وزير الخارجية النيجري حسومي مسعودو ورئيس الوزراء التشادي صالح كبزابو.")
    assert [pid for _, pid, _ in got] == ["hassoumi-massaoudou", "saleh-kebzabo"]


def test_mc_and_mac_names_are_plain_names() -> None:
    assert "Fergus MacLeod" in _texts('"It was wrong," said Fergus MacLeod, the former minister.')
    assert _persons('"We stay," said SkyNews Arabia, the channel.') == []
