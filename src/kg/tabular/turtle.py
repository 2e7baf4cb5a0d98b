"""A deterministic Turtle writer: the same triples always give the same bytes.

Prefixes in a fixed order (only those used), the source document first, then subjects by IRI;
``rdf:type`` first, then labels, then the other predicates by name; objects sorted.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.core.namespaces import FOAF, ID, KG, ORG, PROV, SCHEMA, THEME

#: Prefixes of written source files, in the order they are declared.
PREFIXES: list[tuple[str, str]] = [
    ("kg", str(KG)),
    ("th", str(THEME)),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("owl", str(OWL)),
    ("skos", str(SKOS)),
    ("xsd", str(XSD)),
    ("dcterms", str(DCTERMS)),
    ("schema", str(SCHEMA)),
    ("org", str(ORG)),
    ("prov", str(PROV)),
    ("foaf", str(FOAF)),
    ("mun", str(ID) + "municipality/"),
    ("area", str(ID) + "area/"),
    ("orgid", str(ID) + "org/"),
    ("person", str(ID) + "person/"),
    ("post", str(ID) + "post/"),
    ("ini", str(ID) + "initiative/"),
    ("funding", str(ID) + "funding/"),
    ("award", str(ID) + "award/"),
    ("src", str(ID) + "source/"),
]
_LOCAL = re.compile(r"^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$")
_PREDICATE_ORDER = [RDF.type, RDFS.label, SKOS.altLabel, DCTERMS.identifier, DCTERMS.title]


def expand(name: str) -> str | None:
    """A prefixed name (``mun:se-2521``) as a full IRI, or None when the prefix is not one of ours.

    >>> expand("mun:se-2521"), expand("x:y")
    ('https://w3id.org/samverkan/id/municipality/se-2521', None)
    """
    prefix, sep, local = name.partition(":")
    if not sep:
        return None
    for known, namespace in PREFIXES:
        if known == prefix:
            return namespace + local
    return None


def short(iri) -> str:
    """A prefixed name where one of :data:`PREFIXES` fits, else the full IRI.

    >>> short(URIRef(str(ID) + "org/region-10")), short(URIRef("urn:x"))
    ('orgid:region-10', 'urn:x')
    """
    text = _qname(URIRef(str(iri)), set())
    return text[1:-1] if text.startswith("<") else text


def _qname(iri: URIRef, used: set[str]) -> str:
    text = str(iri)
    best = None
    for prefix, namespace in PREFIXES:
        fits = text.startswith(namespace) and _LOCAL.match(text[len(namespace) :])
        if fits and (best is None or len(namespace) > len(best[1])):
            best = (prefix, namespace)
    if best is None:
        return f"<{text}>"
    used.add(best[0])
    return f"{best[0]}:{text[len(best[1]) :]}"


def _object(term, used: set[str], manager) -> str:
    if isinstance(term, URIRef):
        return _qname(term, used)
    if isinstance(term, Literal):
        if term.datatype is not None:
            return '"' + _escape(str(term)) + '"^^' + _qname(term.datatype, used)
        if term.language:
            return '"' + _escape(str(term)) + '"@' + term.language
        return '"' + _escape(str(term)) + '"'
    raise ValueError(f"blank nodes are not written: {term!r}")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _predicate_key(p: URIRef) -> tuple[int, str]:
    return (_PREDICATE_ORDER.index(p) if p in _PREDICATE_ORDER else len(_PREDICATE_ORDER), str(p))


def _object_key(o) -> tuple:
    if isinstance(o, URIRef):
        return (0, str(o), "", "")
    return (1, str(o.language or ""), str(o.datatype or ""), str(o))


def serialize(graph: Graph, first: URIRef | None = None, header: str = "") -> str:
    """``graph`` as Turtle text, byte-stable (see the module docstring).

    >>> g = Graph()
    >>> _ = g.add((URIRef(str(ID) + "org/x"), RDFS.label, Literal("X", lang="sv")))
    >>> print(serialize(g), end="")
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix orgid: <https://w3id.org/samverkan/id/org/> .
    <BLANKLINE>
    orgid:x rdfs:label "X"@sv .
    """
    by_subject: dict[URIRef, dict[URIRef, list]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        by_subject[s][p].append(o)
    used: set[str] = set()
    blocks = []
    subjects = sorted(by_subject, key=lambda s: (s != first, str(s)))
    for s in subjects:
        predicates = sorted(by_subject[s], key=_predicate_key)
        lines = []
        for p in predicates:
            verb = "a" if p == RDF.type else _qname(p, used)
            objects = sorted(by_subject[s][p], key=_object_key)
            rendered = [_object(o, used, None) for o in objects]
            lines.append(f"{verb} " + " ,\n        ".join(rendered))
        subject = _qname(s, used)
        blocks.append(subject + " " + " ;\n    ".join(lines) + " .\n")
    prefixes = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES if p in used)
    return header + prefixes + "\n" + "\n".join(blocks)
