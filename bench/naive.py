"""The naive stack, for comparison: what one would write with rdflib, pyshacl and networkx alone.

``python bench/naive.py build DATA OUT.trig``
    Parse every Turtle file into an rdflib Dataset (one named graph per source, like ``kg build``),
    apply the project's derivation rules with rdflib's SPARQL Update, validate the union of all
    graphs with pyshacl against the project's shapes, and write TriG with rdflib.

``python bench/naive.py analyze GRAPH.trig``
    Parse the built graph with rdflib, build the actor collaboration graph in networkx triple by
    triple (every pair of actors of every initiative), then Louvain (seed 42) and exact betweenness.

Prints one line ``RESULT=`` with what it found, so the benchmark can check the work was done.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import networkx as nx
from pyshacl import validate
from rdflib import Dataset, Graph, Namespace, URIRef

KG = Namespace("https://w3id.org/samverkan/def#")
REPO = Path(__file__).resolve().parents[1]


def build(data: Path, out: Path) -> dict:
    dataset = Dataset()
    for path in sorted((REPO / "ontology").glob("*.ttl")):
        if path.name != "shapes.ttl":
            dataset.graph(URIRef("https://w3id.org/samverkan/id/graph/ontology")).parse(path, format="turtle")
    for path in sorted((data / "reference").glob("*.ttl")):
        dataset.graph(URIRef("https://w3id.org/samverkan/id/graph/reference")).parse(path, format="turtle")
    for path in sorted((data / "sources").glob("*.ttl")):
        dataset.graph(URIRef(f"https://w3id.org/samverkan/id/source/{path.stem}")).parse(path, format="turtle")
    for rule in sorted((REPO / "ontology" / "rules").glob("*.ru")):
        dataset.update(rule.read_text(encoding="utf-8"))
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    conforms, _, _ = validate(union, shacl_graph=str(REPO / "ontology" / "shapes.ttl"), inference="none",
                              allow_warnings=True)  # fmt: skip
    dataset.serialize(destination=str(out), format="trig")
    return {"triples": len(union), "conforms": bool(conforms)}


def analyze(graph_file: Path) -> dict:
    dataset = Dataset(default_union=True)
    dataset.parse(graph_file, format="trig")
    actors_of: dict[URIRef, set[URIRef]] = {}
    for actor, initiative, _ in dataset.triples((None, KG.participatesIn, None)):
        actors_of.setdefault(initiative, set()).add(actor)
    network = nx.Graph()
    for actors in actors_of.values():
        for a, b in itertools.combinations(sorted(actors), 2):
            if network.has_edge(a, b):
                network[a][b]["weight"] += 1
            else:
                network.add_edge(a, b, weight=1)
    clusters = nx.community.louvain_communities(network, weight="weight", seed=42)
    betweenness = nx.betweenness_centrality(network, weight=None)
    return {"nodes": network.number_of_nodes(), "edges": network.number_of_edges(), "clusters": len(clusters),
            "top": str(max(betweenness, key=betweenness.get)) if betweenness else None}  # fmt: skip


def main() -> None:
    mode, *args = sys.argv[1:]
    if mode == "build":
        result = build(Path(args[0]), Path(args[1]))
    elif mode == "analyze":
        result = analyze(Path(args[0]))
    else:
        raise SystemExit(f"unknown mode {mode!r}: build or analyze")
    print("RESULT=" + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
