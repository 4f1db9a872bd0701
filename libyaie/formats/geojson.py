"""GeoJSON output: a FeatureCollection of the places found (RFC 7946)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Document, Place
from ._common import labelled, sentence_at, sentence_ends

__all__ = ["to_geojson"]


def _key(p: Place) -> str:
    return f"geonames:{p.geonames_id}" if p.geonames_id is not None else f"libyaie:{p.id}"


def to_geojson(
    docs: Document | Iterable[Document], *, labels: Sequence[str] | None = None
) -> dict[str, Any]:
    """A GeoJSON ``FeatureCollection`` (a dict, ready for ``json.dump``) of the places
    mentioned in one document or several.

    There is one ``Feature`` per distinct place (same GeoNames id, or same
    libyaie id for a place without one), merged across all the documents, in
    order of first mention.  Its ``id`` is the GeoNames id (an int) or the
    libyaie id, and its ``properties`` are:

    * ``geonames_id`` (int or null), ``id`` (libyaie slug), ``name`` (canonical
      English name), ``kind``, ``country`` (ISO 3166-1 alpha-2 or null);
    * ``mention_count``: how many mentions, over all documents;
    * ``surface_forms``: the distinct texts of the mentions, sorted;
    * ``sentences``: the sentence around each mention, white space folded,
      without duplicates, in order;
    * ``documents``: the labels of the documents that mention it (``labels``,
      default ``document 1``, ...).

    ``geometry`` is a ``Point`` with ``[longitude, latitude]`` (RFC 7946 order)
    when the gazetteer has coordinates, otherwise ``null``: such places are
    listed, not dropped.
    """
    features: dict[str, dict[str, Any]] = {}
    forms: dict[str, set[str]] = {}
    for label, doc in labelled(docs, labels):
        ends = sentence_ends(doc.text, [(m.start, m.end) for m in doc.mentions]) if doc.places else []
        for m in doc.places:
            p = m.place
            key = _key(p)
            feat = features.get(key)
            if feat is None:
                geometry = None
                if p.lat is not None and p.lon is not None:
                    geometry = {"type": "Point", "coordinates": [p.lon, p.lat]}
                feat = features[key] = {
                    "type": "Feature",
                    "id": p.geonames_id if p.geonames_id is not None else p.id,
                    "geometry": geometry,
                    "properties": {
                        "geonames_id": p.geonames_id,
                        "id": p.id,
                        "name": p.name,
                        "kind": p.kind,
                        "country": p.country,
                        "mention_count": 0,
                        "surface_forms": [],
                        "sentences": [],
                        "documents": [],
                    },
                }
                forms[key] = set()
            props = feat["properties"]
            props["mention_count"] += 1
            forms[key].add(m.text)
            sentence = sentence_at(doc.text, m.start, m.end, ends)
            if sentence and sentence not in props["sentences"]:
                props["sentences"].append(sentence)
            if label not in props["documents"]:
                props["documents"].append(label)
    for key, feat in features.items():
        feat["properties"]["surface_forms"] = sorted(forms[key])
    return {"type": "FeatureCollection", "features": list(features.values())}
