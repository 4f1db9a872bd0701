"""A self-contained HTML page highlighting the mentions, in the spirit of displaCy.

No script, no external asset: the style sheet is inline and the normalised
value of each mention is its ``title`` attribute (shown on hover).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Sequence

from ..model import Document, Mention
from ._common import KINDS, describe, labelled

__all__ = ["to_html"]

_LEGEND = {
    "date": ("DATE", "date or duration; hover: TIMEX3 value"),
    "place": ("PLACE", "place; hover: GeoNames id and name"),
    "title": ("TITLE", "title of an official; hover: role, qualifier, country, holder"),
    "person": ("PERSON", "person; hover: canonical name"),
}

_CSS = """
:root { --date: #bfdbfe; --place: #bbf7d0; --title: #fed7aa; --person: #fbcfe8;
  --date-b: #2563eb; --place-b: #16a34a; --title-b: #ea580c; --person-b: #db2777; }
body { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Tahoma, Arial, sans-serif;
  margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1f2937; background: #fff; }
h1 { font-size: 1.3rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.05rem; margin: 0; overflow-wrap: anywhere; }
.ly-legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; list-style: none; padding: 0;
  margin: 0 0 1rem; font-size: .9rem; }
.ly-legend li { display: flex; align-items: center; gap: .35rem; }
.ly-doc { border-top: 1px solid #d1d5db; padding: .8rem 0 .4rem; }
.ly-doc > header { color: #4b5563; font-size: .85rem; margin-bottom: .5rem; }
.ly-meta { margin: .2rem 0 0; }
.ly-text p { line-height: 2.3; margin: 0 0 .8rem; overflow-wrap: break-word; }
.ly-text[lang="ar"], .ly-text p[dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic",
  "DejaVu Sans", "Geeza Pro", Tahoma, sans-serif; }
.ly-text[lang="ar"] { font-size: 1.1em; }
mark { color: inherit; padding: .1em .25em; border-radius: .3em; border: 1px solid transparent;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark mark { padding: 0 .15em; }
mark.ly-date { background: var(--date); border-color: var(--date-b); }
mark.ly-place { background: var(--place); border-color: var(--place-b); }
mark.ly-title { background: var(--title); border-color: var(--title-b); }
mark.ly-person { background: var(--person); border-color: var(--person-b); }
mark[data-label]::after { content: attr(data-label); font-size: .58em; font-weight: bold;
  letter-spacing: .02em; vertical-align: middle; margin-inline-start: .3em; opacity: .65; }
mark.ly-cont[data-label]::after, mark.ly-open[data-label]::after { content: none; }
.ly-empty { color: #6b7280; font-style: italic; }
"""


def _dir_of(text: str) -> str:
    """``rtl`` when Arabic letters dominate, ``ltr`` when Latin ones do, else ``auto``."""
    rtl = ltr = 0
    for ch in text:
        if "\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc":
            rtl += ch.isalpha()
        elif ch.isalpha():
            ltr += 1
    if rtl > ltr:
        return "rtl"
    if ltr > rtl:
        return "ltr"
    return "auto"


def _order(m: Mention) -> tuple[int, int, int]:
    return (m.start, -m.end, KINDS.index(m.label) if m.label in KINDS else 9)


def _open_tag(m: Mention, ident: str, piece: str) -> str:
    label = m.label if m.label in _LEGEND else "date"
    cls = f"ly-{label}" + (f" {piece}" if piece else "")
    return (
        f'<mark class="{cls}" dir="auto" data-label="{_LEGEND[label][0]}" data-span="{ident}"'
        f' title="{html.escape(describe(m), quote=True)}">'
    )


def _paragraph(text: str, start: int, end: int, mentions: Sequence[tuple[str, Mention]]) -> str:
    """The HTML of ``text[start:end]`` with nested (and, when they cross, split) marks."""
    inside = [(i, m) for i, m in mentions if m.start < end and start < m.end and m.end > m.start]
    cuts = {start, end}
    for _, m in inside:
        cuts.add(max(start, m.start))
        cuts.add(min(end, m.end))
    bounds = sorted(cuts)
    # the open stack: (ident, mention, index of its opening tag in out, offset where it opened)
    stack: list[tuple[str, Mention, int, int]] = []
    out: list[str] = []

    def close(upto: int, at: int) -> None:
        while len(stack) > upto:
            ident, m, slot, opened = stack.pop()
            piece = []
            if opened > m.start:
                piece.append("ly-cont")  # a piece after the first one
            if at < m.end:
                piece.append("ly-open")  # a piece before the last one
            out[slot] = _open_tag(m, ident, " ".join(piece))
            out.append("</mark>")

    for a, b in itertools.pairwise(bounds):
        active = sorted((x for x in inside if x[1].start <= a and x[1].end >= b), key=lambda x: _order(x[1]))
        k = 0
        while k < len(stack) and k < len(active) and stack[k][0] == active[k][0]:
            k += 1
        close(k, a)
        for ident, m in active[k:]:
            stack.append((ident, m, len(out), a))
            out.append("")  # the opening tag, written when the piece closes
        out.append(html.escape(text[a:b], quote=False).replace("\x00", "\ufffd"))
    close(0, end)
    return "".join(out)


def _article(n: int, label: str, doc: Document) -> str:
    mentions = [(f"d{n}-m{i}", m) for i, m in enumerate(sorted(doc.mentions, key=_order), start=1)]
    arabic = doc.lang == "ar"
    lang_attr = f' lang="{html.escape(doc.lang)}"' if doc.lang and doc.lang != "und" else ""
    ref = "none" if doc.reference_date is None else doc.reference_date.isoformat()
    if doc.reference_date_source:
        ref += f" ({doc.reference_date_source})"
    counts = {k: 0 for k in KINDS}
    for _, m in mentions:
        counts[m.label] = counts.get(m.label, 0) + 1
    summary = ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in KINDS)
    parts = [
        f'<article class="ly-doc" id="doc-{n}" data-lang="{html.escape(doc.lang)}">',
        '<header dir="ltr">',
        f"<h2>{html.escape(label)}</h2>",
        f'<p class="ly-meta">language {html.escape(doc.lang)} · reference date {html.escape(ref)}'
        f" · {html.escape(summary)}</p>",
        "</header>",
        f'<div class="ly-text"{lang_attr} dir="{"rtl" if arabic else "auto"}">',
    ]
    pos = 0
    paragraphs = 0
    text = doc.text
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        if end > pos and text[end - 1] == "\r":
            end -= 1  # CRLF line ends
        if text[pos:end].strip():
            para_dir = _dir_of(text[pos:end])
            if arabic and para_dir == "auto":
                para_dir = "rtl"
            parts.append(f'<p dir="{para_dir}">{_paragraph(text, pos, end, mentions)}</p>')
            paragraphs += 1
        if nl < 0:
            break
        pos = nl + 1
    if not paragraphs:
        parts.append('<p class="ly-empty" dir="ltr" lang="en">(empty document)</p>')
    parts.append("</div>")
    parts.append("</article>")
    return "\n".join(parts)


def to_html(
    docs: Document | Iterable[Document],
    *,
    labels: Sequence[str] | None = None,
    title: str = "libyaie",
) -> str:
    """A complete, self-contained HTML page highlighting the mentions of one document
    or several (one ``<article class="ly-doc">`` each, in order).

    * Each mention is a ``<mark class="ly-date|ly-place|ly-title|ly-person">``
      whose ``title`` attribute (hover text) gives the normalised value: the
      TIMEX3 value and mod of a date, the GeoNames id, canonical name and
      country of a place, the role, qualifier, country and holder of a title,
      the canonical name of a person; ``data-label`` holds ``DATE``,
      ``PLACE``, ``TITLE`` or ``PERSON`` and ``data-span`` identifies the
      mention.
    * Mentions of different kinds may overlap: a mention inside another is a
      nested mark (a title containing a place); two that cross are cut into
      pieces with the same ``data-span`` (pieces after the first have the
      class ``ly-cont``).
    * Each line of the text is a ``<p>`` whose ``dir`` is ``rtl`` when Arabic
      letters dominate it, ``ltr`` when Latin letters do, ``auto`` otherwise;
      an Arabic document's text block has ``lang="ar" dir="rtl"``; each mark
      has ``dir="auto"`` so that a Latin name inside Arabic text (or the
      reverse) is laid out on its own.  Blank lines are dropped; otherwise
      the text content of the paragraphs is exactly the text of the lines.
    * Everything is HTML-escaped (a NUL character, which HTML cannot carry,
      becomes U+FFFD); the page has an inline style sheet, a
      legend, and neither script nor external resource.

    ``labels`` gives each document's heading (default ``document 1``, ...),
    ``title`` the page title.
    """
    items = labelled(docs, labels)
    legend = "\n".join(
        f'<li><mark class="ly-{k}" title="{html.escape(_LEGEND[k][1], quote=True)}">{_LEGEND[k][0]}</mark>'
        f" {html.escape(_LEGEND[k][1].split(';')[0])}</li>"
        for k in KINDS
    )
    n_docs = f"{len(items)} document{'s' if len(items) != 1 else ''}"
    page = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="libyaie">',
        f"<title>{html.escape(title)} — {n_docs}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{html.escape(title)} <small>({n_docs})</small></h1>",
        f'<ul class="ly-legend">\n{legend}\n</ul>',
        "</header>",
        "<main>",
        *(_article(n, label, doc) for n, (label, doc) in enumerate(items, start=1)),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"
