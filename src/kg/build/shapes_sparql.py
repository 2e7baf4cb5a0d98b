"""Compile the project's SHACL shapes to SPARQL queries, for validating large graphs on Oxigraph.

pyshacl stays the reference validator (and the default on small graphs). This compiler turns each
constraint of ``ontology/shapes.ttl`` into one SELECT that returns the focus nodes (and value
nodes) that violate it; run on an Oxigraph store they give the same results as pyshacl — a test
asserts it on the shipped data and on synthetic data with violations. Any SHACL construct the
compiler does not know raises :class:`UnsupportedShape`: no shape is ever skipped silently.

Supported: ``sh:targetClass`` (with subclasses; also implicit: a node shape that is a class) and
``sh:targetNode``; property shapes (given by ``sh:property`` or carrying targets themselves) with an
IRI, ``sh:inversePath`` or sequence path (of those; checked over the whole graph in incremental
rebuilds) and ``sh:minCount``, ``sh:maxCount``, ``sh:datatype`` (with well-formedness of every XSD
datatype), ``sh:pattern`` (with ``sh:flags``), ``sh:class``, ``sh:hasValue``, ``sh:minInclusive``,
``sh:lessThanOrEquals``, ``sh:uniqueLang``, ``sh:or`` and ``sh:not`` of such shapes; on node shapes
``sh:class``, ``sh:datatype``, ``sh:pattern``, ``sh:hasValue``, ``sh:minInclusive``, ``sh:or``,
``sh:xone``, ``sh:not`` and ``sh:sparql``. These cover the constraint components the project's
shapes use; the W3C SHACL core test cases of each run on both engines
(``tests/test_w3c_shacl_core.py``). Other targets (``sh:targetSubjectsOf`` …) and components
(``sh:nodeKind``, ``sh:in`` …) raise :class:`UnsupportedShape`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.core.namespaces import SH

CASTABLE = {
    XSD.string, XSD.boolean, XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.date, XSD.dateTime,
    XSD.gYear, XSD.gYearMonth, XSD.duration, XSD.time,
}  # fmt: skip
RDF_LANGSTRING = RDF.langString
KNOWN_PARAMETERS = {
    SH.path, SH.minCount, SH.maxCount, SH.datatype, SH.pattern, SH["class"], SH.hasValue, SH.minInclusive,
    SH.lessThanOrEquals, SH.uniqueLang, SH["or"], SH.message, SH.severity, SH.name, SH.description,
    SH.order, SH.group, SH.flags, SH.targetClass, SH.targetNode, SH["not"],
}  # fmt: skip
NODE_PARAMETERS = {
    SH.targetClass, SH.targetNode, SH.property, SH.xone, SH["not"], SH.sparql, SH.message, SH.severity, SH.declare,
    SH["class"], SH.datatype, SH.pattern, SH.flags, SH.hasValue, SH.minInclusive, SH["or"], SH.name, SH.description,
}  # fmt: skip
#: node-level value constraints: the focus node itself is the value
NODE_VALUE_CONSTRAINTS = {
    SH["class"]: "Class", SH.datatype: "Datatype", SH.pattern: "Pattern", SH.hasValue: "HasValue",
    SH.minInclusive: "MinInclusive", SH["or"]: "Or",
}  # fmt: skip
#: a SPARQL function (run by :class:`kg.query.stores.OxigraphStore`): whether a literal's text is
#: valid for its XSD datatype (:func:`kg.build.literals.well_formed`), for datatypes SPARQL cannot cast
WELL_FORMED = "https://w3id.org/samverkan/def/functions#wellFormed"


FAST_SELECT = URIRef("https://w3id.org/samverkan/def/shapes#fastSelect")
LOCAL = URIRef("https://w3id.org/samverkan/def/shapes#local")
GROUP_KEY = URIRef("https://w3id.org/samverkan/def/shapes#groupKey")


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
    #: the predicates of the path when a violation needs a value along it: with no triple of one of
    #: them in the store there is none, and the check need not run
    predicates: tuple[str, ...] = ()
    #: for a disjointness check (``sh:not [ sh:class C ]`` on a class target): the target and the
    #: classes its instances may not have; the violations are the nodes that are instances of all
    disjoint: tuple[str, ...] = ()
    #: for a cross-node SPARQL constraint marked ``ks:groupKey``: a SELECT of ``?this`` and ``?key``
    #: (with the constraint's prefixes); the verdict on a node depends only on the nodes sharing a key
    key: str = ""
    #: for ``sh:minCount 1`` along one predicate (or its inverse) on a class target: the predicate and
    #: whether the path is its inverse. Over the whole store the violations are the target's instances
    #: with no such triple, looked up one by one in the store's index (:func:`evaluate`)
    required: tuple[str, bool] | None = None


def _required(shapes: Graph, prop) -> tuple[str, bool] | None:
    """(predicate, inverse) when the path of ``prop`` is one IRI or the inverse of one, else ``None``."""
    path = shapes.value(prop, SH.path)
    if isinstance(path, URIRef):
        return str(path), False
    inverse = shapes.value(path, SH.inversePath)
    return (str(inverse), True) if isinstance(inverse, URIRef) else None


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
    elif str(datatype).startswith(str(XSD)):
        condition += f" && COALESCE(<{WELL_FORMED}>({var}), false)"
    return condition + ")"


def _regex(var: str, shapes: Graph, node) -> str:
    pattern = Literal(str(shapes.value(node, SH.pattern))).n3()
    flags = shapes.value(node, SH.flags)
    return f"REGEX(STR({var}), {pattern}{', ' + Literal(str(flags)).n3() if flags is not None else ''})"


def _one_condition(shapes: Graph, node, predicate, obj, var: str) -> str | None:
    """True when ``var`` meets the value constraint ``predicate obj`` of shape ``node`` (None: not one)."""
    if predicate == SH.datatype:
        return _datatype_ok(var, obj)
    if predicate == SH["class"]:
        return f"EXISTS {{ {_is_instance(var, obj)} }}"
    if predicate == SH.pattern:
        return f"(!isBlank({var}) && {_regex(var, shapes, node)})"
    if predicate == SH.hasValue:
        return f"sameTerm({var}, {_n3(obj)})"
    if predicate == SH.minInclusive:
        return f"COALESCE({var} >= {_n3(obj)}, false)"
    if predicate == SH["or"]:
        return "(" + " || ".join(_value_condition(shapes, o, var) for o in Collection(shapes, obj)) + ")"
    return None


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
    (used inside ``sh:or`` and ``sh:not``)."""
    parts = []
    for predicate, obj in shapes.predicate_objects(node):
        condition = _one_condition(shapes, node, predicate, obj, var)
        if condition is not None:
            parts.append(condition)
        elif predicate not in (RDF.type, SH.message, SH.flags, SH.name, SH.description):
            raise UnsupportedShape(f"unsupported constraint {predicate} inside sh:or or sh:not")
    if not parts:
        raise UnsupportedShape("empty shape inside sh:or or sh:not")
    return "(" + " && ".join(parts) + ")"


