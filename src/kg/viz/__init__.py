"""The interactive network page: one self-contained, offline, safe HTML file drawn with vis-network.

The stages, each a module with its own tests:

- :mod:`kg.viz.layout`: which nodes are drawn (the cuts) and where (clusters apart, members spread);
- :mod:`kg.viz.prepare`: nodes, ties, legend, filters, clusters and metrics as plain data;
- :mod:`kg.viz.details` and :mod:`kg.viz.timeline`: money, sources and posts, and each year's
  network, read from the graph;
- :mod:`kg.viz.text`: every string of the page in Swedish, Finnish and English;
- :mod:`kg.viz.render`: all of it put into the template (``templates/network.html`` and
  ``network.js``), with vis-network inlined.

>>> from kg.build import build
>>> from kg.analysis.network import bipartite_graph, project
>>> bip = bipartite_graph(build(out_dir=None).dataset)
>>> html = render_page(project(bip), bipartite=bip)
>>> "<script src=" in html, "http://" in html.split('id="graph-data"')[0]
(False, False)
"""

from __future__ import annotations

from kg.viz.layout import SEED, cut, cut_edges
from kg.viz.render import (
    MAX_EDGES,
    MAX_NODES,
    PageInfo,
    focus_graph,
    json_for_script,
    page_extras,
    render_page,
    write_page,
)

__all__ = [
    "MAX_EDGES",
    "MAX_NODES",
    "SEED",
    "PageInfo",
    "cut",
    "cut_edges",
    "focus_graph",
    "json_for_script",
    "page_extras",
    "render_page",
    "write_page",
]
