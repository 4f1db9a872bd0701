"""Public result classes of libyaie (see CONTRACT.md §2).

Every class here is a frozen, slotted attrs class: results are values that
compare equal, hash consistently, pickle, and serialise to plain JSON types
through ``to_dict()``.  Offsets are Python ``str`` indices into the ORIGINAL
text: ``doc.text[m.start:m.end] == m.text`` always holds.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

import attrs

__all__ = [
    "DateMention",
    "Document",
    "Mention",
    "Person",
    "PersonMention",
    "Place",
    "PlaceMention",
    "TitleMention",
]


def _tuple_str(value: Any) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(slots=True)
class Place:
    """A gazetteer place. ``id`` is libyaie's stable slug (``ly-tripoli``)."""

    id: str
    geonames_id: int | None
    name: str
    kind: str
    country: str | None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "geonames_id": self.geonames_id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


@attrs.frozen(slots=True)
class Person:
    """A person. ``id`` is None for persons known only from the text."""

    id: str | None
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_str)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aliases": list(self.aliases)}


@attrs.frozen(slots=True)
class Mention:
    """Base of every mention: a span of the original text."""

    label: ClassVar[str] = "mention"
    start: int
    end: int
    text: str

    def _base_dict(self) -> dict[str, Any]:
        return {"label": self.label, "start": self.start, "end": self.end, "text": self.text}

    def to_dict(self) -> dict[str, Any]:
        return self._base_dict()


@attrs.frozen(slots=True)
class DateMention(Mention):
    """A temporal expression normalised to a TIMEX3 value (CONTRACT.md §4)."""

    label: ClassVar[str] = "date"
    value: str = ""
    kind: str = "date"
    """TIMEX3 type: ``date``, ``duration`` or ``set``."""
    mod: str | None = None
    anchored: bool = False
    rule: str = ""
    """Name of the rule that matched (for debugging and evaluation)."""

    def to_dict(self) -> dict[str, Any]:
        d = self._base_dict()
        d.update(
            value=self.value, kind=self.kind, mod=self.mod, anchored=self.anchored, rule=self.rule
        )
        return d


@attrs.frozen(slots=True)
class PlaceMention(Mention):
    """A place name or adjective linked to a gazetteer place."""

    label: ClassVar[str] = "place"
    place: Place = attrs.field(kw_only=True)
    form: str = "name"
    """``name`` or ``adjective`` (demonym, Arabic nisba)."""
    direction: str | None = None
    """``north``/``south``/``east``/``west``/... for ``eastern Libya``, ``شرق ليبيا``."""

    def to_dict(self) -> dict[str, Any]:
        d = self._base_dict()
        d.update(place=self.place.to_dict(), form=self.form, direction=self.direction)
        return d


@attrs.frozen(slots=True)
class TitleMention(Mention):
    """A title of an official, with the person holding it when known."""

    label: ClassVar[str] = "title"
    role: str = attrs.field(kw_only=True)
    qualifier: str | None = None
    country: str | None = None
    organization: str | None = None
    person: Person | None = None
    inferred: bool = False
    """True when ``person`` was not named in the text but inferred from the
    gazetteer's office terms and the reference date."""

    def to_dict(self) -> dict[str, Any]:
        d = self._base_dict()
        d.update(
            role=self.role,
            qualifier=self.qualifier,
            country=self.country,
            organization=self.organization,
            person=None if self.person is None else self.person.to_dict(),
            inferred=self.inferred,
        )
        return d


@attrs.frozen(slots=True)
class PersonMention(Mention):
    """A mention of a person, with the title attached to it when there is one."""

    label: ClassVar[str] = "person"
    person: Person = attrs.field(kw_only=True)
    title: TitleMention | None = None

    def to_dict(self) -> dict[str, Any]:
        d = self._base_dict()
        t = self.title
        d.update(
            person=self.person.to_dict(),
            title=None if t is None else {"start": t.start, "end": t.end, "role": t.role},
        )
        return d


_KIND_ORDER = {"date": 0, "place": 1, "title": 2, "person": 3}


def _sort_key(m: Mention) -> tuple[int, int, int]:
    return (m.start, m.end, _KIND_ORDER.get(m.label, 9))


def _sorted_dates(v: Any) -> tuple[DateMention, ...]:
    return tuple(sorted(v, key=_sort_key))


def _sorted_places(v: Any) -> tuple[PlaceMention, ...]:
    return tuple(sorted(v, key=_sort_key))


def _sorted_titles(v: Any) -> tuple[TitleMention, ...]:
    return tuple(sorted(v, key=_sort_key))


def _sorted_persons(v: Any) -> tuple[PersonMention, ...]:
    return tuple(sorted(v, key=_sort_key))


@attrs.frozen(slots=True)
class Document:
    """The result of :func:`libyaie.extract` for one text."""

    text: str
    lang: str = "und"
    reference_date: datetime.date | None = None
    reference_date_source: str | None = None
    """``"given"``, ``"dateline"`` or ``None``."""
    dates: tuple[DateMention, ...] = attrs.field(default=(), converter=_sorted_dates)
    places: tuple[PlaceMention, ...] = attrs.field(default=(), converter=_sorted_places)
    titles: tuple[TitleMention, ...] = attrs.field(default=(), converter=_sorted_titles)
    persons: tuple[PersonMention, ...] = attrs.field(default=(), converter=_sorted_persons)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Every mention of every kind, sorted by start (then end, then kind)."""
        allm: list[Mention] = [*self.dates, *self.places, *self.titles, *self.persons]
        return tuple(sorted(allm, key=_sort_key))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types only; dates as ISO strings."""
        return {
            "text": self.text,
            "lang": self.lang,
            "reference_date": None if self.reference_date is None else self.reference_date.isoformat(),
            "reference_date_source": self.reference_date_source,
            "dates": [m.to_dict() for m in self.dates],
            "places": [m.to_dict() for m in self.places],
            "titles": [m.to_dict() for m in self.titles],
            "persons": [m.to_dict() for m in self.persons],
        }
