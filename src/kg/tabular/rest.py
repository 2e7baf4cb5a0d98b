"""The rest of the graph: the data folder without the source being written, loaded once per process.

``kg import`` and ``kg ingest --out X.ttl`` reconcile names against the rest of the graph and
write a source only when the whole graph, with it, conforms to the shapes. Reading, deriving and
validating the rest for every document cost seconds; :func:`rest_of_graph` keeps one
:class:`RestOfGraph` per process, keyed by the files it was read from (path, size and
modification time of every file, and of the ontology), so a changed or added file is read again.

:meth:`RestOfGraph.validate` checks a candidate source with the rest the way an incremental
``kg build --engine oxigraph`` checks a changed file (:mod:`kg.build.incremental`): the candidate
is loaded into its named graph of the cached store and derived there, the shapes run on the
focus nodes it touches (its subjects and objects, and the nodes pointing to what it types), the
cross-node SPARQL constraints run over the whole store, and the rest's own findings on nodes the
candidate does not touch are carried over from the rest's full validation. The candidate's graph
is then removed again. A candidate that states schema (``rdfs:subClassOf``, a class) or whose
named graph the rest holds already is validated from scratch with the rest, as before.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from kg.build.findings import SEVERITY_ORDER, ValidationReport
from kg.core.namespaces import source_graph

#: Findings that concern one named graph of the rest, whatever nodes the candidate touches: they are
#: kept from the rest's validation (the candidate's own are computed for its graph).
PER_GRAPH = frozenset(
    {
        "kg.validate:closed-world",
        "kg.validate:vocabulary",
        "kg.validate:source-document",
        "kg.validate:literal",
    }
)
#: What the importer needs to know of the rest of the graph (besides the ontology).
_NEEDED = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "https://w3id.org/samverkan/def#country",
    "https://w3id.org/samverkan/def#municipalityCode",
    "https://w3id.org/samverkan/def#areaCode",
)


@dataclass
class RestOfGraph:
    """The data folder without one source: an rdflib dataset of the ontology and the triples
    reconciliation needs (types, labels, countries, codes), and an Oxigraph store of every file,
    derived, with its load issues (ill-typed literals) and its full validation report (computed
    when first needed)."""

    dataset: object  # rdflib Dataset
    store: object  # pyoxigraph Store
    found: object  # kg.build.fastpath.Inputs
    reference: list[Path]
    sources: list[Path]
    issues: list = field(default_factory=list)
    signature: tuple = ()
    cache: dict = field(default_factory=dict)  # what the importer builds from the rest once (its context)
    _report: ValidationReport | None = None

    @property
    def report(self) -> ValidationReport:
        """The rest's own validation (the compiled shapes on the whole store), computed once."""
        if self._report is None:
            from kg.build.fastpath import validate_store
            from kg.query.stores import OxigraphStore

            self._report = validate_store(OxigraphStore(self.store), self.found, issues=self.issues)
        return self._report

    def validate(self, candidate: Path, engine: str = "oxigraph") -> ValidationReport:
        """The report of the whole graph (the rest and ``candidate``, a source file named ``STEM.ttl``):
        on Oxigraph, incrementally in the cached store (see the module's docstring); with ``engine``
        ``rdflib``, ``kg build --engine rdflib`` of every file (pyshacl). ``auto`` is ``oxigraph``, the
        faster here as for ``kg build``. Raises :class:`ValueError` for another engine."""
        if engine not in ("oxigraph", "auto", "rdflib"):
            raise ValueError(f"unknown engine {engine!r}; choose rdflib, oxigraph or auto")
        if engine == "rdflib":
            from kg.build import build

            return build(None, None, files=[*self.reference, *self.sources, candidate], engine=engine).report
        import pyoxigraph as ox

        graph = source_graph(candidate.stem)
        name = ox.NamedNode(str(graph))
        if self.store.contains_named_graph(name):
            return _from_scratch(self, candidate)
        from kg.build.fastpath import load_file

        base = self.report  # the rest's own findings, before the candidate joins it
        try:
            issues = load_file(self.store, candidate, graph)
            return self._with(candidate, graph, issues, base)
        finally:
            with contextlib.suppress(Exception):
                self.store.remove_graph(name)

    def write(
        self, text: str, stem: str, target: Path, engine: str = "oxigraph", dry_run: bool = False
    ) -> tuple[ValidationReport, bool]:
        """Validate ``text`` (the Turtle of source ``stem``) with the rest (:meth:`validate`) and, when
        the whole graph conforms and not ``dry_run``, write it to ``target`` atomically. Returns the
        report (an :class:`ImportReport`; its findings name ``target``, not the temporary file
        validated) and whether it was written."""
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            candidate = Path(tmp) / f"{stem}.ttl"
            candidate.write_text(text, encoding="utf-8")
            report = self.validate(candidate, engine)
        for finding in report.results:  # name the file that would be written, not the temporary one
            finding.files = [str(target) if f == str(candidate) else f for f in finding.files]
        report = ImportReport(report.results, report.rechecked, target=str(target))
        if not report.conforms or dry_run:
            return report, False
        from kg.core.atomic import write_text

        write_text(target, text)
        return report, True

    def _with(self, candidate: Path, graph: URIRef, issues: list, base: ValidationReport) -> ValidationReport:
        import pyoxigraph as ox

        from kg.build.derive import derive
        from kg.build.fastpath import Inputs, validate_store
        from kg.build.incremental import _states_schema, _touched
        from kg.build.shapes_sparql import compile_file
        from kg.core import resources
        from kg.query.stores import OxigraphStore

        quads = list(self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))))
        if _states_schema(quads):  # a class or property: it may change the verdict on any node
            self.store.remove_graph(ox.NamedNode(str(graph)))
            return _from_scratch(self, candidate)
        wrapped = OxigraphStore(self.store)
        derive(wrapped, [graph])
        found = Inputs({**self.found.graphs, candidate: graph})
        focus = _touched(wrapped, [], {graph})
        fresh = validate_store(wrapped, found, focus=focus, graphs=[graph], issues=issues)
        touched = {str(n) for n in focus}
        whole = {(c.shape, c.component) for c in compile_file(resources.shapes_file()) if not c.local}
        kept = [
            r
            for r in base.results
            if r.shape in PER_GRAPH or (r.focus not in touched and (r.shape, r.component) not in whole)
        ]
        results = sorted(
            kept + fresh.results,
            key=lambda r: (SEVERITY_ORDER.get(r.severity, 9), r.files[:1], r.focus or "", r.message),
        )
        return ValidationReport(results)


