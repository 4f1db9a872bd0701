"""Gold annotation files and scoring (CONTRACT.md §6).

A gold file is UTF-8 text.  Its first line may be a header, ``# lang=vi
dct=2020-12-28`` (both keys optional), and the rest is the document with inline
marks ``{{K:ATTRS|surface}}``:

====  =================================================  ==========================
K     ATTRS                                              example
====  =================================================  ==========================
d     ``value[/alternative...][;mod=M]``                 ``{{d:2021;mod=END|cuối năm 2021}}``
p     ``geonameid[/alternative...][;adj]``               ``{{p:357994;adj|مصري}}``
t     ``role[/alternative...][;q=qualifier][;c=ISO2]``   ``{{t:foreign_minister;q=deputy;c=RU|Thứ trưởng Ngoại giao}}``
n     ``canonical name[/alias...]``                      ``{{n:Fayez al-Sarraj/Fayez al-Serraj|Fayez El-Sarraj}}``
x     anything (ignored)                                 ``{{x:|quan chức}}``
====  =================================================  ==========================

Removing the marks (keeping their surfaces) yields the plain document text;
gold offsets are ``str`` indices into that plain text.  ``x`` marks a
distractor: a phrase that looks like an entity but is not one.  It is removed
like any other mark and never scored as gold, so a prediction on it counts as a
false positive.  A mark must open and close on the same line and cannot nest;
the body cannot otherwise contain ``{{`` or ``}}``.

Matching: a prediction matches a gold mention of its type when the spans
overlap and the key attribute agrees — the date value is one of the gold
alternatives (``mod`` is not compared), ``str(place.geonames_id)`` is one of
the gold ids, the title role is one of the gold roles (qualifier and country
are not compared), the person's canonical name is one of the gold names after
:func:`fold_name`.  Precision counts the predictions that match some gold
mention; recall counts the gold mentions matched by some prediction (no
one-to-one alignment is required).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final, Protocol

import attrs

from ._codes import QUALIFIERS, ROLES
from .model import DateMention, Document, Mention, PersonMention, PlaceMention, TitleMention

__all__ = [
    "ALL",
    "KINDS",
    "Discrepancy",
    "EvaluationReport",
    "GoldDocument",
    "GoldFormatError",
    "GoldMention",
    "Score",
    "SupportsExtract",
    "evaluate",
    "fold_name",
    "gold_files",
    "match",
    "parse_gold",
    "prediction_key",
    "read_gold",
    "score_document",
]

KINDS: Final[tuple[str, ...]] = ("dates", "places", "titles", "persons")
"""Score kinds, in report order."""

ALL: Final = "ALL"
"""Language key of the cross-language totals; ``scores[(ALL, "all")]`` is the micro total."""

_CODE_TO_LABEL: Final[dict[str, str]] = {
    "d": "date",
    "p": "place",
    "t": "title",
    "n": "person",
    "x": "distractor",
}
_LABEL_TO_KIND: Final[dict[str, str]] = {
    "date": "dates",
    "place": "places",
    "title": "titles",
    "person": "persons",
}
_KIND_TO_LABEL: Final[dict[str, str]] = {v: k for k, v in _LABEL_TO_KIND.items()}

_TIMEX_MODS: Final[frozenset[str]] = frozenset(
    {
        "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
        "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
    }
)
_HEADER_KEYS: Final[frozenset[str]] = frozenset({"lang", "dct"})
_LANG_RE: Final = re.compile(r"[a-z]{2,3}")
_DCT_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY_RE: Final = re.compile(r"[A-Z]{2}")
_GEONAMEID_RE: Final = re.compile(r"\d+")
_TIMEX_VALUE_RE: Final = re.compile(r"[0-9A-Z][0-9A-Za-z:._\-]*")


class GoldFormatError(ValueError):
    """Malformed gold markup.  ``str(err)`` is ``path:line: message``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


# --------------------------------------------------------------------------- gold model


