"""The page's content as plain data: nodes, ties, legend, filters, clusters and metrics.

Nothing here knows about HTML: every function returns lists and dicts of strings and numbers
that :mod:`kg.viz.render` puts into the page as JSON. Node ids in the page are ``n0``, ``n1``, …
(sorted by the graph's node ids); ``key`` is the stable name of a node in links to a view (the
IRI without ``https://w3id.org/samverkan/id/``).

>>> kind_of({"type": "Municipality", "kind": "actor"}), kind_of({"type": "Seminar", "kind": "initiative"})
('municipality', 'event')
>>> kind_of({"type": "FundingBody"}), kind_of({"type": "Pilot", "kind": "initiative"}), kind_of({})
('authority', 'initiative', 'organisation')
"""

from __future__ import annotations

import functools
from collections import Counter

import networkx as nx

from kg.viz.layout import natural_key
from kg.viz.text import KIND_COLORS, KIND_SHAPES, KINDS, LANGS

ID_BASE = "https://w3id.org/samverkan/id/"
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#1f77b4", "#17becf", "#bcbd22",
)  # fmt: skip
OTHER_COLOR = "#aab4bf"
COUNTRY_COLORS = {"SE": "#4e79a7", "FI": "#e15759", "": "#aab4bf"}
KIND_OF_TYPE = {
    "Municipality": "municipality",
    "FormerMunicipality": "municipality",
    "RegionalAuthority": "authority",
    "GovernmentBody": "authority",
    "FundingBody": "authority",  # a body that grants money (Business Finland, the Academy of Finland)
    "Fund": "programme",  # the money itself (ERDF) and the programmes that grant it (Interreg Aurora)
    "FundingProgramme": "programme",
    "ProgrammeFamily": "programme",
    "MunicipalAssociation": "association",
    "Person": "person",
    "Event": "event",
    "Conference": "event",
    "Seminar": "event",
    "Meeting": "event",
}


def kind_of(attrs: dict) -> str:
    """The kind a node is drawn as (one of :data:`kg.viz.text.KINDS`), from its most specific type."""
    kind = KIND_OF_TYPE.get(str(attrs.get("type", "")))
    if kind:
        return kind
    return "initiative" if attrs.get("kind") == "initiative" else "organisation"


@functools.cache
def class_labels() -> dict[str, dict[str, str]]:
    """The ontology's class labels, ``{"Municipality": {"sv": "kommun", ...}}`` (from the shipped ontology)."""
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF, RDFS

    from kg.core.resources import ontology_files

    graph = Graph()
    for path in ontology_files():
        graph.parse(path)
    labels: dict[str, dict[str, str]] = {}
    for cls in graph.subjects(RDF.type, OWL.Class):
        for label in graph.objects(cls, RDFS.label):
            lang = getattr(label, "language", None)
            if lang in LANGS:
                labels.setdefault(str(cls).rsplit("#", 1)[-1], {})[lang] = str(label)
    return labels


def names_of(attrs: dict) -> list[list[str]]:
    """A node's names as ``[text, language]`` pairs (``names`` is ``"Pajala (sv) | Bajil (se)"``)."""
    from kg.viz.details import split_tagged

    return split_tagged(str(attrs.get("names") or ""))


def labels_of(attrs: dict, fallback: str) -> dict[str, str]:
    """The node's label in each page language: its rdfs:label in that language, else any other
    name in that language (an alternative name), else ``fallback``.

    >>> labels_of({"names": "Övertorneå (sv) | Ylitornio (fi)"}, "x")
    {'sv': 'Övertorneå', 'fi': 'Ylitornio', 'en': 'x'}
    >>> old = "Norrbottens läns landsting (sv) | Region Norrbotten (sv)"  # a former name as altLabel
    >>> labels_of({"labels": "Region Norrbotten (sv)", "names": old}, "x")
    {'sv': 'Region Norrbotten', 'fi': 'x', 'en': 'x'}
    """
    names = names_of({"names": attrs.get("labels", "")}) + names_of(attrs)
    return {lang: next((text for text, tag in names if tag == lang), fallback) for lang in LANGS}


