"""Kept results (:mod:`kg.query.kept`): a costly ``kg query`` answer kept beside the build is the very
text a fresh evaluation of the ``.rq`` file prints, on the shipped build and after a rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
PAJALA_FILE = "000_d0f522aa97cf2385.ttl"  # as in test_incremental.py
NEW_FACT = (
    "\n<https://w3id.org/samverkan/id/municipality/se-2514> "
    "<https://w3id.org/samverkan/def#participatesIn> "
    "<https://w3id.org/samverkan/id/initiative/samhallsinnovation-i-glesa-geografin> .\n"
)


def kg(*args: str):
    return runner.invoke(app, list(args))


def kept_files(build: Path) -> list[Path]:
    return sorted((build / "results").glob("*.kept"))


@pytest.fixture(scope="module")
def build_copy(shipped_build, tmp_path_factory) -> Path:
    """A copy of the shipped build (graph, manifest, label table, on-disk store): results kept here do
    not reach the other tests' build."""
    target = tmp_path_factory.mktemp("kept") / "build"
    shutil.copytree(Path(shipped_build.output).parent, target, ignore=shutil.ignore_patterns(".lock", "results"))
    return target


def fail_if_evaluated(*args, **kwargs):
    raise AssertionError("the query was evaluated")


@pytest.mark.parametrize("name", ["ties", "weak-facts", "collaboration-pairs"])
def test_a_kept_answer_is_what_a_fresh_evaluation_prints(build_copy, monkeypatch, name):
    graph = str(build_copy / "graph.trig")
    monkeypatch.setenv("KG_KEEP_SECONDS", "0")  # keep whatever it costs (the shipped build is small)
    fresh = kg("query", name, "--graph", graph, "--format", "json")
    assert fresh.exit_code == 0, fresh.output
    assert len(fresh.stdout_bytes) > 1000
    assert any(path.stat().st_size > len(fresh.stdout_bytes) for path in kept_files(build_copy))
    with monkeypatch.context() as patched:
        patched.setattr("kg.query.sparql.execute", fail_if_evaluated)
        again = kg("query", name, "--graph", graph, "--format", "json")
        assert again.exit_code == 0, again.output
        assert again.stdout_bytes == fresh.stdout_bytes  # printed from results/, not evaluated
        refused = kg("query", name, "--graph", graph, "--format", "json", "--no-cache")
        assert refused.exit_code != 0  # --no-cache evaluates afresh
    assert kg("query", name, "--graph", graph, "--format", "json", "--no-cache").stdout_bytes == fresh.stdout_bytes
    # the same answer in another format or language is another kept result, made afresh
    csv = kg("query", name, "--graph", graph, "--format", "csv", "--lang", "en")
    with monkeypatch.context() as patched:
        patched.setattr("kg.query.sparql.execute", fail_if_evaluated)
        assert kg("query", name, "--graph", graph, "--format", "csv", "--lang", "en").stdout_bytes == csv.stdout_bytes


def test_a_kept_answer_written_to_a_file_is_the_fresh_one(build_copy, monkeypatch, tmp_path):
    graph = str(build_copy / "graph.trig")
    monkeypatch.setenv("KG_KEEP_SECONDS", "0")
    first, second, third = tmp_path / "1.tsv", tmp_path / "2.tsv", tmp_path / "3.tsv"
    assert kg("query", "ties", "--graph", graph, "--out", str(first)).exit_code == 0
    with monkeypatch.context() as patched:
        patched.setattr("kg.query.sparql.execute", fail_if_evaluated)
        assert kg("query", "ties", "--graph", graph, "--out", str(second)).exit_code == 0
    assert kg("query", "ties", "--graph", graph, "--out", str(third), "--no-cache").exit_code == 0
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()
    assert first.read_bytes().count(b"\n") > 100


def test_nothing_is_kept_for_a_cheap_query_or_without_a_store(build_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_KEEP_SECONDS", "1000")
    before = kept_files(build_copy)
    assert kg("query", "by-theme", "--graph", str(build_copy / "graph.trig"), "--format", "json").exit_code == 0
    assert kept_files(build_copy) == before
    monkeypatch.setenv("KG_KEEP_SECONDS", "0")
    lone = tmp_path / "graph.trig"  # a graph file without the build's store beside it
    shutil.copy(build_copy / "graph.trig", lone)
    assert kg("query", "by-theme", "--graph", str(lone), "--format", "json").exit_code == 0
    assert not (tmp_path / "results").exists()


def test_a_rebuild_renews_the_kept_answer(curated_data, tmp_path, monkeypatch):
    from kg.build import build

    data, out = tmp_path / "data", tmp_path / "out"
    shutil.copytree(curated_data, data)
    assert build(data, out, engine="oxigraph").conforms
    monkeypatch.setenv("KG_KEEP_SECONDS", "0")
    graph = str(out / "graph.trig")
    old = kg("query", "collaboration-pairs", "--graph", graph, "--format", "json")
    assert old.exit_code == 0 and b"se-2514" not in old.stdout_bytes
    (old_kept,) = kept_files(out)
    with (data / "sources" / PAJALA_FILE).open("a", encoding="utf-8") as f:
        f.write(NEW_FACT)
    second = build(data, out, engine="oxigraph")  # an incremental rebuild: a new graph.trig
    assert second.conforms and second.changed
    assert kept_files(out) == []  # the rebuild dropped the answers kept for the old graph.trig
    new = kg("query", "collaboration-pairs", "--graph", graph, "--format", "json")
    fresh = kg("query", "collaboration-pairs", "--graph", graph, "--format", "json", "--no-cache")
    assert new.exit_code == 0 and b"se-2514" in new.stdout_bytes
    assert new.stdout_bytes == fresh.stdout_bytes != old.stdout_bytes
    assert kept_files(out) and old_kept not in kept_files(out)  # the old graph's result is gone
