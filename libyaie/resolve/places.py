"""Place resolution: which gazetteer place a matched name is, and whether it is one.

* weak names (``Nga``, ``Chad``, ``عمان``) need place context: a trigger word
  before them (``tại``, ``in``, ``في``), a title just before (``Ngoại trưởng Nga``),
  or a neighbouring strong place in a list;
* homonyms are resolved by explicit qualifiers (``Tripoli, Lebanon``,
  ``طرابلس اللبنانية``), by a city trigger for country/capital pairs
  (``العاصمة الجزائر``), by the countries the document talks about, and
  finally by population;
* directional phrases (``شرق ليبيا``, ``miền Đông Libya``, ``Libya barat``,
  ``eastern Libya``) set ``direction``.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from operator import attrgetter

import attrs
import regex

from .. import _regex_cache
from .._gazetteer import Candidate, PlaceEntry
from .._text import at_sentence_start, is_arabic

__all__ = ["PlaceSel", "resolve_places"]

# Words after which a weak name is a place (normalised forms).
_TRIGGERS = frozenset(
    """tại ở của đến tới từ sang nước thủ đô với và giữa phía quân đội chính phủ đại sứ quán
    in to from of at into across with and between against neighbouring neighboring toward towards
    di ke dari negara pemerintah dengan dan antara asal
    في الى إلى من مع و بين دوله حكومه""".split()
)
_CITY_TRIGGERS = frozenset("العاصمه مدينه عاصمه thành phố kota city capital ibu".split())


def _city_trigger(prev: str | None) -> bool:
    """The word before a place says it is a city: العاصمة, "capital", "kota", also with Arabic
    proclitics (بالعاصمة, والعاصمة, وبالعاصمة)."""
    if not prev:
        return False
    if prev in _CITY_TRIGGERS:
        return True
    k = 0
    while k < 2 and k < len(prev) and prev[k] in "وفبل":
        k += 1
        if prev[k:] in _CITY_TRIGGERS:
            return True
    return False


_DIR_BEFORE: dict[str, str] = {
    "شرق": "east", "شرقي": "east", "غرب": "west", "غربي": "west", "شمال": "north", "شمالي": "north",
    "جنوب": "south", "جنوبي": "south", "وسط": "central", "جنوب شرق": "southeast", "جنوب غرب": "southwest",
    "شمال شرق": "northeast", "شمال غرب": "northwest", "شمال شرقي": "northeast", "جنوب غربي": "southwest",
    "miền đông": "east", "miền tây": "west", "miền bắc": "north", "miền nam": "south", "miền trung": "central",
    "phía đông": "east", "phía tây": "west", "phía bắc": "north", "phía nam": "south",
    "đông": "east", "tây": "west", "bắc": "north", "nam": "south",
    "eastern": "east", "western": "west", "northern": "north", "southern": "south", "central": "central",
    "east": "east", "west": "west", "north": "north", "south": "south",
    "north-eastern": "northeast", "north-western": "northwest", "south-eastern": "southeast",
    "south-western": "southwest", "northeastern": "northeast", "northwestern": "northwest",
    "southeastern": "southeast", "southwestern": "southwest",
}
_DIR_AFTER: dict[str, str] = {
    "barat": "west", "timur": "east", "utara": "north", "selatan": "south", "tengah": "central",
    "barat laut": "northwest", "barat daya": "southwest", "timur laut": "northeast", "tenggara": "southeast",
}
_DIR_BEFORE_RE = _regex_cache.compile(
    r"(?:^|(?<=[^\w]))(?:[وف]?[بل]?)(?P<d>" + "|".join(sorted(map(regex.escape, _DIR_BEFORE), key=len, reverse=True))
    + r")(?:\s{1,2}(?:of|của))?\s{1,2}$"
)
_DIR_AFTER_RE = _regex_cache.compile(
    r"^\s{1,2}(?P<d>" + "|".join(sorted(map(regex.escape, _DIR_AFTER), key=len, reverse=True)) + r")(?!\w)"
)
# Cheap necessary conditions for the two patterns above, checked before them (most places
# have no direction word).  Before: the window, trailing white space stripped (str.isspace
# is true for every regex \s character and no letter), ends with the last two letters of a
# direction word, or with "of"/"của" after one; after: white space follows the place and a
# direction word starts one or two characters after it.
_DIR_TAILS = frozenset(d[-2:] for d in _DIR_BEFORE)
_OF_LEN = {"of": 2, "ủa": 3}  # last two letters of "of", "của" → their length
_DIR_AFTER_HEADS = tuple(sorted({d.split(" ")[0] for d in _DIR_AFTER}))


def _direction(norm: str, s: int, e: int) -> str | None:
    """The direction word just before (``شرق ليبيا``, ``eastern Libya``) or after
    (``Libya barat``) the place at ``norm[s:e]``."""
    lo = s - 25 if s > 25 else 0  # the window before the place: norm[lo:s]
    # the window without its trailing white space is norm[lo:j] (read in place: slicing the
    # window for every place costs more than these few characters)
    j = s
    while j > lo and norm[j - 1].isspace():
        j -= 1
    if j < s:
        tail = norm[j - 2 if j - 2 > lo else lo : j]
        of = _OF_LEN.get(tail)
        if of is not None:
            j = j - of if j - of > lo else lo
            while j > lo and norm[j - 1].isspace():
                j -= 1
            tail = norm[j - 2 if j - 2 > lo else lo : j]
        if tail in _DIR_TAILS:
            mb = _DIR_BEFORE_RE.search(norm[lo:s])
            if mb:
                return _DIR_BEFORE[_SPACES.sub(" ", mb["d"])]
    if norm[e : e + 1].isspace() and (
            norm.startswith(_DIR_AFTER_HEADS, e + 1) or norm.startswith(_DIR_AFTER_HEADS, e + 2)):
        ma = _DIR_AFTER_RE.match(norm[e : e + 20])
        if ma:
            return _DIR_AFTER[_SPACES.sub(" ", ma["d"])]
    return None


_PREV_WORD = _regex_cache.compile(r"(\w+)\W{0,3}$")
# The same match found from the end (REVERSE): only the last word and the characters after
# it are visited, instead of a match attempt from every position of the window.
_PREV_WORD_R = _regex_cache.compile(r"(?r)(\w+)\W{0,3}$")
# place names that are the first word of an idiom (normalised): مسقط رأس "birthplace"
_IDIOM_HEADS = frozenset({"مسقط"})
# a currency word right before a country's name makes it the currency's name (Indonesian and
# Vietnamese put the country after: "9 miliar dolar AS", "5 tỷ đô la Mỹ", "dolar Singapura")
_CURRENCY_BEFORE = _regex_cache.compile(r"(?:^|(?<=[^\w]))(?:dolar|đô la|đôla|đô-la)\s$")
_IDIOM_AFTER = _regex_cache.compile(r"\s{1,2}راس")
# place names that are also adjectives, with the nouns they qualify (normalised; the noun
# may carry proclitics): القوة القاهرة / الظروف القاهرة "force majeure", not Cairo
_ADJ_AFTER_NOUN: dict[str, frozenset[str]] = {
    "القاهره": frozenset(
        "القوه قوه الظروف ظروف الحاله حاله الاسباب اسباب السلطه سلطه الاراده اراده الحالات حالات".split()),
}


@attrs.define(slots=True)
class PlaceSel:
    start: int  # normalised offsets
    end: int
    place: PlaceEntry
    form: str
    direction: str | None


def _after_noun(norm: str, s: int, nouns: frozenset[str]) -> bool:
    """The word before ``s`` is one of ``nouns`` (after stripping Arabic proclitics)."""
    m = _PREV_WORD_R.search(norm, max(0, s - 40), s)
    if m is None:
        return False
    w = m.group(1)
    if len(w) > 3 and w[0] in "وف" and w[1:3] == "لل":
        w = w[1:]
    if w.startswith("لل"):
        w = "ا" + w[1:]  # للقوة: ل + القوة
    return w in nouns or any(w.startswith(c) and w[len(c):] in nouns for c in _AR_PROCLITICS)


def _prev_word(norm: str, start: int) -> str:
    m = _PREV_WORD_R.search(norm, max(0, start - 40), start)
    if not m:
        return ""
    w = m.group(1)
    # strip Arabic proclitics from the previous word (وفي → في)
    if len(w) > 2 and w[0] in "وف" and w[1:] in _TRIGGERS:
        return w[1:]
    return w


# after a dateline's place: "TRIPOLI, Dec 27 (Reuters) -", "تونس - ", "Jakarta (ANTARA) -"
_DATELINE_AFTER = _regex_cache.compile(r"\s{0,2}(?:\([^()\n]{1,40}\)\s{0,2})?[-–—:,،]")


def _at_dateline(norm: str, start: int, end: int) -> bool:
    """The place opens a line and a dateline separator follows: a dateline names a city
    (تونس there is Tunis, not Tunisia)."""
    i = start - 1
    while i >= 0 and norm[i] in " \t":
        i -= 1
    if i >= 0 and norm[i] != "\n":
        return False
    return _DATELINE_AFTER.match(norm, end) is not None


def _choose(
    cands: Sequence[Candidate],
    places: Mapping[str, PlaceEntry],
    norm: str,
    start: int,
    end: int,
    doc_countries: Counter[str],
    next_country: str | None,
) -> Candidate:
    if len(cands) == 1:
        return cands[0]
    prev = _prev_word(norm, start)
    city = _city_trigger(prev) or _at_dateline(norm, start, end)

    def score(c: Candidate) -> tuple[float, ...]:
        p = places[c.id]
        explicit = 1.0 if next_country and p.country == next_country and p.kind != "country" else 0.0
        city_ctx = 1.0 if city == (p.kind != "country") else 0.0
        ctx = doc_countries.get(p.country, 0)
        return (explicit, city_ctx, ctx, float(c.form == "name"), float(p.population))

    return max(cands, key=score)


_LAST_WORD = _regex_cache.compile(r"(\w+)\s{1,2}$")
_LIST_GAP = _regex_cache.compile(r"\s{0,2}(?:,|،|/|và|and|dan|و|&)?\s{0,2}")
_QUAL_GAP = _regex_cache.compile(r"\s{0,2}[,،(]?\s{0,2}")
_PREV_GAP = _regex_cache.compile(r"[\s\w',]{0,20}")
_SPACES = _regex_cache.compile(r"\s+")
_GLUED_ARTICLE = _regex_cache.compile(r"(?:al|el|ad|as|at|az|ar|an)[- ](?=\w)")
_PUBLICATIONS = frozenset(
    "times post tribune herald journal observer gazette daily telegraph review monitor chronicle express".split()
)
_NEXT_WORD = _regex_cache.compile(r"\s{1,2}(\w+)")
_NAME_AFTER = _regex_cache.compile(r" (\w{2,})")
_VI_HONORIFICS = frozenset("bà chị cô em ông anh cháu con".split())


_PUBLICATION_HEADS = tuple(sorted(_PUBLICATIONS))

# Street and district heads (normalised): a place name after one names a street or a
# quarter, not the place (شارع طرابلس in Misrata, حي الجيزة in Sirte, Jalan Tripoli).
# Plural heads (شوارع طرابلس, đường phố Tripoli, jalan-jalan Tripoli) name the place's
# streets and keep it.  عن طريق is "via": the place after it is real.
_STREET_HEADS_AR = frozenset("شارع طريق ميدان ساحه حي جاده متحف".split())
_STREET_HEADS_VI = frozenset({"đường", "phố", "đại lộ", "bảo tàng"})
_STREET_HEADS_VI_KEEP = frozenset("thành đường con tuyến".split())  # thành phố, đường phố, con đường
_AR_PROCLITICS = ("وب", "فب", "ول", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_STREET_PREV = _regex_cache.compile(r"(?r)(?:(\w+)\s{1,2})?(\w+)\s{1,2}$")
_STREET_AFTER = _regex_cache.compile(r"\s{1,2}(street|road|square|avenue|boulevard|st\.|museum)(?!\w)")
_STREET_AFTER_HEADS = ("street", "road", "square", "avenue", "boulevard", "st.", "museum")
# a museum named after its place names the building, as a street does: "the Bardo museum",
# "Museum Bardo", "Bảo tàng Bardo", "متحف باردو"
_MUSEUM_AFTER = "museum"
# the previous word ends like a head (a cheap necessary condition, checked before the regex)
_STREET_TAILS = tuple(sorted({*_STREET_HEADS_AR, "đường", "phố", "lộ", "tàng", "jalan", "museum"}))


def _street(norm: str, s: int, e: int, is_upper: Callable[[int], bool]) -> bool:
    """The name at ``norm[s:e]`` is part of a street's, a quarter's or a museum's name: after
    a street head (شارع، حي، đường, Jalan, Museum, متحف) or before a capitalised English one
    (Tripoli Street; museum also in lower case after "the": the Bardo museum, not a
    Tripoli museum)."""
    if norm[e : e + 1].isspace() and (
            norm.startswith(_STREET_AFTER_HEADS, e + 1) or norm.startswith(_STREET_AFTER_HEADS, e + 2)):
        m = _STREET_AFTER.match(norm, e)
        if m is not None and (is_upper(m.start(1)) or (m.group(1) == _MUSEUM_AFTER and norm[s - 4 : s] == "the ")):
            return True
    if s == 0 or not norm[s - 1].isspace():
        return False
    j = s - 1
    if j > 0 and norm[j - 1].isspace():
        j -= 1
    if not norm.endswith(_STREET_TAILS, max(0, j - 6), j):
        return False
    m = _STREET_PREV.search(norm, max(0, s - 30), s)
    if m is None:
        return False
    before, w = m.group(1), m.group(2)
    if w == "jalan" or w == "museum":
        return is_upper(m.start(2))  # Jalan Tripoli (a street), not jalan-jalan or di jalan; Museum Bardo
    if w in _STREET_HEADS_VI or (before and f"{before} {w}" in _STREET_HEADS_VI):
        return before not in _STREET_HEADS_VI_KEEP
    if w == "طريق" and before == "عن":
        return False
    if w in _STREET_HEADS_AR:
        return True
    return len(w) >= 3 and any(w.startswith(c) and w[len(c):] in _STREET_HEADS_AR for c in _AR_PROCLITICS)


# broadcasters whose regional editions are named after a place: "CNN Indonesia", "BBC Indonesia"
_OUTLETS_BEFORE = frozenset({"cnn", "bbc", "voa"})


def _outlet_edition(norm: str, s: int, is_upper: Callable[[int], bool]) -> bool:
    """The place at ``s`` follows a broadcaster's name in capitals: ``CNN Indonesia``."""
    if s < 4 or norm[s - 1] != " " or norm[s - 4 : s - 1] not in _OUTLETS_BEFORE:
        return False
    if s > 4 and (norm[s - 5].isalnum() or norm[s - 5] in "-_"):
        return False
    return is_upper(s - 4) and is_upper(s - 3) and is_upper(s - 2)


