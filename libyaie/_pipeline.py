"""The pipeline: text layer → gazetteer scan → rules → resolution → :class:`Document`.

One :class:`Extractor` holds the gazetteer and the compiled rules; it has no
mutable state after construction, so one instance serves any number of threads.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime
import gc
import operator
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import regex

from . import _gazetteer, _regex_cache
from ._codes import LANGS
from ._gazetteer import Gazetteer
from ._lang import detect
from ._text import NormText, is_arabic, normalize, normalize_key
from ._vi_translit import phonetic_hits
from .model import DateMention, Document, Person, PersonMention, Place, PlaceMention, TitleMention
from .resolve.persons import (
    PersonSel,
    TitleSel,
    attach,
    find_persons,
    infer_holder,
    keep_titles,
    office_country,
)
from .resolve.places import PlaceSel, resolve_places
from .resolve.tense import ClauseCues, clause_cues
from .resolve.timex import DateSpec, resolve_in_text, share_headline_years, share_range_months
from .rules import _LIST_REF, _LISTS, Rule, alt, compile_pattern, pattern_reach, plain, rule_anchor_forms
from .rules import dates as date_rules
from .rules import titles as title_rules
from .rules.titles import TitleReading
from .rules.titles.coref import inherit_roles

__all__ = ["ExtractionError", "Extractor", "extract", "extract_many"]


class ExtractionError(Exception):
    """A per-record failure in batch mode; carries the index of the record."""

    def __init__(self, index: int, cause: BaseException):
        self.index = index
        self.cause = cause
        super().__init__(f"record {index}: {type(cause).__name__}: {cause}")

    def __reduce__(self) -> tuple[type[ExtractionError], tuple[int, BaseException]]:
        return (type(self), (self.index, self.cause))


_RANK_ROLES = frozenset({"general", "colonel"})
_CASED = _regex_cache.compile(r"[^\W\d_](?<=\p{Lu})")
# between a weekday and its date: "Thursday, Dec. 24", "hari Minggu (27/12)"; a time of day may
# stand after the weekday: "Minggu malam, 10 September", "Sunday night, Sept. 10"
_GAP_DM = _regex_cache.compile(
    r"[\s,،]{0,3}(?:(?:night|morning|evening|afternoon|malam|pagi|siang|sore|dini\s{1,2}hari)[\s,،]{1,3})?")
_COORD_GAP = _regex_cache.compile(r"\s{0,2}(?:,|،|/|-|–|و|and|or|dan|atau|hingga|sampai|và|hoặc|đến|to|until|الى|او)\s{0,2}")
_AGE_AFTER = _regex_cache.compile(r"\s{0,2}[,،)]")


def _appositive_age(nt: NormText, s: int, e: int, spec: DateSpec) -> bool:
    """Years set off by commas right after a name are the person's age: "Kubis, 68 tahun,
    adalah", "كوبيش، 68 عاما، هو" (not a duration)."""
    norm = nt.norm
    amount = spec.duration_amount
    if not (amount is not None and 15 <= amount <= 110 and s >= 3 and norm[s - 2] in ",،" and norm[s - 1] == " "
            and norm[s - 3].isalpha() and _AGE_AFTER.match(norm, e) is not None):
        return False
    i = s - 3
    while i > 0 and norm[i - 1].isalpha():
        i -= 1
    first = nt.original[nt.span(i, i + 1)[0]]
    return first.isupper() or is_arabic(first)  # a name: capitalised, or Arabic (no case)


_GAP_SPACE = _regex_cache.compile(r"[^\S\n]{1,2}")  # (stacked titles never span a line break)
_HEADCOUNT = _regex_cache.compile(r"(?<![\d.,/:\-])\d{1,3}\s{1,2}$")  # a count right before a noun
_GAP_WORD = _regex_cache.compile(r"[^\S\n]{1,2}[^\W\d_]{1,12}[^\S\n]{1,2}")
_LETTERS = _regex_cache.compile(r"[^\W\d_]+")
# between a title and the country it is of: "the interior minister of Libya" (not "to": the
# envoy to Libya is another country's)
_OF_PLACE = _regex_cache.compile(r"[^\S\n]{1,2}(?:of|for)[^\S\n]{1,2}(?:the[^\S\n]{1,2})?")
_BEFORE_TITLE = _regex_cache.compile(r"(?:'s|’s)?\s{1,2}")
# before a lowercase title, words that say it names a role ("elected as prime minister",
# "Haftar's spokesman", "vai trò chủ tọa")
_ROLE_CUES = _regex_cache.compile(r"(?:(?:sebagai|selaku|menjadi|làm|là|thành|vai trò|as|became|named|appointed)\s{1,2}|['’]s\s{1,2})$")
# offices held for another office: kept lowercase when a held office follows (see _filter_titles)
_RELATIONAL_ROLES = frozenset({"spokesperson"})
# two offices held at once, the holder named after the second: "phó thủ tướng kiêm Bộ trưởng",
# "wakil perdana menteri merangkap menteri luar negeri", "deputy prime minister and concurrently"
_CONCURRENTLY = _regex_cache.compile(r"[^\S\n]{1,2}(?:kiêm(?: nhiệm)?|merangkap|sekaligus|cum|and concurrently)[^\S\n]{1,2}")
# an acronym (no place: the title would have its country) right before a title
_ACRONYM_BEFORE = _regex_cache.compile(r"(?<![\w.])([a-z]{2,6})[^\S\n]{1,2}$")
_OF_GAP = _regex_cache.compile(r"[^\S\n]{1,2}(?:(?:for|of|to)[^\S\n]{1,2}(?:the[^\S\n]{1,2})?|của[^\S\n]{1,2}|باسم[^\S\n]{1,2})?")
# "of" / "for" (+ "the") after a lowercase English head, before the capitalised name of the
# body it heads or speaks for: "the head of the High National Election Commission", "a
# spokesman for Operation Volcano of Rage" (the body's first word is checked for a capital)
_OF_BODY = _regex_cache.compile(
    r"[^\S\n]{1,2}(?:for|of)[^\S\n]{1,2}(?:the[^\S\n]{1,2})?"
    # a lowercase word of the news about the body: "chairman of the ruling National Transitional Council"
    r"(?:(?:ruling|new|newly[^\S\n]formed|interim|rebel|rebels'|outgoing|rival|powerful|defunct|now-defunct)[^\S\n]{1,2})?"
    r"(?=[^\W\d_]{2})"
)
# an election noun right before a title: the office, not its holder (a candidate, "calon
# Perdana Menteri", is annotated as the office he is named for)
_ELECTION_BEFORE = _regex_cache.compile(
    r"(?<![\w])(?:pemilu|pemilihan|pilpres|bầu cử|tranh cử)\s{1,2}$"
)
# a title followed by "các nước", "nhiều quốc gia" names the office in many countries, no
# holder: "Ngoại trưởng các nước thành viên" (the member states' foreign ministers)
_MANY_COUNTRIES_AFTER = _regex_cache.compile(r"\s{1,2}(?:các|nhiều|những)\s{1,2}(?:nước|quốc\s{1,2}gia)(?![\w\u0300-\u036f])")
_BARE_GENERIC = frozenset({"head", "official", "leader", "commander", "president"})
# one-word ranks that are also everyday words (اللواء "the brigade", الفريق "the team", general)
_AMBIGUOUS_RANKS = frozenset(
    normalize_key(w) for w in ("اللواء", "لواء", "الفريق", "فريق", "general", "jenderal", "tướng")
)
# bare generic heads that are also everyday words (آمر folds to أمر "ordered", الآمر to الأمر "the
# matter"; رئيس "head/boss"): kept only with a portfolio, a person or a country.  Other bare
# heads stay (القائد / الزعيم naming Gaddafi, Chủ tịch, Tư lệnh, Ketua).
_AMBIGUOUS_BARE = frozenset(
    normalize_key(w) for w in ("رئيس", "آمر", "الآمر", "قائد", "زعيم", "head", "official", "chief", "leader", "president",
                               "commander", "Chairman")
)


