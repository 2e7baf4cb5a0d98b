"""The interactive network page: one self-contained, offline, safe HTML file drawn with vis-network.

pyvis's ``Network`` holds the nodes, edges and options (filled directly: its ``from_nx`` and
``add_edge`` rescan every edge per added edge, which is quadratic), and renders our own template
(``templates/network.html``) through its Jinja environment with autoescaping on. vis-network's
script and style, and our page script, are inlined; the data travels as JSON inside a
``<script type="application/json">`` block and is only ever put into the page with
``textContent``, so no label, tooltip or name from the data can be read as HTML or run as script.
Positions are computed in Python with a seeded layout; physics is off (a button turns it on).

>>> from kg.build import build
>>> from kg.analysis.network import bipartite_graph, project
>>> bip = bipartite_graph(build(out_dir=None).dataset)
>>> html = render_page(project(bip), bipartite=bip)
>>> "<script src=" in html, "http://" in html.split('id="graph-data"')[0]
(False, False)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

import networkx as nx

from kg.core.atomic import write_text

SEED = 42
MAX_NODES = 3000
MAX_EDGES = 10_000  # 3,000 nodes with 92k edges: a 37 MB page, 4.6 s to interactive; 2,000 x 6,000: 1 s
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#17becf",
)  # fmt: skip
COUNTRY_NAMES = {
    "SE": {"sv": "Sverige", "fi": "Ruotsi", "en": "Sweden"},
    "FI": {"sv": "Finland", "fi": "Suomi", "en": "Finland"},
}
TEXT = {
    "en": {
        "search": "Search", "search_placeholder": "Name in any language…", "legend": "Colours",
        "details_empty": "Click a node to see what is known about it.", "type": "Type", "cluster": "Cluster",
        "country": "Country", "area": "County / region", "dates": "Dates", "names": "Names", "sources": "Sources",
        "filter_type": "Type", "filter_cluster": "Cluster", "filter_country": "Country", "no_results": "No match.",
        "physics_on": "Physics on", "physics_off": "Physics off", "fit": "Fit", "size": "Node size",
        "relations": "Ties", "members": "Participants",
    },
    "sv": {
        "search": "Sök", "search_placeholder": "Namn på valfritt språk…", "legend": "Färger",
        "details_empty": "Klicka på en nod för att se vad som är känt om den.", "type": "Typ", "cluster": "Kluster",
        "country": "Land", "area": "Län / landskap", "dates": "Datum", "names": "Namn", "sources": "Källor",
        "filter_type": "Typ", "filter_cluster": "Kluster", "filter_country": "Land", "no_results": "Ingen träff.",
        "physics_on": "Fysik på", "physics_off": "Fysik av", "fit": "Anpassa", "size": "Nodstorlek",
        "relations": "Förbindelser", "members": "Deltagare",
    },
    "fi": {
        "search": "Haku", "search_placeholder": "Nimi millä tahansa kielellä…", "legend": "Värit",
        "details_empty": "Napsauta solmua nähdäksesi tiedot.", "type": "Tyyppi", "cluster": "Klusteri",
        "country": "Maa", "area": "Lääni / maakunta", "dates": "Ajankohta", "names": "Nimet", "sources": "Lähteet",
        "filter_type": "Tyyppi", "filter_cluster": "Klusteri", "filter_country": "Maa", "no_results": "Ei osumia.",
        "physics_on": "Fysiikka päälle", "physics_off": "Fysiikka pois", "fit": "Sovita", "size": "Solmun koko",
        "relations": "Yhteydet", "members": "Osallistujat",
    },
}  # fmt: skip
ROLE_TEXT = {
    "en": {"lead": "leads", "organiser": "organises", "presenter": "presents at", "participant": "takes part in",
           "funder": "funds", "member": "member of", "affiliated": "affiliated with"},
    "sv": {"lead": "leder", "organiser": "anordnar", "presenter": "talar vid", "participant": "deltar i",
           "funder": "finansierar", "member": "medlem i", "affiliated": "knuten till"},
    "fi": {"lead": "johtaa", "organiser": "järjestää", "presenter": "esiintyy", "participant": "osallistuu",
           "funder": "rahoittaa", "member": "jäsen", "affiliated": "sidoksissa"},
}  # fmt: skip


@dataclass
class PageInfo:
    """What was drawn and what was left out."""

    drawn_nodes: int
    drawn_edges: int
    left_out_nodes: int
    notes: list[str]


def _asset(*parts: str) -> str:
    return importlib_resources.files("kg").joinpath("templates", *parts).read_text(encoding="utf-8")


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8"
    )


def _script_safe(text: str) -> str:
    """Inline script text that cannot close its <script> element early."""
    return text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element and keeps non-ASCII letters as they are.

    >>> print(json_for_script({"label": "</script><b>čđŋŧ</b>"}))
    {"label": "\\u003c/script\\u003e\\u003cb\\u003ečđŋŧ\\u003c/b\\u003e"}
    """
    import json

    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text