@dataclass
class ImportReport(ValidationReport):
    """The report of validating a new source file with the rest of the graph: every finding in
    ``results`` (the same as a whole build's), but its text lists every Violation (any of them stops
    the write) and the warnings on the new file only, and counts the others. The rest's own warnings
    (32 on the shipped data) are `kg validate`'s to list; printed by `kg import` they buried the one
    Violation of a seven-row sheet.

    >>> from kg.build.findings import Result
    >>> report = ImportReport([Result("Warning", "old", files=["a.ttl"]), Result("Warning", "new", files=["b.ttl"])],
    ...                       target="b.ttl")
    >>> print(report.to_text())
    Warning: b.ttl
      message:  new
    1 warning(s) of the rest of the graph not listed (kg validate lists them)
    conforms: 0 violation(s), 2 warning(s)
    """

    target: str = field(default="", compare=False)

    def to_text(self, summary: bool = True, severities: tuple[str, ...] | None = None) -> str:
        shown = [r for r in self.results if r.severity == "Violation" or self.target in r.files]
        lines = [ValidationReport(shown).to_text(summary=False, severities=severities)] if shown else []
        others = len(self.results) - len(shown)
        if others:
            lines.append(f"{others} warning(s) of the rest of the graph not listed (kg validate lists them)")
        if summary:
            lines.append(self.summary())
        return "\n".join(line for line in lines if line)


