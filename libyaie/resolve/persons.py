"""Persons: gazetteer look-up, unknown names after titles, coreference, title attachment.

* Known persons come from the automaton (listed aliases, in both scripts) and
  from capitalised Latin name sequences whose transliteration key
  (:func:`~libyaie.resolve.names.translit_key`) is a gazetteer key, so unlisted
  spellings (``Gheddafi``) still resolve.
* After a title, a capitalised Latin sequence or 2–3 Arabic words stopped by
  punctuation and function words is an unknown person (``id = None``); a Latin name
  may also follow the body the office belongs to (``Kepala BP2MI Benny Rhamdani``),
  an Arabic one may stand in apposition before the title (``مختار بلمختار، زعيم``).
  Role nouns (``student``, ``kontraktor``, ``led by``) and Vietnamese bylines
  (``Minh Anh (Theo Reuters)``) introduce unknown persons too.
* Later short mentions (``Haftar``, ``حفتر``, ``ông Kamel``) link to a person
  found earlier in the document, a headline's surname to the full name in the body.
* A title with no person in the text but a reference date resolves to whoever
  held that office then (``inferred = True``).
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from operator import attrgetter, itemgetter

import attrs
import regex

from .. import _regex_cache
from .._gazetteer import Gazetteer, Office, PersonEntry
from .._text import at_sentence_start, fold_arabic_key, is_arabic, normalize_key
from .names import fold_latin, token_key, translit_key, translit_tokens

__all__ = ["PersonIndex", "PersonSel", "TitleSel", "attach", "coreference_keys", "find_persons", "infer_holder",
           "keep_titles", "person_coref_keys", "person_tables"]


@attrs.define(slots=True)
class TitleSel:
    start: int
    end: int
    role: str
    qualifier: str | None
    country: str | None
    organization: str | None
    head: str
    has_portfolio: bool
    bare_lower: bool = False  # one Latin word, not capitalised ("leader", "general")
    role_cue: bool = False  # preceded by "as", "sebagai", "làm": names a role even without a person
    person: int | None = None  # index into the persons list
    inferred: PersonEntry | None = None
    role_in: tuple[tuple[str, str], ...] = ()  # the head's role in some polities (TitlePiece.role_in)


@attrs.define(slots=True)
class PersonSel:
    start: int
    end: int
    entry: PersonEntry | None
    name: str
    title: int | None = None


# a word of letters in any script but Arabic (a run of Arabic letters is never a Latin token)
_LATIN_TOKEN = _regex_cache.compile(r"(?V1)[[^\W\d_]--\p{Arabic}][[\w'’]--\p{Arabic}]*(?:-[[^\W\d_]--\p{Arabic}][[\w'’]--\p{Arabic}]*)*")
# A word of Latin letters (ASCII and the Latin-1, Extended-A/B and Extended Additional
# blocks, Vietnamese included: all letters of _LATIN_TOKEN) followed by a character that
# neither continues nor hyphenates a token: at a token's start it is the whole
# _LATIN_TOKEN match, found in half the time (tests/test_persons_speed.py checks the classes)
_ASCII_TOKEN = re.compile(r"[a-zß-öø-ÿĀ-ɏḀ-ỿ]+(?=[\s.,;:!?()\[\]\"/«»“”]|\Z)")
_GLUED_ARTICLE = _regex_cache.compile(r"(?:al|el|ad|ed|as|es|ash|at|az|ar|an|ul)-(?=\w)")
_PARTICLES = frozenset("al el ad ed as ash at az ar an bin ben ibn bint abu abou abd abdel abdul de du da di van von der la le".split())
_AR_TOKEN = _regex_cache.compile(r"[\u0621-\u064A]+")
_AR_STOP = frozenset(
    """في من على الى إلى عن مع أن ان إن الذي التي الذين هذا هذه ذلك تلك قال قالت وقال أكد اكد أعلن اعلن
    كان كانت يكون لم لن قد بعد قبل خلال حول عبر ضد بين حتى منذ عند لدى كل بعض غير أي او أو ثم كما
    حيث بينما الذي وزير رئيس مع بشأن لقاء اجتماع زيارة بحث يوم اليوم امس أمس العاصمة مدينة الحكومة
    الوفد وفد بيان السابق المكلف الجديد عام العام شهر الشهر قوات الجيش اللجنة المجلس البرلمان
    انه انها انهم انهما بانه بانها بانهم لانه لانها وانه وانها وسط اثر جراء بسبب امام وراء ازاء
    بان لان وان فان لكن ولكن الا اذ اذا عندما حين ليس بذلك لذلك كذلك وذلك بهذا لهذا بهذه لهذه""".split()
)
# Arabic surnames that are also everyday words: never linked by coreference alone.
_AR_COMMON_SURNAMES = frozenset(
    "كامل صالح سالم سعيد حسن محمود امين عادل كريم جميل شريف منصور ناصر فاضل عزيز رشيد حميد مجيد نور مبارك عيسي".split()
)
_FILLER_WORD = _regex_cache.compile(r"[^\W\d_][\w.]*")
_ACRONYM_GAP = _regex_cache.compile(r"\(\s?[a-z]{2,6}\s?\)")
_FILLER_CHARS = _regex_cache.compile(r"[\s\w,،:()\-–.]*")
# ", " or ", the|a|an ": "Ahmed al-Mismari, the spokesman for ...", "X, a spokesman"
_APPOSITION_GAP = _regex_cache.compile(r"\s{0,2}[,،]\s{0,2}(?:(?:the|a|an)\s{1,2})?")
_OF_IN = frozenset({" of ", " in "})
# the era an office is dated by, right before a person's name: "the intelligence chief under
# Gaddafi, Abdullah al-Senussi", "kepala intelijen era Khadafi, ...", "رئيس المخابرات في عهد
# القذافي، ...", "giám đốc tình báo dưới thời Ca-đa-phi, ..."; the cue and the name are filler
# between a title and the person it introduces
# (found in one pass over the text: the name starts where a match ends)
_ERA_CUE = _regex_cache.compile_std(
    r"(?:\bunder|(?:\b(?:pada|di)\s)?\b(?:era|zaman|masa|rezim)|\bsemasa|(?:\bdưới\s)?\bthời|\bchế độ"
    r"|(?<!\w)(?:في\s|ابان\s)?(?:عهد|حكم|زمن))\s{1,2}(?=\w)"
)
_GAP_WORDS = _regex_cache.compile(r"[\w.]+")
_GAP_CHARS = _regex_cache.compile(r"[\s\w.,،:]*")
_AR_NAME_WORDS = _regex_cache.compile(r"\s{1,2}((?:[\u0621-\u064A]+\s?){2,3})")
_AR_NAME_END = _regex_cache.compile(r"[\s،,.:\"'»)]")
_AR_STOP_ORIGINAL = frozenset({"على", "إلى", "الى", "حتى", "لدى", "متى", "مدى", "سوى"})
# function words that fold to given names (على → علي, بأن → بان): never a given name before a surname
_NOT_GIVEN_BEFORE = _AR_STOP_ORIGINAL | {"بأن", "لأن", "كأن", "بان", "أن", "إن"}
# Capitalised words of institutions' names, never of a person's: after a title they name the
# body ("Panglima Tentara Nasional Libia", "Ketua Dewan Transisi Nasional"), not its holder.
_ORG_WORDS = frozenset(
    """national nasional council dewan army tentara forces pasukan government pemerintah pemerintahan
    transitional transisi committee komite commission komisi ministry kementerian department
    agency badan bank party partai parliament parlemen assembly majelis house congress kongres
    republic republik kingdom kerajaan union uni organization organisasi organisation office kantor
    court pengadilan mahkamah university universitas company perusahaan corporation authority otoritas
    front brigade brigades militia milisi coalition koalisi alliance aliansi movement gerakan
    presidential kepresidenan unity persatuan accord kesepakatan general umum supreme tertinggi
    security keamanan defense defence pertahanan foreign luar affairs urusan interior dalam
    angkatan udara laut darat delegasi federasi internasional palang merah bulan sabit perwakilan
    kedutaan konsulat kepolisian satuan misi pusat lembaga yayasan dinas direktorat sekretariat biro
    negeri tenaga kerja pelindungan perlindungan penempatan bencana timur barat utara selatan tengah
    dekat near middle kemlu kemenlu forum dialogue political operation operations operasi command komando
    centre center""".split()
)
# Companies and agencies whose name stands between an office and its holder ("Tổng giám đốc Eni
# Claudio Descalzi", "CEO Repsol Josu Jon Imaz"): the oil and gas firms working in Libya (NOC's
# partners) and the news agencies quoted there.  Not the first word of an unknown name.
_ORG_NAMES = frozenset(
    """eni total totalenergies repsol omv wintershall bp shell equinor statoil gazprom rosneft tatneft lukoil
    sonatrach exxonmobil exxon chevron conocophillips hess marathon occidental petronas cnpc sinopec
    edison baker halliburton schlumberger siemens mellitah zueitina arabian waha sirte harouge brega
    reuters bernama antara anadolu sputnik xinhua""".split()
)
# Vietnamese bodies' first words: a capitalised run after a title that starts with one names
# the body, not its holder ("Chủ tịch Hội đồng Bảo an Liên hợp quốc", "Thứ trưởng Bộ Lao động")
_VI_ORG_LEAD = _regex_cache.compile(
    r"(?:bộ|hội đồng|ủy ban|uỷ ban|bảo an|quốc hội|chính phủ|liên hợp quốc|tập đoàn|công ty|ngân hàng|"
    r"tổng cục|cục|viện|học viện|đại học|văn phòng|đại sứ quán|đảng|mặt trận|liên minh|quân đội|nhà trắng|"
    r"điện kremlin|tổ chức|trung tâm|hãng|thông tấn xã)(?=[\s,.;:]|$)"
)
# Indonesian seats of government and ministry portfolios that stand between an office and its
# holder ("Juru bicara Gedung Putih Robert Gibbs", "Menteri Agama Fachrul Razi"): skipped
_ID_ORG_LEAD = _regex_cache.compile(
    r"(?:gedung putih|istana(?: negara| kepresidenan)?|kremlin|elysee|élysée|downing street|agama|sosial|"
    r"keuangan|kesehatan|pendidikan|perdagangan|perindustrian|pertanian|perhubungan|kehakiman|pariwisata|"
    r"ketenagakerjaan|tenaga kerja|energi|kelautan|kebudayaan|penerangan|sekretariat negara|"
    # "Menteri Negara Urusan Pengungsi Yousef Jalala": "Urusan" (affairs of) + the one word it governs
    r"urusan [^\W\d_]+)(?= )"
)
# A letter only Vietnamese uses (horn, breve, circumflex, đ, or a tone mark on a vowel)
_VI_LETTER = _regex_cache.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựĂÂĐÊÔƠƯ]|[aeiouy][\u0300\u0301\u0303\u0309\u0323]", regex.IGNORECASE)
# The most common Vietnamese family names (about 90 % of the population).
VI_SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đinh lương trương tô "
    "lâm mai trịnh hà chu tạ cao lưu quách vương".split()
)
# First words too common to stand for one person alone (Arabic given names in Latin script)
_COMMON_FIRST_NAMES = frozenset(
    """muhammad muhamad mohammad mohammed mohamed mohamad muhammed ahmad ahmed abdul abdel abdullah
    abdallah ali omar umar othman usman khalid khaled hassan hasan hussein husein ibrahim ismail mustafa
    mostafa salah saleh salih yusuf youssef yousef musa moussa isa issa mahmoud mahmud hamid abu""".split()
)
_WORD_EXTRA = frozenset("_") | frozenset(chr(c) for c in range(0x300, 0x370))  # \w beyond isalnum, and marks
_HONORIFICS = frozenset(
    "ông bà ngài anh chị mr mr. mrs mrs. ms ms. dr dr. bapak pak ibu bu السيد السيده الاستاذ الدكتور الشيخ".split()
)
# the honorifics that introduce a person on their own (not anh, chị, bu: also ordinary words)
# (no look-behind in front: the engine then skips to the first letters of the words; the
# word start is checked on each match)
# Arabic cues naming a private person as a title would (normalised: ى → ي, أ → ا, ة → ه):
# "ويدعى محمد الطاهر" (named), "المدعو" (the so-called), "رجلي الأعمال ماكس غولدي"
# (businessmen), "الطبيب" (the doctor), "المواطن" (the citizen), "الناشط" (the activist)
_AR_NAMED = ("يدعي", "تدعي", "المدعو", "المدعوه")  # after these a name needs no listed given name
# (the analyst, the expert, the researcher, the lawyer, the rights activist, the writer, the
# leading figure, the diplomat, the judge, the employee, the journalist, the engineer, the
# opposition figure, the accused, the prisoner, the media figure, the photographer, the player,
# the coach); each is masculine + feminine
_AR_ROLE_CUES = tuple(w + suffix for w in (
    "الطبيب", "المواطن", "الناشط", "المحلل", "الخبير", "الباحث", "المحامي", "الحقوقي", "الكاتب", "القيادي",
    "الدبلوماسي", "القاضي", "الموظف", "الصحفي", "الصحافي", "المهندس", "المعارض", "المتهم", "السجين",
    "الاعلامي", "المصور", "اللاعب", "المدرب") for suffix in ("", "ه"))
_AR_ROLE_CUE_SET = frozenset(_AR_ROLE_CUES)
_AR_BUSINESS = tuple(w + " الاعمال" for w in ("رجل", "رجلي", "رجال", "سيده", "سيدتي"))
# (Mr, Mrs; the sheikh, the imam, the doctor, the professor, the hajj)
_AR_HONORIFIC_WORDS = ("السيد", "السيده", "الشيخ", "الامام", "الدكتور", "الدكتوره", "الاستاذ", "الاستاذه", "الحاج")
# the cues after which a name need not start with a listed given name
_AR_STRONG_CUES = frozenset(p + w for p in ("", "و", "ف") for w in _AR_NAMED) | frozenset(_AR_BUSINESS)
# the Latin honorifics are looked for only in front of the capitalised runs (see
# _honorific_spans); the Arabic ones and the cues by this pattern, in Arabic text only
_LATIN_HONORIFICS = frozenset("ông bà ngài mr mrs ms dr bapak pak ibu".split())
_AR_HONORIFIC = _regex_cache.compile(
    "(?:[وف]?(?:" + "|".join(_AR_HONORIFIC_WORDS + _AR_NAMED + _AR_ROLE_CUES) + ")|"
    + "|".join(_AR_BUSINESS) + ")(?= )"
)
_HAS_ARABIC = _regex_cache.compile(r"[\u0600-\u06FF]")
# the words str.find looks for (the pattern is then tried where one stands)
_AR_CUE_WORDS = (*_AR_HONORIFIC_WORDS, *_AR_NAMED, *_AR_ROLE_CUES, " الاعمال")


def _honorific_spans(norm: str, runs: Sequence[Sequence[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The honorifics (and Arabic cue words) that may introduce a person, in text order: a
    Latin one only matters right before a capitalised run (ông John Smithers) or as its first
    word (Ông John Smithers), so only those places are looked at; Arabic ones are searched
    for in Arabic text."""
    out: list[tuple[int, int]] = []
    for run in runs:
        s0, e0 = run[0]
        if len(run) >= 3 and norm[s0:e0] in _LATIN_HONORIFICS:
            out.append((s0, e0))  # a capitalised honorific heads the run
            continue
        if s0 < 2 or norm[s0 - 1] != " ":
            continue
        e = s0 - 1
        w0 = e - 1 if norm[e - 1] == "." else e  # Mr. John
        b = w0
        while b > 0 and norm[b - 1].isalpha():
            b -= 1
        if 2 <= w0 - b <= 5 and norm[b:w0] in _LATIN_HONORIFICS and (b == 0 or not norm[b - 1].isalnum()):
            out.append((b, e))
    if _HAS_ARABIC.search(norm) is not None:
        # each cue holds one of a few literal words: str.find jumps to them, and the pattern
        # is tried only there (with a glued و/ف, or from the word before "الاعمال")
        found: set[tuple[int, int]] = set()
        for lit in _AR_CUE_WORDS:
            i = norm.find(lit)
            while i != -1:
                starts = (norm.rfind(" ", 0, max(i - 1, 0)) + 1,) if lit == " الاعمال" else (i, i - 1)
                for st in starts:
                    if st >= 0 and (st == 0 or not (norm[st - 1].isalnum() or norm[st - 1] in _WORD_EXTRA)):
                        m = _AR_HONORIFIC.match(norm, st)
                        if m is not None:
                            found.add(m.span())
                            break
                i = norm.find(lit, i + 1)
        out.extend(found)
        out.sort()
    return out


