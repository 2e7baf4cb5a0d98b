"""The graph on a real SPARQL server: ``kg serve`` (Oxigraph, read-only) and ``kg push`` (any server).

We write no server. :func:`serve` starts the Oxigraph server (the ``oxigraph`` command of the PyPI
package ``oxigraph``) read-only on a store loaded from ``build/graph.trig``. :func:`push` uploads the
named graphs of the dataset to any server that speaks the SPARQL 1.1 Graph Store HTTP Protocol and
SPARQL 1.1 Update (Oxigraph, Fuseki, GraphDB, Virtuoso).

How a push replaces a graph without ever leaving it half-written:

1. the new content is uploaded (``PUT``, N-Triples) to a fresh *staging* graph
   ``https://w3id.org/samverkan/id/graph/staging/<random>``;
2. its triple count is checked with a SPARQL ``COUNT``;
3. one SPARQL Update, ``MOVE GRAPH <staging> TO GRAPH <target>``, swaps it in;
4. the target's count is checked again.

The guarantee rests on step 3: a SPARQL Update request runs in one transaction on Oxigraph (its
documentation: "either the full operation succeeds, or nothing is written"), on Fuseki (TDB2) and
on GraphDB. A Graph Store ``PUT`` straight onto the target would not do: Oxigraph's server clears
the graph and loads the new content in two separate transactions, so a crash between them leaves
the graph empty. A push stopped at any moment therefore leaves each graph with its old or its new
content; a staging graph left behind by a killed push is dropped by the next push.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.core.errors import KgError
from kg.core.namespaces import ANALYSIS_GRAPH, SOURCE_PREFIX
from kg.query.http import DEFAULT_HTTP_TIMEOUT, HttpClient, RemoteError, RemoteHTTPError, check_url, is_loopback
from kg.query.stores import RemoteStore

STAGING = "https://w3id.org/samverkan/id/graph/staging/"
DEFAULT_PORT = 7878
DEFAULT_QUERY_TIMEOUT = 30.0


class ServerError(KgError):
    """The Oxigraph server is missing, cannot start, or stopped."""


class PushError(KgError):
    """A push was refused or its result does not match the dataset."""


# ---------------------------------------------------------------------------------------------- the server


def oxigraph_command() -> str:
    """The ``oxigraph`` executable: beside this Python (a virtualenv), else on the PATH."""
    beside = shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    found = beside or shutil.which("oxigraph")
    if not found:
        raise ServerError("the Oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on now (the system picks it)."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as sock:
        sock.bind((host.strip("[]"), 0))
        return sock.getsockname()[1]


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _port_taken(host: str, port: int) -> bool:
    with socket.socket(_family(host), socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), port))
        except OSError:
            return True
    return False


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM when the process that started it dies, so it is never orphaned."""
    import ctypes

    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _netloc(host: str, port: int) -> str:
    return f"[{host.strip('[]')}]:{port}" if ":" in host else f"{host}:{port}"