# broadcasters named "<place> <word>": ليبيا الأحرار, ليبيا الحدث, Libya Al-Ahrar (normalised forms)
_OUTLET_AFTER = _regex_cache.compile(r"\s{1,2}(?:الاحرار|الحدث|al[- ]?ahrar)(?!\w)")
_OUTLET_AFTER_HEADS = ("ال", "al")


def _outlet_after(norm: str, end: int) -> bool:
    """``ليبيا الأحرار``, ``Libya Al-Ahrar``: a place naming a broadcaster.  (White space
    follows the place and the next word starts like an article: checked first.)"""
    if not (norm[end : end + 1].isspace() and (
            norm.startswith(_OUTLET_AFTER_HEADS, end + 1) or norm.startswith(_OUTLET_AFTER_HEADS, end + 2))):
        return False
    return _OUTLET_AFTER.match(norm, end) is not None


def _publication(norm: str, end: int, is_upper: Callable[[int], bool]) -> bool:
    """``The New York Times``, ``Libya Herald``: a place inside a publication's name.
    (White space follows the place and the word starts one or two characters after it:
    checked first.)"""
    if not (norm[end : end + 1].isspace() and (
            norm.startswith(_PUBLICATION_HEADS, end + 1) or norm.startswith(_PUBLICATION_HEADS, end + 2))):
        return False
    m = _NEXT_WORD.match(norm, end)
    return bool(m and m.group(1) in _PUBLICATIONS and is_upper(m.start(1)))


