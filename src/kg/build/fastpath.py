"""The fast build path: pyoxigraph parses and stores, the rules run as SPARQL Update, and the
shapes run as compiled SPARQL (:mod:`kg.build.shapes_sparql`) — for graphs too large for rdflib and
pyshacl. It reads the same inputs and reports the same results as the reference path
(:func:`kg.build.build` with ``engine="rdflib"``); tests assert both.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.build.findings import SEVERITY_ORDER, Result, ValidationReport
from kg.build.integrity import store_results
from kg.build.shapes_sparql import bind_classes, compile_file, evaluate, render_message, sparql_functions
from kg.build.sources import LoadIssue
from kg.build.validate import about_ill_typed
from kg.core import resources
from kg.core.labels import preference
from kg.core.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH, SOURCE_PREFIX, bind_all, source_graph
from kg.query.binding import bind_rows, bind_values, term_n3
from kg.query.stores import OxigraphStore, to_rdflib

KG_NS = "https://w3id.org/samverkan/def#"


@dataclass
class Inputs:
    """The files of one build and the named graph each goes to."""

    graphs: dict[Path, URIRef] = field(default_factory=dict)

    @property
    def files_by_graph(self) -> dict[URIRef, list[Path]]:
        out: dict[URIRef, list[Path]] = defaultdict(list)
        for path, graph in self.graphs.items():
            out[graph].append(path)
        return out


def inputs(data_dir: Path | None = None, files: list[Path] | None = None) -> Inputs:
    """Which file goes into which graph (the same layout rules as :mod:`kg.build.sources`)."""
    from kg.build.sources import check_stem, input_files

    found = Inputs()
    for path in resources.ontology_files():
        found.graphs[path] = ONTOLOGY_GRAPH
    reference, sources = input_files(data_dir, files)
    for path in reference:
        found.graphs[path] = REFERENCE_GRAPH
    for path in sources:
        found.graphs[path] = source_graph(check_stem(path))
    return found


_TRIPLE_FORMATS: dict = {}


def load_file(store, path: Path, graph: URIRef, kind: str | None = None, sink=None) -> list[LoadIssue]:
    """Load one file into ``graph`` of a pyoxigraph store, read strictly (:func:`kg.build.reading.read`).

    A dataset file (TriG, N-Quads, JSON-LD) keeps the named graphs it names (samverkan graphs only);
    its default graph goes to ``graph``. Returns the literals that are not valid for their datatype.
    Syntax errors are :class:`DataError` naming file, line and column.

    ``sink``, when given, is told what was loaded, once the store holds it, so that another store
    can load the same: ``sink(data, format, base_iri, graph)`` for bytes Oxigraph parsed (the same
    arguments as ``Store.load``), ``sink(quads)`` for a list of ``pyoxigraph.Quad`` added.
    """
    import pyoxigraph as ox

    from kg.build.reading import decode, plainly_valid, read
    from kg.build.sources import graph_for, literal_issues

    if kind is None:
        kind = "ontology" if graph == ONTOLOGY_GRAPH else "reference" if graph == REFERENCE_GRAPH else "source"
    target = ox.NamedNode(str(graph))
    _TRIPLE_FORMATS.setdefault(".ttl", ox.RdfFormat.TURTLE)
    _TRIPLE_FORMATS.setdefault(".nt", ox.RdfFormat.N_TRIPLES)
    suffix = path.suffix.lower()
    if suffix in _TRIPLE_FORMATS and kind != "ontology":
        # most files need not be parsed into Python quads for the blank-node and literal checks: when
        # the text shows that it can hold neither (kg.build.reading.plainly_valid), Oxigraph loads the
        # bytes and only the first triple is parsed, to refuse an empty file (at 1M triples the load
        # took 9.2 s of CPU with every file parsed twice, 5 s this way)
        text, data, base_iri = decode(path)
        if plainly_valid(text):
            format = _TRIPLE_FORMATS[suffix]
            try:
                store.load(data, format=format, base_iri=base_iri, to_graph=target)
                empty = next(iter(ox.parse(data, format=format, base_iri=base_iri)), None) is None
            except SyntaxError:
                empty = True  # read() below names the file, line and column
            if not empty:
                if sink is not None:
                    sink(data, format, base_iri, target)
                return []
    reading = read(path, kind)
    names: dict[str, object] = {}

    def name_of(quad):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            return target
        key = quad.graph_name.value
        if key not in names:
            names[key] = ox.NamedNode(str(graph_for(path, URIRef(key), kind)))
        return names[key]

    if path.suffix.lower() in (".ttl", ".nt"):  # triples only: Oxigraph loads the same bytes straight into the graph
        format = _TRIPLE_FORMATS[path.suffix.lower()]
        store.load(reading.data, format=format, base_iri=reading.base_iri, to_graph=target)
        if sink is not None:
            sink(reading.data, format, reading.base_iri, target)
    else:
        quads = [ox.Quad(q.subject, q.predicate, q.object, name_of(q)) for q in reading.quads]
        store.extend(quads)
        if sink is not None:
            sink(quads)
    return literal_issues(reading) if kind != "ontology" else []


# Files per task of :func:`load_files`'s threads: small enough to keep both threads busy to the end,
# large enough that a task's overhead (a future, a wake-up) is lost among its files' reading.
LOAD_TASK_FILES = 32


def reading_threads() -> int:
    """How many threads :func:`load_files` reads with: the cores this process may run on, at most 4
    (``KG_BUILD_READERS`` sets it; 1 reads in the calling thread).

    >>> import os; os.environ["KG_BUILD_READERS"] = "1"; reading_threads()
    1
    >>> del os.environ["KG_BUILD_READERS"]
    """
    import os

    chosen = os.environ.get("KG_BUILD_READERS", "").strip()
    if chosen:
        try:
            return max(1, int(chosen))
        except ValueError:
            raise ValueError(f"KG_BUILD_READERS={chosen!r}: give a number of threads") from None
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def load_files(store, found: Inputs, sink=None, threads: int | None = None) -> list[LoadIssue]:
    """Load every file of ``found`` into the pyoxigraph ``store`` (:func:`load_file` each, read
    strictly); returns their ill-typed literals in the order of the files.

    ``threads`` threads (default :func:`reading_threads`) read the files in tasks of
    :data:`LOAD_TASK_FILES`: while one thread's file is parsed and stored by Oxigraph (which
    releases the GIL), another decodes and pre-checks its next file in Python, so on two cores the
    reading takes about the longer of the two parts instead of their sum. The store's content does
    not depend on the order (its graph.trig dump is sorted), and the error raised is that of the
    first bad file in the order of ``found``, as when they are read one by one (later files may have
    been loaded meanwhile: a build that fails discards the store). A ``sink``
    (:class:`kg.build.incremental._StreamingStoreWriter`) hears the files in their order, from the
    calling thread; at most two tasks per thread are read ahead of it, so the input waiting for the
    sink stays small.
    """
    files = list(found.graphs.items())
    threads = reading_threads() if threads is None else threads
    if threads <= 1 or len(files) <= LOAD_TASK_FILES:
        issues: list[LoadIssue] = []
        for path, graph in files:
            issues += load_file(store, path, graph, sink=sink)
        return issues
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    def task(start: int) -> tuple[list[LoadIssue], list[tuple]]:
        found_here: list[LoadIssue] = []
        heard: list[tuple] = []  # what the sink is to hear, in order
        for path, graph in files[start : start + LOAD_TASK_FILES]:
            found_here += load_file(store, path, graph, sink=(lambda *item: heard.append(item)) if sink else None)
        return found_here, heard

    issues = []
    starts = iter(range(0, len(files), LOAD_TASK_FILES))
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="kg-reader")
    try:
        # the window first in zip(): once it is full, no start is taken from ``starts`` and lost
        pending = deque(pool.submit(task, at) for _, at in zip(range(2 * threads), starts, strict=False))
        while pending:
            found_here, heard = pending.popleft().result()
            for at in starts:  # one more task in place of the one done
                pending.append(pool.submit(task, at))
                break
            issues += found_here
            for item in heard:
                sink(*item)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)  # the tasks not begun are dropped
        raise
    pool.shutdown(wait=True)
    return issues


def load_store(found: Inputs, path: Path | None = None) -> OxigraphStore:
    """A new Oxigraph store (in memory, or on disk at ``path``) holding every input file."""
    import pyoxigraph as ox

    store = ox.Store(str(path)) if path is not None else ox.Store()
    for file, graph in found.graphs.items():
        load_file(store, file, graph)
    return OxigraphStore(store)


# ---------------------------------------------------------------------------- validation
def _short(term, namespaces: Graph) -> str:
    if isinstance(term, URIRef):
        try:
            return namespaces.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    return str(term)


class _Instances:
    """The instances of each class (with its subclasses) in a store, from one pass over its
    ``rdf:type`` statements, as sets of pyoxigraph terms: for checks that compare the instances of
    classes (29 disjointness checks at 1M triples: 1.5 s as queries, each reading two classes'
    instances; 0.4 s for the pass)."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        self._by_type: dict | None = None
        self._subclasses: dict = defaultdict(set)

    def instances(self, cls: str) -> set:
        import pyoxigraph as ox

        if self._by_type is None:
            self._by_type = defaultdict(set)
            for row in self.store.store.query("SELECT ?x ?t WHERE { ?x a ?t }", use_default_graph_as_union=True):
                self._by_type[row[1]].add(row[0])
            query = f"SELECT ?c ?super WHERE {{ ?c <{RDFS.subClassOf}>+ ?super }}"
            for row in self.store.store.query(query, use_default_graph_as_union=True):
                self._subclasses[row[1]].add(row[0])
        node = ox.NamedNode(cls)
        found: set = set()
        for kind in {node} | self._subclasses.get(node, set()):
            found |= self._by_type.get(kind, set())
        return found


