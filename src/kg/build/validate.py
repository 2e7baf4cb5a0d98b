"""Validate a loaded dataset with pyshacl and the project's own cross-graph checks.

pyshacl sees the union of all named graphs together with the ontology, so that subclasses count
for ``sh:class``. Each result is traced back to the files that describe its focus node.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, RDF

from kg.build.findings import SEVERITY_ORDER, Result, ValidationReport
from kg.build.sources import Loaded
from kg.core import resources
from kg.core.labels import best_label
from kg.core.namespaces import KG, SH


def _names() -> Graph:
    from kg.core.namespaces import bind_all

    graph = Graph()
    bind_all(graph)
    return graph


_NAMES = _names()


def _short(term: object, graph: Graph) -> str:
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    return str(term)


def _path_text(graph: Graph, path: object) -> str | None:
    if path is None:
        return None
    if isinstance(path, BNode):
        inverse = graph.value(path, SH.inversePath)
        if inverse is not None:
            return f"^{_short(inverse, graph)}"
        if graph.value(path, RDF.first) is not None:  # a sequence path, written as SPARQL writes it
            steps = [_path_text(graph, step) for step in Collection(graph, path)]
            if all(steps) and "(complex path)" not in steps:
                return "/".join(steps)
        return "(complex path)"
    return _short(path, graph)


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for prefix, ns in dataset.namespaces():
        union.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def dataset_checks(loaded: Loaded) -> list[Result]:
    """Checks across named graphs that SHACL on the union cannot see.

    - every source graph describes its own document (a kg:SourceDocument whose IRI is the graph
      name and whose dcterms:identifier is the file stem);
    - every literal is valid for its datatype (reported with the file and line);
    - no data file defines vocabulary, and no node takes part in a relation untyped (:mod:`kg.build.integrity`).
    """
    from kg.build.integrity import dataset_results

    results: list[Result] = dataset_results(loaded.dataset, loaded.files)
    for name in loaded.source_graphs:
        graph = loaded.dataset.graph(name)
        stem = str(name).rsplit("/", 1)[-1]
        files = [str(p) for p in loaded.files[name]]
        if (name, RDF.type, KG.SourceDocument) not in graph:
            results.append(
                Result(
                    "Violation",
                    f"the graph of source {stem!r} does not describe its document: add <{name}> a kg:SourceDocument",
                    focus=str(name),
                    files=files,
                    shape="kg.validate:source-document",
                )
            )
        elif Literal(stem) not in set(graph.objects(name, DCTERMS.identifier)):
            results.append(
                Result(
                    "Violation",
                    f'the source document must have dcterms:identifier "{stem}" (its file stem)',
                    focus=str(name),
                    path="dcterms:identifier",
                    files=files,
                    shape="kg.validate:source-document",
                )
            )
    for issue in loaded.issues:
        results.append(
            Result(
                "Violation",
                issue.message,
                focus=str(issue.subject) if issue.subject is not None else None,
                focus_label=best_label(loaded.dataset, issue.subject) if issue.subject is not None else None,
                path=_short(issue.predicate, loaded.dataset) if issue.predicate is not None else None,
                value=issue.value,
                files=[str(issue.file)],
                line=issue.line,
                shape="kg.validate:literal",
            )
        )
    return results


@contextmanager
def _parse_each_query_once() -> Iterator[None]:
    """Let rdflib parse each distinct SPARQL text once while pyshacl runs.

    pyshacl runs a SPARQL constraint as one query per focus node, passing the same text every
    time; rdflib parses it anew on each call (pyparsing: 20–200 ms a query, against well under
    1 ms to evaluate it). With the reference data's hundreds of actors that parsing was most of the
    validation time. The parsed and translated query is the same object rdflib's own
    ``prepareQuery`` returns, which is made to be evaluated many times.
    """
    from rdflib.plugins.sparql import processor

    original = processor.SPARQLProcessor.query
    cache: dict[tuple[str, str | None, tuple], object] = {}

    def query(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):
        if isinstance(strOrQuery, str):
            key = (strOrQuery, base, tuple(sorted((initNs or {}).items())))
            if key not in cache:
                cache[key] = processor.translateQuery(processor.parseQuery(strOrQuery), base, initNs)
            strOrQuery = cache[key]
        return original(self, strOrQuery, initBindings or {}, initNs, base, DEBUG)

    processor.SPARQLProcessor.query = query
    try:
        yield
    finally:
        processor.SPARQLProcessor.query = original


def xpath_pattern(pattern: str) -> str:
    r"""A Python regular expression that means what the XPath one ``pattern`` means, as SHACL's
    ``sh:pattern`` requires: ``$`` matches only at the very end (Python's also before a final newline).

    >>> xpath_pattern("^[A-Z]{2}$"), xpath_pattern(r"^\$[0-9]+$"), xpath_pattern("[$]")
    ('^[A-Z]{2}\\Z', '^\\$[0-9]+\\Z', '[$]')
    """
    out, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "]":
            in_class = False
            out.append(char)
        elif char == "$" and not in_class:
            out.append("\\Z")
        else:
            out.append(char)
    return "".join(out)


def _for_pyshacl(shapes_graph: Graph) -> Graph:
    for node, pattern in list(shapes_graph.subject_objects(SH.pattern)):
        shapes_graph.remove((node, SH.pattern, pattern))
        shapes_graph.add((node, SH.pattern, Literal(xpath_pattern(str(pattern)))))
    return shapes_graph


def about_ill_typed(results: list[Result], issues: list) -> list[Result]:
    """Drop the constraint results about a value already reported as ill-typed (same focus, path and
    value as written): an ill-formed literal gets one Violation quoting it as written, with its line,
    on both engines (a store may read ``"1_000"`` as 1000, pyshacl may fail on ``"NaN"``). Another
    value on the same path keeps its own results (a second, well-formed amount below zero is
    reported as such), as do results without a value (``sh:maxCount``)."""
    known = {
        (str(i.subject), _short(URIRef(i.predicate), _NAMES), i.value)
        for i in issues
        if i.subject is not None and i.predicate is not None
    }
    if not known:
        return results
    return [
        r
        for r in results
        if r.value is None or r.shape == "kg.validate:literal" or (r.focus, r.path, r.value) not in known
    ]


def shacl_results(loaded: Loaded, shapes: Path | None = None) -> list[Result]:
    """Run pyshacl over the union of the dataset's graphs and turn its report into Results.

    Ill-typed literals (found when reading) are given to pyshacl as plain strings: they are
    reported once by the literal check, and rdflib would fail on some (``"NaN"^^xsd:decimal``).
    """
    from pyshacl import validate as shacl_validate

    shapes_graph = _for_pyshacl(Graph().parse(shapes or resources.shapes_file()))
    data = _union(loaded.dataset)
    for issue in loaded.issues:
        if issue.subject is not None and issue.predicate is not None:
            for o in list(data.objects(issue.subject, issue.predicate)):
                if isinstance(o, Literal) and o.datatype is not None and str(o) == issue.value:
                    data.remove((issue.subject, issue.predicate, o))
                    data.add((issue.subject, issue.predicate, Literal(issue.value)))
    try:
        with _parse_each_query_once():
            _, report_graph, _ = shacl_validate(
                data,
                shacl_graph=shapes_graph,
                inference="none",
                allow_warnings=True,
                allow_infos=True,
                inplace=True,
            )
    finally:
        import rdflib

        rdflib.NORMALIZE_LITERALS = False  # pyshacl sets it back to True; literals stay as written
    results = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(node, SH.focusNode)
        severity = str(report_graph.value(node, SH.resultSeverity)).rsplit("#", 1)[-1]
        value = report_graph.value(node, SH.value)
        message = report_graph.value(node, SH.resultMessage)
        shape = report_graph.value(node, SH.sourceShape)
        component = report_graph.value(node, SH.sourceConstraintComponent)
        results.append(
            Result(
                severity=severity,
                message=str(message) if message is not None else "constraint not met",
                focus=str(focus) if isinstance(focus, URIRef) else None,
                focus_label=best_label(data, focus),
                path=_path_text(report_graph, report_graph.value(node, SH.resultPath)),
                value=_short(value, data) if value is not None else None,
                files=[str(f) for f in loaded.files_of_triple(focus, report_graph.value(node, SH.resultPath), value)],
                shape=str(shape) if isinstance(shape, URIRef) else None,
                component=str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent") if component else None,
            )
        )
    return results


def validate(loaded: Loaded, shapes: Path | None = None) -> ValidationReport:
    """Validate a loaded (and derived) dataset.

    >>> from kg.build.sources import load
    >>> from kg.build.derive import derive
    >>> from kg.core.resources import default_data_dir
    >>> loaded = load(files=[default_data_dir() / "sources" / "01_sv_gallivare-move-on-up.ttl"])  # + reference data
    >>> _ = derive(loaded.dataset)
    >>> validate(loaded).conforms
    True
    """
    from kg.build import closedworld

    closed = closedworld.results(closedworld.facts_from_dataset(loaded.dataset), loaded.files)
    for result in closed:
        result.focus_label = best_label(loaded.dataset, URIRef(result.focus)) if result.focus else None
    results = dataset_checks(loaded) + about_ill_typed(shacl_results(loaded, shapes), loaded.issues) + closed
    results.sort(key=lambda r: (SEVERITY_ORDER.get(r.severity, 9), r.files[:1], r.focus or "", r.message))
    return ValidationReport(results)
