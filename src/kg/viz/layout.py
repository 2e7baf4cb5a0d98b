"""Where the nodes go, and which of them are drawn at all.

:func:`layout` places the clusters first, apart from each other (a seeded spring layout of the
graph of clusters gives each one a preferred place; discs of a size that grows with the cluster
are then packed around it without overlapping), then spreads every cluster's members evenly over
its disc, keeping the directions the cluster's own spring layout gave them. Actors outside any
tie (isolates) share one disc at the edge. :func:`place_around` puts initiatives among their
participants, and :func:`separate` pushes apart nodes that came too close. Positions are canvas
units (1 unit = 1 screen pixel at zoom 1); the same input always gives the same positions.

>>> import networkx as nx
>>> g = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6)])
>>> pos = layout(g, {1: "a", 2: "a", 3: "a", 4: "b", 5: "b", 6: "b"})
>>> pos == layout(g, {1: "a", 2: "a", 3: "a", 4: "b", 5: "b", 6: "b"})
True
>>> import math
>>> min(math.dist(pos[a], pos[b]) for a in (1, 2, 3) for b in (4, 5, 6)) > 2 * SPACING
True
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict

import networkx as nx
import numpy as np

SEED = 42
SPACING = 80.0  # canvas units between neighbouring nodes of a cluster
GAP = 1.5  # clusters are at least this many SPACINGs apart
#: spring-layout iterations for a cluster of more than 500 members (networkx's energy method, each
#: iteration O(n²)): 10 instead of 25 took 1.4 s of CPU against 3.7 s for the three clusters of
#: 800-1,100 members at a million triples, with intra-cluster ties as short (mean 895 against 923
#: canvas units; random directions: 1,639), since a disc keeps only the directions and the order
#: from the centre (bench/RESULTS.md)
LARGE_ITERATIONS = 10


def cut(graph: nx.Graph, max_nodes: int, score: dict) -> tuple[nx.Graph, int]:
    """Keep the ``max_nodes`` highest-scoring nodes (ties by id); return the subgraph and how many went.

    >>> kept, dropped = cut(nx.path_graph(4), 2, {0: 1, 1: 3, 2: 2, 3: 0})
    >>> sorted(kept), dropped
    ([1, 2], 2)
    """
    if graph.number_of_nodes() <= max_nodes:
        return graph, 0
    ranked = sorted(graph, key=lambda n: (-float(score.get(n) or 0.0), str(n)))
    keep = ranked[:max_nodes]
    return induced(graph, keep), graph.number_of_nodes() - len(keep)


def induced(graph: nx.Graph, nodes) -> nx.Graph:
    """The subgraph of ``graph`` on ``nodes`` (a copy), its nodes and edges in ``graph``'s order.

    ``graph.subgraph(nodes).copy()`` walks a small node set in the set's order, which changes from
    one Python process to the next (string hashing), and with it the page's bytes.

    >>> g = nx.Graph([("c", "a"), ("a", "b"), ("b", "c")])
    >>> list(induced(g, {"b", "c"}).edges())
    [('c', 'b')]
    """
    kept = set(nodes)
    sub = graph.__class__()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in kept)
    sub.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if u in kept and v in kept)
    return sub


def cut_edges(graph: nx.Graph, max_edges: int) -> tuple[nx.Graph, int]:
    """Keep the ``max_edges`` heaviest edges (ties by ids) and every node; return it and how many went.

    >>> g = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1}), ("a", "c", {"weight": 2})])
    >>> kept, dropped = cut_edges(g, 2)
    >>> sorted(kept.edges()), dropped, kept.number_of_nodes()
    ([('a', 'b'), ('a', 'c')], 1, 3)
    """
    if graph.number_of_edges() <= max_edges:
        return graph, 0
    kept = nx.Graph()
    kept.graph.update(graph.graph)
    kept.add_nodes_from(graph.nodes(data=True))
    kept.add_edges_from(
        (u, v, graph.edges[u, v]) for u, v, _ in _heaviest(graph.edges(data="weight", default=1.0), max_edges)
    )
    return kept, graph.number_of_edges() - max_edges


def _heaviest(edges, max_edges: int) -> list:
    """The ``max_edges`` heaviest of ``(u, v, weight)`` edges, heaviest first (ties by the ends' ids)."""
    return sorted(edges, key=lambda e: (-float(e[2]), *sorted((str(e[0]), str(e[1])))))[:max_edges]


def cut_both(graph: nx.Graph, max_nodes: int, score: dict, max_edges: int) -> tuple[nx.Graph, int, int, int]:
    """:func:`cut` then :func:`cut_edges`: ``(drawn, nodes left out, ties between the kept nodes, ties
    left out)``, the same graph as the two one after the other, without copying every tie between the
    kept nodes first when most of them are cut (at a million triples 94,000 ties, 10,000 drawn).

    >>> g = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1}), ("a", "c", {"weight": 2}), ("c", "d")])
    >>> kept, left, total, cut_ties = cut_both(g, 3, {"a": 2, "b": 2, "c": 2, "d": 1}, 2)
    >>> sorted(kept.edges()), left, total, cut_ties
    ([('a', 'b'), ('a', 'c')], 1, 3, 1)
    """
    if graph.number_of_nodes() <= max_nodes:
        drawn, left_out = graph, 0
    else:
        ranked = sorted(graph, key=lambda n: (-float(score.get(n) or 0.0), str(n)))
        keep = set(ranked[:max_nodes])
        left_out = graph.number_of_nodes() - len(keep)
        between = [(u, v, d) for u, v, d in graph.edges(data=True) if u in keep and v in keep]
        if len(between) > max_edges:  # as cut_edges(induced(graph, keep), max_edges)
            weights = {(u, v): d for u, v, d in between}
            kept = nx.Graph()
            kept.graph.update(graph.graph)
            kept.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
            heaviest = _heaviest(((u, v, d.get("weight", 1.0)) for u, v, d in between), max_edges)
            kept.add_edges_from((u, v, weights[u, v]) for u, v, _ in heaviest)
            return kept, left_out, len(between), len(between) - max_edges
        drawn = induced(graph, keep)
    total = drawn.number_of_edges()
    drawn, edges_left_out = cut_edges(drawn, max_edges)
    return drawn, left_out, total, edges_left_out


@functools.cache  # the page sorts its 40,000 ties by the keys of 6,000 ids (at a million triples)
def natural_key(text: str) -> tuple:
    """Sort key that puts ``c2`` before ``c10``.

    >>> sorted(["c10", "c2", "c1", "isolates"], key=natural_key)
    ['c1', 'c2', 'c10', 'isolates']
    """
    import re

    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", str(text)) if part
    )