def _token_kind(norm: str, s: int, e: int, upper: bytearray, blocked: bytearray, any_blocked: bool) -> bool | None:
    """Whether the Latin token ``norm[s:e]`` can be part of a name: ``True`` for a
    capitalised word, ``False`` for a name particle, ``None`` when it is left out (see
    :func:`_latin_tokens`)."""
    if any_blocked and 1 in blocked[s:e]:
        return False if norm[s:e] in _PARTICLES else None
    if upper[s]:
        # an all-capitals token (GNA, LNA, UN) is an acronym, not a name: every letter is
        # upper case (the first position that is not, when there is one, usually is a letter)
        if 2 <= e - s <= 6:
            z = upper.find(0, s, e)
            if z == -1 or (not norm[z].isalpha() and all(upper[i] for i in range(z, e) if norm[i].isalpha())):
                return False if norm[s:e] in _PARTICLES else None
        return True
    if "-" in norm[s + 2 : s + 4] and (art := _GLUED_ARTICLE.match(norm, s, e)) is not None and upper[art.end()]:
        return True
    return False if norm[s:e] in _PARTICLES else None


# first letters of the name particles: a cheap test before looking for a particle token
_PARTICLE_FIRST = frozenset(w[0] for w in _PARTICLES)


# Characters that neither continue a token nor hyphenate it: a position after one of them
# is in no token that starts before it (tests/test_persons_speed.py checks them).
_TOKEN_BREAK = frozenset(' \n\t\r(["“«/.,;:!?')


def _token_end(norm: str, p: int) -> int:
    """The end of the :data:`_LATIN_TOKEN` match at ``p`` (-1 when there is none)."""
    m = _ASCII_TOKEN.match(norm, p)
    if m is not None:
        return m.end()
    m2 = _LATIN_TOKEN.match(norm, p)
    return -1 if m2 is None else m2.end()


def _latin_tokens(norm: str, upper: bytearray, blocked: bytearray) -> list[tuple[int, int, bool]]:
    """The Latin tokens that can be part of a name: ``(start, end, capitalised)`` for
    capitalised words (an all-capitals acronym, GNA, or a word in a date or title is not
    capitalised here), glued articles before a capital (al-Serraj) and name particles
    (bin, de, al).  Other words are left out: the single-space gap between two listed
    tokens is what joins them, so a left-out word between them still separates them.

    Tokens are the matches of ``_LATIN_TOKEN.finditer(norm)``, but the text is not
    tokenised word by word (most words are lower case and left out):

    * every capitalised token and every glued article contains an upper-case position, so
      the scan jumps from one upper-case position to the next (``bytearray.find``) and
      tokenises only from the last space before it (a position after a space, or after
      a token's end, is never inside a token, so the tokens found from there are the
      tokens of the whole text).  An upper-case position after a space or another
      character of :data:`_TOKEN_BREAK` (most of them) starts its token: that token is
      matched there directly;
    * a lower-case particle matters only when it continues a name run (see
      :func:`_sequences`): right after a listed token, separated by a space or an
      initial's dot.  Particles are therefore looked for only there, and the other
      particles are left out, which changes neither the runs, nor the Vietnamese names,
      nor coreference (a left-out word between two listed tokens still separates them).
    """
    any_blocked = 1 in blocked
    # the tokens kept, in text order: the scan only moves forward and each token found
    # starts at or after the end of the previous one (only the particles added after the
    # scan need sorting in)
    found: list[tuple[int, int, bool]] = []
    add = found.append
    search = _LATIN_TOKEN.search
    ascii_match = _ASCII_TOKEN.match
    latin_match = _LATIN_TOKEN.match
    next_upper = upper.find
    n = len(norm)
    last_end = 0  # no token crosses this position
    next_blocked = -1  # the first blocked position at or after p (once p passes it: refreshed)
    p = next_upper(1, 0, n)
    while p != -1:
        if p == 0 or norm[p - 1] in _TOKEN_BREAK:  # the common case: p starts a token
            # _token_end, inlined: the fast pattern first
            m = ascii_match(norm, p) or latin_match(norm, p)
            if m is None:  # not a letter
                last_end = p + 1
            else:
                e = m.end()
                if next_blocked < p:
                    next_blocked = blocked.find(1, p)
                    if next_blocked == -1:
                        next_blocked = n + 1
                # _token_kind's answers, inlined for the common cases
                if next_blocked < e:  # in a date or title: only a particle is kept
                    if norm[p:e] in _PARTICLES:
                        add((p, e, False))
                elif e - p > 6 or e - p < 2 or (not upper[p + 1] and norm[p + 1].isalpha()):
                    add((p, e, True))  # a capitalised word that is no acronym
                elif (kind := _token_kind(norm, p, e, upper, blocked, any_blocked)) is not None:
                    add((p, e, kind))
                last_end = e
            p = next_upper(1, last_end)  # (upper ends with a 0: found only in norm)
            continue
        lo = max(last_end, norm.rfind(" ", last_end, p) + 1)
        m = search(norm, lo)
        while m is not None and m.end() <= p:
            # a lower-case token in the same chunk before p: only a particle is kept
            s, e = m.span()
            if norm[s:e] in _PARTICLES and (kind := _token_kind(norm, s, e, upper, blocked, any_blocked)) is not None:
                add((s, e, kind))
            m = search(norm, e)
        if m is None:
            break
        s, e = m.span()
        if s > p:  # p is in no token (an upper-case character that is not a letter)
            last_end = s
        else:  # the token starting at p, or the one p is inside (al-Serraj)
            kind = _token_kind(norm, s, e, upper, blocked, any_blocked)
            if kind is not None:
                add((s, e, kind))
            last_end = e
        p = next_upper(1, last_end, n)
    if not found:
        return found
    # particles that continue a run: "Fayez al Serraj", "Deborah K. de Jones"
    particles: list[tuple[int, int, bool]] = []
    # the start of the next token found after each one (tokens do not overlap: a particle
    # that would continue a token starts at or before the next one)
    next_starts = [tok[0] for tok in found[1:]]
    next_starts.append(n)
    for (_, e, _), nxt in zip(found, next_starts, strict=True):
        while e < n:
            c = norm[e]
            if c == " ":
                s2 = e + 1
            elif c == ".":
                s2 = e + 2 if norm[e + 1 : e + 2] == " " else e + 1
            else:
                break
            if s2 >= nxt or norm[s2] not in _PARTICLE_FIRST or upper[s2]:
                break
            e2 = _token_end(norm, s2)
            if e2 == -1 or norm[s2:e2] not in _PARTICLES:
                break
            kind = _token_kind(norm, s2, e2, upper, blocked, any_blocked)
            if kind is None:
                break
            e = e2
            particles.append((s2, e, kind))
    if particles:  # each between its token and the next one: sorting puts it there
        found += particles
        found.sort()
    return found


def _sequences(norm: str, toks: list[tuple[int, int, bool]]) -> list[list[tuple[int, int]]]:
    """Runs of capitalised tokens (particles allowed inside) separated by single spaces."""
    runs: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    ps = pe = 0  # the previous token
    for s, e, cap in toks:
        if cur:
            if (gap := s - pe) == 1:
                # single spaces join name words; an initial may carry its dot (Deborah K. Jones)
                joinable = (c := norm[pe]) == " " or (c == "." and pe - ps == 1)
            else:
                joinable = gap == 2 and pe - ps == 1 and norm[pe] == "." and norm[pe + 1] == " "
            if joinable and (cap or norm[s:e] in _PARTICLES):
                cur.append((s, e))
                if len(cur) > 12:  # (only a growing run can pass 12 words)
                    runs.append(cur)
                    cur = []
            else:
                runs.append(cur)
                cur = [(s, e)] if cap else []
        elif cap:
            cur = [(s, e)]
        ps, pe = s, e
    if cur:
        runs.append(cur)
    out: list[list[tuple[int, int]]] = []
    for r in runs:
        if len(r) == 1:  # most runs are one word: kept unless it is a particle
            s, e = r[0]
            if norm[s:e] not in _PARTICLES:
                out.append(r)
        elif trimmed := _trim(norm, r):
            out.append(trimmed)
    return out


_LEADING_OK = frozenset({"abu", "abd", "abdel", "abdul", "al", "el"})


