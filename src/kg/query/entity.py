"""One entity described: its types, labels by language, and every relation in or out with the
sources (named graphs) that state it, from the library's ``entity`` query."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal


@dataclass
class Relation:
    """One relation of an entity: direction, property, the other end, and the sources that state it."""

    direction: str
    property: str
    property_label: str
    value: str
    value_label: str
    language: str
    sources: list[str]
    source_titles: list[str] = field(default_factory=list)


@dataclass
class Entity:
    """Everything known about one entity."""

    iri: str
    label: str
    types: list[str] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain data (for JSON)."""
        from dataclasses import asdict

        return asdict(self)

    def __repr__(self) -> str:
        names = "; ".join(f"{lang}: {', '.join(v)}" for lang, v in sorted(self.labels.items()))
        lines = [f"<Entity {self.label} <{self.iri}>", f"  types:  {', '.join(self.types)}", f"  names:  {names}"]
        for r in self.relations:
            arrow = "->" if r.direction == "out" else "<-"
            lines.append(f"  {arrow} {r.property_label}: {r.value_label}  [{'; '.join(r.source_titles or r.sources)}]")
        return "\n".join(lines) + ">"


def describe(store, name: str, lang: str = "sv") -> Entity:
    """Everything known about one entity (by name in any language, or IRI) in ``store``, with the
    sources of each relation; labels in ``lang`` first (the library's ``entity`` query)."""
    from kg.query.library import Parameter, get
    from kg.query.sparql import execute, to_term

    iri = to_term(Parameter("entity", "entity"), name, store)
    rows = execute(store, get("entity"), {"entity": str(iri)}, lang=lang).rows
    entity = Entity(iri=str(iri), label=str(iri))
    label_props = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"}
    for row in rows:
        prop, value, direction = str(row["property"]), row["value"], str(row["direction"])
        if direction == "out" and prop in label_props and isinstance(value, Literal):
            entity.labels.setdefault(value.language or "", []).append(str(value))
            continue
        if direction == "out" and prop.endswith("22-rdf-syntax-ns#type"):
            entity.types.append(str(row.get("valueLabel", value)))
            continue
        entity.relations.append(
            Relation(
                direction=direction,
                property=prop,
                property_label=str(row.get("propertyLabel", prop)),
                value=str(value),
                value_label=str(row.get("valueLabel", value)),
                language=str(row.get("language", "")),
                sources=str(row.get("sources", "")).split(),
                source_titles=str(row.get("sourcesLabel", "")).split("; ") if row.get("sourcesLabel") else [],
            )
        )
    for values in entity.labels.values():
        values.sort()
    preferred = [entity.labels.get(x) for x in (lang, "sv", "en", "fi")]
    entity.label = next((v[0] for v in preferred if v), str(iri))
    return entity
