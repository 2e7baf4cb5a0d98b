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

import re
from collections.abc import Callable
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

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
    is_construct = re.search(r"\bCONSTRUCT\b", body, re.IGNORECASE) and not re.search(
        r"\bCONSTRUCT\s+WHERE\b", body, re.IGNORECASE
    )
    where = braces[1] if is_construct and len(braces) > 1 else braces[0]
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(term_n3(v) for v in bindings.values())
    return f"{text[: where + 1]} VALUES ({names}) {{ ({values}) }}\n{text[where + 1 :]}"


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
        for solution in result:
            row = {}
            for v in variables:
                value = solution[v]
                if value is not None:
                    row[v] = to_rdflib(value)
            rows.append(row)
        return variables, rows

    def ask(self, text):
        return bool(self._run(text))

    def construct(self, text):
        graph = Graph()
        for triple in self._run(text):
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return graph


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
