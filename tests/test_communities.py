"""kg.analysis.communities gives networkx's very partitions and modularity (same seed, same node order)."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kg.analysis import communities
from kg.analysis.analyze import _ordered, _sorted_copy, _weighted
from kg.analysis.network import bipartite_graph, fold_people, project


def _random_graphs() -> list[tuple[str, nx.Graph]]:
    """Random graphs of several shapes and weights: dyadic and arbitrary floats, integer weights,
    unweighted, self-loops, isolates, string ids, an edgeless graph."""
    graphs = []
    for seed in range(12):
        rng = random.Random(seed)
        n = rng.randint(20, 400)
        g = nx.gnm_random_graph(n, rng.randint(n, 6 * n), seed=seed)
        kind = seed % 4
        for a, b in g.edges():
            if kind == 0:
                g.edges[a, b]["weight"] = rng.choice([0.5, 1.0, 1.5, 2.0, 2.5])
            elif kind == 1:
                g.edges[a, b]["weight"] = rng.random() * 3  # sums depend on their order
            elif kind == 2:
                g.edges[a, b]["weight"] = rng.randint(1, 9)
        if seed % 3 == 0:  # self-loops and isolates
            g.add_edges_from((v, v, {"weight": 1.5}) for v in rng.sample(list(g), 5))
            g.add_nodes_from([n + 1, n + 2])
        graphs.append((f"gnm {seed}", g))
    caveman = nx.relabel_nodes(nx.connected_caveman_graph(15, 7), lambda n: f"https://example.org/a/{n}")
    graphs += [
        ("caveman, string ids", caveman),
        ("scale-free", nx.barabasi_albert_graph(500, 3, seed=5)),
        ("karate", nx.karate_club_graph()),
        ("edgeless", nx.empty_graph(5)),
    ]
    return graphs


def _same_modularity(graph: nx.Graph, mine: list, theirs: list, weight: str | None) -> bool:
    """The same modularity, or both raising (networkx divides by zero on a graph without edges)."""
    if graph.number_of_edges() == 0:
        with pytest.raises(ZeroDivisionError):
            nx.community.modularity(graph, theirs, weight=weight)
        with pytest.raises(ZeroDivisionError):
            communities.modularity(graph, mine, weight=weight)
        return True
    return communities.modularity(graph, mine, weight=weight) == nx.community.modularity(graph, theirs, weight=weight)


@pytest.fixture(scope="module")
def shipped(dataset):
    actors = project(bipartite_graph(dataset))
    return [("actors", actors), ("organisations", fold_people(actors))]


def test_louvain_is_networkx_louvain(shipped):
    for name, graph in [*shipped, *_random_graphs()]:
        for seed in (42, 1, 2026):
            theirs = nx.community.louvain_communities(graph, weight="weight", seed=seed)
            mine = communities.louvain_communities(graph, weight="weight", seed=seed)
            assert mine == theirs, (name, seed)
            assert _same_modularity(graph, mine, theirs, "weight"), (name, seed)
        for resolution in (0.5, 2.0):
            assert communities.louvain_communities(graph, resolution=resolution, seed=7) == (
                nx.community.louvain_communities(graph, resolution=resolution, seed=7)
            ), (name, resolution)
        unweighted = communities.louvain_communities(graph, weight=None, seed=3)
        assert unweighted == nx.community.louvain_communities(graph, weight=None, seed=3), name


def test_label_propagation_is_networkx_label_propagation(shipped):
    for name, graph in [*shipped, *_random_graphs()]:
        for weight in ("weight", None):
            for seed in (42, 11):
                theirs = list(nx.community.asyn_lpa_communities(graph, weight=weight, seed=seed))
                mine = list(communities.asyn_lpa_communities(graph, weight=weight, seed=seed))
                assert mine == theirs, (name, weight, seed)
                assert _same_modularity(graph, mine, theirs, weight), (name, weight, seed)


def test_the_analysis_relabelled_adjacency_is_networkx_light_graph(shipped):
    """analyze() runs the ports on an adjacency built without a networkx graph: it is the one of the
    relabelled graph networkx would have been given (same nodes, edge order and weights)."""
    for name, graph in shipped:
        ordered = _sorted_copy(graph)
        nodes, edges = _ordered(graph)
        assert nodes == list(ordered), name
        assert [(nodes[i], nodes[j], d) for i, j, d in edges] == list(ordered.edges(data=True)), name
        adj = _weighted(nodes, edges)
        where = {n: i for i, n in enumerate(nodes)}
        light = nx.Graph()
        light.add_nodes_from(range(len(nodes)))
        light.add_weighted_edges_from((where[a], where[b], w) for a, b, w in ordered.edges(data="weight", default=1))
        assert adj == communities.adjacency(light), name
        assert [list(nbrs) for nbrs in adj.values()] == [list(light.adj[n]) for n in light], name
        assert communities.louvain_adjacency(adj, seed=42) == nx.community.louvain_communities(light, seed=42)


def test_not_a_partition_is_refused():
    graph = nx.path_graph(4)
    with pytest.raises(nx.NetworkXError):
        communities.modularity(graph, [{0, 1}, {1, 2, 3}])


def test_directed_graphs_go_to_networkx():
    graph = nx.gnm_random_graph(60, 200, seed=3, directed=True)
    assert communities.louvain_communities(graph, seed=1) == nx.community.louvain_communities(graph, seed=1)
