"""Writing a dataset to a file, atomically: TriG (named graphs kept), Turtle (the union of the graphs)
and JSON-LD (every named graph, with a compact ``@context`` of the project's prefixes)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from kg.core.atomic import atomic_writer, write_text
from kg.core.namespaces import PREFIXES, bind_all


def write_trig(dataset: Dataset, path: str | Path) -> Path:
    """Write every named graph as TriG (provenance kept)."""
    with atomic_writer(path, "wb") as handle:
        dataset.serialize(destination=handle, format="trig", encoding="utf-8")
    return Path(path)


def write_turtle(dataset: Dataset, path: str | Path) -> Path:
    """Write the union of all graphs as Turtle (the named graphs are merged)."""
    union = Graph()
    bind_all(union)
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    with atomic_writer(path, "wb") as handle:
        union.serialize(destination=handle, format="turtle", encoding="utf-8")
    return Path(path)


def write_jsonld(dataset: Dataset, path: str | Path) -> Path:
    """Write every named graph as JSON-LD with a compact ``@context`` of the project's prefixes."""
    context = {k: str(v) for k, v in PREFIXES.items()}
    text = dataset.serialize(format="json-ld", context=context, auto_compact=True)
    write_text(path, text)
    return Path(path)
