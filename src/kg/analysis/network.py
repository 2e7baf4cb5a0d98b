"""Networks derived from the knowledge graph, as networkx graphs.

Three projections, all built from the library queries ``ties`` and ``nodes``:

- :func:`bipartite_graph`: actors and initiatives; an edge per tie, typed by ``role``
  (``lead``, ``organiser``, ``presenter``, ``participant``, ``funder``), plus actor–organisation
  edges for ``member`` and ``affiliated`` ties.
- :func:`actor_graph`: actors only, joined when they share initiatives or memberships.
- :func:`organisation_graph`: the actor graph with people folded into the organisations they are
  affiliated with.

Edge weights of the actor graph (documented here, used by the clusters):

- each shared initiative adds 1, plus 0.5 for each end that leads or organises it
  (participant–participant 1, lead–participant 1.5, lead–lead 2);
- a membership or affiliation tie (actor–organisation) adds 1;
- two members of the same organisation add 0.5 (co-membership), for organisations with at most
  :data:`MAX_COMEMBERS` members; larger ones keep only the member–organisation ties, so that one
  big organisation cannot create a quadratic number of edges.

Every node carries ``label`` (in the preferred language), ``kind`` (actor / initiative), ``type``,
``country`` and ``area``/``area_label`` (county or region); edges carry ``weight``, ``roles`` and
the shared initiatives as space-separated IRIs (``initiatives``) and "; "-joined labels
(``initiative_labels``). All values are strings or numbers, so every export format works.

>>> from kg.build import build
>>> ds = build(out_dir=None).dataset
>>> g = actor_graph(ds)
>>> pajala = "https://w3id.org/samverkan/id/municipality/se-2521"
>>> g.nodes[pajala]["label"], g.nodes[pajala]["country"]
('Pajala', 'SE')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from kg.query.library import get
from kg.query.sparql import execute
from kg.query.stores import fast_store

MAX_COMEMBERS = 100
LEAD_ROLES = frozenset({"lead", "organiser"})
INITIATIVE_ROLES = ("lead", "organiser", "presenter", "funder", "participant")
ORGANISATION_ROLES = ("member", "affiliated")
KINDS = ("actors", "bipartite", "organisations")


@dataclass(frozen=True)
class Tie:
    """One stated tie of an actor to an initiative or organisation."""

    actor: str
    role: str
    target: str
    start: str | None
    sources: tuple[str, ...]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def read_nodes(dataset, lang: str | None = "sv") -> dict[str, dict[str, str]]:
    """Attributes of every actor and initiative: label, kind, type, country, area, area_label."""
    rows = execute(fast_store(dataset), get("nodes"), lang=lang, timeout=None).rows
    nodes: dict[str, dict[str, str]] = {}
    for row in rows:
        iri = str(row["node"])
        nodes[iri] = {
            "label": _text(row.get("nodeLabel")) or iri,
            "kind": _text(row.get("kind")),
            "type": _text(row.get("type")).rsplit("#", 1)[-1],
            "type_label": _text(row.get("typeLabel")) or _text(row.get("type")).rsplit("#", 1)[-1],
            "country": _text(row.get("country")),
            "area": _text(row.get("area")),
            "area_label": _text(row.get("areaLabel")),
            "start": _text(row.get("start")),
            "end": _text(row.get("end")),
            "names": _text(row.get("names")),
            "labels": _text(row.get("labels")),
            "mentioned": str(row.get("mentioned", "")).lower() in ("true", "1"),
        }
    return nodes


def read_ties(dataset) -> list[Tie]:
    """Every tie stated by a source (see the ``ties`` query)."""
    rows = execute(fast_store(dataset), get("ties"), lang=None, timeout=None, labels=False).rows
    return [
        Tie(
            actor=str(row["actor"]),
            role=str(row["role"]),
            target=str(row["target"]),
            start=_text(row.get("start")) or None,
            sources=tuple(str(row.get("sources", "")).split()),
        )
        for row in rows
    ]


def active_initiatives(dataset, year: int) -> set[str]:
    """The initiatives active in ``year`` by the time rules of docs/modelling.md (the ``active`` query)."""
    rows = execute(fast_store(dataset), get("active"), {"year": str(year)}, lang=None, timeout=None, labels=False).rows
    return {str(row["initiative"]) for row in rows}


def active_by_year(dataset, years: list[int]) -> dict[int, set[str]]:
    """:func:`active_initiatives` of many years from one run of the ``active`` query (its rows for
    each year, the year bound by a VALUES block of all the years)."""
    from kg.query.binding import bind_rows
    from kg.query.sparql import bindings

    query = get("active")
    head = "SELECT DISTINCT ?initiative ?start ?end"
    if head not in query.text:
        raise ValueError(f"the active query no longer starts with {head!r}")
    text = query.text.replace(head, "SELECT DISTINCT ?year ?initiative", 1)
    terms = {year: bindings(query, {"year": str(year)})["year"] for year in years}
    found: dict[int, set[str]] = {year: set() for year in years}
    if not years:
        return found
    by_term = {str(term): year for year, term in terms.items()}
    for row in fast_store(dataset).select(bind_rows(text, "year", list(terms.values())))[1]:
        found[by_term[str(row["year"])]].add(str(row["initiative"]))
    return found


def source_years(dataset) -> dict[str, int]:
    """The year of each source document (its ``dcterms:issued``, as written), by file stem."""
    text = """PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?g ?issued WHERE { GRAPH ?g { ?g dcterms:issued ?issued } }"""
    years = {}
    for row in fast_store(dataset).select(text)[1]:
        year = _year(str(row["issued"]))
        if year is not None:
            years[str(row["g"]).rsplit("/", 1)[-1]] = year
    return years


def _active(tie: Tie, year: int | None, initiatives: set[str], stated: dict[str, int]) -> bool:
    """Whether a tie holds in ``year``: a tie to an initiative while the initiative is active, a
    membership or affiliation (undated facts) in the years of the sources that state it."""
    if year is None:
        return True
    if tie.role in ORGANISATION_ROLES:
        return any(stated.get(source) == year for source in tie.sources)
    return tie.target in initiatives


def bipartite_graph(
    dataset,
    year: int | None = None,
    lang: str | None = "sv",
    *,
    nodes: dict[str, dict] | None = None,
    ties: list[Tie] | None = None,
    stated: dict[str, int] | None = None,
    initiatives: set[str] | None = None,
) -> nx.Graph:
    """Actors and initiatives, an edge per tie (``role`` is the strongest role of the pair).

    With ``year``, the ties that hold in that year by the time rules of docs/modelling.md (the
    same as the ``active`` query): ties to the initiatives active in that year, and memberships and
    affiliations stated by a source of that year.

    ``nodes`` (from :func:`read_nodes`), ``ties`` (from :func:`read_ties`), ``stated`` (from
    :func:`source_years`) and ``initiatives`` (the year's :func:`active_initiatives`) are read from
    ``dataset`` when not given; give them to build the networks of many years from one reading (see
    :func:`yearly_bipartite_graphs`).
    """
    if initiatives is None:
        initiatives = active_initiatives(dataset, year) if year is not None else set()
    if year is not None and stated is None:
        stated = source_years(dataset)
    stated = stated or {}
    nodes = read_nodes(dataset, lang) if nodes is None else nodes
    ties = read_ties(dataset) if ties is None else ties
    graph = nx.Graph(kind="bipartite", year=year if year is not None else "", lang=lang or "")
    order = {role: i for i, role in enumerate((*INITIATIVE_ROLES, *ORGANISATION_ROLES))}
    for iri, attrs in nodes.items():  # actors that sources mention, even with no tie (isolates)
        if attrs["kind"] == "actor" and attrs["mentioned"]:
            graph.add_node(iri, **attrs, bipartite=0)
    for tie in ties:
        if not _active(tie, year, initiatives, stated) or tie.actor not in nodes or tie.target not in nodes:
            continue
        for iri in (tie.actor, tie.target):
            if iri not in graph:
                attrs = nodes[iri]
                graph.add_node(iri, **attrs, bipartite=0 if attrs["kind"] == "actor" else 1)
        if graph.has_edge(tie.actor, tie.target):
            data = graph.edges[tie.actor, tie.target]
            roles = set(data["roles"].split()) | {tie.role}
            data["roles"] = " ".join(sorted(roles, key=order.get))
            data["role"] = min(roles, key=order.get)
            data["sources"] = " ".join(sorted(set(data["sources"].split()) | set(tie.sources)))
        else:
            graph.add_edge(
                tie.actor, tie.target, role=tie.role, roles=tie.role, sources=" ".join(tie.sources), actor=tie.actor
            )
    return graph


def yearly_bipartite_graphs(
    dataset,
    years: list[int],
    lang: str | None = "sv",
    *,
    nodes: dict[str, dict] | None = None,
    ties: list[Tie] | None = None,
) -> dict[int, nx.Graph]:
    """``{year: bipartite_graph(dataset, year, lang)}``, reading the nodes, ties and source years once
    (``nodes`` and ``ties``, if given, as read by :func:`read_nodes` with ``lang`` and :func:`read_ties`)."""
    if not years:
        return {}
    nodes = read_nodes(dataset, lang) if nodes is None else nodes
    ties = read_ties(dataset) if ties is None else ties
    stated = source_years(dataset)
    active = active_by_year(dataset, years)
    return {
        year: bipartite_graph(dataset, year, lang, nodes=nodes, ties=ties, stated=stated, initiatives=active[year])
        for year in years
    }


def _add_tie(graph: nx.Graph, a: str, b: str, weight: float, role: str) -> None:
    if a == b:
        return
    if graph.has_edge(a, b):
        data = graph.edges[a, b]
        data["weight"] += weight
        data["roles"] = " ".join(sorted(set(data["roles"].split()) | {role}))
    else:
        graph.add_edge(a, b, weight=weight, roles=role, initiatives="", initiative_labels="", n_shared=0)


def project(bipartite: nx.Graph) -> nx.Graph:
    """The actor collaboration graph of a bipartite graph (see the module doc for the weights)."""
    actors = nx.Graph(**{**bipartite.graph, "kind": "actors"})
    for node, data in bipartite.nodes(data=True):
        if data.get("kind") == "actor":
            actors.add_node(node, **data)

    def label(iri: str) -> str:
        return bipartite.nodes[iri].get("label", iri)

    by_initiative: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_organisation: dict[str, list[str]] = defaultdict(list)
    for a, b, data in bipartite.edges(data=True):
        actor = data["actor"]
        target = b if actor == a else a
        if data["role"] in ORGANISATION_ROLES:
            _add_tie(actors, actor, target, 1.0, data["role"])
            if data["role"] == "member":
                by_organisation[target].append(actor)
        else:
            by_initiative[target].append((actor, data["role"]))
    # the initiatives each pair shares, in the order first met (a dict as an ordered set); their strings
    # are written once at the end: rewritten on every new initiative, a pair sharing s of them cost s²
    # (pairs of hub municipalities share more initiatives the larger the graph)
    shared: dict[tuple[str, str], dict[str, None]] = {}
    for initiative in sorted(by_initiative):
        members = sorted(by_initiative[initiative])
        for (a, role_a), (b, role_b) in combinations(members, 2):
            weight = 1.0 + 0.5 * (role_a in LEAD_ROLES) + 0.5 * (role_b in LEAD_ROLES)
            _add_tie(actors, a, b, weight, "shared-initiative")
            if a != b:
                shared.setdefault((a, b) if a < b else (b, a), {})[initiative] = None
    for organisation in sorted(by_organisation):
        members = sorted(set(by_organisation[organisation]))
        if len(members) <= MAX_COMEMBERS:
            for a, b in combinations(members, 2):
                _add_tie(actors, a, b, 0.5, "co-member")
    for (a, b), initiatives in shared.items():
        actors.edges[a, b].update(
            initiatives=" ".join(initiatives),
            initiative_labels="; ".join(label(i) for i in initiatives),
            n_shared=len(initiatives),
        )
    return actors


def fold_people(actors: nx.Graph) -> nx.Graph:
    """Replace every affiliated person by the organisations they are affiliated with."""
    people = {n for n, d in actors.nodes(data=True) if d.get("type") == "Person"}
    home: dict[str, list[str]] = defaultdict(list)
    for person in people:
        for other, data in actors[person].items():
            if "affiliated" in data["roles"].split() and other not in people:
                home[person].append(other)
    folded = nx.Graph(**{**actors.graph, "kind": "organisations"})
    for node, data in actors.nodes(data=True):
        if node not in home:
            folded.add_node(node, **data)

    def targets(node: str) -> list[str]:
        return sorted(home.get(node, [node]))

    for a, b, data in actors.edges(data=True):
        if "affiliated" in data["roles"].split() and (a in home or b in home):
            continue
        for x in targets(a):
            for y in targets(b):
                if x == y:
                    continue
                if folded.has_edge(x, y):
                    mine = folded.edges[x, y]
                    mine["weight"] += data["weight"]
                    mine["roles"] = " ".join(sorted(set(mine["roles"].split()) | set(data["roles"].split())))
                    shared = mine["initiatives"].split()
                    for i in data["initiatives"].split():
                        if i not in shared:
                            shared.append(i)
                    labels = mine["initiative_labels"].split("; ") if mine["initiative_labels"] else []
                    for lab in data["initiative_labels"].split("; ") if data["initiative_labels"] else []:
                        if lab not in labels:
                            labels.append(lab)
                    mine.update(initiatives=" ".join(shared), initiative_labels="; ".join(labels), n_shared=len(shared))
                else:
                    folded.add_edge(x, y, **dict(data))
    return folded


def actor_graph(dataset, year: int | None = None, lang: str | None = "sv") -> nx.Graph:
    """Actors joined by shared initiatives and memberships (weights: see the module doc)."""
    return project(bipartite_graph(dataset, year, lang))


def organisation_graph(dataset, year: int | None = None, lang: str | None = "sv") -> nx.Graph:
    """The actor graph with people folded into the organisations they are affiliated with."""
    return fold_people(actor_graph(dataset, year, lang))


def network(dataset, kind: str = "actors", year: int | None = None, lang: str | None = "sv") -> nx.Graph:
    """The projection named ``kind``: ``actors``, ``bipartite`` or ``organisations``."""
    builders = {"actors": actor_graph, "bipartite": bipartite_graph, "organisations": organisation_graph}
    if kind not in builders:
        raise ValueError(f"unknown network {kind!r}; choose one of {', '.join(builders)}")
    return builders[kind](dataset, year, lang)
