"""Run SPARQL with parameters bound as RDF terms, a timeout, and errors that name file/line/column."""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.core.collector import paused
from kg.core.errors import KgError
from kg.core.labels import search_pattern
from kg.core.namespaces import PREFIXES, short_iri
from kg.query.binding import bind_values
from kg.query.library import NamedQuery, Parameter, parse_header, query_form
from kg.query.stores import as_store

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
    title, description, params, exclusive = parse_header(text, Path(name))
    return NamedQuery(name, Path(name), text, title or name, description, params, exclusive)


def internal_query(name: str) -> NamedQuery:
    """One of the package's internal queries (``kg/query/internal/NAME.rq``)."""
    from importlib import resources as importlib_resources

    from kg.query.library import read_query

    return read_query(Path(str(importlib_resources.files("kg.query").joinpath("internal", f"{name}.rq"))))


_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


def _entity(raw: str, store, param: Parameter) -> URIRef:
    if raw.startswith(("http://", "https://", "urn:")):
        if not _IRI.match(raw):
            raise QueryError(
                f"parameter {param.name!r}: {raw!r} is not a valid IRI (no spaces, <, >, quotes or braces)"
            )
        return URIRef(raw)
    resolver = internal_query("resolve")
    _, rows = store.select(bind_values(resolver.text, {"name": Literal(f"^{search_pattern(raw.strip())}$")}))
    matches = sorted({row["entity"] for row in rows if isinstance(row.get("entity"), URIRef)})
    if not matches:
        near = _closest_names(raw, store)
        hint = f"; closest: {', '.join(near)}" if near else ""
        raise QueryError(
            f"parameter {param.name!r}: no entity is named {raw!r}{hint} (try `kg query search --param name=…`)"
        )
    if len(matches) > 1:
        listed = "; ".join(_described(iri, store) for iri in matches)
        raise QueryError(f"parameter {param.name!r}: {raw!r} names {len(matches)} entities: {listed}; give the IRI")
    return matches[0]


def _closest_names(raw: str, store, limit: int = 3) -> list[str]:
    """The names of the graph nearest to ``raw`` (rapidfuzz's WRatio on folded text, at least 75), for the
    error of a name that matches nothing ("Regon 10" -> "Region 10"); read only on that error's path."""
    from rapidfuzz import fuzz, process

    from kg.core.labels import fold

    _, rows = store.select(internal_query("names").text)
    by_key: dict[str, str] = {}
    for name in sorted({str(row["name"]) for row in rows if row.get("name") is not None}):
        by_key.setdefault(fold(name), name)
    found = process.extract(fold(raw), sorted(by_key), scorer=fuzz.WRatio, limit=limit, score_cutoff=75)
    return [repr(by_key[key]) for key, _, _ in found]


def _described(iri: URIRef, store) -> str:
    """One candidate of an ambiguous name as a reader tells it apart: its name (Swedish, Finnish, English
    or any), its class, country and official code, and the IRI to give, such as
    ``Övertorneå (Municipality, FI, 976) <…/municipality/fi-976>``."""
    from kg.query.binding import bind_values

    _, rows = store.select(bind_values(internal_query("describe-entities").text, {"entity": iri}))
    labels: dict[str, str] = {}
    facts: dict[str, set[str]] = {"type": set(), "country": set(), "code": set()}
    for row in rows:
        label = row.get("label")
        if label is not None:
            labels.setdefault(getattr(label, "language", None) or "", str(label))
        for key, found in facts.items():
            if row.get(key) is not None:
                found.add(str(row[key]).rsplit("#", 1)[-1])
    name = next((labels[lang] for lang in ("sv", "fi", "en") if lang in labels), None)
    name = name or (labels[min(labels)] if labels else str(iri).rsplit("/", 1)[-1])
    told = ", ".join(", ".join(sorted(facts[key])) for key in ("type", "country", "code") if facts[key])
    return f"{name} ({told}) <{iri}>" if told else f"{name} <{iri}>"