class _Match(NamedTuple):  # (a named tuple: the cheapest record to build, one per rule match)
    start: int
    end: int
    rule: Rule
    value: Any


def _select(matches: list[_Match]) -> list[_Match]:
    """Non-overlapping matches: longest first, then rule priority, then leftmost.

    Linear in the total length of the candidates (an occupancy array, not pairwise checks)."""
    if not matches:
        return []
    taken = bytearray(max(m.end for m in matches) + 1)
    chosen: list[_Match] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, -m.rule.priority, m.start)):
        s, e = m.start, m.end
        if taken.find(1, s, e) >= 0:  # (find: no slice copied)
            continue
        chosen.append(m)
        taken[s:e] = b"\x01" * (e - s)
    chosen.sort(key=lambda m: m.start)
    return chosen


class Extractor:
    """Extraction with the built-in gazetteers, plus optional user gazetteer files (TOML,
    the format of ``docs/gazetteers.md``).  ``libyaie.extract`` uses a shared default."""

    def __init__(self, extra_gazetteers: Sequence[str | Path] = (), *, unlinked_places: bool = False):
        if not isinstance(unlinked_places, bool):
            raise TypeError(f"unlinked_places must be a bool, got {type(unlinked_places).__name__}")
        self._extra = tuple(Path(p) for p in extra_gazetteers)
        self._unlinked = unlinked_places
        self._own_places: frozenset[str] = frozenset()  # places the extra files add (reported even without an id)
        self._lock = threading.Lock()
        self._ready: tuple[Gazetteer, regex.Pattern[str], regex.Pattern[str], ClauseCues] | None = None
        self._anchors: Any = None  # the automaton of date and title anchor words
        self._bodies: tuple[regex.Pattern[str], dict[str, str]] | None = None  # see _title_bodies
        self._compiled: dict[tuple[str, str], list[Rule]] = {}
        self._lists: dict[tuple[str, frozenset[str]], list[Rule]] = {}  # (kind, languages) → rules
        self._readings: dict[str, _Reading] = {}  # gazetteer key → _reading of its candidates
        self._made = _Made()  # the result's Place and Person of each gazetteer entry

    def __getstate__(self) -> dict[str, Any]:
        return {"extra": self._extra, "unlinked_places": self._unlinked}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["extra"], unlinked_places=state.get("unlinked_places", False))  # type: ignore[misc]

    # -- lazy build ---------------------------------------------------------------------
    def _build(self) -> tuple[Gazetteer, regex.Pattern[str], regex.Pattern[str], ClauseCues]:
        ready = self._ready
        if ready is not None:
            return ready
        with self._lock:
            if self._ready is None:
                gaz = _gazetteer.get() if not self._extra else _gazetteer.load(extra=self._extra)
                if self._extra:
                    self._own_places = frozenset(gaz.places.keys() - _gazetteer.get().places.keys())
                mods: list[str] = []
                rel: dict[str, list[str]] = {"yesterday": [], "today": [], "tomorrow": [], "day-before-yesterday": [],
                                             "day-after-tomorrow": []}
                for lang in LANGS:
                    t = gaz.dates.get(lang)
                    if t:
                        for fn in ("start", "mid", "end", "approx"):
                            mods.extend(t.words.get(fn, ()))
                        for fn in rel:
                            rel[fn].extend(t.words.get(fn, ()))
                mod_re = compile_pattern(
                    rf"(?:^|(?<=[^\w]))(?P<mod>{alt(mods)})[\s\-]{{0,2}}(?:(?:من|the|of\s{{1,2}}the)\s{{1,2}})?$"
                )
                reld_re = compile_pattern(
                    rf"(?:^|(?<=[^\w]))(?:(?P<before>{alt(rel['day-before-yesterday'])})|(?P<after>{alt(rel['day-after-tomorrow'])})"
                    rf"|(?P<yesterday>{alt(rel['yesterday'])})|(?P<today>{alt(rel['today'])})"
                    rf"|(?P<tomorrow>{alt(rel['tomorrow'])}))\s{{0,2}}[,،(]?\s{{0,2}}$"
                )
                self._anchors = _anchor_automaton(_date_anchor_forms(gaz), _title_anchor_forms(gaz))
                self._bodies = _body_pattern(gaz)
                self._ready = (gaz, mod_re, reld_re, clause_cues(t.words for t in gaz.dates.values()))
                _regex_cache.save()
            return self._ready

    def _rules(self, kind: str, langs: Iterable[str]) -> list[Rule]:
        """The compiled rules of ``kind`` for ``langs``, compiled on first need (a document
        in one script never pays for compiling the others' rules)."""
        gaz = self._build()[0]
        out: list[Rule] = []
        for lang in sorted(langs):
            key = (kind, lang)
            rules = self._compiled.get(key)
            if rules is None:
                with self._lock:
                    rules = self._compiled.get(key)
                    if rules is None:
                        if kind == "date":
                            rules = date_rules.build_lang(gaz.dates, lang) if lang in date_rules.BY_LANG else []
                            rules = [attrs.evolve(r, anchors=_rule_anchors(r, self._anchors),
                                                  margins=_rule_margins(r, _DATE_MARGINS)) for r in rules]
                        else:
                            rules = title_rules.build_lang(gaz.titles, lang)
                            rules = [attrs.evolve(r, anchors=(None, 0), margins=_rule_margins(r, _TITLE_MARGINS))
                                     for r in rules]
                        self._compiled[key] = rules
                        _regex_cache.save()
            out.extend(rules)
        return out

    def _rule_list(self, kind: str, langs: frozenset[str]) -> list[Rule]:
        """:meth:`_rules` for a set of languages, kept per set (documents share a few sets)."""
        key = (kind, langs)
        got = self._lists.get(key)
        if got is None:
            got = self._lists[key] = self._rules(kind, langs)
        return got

    @property
    def gazetteer(self) -> Gazetteer:
        return self._build()[0]

    # -- public ---------------------------------------------------------------------------
    def extract(self, text: str, *, reference_date: datetime.date | None = None) -> Document:
        """Extract dates, places, titles and persons from one article."""
        if not isinstance(text, str):
            raise TypeError(f"extract() expects text of type str, got {type(text).__name__}")
        if reference_date is not None and not isinstance(reference_date, datetime.date):
            raise TypeError(f"reference_date must be a datetime.date or None, got {type(reference_date).__name__}")
        if isinstance(reference_date, datetime.datetime):
            reference_date = reference_date.date()
        if not text:
            return Document(text=text, lang="und", reference_date=reference_date,
                            reference_date_source="given" if reference_date else None)
        if len(text) < _GC_PAUSE_CHARS:
            return self._extract(text, reference_date)
        with _gc_paused():
            return self._extract(text, reference_date)

    def _extract(self, text: str, reference_date: datetime.date | None) -> Document:
        gaz, mod_re, reld_re, cues = self._build()
        nt = normalize(text)
        norm = nt.norm
        lang = detect(norm)
        scripts = _scripts(norm)
        date_anchors, title_anchors = _find_anchors(norm, self._anchors, digits=True)
        date_langs, title_langs = date_anchors.langs, title_anchors.langs
        # a language's rules run when the document is in that language or holds its vocabulary
        # (a month name, a weekday, a title head of that language), and its script is present;
        # when the language is unknown (a snippet), every language of the scripts present
        if lang == "und":
            drules, trules = self._rule_list("date", scripts), self._rule_list("title", scripts)
        else:
            drules = self._rule_list("date", scripts & ({"*", lang} | date_langs))
            trules = self._rule_list("title", scripts & ({lang} | title_langs))

        # ---- dates
        date_matches = _foreign_weekday_names(self._run(drules, nt, date_anchors), nt, lang)
        ref = reference_date
        source = "given" if ref is not None else None
        if ref is None:
            ref = _dateline(date_matches, nt)
            if ref is not None:
                source = "dateline"
        dates = self._dates(date_matches, nt, ref, mod_re, reld_re, cues)

        # ---- titles
        titles = self._titles(trules, nt, title_anchors)

        # ---- gazetteer: places and persons
        date_block = bytearray(len(norm) + 1)
        for d in date_matches:
            date_block[d.start : d.end] = b"\x01" * (d.end - d.start)
        hits = gaz.scan(norm)
        upper = nt.upper_mask()
        if lang == "vi" and gaz.vi_index:
            hits.extend(_phonetic_hits(gaz, norm, upper, hits))
        place_hits, person_hits = _split_hits(hits, date_block, self._readings)
        nlen = len(norm)

        def is_upper(i: int) -> bool:
            return 0 <= i < nlen and upper[i] == 1

        if nt.identity:
            def original_of(s: int, e: int) -> str:
                return text[s:e]
        else:
            def original_of(s: int, e: int) -> str:
                os_, oe = nt.span(s, e)
                return text[os_:oe]

        cased = _CASED.search(text) is not None

        place_sels = resolve_places(norm, place_hits, gaz.places, [(t.start, t.end) for t in titles], is_upper, cased)

        blocked = bytearray(len(norm) + 1)
        for s, e in [(t.start, t.end) for t in titles]:
            blocked[s:e] = b"\x01" * (e - s)
        for d in date_matches:
            blocked[d.start : d.end] = b"\x01" * (d.end - d.start)
        persons = find_persons(
            norm,
            original_of,
            upper,
            gaz,
            person_hits,
            blocked,
            titles,
            [(p.start, p.end) for p in place_sels],
            cased,
            first_names=lang == "id",
        )
        # a place inside a known person's name is part of the name (Abu Yahya al-Libi)
        known = bytearray(len(norm) + 1)
        for q in persons:
            if q.entry is not None:
                known[q.start : q.end] = b"\x01" * (q.end - q.start)
        place_sels = [p for p in place_sels if not any(known[p.start : p.end])]
        bodies = _title_bodies(norm, titles, self._bodies)
        attach(norm, titles, persons, [(p.start, p.end) for p in place_sels] + bodies)
        titles = inherit_roles(norm, titles, persons)
        self._title_countries(norm, titles, persons, place_sels, ref)
        titles = self._filter_titles(titles, persons, norm, lambda i: text[nt.orig_index(i)])
        for t in titles:
            if t.person is None:
                t.inferred = infer_holder(gaz, t, ref)
        if not self._unlinked:
            # a built-in place with no GeoNames id (an air base, an oil field, a historical
            # region) has taken part in every decision above, but is reported only when asked
            # for; the places of the user's own gazetteer files always are
            own = self._own_places
            place_sels = [p for p in place_sels if p.place.geonames_id is not None or p.place.id in own]
        return _document(text, nt, lang, ref, source, dates, place_sels, titles, persons, self._made)

    # -- steps ----------------------------------------------------------------------------
    @staticmethod
    def _run(rules: Sequence[Rule], nt: NormText, anchors: _Anchors) -> list[_Match]:
        """Each rule over the windows of its own anchors (the anchor words its pattern can
        contain, see :func:`_rule_anchors`), or of every anchor when it has none."""
        out: list[_Match] = []
        if not anchors.hits and not anchors.digits and not FULL_SCAN:
            return out  # no anchor and no number: every rule's windows are empty
        norm = nt.norm
        text = nt.original
        windows = anchors.windows
        new_match = tuple.__new__  # _Match(...) without the Python-level __new__ of a NamedTuple
        std = plain(norm)  # the engine is chosen once for the text (see rules._TwoEngines)
        for rule in rules:
            forms, digits = rule.anchors
            wins = windows(forms, digits, rule.margins)
            if not wins:
                continue
            pat = rule.pattern
            finditer = ((std and getattr(pat, "std", None)) or pat).finditer
            build, accept = rule.build, rule.accept
            for ws, we in wins:
                for m in finditer(norm, ws, we):
                    s, e = m.span()
                    if e <= s:
                        continue
                    value = build(m)
                    if value is None:
                        continue
                    if accept is not None:
                        os_, oe = nt.span(s, e)
                        if not accept(text[os_:oe]):
                            continue
                    out.append(new_match(_Match, (s, e, rule, value)))
        return _select(out)

    @staticmethod
    def _dates(
        matches: list[_Match],
        nt: NormText,
        ref: datetime.date | None,
        mod_re: regex.Pattern[str],
        reld_re: regex.Pattern[str],
        cues: ClauseCues,
    ) -> list[tuple[int, int, DateSpec, str]]:
        norm = nt.norm
        merged: list[tuple[int, int, DateSpec, str]] = []
        i = 0
        while i < len(matches):
            m = matches[i]
            spec: DateSpec = m.value
            s, e, name = m.start, m.end, m.rule.name
            # weekday followed by its date: "hari Minggu (27/12)", "Thursday, Dec. 24"
            if spec.weekday is not None and spec.day is None and i + 1 < len(matches):
                n = matches[i + 1]
                nspec: DateSpec = n.value
                if nspec.day is not None and _GAP_DM.fullmatch(norm, e, n.start):
                    spec, e, name = nspec, n.end, n.rule.name
                    i += 1
            # "غدا الجمعة", "hôm qua (thứ Hai)": the relative day word decides the date
            if spec.weekday is not None and spec.day is None:
                rm = reld_re.search(norm, max(0, s - 25), s)
                if rm is not None:
                    off = (-2 if rm["before"] else 2 if rm["after"] else -1 if rm["yesterday"]
                           else 1 if rm["tomorrow"] else 0)
                    spec = attrs.evolve(spec, weekday=None, direction=0, rel_unit="D", rel_offset=off)
                    s = rm.start()
            # years after an age word are a person's age: "berusia 57 tahun", "aged 57 years"
            if spec.duration_unit == "Y" and (cues.age_before(norm, s) or _appositive_age(nt, s, e, spec)):
                i += 1
                continue
            # a modifier before the date: مطلع يونيو, cuối năm 2021, early December → START/MID/END;
            # khoảng, sekitar, نحو, about → APPROX (the only modifier a duration takes)
            mm = mod_re.search(norm, max(0, s - 30), s)
            if mm is not None:
                mod = _mod_value(mm["mod"])
                if spec.duration_unit is None or mod == "APPROX":
                    if (mm["mod"] in _WEEK_END_WORDS and spec.rel_unit == "W" and spec.weekday is None
                            and not spec.weekend):
                        spec = attrs.evolve(spec, weekend=True)  # akhir pekan, cuối tuần: the weekend
                    else:
                        spec = attrs.evolve(spec, mod=mod)
                    s = mm.start("mod")
            # an unmarked weekday or day-month in a future clause is the one after the reference
            # date: "talks will resume on Thursday", "سيعقد المجلس جلسة يوم الخميس" (the
            # reference date's own weekday or day stays that day: "later on Wednesday")
            if (ref is not None and spec.direction == 0 and spec.year is None and spec.rel_unit is None
                    and spec.duration_unit is None and not spec.anaphoric and spec.calendar == "gregorian"
                    and ((spec.weekday is not None and spec.day is None and spec.weekday != ref.isoweekday())
                         or (spec.month is not None and spec.day is not None
                             and (spec.month, spec.day) != (ref.month, ref.day))
                         or (spec.month is not None and spec.day is None and spec.weekday is None
                             and spec.month != ref.month))
                    and cues.future_before(norm, s, weekday=spec.day is None and spec.weekday is not None)):
                spec = attrs.evolve(spec, direction=1)
            # the relative-day word or modifier taken in front may itself be a date already
            # ("Kemarin (Minggu 27/12)"): the longer reading replaces it (found by fuzzing)
            while merged and merged[-1][1] > s:
                merged.pop()
            merged.append((s, e, spec, name))
            i += 1
        # coordinated months share the year named after the last one: "شتنبر وأكتوبر 2020",
        # "September and October 2020", "tháng 9 và tháng 10/2020"
        for k in range(len(merged) - 2, -1, -1):
            s, e, spec, name = merged[k]
            nxt = merged[k + 1][2]
            if (spec.year is None and spec.month is not None and spec.day is None and spec.calendar == "gregorian"
                    and spec.rel_unit is None and spec.direction == 0 and not spec.anaphoric
                    and nxt.year is not None and nxt.month is not None and nxt.calendar == "gregorian"
                    and _COORD_GAP.fullmatch(norm, e, merged[k + 1][0]) is not None):
                merged[k] = (s, e, attrs.evolve(spec, year=nxt.year), name)
            # and coordinated weekdays share the direction named after the last one:
            # "السبت والأحد المقبلين", "Saturday and Sunday next"
            elif (spec.weekday is not None and spec.day is None and spec.direction == 0 and spec.rel_unit is None
                    and nxt.weekday is not None and nxt.day is None and nxt.direction != 0
                    and _COORD_GAP.fullmatch(norm, e, merged[k + 1][0]) is not None):
                merged[k] = (s, e, attrs.evolve(spec, direction=nxt.direction), name)
        # a headline's "Pemilu 10 Desember" takes the year of the body's "10 Desember 2018"
        return share_headline_years(share_range_months(merged, norm), norm, ref)

    @staticmethod
    def _titles(rules: Sequence[Rule], nt: NormText, anchors: _Anchors) -> list[TitleSel]:
        matches = Extractor._run(rules, nt, anchors)
        out: list[TitleSel] = []
        norm = nt.norm
        for m in matches:
            r: TitleReading = m.value
            if (norm[m.end - 1] == "ا" and is_arabic(norm[m.start : m.end])
                    and _HEADCOUNT.search(norm, max(0, m.start - 8), m.start) is not None):
                continue  # a number of them (the counted noun in the accusative), not an office: "26 وزيرا"
            if out:
                prev = out[-1]
                # code-mixed or stacked titles are one title: "Thứ trưởng Ngoại giao Nga Minister"
                gap = norm[prev.end : m.start]
                gap_ok = _GAP_SPACE.fullmatch(gap) is not None or (
                    _GAP_WORD.fullmatch(gap) is not None
                    and nt.original[nt.orig_index(prev.end + len(gap) - len(gap.lstrip()))].isupper()
                )
                if gap_ok and (prev.role == r.role or r.role in ("minister", "official", "head")):
                    prev.end = m.end
                    continue
            os_, oe = nt.span(m.start, m.end)
            words = _LETTERS.findall(nt.original, os_, oe)
            # a lowercase title: its head is not capitalised ("phó thủ tướng"; not "cựu Thủ tướng")
            head_word = words[min(r.modifiers, len(words) - 1)] if words else ""
            bare_lower = bool(words) and not is_arabic(words[0]) and not head_word[:1].isupper() and (
                len(words) == 1 or m.rule.lang in ("vi", "id")
            )
            sel = TitleSel(m.start, m.end, r.role, r.qualifier, r.country, r.organization, r.head,
                           r.has_portfolio, bare_lower)
            sel.role_cue = _ROLE_CUES.search(norm, max(0, m.start - 20), m.start) is not None
            sel.role_in = r.role_in
            out.append(sel)
        return out

    @staticmethod
    def _title_countries(
        norm: str, titles: list[TitleSel], persons: list[PersonSel], places: list[PlaceSel], ref: datetime.date | None
    ) -> None:
        starts = [p.start for p in places]
        ends = [p.end for p in places]
        for t in titles:
            if t.country:
                continue
            # a place right after the title: "وزير الخارجية المصري", "Ngoại trưởng Nga"
            k = bisect.bisect_left(starts, t.end)
            if k < len(places) and (places[k].start - t.end <= 3
                                    or _OF_PLACE.fullmatch(norm, t.end, places[k].start) is not None):
                t.country = places[k].place.country or None
                continue
            # right before it: "Egyptian Foreign Minister", "U.S. ambassador", "Libya's interior minister"
            k = bisect.bisect_right(ends, t.start) - 1
            if k >= 0:
                p = places[k]
                if _BEFORE_TITLE.fullmatch(norm, p.end, t.start) and (
                    p.form == "adjective" or not is_arabic(norm[t.start : t.end])
                ):
                    t.country = p.place.country or None
                    continue
            if t.person is not None:
                t.country = office_country(persons[t.person].entry, t.role, ref)

    @staticmethod
    def _filter_titles(titles: list[TitleSel], persons: list[PersonSel], norm: str, original: Callable[[int], str]
                       ) -> list[TitleSel]:
        keep: list[TitleSel] = []
        for k, t in enumerate(titles):
            if (t.role == "president" and t.country is None
                    and (acr := _ACRONYM_BEFORE.search(norm, max(0, t.start - 9), t.start)) is not None
                    and all(original(i).isupper() for i in range(acr.start(1), acr.end(1)))):
                t.role = "head"  # the president of a body named by its acronym: "CAF President Issa Hayatou"
            if t.start and _ELECTION_BEFORE.search(norm, max(0, t.start - 16), t.start) is not None:
                continue  # the office an election fills, not a holder: "Pemilu Presiden", "bầu cử Tổng thống"
            if t.person is None and _MANY_COUNTRIES_AFTER.match(norm, t.end) is not None:
                continue
            if t.role in _RANK_ROLES and t.person is None and t.head in _AMBIGUOUS_RANKS:
                continue  # "اللواء 444" is a brigade, "general" an adjective; "Lt. Gen.", "العقيد" stay
            vague = (t.role in _BARE_GENERIC and t.head in _AMBIGUOUS_BARE and not t.has_portfolio and t.person is None
                     and t.country is None)
            if t.bare_lower and t.person is None and t.country is None and not t.role_cue:
                # a spokesperson of the office that follows speaks for it: "juru bicara
                # Marsekal Khalifa Haftar", "the spokesman for Field Marshal Haftar"
                nxt = titles[k + 1] if k + 1 < len(titles) else None
                if (nxt is not None and (nxt.person is not None or nxt.country is not None)
                        and ((t.role in _RELATIONAL_ROLES and _OF_GAP.fullmatch(norm, t.end, nxt.start) is not None)
                             or _CONCURRENTLY.fullmatch(norm, t.end, nxt.start) is not None)):
                    # (or two offices of one holder: "phó thủ tướng kiêm Bộ trưởng Nội vụ Angelino Alfano")
                    t.country = nxt.country
                elif not _heads_named_body(norm, t, original, nxt, persons):
                    continue  # "general election", "the head of": a lowercase title needs a person, a country or a cue
            elif vague and not _heads_named_body(norm, t, original, titles[k + 1] if k + 1 < len(titles) else None,
                                                 persons):
                continue
            elif t.bare_lower and t.person is not None:
                # a named holder too: "Mustafa Abdul Jalil, chairman of the ruling National
                # Transitional Council" (the title spans the body; a council's head chairs it)
                _heads_named_body(norm, t, original, titles[k + 1] if k + 1 < len(titles) else None, persons)
            keep.append(t)
        return keep_titles(keep, persons)