def _trim(norm: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A run without particles at its edges (a name does not end in "di" or "al")."""
    i, j = 0, len(run)
    while j > i and norm[run[j - 1][0] : run[j - 1][1]] in _PARTICLES:
        j -= 1
    while i < j and (w := norm[run[i][0] : run[i][1]]) in _PARTICLES and w not in _LEADING_OK:
        i += 1
    return run if i == 0 and j == len(run) else run[i:j]


def find_persons(
    norm: str,
    original_of: Callable[[int, int], str],
    upper: bytearray,
    gaz: Gazetteer,
    person_hits: Sequence[tuple[int, int, str, str]],
    blocked: bytearray,
    titles: Sequence[TitleSel],
    place_spans: Sequence[tuple[int, int]] = (),
    cased: bool = True,
    first_names: bool = False,
) -> list[PersonSel]:
    """All person mentions (normalised offsets), known and unknown, non-overlapping.
    ``first_names``: later mentions by first name link back too (Indonesian press:
    "Menlu Retno Marsudi ... Retno mengatakan").

    Order of precedence: listed full names and aliases, then capitalised Latin runs
    looked up by transliteration key (so ``Fayez el-Serraj`` beats the short form
    ``Serraj`` inside it), then listed short forms, then unknown names after titles,
    then coreference."""
    out: list[PersonSel] = []
    taken = bytearray(len(norm) + 1)

    def is_upper(i: int) -> bool:
        return 0 <= i < len(upper) and upper[i] == 1

    def add(s: int, e: int, entry: PersonEntry | None, name: str) -> None:
        if 1 in taken[s:e]:
            return
        taken[s:e] = b"\x01" * (e - s)
        out.append(PersonSel(s, e, entry, name))

    short_keys = gaz.short_keys

    # listed names/aliases and transliteration matches of capitalised Latin runs compete:
    # the longest wins, an exact listed form wins a tie

    def cap_ok(s: int, e: int) -> bool:
        # a Latin-script name is capitalised in cased text ("sisi" in a URL is not Sisi)
        return not cased or is_upper(s) or is_arabic(norm[s:e])

    # one-word listed names and aliases spelled exactly (a fuzzy one-word match at a sentence start,
    # "Migran", "Selama", is a capitalised common word, not Macron or Salamé)
    exact_single = gaz.person_index.single_words
    cands: list[tuple[int, int, int, PersonEntry]] = [
        (s, e, 2, gaz.persons[pid]) for s, e, pid, form in person_hits if form != "short" and cap_ok(s, e)
    ]
    in_any_place = bytearray(len(norm) + 1)
    for ps, pe_ in place_spans:
        in_any_place[ps:pe_] = b"\x01" * (pe_ - ps)
    toks = _latin_tokens(norm, upper, blocked)
    runs = _sequences(norm, toks)
    person_ids = gaz.person_keys.get
    persons = gaz.persons
    first_last = gaz.person_index.first_last.get
    # one word matched by its key only, not spelled as listed ("Hefter"): kept only when the
    # same person is named otherwise in the document (an ordinary capitalised word, "Pidana",
    # "Migran", meets some person's key by chance), and never on a title-case line
    weak: list[tuple[int, int, PersonEntry]] = []
    for run in runs:
        i = 0
        nr = len(run)
        while i < nr:
            found = False
            s = run[i][0]
            for j in range(nr if nr < i + 10 else i + 10, i, -1):  # at most 10 words from i
                e = run[j - 1][1]
                orig = original_of(s, e)
                key = translit_key(orig)
                ids = person_ids(key, ())
                one = j - i == 1
                if len(ids) == 1 and _fuzzy_ok(key, s, e, place_spans, in_any_place):
                    if not one or orig.lower() in exact_single:
                        cands.append((s, e, 1, persons[ids[0]]))
                    elif not at_sentence_start(norm, s):
                        weak.append((s, e, persons[ids[0]]))
                    i, found = j, True
                    break
                # "<first name> <surname>" of a listed person with a longer name: Saif Gaddafi
                if (j - i == 2 and (fl := first_last(first_last_key(orig, 2) or "")) is not None
                        and 1 not in in_any_place[s:e]):
                    cands.append((s, e, 1, persons[fl]))
                    i, found = j, True
                    break
                # a fuzzy one-word match never overrides a place name (Tarhuna is not Tarhouni)
                if (one and key in short_keys and e - s >= 4 and 1 not in in_any_place[s:e]
                        and not at_sentence_start(norm, s)):
                    if original_of(s, e).lower() in exact_single:
                        cands.append((s, e, 0, persons[short_keys[key]]))
                    else:
                        weak.append((s, e, persons[short_keys[key]]))
                    i, found = j, True
                    break
            if not found:
                i += 1
    for s, e, _prio, entry in sorted(cands, key=lambda c: (-(c[1] - c[0]), -c[2], c[0])):
        add(s, e, entry, entry.name)

    # a surname that named someone else first ("Ahmed al-Dabbashi ... Dabbashi's fighters") goes on
    # naming that person, not the listed one (Ibrahim Dabbashi), unless the listed one is named in full
    in_full = {p.entry.id for p in out if p.entry is not None}
    other: dict[str, str] = {}  # person id → the other person's name, from the first such mention
    for s, e, pid, form in person_hits:
        if form == "short" and cap_ok(s, e):
            # "ويدعى عادل الككلي": a given name that is none of the person's own before their
            # surname names someone else, unknown (not Abdul Ghani al-Kikli)
            g = _other_given_before(norm, s, gaz.persons[pid], gaz.given_ar, original_of)
            if g < 0 and not _is_ar_letter(norm[s]):
                # the same in Latin script: "Jamal al-Treki" is not Ali Abdussalam Treki
                g = _other_latin_given_before(norm, s, gaz.persons[pid], gaz.person_index.given_latin,
                                              _given_keys(gaz.given_names.get("en", frozenset())), upper, blocked)
            if g >= 0:
                name = original_of(g, e)
                add(g, e, None, name)
                if pid not in in_full:
                    other.setdefault(pid, name)
            elif pid in other:
                add(s, e, None, other[pid])
            else:
                add(s, e, gaz.persons[pid], gaz.persons[pid].name)

    if weak:
        named = {p.entry.id for p in out if p.entry is not None}
        for s, e, entry in weak:
            if entry.id in named and not _title_case_line(norm, upper, s):
                add(s, e, entry, entry.name)

    # unknown names never run over a place: cut the runs there
    in_place = in_any_place  # the same mask
    runs = _cut_runs(norm, runs, in_place)  # still sorted by start

    # whether the text writes a word in lower case (looked up when first needed)
    lower_words = _LowerWords(norm, upper)

    # unknown persons right after a title (or after the body the office belongs to: the title
    # is then linked to the name here, as attach would not see through the body)
    given = gaz.given_ar
    run_starts = [r[0][0] for r in runs]
    body = _BodyCtx(norm, upper, blocked, taken, runs, run_starts, lower_words, original_of)
    links: dict[int, int] = {}
    for ti, t in enumerate(titles):
        got = _unknown_after_title(norm, t, runs, taken, original_of, add, given, in_place, run_starts, body)
        if got >= 0:
            links[got] = ti
        elif t.start >= 6 and norm[t.start - 2 : t.start] in ("، ", ", ") and _is_ar_letter(norm[t.start]):
            # an Arabic name in apposition before the title: "مختار بلمختار، زعيم كتيبة ..."
            span = _arabic_name_before(norm, t.start - 2, given, taken, original_of, in_place)
            if span is not None:
                add(span[0], span[1], None, original_of(span[0], span[1]))
    # an Arabic name before a relative apposition, as before a title: "وقال فرج العبيدي، وهو
    # جار الضحية" (", who is ...": the name starts with a listed given name)
    for rel in _AR_RELATIVE:
        i = norm.find(rel)
        while i != -1:
            span = _arabic_name_before(norm, i, given, taken, original_of, in_place)
            if span is not None:
                add(span[0], span[1], None, original_of(span[0], span[1]))
            i = norm.find(rel, i + len(rel))
    # and after an honorific, which introduces a person as a title does: "ông John Smithers",
    # "Pak Budi Santoso", "Mr. John Smithers", "السيد جون سميث" (the same conditions on the name)
    honorifics = _honorific_spans(norm, runs)
    if honorifics:
        # a name that a person found in the text ends with is that person, said again (ông
        # Abdul Jalil after Mustafa Abdul Jalil): left to coreference (the keys of the persons
        # found, gathered when a name first needs them)
        known: set[str] | None = None
        form_keys = gaz.person_index.form_keys

        def add_new(s: int, e: int, entry: PersonEntry | None, name: str) -> None:
            nonlocal known
            if known is None:
                known = set()
                for q in out:
                    if q.entry is not None:
                        for f in (q.entry.name, *q.entry.aliases):
                            lat, ara = form_keys.get(f) or coreference_keys((f,))
                            known.update(lat)
                            known.update(ara)
            last = name.split()[-1]
            if (fold_arabic_key(last) if is_arabic(last) else translit_key(last)) not in known:
                add(s, e, entry, name)

        first_token = {r[0]: r for r in runs}
        for span in honorifics:
            head_run = first_token.get(span)
            if head_run is not None:  # a capitalised honorific heads the run: Ông John Smithers
                rest = head_run[1:]
                if (len(rest) >= 2 and 1 not in taken[rest[0][0] : rest[-1][1]]
                        and not any(norm[a:b] in _ORG_WORDS for a, b in rest)):
                    add_new(rest[0][0], rest[-1][1], None, original_of(rest[0][0], rest[-1][1]))
                continue
            _unknown_after_title(norm, span, runs, taken, original_of, add_new, given, in_place, run_starts)
    # a nisba before a name is the person's nationality, as a cue: "بسجن الليبي مصطفى الإمام"
    # (the name starts with a listed given name)
    for s, e in place_spans:
        if (e - s >= 5 and norm.startswith("ال", s) and (norm[e - 1] == "ي" or norm.startswith("يه", e - 2))
                and norm[e : e + 1] == " " and (w := _AR_TOKEN.match(norm, e + 1)) is not None and w.group() in given):
            span = _arabic_name_at(norm, e + 1, given, taken, original_of, False, in_place)
            if span is not None:
                add(span[0], span[1], None, original_of(span[0], span[1]))
    vietnamese_names(norm, toks, original_of, add, in_place)
    _vietnamese_bylines(norm, upper, original_of, add)
    _english_unknown(norm, runs, taken, original_of, add, upper, in_place, lower_words)

    # a transliteration followed by the original in parentheses is the person the original
    # names: "Phai-dơ An Xa-rát (Fayez al-Sarraj)"
    _parenthesised_originals(norm, out, toks, taken, in_any_place, add)
    given_keys_en = _given_keys(gaz.given_names.get("en", frozenset()))

    def coref_add(s: int, e: int, entry: PersonEntry | None, name: str) -> None:
        # a Latin word said again after a given name that is none of the person's own names
        # is another, unknown person: "Mohamed Khalifa" after "Khalifa Haftar" (a name's
        # particle, Abdul Jalil, is no given name of its own)
        if taken[s]:
            return  # (most words said again: found already)
        if entry is not None and s >= 4 and norm[s - 1] in " -" and not _is_ar_letter(norm[s]):
            g = _other_latin_given_before(norm, s, entry, gaz.person_index.given_latin, given_keys_en, upper, blocked)
            if g >= 0 and norm[g:s].split()[0] not in _PARTICLES:
                add(g, e, None, original_of(g, e))
                return
        add(s, e, entry, name)

    # a word inside a place is not a person's name said again (Nam in Việt Nam)
    _coreference(norm, gaz.coref_keys, out, original_of, is_upper, toks, coref_add, blocked, in_any_place,
                 first_names, gaz.person_index.form_keys)
    # a headline's surname, the person named in full in the body ("سلال: ..." before "عبد
    # المالك سلال" in the first paragraph)
    _headline_coreference(norm, gaz.coref_keys, out, original_of, toks, add, blocked, in_any_place,
                          gaz.person_index.form_keys)
    # an unknown person's one word said again that starts a longer capitalised phrase (Liên
    # in Liên hợp quốc, Gatti in Gatti Street) is not that person
    out = [p for p in out if p.entry is not None or " " not in p.name or " " in norm[p.start : p.end]
           or not _unknown_word_continues(norm, p.start, p.end, upper)]
    out.sort(key=_BY_START)
    if links:
        for p in out:
            if p.entry is None and (linked := links.get(p.start)) is not None:
                p.title = linked
    return out


def person_tables(persons: Mapping[str, PersonEntry], given: Iterable[str]) -> tuple[dict[str, str], frozenset[str]]:
    """Tables derived from the person entries, built with the gazetteer (and cached with it):

    * transliteration key of each listed Latin short form → person id (keys of fewer than
      4 consonants are too loose: Yahya must not find Ouyahia, Ghrieb not "Group", Guerini
      not the newspaper "Quryna");
    * the Arabic given names an unknown Arabic person name must start with (EMM-style
      first-name list): the ``[[given]]`` names plus the first word of every Arabic alias."""
    short_keys: dict[str, str] = {}
    names: set[str] = set(given)
    for pe in persons.values():
        for f in pe.short:
            if not is_arabic(f):
                k = translit_key(f)
                if k and len(k.replace("V", "")) >= 4 and k not in short_keys:
                    short_keys[k] = pe.id
        for a in pe.aliases:
            if is_arabic(a):
                first = fold_arabic_key(a).split(" ")[0]
                w = normalize_key(a).split(" ")[0]
                if len(first) >= 3 and w not in _AR_STOP:
                    names.add(w)
    return short_keys, frozenset(names)


def person_coref_keys(persons: Mapping[str, PersonEntry]) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """:func:`coreference_keys` of each listed person's name and aliases, and the keys of the
    one-word forms of its ``later`` list (built with the gazetteer)."""
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for pid, pe in persons.items():
        lat, ara = coreference_keys((pe.name, *pe.aliases))
        for f in pe.later:
            if is_arabic(f):
                ara = (*ara, fold_arabic_key(f))
            elif _VI_LETTER.search(f):
                lat = (*lat, "vi:" + unicodedata.normalize("NFC", f).lower())
            elif len(k := translit_key(f)) >= 3:
                lat = (*lat, k)
        out[pid] = lat, ara
    return out


@attrs.frozen(slots=True)
class PersonIndex:
    """Look-up tables derived from a gazetteer's persons, built (and cached) with the
    gazetteer (:attr:`Gazetteer.person_index`) instead of once per document."""

    # lower-cased one-word Latin names, aliases and short forms of listed persons
    single_words: frozenset[str]
    # (role, country, qualifier or None) → the persons with such an office, in the
    # gazetteer's order, each with those offices in its own order (for infer_holder)
    offices: Mapping[tuple[str, str, str | None], tuple[tuple[PersonEntry, tuple[Office, ...]], ...]]
    # coreference_keys((form,)) of every listed name, alias and short form: a known person
    # is usually written as listed
    form_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    # "first|last" token keys of the names and Latin aliases of three words or more → the one
    # person they belong to: "Saif Gaddafi" is Saif al-Islam Gaddafi, not the best-known
    # bearer of the surname (common first names and ambiguous pairs are left out)
    first_last: Mapping[str, str] = attrs.field(factory=dict)
    # folded first words of the persons' Latin names and aliases, and the common Arabic given
    # names in Latin script: a capitalised word before a listed surname that is one of these but
    # none of the person's own names names someone else (see _other_latin_given_before)
    given_latin: frozenset[str] = attrs.field(factory=frozenset)

    @classmethod
    def build(cls, persons: Mapping[str, PersonEntry]) -> PersonIndex:
        words = frozenset(
            f.lower() for pe in persons.values() for f in (pe.name, *pe.aliases, *pe.short) if " " not in f.strip()
        )
        offices: dict[tuple[str, str, str | None], list[tuple[PersonEntry, list[Office]]]] = {}
        for pe in persons.values():
            for o in pe.offices:
                holders = offices.setdefault((o.role, o.country, o.qualifier or None), [])
                if holders and holders[-1][0] is pe:
                    holders[-1][1].append(o)
                else:
                    holders.append((pe, [o]))
        form_keys = {f: coreference_keys((f,)) for pe in persons.values() for f in (pe.name, *pe.aliases, *pe.short)}
        first_last: dict[str, str | None] = {}
        for pe in persons.values():
            for f in (pe.name, *pe.aliases):
                if (k := first_last_key(f, 3)) is not None and first_last.setdefault(k, pe.id) != pe.id:
                    first_last[k] = None  # two persons: never used
        given = set(_COMMON_FIRST_NAMES)
        for pe in persons.values():
            for f in (pe.name, *pe.aliases):
                if not is_arabic(f) and " " in f.strip():
                    w = fold_latin(f.split()[0])
                    if len(w) >= 3 and w.isalpha() and w not in _PARTICLES and w not in _NOT_GIVEN_LATIN:
                        given.add(w)
        return cls(words, {k: tuple((pe, tuple(os_)) for pe, os_ in v) for k, v in offices.items()}, form_keys,
                   {k: v for k, v in first_last.items() if v is not None}, frozenset(given))


@functools.lru_cache(maxsize=65536)
def first_last_key(name: str, min_tokens: int) -> str | None:
    """``"first|last"`` transliteration keys of a Latin name of at least ``min_tokens``
    tokens (articles dropped), ``None`` for an Arabic name or a common first name."""
    if is_arabic(name):
        return None
    toks = translit_tokens(name)
    if len(toks) < min_tokens or toks[0] in _COMMON_FIRST_NAMES or toks[0] in _PARTICLES or len(toks[0]) < 3:
        return None
    first, last = token_key(toks[0]), token_key(toks[-1])
    if len(first.replace("V", "")) < 2 or len(last.replace("V", "")) < 2:
        return None
    return first + "|" + last


def _fuzzy_ok(key: str, s: int, e: int, place_spans: Sequence[tuple[int, int]], in_place: bytearray) -> bool:
    """A transliteration-key match is not a person when it lies inside a place name
    (Sidi Bu Zinah), or when its key is short and it overlaps a place."""
    if 1 in in_place[s:e]:  # (rare: the places are looked at only then)
        # the last place covering the first character, and the one covering the last
        first = last = -1
        for k, (ps, pe) in enumerate(place_spans):
            if ps <= s < pe:
                first = k
            if ps < e <= pe:
                last = k
        if first != -1 and first == last:
            return False
        return len(key.replace("V", "")) >= 4
    return True


_LINE_WORD = _regex_cache.compile(r"[^\W\d_]{4,}")
_HEADLINE_MAX = 600  # characters


def _title_case_line(norm: str, upper: bytearray, s: int) -> bool:
    """The line around position ``s`` is written in title case (a headline, "Heboh
    Perbudakan Migran, Uni Eropa ..."): at least three words of four letters or more, and
    at most one in four of them not capitalised.  Capitals say nothing about names there.
    A line of more than :data:`_HEADLINE_MAX` characters is no headline (and a text of one
    huge line is not scanned whole for every name in it)."""
    a = norm.rfind("\n", max(0, s - _HEADLINE_MAX), s) + 1
    if a == 0 and s > _HEADLINE_MAX:
        return False
    b = norm.find("\n", s, s + _HEADLINE_MAX)
    if b == -1:
        if s + _HEADLINE_MAX < len(norm):
            return False
        b = len(norm)
    if b - a > _HEADLINE_MAX:
        return False
    total = caps = 0
    for m in _LINE_WORD.finditer(norm, a, b):
        if is_arabic(m.group()):
            continue
        total += 1
        caps += upper[m.start()]
    return total >= 3 and 4 * (total - caps) <= total


def _split_runs(run: list[tuple[int, int]], in_place: bytearray) -> list[list[tuple[int, int]]]:
    out: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for s, e in run:
        if 1 in in_place[s:e]:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append((s, e))
    if cur:
        out.append(cur)
    return out


def _cut_runs(norm: str, runs: list[list[tuple[int, int]]], in_place: bytearray) -> list[list[tuple[int, int]]]:
    """``runs`` (trimmed, sorted by start) cut at the places in them, each piece trimmed
    again: the result is sorted by start too."""
    cut: list[list[tuple[int, int]]] = []
    for r in runs:
        if 1 not in in_place[r[0][0] : r[-1][1]]:
            cut.append(r)  # no place in its span: whole (and trimmed already)
        elif len(r) > 1:  # (a one-word run in a place leaves nothing)
            cut.extend(trimmed for r2 in _split_runs(r, in_place) if (trimmed := _trim(norm, r2)))
    return cut


def _gap_ok(norm: str, a: int, b: int) -> bool:
    gap = norm[a:b]
    if len(gap) > 12 or "\n\n" in gap:  # (never across a paragraph)
        return False
    if not gap.strip(" "):  # only spaces (or nothing): no word, every character allowed
        return True
    words = _GAP_WORDS.findall(gap)
    return all(w in _HONORIFICS for w in words) and _GAP_CHARS.fullmatch(gap) is not None


_PLACE_LEAD = _regex_cache.compile(r"(?:of|in|to|untuk|di) ")
_AR_PLACE_LEAD = _regex_cache.compile(r"(?:في|الي|لدي) ")


def _unknown_after_title(
    norm: str,
    t: TitleSel | tuple[int, int],
    runs: list[list[tuple[int, int]]],
    taken: bytearray,
    original_of: Callable[[int, int], str],
    add: Callable[[int, int, PersonEntry | None, str], None],
    given: frozenset[str],
    in_place: bytearray,
    run_starts: Sequence[int],
    body: _BodyCtx | None = None,
) -> int:
    """Find the unknown person a title (or an honorific, a span) introduces and ``add`` it.
    With ``body`` (titles only), a Latin name may also stand after the body the office
    belongs to (:func:`_name_after_body`): the start of such a name is returned (its title
    is known then even when an acronym or a lower-case word stands between), else -1."""
    t_start, t_end = t if isinstance(t, tuple) else (t.start, t.end)
    # the office's country may stand between title and name: "Menteri Luar Negeri Israel Eli Cohen"
    start = t_end
    n = len(norm)
    of_place = False
    while True:
        k = start
        while k < n and norm[k] == " ":
            k += 1
        if k < n and in_place[k]:
            start = in_place.find(0, k)  # the end of the place (in_place ends with a 0)
            continue
        # "The mayor of Sabratha, Hussein al-Thwadi", "ambassador to Libya, Fawaz al-Itan",
        # "Duta Besar RI untuk Libya ...": "of" / "in" / "to" / "untuk" + place, then the name
        if (lead := _PLACE_LEAD.match(norm, k)) is not None and lead.end() < n and in_place[lead.end()] \
                and not is_arabic(norm[lead.end()]):
            start = in_place.find(0, lead.end())
            of_place = True
            continue
        # "المتحدث باسم مجلس النواب في طبرق فرج أبو هاشم", "المبعوث الأممي إلى ليبيا ...", "السفير
        # ... لدى ليبيا ...": في / إلى / لدى + place, the same in Arabic
        if (lead := _AR_PLACE_LEAD.match(norm, k)) is not None and lead.end() < n and in_place[lead.end()]:
            start = in_place.find(0, lead.end())
            continue
        break
    if of_place and norm.startswith(", ", start):
        start += 1
    # Latin (runs are sorted by start)
    k = bisect.bisect_left(run_starts, start)
    nruns = len(runs)
    latin = False  # a capitalised run stands right after the title
    while k < nruns and (s := run_starts[k]) - start <= 12:
        run = runs[k]
        k += 1
        if not _gap_ok(norm, start, s):
            continue
        if norm.startswith("by ", s) and (s == 0 or norm[s - 1] == "\n"):
            break  # a byline under a headline that ends with a title
        latin = True
        # the body the office belongs to may stand before the name: one company word, or one
        # all-capitals word (SONATRACH), is skipped when two or more words follow it
        if len(run) >= 3 and (norm[run[0][0] : run[0][1]] in _ORG_NAMES
                             or original_of(run[0][0], run[0][1]).isupper()):
            run = run[1:]
            s = run[0][0]
        # a Vietnamese body (Bộ Lao động, Hội đồng Bảo an, Liên hợp quốc) names no person; the
        # name after it, if any, is found by its family name (vietnamese_names) or as a
        # foreign name after the body (_name_after_body)
        if _VI_ORG_LEAD.match(norm, s) is not None:
            break
        # an Indonesian seat of government or ministry portfolio before the name ("Juru bicara
        # Gedung Putih Robert Gibbs", "Menteri Agama Fachrul Razi") is skipped
        while len(run) >= 3 and (lead := _ID_ORG_LEAD.match(norm, s)) is not None:
            while run and run[0][0] < lead.end():
                run = run[1:]
            s = run[0][0] if run else s
        if 1 in taken[s : run[-1][1]]:
            return -1  # a person found already follows the title (a listed one, mostly)
        if (len(run) >= 2 and not any(norm[a:b] in _ORG_WORDS for a, b in run)
                and (body is None or not body.headline_words(s, run))):
            add(s, run[-1][1], None, original_of(s, run[-1][1]))
            # (a body's word skipped before the name: attach would not see through it)
            return s if body is not None and run_starts[k - 1] != s else -1
        break
    if body is not None and not _is_ar_letter(norm[t_start]):
        # a Latin title: its name may follow the body the office belongs to
        if not (isinstance(t, TitleSel) and t.bare_lower):
            span = _name_after_body(norm, start, body)
            if span is not None:
                add(span[0], span[1], None, original_of(span[0], span[1]))
                return span[0]
        return -1
    if latin:
        return -1
    # Arabic: 2–3 words after the title, stopped by punctuation and function words
    # (the words start one or two spaces on: no Arabic letter there, no match to try)
    if not (_is_ar_letter(norm[start + 1 : start + 2]) or _is_ar_letter(norm[start + 2 : start + 3])):
        return -1
    bism = "باسم" in norm[t_start:t_end].split()
    if not bism and norm.startswith(" باسم ", start):
        bism, start = True, start + 5
    if bism:
        # "المتحدث باسم المجلس العسكري أحمد ...": the body spoken for (up to four words with
        # the article) comes first; the name starts at the first given name after it.  When the
        # title holds that body already ("المتحدث باسم الحكومة" + nisba), the name may follow
        # directly
        words = norm[t_start:t_end].split()
        skipped = _skip_complement(norm, start, given)
        if skipped >= 0:
            start = skipped
        elif "باسم" not in words or words[-1] == "باسم":
            return -1
    else:
        # a nisba or other adjective of the office before the name: "قائدها الميداني محمد ...",
        # or the group it heads, a construct: "زعيم قبائل التبو عيسى ..."
        skipped = _skip_adjectives(norm, start, given)
        start = skipped if skipped != start else _skip_construct(norm, start, given)
    # a name right after the office's nisba or country ("وزير الخارجية النيجري حسومي مسعودو")
    # need not start with a listed given name: the office and the adjective before it
    # leave little else to come
    relaxed = start != t_end or (isinstance(t, tuple) and norm[t_start:t_end] in _AR_STRONG_CUES)
    m = _AR_NAME_WORDS.match(norm, start)
    if not m:
        return -1
    span = _arabic_name_at(norm, m.start(1), given, taken, original_of, relaxed, in_place)
    # the title's holder, when words attach would not see through (a place after في, a
    # complement, an adjective) stand between them
    linked = span[0] if span is not None and body is not None and start != t_end else -1
    while span is not None:
        s, e = span
        add(s, e, None, original_of(s, e))
        # a second name joined by و: "رجلي الأعمال ماكس غولدي ورشيد حمداني"
        if norm.startswith(" و", e) and (w2 := _AR_TOKEN.match(norm, e + 2)) is not None and w2.group() in given:
            span = _arabic_name_at(norm, e + 2, given, taken, original_of, False, in_place)
        else:
            span = None
    return linked


# ---- a Latin name after the body the office belongs to ----------------------------------
#
# "Kepala BP2MI Benny Rhamdani", "Direktur Pelindungan WNI Kementerian Luar Negeri Judha
# Nugraha", "Người phát ngôn Cao ủy Liên hợp quốc về người tị nạn (UNHCR) Carlotta Sami",
# "Secretary of State for Security Rafik Chelli": between the title and its holder stand the
# body's name (capitalised words, acronyms, lower-case words, a quoted name) and places.  The
# name is the first capitalised run whose last words are plain name words (none a body's
# word, a word the text writes in lower case, a Vietnamese syllable with a letter only
# Vietnamese has), reached without crossing the end of the clause, a comma, another title or
# date, a known person, or a word that opens a new clause (said, mengatakan, cho biết, ...).

_BODY_REACH = 120  # characters from the title (or the place after it) to the name
# (a dot after an initial, P.J. Crowley, ends nothing)
_BODY_END = _regex_cache.compile(r"[,;:!?\n،؛]|(?<![\s.]\w)\.(?=\s|$)")
_BODY_GAP_WORD = _regex_cache.compile(r"[^\W\d_]+")
_BODY_GAP_CHARS = _regex_cache.compile(r"[\w\s()\"'“”«»‘’&/.\-–]*")
_QUOTES = frozenset("\"'“”«»‘’")
# lower-case words that open a new clause or name a relation: the name after them is not
# the office's holder (English, Indonesian, Vietnamese)
_BODY_STOP = frozenset(
    """said says told met meets meeting with to by from after before when while as that who whom which is
    was were are be been has had have will would also but or against between than his her their its a an
    at over during since until about
    mengatakan kata ujar menurut bertemu menemui dengan kepada oleh yang adalah ialah akan telah sudah
    sedang masih bahwa ketika setelah sebelum serta atau tetapi namun juga menyebut menyatakan meminta
    bersama para sebagai menerima mendampingi didampingi dalam
    cho biết nói đã sẽ đang vừa là với gặp tiếp đàm khẳng tuyên kêu được bị rằng thì mà nhưng khi sau
    trước cùng cũng nhấn""".split()
)
# Vietnamese letters no other language of the news writes (ã and õ are Portuguese too)
_VI_ONLY = _regex_cache.compile(r"[ăâđêôơưảạẻẽẹỉĩịỏọủũụỳỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]")
# a Vietnamese syllable written without marks (Minh, Trung, Long): onset, 1–3 vowels, final
_VI_SYLLABLE = _regex_cache.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")
# Indonesian nouns of bodies, built with pe(N)-/per-/ke- ... -an (Perlindungan, Penempatan,
# Kesehatan), or loanwords in -asi / -itas (Transmigrasi, Universitas): never a name
_ID_BODY_NOUN = _regex_cache.compile(r"(?:peng|peny|pen|pem|per|pel|ke)[a-z]{3,}an|[a-z]{5,}(?:asi|itas)")
# an acronym in brackets after a run ("Political Dialogue Forum (LPDF)"): the run is a body's name
_ACRONYM_AFTER = _regex_cache.compile(r" ?\(([A-Z]{2,8})\)")


@attrs.define(slots=True)
class _BodyCtx:
    """The document's tables :func:`_name_after_body` looks at (the lower-case words and the
    title-case lines are found when first needed)."""

    norm: str
    upper: bytearray
    blocked: bytearray
    taken: bytearray
    runs: list[list[tuple[int, int]]]
    run_starts: Sequence[int]
    lower_words: Callable[[], Container[str]]
    original_of: Callable[[int, int], str]
    lines: dict[int, bool] = attrs.field(factory=dict)

    def headline(self, s: int) -> bool:
        """The line around ``s`` is a headline: in title case, and not ended by a full stop
        as a paragraph dense with names and titles is (cached by line start)."""
        norm = self.norm
        a = norm.rfind("\n", max(0, s - _HEADLINE_MAX), s) + 1
        if a == 0 and s > _HEADLINE_MAX:
            return False  # a line longer than a headline (not searched further back)
        got = self.lines.get(a)
        if got is None:
            b = norm.find("\n", s, s + _HEADLINE_MAX)
            if b == -1:
                b = len(norm) if s + _HEADLINE_MAX >= len(norm) else s
            last = norm[a:b].rstrip(" \t\"'”’»)")[-1:]
            got = self.lines[a] = b > s and last not in ".!?" and _title_case_line(norm, self.upper, s)
        return got

    def headline_words(self, s: int, run: Sequence[tuple[int, int]]) -> bool:
        """On a title-case line (a headline), a capitalised word of ``run`` is a word the
        text writes in lower case elsewhere ("Wamenlu Tegaskan Dukungan RI"): no name."""
        if not self.headline(s):
            return False
        low = self.lower_words()
        return any(self.upper[a] and self.norm[a:b] in low for a, b in run)


def _name_word(norm: str, upper: bytearray, a: int, b: int, lower_words: Callable[[], Container[str]]) -> bool:
    """The capitalised word ``norm[a:b]`` can be a word of a foreign (non-Vietnamese) name."""
    w = norm[a:b]
    if b - a == 1:
        return norm[b : b + 1] == "."  # an initial: P. J. Crowley
    if _VI_ONLY.search(w) is not None or (b - a >= 8 and _ID_BODY_NOUN.fullmatch(w) is not None):
        return False
    return _plain_name_word(norm, upper, a, b, lower_words)


def _trailing_name(norm: str, run: Sequence[tuple[int, int]], ctx: _BodyCtx) -> tuple[int, int] | None:
    """The name that ends ``run``: its last 2–4 words when they are name words (particles
    and glued articles inside), at least one of them no Vietnamese syllable."""
    upper = ctx.upper
    i = len(run)
    while i > 0:
        a, b = run[i - 1]
        if upper[a]:
            if not _name_word(norm, upper, a, b, ctx.lower_words):
                break
        elif norm[a:b] not in _PARTICLES and not ("-" in norm[a + 2 : a + 4] and upper[norm.index("-", a) + 1]):
            break
        i -= 1
    name = _trim(norm, list(run[i:]))
    if not 2 <= len(name) <= 4 or sum(1 for a, b in name if norm[a:b] not in _PARTICLES) < 2:
        return None
    if all(_VI_SYLLABLE.fullmatch(fold_latin(norm[a:b])) is not None for a, b in name):
        return None  # Minh Anh, Long An: Vietnamese words without their marks
    if (m := _ACRONYM_AFTER.match(ctx.original_of(name[-1][1], min(len(norm), name[-1][1] + 12)))) is not None:
        initials = "".join(norm[a] for a, b in name if upper[a]).upper()
        it = iter(m.group(1))
        if all(c in it for c in initials):  # (its initials, in order, in the acronym)
            return None
    return name[0][0], name[-1][1]


def _complement_ok(norm: str, a: int, b: int, ctx: _BodyCtx) -> bool:
    """Between a title and the name after its body (``a <= b``): no other title or date, and
    only lower-case words that do not open a new clause, acronyms, brackets and quotes."""
    if a >= b:
        return True
    if 1 in ctx.blocked[a:b]:
        return False
    if any(w in _BODY_STOP for w in _BODY_GAP_WORD.findall(norm, a, b)):
        return False
    return _BODY_GAP_CHARS.fullmatch(norm, a, b) is not None


def _name_after_body(norm: str, start: int, ctx: _BodyCtx) -> tuple[int, int] | None:
    """The span of the Latin name after the body an office belongs to (see above), or None
    (always on a headline: capitals say nothing there)."""
    runs, starts = ctx.runs, ctx.run_starts
    k = bisect.bisect_left(starts, start)
    nruns = len(runs)
    if k == nruns or starts[k] - start >= _BODY_REACH:
        return None  # (most titles: no capitalised run within reach)
    name = _name_after_body_at(norm, start, ctx, k)
    return None if name is None or ctx.headline(start) else name


def _name_after_body_at(norm: str, start: int, ctx: _BodyCtx, k: int) -> tuple[int, int] | None:
    """:func:`_name_after_body` from the run ``k``, the first at or after ``start``."""
    end = min(len(norm), start + _BODY_REACH)
    stop = _BODY_END.search(norm, start, end)
    limit = end if stop is None else stop.start()
    runs, starts = ctx.runs, ctx.run_starts
    nruns = len(runs)
    pos = start
    while k < nruns and starts[k] < limit:
        run = runs[k]
        k += 1
        rs, re_ = run[0][0], run[-1][1]
        if re_ > limit or not _complement_ok(norm, pos, rs, ctx) or 1 in ctx.taken[rs:re_]:
            return None
        pos = re_
        if rs > 0 and norm[rs - 1] in _QUOTES:
            continue  # a quoted name is the body's: Người phát ngôn chiến dịch "Al-Bunyan al-Marsous"
        name = _trailing_name(norm, run, ctx)
        if name is not None:
            # a run led by a body's noun right before the comma is the body's whole name when a
            # name stands between commas after it: "Juru bicara Operasi Gunung Berapi, Abdel
            # Malik al-Madani, ..." ("Juru bicara Kemlu Teuku Faizasyah, ..." keeps its name)
            if (re_ == limit and norm[run[0][0] : run[0][1]] in _ORG_WORDS
                    and (appos := _apposed_name(norm, stop, limit, pos, k, ctx)) is not None):
                return appos
            return name
    return _apposed_name(norm, stop, limit, pos, k, ctx)


def _apposed_name(norm: str, stop: regex.Match[str] | None, limit: int, pos: int, k: int, ctx: _BodyCtx
                  ) -> tuple[int, int] | None:
    """The name between two commas after the body: "Kepala Delegasi ... (IFRC), Tamer Ramadan,
    ..." (``k``: the first run after the body's, ``pos`` the body's end)."""
    runs, starts = ctx.runs, ctx.run_starts
    if (stop is not None and norm[limit] == "," and norm[limit + 1 : limit + 2] == " " and k < len(runs)
            and starts[k] == limit + 2 and _complement_ok(norm, pos, limit, ctx)):
        run = runs[k]
        rs, re_ = run[0][0], run[-1][1]
        name = _trailing_name(norm, run, ctx)
        if (name is not None and name[0] == rs and norm[re_ : re_ + 1] == "," and 1 not in ctx.taken[rs:re_]):
            return name
    return None


# Arabic verbs' prefixes: after a nisba, "الرئيس التونسي يستقبل ..." is no name
_AR_VERB_START = ("ي", "ت", "است")
_AR_LONG_VOWELS = _regex_cache.compile(r"[اوي]")


def _foreign_looking(w: str) -> bool:
    """An Arabic word with a verb's prefix that is a transcribed foreign name instead
    (يوشيهيدي, تيريزا): six letters or more, three long vowels after the first letter
    (a verb has at most two, ending aside), no plural verb ending."""
    return (len(w) >= 6 and not w.endswith(("ون", "ان", "ين", "وا"))
            and len(_AR_LONG_VOWELS.findall(w, 1)) >= 3)


# A word after a name's first word that starts the rest of the clause instead of going on
# with the name: a preposition glued to a noun with the article or to a verbal noun with
# م (بالتحقيق, للشؤون, بمتابعة), a time of day before a day (مساء أمس), or an accusative
# with tanween alif followed by a preposition or conjunction (قائدا لـ, رئيسا للأركان,
# مؤكدا أن).  Transcribed foreign names
# end in ا too (أغونا): the word after them is what tells them apart.
_AR_GLUED_PREP = ("بال", "لل", "بم")
_AR_NAME_PARTICLES = frozenset({"عبد", "ابو", "بن", "ابن", "بو"})
# ...but Maghrebi surnames are made with بال/بل "son of" + a noun (بالحاج Belhaj, بالشيخ
# Belcheikh, بالخير Belkheir, بالعيد Belaid, بالقاسم Belkacem): those nouns after بال stay
_AR_BEL_NOUNS = frozenset({"حاج", "شيخ", "خير", "عيد", "قاسم", "طيب", "عربي", "حسن", "حسين", "علي"})
_AR_AFTER_ACCUSATIVE = frozenset({"ل", "في", "علي", "الي", "ان", "بان", "لان", "من", "عن", "مع", "بعد", "منذ", "حتي"})
# a time of day before the day it belongs to: "سلوى ... مساء أمس", "صباح اليوم", "فجر الأحد"
_AR_DAYTIME = frozenset({"مساء", "صباح", "ظهر", "فجر", "عصر", "ليله", "ظهيره", "ضحي"})
_AR_DAY = frozenset({"امس", "اليوم", "الغد", "يوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
                     "السبت"})


def _ar_clause_word(norm: str, w: str, end: int, given_led: bool) -> bool:
    """True when the Arabic word ``w`` (ending at ``end``) after a name's first word is not
    part of the name but the next phrase of the clause (see :data:`_AR_GLUED_PREP`)."""
    if given_led and len(w) >= 5 and w.startswith(_AR_GLUED_PREP):
        return not (w.startswith("بال") and w[3:] in _AR_BEL_NOUNS)
    if w in _AR_DAYTIME:
        m = _AR_TOKEN.match(norm, end + 1) if norm[end : end + 1] == " " else None
        return m is not None and m.group() in _AR_DAY
    if len(w) < 4 or w[-1] != "ا" or w[-2] in "اوي":
        return False
    m = _AR_TOKEN.match(norm, end + 1) if norm[end : end + 1] == " " else None
    if m is None:
        return False
    nxt = m.group()
    return nxt in _AR_AFTER_ACCUSATIVE or (nxt.startswith("لل") and len(nxt) >= 5)


def _arabic_name_at(
    norm: str,
    s: int,
    given: frozenset[str],
    taken: bytearray,
    original_of: Callable[[int, int], str],
    relaxed: bool,
    in_place: bytearray,
) -> tuple[int, int] | None:
    """The 2–3 word Arabic name starting at ``s``, stopped by punctuation and function words
    (``None`` when there is none): its first word a given name unless ``relaxed``."""
    # up to three Arabic words from s, one white-space character apart (four with a particle
    # that makes one name of two words: "عيسى عبد المجيد منصور", "محمد أبو بكر يونس")
    words: list[str] = []
    pos = s
    while (len(words) < 3 or (len(words) == 3 and _AR_NAME_PARTICLES.intersection(words[1:]))) \
            and (m := _AR_TOKEN.match(norm, pos)) is not None:
        words.append(m.group())
        pos = m.end() + 1
        if not norm[pos - 1 : pos].isspace():
            break
    if len(words) < 2:
        return None
    picked: list[str] = []
    pos = s
    for w in words:
        ws = norm.index(w, pos)
        pos = ws + len(w)
        bare = w[1:] if len(w) > 3 and w[0] in "وف" and w[1:] in _AR_STOP else w  # ووزير: "and the minister"
        if (w in _AR_STOP or bare != w or (not picked and w.startswith("ال") and w not in given)
                or (w.endswith("يه") and not picked and w not in given)):
            break
        if picked and (w in _AR_ROLE_CUE_SET or (w[0] == "و" and (w[1:] in given or w[1:] in _AR_ROLE_CUE_SET))):
            break  # "ماكس غولدي ورشيد حمداني": a second name; "والموظف", "القاضي": a second person
        if original_of(ws, ws + len(w)) in _AR_STOP_ORIGINAL:
            break  # على (on), إلى (to): folded they look like the name علي
        if picked and in_place[ws]:
            break  # "الفريق أسامة عسكر بنغازي": the place the sentence goes on to
        if picked and _ar_clause_word(norm, w, pos, picked[0] in given):
            break  # "صلاح المرغني بمتابعة التحقيق", "حامد الحاسي قائدا لـ..."
        picked.append(w)
    if len(picked) < 2:
        return None
    if picked[0] not in given:
        if not relaxed or any(w.startswith("ال") for w in picked):
            return None
        if picked[0].startswith(_AR_VERB_START) and not _foreign_looking(picked[0]):
            return None
        # a foreign name is mostly two words: a third one counts only when punctuation ends it
        # ("يوشيهيدي سوغا مقتل سبعة": the third word is the object of the sentence)
        if len(picked) == 3 and norm[s + len(" ".join(picked)) : s + len(" ".join(picked)) + 1] in (" ", ""):
            picked.pop()
    e = s + len(" ".join(picked))
    if norm[s:e] != " ".join(picked) or 1 in taken[s:e] or (relaxed and 1 in in_place[s:e]):
        return None
    after = norm[e : e + 2]
    if after and not _AR_NAME_END.match(after):
        return None
    return s, e


# English cues around a person the gazetteer does not list and no title introduces: a name
# right after "said" / "according to" / "known as" that ends the clause ('"...," said Ahmed
# Saleh, the brother of ...'), or a name followed by an apposition (", the head of",
# ", a doctor", ", who", ", better known as", ", 45,")
_EN_BEFORE = _regex_cache.compile(
    r"(?:^|[^\w])(?:said|says|according to|known as|identified as|witness|resident|kata|ujar|tutur|menurut)$"
)
# the verb of saying right after a name set off by commas (the name is the speaker)
_SAYS_AFTER_COMMA = _regex_cache.compile(
    r",\s(?:said|says|told|added|warned|stressed|explained|noted|argued|wrote|mengatakan|menilai|menyatakan|"
    r"menjelaskan|menegaskan|mengungkapkan|menambahkan|menuturkan|berkata|mengimbau|memperingatkan)\b"
)
_OF_BODY = _regex_cache.compile(r" (?:of|from|dari) (?:the )?")
_EN_CLAUSE_END = _regex_cache.compile(r"[,.;:]|\s*\n|\s*$")
_EN_APPOSITION = _regex_cache.compile(
    r", (?:(?:a|an|the) (?=[a-z]|\d{1,3}-year-old )|who |whose |one of |(?:better |also )?known as |\d{1,3}, |(?:salah )?seorang )"
)
# Capitalised words of English news that are not names (headings, sentence openers, bodies,
# places' generic parts): never in an unknown name found by the cues above
_EN_NOT_NAME = frozenset(
    """the a an this that these those in on at for with from by after before but and or if when while as of
    to it its he she they we his her their our not no yes more most some many all also yet so then there
    here mr mrs ms dr st saint north south east west eastern western northern southern central street road
    square hotel hospital clinic airport port center centre city town village province district region
    island media news times post herald observer agency press tv radio group institute foundation fund
    programme program initiative conference summit force guard guards police navy air coast oil gas
    petroleum energy international world human rights watch amnesty red crescent cross doctors borders
    sea mediterranean medical islamic islamist state muslim brotherhood christian christians arab african
    european american united nations high representative special mission operation operations room
    revolutionaries day week month year monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december god allah prophet
    minister president prime chief head leader spokesman official officials commander general colonel""".split()
)


def _english_unknown(
    norm: str,
    runs: list[list[tuple[int, int]]],
    taken: bytearray,
    original_of: Callable[[int, int], str],
    add: Callable[[int, int, PersonEntry | None, str], None],
    upper: bytearray,
    in_place: bytearray,
    lower_words: Callable[[], Container[str]],
) -> None:
    """Unknown English-text persons without a title, found by the cues of :data:`_EN_BEFORE`
    and :data:`_EN_APPOSITION`: 2–4 capitalised words, none a body's or a common word (one
    the text also writes in lower case), not on a headline."""
    listed = -1  # where the next name of a list after a role noun would start
    for run in runs:
        nr = len(run)
        s, e = run[0][0], run[-1][1]
        # a byline: "By Aidan Lewis" alone on its line (the capitalised By heads the run)
        byline = (nr >= 3 and norm.startswith("by ", s) and (s == 0 or norm[s - 1] == "\n")
                  and _BYLINE_END.match(norm, e) is not None)
        if byline:
            run = run[1:]
            nr, s = nr - 1, run[0][0]
        if nr < 2 or nr > 4:
            continue
        if 1 in taken[s:e]:
            continue
        if all(te - ts == 1 for ts, te in run):
            continue  # initials only: "according to U.N. experts"
        before = _EN_BEFORE.search(norm, max(0, s - 16), s - 1) if s >= 2 and norm[s - 1] == " " else None
        role = credit = False
        if byline or (nr <= 3 and s >= 4 and norm[s - 1] == " " and _CREDIT_BEFORE.search(norm, max(0, s - 26), s - 1)
                      and _BYLINE_END.match(norm, e) is not None):
            role = credit = True  # "By Aidan Lewis", "(Reporting by Ahmed Elumami; Editing by Ed Osmond)"
        elif s == listed and nr <= 3:
            role = True  # the next name of a list: "two CIA contractors, Glen Doherty and Tyrone Woods"
        elif before is not None:
            if _EN_CLAUSE_END.match(norm, e) is None and (
                    (ob := _OF_BODY.match(norm, e)) is None or not upper[ob.end()]):
                continue  # (or the speaker's body after it: "said Ahmed Saleh of Amnesty", "kata Luisa Albera dari SOS")
        elif nr <= 3 and _role_noun_before(norm, s, upper, in_place):
            role = True  # "the cancer specialist Karol Sikora", "komedian populer Mustafa Baraka"
        elif nr <= 3 and s >= 2 and norm[s - 2 : s] == ", " and _SAYS_AFTER_COMMA.match(norm, e) is not None:
            role = True  # set off by commas before the verb of saying: "an analyst at ..., Yon Machmudi, said"
        elif nr > 3 or _EN_APPOSITION.match(norm, e) is None or (s >= 2 and in_place[s - 2]):
            continue
        # (a surname with a glued article, al-Obeidi, is capitalised after the article)
        caps = [(a, b) for a, b in run
                if upper[a] or ((art := _GLUED_ARTICLE.match(norm, a, b)) is not None and upper[art.end()])]
        if len(caps) < 2 or any(not _plain_name_word(norm, upper, a, b, lower_words) for a, b in caps):
            continue
        if role and any(not _name_word(norm, upper, a, b, lower_words) for a, b in caps):
            continue
        if not credit and _title_case_line(norm, upper, s):
            continue  # (a credits line is all names: not a headline)
        add(s, e, None, original_of(s, e))
        if role and (lm := _LIST_NEXT.match(norm, e)) is not None:
            listed = lm.end()


# a wire story's credits: "(Reporting by Ahmed Elumami; Writing by Aidan Lewis; Editing by Ed
# Osmond)", "Additional reporting by ..."; the name ends there (a bracket, a semicolon, the line)
_CREDIT_BEFORE = _regex_cache.compile(r"(?:reporting|editing|writing|compiled|photos?|graphics) by$")
_BYLINE_END = _regex_cache.compile(r"\s*(?:$|\n|[);]| and )")
# between two names of a list: ", ", " and ", ", and ", " dan ", " và "
_LIST_NEXT = _regex_cache.compile(r",?\s(?:and|dan|và)\s|,\s")


# Lower-case nouns naming what a private person is or does, and the words for "led by", in
# English and Indonesian: a plain capitalised name right after one (a few lower-case words or
# a place between, a comma before the name) is a person: "23-year-old student Seifeddine
# Rezgui", "seorang kontraktor keamanan asal AS, David Berry", "faksi ... pimpinan Minni Minawi"
_ROLE_NOUNS = frozenset(
    """student specialist doctor surgeon physician lawyer attorney journalist reporter correspondent
    photographer cameraman activist businessman businesswoman engineer contractor analyst researcher
    professor scholar academic expert gunman attacker bomber smuggler trafficker migrant refugee survivor
    worker nurse teacher pilot driver blogger writer author novelist poet singer comedian actor actress
    footballer coach cleric preacher imam suspect defendant prisoner detainee hostage victim colleague
    cousin nephew niece brother sister son daughter wife husband father mother uncle passenger resident
    shopkeeper witness employee trader merchant farmer fisherman protester demonstrator neighbour neighbor
    mahasiswa mahasiswi pelajar dokter pengacara wartawan wartawati jurnalis fotografer aktivis pengusaha
    insinyur kontraktor analis peneliti pengamat profesor pakar komedian penyanyi aktor aktris perawat guru
    sopir penulis tersangka terdakwa tahanan sandera korban pengungsi ulama rekan putra putri istri suami
    adik kakak pimpinan dipimpin penumpang warga saksi pegawai karyawan pedagang petani nelayan demonstran
    tetangga penduduk pekerja buruh teknisi diplomat technician staffer pemain pelatih atlet kiper player
    striker goalkeeper midfielder defender athlete""".split()
)
# Vietnamese role nouns of several syllables (the analyst, the expert, the researcher, the
# journalist, the scholar): a name right after one is a person
_VI_ROLE_CUES = (" nhà phân tích", " chuyên gia", " nhà nghiên cứu", " nhà báo", " học giả")
# prepositions: the name after one is a place or a body ("wartawan di Istana Merdeka")
_ROLE_GAP_STOP = frozenset("in at from to of on for into di ke dari pada kepada untuk tentang penganut".split())
_LED_BY = frozenset({("led", "by"), ("headed", "by"), ("commanded", "by"), ("dipimpin", "oleh")})
_ROLE_GAP_WORD = _regex_cache.compile(r"[^\W\d_][\w'-]*")
_ROLE_REACH = 40  # characters between the role noun's start and the name
# any of those words (one search finds whether a name has one close before it at all)
# (with an English plural, or the Indonesian possessive: "Pengacaranya, Nick Kaufman")
_ROLE_CUE_WORD = _regex_cache.compile(r"\b(?:" + "|".join(sorted(_ROLE_NOUNS | {"by", "oleh"})) + r")(?:e?s|nya)?\b")


def _role_noun(w: str) -> bool:
    """``w`` is a role noun or an English plural of one ("contractors", "employees")."""
    return w in _ROLE_NOUNS or (w.endswith("s") and (w[:-1] in _ROLE_NOUNS or (w.endswith("es") and w[:-2] in _ROLE_NOUNS))) \
        or (w.endswith("nya") and w[:-3] in _ROLE_NOUNS)


def _role_noun_before(norm: str, s: int, upper: bytearray, in_place: bytearray) -> bool:
    """A role noun (:data:`_ROLE_NOUNS`, or "led by") stands before the name at ``s``: at most
    three lower-case words or a place between them, a comma only right before the name."""
    if s < 3 or norm[s - 1] != " ":
        return False
    lo = max(0, s - _ROLE_REACH)
    e = s - 1
    if norm[e - 1] == ",":
        e -= 1
    elif norm.endswith(_VI_ROLE_CUES, lo, e):
        return True  # "nhà phân tích Hamish Kinnear", "chuyên gia Karim Mezran"
    if _ROLE_CUE_WORD.search(norm, lo, e) is None:
        return False  # (most names)
    words = [(m.start(), m.end()) for m in _ROLE_GAP_WORD.finditer(norm, lo, e)]
    if not words or words[-1][1] != e:
        return False
    between = 0
    for i in range(len(words) - 1, -1, -1):
        a, b = words[i]
        w = norm[a:b]
        if _role_noun(w) and (not upper[a] or at_sentence_start(norm, a)):
            return True  # (capitalised only where a sentence starts: "Pengamat Timur Tengah ...")
        if w == "by" or w == "oleh":
            return i > 0 and (norm[words[i - 1][0] : words[i - 1][1]], w) in _LED_BY
        if between == 3 or (not in_place[a] and (upper[a] or w in _BODY_STOP or w in _ROLE_GAP_STOP)):
            return False
        if i == 0 or norm[words[i - 1][1] : a].strip(" "):
            return False  # punctuation or a number between the words
        between += 1
    return False


_LETTER_RUN = _regex_cache.compile(r"\p{L}+")  # what str.isalpha() accepts, in runs
_ELSEWHERE = 20_000  # characters: longer than a news article


def _plain_name_word(norm: str, upper: bytearray, a: int, b: int,
                     lower_words: Callable[[], Container[str]]) -> bool:
    """The capitalised word ``norm[a:b]`` can be part of a person's name: not an institution's
    or a common word, not written in lower case elsewhere in the text."""
    w = norm[a:b]
    if w in _EN_NOT_NAME or w in _ORG_WORDS or w in _ORG_NAMES or not w.replace("-", "").replace("'", "").isalpha():
        return False
    if "-" not in w and any(upper[i] for i in range(a + 1, b) if norm[i].isalpha()):
        # mixed capitals (SkyNews) are rare in names, but for Mc / Mac (McCain, MacAskill)
        c = 2 if w.startswith("mc") else 3 if w.startswith("mac") else 0
        if not c or b - a <= c + 1 or any(upper[i] for i in range(a + 1, b) if i != a + c):
            return False
    if w.isalpha():  # the common case: one look-up in the text's lower-case words
        return w not in lower_words()
    # a hyphenated word (al-zawi): looked for within _ELSEWHERE characters either side (a
    # news article is shorter; a huge text of many articles stays linear)
    lo, hi = max(0, a - _ELSEWHERE), min(len(norm), b + _ELSEWHERE)
    i = norm.find(w, lo, hi)
    while i != -1:
        j = i + len(w)
        if (not upper[i] and i != a and (i == 0 or not norm[i - 1].isalpha())
                and (j >= len(norm) or not norm[j].isalpha())):
            return False  # (the word itself is not "elsewhere": al-Obeidi starts in lower case)
        i = norm.find(w, j, hi)
    return True


class _LowerWords:
    """Whether the text writes a word (a run of letters) with a lower-case first letter
    somewhere: ``w in lower_words()``.  The first few words asked about are looked for in the
    text directly (``str.find``; most documents ask about a handful); past
    :attr:`DIRECT` words, or a word found too often, the set of all such words
    (:func:`_lower_words`) is built once and answers from then on."""

    __slots__ = ("asked", "memo", "norm", "upper", "words")
    DIRECT = 8  # words looked for directly
    OCCURRENCES = 64  # occurrences of one word looked at directly

    def __init__(self, norm: str, upper: bytearray) -> None:
        self.norm, self.upper = norm, upper
        self.asked = 0
        self.memo: dict[str, bool] = {}
        self.words: frozenset[str] | None = None

    def __call__(self) -> _LowerWords:
        return self

    def __contains__(self, w: object) -> bool:
        if not isinstance(w, str) or not w.isalpha():
            return False  # (the set holds runs of letters only)
        if self.words is not None:
            return w in self.words
        got = self.memo.get(w)
        if got is None:
            got = self._direct(w) if self.asked < self.DIRECT else None
            self.asked += 1
            if got is None:
                self.words = _lower_words(self.norm, self.upper)
                return w in self.words
            self.memo[w] = got
        return got

    def _direct(self, w: str) -> bool | None:
        """``w`` stands as a whole word with a lower-case first letter (None: too many
        occurrences to look at one by one)."""
        norm, upper = self.norm, self.upper
        n, k = len(norm), len(w)
        i = norm.find(w)
        for _ in range(self.OCCURRENCES):
            if i == -1:
                return False
            j = i + k
            if not upper[i] and (i == 0 or not norm[i - 1].isalpha()) and (j >= n or not norm[j].isalpha()):
                return True
            i = norm.find(w, i + 1)
        return None


def _lower_words(norm: str, upper: bytearray) -> frozenset[str]:
    """The words (runs of letters) the text writes with a lower-case first letter: the words
    found more often than they start at an upper-case letter (the words are counted in one
    pass of the pattern; only the upper-case positions, much fewer, are visited one by one)."""
    counts = Counter(_LETTER_RUN.findall(norm))
    caps: Counter[str] = Counter()
    match = _LETTER_RUN.match
    p = upper.find(1)
    while p != -1:
        m = match(norm, p) if p == 0 or _LETTER_RUN.match(norm, p - 1) is None else None
        if m is None:
            p = upper.find(1, p + 1)
        else:
            caps[m.group()] += 1
            p = upper.find(1, m.end())
    # (the words only ever capitalised are the few to take out)
    return frozenset(counts).difference([w for w, c in caps.items() if c >= counts[w]])


_AR_RELATIVE = ("، وهو ", "، وهي ")


def _arabic_name_before(
    norm: str,
    end: int,
    given: frozenset[str],
    taken: bytearray,
    original_of: Callable[[int, int], str],
    in_place: bytearray,
) -> tuple[int, int] | None:
    """The 2–3 word Arabic name that ends at ``end`` (a comma follows it), its first word a
    given name (the longest such name; ``None`` when there is none)."""
    starts: list[int] = []
    pos = end
    for _ in range(3):  # the starts of the three words before end, nearest first
        if pos < 2 or (norm[pos - 1] != " " and pos != end):
            break
        b = pos - 1 if pos != end else pos
        a = b
        while a > 0 and b - a < 30 and _is_ar_letter(norm[a - 1]):
            a -= 1
        if a == b:
            break
        starts.append(a)
        pos = a
    for a in reversed(starts[1:]):  # three words, then two
        span = _arabic_name_at(norm, a, given, taken, original_of, False, in_place)
        if span is not None and span[1] == end and 1 not in in_place[span[0] : span[1]]:
            return span
    return None


def _skip_adjectives(norm: str, start: int, given: frozenset[str]) -> int:
    """``start`` moved past one or two adjectives with the article and a nisba ending
    (``الميداني``, ``العسكري``, feminine ``الحقوقيه``) when a listed given name follows
    them: "قائدها الميداني محمد الأمين"; else ``start`` itself."""
    pos = start
    for _ in range(2):
        m = _AR_TOKEN.match(norm, pos + 1) if norm[pos : pos + 1] == " " else None
        if m is None:
            return start
        w = m.group()
        if w in given:
            return pos
        if not (w.startswith("ال") and w.endswith(("ي", "يه")) and len(w) >= 5) or w in _AR_STOP:
            return start
        pos = m.end()
    m = _AR_TOKEN.match(norm, pos + 1) if norm[pos : pos + 1] == " " else None
    return pos if m is not None and m.group() in given else start


def _skip_construct(norm: str, start: int, given: frozenset[str]) -> int:
    """``start`` moved past a construct after the office, one word without the article and
    one or two with it ("زعيم قبائل التبو عيسى ..."), when a listed given name follows; else
    ``start`` itself."""
    m = _AR_TOKEN.match(norm, start + 1) if norm[start : start + 1] == " " else None
    if m is None:
        return start
    w = m.group()
    if w.startswith("ال") or w in _AR_STOP or w in given or len(w) < 3:
        return start
    pos = m.end()
    for _ in range(2):
        m = _AR_TOKEN.match(norm, pos + 1) if norm[pos : pos + 1] == " " else None
        if m is None or not m.group().startswith("ال") or m.group() in _AR_STOP:
            return start
        pos = m.end()
        m2 = _AR_TOKEN.match(norm, pos + 1) if norm[pos : pos + 1] == " " else None
        if m2 is not None and m2.group() in given:
            return pos
    return start


def _skip_complement(norm: str, start: int, given: frozenset[str]) -> int:
    """The position before the first given name among the next four Arabic words after
    ``start``, the words before it all carrying the article and no punctuation between
    them (-1 when there is none)."""
    pos = start
    for _ in range(4):
        m = _AR_TOKEN.match(norm, pos + 1) if norm[pos : pos + 1] == " " else None
        if m is None:
            return -1
        w = m.group()
        if w in given:
            return pos
        if not w.startswith("ال") or w in _AR_STOP_ORIGINAL:
            return -1
        pos = m.end()
    return -1


def vietnamese_names(
    norm: str,
    toks: list[tuple[int, int, bool]],
    original_of: Callable[[int, int], str],
    add: Callable[[int, int, PersonEntry | None, str], None],
    in_place: bytearray,
) -> None:
    """Vietnamese full names: 2–4 capitalised syllables led by a common family name
    (Nguyễn Thị Nga, Phạm Bình Minh).  Unknown ones come back with ``id = None``."""
    n = len(toks)
    resume = 0  # the tokens before this one are in a name found already
    for i, (s, e, cap) in enumerate(toks):
        if cap and i >= resume and norm[s:e] in VI_SURNAMES:
            j = i + 1
            while j < n and j - i < 4 and toks[j][2] and norm[toks[j - 1][1] : toks[j][0]] == " ":
                j += 1
            if j - i >= 2 and 1 not in in_place[s : toks[j - 1][1]]:  # Hà Nội is a place
                add(s, toks[j - 1][1], None, original_of(s, toks[j - 1][1]))
                resume = j


_BYLINE = _regex_cache.compile(r"(?:[^\W\d_]{1,8} ){1,2}[^\W\d_]{1,8}")


def _vietnamese_bylines(
    norm: str,
    upper: bytearray,
    original_of: Callable[[int, int], str],
    add: Callable[[int, int, PersonEntry | None, str], None],
) -> None:
    """The reporter's byline that ends a Vietnamese article: a line of two or three
    capitalised Vietnamese syllables before the source, "Minh Anh (Theo Reuters, AFP)",
    or the text's last line, alone or before any parenthesis ("Thu Hằng (TTXVN tại
    Cai-rô)", "Quang Vinh")."""

    def byline(a: int, i: int) -> None:
        if _BYLINE.fullmatch(norm, a, i) is None:
            return
        pos = a
        for w in norm[a:i].split(" "):
            if not upper[pos] or (_VI_LETTER.search(w) is None and _VI_SYLLABLE.fullmatch(w) is None):
                return
            pos += len(w) + 1
        add(a, i, None, original_of(a, i))

    i = norm.find(" (theo ")
    while i != -1:
        a = norm.rfind("\n", max(0, i - 27), i) + 1  # (a byline is short: looked for close by)
        if (a > 0 or i <= 27) and i - a <= 26:
            byline(a, i)
        i = norm.find(" (theo ", i + 7)
    # the last line: in a text that has a letter only Vietnamese has before it
    end = len(norm.rstrip())
    a = norm.rfind("\n", max(0, end - 80), end) + 1
    if a > 0:
        p = norm.find(" (", a, end)
        i = end if p == -1 else p
        if 0 < i - a <= 26 and (p == -1 or norm[end - 1] == ")") and _VI_ONLY.search(norm, max(0, a - 2000), a):
            byline(a, i)


_TRANSLIT_MAX_WORDS = 5


def _parenthesised_originals(
    norm: str,
    out: list[PersonSel],
    toks: list[tuple[int, int, bool]],
    taken: bytearray,
    in_place: bytearray,
    add: Callable[[int, int, PersonEntry | None, str], None],
) -> None:
    """Vietnamese press writes a foreign name transliterated, then the original in
    parentheses: "Thủ tướng Li-bi Phai-dơ An Xa-rát (Fayez al-Sarraj)".  For every person in
    ``out`` written in Latin letters right inside "(" and ")", the capitalised words right
    before " (" (at most five, one of them hyphenated syllables, none in a title, place or
    date, the first no honorific) name that person: an unknown person found there takes the
    original's person and name, and words not found yet become a mention of it."""
    if not toks or " (" not in norm:
        return
    ends = {p.end: p for p in out}
    for q in list(out):
        s = q.start
        if (s < 4 or norm[s - 2 : s] != " (" or norm[q.end : q.end + 1] != ")"
                or _VI_ONLY.search(norm[s : q.end].lower())):
            continue
        before = ends.get(s - 2)
        if before is not None:
            if before.entry is None and "-" in norm[before.start : before.end] and before.name != q.name:
                before.entry, before.name = q.entry, q.name
            continue
        j = bisect.bisect_left(toks, s - 2, key=_START) - 1
        if j < 0 or toks[j][1] != s - 2:
            continue
        a = s - 2
        hyphen = False
        words = 0
        while j >= 0 and words < _TRANSLIT_MAX_WORDS:
            ts, te, cap = toks[j]
            if (not cap or te != (a if words == 0 else a - 1) or norm[ts:te].lower() in _LATIN_HONORIFICS
                    or 1 in in_place[ts:te]):
                break
            hyphen = hyphen or "-" in norm[ts:te]
            a = ts
            words += 1
            j -= 1
        if words and hyphen and 1 not in taken[a : s - 2]:
            add(a, s - 2, q.entry, q.name)


def coreference_keys(forms: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The keys under which later one-word mentions link back to a person named by one of
    ``forms`` (full names): Latin last words by transliteration key, Vietnamese ones by the
    word itself (tones tell Nga from Ngày), Arabic ones without their article."""
    lat: list[str] = []
    ara: list[str] = []
    for f in forms:
        words = f.split()
        if len(words) < 2:
            continue
        last = words[-1]
        if f.isascii():  # neither Arabic nor Vietnamese letters
            k = translit_key(last)
            if len(k) >= 3:
                lat.append(k)
        elif is_arabic(last):
            k = fold_arabic_key(last)
            if len(k) >= 3 and k not in _AR_COMMON_SURNAMES:
                ara.append(k)
        elif _VI_LETTER.search(f):
            lat.append("vi:" + unicodedata.normalize("NFC", last).lower())
            # a letter Vietnamese shares with French or Turkish (Idriss Déby, Ján Kubiš): also
            # by transliteration key, which a later "Deby" or "Kubis" is looked up under
            if not _VI_ONLY.search(f) and len(k := translit_key(last)) >= 3:
                lat.append(k)
        else:
            k = translit_key(last)
            if len(k) >= 3:
                lat.append(k)
    return tuple(lat), tuple(ara)


def _coref_maps(
    found: Iterable[PersonSel],
    gaz_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
    original_of: Callable[[int, int], str],
    first_names: bool = False,
    form_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
) -> tuple[dict[str, PersonSel], dict[str, PersonSel]]:
    """The Latin and the Arabic coreference keys of the persons ``found`` → the first person
    (in text order) that has each."""
    latin: dict[str, PersonSel] = {}
    arabic: dict[str, PersonSel] = {}
    known = form_keys or {}
    # A key goes to the first person that has it.  A form or an entry seen before gives the
    # keys it gave then, already taken: it is not looked at again.
    seen_forms: set[str] = set()
    seen_entries: set[str] = set()
    for p in sorted(found, key=_BY_START):
        written = original_of(p.start, p.end)
        if written not in seen_forms:
            seen_forms.add(written)
            got = known.get(written)
            lat, ara = coreference_keys((written,)) if got is None else got
            if first_names:
                words = written.split()
                if len(words) >= 2 and not is_arabic(words[0]) and len(words[0]) >= 3:
                    first = unicodedata.normalize("NFC", words[0]).lower()
                    if first not in _COMMON_FIRST_NAMES and first not in _PARTICLES:
                        lat = (*lat, "fn:" + first)
            for k in lat:
                latin.setdefault(k, p)
            for k in ara:
                arabic.setdefault(k, p)
        if p.entry is not None and p.entry.id not in seen_entries:
            seen_entries.add(p.entry.id)
            elat, eara = gaz_keys.get(p.entry.id, ((), ()))
            for k in elat:
                latin.setdefault(k, p)
            for k in eara:
                arabic.setdefault(k, p)
    return latin, arabic


def _coreference(
    norm: str,
    gaz_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
    found: list[PersonSel],
    original_of: Callable[[int, int], str],
    is_upper: Callable[[int], bool],
    toks: list[tuple[int, int, bool]],
    add: Callable[[int, int, PersonEntry | None, str], None],
    blocked: bytearray,
    in_place: bytearray,
    first_names: bool = False,
    form_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
) -> None:
    """Link later single-word mentions to persons named in full earlier.
    ``form_keys``: :func:`coreference_keys` of forms known in advance (a shortcut)."""
    latin, arabic = _coref_maps(found, gaz_keys, original_of, first_names, form_keys)
    if latin:
        get = latin.get
        # the first blocked and the first place position at or after the token's start
        # (tokens are sorted: refreshed only once the token passes them)
        next_blocked = next_place = -1
        n = len(norm)
        # a token at or before the first person named cannot be a later mention
        earliest = min(p.start for p in latin.values())
        for s, e, cap in toks[bisect.bisect_right(toks, earliest, key=_START) :]:
            if not cap:
                continue
            if next_blocked < s:
                next_blocked = blocked.find(1, s)
                if next_blocked == -1:
                    next_blocked = n + 1
            if next_place < s:
                next_place = in_place.find(1, s)
                if next_place == -1:
                    next_place = n + 1
            if next_blocked < e or next_place < e:  # in a date, title or place
                continue
            vi_key, fn_key, tr_key = _mention_keys(original_of(s, e))
            lp = get(vi_key)
            if lp is None and first_names:
                lp = get(fn_key)
            if lp is None and tr_key is not None:
                lp = get(tr_key)
            if lp is not None and lp.start < s:  # named in full before
                add(s, e, lp.entry, lp.name)
    if arabic and _AR_TOKEN.search(norm) is not None:  # (no Arabic word, no Arabic mention)
        for s in _arabic_candidates(norm, arabic):
            m = _AR_TOKEN.match(norm, s)
            if m is None:
                continue
            e = m.end()
            w = m.group()
            for pre in ("", "و", "ف", "ل", "ب", "وب", "ول"):
                if pre and not w.startswith(pre):
                    continue
                k = _drop_article(w[len(pre) :])  # w is normalised already: fold_arabic_key minus the work
                ap = arabic.get(k)
                if ap is not None and ap.start < s and 1 not in blocked[s + len(pre) : e]:
                    add(s + len(pre), e, ap.entry, ap.name)
                    break


_HEAD_LINE = 200  # characters: a longer line is a paragraph
_HEAD_REACH = 600  # characters: the head of a document ends before this


def _head_end(norm: str) -> int:
    """The start of the document's body: the head is the leading lines (headline, date,
    dateline) before the first line that is long or ends a sentence (0: no head, as in a
    text of one line)."""
    pos = 0
    n = len(norm)
    while pos < min(n, _HEAD_REACH):
        e = norm.find("\n", pos, pos + _HEAD_REACH)
        if e == -1:
            break
        line = norm[pos:e].strip()
        if line and (len(line) > _HEAD_LINE or line[-1] in ".!?؟"):
            break
        pos = e + 1
    return min(pos, _HEAD_REACH)


def _headline_coreference(
    norm: str,
    gaz_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]],
    found: list[PersonSel],
    original_of: Callable[[int, int], str],
    toks: list[tuple[int, int, bool]],
    add: Callable[[int, int, PersonEntry | None, str], None],
    blocked: bytearray,
    in_place: bytearray,
    form_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
) -> None:
    """Link the one-word mentions of the document's head (:func:`_head_end`: headline,
    dateline) to the persons the body names in full: an Arabic word by coreference key, a
    Latin capitalised word only when it is spelled as the last word of the full name (every
    word of a headline is capitalised)."""
    head_end = _head_end(norm)
    if head_end == 0:
        return
    later = [p for p in found if p.start >= head_end]
    if not later:
        return
    # Latin: the last word of each full name written in the body (the first person to end so)
    last: dict[str, PersonSel] | None = None
    for s, e, cap in toks[: bisect.bisect_left(toks, head_end, key=_START)]:
        if not cap or e - s < 4 or 1 in blocked[s:e] or 1 in in_place[s:e]:
            continue
        if last is None:  # (norm is case-folded NFC: its words compare case aside, marks kept)
            last = {}
            for p in sorted(later, key=_BY_START):
                written = norm[p.start : p.end]
                if " " in written:
                    last.setdefault(written[written.rfind(" ") + 1 :], p)
        lp = last.get(norm[s:e])
        if lp is not None:
            add(s, e, lp.entry, lp.name)
    # Arabic: by coreference key, as later mentions are
    if _AR_TOKEN.search(norm, 0, head_end) is not None:
        arabic = _coref_maps(later, gaz_keys, original_of, False, form_keys)[1]
        for m in _AR_TOKEN.finditer(norm, 0, head_end) if arabic else ():
            s, e, w = m.start(), m.end(), m.group()
            for pre in ("", "و", "ف", "ل", "ب", "وب", "ول"):
                if pre and not w.startswith(pre):
                    continue
                ap = arabic.get(_drop_article(w[len(pre) :]))
                if ap is not None and 1 not in blocked[s + len(pre) : e]:
                    add(s + len(pre), e, ap.entry, ap.name)
                    break


def _unknown_word_continues(norm: str, s: int, e: int, upper: bytearray) -> bool:
    """The word ``norm[s:e]`` begins a longer phrase: a Vietnamese body (Liên hợp quốc) or a
    capitalised, not all-capitals, word right after it (Gatti Street)."""
    if _VI_ORG_LEAD.match(norm, s) is not None:
        return True
    return (norm[e : e + 1] == " " and e + 2 < len(norm) and upper[e + 1] == 1 and upper[e + 2] == 0
            and norm[e + 2].isalpha())


@functools.lru_cache(maxsize=65536)
def _mention_keys(word: str) -> tuple[str, str, str | None]:
    """The keys :func:`_coreference` looks a one-word mention up under: by the word itself
    (Vietnamese), as a first name, and by transliteration key (``None`` for a word with a
    Vietnamese letter: tones tell Nga from Ngày)."""
    # an ASCII word has no Vietnamese letter and needs no NFC
    ascii_word = word.isascii()
    low = word.lower() if ascii_word else unicodedata.normalize("NFC", word).lower()
    translit = translit_key(word) if ascii_word or not _VI_LETTER.search(word) else None
    return "vi:" + low, "fn:" + low, translit


_START = itemgetter(0)
_BY_START = attrgetter("start")


def _is_ar_letter(c: str) -> bool:
    """``c`` is a letter of :data:`_AR_TOKEN`."""
    return "\u0621" <= c <= "\u064A"


# Above this many Arabic keys, every Arabic word of the text is tried instead (linear in the
# text whatever the number of persons found)
_MAX_KEY_SEARCHES = 48


def _arabic_candidates(norm: str, keys: Mapping[str, object]) -> Iterable[int]:
    """Starts of the Arabic words (:data:`_AR_TOKEN` matches) of ``norm`` that can be
    a coreference key with a clitic (و ف ل ب وب ول) and the article before it.

    A word matches a key only when it ends with the key and at most 4 letters (clitic and
    article) stand before it, so the few keys are looked for with ``str.find`` instead of
    trying every Arabic word of the text; with many keys, every word is returned."""
    if len(keys) > _MAX_KEY_SEARCHES:
        return [m.start() for m in _AR_TOKEN.finditer(norm)]
    n = len(norm)
    starts: set[int] = set()
    find = norm.find
    for k in keys:
        if not k:
            continue
        i = find(k)
        while i != -1:
            e = i + len(k)
            if e >= n or not _is_ar_letter(norm[e]):  # the word ends with the key
                s = i
                while s > 0 and i - s <= 4 and _is_ar_letter(norm[s - 1]):
                    s -= 1
                if s == 0 or not _is_ar_letter(norm[s - 1]):  # s starts the word
                    starts.add(s)
            i = find(k, i + 1)
    return sorted(starts)


def _entry_words_ar(entry: PersonEntry) -> frozenset[str]:
    """The normalised words of ``entry``'s Arabic names."""
    return _names_words_ar((entry.name, *entry.aliases, *entry.short))


