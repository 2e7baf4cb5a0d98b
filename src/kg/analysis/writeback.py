"""Store an analysis in the named graph ``<https://w3id.org/samverkan/id/graph/analysis>``.

Cluster membership and centrality scores become triples, with the date and parameters of the
run recorded with PROV-O, so that SPARQL can use them. The graph file is rewritten atomically.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.analysis.analyze import Analysis
from kg.core.atomic import atomic_writer
from kg.core.namespaces import ANALYSIS_GRAPH, ID, KG, PROV


def analysis_graph(analysis: Analysis, parameters: dict[str, object], when: dt.datetime | None = None) -> Graph:
    """The triples of one analysis run."""
    when = when or dt.datetime.now(dt.UTC).replace(microsecond=0)
    graph = Graph(identifier=ANALYSIS_GRAPH)
    run = URIRef(ID["analysis/run"])
    graph.add((ANALYSIS_GRAPH, RDF.type, PROV.Entity))
    graph.add((ANALYSIS_GRAPH, PROV.wasGeneratedBy, run))
    graph.add((ANALYSIS_GRAPH, PROV.generatedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    graph.add((run, RDF.type, KG.Analysis))
    graph.add((run, RDF.type, PROV.Activity))
    graph.add((run, RDFS.label, Literal(f"kg analyze ({analysis.network})", lang="en")))
    graph.add((run, PROV.endedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    graph.add((run, KG.parameters, Literal(json.dumps(parameters, sort_keys=True))))
    graph.add((run, KG.modularity, Literal(str(analysis.modularity), datatype=XSD.decimal)))
    for cluster in analysis.clusters:
        node = URIRef(ID[f"cluster/{cluster.id}"])
        graph.add((node, RDF.type, KG.Cluster))
        graph.add((node, RDFS.label, Literal(cluster.name, lang="sv")))
        graph.add((node, KG.clusterSize, Literal(cluster.size)))
        graph.add((node, PROV.wasGeneratedBy, run))
        for initiative in cluster.initiatives:
            graph.add((node, KG.heldTogetherBy, URIRef(initiative)))
        for member in cluster.members:
            graph.add((URIRef(member), KG.inCluster, node))
    brokers = set(analysis.brokers)
    names = {
        "degree": KG.degreeCentrality,
        "weighted_degree": KG.weightedDegree,
        "betweenness": KG.betweennessCentrality,
        "eigenvector": KG.eigenvectorCentrality,
    }
    for node, scores in analysis.scores.items():
        subject = URIRef(node)
        for key, predicate in names.items():
            value = scores.get(key)
            if value is not None:
                graph.add((subject, predicate, Literal(f"{float(value):.6f}", datatype=XSD.decimal)))
        graph.add((subject, KG.isBroker, Literal(node in brokers)))
    return graph


def write_back(
    source,
    graph_file: Path | str,
    analysis: Analysis,
    parameters: dict[str, object],
    *,
    written: Callable[[dict[str, list[int]], int], None] | None = None,
) -> int:
    """Replace the analysis graph in ``source`` (an rdflib Dataset or an Oxigraph store) and
    rewrite ``graph_file`` atomically; return the number of triples written.

    ``written``: called, still under the folder's lock, after an Oxigraph ``source`` and
    ``graph_file`` were both rewritten, with the file's graph ranges and the change in the number
    of triples. ``kg all`` passes the build's on-disk store beside ``graph_file`` and records the
    rewritten file in the build's manifest there, so that queries keep using the store, which
    holds the same analysis."""
    from kg.core.locking import locked
    from kg.query.stores import as_store

    with locked(Path(graph_file).parent):  # never while a build rewrites the same folder
        return _replace(as_store(source), graph_file, analysis_graph(analysis, parameters), written)


def _replace(store, graph_file: Path | str, new: Graph, written) -> int:
    """:func:`write_back`'s work, under the folder's lock."""
    from kg.query.stores import OxigraphStore, RdflibStore, to_oxigraph

    if isinstance(store, OxigraphStore):
        import pyoxigraph as ox

        from kg.query.stores import dump_trig

        name = ox.NamedNode(str(ANALYSIS_GRAPH))
        removed = 0
        if store.store.contains_named_graph(name):
            removed = sum(1 for _ in store.store.quads_for_pattern(None, None, None, name))
            store.store.remove_graph(name)
        store.store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in new)
        ranges = dump_trig(store, Path(graph_file))
        if written is not None:
            store.store.flush()
            written(ranges, len(new) - removed)
        return len(new)
    if not isinstance(store, RdflibStore):
        raise TypeError("write-back needs a local graph")
    dataset: Dataset = store.dataset
    dataset.remove_graph(dataset.graph(ANALYSIS_GRAPH))
    target = dataset.graph(ANALYSIS_GRAPH)
    for triple in new:
        target.add(triple)
    with atomic_writer(Path(graph_file), "wb") as handle:
        dataset.serialize(destination=handle, format="trig", encoding="utf-8")
    return len(new)
