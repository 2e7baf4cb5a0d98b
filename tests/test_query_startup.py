"""What `kg query` does before the query runs, made cheap (issue 22): the ORDER BY plan kept in the user's
cache folder is exactly the plan rdflib's parser gives, for every shipped query and for hard cases; the
manifest's graph_file entry is read once per manifest; modules made lazy still load through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.core import cache
from kg.query import order
from kg.query.binding import bind_values, with_prefixes
from kg.query.library import available
from kg.query.sparql import bindings, unit_separated

HERE = Path(__file__).resolve().parent
LIBRARY = available()


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    """An empty cache folder for this test, and no plan remembered by this process."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    order._recipe_cached.cache_clear()
    yield home
    order._recipe_cached.cache_clear()


def entries(home: Path) -> list[Path]:
    return sorted((home / "samverkan-kg" / "order-plans").glob("*.json"))


def planned_both_ways(text: str):
    """The parser's recipe, the recipe a command reads back from the cache after another command wrote
    it, and the plan made from the cache."""
    parsed = order._recipe(text, cache=False)
    order._recipe_cached.cache_clear()
    order.plan(text)  # a first command: parses and writes the entry
    order._recipe_cached.cache_clear()  # a second command: a new process reads the entry
    stored = cache.load("order-plans", f"{order._salt()}\n{text}")
    return parsed, stored, order.plan(text)


def same_plan(recipe: dict | None, built: order.OrderPlan | None) -> bool:
    if recipe is None or built is None:
        return recipe is None and built is None
    expected = order._from_recipe(recipe)
    names = [k if isinstance(k, str) else ("eval", tuple(k.variables)) for k, _ in built.keys]
    wanted = [k if isinstance(k, str) else ("eval", tuple(k.variables)) for k, _ in expected.keys]
    return (built.text, names, [d for _, d in built.keys], built.hidden, built.offset, built.limit) == (
        expected.text,
        wanted,
        [d for _, d in expected.keys],
        expected.hidden,
        expected.offset,
        expected.limit,
    )


def shipped_texts(store) -> dict[str, str]:
    """Every shipped query as OxigraphStore.select sees it: parameters (the examples) bound."""
    texts = {}
    for name, query in sorted(LIBRARY.items()):
        params = query.example_params()
        bound = bind_values(unit_separated(query.text), bindings(query, params, store, "sv"))
        texts[name] = with_prefixes(bound)
    return texts


def test_the_cached_plan_of_every_shipped_query_is_the_parsers(shipped, cache_home):
    texts = shipped_texts(shipped)
    for name, text in texts.items():
        parsed, stored, built = planned_both_ways(text)
        assert parsed is not None, f"{name}: its ORDER BY should be done in Python"
        assert stored == parsed, name
        assert same_plan(parsed, built), name
        # and the cached plan sorts the query's rows as the parser's plan does
        variables, rows = shipped._rows(built.text)
        fresh = order._from_recipe(parsed).sort(variables, [dict(r) for r in rows])
        assert built.sort(variables, [dict(r) for r in rows]) == fresh, name
    assert len(entries(cache_home)) == len(texts)


@pytest.mark.parametrize(
    "text",
    [
        # ORDER BY only inside a sub-select: no top-level plan, and that answer is cached too
        "SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 3 } }",
        # ORDER BY in a comment and in a string literal only
        'SELECT ?s ("ORDER BY ?s" AS ?note) WHERE { ?s ?p ?o # ORDER BY ?o\n}',
        # top-level ORDER BY beside ones in a comment, a string and a sub-select
        'SELECT ?s ("ORDER BY ?x" AS ?note) WHERE {  # ORDER BY ?o\n'
        "  { SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o) LIMIT 10 }\n"
        "} ORDER BY ?s LIMIT 2 OFFSET 1",
        # keys computed in Python (every kind of cached expression) and one Oxigraph computes, hidden
        'SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(COALESCE(STR(?o), LANG(?o), "-")) (!BOUND(?s)) '
        "?o (3) UCASE(STR(?o))",
        "SELECT REDUCED ?s WHERE { ?s ?p ?o } ORDER BY ?o",
        "SELECT ?s WHERE { ?s ?p ?o } ORDER BY",  # a syntax error: left to the engine, cached as such
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?o",
    ],
)
def test_the_cached_plan_of_hard_cases_is_the_parsers(text, cache_home):
    parsed, stored, built = planned_both_ways(text)
    assert stored == parsed
    assert same_plan(parsed, built)


