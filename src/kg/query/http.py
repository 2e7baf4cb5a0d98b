"""The HTTP client of the remote store: SPARQL 1.1 Protocol requests with time-outs, credentials from
``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD`` or ``~/.netrc`` (never from the URL, never shown), and
clear errors for unreachable servers, refused credentials, time-outs and HTTP errors.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import netrc
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request

from kg.core.errors import KgError
from kg.query.http_safety import DeadlinePassed, RequestRefused, origin, redact, send

DEFAULT_HTTP_TIMEOUT = 30.0
USER_ENV, PASSWORD_ENV = "KG_SPARQL_USER", "KG_SPARQL_PASSWORD"
_MESSAGE_LIMIT = 500


class RemoteError(KgError):
    """A SPARQL server could not be used: unreachable, refused, timed out, or answered with an error."""


class RemoteUnreachable(RemoteError):
    """Nothing answers at the address (connection refused, unknown host, no route)."""


class RemoteTimeout(RemoteError):
    """The server did not answer within the HTTP timeout."""


class RemoteAuthError(RemoteError):
    """The server refused the credentials (HTTP 401) or the access (HTTP 403)."""


class RemoteHTTPError(RemoteError):
    """The server answered with HTTP 4xx or 5xx."""

    status: int = 0


def is_loopback(host: str | None) -> bool:
    """True for ``localhost`` and loopback addresses.

    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost"), is_loopback("example.org")
    (True, True, True, False)
    """
    if not host:
        return False
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, what: str = "--endpoint") -> urllib.parse.SplitResult:
    """Parse an http(s) URL; refuse other schemes and credentials written into the URL.

    >>> check_url("http://127.0.0.1:7878/query").port
    7878
    >>> check_url("http://me:secret@example.org/sparql")
    Traceback (most recent call last):
    ...
    kg.query.http.RemoteError: --endpoint: put credentials in KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc, ...
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError(f"{what}: expected an http:// or https:// URL, not {redact(url)!r}")
    if parts.username is not None or parts.password is not None:
        raise RemoteError(f"{what}: put credentials in {USER_ENV}/{PASSWORD_ENV} or ~/.netrc, not in the URL")
    return parts


def credentials(url: str, use_environment: bool = True) -> tuple[str, str] | None:
    """User and password for ``url``: ``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD`` (unless
    ``use_environment`` is false), else the netrc entry of its host.

    The netrc file is ``$NETRC`` or ``~/.netrc``. Credentials are never printed.
    """
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if use_environment and (user or password):
        return user or "", password or ""
    host = urllib.parse.urlsplit(url).hostname or ""
    path = os.environ.get("NETRC") or None
    try:
        found = netrc.netrc(path).authenticators(host)
    except FileNotFoundError:
        return None
    except netrc.NetrcParseError as exc:  # its message names the file and line, never a password
        raise RemoteError(f"cannot read the netrc file: {exc.msg}", file=exc.filename, line=exc.lineno) from None
    except OSError:
        return None
    if not found:
        return None
    login, _account, secret = found
    return login or "", secret or ""


class HttpClient:
    """Plain HTTP with Basic authentication, a total deadline per request, a cap on the answer's
    size, and errors that say what went wrong (:mod:`kg.query.http_safety`).

    Loopback addresses are reached directly (never through a proxy). Credentials are sent, never
    shown, and only where they belong: ``auth`` and ``KG_SPARQL_USER``/``KG_SPARQL_PASSWORD`` only to
    the *home* origin (scheme, host and port of ``home``, else of the first request), a netrc entry
    only to its own host; no redirect to another origin is followed.
    """

    def __init__(
        self,
        timeout: float | None = DEFAULT_HTTP_TIMEOUT,
        auth: tuple[str, str] | None = None,
        lookup: bool = True,
        home: str | None = None,
    ):
        self.timeout = timeout
        self._auth = auth
        self._lookup = lookup
        self._home = origin(home) if home else None
        self._found: dict[tuple, tuple[str, str] | None] = {}

    def _authorization(self, url: str) -> str | None:
        where = origin(url)
        if self._home is None:
            self._home = where
        if self._auth is not None:
            found = self._auth if where == self._home else None
        elif not self._lookup:
            found = None
        else:
            if where not in self._found:
                self._found[where] = credentials(url, use_environment=where == self._home)
            found = self._found[where]
        if found is None:
            return None
        token = base64.b64encode(f"{found[0]}:{found[1]}".encode()).decode("ascii")
        return f"Basic {token}"

    def request(
        self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """Send one request; return status, headers (lower-case names) and body, or raise a :class:`RemoteError`."""
        parts = check_url(url, "URL")
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
        request.add_header("User-Agent", "samverkan-kg")
        authorization = self._authorization(url)
        if authorization:
            request.add_header("Authorization", authorization)
        where = _redact(url)
        try:
            return send(request, self.timeout, direct=is_loopback(parts.hostname))
        except DeadlinePassed:
            raise self._timeout(where) from None
        except RequestRefused as exc:
            raise RemoteError(str(exc)) from None
        except urllib.error.HTTPError as exc:
            raise _http_error(exc, method, where) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise self._timeout(where) from None
            if isinstance(reason, ConnectionRefusedError):
                raise RemoteUnreachable(f"cannot reach {where}: connection refused (is the server running?)") from None
            if isinstance(reason, socket.gaierror):
                raise RemoteUnreachable(f"cannot reach {where}: unknown host {parts.hostname!r}") from None
            raise RemoteUnreachable(f"cannot reach {where}: {reason}") from None
        except TimeoutError:
            raise self._timeout(where) from None
        except (OSError, http.client.HTTPException) as exc:
            raise RemoteUnreachable(f"lost the connection to {where}: {exc}") from None

    def _timeout(self, where: str) -> RemoteTimeout:
        return RemoteTimeout(f"{where} did not answer within {self.timeout:g} s (see --http-timeout)")


def _redact(url: str) -> str:
    """The URL without credentials or query string (which may hold a whole SPARQL query)."""
    return redact(url)


def server_message(body: bytes, content_type: str = "") -> str:
    """The readable part of an error body, on one line, truncated.

    >>> server_message(b"<html><body><h1>Error</h1><p>Parse error:   line 1</p></body></html>", "text/html")
    'Error Parse error: line 1'
    """
    text = body.decode("utf-8", errors="replace")
    if "html" in content_type.lower() or text.lstrip().startswith("<"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


def _http_error(exc: urllib.error.HTTPError, method: str, where: str) -> RemoteError:
    body = getattr(exc, "body", None)
    if body is None:
        try:
            body = exc.read()
        except OSError:
            body = b""
    message = server_message(body, exc.headers.get("Content-Type", "") if exc.headers else "")
    status = f"HTTP {exc.code} {exc.reason}".rstrip()
    said = f": {message}" if message else ""
    if exc.code == 401:
        error: RemoteError = RemoteAuthError(
            f"authentication refused by {where} ({status}){said}; "
            f"set {USER_ENV} and {PASSWORD_ENV}, or add the host to ~/.netrc"
        )
    elif exc.code == 403:
        error = RemoteAuthError(f"access refused by {where} ({status}){said}")
    else:
        error = RemoteHTTPError(f"{method} {where} failed with {status}{said}")
        error.status = exc.code
    return error
