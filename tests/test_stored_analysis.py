"""kg viz reuses the analysis kg analyze stored, only for the very graph bytes it was computed from."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from kg.analysis import stored
from kg.cli import app

runner = CliRunner()
MARKER = "Stored-analysis-marker"


@pytest.fixture()
def graph(built, tmp_path):
    target = tmp_path / "build" / "graph.trig"
    target.parent.mkdir()
    shutil.copy(built.output, target)
    return target


def _stored(graph) -> list:
    """The stored analyses (not the stored networks)."""
    return sorted(p for p in (graph.parent / stored.FOLDER).glob("*.json") if stored.NETWORK not in p.name)


def _network(graph) -> list:
    return sorted(p for p in (graph.parent / stored.FOLDER).glob("*.json") if stored.NETWORK in p.name)


def _mark(path) -> None:
    """Rename the first cluster in a stored analysis: a page that shows the name read the stored file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["analysis"]["clusters"][0]["name"] = MARKER
    path.write_text(json.dumps(data), encoding="utf-8")


def _viz(graph, out) -> str:
    result = runner.invoke(app, ["viz", "--graph", str(graph), "--color-by", "cluster", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_viz_reuses_the_stored_analysis_and_draws_the_same_page(graph, tmp_path):
    fresh = _viz(graph, tmp_path / "fresh.html")  # computes the analysis and stores it
    assert len(_stored(graph)) == 1
    shutil.rmtree(graph.parent / stored.FOLDER)
    result = runner.invoke(app, ["analyze", "--graph", str(graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    [path] = _stored(graph)
    assert path.name.startswith(stored.graph_key(graph)[:32])
    assert _viz(graph, tmp_path / "reused.html") == fresh  # the stored analysis gives the same page
    _mark(path)
    assert MARKER in _viz(graph, tmp_path / "marked.html")  # ... and it was read, not computed again


def test_a_changed_graph_never_gets_a_stale_analysis(graph, tmp_path):
    assert runner.invoke(app, ["analyze", "--graph", str(graph)]).exit_code == 0
    [old] = _stored(graph)
    _mark(old)
    with graph.open("a", encoding="utf-8") as handle:  # the same network, other bytes
        handle.write('\n<https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#comment> "edited" .\n')
    page = _viz(graph, tmp_path / "page.html")
    assert MARKER not in page
    [new] = _stored(graph)  # the analysis of the old contents is gone, the new one stored
    assert new != old and new.name.startswith(stored.graph_key(graph)[:32])


def test_write_back_stores_the_analysis_of_the_rewritten_graph(graph, tmp_path):
    result = runner.invoke(app, ["analyze", "--graph", str(graph), "--write-back"])
    assert result.exit_code == 0, result.output
    [path] = _stored(graph)
    assert path.name.startswith(stored.graph_key(graph)[:32])  # keyed by the graph with the analysis graph
    _mark(path)
    assert MARKER in _viz(graph, tmp_path / "page.html")


def test_other_parameters_are_other_analyses(graph, tmp_path):
    assert runner.invoke(app, ["analyze", "--graph", str(graph)]).exit_code == 0
    _mark(_stored(graph)[0])
    result = runner.invoke(app, ["analyze", "--graph", str(graph), "--network", "organisations"])
    assert result.exit_code == 0, result.output
    assert len(_stored(graph)) == 2
    page = runner.invoke(
        app,
        ["viz", "--graph", str(graph), "--year", "2021", "--color-by", "cluster", "--out", str(tmp_path / "y.html")],
    )
    assert page.exit_code == 0, page.output
    assert MARKER not in (tmp_path / "y.html").read_text(encoding="utf-8")


def test_an_unreadable_stored_analysis_is_computed_again(graph, tmp_path):
    fresh = _viz(graph, tmp_path / "fresh.html")
    [path] = _stored(graph)
    path.write_text("{not json", encoding="utf-8")
    assert _viz(graph, tmp_path / "again.html") == fresh


PAJALA = "https://w3id.org/samverkan/id/municipality/se-2521"


# kg viz's notes in --lang's default, sv ("no stored network …", "no stored analysis …" in English)
NO_NETWORK, NO_ANALYSIS = "inget lagrat nätverk", "ingen lagrad analys"


def _viz_notes(graph, out) -> tuple[str, str]:
    result = runner.invoke(app, ["viz", "--graph", str(graph), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8"), result.stderr


def test_viz_draws_the_network_an_earlier_viz_stored_without_reading_it_again(graph, tmp_path):
    fresh, said = _viz_notes(graph, tmp_path / "fresh.html")  # nothing stored yet: read, computed, stored
    assert NO_NETWORK in said and NO_ANALYSIS in said
    [path] = _network(graph)
    assert path.name.startswith(stored.graph_key(graph)[:32])
    page, said = _viz_notes(graph, tmp_path / "reused.html")
    assert page == fresh and NO_NETWORK not in said and NO_ANALYSIS not in said  # the same page, from what was stored
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["nodes"][PAJALA]["label"] == "Pajala"
    data["nodes"][PAJALA]["label"] = MARKER
    path.write_text(json.dumps(data), encoding="utf-8")
    assert MARKER in _viz_notes(graph, tmp_path / "marked.html")[0]  # ... read from the file, not the graph


def test_a_changed_graph_never_gets_a_stale_network(graph, tmp_path):
    _viz_notes(graph, tmp_path / "first.html")
    [old] = _network(graph)
    data = json.loads(old.read_text(encoding="utf-8"))
    data["nodes"][PAJALA]["label"] = MARKER
    old.write_text(json.dumps(data), encoding="utf-8")
    with graph.open("a", encoding="utf-8") as handle:
        handle.write('\n<https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#comment> "edited" .\n')
    page, said = _viz_notes(graph, tmp_path / "page.html")
    assert MARKER not in page and NO_NETWORK in said and NO_ANALYSIS in said
    [new] = _network(graph)  # the network of the new contents, stored by kg viz
    assert new != old and new.name.startswith(stored.graph_key(graph)[:32])


def test_kg_all_stores_what_kg_viz_needs_and_a_rebuild_says_when_it_drops_the_analysis(curated_data, tmp_path):
    # a new user's trial: kg viz right after kg all read the network again (kg all stored the analysis, not
    # the network), and a rebuild after a changed source dropped kg all's analysis graph without a word
    from kg.analysis.network import read_network
    from kg.query.stores import OxigraphStore

    data = tmp_path / "data"
    shutil.copytree(curated_data, data)
    out = tmp_path / "build"
    done = runner.invoke(app, ["all", "--data", str(data), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "dropped" not in done.stdout
    graph = out / "graph.trig"
    key = stored.graph_key(graph)
    # the stored network is the graph file's as written (with the analysis graph in it), read afresh
    assert stored.load_network(graph, key, "sv") == read_network(OxigraphStore.from_file(graph), "sv")
    page = runner.invoke(app, ["viz", "--graph", str(graph), "--out", str(tmp_path / "page.html")])
    assert page.exit_code == 0, page.output
    said = (NO_NETWORK, NO_ANALYSIS, "no stored network", "no stored analysis")  # in sv (--lang's default), en
    assert not any(text in page.stderr for text in said), page.stderr
    # nothing changed: the build keeps the analysis and says nothing about it
    again = runner.invoke(app, ["build", "--data", str(data), "--out", str(out), "--lang", "en"])
    assert again.exit_code == 0 and "dropped" not in again.stdout, again.output
    # one source changed: the analysis graph no longer holds, and the summary says it was dropped
    source = sorted((data / "sources").glob("*.ttl"))[0]
    source.write_text(source.read_text(encoding="utf-8") + "\n# touched\n<urn:x> <urn:y> 1 .\n", encoding="utf-8")
    rebuilt = runner.invoke(app, ["build", "--data", str(data), "--out", str(out), "--lang", "en"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "analysis:  dropped: the analysis graph stored by kg all or kg analyze --write-back" in rebuilt.stdout
    assert "<https://w3id.org/samverkan/id/graph/analysis>" not in graph.read_text(encoding="utf-8")
    # a build without an analysis to drop says nothing
    quiet = runner.invoke(app, ["build", "--data", str(data), "--out", str(out), "--full", "--lang", "en"])
    assert quiet.exit_code == 0 and "dropped" not in quiet.stdout, quiet.output


def test_viz_stores_the_slider_days_and_the_details_with_the_network_and_reads_them_back(graph, tmp_path):
    # the second page of a graph reads nothing but the stored files: the slider's source years and active
    # days and the details panel (fundings, sources, posts) come from the stored network too
    fresh, _ = _viz_notes(graph, tmp_path / "fresh.html")
    [path] = _network(graph)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["extras"]) == {"stated", "days", "details"}
    assert data["extras"]["days"] and data["extras"]["stated"] and data["extras"]["details"]["fundings"]
    assert _viz_notes(graph, tmp_path / "again.html")[0] == fresh
    source = next(iter(data["extras"]["details"]["sources"].values()))
    source["titles"] = [[MARKER, "sv"]]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert MARKER in _viz_notes(graph, tmp_path / "marked.html")[0]  # the details were read from the file
    # a page of one year takes the stored days, but reads its details from the graph as before
    year = runner.invoke(app, ["viz", "--graph", str(graph), "--year", "2021", "--out", str(tmp_path / "y.html")])
    assert year.exit_code == 0, year.output
    assert MARKER not in (tmp_path / "y.html").read_text(encoding="utf-8")


def test_analyze_reads_the_network_an_earlier_viz_stored_and_reports_the_same(graph, tmp_path):
    def report() -> str:
        result = runner.invoke(app, ["analyze", "--graph", str(graph), "--format", "json"])
        assert result.exit_code == 0, result.output
        return result.stdout

    cold = report()  # no stored network: read from the graph
    _viz_notes(graph, tmp_path / "page.html")  # stores the network
    assert report() == cold  # the same report, byte for byte, from the stored network
    [path] = _network(graph)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["nodes"][PAJALA]["label"] = MARKER
    path.write_text(json.dumps(data), encoding="utf-8")
    assert MARKER in report()  # ... which was read, not the graph
