"""Binding parameters into SPARQL text: a ``VALUES`` block placed at the start of the query's
outermost group, holding serialised RDF terms (never user text pasted into the query), so that every
engine evaluates them the same way; and declaring the project's prefixes.
"""

from __future__ import annotations

import re

from rdflib import BNode, Literal, URIRef

from kg.core.namespaces import PREFIXES


def with_prefixes(text: str) -> str:
    """The query with the project's prefixes declared (declarations in the text still win)."""
    declared = {m.group(1) for m in re.finditer(r"(?im)^\s*PREFIX\s+([A-Za-z][\w-]*|):", text)}
    missing = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items() if k not in declared)
    return missing + text


def _top_level_braces(text: str) -> list[int]:
    """Offsets of every ``{`` at nesting depth 0, outside comments, strings and IRIs."""
    positions, depth, i, n = [], 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch == "<" and re.match(r"<[^\s<>\"{}|^`]*>", text[i:]):
            i += re.match(r"<[^\s<>\"{}|^`]*>", text[i:]).end()
            continue
        if ch in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            continue
        if ch == "{":
            if depth == 0:
                positions.append(i)
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    return positions


def term_n3(term: URIRef | Literal | BNode) -> str:
    """An RDF term in SPARQL syntax, escaped (a value, never code).

    >>> term_n3(Literal('"} ; DROP ALL #'))
    '"\\\\"} ; DROP ALL #"'
    >>> term_n3(Literal("lots", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")))
    '"lots"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    """
    if isinstance(term, URIRef):
        if re.search(r"[\s<>\"{}|^`\\]", str(term)):
            raise ValueError(f"not a valid IRI: {term!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        # Quoted as a plain string, then typed: rdflib's own n3() warns about (and may rewrite) an
        # ill-formed lexical form such as "lots"^^xsd:decimal, which a report must quote as written.
        quoted = Literal(str(term)).n3()
        if term.language:
            return f"{quoted}@{term.language}"
        return f"{quoted}^^<{term.datatype}>" if term.datatype else quoted
    raise ValueError(f"cannot bind {term!r}")


def bind_values(text: str, bindings: dict[str, URIRef | Literal]) -> str:
    """Put ``VALUES (?a ?b) { (x y) }`` at the start of the outermost group of the query's WHERE.

    >>> print(bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"p": URIRef("urn:p")}))
    SELECT ?x WHERE { VALUES (?p) { (<urn:p>) }
     ?x ?p ?o }
    """
    if not bindings:
        return text
    braces = _top_level_braces(text)
    if not braces:
        raise ValueError("query has no WHERE clause to bind parameters in")
    body = re.sub(r"#[^\n]*", "", text)
    is_construct = re.search(r"\b(CONSTRUCT|INSERT|DELETE)\b", body, re.IGNORECASE) and not re.search(
        r"\bCONSTRUCT\s+WHERE\b", body, re.IGNORECASE
    )
    where = braces[1] if is_construct and len(braces) > 1 else braces[0]
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(term_n3(v) for v in bindings.values())
    text = f"{text[: where + 1]} VALUES ({names}) {{ ({values}) }}\n{text[where + 1 :]}"
    return inline_patterns(text, bindings)


def _call_spans(text: str, function: str) -> list[tuple[int, int]]:
    """(start, end) of the arguments of every call ``function(...)`` outside comments, strings and IRIs."""
    spans = []
    for match in re.finditer(rf"\b{function}\s*\(", text, re.IGNORECASE):
        start = i = match.end()
        depth, n = 1, len(text)
        while i < n and depth:
            ch = text[i]
            if ch in "\"'":
                j = i + 1
                while j < n and text[j] != ch:
                    j += 2 if text[j] == "\\" else 1
                i = j + 1
                continue
            depth += {"(": 1, ")": -1}.get(ch, 0)
            i += 1
        spans.append((start, i - 1))
    return spans


def inline_patterns(text: str, bindings: dict[str, URIRef | Literal]) -> str:
    """The query with each parameter bound to a literal also written, as that serialised literal, where
    it is the pattern of a ``REGEX`` call: Oxigraph compiles a constant pattern once, but a pattern
    from a variable once per row (at a million triples, resolving a name took 6.4 s instead of 0.23 s).
    The ``VALUES`` block keeps binding the variable everywhere else; the rows are the same.

    >>> inline_patterns('SELECT ?x WHERE { ?x ?p ?l FILTER(REGEX(STR(?l), ?name, "i")) }', {"name": Literal("^Oulu$")})
    'SELECT ?x WHERE { ?x ?p ?l FILTER(REGEX(STR(?l), "^Oulu$", "i")) }'
    """
    literals = {k: term_n3(v) for k, v in bindings.items() if isinstance(v, Literal)}
    if not literals or not re.search(r"\bREGEX\s*\(", text, re.IGNORECASE):
        return text
    variable = re.compile(r"[?$](" + "|".join(re.escape(k) for k in literals) + r")\b")
    for start, end in reversed(_call_spans(text, "REGEX")):
        args = text[start:end]
        # only the pattern argument (after the first top-level comma), never the text being matched
        depth, comma, quote = 0, None, None
        for i, ch in enumerate(args):
            if quote:
                quote = None if ch == quote and args[i - 1] != "\\" else quote
            elif ch in "\"'":
                quote = ch
            elif ch == "," and depth == 0:
                comma = i
                break
            else:
                depth += {"(": 1, ")": -1}.get(ch, 0)
        if comma is None:
            continue
        rest = variable.sub(lambda m: literals[m.group(1)], args[comma:])
        text = text[:start] + args[:comma] + rest + text[end:]
    return text


def bind_rows(text: str, variable: str, terms: list[URIRef]) -> str:
    """Like :func:`bind_values`, with one variable and many rows (``VALUES ?g { <a> <b> }``)."""
    braces = _top_level_braces(text)
    body = re.sub(r"#[^\n]*", "", text)
    two_part = re.search(r"\b(CONSTRUCT|INSERT|DELETE)\b", body, re.IGNORECASE) and not re.search(
        r"\bCONSTRUCT\s+WHERE\b", body, re.IGNORECASE
    )
    where = braces[1] if two_part and len(braces) > 1 else braces[0]
    values = " ".join(term_n3(t) for t in terms)
    return f"{text[: where + 1]} VALUES ?{variable} {{ {values} }}\n{text[where + 1 :]}"
