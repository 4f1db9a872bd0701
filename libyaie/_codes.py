"""Closed vocabularies of the public contract (CONTRACT.md §2–§3)."""

from __future__ import annotations

ROLES: frozenset[str] = frozenset(
    """president vice_president prime_minister foreign_minister interior_minister
    defense_minister oil_minister finance_minister justice_minister health_minister
    minister speaker council_chair secretary_general envoy ambassador spokesperson
    intelligence_chief chief_of_staff commander field_marshal general colonel king emir
    crown_prince leader governor mayor member_of_parliament head official""".split()
)

QUALIFIERS: frozenset[str] = frozenset({"deputy", "assistant", "acting", "former", "designate"})

DIRECTIONS: frozenset[str] = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central"}
)

PLACE_KINDS: frozenset[str] = frozenset(
    {
        "country", "city", "region", "facility", "port", "oilfield", "airport", "base",
        "water", "mountain", "district", "territory", "continent", "island", "desert",
    }
)

LANGS: tuple[str, ...] = ("ar", "vi", "id", "en")
