"""Date rules, one module per language plus ``common`` for numeric formats."""

from __future__ import annotations

from collections.abc import Mapping

from ..._gazetteer import DateTables
from .. import Rule
from . import ar, common, en, vi
from . import id as id_

MODULES = (common, ar, vi, id_, en)
BY_LANG = {"*": common, "ar": ar, "vi": vi, "id": id_, "en": en}

__all__ = ["BY_LANG", "MODULES", "build", "build_lang"]


def build_lang(tables: Mapping[str, DateTables], lang: str) -> list[Rule]:
    """The date rules of one language (``"*"`` for the shared numeric ones)."""
    return list(BY_LANG[lang].rules(tables))


def build(tables: Mapping[str, DateTables]) -> list[Rule]:
    """Every date rule, compiled against the date tables.  Names are unique."""
    out: list[Rule] = []
    seen: set[str] = set()
    for mod in MODULES:
        for r in mod.rules(tables):
            if r.name in seen:
                raise ValueError(f"duplicate rule name {r.name}")
            seen.add(r.name)
            out.append(r)
    return out
