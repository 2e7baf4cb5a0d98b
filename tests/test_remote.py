"""kg against a real SPARQL server: an Oxigraph server started on a free loopback port.

The shipped dataset is pushed to it; every shipped query runs remotely and must give the local rows;
``kg analyze --endpoint`` must give the local clusters; a server killed in the middle of a push must
come back with every graph old or new, never half-written; errors say what went wrong. No test
reaches an address outside loopback (``no_remote_addresses`` enforces it), and every server is
stopped at the end, whatever happens to the tests.
"""

from __future__ import annotations

import base64
import contextlib
import http.server
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REGISTER_QUERIES, ctrl_c_default
from kg.cli import app
from kg.query.formats import render
from kg.query.http import (
    RemoteAuthError,
    RemoteError,
    RemoteHTTPError,
    RemoteTimeout,
    RemoteUnreachable,
    is_loopback,
)
from kg.query.library import available
from kg.query.sparql import execute
from kg.query.stores import OxigraphStore, RdflibStore, RemoteStore
from kg.server.oxigraph import STAGING, OxigraphServer, PushError, free_port, local_graphs, push, server_graphs

LIBRARY = available()
runner = CliRunner()


# ---------------------------------------------------------------------------------------------- guards


@pytest.fixture(autouse=True, scope="module")
def no_remote_addresses():
    """Refuse any connection from this process to an address outside loopback."""
    original = socket.socket.connect

    def connect(sock, address):
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and not is_loopback(host):
            raise AssertionError(f"a test tried to reach {host}")
        return original(sock, address)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", connect)
        yield