_BODY_WORD = _regex_cache.compile(r"[^\S\n]{0,2}([^\W\d_][\w'’\-]*)")
_BODY_LINKS = frozenset({"of", "for", "and", "the", "on", "al", "el"})
_COUNCIL_WORDS = frozenset({"council", "commission", "board", "committee"})
# the lowercase heads that name an office by the body after them ("director of" a film, "head
# of" many things: only these)
_BODY_HEADS = frozenset({"head", "chairman", "chairwoman", "chairperson", "chair", "chief", "leader", "spokesman",
                         "spokeswoman", "spokesperson"})


def _heads_named_body(norm: str, t: TitleSel, original: Callable[[int], str], nxt: TitleSel | None,
                      persons: Sequence[PersonSel] = ()) -> bool:
    """A lowercase one-word English head followed by "of" / "for" and a capitalised name is
    the office of that body: "the head of the High National Election Commission", "a
    spokesman for Operation Volcano of Rage" (not "the head of state", "the leader of an
    armed group").  The title then spans the body's name, and a head of a council,
    commission, board or committee is its chair (``council_chair``).  Not when another
    title follows ("the spokesman for Field Marshal Haftar"): that office is the body; and
    the title does not run over a person named there ("a spokesman for Khalifa Haftar")."""
    if t.head not in _BODY_HEADS:
        return False
    m = _OF_BODY.match(norm, t.end)
    if m is None or not original(m.end()).isupper() or (nxt is not None and nxt.start == m.end()):
        return False
    end, pending = t.end, m.end()  # the end of the body's last capitalised word / of the words read
    stop = min((p.start for p in persons if p.start >= pending), default=len(norm))
    last = ""
    for _ in range(10):
        w = _BODY_WORD.match(norm, pending)
        if w is None:
            break
        if w.end() > stop:
            break
        if original(w.start(1)).isupper():
            end = pending = w.end()
            last = w.group(1)
        elif w.group(1) in _BODY_LINKS:
            pending = w.end()
        else:
            break
    if nxt is not None and end > nxt.start:
        return False
    t.end = end
    if t.role == "head" and last in _COUNCIL_WORDS:
        t.role = "council_chair"
    return True


