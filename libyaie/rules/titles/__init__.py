"""Title cascades: MODIFIER* HEAD (CONNECTOR? PORTFOLIO)? MODIFIER-AFTER?

Built per language from ``gazetteers/titles/<lang>.toml`` (heads, portfolios,
modifiers, connectors).  English also reads PORTFOLIO HEAD (``Foreign
Minister``) and HEAD of PORTFOLIO (``Minister of Foreign Affairs``).  The
role is the portfolio's when the head's class is among the portfolio's
classes (``وزير`` + ``الداخلية`` → ``interior_minister``), the head's own
otherwise; a whole listed head (``نائب الرئيس`` → ``vice_president``) beats
modifier + head over the same words.  Arabic also lets an after-modifier stand
between the head and its portfolio (``وزير سابق للداخلية``, ``رئيسا جديدا
للحكومة``), and reads a portfolio in the construct state behind the preposition
لـ (``رئيسا لبعثة الدعم``).  Country, organisation and person are attached
later, in ``resolve/persons.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs
import regex

from ... import _regex_cache
from ..._gazetteer import TitlePiece
from ..._text import normalize_key
from .. import AR_L, Example, L, R, Rule, alt, compile_rule

__all__ = ["TitleReading", "build", "build_lang"]

_QUAL_RANK = {"deputy": 0, "assistant": 0, "acting": 1, "designate": 1, "former": 2}


@attrs.frozen(slots=True)
class TitleReading:
    """What a title rule read: role, qualifier and the pieces' hints."""

    role: str
    qualifier: str | None
    country: str | None
    organization: str | None
    head: str
    has_portfolio: bool
    abbreviation: bool
    modifiers: int = 0
    """How many words of modifiers (cựu, mantan, former) come before the head."""


def _index(pieces: Sequence[TitlePiece], kind: str) -> dict[str, TitlePiece]:
    out: dict[str, TitlePiece] = {}
    for p in pieces:
        if p.kind != kind:
            continue
        for f in p.forms:
            k = normalize_key(f)
            out.setdefault(k, p)
            if kind == "portfolio" and p.lang == "ar":
                # a portfolio after the head may carry a preposition: للجيش (ل + الجيش), بالمجلس,
                # and a body named in the construct state too: رئيسا لبعثة الدعم (ل + بعثة)
                if k.startswith("ال"):
                    out.setdefault("ل" + k[1:], p)
                    out.setdefault("ب" + k, p)
                else:
                    out.setdefault("ل" + k, p)
    return out


_SPACES = _regex_cache.compile(r"\s+")
_WORDS = _regex_cache.compile(r"[^\W\d_][\w.\-']*")


@functools.lru_cache(maxsize=4096)
def _word_key(word: str) -> str:
    """A non-ASCII word's normalised key (cached: title words recur across documents)."""
    return normalize_key(word)


def _squash(s: str) -> str:
    return _SPACES.sub(" ", s).strip()


