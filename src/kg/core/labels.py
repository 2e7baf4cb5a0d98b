"""Labels in a preferred language, and names folded for search."""

from __future__ import annotations

import unicodedata

from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

LANGS = ("sv", "fi", "en")
_FOLD = str.maketrans({"đ": "d", "ŋ": "n", "ŧ": "t", "ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "ı": "i"})


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics, for matching names in any language.

    >>> fold("Övertorneå"), fold("Soađegilli"), fold("Jåhkåmåhkke")
    ('overtornea', 'soadegilli', 'jahkamahkke')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLD)


def preference(lang: str | None) -> tuple[str, ...]:
    """Languages to try, the preferred one first.

    >>> preference("fi")
    ('fi', 'sv', 'en')
    """
    if not lang:
        return LANGS
    return (lang, *(x for x in LANGS if x != lang))


def best_label(graph, node, lang: str | None = None) -> str | None:
    """The node's rdfs:label (or skos:prefLabel) in the preferred language, else any.

    >>> from rdflib import Graph, URIRef
    >>> g = Graph(); x = URIRef("urn:x")
    >>> _ = g.add((x, RDFS.label, Literal("Ylitornio", lang="fi")))
    >>> _ = g.add((x, RDFS.label, Literal("Övertorneå", lang="sv")))
    >>> best_label(g, x, "fi"), best_label(g, x, "sv")
    ('Ylitornio', 'Övertorneå')
    """
    if node is None:
        return None
    labels = [o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)]
    labels += [o for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)]
    if not labels:
        return None
    for wanted in preference(lang):
        for label in labels:
            if label.language == wanted:
                return str(label)
    return str(sorted(labels)[0])