@functools.lru_cache(maxsize=4096)
def _names_words_ar(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize_key(w) for f in forms if is_arabic(f) for w in f.split())


def _other_given_before(
    norm: str, s: int, entry: PersonEntry, given: frozenset[str], original_of: Callable[[int, int], str]
) -> int:
    """The start of an Arabic given name right before ``s`` that is none of ``entry``'s own
    names (-1 when there is none)."""
    if s < 3 or norm[s - 1] != " " or not _is_ar_letter(norm[s - 2]):
        return -1
    g = s - 2
    while g > 0 and _is_ar_letter(norm[g - 1]):
        g -= 1
    w = norm[g : s - 1]
    if (w in given and w not in _entry_words_ar(entry) and not w.startswith("ال") and w not in _AR_STOP
            and original_of(g, s - 1) not in _NOT_GIVEN_BEFORE):
        return g
    return -1


# first words of listed names that are ranks or honorifics, not given names (King Idris, Sheikh ...)
_NOT_GIVEN_LATIN = frozenset(
    """king queen prince princess sheikh shaikh emir amir sultan president general field marshal colonel
    saint pope lord sir lady dr mr mrs ms imam mullah ayatollah haji hajji""".split()
)


@functools.lru_cache(maxsize=4096)
def _names_keys_latin(forms: tuple[str, ...]) -> frozenset[str]:
    """The transliteration keys of the words of ``forms``' Latin names."""
    return frozenset(token_key(t) for f in forms if not is_arabic(f) for t in translit_tokens(f))