# Verbs (and aspect words) that follow a country as a sentence's subject in Vietnamese news:
# "Nga hoan nghênh ...", "Pháp đã ...".  A sentence-initial weak name followed by one is
# the country.  Not for "Anh", which opens sentences as the pronoun ("Anh cho biết": he said).
_VI_SUBJECT_VERBS = frozenset(
    w.strip()
    for w in """hoan nghênh|tuyên bố|cho biết|kêu gọi|phản đối|ủng hộ|lên án|bác bỏ|khẳng định
    |cáo buộc|đã|sẽ|đang|cũng|vẫn|từng|muốn|yêu cầu|phủ nhận|lên tiếng|cảnh báo|triển khai
    |can thiệp|cam kết|đề xuất|thừa nhận|bày tỏ|chỉ trích|cử|gửi|tiếp tục|hối thúc|đề nghị
    |nhấn mạnh|chủ trì|hỗ trợ|tham gia|bắt đầu|quyết định""".split("|")
)
_VI_VERB_AFTER = _regex_cache.compile(r"\s{1,2}(\w+(?:\s\w+)?)")
_VI_NO_VERB_RULE = frozenset({"anh"})


def _vi_subject(norm: str, e: int, key: str) -> bool:
    """A subject verb follows the name ending at ``e`` (``Nga hoan nghênh``)."""
    if key in _VI_NO_VERB_RULE:
        return False
    m = _VI_VERB_AFTER.match(norm, e)
    if m is None:
        return False
    words = m.group(1)
    return words in _VI_SUBJECT_VERBS or words.split(" ", 1)[0] in _VI_SUBJECT_VERBS


