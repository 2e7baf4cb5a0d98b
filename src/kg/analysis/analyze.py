"""Collaboration clusters, centrality and brokers on the actor networks (networkx).

- Communities: Louvain with a fixed seed (modularity reported), cross-checked with greedy
  modularity (label propagation above :data:`GREEDY_MAX` nodes, where greedy merging is
  quadratic; none above :data:`CROSS_CHECK_MAX_TIES` ties, and the report says so); the same input
  always gives the same clusters, numbered by size.
- Centrality: degree, weighted degree, betweenness (exact while the graph has at most
  :data:`EXACT_BETWEENNESS_MAX` nodes and ``nodes x (nodes + edges)`` is at most
  :data:`EXACT_BETWEENNESS_WORK`, else sampled with ``k`` pivots, and the report says so),
  eigenvector (per graph; ``None`` where the power iteration does not converge). Betweenness and
  eigenvector centrality are networkx's definitions computed on arrays (rustworkx, scipy; see
  :mod:`kg.analysis.measures`), with networkx's results.
- Brokers: actors with betweenness > 0 whose neighbours lie in two or more clusters, or in both
  countries.
- Per cluster: members, the initiatives that hold it together, its funders, countries, and a name
  made of its most central member and its dominating initiative.

>>> from kg.build import build
>>> from kg.analysis.network import actor_graph
>>> analysis = analyze(actor_graph(build(out_dir=None).dataset))
>>> analysis.modularity > 0.3
True
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields

import networkx as nx

from kg.analysis import measures
from kg.analysis.messages import REPORT
from kg.core.collector import paused
from kg.core.i18n import decimal

SEED = 42
EXACT_BETWEENNESS_MAX = 20_000
# exact betweenness is one breadth-first search per node: n x (n + m) steps; rustworkx did 2e7 of them
# (1,187 nodes, 15,593 edges) in 0.4 s of CPU on this project's 2-core machine (bench/analysis.py), so
# 1e8 is about 2 s; larger graphs are sampled
EXACT_BETWEENNESS_WORK = 100_000_000
BETWEENNESS_SAMPLES = 200
# greedy modularity took 295 s on a 13,000-actor network, 7.5 s of the 8.8 s analysis of a 1,187-actor one
# (100k synthetic triples; bench/analysis.py), label propagation well under 1 s
GREEDY_MAX = 500
# label propagation, the cross-check above GREEDY_MAX nodes, took 1.6 s of CPU on the 116,785 ties of a
# million triples and 16.6 s on the 945,773 of ten million (an eighth of kg analyze there; bench/RESULTS.md,
# s30-10ma): above this many ties the clusters are not cross-checked, and the report says so
CROSS_CHECK_MAX_TIES = 500_000


@dataclass
class Cluster:
    """One community of the actor network."""

    id: str
    name: str
    size: int
    members: list[str]
    member_labels: list[str]
    initiatives: list[str]
    initiative_labels: list[str]
    funders: list[str]
    funder_labels: list[str]
    countries: list[str]
    central: str


@dataclass
class Analysis:
    """The result of :func:`analyze`: clusters, scores per actor, brokers, components."""

    network: str
    year: int | None
    nodes: int
    edges: int
    modularity: float
    cross_check: dict[str, float | str]
    clusters: list[Cluster]
    scores: dict[str, dict[str, float | str | None]]
    brokers: list[str]
    components: list[list[str]]
    isolates: list[str]
    cross_border: list[tuple[str, str, str]]
    notes: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    #: ``(kind, subject, object, through)``: initiatives with a Swedish and a Finnish actor or place,
    #: and memberships of an actor in an organisation of another country (see :func:`crossings`)
    cross_border_initiatives: list[tuple[str, str, str, str]] = field(default_factory=list)

    def cluster_of(self, node: str) -> str | None:
        """The id of the cluster that holds ``node``."""
        return self.scores.get(node, {}).get("cluster")  # type: ignore[return-value]

    def to_dict(self) -> dict:
        """Plain values (as :func:`dataclasses.asdict`, whose deep copy of every score took 0.3 s at 1M
        triples): the fields in order, clusters and scores as dictionaries, tuples as lists. The
        lists inside are the analysis' own (not copies)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["cross_check"] = dict(self.cross_check)
        data["clusters"] = [{f.name: getattr(c, f.name) for f in fields(c)} for c in self.clusters]
        data["scores"] = {node: dict(values) for node, values in self.scores.items()}
        data["labels"] = dict(self.labels)
        data["cross_border"] = [list(t) for t in self.cross_border]
        data["cross_border_initiatives"] = [list(t) for t in self.cross_border_initiatives]
        return data

    def to_json(self) -> str:
        """The report as JSON: the text ``json.dumps(self.to_dict(), ensure_ascii=False, indent=2)``
        writes, made by orjson's C encoder (see :func:`indented_json`; at ten million triples the
        analysis' 58,000 actors gave a 100 MB report that Python's indenting encoder wrote in pure Python)."""
        return indented_json(self.to_dict())