def _violations(shapes: Graph, prop) -> list[tuple[str, str]]:
    """(component, WHERE fragment with ?this bound, yielding violating ?value) for a property shape."""
    step, _ = _path(shapes, shapes.value(prop, SH.path))
    value = step.format(v="?value")
    found: list[tuple[str, str]] = []
    for predicate, obj in sorted(shapes.predicate_objects(prop)):
        if predicate not in KNOWN_PARAMETERS and predicate.startswith(str(SH)):
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
            found.append(("Pattern", f"{value} FILTER(isBlank(?value) || !{_regex('?value', shapes, prop)})"))
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
        elif predicate == SH.uniqueLang and (str(obj), getattr(obj, "datatype", None)) == ("true", XSD.boolean):
            found.append(
                ("UniqueLang", f"{{ SELECT ?this ?lang WHERE {{ {step.format(v='?any')} BIND(LANG(?any) AS ?lang) "
                               'FILTER(?lang != "") } GROUP BY ?this ?lang HAVING (COUNT(DISTINCT ?any) > 1) }')
            )  # fmt: skip
        elif predicate == SH["not"]:
            found.append(("Not", f"{value} FILTER({_value_condition(shapes, obj, '?value')})"))
        elif predicate == SH["or"]:
            found.append(("Or", _or_fragment(shapes, value, list(Collection(shapes, obj)))))
    return found