def _vi_weak_ok(norm: str, s: int, e: int, is_upper: Callable[[int], bool]) -> bool:
    """A capitalised one-syllable Vietnamese country name (Nga, Anh, Pháp) mid-sentence,
    not part of a personal name (Nguyễn Thị Nga) nor after a kinship honorific (bà Nga);
    at a sentence's start, only as the subject of a verb (Nga hoan nghênh ...)."""
    if not is_upper(s):
        return False
    i = s - 1
    while i >= 0 and norm[i] == " ":
        i -= 1
    if i < 0 or norm[i] in ".!?\n:\"“”«»":
        return _vi_subject(norm, e, norm[s:e])
    m = _LAST_WORD.search(norm, max(0, s - 20), s)
    if m is None:
        return True
    prev = m.group(1)
    return prev not in _VI_HONORIFICS and not is_upper(s - len(m.group(0)))


def _strong_lists(hits: Sequence[tuple[int, int, tuple[Candidate, ...]]], norm: str) -> list[bool]:
    """For each hit: whether it is in a list of places (joined by commas, and, و, và, dan,
    /) another member of which is strong: "Nga, Pháp và UAE", "Chad, Niger and Libya".
    One pass over the hits (a text that is one long list stays linear)."""
    n = len(hits)
    strong = [any(not c.weak for c in h[2]) for h in hits]
    out = [False] * n
    start = 0
    for k in range(1, n + 1):
        if k == n or not _LIST_GAP.fullmatch(norm, hits[k - 1][1], hits[k][0]):
            count = sum(strong[start:k])  # the chain start..k-1
            if count:
                for j in range(start, k):
                    out[j] = count - strong[j] > 0
            start = k
    return out


