#!/usr/bin/env python3
"""Generate ``gazetteers/generated/cldr_dates.tsv`` from CLDR (via babel).

Build-time dependency: ``babel==2.18.0`` (CLDR 47).  Not needed at run time.

Output columns (tab-separated, one header line, ``\\n`` line ends)::

    lang  locale  kind  index  form  source

* ``lang``   -- language code: ``ar`` | ``vi`` | ``id`` | ``en``
* ``locale`` -- the babel locale identifier (``en``, ``vi``, ``id``, ``ar``,
  ``ar_001``, ``ar_DZ`` ...; every Arabic locale babel knows)
* ``kind``   -- ``month`` (index 1 = January ... 12 = December) or
  ``weekday`` (index 1 = Monday ... 7 = Sunday)
* ``form``   -- the name as CLDR spells it (not normalised, except that
  whitespace runs, e.g. a NO-BREAK SPACE, become one ASCII space); the
  format and stand-alone contexts and the wide and abbreviated widths are
  merged.  Forms that are a single character or only digits are skipped
  (narrow names such as ``ي``, ``M``; they would match everywhere).
* ``source`` -- ``CLDR <version> via babel <version>``

Rows are deduplicated and sorted by (lang, locale, kind, numeric index, form),
so the output is byte-for-byte reproducible.

Pitfall (see /work/shared/reference/README.md): babel 2.18 caches alias
resolutions in the parent locale's data.  In one process, reading
``Locale('ar').months['stand-alone']['wide']`` before ``Locale('ar_DZ')``
makes ar_DZ return the Egyptian names (يناير ...) instead of the Maghrebi ones
(جانفي ...).  This script therefore reads EVERY locale in a fresh interpreter
(``python -c`` subprocess) and only collects the results here.

Usage::

    python tools/gen_cldr_dates.py            # writes the TSV
    python tools/gen_cldr_dates.py --stdout   # prints it instead
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

EXPECTED_BABEL = "2.18.0"

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "gazetteers" / "generated" / "cldr_dates.tsv"

HEADER = ("lang", "locale", "kind", "index", "form", "source")

CONTEXTS = ("format", "stand-alone")
WIDTHS = ("wide", "abbreviated")

# Code run in a fresh interpreter for one locale: prints a JSON object
# {"months": {"1": [...forms], ...}, "weekdays": {"1": [...], ...}}.
# Nothing else of babel is touched in that process before the locale is read.
_CHILD = r"""
import json, sys
from babel import Locale
loc = Locale.parse(sys.argv[1])
out = {"months": {}, "weekdays": {}}
for ctx in %(contexts)r:
    for width in %(widths)r:
        for k, v in loc.months[ctx][width].items():
            out["months"].setdefault(str(int(k)), []).append(v)
        for k, v in loc.days[ctx][width].items():
            # babel: 0 = Monday ... 6 = Sunday -> 1 ... 7
            out["weekdays"].setdefault(str(int(k) + 1), []).append(v)
json.dump(out, sys.stdout, ensure_ascii=False)
""" % {"contexts": CONTEXTS, "widths": WIDTHS}


def _babel_versions() -> tuple[str, str]:
    """(babel version, CLDR version), asked of a fresh interpreter too."""
    code = (
        "import babel, babel.core, json, sys;"
        "json.dump([babel.__version__, str(babel.core.get_cldr_version())], sys.stdout)"
    )
    res = subprocess.run([sys.executable, "-c", code], check=True,
                         capture_output=True, text=True)
    babel_v, cldr_v = json.loads(res.stdout)
    return babel_v, cldr_v


def _locales() -> list[tuple[str, str]]:
    """(lang, locale) pairs: en, vi, id and every ar / ar_* locale."""
    code = (
        "import json, sys; from babel.localedata import locale_identifiers;"
        "json.dump(sorted(locale_identifiers()), sys.stdout)"
    )
    res = subprocess.run([sys.executable, "-c", code], check=True,
                         capture_output=True, text=True)
    known = json.loads(res.stdout)
    arabic = sorted(loc for loc in known if loc == "ar" or loc.startswith("ar_"))
    pairs = [("en", "en"), ("vi", "vi"), ("id", "id")]
    pairs += [("ar", loc) for loc in arabic]
    for _, loc in pairs:
        if loc not in known:
            raise SystemExit(f"babel does not know locale {loc!r}")
    return pairs


def _read_locale(locale: str) -> dict:
    res = subprocess.run([sys.executable, "-c", _CHILD, locale], check=True,
                         capture_output=True, text=True, encoding="utf-8")
    return json.loads(res.stdout)


def _clean(form: str) -> str:
    """Collapse any run of Unicode whitespace (CLDR's ar_IQ writes one
    «تشرين الأول» with U+00A0 NO-BREAK SPACE) to one ASCII space."""
    return " ".join(form.split())


def _keep(form: str) -> bool:
    return len(form) > 1 and not form.isdigit()


def build_rows() -> list[tuple[str, str, str, int, str, str]]:
    babel_v, cldr_v = _babel_versions()
    if babel_v != EXPECTED_BABEL:
        raise SystemExit(
            f"babel {babel_v} installed, this generator is pinned to "
            f"babel=={EXPECTED_BABEL} (pip install babel=={EXPECTED_BABEL})")
    source = f"CLDR {cldr_v} via babel {babel_v}"
    rows = set()
    for lang, locale in _locales():
        data = _read_locale(locale)
        for kind, key in (("month", "months"), ("weekday", "weekdays")):
            for index, forms in data[key].items():
                for form in forms:
                    form = _clean(form)
                    if _keep(form):
                        rows.add((lang, locale, kind, int(index), form, source))
    return sorted(rows)


def render(rows) -> str:
    lines = ["\t".join(HEADER)]
    for lang, locale, kind, index, form, source in rows:
        fields = (lang, locale, kind, str(index), form, source)
        if any("\t" in f or "\n" in f for f in fields):
            raise SystemExit(f"tab or newline in a field: {fields!r}")
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stdout", action="store_true",
                    help="print the TSV instead of writing it")
    ap.add_argument("--output", type=Path, default=OUTPUT,
                    help=f"output path (default: {OUTPUT.relative_to(REPO)})")
    args = ap.parse_args(argv)
    text = render(build_rows())
    if args.stdout:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        print(f"wrote {args.output} ({text.count(chr(10)) - 1} rows)",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