def validate_store(
    store: OxigraphStore,
    found: Inputs,
    focus: list[URIRef] | None = None,
    shapes: Path | None = None,
    graphs: list[URIRef] | None = None,
    issues: list[LoadIssue] | None = None,
    removed: list | None = None,
    group_index=None,
) -> ValidationReport:
    """Run the compiled shapes and the cross-graph checks on an Oxigraph store.

    With ``focus``, only those focus nodes are checked (incremental rebuilds), except the
    cross-node SPARQL constraints (not marked ``ks:local``), which always run over the whole store;
    with ``graphs``, the per-graph check (each source describing its document) looks at those
    graphs only. ``issues`` are the ill-typed literals found when the files were read. A cross-node
    constraint with a group key (``ks:groupKey``: one IRI per person name) is checked, with ``focus``,
    only on the targets that share a key with a focus node, now or in the ``removed`` quads (the
    changed graphs' content before the rebuild); the report's ``rechecked`` names those targets.
    ``group_index(check, keys)``, when given, names the targets with one of those keys (a rebuild
    keeps them in its manifest, :mod:`kg.build.manifest`) instead of a query over the whole store.
    """
    import pyoxigraph as ox

    namespaces = Graph()
    bind_all(namespaces)
    files = found.files_by_graph
    raw: list[tuple] = []  # severity, message, focus, path, value, shape, discriminator (uniqueLang's language)
    instances: dict[str, set] = {}
    types_of: dict = defaultdict(set)
    subclasses: dict[str, set[str]] = {}
    answers: dict[str, list[dict]] = {}  # rows of each distinct query text over the whole store
    if focus:  # the types of each focus node, once, instead of a class pattern in every check
        for row in store.select(bind_rows("SELECT ?this ?type WHERE { ?this a ?type }", "this", focus))[1]:
            types_of[row["this"]].add(str(row["type"]))

    def subclasses_of(cls: str) -> set[str]:
        if cls not in subclasses:
            text = f"SELECT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{cls}> }}"
            subclasses[cls] = {str(r["c"]) for r in store.select(text)[1]} | {cls}
        return subclasses[cls]

    used: dict[str, bool] = {}

    def has_triples(predicate: str) -> bool:
        if predicate not in used:
            found = store.store.quads_for_pattern(None, ox.NamedNode(predicate), None, None)
            used[predicate] = next(found, None) is not None
        return used[predicate]

    classes = _Instances(store)
    rdf_type = ox.NamedNode(str(RDF.type))
    rechecked: dict[tuple[str, str], set[str]] = {}
    store.functions = {**store.functions, **sparql_functions()}
    for check in compile_file(shapes or resources.shapes_file()):
        if focus is not None and not check.local and check.key and check.target:
            classes_of_target = subclasses_of(check.target)
            # the focus nodes that are (or, in the removed quads, were) targets: only their keys matter
            was = {q.subject.value for q in removed or []
                   if q.predicate == rdf_type and q.object.value in classes_of_target}  # fmt: skip
            relevant = [n for n in focus if not types_of.get(n, set()).isdisjoint(classes_of_target) or str(n) in was]

            def with_keys(keys: set, check=check, classes=classes_of_target) -> list[URIRef]:
                if group_index is not None:
                    return group_index(check, keys)
                return _with_keys(store, check, keys, classes)

            nodes, keys = _sharing_key(store, check, relevant, removed or [], with_keys)
            rechecked[(check.shape, check.component)] = {str(n) for n in nodes}
            if not nodes:
                continue
            rows = _group_rows(store, check, nodes, keys, with_keys)
        elif focus is not None and check.local:
            nodes = [n for n in focus if not types_of.get(n, set()).isdisjoint(subclasses_of(check.target))]
            if not nodes:
                continue
            _, rows = store.select(bind_rows(bind_classes(check.focused, subclasses_of), "this", nodes))
        elif check.predicates and not all(map(has_triples, check.predicates)):
            rows = []  # no value along the path anywhere: nothing to check (0.1 s a check at 1M triples)
        elif check.disjoint:  # instances of all the classes: sets of the one pass over rdf:type
            common = set.intersection(*(classes.instances(c) for c in check.disjoint))
            rows = [{"this": to_rdflib(node)} for node in common]
        else:
            # several target classes share a property shape (rdfs:label on actors, initiatives, areas,
            # awards): the query is the same text, so it runs once and each class keeps its instances
            rows = evaluate(store, check, instances, answers, members=classes.instances)
        for row in rows:
            this = row.get("this")
            # node-level: the focus node is the value (sh:hasValue reports none)
            value = row.get("value", this if check.path is None and check.component != "HasValue" else None)
            message = render_message(check.message, row) if check.component == "SPARQL" else check.message
            lang = row.get("lang")
            raw.append((check.severity, message, this, check.path, value, check.shape, lang, check.component))
    results: list[Result] = []
    # every source graph describes its own document
    # the graphs from the store's index, then one query for the documents and their identifiers
    # (not one ASK per source: 18,674 of them cost 1.5 s at 1M triples)

    if graphs is None:
        named = sorted(URIRef(g.value) for g in store.store.named_graphs() if g.value.startswith(SOURCE_PREFIX))
    else:
        named = [g for g in graphs if store.store.contains_named_graph(ox.NamedNode(str(g)))]
    query = f"""SELECT ?g ?id WHERE {{ GRAPH ?g {{ ?g a <{KG_NS}SourceDocument>
                OPTIONAL {{ ?g <http://purl.org/dc/terms/identifier> ?id }} }} }}"""
    described: dict[URIRef, set[str]] = defaultdict(set)
    if graphs is None:
        rows = store.select(query)[1]
    else:  # a few graphs: their own quads by the index (the query with the graphs bound read them all: 0.2 s)
        rows = []
        rdf_type, document = ox.NamedNode(str(RDF.type)), ox.NamedNode(KG_NS + "SourceDocument")
        identifier = ox.NamedNode("http://purl.org/dc/terms/identifier")
        for graph in named:
            name = ox.NamedNode(str(graph))
            if next(store.store.quads_for_pattern(name, rdf_type, document, name), None) is not None:
                ids = [q.object for q in store.store.quads_for_pattern(name, identifier, None, name)]
                rows += [{"g": graph, "id": to_rdflib(i)} for i in ids] or [{"g": graph}]
    for row in rows:
        value = row.get("id")
        plain = isinstance(value, Literal) and value.language is None and value.datatype in (None, XSD.string)
        described[row["g"]].add(str(value) if plain else "")
    for graph in named:
        if not str(graph).startswith(SOURCE_PREFIX):
            continue
        stem = str(graph)[len(SOURCE_PREFIX) :]
        where = [str(p) for p in files.get(graph, [])]
        if graph not in described:
            results.append(
                Result("Violation", f"the graph of source {stem!r} does not describe its document: add <{graph}> "
                       "a kg:SourceDocument", focus=str(graph), files=where, shape="kg.validate:source-document")
            )  # fmt: skip
        elif stem not in described[graph]:
            results.append(
                Result("Violation", f'the source document must have dcterms:identifier "{stem}" (its file stem)',
                       focus=str(graph), path="dcterms:identifier", files=where, shape="kg.validate:source-document")
            )  # fmt: skip
    # literals that are not valid for their datatype, found when the files were read (kg.build.reading)
    for issue in issues or []:
        results.append(
            Result(
                "Violation", issue.message, focus=str(issue.subject) if issue.subject is not None else None,
                path=_short(issue.predicate, namespaces) if issue.predicate is not None else None, value=issue.value,
                files=[str(issue.file)], line=issue.line, shape="kg.validate:literal",
            )
        )  # fmt: skip
    # kg: terms the ontology does not define, places the reference data does not know (kg.build.closedworld)
    from kg.build import closedworld

    # in an incremental rebuild that left ontology and reference data alone, only the changed graphs
    # can hold a term the ontology or the reference data does not know (the rest passed before)
    scope = graphs if graphs is not None and REFERENCE_GRAPH not in graphs and ONTOLOGY_GRAPH not in graphs else None
    results += closedworld.results(closedworld.facts_from_store(store, scope), files)
    # no data file defines vocabulary; no node takes part in a relation untyped
    results += store_results(store, files, focus=focus, graphs=graphs)
    # where each focus node is described, and its label
    nodes = sorted({r[2] for r in raw if isinstance(r[2], URIRef)} | {URIRef(r.focus) for r in results if r.focus})
    graphs_of: dict[URIRef, set[URIRef]] = defaultdict(set)
    labels: dict[URIRef, str] = {}
    if nodes:
        for row in store.select(bind_rows("SELECT DISTINCT ?s ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "s", nodes))[1]:
            graphs_of[row["s"]].add(row["g"])
        order = preference(None)
        text = f"SELECT ?s ?l WHERE {{ ?s <{RDFS.label}>|<{SKOS.prefLabel}> ?l }}"
        found_labels: dict[URIRef, list[Literal]] = defaultdict(list)
        for row in store.select(bind_rows(text, "s", nodes))[1]:
            found_labels[row["s"]].append(row["l"])
        for node, values in found_labels.items():
            ranked = sorted(values, key=lambda v: (order.index(v.language) if v.language in order else 9, str(v)))
            labels[node] = str(ranked[0])

    names_in: dict[Path, set[str]] = {}

    def mentions(path: Path, node) -> bool:
        """Whether a file of a graph made of several files (reference data) names ``node`` as an IRI
        (a mention in a comment or a literal does not count)."""
        if path not in names_in:
            from kg.build.reading import tokens

            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                text = ""
            if path.suffix.lower() == ".jsonld":  # no tokens there: any whole-word mention
                names_in[path] = set(re.findall(r"[\w.~-]+", text))
            else:
                names_in[path] = {
                    re.split(r"[/#:]", value)[-1].rstrip(".")
                    for kind, value, _, _ in tokens(text)
                    if kind in ("iri", "word")
                }
        return re.split(r"[/#]", str(node))[-1] in names_in[path]

    def files_of(node) -> list[str]:
        paths = []
        for g in graphs_of.get(node, ()):
            if g != ONTOLOGY_GRAPH:
                found_in = files.get(g, [])
                paths += [p for p in found_in if len(found_in) == 1 or mentions(p, node)]
        return [str(p) for p in sorted(set(paths), key=lambda p: (p.parent.name != "sources", str(p)))]

    def holders(this, path: str | None, value) -> list[str]:
        """The files of the graphs that hold the offending triple (this, path, value)."""
        if not isinstance(this, URIRef) or value is None or not path or path[0] in "^(" or "/" in path:
            return []
        try:
            predicate = namespaces.namespace_manager.expand_curie(path) if not path.startswith("<") else path[1:-1]
        except ValueError:
            return []
        text = bind_values(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"s": this, "p": URIRef(predicate), "o": value}
        )
        out = []
        for row in store.select(text)[1]:
            out += [str(p) for p in files.get(row["g"], []) if len(files.get(row["g"], [])) == 1 or mentions(p, this)]
        return out

    seen = set()
    for severity, message, this, path, value, shape, discriminator, component in raw:
        key = (severity, message, this, path, value, discriminator, component)
        if key in seen:
            continue
        seen.add(key)
        results.append(
            Result(
                severity=severity, message=message, focus=str(this) if isinstance(this, URIRef) else None,
                focus_label=labels.get(this), path=path,
                value=_short(value, namespaces) if value is not None else None, shape=shape,
                files=list(dict.fromkeys(holders(this, path, value) + files_of(this))),
                component=component,
            )
        )  # fmt: skip
    for result in results:
        if result.focus and not result.focus_label:
            result.focus_label = labels.get(URIRef(result.focus))
    results = about_ill_typed(results, issues or [])
    results.sort(key=lambda r: (SEVERITY_ORDER.get(r.severity, 9), r.files[:1], r.focus or "", r.message))
    return ValidationReport(results, rechecked=rechecked)


def _keys_of(store: OxigraphStore, check, nodes: list) -> set:
    """The group keys (``check.key``) of ``nodes`` in ``store``."""
    if not nodes:
        return set()
    return {row["key"] for row in store.select(bind_rows(check.key, "this", nodes))[1] if "key" in row}


def _group_rows(store: OxigraphStore, check, nodes: list[URIRef], known: set, with_keys) -> list[dict]:
    """The rows of ``check`` (its whole-graph query) for ``nodes``, from a small store holding only
    the ontology and the triples of the targets that share a key with them (by ``ks:groupKey``'s
    contract the verdict depends on nothing else; bound to a few nodes, the constraint's own
    ``sh:select`` compared each with every person's every restated label: minutes at 1M triples).
    ``nodes`` are the targets with a key in ``known``; the others sharing their other keys join them."""
    import pyoxigraph as ox

    group = set(nodes) | set(with_keys(_keys_of(store, check, nodes) - known))
    small = ox.Store()
    small.extend(store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))))
    for node in sorted(group):
        small.extend(store.store.quads_for_pattern(ox.NamedNode(str(node)), None, None, None))
    wanted = set(nodes)
    return [row for row in OxigraphStore(small).select(check.query)[1] if row.get("this") in wanted]