# ---------------------------------------------------------------------------- bodies after a title

# between a complete title and the body it serves in: "interior minister of the Government of
# National Accord", "وزير الداخلية بحكومة الوفاق" / "في حكومة الوفاق", "Bộ trưởng Nội vụ Chính
# phủ Đoàn kết Dân tộc", "Menteri Dalam Negeri Pemerintah Kesepakatan Nasional (GNA)"
_BODY_LEAD = (r"(?:[^\S\n]{0,2}[,(][^\S\n]{0,2}|[^\S\n]{1,2}(?:(?:of|in|for|at|của|thuộc|trong|di|dalam|dari|في|لدى)"
              r"[^\S\n]{1,2})?)(?:the[^\S\n]{1,2})?(?:[بل](?=\w))?")
_BODY_TAIL = _regex_cache.compile(r"[^\S\n]{0,2}\([^\W_]{2,6}\)")  # its acronym in brackets: (GNA)


def _body_pattern(gaz: Gazetteer) -> tuple[regex.Pattern[str], dict[str, str]] | None:
    """The title portfolios that name a body of one country (Libya's governments by name,
    its army): a pattern of them after a title's end, and each form's country."""
    country: dict[str, str] = {}
    for piece in (pc for pieces in gaz.titles.values() for pc in pieces):
        if piece.kind == "portfolio" and piece.country:
            for f in piece.forms:
                k = normalize_key(f)
                if k:
                    country.setdefault(k, piece.country)
    if not country:
        return None
    return compile_pattern(rf"{_BODY_LEAD}(?P<body>{alt(country, normalise=False)})(?![\w\u0300-\u036f])"), country