def _disc(graph: nx.Graph, members: list, seed: int) -> dict:
    """Members spread evenly over a disc of radius :func:`disc_radius` around (0, 0)."""
    n = len(members)
    if n == 1:
        return {members[0]: (0.0, 0.0)}
    sub = nx.Graph()
    sub.add_nodes_from(members)
    sub.add_edges_from(sorted(graph.subgraph(members).edges(data=True), key=lambda e: (str(e[0]), str(e[1]))))
    if sub.number_of_edges():
        raw = nx.spring_layout(sub, seed=seed, weight="weight", iterations=50 if n <= 500 else LARGE_ITERATIONS)
    else:
        raw = {m: (math.cos(i * 2.39996), math.sin(i * 2.39996)) for i, m in enumerate(members)}
    xy = np.array([raw[m] for m in members], dtype=float)
    xy -= xy.mean(axis=0)
    angle = np.arctan2(xy[:, 1], xy[:, 0])
    distance = np.hypot(xy[:, 0], xy[:, 1])
    order = np.lexsort((np.arange(n), distance))  # nearest to the centre first
    radius = disc_radius(n)
    spread = np.empty(n)
    spread[order] = radius * np.sqrt((np.arange(n) + 0.5) / n)
    return {
        m: (float(spread[i] * math.cos(angle[i])), float(spread[i] * math.sin(angle[i]))) for i, m in enumerate(members)
    }


def disc_radius(n: int) -> float:
    """The radius of the disc that holds ``n`` members."""
    return SPACING * 0.75 * math.sqrt(n) if n > 1 else SPACING * 0.3


