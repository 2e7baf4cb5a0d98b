"""The page itself: the prepared data put into the template, one self-contained HTML file.

pyvis renders our template (``templates/network.html``) through its Jinja environment with
autoescaping on; vis-network's script and style and our page script are inlined; the data
travels as JSON inside a ``<script type="application/json">`` block and is only ever put into
the page with ``textContent``, so no label, tooltip or name from the data can be read as HTML or
run as script.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path

import networkx as nx

from kg.core.atomic import write_text
from kg.core.collector import paused
from kg.viz import layout as place
from kg.viz import prepare, text, timeline

MAX_NODES = 3000
MAX_EDGES = 10_000  # 3,000 nodes with 92k edges: a 37 MB page, 4.6 s to interactive; 2,000 x 6,000: 1 s
VIS_OPTIONS = {
    "physics": {"enabled": False, "stabilization": False},
    "edges": {"smooth": False, "color": {"color": "#9aa7b5", "opacity": 0.55}},
    "nodes": {"borderWidth": 1, "font": {"size": 0}},
    "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": True, "hideEdgesOnZoom": False},
    "layout": {"improvedLayout": False, "randomSeed": place.SEED},
}


@dataclass
class PageInfo:
    """What was drawn and what was left out (``notes`` in English, for the command line).

    ``drawn_nodes`` and ``drawn_edges`` count the actors and the ties between them (the page's
    "actors" view); ``initiatives`` and ``stated_edges`` the initiatives drawn beside them and the
    stated ties among all of them, which the page shows in its "actors and initiatives" view
    (``mode`` "both", where it opens when there are initiatives). :meth:`summary` says it as the
    page's header counts it.

    >>> PageInfo(849, 1393, 0, [], 1280, 2270, "both").summary().split("; ")
    ['2129 nodes (849 actors, 1280 initiatives) and 2270 ties as it opens', '849 nodes, 1393 ties in its actors view']
    >>> PageInfo(12, 10, 0).summary()
    '12 nodes, 10 ties'
    """

    drawn_nodes: int
    drawn_edges: int
    left_out_nodes: int
    notes: list[str] = field(default_factory=list)
    initiatives: int = 0
    stated_edges: int = 0
    mode: str = "actors"

    def summary(self) -> str:
        """The counts of the page's views, the one it opens on first (as its header counts them)."""
        actors = f"{self.drawn_nodes} nodes, {self.drawn_edges} ties"
        if self.mode != "both":
            return actors
        return (
            f"{self.drawn_nodes + self.initiatives} nodes ({self.drawn_nodes} actors, {self.initiatives} initiatives)"
            f" and {self.stated_edges} ties as it opens; {actors} in its actors view"
        )


