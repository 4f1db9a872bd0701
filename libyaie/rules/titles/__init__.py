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
لـ (``رئيسا لبعثة الدعم``), a definite head behind it too (``للمشير``, ``للواء``:
the reading names the head without it), a deputy's head behind it
(``النائب الأول لرئيس مجلس النواب``) and a portfolio in quotes (``قائد "الجيش
الوطني الليبي"``).  A head right after a plural marker or, in Vietnamese, an
institution noun is no title (``para pemimpin``, ``các nghị sĩ``, ``Hội đồng Tổng
thống``).  Country, organisation and person are attached later, in
``resolve/persons.py``; a bare deputy after a possessive and an acting minister
with no portfolio take their role from the text before them (``coref.py``).
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

__all__ = ["TitleReading", "build", "build_lang", "head_forms"]

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
    role_in: tuple[tuple[str, str], ...] = ()
    """The head's role in some polities instead of ``role`` (see ``TitlePiece.role_in``)."""


def _after_li(key: str) -> str:
    """A definite word after the preposition لـ, which drops the article's alif (ل + المشير →
    للمشير) and, before a word that begins with lam, the article's lam too (ل + اللواء →
    للواء, ل + اللجنة → للجنة)."""
    return "ل" + key[2:] if key.startswith("الل") else "ل" + key[1:]


def _index(
    pieces: Sequence[TitlePiece], kind: str, clitic_of: dict[str, str] | None = None
) -> dict[str, TitlePiece]:
    out: dict[str, TitlePiece] = {}
    for p in pieces:
        if p.kind != kind:
            continue
        for f in p.forms:
            k = normalize_key(f)
            out.setdefault(k, p)
            if clitic_of is not None and p.lang == "ar" and k.startswith("ال") and len(k) > 3:
                # a definite head after the preposition لـ loses the alif of its article:
                # للمشير (ل + المشير), للأمين العام, للواء المتقاعد; the reading names the
                # head without the preposition
                lk = _after_li(k)
                if lk not in out:
                    out[lk] = p
                    clitic_of.setdefault(lk, k)
            if kind == "portfolio" and p.lang == "ar":
                # a portfolio after the head may carry a preposition: للجيش (ل + الجيش), بالمجلس,
                # and a body named in the construct state too: رئيسا لبعثة الدعم (ل + بعثة)
                if k.startswith("ال"):
                    out.setdefault(_after_li(k), p)
                    out.setdefault("ب" + k, p)
                else:
                    out.setdefault("ل" + k, p)
    return out


_SPACES = _regex_cache.compile(r"\s+")
# words after which a head is no one's office: plural markers, where it names a class of
# people ('para pemimpin Libia', 'các nghị sĩ', 'những nhà lãnh đạo' — distractors in the
# development set), and Vietnamese institution nouns, where it names the institution ('Hội
# đồng Tổng thống' the Presidential Council, 'Phủ Thủ tướng' the Prime Minister's Office,
# 'Dinh Tổng thống' the presidential palace, 'Văn phòng Tổng thống' the presidential office;
# not 'chính phủ Thủ tướng X', the government of Prime Minister X).  Counting words are not
# among them: 'sejumlah menteri luar negeri' is marked as a title there.
_NO_TITLE_AFTER = {
    "id": _regex_cache.compile(r"(?<![\w\u0300-\u036f])para\s{1,2}$"),
    "vi": _regex_cache.compile(
        r"(?<![\w\u0300-\u036f])(?:các|những|hội\s{1,2}đồng|(?<!chính\s)phủ|dinh|văn\s{1,2}phòng)\s{1,2}$"
    ),
}
# the verb أمر 'ordered' and the noun الأمر 'the matter' (hamza on the alif, any tashkeel or
# tatweel, after a proclitic): a match starting with them is not آمر 'commander'
_AR_ORDER = _regex_cache.compile(r"[وف]?(?:ال)?أ[\u0640\u064b-\u0652]{0,3}م[\u0640\u064b-\u0652]{0,3}ر(?![\u0621-\u064a])")
_AR_DEFINITE_BEFORE = _regex_cache.compile(r"(?<![\w])[وفبل]?ال\w{2,}\s{1,2}$")
_WORDS = _regex_cache.compile(r"[^\W\d_][\w.\-']*")


@functools.lru_cache(maxsize=4096)
def _word_key(word: str) -> str:
    """A non-ASCII word's normalised key (cached: title words recur across documents)."""
    return normalize_key(word)


def _squash(s: str) -> str:
    return _SPACES.sub(" ", s).strip()


def _rule_for(lang: str, pieces: Sequence[TitlePiece]) -> Rule:
    clitic_of: dict[str, str] = {}  # a head's form after لـ → the head's own form
    heads = _index(pieces, "head", clitic_of)
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
        # a possessive may stand between 'of' and the body: 'head of Libya's Government of
        # National Accord', 'chairman of the country's National Oil Corporation'; a body
        # before the head may be a possessive itself: 'the council's chairman'
        POSS = r"(?:[^\W\d_][\w.\-]{0,24}['’]s\s{1,2})?"
        pattern = rf"""{left}(?:(?P<mod>{MODB})[\s\-]{{1,2}}(?:(?P<mod2>{MODB})[\s\-]{{1,2}})?)?(?:(?!the\s)(?P<port1>{PORT})(?:['’]s)?\s{{1,2}})?(?P<head>{HEAD})
                       (?:\s{{1,2}}(?:{CONN})\s{{1,2}}(?:the\s{{1,2}})?{POSS}(?P<port>{PORT}))?(?:[\s\-]{{1,2}}(?P<moda>{MODA}))?{R}"""
    elif lang == "ar":
        # Arabic also lets an after-modifier stand between the head and its portfolio, where
        # an indefinite head puts its adjective: وزير سابق للداخلية، رئيسا جديدا للحكومة
        # A deputy of an indefinite head may take it behind the preposition لـ (النائب الأول
        # لرئيس مجلس النواب, نائبين لرئيس الحكومة), and a portfolio may stand in quotes (قائد
        # "الجيش الوطني الليبي")
        pattern = rf"""{left}(?:(?P<mod>{MODB})\s{{1,2}}(?:(?P<mod2>{MODB})\s{{1,2}})?ل?)?(?P<head>{HEAD})
                       (?:\s{{1,2}}(?P<modm>{MODA}))?
                       (?:\s{{1,2}}(?:(?:{CONN})\s{{1,2}})?["«“]?(?P<port>{PORT}))?(?:\s{{1,2}}(?P<moda>{MODA}))?{R}"""
    else:
        pattern = rf"""{left}(?:(?P<mod>{MODB})\s{{1,2}}(?:(?P<mod2>{MODB})\s{{1,2}})?)?(?P<head>{HEAD})
                       (?:\s{{1,2}}(?:(?:{CONN})\s{{1,2}})?(?P<port>{PORT}))?(?:\s{{1,2}}(?P<moda>{MODA}))?{R}"""

    not_after = _NO_TITLE_AFTER.get(lang)
    # a definite nisba head (البرلماني, البرلمانية "parliamentarian") right after a definite
    # word is that word's adjective: الانتخابات البرلمانية, الوفد البرلماني
    nisba = frozenset(k for k in heads if lang == "ar" and " " not in k and k.startswith("ال")
                      and (k.endswith("ي") or k.endswith("يه")))
    has_port1 = "(?P<port1>" in pattern
    has_modm = "(?P<modm>" in pattern
    # the reading of each head alone (no modifier, no portfolio), what most matches read:
    # built once here (a reading is immutable), as the general path below would build it
    alone = {
        k: TitleReading(
            role=h.role, qualifier=h.qualifier or None, country=h.country, organization=h.organization,
            head=clitic_of.get(k, k),
            has_portfolio=False, abbreviation=k in abbreviations, role_in=h.role_in,
        )
        for k, h in heads.items() if h.role is not None
    }

    # The groups capture listed forms, which are keys of these tables: normalised keys,
    # whose white space is already squashed.  Only a capture not found as it is gets
    # squashed before its look-up (the same key either way).
    def build(m: regex.Match[str]) -> TitleReading | None:
        if not_after is not None and not_after.search(m.string, max(0, m.start() - 10), m.start()) is not None:
            return None  # "para pemimpin", "các nghị sĩ", "Hội đồng Tổng thống": no one's office
        head_s = m["head"]
        if head_s not in heads:
            head_s = _squash(head_s)
        mod1 = m["mod"]  # up to two modifiers: (?:MOD SEP (?:MOD SEP)?)? reads as (?:MOD SEP){0,2}
        captured_mods = () if mod1 is None else (mod1,) if (mod2 := m["mod2"]) is None else (mod1, mod2)
        port_s: str | None = m["port"]
        port1_s: str | None = m["port1"] if has_port1 else None
        if port_s is None:
            port_s, port1_s = port1_s, None
        moda = m["moda"]
        modas = (moda,) if moda is not None else ()
        if has_modm and (modm := m["modm"]) is not None:
            modas = (modm, *modas)
        if not (captured_mods or port_s or modas):
            if head_s in nisba and _AR_DEFINITE_BEFORE.search(m.string, max(0, m.start() - 30), m.start()) is not None:
                return None
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
        if port1_s is not None and (port1 := ports.get(port1_s) or ports.get(_squash(port1_s))) is not None:
            # both sides: "foreign minister of the unity government" is a foreign minister
            # (the portfolio before the head), of the body after it
            if head.cls and head.cls in port1.classes and port1.role:
                role = port1.role
            elif (port is not None and head.cls and head.cls in port.classes and port.role
                    and head.role != "prime_minister"):
                role = port.role  # the portfolio before it names no office of this head
            organization = port1.organization or organization
            country = port1.country or country
            if port is not None:
                organization = port.organization or organization
                country = port.country or country
        elif port is not None:
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
            role=role, qualifier=qual, country=country, organization=organization, head=clitic_of.get(head_s, head_s),
            has_portfolio=port is not None, abbreviation=head_s in abbreviations,
            modifiers=sum(len(x.split()) for x in mods) if mods else 0,
            role_in=head.role_in if port is None else (),
        )

    def accept(original: str) -> bool:
        if lang == "ar" and _AR_ORDER.match(original) is not None:
            return False  # أمر 'ordered', الأمر 'the matter': آمر 'commander' folds to the same key
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
        ("quyền Bộ trưởng", {"role": "minister", "qualifier": "acting"}),
        ("Giám đốc CIA", {"role": "intelligence_chief"}),
        ("Công tố viên trưởng ICC", {"role": "head"}),
        ("Bộ trưởng phụ trách Ngoại giao", {"role": "foreign_minister"}),
    ),
    "ar": (
        ("النائب الأول لرئيس مجلس النواب", {"role": "speaker", "qualifier": "deputy"}),
        ("نائبين لرئيس الحكومة", {"role": "prime_minister", "qualifier": "deputy"}),
        ('قائد "الجيش الوطني الليبي"', {"role": "commander"}),
        ("المستشارة الألمانية", {"role": "prime_minister", "country": "DE"}),
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
        ("للمشير", {"role": "field_marshal"}),
        ("للأمين العام", {"role": "secretary_general"}),
        ("اللواء المتقاعد", {"role": "general", "qualifier": "former"}),
        ("آمر اللواء", {"role": "commander"}),
        ("عضو المؤتمر الوطني العام", {"role": "member_of_parliament"}),
        ("المدعية العامة للمحكمة الجنائية الدولية", {"role": "head"}),
        ("نائبة رئيس الهيئة التحضيرية", {"role": "council_chair", "qualifier": "deputy"}),
        ("الممثلة الخاصة بالإنابة للأمين العام", {"role": "envoy", "qualifier": "acting"}),
        ("رئيس وزراء", {"role": "prime_minister"}),
        ("وقالت البرلمانية", {"role": "member_of_parliament"}),
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
        ("Jaksa Penuntut ICC", {"role": "head"}),
        ("Direktur CIA", {"role": "intelligence_chief"}),
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
        ("head of Libya's Government of National Accord", {"role": "prime_minister"}),
        ("foreign minister of the unity government", {"role": "foreign_minister"}),
        ("interior minister of the Government of National Accord", {"role": "interior_minister", "country": "LY"}),
        ("Minister of the Interior", {"role": "interior_minister"}),
        ("GNA Minister of Interior", {"role": "interior_minister", "country": "LY"}),
        ("ICC Prosecutor", {"role": "head"}),
        ("MI6 chief", {"role": "intelligence_chief"}),
        ("deputy", {"role": "official", "qualifier": "deputy"}),
    ),
}