def test_python_computed_keys_from_the_cache_sort_as_the_parsers():
    text = 'SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(COALESCE(STR(?o), "-")) (!BOUND(?o)) (3) ?s'
    from rdflib import BNode, Literal, URIRef

    rows = [
        {"s": URIRef("urn:c"), "o": Literal("b")},
        {"s": URIRef("urn:a")},
        {"s": URIRef("urn:b"), "o": BNode("x")},
        {"s": URIRef("urn:d"), "o": URIRef("urn:z")},
        {"s": URIRef("urn:e"), "o": Literal("b", lang="fi")},
    ]
    recipe = order._recipe(text, cache=False)
    assert [k for k, _ in recipe["keys"]][-1] == "s" and all(isinstance(k, dict) for k, _ in recipe["keys"][:3])
    assert recipe["keys"][2][0]["eval"][0] == "const"
    from_json = order._from_recipe(json.loads(json.dumps(recipe)))
    assert from_json.sort(["s", "o"], [dict(r) for r in rows]) == order._from_recipe(recipe).sort(
        ["s", "o"], [dict(r) for r in rows]
    )
    ordered = from_json.sort(["s", "o"], [dict(r) for r in rows])[1]
    # urn:b's ?o is bound (a blank node, whose STR is an error): !BOUND(?o) is false, before urn:a's true
    assert [str(r["s"]) for r in ordered] == ["urn:d", "urn:c", "urn:e", "urn:b", "urn:a"]


def test_a_changed_query_text_is_planned_again(cache_home):
    first = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 5"
    second = first.replace("LIMIT 5", "LIMIT 6")
    assert order.plan(first).limit == 5
    assert order.plan(second).limit == 6
    assert len(entries(cache_home)) == 2
    order._recipe_cached.cache_clear()
    assert order.plan(first).limit == 5 and order.plan(second).limit == 6


def test_a_damaged_or_foreign_entry_is_a_miss(cache_home):
    text = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o)"
    order.plan(text)
    (entry,) = entries(cache_home)
    entry.write_text("{ not json", encoding="utf-8")
    order._recipe_cached.cache_clear()
    assert order.plan(text).keys == [("o", True)]
    # an entry whose recorded key is not its own (a file copied over another) is not believed
    other = json.loads(entry.read_text(encoding="utf-8"))
    other["key"] = "0" * 64
    other["value"]["limit"] = 1
    entry.write_text(json.dumps(other), encoding="utf-8")
    order._recipe_cached.cache_clear()
    assert order.plan(text).limit is None
    # an entry with its own key but a recipe that makes no plan (edited by hand) is planned again
    broken = json.loads(entry.read_text(encoding="utf-8"))
    broken["key"], broken["value"] = entry.stem, {"text": "SELECT", "keys": [["o"]]}
    entry.write_text(json.dumps(broken), encoding="utf-8")
    order._recipe_cached.cache_clear()
    assert order.plan(text).keys == [("o", True)]


def test_an_unwritable_cache_folder_still_plans(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # samverkan-kg/ cannot be made under a file
    order._recipe_cached.cache_clear()
    try:
        text = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o) LIMIT 3"
        built = order.plan(text)
        assert same_plan(order._recipe(text, cache=False), built) and built.limit == 3
    finally:
        order._recipe_cached.cache_clear()
    assert blocked.read_text(encoding="utf-8") == "not a folder\n"


def test_another_version_of_the_planner_does_not_read_this_ones_entries(cache_home, monkeypatch):
    text = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?o"
    order.plan(text)
    order._recipe_cached.cache_clear()
    monkeypatch.setattr(order, "_salt", lambda: "another planner")
    assert cache.load("order-plans", f"another planner\n{text}") is cache.MISSING
    order.plan(text)
    assert len(entries(cache_home)) == 2


# --- the manifest, read once per manifest ---


def test_the_manifests_graph_file_entry_is_read_once_and_again_when_rewritten(tmp_path, cache_home, monkeypatch):
    from kg.build import graph
    from kg.core.atomic import write_text

    manifest = tmp_path / "manifest.json"
    body = {"version": 2, "files": {f"/data/{i}.ttl": {"size": i} for i in range(100)}}
    write_text(manifest, json.dumps({**body, "graph_file": {"size": 10, "mtime_ns": 20, "ranges": {"g": [0, 9]}}}))
    assert graph.recorded_graph_file(manifest) == {"size": 10, "mtime_ns": 20}

    reads = []
    real_load = json.load
    monkeypatch.setattr(json, "load", lambda handle: reads.append(Path(handle.name).name) or real_load(handle))
    graph._recorded.clear()  # a new process: the entry comes from the cache folder
    assert graph.recorded_graph_file(manifest) == {"size": 10, "mtime_ns": 20}
    assert graph.recorded_graph_file(manifest) == {"size": 10, "mtime_ns": 20}
    assert "manifest.json" not in reads

    write_text(manifest, json.dumps({**body, "graph_file": {"size": 11, "mtime_ns": 21, "ranges": {}}}))  # a rebuild
    assert graph.recorded_graph_file(manifest) == {"size": 11, "mtime_ns": 21}
    assert reads.count("manifest.json") == 1

    write_text(manifest, "{ cut short")
    with pytest.raises(ValueError):
        graph.recorded_graph_file(manifest)


