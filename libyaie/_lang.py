"""Per-document language detection (ar, vi, id, en, und) from script and function words.

The counting runs on the UTF-8 bytes of the text: ``bytes.translate`` maps every byte to
its class in one pass and ``bytes.count`` / ``bytes.split`` count the classes, which is far
cheaper than matching a regular expression character by character.  UTF-8 is
self-synchronising: a lead byte only starts a character and a continuation byte only
follows one, so a lead byte, or a lead byte and its first continuation byte, identifies a
block of code points exactly.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["detect"]

# What is counted (the byte tables below count exactly these):
#   Arabic letters [\u0600-\u06FF]; Latin letters [A-Za-z\u00C0-\u024F\u1E00-\u1EFF];
#   Vietnamese letters, found by this pattern (runs: summing the lengths of few matches);
_VI_MARKS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]+")
_ID_WORDS = "yang dan di dengan untuk dari ini itu pada tidak akan dalam juga oleh ke kata telah sebagai bahwa mereka"
_EN_WORDS = "the and of to in is was that for on with as by said has have from at it his which were are"
# a function word counts where it is a whole run of a-z letters (not inside a longer word)
_FUNCTION_WORD = {w: "id" for w in _ID_WORDS.split()} | {w: "en" for w in _EN_WORDS.split()}


def _table(classes: dict[bytes, range | bytes]) -> bytes:
    """A ``bytes.translate`` table: each byte of a range to its class, every other to ``.``."""
    out = bytearray(b"." * 256)
    for cls, byte_values in classes.items():
        for b in byte_values:
            out[b] = cls[0]
    return bytes(out)


# The UTF-8 classes of the counted characters:
#   Latin [A-Za-z\u00C0-\u024F\u1E00-\u1EFF]: ASCII letters; lead bytes C3-C8 (U+00C0-U+023F);
#     lead C9 + continuation 80-8F (U+0240-U+024F); lead E1 + continuation B8-BB (U+1E00-U+1EFF);
#   Arabic [\u0600-\u06FF]: lead bytes D8-DB.
_CLASSES = _table(
    {
        b"L": bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B)) + bytes(range(0xC3, 0xC9)),
        b"c": b"\xc9",
        b"e": b"\xe1",
        b"A": range(0xD8, 0xDC),
        b"0": range(0x80, 0x90),
        b"8": range(0xB8, 0xBC),
    }
)
# Every character of _VI_MARKS starts with one of these lead bytes (â ê ô: C3; ă đ: C4;
# ơ ư: C6; the rest, U+1EA1-U+1EF9: E1): their count bounds the count of the marks.
_VI_LEADS = (b"\xc3", b"\xc4", b"\xc6", b"\xe1")
_VI_MARKS_BYTES = {c.encode() for c in _VI_MARKS.pattern[1:-2]}
if any(enc[:1] not in _VI_LEADS for enc in _VI_MARKS_BYTES):
    raise AssertionError("_VI_LEADS must hold the lead byte of every Vietnamese mark")
# a-z stay, every other byte (a non-ASCII character's bytes too) becomes a space: the
# words of the split are the runs of a-z letters
_WORDS = bytes(b if 0x61 <= b <= 0x7A else 0x20 for b in range(256))
_ID_KEYS = tuple(w.encode() for w, lang in _FUNCTION_WORD.items() if lang == "id")
_EN_KEYS = tuple(w.encode() for w, lang in _FUNCTION_WORD.items() if lang == "en")
_ID_ZEROS = (0,) * len(_ID_KEYS)
_EN_ZEROS = (0,) * len(_EN_KEYS)


def detect(norm: str) -> str:
    """Language of a normalised text: the script decides Arabic; Vietnamese by its
    letters; Indonesian vs English by function words."""
    sample = norm[:20000]
    data = sample.encode("utf-8", "surrogatepass")
    classes = data.translate(_CLASSES)
    n_ar = classes.count(b"A")
    n_lat = classes.count(b"L") + classes.count(b"c0") + classes.count(b"e8")
    if n_ar == 0 and n_lat == 0:
        return "und"
    if n_ar > n_lat:
        return "ar"
    # the lead bytes bound the marks from above: count them exactly only when that can matter
    if sum(map(data.count, _VI_LEADS)) > 0.03 * n_lat and sum(map(len, _VI_MARKS.findall(sample))) > 0.03 * n_lat:
        return "vi"
    words = Counter(data.translate(_WORDS).split())
    get = words.get  # (get(w, 0): no Python-level __missing__ per absent function word)
    n_id = sum(map(get, _ID_KEYS, _ID_ZEROS))
    n_en = sum(map(get, _EN_KEYS, _EN_ZEROS))
    if n_id == 0 and n_en == 0:
        return "und"
    return "id" if n_id > n_en else "en"