_GROUPED = re.compile(r"\{ SELECT \?this WHERE (\{.*\}) GROUP BY \?this HAVING (\(.*\)) \}", re.S)


def _focused_query(fragment: str) -> str:
    """The query of a property-shape violation ``fragment`` for a few focus nodes, which the caller
    binds to ``?this`` with a VALUES block at the start of the outermost group.

    A class test there is ``FILTER NOT EXISTS``, not ``MINUS``: the same answer (?value is always
    bound), but one index lookup per value instead of every instance of the class in the store; a
    count is grouped at the top level, so that the VALUES block restricts what is counted (else the
    subquery counts every node of the store first). An incremental rebuild at 1M triples spent
    0.05 s on each of about 150 such checks for a few focus nodes.

    >>> _focused_query("?this <p> ?value . MINUS { ?value a <C> . }")
    'SELECT DISTINCT ?this ?value WHERE { ?this <p> ?value . FILTER NOT EXISTS { ?value a <C> . } }'
    >>> _focused_query("{ SELECT ?this WHERE { ?this <p> ?any . } GROUP BY ?this HAVING (COUNT(DISTINCT ?any) > 1) }")
    'SELECT ?this WHERE { ?this <p> ?any . } GROUP BY ?this HAVING (COUNT(DISTINCT ?any) > 1)'
    """
    grouped = _GROUPED.fullmatch(fragment)
    if grouped:
        return f"SELECT ?this WHERE {grouped.group(1)} GROUP BY ?this HAVING {grouped.group(2)}"
    # MINUS appears in the fragments of this module only as ``MINUS { <?value is an instance> }``
    fragment = fragment.replace(" MINUS { ", " FILTER NOT EXISTS { ")
    return f"SELECT DISTINCT ?this{' ?value' if '?value' in fragment else ''} WHERE {{ {fragment} }}"


_INSTANCE = re.compile(rf"(\?\w+) <{re.escape(str(RDF.type))}>/<{re.escape(str(RDFS.subClassOf))}>\* <([^<>\s]+)> \.")


def bind_classes(text: str, subclasses) -> str:
    """``text`` with each class test ``?x rdf:type/rdfs:subClassOf* <C> .`` written as a lookup of
    ``?x``'s types among ``subclasses(C)`` (C and its subclasses in the store being validated).

    For queries on a few focus nodes: the property path in ``NOT EXISTS`` or ``EXISTS`` made
    Oxigraph find every instance of the class in the store (0.24 s on the 1M-triple store for three
    nodes), the lookup reads the types of the nodes at hand (0.003 s). Each test gets its own
    variable, inside the group of the test, so the answer is the same.

    >>> bind_classes(f"FILTER NOT EXISTS {{ ?value <{RDF.type}>/<{RDFS.subClassOf}>* <urn:C> . }}",
    ...              lambda c: {c, "urn:D"})  # doctest: +NORMALIZE_WHITESPACE
    'FILTER NOT EXISTS { ?value <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ?_class1 .
     FILTER(?_class1 IN (<urn:C>, <urn:D>)) }'
    """
    count = 0

    def one(match: re.Match) -> str:
        nonlocal count
        count += 1
        names = ", ".join(f"<{c}>" for c in sorted(subclasses(match.group(2))))
        return f"{match.group(1)} <{RDF.type}> ?_class{count} . FILTER(?_class{count} IN ({names}))"

    return _INSTANCE.sub(one, text)