def to_term(param: Parameter, raw: str, dataset=None) -> URIRef | Literal:
    """Turn a parameter's text into the RDF term it is bound to.

    >>> to_term(Parameter("year", "year"), "2024")
    rdflib.term.Literal('2024', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    >>> to_term(Parameter("name", "string"), '"} ; DROP ALL #')
    rdflib.term.Literal('"} ; DROP ALL #')
    >>> import re
    >>> bool(re.search(to_term(Parameter("name", "search"), "OULU"), "Oulu"))  # kg.core.labels.search_pattern
    True
    >>> to_term(Parameter("year", "year"), "twenty")
    Traceback (most recent call last):
    ...
    kg.query.sparql.QueryError: parameter 'year' must be a year (e.g. 2024), not 'twenty'
    """
    kind = param.type
    raw = unicodedata.normalize("NFC", raw)  # the graph's text is NFC (kg.build.reading): "Ö" typed as O + ¨ matches
    try:
        if kind == "entity":
            if dataset is None:
                return URIRef(raw)
            return _entity(raw, as_store(dataset), param)
        if kind == "iri":
            if not _IRI.match(raw):
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
        if kind == "search":  # a name to find ignoring case, diacritics and normal form, as a regular expression
            return Literal(search_pattern(raw))
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
    query: NamedQuery, params: dict[str, str], dataset=None, lang: str | None = None
) -> dict[str, URIRef | Literal]:
    """Check ``params`` against the query's declarations and convert them to RDF terms.

    Unknown names, missing required parameters, two parameters of an exclusive group (or none of a
    group of which one is required) and ill-typed values raise :class:`QueryError`.
    The ``lang`` parameter, where declared, defaults to ``lang``.

    >>> from kg.query.library import get
    >>> bindings(get("active"), {"year": "2024", "date": "2024-09-01"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.query.sparql.QueryError: query 'active': --param year and --param date exclude each other: give one of ...
    """
    declared = {p.name: p for p in query.parameters}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {unknown[0]!r} (parameters: {known})")
    for group in query.exclusive:
        given = [n for n in group.names if params.get(n) is not None]
        if len(given) > 1:
            both = " and ".join(f"--param {n}" for n in given)
            raise QueryError(f"query {query.name!r}: {both} exclude each other: {group.describe()}")
        if group.required and not given:
            example = next((f"--param {n}={p.example}" for n in group.names if (p := declared[n]).example), None)
            hint = f" (e.g. {example})" if example else ""
            raise QueryError(f"query {query.name!r} needs a parameter: {group.describe()}{hint}")
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
    source,
    query: NamedQuery,
    params: dict[str, str] | None = None,
    *,
    lang: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    labels: bool = True,
    allow_service: bool = False,
    isolate: bool = False,
) -> QueryResult:
    """Run ``query`` on ``source`` (a store, an rdflib Dataset or a pyoxigraph Store).

    Parameters are checked against the query's header and bound with a VALUES block; the query is
    stopped after ``timeout`` seconds; IRI columns get label columns in the preferred language.
    A federated query (SERVICE) is refused unless ``allow_service`` (:mod:`kg.query.federation`).
    With ``isolate``, a query on a native engine (Oxigraph) runs in a forked process that is killed
    at the timeout (:mod:`kg.query.isolate`), so that the work stops in a long-lived process (a notebook).

    >>> from kg.query.library import get
    >>> from kg.build import build
    >>> ds = build(out_dir=None).dataset
    >>> result = execute(ds, get("members"), {"association": "Region 10"})
    >>> len(result.rows)
    10
    """
    from kg.query.federation import MESSAGE, uses_service

    if not allow_service and uses_service(query.text):
        raise QueryError(MESSAGE.format(how="--allow-service (allow_service=True)"), file=query.path)
    from kg.query.stores import OxigraphStore

    store = as_store(source)
    native = isinstance(store, OxigraphStore)
    if not native:
        prepare(query)  # syntax errors name the file, line and column, whatever the engine
    text = bind_values(unit_separated(query.text), bindings(query, params or {}, store, lang))
    form = query_form(query.text)
    answer = {"SELECT": store.select, "ASK": store.ask}.get(form, store.construct)

    def run(text: str):
        try:
            return answer(text)
        except SyntaxError as exc:  # Oxigraph parses it first; rdflib's parser (0.1-0.2 s) only names the place
            if native:
                prepare(query)
            raise QueryError(f"SPARQL syntax error: {exc.msg or exc}", file=query.path) from None

    # a native engine's rows are made in Python without reference cycles; pausing the cycle collector
    # while they are made, sorted and labelled saves its full passes over the growing result (at a
    # million triples about 0.3 s of CPU for initiatives' 13,133 rows); rdflib's evaluation keeps it
    collecting = paused() if native else contextlib.nullcontext()
    with collecting:
        return _answer(query, store, form, native, run, text, timeout, isolate, labels, lang)


