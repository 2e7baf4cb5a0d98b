"""``kg build``: load, derive, validate, and write ``graph.trig`` atomically.

Nothing is written when the data has a Violation: the previous build stays as it was.

Two engines give the same results (a test asserts it):

- ``rdflib``: rdflib parses, pyshacl validates — the reference, and the default on small inputs;
- ``oxigraph``: pyoxigraph parses and stores, the shapes run as compiled SPARQL
  (:mod:`kg.fastpath`); the default from :data:`AUTO_THRESHOLD_BYTES` of input on. It keeps the
  store in ``OUT/store`` with a manifest of the inputs, so that a rebuild after a few changed
  source files reloads and re-validates only what they touch (:mod:`kg.incremental`).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg.atomic import atomic_writer
from kg.derive import derive
from kg.namespaces import KG, is_source_graph
from kg.sources import Loaded, load
from kg.validate import ValidationReport, validate

GRAPH_FILE = "graph.trig"


AUTO_THRESHOLD_BYTES = 1_000_000


@dataclass
class BuildResult:
    """What a build read, derived, found and wrote."""

    loaded: Loaded | None
    report: ValidationReport
    derived: dict[str, int]
    output: Path | None = None
    stats: dict[str, object] = field(default_factory=dict)
    store: object = None
    engine: str = "rdflib"
    timings: dict[str, float] = field(default_factory=dict)
    changed: list[str] | None = None

    @property
    def dataset(self) -> Dataset:
        """The built graph as an rdflib Dataset (read from the store on first use by the fast path)."""
        if self.loaded is None:
            from kg.sources import Loaded, new_dataset
            from kg.store import to_rdflib

            dataset = new_dataset()
            for quad in self.store.store:
                dataset.graph(URIRef(quad.graph_name.value)).add(
                    (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
                )
            self.loaded = Loaded(dataset=dataset)
        return self.loaded.dataset

    @property
    def conforms(self) -> bool:
        return self.report.conforms

    def summary(self) -> str:
        """A short human-readable summary."""
        s = self.stats
        lines = [
            f"triples:   {s['triples']} in {s['graphs']} named graphs",
            f"sources:   {s['sources']} documents",
            "entities:  " + ", ".join(f"{name} {n}" for name, n in s["entities"].items()),
            f"derived:   {sum(self.derived.values())} triples ("
            + ", ".join(f"{k} {v}" for k, v in self.derived.items())
            + ")",
            f"validation: {self.report.summary()}",
        ]
        if self.changed is not None:
            lines.append(
                f"rebuilt:   {len(self.changed)} changed file(s) (incremental)"
                if self.changed
                else "rebuilt:   nothing changed"
            )
        lines.append(f"engine:    {self.engine} ({self.timings.get('total', 0.0):.2f} s)")
        lines.append(f"written:   {self.output}" if self.output else "written:   nothing (the data has violations)")
        return "\n".join(lines)


ENTITY_CLASSES = (
    "Municipality",
    "Organisation",
    "Person",
    "Initiative",
    "Post",
    "Funding",
    "AdministrativeArea",
    "SourceDocument",
)


def statistics(dataset: Dataset) -> dict[str, object]:
    """Triples, graphs, sources and entities per class (counting subclasses) of a dataset."""
    graphs = [g for g in dataset.graphs() if isinstance(g.identifier, URIRef) and len(g)]
    subclass_closure: dict[URIRef, set[URIRef]] = {}
    for name in ENTITY_CLASSES:
        cls = KG[name]
        members = {cls}
        frontier = [cls]
        while frontier:
            current = frontier.pop()
            for sub in dataset.subjects(URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf"), current):
                if sub not in members:
                    members.add(sub)
                    frontier.append(sub)
        subclass_closure[cls] = members
    typed: dict[URIRef, set] = {cls: set() for cls in subclass_closure}
    for s, o in dataset.subject_objects(RDF.type):
        for cls, members in subclass_closure.items():
            if o in members:
                typed[cls].add(s)
    counts = Counter({str(cls).rsplit("#", 1)[-1]: len(v) for cls, v in typed.items()})
    return {
        "triples": sum(len(g) for g in graphs),
        "graphs": len(graphs),
        "sources": sum(1 for g in graphs if is_source_graph(g.identifier)),
        "entities": dict(counts),
    }


def input_size(data_dir: Path | str | None = None, files: list[Path | str] | None = None) -> int:
    """Total bytes of the input files (to choose an engine)."""
    from kg.fastpath import inputs

    return sum(p.stat().st_size for p in inputs(Path(data_dir) if data_dir else None, files).graphs)


def check_out_dir(out: Path) -> None:
    """Refuse an output folder that is a file or cannot be written, before any work is done.

    >>> import tempfile, pathlib
    >>> afile = pathlib.Path(tempfile.mkdtemp()) / "f"; _ = afile.write_text("x")
    >>> check_out_dir(afile)
    Traceback (most recent call last):
    ...
    kg.errors.DataError: ...: the output folder is a file
    """
    from kg.errors import DataError

    folder = out if out.exists() else next((p for p in out.parents if p.exists()), Path("."))
    if not folder.is_dir():
        raise DataError("the output folder is a file", file=folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DataError("cannot write into the output folder (permission denied)", file=folder)


def build(
    data_dir: Path | str | None = None,
    out_dir: Path | str | None = "build",
    *,
    files: list[Path | str] | None = None,
    engine: str = "auto",
    incremental: bool = True,
) -> BuildResult:
    """Build the graph from a data folder; write ``OUT/graph.trig`` if it conforms.

    ``out_dir=None`` builds and validates without writing. ``engine`` is ``rdflib`` (pyshacl),
    ``oxigraph`` (compiled shapes) or ``auto`` (by input size). The output folder is locked while the
    build runs (:mod:`kg.locking`): a concurrent build of the same folder waits for this one.

    >>> result = build(out_dir=None)
    >>> result.conforms, result.stats["sources"] >= 5, result.engine
    (True, True, 'rdflib')
    """
    from kg import locking

    if out_dir is not None and not locking.is_held(out_dir):
        check_out_dir(Path(out_dir))
        with locking.locked(out_dir):  # one build per folder at a time; then clean what killed builds left
            locking.clean_leftovers(out_dir)
            return build(data_dir, out_dir, files=files, engine=engine, incremental=incremental)
    if engine == "auto":
        engine = "oxigraph" if input_size(data_dir, files) >= AUTO_THRESHOLD_BYTES else "rdflib"
    if engine == "oxigraph":
        from kg.incremental import build_oxigraph

        return build_oxigraph(data_dir, out_dir, files=files, incremental=incremental)
    if engine != "rdflib":
        raise ValueError(f"unknown engine {engine!r}; choose rdflib, oxigraph or auto")
    import time

    started = time.perf_counter()
    loaded = load(data_dir, files=files)
    derived = derive(loaded.dataset)
    loaded.index_derived()
    report = validate(loaded)
    result = BuildResult(loaded=loaded, report=report, derived=derived, stats=statistics(loaded.dataset))
    if report.conforms and out_dir is not None:
        target = Path(out_dir) / GRAPH_FILE
        with atomic_writer(target, "wb") as handle:
            loaded.dataset.serialize(destination=handle, format="trig", encoding="utf-8")
        result.output = target
    result.timings["total"] = time.perf_counter() - started
    return result
