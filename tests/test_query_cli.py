"""`kg queries` and `kg query`: the library, formats, parameters and their errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query.library import available

HERE = Path(__file__).resolve().parent
runner = CliRunner()


@pytest.fixture(scope="module")
def graph_file(built) -> str:
    return str(built.output)


def kg(*args: str):
    return runner.invoke(app, list(args))


def test_every_query_has_a_header_and_declared_parameters():
    library = available()
    assert len(library) >= 12
    for name, query in library.items():
        assert query.title and query.title != name, name
        assert query.description, name
        for param in query.parameters:
            assert param.description, (name, param.name)
            assert param.example, (name, param.name)


def test_queries_lists_titles_and_parameters():
    result = kg("queries", "--lang", "en")
    assert result.exit_code == 0
    assert "members  (SELECT)" in result.output
    assert "Members of an association of municipalities" in result.output
    assert "--param association=<entity>  required" in result.output


def test_unknown_query_suggests_close_names(graph_file):
    result = kg("query", "memebrs", "--graph", graph_file)
    assert result.exit_code == 2
    assert "unknown query 'memebrs'; did you mean: members" in result.output


def test_missing_required_parameter(graph_file):
    result = kg("query", "members", "--graph", graph_file)
    assert result.exit_code == 2
    assert "needs parameter 'association' (entity)" in result.output


def test_wrong_parameter_type(graph_file):
    result = kg("query", "active", "--param", "year=twenty", "--graph", graph_file)
    assert result.exit_code == 2
    assert "parameter 'year' must be a year" in result.output


def test_unknown_parameter(graph_file):
    result = kg("query", "members", "--param", "club=x", "--graph", graph_file)
    assert result.exit_code == 2
    assert "has no parameter 'club'" in result.output


def test_exclusive_parameters_of_the_library_name_both(graph_file):
    # found by a new-user trial: year and date together silently used the date
    both = kg("query", "active", "--param", "year=2024", "--param", "date=2024-09-01", "--graph", graph_file)
    assert both.exit_code == 2
    assert (
        "error: query 'active': --param year and --param date exclude each other: "
        "give one of --param year, --param date (not both)"
    ) in both.output
    neither = kg("query", "active", "--graph", graph_file)
    assert neither.exit_code == 2
    assert "query 'active' needs a parameter: give one of --param year, --param date" in neither.output
    assert "(e.g. --param year=2024)" in neither.output
    one = kg("query", "active", "--param", "date=2024-09-01", "--graph", graph_file, "--format", "csv")
    assert one.exit_code == 0, one.output
    listed = kg("queries", "--lang", "en").output
    assert "--param year=<year>  one of a group (below), e.g. 2024: the year" in listed
    assert "    give one of --param year, --param date (not both)" in listed


def test_exclusive_parameters_are_a_property_of_any_query_header(graph_file, tmp_path):
    path = tmp_path / "pick.rq"
    path.write_text(
        "# title: Municipalities by code or by name\n"
        "# description: a query of a user's own, with three parameters of which at most one may be given\n"
        "# param: code (string) example 2521: the kommunkod\n"
        "# param: name (string) example Pajala: the name\n"
        "# param: iri (iri): the IRI\n"
        "# exclusive: code, name, iri\n"
        "SELECT DISTINCT ?m WHERE { ?m kg:municipalityCode ?c OPTIONAL { ?m rdfs:label ?l }\n"
        "  FILTER((!BOUND(?code) || ?c = ?code) && (!BOUND(?name) || STR(?l) = ?name)) }\n",
        encoding="utf-8",
    )
    two = kg("query", str(path), "--param", "name=Pajala", "--param", "iri=urn:x", "--graph", graph_file)
    assert two.exit_code == 2
    assert "--param name and --param iri exclude each other: give at most one of --param code" in two.output
    none = kg("query", str(path), "--graph", graph_file, "--format", "csv")
    assert none.exit_code == 0, none.output  # none of them is fine: the group is not required
    one = kg("query", str(path), "--param", "code=2521", "--graph", graph_file, "--format", "csv")
    assert [row[0] for row in csv.reader(io.StringIO(one.stdout))][1:] == [
        "https://w3id.org/samverkan/id/municipality/se-2521"
    ]
    # a group naming an undeclared parameter is a header error with file and line
    path.write_text("# title: x\n# param: code (string): c\n# exclusive: code, kod\nSELECT * WHERE {}\n")
    bad = kg("query", str(path), "--graph", graph_file)
    assert bad.exit_code == 2
    assert f"{path}:3: exclusive parameter 'kod' is not declared" in bad.output


def test_syntax_error_names_file_line_and_column(graph_file):
    path = HERE / "fixtures" / "syntax-error.rq"
    result = kg("query", str(path), "--graph", graph_file)
    assert result.exit_code == 2
    assert f"{path}:6:3: SPARQL syntax error" in result.output  # where the unclosed FILTER( starts


@pytest.mark.parametrize(
    "hostile",
    [
        'Pajala" } ; DROP ALL ; #',
        "x' } UNION { ?entity ?p ?o } #",
        "} ; DROP GRAPH <https://w3id.org/samverkan/id/graph/reference>",
        '\\" ) } SELECT * WHERE { ?s ?p ?o',
    ],
)
def test_parameters_are_data_not_sparql(graph_file, hostile):
    # as a string parameter the text is searched for literally: it matches nothing
    result = kg("query", "search", "--param", f"name={hostile}", "--graph", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"]["bindings"] == []
    # as an entity parameter it is a name that names nothing
    result = kg("query", "entity", "--param", f"entity={hostile}", "--graph", graph_file)
    assert result.exit_code == 2
    assert "no entity is named" in result.output


def test_a_misspelt_or_ambiguous_name_says_which_entities_are_meant(graph_file):
    # "no entity is named 'Regon 10'" gave no suggestion (the README promises the closest names), and an
    # ambiguous name listed two bare IRIs: which Övertorneå is which?
    result = kg("query", "members", "--param", "association=Regon 10", "--graph", graph_file)
    assert result.exit_code == 2
    assert "no entity is named 'Regon 10'; closest: 'Region 10'," in result.output
    result = kg("query", "entity", "--param", "entity=Övertorneå", "--graph", graph_file)
    assert result.exit_code == 2
    assert (
        "'Övertorneå' names 2 entities: Övertorneå (Municipality, FI, 976) <https://w3id.org/samverkan/id/"
        "municipality/fi-976>; Övertorneå (Municipality, SE, 2518) <https://w3id.org/samverkan/id/municipality/"
        "se-2518>; give the IRI"
    ) in result.output.replace("\n", " ").replace("  ", " ")
    result = kg("query", "members", "--param", "association=Zzzqqq", "--graph", graph_file)
    assert result.exit_code == 2 and "closest" not in result.output  # nothing near: no suggestion


def test_adhoc_query_and_formats(graph_file):
    sparql = "SELECT ?code WHERE { ?m kg:municipalityCode ?code FILTER(?code IN ('2521', '614')) } ORDER BY ?code"
    as_csv = kg("query", "-e", sparql, "--graph", graph_file, "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [["code"], ["2521"], ["614"]]
    as_tsv = kg("query", "-e", sparql, "--graph", graph_file, "--format", "tsv")
    assert as_tsv.stdout.splitlines() == ["code", "2521", "614"]
    as_json = json.loads(kg("query", "-e", sparql, "--graph", graph_file, "--format", "json").stdout)
    assert as_json["head"]["vars"] == ["code"]
    assert as_json["results"]["bindings"][0]["code"] == {"type": "literal", "value": "2521"}
    as_md = kg("query", "-e", sparql, "--graph", graph_file, "--format", "md", "--lang", "en").stdout
    assert as_md.splitlines() == ["| code |", "|---|", "| 2521 |", "| 614 |"]
    as_md = kg("query", "-e", sparql, "--graph", graph_file, "--format", "md", "--lang", "fi").stdout
    assert as_md.splitlines()[0] == "| Koodi |"  # a column's header in the output language (kg.query.columns)


def test_table_shows_labels_in_the_preferred_language_within_80_columns(graph_file):
    sparql = "SELECT DISTINCT ?m WHERE { ?m kg:municipalityCode '976' }"
    sv = kg("query", "-e", sparql, "--graph", graph_file, "--lang", "sv").stdout
    fi = kg("query", "-e", sparql, "--graph", graph_file, "--lang", "fi").stdout
    assert "Övertorneå" in sv and "https://" not in sv
    assert "Ylitornio" in fi
    wide = kg("query", "initiatives", "--graph", graph_file).stdout
    assert max(len(line) for line in wide.splitlines()) <= 80


def test_construct_writes_turtle(graph_file, tmp_path):
    out = tmp_path / "pajala.ttl"
    sparql = "CONSTRUCT { ?m kg:municipalityCode ?c } WHERE { ?m kg:municipalityCode ?c FILTER(?c = '2521') }"
    result = kg("query", "-e", sparql, "--graph", graph_file, "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "kg:municipalityCode" in text and '"2521"' in text


def test_the_out_extension_chooses_the_format(graph_file, tmp_path):
    # a new user's trial: --out x.md wrote the table format into x.md
    rows = tmp_path / "members.md"
    result = kg("query", "members", "-p", "association=Region 10", "--graph", graph_file, "--out", str(rows))
    assert result.exit_code == 0, result.output
    assert rows.read_text(encoding="utf-8").startswith("| Medlem | Kod |")  # --lang's default, sv: its headers
    as_json = tmp_path / "members.json"
    assert (
        kg("query", "members", "-p", "association=Region 10", "--graph", graph_file, "-o", str(as_json)).exit_code == 0
    )
    assert json.loads(as_json.read_text(encoding="utf-8"))["results"]["bindings"]
    # a table into a Turtle name, a graph into a CSV name: refused, nothing written
    wrong = kg("query", "members", "-p", "association=Region 10", "--graph", graph_file, "-o", str(tmp_path / "m.ttl"))
    assert wrong.exit_code == 2 and "a SELECT result is a table" in wrong.stderr
    construct = "CONSTRUCT { ?m kg:municipalityCode ?c } WHERE { ?m kg:municipalityCode ?c }"
    wrong = kg("query", "-e", construct, "--graph", graph_file, "-o", str(tmp_path / "g.csv"))
    assert wrong.exit_code == 2 and "a CONSTRUCT result is Turtle: name the file .ttl" in wrong.stderr
    assert not (tmp_path / "m.ttl").exists() and not (tmp_path / "g.csv").exists()


def test_ask(graph_file):
    sparql = "ASK { ?m kg:municipalityCode '2518' }"
    assert kg("query", "-e", sparql, "--graph", graph_file, "--lang", "en").stdout.strip() == "yes"
    assert kg("query", "-e", sparql, "--graph", graph_file).stdout.strip() == "ja"  # --lang's default, sv


def test_timeout_stops_a_long_query(graph_file):
    # a real process: a native engine's query cannot be interrupted, only abandoned with the process
    import subprocess
    import sys
    import time

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "kg", "query", "-e", slow, "--graph", graph_file, "--timeout", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3
    assert "ran longer than 1 s and was stopped" in result.stderr
    assert time.perf_counter() - started < 30


# --- the build's on-disk store, opened read-only instead of parsing graph.trig (issue 22) ---

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def store_build(tmp_path_factory):
    """An Oxigraph build of the shipped data (graph.trig, store/, manifest.json) and graph.trig alone."""
    import shutil

    from kg.build import build

    out = tmp_path_factory.mktemp("store-build") / "build"
    assert build(HERE.parent / "data", out, engine="oxigraph").conforms
    alone = tmp_path_factory.mktemp("alone") / "graph.trig"
    shutil.copy2(out / "graph.trig", alone)
    return out, alone


def _listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in sorted(folder.rglob("*")) if p.name != "LOG"}


def test_a_build_with_its_store_gives_the_same_rows_as_graph_trig_and_the_store_is_not_written(store_build):
    out, alone = store_build
    before = _listing(out)
    for name in sorted(available()):
        args = ["--param=association=Region 10"] if name == "members" else []
        args += ["--param=entity=Pajala"] if name == "entity" else []
        args += ["--param=year=2015"] if name == "active" else []
        args += ["--param=name=overtornea"] if name == "search" else []
        args += ["--param=municipality=Lycksele"] if name == "municipality-projects" else []  # its example
        from_store = kg("query", name, "--graph", str(out / "graph.trig"), "-f", "json", *args)
        from_file = kg("query", name, "--graph", str(alone), "-f", "json", *args)
        assert from_store.exit_code == 0 and from_file.exit_code == 0, (name, from_store.output, from_file.output)
        assert from_store.stdout == from_file.stdout, name
        assert "note:" not in from_store.stderr and "obs:" not in from_store.stderr, from_store.stderr  # en, sv
    assert _listing(out) == before  # nothing written, no lock file left behind


def test_a_stale_or_busy_store_is_left_alone_with_a_note(store_build, tmp_path):
    import shutil
    import subprocess
    import sys

    out, _ = store_build
    build = tmp_path / "build"
    shutil.copytree(out, build)
    stored = json.loads(kg("query", "-e", COUNT, "--graph", str(build / "graph.trig"), "-f", "json").stdout)
    n = int(stored["results"]["bindings"][0]["n"]["value"])

    # graph.trig written after the store (a copy, kg analyze --write-back, --engine rdflib): read graph.trig
    with open(build / "graph.trig", "a", encoding="utf-8") as handle:
        handle.write('\n<urn:x:g> { <urn:x:s> <urn:x:p> "o" . }\n')
    result = kg("query", "-e", COUNT, "--graph", str(build / "graph.trig"), "-f", "json", "--lang", "en")
    assert result.exit_code == 0
    assert int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"]) == n + 1
    assert "not using the on-disk store" in result.stderr and "graph.trig was written after the store" in result.stderr

    # an incremental build cut short
    shutil.rmtree(build)
    shutil.copytree(out, build)
    (build / "store.dirty").write_text("cut short\n", encoding="utf-8")
    result = kg("query", "-e", COUNT, "--graph", str(build / "graph.trig"), "-f", "json", "--lang", "en")
    assert result.exit_code == 0 and int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"]) == n
    assert "incremental build of the store was cut short" in result.stderr
    (build / "store.dirty").unlink()

    # a build at work in another process (it holds the folder's lock): graph.trig, not the store it changes
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom kg.core.locking import locked\n"
         f"with locked({str(build)!r}):\n    print('held', flush=True)\n    time.sleep(30)\n"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        result = kg("query", "-e", COUNT, "--graph", str(build / "graph.trig"), "-f", "json", "--lang", "en")
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 0 and int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"]) == n
    assert "a build is writing it" in result.stderr

    # no store at all beside a build's manifest
    shutil.rmtree(build / "store")
    result = kg("query", "-e", COUNT, "--graph", str(build / "graph.trig"), "-f", "json", "--lang", "en")
    assert result.exit_code == 0 and "there is no on-disk store beside it" in result.stderr


def test_a_reader_of_the_store_makes_a_build_wait(store_build):
    import subprocess
    import sys

    from kg.build.graph import open_built_store

    out, _ = store_build
    store = open_built_store(out / "graph.trig")
    assert store is not None and store.ask("ASK { ?s a kg:Municipality }")
    code = (
        "from kg.core.locking import FolderBusy, locked\n"
        f"try:\n    with locked({str(out)!r}, wait=0.3): print('wrote')\n"
        "except FolderBusy as exc: print('busy', exc)\n"
    )
    busy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    store.close()
    free = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert busy.startswith("busy") and free.startswith("wrote"), (busy, free)
    assert not (out / ".lock").exists()


def test_queries_use_the_store_after_kg_all_and_kg_build(tmp_path, monkeypatch):
    # kg all stores its analysis in graph.trig: the store got it too, so the manifest must say so,
    # else every later query read graph.trig with "note: not using the on-disk store in build"
    data = str(HERE.parent / "data")
    monkeypatch.chdir(tmp_path)
    count_analysis = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/samverkan/id/graph/analysis> { ?s ?p ?o } }"
    )
    for command in (["all", "--data", data, "--out", "build"], ["build", "--data", data, "--out", "build", "-q"]):
        assert kg(*command).exit_code == 0
        result = kg("query", "-e", count_analysis, "--data", data, "-f", "json")
        assert result.exit_code == 0, result.output
        assert "not using the on-disk store" not in result.stderr, (command, result.stderr)
        assert int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"]) > 0  # the analysis is there
        result = kg("query", "partners-by-programme", "--data", data, "-p", "role=lead", "-f", "csv")
        assert result.exit_code == 0 and "note:" not in result.stderr and "obs:" not in result.stderr, result.stderr
