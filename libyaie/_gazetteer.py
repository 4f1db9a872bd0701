"""Gazetteer layer: load and validate the data files, build one Aho-Corasick automaton.

The data lives in ``gazetteers/`` (see ``docs/gazetteers.md``).  :func:`get` returns
the process-wide :class:`Gazetteer`, built lazily exactly once (thread-safe).
Any fault in the data raises :class:`GazetteerError` naming the file and line.
"""

from __future__ import annotations

import datetime
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick
import attrs

from ._codes import LANGS, PLACE_KINDS, QUALIFIERS, ROLES
from ._text import fold_arabic_key, is_arabic, normalize_key

if TYPE_CHECKING:
    from .resolve.persons import PersonIndex

__all__ = [
    "Candidate",
    "Gazetteer",
    "GazetteerError",
    "Hit",
    "Office",
    "PersonEntry",
    "PlaceEntry",
    "TitlePiece",
    "data_dir",
    "get",
    "load",
]


class GazetteerError(ValueError):
    """Malformed or inconsistent gazetteer data.  The message names file, line and entry."""

    def __init__(self, path: Path | str, line: int | None, message: str, entry: str | None = None):
        self.path = str(path)
        self.line = line
        self.entry = entry
        where = f"{self.path}:{line}" if line else self.path
        what = f" [{entry}]" if entry else ""
        super().__init__(f"{where}:{what} {message}")


# --------------------------------------------------------------------------- entries
# Entries are named tuples: immutable like frozen attrs classes, and they load from the
# on-disk cache without a Python call per field (the cache load is part of a cold start).


class PlaceEntry(NamedTuple):
    id: str
    name: str
    kind: str
    country: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int
    names: Mapping[str, tuple[str, ...]]
    adjectives: Mapping[str, tuple[str, ...]]
    weak: frozenset[str]
    source: str


class Office(NamedTuple):
    role: str
    country: str
    organization: str | None
    qualifier: str | None
    start: datetime.date | None
    end: datetime.date | None

    def holds_on(self, day: datetime.date) -> bool:
        if self.start is None or self.start > day:
            return False
        return self.end is None or day <= self.end


class PersonEntry(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    short: tuple[str, ...]
    offices: tuple[Office, ...]
    source: str
    # forms that name the person only once the document has named them in full: the given
    # name a family member is called by ("Saadi", "الساعدي" after "Saadi Gaddafi")
    later: tuple[str, ...] = ()


class TitlePiece(NamedTuple):
    kind: str  # head | portfolio | modifier | connector | honorific
    lang: str
    forms: tuple[str, ...]
    role: str | None = None
    cls: str = ""
    classes: tuple[str, ...] = ()
    qualifier: str | None = None
    position: str = "before"
    country: str | None = None
    organization: str | None = None
    # the role the office has in some polities instead of ``role`` (country code, role):
    # "Attorney General" heads the prosecution, but in the U.S. it is the justice minister
    role_in: tuple[tuple[str, str], ...] = ()


class Candidate(NamedTuple):
    """One reading of an automaton key (a named tuple: it unpickles from the on-disk cache
    without a Python call per field, which is most of a cold start's gazetteer load)."""

    etype: str  # "place" | "person"
    id: str
    form: str  # place: name | adjective ; person: name | alias | short
    weak: bool
    lang: str  # language of the form ("" when listed for all)
    upper: bool = False  # the gazetteer form is an all-capital abbreviation (US, UAE): match it only in capitals


class Hit(NamedTuple):
    """One automaton match (built per document: a named tuple is the cheapest record)."""

    start: int  # in the normalised text
    end: int
    key: str
    candidates: tuple[Candidate, ...]


@attrs.define(slots=True)
class DateTables:
    """Per-language vocabulary for the date rules: normalised form → value."""

    months: dict[str, dict[str, int]] = attrs.field(factory=dict)  # calendar → form → index
    weekdays: dict[str, int] = attrs.field(factory=dict)
    numbers: dict[str, int] = attrs.field(factory=dict)
    ordinals: dict[str, int] = attrs.field(factory=dict)
    units: dict[str, str] = attrs.field(factory=dict)  # form → unit letter
    dual_units: dict[str, str] = attrs.field(factory=dict)
    words: dict[str, tuple[str, ...]] = attrs.field(factory=dict)  # function → forms


@attrs.frozen(slots=True)
class Gazetteer:
    places: Mapping[str, PlaceEntry]
    persons: Mapping[str, PersonEntry]
    titles: Mapping[str, tuple[TitlePiece, ...]]  # lang → pieces
    dates: Mapping[str, DateTables]  # lang → tables
    automaton: Any  # normalised key → index into ``entries``
    # (key, readings, script: 0 Latin, 1 Arabic, _LIL an Arabic key whose article lost its
    # alef after the preposition ل, see _build_index)
    entries: tuple[tuple[str, tuple[Candidate, ...], int], ...]
    person_keys: Mapping[str, tuple[str, ...]]  # transliteration key → person ids
    given_names: Mapping[str, frozenset[str]]  # lang → normalised given names (persons/*.toml [[given]])
    short_keys: Mapping[str, str]  # transliteration key of a Latin short form → person id
    given_ar: frozenset[str]  # first words an unknown Arabic person name may start with
    coref_keys: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]  # person id → (Latin, Arabic) link-back keys
    person_index: PersonIndex  # the persons' look-up tables (one-word forms, offices, link-back keys)
    files: tuple[str, ...]
    # phonetic key of a Latin-script name → index into ``entries`` (Vietnamese
    # transliterations matched by sound, see :mod:`libyaie._vi_translit`)
    vi_index: Mapping[str, int] = attrs.field(factory=dict)

    def scan(self, norm: str) -> list[Hit]:
        """Every automaton match in ``norm`` that respects the script's word boundaries.

        Overlapping hits are all returned; the pipeline chooses among them.  (The word
        character test of :func:`_is_word_char` is inlined: it runs for every match.)
        """
        hits: list[Hit] = []
        if not norm:
            return hits
        n = len(norm)
        entries = self.entries
        new_hit = tuple.__new__  # Hit(...) without the Python-level __new__ of a NamedTuple
        for end_idx, idx in self.automaton.iter(norm):
            key, cands, arabic = entries[idx]
            end = end_idx + 1
            if end < n:
                c = norm[end]
                if c.isalnum() or c == "_" or "\u0300" <= c <= "\u036f":
                    continue
            start = end - len(key)
            if arabic == _LIL:
                if not _lil_ok(norm, start):
                    continue
            elif start > 0:
                c = norm[start - 1]
                if (c.isalnum() or c == "_" or "\u0300" <= c <= "\u036f") and (
                    not arabic or not _arabic_clitic_ok(norm, start)
                ):
                    continue
            hits.append(new_hit(Hit, (start, end, key, cands)))
        return hits


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or (0x0300 <= ord(c) <= 0x036F)


