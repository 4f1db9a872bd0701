"""Modifiers and approximations (issue 3): START / MID / END / APPROX in all four languages."""

from __future__ import annotations

import datetime

import pytest

import libyaie

REF = datetime.date(2020, 12, 28)


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("مطلع يونيو الماضي", "2020-06", "START"),
        ("أوائل الشهر الماضي", "2020-11", "START"),
        ("منتصف عام 2019", "2019", "MID"),
        ("أواخر أكتوبر الماضي", "2020-10", "END"),
        ("نهاية أكتوبر الماضي", "2020-10", "END"),
        ("đầu tháng 9", "2020-09", "START"),
        ("giữa tháng 10 năm 2019", "2019-10", "MID"),
        ("cuối năm 2021", "2021", "END"),
        ("awal Desember", "2020-12", "START"),
        ("pertengahan 2020", "2020", "MID"),
        ("akhir tahun ini", "2020", "END"),
        ("early December", "2020-12", "START"),
        ("mid-2020", "2020", "MID"),
        ("late 2019", "2019", "END"),
        ("the end of the year", "2020", "END"),
        ("khoảng 14 tháng", "P14M", "APPROX"),
        ("sekitar dua minggu", "P2W", "APPROX"),
        ("نحو ثلاثة أيام", "P3D", "APPROX"),
        ("about three weeks", "P3W", "APPROX"),
    ],
)
def test_modifier(text: str, value: str, mod: str) -> None:
    doc = libyaie.extract(text, reference_date=REF)
    assert [(d.value, d.mod) for d in doc.dates] == [(value, mod)], [(d.text, d.value, d.mod) for d in doc.dates]
    assert doc.dates[0].text == text


@pytest.mark.parametrize("text", ["132 phiếu", "20.000 binh lính", "lực lượng 5+5", "0.0587", "giai đoạn thứ hai",
                                  "ngày càng", "You may go.", "They march on Sirte.", "hari ini"])
def test_not_dates(text: str) -> None:
    assert libyaie.extract(text, reference_date=REF).dates == ()
