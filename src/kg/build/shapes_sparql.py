"""Compile the project's SHACL shapes to SPARQL queries, for validating large graphs on Oxigraph.

pyshacl stays the reference validator (and the default on small graphs). This compiler turns each
constraint of ``ontology/shapes.ttl`` into one SELECT that returns the focus nodes (and value
nodes) that violate it; run on an Oxigraph store they give the same results as pyshacl — a test
asserts it on the shipped data and on synthetic data with violations. Any SHACL construct the
compiler does not know raises :class:`UnsupportedShape`: no shape is ever skipped silently.

Supported: ``sh:targetClass`` (with subclasses), property shapes with an IRI, ``sh:inversePath``
or sequence path (of those; checked over the whole graph in incremental rebuilds) and
``sh:minCount``, ``sh:maxCount``, ``sh:datatype`` (with well-formedness),
``sh:pattern``, ``sh:class``, ``sh:hasValue``, ``sh:minInclusive``, ``sh:lessThanOrEquals``,
``sh:uniqueLang``, ``sh:or`` of such shapes; node-level ``sh:xone``, ``sh:not``, ``sh:sparql``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, XSD

from kg.core.namespaces import SH

CASTABLE = {
    XSD.string, XSD.boolean, XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.date, XSD.dateTime,
    XSD.gYear, XSD.gYearMonth, XSD.duration, XSD.time,
}  # fmt: skip
RDF_LANGSTRING = RDF.langString
KNOWN_PARAMETERS = {
    SH.path, SH.minCount, SH.maxCount, SH.datatype, SH.pattern, SH["class"], SH.hasValue, SH.minInclusive,
    SH.lessThanOrEquals, SH.uniqueLang, SH["or"], SH.message, SH.severity, SH.name, SH.description,
    SH.order, SH.group, SH.flags,
}  # fmt: skip
NODE_PARAMETERS = {SH.targetClass, SH.property, SH.xone, SH["not"], SH.sparql, SH.message, SH.severity, SH.declare}


FAST_SELECT = URIRef("https://w3id.org/samverkan/def/shapes#fastSelect")
LOCAL = URIRef("https://w3id.org/samverkan/def/shapes#local")


NEEDS_FOCUS = {"MinCount", "HasValue"}  # components that test for absence: the focus must be in the query


class UnsupportedShape(ValueError):
    """The shapes use a SHACL construct the compiler cannot translate."""


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT of ?this (and ?value) for each violation.

    When ``focus_in_query`` is false the query finds violations among all nodes, and the caller
    keeps those that are instances of ``target`` (a join on the focus pattern inside the query
    is much slower on Oxigraph than a set lookup afterwards). ``focused`` is the same check for
    given focus nodes, known to be instances of ``target``, which the caller binds to ``?this``
    with a VALUES block (incremental rebuilds: a few thousand nodes instead of the whole graph).
    """

    shape: str
    component: str
    severity: str
    message: str
    path: str | None
    query: str
    target: str = ""
    focus_in_query: bool = True
    focused: str = ""
    local: bool = True  # false for SPARQL constraints that read other nodes' triples: always checked in full


