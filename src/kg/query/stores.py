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

import json
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.core.namespaces import KG, PREFIXES
from kg.query.binding import with_prefixes
from kg.query.http import DEFAULT_HTTP_TIMEOUT, HttpClient, RemoteError, RemoteHTTPError, check_url

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


_XSD_STRING = str(XSD.string)


def _made_as_rdflib_makes(text: str, language: str | None) -> Literal:
    """A plain or language-tagged literal with the fields ``Literal(text, lang=language)`` sets, without
    its checks (the tag is one Oxigraph has already checked): 1 µs instead of 6-7 (at a million
    triples ``ties`` converts 100,000 plain literals)."""
    literal = str.__new__(Literal, text)
    literal._language = language
    literal._datatype = None
    literal._value = text
    literal._ill_typed = None
    return literal


def _fast_literals_agree() -> bool:
    """Whether :func:`_made_as_rdflib_makes` makes what rdflib's constructor makes (this rdflib's fields)."""
    if getattr(Literal, "__slots__", None) != ("_language", "_datatype", "_value", "_ill_typed"):
        return False
    for text, language in (("Pajala", None), ("Pajala", "sv"), ("", None), ("x y", "se-fi")):
        made, expected = _made_as_rdflib_makes(text, language), Literal(text, lang=language)
        fields = ("language", "datatype", "value", "ill_typed")
        if [getattr(made, f) for f in fields] != [getattr(expected, f) for f in fields]:
            return False
        if made != expected or hash(made) != hash(expected) or made.n3() != expected.n3():
            return False
    return True


_plain_literal = _made_as_rdflib_makes if _fast_literals_agree() else (lambda text, lang: Literal(text, lang=lang))