def page_ids(nodes) -> dict:
    """``{node: "n0", ...}`` in sorted order of the nodes' string forms."""
    return {node: f"n{i}" for i, node in enumerate(sorted(nodes, key=str))}


def node_key(node) -> str:
    """The stable name of a node in a view link."""
    text = str(node)
    return text[len(ID_BASE) :] if text.startswith(ID_BASE) else text


def sizes(measure: dict, nodes, low: float = 8.0, high: float = 20.0) -> dict:
    """Node radii (canvas units) growing with ``measure`` between ``low`` and ``high``."""
    values = [float(measure.get(n) or 0.0) for n in nodes] or [0.0]
    bottom, top = min(values), max(values)
    span = top - bottom
    return {
        n: round(low + (high - low) * ((float(measure.get(n) or 0.0) - bottom) / span if span else 0.3), 1)
        for n in nodes
    }


def ranks(graph: nx.Graph, initiatives: dict, bipartite: nx.Graph | None, scores: dict) -> dict:
    """Label priority of every node (0 first): most ties first, initiatives by their number of participants."""
    score = {n: (graph.degree(n, weight=None), float(scores.get(n, {}).get("betweenness") or 0.0)) for n in graph}
    for node in initiatives:
        score[node] = (2 * (bipartite.degree(node) if bipartite is not None else 0), 0.0)
    order = sorted(score, key=lambda n: (-score[n][0], -score[n][1], str(n)))
    return {n: i for i, n in enumerate(order)}


def relations(node, bipartite: nx.Graph | None, ids: dict, known: dict | None = None) -> list[dict]:
    """The stated ties of one node: the other end (page id, or its label where not drawn), roles, sources,
    and the tie's dates: those of the initiative where the other end is one (a tie to an initiative holds
    while it does, docs/modelling.md), else none. An actor's own dates (an ELY centre's end in 2025, an
    association's founding) are not the dates of its funding of a project or of a membership, and an
    initiative's own dates are in its panel already.

    ``known``: a dict kept by a caller that asks for many nodes (the page's 6,000 at a million triples),
    in which what each other end gives (its id, label, dates) is kept for the next node that has it."""
    if bipartite is None or node not in bipartite:
        return []
    if known is None:
        known = {}
    items = []
    for other, data in sorted(bipartite.adj[node].items(), key=lambda kv: str(kv[0])):
        end = known.get(other)
        if end is None:
            attrs = bipartite.nodes[other]
            dated = attrs.get("kind") == "initiative" or kind_of(attrs) in ("initiative", "event")
            end = known[other] = (
                ids.get(other, ""),
                str(attrs.get("label", other)),
                str(attrs.get("start") or "") if dated else "",
                str(attrs.get("end") or "") if dated else "",
            )
        items.append(
            {
                "other": end[0],
                "label": end[1],
                "out": data.get("actor") == node,
                "roles": str(data.get("roles", data.get("role", ""))).split(),
                "start": end[2],
                "end": end[3],
                "sources": str(data.get("sources", "")).split(),
            }
        )
    return items


def metrics(node, analysis, degree: int, brokers: set | None = None) -> dict:
    """The metrics panel of one node: degree, and where the analysis has it, the scores and broker status
    (``brokers``: ``set(analysis.brokers)``, made once by a caller that asks for many nodes)."""
    scores = analysis.scores.get(node) if analysis is not None else None
    if not scores:
        return {"degree": degree}
    return {
        "degree": degree,
        "weighted_degree": scores.get("weighted_degree"),
        "betweenness": scores.get("betweenness"),
        "eigenvector": scores.get("eigenvector"),
        "broker": node in (set(analysis.brokers) if brokers is None else brokers),
    }