def _node_conforms(shapes: Graph, node) -> str:
    """A boolean expression: ?this conforms to the nested shape ``node`` (its value constraints on
    ?this itself and its property shapes; used by ``sh:xone``, ``sh:not`` and node-level ``sh:or``)."""
    parts = []
    for prop in shapes.objects(node, SH.property):
        for _, fragment in _violations(shapes, prop):
            parts.append(f"NOT EXISTS {{ {fragment} }}")
    for predicate, obj in shapes.predicate_objects(node):
        condition = _one_condition(shapes, node, predicate, obj, "?this")
        if condition is not None:
            parts.append(condition)
        elif predicate not in (SH.property, RDF.type, SH.message, SH.flags, SH.name, SH.description):
            raise UnsupportedShape(f"unsupported parameter {predicate} in a nested shape")
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


def _node_check(
    shapes: Graph, shape, target: str, component: str, where: str, focused_where: str, disjoint: tuple = ()
) -> Check:
    """A check of a node-level constraint: ``?this`` is also the value."""
    return Check(
        str(shape), component, _severity(shapes, shape), _message(shapes, shape), None,
        f"SELECT DISTINCT ?this WHERE {{ {where} }}", target,
        focused=f"SELECT DISTINCT ?this WHERE {{ {focused_where} }}", local=bool(target), disjoint=disjoint,
    )  # fmt: skip


def _is_class(shapes: Graph, shape) -> bool:
    return (
        isinstance(shape, URIRef)
        and bool({RDFS.Class, OWL.Class} & set(shapes.objects(shape, RDF.type)))
        and (shape, RDF.type, SH.NodeShape) in shapes
    )


