"""Titles whose role is said earlier in the text: a bare deputy after a possessive ("His
deputy, Ali al-Za'tari" is the deputy of the envoy named before) and a minister with no
portfolio named to stand in for one ("Thứ trưởng Nội vụ X được giao làm quyền Bộ trưởng":
the acting interior minister).

Run by the pipeline once titles are attached to their persons (``resolve.persons.attach``)
and before countries are filled in.  Linear: one backwards bisect per candidate title.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ... import _regex_cache
from ...resolve.persons import keep_titles

if TYPE_CHECKING:
    from ...resolve.persons import PersonSel, TitleSel

__all__ = ["inherit_roles"]

# a possessive right before the title: its possessor is the person named last before it
_POSSESSIVE = _regex_cache.compile(r"(?:(?<![\w\u0300-\u036f])(?:his|her)|['’]s)\s{1,2}$")
# what separates the antecedent from the title: no line break (a new paragraph starts anew)
_ANTECEDENT_REACH = 300
_EARLIER_MENTIONS = 100  # how many person mentions back an earlier titled mention is looked for
# the end of a sentence between a person and a title after it
_SENTENCE_END = _regex_cache.compile(r"[.!?。\n]\s")
_MINISTER_ROLES = frozenset(
    {"foreign_minister", "interior_minister", "defense_minister", "oil_minister", "finance_minister",
     "justice_minister", "health_minister"}
)


def _person_key(p: PersonSel) -> str:
    return p.entry.id if p.entry is not None and p.entry.id else p.name


def _antecedent_title(
    titles: list[TitleSel], persons: list[PersonSel], ends: list[int], before: int, own: int | None, limit: int
) -> TitleSel | None:
    """The title of the person named last before ``before`` (not ``own``, and not before
    ``limit``), or of an earlier mention of that person; None when that person has none."""
    k = bisect.bisect_right(ends, before) - 1
    while k >= 0 and k == own:
        k -= 1
    if k < 0 or persons[k].end < limit or (limit == before and persons[k].end != before):
        return None
    p = persons[k]
    if p.title is not None:
        return titles[p.title]
    key = _person_key(p)
    for j in range(k - 1, max(-1, k - 1 - _EARLIER_MENTIONS), -1):  # (bounded: linear on any text)
        q = persons[j]
        if q.title is not None and _person_key(q) == key:
            return titles[q.title]
    return None


def inherit_roles(norm: str, titles: list[TitleSel], persons: list[PersonSel]) -> list[TitleSel]:
    """Titles with the role the text gave them earlier; an anaphoric deputy whose office
    cannot be told is dropped (and the persons' title indices renumbered)."""
    if not titles:
        return titles
    ends = [p.end for p in persons]
    keep: list[TitleSel] = []
    changed = False
    for t in titles:
        if t.role == "official" and t.qualifier == "deputy" and not t.has_portfolio:
            # 'deputy' alone: the deputy of the person whose possessive stands before it
            pos = _POSSESSIVE.search(norm, max(0, t.start - 6), t.start)
            ante = None
            if pos is not None:
                if pos.group().startswith(("'", "’")):
                    limit = pos.start()  # "Kobler's deputy": the possessor is the person just before
                else:
                    start = max(0, pos.start() - _ANTECEDENT_REACH)
                    nl = norm.rfind("\n", start, pos.start())
                    limit = nl + 1 if nl >= 0 else start
                ante = _antecedent_title(titles, persons, ends, pos.start(), t.person, limit)
            if ante is None or (ante.role == "official" and ante.qualifier == "deputy"):
                changed = True
                continue
            t.role, t.role_cue = ante.role, True
            t.country = t.country or ante.country
            t.organization = t.organization or ante.organization
        elif t.role == "minister" and not t.has_portfolio and t.person is None and t.role_cue:
            # 'được giao làm quyền Bộ trưởng', 'was named acting minister': the portfolio of
            # the minister named before in the same sentence
            start = max(0, t.start - _ANTECEDENT_REACH)
            ends_at = [m.end() for m in _SENTENCE_END.finditer(norm, start, t.start)]
            limit = ends_at[-1] if ends_at else start
            ante = _antecedent_title(titles, persons, ends, t.start, None, limit)
            if ante is not None and ante.role in _MINISTER_ROLES and ante.start >= limit:
                t.role = ante.role
                t.country = t.country or ante.country
        keep.append(t)
    if not changed:
        return titles
    return keep_titles(keep, persons)
