"""The array-based centrality measures agree with networkx, on the shipped graph and synthetic graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import analyze as analysis_module
from kg.analysis import measures
from kg.analysis.analyze import analyze
from kg.analysis.network import bipartite_graph, fold_people, project

EXACT = 1e-12  # betweenness: the same sums, taken in another order


def _synthetic() -> list[tuple[str, nx.Graph]]:
    """Graphs of several shapes: sparse and dense, scale-free, several components, isolates, string ids."""
    ba = nx.barabasi_albert_graph(600, 3, seed=1)
    split = nx.disjoint_union(nx.gnm_random_graph(200, 500, seed=2), nx.path_graph(30))
    split.add_nodes_from([1000, 1001])  # isolates
    clusters = nx.relabel_nodes(nx.connected_caveman_graph(12, 8), lambda n: f"https://example.org/a/{n}")
    weighted = nx.gnm_random_graph(300, 1500, seed=4)
    for i, (a, b) in enumerate(weighted.edges()):
        weighted.edges[a, b]["weight"] = 1.0 + (i % 5) * 0.5
    return [("scale-free", ba), ("split", split), ("caveman", clusters), ("weighted", weighted),
            ("star", nx.star_graph(20)), ("two nodes", nx.path_graph(2))]  # fmt: skip


def _max_difference(a: dict, b: dict) -> float:
    assert a.keys() == b.keys()
    return max((abs(a[v] - b[v]) for v in a), default=0.0)


@pytest.fixture(scope="module")
def shipped(dataset):
    actors = project(bipartite_graph(dataset))
    return [("actors", actors), ("organisations", fold_people(actors))]


@pytest.mark.parametrize("normalized", [True, False])
def test_exact_betweenness_agrees_with_networkx(shipped, normalized):
    for name, graph in [*shipped, *_synthetic()]:
        mine = measures.betweenness_centrality(graph, normalized=normalized)
        theirs = nx.betweenness_centrality(graph, normalized=normalized)
        scale = max(1.0, *map(abs, theirs.values()))
        assert _max_difference(mine, theirs) <= EXACT * scale, name


@pytest.mark.parametrize("k", [1, 7, 50])
def test_sampled_betweenness_uses_networkx_pivots_and_scaling(shipped, k):
    for name, graph in [*shipped, *_synthetic()]:
        if k >= graph.number_of_nodes():
            continue
        for normalized in (True, False):
            mine = measures.betweenness_centrality(graph, k=k, seed=42, normalized=normalized)
            theirs = nx.betweenness_centrality(graph, k=k, seed=42, normalized=normalized)
            if k == 1:  # networkx leaves NaN for the single pivot (no data on it)
                assert [v for v in mine if mine[v] != mine[v]] == [v for v in theirs if theirs[v] != theirs[v]]
                mine = {v: x for v, x in mine.items() if x == x}
                theirs = {v: x for v, x in theirs.items() if x == x}
            scale = max(1.0, *map(abs, theirs.values()))
            assert _max_difference(mine, theirs) <= EXACT * scale, (name, normalized)


def test_sampled_betweenness_differs_by_seed_like_networkx():
    graph = nx.barabasi_albert_graph(300, 2, seed=5)
    assert measures.pivots(graph, 10, 1) != measures.pivots(graph, 10, 2)
    assert measures.betweenness_centrality(graph, k=10, seed=1) != measures.betweenness_centrality(graph, k=10, seed=2)


@pytest.mark.parametrize("weight", [None, "weight"])
def test_eigenvector_agrees_with_networkx(shipped, weight):
    for name, graph in [*shipped, *_synthetic()]:
        if nx.number_connected_components(graph) > 1 and name != "actors" and name != "organisations":
            continue  # networkx's power iteration converges slowly or not at all on some split graphs
        try:
            theirs = nx.eigenvector_centrality(graph, weight=weight, max_iter=2000, tol=1e-8)
        except nx.PowerIterationFailedConvergence:
            with pytest.raises(nx.PowerIterationFailedConvergence):
                measures.eigenvector_centrality(graph, weight=weight, max_iter=2000, tol=1e-8)
            continue
        mine = measures.eigenvector_centrality(graph, weight=weight, max_iter=2000, tol=1e-8)
        assert _max_difference(mine, theirs) <= measures.EIGENVECTOR_AGREEMENT, name


def test_eigenvector_errors_like_networkx():
    with pytest.raises(nx.NetworkXPointlessConcept):
        measures.eigenvector_centrality(nx.Graph())
    with pytest.raises(nx.PowerIterationFailedConvergence):
        measures.eigenvector_centrality(nx.path_graph(50), max_iter=2, tol=1e-12)


def test_analysis_scores_equal_networkx_rounded(shipped):
    """The analysis of the shipped graph gives the scores networkx gives, rounded as stored."""
    graph = shipped[0][1]
    result = analyze(graph)
    between = nx.betweenness_centrality(graph)
    eigen = nx.eigenvector_centrality(graph, weight="weight", max_iter=2000, tol=1e-8)
    off_b = [n for n in graph if abs(result.scores[n]["betweenness"] - round(between[n], 6)) > 1e-6]
    off_e = [n for n in graph if abs(result.scores[n]["eigenvector"] - round(eigen[n], 6)) > 1e-6]
    assert not off_b and not off_e
    assert not [note for note in result.notes if "sampled" in note]  # the shipped graph is small: exact


def test_large_graph_is_sampled_and_says_so(monkeypatch):
    monkeypatch.setattr(analysis_module, "EXACT_BETWEENNESS_WORK", 1000)
    graph = nx.relabel_nodes(nx.barabasi_albert_graph(300, 2, seed=5), str)
    nx.set_edge_attributes(graph, 1.0, "weight")
    result = analyze(graph)
    assert any("sampled with k=200 pivots" in note and "nodes x (nodes + edges)" in note for note in result.notes)
    theirs = nx.betweenness_centrality(analysis_module._sorted_copy(graph), k=200, seed=analysis_module.SEED)
    assert all(abs(result.scores[n]["betweenness"] - round(theirs[n], 6)) <= 1e-6 for n in graph)


def test_modularity_on_arrays_is_networkx_bit_for_bit(shipped):
    """The analysis computes modularity on arrays where the sums are exact (weights multiples of 0.5):
    the same float as networkx's, not a close one, for Louvain's and label propagation's partitions of
    the actor and organisation networks and of random graphs; None (networkx is asked) for other weights."""
    import random

    from kg.analysis.analyze import _ordered, _weighted
    from kg.analysis.measures import modularity_of_edges

    for _kind, graph in shipped:
        nodes, edges = _ordered(graph)
        indexed = _weighted(nodes, edges)
        ends = list(indexed.edges(data="weight"))
        for found in (
            nx.community.louvain_communities(indexed, weight="weight", seed=42),
            list(nx.community.asyn_lpa_communities(indexed, weight="weight", seed=42)),
        ):
            expected = nx.community.modularity(indexed, found, weight="weight")
            assert modularity_of_edges(len(nodes), ends, found) == expected
    draw = random.Random(7)
    for size in (5, 40, 300):
        g = nx.gnm_random_graph(size, size * 3, seed=size)
        for u, v in g.edges():
            g.edges[u, v]["weight"] = draw.choice((0.5, 1.0, 1.5, 2.0, 3.5))
        g.add_edge(0, 0, weight=1.0)  # a self-loop counts once inside, twice in the degree, as in networkx
        parts = nx.community.louvain_communities(g, weight="weight", seed=1)
        ends = list(g.edges(data="weight"))
        assert modularity_of_edges(size, ends, parts) == nx.community.modularity(g, parts, weight="weight")
    assert modularity_of_edges(3, [(0, 1, 0.1), (1, 2, 1.0)], [{0, 1, 2}]) is None


def test_components_on_arrays_are_networkx_components():
    """The analysis' connected components (scipy's, on the edges as positions) are networkx's sets, and
    ``_ends`` gives the weighted graph's edges in its own order, for every synthetic shape (isolates,
    several components, string ids, weights) and a self-loop."""
    from kg.analysis.analyze import _components, _ends, _ordered, _weighted

    looped = nx.path_graph(4)
    looped.add_edges_from([(9, 9), (7, 8)])
    for _name, graph in [*_synthetic(), ("self-loop", looped), ("empty", nx.Graph())]:
        nodes, edges = _ordered(graph)
        ends = _ends(edges)
        assert ends == [(i, j, float(w)) for i, j, w in _weighted(nodes, edges).edges(data="weight")]
        mine = sorted(sorted(map(str, c)) for c in _components(nodes, ends))
        assert mine == sorted(sorted(map(str, c)) for c in nx.connected_components(graph))