def _answer(query, store, form, native, run, text, timeout, isolate, labels, lang) -> QueryResult:
    """The rest of :func:`execute`: run ``text`` (forked, or in a thread with ``timeout``) and make its result."""
    from kg.query import isolate as isolation

    if isolate and timeout and native and isolation.available():
        try:
            outcome = isolation.run_forked(lambda: run(text), timeout)
        except isolation.Stopped:
            raise QueryTimeout(f"query {query.name!r} ran longer than {timeout:g} s and was stopped") from None
        except KgError:
            raise
        except Exception as exc:
            raise QueryError(f"query {query.name!r} failed: {exc}", file=query.path) from None
    else:
        outcome = _with_timeout(lambda: run(text), query, timeout)
    if form == "ASK":
        return QueryResult(form, boolean=bool(outcome))
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = outcome
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        return QueryResult(form, graph=graph)
    variables, rows = outcome
    rows = _cells(sort_concatenations(query.text, rows))
    result = QueryResult(form, variables=variables, rows=rows)
    return add_labels(result, store, lang) if labels else result


_STRING, _DECIMAL = XSD.string, XSD.decimal  # Namespace attribute lookups are slow in hot loops
_MISSING = object()


def _cells(rows: list[dict]) -> list[dict]:
    """Rows without empty cells, decimals canonical; each distinct term is looked at once.

    Terms are told apart by identity (a store gives the same term as one object in every row), and
    rows without a term to change are kept as they are: at a million triples ``ties`` has 630,000
    cells and none to change (0.9 s of CPU when every row was copied).
    """
    seen: dict[int, object] = {}  # id -> the term, kept alive so that ids stay unique
    changed: dict[int, object] = {}  # id -> its replacement (None: dropped)
    for row in rows:
        for value in row.values():
            key = id(value)
            if key in seen:
                continue
            seen[key] = value
            kind = type(value)
            if kind is URIRef:
                continue  # nothing to change in an IRI
            if kind is Literal and value.datatype is None:  # plain or tagged: dropped when empty and plain
                if not str.__len__(value) and value.language is None:
                    changed[key] = None
                continue
            term = None if _empty(value) else canonical(value)
            if term is not value and (term is None or str(term) != str(value)):
                changed[key] = term
    if not changed:
        return rows
    out = []
    for row in rows:
        if any(id(value) in changed for value in row.values()):
            row = {k: changed.get(id(v), v) for k, v in row.items() if changed.get(id(v), v) is not None}
        out.append(row)
    return out


def _empty(term: object) -> bool:
    """An empty plain literal: what some engines give for a GROUP_CONCAT of nothing (others: unbound)."""
    return isinstance(term, Literal) and not str(term) and term.language is None and term.datatype in (None, _STRING)


def canonical(term: object) -> object:
    """Decimals in their canonical lexical form, so engines that print them differently agree.

    >>> str(canonical(Literal("7500.00", datatype=XSD.decimal))), str(canonical(Literal("-0.50", datatype=XSD.decimal)))
    ('7500.0', '-0.5')
    """
    if isinstance(term, Literal) and term.datatype == _DECIMAL:
        try:
            text = format(Decimal(str(term)), "f")
        except InvalidOperation:
            return term
        if "." in text:
            text = text.rstrip("0")
        text = text + "0" if text.endswith(".") else (text if "." in text else text + ".0")
        return Literal(text, datatype=XSD.decimal)
    return term