def _rule_for(lang: str, pieces: Sequence[TitlePiece]) -> Rule:
    heads = _index(pieces, "head")
    ports = _index(pieces, "portfolio")
    mods_before = {k: v for k, v in _index(pieces, "modifier").items() if v.position == "before"}
    mods_after = {k: v for k, v in _index(pieces, "modifier").items() if v.position == "after"}
    conns = _index(pieces, "connector")
    stops = _index(pieces, "stop")
    abbreviations = {normalize_key(f) for p in pieces for f in p.forms if f.isupper() and len(f) <= 5 and f.isascii()}

    HEAD = alt(heads, normalise=False)
    PORT = alt(ports, normalise=False)
    MODB = alt(mods_before, normalise=False)
    MODA = alt(mods_after, normalise=False)
    CONN = alt(conns, normalise=False)
    STOP = alt(stops, normalise=False)
    left = (AR_L if lang == "ar" else L) + rf"(?!{STOP}{R})"
    if lang == "en":
        pattern = rf"""{left}(?:(?P<mod>{MODB})[\s\-]{{1,2}}(?:(?P<mod2>{MODB})[\s\-]{{1,2}})?)?(?:(?P<port1>{PORT})\s{{1,2}})?(?P<head>{HEAD})
                       (?:\s{{1,2}}(?:{CONN})\s{{1,2}}(?:the\s{{1,2}})?(?P<port>{PORT}))?(?:[\s\-]{{1,2}}(?P<moda>{MODA}))?{R}"""
    elif lang == "ar":
        # Arabic also lets an after-modifier stand between the head and its portfolio, where
        # an indefinite head puts its adjective: وزير سابق للداخلية، رئيسا جديدا للحكومة
        pattern = rf"""{left}(?:(?P<mod>{MODB})\s{{1,2}}(?:(?P<mod2>{MODB})\s{{1,2}})?)?(?P<head>{HEAD})
                       (?:\s{{1,2}}(?P<modm>{MODA}))?
                       (?:\s{{1,2}}(?:(?:{CONN})\s{{1,2}})?(?P<port>{PORT}))?(?:\s{{1,2}}(?P<moda>{MODA}))?{R}"""
    else:
        pattern = rf"""{left}(?:(?P<mod>{MODB})\s{{1,2}}(?:(?P<mod2>{MODB})\s{{1,2}})?)?(?P<head>{HEAD})
                       (?:\s{{1,2}}(?:(?:{CONN})\s{{1,2}})?(?P<port>{PORT}))?(?:\s{{1,2}}(?P<moda>{MODA}))?{R}"""

    has_port1 = "(?P<port1>" in pattern
    has_modm = "(?P<modm>" in pattern
    # the reading of each head alone (no modifier, no portfolio), what most matches read:
    # built once here (a reading is immutable), as the general path below would build it
    alone = {
        k: TitleReading(
            role=h.role, qualifier=h.qualifier or None, country=h.country, organization=h.organization, head=k,
            has_portfolio=False, abbreviation=k in abbreviations,
        )
        for k, h in heads.items() if h.role is not None
    }

    # The groups capture listed forms, which are keys of these tables: normalised keys,
    # whose white space is already squashed.  Only a capture not found as it is gets
    # squashed before its look-up (the same key either way).
    def build(m: regex.Match[str]) -> TitleReading | None:
        head_s = m["head"]
        if head_s not in heads:
            head_s = _squash(head_s)
        mod1 = m["mod"]  # up to two modifiers: (?:MOD SEP (?:MOD SEP)?)? reads as (?:MOD SEP){0,2}
        captured_mods = () if mod1 is None else (mod1,) if (mod2 := m["mod2"]) is None else (mod1, mod2)
        port_s: str | None = m["port"] or (m["port1"] if has_port1 else None)
        moda = m["moda"]
        modas = (moda,) if moda is not None else ()
        if has_modm and (modm := m["modm"]) is not None:
            modas = (modm, *modas)
        if not (captured_mods or port_s or modas):
            return alone.get(head_s)
        mods = [x if x in mods_before else _squash(x) for x in captured_mods]
        # a whole listed head beats modifier + head over the same words
        while mods:
            joined = " ".join([*mods, head_s])
            if joined in heads:
                head_s, mods = joined, []
                break
            joined1 = " ".join([mods[-1], head_s])
            if joined1 in heads:
                head_s = joined1
                mods = mods[:-1]
                continue
            break
        head = heads.get(head_s)
        if head is None or head.role is None:
            return None
        port = (ports.get(port_s) or ports.get(_squash(port_s))) if port_s else None
        role = head.role
        organization = head.organization
        country = head.country
        if port is not None:
            # a head of government stays one: "Thủ tướng Hội đồng Dân tộc Chuyển tiếp",
            # "Perdana Menteri NTC" is the council's prime minister, not its chair
            if head.cls and head.cls in port.classes and port.role and head.role != "prime_minister":
                role = port.role
            organization = port.organization or organization
            country = port.country or country
        quals: list[str] = [q for x in mods if x in mods_before and (q := mods_before[x].qualifier)]
        if head.qualifier:
            quals.append(head.qualifier)
        for x in modas:
            qa = mods_after.get(x) or mods_after.get(_squash(x))
            if qa is not None and qa.qualifier:
                quals.append(qa.qualifier)
        qual = min(quals, key=lambda q: _QUAL_RANK.get(q, 9)) if quals else None
        return TitleReading(
            role=role, qualifier=qual, country=country, organization=organization, head=head_s,
            has_portfolio=port is not None, abbreviation=head_s in abbreviations,
            modifiers=sum(len(x.split()) for x in mods) if mods else 0,
        )

    def accept(original: str) -> bool:
        # abbreviations (PM, FM, GIS) only in capitals
        words = _WORDS.findall(original)
        if not words:
            return False
        for w in words:
            if not (w.isupper() or len(w) > 8) and (w.lower() if w.isascii() else _word_key(w)) in abbreviations:
                return False
        return True

    examples = _EXAMPLES.get(lang, ())
    return compile_rule(
        f"{lang}.title.cascade", "title", lang, pattern, build,
        examples=[Example(t, e, ref=None) for t, e in examples],
        negatives=_NEGATIVES.get(lang, ()),
        accept=accept,
    )


