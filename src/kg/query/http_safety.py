"""HTTP that cannot be held, flooded or redirected: what :class:`kg.query.http.HttpClient` sends requests with.

- **A total deadline per request.** ``--http-timeout`` bounds the whole request: connecting,
  sending, waiting and reading the answer. A watchdog shuts the connection down when the deadline
  passes, so a server that drips one byte a second cannot hold a command (a per-read timeout alone
  would wait forever).
- **A cap on the size of an answer**: ``KG_HTTP_MAX_MB`` megabytes (default 1024). A larger answer
  is refused, not read to the end.
- **No redirect that could leak credentials or swap the answer.** A redirect to another origin
  (scheme, host or port) is refused, whatever the method; a redirect of a POST or PUT is refused
  (it would turn the query into a GET of another URL); a GET may follow redirects on the same origin.
- **URLs are shown without credentials or query strings** (:func:`redact`).
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_MAX_MB = 1024
_CHUNK = 1 << 16


class RequestRefused(Exception):
    """A redirect was refused, or an answer was too large."""


class DeadlinePassed(Exception):
    """The request as a whole took longer than its deadline."""


def redact(url: str) -> str:
    """The URL without user, password and query string (which may hold a whole SPARQL query).

    >>> redact("http://alice:s3cret@example.org:8080/sparql?query=SELECT")
    'http://example.org:8080/sparql'
    """
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host + (f":{port}" if port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port of a URL (the default port filled in): where credentials may go.

    >>> origin("https://Example.org/a") == origin("https://example.org:443/b")
    True
    """
    parts = urllib.parse.urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def max_bytes() -> int:
    """The cap on an answer's size, from ``KG_HTTP_MAX_MB`` (default 1024 MB)."""
    try:
        return int(float(os.environ.get("KG_HTTP_MAX_MB", DEFAULT_MAX_MB)) * 1_000_000)
    except ValueError:
        return DEFAULT_MAX_MB * 1_000_000


class Deadline:
    """Shuts down every socket of one request when ``seconds`` have passed."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire) if seconds else None
        if self._timer is not None:
            self._timer.daemon = True
            self._started = time.monotonic()
            self._timer.start()

    def remaining(self) -> float | None:
        if self.seconds is None:
            return None
        return max(0.001, self.seconds - (time.monotonic() - self._started))

    def register(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


class _WatchedConnection:
    """A connection whose socket, once connected, the deadline shuts when the time is up."""

    def __init__(self, *args, deadline: Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self._deadline.register(self.sock)  # type: ignore[attr-defined]


class _Watched(_WatchedConnection, http.client.HTTPConnection):
    pass


class _WatchedTLS(_WatchedConnection, http.client.HTTPSConnection):
    pass


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(functools.partial(_Watched, deadline=self.deadline), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline):
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        extra = {"context": self._context}
        if hasattr(self, "_check_hostname"):  # Python 3.11
            extra["check_hostname"] = self._check_hostname
        return self.do_open(functools.partial(_WatchedTLS, deadline=self.deadline), req, **extra)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only for GET and HEAD, and only on the same origin."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urllib.parse.urljoin(req.full_url, newurl)
        if origin(target) != origin(req.full_url):
            raise RequestRefused(
                f"{redact(req.full_url)} redirected to another host ({redact(target)}); not followed, "
                "and no credentials were sent there: give the final URL"
            )
        if req.get_method() not in ("GET", "HEAD"):
            raise RequestRefused(
                f"{redact(req.full_url)} redirected a {req.get_method()} to {redact(target)} (HTTP {code}); "
                "not followed: give the final URL"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def send(request: urllib.request.Request, timeout: float | None, direct: bool) -> tuple[int, dict[str, str], bytes]:
    """Send ``request`` with a total deadline of ``timeout`` seconds and the size cap; return status,
    headers (lower-case names) and body. ``direct`` bypasses any proxy (loopback).

    Raises :class:`DeadlinePassed`, :class:`RequestRefused`, or what urllib raises
    (``HTTPError`` carries the body read under the same limits).
    """
    deadline = Deadline(timeout)
    handlers: list = [_HTTP(deadline), _HTTPS(deadline), _Redirects()]
    if direct:
        handlers.append(urllib.request.ProxyHandler({}))
    opener = urllib.request.build_opener(*handlers)
    limit = max_bytes()
    try:
        try:
            with opener.open(request, timeout=timeout) as response:
                body = read_capped(response, limit, request.full_url)
                status, headers = response.status, {k.lower(): v for k, v in response.headers.items()}
        except urllib.error.HTTPError as exc:
            with contextlib.suppress(OSError, http.client.HTTPException, RequestRefused):
                exc.body = read_capped(exc, min(limit, 1_000_000), request.full_url)
            if deadline.expired:
                raise DeadlinePassed() from None
            raise
        except (OSError, http.client.HTTPException, urllib.error.URLError):
            if deadline.expired:
                raise DeadlinePassed() from None
            raise
        if deadline.expired:  # the watchdog cut the answer short
            raise DeadlinePassed()
        return status, headers, body
    finally:
        deadline.cancel()


def read_capped(response, limit: int, url: str) -> bytes:
    """Read an answer to its end, refusing one larger than ``limit`` bytes."""
    length = response.headers.get("Content-Length") if response.headers else None
    if length and length.isdigit() and int(length) > limit:
        raise RequestRefused(f"the answer of {redact(url)} is {int(length):,} bytes, over the cap of {limit:,} bytes "
                             "(KG_HTTP_MAX_MB)")  # fmt: skip
    chunks, size = [], 0
    while True:
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise RequestRefused(f"the answer of {redact(url)} is over the cap of {limit:,} bytes (KG_HTTP_MAX_MB)")
        chunks.append(chunk)


__all__ = ["DeadlinePassed", "RequestRefused", "max_bytes", "origin", "redact", "send"]
