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
    assert proc.returncode == 0, proc.stderr
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