def _title_bodies(
    norm: str, titles: list[TitleSel], bodies: tuple[regex.Pattern[str], dict[str, str]] | None
) -> list[tuple[int, int]]:
    """A complete title followed by the name of a body of one country takes that country,
    and the body's span (with what leads to it) may stand between the title and its person."""
    if bodies is None:
        return []
    pattern, country = bodies
    out: list[tuple[int, int]] = []
    for t in titles:
        m = pattern.match(norm, t.end)
        if m is None:
            continue
        if t.country is None:
            t.country = country.get(m["body"])
        e = m.end()
        tail = _BODY_TAIL.match(norm, e)
        out.append((t.end, tail.end() if tail is not None else e))
    return out


# ---------------------------------------------------------------------------- anchor windows
#
# Every date match contains a core token (a digit, or a month, weekday, unit, relative-day,
# season, decade or quarter word) and every title contains a head word.  One Aho-Corasick
# pass finds those anchors; the rule regexes then run only in merged windows around them
# instead of being tried at every position of the text.  A rule's window around an anchor
# spans its pattern's reach (its longest match before the anchor, the furthest character
# it looks at after it: ``pattern_reach``), at most the kind's default margins below; a
# window cut by those margins never ends inside a word.

# the default margins, characters around an anchor that a match can reach: a date's words
# sit close to its anchors (ngày 27 tháng 12 năm 2020); a title's portfolio can be long
# (Menteri Koordinator Bidang Politik, Hukum dan Keamanan)
_DATE_MARGINS = (32, 40)
_TITLE_MARGINS = (60, 80)
_DIGITS = _regex_cache.compile(r"\d+")
# the Arabic decade nouns, …ينيات and …ينات (ثمانينيات, ثمانينات), as rules/dates/ar.py reads them
_AR_DECADES = tuple(stem + suffix for stem in ("عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين")
                    for suffix in ("يات", "ات"))
_DATE_ANCHOR_FUNCTIONS = (
    "yesterday", "today", "today-dated", "tomorrow", "day-before-yesterday", "day-after-tomorrow", "next-day",
    "previous-day", "week", "month-word",
    "year-word", "decade-word", "century-word", "quarter-word", "half-word", "season-spring", "season-summer",
    "season-autumn", "season-winter", "weekend",
)


_LANG_BIT = {lang: 1 << i for i, lang in enumerate(LANGS)}


_ANCHOR = 1 << len(LANGS)  # set in a mask when the form is an anchor at all (its languages aside)


def _anchor_automaton(date_forms: Iterable[tuple[str, str]], title_forms: Iterable[tuple[str, str]]) -> Any:
    """One automaton of the date and the title anchor words (one pass finds both):
    normalised form → (length, date mask, title mask, form), a mask holding the bits of the
    form's languages and ``_ANCHOR`` (0 when the form is not an anchor of that kind)."""
    import ahocorasick

    masks: dict[str, list[int]] = {}
    for i, forms in enumerate((date_forms, title_forms)):
        for lang, f in forms:
            k = normalize_key(f)
            if k:
                masks.setdefault(k, [0, 0])[i] |= _LANG_BIT.get(lang, 0) | _ANCHOR
    a = ahocorasick.Automaton()
    for k, (dmask, tmask) in masks.items():
        a.add_word(k, (len(k), dmask, tmask, k))
    if len(a) == 0:
        a.add_word("\x00", (1, 0, 0, "\x00"))
    a.make_automaton()
    return a