def _sharing_key(
    store: OxigraphStore, check, focus: list[URIRef], removed: list, with_keys
) -> tuple[list[URIRef], set]:
    """The instances of ``classes`` that share a key (``check.key``) with one of ``focus`` (changed
    targets), as the store is now or as the ``removed`` quads had it (``focus`` among them): those
    whose verdict a rebuild may have changed. At 1M triples one IRI per person name costs 0.9 s of
    CPU over the whole store, about 0.2 s this way. Returns them and the keys."""
    import pyoxigraph as ox

    keys = _keys_of(store, check, focus)
    if removed and focus:  # the keys they had before: a node that shared one may have lost its partner
        before = OxigraphStore(ox.Store())
        before.store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in removed)
        keys |= _keys_of(before, check, focus)
    return with_keys(keys) if keys else [], keys


def _with_keys(store: OxigraphStore, check, keys: set, classes: set[str]) -> list[URIRef]:
    """The instances of ``classes`` with one of the group ``keys``."""
    if not keys:
        return []
    where = re.search(r"WHERE\s*\{(.*)\}\s*$", check.key, re.S)
    if where is None:
        raise ValueError(f"ks:groupKey of {check.shape}: write it as SELECT ?this ?key WHERE {{ ... }}")
    prefixes = check.key[: check.key.upper().index("SELECT")]
    instances = " ".join(f"<{c}>" for c in sorted(classes))
    wanted = ", ".join(term_n3(k) for k in sorted(keys))  # a FILTER: the key is BIND's, not yet bound
    # the DISTINCT instances first: a node restated in many sources is typed once per source
    text = f"""{prefixes}SELECT DISTINCT ?this WHERE {{
               {{ SELECT DISTINCT ?this WHERE {{ VALUES ?_type {{ {instances} }} ?this a ?_type }} }}
               {where.group(1)} FILTER(?key IN ({wanted})) }}"""
    return sorted(row["this"] for row in store.select(text)[1])