@attrs.frozen(slots=True)
class GoldMention:
    """One gold mark.

    ``kind`` is the mention label (``date``, ``place``, ``title``, ``person``)
    or ``distractor`` for an ``x`` mark; ``attrs`` is the raw ATTRS string;
    ``values`` the alternatives of the key attribute (TIMEX values, GeoNames
    ids, role codes, person names); ``options`` the ``;``-separated options
    in order (``("mod", "END")``, ``("adj", "")``, ``("q", "deputy")``,
    ``("c", "EG")``).  ``start``/``end`` index the plain text.
    """

    kind: str
    start: int
    end: int
    surface: str
    attrs: str = ""
    values: tuple[str, ...] = ()
    options: tuple[tuple[str, str], ...] = ()
    line: int = 0
    """1-based line of the gold file on which the mark opens."""

    def option(self, name: str) -> str | None:
        for key, value in self.options:
            if key == name:
                return value
        return None

    @property
    def scored(self) -> bool:
        return self.kind != "distractor"

    @property
    def mod(self) -> str | None:
        return self.option("mod")

    @property
    def adjective(self) -> bool:
        return self.option("adj") is not None

    @property
    def qualifier(self) -> str | None:
        return self.option("q")

    @property
    def country(self) -> str | None:
        return self.option("c")

    @property
    def key(self) -> str:
        """The key alternatives as written (``a/b``)."""
        return "/".join(self.values)


@attrs.frozen(slots=True)
class GoldDocument:
    """A parsed gold file: header fields, plain text, and marks sorted by start."""

    path: str
    text: str
    lang: str = "und"
    dct: datetime.date | None = None
    mentions: tuple[GoldMention, ...] = ()

    @property
    def scored(self) -> tuple[GoldMention, ...]:
        """The gold mentions that are scored (every mark but distractors)."""
        return tuple(m for m in self.mentions if m.scored)

    @property
    def distractors(self) -> tuple[GoldMention, ...]:
        return tuple(m for m in self.mentions if not m.scored)

    def of_kind(self, kind: str) -> tuple[GoldMention, ...]:
        """Gold mentions of one score kind (``dates``...) or label (``date``...)."""
        label = _KIND_TO_LABEL.get(kind, kind)
        return tuple(m for m in self.mentions if m.kind == label)


# --------------------------------------------------------------------------- parsing


def _parse_header(line: str, path: str) -> tuple[str, datetime.date | None]:
    lang = "und"
    dct: datetime.date | None = None
    seen: set[str] = set()
    for token in line[1:].split():
        key, eq, value = token.partition("=")
        if not eq or not key or not value:
            raise GoldFormatError(path, 1, f"bad header field {token!r} (expected key=value)")
        if key not in _HEADER_KEYS:
            raise GoldFormatError(path, 1, f"unknown header key {key!r} (expected lang or dct)")
        if key in seen:
            raise GoldFormatError(path, 1, f"header key {key!r} given twice")
        seen.add(key)
        if key == "lang":
            if not _LANG_RE.fullmatch(value):
                raise GoldFormatError(path, 1, f"bad language code {value!r}")
            lang = value
        else:
            try:
                if not _DCT_RE.fullmatch(value):
                    raise ValueError(value)
                dct = datetime.date.fromisoformat(value)
            except ValueError:
                raise GoldFormatError(path, 1, f"bad dct {value!r} (expected YYYY-MM-DD)") from None
    return lang, dct


def _split_values(raw: str, what: str, path: str, line: int) -> tuple[str, ...]:
    values = tuple(v.strip() for v in raw.split("/"))
    if not values or any(not v for v in values):
        raise GoldFormatError(path, line, f"empty {what} in {raw!r}")
    return values


