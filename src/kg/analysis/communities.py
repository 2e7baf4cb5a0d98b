"""networkx's Louvain communities, label propagation and modularity on plain dictionaries.

:func:`louvain_communities`, :func:`asyn_lpa_communities` and :func:`modularity` are line-for-line
ports of networkx 3's functions of the same names (``networkx.algorithms.community``) for
undirected graphs: the same steps in the same order, the same random draws from the same seed, the
same floating-point operations on the same numbers in the same order. They therefore return the
very partitions and the very modularity networkx returns (not merely equivalent ones), which
``tests/test_communities.py`` checks against networkx on the shipped data and on random graphs.
What differs is only the data structure: a dictionary of neighbour weights per node
(``{node: {neighbour: weight}}``, in the graph's adjacency order) instead of networkx's graph
views, which are most of networkx's time here (at 1M triples, 6,770 actors and 116,785 ties:
Louvain, label propagation and the two modularities took 3.4 s of CPU with networkx; see
bench/RESULTS.md). Directed graphs and multigraphs go to networkx itself.

>>> import networkx as nx
>>> g = nx.karate_club_graph()
>>> mine = louvain_communities(g, seed=7)
>>> mine == nx.community.louvain_communities(g, seed=7)
True
>>> modularity(g, mine) == nx.community.modularity(g, mine)
True
>>> list(asyn_lpa_communities(g, "weight", seed=3)) == list(nx.community.asyn_lpa_communities(g, "weight", seed=3))
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator

import networkx as nx
from networkx.algorithms.community.quality import NotAPartition
from networkx.utils import create_py_random_state

Adjacency = dict[Hashable, dict[Hashable, float]]


def adjacency(graph: nx.Graph, weight: str | None = "weight") -> Adjacency:
    """``{node: {neighbour: weight}}`` in ``graph``'s node and adjacency order (``weight``'s value, 1
    where an edge has none or ``weight`` is None); a self-loop is its node's own neighbour."""
    if weight is None:
        return {u: dict.fromkeys(nbrs, 1) for u, nbrs in graph.adj.items()}
    return {u: {v: dd.get(weight, 1) for v, dd in nbrs.items()} for u, nbrs in graph.adj.items()}


def from_edges(nodes: Iterable[Hashable], edges: Iterable[tuple[Hashable, Hashable, float]]) -> Adjacency:
    """The adjacency of ``nx.Graph()`` after ``add_nodes_from(nodes)`` and
    ``add_weighted_edges_from(edges)``, without building that graph (a repeated edge keeps its
    first place and its last weight, as in networkx)."""
    adj: Adjacency = {n: {} for n in nodes}
    for u, v, w in edges:
        if u not in adj:
            adj[u] = {}
        if v not in adj:
            adj[v] = {}
        adj[u][v] = w
        adj[v][u] = w
    return adj


def edges(adj: Adjacency, nbunch: Iterable[Hashable] | None = None) -> Iterator[tuple[Hashable, Hashable, float]]:
    """Each edge once, as networkx's ``Graph.edges(nbunch, data=...)`` gives them (same order)."""
    seen: dict[Hashable, int] = {}
    pairs = adj.items() if nbunch is None else [(n, adj[n]) for n in dict.fromkeys(n for n in nbunch if n in adj)]
    for n, nbrs in pairs:
        for nbr, w in nbrs.items():
            if nbr not in seen:
                yield n, nbr, w
        seen[n] = 1


def weighted_degree(adj: Adjacency, u: Hashable) -> float:
    """networkx's weighted degree: the weights of the node's edges, a self-loop twice."""
    nbrs = adj[u]
    return sum(nbrs.values()) + (u in nbrs and nbrs[u])


def modularity_adjacency(adj: Adjacency, communities: list, resolution: float = 1) -> float:
    degree = {u: weighted_degree(adj, u) for u in adj}
    deg_sum = sum(degree.values())
    m = deg_sum / 2
    norm = 1 / deg_sum**2

    def community_contribution(community) -> float:
        comm = set(community)
        L_c = sum(wt for u, v, wt in edges(adj, comm) if v in comm)
        out_degree_sum = sum(degree[u] for u in comm)
        return L_c / m - resolution * out_degree_sum * out_degree_sum * norm

    return sum(map(community_contribution, communities))


