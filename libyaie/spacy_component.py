"""A spaCy pipeline component running libyaie (the optional extra ``libyaie[spacy]``).

::

    import spacy

    nlp = spacy.blank("xx")
    nlp.add_pipe("libyaie", config={"reference_date": "2020-12-28"})
    doc = nlp("Libyan Prime Minister Fayez al-Serraj met Egyptian officials in Cairo on Sunday.")
    for span in doc.spans["libyaie"]:
        print(span.label_, span.text, span._.timex, span._.geonames_id, span._.role, span._.person)

The component fills the span group ``doc.spans["libyaie"]`` (the key is the
``spans_key`` setting) with one span per libyaie mention, labelled ``DATE``,
``PLACE``, ``TITLE`` or ``PERSON``, aligned to spaCy tokens: a mention that
starts or ends inside a token (Arabic ``وطرابلس`` is one token for a blank
pipeline, the mention is ``طرابلس``) is expanded to whole tokens.  Spans of
different kinds may overlap (a title containing a place), which a span group
allows and ``doc.ents`` would not.  Extension attributes on each span:

* ``span._.timex``: the TIMEX3 value of a date (``2020-12-27``, ``P6Y``);
* ``span._.geonames_id``: the GeoNames id (int) of a place;
* ``span._.role``: the role code of a title, or of the title attached to a person;
* ``span._.person``: the canonical name of a person, or of the holder of a title.

Attributes that do not apply are ``None``.  Settings (``config=``):

* ``reference_date``: ``"YYYY-MM-DD"`` or ``None`` (default; datelines are
  then used as in :func:`libyaie.extract`); a document can override it with
  ``doc._.reference_date`` (a ``datetime.date`` or an ISO string);
* ``gazetteers``: a list of user gazetteer files (see ``Extractor``);
* ``spans_key``: the span group to fill (default ``"libyaie"``).

The factory is registered when this module is imported; an installed libyaie
also declares it as a ``spacy_factories`` entry point, so ``nlp.add_pipe("libyaie")``
works without importing anything first.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from spacy.language import Language  # type: ignore[import-not-found, unused-ignore]
from spacy.tokens import Doc, Span  # type: ignore[import-not-found, unused-ignore]

from ._pipeline import Extractor, extract
from .model import DateMention, Document, Mention, PersonMention, PlaceMention, TitleMention

__all__ = ["LABELS", "LibyaieComponent", "make_component"]

LABELS: dict[str, str] = {"date": "DATE", "place": "PLACE", "title": "TITLE", "person": "PERSON"}
"""libyaie mention label → spaCy span label."""

_SPAN_EXTENSIONS = ("timex", "geonames_id", "role", "person")


def _register_extensions() -> None:
    for name in _SPAN_EXTENSIONS:
        Span.set_extension(name, default=None, force=True)
    if not Doc.has_extension("reference_date"):
        Doc.set_extension("reference_date", default=None)


def _as_date(value: Any, what: str) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        raise ValueError(f"{what}: invalid date {value!r} (expected YYYY-MM-DD)")
    raise TypeError(f"{what}: expected a date or a YYYY-MM-DD string, got {type(value).__name__}")


class LibyaieComponent:
    """The ``libyaie`` pipeline component: runs libyaie on ``doc.text`` and adds spans."""

    def __init__(
        self,
        name: str = "libyaie",
        *,
        reference_date: str | datetime.date | None = None,
        gazetteers: Sequence[str] = (),
        spans_key: str = "libyaie",
    ) -> None:
        _register_extensions()
        self.name = name
        self.reference_date = _as_date(reference_date, f"{name}: reference_date")
        self.spans_key = spans_key
        self.gazetteers = tuple(str(g) for g in gazetteers)
        self._extractor = Extractor(extra_gazetteers=self.gazetteers) if self.gazetteers else None

    def extract(self, doc: Doc) -> Document:
        """The libyaie :class:`~libyaie.Document` for a spaCy ``Doc``."""
        ref = _as_date(doc._.reference_date, "doc._.reference_date") or self.reference_date
        if self._extractor is not None:
            return self._extractor.extract(doc.text, reference_date=ref)
        return extract(doc.text, reference_date=ref)

    def __call__(self, doc: Doc) -> Doc:
        result = self.extract(doc)
        spans: list[Span] = []
        for m in result.mentions:
            span = doc.char_span(m.start, m.end, label=LABELS.get(m.label, m.label.upper()), alignment_mode="expand")
            if span is None:  # only white space: no token to hold it
                continue
            _fill(span, m)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def _fill(span: Span, m: Mention) -> None:
    if isinstance(m, DateMention):
        span._.timex = m.value
    elif isinstance(m, PlaceMention):
        span._.geonames_id = m.place.geonames_id
    elif isinstance(m, TitleMention):
        span._.role = m.role
        span._.person = None if m.person is None else m.person.name
    elif isinstance(m, PersonMention):
        span._.person = m.person.name
        span._.role = None if m.title is None else m.title.role


def make_component(
    nlp: Language,
    name: str,
    reference_date: str | None,
    gazetteers: list[str],
    spans_key: str,
) -> LibyaieComponent:
    """The spaCy factory behind ``nlp.add_pipe("libyaie", config={...})``."""
    return LibyaieComponent(name, reference_date=reference_date, gazetteers=gazetteers, spans_key=spans_key)


_register_extensions()
Language.factory(
    "libyaie",
    func=make_component,
    default_config={"reference_date": None, "gazetteers": [], "spans_key": "libyaie"},
    assigns=[
        "doc.spans",
        *(f"span._.{n}" for n in _SPAN_EXTENSIONS),
    ],
)