def _is_date_anchor(automaton: Any, form: str) -> bool:
    return bool(automaton.exists(form) and automaton.get(form)[1])


def _date_anchor_forms(gaz: Gazetteer) -> list[tuple[str, str]]:
    forms: list[tuple[str, str]] = [("ar", f) for f in _AR_DECADES]
    idt = gaz.dates.get("id")
    if idt is not None:
        forms.extend(("id", "se" + u) for u in idt.units)  # setahun, sebulan: the prefix se- is "one"
    for lang, t in gaz.dates.items():
        for table in t.months.values():
            forms.extend((lang, f) for f in table)
        forms.extend((lang, f) for f in t.weekdays)
        forms.extend((lang, f) for f in t.units)
        forms.extend((lang, f) for f in t.dual_units)
        for fn in _DATE_ANCHOR_FUNCTIONS:
            forms.extend((lang, f) for f in t.words.get(fn, ()))
    return forms


def _title_anchor_forms(gaz: Gazetteer) -> list[tuple[str, str]]:
    # Arabic portfolios carry a contracted preposition (للجيش), and so may a definite head (للمشير)
    return [(p.lang, f) for pieces in gaz.titles.values() for p in pieces if p.kind == "head" for f in title_rules.head_forms(p)]


_HAS_ARABIC = _regex_cache.compile(r"[\u0600-\u06FF]")
_HAS_LATIN = _regex_cache.compile(r"[a-z]")
_HAS_VI = re.compile(  # the standard library scans a long class far faster
    r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữự]")


def _scripts(norm: str) -> frozenset[str]:
    """Which languages' rules can match at all: Arabic rules need Arabic letters, Vietnamese
    rules Vietnamese letters, English/Indonesian rules Latin letters; shared rules always run."""
    out = {"*"}
    if _HAS_ARABIC.search(norm):
        out.add("ar")
    if _HAS_LATIN.search(norm):
        out.update(("en", "id"))
    if _HAS_VI.search(norm):
        out.update(("vi", "en", "id"))
    return frozenset(out)


# a digit class, or a literal digit in a character class (``[12]``); the hex digits of a
# code-point escape (``[\w\u0300-\u036f]``) are not digits of the text
_DIGIT_IN_PATTERN = _regex_cache.compile(r"\\d|\[[^\]]*[0-9]")
_CODE_POINT_ESCAPE = _regex_cache.compile(r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2})")


def _rule_anchors(rule: Rule, automaton: Any) -> tuple[frozenset[str] | None, int]:
    """The anchor words a date rule's matches contain, and the shortest number (in digits)
    around which the rule must also run (0: none).

    A rule that declares its anchor (``compile_rule(..., anchor=(MONTH,))``: every match
    contains one of those words) runs around those words only, numbers or not, when all of
    them are anchor words; one that declares ``anchor_digits=4`` (every match contains a
    number of four digits or more) runs around such numbers only.  Otherwise: the anchor
    forms of the word lists its pattern uses, plus every number when the pattern can match
    a digit.  ``(None, 1)`` (every anchor and number) when its lists hold no anchor word,
    or when a match of one of its own examples contains none of the anchors (a list was
    optional, a declaration wrong): the windows never lose a match the rule's examples
    show.  A rule with digits and no anchor list runs around numbers only."""
    declared = frozenset(rule_anchor_forms(rule))
    forms: frozenset[str]
    if declared and all(_is_date_anchor(automaton, f) for f in declared):
        forms, digits = declared, 0
    elif rule.anchor_digits and not rule.anchor:
        forms, digits = frozenset(), rule.anchor_digits
    else:
        names = set(_LIST_REF.findall(rule.source))
        forms = frozenset(f for n in names for f in _LISTS[n] if _is_date_anchor(automaton, f))
        digits = 1 if _DIGIT_IN_PATTERN.search(_CODE_POINT_ESCAPE.sub("", rule.source)) is not None else 0
    if not forms and not digits:
        return None, 1
    for ex in rule.examples:
        norm = normalize(ex.text).norm
        hits = _find_anchors(norm, automaton, digits=digits > 0)[0]
        spans = [(s, e) for s, e, k in hits.hits if k in forms] + [(s, e) for s, e in hits.digits if e - s >= digits]
        for m in rule.pattern.finditer(norm):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                return None, 1
    return forms, digits


def _rule_margins(rule: Rule, default: tuple[int, int]) -> tuple[int, int]:
    """The characters before and after an anchor that a rule's windows must span: the
    pattern's reach (its longest match before, its furthest look after; see
    :func:`~libyaie.rules.pattern_reach`), never more than the kind's default margins."""
    # (case folding could match one character with two: no reach for a case-blind pattern)
    reach = None if rule.pattern.flags & regex.IGNORECASE else pattern_reach(rule.source or rule.pattern.pattern)
    if reach is None:
        return default
    return min(reach[0], default[0]), min(reach[1], default[1])


FULL_SCAN = False
"""Tests set this to run every rule over the whole text (the windows must change nothing)."""


def _find_anchors(norm: str, automaton: Any, *, digits: bool) -> tuple[_Anchors, _Anchors]:
    """The date anchors (with the numbers when ``digits``) and the title anchors of a
    normalised text, found in one pass of the anchor automaton."""
    n = len(norm)
    date_hits: list[tuple[int, int, str]] = []
    title_hits: list[tuple[int, int, str]] = []
    dmask = tmask = 0
    if automaton is not None and n:
        for end_idx, (length, dbits, tbits, key) in automaton.iter(norm):
            s0, e0 = end_idx + 1 - length, end_idx + 1
            if e0 < n and (norm[e0].isalnum() or norm[e0] == "_"):
                continue  # inside a word
            # Latin anchors need a word start; Arabic ones may carry proclitics (والأحد)
            if s0 > 0 and (norm[s0 - 1].isalnum() or norm[s0 - 1] == "_") and not is_arabic(norm[s0]):
                continue
            if dbits:
                date_hits.append((s0, e0, key))
                dmask |= dbits
            if tbits:
                title_hits.append((s0, e0, key))
                tmask |= tbits
    numbers = [m.span() for m in _DIGITS.finditer(norm)] if digits else []
    return (_Anchors(norm, date_hits, dmask, numbers, _DATE_MARGINS),
            _Anchors(norm, title_hits, tmask, [], _TITLE_MARGINS))


class _Anchors:
    """The anchor occurrences of one document (normalised offsets), the numbers, and the
    languages of the anchors."""

    __slots__ = ("_by_key", "_cache", "_spans", "digits", "hits", "langs", "margins", "norm")

    def __init__(self, norm: str, hits: list[tuple[int, int, str]], mask: int, digits: list[tuple[int, int]],
                 margins: tuple[int, int]):
        self.norm = norm
        self.margins = margins
        self.hits = hits
        self.langs = {lang for lang, bit in _LANG_BIT.items() if mask & bit}
        self.digits = digits
        self._by_key: dict[str, list[tuple[int, int]]] | None = None
        self._spans: dict[tuple[frozenset[str] | None, int], list[tuple[int, int]]] = {}
        self._cache: dict[tuple[frozenset[str] | None, int, tuple[int, int] | None], list[tuple[int, int]]] = {}

    def spans(self, forms: frozenset[str] | None, digits: int) -> list[tuple[int, int]]:
        """The sorted spans of the anchors whose form is in ``forms`` (all when ``None``)
        and of the numbers of at least ``digits`` digits (none when 0)."""
        key = (forms, digits)  # rules with the same word lists share their spans
        got = self._spans.get(key)
        if got is None:
            if forms is None:
                got = [(s, e) for s, e, _ in self.hits]
            else:
                by_key = self._by_key
                if by_key is None:  # the spans of each anchor form, once per document
                    by_key = self._by_key = {}
                    for s, e, k in self.hits:
                        by_key.setdefault(k, []).append((s, e))
                got = [sp for k, sps in by_key.items() if k in forms for sp in sps]
            if digits == 1:
                got.extend(self.digits)
            elif digits:
                got.extend(d for d in self.digits if d[1] - d[0] >= digits)
            got.sort()
            self._spans[key] = got
        return got

    def windows(self, forms: frozenset[str] | None = None, digits: int = 1,
                margins: tuple[int, int] | None = None) -> list[tuple[int, int]]:
        """Merged windows around the anchors whose form is in ``forms`` (all anchors when
        ``None``) and around the numbers of at least ``digits`` digits (none when 0),
        ``margins`` characters before and after them (default: the kind's)."""
        key = (forms, digits, margins)  # rules with the same word lists and reach share their windows
        got = self._cache.get(key)
        if got is None:
            if FULL_SCAN:
                got = [(0, len(self.norm))] if self.norm else []
            else:
                spans = self.spans(forms, digits)
                got = _merge_sorted(self.norm, spans, margins or self.margins,
                                    margins is None or margins[1] >= self.margins[1]) if spans else []
            self._cache[key] = got
        return got


