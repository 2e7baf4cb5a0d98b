"""Where queries run: a registry of stores found by name, all speaking SPARQL text.

- ``rdflib``: an in-memory rdflib ``Dataset`` (the reference engine).
- ``oxigraph``: a pyoxigraph ``Store`` (fast; in memory or on disk).
- ``remote``: any SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso).

Every store returns rdflib terms, and plain literals stay plain (Oxigraph reports them as
``xsd:string``; :func:`to_rdflib` turns them back) so results compare equal across engines.
Parameters are bound with a ``VALUES`` block placed at the start of the query's outermost group
(see :func:`bind_values`): the values are serialised RDF terms, never user text pasted into SPARQL,
and every engine evaluates them the same way.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import json
import netrc
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
import weakref
from collections.abc import Callable
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import KgError
from kg.http_safety import DeadlinePassed, RequestRefused, origin, redact, send
from kg.namespaces import PREFIXES

STORES: dict[str, Callable[..., Store]] = {}
_PREFIX_TEXT = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def register(name: str):
    """Register a store class under ``name``."""

    def add(cls):
        STORES[name] = cls
        cls.name = name
        return cls

    return add


def open_store(name: str, *args: Any, **kwargs: Any) -> Store:
    """A store by registry name.

    >>> open_store("rdflib", Dataset()).name
    'rdflib'
    """
    if name not in STORES:
        raise ValueError(f"unknown store {name!r}; known: {', '.join(STORES)}")
    return STORES[name](*args, **kwargs)


def with_prefixes(text: str) -> str:
    """The query with the project's prefixes declared (declarations in the text still win)."""
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z][\w-]*|):", text)}
    missing = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items() if k not in declared)
    return missing + text


def _top_level_braces(text: str) -> list[int]:
    """Offsets of every ``{`` at nesting depth 0, outside comments, strings and IRIs."""
    positions, depth, i, n = [], 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch == "<" and re.match(r"<[^\s<>\"{}|^`]*>", text[i:]):
            i += re.match(r"<[^\s<>\"{}|^`]*>", text[i:]).end()
            continue
        if ch in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if ch == "{":
            if depth == 0:
                positions.append(i)
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    return positions