def _parse_attrs(
    code: str, raw: str, path: str, line: int
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    if code == "x":
        return (), ()
    if code == "n":
        # Person names may contain anything but '/', which separates aliases.
        return _split_values(raw, "name", path, line), ()
    head, *opts = raw.split(";")
    values = _split_values(head, "value", path, line)
    options: list[tuple[str, str]] = []
    for opt in opts:
        name, eq, value = (s.strip() for s in opt.partition("="))
        if any(name == n for n, _ in options):
            raise GoldFormatError(path, line, f"option {name!r} given twice")
        if code == "d":
            if name != "mod" or not eq:
                raise GoldFormatError(path, line, f"bad date option {opt!r} (expected mod=M)")
            if value not in _TIMEX_MODS:
                raise GoldFormatError(path, line, f"unknown TIMEX3 mod {value!r}")
        elif code == "p":
            if name != "adj" or eq:
                raise GoldFormatError(path, line, f"bad place option {opt!r} (expected adj)")
        else:  # t
            if name == "q" and eq:
                if value not in QUALIFIERS:
                    raise GoldFormatError(
                        path, line, f"unknown qualifier {value!r} (expected one of {', '.join(sorted(QUALIFIERS))})"
                    )
            elif name == "c" and eq:
                if not _COUNTRY_RE.fullmatch(value):
                    raise GoldFormatError(path, line, f"bad country {value!r} (expected ISO 3166-1 alpha-2)")
            else:
                raise GoldFormatError(path, line, f"bad title option {opt!r} (expected q=... or c=...)")
        options.append((name, value))
    for v in values:
        if code == "d" and not _TIMEX_VALUE_RE.fullmatch(v):
            raise GoldFormatError(path, line, f"bad TIMEX3 value {v!r}")
        if code == "p" and not _GEONAMEID_RE.fullmatch(v):
            raise GoldFormatError(path, line, f"bad GeoNames id {v!r} (expected digits)")
        if code == "t" and v not in ROLES:
            raise GoldFormatError(path, line, f"unknown role {v!r} (see CONTRACT.md §3)")
    return values, tuple(options)


_MARK_RE: Final = re.compile(r"\{\{|\}\}")


def parse_gold(text: str, path: str = "<string>") -> GoldDocument:
    """Parse gold markup into a :class:`GoldDocument`.

    The header line is recognised when the first line starts with ``#``.
    Raises :class:`GoldFormatError` (with ``path`` and the 1-based line
    number) on a bad header, an unknown mark kind, malformed ATTRS, an
    unclosed, nested or stray mark, or an empty surface.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_gold() expects str, got {type(text).__name__}")
    if text.startswith("\ufeff"):
        text = text[1:]
    lang, dct = "und", None
    body = text
    line = 1
    if text.startswith("#"):
        header, newline, body = text.partition("\n")
        lang, dct = _parse_header(header.rstrip("\r"), path)
        line = 2 if newline else 1

    out: list[str] = []
    mentions: list[GoldMention] = []
    plain_len = 0
    pos = 0
    while True:
        m = _MARK_RE.search(body, pos)
        chunk = body[pos : m.start() if m else len(body)]
        out.append(chunk)
        plain_len += len(chunk)
        line += chunk.count("\n")
        if m is None:
            break
        if m.group() == "}}":
            raise GoldFormatError(path, line, "'}}' without an opening '{{'")
        open_line = line
        end_nl = body.find("\n", m.end())
        line_end = len(body) if end_nl < 0 else end_nl
        close = body.find("}}", m.end(), line_end)
        reopen = body.find("{{", m.end(), line_end)
        if close < 0:
            raise GoldFormatError(path, open_line, "mark '{{' not closed by '}}' on the same line")
        if 0 <= reopen < close:
            raise GoldFormatError(path, open_line, "nested '{{' inside a mark")
        inner = body[m.end() : close]
        code, colon, rest = inner.partition(":")
        if not colon:
            raise GoldFormatError(path, open_line, f"mark {{{{{inner}}}}} lacks 'K:' (K in d p t n x)")
        if code not in _CODE_TO_LABEL:
            raise GoldFormatError(path, open_line, f"unknown mark kind {code!r} (expected d, p, t, n or x)")
        raw_attrs, bar, surface = rest.partition("|")
        if not bar:
            raise GoldFormatError(path, open_line, f"mark {{{{{inner}}}}} lacks '|surface'")
        if not surface:
            raise GoldFormatError(path, open_line, "empty surface in mark")
        values, options = _parse_attrs(code, raw_attrs, path, open_line)
        mentions.append(
            GoldMention(
                kind=_CODE_TO_LABEL[code],
                start=plain_len,
                end=plain_len + len(surface),
                surface=surface,
                attrs=raw_attrs,
                values=values,
                options=options,
                line=open_line,
            )
        )
        out.append(surface)
        plain_len += len(surface)
        pos = close + 2
    return GoldDocument(path=path, text="".join(out), lang=lang, dct=dct, mentions=tuple(mentions))


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def read_gold(path: str | Path) -> GoldDocument:
    """Read and parse one gold file (UTF-8).  Undecodable bytes raise :class:`GoldFormatError`."""
    p = Path(path)
    data = p.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise GoldFormatError(str(path), line, f"not valid UTF-8 (byte 0x{data[err.start]:02x})") from None
    return parse_gold(text, str(path))


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand directories to their ``*.txt`` files (recursively, sorted); keep files as given.

    A path that does not exist raises :class:`FileNotFoundError`.
    """
    out: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*.txt") if f.is_file()))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"{item}: no such file or directory")
    return out


# --------------------------------------------------------------------------- matching

_ARTICLE_RE: Final = re.compile(r"(?<![^\W_])(?:al|el)(?:-|\s+)(?=[^\W_])")
_SEPARATORS_RE: Final = re.compile(r"[\s\-‐‑‒–—_]+")
_EXTRA_DROP: Final[frozenset[str]] = frozenset({"\u0640"})  # Arabic tatweel
_EXTRA_MAP: Final[dict[int, str]] = {ord("đ"): "d", ord("ð"): "d", ord("ø"): "o", ord("ł"): "l", ord("ı"): "i"}


def fold_name(name: str) -> str:
    """Fold a person name for comparison.

    Lower case; strip diacritics (NFKD, combining marks dropped — this also
    drops Arabic tashkeel and hamza carriers' marks) and tatweel; treat an
    ``al-``/``el-``/``al ``/``el `` article at the start of any word as
    absent; collapse runs of spaces and hyphens to one space.
    ``fold_name("Fayez al-Sarraj") == fold_name("Fayez Al Sarraj") ==
    fold_name("FAYEZ EL-SARRAJ") == "fayez sarraj"``.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    stripped = "".join(
        ch for ch in decomposed if not unicodedata.combining(ch) and ch not in _EXTRA_DROP
    ).translate(_EXTRA_MAP)
    spaced = _SEPARATORS_RE.sub(" ", stripped).strip()
    no_article = _ARTICLE_RE.sub("", spaced)
    return _SEPARATORS_RE.sub(" ", no_article).strip()


def prediction_key(mention: Mention) -> str:
    """The key attribute a prediction is matched on, as a string."""
    if isinstance(mention, DateMention):
        return mention.value
    if isinstance(mention, PlaceMention):
        return str(mention.place.geonames_id)
    if isinstance(mention, TitleMention):
        return mention.role
    if isinstance(mention, PersonMention):
        return mention.person.name
    raise TypeError(f"not a scored mention type: {type(mention).__name__}")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def match(prediction: Mention, gold: GoldMention) -> bool:
    """True when ``prediction`` matches ``gold`` under the CONTRACT §6 rule."""
    if prediction.label != gold.kind:
        return False
    if not _overlaps(prediction.start, prediction.end, gold.start, gold.end):
        return False
    if isinstance(prediction, PersonMention):
        folded = fold_name(prediction.person.name)
        return any(fold_name(v) == folded for v in gold.values)
    if isinstance(prediction, PlaceMention) and prediction.place.geonames_id is None:
        return False
    return prediction_key(prediction) in gold.values


# --------------------------------------------------------------------------- scores


@attrs.frozen(slots=True)
class Score:
    """Counts for one (language, kind) cell.

    ``precision``/``recall``/``f1`` are 0.0 when their denominator is 0;
    :meth:`EvaluationReport.format` prints ``-`` for those.
    """

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.tp_pred + other.tp_pred,
            self.n_pred + other.n_pred,
            self.tp_gold + other.tp_gold,
            self.n_gold + other.n_gold,
        )

    def to_dict(self) -> dict[str, int | float]:
        return {
            "tp_pred": self.tp_pred,
            "n_pred": self.n_pred,
            "tp_gold": self.tp_gold,
            "n_gold": self.n_gold,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@attrs.frozen(slots=True)
class Discrepancy:
    """A missed gold mention or a false-positive prediction.

    For a miss, ``expected`` is the gold key (alternatives joined by ``/``)
    and ``predicted`` the key of an overlapping prediction of the same type,
    if any.  For a false positive, ``predicted`` is the prediction's key and
    ``expected`` the key of an overlapping gold mention of the same type, if
    any; ``distractor`` says whether the prediction overlaps an ``x`` mark.
    """

    file: str
    lang: str
    kind: str
    start: int
    end: int
    surface: str
    expected: str | None
    predicted: str | None
    distractor: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _predictions(doc: Document, kind: str) -> tuple[Mention, ...]:
    if kind == "dates":
        return doc.dates
    if kind == "places":
        return doc.places
    if kind == "titles":
        return doc.titles
    return doc.persons


def score_document(
    gold: GoldDocument, doc: Document
) -> tuple[dict[str, Score], list[Discrepancy], list[Discrepancy]]:
    """Score one document: per-kind :class:`Score`, misses, false positives."""
    scores: dict[str, Score] = {}
    misses: list[Discrepancy] = []
    false_pos: list[Discrepancy] = []
    distractors = gold.distractors
    for kind in KINDS:
        golds = gold.of_kind(kind)
        preds = _predictions(doc, kind)
        matched_gold = [False] * len(golds)
        tp_pred = 0
        for pred in preds:
            hit = False
            for i, g in enumerate(golds):
                if match(pred, g):
                    hit = True
                    matched_gold[i] = True
            if hit:
                tp_pred += 1
                continue
            near = [g for g in golds if _overlaps(pred.start, pred.end, g.start, g.end)]
            false_pos.append(
                Discrepancy(
                    file=gold.path,
                    lang=gold.lang,
                    kind=kind,
                    start=pred.start,
                    end=pred.end,
                    surface=pred.text,
                    expected=" | ".join(g.key for g in near) or None,
                    predicted=prediction_key(pred),
                    distractor=any(_overlaps(pred.start, pred.end, d.start, d.end) for d in distractors),
                )
            )
        for g, ok in zip(golds, matched_gold, strict=True):
            if ok:
                continue
            near_p = [p for p in preds if _overlaps(p.start, p.end, g.start, g.end)]
            misses.append(
                Discrepancy(
                    file=gold.path,
                    lang=gold.lang,
                    kind=kind,
                    start=g.start,
                    end=g.end,
                    surface=g.surface,
                    expected=g.key,
                    predicted=" | ".join(prediction_key(p) for p in near_p) or None,
                )
            )
        scores[kind] = Score(tp_pred, len(preds), sum(matched_gold), len(golds))
    return scores, misses, false_pos


# --------------------------------------------------------------------------- report


def _fmt_ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "-"


def _fmt_f1(s: Score) -> str:
    return f"{s.f1:.3f}" if s.n_pred or s.n_gold else "-"


@attrs.frozen(slots=True)
class EvaluationReport:
    """Scores keyed by ``(lang, kind)``.

    ``lang`` is a header language or :data:`ALL`; ``kind`` is one of
    :data:`KINDS` or ``"all"`` (micro total over kinds).
    ``scores[(ALL, "all")]`` is the overall micro total.
    """

    scores: dict[tuple[str, str], Score]
    misses: tuple[Discrepancy, ...] = ()
    false_positives: tuple[Discrepancy, ...] = ()
    files: tuple[str, ...] = ()

    @property
    def languages(self) -> tuple[str, ...]:
        """The header languages seen, sorted (without :data:`ALL`)."""
        return tuple(sorted({lang for lang, _ in self.scores if lang != ALL}))

    @property
    def total(self) -> Score:
        return self.scores.get((ALL, "all"), Score())

    def format(self, verbose: bool = False) -> str:
        """A plain-text table; with ``verbose``, misses and false positives by file."""
        header = f"{'lang':<5} {'kind':<8} {'pred ok/n':>11} {'P':>6} {'gold ok/n':>11} {'R':>6} {'F1':>6}"
        rule = "-" * len(header)
        lines = [f"{len(self.files)} gold file(s)", header, rule]
        for lang in (*self.languages, ALL):
            for kind in (*KINDS, "all"):
                s = self.scores.get((lang, kind), Score())
                lines.append(
                    f"{lang:<5} {kind:<8} {f'{s.tp_pred}/{s.n_pred}':>11} {_fmt_ratio(s.tp_pred, s.n_pred):>6}"
                    f" {f'{s.tp_gold}/{s.n_gold}':>11} {_fmt_ratio(s.tp_gold, s.n_gold):>6} {_fmt_f1(s):>6}"
                )
            lines.append(rule)
        if verbose:
            by_file: dict[str, list[tuple[str, Discrepancy]]] = defaultdict(list)
            for d in self.misses:
                by_file[d.file].append(("MISS", d))
            for d in self.false_positives:
                by_file[d.file].append(("FP", d))
            for file in self.files:
                items = sorted(by_file.get(file, []), key=lambda it: (it[1].start, it[1].end, it[0]))
                if not items:
                    continue
                lines.append("")
                lines.append(f"== {file}")
                for tag, d in items:
                    surface = " ".join(d.surface.split())
                    if tag == "MISS":
                        detail = f"expected {d.expected}"
                        if d.predicted is not None:
                            detail += f" (predicted {d.predicted})"
                    else:
                        detail = f"predicted {d.predicted}"
                        if d.expected is not None:
                            detail += f" (expected {d.expected})"
                        elif d.distractor:
                            detail += " (distractor)"
                    lines.append(f"  {tag:<4} {d.kind:<7} {d.start:>5}-{d.end:<5} {surface!r}  {detail}")
        return "\n".join(lines) + "\n"


class SupportsExtract(Protocol):
    """Anything with libyaie's ``extract`` signature (an :class:`libyaie.Extractor`, a fake)."""

    def extract(self, text: str, *, reference_date: datetime.date | None = None) -> Document: ...


class _LibraryExtractor:
    """Calls :func:`libyaie.extract` (looked up at call time)."""

    def extract(self, text: str, *, reference_date: datetime.date | None = None) -> Document:
        from . import extract

        return extract(text, reference_date=reference_date)


def _iter_scored(
    golds: Iterable[GoldDocument], extractor: SupportsExtract
) -> Iterator[tuple[GoldDocument, dict[str, Score], list[Discrepancy], list[Discrepancy]]]:
    for gold in golds:
        doc = extractor.extract(gold.text, reference_date=gold.dct)
        yield (gold, *score_document(gold, doc))


def evaluate(
    paths: Iterable[str | Path], *, extractor: SupportsExtract | None = None
) -> EvaluationReport:
    """Score the extractor on gold files.

    ``paths`` are gold files or directories (searched recursively for
    ``*.txt``).  Every file is parsed before any extraction runs, so a
    malformed file raises :class:`GoldFormatError` early; a missing path
    raises :class:`FileNotFoundError`.  Each plain text is run through
    ``extractor.extract`` (default: :func:`libyaie.extract`) with the
    header's ``dct`` as ``reference_date``.
    """
    if extractor is None:
        extractor = _LibraryExtractor()
    golds = [read_gold(p) for p in gold_files(paths)]
    cells: dict[tuple[str, str], Score] = defaultdict(Score)
    misses: list[Discrepancy] = []
    false_pos: list[Discrepancy] = []
    for gold, scores, doc_misses, doc_fp in _iter_scored(golds, extractor):
        for kind, s in scores.items():
            for lang in (gold.lang, ALL):
                cells[(lang, kind)] += s
                cells[(lang, "all")] += s
        misses.extend(doc_misses)
        false_pos.extend(doc_fp)
    for lang in {g.lang for g in golds} | {ALL}:
        for kind in (*KINDS, "all"):
            cells.setdefault((lang, kind), Score())
    return EvaluationReport(
        scores=dict(cells),
        misses=tuple(misses),
        false_positives=tuple(false_pos),
        files=tuple(g.path for g in golds),
    )