def page_node(node, attrs: dict, **extra) -> dict:
    """One node of the page (``extra`` adds id, position, size, rank, cluster, metrics and relations)."""
    label = str(attrs.get("label", node))
    kind = kind_of(attrs)
    type_name = str(attrs.get("type", ""))
    return {
        "key": node_key(node),
        "iri": str(node) if str(node).startswith("http") else "",
        "label": label,
        "labels": labels_of(attrs, label),
        "kind": kind,
        "actor": kind not in ("initiative", "event"),
        "type": type_name,
        "types": class_labels().get(type_name, {}),
        "country": str(attrs.get("country") or ""),
        "area": str(attrs.get("area_label") or ""),
        # the areas by key, named in each language by the page's table of area names (kg.viz.details.area_names)
        "area_keys": [node_key(area) for area in str(attrs.get("area") or "").split()],
        "start": str(attrs.get("start") or ""),
        "end": str(attrs.get("end") or ""),
        "names": names_of(attrs),
        **extra,
    }


def actor_edges(graph: nx.Graph, ids: dict) -> list[dict]:
    """The ties of the actor network (layer ``a``): weight, roles, shared initiatives."""
    edges = []
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: natural_key(ids[e[0]]) + natural_key(ids[e[1]])):
        edges.append(
            {
                "from": ids[a],
                "to": ids[b],
                "layer": "a",
                "w": float(data.get("weight", 1.0)),
                "roles": str(data.get("roles", data.get("role", ""))).split(),
                "inits": [x for x in str(data.get("initiative_labels") or "").split("; ") if x],
                "sources": str(data.get("sources", "")).split(),
                "pair": (a, b),
            }
        )
    return edges


def stated_edges(bipartite: nx.Graph | None, ids: dict) -> list[dict]:
    """The stated ties among the page's nodes (layer ``b``): actor–initiative and actor–organisation."""
    if bipartite is None:
        return []
    edges = []
    for a, b, data in bipartite.edges(data=True):
        if a not in ids or b not in ids:
            continue
        actor = data.get("actor", a)
        target = b if actor == a else a
        edges.append(
            {
                "from": ids[actor],
                "to": ids[target],
                "layer": "b",
                "w": 1.5 if data.get("role") in ("lead", "organiser") else 1.0,
                "roles": str(data.get("roles", data.get("role", ""))).split(),
                "inits": [],
                "sources": str(data.get("sources", "")).split(),
                "pair": (actor, target),
            }
        )
    edges.sort(key=lambda e: natural_key(e["from"]) + natural_key(e["to"]))
    return edges


def colours(nodes: list[dict]) -> dict:
    """Colour tables for the three colourings: by kind, by cluster (the 12 largest; the rest grey), by country."""
    clusters = Counter(n["cluster"] for n in nodes if n["cluster"])
    order = sorted(clusters, key=lambda c: (-clusters[c], natural_key(c)))
    return {
        "type": dict(KIND_COLORS),
        "cluster": {c: (PALETTE[i] if i < len(PALETTE) else OTHER_COLOR) for i, c in enumerate(order)},
        "country": {
            c: COUNTRY_COLORS.get(c, PALETTE[(i + 4) % len(PALETTE)])
            for i, c in enumerate(sorted({n["country"] for n in nodes}))
        },
    }


def facets(nodes: list[dict], cluster_names: dict, names: dict | None = None) -> dict:
    """Filter values with counts: every kind, every cluster (c1, c2, … c10; ``name`` in the page's
    first language, ``names`` in each, from :func:`cluster_names`), every country and "no country"."""
    kinds = Counter(n["kind"] for n in nodes)
    actors = [n for n in nodes if n["actor"]]
    clusters = Counter(n["cluster"] for n in actors if n["cluster"])
    countries = Counter(n["country"] for n in actors)
    return {
        "type": [{"value": k, "count": kinds[k]} for k in KINDS if kinds[k]],
        "cluster": [
            {"value": c, "name": cluster_names.get(c, ""), "names": (names or {}).get(c, {}), "count": clusters[c]}
            for c in sorted(clusters, key=natural_key)
        ],
        "country": [{"value": c, "count": countries[c]} for c in sorted(countries, key=lambda c: (c == "", c))],
    }


