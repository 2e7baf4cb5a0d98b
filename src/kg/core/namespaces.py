"""IRIs of the vocabularies and of the graphs samverkan-kg uses."""

from __future__ import annotations

import rdflib
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

# Literals are kept as written (issue 14): rdflib would otherwise rewrite "2024-05-06+02:00"^^xsd:date
# as "2024-05-06" (losing the timezone) and "01"^^xsd:integer as "1" whenever it reads a file.
rdflib.NORMALIZE_LITERALS = False

KG = Namespace("https://w3id.org/samverkan/def#")
THEME = Namespace("https://w3id.org/samverkan/def/theme/")
ID = Namespace("https://w3id.org/samverkan/id/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SH = Namespace("http://www.w3.org/ns/shacl#")

ONTOLOGY_GRAPH = URIRef(ID["graph/ontology"])
REFERENCE_GRAPH = URIRef(ID["graph/reference"])
ANALYSIS_GRAPH = URIRef(ID["graph/analysis"])
SOURCE_PREFIX = str(ID["source/"])

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "th": THEME,
    "id": ID,
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "foaf": FOAF,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "sh": SH,
}


def short_iri(iri: object) -> str:
    """An IRI as a prefixed name with the project's prefixes (:data:`PREFIXES`), else the IRI itself.

    >>> short_iri(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))
    'rdf:type'
    >>> short_iri("https://w3id.org/samverkan/id/municipality/se-2521")
    'id:municipality/se-2521'
    >>> short_iri("https://example.org/x")
    'https://example.org/x'
    """
    text = str(iri)
    best = ""
    for prefix, ns in PREFIXES.items():  # the longest namespace wins (th: before kg:'s parent, …)
        if text.startswith(str(ns)) and len(str(ns)) > len(str(PREFIXES.get(best, ""))) and len(text) > len(ns):
            best = prefix
    return f"{best}:{text[len(str(PREFIXES[best])) :]}" if best else text


def source_graph(stem: str) -> URIRef:
    """The named graph (and document IRI) of the source file with this stem.

    >>> str(source_graph("000_d0f522aa97cf2385"))
    'https://w3id.org/samverkan/id/source/000_d0f522aa97cf2385'
    """
    return URIRef(SOURCE_PREFIX + stem)


def is_source_graph(name: object) -> bool:
    """True for the IRI of a source document's graph.

    >>> is_source_graph(source_graph("x")), is_source_graph(ONTOLOGY_GRAPH)
    (True, False)
    """
    return isinstance(name, URIRef) and str(name).startswith(SOURCE_PREFIX)


def bind_all(graph) -> None:
    """Bind the project's prefixes on an rdflib graph or dataset (for readable output)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


#: The classes (local names in ``kg:``) whose instances a build counts, subclasses included, in the
#: order its summary lists them (:func:`kg.build.statistics`; the status lines of :mod:`kg.core.status`).
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