def _cluster_places(graph: nx.Graph, groups: dict[str, list], seed: int) -> dict[str, tuple[float, float]]:
    """Centres for the clusters' discs: near their preferred spring-layout place, never overlapping."""
    order = sorted(groups, key=lambda c: (c == "", -len(groups[c]), natural_key(c)))
    of = {node: c for c, members in groups.items() for node in members}
    between: nx.Graph = nx.Graph()
    between.add_nodes_from(order)
    for a, b, w in graph.edges(data="weight", default=1.0):
        ca, cb = of[a], of[b]
        if ca != cb and "" not in (ca, cb):
            prior = between.get_edge_data(ca, cb, {"weight": 0.0})["weight"]
            between.add_edge(ca, cb, weight=prior + float(w))
    preferred = nx.spring_layout(between, seed=seed, weight="weight") if len(order) > 1 else {order[0]: (0, 0)}
    radius = {c: disc_radius(len(groups[c])) + GAP * SPACING / 2 for c in order}
    scale = math.sqrt(sum(r * r for r in radius.values())) * 0.7
    centres: dict[str, tuple[float, float]] = {}
    placed_xy = np.zeros((0, 2))
    placed_r = np.zeros(0)
    for c in order:
        r = radius[c]
        target = np.array(preferred[c], dtype=float) * scale if c else np.array([0.0, scale * 0.8])
        if not len(placed_r):
            centres[c] = (0.0, 0.0)
        else:
            step = max(r / 2, SPACING / 2)
            k = np.arange(1, 4000)
            rings = step * np.sqrt(k) * 1.2
            candidates = np.c_[target[0] + rings * np.cos(k * 2.39996), target[1] + rings * np.sin(k * 2.39996)]
            candidates = np.vstack([target, candidates])
            gaps = np.hypot(*(candidates[:, None, :] - placed_xy[None, :, :]).transpose(2, 0, 1))
            free = (gaps >= placed_r[None, :] + r).all(axis=1)
            index = int(np.argmax(free)) if free.any() else len(candidates) - 1
            centres[c] = (float(candidates[index, 0]), float(candidates[index, 1]))
        placed_xy = np.vstack([placed_xy, centres[c]])
        placed_r = np.append(placed_r, r)
    return centres


def layout(graph: nx.Graph, clusters: dict | None = None, seed: int = SEED) -> dict:
    """Seeded positions ``{node: (x, y)}``: clusters apart, their members spread over a disc each.

    ``clusters`` maps nodes to cluster ids (default: Louvain communities of ``graph``); isolated
    nodes share one disc whatever their cluster.
    """
    if graph.number_of_nodes() == 0:
        return {}
    if clusters is None:
        from kg.analysis.analyze import communities

        found, _ = communities(graph, seed)
        clusters = {node: f"c{i + 1}" for i, members in enumerate(found) for node in members}
    groups: dict[str, list] = defaultdict(list)
    for node in sorted(graph, key=str):
        groups["" if graph.degree(node) == 0 else str(clusters.get(node, "?"))].append(node)
    centres = _cluster_places(graph, groups, seed)
    positions = {}
    for c, members in groups.items():
        cx, cy = centres[c]
        for node, (x, y) in _disc(graph, members, seed).items():
            positions[node] = (round(cx + x, 1), round(cy + y, 1))
    return positions


def place_around(positions: dict, attached: dict[object, list], seed: int = SEED) -> dict:
    """Positions for nodes placed among the nodes they are attached to (their centroid, nudged aside).

    >>> place_around({"a": (0.0, 0.0), "b": (100.0, 0.0)}, {"x": ["a", "b"]})["x"][0]
    50.0
    """
    placed = {}
    unattached = 0
    for index, (node, others) in enumerate(sorted(attached.items(), key=lambda kv: str(kv[0]))):
        anchors = [positions[o] for o in others if o in positions]
        if anchors:
            x = sum(p[0] for p in anchors) / len(anchors)
            y = sum(p[1] for p in anchors) / len(anchors)
            if len(anchors) == 1:  # beside its only participant, not on top of it
                angle = (index * 2.39996 + seed) % (2 * math.pi)
                x, y = x + SPACING * 0.8 * math.cos(angle), y + SPACING * 0.8 * math.sin(angle)
        else:
            unattached += 1
            x, y = -SPACING * 4 - SPACING * (unattached % 10), SPACING * (unattached // 10)
        placed[node] = (round(x, 1), round(y, 1))
    return placed


def separate(positions: dict, minimum: float = SPACING * 0.7, rounds: int = 40) -> dict:
    """The positions with every pair at least ``minimum`` apart where that takes few moves (deterministic).

    >>> moved = separate({"a": (0.0, 0.0), "b": (1.0, 0.0)}, minimum=10)
    >>> round(moved["b"][0] - moved["a"][0], 1)
    10.0
    """
    from scipy.spatial import cKDTree

    nodes = sorted(positions, key=str)
    if len(nodes) < 2:
        return dict(positions)
    xy = np.array([positions[n] for n in nodes], dtype=float)
    for _ in range(rounds):
        pairs = cKDTree(xy).query_pairs(minimum * 0.999, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[j] - xy[i]
        distance = np.hypot(delta[:, 0], delta[:, 1])
        same = distance < 1e-6
        delta[same] = np.c_[np.cos(i[same] * 2.39996), np.sin(i[same] * 2.39996)]
        distance[same] = 1.0
        push = ((minimum - distance) / 2 / distance)[:, None] * delta
        move = np.zeros_like(xy)
        np.add.at(move, i, -push)
        np.add.at(move, j, push)
        xy += move
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy, strict=True)}