def _from_scratch(rest: RestOfGraph, candidate: Path) -> ValidationReport:
    """The whole graph validated in a new store: ``kg build --engine oxigraph`` of every file."""
    from kg.build.derive import derive
    from kg.build.fastpath import inputs, load_file, validate_store
    from kg.query.stores import OxigraphStore

    found = inputs(None, [*rest.reference, *rest.sources, candidate])
    import pyoxigraph as ox

    store = ox.Store()
    issues = []
    for path, graph in found.graphs.items():
        issues += load_file(store, path, graph)
    wrapped = OxigraphStore(store)
    derive(wrapped)
    return validate_store(wrapped, found, issues=issues)


_CACHE: dict[tuple, RestOfGraph] = {}  # one entry: the rest last read


def _signature(data_dir: Path, stem: str) -> tuple:
    """What the rest of ``data_dir`` without source ``stem`` is read from: every file's path, size and
    modification time, and the ontology's (shapes, rules)."""
    from kg.build.sources import _rdf_files
    from kg.core import resources

    files = [
        *_rdf_files(data_dir / "reference"),
        *(p for p in _rdf_files(data_dir / "sources") if p.stem != stem),
        *resources.ontology_files(),
        resources.shapes_file(),
        *resources.rule_files(),
    ]
    out = []
    for path in files:
        stat = path.stat()
        out.append((str(path.resolve()), stat.st_size, stat.st_mtime_ns))
    return tuple(out)


def rest_of_graph(data_dir: Path, stem: str) -> RestOfGraph:
    """The data folder ``data_dir`` without the source ``stem``, read once per process while its files
    stay the same (one folder and stem at a time: a different one replaces it).

    The files are parsed by Oxigraph (fast on thousands of files); only types, labels, countries
    and codes are copied into the rdflib dataset.
    """
    # keyed by the files alone: every new source's stem (absent from the folder) shares one rest
    signature = _signature(Path(data_dir), stem)
    if signature not in _CACHE:
        _CACHE.clear()
        rest = _read(Path(data_dir), stem)
        rest.signature = signature
        _CACHE[signature] = rest
    return _CACHE[signature]


def _read(data_dir: Path, stem: str) -> RestOfGraph:
    import pyoxigraph as ox

    from kg.build.derive import derive
    from kg.build.fastpath import Inputs, inputs, load_file
    from kg.build.sources import Loaded, _rdf_files, add_file, new_dataset
    from kg.core.namespaces import ONTOLOGY_GRAPH
    from kg.query.stores import OxigraphStore

    reference = _rdf_files(data_dir / "reference")
    sources = [p for p in _rdf_files(data_dir / "sources") if p.stem != stem]
    if reference or sources:
        found = inputs(None, [*reference, *sources])
    else:  # an empty data folder: the ontology alone
        from kg.core import resources

        found = Inputs({path: ONTOLOGY_GRAPH for path in resources.ontology_files()})
    loaded = Loaded(dataset=new_dataset())
    store = ox.Store()
    issues = []
    for path, graph in found.graphs.items():
        issues += load_file(store, path, graph)
        if graph == ONTOLOGY_GRAPH:
            add_file(loaded, path, "ontology")
    wanted = ", ".join(f"<{p}>" for p in _NEEDED)
    query = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
                FILTER(?g != <{ONTOLOGY_GRAPH}> && ?p IN ({wanted})) }}"""
    wrapped = OxigraphStore(store)
    rest = wrapped.construct(query)
    into = loaded.dataset.graph(URIRef("urn:x-kg:rest-of-graph"))
    for triple in rest:
        into.add(triple)
    derive(wrapped)
    return RestOfGraph(loaded.dataset, store, found, reference, sources, issues)


__all__ = ["RestOfGraph", "rest_of_graph"]
