"""TimeML / TIMEX3 output: the article text with inline ``<TIMEX3>`` elements.

The shape is the one TempEval-3 tools read::

    <?xml version="1.0" encoding="UTF-8"?>
    <TimeML>
    <DOCID>file.txt</DOCID>
    <DCT><TIMEX3 tid="t0" type="DATE" value="2020-12-28" temporalFunction="false"
          functionInDocument="CREATION_TIME">2020-12-28</TIMEX3></DCT>
    <TEXT>... <TIMEX3 tid="t1" type="DATE" value="2020-12-27" temporalFunction="true"
          anchorTimeID="t0">ngày 27/12</TIMEX3> ...</TEXT>
    </TimeML>

Several documents go into one ``<TimeML>`` root with one ``<DOC>`` element
(holding ``DOCID``, ``DCT`` and ``TEXT``) per document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .. import _regex_cache
from ..model import DateMention, Document
from ._common import labelled

__all__ = ["to_timex3"]

_TYPES = {"date": "DATE", "duration": "DURATION", "set": "SET", "time": "TIME"}
# characters XML 1.0 cannot carry at all (not even as references)
_NOT_XML = _regex_cache.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\p{Cs}]")


def _text(s: str) -> str:
    s = _NOT_XML.sub("\ufffd", s)
    # "\r" would be turned into "\n" by any XML parser: keep it as a reference
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(s: str) -> str:
    return (
        _text(s).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    )


def _timex(attrs: Sequence[tuple[str, str]], content: str) -> str:
    a = " ".join(f'{k}="{_attr(v)}"' for k, v in attrs)
    return f"<TIMEX3 {a}>{_text(content)}</TIMEX3>"


def _dates(doc: Document) -> list[DateMention]:
    """The date mentions in text order, without overlaps (the first one wins)."""
    out: list[DateMention] = []
    last = 0
    for m in doc.dates:
        if m.start >= last and m.end > m.start:
            out.append(m)
            last = m.end
    return out


def _body(label: str, doc: Document) -> list[str]:
    lines = [f"<DOCID>{_text(label)}</DOCID>"]
    has_dct = doc.reference_date is not None
    if doc.reference_date is not None:
        iso = doc.reference_date.isoformat()
        dct = _timex(
            [
                ("tid", "t0"),
                ("type", "DATE"),
                ("value", iso),
                ("temporalFunction", "false"),
                ("functionInDocument", "CREATION_TIME"),
            ],
            iso,
        )
        lines.append(f"<DCT>{dct}</DCT>")
    parts: list[str] = []
    pos = 0
    for n, m in enumerate(_dates(doc), start=1):
        parts.append(_text(doc.text[pos : m.start]))
        attrs: list[tuple[str, str]] = [
            ("tid", f"t{n}"),
            ("type", _TYPES.get(m.kind, m.kind.upper())),
            ("value", m.value),
        ]
        if m.mod:
            attrs.append(("mod", m.mod))
        attrs.append(("temporalFunction", "true" if m.anchored else "false"))
        if m.anchored and has_dct:
            attrs.append(("anchorTimeID", "t0"))
        parts.append(_timex(attrs, m.text))
        pos = m.end
    parts.append(_text(doc.text[pos:]))
    lines.append("<TEXT>" + "".join(parts) + "</TEXT>")
    return lines


def to_timex3(docs: Document | Iterable[Document], *, labels: Sequence[str] | None = None) -> str:
    """TimeML text with inline ``<TIMEX3>`` elements for one document or several.

    * one :class:`~libyaie.Document` → a TempEval-3 style document: a
      ``<TimeML>`` root holding ``DOCID``, ``DCT`` (when the document has a
      reference date) and ``TEXT``;
    * an iterable of documents → one ``<TimeML>`` root with one ``<DOC>``
      element (``DOCID``, ``DCT``, ``TEXT``) per document, in order.

    Each date mention becomes ``<TIMEX3 tid="tN" type="DATE|DURATION|SET"
    value="..." [mod="..."] temporalFunction="true|false" [anchorTimeID="t0"]>``
    around its original text; ``tid`` numbering restarts in each document and
    ``t0`` is the document creation time.  The text is XML-escaped (a carriage
    return is written ``&#13;`` so that it survives parsing); the few control
    characters XML 1.0 cannot carry are replaced by U+FFFD.  Joining the
    ``itertext()`` of a parsed ``TEXT`` element gives back the original text.

    ``labels`` gives the ``DOCID`` of each document (default ``document 1``, ...).
    """
    single = isinstance(docs, Document)
    items = labelled(docs, labels)
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    if single:
        out.extend(_body(*items[0]))
    else:
        for label, doc in items:
            out.append("<DOC>")
            out.extend(_body(label, doc))
            out.append("</DOC>")
    out.append("</TimeML>")
    return "\n".join(out) + "\n"
