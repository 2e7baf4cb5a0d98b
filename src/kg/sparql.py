"""Run SPARQL with parameters bound as RDF terms, a timeout, and errors that name file/line/column."""

from __future__ import annotations

import ctypes
import datetime as dt
import re
import threading
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDFS, SKOS, XSD

from kg.errors import KgError
from kg.labels import fold
from kg.library import NamedQuery, Parameter, parse_header, query_form
from kg.namespaces import PREFIXES

DEFAULT_TIMEOUT = 30.0


class QueryError(KgError):
    """A query cannot be parsed, is missing a parameter, or failed."""


class QueryTimeout(QueryError):
    """A query ran longer than its timeout."""


@dataclass
class QueryResult:
    """Rows of a SELECT, the answer of an ASK, or the graph of a CONSTRUCT/DESCRIBE."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, object]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def __len__(self) -> int:
        return len(self.graph) if self.graph is not None else len(self.rows)


def adhoc(text: str, name: str = "<query>") -> NamedQuery:
    """Wrap SPARQL text (with or without a header) as a query."""
    title, description, params = parse_header(text, Path(name))
    return NamedQuery(name, Path(name), text, title or name, description, params)


def _entity(raw: str, dataset: Dataset, param: Parameter) -> URIRef:
    if raw.startswith(("http://", "https://", "urn:")):
        return URIRef(raw)
    wanted = fold(raw.strip())
    matches: dict[URIRef, set[str]] = {}
    for predicate in (RDFS.label, SKOS.altLabel, SKOS.prefLabel):
        for subject, label in dataset.subject_objects(predicate):
            if isinstance(subject, URIRef) and isinstance(label, Literal) and fold(str(label)) == wanted:
                matches.setdefault(subject, set()).add(str(label))
    if not matches:
        raise QueryError(f"parameter {param.name!r}: no entity is named {raw!r} (try `kg query search --param name=…`)")
    if len(matches) > 1:
        listed = "; ".join(f"<{iri}>" for iri in sorted(matches))
        raise QueryError(f"parameter {param.name!r}: {raw!r} names {len(matches)} entities ({listed}); give the IRI")
    return next(iter(matches))


def to_term(param: Parameter, raw: str, dataset: Dataset | None = None) -> URIRef | Literal:
    """Turn a parameter's text into the RDF term it is bound to.

    >>> to_term(Parameter("year", "year"), "2024")
    rdflib.term.Literal('2024', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    >>> to_term(Parameter("name", "string"), '"} ; DROP ALL #')
    rdflib.term.Literal('"} ; DROP ALL #')
    >>> to_term(Parameter("year", "year"), "twenty")
    Traceback (most recent call last):
    ...
    kg.sparql.QueryError: parameter 'year' must be a year (e.g. 2024), not 'twenty'
    """
    kind = param.type
    try:
        if kind == "entity":
            if dataset is None:
                return URIRef(raw)
            return _entity(raw, dataset, param)
        if kind == "iri":
            if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", raw):
                raise ValueError
            return URIRef(raw)
        if kind in ("integer", "year"):
            if not re.fullmatch(r"-?\d+", raw.strip()):
                raise ValueError
            return Literal(int(raw), datatype=XSD.integer)
        if kind == "decimal":
            return Literal(Decimal(raw), datatype=XSD.decimal)
        if kind == "date":
            return Literal(dt.date.fromisoformat(raw), datatype=XSD.date)
        if kind == "lang":
            if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", raw):
                raise ValueError
            return Literal(raw)
        return Literal(raw)
    except (ValueError, InvalidOperation):
        expected = {
            "iri": "an IRI",
            "integer": "an integer",
            "year": "a year (e.g. 2024)",
            "decimal": "a decimal number",
            "date": "a date (YYYY-MM-DD)",
            "lang": "a language code (sv, fi, en, …)",
        }.get(kind, kind)
        raise QueryError(f"parameter {param.name!r} must be {expected}, not {raw!r}") from None


def bindings(
    query: NamedQuery, params: dict[str, str], dataset: Dataset | None = None, lang: str | None = None
) -> dict[str, URIRef | Literal]:
    """Check ``params`` against the query's declarations and convert them to RDF terms.

    Unknown names, missing required parameters and ill-typed values raise :class:`QueryError`.
    The ``lang`` parameter, where declared, defaults to ``lang``.
    """
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {unknown[0]!r} (parameters: {known})")
    bound: dict[str, URIRef | Literal] = {}
    for name, param in declared.items():
        raw = params.get(name)
        if raw is None and name == "lang" and lang:
            raw = lang
        if raw is None:
            raw = param.default
        if raw is None:
            if param.required:
                example = f" (e.g. --param {name}={param.example})" if param.example else ""
                raise QueryError(f"query {query.name!r} needs parameter {name!r} ({param.type}){example}")
            continue
        bound[name] = to_term(param, raw, dataset)
    return bound


def _syntax_error(query: NamedQuery, exc: Exception) -> QueryError:
    line = getattr(exc, "lineno", None)
    column = getattr(exc, "col", None)
    message = getattr(exc, "msg", None) or str(exc)
    return QueryError(f"SPARQL syntax error: {message}", file=query.path, line=line, column=column)


def prepare(query: NamedQuery):
    """Parse a query with the project's prefixes; a syntax error names file, line and column."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(query.text, initNs={k: str(v) for k, v in PREFIXES.items()})
    except Exception as exc:
        raise _syntax_error(query, exc) from exc


class _Stopped(BaseException):
    """Raised inside a query thread to stop it."""


def _stop(worker: threading.Thread, grace: float = 2.0) -> None:
    """Stop a query thread by raising an exception in it (the engine is pure Python)."""
    ident = worker.ident
    if ident is None:
        return
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(_Stopped))
    worker.join(grace)


