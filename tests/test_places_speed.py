"""The shortcuts of ``libyaie.resolve.places`` give what the plain computations gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from libyaie._text import is_arabic
from libyaie.resolve import places


def test_ascii_keys_are_never_arabic() -> None:
    assert not any(is_arabic(chr(cp)) for cp in range(0x80))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"abc -'", "é", "ệ", "ل", "ي", "\u064b", "\ufe8d", "\u0750", "ـ"]), max_size=12))
def test_is_arabic_shortcut(key: str) -> None:
    assert places._is_arabic(key) == is_arabic(key)
    assert places._is_arabic(key.encode("ascii", "ignore").decode()) is False
