"""The few facts about a term that labelling and printing need, read alike from an rdflib term or a
pyoxigraph term, so that rows can stay as the engine gave them until they are printed.

Converting a pyoxigraph term to an rdflib one costs a few microseconds (a language-tagged literal
about 25, for rdflib's check of the tag): at a million triples the labels of ``ties`` and
``initiatives`` alone are 70,000 literals, converted only to be read as text. These functions read
either kind of term directly.

>>> import pyoxigraph as ox
>>> from rdflib import Literal, URIRef
>>> [kind(t) for t in (ox.NamedNode("urn:a"), URIRef("urn:a"), ox.Literal("x"), Literal("x"), None)]
['iri', 'iri', 'literal', 'literal', None]
>>> text(ox.Literal("Pajala", language="sv")), language(ox.Literal("Pajala", language="sv"))
('Pajala', 'sv')
>>> text(Literal("Pajala", lang="sv")), language(Literal("Pajala", lang="sv"))
('Pajala', 'sv')
>>> language(ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))) is None
True
>>> is_plain(ox.Literal("x")), is_plain(Literal("x")), is_plain(Literal("x", lang="sv")), is_plain(Literal(7))
(True, True, False, False)
"""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef

_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _oxigraph_types() -> tuple[type, type, type]:
    import pyoxigraph as ox

    return ox.NamedNode, ox.Literal, ox.BlankNode


try:
    _OX_IRI, _OX_LITERAL, _OX_BLANK = _oxigraph_types()
except ImportError:  # pragma: no cover (pyoxigraph is a dependency)
    _OX_IRI = _OX_LITERAL = _OX_BLANK = type(None)


_OX_KINDS = {_OX_IRI: "iri", _OX_LITERAL: "literal", _OX_BLANK: "blank"}


def kind(term: object) -> str | None:
    """``"iri"``, ``"literal"``, ``"blank"`` or ``None`` (unbound, or not a term)."""
    found = _OX_KINDS.get(type(term))
    if found is not None:
        return found
    if isinstance(term, URIRef):
        return "iri"
    if isinstance(term, Literal):
        return "literal"
    if isinstance(term, BNode):
        return "blank"
    return None


def text(term: object) -> str:
    """The IRI of an IRI, the lexical form of a literal, the label of a blank node."""
    cls = type(term)
    if cls is _OX_IRI or cls is _OX_LITERAL or cls is _OX_BLANK:
        return term.value  # type: ignore[attr-defined]
    return str(term)


def language(term: object) -> str | None:
    """A literal's language tag (``None`` without one, or for anything else)."""
    if type(term) is _OX_LITERAL:
        return term.language  # type: ignore[attr-defined]
    return term.language if isinstance(term, Literal) else None


def is_plain(term: object) -> bool:
    """Whether ``term`` is a literal without a language tag whose datatype is ``xsd:string`` (or none)."""
    if type(term) is _OX_LITERAL:
        return term.language is None and term.datatype.value == _STRING  # type: ignore[attr-defined]
    return isinstance(term, Literal) and not term.language and term.datatype in (None, URIRef(_STRING))
