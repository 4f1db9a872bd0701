"""Output formats for libyaie documents: TimeML/TIMEX3, GeoJSON and an HTML highlight view.

::

    import libyaie
    from libyaie.formats import to_geojson, to_html, to_timex3

    doc = libyaie.extract(text, reference_date=datetime.date(2020, 12, 28))
    xml = to_timex3(doc)                 # str: TimeML with inline <TIMEX3> elements
    fc = to_geojson([doc, other])        # dict: a GeoJSON FeatureCollection of the places
    page = to_html([doc, other], labels=["a.txt", "b.txt"])   # str: a self-contained page

Each function takes one :class:`~libyaie.Document` or an iterable of them,
and an optional ``labels`` sequence naming the documents.  See
``docs/interfaces/``.
"""

from __future__ import annotations

from .geojson import to_geojson
from .html import to_html
from .timex3 import to_timex3

__all__ = ["to_geojson", "to_html", "to_timex3"]