# a run of word characters: the standard library's \w is exactly str.isalnum() or "_"
_WORD_TAIL = re.compile(r"\w{0,40}")


def _merge_windows(
    norm: str, spans: list[tuple[int, int]], margins: tuple[int, int], *, to_word_end: bool = True
) -> list[tuple[int, int]]:
    """Merged [start, end) windows around ``spans`` (``margins`` characters before and after),
    never cutting a word when ``to_word_end`` (an end inside a word moves to the word's end,
    at most 40 characters; not needed when the margins cover a rule's whole reach)."""
    if not spans:
        return []
    return _merge_sorted(norm, sorted(spans), margins, to_word_end)  # (a copy: the caller's list may be shared)


def _merge_sorted(
    norm: str, spans: list[tuple[int, int]], margins: tuple[int, int], to_word_end: bool
) -> list[tuple[int, int]]:
    """:func:`_merge_windows` of spans already sorted, at least one."""
    n = len(norm)
    left, right = margins
    out: list[tuple[int, int]] = []
    cs, ce = spans[0][0] - left, spans[0][1] + right
    for s, e in spans:
        ws = s - left
        if ws <= ce:
            if e + right > ce:
                ce = e + right
        else:
            out.append((cs, ce))
            cs, ce = ws, e + right
    out.append((cs, ce))
    # only the first window can start before the text, only the last end after it
    if out[0][0] < 0:
        out[0] = (0, out[0][1])
    if ce > n:
        out[-1] = (out[-1][0], n)
    if not to_word_end:
        return out
    # never cut a word: extend each end to the next non-word character (bounded)
    tail = _WORD_TAIL.match
    fixed: list[tuple[int, int]] = []
    last = -1  # the end of the last window in ``fixed``
    for ws, we in out:
        if we < n:
            c = norm[we]
            if c.isalnum() or c == "_":  # (\w, as _WORD_TAIL reads it)
                we = tail(norm, we).end()  # type: ignore[union-attr]  # \w{0,40} always matches
        if ws <= last:  # the previous end moved past this start
            if we > last:
                fixed[-1] = (fixed[-1][0], we)
                last = we
        else:
            fixed.append((ws, we))
            last = we
    return fixed


# "the end of the week" is the weekend: akhir pekan lalu, cuối tuần qua, نهاية الأسبوع الماضي
_WEEK_END_WORDS = frozenset({"akhir", "cuối", "نهايه"})

_MOD_VALUES = {
    "START": ("مطلع", "اوايل", "بدايه", "بدايات", "مستهل", "đầu", "awal", "early", "beginning", "start"),
    "MID": ("منتصف", "اواسط", "giữa", "pertengahan", "mid", "middle"),
    "END": ("اواخر", "نهايه", "نهايات", "ختام", "cuối", "akhir", "late", "end", "penghujung"),
}


def _mod_value(word: str) -> str:
    w = word.strip()
    for mod, words in _MOD_VALUES.items():
        if any(w == x or w.startswith(x + " ") or w.startswith("the " + x) or w.startswith(x) for x in words):
            return mod
    return "APPROX"


_NEXT_WORD_START = _regex_cache.compile(r"[ \t]{1,2}(?=[^\W\d_])")


def _foreign_weekday_names(matches: list[_Match], nt: NormText, lang: str) -> list[_Match]:
    """Drop a bare weekday of another language than the document's when a capitalised word
    follows it: in an English text "Kamis Gaddafi" is Khamis Gaddafi, not Thursday (Indonesian
    Kamis); in an Indonesian one, "Kamis Presiden ..." stays a date."""
    if lang == "und":
        return matches
    out = []
    text = nt.original
    for m in matches:
        spec: DateSpec = m.value
        if (spec.weekday is not None and spec.day is None and m.rule.lang not in (lang, "*")):
            nxt = _NEXT_WORD_START.match(nt.norm, m.end)
            if nxt is not None and text[nt.orig_index(nxt.end())].isupper():
                continue
        out.append(m)
    return out


def _dateline(matches: list[_Match], nt: NormText) -> datetime.date | None:
    """A full date near the top of the article (the dateline) as the reference date: one
    that starts within the first 300 characters of the normalised text (composed, so
    decomposed Vietnamese counts the same as composed)."""
    for m in matches:
        if m.start > 300:
            break
        spec: DateSpec = m.value
        if spec.year and spec.month and spec.day and spec.calendar == "gregorian" and spec.weekday is None:
            try:
                return datetime.date(spec.year, spec.month, spec.day)
            except ValueError:
                continue
    return None


_Reading = tuple[int, tuple[str, str] | None, tuple[_gazetteer.Candidate, ...]]


def _reading(cands: tuple[_gazetteer.Candidate, ...]) -> _Reading:
    """What :func:`_split_hits` reads from a hit's candidates: 0 when one of them is a
    person (else 1), the person's (id, form) when they name a single person, the places."""
    pers = [c for c in cands if c.etype == "person"]
    if pers:
        return 0, ((pers[0].id, pers[0].form) if len({c.id for c in pers}) == 1 else None), ()
    return 1, None, tuple(c for c in cands if c.etype == "place")


def _phonetic_hits(gaz: Gazetteer, norm: str, upper: bytearray, hits: list[_gazetteer.Hit]) -> list[_gazetteer.Hit]:
    """The Vietnamese transliterations the automaton has not found (``Mi-xu-ra-ta``), as
    hits of the gazetteer entry they sound like (see :mod:`libyaie._vi_translit`)."""
    entries = gaz.entries
    out = []
    covered = bytearray(len(norm) + 1)
    for h in hits:
        covered[h.start : h.end] = b"\x01" * (h.end - h.start)
    for s, e, idx in phonetic_hits(norm, upper, gaz.vi_index, {(h.start, h.end) for h in hits}, covered):
        key, cands, _ = entries[idx]
        out.append(_gazetteer.Hit(s, e, key, cands))
    return out