_EXAMPLES: dict[str, tuple[tuple[str, dict[str, object]], ...]] = {
    "vi": (
        ("Thứ trưởng Ngoại giao", {"role": "foreign_minister", "qualifier": "deputy"}),
        ("Trợ lý Ngoại trưởng", {"role": "foreign_minister", "qualifier": "assistant"}),
        ("Bộ trưởng Nội vụ", {"role": "interior_minister", "qualifier": None}),
        ("Chủ tịch Hội đồng Tổng thống", {"role": "council_chair"}),
        ("Thủ tướng Hội đồng Dân tộc Chuyển tiếp", {"role": "prime_minister"}),
        ("cựu lãnh đạo", {"role": "leader", "qualifier": "former"}),
        ("Chủ tịch Quốc hội", {"role": "speaker"}),
        ("Thủ tướng", {"role": "prime_minister"}),
        ("Phó Giám đốc Cơ quan tình báo quốc gia", {"role": "intelligence_chief", "qualifier": "deputy"}),
        ("Chủ tịch luân phiên", {"role": "council_chair"}),
        ("Chủ tịch Đại hội Dân tộc", {"role": "speaker"}),
        ("Chủ tịch Tập đoàn Dầu khí Quốc gia", {"role": "head"}),
        ("Thủ hiến", {"role": "prime_minister"}),
    ),
    "ar": (
        ("وزير الداخلية", {"role": "interior_minister"}),
        ("وزيرة الخارجية", {"role": "foreign_minister"}),
        ("وزير الدفاع", {"role": "defense_minister"}),
        ("نائب رئيس جهاز المخابرات", {"role": "intelligence_chief", "qualifier": "deputy"}),
        ("رئيس حكومة الوحدة الوطنية", {"role": "prime_minister"}),
        ("المتحدث باسم وزارة الخارجية", {"role": "spokesperson"}),
        ("المشير", {"role": "field_marshal"}),
        ("ووزير الخارجية", {"role": "foreign_minister"}),
        ("الوزير الأول", {"role": "prime_minister"}),
        ("مبعوثا أمميا", {"role": "envoy"}),
        ("سفيرا", {"role": "ambassador"}),
        ("رئيسا لبعثة الدعم الأممية", {"role": "envoy"}),
        ("رئيس المؤتمر", {"role": "speaker"}),
        ("رئيس المكتب التنفيذي السابق", {"role": "head", "qualifier": "former"}),
        ("آمر كتيبة", {"role": "commander"}),
        ("آمر حرس المنشآت النفطية السابق", {"role": "commander", "qualifier": "former"}),
        ("رئيسا جديدا للحكومة", {"role": "prime_minister"}),
        ("وزير سابق للداخلية", {"role": "interior_minister", "qualifier": "former"}),
        ("رئيس مفوضية الاتحاد الأفريقي", {"role": "council_chair"}),
    ),
    "id": (
        ("Perdana Menteri NTC", {"role": "prime_minister"}),
        ("Menteri Dalam Negeri", {"role": "interior_minister"}),
        ("Wakil Kepala Badan Intelijen", {"role": "intelligence_chief", "qualifier": "deputy"}),
        ("Menlu", {"role": "foreign_minister"}),
        ("mantan Presiden", {"role": "president", "qualifier": "former"}),
        ("Menteri Pertama", {"role": "prime_minister"}),
        ("komandan Pasukan", {"role": "commander"}),
        ("juru bicara LNA", {"role": "spokesperson", "country": "LY"}),
    ),
    "en": (
        ("longtime ruler", {"role": "leader", "qualifier": None}),
        ("Foreign Minister", {"role": "foreign_minister"}),
        ("Deputy Foreign Minister", {"role": "foreign_minister", "qualifier": "deputy"}),
        ("Minister of Foreign Affairs", {"role": "foreign_minister"}),
        ("Field Marshal", {"role": "field_marshal"}),
        ("Secretary of State", {"role": "foreign_minister"}),
        ("former Prime Minister", {"role": "prime_minister", "qualifier": "former"}),
        ("Secretary of State for Security", {"role": "minister"}),
        ("Secretary of State for Justice", {"role": "justice_minister"}),
        ("First Minister", {"role": "prime_minister"}),
        ("Justice Secretary", {"role": "justice_minister"}),
        ("Sen.", {"role": "member_of_parliament"}),
        ("chairperson of the African Union Commission", {"role": "council_chair"}),
        ("Home Affairs Commissioner", {"role": "official"}),
        ("junta leader", {"role": "leader"}),
        ("head of the junta", {"role": "leader"}),
        ("Navy spokesman", {"role": "spokesperson"}),
    ),
}

_NEGATIVES: dict[str, tuple[str, ...]] = {
    "en": ("general election", "3 pm", "the General Assembly", "Head of State", "senate"),
    "vi": ("tăng trưởng kinh tế", "nước Chủ tịch Hội đồng Bảo an tháng 7", "làm chủ tọa"),
    "id": ("di bawah pimpinan",),
    # ملك 'property'; متحدثا 'speaking' (a circumstantial accusative, not an office)
    "ar": ("الوزارة", "النفط ملك لكل الليبيين", "وقال متحدثا للصحفيين"),
}


def build(titles: Mapping[str, Sequence[TitlePiece]]) -> list[Rule]:
    """One cascade rule per language that has title data."""
    return [_rule_for(lang, pieces) for lang, pieces in sorted(titles.items())]


def build_lang(titles: Mapping[str, Sequence[TitlePiece]], lang: str) -> list[Rule]:
    """The title cascade of one language (empty when it has no title data)."""
    pieces = titles.get(lang)
    return [_rule_for(lang, pieces)] if pieces else []
