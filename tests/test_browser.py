"""The network page in a real headless Chromium (Debian's package, driven by Playwright).

Skipped where no Chromium is installed, except in CI (CI=true), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.analysis.network import bipartite_graph, project
from kg.viz import render_page, write_page

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed (scripts/install-system-deps.sh installs Debian's chromium)")
        pytest.skip("Chromium is not installed; run scripts/install-system-deps.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Page:
    """A loaded page with everything it logged and requested."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.kgReady !== undefined", timeout=15000)

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def shipped(built, tmp_path_factory):
    bipartite = bipartite_graph(built.dataset)
    graph = project(bipartite)
    path = write_page(tmp_path_factory.mktemp("page") / "network.html", render_page(graph, bipartite=bipartite))
    return graph, path


@pytest.fixture
def page(browser, shipped):
    loaded = Page(browser, shipped[1])
    yield loaded
    loaded.close()


def test_loads_offline_without_errors(page, shipped):
    assert page.errors == []
    assert page.requests == [shipped[1].resolve().as_uri()]


def test_draws_every_node_and_edge(page, shipped):
    graph = shipped[0]
    assert page.js("window.kgNodes.length") == graph.number_of_nodes()
    assert page.js("window.kgEdges.length") == graph.number_of_edges()
    assert page.js("window.kgNetwork.body.nodeIndices.length") == graph.number_of_nodes()


def test_search_selects_and_focuses_pajala(page, tmp_path):
    page.page.fill("#search", "pajala")
    page.page.press("#search", "Enter")
    selected = page.js("window.kgNetwork.getSelectedNodes()")
    assert len(selected) == 1
    assert page.js(f"window.kgNodes.get('{selected[0]}').label") == "Pajala"
    view = page.js("window.kgNetwork.getViewPosition()")
    node = page.js(f"window.kgNetwork.getPosition('{selected[0]}')")
    assert abs(view["x"] - node["x"]) < 1 and abs(view["y"] - node["y"]) < 1
    details = page.page.inner_text("#details")
    assert "Samhällsinnovation i glesa geografin" in details
    assert "000_d0f522aa97cf2385" in details  # the source behind the relation
    page.page.screenshot(path=str(tmp_path / "pajala.png"))
    assert (tmp_path / "pajala.png").stat().st_size > 10_000


def test_search_ignores_case_and_diacritics(page):
    page.page.fill("#search", "OVERTORNEA")
    assert page.page.inner_text("#results").strip() == "Övertorneå"


def test_type_filter_hides_people(page, shipped):
    graph = shipped[0]
    people = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "Person")
    assert people > 0
    page.page.locator("input[data-facet=type][data-value=person]").uncheck()
    assert page.js("window.kgVisibleCount") == graph.number_of_nodes() - people
    hidden = page.js("window.kgNodes.get({filter: n => n.hidden}).map(n => n.label)")
    assert sorted(hidden) == sorted(d["label"] for _, d in graph.nodes(data=True) if d["type"] == "Person")
    page.page.locator("input[data-facet=type][data-value=person]").check()
    assert page.js("window.kgVisibleCount") == graph.number_of_nodes()


def test_hostile_label_shows_as_text_and_runs_nothing(browser, tmp_path):
    import networkx as nx

    hostile = '<img src=x onerror="window.pwned=1;alert(1)"></script><script>window.pwned=2</script> href'
    g = nx.Graph()
    g.add_node("a", label=hostile, type="Person", country="SE", names=f"{hostile} (sv)")
    g.add_node("b", label="Ohcejohka čđŋŧ", type="Municipality", country="FI")
    g.add_edge("a", "b", weight=1.0, roles="href", initiative_labels=hostile)
    path = write_page(tmp_path / "hostile.html", render_page(g, title=hostile))
    loaded = Page(browser, path)
    try:
        assert loaded.js("window.pwned === undefined")
        assert loaded.dialogs == [] and loaded.errors == []
        assert loaded.js("document.querySelectorAll('img').length") == 0
        assert loaded.page.inner_text("#title") == hostile
        loaded.page.fill("#search", "img src")
        loaded.page.press("#search", "Enter")
        assert hostile in loaded.page.inner_text("#details")
        loaded.page.fill("#search", "ohcejohka cdnt")
        assert loaded.page.inner_text("#results").strip() == "Ohcejohka čđŋŧ"
        assert loaded.js("window.pwned === undefined")
    finally:
        loaded.close()