def cut(graph: nx.Graph, max_nodes: int, score: dict) -> tuple[nx.Graph, int]:
    """Keep the ``max_nodes`` highest-scoring nodes (ties by id); return the subgraph and how many went."""
    if graph.number_of_nodes() <= max_nodes:
        return graph, 0
    ranked = sorted(graph, key=lambda n: (-float(score.get(n) or 0.0), str(n)))
    keep = ranked[:max_nodes]
    return graph.subgraph(keep).copy(), graph.number_of_nodes() - len(keep)


def cut_edges(graph: nx.Graph, max_edges: int) -> tuple[nx.Graph, int]:
    """Keep the ``max_edges`` heaviest edges (ties by ids) and every node; return it and how many went.

    >>> g = nx.Graph([("a", "b", {"weight": 3}), ("b", "c", {"weight": 1}), ("a", "c", {"weight": 2})])
    >>> kept, dropped = cut_edges(g, 2)
    >>> sorted(kept.edges()), dropped, kept.number_of_nodes()
    ([('a', 'b'), ('a', 'c')], 1, 3)
    """
    if graph.number_of_edges() <= max_edges:
        return graph, 0
    ranked = sorted(
        graph.edges(data="weight", default=1.0), key=lambda e: (-float(e[2]), *sorted((str(e[0]), str(e[1]))))
    )
    kept = nx.Graph()
    kept.graph.update(graph.graph)
    kept.add_nodes_from(graph.nodes(data=True))
    kept.add_edges_from((u, v, graph.edges[u, v]) for u, v, _ in ranked[:max_edges])
    return kept, graph.number_of_edges() - max_edges


def layout(graph: nx.Graph, seed: int = SEED, spacing: float = 90.0) -> dict:
    """Seeded positions in pixels: each connected component laid out on its own, then packed in rows.

    The same data always gives the same picture.
    """
    if graph.number_of_nodes() == 0:
        return {}
    components = sorted(
        (sorted(c, key=str) for c in nx.connected_components(graph)), key=lambda c: (-len(c), str(c[0]))
    )
    placed: list[tuple[list, dict, float]] = []
    for nodes in components:
        sub = nx.Graph()
        sub.add_nodes_from(nodes)
        sub.add_edges_from(
            sorted(
                ((u, v, d) for u, v, d in graph.subgraph(nodes).edges(data=True)), key=lambda e: (str(e[0]), str(e[1]))
            )
        )
        radius = spacing * (len(nodes) ** 0.5) * 0.75 if len(nodes) > 1 else spacing * 0.3
        if len(nodes) == 1:
            pos = {nodes[0]: (0.0, 0.0)}
        else:
            iterations = 50 if len(nodes) <= 500 else 30
            pos = nx.spring_layout(sub, seed=seed, weight="weight", iterations=iterations, scale=radius)
        placed.append((nodes, pos, radius))
    total_area = sum((2 * r + spacing) ** 2 for _, _, r in placed)
    row_width = max(total_area**0.5 * 1.3, 2 * placed[0][2] + spacing)
    positions: dict = {}
    x = y = row_height = 0.0
    for nodes, pos, radius in placed:
        size = 2 * radius + spacing
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for node in nodes:
            px, py = pos[node]
            positions[node] = (round(cx + float(px), 1), round(cy + float(py), 1))
        x += size
        row_height = max(row_height, size)
    return positions


def _relations(node, bipartite: nx.Graph | None, labels: dict, lang: str) -> list[dict]:
    """The details panel's relation groups of one node, from the actor–initiative graph."""
    if bipartite is None or node not in bipartite:
        return []
    text = TEXT.get(lang, TEXT["en"])
    items = []
    roles_text = ROLE_TEXT.get(lang, ROLE_TEXT["en"])
    me = bipartite.nodes[node].get("label", str(node))
    for other, data in sorted(bipartite[node].items(), key=lambda kv: str(kv[0])):
        roles = ", ".join(roles_text.get(r, r) for r in data.get("roles", data.get("role", "")).split())
        other_label = bipartite.nodes[other].get("label", str(other))
        phrase = f"{roles} {other_label}" if data.get("actor") == node else f"{other_label} {roles} {me}"
        dates = _dates(bipartite.nodes[other])
        items.append({"text": phrase + (f" ({dates})" if dates else ""), "sources": data.get("sources", "")})
    title = text["members"] if bipartite.nodes[node].get("kind") == "initiative" else text["relations"]
    return [{"title": title, "items": items}] if items else []


