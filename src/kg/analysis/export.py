"""Writing a network (a networkx graph) to a file, atomically, as GraphML or GEXF (for Gephi), and a
collaboration analysis as plain rows of clusters."""

from __future__ import annotations

from pathlib import Path

from kg.analysis.analyze import Analysis
from kg.core.atomic import atomic_writer

CLUSTER_COLUMNS = ["id", "name", "size", "members", "initiatives", "funders", "countries"]


def write_graphml(graph, path: str | Path) -> Path:
    """Write ``graph`` as GraphML."""
    import networkx as nx

    with atomic_writer(path, "wb") as handle:
        nx.write_graphml(graph, handle)
    return Path(path)


def write_gexf(graph, path: str | Path) -> Path:
    """Write ``graph`` as GEXF (opens in Gephi)."""
    import networkx as nx

    with atomic_writer(path, "wb") as handle:
        nx.write_gexf(graph, handle)
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