_SEPARATOR = re.compile(r"separator\s*=\s*(?P<q>[\"'])(?P<sep>.*?)(?P=q)", re.IGNORECASE | re.DOTALL)


_UNIT = "\x1f"  # the ASCII unit separator: what GROUP_CONCAT joins with while a query runs


def _concatenations(text: str) -> dict[str, str]:
    """The variables bound to GROUP_CONCAT(...) AS ?name, with their separators."""
    return {alias: separator for alias, separator, _, _ in _group_concats(text)}


def _group_concats(text: str) -> list[tuple[str, str, int, int]]:
    """(alias, separator, start, end) of each GROUP_CONCAT(...) AS ?alias; start..end: its arguments."""
    found = []
    for start in (m.end() for m in re.finditer(r"GROUP_CONCAT\s*\(", text, re.IGNORECASE)):
        depth, i, quote = 1, start, None
        while i < len(text) and depth:
            ch = text[i]
            if quote:
                quote = None if ch == quote else quote
            elif ch in "\"'":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
            i += 1
        alias = re.match(r"\s*AS\s*\?(\w+)", text[i:], re.IGNORECASE)
        if alias:
            separator = _SEPARATOR.search(text[start : i - 1])
            found.append((alias.group(1), separator.group("sep") if separator else " ", start, i - 1))
    return found


def unit_separated(text: str) -> str:
    """The query with every GROUP_CONCAT joining by the unit separator U+001F instead of its own
    separator, so that the items can be told apart afterwards even when one contains the separator
    (a role "vice ordförande, regionstyrelsen" stays one item); :func:`sort_concatenations` joins
    them back with the query's separator.

    >>> unit_separated('SELECT (GROUP_CONCAT(?x; separator=", ") AS ?xs) WHERE {}')
    'SELECT (GROUP_CONCAT(?x; separator="\\\\u001F") AS ?xs) WHERE {}'
    """
    text = re.sub(r"(?m)^\s*#[^\n]*", "", text)
    for _, _, start, end in reversed(_group_concats(text)):
        args = text[start:end]
        found = _SEPARATOR.search(args)
        if found:
            args = args[: found.start()] + 'separator="\\u001F"' + args[found.end() :]
        else:
            args = args + '; separator="\\u001F"'
        text = text[:start] + args + text[end:]
    return text


def sort_concatenations(text: str, rows: list[dict]) -> list[dict]:
    """Sort the items of every GROUP_CONCAT column, whose order SPARQL leaves to the engine, and join
    them with the query's separator. Items are never split: the query ran with
    :func:`unit_separated` separators (a value without U+001F is one item).

    This makes results the same on every engine.

    >>> q = 'SELECT (GROUP_CONCAT(?x; separator=", ") AS ?xs) WHERE {}'
    >>> sort_concatenations(q, [{"xs": Literal("vice ordförande, regionstyrelsen\x1fa")}])
    [{'xs': rdflib.term.Literal('a, vice ordförande, regionstyrelsen')}]
    """
    columns = _concatenations(re.sub(r"(?m)^\s*#[^\n]*", "", text))
    if not columns:
        return rows
    plain = _plain_text_literal  # what Literal(text) makes, without its checks (thousands of cells)
    for name, separator in columns.items():
        joined: dict[int, Literal | None] = {}  # by identity: each distinct cell is sorted once
        keep: list = []  # the cells seen, kept alive so that their ids stay unique
        for row in rows:
            value = row.get(name)
            if value is None:
                continue
            key = id(value)
            made = joined.get(key, _MISSING)
            if made is _MISSING:
                keep.append(value)
                cell = str(value)
                made = joined[key] = (
                    plain(separator.join(sorted(cell.split(_UNIT))))
                    if isinstance(value, Literal) and _UNIT in cell
                    else None
                )
            if made is not None:
                row[name] = made
    return rows