def legend() -> list[dict]:
    """One legend row per kind: its shape and colour (the page names it in the chosen language)."""
    return [{"kind": k, "shape": KIND_SHAPES[k], "color": KIND_COLORS[k]} for k in KINDS]


def node_names(node, bipartite: nx.Graph | None, fallback: str) -> dict[str, str]:
    """The name of ``node`` in each page language (:func:`labels_of` of its attributes in ``bipartite``,
    read with its names), ``fallback`` where it has none there."""
    if bipartite is None or node not in bipartite:
        return dict.fromkeys(LANGS, fallback)
    return labels_of(bipartite.nodes[node], fallback)


def cluster_names(analysis, bipartite: nx.Graph | None, lang: str) -> dict[str, dict[str, str]]:
    """Each cluster's name in each page language, as :func:`kg.analysis.analyze.analyze` makes it
    (its most central member / its dominating initiative), from the names of the two in that language;
    in ``lang`` (the language the analysis was labelled in) the analysis' own name.

    >>> import networkx as nx
    >>> from types import SimpleNamespace
    >>> g = nx.Graph()
    >>> g.add_node("k", names="Kajana (sv) | Kajaani (fi) | Kajaani (en)")
    >>> g.add_node("i", names="Vattenvision (sv) | Vesistövisio (fi)")
    >>> c = SimpleNamespace(id="c1", name="Kajana / Vattenvision", central="k", initiatives=["i"],
    ...                     initiative_labels=["Vattenvision"])
    >>> cluster_names(SimpleNamespace(clusters=[c], labels={"k": "Kajana"}), g, "sv")["c1"]
    {'sv': 'Kajana / Vattenvision', 'fi': 'Kajaani / Vesistövisio', 'en': 'Kajaani / Vattenvision'}
    """
    if analysis is None:
        return {}
    names = {}
    for c in analysis.clusters:
        central = node_names(c.central, bipartite, analysis.labels.get(c.central, str(c.central)))
        top = node_names(c.initiatives[0], bipartite, c.initiative_labels[0]) if c.initiatives else None
        names[c.id] = {other: central[other] + (f" / {top[other]}" if top else "") for other in LANGS}
        names[c.id][lang] = c.name
    return names


def cluster_table(analysis, nodes: list[dict], bipartite: nx.Graph | None = None, lang: str = "") -> list[dict]:
    """Per cluster: size, members by kind, the initiatives that hold it together, funders, countries;
    with ``bipartite`` its name, initiatives and funders in each page language too (``names``,
    ``initiative_names``, ``funder_names``: ``{lang: …}``)."""
    if analysis is None:
        return []
    names = cluster_names(analysis, bipartite, lang) if bipartite is not None else {}
    kinds: dict[str, Counter] = {}
    for n in nodes:
        if n["cluster"]:
            kinds.setdefault(n["cluster"], Counter())[n["kind"]] += 1
    table = []
    for c in sorted(analysis.clusters, key=lambda c: natural_key(c.id)):
        if c.size < 2:
            continue
        table.append(
            {
                "id": c.id,
                "name": c.name,
                "size": c.size,
                "by_kind": {k: kinds.get(c.id, Counter())[k] for k in KINDS if kinds.get(c.id, Counter())[k]},
                "initiatives": c.initiative_labels[:8],
                "funders": c.funder_labels,
                "countries": c.countries,
            }
        )
        if c.id in names:
            shown = list(zip(c.initiatives[:8], c.initiative_labels[:8], strict=False))
            table[-1]["names"] = names[c.id]
            table[-1]["initiative_names"] = {
                other: [node_names(i, bipartite, label)[other] for i, label in shown] for other in LANGS
            }
            table[-1]["funder_names"] = {
                other: [
                    node_names(f, bipartite, label)[other] for f, label in zip(c.funders, c.funder_labels, strict=True)
                ]
                for other in LANGS
            }
            for key in ("initiative_names", "funder_names"):  # in the analysis' language, its own labels
                table[-1][key][lang] = table[-1]["initiatives" if key == "initiative_names" else "funders"]
    return table