def _n3(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise UnsupportedShape(f"cannot use {term!r} in a query")


def _path(shapes: Graph, path) -> tuple[str, str]:
    """(SPARQL triple pattern from ?this to ?value as a format string, readable path)."""
    if isinstance(path, URIRef):
        return f"?this <{path}> {{v}} .", shapes.namespace_manager.normalizeUri(path)
    inverse = shapes.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"{{v}} <{inverse}> ?this .", "^" + shapes.namespace_manager.normalizeUri(inverse)
    if shapes.value(path, RDF.first) is not None:  # a sequence path: each step an IRI or an inverse
        steps = list(Collection(shapes, path))
        if len(steps) < 2 or any(shapes.value(step, RDF.first) is not None for step in steps):
            raise UnsupportedShape(f"unsupported sequence path {path!r}")
        patterns, texts = [], []
        for i, step in enumerate(steps):
            pattern, text = _path(shapes, step)
            start = "?this" if i == 0 else f"?_step{i}"
            end = "{v}" if i == len(steps) - 1 else f"?_step{i + 1}"
            patterns.append(pattern.replace("?this", start).replace("{v}", end))
            texts.append(text)
        return " ".join(patterns), "/".join(texts)
    raise UnsupportedShape(f"unsupported property path {path!r}")


def _is_sequence(shapes: Graph, prop) -> bool:
    """True when the path of ``prop`` is a sequence: its values depend on other nodes' triples."""
    return shapes.value(shapes.value(prop, SH.path), RDF.first) is not None


def step_of(shapes: Graph, prop, var: str) -> str:
    """The triple pattern from ?this along the path of property shape ``prop`` to ``var``."""
    return _path(shapes, shapes.value(prop, SH.path))[0].format(v=var)


def _is_instance(var: str, cls) -> str:
    return f"{var} <{RDF.type}>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* {_n3(cls)} ."


def _instance_join(cls, var: str) -> str:
    """``?this`` is an instance of ``cls``, written as a join on the (few) subclasses of ``cls``."""
    return (
        f"{{ SELECT DISTINCT {var} WHERE {{ {var} <http://www.w3.org/2000/01/rdf-schema#subClassOf>* {_n3(cls)} }} }} "
        f"?this <{RDF.type}> {var} ."
    )


def _datatype_ok(var: str, datatype) -> str:
    if datatype == RDF_LANGSTRING:
        return f'(isLiteral({var}) && LANG({var}) != "")'
    condition = f'(isLiteral({var}) && LANG({var}) = "" && DATATYPE({var}) = {_n3(datatype)}'
    if datatype in CASTABLE:
        condition += f" && COALESCE(STRLEN(STR({_n3(datatype)}({var}))) >= 0, false)"
    return condition + ")"


def _class_only(shapes: Graph, node):
    """The class of a value-level shape that says nothing but ``sh:class`` (else ``None``)."""
    predicates = set(shapes.predicates(node)) - {RDF.type, SH.message}
    classes = list(shapes.objects(node, SH["class"]))
    return classes[0] if predicates == {SH["class"]} and len(classes) == 1 else None


def _or_fragment(shapes: Graph, value: str, options: list) -> str:
    """``value`` (a triple pattern binding ?value) where ?value conforms to none of ``options``.

    An option that is just ``sh:class C`` becomes ``MINUS { ?value a/rdfs:subClassOf* C }``:
    Oxigraph computes the instances once and anti-joins on a hash, where ``EXISTS`` in a FILTER
    walks the class path once per value (kg:locatedIn at 1M triples: 0.015 s instead of 1.25 s).
    ?value is always bound, so the two mean the same. Other options stay in the FILTER.
    """
    classes = [_class_only(shapes, o) for o in options]
    minus = [f"MINUS {{ {_is_instance('?value', c)} }}" for c in classes if c is not None]
    rest = [_value_condition(shapes, o, "?value") for o in options if _class_only(shapes, o) is None]
    fragment = " ".join([value, *minus])
    return fragment + (f" FILTER(!({' || '.join(rest)}))" if rest else "")


def _minus_form(fragment: str) -> str | None:
    """``MINUS { X }`` for a fragment ``FILTER NOT EXISTS { X }`` (else ``None``), to follow a
    pattern that binds ?this: the same answer (X always binds ?this, the only variable shared),
    computed by one hash anti-join instead of one lookup per node (0.27 s instead of 0.79 s for
    kg:Actor's label at 1M triples). Not for use inside ``NOT EXISTS``, where nothing binds ?this."""
    found = re.fullmatch(r"FILTER NOT EXISTS (\{.*\})", fragment, re.S)
    return f"MINUS {found.group(1)}" if found else None


def _value_condition(shapes: Graph, node, var: str) -> str:
    """A boolean expression that is true when ``var`` conforms to the value-level shape ``node``
    (used inside ``sh:or``)."""
    parts = []
    for predicate, obj in shapes.predicate_objects(node):
        if predicate == SH.datatype:
            parts.append(_datatype_ok(var, obj))
        elif predicate == SH["class"]:
            parts.append(f"EXISTS {{ {_is_instance(var, obj)} }}")
        elif predicate == SH.pattern:
            parts.append(f"(!isBlank({var}) && REGEX(STR({var}), {Literal(str(obj)).n3()}))")
        elif predicate in (RDF.type, SH.message):
            continue
        else:
            raise UnsupportedShape(f"unsupported constraint {predicate} inside sh:or")
    if not parts:
        raise UnsupportedShape("empty shape inside sh:or")
    return "(" + " && ".join(parts) + ")"


def _violations(shapes: Graph, prop) -> list[tuple[str, str]]:
    """(component, WHERE fragment with ?this bound, yielding violating ?value) for a property shape."""
    step, _ = _path(shapes, shapes.value(prop, SH.path))
    value = step.format(v="?value")
    found: list[tuple[str, str]] = []
    for predicate, obj in sorted(shapes.predicate_objects(prop)):
        if predicate not in KNOWN_PARAMETERS and predicate != RDF.type:
            raise UnsupportedShape(f"unsupported SHACL parameter {predicate} on {prop}")
        if predicate == SH.minCount:
            n = int(obj)
            if n == 1:
                found.append(("MinCount", f"FILTER NOT EXISTS {{ {step.format(v='?any')} }}"))
            elif n > 1:
                found.append(
                    ("MinCount", f"{{ SELECT ?this WHERE {{ {step.format(v='?any')} }} GROUP BY ?this "
                                 f"HAVING (COUNT(DISTINCT ?any) < {n}) }}")
                )  # fmt: skip
        elif predicate == SH.maxCount:
            found.append(
                ("MaxCount", f"{{ SELECT ?this WHERE {{ {step.format(v='?any')} }} GROUP BY ?this "
                             f"HAVING (COUNT(DISTINCT ?any) > {int(obj)}) }}")
            )  # fmt: skip
        elif predicate == SH.datatype:
            found.append(("Datatype", f"{value} FILTER(!{_datatype_ok('?value', obj)})"))
        elif predicate == SH.pattern:
            found.append(
                ("Pattern", f"{value} FILTER(isBlank(?value) || !REGEX(STR(?value), {Literal(str(obj)).n3()}))")
            )
        elif predicate == SH["class"]:
            # MINUS, not FILTER NOT EXISTS: the same answer here (?value is always bound), but Oxigraph
            # computes the instances once and anti-joins on a hash instead of walking
            # rdf:type/rdfs:subClassOf* once per value (0.04 s instead of 15 s at 1M triples).
            found.append(("Class", f"{value} MINUS {{ {_is_instance('?value', obj)} }}"))
        elif predicate == SH.hasValue:
            found.append(("HasValue", f"FILTER NOT EXISTS {{ {step.format(v=_n3(obj))} }}"))
        elif predicate == SH.minInclusive:
            found.append(("MinInclusive", f"{value} FILTER(!COALESCE(?value >= {_n3(obj)}, false))"))
        elif predicate == SH.lessThanOrEquals:
            found.append(
                ("LessThanOrEquals", f"{value} ?this {_n3(obj)} ?other . FILTER(!COALESCE(?value <= ?other, false))")
            )
        elif predicate == SH.uniqueLang and obj == Literal(True):
            found.append(
                ("UniqueLang", f"{{ SELECT ?this ?lang WHERE {{ {step.format(v='?any')} BIND(LANG(?any) AS ?lang) "
                               'FILTER(?lang != "") } GROUP BY ?this ?lang HAVING (COUNT(DISTINCT ?any) > 1) }')
            )  # fmt: skip
        elif predicate == SH["or"]:
            found.append(("Or", _or_fragment(shapes, value, list(Collection(shapes, obj)))))
    return found


def _node_conforms(shapes: Graph, node) -> str:
    """A boolean expression: ?this conforms to the (property-only) node shape ``node``."""
    parts = []
    for prop in shapes.objects(node, SH.property):
        for _, fragment in _violations(shapes, prop):
            parts.append(f"NOT EXISTS {{ {fragment} }}")
    for predicate in set(shapes.predicates(node)) - {SH.property, RDF.type}:
        raise UnsupportedShape(f"unsupported parameter {predicate} in a nested node shape")
    return "(" + " && ".join(parts or ["true"]) + ")"


def _severity(shapes: Graph, shape) -> str:
    value = shapes.value(shape, SH.severity) or SH.Violation
    return str(value).rsplit("#", 1)[-1]


def _message(shapes: Graph, *nodes) -> str:
    for node in nodes:
        for message in shapes.objects(node, SH.message):
            if isinstance(message, Literal) and message.language in (None, "en"):
                return str(message)
    return "constraint not met"


def _declared_prefixes(shapes: Graph, node) -> str:
    lines = []
    for ontology in shapes.objects(node, SH.prefixes):
        for decl in shapes.objects(ontology, SH.declare):
            lines.append(f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>")
    return "\n".join(lines)


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every node shape as a :class:`Check`, in a stable order."""
    checks: list[Check] = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = list(shapes.objects(shape, SH.targetClass))
        if not targets:
            continue
        for predicate in set(shapes.predicates(shape)):
            if predicate not in NODE_PARAMETERS and predicate.startswith(str(SH)):
                raise UnsupportedShape(f"unsupported node-shape parameter {predicate} on {shape}")
        for target in targets:
            focus = _is_instance("?this", target)
            for prop in sorted(shapes.objects(shape, SH.property), key=str):
                _, path_text = _path(shapes, shapes.value(prop, SH.path))
                for component, fragment in _violations(shapes, prop):
                    projected = "DISTINCT ?this" + (" ?value" if "?value" in fragment else "")
                    projected += " ?lang" if component == "UniqueLang" else ""
                    needs_focus = component in NEEDS_FOCUS
                    where = f"{focus} {_minus_form(fragment) or fragment}" if needs_focus else fragment
                    focused = f"SELECT DISTINCT ?this{' ?value' if '?value' in fragment else ''} WHERE {{ {fragment} }}"
                    if component == "UniqueLang":  # grouped at the top level, so the focus VALUES bind inside
                        any_value = step_of(shapes, prop, "?any")
                        focused = (
                            f"SELECT ?this ?lang WHERE {{ {any_value} BIND(LANG(?any) AS ?lang) "
                            'FILTER(?lang != "") } GROUP BY ?this ?lang HAVING (COUNT(DISTINCT ?any) > 1)'
                        )
                    checks.append(
                        Check(
                            shape=str(prop),
                            component=component,
                            severity=_severity(shapes, prop),
                            message=_message(shapes, prop),
                            path=path_text,
                            query=f"SELECT {projected} WHERE {{ {where} }}",
                            target=str(target),
                            focus_in_query=needs_focus,
                            focused=focused,
                            local=not _is_sequence(shapes, prop),
                        )
                    )
            for xone in shapes.objects(shape, SH.xone):
                conditions = [_node_conforms(shapes, alt) for alt in Collection(shapes, xone)]
                count = " + ".join(f"IF({c}, 1, 0)" for c in conditions)
                checks.append(
                    Check(str(shape), "Xone", _severity(shapes, shape), _message(shapes, shape), None,
                          f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER(({count}) != 1) }}", str(target),
                          focused=f"SELECT DISTINCT ?this WHERE {{ FILTER(({count}) != 1) }}")
                )  # fmt: skip
            for negated in shapes.objects(shape, SH["not"]):
                condition = _node_conforms_value(shapes, negated)
                where, focused_where = f"{focus} FILTER({condition})", f"FILTER({condition})"
                if set(shapes.predicates(negated)) - {RDF.type} == {SH["class"]}:
                    # disjoint classes: the subclasses of each class first (a handful), then index
                    # lookups of ?this a ?type, instead of a property path per node (100 times faster)
                    classes = list(shapes.objects(negated, SH["class"]))
                    focused_where = " ".join(_instance_join(c, f"?t{i}") for i, c in enumerate(classes, 1))
                    # over the whole graph: the DISTINCT instances of each class, then one hash join
                    # (kg:Person and kg:Initiative at 1M triples: 0.03 s instead of 0.93 s)
                    where = " ".join(
                        f"{{ SELECT DISTINCT ?this WHERE {{ {_is_instance('?this', c)} }} }}"
                        for c in [target, *classes]
                    )
                checks.append(
                    Check(str(shape), "Not", _severity(shapes, shape), _message(shapes, shape), None,
                          f"SELECT DISTINCT ?this WHERE {{ {where} }}", str(target),
                          focused=f"SELECT DISTINCT ?this WHERE {{ {focused_where} }}")
                )  # fmt: skip
            for constraint in shapes.objects(shape, SH.sparql):
                # ks:fastSelect over the whole graph; sh:select for a few bound focus nodes, where
                # the fast form's DISTINCT subqueries would still read the whole graph
                plain = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
                fast = shapes.value(constraint, FAST_SELECT)
                select = str(fast).replace("$this", "?this") if fast is not None else plain
                prefixes = _declared_prefixes(shapes, constraint) + "\n"
                checks.append(
                    Check(str(shape), "SPARQL", _severity(shapes, shape), _message(shapes, constraint, shape), None,
                          prefixes + select, str(target), False, prefixes + plain,
                          shapes.value(constraint, LOCAL) == Literal(True))
                )  # fmt: skip
    return checks


def _node_conforms_value(shapes: Graph, node) -> str:
    """Conformance of ?this to a value-level shape (used by sh:not)."""
    return _value_condition(shapes, node, "?this")


def compile_file(path: Path) -> list[Check]:
    """Compile a shapes file."""
    return compile_shapes(Graph().parse(path))


def render_message(template: str, row: dict) -> str:
    """Fill ``{?var}`` / ``{$var}`` placeholders of a SHACL message from a result row."""
    return re.sub(r"\{[?$](\w+)\}", lambda m: str(row.get(m.group(1), m.group(0))), template)


__all__ = ["Check", "UnsupportedShape", "compile_file", "compile_shapes", "render_message"]
