"""The W3C Reconciliation Service API (version 0.2) over :class:`kg.reconciliation.Reconciler`.

What OpenRefine and other clients use to match their spreadsheets against the graph:

- ``GET /reconcile``: the service manifest (name, identifier space, default types, preview, view);
- ``GET`` or ``POST /reconcile`` with ``queries`` (JSON, form-encoded as OpenRefine sends it): a
  batch of queries ``{"q0": {"query": "Posion kunta", "type": "…#Municipality", "limit": 3,
  "properties": [{"pid": "country", "v": "FI"}]}}`` answered with ``{"q0": {"result": [{"id",
  "name", "type": [{"id", "name"}], "score", "match"}]}}``; the property ``country`` filters by
  country, ``code`` (kommunkod, kuntanumero) adds the official code as evidence, ``lang`` sets
  the language of the names;
- ``GET /preview?id=IRI``: a small HTML card of the entity (escaped), for the preview pane;
- ``GET /view?id=IRI``: the same as a page (the manifest's view URL).

A ``callback`` parameter wraps a JSON answer for JSONP. It listens on loopback by default.
"""

from __future__ import annotations

import html
import json
import re
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from rdflib import URIRef

from kg.core.namespaces import ID, KG
from kg.reconciliation.index import Reconciler

DEFAULT_TYPES = ("Municipality", "Organisation", "Person", "Initiative", "AdministrativeArea")
MAX_QUERIES = 1000
_CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]{0,63}$")


class QueryError(ValueError):
    """A request the service cannot answer (HTTP 400)."""


def manifest(reconciler: Reconciler, base_url: str) -> dict:
    """The service manifest.

    >>> from kg.reconciliation import default_reconciler
    >>> m = manifest(default_reconciler(), "http://127.0.0.1:7879")
    >>> m["versions"], m["defaultTypes"][0]["name"], m["preview"]["url"]
    (['0.1', '0.2'], 'municipality', 'http://127.0.0.1:7879/preview?id={{id}}')
    """
    return {
        "versions": ["0.1", "0.2"],
        "name": "samverkan-kg reconciliation",
        "identifierSpace": str(ID),
        "schemaSpace": str(KG),
        "defaultTypes": [{"id": str(KG[name]), "name": class_name(reconciler, KG[name])} for name in DEFAULT_TYPES],
        "view": {"url": f"{base_url}/view?id={{{{id}}}}"},
        "preview": {"url": f"{base_url}/preview?id={{{{id}}}}", "width": 400, "height": 200},
    }


def class_name(reconciler: Reconciler, cls: URIRef, lang: str = "en") -> str:
    """The label of a class in ``lang`` (its local name where it has none)."""
    return reconciler.class_names.get(cls, {}).get(lang) or cls.split("#")[-1]


def answer(reconciler: Reconciler, queries: dict) -> dict:
    """Answer a batch of reconciliation queries (the ``queries`` object of the API).

    >>> from kg.reconciliation import default_reconciler
    >>> out = answer(default_reconciler(), {"q0": {"query": "Posion kunnan", "limit": 1}})
    >>> out["q0"]["result"][0]["id"], out["q0"]["result"][0]["match"]
    ('https://w3id.org/samverkan/id/municipality/fi-614', True)
    """
    if not isinstance(queries, dict):
        raise QueryError("queries must be a JSON object of named queries")
    if len(queries) > MAX_QUERIES:
        raise QueryError(f"at most {MAX_QUERIES} queries per request")
    results = {}
    for key, query in queries.items():
        if not isinstance(query, dict) or not isinstance(query.get("query"), str):
            raise QueryError(f"query {key!r} needs a 'query' string")
        limit = query.get("limit", 3)
        if not isinstance(limit, int) or not 1 <= limit <= 100:
            raise QueryError(f"query {key!r}: limit must be an integer from 1 to 100")
        type_ = query.get("type")
        if isinstance(type_, list):
            type_ = type_[0] if type_ else None
        country = lang = None
        names = [query["query"]]
        for prop in query.get("properties") or []:
            pid = str(prop.get("pid", "")).rsplit("#", 1)[-1].lower()
            value = prop.get("v")
            value = value.get("id") if isinstance(value, dict) else value
            if value in (None, ""):
                continue
            if pid == "country":
                country = str(value).upper()
            elif pid in ("code", "municipalitycode", "kommunkod", "kuntanumero"):
                names.append(str(value))
            elif pid == "lang":
                lang = str(value)
        try:
            cls = reconciler.resolve_type(type_) if type_ else None
        except KeyError as exc:
            raise QueryError(str(exc.args[0])) from exc
        best: dict[str, dict] = {}
        for name in names:
            for hit in reconciler.candidates(name, type=cls, country=country, lang=lang, limit=limit):
                entity = reconciler.entities[hit.entity]
                iri = str(entity.iri)
                if iri not in best or hit.score > best[iri]["score"]:
                    best[iri] = {
                        "id": iri,
                        "name": entity.label(lang or "en"),
                        "type": [{"id": str(t), "name": class_name(reconciler, t)} for t in sorted(entity.types)],
                        "score": float(hit.score),
                        "match": False,
                    }
        ranked = sorted(best.values(), key=lambda r: (-r["score"], r["id"]))[:limit]
        if ranked and ranked[0]["score"] >= 90 and (len(ranked) == 1 or ranked[0]["score"] - ranked[1]["score"] >= 5):
            ranked[0]["match"] = True
        results[key] = {"result": ranked}
    return results


