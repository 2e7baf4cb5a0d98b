"""``kg build``: load, derive, validate, and write ``graph.trig`` atomically.

Nothing is written when the data has a Violation: the previous build stays as it was.
"""

from __future__ import annotations

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


@dataclass
class BuildResult:
    """What a build read, derived, found and wrote."""

    loaded: Loaded
    report: ValidationReport
    derived: dict[str, int]
    output: Path | None = None
    stats: dict[str, object] = field(default_factory=dict)

    @property
    def dataset(self) -> Dataset:
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


def build(
    data_dir: Path | str | None = None,
    out_dir: Path | str | None = "build",
    *,
    files: list[Path | str] | None = None,
) -> BuildResult:
    """Build the graph from a data folder; write ``OUT/graph.trig`` if it conforms.

    ``out_dir=None`` builds and validates without writing.

    >>> result = build(out_dir=None)
    >>> result.conforms, result.stats["sources"] >= 5
    (True, True)
    """
    loaded = load(data_dir, files=files)
    derived = derive(loaded.dataset)
    report = validate(loaded)
    result = BuildResult(loaded=loaded, report=report, derived=derived, stats=statistics(loaded.dataset))
    if report.conforms and out_dir is not None:
        target = Path(out_dir) / GRAPH_FILE
        with atomic_writer(target, "wb") as handle:
            loaded.dataset.serialize(destination=handle, format="trig", encoding="utf-8")
        result.output = target
    return result
