"""Character tables for hostile input, shared by ``bench/hostile_check.py`` (random texts)
and ``tests/test_reliability.py`` (hypothesis strategies): every script the library knows,
its marks, and the characters a news pipeline meets by accident."""

from __future__ import annotations

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة"
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
TATWEEL = "\u0640"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
VI_LETTERS = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáãèéìíòóõùúýĐ"
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
BIDI_ZW = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\r\x1b\x7f\x85\u2028\u2029"
SURROGATES = "\ud800\udbff\udc00\udfff\udc80"
EMOJI = ["\U0001f600", "\U0001f1f1\U0001f1fe", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f44d\U0001f3fd",
         "\u2764\ufe0f", "\U0001f4c5", "#\ufe0f\u20e3"]
PUNCT = ".,;:!?()[]{}/\\-–—«»\"'’،؛؟…%+*&@#_=<>|"
