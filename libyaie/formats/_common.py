"""Helpers shared by the output formats: document lists, labels, sentences, hover text."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from .. import _regex_cache
from ..model import DateMention, Document, Mention, PersonMention, PlaceMention, TitleMention

__all__ = ["KINDS", "describe", "labelled", "sentence_at", "sentence_ends"]

KINDS: tuple[str, ...] = ("date", "place", "title", "person")
"""The mention labels, in the order the formats list them."""

# End of a sentence: terminal punctuation (Latin and Arabic), optional closing quotes or
# brackets, then white space; or a line break.
_BOUNDARY = _regex_cache.compile(r"[.!?؟。…]+[\"'”’»)\]]*(?=\s|$)|\n")
_MAX_SENTENCE = 400


def labelled(
    docs: Document | Iterable[Document], labels: Sequence[str] | None = None
) -> list[tuple[str, Document]]:
    """``[(label, document), ...]`` for one document or an iterable of them.

    ``labels`` names the documents (file names); by default they are called
    ``document 1``, ``document 2``, ... .  Raises ``TypeError`` for anything
    that is not a :class:`Document`, and ``ValueError`` when the number of
    labels differs from the number of documents.
    """
    items = [docs] if isinstance(docs, Document) else list(docs)
    for d in items:
        if not isinstance(d, Document):
            raise TypeError(f"expected libyaie.Document objects, got {type(d).__name__}")
    if labels is None:
        names = [f"document {i}" for i in range(1, len(items) + 1)]
    else:
        names = [str(x) for x in labels]
        if len(names) != len(items):
            raise ValueError(f"{len(names)} label(s) for {len(items)} document(s)")
    return list(zip(names, items, strict=True))


def sentence_ends(text: str, protect: Iterable[tuple[int, int]] = ()) -> list[int]:
    """Offsets just after each sentence end in ``text`` (see :func:`sentence_at`).

    No sentence ends strictly inside one of the ``protect`` spans (mentions such
    as ``Jan. 2020``).
    """
    inside = bytearray(len(text) + 1)
    for s, e in protect:
        for k in range(max(0, s + 1), min(len(text), e - 1) + 1):
            inside[k] = 1
    ends: list[int] = []
    for m in _BOUNDARY.finditer(text):
        i = m.start()
        if m.group() == "." and _single_letter_before(text, i):
            continue  # "U.S. Secretary", "J. Smith": an abbreviation, not a sentence end
        if inside[m.end()]:
            continue
        ends.append(m.end())
    return ends


def _single_letter_before(text: str, i: int) -> bool:
    return i >= 1 and text[i - 1].isalpha() and (i < 2 or not text[i - 2].isalpha())


def sentence_at(text: str, start: int, end: int, ends: Sequence[int] | None = None) -> str:
    """The sentence of ``text`` around the span ``[start, end)``, white space folded.

    Sentences end at ``. ! ? ؟ …`` followed by white space, and at line breaks.
    A very long sentence is cut to about 400 characters around the span (``…``
    marks the cut).  ``ends`` may pass a precomputed :func:`sentence_ends`.
    """
    if ends is None:
        ends = sentence_ends(text)
    i = bisect.bisect_right(ends, start)
    s = ends[i - 1] if i else 0
    j = bisect.bisect_left(ends, end)
    e = ends[j] if j < len(ends) else len(text)
    prefix = suffix = ""
    if e - s > _MAX_SENTENCE:
        room = max(0, (_MAX_SENTENCE - (end - start)) // 2)
        if start - room > s:
            s, prefix = start - room, "…"
        if end + room < e:
            e, suffix = end + room, "…"
    body = " ".join(text[s:e].split())
    return f"{prefix}{body}{suffix}" if body else body


def describe(m: Mention) -> str:
    """A one-line description of a mention's normalised value (the HTML hover text)."""
    if isinstance(m, DateMention):
        parts = [f"DATE {m.value or '?'}"]
        if m.kind != "date":
            parts.append(m.kind)
        if m.mod:
            parts.append(f"mod {m.mod}")
        if m.anchored:
            parts.append("from the reference date")
        return " · ".join(parts)
    if isinstance(m, PlaceMention):
        p = m.place
        name = f"{p.name} [{p.country}]" if p.country else p.name
        gid = f"GeoNames {p.geonames_id}" if p.geonames_id is not None else f"libyaie {p.id}"
        parts = [f"PLACE {name}", gid, p.kind]
        if m.form != "name":
            parts.append(m.form)
        if m.direction:
            parts.append(m.direction)
        return " · ".join(parts)
    if isinstance(m, TitleMention):
        role = m.role + (f" ({m.qualifier})" if m.qualifier else "")
        parts = [f"TITLE {role}"]
        if m.country:
            parts.append(m.country)
        if m.organization:
            parts.append(m.organization)
        if m.person is not None:
            parts.append(f"→ {m.person.name}" + (" (inferred)" if m.inferred else ""))
        return " · ".join(parts)
    if isinstance(m, PersonMention):
        parts = [f"PERSON {m.person.name}"]
        if m.title is not None:
            parts.append(m.title.role + (f" ({m.title.qualifier})" if m.title.qualifier else ""))
        return " · ".join(parts)
    return m.label.upper()
