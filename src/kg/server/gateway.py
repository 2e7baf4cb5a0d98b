"""The gateway of ``kg serve``: what clients talk to, in front of Oxigraph servers on loopback ports.

The Oxigraph server can neither turn federated queries (SERVICE) off nor stop a query it has started
(its ``--timeout-s`` answers with an error but the evaluation goes on, keeping a core busy). So
``kg serve`` puts this small HTTP gateway on the public address and runs a pool of read-only
Oxigraph servers (``serve-read-only``, which may share one store) on free loopback ports:

- a request whose query or update uses SERVICE is answered with HTTP 403, unless ``--allow-service``
  (:func:`kg.query.federation.uses_service`);
- every other request goes, unchanged, to an idle server of the pool, which handles one request at a
  time; a request still running after ``--timeout`` seconds is answered with HTTP 503, and its server
  is killed (the work really stops) and replaced by a fresh one, without touching the other servers'
  requests.
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import queue
import socket
import threading
import urllib.parse
from collections.abc import Callable

from kg.query.federation import MESSAGE, uses_service

_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "host"}


def _queries(path: str, content_type: str, body: bytes) -> list[str]:
    """Every query or update text a SPARQL Protocol request carries."""
    texts = []
    for key, values in urllib.parse.parse_qs(urllib.parse.urlsplit(path).query, keep_blank_values=True).items():
        if key in ("query", "update"):
            texts += values
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        texts += form.get("query", []) + form.get("update", [])
    elif kind in ("application/sparql-query", "application/sparql-update"):
        texts.append(body.decode("utf-8", "replace"))
    return texts


class Pool:
    """``size`` servers made by ``make()`` (objects with ``.port``, ``.start()``, ``.kill()``,
    ``.stop()``); :meth:`take` lends an idle one, :meth:`give` returns it, :meth:`replace` kills it
    and starts a fresh one in the background."""

    def __init__(self, make: Callable[[], object], size: int):
        self.make = make
        self.idle: queue.Queue = queue.Queue()
        self.all: list = []
        self._lock = threading.Lock()
        self.closed = False
        for _ in range(size):
            self._add()
        # Replacements are started by one long-lived thread: on Linux a server dies with the thread
        # that started it (PR_SET_PDEATHSIG), so a short-lived thread would take its server along.
        self._wanted: queue.Queue = queue.Queue()
        threading.Thread(target=self._spawner, name="kg-serve-spawner", daemon=True).start()

    def _spawner(self) -> None:
        while self._wanted.get() is not None:
            with contextlib.suppress(Exception):
                self._add()

    def _add(self) -> None:
        server = self.make().start()
        with self._lock:
            if self.closed:
                server.stop()
                return
            self.all.append(server)
        self.idle.put(server)

    def take(self, wait: float | None):
        return self.idle.get(timeout=wait)

    def give(self, server) -> None:
        self.idle.put(server)

    def replace(self, server) -> None:
        server.kill()
        with self._lock:
            if server in self.all:
                self.all.remove(server)
        self._wanted.put(True)

    def close(self) -> None:
        with self._lock:
            self.closed = True
            servers, self.all = self.all, []
        self._wanted.put(None)
        for server in servers:
            with contextlib.suppress(Exception):
                server.stop(grace=2)

    def running(self) -> bool:
        with self._lock:
            return bool(self.all) and all(s.running() for s in self.all)


class _Handler(http.server.BaseHTTPRequestHandler):
    pool: Pool
    allow_service: bool
    timeout: float | None
    protocol_version = "HTTP/1.1"

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        texts = _queries(self.path, self.headers.get("Content-Type", ""), body)
        if not self.allow_service and any(uses_service(t) for t in texts):
            self._send(403, MESSAGE.format(how="kg serve --allow-service"))
            return
        try:
            server = self.pool.take(self.timeout)
        except queue.Empty:
            self._send(503, f"the server is busy: no query slot became free within {self.timeout:g} s")
            return
        stopped = threading.Event()

        def stop() -> None:  # the query ran too long: kill its server, which stops the work
            stopped.set()
            self.pool.replace(server)

        timer = threading.Timer(self.timeout, stop) if self.timeout and texts else None
        if timer is not None:
            timer.daemon = True
            timer.start()
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        connection = http.client.HTTPConnection("127.0.0.1", server.port)
        try:
            connection.request(self.command, self.path, body=body or None, headers=headers)
            answer = connection.getresponse()
            data = answer.read()
        except (OSError, http.client.HTTPException) as exc:
            answer, data = None, str(exc).encode()
        finally:
            connection.close()
            if timer is not None:
                timer.cancel()
        if stopped.is_set():
            self._send(503, f"the query ran longer than {self.timeout:g} s and was stopped (kg serve --timeout)")
            return
        self.pool.give(server)
        if answer is None:
            self._send(502, f"the Oxigraph server did not answer: {data.decode('utf-8', 'replace')}")
            return
        self.send_response(answer.status, answer.reason)
        for key, value in answer.getheaders():
            if key.lower() not in _HOP and key.lower() != "content-length":
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _send(self, status: int, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _forward

    def log_message(self, *args) -> None:
        pass


class Gateway:
    """The HTTP gateway on ``host:port`` in front of ``pool`` (see the module's text)."""

    def __init__(self, host: str, port: int, pool: Pool, allow_service: bool = False, timeout: float | None = None):
        handler = type("Handler", (_Handler,), {"pool": pool, "allow_service": allow_service, "timeout": timeout})
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        server_class = type("Server", (http.server.ThreadingHTTPServer,), {"address_family": family})
        self.httpd = server_class((host.strip("[]"), port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    def start(self) -> Gateway:
        self.thread.start()
        return self

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.httpd.shutdown()
        self.httpd.server_close()


__all__ = ["Gateway", "Pool"]
