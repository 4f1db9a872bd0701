"""Persons: fixes found by the eighth unseen batch (general mechanisms, own sentences)."""

from __future__ import annotations

import libyaie


def _persons(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.person.id, m.person.name) for m in libyaie.extract(text).persons]


def _texts(text: str) -> list[str]:
    return [t for t, _, _ in _persons(text)]


# ---- English: unknown persons without a title ------------------------------------------


def test_english_name_after_said_ending_the_clause() -> None:
    got = _persons('"The road is closed," said Karim Fennich, speaking from Zliten.')
    assert ("Karim Fennich", None, "Karim Fennich") in got


def test_english_name_before_an_apposition() -> None:
    assert "Lorenzo Bassetti" in _texts("Gunmen seized Lorenzo Bassetti, the manager of a cement plant, on Monday.")
    assert "Omar Ghrouda" in _texts("The brigade was led by Omar Ghrouda, who fought in 2011.")


def test_english_name_known_as_and_later_surname() -> None:
    got = _texts("Police held Salem Fergiani, better known as Abu Sufyan al-Rabiei, last week. Fergiani denied it.")
    assert "Salem Fergiani" in got
    assert "Abu Sufyan al-Rabiei" in got
    assert got.count("Fergiani") == 1


def test_english_cues_do_not_take_bodies_or_common_words() -> None:
    # an institution, a common word the text also writes in lower case, a headline
    assert _texts('"We will reopen," said Central Bank officials, the statement added.') == []
    assert _texts("The group met Human Rights Watch, the monitor, in Tunis.") == []
    assert _texts("The move was announced by Fresh Start, a new party. They want a fresh start.") == []
    assert _texts("Fighting Resumes Across Southern Towns, Says Musa Abubakr\nNo one was hurt.") == []


# ---- Vietnamese: bodies after a title --------------------------------------------------


def test_vietnamese_body_after_title_is_no_person() -> None:
    text = ("Chủ tịch Hội đồng Bảo an Liên hợp quốc kêu gọi ngừng bắn. "
            "Liên hợp quốc cũng gửi phái đoàn tới Tripoli.")
    assert _persons(text) == []
    got = _texts("Thứ trưởng Bộ Ngoại giao Lê Văn Thành đã tiếp đoàn. Bộ trưởng Bộ Tài chính Đào Minh Quang phát biểu.")
    assert "Lê Văn Thành" in got and "Đào Minh Quang" in got
    assert not any(t.startswith("Bộ") for t in got)


# ---- Indonesian: seat of government or portfolio between title and name ------------------


def test_indonesian_institution_words_skipped_before_the_name() -> None:
    assert "Samuel Brandt" in _texts("Juru bicara Gedung Putih Samuel Brandt mengatakan hal itu kemarin.")
    got = _texts("Menteri Kesehatan Budi Hartono mengatakan rumah sakit siap.")
    assert "Budi Hartono" in got and "Kesehatan Budi Hartono" not in got


# ---- Arabic: nisba, occupational cues, coordinated names -----------------------------


def test_arabic_name_after_title_and_nisba_needs_no_listed_given_name() -> None:
    assert "كوفي مانغو" in _texts("وحضر وزير الخارجية الغاني كوفي مانغو، الاجتماع في طرابلس.")
    # a verb after the nisba is no name
    assert _texts("وكان الرئيس التونسي يستقبل الوفد الليبي في قرطاج.") == []


def test_arabic_occupational_cues_and_coordinated_names() -> None:
    assert "سالم الورفلي" in _texts("وقال أحد السكان، ويدعى سالم الورفلي، إن القصف استمر.")
    got = _texts("واحتجزت السلطات رجلي الأعمال بيتر مولر وخالد بن عمر في المطار.")
    assert "بيتر مولر" in got and "خالد بن عمر" in got


def test_listed_swiss_president_not_friedrich_merz() -> None:
    got = _persons("واعتذر الرئيس السويسري هانس رودولف ميرتس في طرابلس.")
    assert [(t, i) for t, i, _ in got] == [("هانس رودولف ميرتس", "hans-rudolf-merz")]


def test_unknown_persons_word_starting_a_longer_phrase_is_not_that_person() -> None:
    got = _persons("Giám đốc Trần Văn Liên phát biểu. Liên hợp quốc đồng ý. Liên nói thêm.")
    assert [t for t, _, _ in got] == ["Trần Văn Liên", "Liên"]
    assert got[1][0] == "Liên" and got[1][2] == "Trần Văn Liên"
    got2 = _texts('"We waited," said Riccardo Pellone. Pellone Street was closed. Pellone left.')
    assert got2 == ["Riccardo Pellone", "Pellone"]