# Arabic proclitics that may stand glued before a name: conjunctions و ف, prepositions ب ل ك,
# and their combinations.  (ل + ال contracts to لل: لليبيا = ل + ليبيا.)
_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "ولل", "فلل"})


_LIL = 2  # the script mark of a key that stands after the preposition ل (see _build_index)
_LIL_CLITICS = frozenset({"ل", "ول", "فل"})


def _glued_before(norm: str, start: int, clitics: frozenset[str], longest: int) -> bool:
    """The letters from the start of the word to ``start`` are one of ``clitics`` (at most
    ``longest`` letters)."""
    i = start
    while i > 0 and _is_word_char(norm[i - 1]) and start - i < longest:
        i -= 1
    if i > 0 and _is_word_char(norm[i - 1]):
        return False
    return norm[i:start] in clitics


def _lil_ok(norm: str, start: int) -> bool:
    """The word starts with ل (alone or after و or ف) right before ``start``: للقاهرة."""
    return _glued_before(norm, start, _LIL_CLITICS, 3)


def _arabic_clitic_ok(norm: str, start: int) -> bool:
    return _glued_before(norm, start, _CLITICS, 4)


# --------------------------------------------------------------------------- locating


def data_dir() -> Path:
    """The directory that holds the built-in gazetteers (wheel or source checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "gazetteers"
    if packaged.is_dir():
        return packaged
    checkout = here.parent / "gazetteers"
    if checkout.is_dir():
        return checkout
    raise GazetteerError(packaged, None, "gazetteer directory not found (broken installation?)")


# --------------------------------------------------------------------------- TOML helpers

_TOML_LINE = re.compile(r"at line (\d+)")


def _read_toml(path: Path) -> tuple[dict[str, Any], list[str]]:
    import tomllib  # only needed when the gazetteer is built, not when it comes from the cache

    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise GazetteerError(path, line, "not valid UTF-8") from None
    except OSError as e:
        raise GazetteerError(path, None, f"cannot read: {e.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = _TOML_LINE.search(str(e))
        raise GazetteerError(path, int(m.group(1)) if m else None, f"invalid TOML: {e}") from None
    return data, text.splitlines()


def _header_lines(lines: list[str], table: str) -> list[int]:
    pat = re.compile(r"^\s*\[\[\s*" + re.escape(table) + r"\s*\]\]")
    return [i + 1 for i, ln in enumerate(lines) if pat.match(ln)]


class _Ctx:
    """Where an entry came from, for error messages."""

    def __init__(self, path: Path, lines: list[str], table: str):
        self.path = path
        self.table = table
        self.lines = _header_lines(lines, table)

    def err(self, index: int, message: str, entry: str | None = None) -> GazetteerError:
        line = self.lines[index] if index < len(self.lines) else None
        return GazetteerError(self.path, line, message, entry or f"{self.table} #{index + 1}")


def _check_keys(ctx: _Ctx, i: int, d: Mapping[str, Any], allowed: set[str], required: set[str], eid: str) -> None:
    if not isinstance(d, Mapping):
        raise ctx.err(i, "entry is not a table", eid)
    extra = set(d) - allowed
    if extra:
        raise ctx.err(i, f"unknown key(s) {sorted(extra)}; allowed: {sorted(allowed)}", eid)
    missing = [k for k in sorted(required) if k not in d or d[k] in ("", None)]
    if missing:
        raise ctx.err(i, f"missing required key(s) {missing}", eid)


def _str_list(ctx: _Ctx, i: int, v: Any, what: str, eid: str) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ctx.err(i, f"{what} must be a list of strings", eid)
    return tuple(x.strip() for x in v if x.strip())


def _lang_map(ctx: _Ctx, i: int, v: Any, what: str, eid: str) -> dict[str, tuple[str, ...]]:
    if v is None:
        return {}
    if not isinstance(v, Mapping):
        raise ctx.err(i, f"{what} must be a table of language → list", eid)
    out: dict[str, tuple[str, ...]] = {}
    for lang, forms in v.items():
        if lang not in LANGS:
            raise ctx.err(i, f"{what}: unknown language {lang!r} (expected one of {LANGS})", eid)
        out[lang] = _str_list(ctx, i, forms, f"{what}.{lang}", eid)
    return out


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_date(ctx: _Ctx, i: int, v: Any, what: str, eid: str, end: bool) -> datetime.date | None:
    if v in ("", None):
        return None
    if isinstance(v, datetime.date):
        return v
    m = _DATE_RE.match(str(v))
    if not m:
        raise ctx.err(i, f"{what} {v!r} is not YYYY, YYYY-MM or YYYY-MM-DD", eid)
    y = int(m.group(1))
    mo = int(m.group(2) or (12 if end else 1))
    try:
        if m.group(3):
            return datetime.date(y, mo, int(m.group(3)))
        if end:
            nxt = datetime.date(y + (mo == 12), mo % 12 + 1, 1)
            return nxt - datetime.timedelta(days=1)
        return datetime.date(y, mo, 1)
    except ValueError:
        raise ctx.err(i, f"{what} {v!r} is not a valid date", eid) from None


_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


# --------------------------------------------------------------------------- places

_PLACE_KEYS = {
    "id", "name", "kind", "country", "geonames_id", "lat", "lon", "population",
    "source", "names", "adjectives", "weak",
}
_EXTEND_KEYS = {"id", "source", "names", "adjectives", "weak"}


@attrs.define
class _PlaceBuilder:
    id: str
    name: str
    kind: str
    country: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int
    source: str
    names: dict[str, list[str]] = attrs.field(factory=dict)
    adjectives: dict[str, list[str]] = attrs.field(factory=dict)
    weak: set[str] = attrs.field(factory=set)
    origin: str = ""

    def add(self, names: Mapping[str, Iterable[str]], adjectives: Mapping[str, Iterable[str]], weak: Iterable[str]) -> None:
        for lang, forms in names.items():
            lst = self.names.setdefault(lang, [])
            lst.extend(f for f in forms if f not in lst)
        for lang, forms in adjectives.items():
            lst = self.adjectives.setdefault(lang, [])
            lst.extend(f for f in forms if f not in lst)
        self.weak.update(normalize_key(w) for w in weak)

    def freeze(self) -> PlaceEntry:
        return PlaceEntry(
            id=self.id, name=self.name, kind=self.kind, country=self.country,
            geonames_id=self.geonames_id, lat=self.lat, lon=self.lon, population=self.population,
            names={k: tuple(v) for k, v in self.names.items()},
            adjectives={k: tuple(v) for k, v in self.adjectives.items()},
            weak=frozenset(self.weak), source=self.source,
        )


def _coord(ctx: _Ctx, i: int, v: Any, what: str, lim: float, eid: str) -> float | None:
    if v in ("", None):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise ctx.err(i, f"{what} {v!r} is not a number", eid) from None
    if not -lim <= f <= lim:
        raise ctx.err(i, f"{what} {f} out of range ±{lim}", eid)
    return f


def _place_from(ctx: _Ctx, i: int, d: Mapping[str, Any], origin: str) -> _PlaceBuilder:
    eid = str(d.get("id", f"place #{i + 1}"))
    _check_keys(ctx, i, d, _PLACE_KEYS, {"id", "name", "kind", "source"}, eid)
    if not _ID_RE.match(eid):
        raise ctx.err(i, f"id {eid!r} must match {_ID_RE.pattern}", eid)
    kind = str(d["kind"])
    if kind not in PLACE_KINDS:
        raise ctx.err(i, f"unknown place kind {kind!r} (expected one of {sorted(PLACE_KINDS)})", eid)
    country = str(d.get("country", "") or "")
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise ctx.err(i, f"country {country!r} is not an ISO 3166-1 alpha-2 code", eid)
    gid = d.get("geonames_id")
    if gid in ("", None, 0):
        gid = None
    else:
        try:
            gid = int(gid)
        except (TypeError, ValueError):
            raise ctx.err(i, f"geonames_id {gid!r} is not an integer", eid) from None
        if gid <= 0:
            raise ctx.err(i, f"geonames_id {gid} must be positive", eid)
    pop_raw = d.get("population") or 0
    try:
        pop = int(pop_raw)
    except (TypeError, ValueError):
        raise ctx.err(i, f"population {pop_raw!r} is not an integer", eid) from None
    b = _PlaceBuilder(
        id=eid, name=str(d["name"]), kind=kind, country=country, geonames_id=gid,
        lat=_coord(ctx, i, d.get("lat"), "lat", 90, eid),
        lon=_coord(ctx, i, d.get("lon"), "lon", 180, eid),
        population=pop, source=str(d["source"]), origin=origin,
    )
    b.add(
        _lang_map(ctx, i, d.get("names"), "names", eid),
        _lang_map(ctx, i, d.get("adjectives"), "adjectives", eid),
        _str_list(ctx, i, d.get("weak", []), "weak", eid),
    )
    if "en" not in b.names or b.name not in b.names["en"]:
        b.names.setdefault("en", []).insert(0, b.name)
    return b


_TSV_COLUMNS = [
    "id", "geonames_id", "name", "kind", "country", "lat", "lon", "population",
    "names_en", "names_ar", "names_vi", "names_id", "source",
]


def _read_places_tsv(path: Path) -> Iterator[tuple[int, dict[str, Any], _Ctx]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise GazetteerError(path, None, "not valid UTF-8") from None
    lines = text.splitlines()
    if not lines:
        return
    header = lines[0].split("\t")
    if header != _TSV_COLUMNS:
        raise GazetteerError(path, 1, f"header must be {_TSV_COLUMNS}, got {header}")
    import csv

    reader = csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
    for lineno, row in enumerate(reader, start=2):
        if len(row) != len(_TSV_COLUMNS):
            raise GazetteerError(path, lineno, f"expected {len(_TSV_COLUMNS)} columns, got {len(row)}")
        r = dict(zip(_TSV_COLUMNS, row, strict=True))
        d: dict[str, Any] = {k: r[k] for k in ("id", "name", "kind", "country", "source")}
        for k in ("geonames_id", "lat", "lon", "population"):
            if r[k]:
                d[k] = r[k]
        d["names"] = {lang: [x for x in r[f"names_{lang}"].split("|") if x] for lang in LANGS}
        ctx = _Ctx(path, [], "row")
        ctx.lines = [0] * (lineno - 2) + [lineno]
        yield lineno - 2, d, ctx


# Arabic nisba: masculine singular stem → the forms news uses.
_NISBA_SUFFIXES = ("", "ه", "ين", "ون", "ات", "ا", "تين", "تان", "ان", "يين", "يون")


def arabic_nisba_forms(stem: str) -> list[str]:
    """``ليبي`` → ``ليبي ليبيه ليبيين ...`` and each with ``ال``."""
    s = normalize_key(stem)
    if stem.strip().startswith("ال"):  # a literal article (not the alef-lam of ألماني)
        s = s[2:]
    out: list[str] = []
    for suf in _NISBA_SUFFIXES:
        if suf in ("يين", "يون") and not s.endswith("ي"):
            continue
        if suf in ("يين", "يون"):
            form = s[:-1] + suf
        else:
            form = s + suf
        out.append(form)
        out.append("ال" + form)
    return out


# --------------------------------------------------------------------------- persons

_PERSON_KEYS = {"id", "name", "source", "aliases", "short", "later", "office"}
_OFFICE_KEYS = {"role", "country", "organization", "qualifier", "start", "end", "source"}


def _person_from(ctx: _Ctx, i: int, d: Mapping[str, Any]) -> PersonEntry:
    eid = str(d.get("id", f"person #{i + 1}"))
    _check_keys(ctx, i, d, _PERSON_KEYS, {"id", "name", "source"}, eid)
    if not _ID_RE.match(eid):
        raise ctx.err(i, f"id {eid!r} must match {_ID_RE.pattern}", eid)
    offices: list[Office] = []
    raw_offices = d.get("office", [])
    if not isinstance(raw_offices, list):
        raise ctx.err(i, "office must be an array of tables ([[person.office]])", eid)
    for o in raw_offices:
        if not isinstance(o, Mapping):
            raise ctx.err(i, "office entries must be tables", eid)
        extra = set(o) - _OFFICE_KEYS
        if extra:
            raise ctx.err(i, f"office: unknown key(s) {sorted(extra)}", eid)
        role = str(o.get("role", ""))
        if role not in ROLES:
            raise ctx.err(i, f"office: unknown role code {role!r}", eid)
        q = str(o.get("qualifier", "") or "") or None
        if q is not None and q not in QUALIFIERS:
            raise ctx.err(i, f"office: unknown qualifier {q!r}", eid)
        country = str(o.get("country", "") or "")
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            raise ctx.err(i, f"office: country {country!r} is not ISO alpha-2", eid)
        start = _parse_date(ctx, i, o.get("start"), "office start", eid, end=False)
        end = _parse_date(ctx, i, o.get("end"), "office end", eid, end=True)
        if start and end and end < start:
            raise ctx.err(i, f"office {role}: end {end} before start {start}", eid)
        offices.append(Office(role, country, str(o.get("organization", "") or "") or None, q, start, end))
    later = _str_list(ctx, i, d.get("later", []), "later", eid)
    for f in later:
        if len(f.split()) != 1:
            raise ctx.err(i, f"later: {f!r} must be one word (a later mention is one word)", eid)
    return PersonEntry(
        id=eid,
        name=str(d["name"]),
        aliases=_str_list(ctx, i, d.get("aliases", []), "aliases", eid),
        short=_str_list(ctx, i, d.get("short", []), "short", eid),
        offices=tuple(offices),
        source=str(d["source"]),
        later=later,
    )


# --------------------------------------------------------------------------- titles

_TITLE_TABLES = {
    "head": {"forms", "role", "class", "qualifier", "source", "country", "organization", "role_in"},
    "portfolio": {"forms", "role", "classes", "source", "country", "organization"},
    "modifier": {"forms", "qualifier", "position", "source"},
    "connector": {"forms", "source"},
    "honorific": {"forms", "source"},
    "stop": {"forms", "source"},
}


def _titles_from(path: Path, data: Mapping[str, Any], lines: list[str], lang: str) -> list[TitlePiece]:
    out: list[TitlePiece] = []
    extra_tables = set(data) - set(_TITLE_TABLES) - {"meta"}
    if extra_tables:
        raise GazetteerError(path, None, f"unknown table(s) {sorted(extra_tables)}")
    for table, allowed in _TITLE_TABLES.items():
        ctx = _Ctx(path, lines, table)
        for i, d in enumerate(data.get(table, [])):
            eid = f"{table} #{i + 1}"
            req = {"forms", "source"} | ({"role"} if table in ("head", "portfolio") else set())
            _check_keys(ctx, i, d, allowed, req, eid)
            forms = _str_list(ctx, i, d["forms"], "forms", eid)
            role = d.get("role")
            if role is not None and role not in ROLES:
                raise ctx.err(i, f"unknown role code {role!r}", eid)
            q = str(d.get("qualifier", "") or "") or None
            if q is not None and q not in QUALIFIERS:
                raise ctx.err(i, f"unknown qualifier {q!r}", eid)
            role_in_d = d.get("role_in", {})
            if not isinstance(role_in_d, dict) or not all(
                isinstance(c, str) and len(c) == 2 and c.isupper() and r in ROLES for c, r in role_in_d.items()
            ):
                raise ctx.err(i, "role_in must map ISO country codes to role codes", eid)
            pos = str(d.get("position", "before"))
            if pos not in ("before", "after"):
                raise ctx.err(i, f"position must be 'before' or 'after', not {pos!r}", eid)
            out.append(
                TitlePiece(
                    kind=table, lang=lang, forms=forms, role=role, cls=str(d.get("class", "") or ""),
                    classes=_str_list(ctx, i, d.get("classes", []), "classes", eid), qualifier=q,
                    position=pos, country=str(d.get("country", "") or "") or None,
                    organization=str(d.get("organization", "") or "") or None,
                    role_in=tuple(sorted(role_in_d.items())),
                )
            )
    return out


# --------------------------------------------------------------------------- dates

_DATE_TABLES = {
    "month": {"index", "forms", "calendar", "source"},
    "weekday": {"index", "forms", "source"},
    "number": {"value", "forms", "ordinal", "source"},
    "unit": {"unit", "forms", "dual", "plural", "source"},
    "word": {"function", "forms", "source"},
}
_UNITS = {"Y", "M", "W", "D", "H", "DE", "CE", "Q", "MIN"}
CALENDARS = ("gregorian", "hijri", "libyan")


def _dates_from(path: Path, data: Mapping[str, Any], lines: list[str], t: DateTables) -> None:
    extra_tables = set(data) - set(_DATE_TABLES) - {"meta"}
    if extra_tables:
        raise GazetteerError(path, None, f"unknown table(s) {sorted(extra_tables)}")
    for table, allowed in _DATE_TABLES.items():
        ctx = _Ctx(path, lines, table)
        for i, d in enumerate(data.get(table, [])):
            eid = f"{table} #{i + 1}"
            _check_keys(ctx, i, d, allowed, {"forms", "source"}, eid)
            forms = [normalize_key(f) for f in _str_list(ctx, i, d["forms"], "forms", eid)]
            if table == "month":
                cal = str(d.get("calendar", "gregorian"))
                if cal not in CALENDARS:
                    raise ctx.err(i, f"unknown calendar {cal!r}", eid)
                idx = d.get("index")
                if not isinstance(idx, int) or not 1 <= idx <= 12:
                    raise ctx.err(i, f"month index {idx!r} must be 1..12", eid)
                for f in forms:
                    t.months.setdefault(cal, {})[f] = idx
            elif table == "weekday":
                idx = d.get("index")
                if not isinstance(idx, int) or not 1 <= idx <= 7:
                    raise ctx.err(i, f"weekday index {idx!r} must be 1..7 (Monday=1)", eid)
                for f in forms:
                    t.weekdays[f] = idx
            elif table == "number":
                val = d.get("value")
                if not isinstance(val, int) or isinstance(val, bool):
                    raise ctx.err(i, f"number value {val!r} must be an integer", eid)
                target = t.ordinals if d.get("ordinal", False) else t.numbers
                for f in forms:
                    target[f] = val
            elif table == "unit":
                u = str(d.get("unit", ""))
                if u not in _UNITS:
                    raise ctx.err(i, f"unknown unit {u!r} (expected one of {sorted(_UNITS)})", eid)
                for f in forms + [normalize_key(x) for x in _str_list(ctx, i, d.get("plural", []), "plural", eid)]:
                    t.units[f] = u
                for f in _str_list(ctx, i, d.get("dual", []), "dual", eid):
                    t.dual_units[normalize_key(f)] = u
            else:
                fn = str(d.get("function", ""))
                if not fn:
                    raise ctx.err(i, "word needs a function", eid)
                t.words[fn] = tuple(dict.fromkeys((*t.words.get(fn, ()), *forms)))


def _read_cldr_dates(path: Path, tables: dict[str, DateTables]) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    cols = ["lang", "locale", "kind", "index", "form", "source"]
    if not lines or lines[0].split("\t") != cols:
        raise GazetteerError(path, 1, f"header must be {cols}")
    for lineno, ln in enumerate(lines[1:], start=2):
        row = ln.split("\t")
        if len(row) != len(cols):
            raise GazetteerError(path, lineno, f"expected {len(cols)} columns, got {len(row)}")
        lang, _loc, kind, idx_s, form, _src = row
        if lang not in LANGS:
            raise GazetteerError(path, lineno, f"unknown language {lang!r}")
        try:
            idx = int(idx_s)
        except ValueError:
            raise GazetteerError(path, lineno, f"index {idx_s!r} is not an integer") from None
        t = tables.setdefault(lang, DateTables())
        f = normalize_key(form)
        if kind == "month" and 1 <= idx <= 12:
            t.months.setdefault("gregorian", {})[f] = idx
        elif kind == "weekday" and 1 <= idx <= 7:
            t.weekdays[f] = idx
        else:
            raise GazetteerError(path, lineno, f"bad kind/index {kind}/{idx}")


# --------------------------------------------------------------------------- building


def _stopwords(root: Path) -> set[str]:
    out: set[str] = set()
    p = root / "places" / "stopwords.toml"
    if not p.exists():
        return out
    data, lines = _read_toml(p)
    ctx = _Ctx(p, lines, "stop")
    for i, d in enumerate(data.get("stop", [])):
        _check_keys(ctx, i, d, {"forms", "lang", "source"}, {"forms", "source"}, f"stop #{i + 1}")
        out.update(normalize_key(f) for f in _str_list(ctx, i, d["forms"], "forms", f"stop #{i + 1}"))
    return out


def load(root: Path | None = None, extra: Iterable[Path] = ()) -> Gazetteer:
    """Load, validate and index every gazetteer file under ``root`` (plus ``extra`` TOML files)."""
    root = data_dir() if root is None else Path(root)
    files: list[str] = []
    builders: dict[str, _PlaceBuilder] = {}
    extends: list[tuple[_Ctx, int, Mapping[str, Any]]] = []
    persons: dict[str, PersonEntry] = {}
    person_origin: dict[str, str] = {}
    titles: dict[str, list[TitlePiece]] = {}
    dates: dict[str, DateTables] = {}
    given: dict[str, set[str]] = {}

    def add_place(b: _PlaceBuilder, ctx: _Ctx, i: int) -> None:
        if b.id in builders:
            raise ctx.err(i, f"duplicate place id {b.id!r} (first defined in {builders[b.id].origin})", b.id)
        builders[b.id] = b

    gen = root / "generated" / "places.tsv"
    if gen.exists():
        files.append(str(gen))
        for i, d, ctx in _read_places_tsv(gen):
            add_place(_place_from(ctx, i, d, f"{gen}:{i + 2}"), ctx, i)

    toml_files = sorted((root / "places").glob("*.toml")) if (root / "places").is_dir() else []
    person_files = sorted((root / "persons").glob("*.toml")) if (root / "persons").is_dir() else []
    user_files = [Path(p) for p in extra]
    for p in toml_files + person_files + user_files:
        if p.name == "stopwords.toml":
            continue
        files.append(str(p))
        data, lines = _read_toml(p)
        unknown = set(data) - {"place", "extend", "person", "given", "meta"}
        if unknown:
            raise GazetteerError(p, None, f"unknown table(s) {sorted(unknown)}; expected place, extend, person, given")
        gctx = _Ctx(p, lines, "given")
        for i, d in enumerate(data.get("given", [])):
            _check_keys(gctx, i, d, {"lang", "forms", "source"}, {"lang", "forms", "source"}, f"given #{i + 1}")
            lang = str(d["lang"])
            if lang not in LANGS:
                raise gctx.err(i, f"unknown language {lang!r} (expected one of {LANGS})")
            forms = _str_list(gctx, i, d["forms"], "forms", f"given #{i + 1}")
            given.setdefault(lang, set()).update(normalize_key(f) for f in forms)
        pctx = _Ctx(p, lines, "place")
        for i, d in enumerate(data.get("place", [])):
            add_place(_place_from(pctx, i, d, f"{p}:{pctx.lines[i] if i < len(pctx.lines) else '?'}"), pctx, i)
        ectx = _Ctx(p, lines, "extend")
        for i, d in enumerate(data.get("extend", [])):
            extends.append((ectx, i, d))
        prctx = _Ctx(p, lines, "person")
        for i, d in enumerate(data.get("person", [])):
            pe = _person_from(prctx, i, d)
            if pe.id in persons:
                raise prctx.err(i, f"duplicate person id {pe.id!r} (first in {person_origin[pe.id]})", pe.id)
            persons[pe.id] = pe
            person_origin[pe.id] = str(p)

    for ctx, i, ext in extends:
        d = dict(ext)
        eid = str(d.get("id", f"extend #{i + 1}"))
        _check_keys(ctx, i, d, _EXTEND_KEYS, {"id", "source"}, eid)
        if eid not in builders:
            raise ctx.err(i, f"extend of unknown place id {eid!r}", eid)
        builders[eid].add(
            _lang_map(ctx, i, d.get("names"), "names", eid),
            _lang_map(ctx, i, d.get("adjectives"), "adjectives", eid),
            _str_list(ctx, i, d.get("weak", []), "weak", eid),
        )

    gid_owner: dict[int, str] = {}
    for b in builders.values():
        if b.geonames_id is not None:
            if b.geonames_id in gid_owner:
                raise GazetteerError(
                    b.origin.rsplit(":", 1)[0], None,
                    f"geonames_id {b.geonames_id} used by both {gid_owner[b.geonames_id]!r} and {b.id!r}", b.id,
                )
            gid_owner[b.geonames_id] = b.id

    tdir = root / "titles"
    if tdir.is_dir():
        for p in sorted(tdir.glob("*.toml")):
            lang = p.stem
            if lang not in LANGS:
                raise GazetteerError(p, None, f"title file must be named after a language {LANGS}")
            files.append(str(p))
            data, lines = _read_toml(p)
            titles.setdefault(lang, []).extend(_titles_from(p, data, lines, lang))

    cldr = root / "generated" / "cldr_dates.tsv"
    if cldr.exists():
        files.append(str(cldr))
        _read_cldr_dates(cldr, dates)
    ddir = root / "dates"
    if ddir.is_dir():
        for p in sorted(ddir.glob("*.toml")):
            lang = p.stem
            if lang not in LANGS:
                raise GazetteerError(p, None, f"date file must be named after a language {LANGS}")
            files.append(str(p))
            data, lines = _read_toml(p)
            _dates_from(p, data, lines, dates.setdefault(lang, DateTables()))

    # derived tables are built (and cached) with the data
    from .resolve.persons import PersonIndex, person_coref_keys, person_tables

    places = {k: b.freeze() for k, b in builders.items()}
    short_keys, given_ar = person_tables(persons, given.get("ar", set()))
    automaton, entries, person_keys = _build_index(places, persons, _stopwords(root))
    from ._vi_translit import build_index as vi_build_index

    vi_index = vi_build_index(_phonetic_sources(entries))
    return Gazetteer(
        places=places,
        persons=persons,
        titles={k: tuple(v) for k, v in titles.items()},
        dates=dates,
        automaton=automaton,
        entries=entries,
        person_keys=person_keys,
        given_names={k: frozenset(v) for k, v in given.items()},
        short_keys=short_keys,
        given_ar=given_ar,
        coref_keys=person_coref_keys(persons),
        person_index=PersonIndex.build(persons),
        files=tuple(files),
        vi_index=vi_index,
    )


def _phonetic_sources(
    entries: Iterable[tuple[str, tuple[Candidate, ...], int]]
) -> Iterator[tuple[str, int, frozenset[tuple[str, str]]]]:
    """The Latin-script keys of the automaton that name places or persons (not adjectives),
    with their entry index and the entities they read: the sources of the phonetic index."""
    for idx, (key, cands, script) in enumerate(entries):
        if script != 0 or not any(c.isalpha() for c in key):
            continue
        ents = frozenset((c.etype, c.id) for c in cands if c.form != "adjective" and not c.upper)
        if ents and len(ents) == len(cands):
            yield key, idx, ents


def _vi_d_variants(form: str) -> list[str]:
    """A Vietnamese transliteration (hyphenated syllables) written with the other d:
    ``Ben-ga-di`` / ``Ben-ga-đi``, ``Ca-đa-phi`` / ``Ca-da-phi`` (the press writes both)."""
    if "-" not in form:
        return []
    out = []
    if "đ" in form or "Đ" in form:
        out.append(form.replace("đ", "d").replace("Đ", "D"))
    if "d" in form or "D" in form:
        out.append(form.replace("d", "đ").replace("D", "Đ"))
    return out


def _build_index(
    places: Mapping[str, PlaceEntry], persons: Mapping[str, PersonEntry], stop: set[str]
) -> tuple[Any, tuple[tuple[str, tuple[Candidate, ...], int], ...], dict[str, tuple[str, ...]]]:
    from .resolve.names import translit_key  # resolution helpers are pure functions

    table: dict[str, dict[tuple[str, str], Candidate]] = {}

    def put(form: str, cand: Candidate) -> None:
        key = normalize_key(form)
        if (len(key) < 2 and key.isascii()) or not key or key in stop:
            return
        slot = table.setdefault(key, {})
        prev = slot.get((cand.etype, cand.id))
        # a name beats an adjective or short form for the same entity
        rank = {"name": 0, "alias": 1, "adjective": 2, "short": 3}
        if prev is None or rank[cand.form] < rank[prev.form]:
            slot[(cand.etype, cand.id)] = cand

    for p in places.values():
        for lang, forms in p.names.items():
            for f in forms:
                abbrev = f.isascii() and f.replace(".", "").isupper() and len(f.replace(".", "")) <= 4
                cand = Candidate("place", p.id, "name", normalize_key(f) in p.weak, lang, abbrev)
                put(f, cand)
                if lang == "vi":
                    for v in _vi_d_variants(f):
                        put(v, cand)
        for lang, forms in p.adjectives.items():
            for f in forms:
                variants = arabic_nisba_forms(f) if lang == "ar" and is_arabic(f) else [f]
                weak = normalize_key(f) in p.weak
                for v in variants:
                    put(v, Candidate("place", p.id, "adjective", weak, lang))

    person_keys: dict[str, list[str]] = {}
    for pe in persons.values():
        for f in (pe.name, *pe.aliases):
            put(f, Candidate("person", pe.id, "name" if f == pe.name else "alias", False, ""))
            k = fold_arabic_key(f) if is_arabic(f) else translit_key(f)
            if k:
                lst = person_keys.setdefault(k, [])
                if pe.id not in lst:
                    lst.append(pe.id)
        for f in pe.short:
            put(f, Candidate("person", pe.id, "short", False, ""))
        for f in (pe.name, *pe.aliases, *pe.short):
            if "đ" in f.lower():  # Ca-đa-phi, also written Ca-da-phi
                for v in _vi_d_variants(f):
                    put(v, Candidate("person", pe.id, "alias" if f != pe.name else "name", False, ""))

    # the automaton stores integers (it pickles as one buffer); the readings live in a table
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    entries: list[tuple[str, tuple[Candidate, ...], int]] = []
    for key, slot in table.items():
        cands = tuple(sorted(slot.values(), key=lambda c: (c.etype, c.id)))
        arabic = is_arabic(key)
        automaton.add_word(key, len(entries))
        entries.append((key, cands, int(arabic)))
        # the preposition ل before the article drops its alef: ل + القاهرة is written
        # للقاهرة, ل + القذافي للقذافي; the key without the alef matches after that ل alone
        lil = key[1:]
        if arabic and key.startswith("ال") and len(key) >= 5 and lil not in table:
            automaton.add_word(lil, len(entries))
            entries.append((lil, cands, _LIL))
    if not entries:
        automaton.add_word("\x00\x00", 0)
        entries.append(("\x00\x00", (), 0))
    automaton.make_automaton()
    return automaton, tuple(entries), {k: tuple(v) for k, v in person_keys.items()}


# --------------------------------------------------------------------------- process-wide instance

_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None
BUILD_COUNT = 0  # for the concurrency test: the build happens exactly once


def get() -> Gazetteer:
    """The built-in gazetteer, built once per process on first use."""
    global _INSTANCE, BUILD_COUNT
    inst = _INSTANCE
    if inst is not None:
        return inst
    with _LOCK:
        if _INSTANCE is None:
            from ._cache import cached

            root = data_dir()
            files = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".toml", ".tsv")]
            _INSTANCE = cached("gazetteer", files, load)
            BUILD_COUNT += 1
        return _INSTANCE