def _with_timeout(work, query: NamedQuery, timeout: float | None):
    """Run ``work`` in a thread; stop it (rdflib) or abandon it (native engines) after ``timeout``."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=target, name=f"sparql-{query.name}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        _stop(worker)
        raise QueryTimeout(f"query {query.name!r} ran longer than {timeout:g} s and was stopped (see --timeout)")
    if "error" in outcome:
        error = outcome["error"]
        if isinstance(error, KgError):
            raise error
        raise QueryError(f"query {query.name!r} failed: {error}", file=query.path)
    return outcome["value"]


def labels_of(store, iris: list[URIRef], lang: str | None) -> dict[URIRef, str]:
    """The best label of each IRI in the preferred language (one query for all of them)."""
    best = labels_by_text(store, [str(i) for i in iris], lang)
    return {iri: best[str(iri)] for iri in iris if str(iri) in best}


def labels_by_text(store, iris: list[str], lang: str | None) -> dict[str, str]:
    """:func:`labels_of` for IRIs given and returned as text: the label rows are read as the engine
    gives them (:meth:`kg.query.stores.Store.solutions`, :mod:`kg.query.native`), never converted to
    rdflib terms (at a million triples ``initiatives`` reads 52,000 labels: 1.2 s of CPU converted).

    The best label is the one in the first language of :func:`kg.core.labels.preference` that has one
    (then untagged and other languages), the least text among equals.
    """
    from kg.core.labels import preference
    from kg.query import native

    if not iris:
        return {}
    order = preference(lang)
    rank = {code: position for position, code in enumerate(order)}
    table = _label_table(store)
    if table is not None:  # the build's label table: the same rows, read from SQLite (kg.query.labeltable)
        best: dict[str, tuple[int, str]] = {}
        for key, code, label in table.labels(set(iris)):
            candidate = (rank.get(code or None, 9), label)
            known = best.get(key)
            if known is None or candidate < known:
                best[key] = candidate
        return {key: label for key, (_, label) in best.items()}
    query = internal_query("labels")
    text = query.text
    if len(iris) <= 20_000:  # binding them beats reading every label (0.17 s vs 0.4 s at 1M triples)
        braces = "{ " + " ".join(f"<{i}>" for i in iris if not re.search(r"[\s<>\"{}|^`\\]", i)) + " }"
        text = text.replace("WHERE {", "WHERE {\n  VALUES ?iri " + braces, 1)
    wanted = set(iris)
    best = {}
    variables, rows = as_store(store).solutions(text)
    at_iri, at_label = variables.index("iri"), variables.index("label")
    for row in rows:
        iri, label = row[at_iri], row[at_label]
        if native.kind(iri) != "iri" or native.kind(label) != "literal":
            continue
        key = native.text(iri)
        if key not in wanted:
            continue
        candidate = (rank.get(native.language(label), 9), native.text(label))
        known = best.get(key)
        if known is None or candidate < known:
            best[key] = candidate
    return {key: label for key, (_, label) in best.items()}


#: how many source identifiers one title lookup binds (see :func:`source_titles`)
_TITLE_BATCH = 1000
SOURCE_COLUMNS = ("source", "sources")  # columns of source document identifiers (file stems)


def source_titles(store, lang: str | None, ids: set[str] | None = None) -> dict[str, str]:
    """Each source document's identifier mapped to its title in the preferred language and its date,
    as people should see it in tables: ``"Title (2024-05-06)"``. The reference dataset is ``"reference"``.

    >>> from kg.build import build
    >>> titles = source_titles(as_store(build(out_dir=None).dataset), "en")
    >>> titles["004_7d7d9fe527b1fb8f"]
    'Kemijärvi city board: taking part in the Settling-in services project (2020-01-27)'
    >>> titles["reference"]
    'samverkan-kg reference data'
    >>> source_titles(as_store(build(out_dir=None).dataset), "en", {"004_7d7d9fe527b1fb8f", "unknown"})
    {'004_7d7d9fe527b1fb8f': 'Kemijärvi city board: taking part in the Settling-in services project (2020-01-27)'}

    ``ids`` limits the answer to those identifiers (a lookup each, instead of reading every source's title).
    """
    from kg.core.labels import preference
    from kg.query import native
    from kg.query.binding import term_n3

    order = preference(lang)
    rank = {code: position for position, code in enumerate(order)}
    best: dict[str, tuple[int, str]] = {}
    issued: dict[str, str] = {}
    table = _label_table(store)
    if table is not None:  # the build's label table: the same rows, read from SQLite (kg.query.labeltable)
        dates: dict[str, set[str]] = {}
        for key, title, code, date in table.titles(ids):
            candidate = (rank.get(code or None, 9), title)
            known = best.get(key)
            if known is None or candidate < known:
                best[key] = candidate
            if date is not None:
                dates.setdefault(key, set()).add(date)
        # a document with several issue dates (none has two in the data) shows the earliest
        issued = {key: min(found) for key, found in dates.items()}
        return {key: f"{title} ({issued[key]})" if key in issued else title for key, (_, title) in best.items()}
    text = internal_query("source-titles").text
    texts = [text]
    if ids is not None:
        # in batches: Oxigraph answers up to 1,000 bound identifiers in 0.07 s at 1M triples, but 1,100 in
        # 1.0 s, as long as reading every title (18,675), so larger sets are asked for in parts
        wanted = [term_n3(Literal(i)) for i in sorted(ids)]
        texts = [
            text.replace(
                "?doc a kg:SourceDocument ;",
                f"VALUES ?id {{ {' '.join(wanted[at : at + _TITLE_BATCH])} }}\n    ?doc a kg:SourceDocument ;",
                1,
            )
            for at in range(0, len(wanted), _TITLE_BATCH)
        ]
    store = as_store(store)
    for part in texts:
        # read as Oxigraph gives them (:mod:`kg.query.native`): 18,675 titles converted to rdflib
        # terms and back to text cost 1.4 s of CPU at a million triples
        variables, rows = store.solutions(part)
        at_id, at_title, at_issued = variables.index("id"), variables.index("title"), variables.index("issued")
        for row in rows:
            key = native.text(row[at_id])
            if ids is not None and key not in ids:
                continue  # the reference dataset, when not asked for
            title = row[at_title]
            candidate = (rank.get(native.language(title), 9), native.text(title))
            known = best.get(key)
            if known is None or candidate < known:
                best[key] = candidate
            if row[at_issued] is not None:
                issued[key] = native.text(row[at_issued])
    shown: dict[str, str] = {}
    for key, (_, title) in best.items():
        shown[key] = f"{title} ({issued[key]})" if key in issued else title
    return shown


def _plain_text_literal(text: str) -> Literal:
    """``Literal(text)``, made without rdflib's checks (:func:`kg.query.stores.to_rdflib`'s fast path,
    which a self-check at import compares with rdflib's constructor): label cells are thousands."""
    from kg.query.stores import _plain_literal

    return _plain_literal(text, None)


def _label_table(store):
    """The build's label table beside ``store`` when it is the build's on-disk store and the table
    describes the same graph (:func:`kg.query.labeltable.of_store`), else ``None``."""
    if getattr(store, "folder", None) is None:
        return None
    from kg.query.labeltable import of_store

    return of_store(store)


def _source_labels(result: QueryResult, graph, lang: str | None) -> None:
    """Give a column of source identifiers (``source``/``sources``, space-separated file stems) a
    companion label column with the documents' titles and dates; the identifiers stay for machines."""
    rows = result.rows
    distinct: dict[str, dict[int, object]] = {}  # each column's distinct cells, by identity
    for v in result.variables:
        if v in SOURCE_COLUMNS and f"{v}Label" not in result.variables:
            cells = {id(value): value for row in rows if isinstance(value := row.get(v), Literal)}
            if cells:
                distinct[v] = cells
    if not distinct:
        return
    texts = {id(value): str(value) for cells in distinct.values() for value in cells.values()}
    wanted = {t for text in set(texts.values()) for t in text.split()}
    # looking up the wanted sources (in batches of 1,000, about 0.07 s each) beats reading every title
    # (about 1 s at 1M triples, 18,675 titles; ten times that at 10M) up to a few thousand sources:
    # members 1.28 s -> 0.06 s at 1M; entity Pajala, 695 sources, 0.07 s; 5,000 sources 0.35 s
    titles = source_titles(graph, lang, wanted if len(wanted) <= 5000 else None)
    title = titles.get
    plain = _plain_text_literal
    by_text = {text: plain("; ".join([title(t, t) for t in text.split()])) for text in set(texts.values())}
    labels = {key: by_text[text] for key, text in texts.items()}  # each distinct cell titled once
    for column, cells in distinct.items():
        name = f"{column}Label"
        for row in rows:
            value = row.get(column)
            if value is not None and id(value) in cells:
                row[name] = labels[id(value)]
    variables: list[str] = []
    for v in result.variables:
        variables.append(v)
        if v in distinct:
            variables.append(f"{v}Label")
    result.variables = variables


def _iris(value: object) -> list[str] | None:
    """The IRIs of a cell as text: one IRI, or a space-separated list of IRIs (from GROUP_CONCAT)."""
    if isinstance(value, URIRef):
        return [str(value)]
    if isinstance(value, Literal) and value.datatype in (None, _STRING) and not value.language:
        tokens = str(value).split()
        if tokens and all(tok.startswith(("http://", "https://", "urn:")) for tok in tokens):
            return tokens
    return None


def add_labels(result: QueryResult, graph, lang: str | None) -> QueryResult:
    """Give every IRI column ``x`` a companion ``xLabel`` column (unless the query has one).

    A column whose cells are space-separated IRIs (a GROUP_CONCAT of IRIs) gets a label column
    whose cells join the labels with "; ". Labels come in the preferred language ``lang``.
    """
    with paused():
        return _add_labels(result, graph, lang)


def _add_labels(result: QueryResult, graph, lang: str | None) -> QueryResult:
    _source_labels(result, graph, lang)
    names = set(result.variables)
    rows = result.rows
    iris_of: dict[int, list[str] | None] = {}  # each distinct cell (by identity) is parsed once
    # each column's distinct cells, by identity (a store gives the same term as one object in every
    # row): the work below is per distinct cell, not per row
    distinct: dict[str, dict[int, object]] = {}
    for v in result.variables:
        if f"{v}Label" not in names:
            distinct[v] = {id(value): value for row in rows if (value := row.get(v)) is not None}

    def cell_iris(key: int, value) -> list[str] | None:
        found = iris_of.get(key, _MISSING)
        if found is _MISSING:
            found = iris_of[key] = _iris(value)
        return found  # type: ignore[return-value]

    def is_iri_column(cells: dict[int, object]) -> bool:
        if any(isinstance(value, URIRef) for value in cells.values()):
            return True
        return bool(cells) and all(cell_iris(key, value) is not None for key, value in cells.items() if str(value))

    iri_columns = [v for v, cells in distinct.items() if is_iri_column(cells)]
    if not iri_columns:
        return result
    every = sorted(
        {i for v in iri_columns for key, value in distinct[v].items() for i in (cell_iris(key, value) or ())}
    )
    found = labels_by_text(graph, every, lang).get
    plain = _plain_text_literal
    label_cells: dict[int, Literal | None] = {}
    for column in iri_columns:
        for key, value in distinct[column].items():
            if key in label_cells:
                continue
            iris = cell_iris(key, value)
            if iris:
                label_cells[key] = plain("; ".join([found(i) or short_iri(i) for i in iris]))
            else:
                label_cells[key] = plain(str(value)) if isinstance(value, Literal) else None
    for column in iri_columns:
        name = f"{column}Label"
        for row in rows:
            value = row.get(column)
            if value is not None:
                cell = label_cells[id(value)]
                if cell is not None:
                    row[name] = cell
    variables: list[str] = []
    for v in result.variables:
        variables.append(v)
        if v in iri_columns:
            variables.append(f"{v}Label")
    result.variables = variables
    return result