def to_rdflib(term: Any) -> Any:
    """An rdflib term for a pyoxigraph term (plain literals stay plain).

    >>> import pyoxigraph as ox
    >>> to_rdflib(ox.Literal("Pajala", language="sv")), to_rdflib(ox.Literal("Pajala"))
    (rdflib.term.Literal('Pajala', lang='sv'), rdflib.term.Literal('Pajala'))
    >>> to_rdflib(ox.Literal("2020Z", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")))
    rdflib.term.Literal('2020Z', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYear'))
    """
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        language = term.language
        if language:
            return _plain_literal(term.value, language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return _plain_literal(term.value, None)
        return Literal(term.value, datatype=URIRef(datatype), normalize=False)  # as written: "2020Z" stays
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
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

    def solutions(self, text: str) -> tuple[list[str], list[tuple]]:
        """Variables and rows of a SELECT as tuples in the variables' order (``None`` where unbound), of
        the engine's own terms, unconverted and unsorted beyond what the engine does: what internal
        lookups (labels, titles) read through :mod:`kg.query.native`. Here: rdflib terms."""
        variables, rows = self.select(text)
        return variables, [tuple(row.get(v) for v in variables) for row in rows]

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
        for release in getattr(self, "_on_close", ()):
            release()
        self._on_close = []

    def closing(self, release: Callable[[], None]) -> None:
        """Call ``release`` when the store is closed or garbage-collected (a lock held while it is open)."""
        if not hasattr(self, "_on_close"):
            self._on_close = []
        self._on_close.append(release)
        weakref.finalize(self, release)


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
        #: SPARQL extension functions (IRI -> Python callable on pyoxigraph terms) the queries may call
        self.functions: dict = {}

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
        if self.functions and any(name.value in text for name in self.functions):
            return self.store.query(
                with_prefixes(text), use_default_graph_as_union=True, custom_functions=self.functions
            )
        return self.store.query(with_prefixes(text), use_default_graph_as_union=True)

    #: sort a SELECT's rows in Python instead of by the query's top-level ORDER BY (:mod:`kg.query.order`)
    sort_in_python = True

    def select(self, text):
        """Variables and rows (dicts of rdflib terms) of a SELECT query.

        The query's top-level ``ORDER BY`` is done in Python in Oxigraph's order where that order can
        be reproduced exactly (:mod:`kg.query.order`; on the on-disk store Oxigraph's sort decodes
        both terms of every comparison: 11.8 s of CPU against 2.5 s without it for ``ties`` at 1M
        triples); otherwise the query runs as written.
        """
        if self.sort_in_python:
            from kg.query.order import plan

            ordering = plan(with_prefixes(text))
            if ordering is not None:
                try:
                    variables, rows = self._rows(ordering.text)
                except (SyntaxError, ValueError):
                    variables = None  # the rewriting is not one Oxigraph accepts: run the query as written
                if variables is not None:
                    ordered = ordering.sort(variables, rows)
                    if ordered is not None:
                        return ordered
        return self._rows(text)

    def _rows(self, text):
        result = self._run(text)
        variables = [v.value for v in result.variables]
        rows = []
        converted: dict = {}  # the same term recurs in many rows: convert it once, one object for all
        get = converted.get
        for solution in result:
            row = {}
            for v, value in zip(variables, solution, strict=True):  # by position: solution[v] looks the name up
                if value is not None:
                    term = get(value)
                    if term is None:
                        term = converted[value] = to_rdflib(value)
                    row[v] = term
            rows.append(row)
        return variables, rows

    def solutions(self, text):
        """Variables and rows as tuples of pyoxigraph terms, as Oxigraph gives them (no conversion, no
        sort in Python: the query runs as written)."""
        result = self._run(text)
        return [v.value for v in result.variables], [tuple(solution) for solution in result]

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

    def close(self) -> None:
        if getattr(self, "_on_close", None):  # opened for this reader (a read-only on-disk store): let go of it
            self.store = None
        super().close()


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


TRIG_PREFIXES = {
    "kg": str(KG),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": str(XSD),
}


def canonical_quads(quads) -> set[str]:
    """The quads (any iterable of pyoxigraph quads: a ``Store``, a ``Dataset``, a list) as N-Quads
    text, blank nodes named from the content around them (RDF Dataset Canonicalization, Oxigraph's
    ``Dataset.canonicalize``): two stores hold the same dataset exactly when these sets are equal,
    however each load named its blank nodes. Only the quads with a blank node are canonicalised (at a
    million triples the others are nearly all of them). Used to check that two builds give the same
    store (``bench/build_compare.py``).

    >>> import pyoxigraph as ox
    >>> def loaded(text):
    ...     store = ox.Store()
    ...     store.load(text.encode(), format=ox.RdfFormat.N_QUADS)
    ...     return store
    >>> a = loaded('_:x <urn:p> "1" <urn:g> .\\n<urn:s> <urn:q> _:x <urn:g> .\\n<urn:s> <urn:r> "2" .\\n')
    >>> b = loaded('_:other <urn:p> "1" <urn:g> .\\n<urn:s> <urn:q> _:other <urn:g> .\\n<urn:s> <urn:r> "2" .\\n')
    >>> canonical_quads(a) == canonical_quads(b), len(canonical_quads(a))
    (True, 3)
    """
    import pyoxigraph as ox

    plain, blank = set(), []
    for quad in quads:
        if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
            blank.append(quad)
        else:
            plain.add(str(quad))
    if blank:
        dataset = ox.Dataset(blank)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
        plain |= {str(quad) for quad in dataset}
    return plain


def dump_trig(
    store: OxigraphStore, target: Path, reuse: tuple[Path, dict[str, list[int]], set[str]] | None = None
) -> dict[str, list[int]]:
    """Write every graph as TriG, atomically, one block per named graph in name order; return the
    byte range ``[start, end]`` of each graph's block.

    ``reuse=(old_file, its ranges, changed graph names)`` copies the blocks of unchanged graphs
    from the previous file instead of serialising them again (an incremental rebuild rewrites
    a 1M-triple file in a fraction of a second).
    """
    import mmap

    import pyoxigraph as ox

    from kg.core.atomic import atomic_writer

    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in TRIG_PREFIXES.items()).encode()

    def block(graph) -> bytes:
        """The graph's triples as Turtle, without the @prefix lines (declared once, at the top)."""
        # sorted, so that the bytes depend on the content only, not on the store's history (an
        # incremental rebuild writes what a full build writes)
        quads = list(store.store.quads_for_pattern(None, None, None, graph))
        if any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads):
            # blank nodes (the ontology's RDF lists) get names from their content, not the load
            dataset = ox.Dataset(quads)
            dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
            quads = list(dataset)
        # by the N-Triples text of the whole triple: the order of (subject, predicate, object) as
        # strings, since a subject or predicate never continues past its end with a character below
        # the separating space (an IRI ends at ">", a blank node label has no space), with one
        # string per triple instead of three and a tuple (0.5 s less at 1M triples)
        triples = sorted((q.triple for q in quads), key=str)
        body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=TRIG_PREFIXES) or b""
        start = 0
        while body.startswith(b"@prefix ", start):
            start = body.index(b"\n", start) + 1
        return body[start:]

    ranges: dict[str, list[int]] = {}
    old_file = old = None
    if reuse is not None:
        old_file = open(reuse[0], "rb")  # noqa: SIM115 (closed below)
        old = mmap.mmap(old_file.fileno(), 0, access=mmap.ACCESS_READ) if reuse[0].stat().st_size else b""
    try:
        with atomic_writer(target, "wb") as handle:
            handle.write(header)
            handle.write(block(ox.DefaultGraph()))
            for name in sorted(g.value for g in store.store.named_graphs()):
                start = handle.tell()
                if reuse is not None and name in reuse[1] and name not in reuse[2]:
                    first, last = reuse[1][name]
                    handle.write(old[first:last])
                else:
                    handle.write(b"<" + name.encode() + b"> {\n" + block(ox.NamedNode(name)) + b"}\n")
                ranges[name] = [start, handle.tell()]
    finally:
        if old_file is not None:
            if isinstance(old, mmap.mmap):
                old.close()
            old_file.close()
    return ranges
