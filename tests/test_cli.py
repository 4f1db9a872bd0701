"""The ``libyaie`` command line, run as ``python -m libyaie`` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = SEEDS / "gold"
SEED = SEEDS / "000_ee3342e73653058c.txt"
DOC_KEYS = {"text", "lang", "reference_date", "reference_date_source", "dates", "places", "titles", "persons", "file"}


def run(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-m", "libyaie", *args],
        cwd=cwd,
        env=env,
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=300,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("libyaie: error: ")
    for f in fragments:
        assert f in lines[0]


def check_document(obj: dict[str, object], text: str, file: str) -> None:
    assert set(obj) >= DOC_KEYS
    assert obj["text"] == text
    assert obj["file"] == file
    assert obj["lang"] in {"ar", "vi", "id", "en", "und"}
    for kind in ("dates", "places", "titles", "persons"):
        mentions = obj[kind]
        assert isinstance(mentions, list)
        for m in mentions:
            assert text[m["start"] : m["end"]] == m["text"]


def test_version(tmp_path: Path) -> None:
    proc = run(tmp_path, "--version")
    assert proc.returncode == 0
    assert proc.stdout.strip().startswith("libyaie ")
    assert proc.stdout.strip().split()[1][0].isdigit()


def test_extract_json(tmp_path: Path) -> None:
    proc = run(tmp_path, "extract", str(SEED), "--reference-date", "2020-12-28", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert isinstance(data, list) and len(data) == 1
    check_document(data[0], SEED.read_text(encoding="utf-8"), str(SEED))
    # the stub pipeline may not echo the reference date yet; a real one must give it back
    assert data[0]["reference_date"] in (None, "2020-12-28")


def test_extract_json_is_default_format(tmp_path: Path) -> None:
    proc = run(tmp_path, "extract", str(SEED))
    assert proc.returncode == 0, proc.stderr
    assert isinstance(json.loads(proc.stdout), list)


def test_extract_jsonl_one_object_per_document(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    proc = run(tmp_path, "extract", *map(str, seeds), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(seeds) >= 5
    for line, seed in zip(lines, seeds, strict=True):
        check_document(json.loads(line), seed.read_text(encoding="utf-8"), str(seed))


def test_extract_table(tmp_path: Path) -> None:
    proc = run(tmp_path, "extract", str(SEED), "--format", "table", "--reference-date", "2020-12-28")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()
    first = proc.stdout.splitlines()[0]
    assert first.startswith(f"== {SEED}") and "lang=" in first


def test_extract_stdin(tmp_path: Path) -> None:
    text = "Thủ tướng Fayez al-Sarraj tới Tripoli ngày 27/12.\n"
    proc = run(tmp_path, "extract", "-", "--format", "jsonl", stdin=text.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    obj = json.loads(line)
    check_document(obj, text, "<stdin>")


def test_extract_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run(tmp_path, "extract", "empty.txt", "--format", "jsonl")
    # an empty input is reported (one line, exit 1) but still yields its empty record
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip() == "libyaie: error: empty.txt: empty input"
    obj = json.loads(proc.stdout)
    check_document(obj, "", "empty.txt")
    assert obj["dates"] == obj["places"] == obj["titles"] == obj["persons"] == []


def test_extract_missing_file(tmp_path: Path) -> None:
    proc = run(tmp_path, "extract", "no-such-file.txt")
    assert proc.returncode == 1
    assert_one_line_error(proc, "no-such-file.txt")


def test_extract_directory_as_file(tmp_path: Path) -> None:
    (tmp_path / "adir").mkdir()
    proc = run(tmp_path, "extract", "adir")
    assert proc.returncode == 1
    assert_one_line_error(proc, "adir", "directory")


def test_extract_undecodable_file(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    proc = run(tmp_path, "extract", "bad.txt")
    assert proc.returncode == 1
    assert_one_line_error(proc, "bad.txt", "UTF-8")


def test_extract_bad_file_does_not_stop_good_ones(tmp_path: Path) -> None:
    proc = run(tmp_path, "extract", "missing.txt", str(SEED), "--format", "jsonl")
    assert proc.returncode == 1
    assert_one_line_error(proc, "missing.txt")
    (line,) = proc.stdout.splitlines()
    check_document(json.loads(line), SEED.read_text(encoding="utf-8"), str(SEED))


@pytest.mark.parametrize("bad", ["2020-13-01", "yesterday", "28/12/2020", "2020-2-1"])
def test_extract_bad_reference_date(tmp_path: Path, bad: str) -> None:
    proc = run(tmp_path, "extract", str(SEED), "--reference-date", bad)
    assert proc.returncode == 2
    assert_one_line_error(proc, "--reference-date")
    assert proc.stdout == ""


@pytest.mark.parametrize("args", [(), ("extract",), ("frobnicate",), ("extract", str(SEED), "--format", "xml")])
def test_usage_errors(tmp_path: Path, args: tuple[str, ...]) -> None:
    proc = run(tmp_path, *args)
    assert proc.returncode == 2
    assert_one_line_error(proc)


def test_evaluate_seed_gold(tmp_path: Path) -> None:
    proc = run(tmp_path, "evaluate", str(GOLD))
    assert proc.returncode == 0, proc.stderr
    rows = [line.split() for line in proc.stdout.splitlines()]
    for lang in ("ar", "vi", "id", "ALL"):
        for kind in ("dates", "places", "titles", "persons", "all"):
            row = next((r for r in rows if r[:2] == [lang, kind]), None)
            assert row is not None, (lang, kind, proc.stdout)
            pred, gold = row[2].split("/"), row[4].split("/")
            assert 0 <= int(pred[0]) <= int(pred[1])
            assert 0 <= int(gold[0]) <= int(gold[1])
    all_row = next(r for r in rows if r[:2] == ["ALL", "all"])
    assert int(all_row[4].split("/")[1]) > 100  # the seeds hold hundreds of gold mentions


def test_evaluate_verbose_lists_files(tmp_path: Path) -> None:
    gold = tmp_path / "g.txt"
    gold.write_text("# lang=en dct=2020-12-28\nA visit to {{p:2210247|Zzyzxville}}.", encoding="utf-8")
    proc = run(tmp_path, "evaluate", "-v", "g.txt")
    assert proc.returncode == 0, proc.stderr
    assert "Zzyzxville" in proc.stdout and "MISS" in proc.stdout and "g.txt" in proc.stdout


def test_evaluate_malformed_gold(tmp_path: Path) -> None:
    gold = tmp_path / "broken.txt"
    gold.write_text("# lang=en dct=2020-12-28\nfine line\n{{p:2210247|Tripoli never closed\n", encoding="utf-8")
    proc = run(tmp_path, "evaluate", "broken.txt")
    assert proc.returncode == 1
    assert_one_line_error(proc, "broken.txt:3:")
    assert proc.stdout == ""


def test_evaluate_missing_path(tmp_path: Path) -> None:
    proc = run(tmp_path, "evaluate", "nowhere")
    assert proc.returncode == 1
    assert_one_line_error(proc, "nowhere")


def test_main_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from libyaie._cli import main

    assert main(["extract", str(SEED), "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["file"] == str(SEED)
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    assert "libyaie: error:" in capsys.readouterr().err
    assert main(["extract", str(SEED), "--reference-date", "nope"]) == 2


def test_table_rows_for_each_kind(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import datetime

    import libyaie
    from libyaie import DateMention, Document, Person, PersonMention, Place, PlaceMention, TitleMention
    from libyaie._cli import main

    text = "Thủ tướng Fayez al-Sarraj tới Tripoli ngày 27/12."
    src = tmp_path / "in.txt"
    src.write_text(text, encoding="utf-8")

    def span(sub: str) -> tuple[int, int, str]:
        i = text.index(sub)
        return i, i + len(sub), sub

    sarraj = Person("fayez-al-sarraj", "Fayez al-Sarraj")
    title = TitleMention(*span("Thủ tướng"), role="prime_minister", country="LY", person=sarraj)

    def fake_extract(t: str, *, reference_date: datetime.date | None = None) -> Document:
        assert t == text and reference_date == datetime.date(2020, 12, 28)
        return Document(
            text=t,
            lang="vi",
            reference_date=reference_date,
            reference_date_source="given",
            dates=[DateMention(*span("ngày 27/12"), value="2020-12-27")],
            places=[
                PlaceMention(
                    *span("Tripoli"),
                    place=Place(id="ly-tripoli", geonames_id=2210247, name="Tripoli", kind="city", country="LY"),
                )
            ],
            titles=[title],
            persons=[PersonMention(*span("Fayez al-Sarraj"), person=sarraj, title=title)],
        )

    monkeypatch.setattr(libyaie, "extract", fake_extract)
    assert main(["extract", str(src), "--format", "table", "--reference-date", "2020-12-28"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines()[3:]}
    assert set(rows) == {"date", "place", "title", "person"}
    assert "2020-12-27" in rows["date"] and "ngày 27/12" in rows["date"]
    assert "2210247" in rows["place"] and "Tripoli" in rows["place"]
    assert "prime_minister" in rows["title"] and "LY" in rows["title"]
    assert rows["person"].rstrip().endswith("Fayez al-Sarraj")
    assert "lang=vi" in out.splitlines()[0] and "2020-12-28" in out.splitlines()[0]


# --------------------------------------------------------------------------- issue 7: inputs


def make_tree(root: Path) -> Path:
    """d/a.txt, d/c.md, d/sub/b.txt, d/sub/deeper/d.txt (and an empty directory)."""
    d = root / "d"
    (d / "sub" / "deeper").mkdir(parents=True)
    (d / "nothing").mkdir()
    (d / "a.txt").write_text("Haftar visited Benghazi on 24 December 2020.", encoding="utf-8")
    (d / "c.md").write_text("Serraj flew to Cairo last week.", encoding="utf-8")
    (d / "sub" / "b.txt").write_text("وصل الوفد المصري إلى طرابلس يوم الأحد.", encoding="utf-8")
    (d / "sub" / "deeper" / "d.txt").write_text("Thủ tướng Libya tới Tripoli ngày 27/12.", encoding="utf-8")
    return d


def test_extract_directory_recursive_with_glob(tmp_path: Path) -> None:
    make_tree(tmp_path)
    proc = run(tmp_path, "extract", "d", "--format", "jsonl", "--reference-date", "2020-12-28")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no progress bar: stderr is not a terminal
    files = [json.loads(line)["file"] for line in proc.stdout.splitlines()]
    assert files == [str(Path("d", "a.txt")), str(Path("d", "sub", "b.txt")), str(Path("d", "sub", "deeper", "d.txt"))]
    for line in proc.stdout.splitlines():
        obj = json.loads(line)
        check_document(obj, (tmp_path / obj["file"]).read_text(encoding="utf-8"), obj["file"])
    md = run(tmp_path, "extract", "d", "--glob", "*.md", "--format", "jsonl")
    assert [json.loads(line)["file"] for line in md.stdout.splitlines()] == [str(Path("d", "c.md"))]
    deep = run(tmp_path, "extract", "d", "--glob", "deeper/*.txt", "--format", "jsonl")
    assert [json.loads(line)["file"] for line in deep.stdout.splitlines()] == [str(Path("d", "sub", "deeper", "d.txt"))]


def test_extract_unreadable_directory_and_bad_file_continue(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from libyaie._cli import main

    d = make_tree(tmp_path)
    (d / "sub" / "bad.txt").write_bytes(b"ok \xff\xfe")
    real_scandir = os.scandir
    locked = str(d / "sub" / "deeper")

    def scandir(path: str) -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["extract", str(d), "--format", "jsonl"]) == 1
    out, err = capsys.readouterr()
    errors = err.strip().splitlines()
    assert len(errors) == 2, err
    assert errors[0] == f"libyaie: error: {locked}: cannot read directory (Permission denied)"
    assert errors[1].startswith(f"libyaie: error: {d / 'sub' / 'bad.txt'}: not valid UTF-8")
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(d / "a.txt"), str(d / "sub" / "b.txt")]


def test_extract_jsonl_streams_documents_as_they_are_done(tmp_path: Path) -> None:
    import select

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    with subprocess.Popen(
        [sys.executable, "-m", "libyaie", "extract", str(SEED), "-", "--format", "jsonl"],
        cwd=tmp_path, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        # the first document's line arrives while the second input (stdin) is still open
        ready, _, _ = select.select([proc.stdout], [], [], 240)
        assert ready, "no line before the end of the input: output is not streamed"
        first = json.loads(proc.stdout.readline())
        assert first["file"] == str(SEED)
        proc.stdin.write(b"Haftar visited Benghazi.")
        proc.stdin.close()
        rest = proc.stdout.read().decode("utf-8").splitlines()
        assert proc.wait(timeout=240) == 0
    assert [json.loads(line)["file"] for line in rest] == ["<stdin>"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import pty
    import select

    make_tree(tmp_path)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")

    def stderr_on_tty(*args: str) -> str:
        master, slave = pty.openpty()
        with subprocess.Popen(
            [sys.executable, "-m", "libyaie", "extract", *args],
            cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
        ) as proc:
            os.close(slave)
            data = b""
            while True:
                ready, _, _ = select.select([master], [], [], 240)
                if not ready:
                    break
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                data += chunk
            assert proc.wait(timeout=240) == 0
        os.close(master)
        return data.decode("utf-8", "replace")

    shown = stderr_on_tty("d", "-o", "out.jsonl", "--format", "jsonl")
    assert "\r[" in shown and "3/3" in shown and "0/3" in shown
    assert shown.endswith("\r\x1b[K")  # the bar is cleared at the end
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert stderr_on_tty(str(Path("d", "a.txt")), "-o", "one.json") == ""  # one input: no bar
    piped = run(tmp_path, "extract", "d", "--format", "jsonl")
    assert piped.returncode == 0 and piped.stderr == ""


# --------------------------------------------------------------------------- issue 7: options and formats


def test_extract_kinds_and_lang(tmp_path: Path) -> None:
    proc = run(tmp_path, "extract", str(SEED), "--kinds", "dates,persons", "--lang", "en", "--format", "jsonl",
               "--reference-date", "2020-12-28")
    assert proc.returncode == 0, proc.stderr
    obj = json.loads(proc.stdout)
    assert obj["lang"] == "en"  # detected vi, overridden
    assert obj["places"] == [] and obj["titles"] == []
    assert len(obj["dates"]) >= 3 and len(obj["persons"]) >= 3
    full = json.loads(run(tmp_path, "extract", str(SEED), "--format", "jsonl", "--reference-date", "2020-12-28").stdout)
    assert full["lang"] == "vi" and full["places"] and full["titles"]
    assert obj["dates"] == full["dates"] and obj["persons"] == full["persons"]
    table = run(tmp_path, "extract", str(SEED), "--kinds", "place", "--format", "table")
    rows = table.stdout.splitlines()[3:]
    assert rows and all(r.split()[0] == "place" for r in rows)


@pytest.mark.parametrize(
    "args, fragment",
    [(("--kinds", "dates,weather"), "--kinds"), (("--kinds", ","), "--kinds"), (("--lang", "fr"), "--lang"),
     (("--format", "pdf"), "--format")],
)
def test_extract_bad_options(tmp_path: Path, args: tuple[str, ...], fragment: str) -> None:
    proc = run(tmp_path, "extract", str(SEED), *args)
    assert proc.returncode == 2
    assert_one_line_error(proc, fragment)
    assert proc.stdout == ""


def test_extract_output_file(tmp_path: Path) -> None:
    proc = run(tmp_path, "extract", str(SEED), "-o", "out.json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    (doc,) = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    check_document(doc, SEED.read_text(encoding="utf-8"), str(SEED))
    bad = run(tmp_path, "extract", str(SEED), "--output", str(tmp_path / "no" / "such" / "dir" / "x.json"))
    assert bad.returncode == 1
    assert_one_line_error(bad, "x.json", "cannot write")


def test_extract_timex3_format(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    make_tree(tmp_path)
    one = run(tmp_path, "extract", str(SEED), "--format", "timex3", "--reference-date", "2020-12-28")
    assert one.returncode == 0, one.stderr
    root = ET.fromstring(one.stdout.encode("utf-8"))
    assert root.tag == "TimeML" and root.find("DOC") is None
    assert root.findtext("DOCID") == str(SEED)
    assert "".join(root.find("TEXT").itertext()) == SEED.read_text(encoding="utf-8")  # type: ignore[union-attr]
    values = [t.get("value") for t in root.find("TEXT").iter("TIMEX3")]  # type: ignore[union-attr]
    assert "2020-12-27" in values and "2014" in values
    many = run(tmp_path, "extract", "d", str(SEED), "--format", "timex3", "--reference-date", "2020-12-28")
    assert many.returncode == 0, many.stderr
    docs = ET.fromstring(many.stdout.encode("utf-8")).findall("DOC")
    assert [d.findtext("DOCID") for d in docs] == [
        str(Path("d", "a.txt")), str(Path("d", "sub", "b.txt")), str(Path("d", "sub", "deeper", "d.txt")), str(SEED)
    ]
    for d in docs:
        name = d.findtext("DOCID") or ""
        assert "".join(d.find("TEXT").itertext()) == (tmp_path / name).read_text(encoding="utf-8")  # type: ignore[union-attr]
        assert d.find("DCT/TIMEX3").get("value") == "2020-12-28"  # type: ignore[union-attr]


def test_extract_geojson_format_merges_inputs(tmp_path: Path) -> None:
    make_tree(tmp_path)
    proc = run(tmp_path, "extract", "d", "--format", "geojson", "--reference-date", "2020-12-28")
    assert proc.returncode == 0, proc.stderr
    fc = json.loads(proc.stdout)
    assert fc["type"] == "FeatureCollection"
    by_gid = {f["properties"]["geonames_id"]: f for f in fc["features"]}
    tripoli = by_gid[2210247]["properties"]  # طرابلس in b.txt and Tripoli in d.txt: one feature
    assert tripoli["mention_count"] == 2 and tripoli["surface_forms"] == ["Tripoli", "طرابلس"]
    assert tripoli["documents"] == [str(Path("d", "sub", "b.txt")), str(Path("d", "sub", "deeper", "d.txt"))]
    assert by_gid[88319]["geometry"]["type"] == "Point"  # Benghazi
    lon, lat = by_gid[88319]["geometry"]["coordinates"]
    assert 19 < lon < 21 and 31 < lat < 33
    assert by_gid[88319]["properties"]["sentences"] == ["Haftar visited Benghazi on 24 December 2020."]


def test_extract_html_format_one_article_per_input(tmp_path: Path) -> None:
    make_tree(tmp_path)
    proc = run(tmp_path, "extract", "d", "--format", "html", "--kinds", "dates,places", "-o", "view.html")
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "view.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<article class="ly-doc"') == 3
    assert 'lang="ar" dir="rtl"' in page  # b.txt is Arabic
    assert 'class="ly-place"' in page and 'class="ly-date"' in page
    assert '<mark class="ly-person"' not in page.split("</header>", 1)[1]  # filtered out by --kinds
    assert "GeoNames 88319" in page


def test_extract_user_gazetteer(tmp_path: Path) -> None:
    gaz = tmp_path / "mine.toml"
    gaz.write_text(
        '[[place]]\nid = "ly-abu-qurayn"\nname = "Abu Qurayn"\nkind = "city"\ncountry = "LY"\n'
        'source = "test"\n[place.names]\nen = ["Abu Qurayn", "Abu Grein"]\n',
        encoding="utf-8",
    )
    text = b"Forces advanced on Abu Grein on Sunday."
    without = json.loads(run(tmp_path, "extract", "-", "--format", "jsonl", stdin=text).stdout)
    assert without["places"] == []
    proc = run(tmp_path, "extract", "-", "--format", "jsonl", "--gazetteer", "mine.toml", stdin=text)
    assert proc.returncode == 0, proc.stderr
    (place,) = json.loads(proc.stdout)["places"]
    assert place["text"] == "Abu Grein" and place["place"]["id"] == "ly-abu-qurayn"
    bad = tmp_path / "bad.toml"
    bad.write_text('[[place]]\nid = "ly-x"\nname = "X"\nkind = "planet"\ncountry = "LY"\nsource = "t"\n', encoding="utf-8")
    err = run(tmp_path, "extract", "-", "--gazetteer", "mine.toml", "--gazetteer", "bad.toml", stdin=text)
    assert err.returncode == 1
    assert_one_line_error(err, "gazetteer", "bad.toml")
    missing = run(tmp_path, "extract", "-", "--gazetteer", "nope.toml", stdin=text)
    assert missing.returncode == 1
    assert_one_line_error(missing, "nope.toml")