def _one_level(adj: Adjacency, members: dict, m: float, partition: list[set], resolution: float, seed):
    node2com = {u: i for i, u in enumerate(adj)}
    inner_partition = [{u} for u in adj]
    degrees = {u: weighted_degree(adj, u) for u in adj}
    Stot = list(degrees.values())
    nbrs = {u: {v: w for v, w in adj[u].items() if v != u} for u in adj}
    rand_nodes = list(adj)
    seed.shuffle(rand_nodes)
    nb_moves = 1
    improvement = False
    scale = 2 * m**2
    while nb_moves > 0:
        nb_moves = 0
        for u in rand_nodes:
            best_mod = 0
            best_com = node2com[u]
            weights2com: defaultdict[int, float] = defaultdict(float)
            for nbr, wt in nbrs[u].items():
                weights2com[node2com[nbr]] += wt
            degree = degrees[u]
            Stot[best_com] -= degree
            remove_cost = -weights2com[best_com] / m + resolution * (Stot[best_com] * degree) / scale
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (Stot[nbr_com] * degree) / scale
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            Stot[best_com] += degree
            if best_com != node2com[u]:
                com = members.get(u, {u})
                partition[node2com[u]].difference_update(com)
                inner_partition[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner_partition[best_com].add(u)
                improvement = True
                nb_moves += 1
                node2com[u] = best_com
    partition = list(filter(len, partition))
    inner_partition = list(filter(len, inner_partition))
    return partition, inner_partition, improvement


def _gen_graph(adj: Adjacency, members: dict, partition: list[set]) -> tuple[Adjacency, dict]:
    graph: Adjacency = {}
    nodes_of: dict[int, set] = {}
    node2com = {}
    for i, part in enumerate(partition):
        nodes: set = set()
        for node in part:
            node2com[node] = i
            nodes.update(members.get(node, {node}))
        graph[i] = {}
        nodes_of[i] = nodes
    for node1, node2, wt in edges(adj):
        com1 = node2com[node1]
        com2 = node2com[node2]
        weight = wt + graph[com1].get(com2, 0)
        graph[com1][com2] = weight
        graph[com2][com1] = weight
    return graph, nodes_of


def louvain_adjacency(adj: Adjacency, resolution: float = 1, threshold: float = 0.0000001, seed=None) -> list[set]:
    """:func:`louvain_communities` of the graph whose :func:`adjacency` is ``adj``."""
    seed = create_py_random_state(seed)
    partition = [{u} for u in adj]
    if not any(adj.values()):
        return partition
    mod = modularity_adjacency(adj, partition, resolution)
    graph = from_edges(adj, edges(adj))  # networkx copies the graph: another adjacency order
    m = sum(weighted_degree(graph, u) for u in graph) / 2
    members: dict = {}
    partition, inner_partition, improvement = _one_level(graph, members, m, partition, resolution, seed)
    improvement = True
    last = partition
    while improvement:
        last = [s.copy() for s in partition]
        new_mod = modularity_adjacency(graph, inner_partition, resolution)
        if new_mod - mod <= threshold:
            return last
        mod = new_mod
        graph, members = _gen_graph(graph, members, inner_partition)
        partition, inner_partition, improvement = _one_level(graph, members, m, partition, resolution, seed)
    return last


def _simple_undirected(graph: nx.Graph) -> bool:
    return not graph.is_directed() and not graph.is_multigraph()


def louvain_communities(
    graph: nx.Graph, weight: str | None = "weight", resolution: float = 1, threshold: float = 0.0000001, seed=None
) -> list[set]:
    """``networkx.community.louvain_communities(graph, weight, resolution, threshold, seed=seed)``:
    the same list of sets (the last level's partition)."""
    if not _simple_undirected(graph):
        return nx.community.louvain_communities(graph, weight, resolution, threshold, seed=seed)
    return louvain_adjacency(adjacency(graph, weight), resolution, threshold, seed)


def asyn_lpa_adjacency(adj: Adjacency, seed=None) -> list[set]:
    """:func:`asyn_lpa_communities` of the graph whose :func:`adjacency` is ``adj``, as a list."""
    seed = create_py_random_state(seed)
    labels = {n: i for i, n in enumerate(adj)}
    cont = True
    while cont:
        cont = False
        nodes = list(adj)
        seed.shuffle(nodes)
        for node in nodes:
            nbrs = adj[node]
            if not nbrs:
                continue
            label_freq: defaultdict[int, float] = defaultdict(float)
            for v, wt in nbrs.items():
                label_freq[labels[v]] += wt
            max_freq = max(label_freq.values())
            best_labels = [label for label, freq in label_freq.items() if freq == max_freq]
            if labels[node] not in best_labels:
                labels[node] = seed.choice(best_labels)
                cont = True
    found: defaultdict[int, set] = defaultdict(set)
    for v, k in labels.items():
        found[k].add(v)
    return list(found.values())


def asyn_lpa_communities(graph: nx.Graph, weight: str | None = None, seed=None) -> Iterator[set]:
    """``networkx.community.asyn_lpa_communities(graph, weight, seed)``: the same sets in the same order.

    Without ``weight`` networkx counts each neighbour once with a Counter, which gives the same
    counts as the weights 1 used here (integers, summed exactly either way)."""
    if not _simple_undirected(graph):
        yield from nx.community.asyn_lpa_communities(graph, weight, seed)
        return
    yield from asyn_lpa_adjacency(adjacency(graph, weight), seed)


def modularity(graph: nx.Graph, communities, weight: str | None = "weight", resolution: float = 1) -> float:
    """``networkx.community.modularity(graph, communities, weight=weight, resolution=resolution)``:
    the same number (raises networkx's ``NotAPartition`` for what is not a partition of the nodes)."""
    if not isinstance(communities, list):
        communities = list(communities)
    if not _simple_undirected(graph):
        return nx.community.modularity(graph, communities, weight=weight, resolution=resolution)
    if not nx.community.is_partition(graph, communities):
        raise NotAPartition(graph, communities)
    return modularity_adjacency(adjacency(graph, weight), communities, resolution)