@dataclass
class OxigraphServer:
    """An ``oxigraph serve`` (or ``serve-read-only``) child process on ``host:port``.

    ``location`` is the store directory (None: in memory, read-write only). The default graph is
    the union of the named graphs (``--union-default-graph``), as our queries expect.
    """

    location: Path | None = None
    host: str = "127.0.0.1"
    port: int = 0
    read_only: bool = False
    log: IO[Any] | None = None
    timeout: float | None = None  # seconds after which the server stops a query (None: never)
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://{_netloc(self.host, self.port)}"

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    @property
    def update_url(self) -> str:
        return self.url + "/update"

    @property
    def store_url(self) -> str:
        return self.url + "/store"

    def command(self) -> list[str]:
        mode = "serve-read-only" if self.read_only else "serve"
        command = [oxigraph_command(), mode, "--bind", _netloc(self.host, self.port), "--union-default-graph"]
        if self.timeout:
            command += ["--timeout-s", str(max(1, math.ceil(self.timeout)))]
        if self.location is not None:
            command[2:2] = ["--location", str(self.location)]
        elif self.read_only:
            raise ServerError("a read-only server needs a store directory")
        return command

    def start(self, ready_timeout: float = 30.0) -> OxigraphServer:
        """Start the server and wait until it answers HTTP; raise :class:`ServerError` if it cannot."""
        if not self.port:
            self.port = free_port(self.host)
        elif _port_taken(self.host, self.port):
            raise ServerError(f"port {self.port} on {self.host} is in use (choose another with --port)")
        preexec = _die_with_parent if sys.platform == "linux" else None
        self.process = subprocess.Popen(
            self.command(), stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log, preexec_fn=preexec
        )
        deadline = time.monotonic() + ready_timeout
        while True:
            code = self.process.poll()
            if code is not None:
                self.process = None
                raise ServerError(f"the Oxigraph server exited with code {code} before it answered{self._log_tail()}")
            if self._answers():
                return self
            if time.monotonic() > deadline:
                self.stop()
                raise ServerError(f"the Oxigraph server did not answer on {self.url} within {ready_timeout:g} s")
            time.sleep(0.05)

    def _answers(self) -> bool:
        try:
            with socket.create_connection((self.host.strip("[]"), self.port), timeout=0.5):
                pass
            status, _, _ = HttpClient(timeout=2.0, lookup=False).request("GET", self.url + "/")
            return status == 200
        except (OSError, RemoteError):
            return False

    def _log_tail(self) -> str:
        name = getattr(self.log, "name", None)
        if not isinstance(name, str) or not Path(name).is_file():
            return ""
        self.log.flush()
        tail = Path(name).read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        return (": " + " / ".join(tail)) if tail else ""

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace: float = 10.0) -> int | None:
        """Stop the server (SIGTERM, then SIGKILL after ``grace`` seconds); return its exit code."""
        process, self.process = self.process, None
        if process is None:
            return None
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                process.kill()
        return process.wait()

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        process, self.process = self.process, None
        if process is not None:
            process.kill()
            process.wait()

    def __enter__(self) -> OxigraphServer:
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def load_store(graph_file: Path, location: Path | None = None) -> Path:
    """An Oxigraph store directory holding ``graph_file`` (``oxigraph load``).

    The store is ``<graph_file's folder>/oxigraph`` and is reloaded only when the graph file
    changed (its SHA-256 is kept in ``oxigraph.source``). It is loaded into a fresh folder that then
    replaces the old one, so a failed load never leaves a half-filled store.
    """
    from kg.core.locking import clean_leftovers, locked

    graph_file = Path(graph_file)
    location = Path(location) if location is not None else graph_file.parent / "oxigraph"
    with locked(location.parent):  # two `kg serve` (or a build) never swap the store under each other
        clean_leftovers(location.parent)  # a store half-loaded by a killed `kg serve`
        return _load_store(graph_file, location)


