"""Issue 22: the rebuild finds changed inputs by their stat first (size and modification time, like
git's index and make), hashes only the files whose stat changed or is too recent to trust (git's
"racily clean" rule), and keeps a manifest (manifest.json + manifest.sqlite) that a rebuild updates
row by row. After any edit the rebuild's outputs must be those of a full build."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pyoxigraph as ox
from test_rebuild_property import key, new_data, write

from kg.build import build
from kg.build import manifest as manifest_file

PERSON = 'person:{0} a kg:Person ; rdfs:label "{1}"@sv .'
HOUR_NS = 3600 * 10**9


def rows(out: Path) -> dict:
    db = sqlite3.connect(out / "manifest.sqlite")
    try:
        files = {row[0]: row[1:] for row in db.execute("SELECT key, graph, size, mtime_ns, sha256 FROM files")}
        ranges = {g: (a, b) for g, a, b in db.execute("SELECT graph, first, last FROM ranges")}
        keys = set(db.execute("SELECT check_id, key, node FROM group_keys"))
    finally:
        db.close()
    return {"files": files, "ranges": ranges, "group_keys": keys}


def quads(out: Path) -> set:
    store = ox.Store.read_only(str(out / "store"))
    return {q for q in store if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}


def assert_same_as_full(data: Path, out: Path, tmp_path: Path):
    """Rebuild ``out`` incrementally, build ``data`` fully elsewhere: every output must agree."""
    result = build(data, out, engine="oxigraph")
    full_dir = tmp_path / "full"
    shutil.rmtree(full_dir, ignore_errors=True)
    full = build(data, full_dir, engine="oxigraph", incremental=False)
    assert result.conforms == full.conforms
    assert key(result.report) == key(full.report)
    assert result.stats == full.stats
    if full.conforms:
        assert (out / "graph.trig").read_bytes() == (full_dir / "graph.trig").read_bytes()
        ours, theirs = (json.loads((d / "manifest.json").read_text("utf-8")) for d in (out, full_dir))
        for field in ("version", "triples", "stats", "report", "fingerprint"):
            assert ours[field] == theirs[field], field
        mine, reference = rows(out), rows(full_dir)
        assert mine["ranges"] == reference["ranges"]
        assert mine["group_keys"] == reference["group_keys"]  # each person's folded names
        # the same files, contents and graphs (the racy flag may differ: the rebuild took its stat later)
        assert mine["files"] == reference["files"]
        result.store.store.flush()
        assert quads(out) == quads(full_dir)
    return result


def age(data: Path, seconds: int = 3600) -> None:
    """Give every input file a modification time ``seconds`` in the past (out of the racy window)."""
    then = time.time_ns() - seconds * 10**9
    for path in data.rglob("*.ttl"):
        os.utime(path, ns=(then, then))


def test_same_size_and_time_but_new_content_is_seen_within_the_racy_window(tmp_path, small_reference):
    data = new_data(tmp_path, small_reference)
    write(data, "a", [PERSON.format("anna", "Anna Berg")])
    write(data, "b", [PERSON.format("kim", "Kim Lind")])
    out = tmp_path / "out"
    assert build(data, out, engine="oxigraph").conforms
    path = data / "sources" / "a.ttl"
    stat = path.stat()
    text = path.read_text("utf-8")
    path.write_text(text.replace("Anna Berg", "Anna Borg"), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    result = assert_same_as_full(data, out, tmp_path)
    assert result.changed == [str(path.resolve())]
    assert "Anna Borg" in (out / "graph.trig").read_text("utf-8")


def test_touched_but_unchanged_file_is_read_once_then_trusted(tmp_path, monkeypatch, small_reference):
    data = new_data(tmp_path, small_reference)
    write(data, "a", [PERSON.format("anna", "Anna Berg")])
    write(data, "b", [PERSON.format("kim", "Kim Lind")])
    age(data)
    out = tmp_path / "out"
    assert build(data, out, engine="oxigraph").conforms
    before = (out / "graph.trig").stat().st_mtime_ns
    hashed: list[str] = []
    real = manifest_file.sha256
    monkeypatch.setattr(manifest_file, "sha256", lambda p: hashed.append(os.fspath(p)) or real(p))
    # nothing changed, every file old: none is read
    assert build(data, out, engine="oxigraph").changed == [] and hashed == []
    path = data / "sources" / "a.ttl"
    then = time.time_ns() - HOUR_NS // 2
    os.utime(path, ns=(then, then))  # touched (another time), content unchanged
    result = build(data, out, engine="oxigraph")
    assert result.changed == [] and hashed == [str(path.resolve())]
    assert (out / "graph.trig").stat().st_mtime_ns == before  # nothing rewritten
    assert rows(out)["files"][str(path.resolve())][2] == then  # its new time is recorded
    hashed.clear()
    assert build(data, out, engine="oxigraph").changed == [] and hashed == []  # and trusted from now on


def test_stat_clean_file_is_not_read_but_a_changed_size_is(tmp_path, monkeypatch, small_reference):
    data = new_data(tmp_path, small_reference)
    for stem in "abc":
        write(data, stem, [PERSON.format(stem, f"{stem.upper()} Person")])
    age(data)
    out = tmp_path / "out"
    build(data, out, engine="oxigraph")
    hashed: list[str] = []
    real = manifest_file.sha256
    monkeypatch.setattr(manifest_file, "sha256", lambda p: hashed.append(os.fspath(p)) or real(p))
    write(data, "b", [PERSON.format("b", "B Person"), PERSON.format("bo", "Bo Person")])
    result = build(data, out, engine="oxigraph")
    assert result.changed == [str((data / "sources" / "b.ttl").resolve())]
    assert [Path(p).name for p in hashed] == ["b.ttl"]  # only the changed file is read
    assert_same_as_full(data, out, tmp_path)


def test_deleted_added_and_renamed_sources_give_the_full_build(tmp_path, small_reference):
    data = new_data(tmp_path, small_reference)
    for stem in "abcd":
        write(data, stem, [PERSON.format(stem, f"{stem.upper()} Person")])
    out = tmp_path / "out"
    build(data, out, engine="oxigraph")
    (data / "sources" / "b.ttl").unlink()  # deleted
    result = assert_same_as_full(data, out, tmp_path)
    assert result.changed == [str((data / "sources" / "b.ttl").resolve())]
    assert "source/b>" not in (out / "graph.trig").read_text("utf-8")
    write(data, "bb", [PERSON.format("bb", "Bb Person")])  # added between a and c
    write(data, "0", [PERSON.format("zero", "Zero Person")])  # added before every source
    write(data, "z", [PERSON.format("z", "Z Person")])  # and after
    assert len(assert_same_as_full(data, out, tmp_path).changed) == 3
    # renamed: the graph follows the file name, so the document inside no longer matches it ...
    (data / "sources" / "c.ttl").rename(data / "sources" / "e.ttl")
    failed = assert_same_as_full(data, out, tmp_path)
    assert not failed.conforms
    assert any(r.shape == "kg.validate:source-document" for r in failed.report.results)
    # ... until the document says its new name: then the rebuild passes and equals a full build
    write(data, "e", [PERSON.format("c", "C Person")])
    fixed = assert_same_as_full(data, out, tmp_path)
    assert fixed.conforms and len(fixed.changed) == 2
    # several changes at once: one changed, one removed, one added
    write(data, "a", [PERSON.format("a", "A Person"), PERSON.format("a2", "A Two")])
    (data / "sources" / "d.ttl").unlink()
    write(data, "f", [PERSON.format("f", "F Person")])
    assert len(assert_same_as_full(data, out, tmp_path).changed) == 3
    assert build(data, out, engine="oxigraph").changed == []


def test_recorded_person_names_follow_renames_and_removals(tmp_path, small_reference):
    """The people's folded names kept in manifest.sqlite (to find who shares a name with a changed
    person) stay those of a full build, and the warnings with them."""
    data = new_data(tmp_path, small_reference)
    write(data, "a", [PERSON.format("anna", "Anna Berg"), PERSON.format("olle", "Olle Ek")])
    write(data, "b", [PERSON.format("anna-b", "anna berg")])
    write(data, "c", [PERSON.format("kim", "Kim Lind")])
    out = tmp_path / "out"
    build(data, out, engine="oxigraph")

    def warned(result) -> set[str]:
        return {r.focus.rsplit("/", 1)[1] for r in result.report.results if "same name" in r.message}

    write(data, "b", [PERSON.format("anna-b", "Anna Björk")])
    assert warned(assert_same_as_full(data, out, tmp_path)) == set()
    write(data, "c", [PERSON.format("kim", "OLLE EK")])  # kim takes olle's name
    assert warned(assert_same_as_full(data, out, tmp_path)) == {"olle", "kim"}
    write(data, "a", [PERSON.format("anna", "Anna Björk"), PERSON.format("olle", "Olle Ek")])
    assert warned(assert_same_as_full(data, out, tmp_path)) == {"olle", "kim", "anna", "anna-b"}
    (data / "sources" / "b.ttl").unlink()
    assert warned(assert_same_as_full(data, out, tmp_path)) == {"olle", "kim"}
    write(data, "d", [PERSON.format("nils", "Olle ek")])  # a new person, in a new source, joins a name
    assert warned(assert_same_as_full(data, out, tmp_path)) == {"olle", "kim", "nils"}
    write(data, "d", [PERSON.format("nils", "Nils Ek"), PERSON.format("eva", "Kim Lind")])
    assert warned(assert_same_as_full(data, out, tmp_path)) == {"olle", "kim"}


def test_failing_change_then_its_fix(tmp_path, small_reference):
    data = new_data(tmp_path, small_reference)
    write(data, "a", [PERSON.format("anna", "Anna Berg")])
    write(data, "b", ["mun:se-2521 kg:participatesIn ini:p2 .", 'ini:p2 a kg:Project ; rdfs:label "P2"@sv .'])
    out = tmp_path / "out"
    build(data, out, engine="oxigraph")
    trig = (out / "graph.trig").read_bytes()
    write(data, "b", ["mun:se-2521 kg:participatesIn ini:p2 ."])  # the project loses its type: a Violation
    failed = assert_same_as_full(data, out, tmp_path)
    assert not failed.conforms and (out / "graph.trig").read_bytes() == trig
    write(data, "b", ["mun:se-2521 kg:participatesIn ini:p3 .", 'ini:p3 a kg:Project ; rdfs:label "P3"@sv .'])
    assert assert_same_as_full(data, out, tmp_path).conforms


def rebuilt(data: Path, out: Path) -> tuple[bool, list[str] | None, str | None, str]:
    """Build ``out`` and keep only what the tests below look at: a result held while the next build of
    the same folder replaces its store would keep the old store open (RocksDB locks its folder per process)."""
    result = build(data, out, engine="oxigraph")
    return result.conforms, result.changed, result.full_reason, result.summary()


def test_manifest_of_an_older_version_or_cut_short_gives_a_full_build(tmp_path, small_reference):
    data = new_data(tmp_path, small_reference)
    write(data, "a", [PERSON.format("anna", "Anna Berg")])
    out = tmp_path / "out"
    rebuilt(data, out)
    trig = (out / "graph.trig").read_bytes()
    # the manifest format of version 2 (one JSON with every file's record)
    (out / "manifest.json").write_text(
        json.dumps({"version": 2, "triples": 1, "fingerprint": "x", "files": {}, "report": [],
                    "graph_file": {"size": 0, "mtime_ns": 0, "ranges": {}}}),
        encoding="utf-8",
    )  # fmt: skip
    conforms, changed, reason, summary = rebuilt(data, out)
    assert conforms and changed is None
    assert "format 2" in reason and "rebuilt:   everything: " in summary
    assert (out / "graph.trig").read_bytes() == trig
    assert rebuilt(data, out)[1] == []  # incremental again
    # the records of another build (a folder put together from two builds)
    other = tmp_path / "other"
    rebuilt(data, other)
    shutil.copy2(other / "manifest.sqlite", out / "manifest.sqlite")
    conforms, changed, reason, _ = rebuilt(data, out)
    assert conforms and changed is None and "does not belong" in reason
    for damage in (b"not a database at all" * 100, b""):
        (out / "manifest.sqlite").write_bytes(damage)
        conforms, changed, reason, _ = rebuilt(data, out)
        assert conforms and changed is None and reason
    (out / "manifest.sqlite").unlink()
    conforms, changed, reason, _ = rebuilt(data, out)
    assert changed is None and "missing" in reason
    (out / "manifest.json").write_text("{", encoding="utf-8")
    conforms, changed, reason, _ = rebuilt(data, out)
    assert changed is None and "cannot be read" in reason
    assert (out / "graph.trig").read_bytes() == trig
    assert_same_as_full(data, out, tmp_path)
