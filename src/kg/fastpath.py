"""The fast build path: pyoxigraph parses and stores, the rules run as SPARQL Update, and the
shapes run as compiled SPARQL (:mod:`kg.shapes_sparql`) — for graphs too large for rdflib and
pyshacl. It reads the same inputs and reports the same results as the reference path
(:func:`kg.build.build` with ``engine="rdflib"``); tests assert both.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD

from kg import resources
from kg.errors import DataError
from kg.labels import preference
from kg.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH, SOURCE_PREFIX, bind_all, source_graph
from kg.shapes_sparql import CASTABLE, compile_file, render_message
from kg.store import OxigraphStore, bind_rows
from kg.validate import SEVERITY_ORDER, Result, ValidationReport

KG_NS = "https://w3id.org/samverkan/def#"
GLOBAL_COMPONENTS = ("SPARQL",)  # cross-node constraints: always checked over the whole store


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
    """Which file goes into which graph (the same layout rules as :mod:`kg.sources`)."""
    from kg.sources import _rdf_files, discover

    found = Inputs()
    for path in resources.ontology_files():
        found.graphs[path] = ONTOLOGY_GRAPH
    reference: list[Path] = []
    sources: list[Path] = []
    if files:
        for item in map(Path, files):
            if item.is_dir():
                ref, src = discover(item)
                reference += ref
                sources += src
            elif not item.exists():
                raise DataError("file not found", file=item)
            elif item.parent.name == "reference":
                reference.append(item)
            else:
                sources.append(item)
        reference = reference or _rdf_files(resources.shipped("data") / "reference")
    else:
        reference, sources = discover(Path(data_dir) if data_dir is not None else resources.default_data_dir())
    for path in reference:
        found.graphs[path] = REFERENCE_GRAPH
    for path in sources:
        found.graphs[path] = source_graph(path.stem)
    return found


def load_file(store, path: Path, graph: URIRef) -> None:
    """Load one file into ``graph`` of a pyoxigraph store; syntax errors name file, line, column."""
    import pyoxigraph as ox

    suffix = path.suffix.lower()
    if suffix in (".trig", ".nq", ".jsonld"):
        # datasets may name their own graphs: read them the reference way, then copy the quads
        from kg.sources import Loaded, add_file, new_dataset
        from kg.store import to_oxigraph

        loaded = Loaded(dataset=new_dataset())
        add_file(loaded, path, "reference" if graph == REFERENCE_GRAPH else "source")
        quads = [
            ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.NamedNode(str(g.identifier)))
            for s, p, o, g in loaded.dataset.quads((None, None, None, None))
        ]
        store.extend(quads)
        return
    formats = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
    if suffix not in formats:
        raise DataError(f"unsupported file type {path.suffix!r}", file=path)
    try:
        store.load(path=str(path), format=formats[suffix], to_graph=ox.NamedNode(str(graph)))
    except SyntaxError as exc:
        message = re.sub(r"^Parser error at line \d+ between columns \d+ and \d+: ", "", str(exc.msg))
        found = re.match(r"The prefix (\S*?): has not been declared", message)
        if found:
            message = f"unknown prefix '{found.group(1)}:' (declare it with @prefix)"
        raise DataError(f"syntax error: {message}", file=path, line=exc.lineno, column=exc.offset) from exc
    except OSError as exc:
        raise DataError(f"cannot read file: {exc}", file=path) from exc


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


def _ill_typed_query() -> str:
    tests = " || ".join(
        f"(DATATYPE(?o) = <{d}> && !COALESCE(STRLEN(STR(<{d}>(?o))) >= 0, false))" for d in sorted(CASTABLE)
    )
    return f'SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(isLiteral(?o) && LANG(?o) = "" && ({tests})) }}'


def _line_of(path: Path, lexical: str) -> int | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    index = text.find(f'"{lexical}"')
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def validate_store(
    store: OxigraphStore, found: Inputs, focus: list[URIRef] | None = None, shapes: Path | None = None
) -> ValidationReport:
    """Run the compiled shapes and the cross-graph checks on an Oxigraph store.

    With ``focus``, only those focus nodes are checked (incremental rebuilds), except the
    cross-node SPARQL constraints (:data:`GLOBAL_COMPONENTS`), which always run over the whole store.
    """
    namespaces = Graph()
    bind_all(namespaces)
    files = found.files_by_graph
    raw: list[tuple] = []  # severity, message, focus, path, value, shape, discriminator (uniqueLang's language)
    instances: dict[str, set] = {}
    for check in compile_file(shapes or resources.shapes_file()):
        restrict = focus is not None and check.component not in GLOBAL_COMPONENTS
        if restrict and not focus:
            continue
        query = check.query
        if restrict and check.focus_in_query:
            query = bind_rows(query, "this", focus)
        _, rows = store.select(query)
        if not check.focus_in_query and rows:
            if check.target not in instances:
                found_nodes = store.select(f"SELECT ?this WHERE {{ ?this a/<{RDFS.subClassOf}>* <{check.target}> }}")[1]
                instances[check.target] = {r["this"] for r in found_nodes}
            allowed = instances[check.target] if not restrict else instances[check.target] & set(focus)
            rows = [row for row in rows if row.get("this") in allowed]
        for row in rows:
            this = row.get("this")
            value = row.get("value", this if check.component in ("Xone", "Not") else None)
            message = render_message(check.message, row) if check.component == "SPARQL" else check.message
            raw.append((check.severity, message, this, check.path, value, check.shape, row.get("lang")))
    results: list[Result] = []
    # every source graph describes its own document
    _, rows = store.select(
        f"""SELECT DISTINCT ?g ?doc WHERE {{
              GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{SOURCE_PREFIX}"))
              OPTIONAL {{ GRAPH ?g {{ ?g a <{KG_NS}SourceDocument> BIND(true AS ?doc) }} }} }}"""
    )
    for row in rows:
        graph = row["g"]
        if focus is not None and graph not in focus:
            continue
        stem = str(graph)[len(SOURCE_PREFIX) :]
        where = [str(p) for p in files.get(graph, [])]
        if "doc" not in row:
            results.append(
                Result("Violation", f"the graph of source {stem!r} does not describe its document: add <{graph}> "
                       "a kg:SourceDocument", focus=str(graph), files=where, shape="kg.validate:source-document")
            )  # fmt: skip
        elif not store.ask(f'ASK {{ GRAPH <{graph}> {{ <{graph}> <http://purl.org/dc/terms/identifier> "{stem}" }} }}'):
            results.append(
                Result("Violation", f'the source document must have dcterms:identifier "{stem}" (its file stem)',
                       focus=str(graph), path="dcterms:identifier", files=where, shape="kg.validate:source-document")
            )  # fmt: skip
    # literals that are not valid for their datatype, with file and line
    for row in store.select(_ill_typed_query())[1]:
        if focus is not None and row["s"] not in focus:
            continue
        path = files.get(row["g"], [None])[0]
        kind = str(row["o"].datatype).rsplit("#", 1)[-1]
        results.append(
            Result(
                "Violation", f'"{row["o"]}" is not a valid xsd:{kind}', focus=str(row["s"]),
                path=_short(row["p"], namespaces), value=str(row["o"]), files=[str(path)] if path else [],
                line=_line_of(path, str(row["o"])) if path else None, shape="kg.validate:literal",
            )
        )  # fmt: skip
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

    def files_of(node) -> list[str]:
        paths = [p for g in graphs_of.get(node, ()) if g != ONTOLOGY_GRAPH for p in files.get(g, [])]
        return [str(p) for p in sorted(set(paths), key=lambda p: (p.parent.name != "sources", str(p)))]

    seen = set()
    for severity, message, this, path, value, shape, discriminator in raw:
        key = (severity, message, this, path, value, discriminator)
        if key in seen:
            continue
        seen.add(key)
        results.append(
            Result(
                severity=severity, message=message, focus=str(this) if isinstance(this, URIRef) else None,
                focus_label=labels.get(this), path=path,
                value=_short(value, namespaces) if value is not None else None, files=files_of(this), shape=shape,
            )
        )  # fmt: skip
    for result in results:
        if result.focus and not result.focus_label:
            result.focus_label = labels.get(URIRef(result.focus))
    results.sort(key=lambda r: (SEVERITY_ORDER.get(r.severity, 9), r.files[:1], r.focus or "", r.message))
    return ValidationReport(results)


def statistics(store: OxigraphStore) -> dict[str, object]:
    """Triples, graphs, sources and entities per class (with subclasses), by SPARQL."""
    from kg.build import ENTITY_CLASSES

    _, rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    entities = {}
    for name in ENTITY_CLASSES:
        _, counted = store.select(
            f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a/<{RDFS.subClassOf}>* <{KG_NS}{name}> }}"
        )
        entities[name] = int(counted[0]["n"])
    return {
        "triples": sum(int(r["n"]) for r in rows),
        "graphs": len(rows),
        "sources": sum(1 for r in rows if str(r["g"]).startswith(SOURCE_PREFIX)),
        "entities": entities,
    }


def dump_trig(store: OxigraphStore, target: Path) -> None:
    """Write every named graph as TriG, atomically."""
    import pyoxigraph as ox

    from kg.atomic import atomic_writer

    with atomic_writer(target, "wb") as handle:
        store.store.dump(handle, format=ox.RdfFormat.TRIG, prefixes={"kg": KG_NS, "xsd": str(XSD)})


__all__ = ["Inputs", "dump_trig", "inputs", "load_store", "statistics", "validate_store"]