def _load_store(graph_file: Path, location: Path) -> Path:
    stamp = location.with_name(location.name + ".source")
    digest = _digest(graph_file)
    if location.is_dir() and stamp.is_file():
        with contextlib.suppress(ValueError, OSError):
            if json.loads(stamp.read_text(encoding="utf-8")).get("sha256") == digest:
                return location
    location.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=location.name + ".loading-", dir=location.parent))
    try:
        run = subprocess.run(
            [
                oxigraph_command(),
                "load",
                "--location",
                str(fresh),
                "--file",
                str(graph_file),
                "--format",
                "nq" if graph_file.suffix == ".nq" else "trig",
            ],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            raise ServerError(f"not a TriG graph file: {_load_error(run.stderr)}", file=graph_file)
        stamp.unlink(missing_ok=True)
        if location.exists():
            old = location.with_name(location.name + f".old-{uuid.uuid4().hex[:8]}")
            location.rename(old)
            shutil.rmtree(old, ignore_errors=True)
        fresh.rename(location)
        stamp.write_text(json.dumps({"graph": str(graph_file.resolve()), "sha256": digest}), encoding="utf-8")
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return location


def check_port(port: int) -> int:
    """Refuse a number that is not a TCP port.

    >>> check_port(99999)
    Traceback (most recent call last):
    ...
    kg.server.oxigraph.ServerError: --port 99999: a TCP port is a number from 1 to 65535
    """
    if not 1 <= port <= 65535:
        raise ServerError(f"--port {port}: a TCP port is a number from 1 to 65535")
    return port


def _load_error(stderr: str) -> str:
    """The one line that says why ``oxigraph load`` failed, without its Rust backtrace.

    >>> _load_error("Some files ...\\nError while loading file x: Parser error at line 1\\nStack backtrace:\\n 0: a")
    'Parser error at line 1'
    """
    for pattern in (r"Error while loading file .*?: (.*)", r"on an `Err` value: (.*)", r"^Error: (.*)"):
        found = re.search(pattern, stderr, re.MULTILINE)
        if found:
            return found.group(1).strip()[:300]
    lines = [line for line in stderr.splitlines() if line.strip() and not line.startswith("Some files like")]
    return lines[0].strip()[:300] if lines else "unknown error"


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(
    graph_file: Path,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    location: Path | None = None,
    echo: Callable[[str], None] = print,
    warn: Callable[[str], None] | None = None,
    timeout: float | None = DEFAULT_QUERY_TIMEOUT,
    allow_service: bool = False,
    workers: int | None = None,
) -> int:
    """Serve ``graph_file`` read-only with the Oxigraph server until Ctrl-C or SIGTERM; return 0.

    The server binds to ``host`` (loopback unless asked otherwise), refuses SPARQL Update and Graph
    Store writes (``serve-read-only``), and its default graph is the union of the named graphs.
    Clients talk to a gateway on ``host:port`` (:mod:`kg.server.gateway`) that refuses federated queries
    (SERVICE) unless ``allow_service``, and passes each request to one of ``workers`` read-only
    Oxigraph servers on loopback ports; a query still running after ``timeout`` seconds (``None``:
    never) is stopped by killing its server, which is then replaced.
    """
    from kg.server.gateway import Gateway, Pool

    warn = warn or echo
    check_port(port)
    if not is_loopback(host):
        warn(f"warning: serving on {host}: anyone who can reach this address and port can read the graph")
    store = load_store(graph_file, location)
    if _port_taken(host, port):
        raise ServerError(f"port {port} on {host} is in use (choose another with --port)")
    public = OxigraphServer(store, host=host, port=port)  # only for its URLs: the gateway listens there
    pool = proxy = None
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm)
    # the backend servers' own output ("Listening for requests at http://127.0.0.1:…", their
    # loopback ports) goes to a log, not the terminal: the gateway's URL is the one to use, and a
    # server that fails quotes the end of that log in its error
    logs = tempfile.TemporaryDirectory(prefix="kg-serve-")
    log = open(Path(logs.name) / "oxigraph.log", "a", encoding="utf-8")  # noqa: SIM115 (closed below)
    try:
        size = workers or max(2, min(4, os.cpu_count() or 2))
        pool = Pool(lambda: OxigraphServer(store, host="127.0.0.1", read_only=True, log=log), size)
        try:
            proxy = Gateway(host, port, pool, allow_service, timeout)
        except OSError as exc:
            raise ServerError(f"cannot listen on {_netloc(host, port)}: {exc.strerror or exc}") from None
        proxy.start()
        echo(f"serving:   {graph_file} (read-only, Oxigraph)")
        echo(f"endpoint:  {public.query_url}")
        echo(f"query page: {public.url}/")
        limits = f"queries stop after {math.ceil(timeout)} s" if timeout else "no query time limit"
        federation = "federated queries (SERVICE) allowed" if allow_service else "federated queries (SERVICE) refused"
        echo(f"limits:    {limits}; {federation}")
        echo("Press Ctrl-C to stop.")
        while True:  # a killed (timed-out) server is replaced by the pool; stop when none is left
            time.sleep(0.5)
            if not pool.all:
                raise ServerError("the Oxigraph servers stopped by themselves")
    except KeyboardInterrupt:
        echo("stopped.")
        return 0
    finally:
        if proxy is not None:
            proxy.stop()
        if pool is not None:
            pool.close()
        log.close()
        logs.cleanup()
        signal.signal(signal.SIGTERM, previous)


# ---------------------------------------------------------------------------------------------- push


def derive_urls(endpoint: str) -> tuple[str | None, str | None]:
    """The Graph Store and Update URLs that go with a query endpoint, where the server's layout is known.

    >>> derive_urls("http://127.0.0.1:7878/query")  # Oxigraph
    ('http://127.0.0.1:7878/store', 'http://127.0.0.1:7878/update')
    >>> derive_urls("http://localhost:3030/kg/sparql")  # Fuseki
    ('http://localhost:3030/kg/data', 'http://localhost:3030/kg/update')
    >>> derive_urls("http://localhost:7200/repositories/kg")  # GraphDB
    ('http://localhost:7200/repositories/kg/rdf-graphs/service', 'http://localhost:7200/repositories/kg/statements')
    >>> derive_urls("http://example.org/endpoint")
    (None, None)
    """
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")

    def url(new_path: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, parts.netloc, new_path, "", ""))

    if re.search(r"/repositories/[^/]+$", path):
        return url(path + "/rdf-graphs/service"), url(path + "/statements")
    head, _, last = path.rpartition("/")
    if last == "query":
        return url(head + "/store"), url(head + "/update")
    if last == "sparql":
        return url(head + "/data"), url(head + "/update")
    return None, None