def json_for_script(value: object, prepared: object = None) -> str:
    """JSON that is safe inside a <script> element and keeps non-ASCII letters as they are: the text of
    ``json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))`` with ``<``, ``>``,
    ``&``, U+2028 and U+2029 escaped.

    Made by orjson's C encoder where that gives the same text (at a million triples the page's 40 MB
    took 0.6 s of CPU with ``json``, 0.15 s with orjson; bench/RESULTS.md, s30-viz), else by ``json``:
    orjson sorts keys and escapes as ``json`` does, but writes a float below 1e-4 otherwise (``1e-06``
    as ``0.000001``, ``1e-07`` as ``1e-7``: :func:`_orjson_only` finds either form, which ``json``
    never writes for a float; tested on a million random floats), cannot encode a lone surrogate, an
    integer beyond 64 bits or a key that is not a string, and writes NaN as ``null``. ``prepared``:
    ``value`` with such floats as ``orjson.Fragment`` of ``json``'s text (:func:`exact_floats`), given
    to orjson instead of ``value`` so that the fast way holds for them too.

    >>> print(json_for_script({"label": "</script><b>čđŋŧ</b>"}))
    {"label":"\\u003c/script\\u003e\\u003cb\\u003ečđŋŧ\\u003c/b\\u003e"}
    >>> value = {"b": [0.5, 1.5e-05], "a": {"x": 1e-07, "y": 0.25}}
    >>> print(json_for_script(value))
    {"a":{"x":1e-07,"y":0.25},"b":[0.5,1.5e-05]}
    >>> print(json_for_script(value, {"b": [0.5, 1.5e-05], "a": exact_floats(value["a"])}))
    {"a":{"x":1e-07,"y":0.25},"b":[0.5,1.5e-05]}
    """
    import json

    import orjson

    try:
        dumped = orjson.dumps(value if prepared is None else prepared, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError: see above
        dumped = None
    if dumped is not None and not _orjson_only(dumped):
        # the escapes made on orjson's bytes, the text made once (the page's 40 MB, whose letters beyond
        # Latin-1 make a Python text of two bytes a character, not copied for each escape)
        for char, escape in _ESCAPES:
            if char.encode() in dumped:
                dumped = dumped.replace(char.encode(), escape.encode())
        return dumped.decode("utf-8")
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _ESCAPES:
        if char in text:
            text = text.replace(char, escape)
    return text


#: what :func:`json_for_script` escapes
_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


_EXPONENT = re.compile(rb"e-[1-9][,\]}]")  # its literal start lets re skip ahead quickly


def _orjson_only(dumped: bytes) -> bool:
    """Whether orjson's JSON text holds a float in a form that ``json`` does not write (below 1e-4:
    ``0.0000…`` or an exponent of one digit, ``1e-7``, as a value: after ``:``, ``,``, ``[`` or ``-``;
    ending before ``,``, ``]`` or ``}``). Looked for with ``bytes.find`` and a regular expression with a
    literal start: 0.01 s for the page's 40 MB at a million triples, where one expression with a class
    first took 0.37 s. A string holding such text also answers True (the caller then uses ``json``)."""
    if dumped[-1:].isdigit():  # a float alone: ``json``'s text decides
        return True
    for found in _EXPONENT.finditer(dumped):
        if dumped[found.start() - 1 : found.start()].isdigit():
            return True
    at = dumped.find(b"0.0000")
    while at != -1:
        if at == 0 or dumped[at - 1 : at] in (b":", b",", b"[", b"-"):
            return True
        at = dumped.find(b"0.0000", at + 1)
    return False


def exact_floats(values: dict) -> dict:
    """``values`` (a flat dict) with each float that orjson writes otherwise than ``json`` (non-zero
    and below 1e-4 in size, NaN, infinities) as an ``orjson.Fragment`` of ``json``'s text for it, for
    :func:`json_for_script`; ``values`` itself when there is none.

    >>> type(exact_floats({"a": 1.0, "b": 2e-05, "c": None})["b"]).__name__
    'Fragment'
    """
    import json

    import orjson

    odd = [k for k, v in values.items() if isinstance(v, float) and (0.0 < abs(v) < 1e-4 or not math.isfinite(v))]
    if not odd:
        return values
    return {**values, **{k: orjson.Fragment(json.dumps(values[k]).encode()) for k in odd}}


def script_safe(source: str) -> str:
    """Inline script text that cannot close its <script> element early.

    >>> script_safe("a</script>b")
    'a<\\\\/script>b'
    """
    return source.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def asset(name: str) -> str:
    """A file of ``kg/viz/templates``."""
    return importlib_resources.files("kg.viz").joinpath("templates", name).read_text(encoding="utf-8")


def vis_assets() -> tuple[str, str]:
    """vis-network's script and style, as pyvis ships them (found without importing pyvis, whose
    ``network`` module imports IPython: 0.2–0.4 s of start-up that the page does not need)."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("pyvis is not installed: it ships vis-network's script and style")
    lib = Path(spec.origin).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text("utf-8")


def split_input(graph: nx.Graph, bipartite: nx.Graph | None) -> tuple[nx.Graph, nx.Graph | None]:
    """The actor network and the actor–initiative graph, whichever of them ``graph`` is."""
    if graph.graph.get("kind") == "bipartite" or any(d.get("kind") == "initiative" for _, d in graph.nodes(data=True)):
        from kg.analysis.network import project

        return project(graph), (bipartite if bipartite is not None else graph)
    return graph, bipartite


def choose(graph: nx.Graph, measure: dict, size_by: str, max_nodes: int, max_edges: int):
    """The drawn actor network after the node and tie cuts, and notes (as data and in English) on the cuts."""
    drawn, left_out, total_edges, edges_left_out = place.cut_both(graph, max_nodes, measure, max_edges)
    notes: list[dict] = []
    if left_out:
        notes.append({"key": "cut_nodes", "left": left_out, "total": graph.number_of_nodes(), "max": max_nodes})
    if edges_left_out:
        notes.append({"key": "cut_edges", "left": edges_left_out, "total": total_edges, "max": max_edges})
    measure_name = text.TEXT["en"].get("measure_" + size_by, size_by)
    english = [text.TEXT["en"][n["key"]].format(measure=measure_name, **n) for n in notes]
    for note in notes:
        note["measure"] = size_by
    if left_out:
        english[0] += " Choose the cut with --max-nodes, --focus/--depth or --year."
    if edges_left_out:
        english[-1] += " Choose the cut with --max-edges."
    return drawn, left_out, notes, english


def initiatives_of(drawn: nx.Graph, bipartite: nx.Graph | None, max_nodes: int) -> dict:
    """``{initiative: [its drawn actors]}`` for the initiatives with a tie to a drawn actor (at most ``max_nodes``)."""
    if bipartite is None:
        return {}
    found: dict = {}
    for node, attrs in bipartite.nodes(data=True):
        if attrs.get("kind") == "initiative":
            actors = sorted((a for a in bipartite[node] if a in drawn), key=str)
            if actors:
                found[node] = actors
    ranked = sorted(found, key=lambda n: (-len(found[n]), str(n)))[:max_nodes]
    return {n: found[n] for n in sorted(ranked, key=str)}


def positions_of(drawn: nx.Graph, initiatives: dict, clusters: dict) -> dict:
    """Positions of the actors (clusters apart) and of the initiatives among their participants."""
    positions = place.layout(drawn, clusters)
    positions.update(place.place_around(positions, initiatives))
    return place.separate(positions)


def page_nodes(drawn, bipartite, initiatives, analysis, measure, ids, positions: dict | None = None) -> list[dict]:
    """Every node of the page, actors first in id order, each with position, size, rank and metrics.

    ``positions`` (``{node: (x, y)}``) are computed here when not given; an empty mapping leaves every
    node at (0, 0), for the caller to place."""
    scores = analysis.scores if analysis is not None else {}
    if positions is None:
        positions = positions_of(drawn, initiatives, {n: s.get("cluster") for n, s in scores.items()})
    size = prepare.sizes(measure, drawn)
    size.update(prepare.sizes({i: len(a) for i, a in initiatives.items()}, initiatives, 9.0, 20.0))
    rank = prepare.ranks(drawn, initiatives, bipartite, scores)
    brokers = set(analysis.brokers) if analysis is not None else set()
    known: dict = {}  # the other ends of the nodes' relations, each looked at once
    nodes = []
    for node in sorted(ids, key=lambda n: prepare.natural_key(ids[n])):
        attrs = drawn.nodes[node] if node in drawn else bipartite.nodes[node]
        degree = drawn.degree(node) if node in drawn else len(initiatives[node])
        nodes.append(
            prepare.page_node(
                node,
                attrs,
                id=ids[node],
                x=positions[node][0] if positions else 0.0,
                y=positions[node][1] if positions else 0.0,
                size=size[node],
                rank=rank[node],
                cluster=str(scores.get(node, {}).get("cluster") or ""),
                m=prepare.metrics(node, analysis, degree, brokers),
                rel=prepare.relations(node, bipartite, ids, known),
            )
        )
    return nodes


def add_timeline(nodes: list[dict], edges: list[dict], reverse: dict, yearly: dict | None) -> list[int]:
    """Mark every node and tie with the years it exists in (``years``: one "0"/"1" per year, or None)."""
    years = sorted(yearly) if yearly else []
    for node in nodes:
        node["years"] = None
    for edge in edges:
        edge["years"] = None
    if not years:
        return []
    node_list = [reverse[n["id"]] for n in nodes]
    for node, mask in zip(nodes, timeline.presence(node_list, yearly, years, 0, edges=False), strict=True):
        node["years"] = mask
    for layer, index in (("a", 1), ("b", 0)):
        chosen = [e for e in edges if e["layer"] == layer]
        for edge, mask in zip(
            chosen, timeline.presence([e["pair"] for e in chosen], yearly, years, index, True), strict=True
        ):
            edge["years"] = mask
    return years


def page_data(
    graph, bipartite, analysis, *, color_by, size_by, lang, title, max_nodes, max_edges, dataset, yearly, details=None
):
    """Everything the page shows, as plain data, and the English notes for the command line."""
    scores = analysis.scores if analysis is not None else {}
    if size_by == "degree" or not scores:
        measure = {n: d for n, d in graph.degree()}
    else:
        measure = {n: (scores.get(n, {}).get(size_by) or 0.0) for n in graph}
    drawn, left_out, notes, english = choose(graph, measure, size_by, max_nodes, max_edges)
    initiatives = initiatives_of(drawn, bipartite, max_nodes)
    ids = prepare.page_ids([*drawn, *initiatives])
    reverse = {v: k for k, v in ids.items()}
    nodes = page_nodes(drawn, bipartite, initiatives, analysis, measure, ids)
    edges = prepare.actor_edges(drawn, ids) + prepare.stated_edges(bipartite, ids)
    if yearly is None and dataset is not None and bipartite is not None:
        span = timeline.years_of(bipartite)
        kind = "organisations" if graph.graph.get("kind") == "organisations" else "actors"
        yearly = timeline.yearly_networks(dataset, kind, span, graph.graph.get("lang") or lang) if span else None
    years = add_timeline(nodes, edges, reverse, yearly)
    for edge in edges:
        del edge["pair"]
    names = prepare.cluster_names(analysis, bipartite, lang)
    cluster_names = {c.id: c.name for c in analysis.clusters} if analysis is not None else {}
    data = {
        "title": title or "",
        "lang": lang if lang in text.LANGS else "en",
        "i18n": text.page_text(),
        "endonyms": text.ENDONYMS,
        "nodes": nodes,
        "edges": edges,
        "years": years,
        "notes": notes,
        "legend": prepare.legend(),
        "colors": prepare.colours(nodes),
        "color_by": color_by,
        "size_by": size_by,
        "facets": prepare.facets(nodes, cluster_names, names),
        "clusters": prepare.cluster_table(analysis, nodes, bipartite, lang),
        "mode": "both" if initiatives else "actors",
        "options": VIS_OPTIONS,
        **(
            read_extra(dataset, lang, ids, known_labels(bipartite, lang), details)
            if dataset is not None or details is not None
            else {"fundings": [], "sources": {}, "posts": {}}
        ),
    }
    stated = sum(1 for edge in edges if edge["layer"] == "b")
    info = PageInfo(drawn.number_of_nodes(), drawn.number_of_edges(), left_out, english)
    info.initiatives, info.stated_edges, info.mode = len(initiatives), stated, data["mode"]
    return data, info


def known_labels(bipartite: nx.Graph | None, lang: str) -> dict[str, str]:
    """The labels of the network's nodes (``{iri: label}``) where the network was read in ``lang``
    (:func:`kg.analysis.network.read_nodes` labels them as the details would), else none."""
    if bipartite is None or bipartite.graph.get("lang") != lang:
        return {}
    return {str(node): str(attrs["label"]) for node, attrs in bipartite.nodes(data=True) if attrs.get("label")}


@paused()
def page_extras(dataset, bipartite: nx.Graph, lang: str, year: int | None, extras: dict | None = None) -> dict:
    """What the page reads from the graph besides the network, as plain JSON values: ``stated`` (each
    source's year, :func:`kg.analysis.network.source_years`), ``days`` (each initiative's active days,
    :func:`kg.analysis.network.active_days`) and, for the page of all years (``year`` None),
    ``details`` (:func:`kg.viz.details.read_details` with the network's labels). Taken from ``extras``
    (what ``kg.analysis.stored`` kept for the same graph bytes and language) where they are there,
    else read from ``dataset``; ``kg viz`` stores them beside the network for the next page."""
    from kg.analysis.network import active_days, source_years
    from kg.viz.details import read_details

    stored = (extras or {}).get("details") or {}
    if extras and (any("recipients" not in f for f in stored.get("fundings", [])) or "areas" not in stored):
        # details stored before the panel named each funding's recipient or the areas in every language:
        # read again (and, with the key gone from ``extras``, stored again by kg viz)
        extras.pop("details", None)
    more = dict(extras or {})
    if "stated" not in more:
        more["stated"] = source_years(dataset)
    if "days" not in more:
        more["days"] = active_days(dataset)
    if year is not None:  # a year's network has fewer nodes to take labels from: read them as before
        more.pop("details", None)
    elif "details" not in more:
        more["details"] = read_details(dataset, lang, known_labels(bipartite, lang))
    return more


def read_extra(dataset, lang: str, ids: dict, labels: dict[str, str] | None = None, details=None) -> dict:
    """Money, source documents and posts from the graph, with IRIs of drawn nodes replaced by page ids
    (``labels``: see :func:`kg.viz.details.read_details`; ``details``: what it gave, read earlier and
    changed here)."""
    from kg.viz.details import read_details

    extra = read_details(dataset, lang, labels) if details is None else details
    by_iri = {str(k): v for k, v in ids.items()}
    for funding in extra["fundings"]:
        funding["initiative"] = by_iri.get(funding["initiative"], "")
        funding["funder"] = by_iri.get(funding["funder"], "")
        for recipient in funding.get("recipients", []):  # a stored network of an older version has none
            recipient["id"] = by_iri.get(recipient["id"], "")
    extra["posts"] = {
        by_iri[iri]: [
            {**p, "organisation": by_iri.get(p["organisation"], ""), "person": by_iri.get(p.get("person", ""), "")}
            for p in posts
        ]
        for iri, posts in extra["posts"].items() if iri in by_iri
    }  # fmt: skip
    # the areas' names by the key the nodes give them (area/fi-18)
    extra["areas"] = {prepare.node_key(iri): names for iri, names in extra.get("areas", {}).items()}
    return extra


def fold_script() -> str:
    """The page's ``kgFold(text)``: :func:`kg.core.labels.fold` in JavaScript, from the same table
    (:func:`kg.core.labels.fold_table`), so that the search box matches names as search, the
    queries and reconciliation do (a test runs it in Chromium against the Python rule)."""
    from kg.core.labels import fold_table

    table = json_for_script(fold_table())
    return (
        f"const KG_FOLD_TABLE = {table};\n"
        "function kgFold(text) {\n"
        '  return Array.from(String(text).normalize("NFC"), (c) => KG_FOLD_TABLE[c] ??\n'
        '    c.toLowerCase().normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "")).join("");\n'
        "}\n"
    )


def _with_exact_floats(data: dict) -> dict:
    """The page data with the floats of its nodes' metrics (betweenness, eigenvector: small numbers such
    as ``1e-06``) and positions as :func:`exact_floats` gives them, so that :func:`json_for_script`
    keeps orjson's way (a shallow copy; ``data`` is not changed)."""
    nodes = data.get("nodes")
    if not isinstance(nodes, list):
        return data
    changed = []
    for node in nodes:
        if isinstance(node, dict):
            metrics = node.get("m")
            fixed = exact_floats(node)
            if isinstance(metrics, dict) and (exact := exact_floats(metrics)) is not metrics:
                fixed = {**fixed, "m": exact}
            node = fixed
        changed.append(node)
    return {**data, "nodes": changed}


def to_html(data: dict) -> str:
    """The page: the template filled with the data (as JSON), vis-network and the page script.

    The template is rendered by Jinja as pyvis' ``Network.generate_html`` renders it (the same
    environment, autoescaping on); the template uses only ``page``, so pyvis' own variables, and
    importing pyvis' ``network`` module (IPython with it), are left out."""
    from uuid import uuid4

    from jinja2 import DictLoader, Environment, select_autoescape
    from markupsafe import Markup

    token = f"kg-page-data-{uuid4().hex}"
    vis_js, vis_css = vis_assets()
    env = Environment(
        loader=DictLoader({"network.html": asset("network.html")}), autoescape=select_autoescape(default=True)
    )
    lang = data["lang"]
    env.globals["page"] = {
        "lang": lang,
        "title": data["title"] or data["i18n"][lang]["ui"]["title"],
        "data": Markup(token),  # the data's 40 MB put in below, not copied by Markup and Jinja
        "vis_js": Markup(script_safe(vis_js)),
        "vis_css": Markup(vis_css.replace("</style", "<\\/style")),
        "app_js": Markup(script_safe(fold_script() + asset("network.js"))),
    }
    head, *tail = env.get_template("network.html").render().split(token)
    if len(tail) != 1:  # the template holds the data once
        raise ValueError(f"the page template should hold its data once, not {len(tail)} times")
    return "".join((head, json_for_script(data, _with_exact_floats(data)), tail[0]))


@paused()
def render_page(
    graph: nx.Graph,
    *,
    bipartite: nx.Graph | None = None,
    analysis=None,
    color_by: str = "type",
    size_by: str = "degree",
    lang: str = "sv",
    title: str | None = None,
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    notes: list[str] | None = None,
    info: PageInfo | None = None,
    dataset=None,
    yearly: dict | None = None,
    details: dict | None = None,
) -> str:
    """The HTML page for ``graph`` (an actor network, or an actor–initiative graph; not modified).

    ``bipartite`` adds the initiatives (shown with the "actors and initiatives" switch) and the
    stated ties behind each relation; ``dataset`` (an rdflib Dataset or a store) adds money, source
    titles and dates, posts, and the year slider (each year's network read with :mod:`kg.analysis.network`);
    ``yearly`` gives those networks directly (``{year: (bipartite, drawn)}``), ``details`` what
    :func:`kg.viz.details.read_details` gave (it is changed). ``analysis`` (from
    :func:`kg.analysis.analyze.analyze`) is computed when not given. Node ids may be of any type.
    """
    graph, bipartite = split_input(graph, bipartite)
    if analysis is None:
        from kg.analysis.analyze import analyze

        analysis = analyze(graph, bipartite)
    data, page_info = page_data(
        graph, bipartite, analysis, color_by=color_by, size_by=size_by, lang=lang, title=title,
        max_nodes=max_nodes, max_edges=max_edges, dataset=dataset, yearly=yearly, details=details,
    )  # fmt: skip
    page_info.notes = [*(notes or []), *page_info.notes]
    if info is not None:
        info.__dict__.update(page_info.__dict__)
    return to_html(data)


def focus_graph(graph: nx.Graph, focus, depth: int = 1) -> nx.Graph:
    """The neighbourhood of ``focus`` up to ``depth`` steps (a copy, in ``graph``'s order)."""
    return place.induced(graph, nx.single_source_shortest_path_length(graph, focus, cutoff=depth))


def write_page(path: Path | str, html: str) -> Path:
    """Write the page atomically, as UTF-8 (whatever the platform's default encoding)."""
    write_text(path, html)
    return Path(path)