def _is_arabic(key: str) -> bool:
    """:func:`is_arabic` of ``key``, an ASCII key answered without a search, another one
    looked up once (the keys are the gazetteer's names)."""
    return not key.isascii() and _is_arabic_key(key)


_is_arabic_key = functools.lru_cache(maxsize=16384)(is_arabic)


_UPPER_FORM = attrgetter("upper")
_WEAK = attrgetter("weak")


def _inner_cap(key: str, s: int, is_upper: Callable[[int], bool]) -> bool:
    """A word after the first one of ``key`` (at ``s``) is capitalised: ``châu Phi``."""
    k = key.find(" ", 0, len(key) - 1)
    while k >= 0:
        if is_upper(s + k + 1):
            return True
        k = key.find(" ", k + 1, len(key) - 1)
    return False


def _all_caps(key: str, s: int, is_upper: Callable[[int], bool]) -> bool:
    """Every letter of ``key`` (at ``s``) is a capital."""
    return all(is_upper(s + k) for k, ch in enumerate(key) if ch.isalpha())


def resolve_places(
    norm: str,
    hits: Sequence[tuple[int, int, tuple[Candidate, ...]]],
    places: Mapping[str, PlaceEntry],
    title_spans: Sequence[tuple[int, int]],
    is_upper: Callable[[int], bool] = lambda i: False,
    cased: bool = True,
) -> list[PlaceSel]:
    """Choose and validate place readings of non-overlapping hits (normalised offsets)."""
    # strong readings first: they give the document's countries
    doc_countries: Counter[str] = Counter()
    for _s, _e, cands in hits:
        if len(cands) == 1:
            if not cands[0].weak:
                doc_countries[places[cands[0].id].country] += 1
            continue
        strong = [c for c in cands if not c.weak]
        if len(strong) == 1 or (strong and len({places[c.id].country for c in strong}) == 1):
            doc_countries[places[strong[0].id].country] += 1
    out: list[PlaceSel] = []
    n = len(hits)
    # positions inside a title or just after one (a country after a title is a place: Ngoại trưởng Nga)
    title_zone = bytearray(len(norm) + 3)
    for ts, te in title_spans:
        title_zone[ts : te + 3] = b"\x01" * (te + 3 - ts)
    # one sense per discourse: a weak name accepted once is a place everywhere in the text
    accepted_weak: set[str] = set()
    pending: list[tuple[int, str]] = []
    hit_starts: set[int] | None = None  # built when first needed
    strong_lists: list[bool] | None = None  # (likewise)
    for i, (s, e, usable) in enumerate(hits):
        if _publication(norm, e, is_upper) or _outlet_edition(norm, s, is_upper) or _outlet_after(norm, e):
            continue
        key = norm[s:e]
        if _street(norm, s, e, is_upper):
            continue
        if key in _IDIOM_HEADS and _IDIOM_AFTER.match(norm, e) is not None:
            continue  # مسقط رأسه: "his birthplace", not Muscat
        nouns = _ADJ_AFTER_NOUN.get(key)
        if nouns is not None and _after_noun(norm, s, nouns):
            continue  # القوة القاهرة: "force majeure", not Cairo
        if s > 3 and norm[s - 1] == " " and _CURRENCY_BEFORE.search(norm, max(0, s - 9), s) is not None:
            continue  # "dolar AS", "đô la Mỹ": a currency's name, not the country
        caps_forms = usable[0].upper if len(usable) == 1 else all(map(_UPPER_FORM, usable))
        caps_text: bool | None = None  # _all_caps(key, s, is_upper), computed when needed
        if cased and not _is_arabic(key):
            # Latin-script names are proper nouns: "turkey", "chad", "may" are not places
            # a classifier may lead in lower case: "châu Phi", "benua Afrika", "xứ Wales"
            if not is_upper(s):
                art = _GLUED_ARTICLE.match(key)
                if not (art and is_upper(s + art.end())) and not _inner_cap(key, s, is_upper):
                    continue
            # all-capital forms (US, UK, AS, UEA) only in capitals: "us", "As" are words
            if caps_forms:
                caps_text = _all_caps(key, s, is_upper)
                if not caps_text:
                    continue
        strong_caps = caps_forms and (caps_text if caps_text is not None else _all_caps(key, s, is_upper))
        if not strong_caps and all(map(_WEAK, usable)):
            prev = _prev_word(norm, s)
            gap_title = bool(title_zone[s])
            vi_lang = any(c.lang == "vi" for c in usable)
            if not gap_title and not vi_lang and not _is_arabic(key):
                nxt = _NAME_AFTER.match(norm, e)
                if nxt is not None and is_upper(nxt.start(1)):
                    if hit_starts is None:
                        hit_starts = {h[0] for h in hits}
                    if nxt.start(1) not in hit_starts:
                        continue  # "Jordan Bardella", "Chad Smith": a first name, not the country
            vi_ok = vi_lang and _vi_weak_ok(norm, s, e, is_upper)
            if strong_lists is None:
                strong_lists = _strong_lists(hits, norm)
            near_strong = strong_lists[i]
            # (not for a Vietnamese name: the "thành" of "thành viên" is no "thành phố")
            city = _city_trigger(prev) and not vi_lang
            if not (prev in _TRIGGERS or city or gap_title or near_strong or vi_ok):
                pending.append((i, key))
                continue
            accepted_weak.add(key)
        # an explicit qualifier right after: "Tripoli, Lebanon", "طرابلس اللبنانية"
        next_country = None
        if i + 1 < n:
            s2, _e2, c2 = hits[i + 1]
            if s2 - e <= 5 and _QUAL_GAP.fullmatch(norm, e, s2):  # the gap is at most 5 characters
                cs = {places[c.id].country for c in c2 if places[c.id].kind == "country"}
                if len(cs) == 1:
                    next_country = cs.pop()
        if next_country is None and i > 0:
            # a country named just before: "Lebanon's Tripoli"; not a nisba adjective, and not
            # when the name is that country's own ("الرئيس الجزائري ... إن الجزائر" is Algeria)
            _s0, e0, c0 = hits[i - 1]
            if s - e0 <= 20 and _PREV_GAP.fullmatch(norm, e0, s):
                cs0 = {places[c.id].country for c in c0 if places[c.id].kind == "country" and c.form == "name"}
                if (len(cs0) == 1 and any(places[c.id].country in cs0 for c in usable)
                        and not any(places[c.id].kind == "country" and places[c.id].country in cs0 for c in usable)):
                    next_country = cs0.pop()
        c = usable[0] if len(usable) == 1 else _choose(usable, places, norm, s, e, doc_countries, next_country)
        direction = _direction(norm, s, e) if c.form == "name" else None
        out.append(PlaceSel(s, e, places[c.id], c.form, direction))
    for i, key in pending:
        s, e, cands = hits[i]
        vi_name_part = any(c.lang == "vi" for c in cands) and not _vi_weak_ok(norm, s, e, is_upper) and not at_sentence_start(norm, s)
        if key in accepted_weak and (is_upper(s) or not key.isascii()) and not vi_name_part:
            c = _choose(list(cands), places, norm, s, e, doc_countries, None)
            out.append(PlaceSel(s, e, places[c.id], c.form, None))
    out.sort(key=attrgetter("start"))
    return out