@dataclass
class PushedGraph:
    """One graph of a push: its name, its triples, and whether it was ``added`` or ``replaced``."""

    name: str
    triples: int
    action: str


@dataclass
class PushReport:
    """What a push did."""

    endpoint: str
    graphs: list[PushedGraph] = field(default_factory=list)
    untouched: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    dropped_staging: int = 0

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def summary(self) -> str:
        lines = [f"verified:  {len(self.graphs)} graphs, {self.triples} triples on {self.endpoint}"]
        if self.pruned:
            what = (
                "of sources that no longer exist"
                if all(g.startswith(SOURCE_PREFIX) for g in self.pruned)
                else "the dataset no longer has (a source's or the analysis of an earlier build)"
            )
            lines.append(f"removed:   {len(self.pruned)} graph(s) {what}: {_listed(self.pruned)}")
        if self.untouched:
            lines.append(
                f"untouched: {len(self.untouched)} other graph(s) on the server, not in this dataset: "
                f"{_listed(self.untouched)}"
            )
        if self.dropped_staging:
            lines.append(f"cleaned:   {self.dropped_staging} staging graph(s) left by an interrupted push")
        return "\n".join(lines)


def _listed(graphs: list[str], limit: int = 3) -> str:
    """``<a>, <b>, <c> (+2)``: no words, so that the summary reads the same in every language."""
    shown = ", ".join(f"<{g}>" for g in graphs[:limit])
    return shown + (f" (+{len(graphs) - limit})" if len(graphs) > limit else "")


def _local_store(source: Any):
    """A pyoxigraph Store for a graph file, an rdflib Dataset or a pyoxigraph Store."""
    import pyoxigraph as ox

    from kg.query.stores import OxigraphStore

    if isinstance(source, ox.Store):
        return source
    if isinstance(source, str | Path):
        path = Path(source)
        if not path.is_file():
            raise KgError("graph file not found (run `kg build`)", file=path)
        return OxigraphStore.from_file(path).store
    return OxigraphStore.from_dataset(source).store


def local_graphs(source: Any) -> dict[str, int]:
    """Triple counts of the named graphs of a dataset (a graph file, rdflib Dataset or pyoxigraph Store)."""
    import pyoxigraph as ox

    store = _local_store(source)
    default = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if default:
        raise PushError(f"the dataset has {default} triple(s) outside any named graph; push sends named graphs only")
    return {
        graph.value: sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
        for graph in sorted(store.named_graphs(), key=lambda g: g.value)
    }


def _ntriples(store, graph: str) -> bytes:
    import pyoxigraph as ox

    quads = store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
    return ox.serialize((q.triple for q in quads), format=ox.RdfFormat.N_TRIPLES) or b""


def server_graphs(remote: RemoteStore) -> dict[str, int]:
    """Triple counts of the named graphs on the server."""
    _, rows = remote.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {str(row["g"]): int(row["n"]) for row in rows if "g" in row}


def _count(remote: RemoteStore, graph: str) -> int:
    _, rows = remote.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(rows[0]["n"]) if rows and "n" in rows[0] else 0


def _with_graph(url: str, graph: str) -> str:
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode({"graph": graph})


def _derived_from_sources(graph: str) -> bool:
    """Whether a graph on the server is one that ``kg`` writes from the sources and a push prunes when
    the dataset no longer has it: a source document's, or the analysis graph."""
    return graph.startswith(SOURCE_PREFIX) or graph == str(ANALYSIS_GRAPH)