def execute(
    dataset: Dataset,
    query: NamedQuery,
    params: dict[str, str] | None = None,
    *,
    lang: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> QueryResult:
    """Run ``query`` on ``dataset`` with ``params`` bound; stop after ``timeout`` seconds.

    >>> from kg.library import get
    >>> from kg.build import build
    >>> ds = build(out_dir=None).dataset
    >>> result = execute(ds, get("members"), {"association": "Region 10"})
    >>> len(result.rows)
    10
    """
    prepared = prepare(query)
    init = {Variable(k): v for k, v in bindings(query, params or {}, dataset, lang).items()}
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = dataset.query(prepared, initBindings=init)
            outcome["rows"] = list(outcome["result"]) if query_form(query.text) == "SELECT" else None
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name=f"sparql-{query.name}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        _stop(worker)
        raise QueryTimeout(f"query {query.name!r} ran longer than {timeout:g} s and was stopped (see --timeout)")
    if "error" in outcome:
        raise QueryError(f"query {query.name!r} failed: {outcome['error']}", file=query.path)
    result = outcome["result"]
    form = query_form(query.text)
    if form == "ASK":
        return QueryResult(form, boolean=bool(result.askAnswer))
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for triple in result:
            graph.add(triple)
        return QueryResult(form, graph=graph)
    variables = [str(v) for v in result.vars]
    rows = [{v: row[i] for i, v in enumerate(variables) if row[i] is not None} for row in outcome["rows"]]
    return add_labels(QueryResult(form, variables=variables, rows=rows), dataset, lang)


def _iris(value: object) -> list[URIRef] | None:
    """The IRIs of a cell: one IRI, or a space-separated list of IRIs (from GROUP_CONCAT)."""
    if isinstance(value, URIRef):
        return [value]
    if isinstance(value, Literal) and value.datatype in (None, XSD.string) and not value.language:
        tokens = str(value).split()
        if tokens and all(tok.startswith(("http://", "https://", "urn:")) for tok in tokens):
            return [URIRef(tok) for tok in tokens]
    return None


def add_labels(result: QueryResult, graph, lang: str | None) -> QueryResult:
    """Give every IRI column ``x`` a companion ``xLabel`` column (unless the query has one).

    A column whose cells are space-separated IRIs (a GROUP_CONCAT of IRIs) gets a label column
    whose cells join the labels with "; ". Labels come in the preferred language ``lang``.
    """
    from kg.labels import best_label

    names = set(result.variables)
    iri_columns = [
        v
        for v in result.variables
        if f"{v}Label" not in names
        and any(row.get(v) is not None for row in result.rows)
        and all(_iris(row[v]) is not None for row in result.rows if row.get(v) is not None and str(row[v]))
    ]
    if not iri_columns:
        return result
    cache: dict[URIRef, str] = {}

    def label(iri: URIRef) -> str:
        if iri not in cache:
            cache[iri] = best_label(graph, iri, lang) or str(iri)
        return cache[iri]

    for row in result.rows:
        for column in iri_columns:
            iris = _iris(row.get(column)) or []
            if iris:
                row[f"{column}Label"] = Literal("; ".join(label(i) for i in iris))
    variables: list[str] = []
    for v in result.variables:
        variables.append(v)
        if v in iri_columns:
            variables.append(f"{v}Label")
    result.variables = variables
    return result