def preview(reconciler: Reconciler, iri: str) -> str | None:
    """An HTML card of an entity (every value escaped), or None when the graph does not have it."""
    index = reconciler.by_iri.get(URIRef(iri))
    if index is None:
        return None
    entity = reconciler.entities[index]
    names = "".join(
        f"<li>{html.escape(text)} <small>{html.escape(lang or '')}{' (alt)' if alt else ''}</small></li>"
        for text, lang, alt in entity.labels
    )
    facts = [f"type: {html.escape(reconciler.type_name(entity))}"]
    if entity.country:
        facts.append(f"country: {html.escape(entity.country)}")
    if entity.code:
        facts.append(f"code: {html.escape(entity.code)}")
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>'
        + html.escape(entity.label("en"))
        + '</title></head><body style="font-family:sans-serif;font-size:13px;margin:6px">'
        + f"<strong>{html.escape(entity.label('en'))}</strong><br><small>{html.escape(iri)}</small>"
        + f"<p>{' · '.join(facts)}</p><ul>{names}</ul></body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    server_version = "samverkan-kg-reconcile/0.1"
    reconciler: Reconciler
    base_url: str

    def log_message(self, format, *args):  # quiet: the command prints what matters
        pass

    def _send(self, status: int, body: str, content_type: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: int, payload, params: dict) -> None:
        text = json.dumps(payload, ensure_ascii=False)
        callback = params.get("callback")
        if callback:
            if not _CALLBACK.match(callback):
                self._send(400, json.dumps({"error": "invalid callback name"}), "application/json")
                return
            self._send(status, f"{callback}({text})", "application/javascript")
        else:
            self._send(status, text, "application/json")

    def _params(self, body: str = "") -> dict:
        query = urllib.parse.urlsplit(self.path).query
        params = {k: v[-1] for k, v in urllib.parse.parse_qs(query).items()}
        if body:
            params.update({k: v[-1] for k, v in urllib.parse.parse_qs(body).items()})
        return params

    def _route(self, body: str = "") -> None:
        path = urllib.parse.urlsplit(self.path).path.rstrip("/") or "/"
        params = self._params(body)
        if path in ("/", "/reconcile"):
            if "queries" not in params and "query" not in params:
                self._json(200, manifest(self.reconciler, self.base_url), params)
                return
            try:
                if "queries" in params:
                    queries = json.loads(params["queries"])
                else:  # a single query (API 0.1): a string or a JSON object
                    text = params["query"]
                    single = json.loads(text) if text.lstrip().startswith("{") else {"query": text}
                    queries = {"q": single}
                results = answer(self.reconciler, queries)
            except (json.JSONDecodeError, QueryError) as exc:
                self._json(400, {"error": f"bad request: {exc}"}, params)
                return
            self._json(200, results if "queries" in params else results["q"], params)
        elif path in ("/preview", "/view"):
            page = preview(self.reconciler, params.get("id", ""))
            if page is None:
                self._send(404, "<p>no such entity</p>", "text/html")
            else:
                self._send(200, page, "text/html")
        else:
            self._send(404, json.dumps({"error": "not found: use /reconcile, /preview or /view"}), "application/json")

    def do_GET(self):
        self._route()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length > 10_000_000:
            self._send(413, json.dumps({"error": "request too large"}), "application/json")
            return
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if "json" in (self.headers.get("Content-Type") or "") and body.strip().startswith("{"):
            body = urllib.parse.urlencode({"queries": body})
        self._route(body)


class ReconciliationServer:
    """The service on ``host:port`` in a background thread (``port=0``: any free port).

    >>> from kg.reconciliation import default_reconciler
    >>> with ReconciliationServer(default_reconciler(), port=0) as server:
    ...     server.url.startswith("http://127.0.0.1:")
    True
    """

    def __init__(self, reconciler: Reconciler, host: str = "127.0.0.1", port: int = 7879) -> None:
        handler = type("Handler", (_Handler,), {"reconciler": reconciler})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.httpd.server_address[1]}"
        handler.base_url = self.url
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="reconcile", daemon=True)

    def start(self) -> ReconciliationServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self.thread.is_alive():
            self.thread.join(timeout=5)

    def __enter__(self) -> ReconciliationServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
