"""Writing a network (a networkx graph) to a file, atomically, as GraphML or GEXF (for Gephi), and a
collaboration analysis as plain rows of clusters."""

from __future__ import annotations

import re
from pathlib import Path

from kg.analysis.analyze import Analysis
from kg.core.atomic import atomic_writer

CLUSTER_COLUMNS = ["id", "name", "size", "members", "initiatives", "funders", "countries"]


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(graph):
    """A copy of ``graph`` whose text attributes hold only characters XML 1.0 allows (control
    characters removed), so that GraphML and GEXF files are well-formed for any label.

    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_node("a", label="Bad\x01 label")
    >>> xml_safe(g).nodes["a"]["label"]
    'Bad label'
    """

    def clean(attrs: dict) -> dict:
        return {k: _NOT_XML.sub("", v) if isinstance(v, str) else v for k, v in attrs.items()}

    safe = graph.__class__()
    safe.graph.update(clean(graph.graph))
    safe.add_nodes_from((n, clean(d)) for n, d in graph.nodes(data=True))
    safe.add_edges_from((u, v, clean(d)) for u, v, d in graph.edges(data=True))
    return safe


def write_graphml(graph, path: str | Path) -> Path:
    """Write ``graph`` as GraphML (text attributes made XML-safe, :func:`xml_safe`)."""
    import networkx as nx

    with atomic_writer(path, "wb") as handle:
        nx.write_graphml(xml_safe(graph), handle)
    return Path(path)


def write_gexf(graph, path: str | Path) -> Path:
    """Write ``graph`` as GEXF (opens in Gephi; text attributes made XML-safe, :func:`xml_safe`)."""
    import networkx as nx

    with atomic_writer(path, "wb") as handle:
        nx.write_gexf(xml_safe(graph), handle)
    return Path(path)


def cluster_rows(analysis: Analysis) -> list[dict[str, object]]:
    """One row per collaboration cluster (:data:`CLUSTER_COLUMNS`); lists joined with ``; ``."""
    return [
        {
            "id": c.id,
            "name": c.name,
            "size": c.size,
            "members": "; ".join(c.member_labels),
            "initiatives": "; ".join(c.initiative_labels),
            "funders": "; ".join(c.funder_labels),
            "countries": " ".join(c.countries),
        }
        for c in analysis.clusters
    ]