@functools.lru_cache(maxsize=16)
def _given_keys(forms: frozenset[str]) -> frozenset[str]:
    """The transliteration keys of a ``[[given]]`` list in Latin script (Jamal, Gamal, Djamel)."""
    return frozenset(token_key(fold_latin(f)) for f in forms)


def _other_latin_given_before(
    norm: str, s: int, entry: PersonEntry, given: frozenset[str], given_keys: frozenset[str], upper: bytearray,
    blocked: bytearray,
) -> int:
    """The start of a capitalised Latin given name right before the surname at ``s`` (an
    article "al-" / "el-" between them allowed) that is none of ``entry``'s own names (-1
    when there is none): "Jamal al-Treki" names someone else than Ali Abdussalam Treki."""
    p = s
    if p >= 4 and norm[p - 1] in "- " and norm[p - 3 : p - 1] in ("al", "el") and norm[p - 4] == " ":
        p -= 3
    if p < 3 or norm[p - 1] != " ":
        return -1
    b = p - 1
    a = b
    while a > 0 and b - a < 20 and norm[a - 1].isalpha():
        a -= 1
    if b - a < 3 or not upper[a] or blocked[a] or (a > 0 and (norm[a - 1].isalnum() or norm[a - 1] in "-'’")):
        return -1
    w = fold_latin(norm[a:b])
    k = token_key(w)
    if (w not in given and k not in given_keys) or k in _names_keys_latin((entry.name, *entry.aliases, *entry.short)):
        return -1
    return a