def _dates(attrs: dict) -> str:
    start, end = attrs.get("start") or "", attrs.get("end") or ""
    if start and end:
        return f"{start} – {end}"
    return f"{start} –" if start else (f"– {end}" if end else "")


def render_page(
    graph: nx.Graph,
    *,
    bipartite: nx.Graph | None = None,
    analysis=None,
    color_by: str = "type",
    size_by: str = "degree",
    lang: str = "sv",
    title: str = "samverkan-kg: collaboration network",
    max_nodes: int = MAX_NODES,
    max_edges: int = MAX_EDGES,
    notes: list[str] | None = None,
    info: PageInfo | None = None,
) -> str:
    """The HTML page for ``graph`` (not modified). Node ids may be of any type."""
    from markupsafe import Markup
    from pyvis.network import Network

    text = TEXT.get(lang, TEXT["en"])
    notes = list(notes or [])
    if analysis is None and (color_by == "cluster" or size_by in ("betweenness", "eigenvector")):
        from kg.analysis.analyze import analyze

        analysis = analyze(graph, bipartite)
    scores = analysis.scores if analysis is not None else {}
    if size_by == "degree" or not scores:
        measure = {n: d for n, d in graph.degree()}
    else:
        measure = {n: (scores.get(n, {}).get(size_by) or 0.0) for n in graph}
    drawn, left_out = cut(graph, max_nodes, measure)
    if left_out:
        notes.append(
            f"{left_out} of {graph.number_of_nodes()} nodes are not drawn: only the {max_nodes} with the highest "
            f"{size_by} are shown (choose the cut with --max-nodes, --focus/--depth or --year)."
        )
    drawn, edges_left_out = cut_edges(drawn, max_edges)
    if edges_left_out:
        notes.append(
            f"{edges_left_out} of {drawn.number_of_edges() + edges_left_out} ties between the drawn nodes are not "
            f"drawn: only the {max_edges} heaviest are shown (choose the cut with --max-edges)."
        )
    positions = layout(drawn)
    ids = {node: f"n{i}" for i, node in enumerate(sorted(drawn, key=str))}

    def category(node) -> str:
        attrs = drawn.nodes[node]
        if color_by == "cluster":
            return str(scores.get(node, {}).get("cluster", "")) if scores else ""
        if color_by == "country":
            return str(attrs.get("country", "")) or "–"
        return str(attrs.get("type", "")) or "–"

    categories = Counter(category(n) for n in drawn)
    order = sorted(categories, key=lambda c: (-categories[c], c))
    colors = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(order)}
    cluster_names = {c.id: c.name for c in analysis.clusters} if analysis is not None else {}

    def category_label(value: str) -> str:
        if color_by == "cluster":
            return f"{value}: {cluster_names.get(value, value)}"
        if color_by == "country":
            return COUNTRY_NAMES.get(value, {}).get(lang, value)
        return value

    values = [float(measure.get(n) or 0.0) for n in drawn] or [0.0]
    low, high = min(values), max(values)

    def size(node) -> float:
        value = float(measure.get(node) or 0.0)
        return round(7 + 18 * ((value - low) / (high - low) if high > low else 0.5), 1)

    net = Network(height="100%", width="100%", directed=False, cdn_resources="remote")
    page_nodes = []
    for node in sorted(drawn, key=str):
        attrs = drawn.nodes[node]
        label = str(attrs.get("label", node))
        cluster = str(scores.get(node, {}).get("cluster", "")) if scores else ""
        names = [n for n in str(attrs.get("names", "")).split(" | ") if n]
        type_label = str(attrs.get("type_label") or attrs.get("type", ""))
        country = str(attrs.get("country", ""))
        tooltip = "\n".join(x for x in [label, type_label, attrs.get("area_label", ""), _dates(attrs)] if x)
        vis = {
            "color": colors[category(node)],
            "size": size(node),
            "shape": "dot" if attrs.get("kind") != "initiative" else "diamond",
        }
        net.nodes.append({"id": ids[node], "label": label, **vis})
        net.node_ids.append(ids[node])
        page_nodes.append(
            {
                "id": ids[node],
                "iri": str(node) if str(node).startswith("http") else "",
                "label": label,
                "tooltip": tooltip,
                "x": positions[node][0],
                "y": positions[node][1],
                "vis": vis,
                "type": type_label,
                "type_label": type_label,
                "cluster": cluster,
                "cluster_label": f"{cluster}: {cluster_names.get(cluster, '')}" if cluster else "",
                "country": country,
                "area_label": str(attrs.get("area_label", "")),
                "dates": _dates(attrs),
                "names": names,
                "relations": _relations(node, bipartite, {}, lang),
            }
        )
    page_edges = []
    max_weight = max((float(d.get("weight", 1.0)) for _, _, d in drawn.edges(data=True)), default=1.0)
    for a, b, data in sorted(drawn.edges(data=True), key=lambda e: (ids[e[0]], ids[e[1]])):
        joined = data.get("initiative_labels") or ""
        roles = data.get("roles", data.get("role", ""))
        weight = float(data.get("weight", 1.0))
        tooltip = "\n".join(
            x
            for x in [
                f"{drawn.nodes[a].get('label', a)} – {drawn.nodes[b].get('label', b)}",
                f"{roles}" if roles else "",
                joined,
                f"weight {weight:g}" if "weight" in data else "",
                f"{text['sources']}: {data['sources']}" if data.get("sources") else "",
            ]
            if x
        )
        vis = {"width": round(1 + 4 * weight / max_weight, 2), "color": {"color": "#9aa7b5", "opacity": 0.6}}
        net.edges.append({"from": ids[a], "to": ids[b], **vis})
        page_edges.append({"from": ids[a], "to": ids[b], "tooltip": tooltip, "vis": vis})

    def facet(key: str, label_of) -> list[dict]:
        counts = Counter(n[key] for n in page_nodes if n[key])
        return [{"value": v, "label": label_of(v), "count": counts[v]} for v in sorted(counts)]

    options = {
        "physics": {"enabled": False, "stabilization": False},
        "edges": {"smooth": False},
        "nodes": {"font": {"size": 12}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
        "layout": {"improvedLayout": False, "randomSeed": SEED},
    }
    net.options = options
    data = {
        "title": title,
        "meta": f"{len(page_nodes)} nodes, {len(page_edges)} edges",
        "text": text,
        "nodes": page_nodes,
        "edges": page_edges,
        "options": options,
        "notes": notes,
        "legend": [{"label": category_label(c), "color": colors[c], "count": categories[c]} for c in order],
        "color_by_label": {"type": text["type"], "cluster": text["cluster"], "country": text["country"]}.get(
            color_by, color_by
        ),
        "size_legend": f"{text['size']}: {size_by}",
        "facets": {
            "type": facet("type", str),
            "cluster": facet("cluster", lambda v: f"{v}: {cluster_names.get(v, '')}"),
            "country": facet("country", lambda v: COUNTRY_NAMES.get(v, {}).get(lang, v)),
        },
    }
    vis_js, vis_css = _vis_assets()
    from jinja2 import DictLoader, Environment, select_autoescape

    env = Environment(
        loader=DictLoader({"network.html": _asset("network.html")}), autoescape=select_autoescape(default=True)
    )
    env.globals["page"] = {
        "lang": lang,
        "title": title,
        "data": Markup(json_for_script(data)),
        "vis_js": Markup(_script_safe(vis_js)),
        "vis_css": Markup(vis_css.replace("</style", "<\\/style")),
        "app_js": Markup(_script_safe(_asset("network.js"))),
    }
    net.templateEnv = env
    net.path = "network.html"
    html = net.generate_html(name="network.html")
    if info is not None:
        info.drawn_nodes, info.drawn_edges, info.left_out_nodes, info.notes = (
            len(page_nodes),
            len(page_edges),
            left_out,
            notes,
        )
    return html


def focus_graph(graph: nx.Graph, focus, depth: int = 1) -> nx.Graph:
    """The neighbourhood of ``focus`` up to ``depth`` steps (a copy)."""
    return nx.ego_graph(graph, focus, radius=depth).copy()


def write_page(path: Path | str, html: str) -> Path:
    """Write the page atomically, as UTF-8 (whatever the platform's default encoding)."""
    write_text(path, html)
    return Path(path)
