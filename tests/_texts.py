"""Short mixed-language news texts shared by the batch and Dask tests."""

from __future__ import annotations

MIXED_TEXTS = [
    "Libyan Prime Minister Fayez al-Serraj met Egyptian Foreign Minister Sameh Shoukry in Cairo on Sunday.",
    "Theo phóng viên TTXVN tại Tripoli ngày 27/12, phái đoàn Ai Cập đã tới Libya.",
    "Panglima LNA Khalifa Haftar tiba di Benghazi, 28 Desember 2020.",
    "وصل وفد مصري إلى طرابلس الأحد الماضي في أول زيارة منذ عام 2014",
    "Clashes near Sirte last week, Haftar's spokesman said.",
    "Thủ tướng Libya đã tới Tripoli ngày 27/12.",
]