def _drop_article(w: str) -> str:
    """:func:`fold_arabic_key` of one word of the normalised text."""
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def keep_titles(keep: list[TitleSel], persons: list[PersonSel]) -> list[TitleSel]:
    """``keep`` (some of the titles, in order), with the persons' title indices renumbered
    to point into it (a person whose title was dropped has none)."""
    for p in persons:
        p.title = None
    for i, t in enumerate(keep):
        if t.person is not None:
            persons[t.person].title = i
    return keep


def attach(norm: str, titles: list[TitleSel], persons: list[PersonSel], place_spans: Sequence[tuple[int, int]]) -> None:
    """Attach each title to the person it introduces (or follows in apposition)."""
    filler: bytearray | None = None  # the places' positions, marked when first needed
    # the persons that date an office (an era) rather than hold one: from the cue to the name
    era_spans: list[tuple[int, int]] = []
    era_of: set[int] = set()
    cue_at = {m.end(): m.start() for m in _ERA_CUE.finditer(norm)}
    if cue_at:
        for pi, p in enumerate(persons):
            cs = cue_at.get(p.start)
            if cs is not None:
                era_spans.append((cs, p.end))
                era_of.add(pi)

    def only_filler(a: int, b: int) -> bool:
        """Between a title and its person (``a <= b``, not only spaces): light punctuation,
        places (the office's country), an era (``under Gaddafi``), honorifics and acronyms
        in brackets (GNA) only."""
        nonlocal filler
        if filler is None:
            filler = bytearray(len(norm) + 1)
            for s, e in place_spans:
                filler[s:e] = b"\x01" * (e - s)
                # "the mayor of Sabratha, Hussein al-Thwadi": "of" / "in" before a place too
                if s >= 4 and norm[s - 4 : s] in _OF_IN:
                    filler[s - 3 : s] = b"\x01\x01\x01"
            for s, e in era_spans:  # an era: "under Gaddafi", "في عهد القذافي"
                filler[s:e] = b"\x01" * (e - s)
        rest = norm[a:b]
        if 1 in filler[a:b]:  # a place stands for a space
            rest = "".join(" " if filler[i] else norm[i] for i in range(a, b))
        rest = _ACRONYM_GAP.sub(" ", rest)
        for w in _FILLER_WORD.findall(rest):
            if w not in _HONORIFICS:
                return False
        return _FILLER_CHARS.fullmatch(rest) is not None

    # persons do not overlap, so their starts and ends are both sorted: bisect instead of
    # scanning every person for every title (linear in the text, not quadratic)
    starts = [p.start for p in persons]
    ends = [p.end for p in persons]
    np_ = len(persons)
    used: set[int] = set()
    # the links find_persons made already (a name found after the body of its office)
    for pi, p in enumerate(persons):
        if p.title is not None and titles[p.title].person is None:
            titles[p.title].person = pi
            used.add(pi)
        else:
            p.title = None
    for ti, t in enumerate(titles):
        if t.person is not None:
            continue
        te = t.end
        pi = bisect.bisect_left(starts, te)
        # at most 60 characters between the title and its person
        while pi < np_ and (ps := starts[pi]) < te + 60:
            # (ps >= te: bisect_left) nothing or spaces only between them (the common case),
            # else only filler
            if pi not in used and pi not in era_of and (not norm[te:ps].strip(" ") or only_filler(te, ps)):
                p = persons[pi]
                t.person, p.title = pi, ti
                used.add(pi)
                break
            pi += 1
    # apposition: "Ayman Badea, Wakil Kepala ...", "محمد سيالة، وزير الخارجية"
    for ti, t in enumerate(titles):
        if t.person is not None:
            continue
        pi = bisect.bisect_right(ends, t.start) - 1
        if pi >= 0 and pi not in used and _APPOSITION_GAP.fullmatch(norm, persons[pi].end, t.start):
            t.person, persons[pi].title = pi, ti
            used.add(pi)


