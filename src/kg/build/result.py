"""What a build gives back: :class:`BuildResult`, the statistics of a built dataset, and the name of
the built file. Below the build modules that use them (:mod:`kg.build.pipeline`,
:mod:`kg.build.fastpath`, :mod:`kg.build.incremental`), so that none of those imports another in a circle.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg.build.findings import ValidationReport
from kg.build.sources import Loaded
from kg.core.namespaces import ENTITY_CLASSES, KG, is_source_graph

GRAPH_FILE = "graph.trig"
"""The built graph's file name inside the build folder."""


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
    # why a build asked to be incremental rebuilt everything (an older manifest, a build cut short, ...)
    full_reason: str | None = None
    #: the graph held an analysis (``kg all``, ``kg analyze --write-back``) that this build dropped
    analysis_dropped: bool = False

    @property
    def dataset(self) -> Dataset:
        """The built graph as an rdflib Dataset (read from the store on first use by the fast path)."""
        if self.loaded is None:
            from kg.build.sources import Loaded, new_dataset
            from kg.query.stores import to_rdflib

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

    def _derived_line(self) -> str:
        """What the rules added: in the whole graph, or (incremental rebuild) in the changed graphs only."""
        if self.changed is not None and not self.derived:
            return "derived:   nothing re-derived (no source changed)"
        rules = ", ".join(f"{k} {v}" for k, v in self.derived.items())
        if self.changed is not None:
            n = sum(self.derived.values())
            return f"derived:   {n} triples re-derived in the graphs of {len(self.changed)} changed file(s) ({rules})"
        return f"derived:   {sum(self.derived.values())} triples ({rules})"

    def summary(self) -> str:
        """A short human-readable summary."""
        s = self.stats
        lines = [
            f"triples:   {s['triples']} in {s['graphs']} named graphs",
            f"sources:   {s['sources']} documents",
            "entities:  " + ", ".join(f"{name} {n}" for name, n in s["entities"].items()),
            self._derived_line(),
            f"validation: {self.report.summary()}",
        ]
        if self.changed is not None:
            lines.append(
                f"rebuilt:   {len(self.changed)} changed file(s) (incremental)"
                if self.changed
                else "rebuilt:   nothing changed"
            )
        elif self.full_reason:
            lines.append(f"rebuilt:   everything: {self.full_reason}")
        if self.analysis_dropped:
            lines.append(
                "analysis:  dropped: the analysis graph stored by kg all or kg analyze --write-back was of the "
                "data before this build; kg all or kg analyze --write-back stores it again"
            )
        lines.append(f"engine:    {self.engine} ({self.timings.get('total', 0.0):.2f} s)")
        lines.append(f"written:   {self.output}" if self.output else "written:   nothing (the data has violations)")
        return "\n".join(lines)


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