@pytest.fixture(autouse=True, scope="module")
def no_credentials(tmp_path_factory):
    """No credentials from the developer's environment or ~/.netrc."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("KG_SPARQL_USER", raising=False)
        mp.delenv("KG_SPARQL_PASSWORD", raising=False)
        mp.setenv("NETRC", str(tmp_path_factory.mktemp("netrc") / "none"))
        yield


def test_the_guard_refuses_addresses_outside_loopback():
    with pytest.raises(AssertionError, match=r"192\.0\.2\.1"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)  # TEST-NET-1: never reached


def start_server(location: Path | None, log_dir: Path, **options) -> OxigraphServer:
    log = (log_dir / f"oxigraph-{time.monotonic_ns()}.log").open("w")
    server = OxigraphServer(location, log=log, **options)
    try:
        return server.start()
    except BaseException:
        server.kill()
        log.close()
        raise


def stop_server(server: OxigraphServer) -> None:
    try:
        server.stop(grace=5)
    finally:
        server.kill()
        if server.log is not None:
            server.log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, no_credentials):
    """A read-write Oxigraph server (union default graph) holding the pushed build; always stopped."""
    folder = tmp_path_factory.mktemp("oxigraph")
    running = start_server(folder / "db", folder)
    try:
        yield running
    finally:
        stop_server(running)


@pytest.fixture(scope="module")
def pushed(server, built):
    report = push(built.output, server.query_url)
    return server, report


@pytest.fixture(scope="module")
def remote(pushed):
    return RemoteStore(pushed[0].query_url)


@pytest.fixture(scope="module")
def local(built):
    """The built graph in a local Oxigraph store, the store ``kg query`` reads without --endpoint.

    The remote rows are compared with it; test_engines.py compares its rows with rdflib's, the
    reference engine, for the same queries, parameters and languages, so the remote rows equal the
    reference rows too. (rdflib took about 30 s for the nodes, cross-border and search queries here,
    which test_engines.py runs on it anyway.)
    """
    return OxigraphStore.from_file(built.output)


@pytest.fixture(scope="module")
def local_result(local):
    """The local result of a shipped query with its example parameters, computed once."""
    cache: dict[tuple[str, str, bool], object] = {}

    def result(name: str, lang: str = "sv", optional: bool = False):
        key = (name, lang, optional)
        if key not in cache:
            query = LIBRARY[name]
            cache[key] = execute(local, query, query.example_params(optional), lang=lang)
        return cache[key]

    return result


# ---------------------------------------------------------------------------------------------- push


def test_push_sends_every_named_graph_intact(pushed, built):
    server, report = pushed
    expected = local_graphs(built.output)
    assert server_graphs(RemoteStore(server.query_url)) == expected
    assert {g.name: g.triples for g in report.graphs} == expected
    assert {g.action for g in report.graphs} == {"added"}
    assert len(expected) >= 7 and all(expected.values())


def test_push_refuses_existing_graphs_without_replace_and_swaps_them_with(pushed, built):
    server, _ = pushed
    with pytest.raises(PushError, match=r"already has .* --replace"):
        push(built.output, server.query_url)
    report = push(built.output, server.query_url, replace=True)
    assert {g.action for g in report.graphs} == {"replaced"}
    assert server_graphs(RemoteStore(server.query_url)) == local_graphs(built.output)


def test_kg_push_command(pushed, built):
    server, _ = pushed
    refused = runner.invoke(app, ["push", "--endpoint", server.query_url, "--graph", str(built.output)])
    assert refused.exit_code == 2
    assert "--replace" in refused.output
    args = ["push", "--endpoint", server.query_url, "--graph", str(built.output), "--replace", "--lang", "en"]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    assert f"verified:  {len(local_graphs(built.output))} graphs" in done.output


# ---------------------------------------------------------------------------------------------- same answers


@pytest.mark.parametrize("name", sorted(LIBRARY))
@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_every_shipped_query_gives_the_local_rows(local_result, remote, name, lang):
    query = LIBRARY[name]
    here, there = local_result(name, lang), execute(remote, query, query.example_params(), lang=lang)
    assert there.variables == here.variables
    assert there.rows == here.rows
    assert there.rows or name == "active" or name in REGISTER_QUERIES  # the registers: test_engines


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_optional_parameters_give_the_local_rows(local_result, remote, name):
    query = LIBRARY[name]
    here, there = local_result(name, optional=True), execute(remote, query, query.example_params(optional=True))
    assert there.rows == here.rows


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_kg_query_prints_what_it_prints_locally(built, pushed, local_result, name):
    query = LIBRARY[name]
    params = query.example_params()
    args = ["query", name, "--endpoint", pushed[0].query_url]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    expected = render(local_result(name), "table", built.dataset, "sv")
    assert result.output.rstrip("\n") == expected.rstrip("\n")


def test_kg_analyze_endpoint_gives_the_local_clusters(built, pushed):
    there = runner.invoke(app, ["analyze", "--endpoint", pushed[0].query_url, "--format", "json"])
    here = runner.invoke(app, ["analyze", "--graph", str(built.output), "--format", "json"])
    assert there.exit_code == 0, there.output
    assert here.exit_code == 0, here.output
    remote_report, local_report = json.loads(there.output), json.loads(here.output)
    assert remote_report["clusters"] == local_report["clusters"]
    assert remote_report == local_report


def test_analyze_write_back_with_endpoint_is_refused(pushed):
    result = runner.invoke(app, ["analyze", "--endpoint", pushed[0].query_url, "--write-back"])
    assert result.exit_code == 2
    assert "--write-back" in result.output and "--endpoint" in result.output


def test_kg_viz_endpoint_draws_the_local_network(built, pushed, tmp_path):
    there = runner.invoke(app, ["viz", "--endpoint", pushed[0].query_url, "--out", str(tmp_path / "remote.html")])
    here = runner.invoke(app, ["viz", "--graph", str(built.output), "--out", str(tmp_path / "local.html")])
    assert there.exit_code == 0, there.output
    summary = [line.split(": ", 1)[1] for line in (there.stdout, here.stdout)]  # notes go to stderr
    assert summary[0] == summary[1]
    assert (tmp_path / "remote.html").read_text(encoding="utf-8") == (tmp_path / "local.html").read_text(
        encoding="utf-8"
    )


def test_notebook_load_endpoint(built, pushed):
    import kg

    there = kg.load(endpoint=pushed[0].query_url)
    here = kg.load(built.output)
    frame = there.query("members", association="Region 10")
    assert frame.equals(here.query("members", association="Region 10"))
    assert len(frame) == 10


def test_construct_and_ask_remotely(built, remote):
    local = RdflibStore(built.dataset)
    text = "CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a kg:Municipality ; rdfs:label ?l }"
    graph = remote.construct(text)
    assert set(graph) == set(local.construct(text))
    assert remote.ask("ASK { ?m a kg:Municipality }") is True
    assert len(remote) == sum(local_graphs_of(local).values())


def local_graphs_of(store: RdflibStore) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in store.dataset.graphs() if len(g)}


# ---------------------------------------------------------------------------------------------- a push killed midway

OLD, NEW = "old", "new"
SIZES = {"urn:kg-test:a": (40, 60), "urn:kg-test:big": (40, 15_000), "urn:kg-test:c": (40, 30)}


def synthetic(version: str):
    """Three graphs whose every triple carries the version, with different sizes per version."""
    import pyoxigraph as ox

    store = ox.Store()
    p = ox.NamedNode("urn:kg-test:p")
    quads = []
    for graph, sizes in SIZES.items():
        g = ox.NamedNode(graph)
        count = sizes[0] if version == OLD else sizes[1]
        quads += [ox.Quad(ox.NamedNode(f"{graph}/s{i}"), p, ox.Literal(version), g) for i in range(count)]
    store.bulk_extend(quads)
    return store


def state_of(store: RemoteStore, graph: str) -> str:
    """``old`` or ``new`` when the graph holds exactly that content, else what it holds."""
    text = f"""SELECT (COUNT(*) AS ?n) (SUM(IF(?o = "old", 1, 0)) AS ?old) (SUM(IF(?o = "new", 1, 0)) AS ?new)
               (COUNT(DISTINCT ?s) AS ?subjects) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"""
    row = store.select(text)[1][0]
    n, old, new, subjects = (int(row.get(k, 0)) for k in ("n", "old", "new", "subjects"))
    if n == old == subjects == SIZES[graph][0] and new == 0:
        return OLD
    if n == new == subjects == SIZES[graph][1] and old == 0:
        return NEW
    return f"half-written: {n} triples, {old} old, {new} new"


@pytest.fixture
def crash_site(tmp_path):
    """A read-write server on a store directory, holding the old graphs; restarted on the same directory."""
    location = tmp_path / "db"
    servers: list[OxigraphServer] = []

    def start() -> OxigraphServer:
        servers.append(start_server(location, tmp_path))
        return servers[-1]

    try:
        first = start()
        push(synthetic(OLD), first.query_url)
        yield start, first
    finally:
        for running in servers:
            stop_server(running)


def kill_when(server: OxigraphServer, event: str, graph: str, delay: float = 0.0):
    def progress(seen: str, name: str, triples: int) -> None:
        if (seen, name) == (event, graph):
            if delay:
                threading.Timer(delay, server.kill).start()
            else:
                server.kill()

    return progress


@pytest.mark.parametrize(
    ("event", "graph", "delay"),
    [
        ("moved", "urn:kg-test:a", 0.0),  # between two graphs
        ("upload", "urn:kg-test:big", 0.1),  # while the big graph is uploaded and loaded
        ("upload", "urn:kg-test:big", 0.3),  # a little later: uploading, counting or moving
        ("staged", "urn:kg-test:big", 0.0),  # staged, not yet moved
        ("staged", "urn:kg-test:big", 0.05),  # while it is moved
    ],
)
def test_a_push_killed_midway_leaves_every_graph_old_or_new(crash_site, event, graph, delay):
    start, first = crash_site
    new = synthetic(NEW)
    with contextlib.suppress(RemoteError):  # the server dies under the push
        push(new, first.query_url, replace=True, http_timeout=10, progress=kill_when(first, event, graph, delay))
    first.kill()
    again = start()
    store = RemoteStore(again.query_url)
    states = {g: state_of(store, g) for g in SIZES}
    assert set(states.values()) <= {OLD, NEW}, states
    if event == "moved":
        assert states == {"urn:kg-test:a": NEW, "urn:kg-test:big": OLD, "urn:kg-test:c": OLD}
    if event == "staged" and not delay:
        assert states["urn:kg-test:big"] == OLD

    report = push(new, again.query_url, replace=True)  # the next push finishes the job and cleans up
    assert {g: state_of(store, g) for g in SIZES} == dict.fromkeys(SIZES, NEW)
    assert not [g for g in server_graphs(store) if g.startswith(STAGING)]
    assert report.dropped_staging in (0, 1)


# ---------------------------------------------------------------------------------------------- errors


def test_unreachable_server_is_named():
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(RemoteUnreachable, match="connection refused") as caught:
        RemoteStore(url).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert "127.0.0.1" in str(caught.value)
    result = runner.invoke(app, ["query", "members", "-p", "association=Region 10", "--endpoint", url])
    assert result.exit_code == 2
    assert url in result.output and "connection refused" in result.output


def test_a_server_error_carries_the_servers_message(remote):
    with pytest.raises(RemoteHTTPError) as caught:
        remote.select("SELECT * WHERE { ?s ?p ")
    assert caught.value.status == 400
    assert "HTTP 400 Bad Request: error at" in str(caught.value)


class Canned(http.server.BaseHTTPRequestHandler):
    """Answers every request with the class's status and message, and remembers the requests' headers."""

    status = 503
    message = "the database is being maintained"
    seen: list[dict[str, str]]

    def _answer(self) -> None:
        type(self).seen.append(dict(self.headers))
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = self.message.encode()
        self.send_response(self.status)
        if self.status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="kg"')
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def canned():
    """A tiny loopback HTTP server; set ``handler.status`` and ``handler.message``."""
    handler = type("Handler", (Canned,), {"seen": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield handler, f"http://127.0.0.1:{httpd.server_address[1]}/query"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_http_5xx_shows_the_servers_message(canned):
    _, url = canned
    result = runner.invoke(app, ["query", "members", "-p", "association=Region 10", "--endpoint", url])
    assert result.exit_code == 2
    assert "HTTP 503" in result.output and "the database is being maintained" in result.output


def test_authentication_refused_and_credentials_never_shown(canned, monkeypatch):
    handler, url = canned
    handler.status, handler.message = 401, "bad credentials"
    monkeypatch.setenv("KG_SPARQL_USER", "alice")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "s3cret-pw")
    result = runner.invoke(app, ["analyze", "--endpoint", url])
    assert result.exit_code == 2
    assert "authentication refused" in result.output and "bad credentials" in result.output
    assert "s3cret" not in result.output and "alice" not in result.output
    token = base64.b64encode(b"alice:s3cret-pw").decode()
    assert handler.seen and all(h.get("Authorization") == f"Basic {token}" for h in handler.seen)


def test_credentials_from_netrc(canned, monkeypatch, tmp_path):
    handler, url = canned
    handler.status = 403
    netrc_file = tmp_path / "netrc"
    netrc_file.write_text("machine 127.0.0.1 login bob password from-netrc\n", encoding="utf-8")
    netrc_file.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc_file))
    with pytest.raises(RemoteAuthError, match="access refused"):
        RemoteStore(url).ask("ASK {}")
    assert handler.seen[0]["Authorization"] == "Basic " + base64.b64encode(b"bob:from-netrc").decode()


def test_credentials_in_the_url_are_refused():
    with pytest.raises(RemoteError, match="not in the URL") as caught:
        RemoteStore("http://alice:s3cret@127.0.0.1:1/query")
    assert "s3cret" not in str(caught.value)


@pytest.fixture
def silent():
    """A loopback server that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    finally:
        stop.set()
        thread.join(2)
        for conn in held:
            conn.close()
        listener.close()