_NEGATIVES: dict[str, tuple[str, ...]] = {
    "en": ("general election", "3 pm", "the General Assembly", "Head of State", "senate"),
    "vi": ("tăng trưởng kinh tế", "nước Chủ tịch Hội đồng Bảo an tháng 7", "làm chủ tọa", "các nghị sĩ",
           "những nhà lãnh đạo"),
    "id": ("di bawah pimpinan", "para pemimpin", "Jaksa ICC"),
    # ملك 'property'; متحدثا 'speaking' (a circumstantial accusative, not an office); أمر
    # 'ordered' (آمر 'commander' folds to it); وزراء: ministers in general; عضو: a member of
    # something
    "ar": ("الوزارة", "النفط ملك لكل الليبيين", "وقال متحدثا للصحفيين", "أمر اللواء", "وزراء خارجية",
           "عضو المجلس البلدي", "الانتخابات البرلمانية", "الوفد البرلماني"),
}


def head_forms(piece: TitlePiece) -> list[str]:
    """A head's forms as they stand in text (the anchor words of the title rules): its
    listed forms, and for an Arabic definite head its form after the preposition لـ, which
    drops the article's alif (المشير → للمشير)."""
    out = list(piece.forms)
    if piece.lang == "ar":
        for f in piece.forms:
            k = normalize_key(f)
            if k.startswith("ال") and len(k) > 3:
                out.append(_after_li(k))
    return out


def build(titles: Mapping[str, Sequence[TitlePiece]]) -> list[Rule]:
    """One cascade rule per language that has title data."""
    return [_rule_for(lang, pieces) for lang, pieces in sorted(titles.items())]


def build_lang(titles: Mapping[str, Sequence[TitlePiece]], lang: str) -> list[Rule]:
    """The title cascade of one language (empty when it has no title data)."""
    pieces = titles.get(lang)
    return [_rule_for(lang, pieces)] if pieces else []
