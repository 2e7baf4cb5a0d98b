"""How fast the network page becomes interactive in headless Chromium, and how big it is.

``python bench/page.py``
    Draws seeded random collaboration graphs of 2,000 nodes / 6,000 edges and 5,000 nodes /
    15,000 edges (labels, types, countries, clusters like real data) with ``kg.viz.render_page``
    and measures them. Targets: interactive in under 1.5 s and 4 s.
``python bench/page.py PAGE.html ...``
    Measures pages written by ``kg viz``.

For each page it opens the file in Debian's Chromium (Playwright, ``executable_path``; no browser
download), waits until the page sets ``window.kgReady`` (after vis-network's first drawing, with
the labels placed and the search box and filters wired) and reports the time from navigation to
that moment, the wall time including the browser's work, the time one interaction takes (select
the busiest node and step out two links: filters, labels and details redrawn), the page size and
the number of drawn nodes and edges. Prints one line ``JSON=[...]``. Run it three times and take
the median: the machine is shared.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

STEP = """() => {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const hub = data.nodes.find((n) => n.rank === 0).key;  // the node with the most ties
  const t0 = performance.now();
  window.kg.select(hub);
  window.kg.setDepth(2);
  // the change is drawn in the next frame, with the labels placed after the drawing
  return new Promise((r) => window.kgNetwork.once("afterDrawing", () => r(performance.now() - t0)));
}"""
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def sample_graph(nodes: int = 2000, edges: int = 6000, seed: int = 7) -> nx.Graph:
    """A seeded graph shaped like ours: a few hubs, a long tail, labels with diacritics."""
    rng = random.Random(seed)
    graph = nx.Graph()
    kinds = ["Municipality"] * 5 + ["Organisation"] * 3 + ["Person"] * 2
    for i in range(nodes):
        graph.add_node(
            f"https://w3id.org/samverkan/id/org/n{i}",
            label=f"Aktör {i} Övertorneå–Čohkkiras",
            type=rng.choice(kinds),
            country=rng.choice(["SE", "FI"]),
            kind="actor",
        )
    ids = list(graph)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(nodes)]  # skewed: hubs and a long tail
    while graph.number_of_edges() < edges:
        a, b = rng.choices(ids, weights=weights, k=2)
        if a != b and not graph.has_edge(a, b):
            graph.add_edge(a, b, weight=float(rng.randint(1, 4)), initiative_labels=f"Projekt {rng.randint(1, 900)}")
    return graph


def measure(paths: list[Path]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("Chromium is not installed (scripts/install-system-deps.sh installs Debian's chromium)")
    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for path in paths:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            started = time.perf_counter()
            page.goto(path.resolve().as_uri())
            page.wait_for_function("window.kgReady !== undefined", timeout=120_000)
            wall = time.perf_counter() - started
            shown = page.evaluate("[window.kgVisibleCount, window.kgVisibleEdges]")
            step = page.evaluate(STEP)
            results.append(
                {
                    "page": path.name,
                    "ready_s": round(page.evaluate("window.kgReady") / 1000, 3),
                    "wall_s": round(wall, 3),
                    "select_and_focus_s": round(step / 1000, 3),
                    "size_mb": round(path.stat().st_size / 1e6, 2),
                    "nodes": shown[0],
                    "edges": shown[1],
                    "errors": errors,
                }
            )
            context.close()
        browser.close()
    return results


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]]
    if not paths:
        from kg.viz import render_page, write_page

        folder = Path(tempfile.mkdtemp(prefix="kg-page-"))
        for nodes, edges in ((2000, 6000), (5000, 15000)):
            started = time.perf_counter()
            html = render_page(sample_graph(nodes, edges), max_nodes=nodes, max_edges=edges)
            print(f"rendered {nodes} x {edges} in {time.perf_counter() - started:.1f} s", flush=True)
            paths.append(write_page(folder / f"network-{nodes}x{edges}.html", html))
    print("JSON=" + json.dumps(measure(paths)), flush=True)


if __name__ == "__main__":
    main()
