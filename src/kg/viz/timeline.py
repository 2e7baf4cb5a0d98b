"""The year slider's data: which nodes and ties exist in each year.

The page does not apply time rules of its own. For every year of the slider it asks
:mod:`kg.analysis.network` for that year's network (``bipartite_graph(dataset, year)`` and its projection,
exactly what ``kg analyze --year Y`` reads), so whatever the graph's rules say about undated
facts, ends and memberships, the slider shows the same ties.

>>> from kg.build import build
>>> from kg.analysis.network import bipartite_graph
>>> ds = build(out_dir=None).dataset
>>> span = years_of(bipartite_graph(ds))
>>> span[0] <= 2020 <= span[-1]
True
>>> yearly = yearly_networks(ds, "actors", [2020])
>>> sorted(yearly)
[2020]
"""

from __future__ import annotations

import networkx as nx

MAX_YEARS = 40  # the slider covers at most the last 40 years the data mentions


def years_of(bipartite: nx.Graph, max_years: int = MAX_YEARS) -> list[int]:
    """Every year from the earliest to the latest start or end date of a node (at most ``max_years``)."""
    found = set()
    for _, attrs in bipartite.nodes(data=True):
        for key in ("start", "end"):
            value = str(attrs.get(key) or "")
            if value[:4].isdigit():
                found.add(int(value[:4]))
    if not found:
        return []
    last = max(found)
    return list(range(max(min(found), last - max_years + 1), last + 1))


def yearly_networks(
    dataset, kind: str, years: list[int], lang: str | None = "sv", *, nodes=None, ties=None
) -> dict[int, tuple]:
    """``{year: (bipartite, drawn)}``: each year's actor–initiative graph and its ``kind`` projection
    (``nodes`` and ``ties``: see :func:`kg.analysis.network.yearly_bipartite_graphs`)."""
    from kg.analysis.network import fold_people, project, yearly_bipartite_graphs

    networks = {}
    for year, bipartite in yearly_bipartite_graphs(dataset, years, lang, nodes=nodes, ties=ties).items():
        drawn = bipartite if kind == "bipartite" else project(bipartite)
        if kind == "organisations":
            drawn = fold_people(drawn)
        networks[year] = (bipartite, drawn)
    return networks


def presence(items: list, yearly: dict[int, tuple], years: list[int], layer: int, edges: bool) -> list[str | None]:
    """Per item, one character per year ("1" present, "0" absent), or None where present in every year.

    ``items`` are node ids or ``(a, b)`` pairs; ``layer`` 0 reads the bipartite graphs, 1 the projections.

    >>> g = nx.Graph([("a", "b")])
    >>> presence([("a", "b"), ("a", "c")], {2020: (g, g), 2021: (nx.Graph(), nx.Graph())}, [2020, 2021], 1, True)
    ['10', '00']
    """
    graphs = [yearly[y][layer] for y in years]
    masks: list[str | None] = []
    for item in items:
        flags = "".join("1" if (g.has_edge(*item) if edges else item in g) else "0" for g in graphs)
        masks.append(None if "0" not in flags else flags)
    return masks