def term_n3(term: URIRef | Literal | BNode) -> str:
    """An RDF term in SPARQL syntax, escaped (a value, never code).

    >>> term_n3(Literal('"} ; DROP ALL #'))
    '"\\\\"} ; DROP ALL #"'
    """
    if isinstance(term, URIRef):
        if re.search(r"[\s<>\"{}|^`\\]", str(term)):
            raise ValueError(f"not a valid IRI: {term!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise ValueError(f"cannot bind {term!r}")


def bind_values(text: str, bindings: dict[str, URIRef | Literal]) -> str:
    """Put ``VALUES (?a ?b) { (x y) }`` at the start of the outermost group of the query's WHERE.

    >>> print(bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"p": URIRef("urn:p")}))
    SELECT ?x WHERE { VALUES (?p) { (<urn:p>) }
     ?x ?p ?o }
    """
    if not bindings:
        return text
    braces = _top_level_braces(text)
    if not braces:
        raise ValueError("query has no WHERE clause to bind parameters in")
    body = re.sub(r"#[^\n]*", "", text)
    is_construct = re.search(r"\b(CONSTRUCT|INSERT|DELETE)\b", body, re.IGNORECASE) and not re.search(
        r"\bCONSTRUCT\s+WHERE\b", body, re.IGNORECASE
    )
    where = braces[1] if is_construct and len(braces) > 1 else braces[0]
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(term_n3(v) for v in bindings.values())
    return f"{text[: where + 1]} VALUES ({names}) {{ ({values}) }}\n{text[where + 1 :]}"


def bind_rows(text: str, variable: str, terms: list[URIRef]) -> str:
    """Like :func:`bind_values`, with one variable and many rows (``VALUES ?g { <a> <b> }``)."""
    braces = _top_level_braces(text)
    body = re.sub(r"#[^\n]*", "", text)
    two_part = re.search(r"\b(CONSTRUCT|INSERT|DELETE)\b", body, re.IGNORECASE) and not re.search(
        r"\bCONSTRUCT\s+WHERE\b", body, re.IGNORECASE
    )
    where = braces[1] if two_part and len(braces) > 1 else braces[0]
    values = " ".join(term_n3(t) for t in terms)
    return f"{text[: where + 1]} VALUES ?{variable} {{ {values} }}\n{text[where + 1 :]}"


def to_rdflib(term: Any) -> Any:
    """An rdflib term for a pyoxigraph term (plain literals stay plain)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unexpected term {term!r}")


def to_oxigraph(term: Any) -> Any:
    """A pyoxigraph term for an rdflib term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unexpected term {term!r}")


class Store:
    """Base class: run SPARQL text, return rdflib terms."""

    name = "store"

    def select(self, text: str) -> tuple[list[str], list[dict[str, Any]]]:
        raise NotImplementedError

    def ask(self, text: str) -> bool:
        raise NotImplementedError

    def construct(self, text: str) -> Graph:
        raise NotImplementedError

    def update(self, text: str) -> None:
        """Run a SPARQL Update."""
        raise NotImplementedError(f"the {self.name} store is read-only")

    def __len__(self) -> int:
        """The number of quads."""
        raise NotImplementedError

    def close(self) -> None:
        """Release what the store holds (a server connection, a file lock)."""


@register("rdflib")
class RdflibStore(Store):
    """Queries on an rdflib Dataset (the default graph is the union of the named graphs)."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset

    def _run(self, text: str):
        return self.dataset.query(with_prefixes(text))

    def select(self, text):
        result = self._run(text)
        variables = [str(v) for v in result.vars]
        rows = [{v: row[i] for i, v in enumerate(variables) if row[i] is not None} for row in result]
        return variables, rows

    def ask(self, text):
        return bool(self._run(text).askAnswer)

    def construct(self, text):
        graph = Graph()
        for triple in self._run(text):
            graph.add(triple)
        return graph

    def update(self, text):
        self.dataset.update(with_prefixes(text))

    def __len__(self):
        return sum(len(g) for g in self.dataset.graphs())


@register("oxigraph")
class OxigraphStore(Store):
    """Queries on a pyoxigraph Store, with the default graph as the union of the named graphs."""

    def __init__(self, store=None, path=None):
        import pyoxigraph as ox

        self.store = store if store is not None else (ox.Store(str(path)) if path else ox.Store())

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> OxigraphStore:
        """Copy an rdflib dataset's quads into a new in-memory Oxigraph store."""
        import pyoxigraph as ox

        store = ox.Store()
        quads = []
        for s, p, o, g in dataset.quads((None, None, None, None)):
            graph = g.identifier if hasattr(g, "identifier") else g
            name = ox.NamedNode(str(graph)) if isinstance(graph, URIRef) else ox.DefaultGraph()
            quads.append(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name))
        store.bulk_extend(quads)
        return cls(store)

    @classmethod
    def from_file(cls, path) -> OxigraphStore:
        """Load a TriG or N-Quads file into a new in-memory Oxigraph store."""
        import pyoxigraph as ox

        store = ox.Store()
        fmt = ox.RdfFormat.N_QUADS if str(path).endswith(".nq") else ox.RdfFormat.TRIG
        store.bulk_load(path=str(path), format=fmt)
        return cls(store)

    def _run(self, text: str):
        return self.store.query(with_prefixes(text), use_default_graph_as_union=True)

    def select(self, text):
        result = self._run(text)
        variables = [v.value for v in result.variables]
        rows = []
        converted: dict = {}  # the same term recurs in many rows: convert it once
        for solution in result:
            row = {}
            for v in variables:
                value = solution[v]
                if value is not None:
                    term = converted.get(value)
                    if term is None:
                        term = converted[value] = to_rdflib(value)
                    row[v] = term
            rows.append(row)
        return variables, rows

    def ask(self, text):
        return bool(self._run(text))

    def construct(self, text):
        graph = Graph()
        for triple in self._run(text):
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return graph

    def update(self, text):
        self.store.update(with_prefixes(text))

    def __len__(self):
        return len(self.store)


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
    kg.store.RemoteError: --endpoint: put credentials in KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc, not in the URL
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
    size, and errors that say what went wrong (:mod:`kg.http_safety`).

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


def term_from_json(value: dict[str, str]) -> Any:
    """An rdflib term for one binding of SPARQL 1.1 Query Results JSON (plain literals stay plain).

    >>> term_from_json({"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"})
    rdflib.term.Literal('7', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    >>> term_from_json({"type": "literal", "value": "Pajala", "xml:lang": "sv"})
    rdflib.term.Literal('Pajala', lang='sv')
    >>> term_from_json({"type": "literal", "value": "x", "datatype": "http://www.w3.org/2001/XMLSchema#string"})
    rdflib.term.Literal('x')
    """
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if kind in ("literal", "typed-literal"):
        lang = value.get("xml:lang") or value.get("lang")
        if lang:
            return Literal(text, lang=lang)
        datatype = value.get("datatype")
        if datatype and datatype != str(XSD.string):
            return Literal(text, datatype=URIRef(datatype))
        return Literal(text)
    raise RemoteError(f"unexpected term in the server's answer: {value!r}")


def plain_literals(graph: Graph) -> Graph:
    """The graph with ``xsd:string`` literals made plain, as every store reports them."""
    typed = [(s, p, o) for s, p, o in graph if isinstance(o, Literal) and o.datatype == XSD.string]
    for s, p, o in typed:
        graph.remove((s, p, o))
        graph.add((s, p, Literal(str(o))))
    return graph