# --- lazy imports: still there when a command needs them ---


def test_kg_build_still_exports_its_names_and_graph_file_agrees():
    import kg.build
    from kg.build import GRAPH_FILE, BuildResult, build, graph, statistics
    from kg.build.pipeline import build as pipeline_build
    from kg.build.result import GRAPH_FILE as RESULT_GRAPH_FILE

    assert build is pipeline_build and GRAPH_FILE == RESULT_GRAPH_FILE == graph.GRAPH_FILE
    assert callable(statistics) and BuildResult.__name__ == "BuildResult"
    assert set(kg.build.__all__) <= set(dir(kg.build))
    with pytest.raises(AttributeError):
        kg.build.no_such_name  # noqa: B018


def test_a_query_on_a_built_store_imports_neither_the_build_nor_the_sparql_parser(tmp_path):
    """Through the CLI, in a new process: kg query on a finished build (its plan cached by a first run)
    leaves the build pipeline, rdflib's SPARQL parser and the analysis libraries unimported, and prints the
    same bytes as a run whose cache folder is empty; kg build, which needs them, still finds them."""
    from kg.build import build

    out = tmp_path / "build"
    assert build(HERE.parent / "data", out, engine="oxigraph").conforms
    code = (
        "import sys\nfrom kg.cli import app\n"
        "try:\n    app(sys.argv[1:])\nexcept SystemExit as exc:\n    code = exc.code\n"
        "loaded = [m for m in ('kg.build.pipeline', 'rdflib.plugins.sparql.parser', 'pyshacl',\n"
        "  'networkx', 'pandas', 'spacy', 'scipy', 'pyvis') if m in sys.modules]\n"
        "print('LOADED', loaded, file=sys.stderr)\nsys.exit(code)\n"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    outputs = []
    for fmt in ("json", "table", "csv", "tsv", "md"):
        for _ in range(2):  # a cold cache, then a warm one
            args = ["query", "members", "--graph", str(out / "graph.trig"), "-f", fmt, "-p", "association=Region 10"]
            done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)
            assert done.returncode == 0, done.stderr
            outputs.append(done.stdout)
        assert outputs[-1] == outputs[-2] and outputs[-1].strip()
    assert "LOADED []" in done.stderr, done.stderr  # warm: nothing heavy imported
    again = subprocess.run(
        [sys.executable, "-m", "kg", "build", "--data", str(HERE.parent / "data"), "--out", str(tmp_path / "b2"), "-q"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert again.returncode == 0 and (tmp_path / "b2" / "graph.trig").is_file(), again.stderr


def test_main_builds_only_the_command_it_runs_with_the_same_help_and_errors():
    from typer.main import get_command_name
    from typer.testing import CliRunner

    from kg.cli import _only, app

    runner = CliRunner()
    names = [info.name or get_command_name(info.callback.__name__) for info in app.registered_commands]
    assert {"query", "build", "all", "import", "queries"} <= set(names)
    for name in names:
        single = _only(name)
        assert single is not None and len(single.registered_commands) == 1, name
        full, alone = runner.invoke(app, [name, "--help"]), runner.invoke(single, [name, "--help"])
        assert (alone.exit_code, alone.output) == (full.exit_code, full.output), name
    full, alone = runner.invoke(app, ["query", "--no-such-option"]), runner.invoke(_only("query"), ["query", "--no"])
    assert alone.exit_code == full.exit_code == 2
    assert _only("querry") is None and _only("--version") is None  # the whole group: its suggestions, its options
    done = subprocess.run([sys.executable, "-m", "kg", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("kg (samverkan-kg) ")
    done = subprocess.run([sys.executable, "-m", "kg", "queries"], capture_output=True, text=True)
    assert done.returncode == 0 and "members" in done.stdout


def test_the_cache_keeps_a_bounded_number_of_entries(cache_home):
    for i in range(7):
        cache.save("example", f"key {i}", i, limit=5)
    kept = sorted((cache.cache_root() / "example").glob("*.json"))
    assert 2 <= len(kept) <= 5
    assert cache.load("example", "key 6") == 6  # the newest stays