def named_triples(store: OxigraphStore) -> int:
    """The number of quads in the named graphs of ``store`` (all but the default graph)."""
    import pyoxigraph as ox

    # counted from the store's indexes, not by a per-graph GROUP BY (0.5 s at 1M triples)
    in_default_graph = sum(1 for _ in store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return len(store.store) - in_default_graph


def statistics(store: OxigraphStore, triples: int | None = None) -> dict[str, object]:
    """Triples, graphs and sources (from the store's indexes) and entities per class with subclasses (SPARQL).

    ``triples``: the number of triples in the named graphs when the caller knows it (counting an
    on-disk store reads all of it: 0.3 s at 1M triples), else counted (:func:`named_triples`).
    """
    from kg.build.result import ENTITY_CLASSES

    graphs = [g.value for g in store.store.named_graphs()]
    entities = {}
    for name in ENTITY_CLASSES:
        _, counted = store.select(
            f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a/<{RDFS.subClassOf}>* <{KG_NS}{name}> }}"
        )
        entities[name] = int(counted[0]["n"])
    return {
        "triples": named_triples(store) if triples is None else triples,
        "graphs": len(graphs),
        "sources": sum(1 for g in graphs if g.startswith(SOURCE_PREFIX)),
        "entities": entities,
    }


__all__ = ["Inputs", "inputs", "load_store", "named_triples", "statistics", "validate_store"]
