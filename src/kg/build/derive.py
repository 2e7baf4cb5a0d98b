"""Derive the contract's direct triples from richer nodes, graph by graph.

Each rule is a SPARQL Update in ``ontology/rules/`` of the form
``INSERT { GRAPH ?g { … } } WHERE { GRAPH ?g { … } }``: a derived triple goes into the named graph
of the facts it comes from, so it keeps their provenance. The same rules run on every engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from kg.core import resources
from kg.query.binding import bind_rows
from kg.query.stores import as_store


@dataclass(frozen=True)
class Rule:
    """A named derivation rule."""

    name: str
    path: Path
    text: str


def rules() -> tuple[Rule, ...]:
    """The shipped rules, in order.

    >>> [r.name for r in rules()]
    ['10-participation', '20-funds', '30-affiliation']
    """
    return tuple(Rule(p.stem, p, p.read_text(encoding="utf-8")) for p in resources.rule_files())


def derive(source, graphs: list[URIRef] | None = None) -> dict[str, int]:
    """Apply every rule (to ``graphs`` only, when given); return the number of new quads per rule."""
    store = as_store(source)
    added: dict[str, int] = {}
    if graphs:  # count only the graphs concerned: counting a whole on-disk store takes a while
        counter = bind_rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "g", graphs)

        def size() -> int:
            return int(store.select(counter)[1][0]["n"])
    else:

        def size() -> int:
            return len(store)

    for rule in rules():
        text = bind_rows(rule.text, "g", graphs) if graphs else rule.text
        before = size()
        store.update(text)
        added[rule.name] = size() - before
    return added
