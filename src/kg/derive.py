"""Derive the contract's direct triples from richer nodes, graph by graph.

Each rule is a SPARQL CONSTRUCT in ``ontology/rules/``. A rule runs inside one named graph and
its results go back into the same graph, so every derived triple keeps the provenance of the
facts it was derived from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from kg import resources
from kg.namespaces import ONTOLOGY_GRAPH


@dataclass(frozen=True)
class Rule:
    """A named derivation rule."""

    name: str
    query: Query


@cache
def _rules(paths: tuple[Path, ...]) -> tuple[Rule, ...]:
    return tuple(Rule(p.stem, prepareQuery(p.read_text(encoding="utf-8"))) for p in paths)


def rules() -> tuple[Rule, ...]:
    """The shipped rules, in order.

    >>> [r.name for r in rules()]
    ['10-participation', '20-funds', '30-affiliation']
    """
    return _rules(tuple(resources.rule_files()))


def derive(dataset: Dataset) -> dict[str, int]:
    """Apply every rule to every named graph but the ontology's; return new triples per rule."""
    added: dict[str, int] = {}
    for rule in rules():
        count = 0
        for graph in list(dataset.graphs()):
            if graph.identifier == ONTOLOGY_GRAPH or not isinstance(graph.identifier, URIRef) or len(graph) == 0:
                continue
            new = [t for t in graph.query(rule.query) if t not in graph]
            for triple in new:
                graph.add(triple)
            count += len(new)
        added[rule.name] = count
    return added
