"""Centrality measures computed on arrays, with networkx's definitions and results.

The graphs users get stay networkx graphs; the heavy measures are computed on a compressed sparse
row copy of the graph (scipy) or on a rustworkx graph, and return the same dictionaries as
networkx:

- :func:`betweenness_centrality`: exact with rustworkx (Brandes' algorithm in compiled code, both
  cores), or sampled from ``k`` pivots with a breadth-first search from all pivots at once on a
  sparse matrix (networkx's pivots for the same ``seed``, networkx's scaling). Values agree with
  :func:`networkx.betweenness_centrality` to rounding error (about 1e-12; the sums are taken in
  another order).
- :func:`eigenvector_centrality`: networkx's power iteration (on ``A + I``, from the uniform
  vector, normalised to unit length, stopped when the L1 change is below ``n * tol``) as sparse
  matrix products. Being iterative, it can stop one step apart from networkx's when the change
  is at the tolerance; values agree with :func:`networkx.eigenvector_centrality` within
  :data:`EIGENVECTOR_AGREEMENT` (measured on the shipped graph and the synthetic ones: below 1e-9).

Both are measured against networkx in ``bench/analysis.py`` and tested in ``tests/test_measures.py``.

>>> import networkx as nx
>>> g = nx.path_graph(["a", "b", "c"])
>>> betweenness_centrality(g)
{'a': 0.0, 'b': 1.0, 'c': 0.0}
>>> {n: round(v, 4) for n, v in eigenvector_centrality(g).items()}
{'a': 0.5, 'b': 0.7071, 'c': 0.5}
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable

import networkx as nx
import numpy as np
import scipy.sparse as sp

EIGENVECTOR_AGREEMENT = 1e-6
BATCH = 64  # pivots searched at once: memory is about 6 x 8 bytes x nodes x BATCH


def _index(graph: nx.Graph) -> tuple[list[Hashable], dict[Hashable, int]]:
    nodes = list(graph)
    return nodes, {node: i for i, node in enumerate(nodes)}


def adjacency(graph: nx.Graph, weight: str | None = None) -> sp.csr_array:
    """The symmetric adjacency matrix of an undirected graph in node order (``weight`` or 1 per edge).

    >>> adjacency(nx.path_graph(3)).toarray().tolist()
    [[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    """
    nodes, where = _index(graph)
    ends = [
        (where[u], where[v], float(data.get(weight, 1)) if weight else 1.0) for u, v, data in graph.edges(data=True)
    ]
    return edge_matrix(len(nodes), ends)


def edge_matrix(n: int, edges: list[tuple[int, int, float]]) -> sp.csr_array:
    """:func:`adjacency` of the graph with nodes ``0..n-1`` and ``edges`` ``(i, j, weight)`` in the
    graph's edge order (each stored both ways, a self-loop once, in that order, so that the row
    sums of a product are taken in the same order as from the graph).

    >>> edge_matrix(3, [(0, 1, 2.0), (2, 2, 1.0)]).toarray().tolist()
    [[0.0, 2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 1.0]]
    """
    ends = np.array([(i, j) for i, j, _ in edges], dtype=np.int64).reshape(-1, 2)
    values = np.array([w for _, _, w in edges], dtype=float)
    rows = np.empty(2 * len(ends), dtype=np.int64)
    cols = np.empty(2 * len(ends), dtype=np.int64)
    rows[0::2], rows[1::2] = ends[:, 0], ends[:, 1]
    cols[0::2], cols[1::2] = ends[:, 1], ends[:, 0]
    both = np.repeat(values, 2)
    keep = np.ones(2 * len(ends), dtype=bool)
    keep[1::2] = ends[:, 0] != ends[:, 1]  # a self-loop once
    matrix = sp.coo_array((both[keep], (rows[keep], cols[keep])), shape=(n, n))
    return matrix.tocsr()


def pivots(graph: nx.Graph, k: int, seed: int | None) -> list[Hashable]:
    """The ``k`` source nodes networkx samples for ``betweenness_centrality(graph, k, seed=seed)``."""
    return random.Random(seed).sample(list(graph.nodes()), k)


def _dependencies(matrix: sp.csr_array, sources: np.ndarray) -> np.ndarray:
    """Brandes' dependencies of every node on the given sources (one BFS per column, all at once).

    Returns the sum over the sources of delta_s(v), the source itself excluded.
    """
    n = matrix.shape[0]
    b = len(sources)
    columns = np.arange(b)
    dist = np.full((n, b), -1, dtype=np.int32)
    sigma = np.zeros((n, b))
    dist[sources, columns] = 0
    sigma[sources, columns] = 1.0
    frontier = np.zeros((n, b))
    frontier[sources, columns] = 1.0
    level = 0
    while True:
        reached = matrix @ frontier  # paths into each node from the previous level
        new = (reached > 0) & (dist < 0)
        if not new.any():
            break
        level += 1
        dist[new] = level
        sigma[new] = reached[new]
        frontier = np.where(new, reached, 0.0)
    delta = np.zeros((n, b))
    for depth in range(level, 0, -1):
        at = dist == depth
        coeff = np.where(at, (1.0 + delta) / np.where(at, sigma, 1.0), 0.0)
        back = matrix @ coeff
        before = dist == depth - 1
        delta[before] += sigma[before] * back[before]
    delta[sources, columns] = 0.0
    return delta.sum(axis=1)


def _unweighted(matrix: sp.csr_array) -> sp.csr_array:
    """The pattern of an adjacency matrix (each edge 1) without self-loops."""
    matrix = matrix.copy()
    matrix.data[:] = 1.0
    matrix.setdiag(0)  # a self-loop never lies on a shortest path
    matrix.eliminate_zeros()
    return matrix


def betweenness_centrality(
    graph: nx.Graph, k: int | None = None, seed: int | None = None, normalized: bool = True
) -> dict[Hashable, float]:
    """Shortest-path betweenness of every node of an undirected, unweighted view of ``graph``.

    The same definition, pivots and scaling as :func:`networkx.betweenness_centrality` with
    ``endpoints=False``: exact (rustworkx) when ``k`` is None or not below the number of nodes,
    else from the ``k`` pivots networkx draws with ``seed``.

    >>> g = nx.star_graph(4)
    >>> betweenness_centrality(g)[0]
    1.0
    >>> betweenness_centrality(g, k=3, seed=1) == nx.betweenness_centrality(g, k=3, seed=1)
    True
    """
    if graph.is_directed() or graph.is_multigraph():
        raise nx.NetworkXNotImplemented("betweenness_centrality here takes simple undirected graphs")
    nodes, where = _index(graph)
    return betweenness_of_edges(nodes, [(where[u], where[v], 1.0) for u, v in graph.edges()], k, seed, normalized)


def betweenness_of_edges(
    nodes: list[Hashable],
    edges: list[tuple[int, int, float]],
    k: int | None = None,
    seed: int | None = None,
    normalized: bool = True,
    *,
    matrix: sp.csr_array | None = None,
) -> dict[Hashable, float]:
    """:func:`betweenness_centrality` of the undirected graph of ``nodes`` (in its node order) and
    ``edges`` (``(i, j, weight)`` between node positions, in its edge order; weights are not used).
    ``matrix``: ``edge_matrix(len(nodes), edges)`` if the caller has made it (it is not changed)."""
    n = len(nodes)
    if k is not None and k >= n:
        k = None
    if k is None:
        return _exact(nodes, edges, normalized)
    chosen = random.Random(seed).sample(nodes, k)  # as pivots(): networkx's draw
    where = {node: i for i, node in enumerate(nodes)}
    matrix = _unweighted(edge_matrix(n, edges) if matrix is None else matrix)
    sources = np.array([where[s] for s in chosen], dtype=np.int64)
    total = np.zeros(n)
    for start in range(0, len(sources), BATCH):
        total += _dependencies(matrix, sources[start : start + BATCH])
    values = total
    if n > 2:  # networkx leaves graphs of two nodes unscaled (no pair can pass through a third node)
        scale_source, scale_other = _sampled_scale(n, k, normalized)
        scale = np.full(n, scale_other)
        scale[sources] = scale_source
        values = total * scale
    return dict(zip(nodes, values.tolist(), strict=True))


def _sampled_scale(n: int, k: int, normalized: bool) -> tuple[float, float]:
    """networkx's rescaling of sampled betweenness (undirected, endpoints excluded)."""
    big_n = n - 1
    if normalized:
        source = 1 / ((k - 1) * (big_n - 1)) if k > 1 else math.nan
        return source, 1 / (k * (big_n - 1))
    source = big_n / ((k - 1) * 2) if k > 1 else math.nan
    return source, big_n / (k * 2)


def _exact(nodes: list[Hashable], edges: list[tuple[int, int, float]], normalized: bool) -> dict[Hashable, float]:
    import rustworkx as rx

    copy = rx.PyGraph(multigraph=False)
    copy.add_nodes_from(range(len(nodes)))
    copy.add_edges_from_no_data([(i, j) for i, j, _ in edges if i != j])
    found = rx.graph_betweenness_centrality(copy, normalized=normalized, endpoints=False)
    return {node: float(found[i]) for i, node in enumerate(nodes)}


def eigenvector_centrality(
    graph: nx.Graph, weight: str | None = None, max_iter: int = 100, tol: float = 1e-6
) -> dict[Hashable, float]:
    """networkx's eigenvector centrality (power iteration on ``A + I``) with sparse products.

    Raises what networkx raises: :class:`networkx.NetworkXPointlessConcept` for a graph without
    nodes, :class:`networkx.PowerIterationFailedConvergence` after ``max_iter`` steps.

    >>> g = nx.karate_club_graph()
    >>> mine, theirs = eigenvector_centrality(g), nx.eigenvector_centrality(g)
    >>> max(abs(mine[v] - theirs[v]) for v in g) < EIGENVECTOR_AGREEMENT
    True
    """
    if graph.number_of_nodes() == 0:
        raise nx.NetworkXPointlessConcept("cannot compute centrality for the null graph")
    nodes, _ = _index(graph)
    matrix = adjacency(graph, weight)
    if graph.is_directed():
        matrix = matrix.T.tocsr()
    return eigenvector_of_matrix(nodes, matrix, max_iter, tol)


def eigenvector_of_matrix(
    nodes: list[Hashable], matrix: sp.csr_array, max_iter: int = 100, tol: float = 1e-6
) -> dict[Hashable, float]:
    """:func:`eigenvector_centrality` of the graph of ``nodes`` whose :func:`adjacency` is ``matrix``."""
    n = len(nodes)
    if n == 0:
        raise nx.NetworkXPointlessConcept("cannot compute centrality for the null graph")
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + matrix.T @ last  # networkx adds x[n] * w to each neighbour: (A + I)^T x
        norm = math.hypot(*x) if n < 64 else float(np.linalg.norm(x))
        x = x / (norm or 1)
        if float(np.abs(x - last).sum()) < n * tol:
            return dict(zip(nodes, x.tolist(), strict=True))
    raise nx.PowerIterationFailedConvergence(max_iter)


def modularity_of_edges(n: int, edges: list[tuple[int, int, float]], communities: list) -> float | None:
    """networkx's :func:`~networkx.algorithms.community.modularity` (resolution 1) of the undirected
    graph of ``n`` nodes and ``edges`` (``(i, j, weight)``, each edge once) for ``communities`` (sets
    of node positions, a partition), bit for bit: each community's internal weight and degree sum
    are added on arrays, then every community's term is computed and summed in networkx's order and
    with its operations. That the sums are networkx's needs them exact in any order, so this holds
    only where every weight is a multiple of 0.5 (the actor networks' weights, see
    :mod:`kg.analysis.network`) and the total below 2**50; otherwise it returns None (the caller
    asks networkx). At 1M triples networkx took about 0.3 s per call (its edge views), this 0.02 s.

    >>> g = nx.barbell_graph(4, 0)
    >>> parts = [set(range(4)), set(range(4, 8))]
    >>> ends = [(i, j, 1.0) for i, j in g.edges()]
    >>> modularity_of_edges(8, ends, parts) == nx.community.modularity(g, parts)
    True
    >>> modularity_of_edges(2, [(0, 1, 0.3)], [{0, 1}]) is None
    True
    """
    if not edges:
        return None
    data = np.asarray(edges, dtype=np.float64)
    i, j, w = data[:, 0].astype(np.int64), data[:, 1].astype(np.int64), data[:, 2]
    if not np.all(w * 2 == np.floor(w * 2)) or float(np.abs(w).sum()) * 2 >= 2.0**50:
        return None
    degree = np.bincount(i, weights=w, minlength=n) + np.bincount(j, weights=w, minlength=n)
    where = np.full(n, -1, dtype=np.int64)
    for index, community in enumerate(communities):
        where[list(community)] = index
    count = len(communities)
    inside = where[i] == where[j]
    internal = np.bincount(where[i][inside], weights=w[inside], minlength=count)
    degrees = np.bincount(where, weights=degree, minlength=count) if n else np.zeros(count)
    deg_sum = float(degree.sum())
    m = deg_sum / 2
    norm = 1 / deg_sum**2
    resolution = 1
    return sum(float(internal[c]) / m - resolution * float(degrees[c]) * float(degrees[c]) * norm for c in range(count))