_RDF_TYPES = {
    "application/n-triples": "nt",
    "text/plain": "nt",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


@register("remote")
class RemoteStore(Store):
    """Queries on a SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, GraphDB, Virtuoso).

    Queries are POSTed as ``application/sparql-query``; SELECT and ASK results come back as
    SPARQL JSON, CONSTRUCT and DESCRIBE as N-Triples or Turtle. Our queries expect the default graph
    to be the union of the named graphs: Oxigraph is asked for that with its ``union-default-graph``
    parameter (found out once, from the server's ``Server`` header); Fuseki needs
    ``tdb2:unionDefaultGraph true``; GraphDB and Virtuoso query the union by default.
    ``union_default_graph`` forces the parameter on (True) or off (False).
    """

    def __init__(
        self,
        endpoint: str,
        *,
        update_url: str | None = None,
        timeout: float | None = DEFAULT_HTTP_TIMEOUT,
        auth: tuple[str, str] | None = None,
        union_default_graph: bool | None = None,
    ):
        check_url(endpoint)
        if update_url is not None:
            check_url(update_url, "--update-url")
        self.endpoint = endpoint
        self.update_url = update_url
        self.http = HttpClient(timeout, auth, home=endpoint)
        self.union_default_graph = union_default_graph
        self.server: str | None = None

    def __repr__(self) -> str:
        return f"<RemoteStore {self.endpoint}>"

    def _union(self) -> bool:
        """Whether to send ``union-default-graph`` (asks the server who it is, once)."""
        if self.union_default_graph is None:
            try:
                _, headers, _ = self.http.request("GET", self.endpoint, headers={"Accept": "*/*"})
            except RemoteHTTPError:
                headers = {}
            self.server = headers.get("server", "")
            self.union_default_graph = self.server.lower().startswith("oxigraph")
        return bool(self.union_default_graph)

    def _post(self, text: str, accept: str) -> tuple[dict[str, str], bytes]:
        url = self.endpoint
        if self._union():
            url += ("&" if "?" in url else "?") + "union-default-graph"
        headers = {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept}
        _, response_headers, body = self.http.request("POST", url, with_prefixes(text).encode("utf-8"), headers)
        return response_headers, body

    def _json(self, text: str) -> dict:
        headers, body = self._post(text, "application/sparql-results+json")
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            kind = headers.get("content-type", "no content type")
            raise RemoteError(f"{self.endpoint} did not answer with SPARQL JSON results ({kind})") from None

    def select(self, text):
        answer = self._json(text)
        variables = list(answer.get("head", {}).get("vars", []))
        rows = [
            {name: term_from_json(value) for name, value in binding.items()}
            for binding in answer.get("results", {}).get("bindings", [])
        ]
        return variables, rows

    def ask(self, text):
        return bool(self._json(text).get("boolean"))

    def construct(self, text):
        headers, body = self._post(text, "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5")
        kind = headers.get("content-type", "application/n-triples").split(";")[0].strip().lower()
        graph = Graph()
        try:
            graph.parse(data=body.decode("utf-8"), format=_RDF_TYPES.get(kind, "turtle"))
        except Exception as exc:
            raise RemoteError(f"cannot read the graph {self.endpoint} sent ({kind}): {exc}") from None
        return plain_literals(graph)

    def update(self, text):
        """Run a SPARQL Update at the server's update endpoint (``update_url``)."""
        if self.update_url is None:
            raise RemoteError(f"no update URL is known for {self.endpoint}; the remote store is read-only")
        headers = {"Content-Type": "application/sparql-update; charset=utf-8"}
        self.http.request("POST", self.update_url, with_prefixes(text).encode("utf-8"), headers)

    def __len__(self):
        _, rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows and "n" in rows[0] else 0


def as_store(source: Any) -> Store:
    """A store for a Store, an rdflib Dataset or Graph, or a pyoxigraph Store."""
    if isinstance(source, Store):
        return source
    if isinstance(source, Dataset | Graph):
        return RdflibStore(source)
    try:
        import pyoxigraph as ox

        if isinstance(source, ox.Store):
            return OxigraphStore(source)
    except ImportError:  # pragma: no cover
        pass
    raise TypeError(f"cannot query a {type(source).__name__}")


_FAST_COPIES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fast_store(source: Any) -> Store:
    """A store that answers quickly: an rdflib Dataset is copied once into an in-memory Oxigraph
    store (results are the same on both engines; a test asserts it); anything else as :func:`as_store`.

    The copy is cached per dataset and refreshed when the dataset's size changes.
    """
    if isinstance(source, Dataset):
        size = len(source)
        cached = _FAST_COPIES.get(source)
        if cached is None or cached[0] != size:
            cached = (size, OxigraphStore.from_dataset(source))
            _FAST_COPIES[source] = cached
        return cached[1]
    return as_store(source)
