"""The notebook API and the worked-example notebook, executed top to bottom by a real kernel."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import kg

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graph(built):
    return kg.load(built.output)


def test_summary_counts_as_kg_build_does(graph, built):
    # the notebook said "40144 triples" where kg build said "40186 in 21 named graphs" (the distinct
    # triples of the union against the triples of each named graph)
    stats = built.stats
    assert (
        repr(graph)
        == f"<KnowledgeGraph: {stats['triples']} triples in {stats['graphs']} named graphs, {stats['sources']} sources>"
    )
    assert stats["triples"] > len(graph.dataset)  # some triples are stated by two sources


def test_query_returns_typed_columns(graph):
    df = graph.query("initiatives")
    assert df["start"].dtype.kind == "M"
    row = df[df.initiativeLabel == "Etableringsservice för inflyttare"].iloc[0]
    assert row.start.year == 2020 and row.startPrecision == "year"
    funding = graph.query("funding")
    assert funding["total"].dtype.kind == "f" and funding["perYear"].dtype.kind == "f"
    # per funder (ordered by IRI): Kuusamo, Kemijärvi (issue 004), Utsjoki, the EU (1.8M + 0.2M in Kuusamo's
    # two projects), the Regional Council of Lapland, the Swedish regions and councils (the Government's
    # 5.3M is a cap per municipality, no total)
    assert funding["total"].dropna().tolist() == [
        100000.0, 7500.0, 23200.0, 2000000.0, 92800.0, 9544684.0, 5400000.0, 9000000.0, 59300000.0,
        12700000.0,
    ]  # fmt: skip
    # Enontekiö and Muonio 35000 a year each, Kajaani 2000, the four 5000s of issue 004, the Government's 70M
    per_year = [35000.0, 2000.0, 5000.0, 5000.0, 35000.0, 5000.0, 5000.0, 70000000.0]
    assert funding["perYear"].dropna().tolist() == per_year
    members = graph.query("members", association="Region 10")
    assert members["member"].str.startswith("https://").all()
    assert len(members) == 10


def test_query_parameters_are_bound_not_pasted(graph):
    assert graph.query("search", name='x" } ; DROP ALL #').empty


def test_query_lang(built):
    fi = kg.load(built.output, lang="fi")
    df = fi.query("search", name="overtornea")
    assert "Ylitornio" in set(df.entityLabel)


def test_entity_has_labels_relations_and_sources(graph):
    e = graph.entity("ylitornio")
    assert e.iri.endswith("/fi-976")
    assert e.labels["sv"] == ["Övertorneå"]
    assert "Övertorneå" in repr(e)
    d = e.to_dict()
    assert json.dumps(d, ensure_ascii=False)
    lead = graph.entity("Posio")
    assert any(r.value_label == "Etableringsservice för inflyttare" and r.sources for r in lead.relations)


def test_networks_clusters_centrality(graph):
    actors = graph.network("actors")
    assert isinstance(actors, nx.Graph) and actors.number_of_nodes() > 40
    assert graph.network("actors") is not graph.network("actors")  # callers get their own copy
    clusters = graph.clusters()
    assert {"id", "name", "size", "members"} <= set(clusters.columns)
    assert clusters["size"].sum() == actors.number_of_nodes()
    centrality = graph.centrality()
    assert len(centrality) == actors.number_of_nodes()


def test_show_embeds_the_page_via_srcdoc(graph):
    page = graph.show()
    html = page._repr_html_()
    assert html.startswith('<iframe srcdoc="') and "&lt;script" in html


def test_validate(graph):
    report = graph.validate()
    assert report.conforms
    assert set(report.results.severity) == {"Warning"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exports_load_back_with_the_same_nodes_and_edges(graph, tmp_path, fmt):
    path = getattr(graph, f"to_{fmt}")(tmp_path / f"actors.{fmt}")
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    original = graph.network("actors")
    assert sorted(back.nodes) == sorted(original.nodes)
    assert sorted(tuple(sorted(e)) for e in back.edges) == sorted(tuple(sorted(e)) for e in original.edges)


def test_jsonld_and_turtle_exports(graph, tmp_path):
    import rdflib

    data = json.loads(graph.to_jsonld(tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert data["@context"]["schema"] == "https://schema.org/"
    back = rdflib.Dataset()
    back.parse(tmp_path / "g.jsonld", format="json-ld")
    assert len(back) == len(graph.dataset)
    turtle = rdflib.Graph().parse(graph.to_turtle(tmp_path / "g.ttl"))
    assert len(turtle) == len(set(graph.dataset.triples((None, None, None))))


def test_notebook_runs_top_to_bottom(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient

    notebook = nbformat.read(REPO / "notebooks" / "explore.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")  # committed clean
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("iframe srcdoc" in o.get("data", {}).get("text/html", "") for o in outputs)