# While Libya had rival governments (2014–2016, 2022–), international news means the
# UN-recognised one by "Libya's foreign minister"; its holder is the default reading.
RECOGNISED_GOVERNMENTS = frozenset(
    {
        "National Transitional Council",
        "General National Congress",
        "Government of National Accord",
        "Government of National Unity",
        "Presidential Council",
    }
)


def infer_holder(gaz: Gazetteer, t: TitleSel, ref: datetime.date | None) -> PersonEntry | None:
    """Whoever held ``t``'s office (role, country, qualifier) on ``ref``, when exactly one did
    (or exactly one in a UN-recognised government, when rival governments each had one)."""
    if ref is None or t.country is None:
        return None
    found: list[tuple[PersonEntry, bool]] = []
    # only the persons who had this office at some time (their first office that holds on ref)
    for pe, offices in gaz.person_index.offices.get((t.role, t.country, t.qualifier), ()):
        for o in offices:
            if o.holds_on(ref):
                found.append((pe, o.organization in RECOGNISED_GOVERNMENTS))
                break
    if len(found) == 1:
        return found[0][0]
    recognised = [pe for pe, ok in found if ok]
    return recognised[0] if len(recognised) == 1 else None


def office_country(entry: PersonEntry | None, role: str, ref: datetime.date | None) -> str | None:
    """The country of ``entry``'s office with ``role`` (current on ``ref`` when several)."""
    if entry is None:
        return None
    cands = [o for o in entry.offices if o.role == role and o.country]
    if ref is not None:
        current = [o for o in cands if o.holds_on(ref)]
        cands = current or cands
    return cands[0].country if cands else None
