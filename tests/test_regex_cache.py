"""The cache of compiled regex programs: a replayed pattern is the pattern regex.compile
makes; a bad cache is never an error; the cache can be disabled."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import libyaie
from libyaie import _regex_cache
from libyaie.rules import dates as date_rules
from libyaie.rules import expand_lists
from libyaie.rules import titles as title_rules

ROOT = Path(__file__).resolve().parent.parent
FLAGS = regex.VERBOSE | regex.V1


def _fresh(monkeypatch: pytest.MonkeyPatch, cache: Path | None) -> None:
    """The module as in a new process, with ``cache`` as the cache directory (None: disabled)."""
    if cache is None:
        monkeypatch.setenv("LIBYAIE_NO_CACHE", "1")
    else:
        monkeypatch.delenv("LIBYAIE_NO_CACHE", raising=False)
        monkeypatch.setenv("LIBYAIE_CACHE_DIR", str(cache))
    monkeypatch.setattr(_regex_cache, "_entries", None)
    monkeypatch.setattr(_regex_cache, "_path", None)
    monkeypatch.setattr(_regex_cache, "_dirty", False)
    monkeypatch.setattr(_regex_cache, "_used", set())


def _no_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("regex.compile called: the program was not replayed")

    monkeypatch.setattr(regex, "compile", refuse)


def _all_rules() -> list[libyaie.rules.Rule]:
    gaz = libyaie.Extractor().gazetteer
    out = []
    for lang in date_rules.BY_LANG:
        out.extend(date_rules.build_lang(gaz.dates, lang))
    for lang in ("ar", "en", "id", "vi"):
        out.extend(title_rules.build_lang(gaz.titles, lang))
    return out


def _behaviour(p: regex.Pattern[str], texts: list[str]) -> list[object]:
    return [[(m.span(), m.groupdict(), m.captures()) for m in p.finditer(t)] for t in texts]


def test_every_rule_replays_to_the_pattern_regex_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = _all_rules()
    sources = [expand_lists(r.source) for r in rules]
    _fresh(monkeypatch, tmp_path)
    recorded = [_regex_cache.compile(s, FLAGS) for s in sources]
    _regex_cache.save()
    assert len(list(tmp_path.glob("regex-*.pickle"))) == 1

    _fresh(monkeypatch, tmp_path)  # a later process
    with monkeypatch.context() as m:
        _no_compile(m)
        replayed = [_regex_cache.compile(s, FLAGS) for s in sources]
    for rule, src, a, b in zip(rules, sources, recorded, replayed, strict=True):
        plain = regex.compile(src, FLAGS)
        for p in (a, b):
            assert (p.pattern, p.flags, p.groups, p.groupindex) == (
                plain.pattern, plain.flags, plain.groups, plain.groupindex), rule.name
        texts = [e.text for e in rule.examples] + list(rule.negatives)
        assert _behaviour(b, texts) == _behaviour(plain, texts), rule.name


_PATTERNS = [
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?!\d)",
    r"(?<![\w])(?:ngày|hôm)\s+(?P<n>\d+)",
    r"(?i)\b(?:tripoli|benghazi|misrata)\b",
    r"(?<=\bal-?)\w+",
    r"(\w)\1+",
    r"\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,3}",
    r"(?r)\d+",
    r"[\u0600-\u06FF]+(?:\s[\u0600-\u06FF]+)?",
]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_PATTERNS), st.sampled_from([0, regex.V1, regex.IGNORECASE | regex.V0]),
       st.lists(st.text(alphabet="aAlL-ngàyhôm0123456789 /طرابلس\u064eTripoli", max_size=40), max_size=4))
def test_replayed_patterns_match_like_fresh_ones(pattern: str, flags: int, texts: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as d, pytest.MonkeyPatch.context() as mp:
        _fresh(mp, Path(d))
        _regex_cache.compile(pattern, flags)
        _regex_cache.save()
        _fresh(mp, Path(d))
        with mp.context() as m:
            _no_compile(m)
            got = _regex_cache.compile(pattern, flags)
    plain = regex.compile(pattern, flags)
    assert (got.pattern, got.flags, got.groupindex) == (plain.pattern, plain.flags, plain.groupindex)
    assert _behaviour(got, texts) == _behaviour(plain, texts)


def test_bad_entries_and_files_fall_back_to_compiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = r"(?P<y>\d{4})"
    _fresh(monkeypatch, tmp_path)
    _regex_cache.compile(pattern)
    _regex_cache.save()
    [path] = tmp_path.glob("regex-*.pickle")
    entries = pickle.loads(path.read_bytes())
    [key] = entries
    program = pickle.loads(entries[key])  # each entry is pickled on its own
    # an entry whose program is garbage, one for another pattern, one that does not
    # unpickle: all recompiled
    for bad in (("not", "a", "program"), (r"\d", *program[1:]), pickle.dumps(("x",))[:-3], b"", 7):
        path.write_bytes(pickle.dumps({key: pickle.dumps(bad) if isinstance(bad, tuple) else bad}))
        _fresh(monkeypatch, tmp_path)
        got = _regex_cache.compile(pattern)
        assert got.pattern == pattern and got.search("in 2011").group("y") == "2011"
    for junk in (b"not a pickle", pickle.dumps(["a list"])):
        path.write_bytes(junk)
        _fresh(monkeypatch, tmp_path)
        assert _regex_cache.compile(pattern).search("in 2011").group("y") == "2011"
        _regex_cache.save()
        assert key in pickle.loads(path.read_bytes())  # rewritten whole


def test_a_process_unpickles_only_the_entries_it_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch, tmp_path)
    patterns = [rf"(?P<y>\d{{{n}}})x" for n in range(1, 6)]
    for p in patterns:
        _regex_cache.compile(p)
    _regex_cache.save()
    _fresh(monkeypatch, tmp_path)  # a later process
    _no_compile(monkeypatch)
    assert _regex_cache.compile(patterns[2]).search("a 123x").group("y") == "123"
    entries = _regex_cache._entries
    assert entries is not None
    kinds = {key[0]: type(value) for key, value in entries.items()}
    assert kinds == {p: (tuple if p == patterns[2] else bytes) for p in patterns}


def test_an_overfull_file_keeps_what_its_writer_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_regex_cache, "_MAX_ENTRIES", 6)
    _fresh(monkeypatch, tmp_path)
    old = [rf"(?P<y>\d{{{n}}})o" for n in range(1, 6)]
    for p in old:
        _regex_cache.compile(p)
    _regex_cache.save()
    [path] = tmp_path.glob("regex-*.pickle")
    assert len(pickle.loads(path.read_bytes())) == 5
    _fresh(monkeypatch, tmp_path)  # a later process uses one old pattern and makes two new ones
    _regex_cache.compile(old[0])
    _regex_cache.compile(r"(?P<a>new)1")
    _regex_cache.compile(r"(?P<a>new)2")
    _regex_cache.save()
    assert {key[0] for key in pickle.loads(path.read_bytes())} == {old[0], r"(?P<a>new)1", r"(?P<a>new)2"}
    _fresh(monkeypatch, tmp_path)  # below the limit, the file keeps everything
    _regex_cache.compile(r"(?P<a>new)3")
    _regex_cache.save()
    assert len(pickle.loads(path.read_bytes())) == 4


def test_the_cache_directory_keeps_the_most_recently_used_files(tmp_path: Path) -> None:
    from libyaie import _cache

    now = time.time()
    for i in range(10):
        f = tmp_path / f"gazetteer-{i:02d}.pickle"
        f.write_bytes(b"x")
        os.utime(f, (now - 1000 * i, now - 1000 * i))  # 00 is the newest
    stale, fresh_tmp = tmp_path / ".gazetteer-a.tmp", tmp_path / ".gazetteer-b.tmp"
    for f, age in ((stale, 7200), (fresh_tmp, 10)):
        f.write_bytes(b"")
        os.utime(f, (now - age, now - age))
    other = tmp_path / "regex-00.pickle"
    other.write_bytes(b"x")
    os.utime(other, (now - 99999, now - 99999))
    _cache.prune(tmp_path, "gazetteer", keep=6)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [".gazetteer-b.tmp", *[f"gazetteer-{i:02d}.pickle" for i in range(6)], "regex-00.pickle"]
    _cache.prune(tmp_path / "missing", "gazetteer")  # no directory: nothing to do, no error


def test_reading_a_cached_gazetteer_marks_it_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from libyaie import _cache

    src = tmp_path / "data.txt"
    src.write_text("x", encoding="utf-8")
    d = tmp_path / "cache"
    monkeypatch.delenv("LIBYAIE_NO_CACHE", raising=False)
    monkeypatch.setenv("LIBYAIE_CACHE_DIR", str(d))
    assert _cache.cached("thing", [src], lambda: [1, 2]) == [1, 2]
    [path] = d.glob("thing-*.pickle")
    os.utime(path, (1, 1))
    assert _cache.cached("thing", [src], lambda: pytest.fail("rebuilt")) == [1, 2]
    assert path.stat().st_mtime > 1


def test_prefix_trees_and_reaches_are_kept_in_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from libyaie import rules

    sources = [r.source for r in _all_rules() if r.source] + [r"(?P<n>\d+)\s(?:days|hari)"]  # unbounded: no reach
    _fresh(monkeypatch, tmp_path)
    monkeypatch.setattr(rules, "_TRIES", {})
    first = [(rules.expand_lists(src), rules.pattern_reach(src)) for src in sources]
    assert any(reach is not None for _, reach in first) and any(reach is None for _, reach in first)
    _regex_cache.save()
    _fresh(monkeypatch, tmp_path)  # a later process: nothing built or parsed again
    monkeypatch.setattr(rules, "_TRIES", {})
    monkeypatch.setattr(rules, "_trie", lambda forms: pytest.fail("prefix tree rebuilt"))
    monkeypatch.setattr(rules, "_reach", lambda *args: pytest.fail("pattern parsed again"))
    assert [(rules.expand_lists(src), rules.pattern_reach(src)) for src in sources] == first


def test_disabled_cache_compiles_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch, None)
    monkeypatch.setenv("LIBYAIE_CACHE_DIR", str(tmp_path))
    assert _regex_cache.compile(r"\d+").findall("1 22") == ["1", "22"]
    _regex_cache.save()
    assert not list(tmp_path.iterdir())


def test_locale_patterns_are_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh(monkeypatch, tmp_path)
    _regex_cache.compile(r"(?L)\w+")
    _regex_cache.save()
    assert not list(tmp_path.glob("regex-*.pickle"))


def test_a_second_process_replays_with_the_same_results(tmp_path: Path) -> None:
    code = ("import libyaie, json; d = libyaie.extract('Ngày 27/12, Ngoại trưởng Ai Cập tới Tripoli. "
            "وزير الداخلية فتحي باشاغا في طرابلس يوم الأحد'); print(json.dumps(d.to_dict(), sort_keys=True))")
    env = {**os.environ, "LIBYAIE_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("LIBYAIE_NO_CACHE", None)

    def run() -> str:
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                              check=True).stdout

    first = run()
    [path] = tmp_path.glob("regex-*.pickle")
    assert len(pickle.loads(path.read_bytes())) > 20  # the rules of both scripts
    assert run() == first
