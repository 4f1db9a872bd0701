"""libyaie — officials' titles, persons, dates and places from news about Libya.

Rule-based extraction for Arabic, Vietnamese, Indonesian and English text::

    >>> import datetime, libyaie
    >>> doc = libyaie.extract("Fathi Bashagha visited Cairo last month.",
    ...                       reference_date=datetime.date(2020, 12, 28))
    >>> [(m.text, m.value) for m in doc.dates]
    [('last month', '2020-11')]

See ``docs/usage.md`` and CONTRACT.md for the result model.
"""

from __future__ import annotations

from ._gazetteer import GazetteerError
from ._pipeline import ExtractionError, Extractor, extract, extract_many
from .model import (
    DateMention,
    Document,
    Mention,
    Person,
    PersonMention,
    Place,
    PlaceMention,
    TitleMention,
)

__version__ = "0.1.0"

__all__ = [
    "DateMention",
    "Document",
    "ExtractionError",
    "Extractor",
    "GazetteerError",
    "Mention",
    "Person",
    "PersonMention",
    "Place",
    "PlaceMention",
    "TitleMention",
    "__version__",
    "extract",
    "extract_many",
]
