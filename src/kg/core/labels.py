"""Labels in a preferred language, and names folded for search."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

LANGS = ("sv", "fi", "en")
_FOLD = str.maketrans({"đ": "d", "ŋ": "n", "ŧ": "t", "ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "ı": "i"})


@lru_cache(maxsize=1 << 16)  # reconciliation folds the same words many times (a register: ~1M calls)
def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics, for matching names in any language.

    >>> fold("Övertorneå"), fold("Soađegilli"), fold("Jåhkåmåhkke")
    ('overtornea', 'soadegilli', 'jahkamahkke')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_FOLD)


#: the letters the search rule knows by name: Latin-1, Latin Extended-A/B and Latin Extended Additional
_LETTER_RANGES = ((0x20, 0x250), (0x1E00, 0x1F00))
_REGEX_META = set("\\.?*+{}()[]|^$-")


@lru_cache(maxsize=1)
def fold_table() -> dict[str, str]:
    """Each letter of the Latin script whose :func:`fold` is not itself, with its fold: the one
    rule of search and reconciliation, handed to the network page so that its search box folds
    as :func:`fold` does.

    >>> table = fold_table()
    >>> table["Ä"], table["ŋ"], table["Æ"], "a" in table
    ('a', 'n', 'ae', False)
    """
    table = {}
    for start, end in _LETTER_RANGES:
        for code in range(start, end):
            letter = chr(code)
            if letter.isalnum() and fold(letter) != letter:
                table[letter] = fold(letter)
    return table


@lru_cache(maxsize=1)
def _variants() -> tuple[dict[str, str], dict[str, str]]:
    single: dict[str, set[str]] = {}
    double: dict[str, set[str]] = {}
    for letter, folded in fold_table().items():
        (single if len(folded) == 1 else double).setdefault(folded, set()).add(letter)
    join = "".join
    return {k: join(sorted(v)) for k, v in single.items()}, {k: join(sorted(v)) for k, v in double.items()}


_MARKS = "[\u0300-\u036f]*"  # combining diacritics, for labels stored decomposed (NFD)


def _class(letter: str) -> str:
    members = sorted({letter, *_variants()[0].get(letter, "")})
    if len(members) == 1:
        return ("\\" + letter if letter in _REGEX_META else letter) + (_MARKS if letter.isalpha() else "")
    return "[" + "".join("\\" + m if m in "\\[]^-" else m for m in members) + "]" + _MARKS


def search_pattern(text: str) -> str:
    """A regular expression (XPath and Python syntax alike) that finds ``text`` in a label the way
    :func:`fold` compares them: ignoring case, diacritics and Unicode normal form. Used by the
    search and name-resolution queries, whose labels SPARQL cannot fold itself.

    >>> import re
    >>> pattern = search_pattern("kemija\u0308rvi")
    >>> bool(re.search(pattern, "Kemijärvi")), bool(re.search(pattern, "KEMIJARVI"))
    (True, True)
    >>> bool(re.search(pattern, "Kemija\u0308rvi"))  # a label stored decomposed (NFD)
    True
    >>> bool(re.search(search_pattern("Sami"), "Sámediggi")), bool(re.search(search_pattern("Sám"), "Sami"))
    (False, True)
    >>> bool(re.search(search_pattern("aerø"), "Ærø")), bool(re.search(search_pattern("a.b"), "axb"))
    (True, False)
    """
    folded = fold(unicodedata.normalize("NFC", text))
    double = _variants()[1]
    out, i = [], 0
    while i < len(folded):
        pair = folded[i : i + 2]
        if len(pair) == 2 and pair in double:
            out.append(f"({_class(pair[0])}{_class(pair[1])}|[{double[pair]}])")
            i += 2
        else:
            out.append(_class(folded[i]))
            i += 1
    return "".join(out)


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