def _split_hits(
    hits: list[_gazetteer.Hit], date_block: bytearray, readings: dict[str, _Reading] | None = None
) -> tuple[list[tuple[int, int, tuple[_gazetteer.Candidate, ...]]], list[tuple[int, int, str, str]]]:
    """Leftmost-longest non-overlapping hits outside the dates (``date_block`` holds 1 there);
    a person beats a place over the same span.  ``readings`` keeps :func:`_reading` per hit
    key (a key has the same candidates in every document of one gazetteer)."""
    if readings is None:
        readings = {}
    order = []
    for h in hits:
        r = readings.get(h.key)
        if r is None:
            r = readings[h.key] = _reading(h.candidates)
        order.append((h.start - h.end, r[0], h.start, h.end, r))
    order.sort()  # (longest, person, leftmost: unique per hit, the rest is never compared)
    taken = bytearray(date_block)  # the dates and the hits taken: one occupancy array
    places: list[tuple[int, int, tuple[_gazetteer.Candidate, ...]]] = []
    persons: list[tuple[int, int, str, str]] = []
    for _, rank, s, e, (_, person, pl) in order:
        if taken.find(1, s, e) >= 0:
            continue
        if rank == 0:
            if person is not None:
                persons.append((s, e, person[0], person[1]))
                taken[s:e] = b"\x01" * (e - s)
            continue
        if pl:
            places.append((s, e, pl))
            taken[s:e] = b"\x01" * (e - s)
    places.sort(key=_FIRST)
    persons.sort(key=_FIRST)
    return places, persons


_FIRST = operator.itemgetter(0)


class _Made:
    """The result's :class:`Place` of each gazetteer place and :class:`Person` of each
    gazetteer person, made once: they are frozen values, the same for every mention.
    Kept by the identity of the entry (the entry is kept too, so its id is never reused)."""

    __slots__ = ("_persons", "_places")

    def __init__(self) -> None:
        self._places: dict[int, tuple[_gazetteer.PlaceEntry, Place]] = {}
        self._persons: dict[int, tuple[_gazetteer.PersonEntry, Person]] = {}

    def place(self, pe: _gazetteer.PlaceEntry) -> Place:
        got = self._places.get(id(pe))
        if got is None:
            if len(self._places) >= _MADE_MAX:  # (entries come from the gazetteer: never in practice)
                self._places.clear()
            got = self._places[id(pe)] = (
                pe, Place(pe.id, pe.geonames_id, pe.name, pe.kind, pe.country or None, pe.lat, pe.lon))
        return got[1]

    def person(self, entry: _gazetteer.PersonEntry) -> Person:
        got = self._persons.get(id(entry))
        if got is None:
            if len(self._persons) >= _MADE_MAX:
                self._persons.clear()
            got = self._persons[id(entry)] = (entry, Person(entry.id, entry.name, entry.aliases))
        return got[1]


_MADE_MAX = 100_000


def _document(
    text: str,
    nt: NormText,
    lang: str,
    ref: datetime.date | None,
    source: str | None,
    dates: list[tuple[int, int, DateSpec, str]],
    places: list[PlaceSel],
    titles: list[TitleSel],
    persons: list[PersonSel],
    made: _Made | None = None,
) -> Document:
    if made is None:
        made = _Made()
    if nt.identity:
        def span(s: int, e: int) -> tuple[int, int, str]:
            return s, e, text[s:e]
    else:
        nspan = nt.span

        def span(s: int, e: int) -> tuple[int, int, str]:
            os_, oe = nspan(s, e)
            return os_, oe, text[os_:oe]

    date_mentions = []
    for s, e, spec, name, r in resolve_in_text(dates, nt.norm, ref):
        os_, oe, dtext = span(s, e)
        date_mentions.append(DateMention(os_, oe, dtext, value=r.value, kind=r.kind, mod=spec.mod, anchored=r.anchored, rule=name))

    place_mentions = []
    for p in places:
        os_, oe, ptext = span(p.start, p.end)
        place = made.place(p.place)
        place_mentions.append(PlaceMention(os_, oe, ptext, place=place, form=p.form, direction=p.direction))

    def person_of(ps: PersonSel) -> Person:
        if ps.entry is not None:
            return made.person(ps.entry)
        return Person(None, ps.name, ())

    title_mentions: list[TitleMention] = []
    head_country: dict[str, str] = {}  # the country of the last title of each head (role_in below)
    for t in titles:
        os_, oe, tx = span(t.start, t.end)
        person = None
        inferred = False
        if t.person is not None:
            person = person_of(persons[t.person])
        elif t.inferred is not None:
            person = Person(t.inferred.id, t.inferred.name, t.inferred.aliases)
            inferred = True
        role, country = t.role, t.country
        if t.role_in:
            # the U.S. Attorney General is its justice minister; said again without the country,
            # the same office as the last time the text named it ("Jaksa Agung AS ... Jaksa Agung")
            if t.country is not None:
                head_country[t.head] = t.country
            country = country or head_country.get(t.head)
            if country is not None:
                role = dict(t.role_in).get(country, role)
        title_mentions.append(
            TitleMention(os_, oe, tx, role=role, qualifier=t.qualifier, country=country,
                         organization=t.organization, person=person, inferred=inferred)
        )
    person_mentions = []
    for ps in persons:
        os_, oe, tx = span(ps.start, ps.end)
        title = title_mentions[ps.title] if ps.title is not None else None
        person_mentions.append(PersonMention(os_, oe, tx, person=person_of(ps), title=title))
    return Document(
        text=text,
        lang=lang,
        reference_date=ref,
        reference_date_source=source,
        dates=date_mentions,
        places=place_mentions,
        titles=title_mentions,
        persons=person_mentions,
    )


# One text this long makes millions of objects that live until its result is built; every
# full run of the cyclic garbage collector walks all of them, so with the collector running
# the time per character grows with the text (10 MB: 3.2 µs/char instead of 2.2).  The
# pipeline makes no reference cycles (reference counting frees all it drops), so for such
# a text the collector is paused while it works.
_GC_PAUSE_CHARS = 1_000_000
_GC_LOCK = threading.Lock()
_gc_pausers = 0  # calls inside _gc_paused
_gc_was_enabled = False


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while any thread is inside: the first to enter
    disables it (if it was enabled), the last to leave enables it again."""
    global _gc_pausers, _gc_was_enabled
    with _GC_LOCK:
        if _gc_pausers == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pausers += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_pausers -= 1
            if _gc_pausers == 0 and _gc_was_enabled:
                gc.enable()


_DEFAULT = Extractor()


def extract(text: str, *, reference_date: datetime.date | None = None) -> Document:
    """Extract dates, places, titles and persons from one article (see CONTRACT.md)."""
    return _DEFAULT.extract(text, reference_date=reference_date)


def extract_many(
    texts: Iterable[str],
    *,
    reference_date: datetime.date | None = None,
    reference_dates: Iterable[datetime.date | None] | None = None,
    errors: str = "raise",
    workers: int = 1,
    chunksize: int = 16,
    extra_gazetteers: Sequence[str | Path] = (),
    unlinked_places: bool = False,
) -> Iterator[Document | ExtractionError]:
    """Lazily extract from many texts, in input order.

    ``reference_dates`` gives one date per text (overrides ``reference_date``).
    ``errors="return"`` yields an :class:`ExtractionError` for a bad record and goes on;
    ``errors="raise"`` (default) raises it.  ``workers > 1`` runs the texts on a pool of
    worker processes (one extractor, built once, per worker; at most ``2 × workers``
    chunks of ``chunksize`` texts in flight), still lazily and in order.  Arguments are
    checked when it is called.  ``extra_gazetteers`` and ``unlinked_places`` are those of
    :class:`Extractor`.
    """
    from ._batch import iter_extract  # imported here: _batch imports this module

    return iter_extract(
        texts,
        workers=workers,
        reference_date=reference_date,
        reference_dates=reference_dates,
        errors=errors,
        chunksize=chunksize,
        extra_gazetteers=extra_gazetteers,
        unlinked_places=unlinked_places,
    )