def _as_python_writes(value):
    """``value`` with every float that orjson writes otherwise than :func:`json.dumps` as the text
    ``json`` writes (an :class:`orjson.Fragment`): Python writes ``repr(x)``, an exponent below 1e-4
    and from 1e16 on (``1.7e-05``, ``1e+16``) and ``NaN``/``Infinity``, where orjson writes
    ``0.000017`` and ``null``. Dictionaries, lists and tuples are copied (as lists)."""
    import orjson

    if isinstance(value, str):
        return value
    if isinstance(value, float):
        if value != value or value in (math.inf, -math.inf) or (value and not 1e-4 <= abs(value) < 1e16):
            return orjson.Fragment(json.dumps(value))
        return float(value)
    if isinstance(value, dict):
        return {key: _as_python_writes(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_as_python_writes(item) for item in value]
    return value


def indented_json(data: object) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, the same text, made by orjson's C encoder
    (Python indents in pure Python: the report of 58,461 actors at ten million triples took about
    20 s of CPU that way, bench/RESULTS.md, s30-10ma). orjson writes the same indent, separators and
    escapes; the floats it writes otherwise are given as ``json`` writes them
    (:func:`_as_python_writes`). What orjson cannot encode (keys that are not strings, integers
    beyond 64 bits, a string with a lone surrogate) is written by ``json``.

    >>> data = {"a": [1.7e-05, 0.5, 1e16, float("nan"), None, True, "å"], "b": {}, "c": []}
    >>> indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
    True
    """
    import orjson

    try:
        return orjson.dumps(_as_python_writes(data), option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(data, ensure_ascii=False, indent=2)


def _canonical(communities: list[set[str]]) -> list[list[str]]:
    ordered = [sorted(c, key=str) for c in communities]
    ordered.sort(key=lambda c: (-len(c), str(c[0])))
    return ordered


def _sorted_copy(graph: nx.Graph) -> nx.Graph:
    """The same graph with nodes and edges inserted in sorted order (for determinism)."""
    copy = nx.Graph(**graph.graph)
    copy.add_nodes_from(sorted(graph.nodes(data=True), key=lambda item: str(item[0])))
    edges = [(a, b, d) if str(a) <= str(b) else (b, a, d) for a, b, d in graph.edges(data=True)]
    copy.add_edges_from(sorted(edges, key=lambda e: (str(e[0]), str(e[1]))))
    return copy


def _ordered(graph: nx.Graph) -> tuple[list, list[tuple[int, int, dict]]]:
    """The nodes and edges of :func:`_sorted_copy` (``(i, j, data)`` between node positions, in that
    graph's edge order), without building it: its nodes sorted, its edges each with the smaller end
    first and sorted, which is also the order in which networkx gives them (every node's neighbours
    are added in sorted order). Node ids whose texts are not unique (``1`` and ``"1"``) take the copy."""
    nodes = sorted(graph, key=str)
    if graph.is_directed() or graph.is_multigraph() or len({str(n) for n in nodes}) < len(nodes):
        copy = _sorted_copy(graph)
        nodes = list(copy)
        where = {n: i for i, n in enumerate(nodes)}
        return nodes, [(where[a], where[b], d) for a, b, d in copy.edges(data=True)]
    where = {n: i for i, n in enumerate(nodes)}  # positions compare as the ids' texts
    edges = []
    for a, b, d in graph.edges(data=True):
        i, j = where[a], where[b]
        edges.append((i, j, d) if i <= j else (j, i, d))
    edges.sort(key=lambda e: (e[0], e[1]))
    return nodes, edges


def communities(graph: nx.Graph, seed: int = SEED) -> tuple[list[list[str]], float]:
    """Louvain communities (canonically ordered) and their modularity.

    Isolated nodes form clusters of their own.
    """
    nodes, edges = _ordered(graph)
    return _louvain(nodes, _weighted(nodes, edges), seed)


def _louvain(nodes: list, indexed: nx.Graph, seed: int, ends: list | None = None) -> tuple[list[list[str]], float]:
    """:func:`communities` of the sorted nodes with their :func:`_weighted` graph (networkx's Louvain);
    ``ends``: that graph's edges, as :func:`_modularity` takes them."""
    if indexed.number_of_edges() == 0:
        return [[n] for n in nodes], 0.0
    found = nx.community.louvain_communities(indexed, weight="weight", seed=seed)
    return _canonical([{nodes[i] for i in c} for c in found]), _modularity(indexed, found, ends)


def _ends(edges: list[tuple[int, int, dict]]) -> list[tuple[int, int, float]]:
    """:func:`_ordered`'s edges as ``(i, j, weight)`` (1 where there is none): the edges of their
    :func:`_weighted` graph in its edge order (each node's neighbours were added in sorted order)."""
    return [(i, j, float(d.get("weight", 1))) for i, j, d in edges]


def _modularity(indexed: nx.Graph, found: list, ends: list | None = None) -> float:
    """networkx's modularity of ``found`` on the :func:`_weighted` graph, on arrays where that gives
    the same number bit for bit (:func:`kg.analysis.measures.modularity_of_edges`), else networkx's.
    ``ends``: the graph's edges as ``(i, j, weight)`` in its edge order (:func:`_ends`), read from it when not given."""
    if ends is None:
        ends = [(i, j, w) for i, j, w in indexed.edges(data="weight")]
    fast = measures.modularity_of_edges(indexed.number_of_nodes(), ends, found)
    return fast if fast is not None else nx.community.modularity(indexed, found, weight="weight")


def _label_propagation(indexed: nx.Graph, seed: int, ends: list | None = None) -> tuple[list, float]:
    """networkx's asynchronous label propagation (seeded) of the :func:`_weighted` graph and its
    modularity: ``(communities as lists of node positions, in networkx's order; modularity)``."""
    found = [list(c) for c in nx.community.asyn_lpa_communities(indexed, weight="weight", seed=seed)]
    return found, _modularity(indexed, found, ends)


def _beside_louvain(
    indexed: nx.Graph, nodes: list, edges: list, degree: dict, weighted: dict, seed: int, ends: list | None = None
):
    """What :func:`analyze` computes besides Louvain above GREEDY_MAX nodes: :func:`_label_propagation`
    and :func:`_centrality`."""
    return _label_propagation(indexed, seed, ends), _centrality(nodes, edges, degree, weighted, seed, ends)


def _weighted(nodes: list, edges: list[tuple[int, int, dict]]) -> nx.Graph:
    """The graph of :func:`_ordered`'s nodes and edges relabelled 0..n-1 with only the edges'
    ``weight`` (1 where there is none): the same nodes, edges and insertion order as the sorted copy,
    so Louvain and label propagation find the same communities for a seed (algorithms that compare
    node ids need one type), without copying every attribute."""
    light = nx.Graph()
    light.add_nodes_from(range(len(nodes)))
    light.add_weighted_edges_from((i, j, d.get("weight", 1)) for i, j, d in edges)
    return light


def centrality(graph: nx.Graph, seed: int = SEED) -> tuple[dict[str, dict[str, float | None]], list[str]]:
    """Degree, weighted degree, betweenness and eigenvector centrality of every node (in the graph's order)."""
    nodes = list(graph)
    where = {n: i for i, n in enumerate(nodes)}
    edges = [(where[a], where[b], d) for a, b, d in graph.edges(data=True)]
    degree = nx.degree_centrality(graph) if len(nodes) > 1 else dict.fromkeys(graph, 0.0)
    return _centrality(nodes, edges, degree, dict(graph.degree(weight="weight")), seed)


def _centrality(
    nodes: list, edges: list[tuple[int, int, dict]], degree: dict, weighted: dict, seed: int, ends: list | None = None
) -> tuple[dict[str, dict[str, float | None]], list[str]]:
    """:func:`centrality` of the graph of ``nodes`` and ``edges`` (positions, in the graph's edge
    order), with its degree centrality and weighted degrees; ``ends``: :func:`_ends` of ``edges``."""
    notes: list[str] = []
    n = len(nodes)
    work = n * (n + len(edges))
    ends = _ends(edges) if ends is None else ends
    matrix = measures.edge_matrix(n, ends)  # made once for both measures
    if n > EXACT_BETWEENNESS_MAX or work > EXACT_BETWEENNESS_WORK:
        k = min(BETWEENNESS_SAMPLES, n)
        betweenness = measures.betweenness_of_edges(nodes, ends, k=k, seed=seed, matrix=matrix)
        why = (
            f"{n} nodes > {EXACT_BETWEENNESS_MAX}"
            if n > EXACT_BETWEENNESS_MAX
            else (f"nodes x (nodes + edges) = {work:.2g} > {EXACT_BETWEENNESS_WORK:.2g}")
        )
        notes.append(f"betweenness sampled with k={k} pivots ({why})")
    else:
        betweenness = measures.betweenness_of_edges(nodes, ends)
    try:
        eigen: dict[str, float | None] = measures.eigenvector_of_matrix(nodes, matrix, max_iter=2000, tol=1e-8)
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        eigen = dict.fromkeys(nodes)
        notes.append("eigenvector centrality did not converge and is left out")
    scores = {
        node: {
            "degree": round(degree[node], 6),
            "weighted_degree": round(float(weighted[node]), 6),
            "betweenness": round(betweenness[node], 6),
            "eigenvector": round(eigen[node], 6) if eigen[node] is not None else None,
        }
        for node in nodes
    }
    return scores, notes


@paused()
def analyze(graph: nx.Graph, bipartite: nx.Graph | None = None, seed: int = SEED) -> Analysis:
    """Clusters, centrality, brokers, components and isolates of an actor network.

    ``bipartite`` (the actor–initiative graph) adds, per cluster, the initiatives that hold it
    together and its funders; without it they are read from the edges' shared initiatives.
    """
    # the graph in sorted order (as _sorted_copy would insert it) without copying it
    nodes, edges = _ordered(graph)
    if graph.is_directed() or graph.is_multigraph():
        graph = _sorted_copy(graph)
    indexed = _weighted(nodes, edges)
    # networkx's degree centrality and weighted degree of the sorted copy, from one degree view each
    # (a view per node took seconds at ten million triples)
    if len(nodes) > 1:
        scale = 1.0 / (len(nodes) - 1.0)
        counts = dict(indexed.degree())
        degree = {node: counts[i] * scale for i, node in enumerate(nodes)}
    else:
        degree = dict.fromkeys(nodes, 0.0)
    sums = dict(indexed.degree(weight="weight"))
    weighted_degree = {node: sums[i] for i, node in enumerate(nodes)}
    spread = indexed.number_of_edges() and len(nodes) > GREEDY_MAX  # label propagation as the cross-check
    unchecked = indexed.number_of_edges() > CROSS_CHECK_MAX_TIES
    ends = _ends(edges)  # made once for the modularity, betweenness and eigenvector centrality
    clusters_raw, modularity = _louvain(nodes, indexed, seed, ends)
    cluster_of = {node: f"c{i + 1}" for i, members in enumerate(clusters_raw) for node in members}
    if spread and not unchecked:
        (found, other_modularity), (scores, notes) = _beside_louvain(
            indexed, nodes, edges, degree, weighted_degree, seed, ends
        )
    else:
        scores, notes = _centrality(nodes, edges, degree, weighted_degree, seed, ends)
    for node in nodes:
        scores[node]["cluster"] = cluster_of[node]  # type: ignore[assignment]
    # the nodes' attributes as plain dictionaries: looking each node up through networkx's node view
    # (millions of times for the ties at ten million triples) cost seconds
    attributes = dict(graph.nodes(data=True))
    labels = {n: str(attributes[n].get("label", n)) for n in nodes}
    cross_check: dict[str, float | str] = {}
    if unchecked:
        notes.append(
            REPORT.text("note_not_cross_checked", "en", ties=graph.number_of_edges(), limit=CROSS_CHECK_MAX_TIES)
        )
    elif graph.number_of_edges():
        if not spread:
            method, found = "greedy modularity", nx.community.greedy_modularity_communities(indexed, weight="weight")
            found = list(found)
            other_modularity = _modularity(indexed, found)
        else:
            method = "label propagation"
            notes.append(f"clusters cross-checked with {method} ({graph.number_of_nodes()} nodes > {GREEDY_MAX})")
        other = [{nodes[i] for i in c} for c in found]
        cross_check["method"] = method
        cross_check["modularity"] = round(other_modularity, 6)
        cross_check["clusters_identical"] = sum(1 for c in other if sorted(c, key=str) in clusters_raw)
        cross_check["clusters"] = len(other)
    initiative_labels: dict[str, str] = {}
    funders_of: dict[str, set[str]] = {}
    participants_of: dict[str, set[str]] = {}
    if bipartite is not None:
        kinds = dict(bipartite.nodes(data=True))
        for a, b, data in bipartite.edges(data=True):
            actor = data.get("actor", a)
            target = b if actor == a else a
            if kinds[target].get("kind") != "initiative":
                continue
            initiative_labels[target] = kinds[target].get("label", target)
            participants_of.setdefault(target, set()).add(actor)
            if "funder" in data.get("roles", "").split():
                funders_of.setdefault(target, set()).add(actor)
    else:
        for _, _, data in graph.edges(data=True):
            iris, labs = data.get("initiatives", "").split(), data.get("initiative_labels", "").split("; ")
            for iri, lab in zip(iris, labs, strict=False):
                initiative_labels[iri] = lab
    # per cluster, the initiatives with at least two of its members (in participants_of's order)
    held: dict[str, Counter[str]] = defaultdict(Counter)
    for iri, actors in participants_of.items():
        if len(actors) < 2:  # no cluster holds two of them
            continue
        per_cluster = Counter(cluster_of[a] for a in actors if a in cluster_of)
        for cid, count in per_cluster.items():
            if count >= 2:
                held[cid][iri] = count
    clusters: list[Cluster] = []
    ordered_graph = None  # the sorted copy, made when the edges of a cluster are wanted
    for index, members in enumerate(clusters_raw):
        cid = f"c{index + 1}"
        inside: Counter[str] = Counter()
        if participants_of:
            inside = held[cid]
        else:
            ordered_graph = ordered_graph or _sorted_copy(graph)
            for _, _, data in ordered_graph.subgraph(members).edges(data=True):
                for iri in data.get("initiatives", "").split():
                    inside[iri] += 1
        ranked = sorted(inside, key=lambda i: (-inside[i], initiative_labels.get(i, i)))
        funders = sorted({f for i in ranked for f in funders_of.get(i, set())})
        central = max(members, key=lambda m: (scores[m]["weighted_degree"], scores[m]["betweenness"], str(m)))
        countries = sorted({str(attributes[m].get("country")) for m in members if attributes[m].get("country")})
        top = initiative_labels.get(ranked[0], ranked[0]) if ranked else None
        name = labels[central] + (f" / {top}" if top else "")
        clusters.append(
            Cluster(
                id=cid,
                name=name,
                size=len(members),
                members=members,
                member_labels=[labels[m] for m in members],
                initiatives=ranked,
                initiative_labels=[initiative_labels.get(i, i) for i in ranked],
                funders=funders,
                funder_labels=[labels.get(f, f) for f in funders],
                countries=countries,
                central=central,
            )
        )
    brokers = []
    country_of = {node: data.get("country") for node, data in attributes.items()}
    for node in nodes:
        if not scores[node]["betweenness"]:
            continue
        neighbours = graph.adj[node]
        spans = {cluster_of[x] for x in neighbours} | {cluster_of[node]}
        countries = {country_of[x] for x in [node, *neighbours]} - {None, ""}
        if len(spans) > 1 or countries >= {"SE", "FI"}:
            brokers.append(node)
    brokers.sort(key=lambda n: (-float(scores[n]["betweenness"] or 0), str(n)))
    components = _canonical(_components(nodes, ends))  # (a directed graph was copied undirected above)
    isolates = sorted(nx.isolates(graph), key=str)
    cross_border = []
    for a, b, data in graph.edges(data=True):
        here, there = country_of[a], country_of[b]
        if here != there and (here == "SE" or here == "FI") and (there == "SE" or there == "FI"):
            first, second = (a, b) if str(a) <= str(b) else (b, a)
            cross_border.append((first, second, data.get("initiative_labels", "")))
    cross_border.sort(key=lambda t: (str(t[0]), str(t[1])))
    crossing = crossings(bipartite) if bipartite is not None else []
    for _kind, subject, other, _via in crossing:  # the report names them (initiatives are no actors)
        for node in (subject, other):
            if node and node not in labels:
                labels[node] = str(bipartite.nodes[node].get("label", node))
    return Analysis(
        network=str(graph.graph.get("kind", "actors")),
        year=graph.graph.get("year") or None,
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        modularity=round(modularity, 6),
        cross_check=cross_check,
        clusters=clusters,
        scores=scores,
        brokers=brokers,
        components=components,
        isolates=isolates,
        cross_border=cross_border,
        notes=notes,
        labels=labels,
        cross_border_initiatives=crossing,
    )


def _components(nodes: list, ends: list[tuple[int, int, float]]) -> list[set]:
    """The connected components (sets of nodes) of the graph of ``nodes`` and ``ends`` (``(i, j,
    weight)`` between positions, :func:`_ends`), by scipy's :func:`~scipy.sparse.csgraph.connected_components`:
    the sets of networkx's :func:`~networkx.connected_components` (in another order, which
    :func:`_canonical` sorts), without networkx's breadth-first search in Python over every tie (945,773
    at ten million triples; bench/RESULTS.md, s31-10m).

    >>> sorted(map(sorted, _components(["a", "b", "c", "d"], [(0, 1, 1.0), (3, 3, 1.0)])))
    [['a', 'b'], ['c'], ['d']]
    """
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.csgraph import connected_components

    n = len(nodes)
    if not n:
        return []
    pairs = np.array([(i, j) for i, j, _ in ends], dtype=np.int64).reshape(-1, 2)
    links = sp.coo_array((np.ones(len(pairs), dtype=np.int32), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _count, which = connected_components(links, directed=False)
    found: dict[int, set] = {}
    for node, label in zip(nodes, which.tolist(), strict=True):
        found.setdefault(label, set()).add(node)
    return list(found.values())


PARTICIPATION = frozenset({"lead", "organiser", "presenter", "participant"})  # each implies kg:participatesIn


def crossings(bipartite: nx.Graph) -> list[tuple[str, str, str, str]]:
    """What crosses the border in the actor–initiative network, by the definition of the shipped
    ``cross-border`` query (docs/modelling.md, "Cross-border"): ``("initiative", iri, "", through)``
    for each initiative whose participating actors (lead, organiser, presenter, participant; not
    funders) or places (the node's ``places``, see :func:`kg.analysis.network.place_countries`) lie in
    both Sweden and Finland, and ``("membership", actor, organisation, "C1 C2")`` for each membership
    of an actor in an organisation of another country. ``through`` names the Swedish and Finnish
    actors by label and the countries of the places. Sorted by kind, subject, object, as the query.

    >>> g = nx.Graph()
    >>> g.add_node("i", kind="initiative", label="I", places="FI")
    >>> g.add_node("a", kind="actor", label="A", country="SE")
    >>> g.add_edge("a", "i", roles="lead", actor="a")
    >>> crossings(g)
    [('initiative', 'i', '', 'A (SE); a place in FI')]
    """
    nodes = dict(bipartite.nodes(data=True))  # a plain dictionary: no node view per lookup
    actors_of: dict[str, set[str]] = defaultdict(set)
    rows = []
    kinds: dict[str, tuple[bool, bool]] = {}  # per text of roles: (a participation, a membership)
    for a, b, data in bipartite.edges(data=True):
        actor = data.get("actor", a)
        target = b if actor == a else a
        text = data.get("roles")
        text = data.get("role", "") if text is None else text
        kind = kinds.get(text)
        if kind is None:
            roles = set(text.split())
            kind = kinds[text] = (bool(roles & PARTICIPATION), "member" in roles)
        if kind[0] and nodes[target].get("kind") == "initiative":
            actors_of[target].add(actor)
        elif kind[1]:
            here, there = nodes[actor].get("country"), nodes[target].get("country")
            if here and there and here != there:
                rows.append(("membership", actor, target, f"{here} {there}"))
    for initiative, attrs in nodes.items():
        if attrs.get("kind") != "initiative":
            continue
        actors = actors_of.get(initiative, set())
        places = set(str(attrs.get("places") or "").split())
        countries = {nodes[a].get("country") for a in actors} | places
        if not {"SE", "FI"} <= countries:
            continue
        through = [
            f"{nodes[a].get('label', a)} ({nodes[a]['country']})"
            for a in sorted(actors, key=lambda a: (str(nodes[a].get("country")), str(nodes[a].get("label", a)), a))
            if nodes[a].get("country") in ("SE", "FI")
        ]
        through += [f"a place in {country}" for country in sorted(places & {"SE", "FI"})]
        rows.append(("initiative", initiative, "", "; ".join(through)))
    rows.sort(key=lambda row: (row[0], row[1], row[2]))
    return rows


MEASURES = ("degree", "weighted_degree", "betweenness", "eigenvector")


def _ties(analysis: Analysis, node) -> int:
    """The number of ties of ``node``: its degree centrality times the other actors (networkx's definition)."""
    return round(float(analysis.scores[node]["degree"]) * max(analysis.nodes - 1, 1))


def to_rows(analysis: Analysis) -> list[dict[str, object]]:
    """One row per actor: label, cluster, the four scores and whether it is a broker."""
    brokers = set(analysis.brokers)
    rows = []
    for node in sorted(analysis.scores, key=lambda n: (analysis.scores[n]["cluster"], str(n))):
        scores = analysis.scores[node]
        rows.append(
            {
                "actor": node,
                "label": analysis.labels.get(node, node),
                "cluster": scores["cluster"],
                **{m: scores[m] for m in MEASURES},
                "broker": node in brokers,
            }
        )
    return rows


def to_csv(analysis: Analysis) -> str:
    """The per-actor rows as CSV."""
    import csv
    import io

    buffer = io.StringIO()
    rows = to_rows(analysis)
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["actor"])
    writer.writeheader()
    from kg.core.cells import neutralise  # no cell runs as a formula in a spreadsheet

    writer.writerows({key: neutralise(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


LIST_MAX = 20
"""The text report lists at most this many members, initiatives, funders or isolates per list, then
says how many more there are; the JSON and CSV formats always hold every one."""


def _wrap(prefix: str, items: list[str], width: int = 80, limit: int | None = None, lang: str = "en") -> list[str]:
    """``items`` joined by "; " and wrapped under ``prefix``; beyond ``limit`` items, "… and N more"
    (in ``lang``).

    >>> _wrap("  x: ", ["a", "b", "c"], limit=2)
    ['  x: a; b; … and 1 more']
    >>> _wrap("  x: ", ["a", "b", "c"], limit=2, lang="sv")
    ['  x: a; b; … och 1 till']
    >>> _wrap("  x: ", [])
    ['  x: -']
    """
    import textwrap

    if limit is not None and len(items) > limit:
        items = [*items[: limit - 1], f"{items[limit - 1]}; {REPORT.text('more', lang, n=len(items) - limit)}"]
    text = "; ".join(items) if items else "-"
    return textwrap.wrap(text, width=width, initial_indent=prefix, subsequent_indent=" " * len(prefix)) or [prefix]


def _wrap_lines(items: list[str], lang: str = "en") -> list[str]:
    """Each item on lines of its own (80 columns, indented), at most :data:`LIST_MAX` items, then
    "… and N more" (the text report's long lists)."""
    import textwrap

    lines = [
        line
        for item in items[:LIST_MAX]
        for line in textwrap.wrap(item, 80, initial_indent="  ", subsequent_indent="    ")
    ]
    return lines + ([f"  {REPORT.text('more', lang, n=len(items) - LIST_MAX)}"] if len(items) > LIST_MAX else [])


def _fit(line: str) -> list[str]:
    """A line of the report's head wrapped to 80 columns, its continuation indented under its text.

    >>> _fit("  " + "ord " * 25)
    ['  ord ord ord ord ord ord ord ord ord ord ord ord ord ord ord ord ord ord ord', '    ord ord ord ord ord ord']
    """
    import textwrap

    if len(line) <= 80:
        return [line]
    indent = " " * (len(line) - len(line.lstrip(" ")) + 2)
    return textwrap.wrap(line, 80, subsequent_indent=indent) or [line]


NOTES = (
    "note_cross_checked",
    "note_not_cross_checked",
    "note_sampled_size",
    "note_sampled_work",
    "note_no_eigenvector",
)
METHODS = {"greedy modularity": "method_greedy", "label propagation": "method_propagation"}


def _note(note: str, lang: str) -> str:
    """A note of the analysis (kept in English, as the JSON holds it) in ``lang``.

    >>> _note("clusters cross-checked with label propagation (846 nodes > 500)", "fi")
    'klusterit tarkistettu toisella menetelmällä (nimiöiden levitys; 846 solmua > 500)'
    """
    found = REPORT.read(note, NOTES)
    if found is None:
        return note
    key, values = found
    if "method" in values and values["method"] in METHODS:
        values["method"] = REPORT.text(METHODS[values["method"]], lang)
    return REPORT.text(key, lang, **values)


def _through(via: str, lang: str) -> str:
    """The actors and places of a cross-border initiative (:func:`crossings`) with "a place in FI" in ``lang``."""
    return "; ".join(REPORT.translated(part, ("a_place_in",), lang) for part in via.split("; "))


def to_text(analysis: Analysis, top: int = 5, lang: str = "en") -> str:
    """A readable report (80 columns): clusters, brokers, top actors per measure, cross-border ties.

    Long lists (members, initiatives, funders, isolates) end after :data:`LIST_MAX` items with
    "… and N more"; :meth:`Analysis.to_json` and :func:`to_csv` hold them all. The headings are in
    ``lang`` (sv, fi or en; :mod:`kg.analysis.messages`), with the decimal comma in Swedish and
    Finnish; the names are the analysis' labels (in the language the network was read in)."""
    label = analysis.labels.get
    t = REPORT.text
    alone = [c for c in analysis.clusters if c.size == 1 and c.members[0] in analysis.isolates]
    kind = f"network_{analysis.network}"
    network = t(kind, lang) if kind in REPORT else analysis.network
    counts = {"network": network, "nodes": analysis.nodes, "edges": analysis.edges}
    lines = [
        t("network_year", lang, year=analysis.year, **counts) if analysis.year else t("network", lang, **counts),
        t("clusters", lang, n=len(analysis.clusters), seed=SEED, modularity=decimal(analysis.modularity, 3, lang)),
    ]
    if analysis.year:  # the actors of other years are not in it (they were counted as isolates until 2026)
        lines.insert(1, t("year_only", lang, year=analysis.year))
    if alone:  # the counts must agree with what is listed below
        lines.append(t("alone", lang, listed=len(analysis.clusters) - len(alone), alone=len(alone)))
    alone_ids = {c.id for c in alone}
    check = analysis.cross_check
    if "method" in check:
        method = str(check["method"])
        lines += _wrap(
            t("cross_check", lang),
            [
                t(
                    "cross_check_text",
                    lang,
                    method=t(METHODS[method], lang) if method in METHODS else method,
                    clusters=int(check["clusters"]),
                    modularity=decimal(float(check["modularity"]), 3, lang),
                    identical=int(check["clusters_identical"]),
                )
            ],
        )
    lines += [t("note", lang, note=_note(note, lang)) for note in analysis.notes]
    if lang in ("sv", "fi"):  # their longer words wrapped to 80 columns (English lines are as they were)
        lines = [part for line in lines for part in _fit(line)]
    lines.append("")
    for cluster in analysis.clusters:
        if cluster.id in alone_ids:
            continue
        countries = ", ".join(cluster.countries) or "-"
        lines += _wrap(
            f"{cluster.id}  ", [t("cluster", lang, name=cluster.name, size=cluster.size, countries=countries)]
        )
        lines += _wrap(t("members", lang), cluster.member_labels, limit=LIST_MAX, lang=lang)
        lines += _wrap(t("held_together", lang), cluster.initiative_labels, limit=LIST_MAX, lang=lang)
        lines += _wrap(t("funders", lang), cluster.funder_labels, limit=LIST_MAX, lang=lang)
    lines.append("")
    lines.append(t("brokers", lang))
    for node in analysis.brokers[:top] or []:
        lines.append(f"  {label(node, node)[:50]:50} {decimal(float(analysis.scores[node]['betweenness']), 3, lang)}")
    if not analysis.brokers:
        lines.append("  -")
    for measure in MEASURES:
        ranked = sorted(
            (n for n in analysis.scores if analysis.scores[n][measure] is not None),
            key=lambda n: (-float(analysis.scores[n][measure]), str(n)),  # type: ignore[arg-type]
        )[:top]
        lines.append("")
        lines.append(t(f"top_{measure}", lang, n=len(ranked)))
        if measure == "degree":  # networkx's degree centrality (ties / (actors - 1)) beside the number of ties
            # that the page calls degree: "0.665" alone read as a number of ties on the page's scale
            lines += [f"  {label(n, n)[:60]:60} {_ties(analysis, n):>6} "
                      f"({decimal(float(analysis.scores[n][measure]), 3, lang)})" for n in ranked]  # fmt: skip
            continue
        if measure == "eigenvector" and len(analysis.components) > 1:  # "0 for most actors" puzzled a user
            lines.append(t("eigenvector_zero", lang))
        lines += [f"  {label(n, n)[:60]:60} {decimal(float(analysis.scores[n][measure]), 3, lang)}" for n in ranked]
    lines.append("")
    lines.append(t("crossings", lang))
    crossing = [
        f"{label(s, s)}: {_through(via, lang) if via else '-'}"
        if kind == "initiative"
        else t("member_of", lang, member=label(s, s), organisation=label(o, o), countries=via)
        for kind, s, o, via in analysis.cross_border_initiatives
    ]
    lines += _wrap_lines(crossing, lang) or ["  -"]
    lines.append(t("border_ties", lang))
    lines += _wrap_lines(
        [f"{label(a, a)} – {label(b, b)}: {via or '-'}" for a, b, via in analysis.cross_border], lang
    ) or ["  -"]
    lines.append("")
    lines.append(t("components", lang, components=len(analysis.components), isolates=len(analysis.isolates)))
    isolated = [label(n, n) for n in analysis.isolates]
    lines += _wrap(t("isolated", lang), isolated, limit=LIST_MAX, lang=lang) if isolated else []
    return "\n".join(lines) + "\n"