def test_a_server_that_never_answers_times_out(silent):
    started = time.monotonic()
    with pytest.raises(RemoteTimeout, match=r"did not answer within 0\.3 s"):
        RemoteStore(silent, timeout=0.3).select("SELECT * WHERE { ?s ?p ?o }")
    result = runner.invoke(app, ["query", "people", "--endpoint", silent, "--http-timeout", "0.3"])
    assert result.exit_code == 3
    assert "--http-timeout" in result.output
    assert time.monotonic() - started < 10


# ---------------------------------------------------------------------------------------------- kg serve


def test_kg_serve_answers_refuses_updates_and_stops_on_ctrl_c(built, tmp_path):
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port), "--graph", str(built.output), "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=tmp_path,
        env=env,
        preexec_fn=ctrl_c_default,  # stopped with SIGINT below
    )
    try:
        lines: list[str] = []
        deadline = time.monotonic() + 30
        while not any(line.startswith("endpoint:") for line in lines):
            assert time.monotonic() < deadline and process.poll() is None, lines
            lines.append(process.stdout.readline())
        url = next(line for line in lines if line.startswith("endpoint:")).split()[1]
        assert url == f"http://127.0.0.1:{port}/query"

        store = RemoteStore(url, update_url=url.replace("/query", "/update"))
        assert store.ask("ASK { ?m a kg:Municipality }")
        assert sum(server_graphs(store).values()) == sum(local_graphs(built.output).values())
        with pytest.raises(RemoteAuthError, match="read-only"):
            store.update("CLEAR ALL")
        with pytest.raises(RemoteAuthError, match="read-only"):
            store.http.request("PUT", url.replace("/query", "/store?default"), b"", {"Content-Type": "text/turtle"})

        process.send_signal(signal.SIGINT)
        assert process.wait(15) in (0, 130)
        lines += process.stdout.read().splitlines(keepends=True)
        assert "stopped.\n" in lines
        # only our own lines: the backend servers' "Listening for requests at …" (their loopback
        # ports, not the address to use) stay in their log
        assert not any("Listening" in line for line in lines), lines
        assert re.findall(r"http://\S+", "".join(lines)) == [url, url.removesuffix("query")]
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            pass
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_serving_beyond_loopback_warns(monkeypatch, tmp_path):
    import kg.server.oxigraph

    def no_store(*args, **kwargs):
        raise kg.server.oxigraph.ServerError("stop here")

    monkeypatch.setattr(kg.server.oxigraph, "load_store", no_store)
    warnings: list[str] = []
    with pytest.raises(kg.server.oxigraph.ServerError):
        kg.server.oxigraph.serve(tmp_path / "graph.trig", host="0.0.0.0", echo=lambda text: None, warn=warnings.append)
    assert warnings and "0.0.0.0" in warnings[0] and "anyone" in warnings[0]