def _targets(shapes: Graph, shape) -> list[tuple[str, str]]:
    """(target class or "" for given nodes, pattern binding ?this) for each target of ``shape``."""
    classes = set(shapes.objects(shape, SH.targetClass))
    if _is_class(shapes, shape):  # an implicit class target: a shape that is also a class
        classes.add(shape)
    found = [(str(c), _is_instance("?this", c)) for c in sorted(classes, key=str)]
    nodes = sorted(shapes.objects(shape, SH.targetNode), key=str)
    if nodes:
        found.append(("", "VALUES ?this { " + " ".join(_n3(n) for n in nodes) + " }"))
    return found


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every shape with a target as a :class:`Check`, in a stable order.

    Checks of ``sh:targetNode`` targets (``target`` empty) name their focus nodes in the query
    and are always run over the whole graph (``local`` false).
    """
    checks: list[Check] = []
    targeted = set(shapes.subjects(SH.targetClass, None)) | set(shapes.subjects(SH.targetNode, None))
    targeted |= {s for s in shapes.subjects(RDF.type, SH.NodeShape) if _is_class(shapes, s)}
    for predicate in (SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
        for shape in shapes.subjects(predicate, None):
            raise UnsupportedShape(f"unsupported target {predicate} on {shape}")
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)) | targeted, key=str):
        if shape not in targeted:
            continue
        is_property = shapes.value(shape, SH.path) is not None  # a property shape with its own targets
        if not is_property:
            for predicate in set(shapes.predicates(shape)):
                if predicate not in NODE_PARAMETERS and predicate.startswith(str(SH)):
                    raise UnsupportedShape(f"unsupported node-shape parameter {predicate} on {shape}")
        properties = [shape] if is_property else sorted(shapes.objects(shape, SH.property), key=str)
        for target, focus in _targets(shapes, shape):
            given = not target  # sh:targetNode: the focus nodes are named in the query
            for prop in properties:
                path_pattern, path_text = _path(shapes, shapes.value(prop, SH.path))
                path_predicates = tuple(re.findall(r"<([^<>\s]+)>", path_pattern))
                for component, fragment in _violations(shapes, prop):
                    projected = "DISTINCT ?this" + (" ?value" if "?value" in fragment else "")
                    projected += " ?lang" if component == "UniqueLang" else ""
                    needs_focus = given or component in NEEDS_FOCUS
                    where = f"{focus} {_minus_form(fragment) or fragment}" if needs_focus else fragment
                    focused = _focused_query(fragment)
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
                            target=target,
                            focus_in_query=needs_focus,
                            focused=focused,
                            local=not given and not _is_sequence(shapes, prop),
                            predicates=() if component in NEEDS_FOCUS else path_predicates,
                            required=_required(shapes, prop)
                            if component == "MinCount" and not given and int(shapes.value(prop, SH.minCount)) == 1
                            else None,
                        )
                    )
            if is_property:
                continue

            for predicate, component in NODE_VALUE_CONSTRAINTS.items():
                for obj in shapes.objects(shape, predicate):
                    condition = (
                        "(" + " || ".join(_node_conforms(shapes, o) for o in Collection(shapes, obj)) + ")"
                        if predicate == SH["or"]  # the options may have property shapes
                        else _one_condition(shapes, shape, predicate, obj, "?this")
                    )
                    checks.append(
                        _node_check(
                            shapes, shape, target, component, f"{focus} FILTER(!{condition})", f"FILTER(!{condition})"
                        )
                    )
            for xone in shapes.objects(shape, SH.xone):
                conditions = [_node_conforms(shapes, alt) for alt in Collection(shapes, xone)]
                count = " + ".join(f"IF({c}, 1, 0)" for c in conditions)
                checks.append(
                    _node_check(
                        shapes, shape, target, "Xone", f"{focus} FILTER(({count}) != 1)", f"FILTER(({count}) != 1)"
                    )
                )
            for negated in shapes.objects(shape, SH["not"]):
                condition = _node_conforms(shapes, negated)
                where, focused_where = f"{focus} FILTER({condition})", f"FILTER({condition})"
                disjoint: tuple = ()
                if not given and set(shapes.predicates(negated)) - {RDF.type} == {SH["class"]}:
                    # disjoint classes: the subclasses of each class first (a handful), then index
                    # lookups of ?this a ?type, instead of a property path per node (100 times faster)
                    classes = list(shapes.objects(negated, SH["class"]))
                    focused_where = " ".join(_instance_join(c, f"?t{i}") for i, c in enumerate(classes, 1))
                    # over the whole graph: the DISTINCT instances of each class, then one hash join
                    # (kg:Person and kg:Initiative at 1M triples: 0.03 s instead of 0.93 s)
                    where = " ".join(
                        f"{{ SELECT DISTINCT ?this WHERE {{ {_is_instance('?this', c)} }} }}"
                        for c in [URIRef(target), *classes]
                    )
                    disjoint = (target, *(str(c) for c in classes))
                checks.append(_node_check(shapes, shape, target, "Not", where, focused_where, disjoint))
            for constraint in shapes.objects(shape, SH.sparql):
                if given:
                    raise UnsupportedShape(f"sh:sparql with sh:targetNode on {shape}")
                # ks:fastSelect over the whole graph; sh:select for a few bound focus nodes, where
                # the fast form's DISTINCT subqueries would still read the whole graph
                plain = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
                fast = shapes.value(constraint, FAST_SELECT)
                select = str(fast).replace("$this", "?this") if fast is not None else plain
                prefixes = _declared_prefixes(shapes, constraint) + "\n"
                key = shapes.value(constraint, GROUP_KEY)
                checks.append(
                    Check(str(shape), "SPARQL", _severity(shapes, shape), _message(shapes, constraint, shape), None,
                          prefixes + select, target, False, prefixes + plain,
                          shapes.value(constraint, LOCAL) == Literal(True),
                          key=prefixes + str(key).replace("$this", "?this") if key is not None else "")
                )  # fmt: skip
    return checks


_COMPILED: dict[tuple, tuple[Check, ...]] = {}


def compile_file(path: Path) -> list[Check]:
    """Compile a shapes file (once per process while the file keeps its size and modification time:
    parsing and compiling the shipped shapes takes about 0.4 s, which a rebuild paid twice)."""
    stat = Path(path).stat()
    key = (str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)
    if key not in _COMPILED:
        _COMPILED[key] = tuple(compile_shapes(Graph().parse(path)))
    return list(_COMPILED[key])


def sparql_functions() -> dict:
    """The extension functions compiled checks call, for :attr:`kg.query.stores.OxigraphStore.functions`.

    ``WELL_FORMED(?literal)``: whether its text is valid for its XSD datatype (:func:`kg.build.literals.well_formed`).
    """
    import pyoxigraph as ox

    from kg.build.literals import well_formed

    true, false = (ox.Literal(v, datatype=ox.NamedNode(str(XSD.boolean))) for v in ("true", "false"))

    def is_well_formed(term):
        if not isinstance(term, ox.Literal):
            return None
        return true if term.language is not None or well_formed(term.value, term.datatype.value) else false

    return {ox.NamedNode(WELL_FORMED): is_well_formed}


def evaluate(
    store,
    check: Check,
    instances: dict[str, set],
    answers: dict[str, list[dict]] | None = None,
    members: Callable[[str], set] | None = None,
) -> list[dict]:
    """The rows of ``check`` over the whole store: its focus nodes (``this``) and values.

    ``instances`` caches the instances of each target class between checks (for checks that find
    violations among all nodes and keep those of the target afterwards); ``answers`` caches the rows
    of each distinct query text (several target classes share one property shape's query).

    A ``sh:minCount 1`` check along one predicate (``check.required``) is not run as its query: the
    target's instances (``members(class)``, a set of pyoxigraph terms; by default one query) without
    a triple along the path, each looked up in the store's index. The query's ``MINUS`` read every
    triple of the predicate for each check: at 1M triples the four ``rdfs:label`` checks (actors,
    initiatives, areas, awards) took 0.2-0.27 s each, 0.92 s together, the lookups 0.11 s; the 22
    such checks 1.71 s as queries, 0.74 s as lookups. The rows are the same (tests/test_min_count.py
    compares both on every shipped check).
    """
    from kg.query.stores import OxigraphStore

    if check.required is not None and check.target and isinstance(store, OxigraphStore):
        return _lacking(store, check, members)
    if answers is None:
        rows = store.select(check.query)[1]
    else:
        if check.query not in answers:
            answers[check.query] = store.select(check.query)[1]
        rows = answers[check.query]
    if not check.focus_in_query and rows:
        if check.target not in instances:
            text = f"SELECT ?this WHERE {{ ?this a/<{RDFS.subClassOf}>* <{check.target}> }}"
            instances[check.target] = {r["this"] for r in store.select(text)[1]}
        rows = [row for row in rows if row.get("this") in instances[check.target]]
    return rows


def _lacking(store, check: Check, members: Callable[[str], set] | None) -> list[dict]:
    """The rows of a ``sh:minCount 1`` check (``check.required``): instances of the target without a
    triple along the path in any graph."""
    import pyoxigraph as ox

    from kg.query.stores import to_rdflib

    if members is None:
        text = f"SELECT DISTINCT ?this WHERE {{ ?this a/<{RDFS.subClassOf}>* <{check.target}> }}"
        nodes = {row[0] for row in store.store.query(text, use_default_graph_as_union=True)}
    else:
        nodes = members(check.target)
    predicate, inverse = check.required
    named = ox.NamedNode(predicate)
    quads = store.store.quads_for_pattern
    if inverse:
        lacking = [n for n in nodes if next(quads(None, named, n, None), None) is None]
    else:
        lacking = [n for n in nodes if next(quads(n, named, None, None), None) is None]
    return [{"this": to_rdflib(n)} for n in lacking]


def render_message(template: str, row: dict) -> str:
    """Fill ``{?var}`` / ``{$var}`` placeholders of a SHACL message from a result row."""
    return re.sub(r"\{[?$](\w+)\}", lambda m: str(row.get(m.group(1), m.group(0))), template)


__all__ = [
    "Check", "UnsupportedShape", "bind_classes", "compile_file", "compile_shapes", "evaluate", "render_message",
    "sparql_functions",
]  # fmt: skip
