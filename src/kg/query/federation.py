"""Federated queries (``SERVICE``) are refused unless turned on: neither ``kg query`` nor ``kg serve``
makes HTTP requests on behalf of whoever wrote the query.

A query with ``SERVICE <http://127.0.0.1:PORT/internal-admin> { … }`` makes the engine that runs
it (Oxigraph, rdflib) send a request to that address: from a server, to the server's own network.
:func:`uses_service` finds the keyword the way a SPARQL parser does: after expanding the
``\\uXXXX``/``\\UXXXXXXXX`` escapes (which SPARQL processes before parsing), outside comments, string
literals and IRIs, in any case. ``kg query --allow-service`` (``allow_service=True`` in Python) and
``kg serve --allow-service`` turn federation on.

On ``kg serve`` the check runs in the gateway in front of the Oxigraph server (:mod:`kg.server.gateway`),
which has no option to turn SERVICE off.
"""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.IGNORECASE)
MESSAGE = "federated queries (SERVICE) are turned off: {how} turns them on"


def _expand(text: str) -> str:
    def char(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _ESCAPE.sub(char, text)


def code_only(text: str) -> str:
    """The query text with comments, string literals and IRIs blanked out (escapes expanded first).

    >>> code_only('SELECT * WHERE { ?s ?p "SERVICE" . <http://x/SERVICE> ?p ?o } # SERVICE')
    'SELECT * WHERE { ?s ?p   .   ?p ?o }  '
    """
    text = _expand(text)
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "<":
            iri = _IRI.match(text, i)
            if iri:
                out.append(" ")
                i = iri.end()
                continue
        elif ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            out.append(" ")
            continue
        elif ch in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                if len(quote) == 1 and text[j] in "\r\n":
                    break  # an unterminated short string: the parser will refuse the query anyway
                j += 2 if text[j] == "\\" else 1
            i = j + len(quote)
            out.append(" ")
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def uses_service(text: str) -> bool:
    """Whether a SPARQL query or update contains a ``SERVICE`` clause.

    >>> uses_service("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    True
    >>> uses_service("select * where { servIce silent<http://127.0.0.1:9/x>{ ?s ?p ?o } }")
    True
    >>> uses_service("SELECT * WHERE { \\\\u0053ERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service WHERE { ?service ex:service "SERVICE" } # SERVICE')
    False
    """
    return _SERVICE.search(code_only(text)) is not None


__all__ = ["MESSAGE", "code_only", "uses_service"]