def push(
    source: Any,
    endpoint: str,
    *,
    store_url: str | None = None,
    update_url: str | None = None,
    replace: bool = False,
    http_timeout: float | None = DEFAULT_HTTP_TIMEOUT,
    auth: tuple[str, str] | None = None,
    progress: Callable[[str, str, int], None] | None = None,
    prune: bool | None = None,
) -> PushReport:
    """Upload every named graph of ``source`` to the server at ``endpoint`` (its SPARQL query URL).

    Graphs go one by one through a staging graph and a ``MOVE`` (see the module's text), so each
    graph on the server is at every moment either its old or its new content. Without ``replace``
    a push refuses, before writing anything, when the server already has any of the graphs.
    Counts are verified after every graph and once more at the end. ``progress(event, graph,
    triples)`` is called with the events ``upload``, ``staged`` and ``moved``.

    ``prune`` (default: the value of ``replace``) removes, after every graph is in place, the
    graphs of source documents (``…/id/source/…``) and the analysis graph (``…/id/graph/analysis``,
    which a build drops when a source changes) that the server has and the dataset no longer has,
    in one SPARQL Update (one transaction: all of them go, or none). Other graphs are left alone.
    """
    if prune is None:
        prune = replace
    check_url(endpoint)
    derived_store, derived_update = derive_urls(endpoint)
    store_url = store_url or derived_store
    update_url = update_url or derived_update
    if store_url is None or update_url is None:
        missing = "--store-url" if store_url is None else "--update-url"
        raise PushError(f"cannot tell the server's Graph Store and Update URLs from {endpoint}; give {missing}")
    check_url(store_url, "--store-url")
    check_url(update_url, "--update-url")
    notify = progress or (lambda event, graph, triples: None)

    local = _local_store(source)
    counts = local_graphs(local)
    remote = RemoteStore(endpoint, update_url=update_url, timeout=http_timeout, auth=auth, union_default_graph=False)
    report = PushReport(endpoint)

    before = server_graphs(remote)
    for leftover in sorted(g for g in before if g.startswith(STAGING)):
        remote.update(f"DROP SILENT GRAPH <{leftover}>")
        report.dropped_staging += 1
    existing = [g for g in counts if before.get(g)]
    if existing and not replace:
        listed = ", ".join(f"<{g}>" for g in existing[:3]) + (" …" if len(existing) > 3 else "")
        raise PushError(
            f"the server already has {len(existing)} of these graphs ({listed}); "
            "push --replace swaps each one for the new content"
        )
    report.untouched = sorted(g for g in before if g not in counts and not g.startswith(STAGING))
    # what the dataset no longer has and kg wrote: graphs of removed sources, and the analysis graph, which
    # a build drops when a source changes (left on the server, its clusters described the old data)
    stale = [g for g in report.untouched if _derived_from_sources(g)] if prune else []

    for graph, triples in counts.items():
        staging = STAGING + uuid.uuid4().hex
        notify("upload", graph, triples)
        try:
            body = _ntriples(local, graph)
            try:
                remote.http.request(
                    "PUT", _with_graph(store_url, staging), body, {"Content-Type": "application/n-triples"}
                )
            except RemoteHTTPError as exc:
                if exc.status in (404, 405):
                    exc.message += " (is --store-url the server's Graph Store URL?)"
                raise
            staged = _count(remote, staging)
            if staged != triples:
                raise PushError(f"<{graph}>: the server holds {staged} staged triples, not {triples}")
            notify("staged", graph, triples)
            remote.update(f"MOVE GRAPH <{staging}> TO GRAPH <{graph}>")
        except BaseException:
            with contextlib.suppress(Exception):
                remote.update(f"DROP SILENT GRAPH <{staging}>")
            raise
        moved = _count(remote, graph)
        if moved != triples:
            raise PushError(f"<{graph}>: the server holds {moved} triples after the push, not {triples}")
        report.graphs.append(PushedGraph(graph, triples, "replaced" if before.get(graph) else "added"))
        notify("moved", graph, triples)

    if stale:  # sources that no longer exist: all in one transaction, once every graph is in place
        remote.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in stale))
        report.pruned = stale
        report.untouched = [g for g in report.untouched if g not in stale]
        notify("pruned", "", len(stale))
    after = server_graphs(remote)
    left = [g for g in stale if after.get(g)]
    if left:
        raise PushError(f"<{left[0]}> (a graph the dataset no longer has) is still on the server after the push")
    wrong = [g for g, n in counts.items() if after.get(g, 0) != n]
    if wrong:
        got = ", ".join(f"<{g}>: {after.get(g, 0)} not {counts[g]}" for g in wrong[:3])
        raise PushError(f"triple counts differ after the push ({got})")
    return report


__all__ = [
    "STAGING",
    "OxigraphServer",
    "PushError",
    "PushReport",
    "ServerError",
    "derive_urls",
    "free_port",
    "load_store",
    "local_graphs",
    "push",
    "serve",
    "server_graphs",
]
