"""One strict reading of every input file, shared by both engines.

Every file (ontology, reference data, sources) is parsed by Oxigraph's parser, which follows the
W3C grammars strictly (rdflib's Turtle parser accepts literals as subjects and IRIs with spaces).
The rdflib/pyshacl engine then works on the very same terms (:func:`kg.build.sources.parse_file`),
the Oxigraph engine loads them into its store (:func:`kg.build.fastpath.load_file`).

The reading:

- decodes the file as UTF-8 (a byte-order mark at the start is accepted and dropped) and
  normalises the text to Unicode NFC, so that "ö" typed as one or as two code points is the same
  label and the same IRI; lexical forms are otherwise kept exactly as written (``"01"`` stays
  ``"01"``, ``"2024-05-06+02:00"`` keeps its timezone);
- turns a syntax error into :class:`~kg.core.errors.DataError` with ``file:line:column``, columns
  counted in characters, invisible characters in the message shown as ``U+FEFF``-style escapes;
- refuses an empty source or reference file, and blank nodes in sources and reference data (an
  entity needs an IRI to be reported, linked and rebuilt incrementally), naming the line.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> bad = folder / "x.ttl"
>>> _ = bad.write_text('<https://a> <https://b> "ö" .\\n"Pajala" <https://b> <https://c> .\\n', encoding="utf-8")
>>> try:
...     read(bad, "source")
... except DataError as exc:
...     print(str(exc).replace(str(folder), "DIR"))
DIR/x.ttl:2:1: syntax error: "Pajala" is not a valid subject or graph name
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kg.build.literals import XSD, well_formed
from kg.core.errors import DataError

FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld"}
_OX_FORMATS = {".ttl": "TURTLE", ".trig": "TRIG", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".jsonld": "JSON_LD"}


@dataclass
class Reading:
    """The quads of one file as Oxigraph read them, and the text they were read from."""

    path: Path
    text: str
    quads: list
    data: bytes = b""  #: the text as UTF-8, as it was given to the parser
    base_iri: str = ""  #: the base IRI relative IRIs were resolved against (the file's resolved URI)

    @cached_property
    def tokens(self) -> list[tuple[str, str, int, int]]:
        """The file's tokens (Turtle family only), see :func:`tokens`."""
        return tokens(self.text) if self.path.suffix.lower() in (".ttl", ".trig", ".nt", ".nq") else []

    def line_of_literal(self, lexical: str) -> int | None:
        """The line of the first literal token (outside comments) whose text is ``lexical``."""
        for kind, value, line, _ in self.tokens:
            if kind == "string" and _unescape(value) == lexical:
                return line
        for kind, value, line, _ in self.tokens:  # a number written bare: 1_000 never parses, 12 may
            if kind == "word" and value == lexical:
                return line
        return None

    def line_of_iri(self, iri: str, prefixes: dict[str, str] | None = None) -> int | None:
        """The line where ``iri`` first occurs as a subject-or-object token (full or prefixed)."""
        for kind, value, line, _ in self.tokens:
            if kind == "iri" and value == iri:
                return line
            if kind == "word" and ":" in value and prefixes:
                prefix, _, local = value.partition(":")
                if prefix in prefixes and prefixes[prefix] + local == iri:
                    return line
        return None


def _visible(message: str) -> str:
    """Show invisible characters (format and control characters, odd spaces) as U+XXXX."""
    return "".join(
        f"U+{ord(c):04X}" if unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp") or (c.isspace() and c != " ") else c
        for c in message
    )


def _clean(message: str) -> str:
    message = re.sub(r"^Parser error at line \d+ between columns \d+ and \d+: ", "", message)
    message = re.sub(r"^Parser error at line \d+ column \d+: ", "", message)
    found = re.match(r"The prefix (\S*?): has not been declared", message)
    if found:
        return f"unknown prefix '{found.group(1)}:' (declare it with @prefix)"
    return _visible(message)


def decode(path: Path) -> tuple[str, bytes, str]:
    """The text of ``path`` as the parser is given it (UTF-8, byte-order mark dropped, NFC), its
    UTF-8 bytes, and the base IRI of the file; :class:`DataError` for an unknown file type, an
    unreadable file or one that is not UTF-8."""
    if path.suffix.lower() not in _OX_FORMATS:
        raise DataError(f"unsupported file type {path.suffix!r} (use one of {', '.join(FORMATS)})", file=path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror}", file=path) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start].decode("utf-8", "replace")
        line = head.count("\n") + 1
        raise DataError(
            "file is not valid UTF-8", file=path, line=line, column=exc.start - (head.rfind("\n") + 1) + 1
        ) from exc
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    data = raw if len(text) == len(raw) else text.encode("utf-8")  # ASCII as it was: the same bytes
    return text, data, _resolved(path).as_uri()


def read(path: Path, kind: str) -> Reading:
    """Parse ``path`` strictly (kind: ``ontology``, ``reference`` or ``source``).

    Raises :class:`DataError` naming the file (and line and column where there is one) for an
    unknown file type, a file that is not UTF-8, a syntax error, an empty source or reference file,
    or a blank node in a source or reference file.
    """
    import pyoxigraph as ox

    suffix = path.suffix.lower()
    text, data, base_iri = decode(path)
    try:
        quads = list(ox.parse(data, format=getattr(ox.RdfFormat, _OX_FORMATS[suffix]), base_iri=base_iri))
    except SyntaxError as exc:
        message = str(exc.msg) if exc.msg else str(exc)
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
        column = exc.offset if line is not None and isinstance(exc.offset, int) and exc.offset > 0 else None
        raise DataError(f"syntax error: {_clean(message)}", file=path, line=line, column=column) from exc
    reading = Reading(path=path, text=text, quads=quads, data=data, base_iri=base_iri)
    if kind != "ontology":
        if not quads:
            raise DataError(f"the {kind} file holds no triples (delete it, or describe its document in it)", file=path)
        # a blank node is written _:name, [ ] or ( ) in the Turtle family: without those characters
        # there is none, and the quads need not be looked at (0.3 s at 1M triples)
        maybe_blank = suffix not in (".ttl", ".trig", ".nt", ".nq") or any(c in text for c in ("_:", "[", "("))
        if maybe_blank and any(
            isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads
        ):
            line = next((ln for k, v, ln, _ in reading.tokens if k == "blank"), None)
            raise DataError(
                "blank node: every entity in a source needs an IRI (so that it can be reported, linked and "
                "rebuilt); give it one, e.g. <https://w3id.org/samverkan/id/initiative/NAME>",
                file=path,
                line=line,
            )
    return reading


# after "lexical"^^ : the datatype, xsd:name or the XSD IRI, its name ending where the token ends
_DATATYPE = re.compile(
    r"(?:xsd:([A-Za-z]+)|<http://www\.w3\.org/2001/XMLSchema#([A-Za-z]+)>)(?=[\s;,)\]]|\.(?:\s|$)|$)"
)
_XSD_PREFIX = re.compile(r"xsd:\s*<([^>]*)>")  # declarations of xsd: (with @prefix or PREFIX before)
# characters that no xsd:string may hold (kg.build.literals), and escapes that could write one
_NOT_IN_STRINGS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SAFE_ESCAPE = frozenset("\"'\\tnr")


def plainly_valid(text: str) -> bool:
    """Whether Turtle or N-Triples ``text`` can hold neither a blank node nor a literal that is not
    valid for its datatype, judged from the text alone; ``False`` when the text alone cannot tell,
    so that the file is parsed into quads and looked at (:func:`read`).

    ``True`` when no line outside whole-line comments holds ``_:``, ``[`` or ``(``; every ``^^`` is
    a plainly written ``"lexical"^^xsd:name`` whose lexical form is valid (:mod:`kg.build.literals`)
    with ``xsd:`` the XSD namespace; and no character that an ``xsd:string`` may not hold is
    written or escaped (only ``\\"``, ``\\'``, ``\\\\``, ``\\t``, ``\\n``, ``\\r`` are escapes here).
    A literal written any other way (long quotes, single quotes, escapes, another prefix) makes it
    ``False``, never a wrong ``True``. A bare number or boolean is always valid.

    >>> plainly_valid('@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\\n# (a comment)\\n'
    ...               '<https://a> <https://b> "2024-05-06"^^xsd:date , "x" .')
    True
    >>> plainly_valid('@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\\n'
    ...               '<https://a> <https://b> "2024-02-30"^^xsd:date .')
    False
    >>> plainly_valid('<https://a> <https://b> [ <https://c> 1 ] .')
    False
    >>> plainly_valid('<https://a> <https://b> "a\\\\u0001" .')
    False
    """
    for mark in ("_:", "[", "("):
        at = text.find(mark)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            if not text[start:at].lstrip(" \t").startswith("#"):
                return False  # outside a whole-line comment: maybe a blank node
            end = text.find("\n", at)
            at = text.find(mark, end) if end >= 0 else -1
    if _NOT_IN_STRINGS.search(text):
        return False
    at = text.find("\\")
    while at >= 0:
        if text[at + 1 : at + 2] not in _SAFE_ESCAPE or not text[at + 1 : at + 2]:
            return False
        at = text.find("\\", at + 2)
    parts = text.split("^^")
    prefixed = False
    for before, after in itertools.pairwise(parts):
        # the lexical form: from the closing quote just before ^^ back to the previous quote, which must
        # open a short string (not close a long one, not be escaped)
        opening = before.rfind('"', 0, len(before) - 1)
        if not before.endswith('"') or opening < 0 or before[opening - 1 : opening] in ('"', "\\"):
            return False
        lexical = before[opening + 1 : -1]
        datatype = _DATATYPE.match(after)
        if datatype is None or "\\" in lexical or "\n" in lexical or "\r" in lexical:
            return False
        prefixed = prefixed or datatype.group(1) is not None
        if not well_formed(lexical, XSD + (datatype.group(1) or datatype.group(2))):
            return False
    if prefixed:
        declared = _XSD_PREFIX.findall(text)
        if not declared or any(iri != XSD for iri in declared):
            return False
    return True


_FOLDERS: dict[str, Path] = {}


def _resolved(path: Path) -> Path:
    """``path.resolve()``, with each folder resolved once (a build reads thousands of files from
    one folder; resolving each cost a second at 1M triples). A file that is itself a symbolic
    link is resolved in full."""
    import os

    if path.is_symlink():
        return path.resolve()
    folder = os.path.abspath(path.parent)
    if folder not in _FOLDERS:
        _FOLDERS[folder] = Path(folder).resolve()
    return _FOLDERS[folder] / path.name


# ------------------------------------------------------------------ a small Turtle tokenizer (locations only)
_TOKEN = re.compile(
    r"(?P<comment>\#[^\n]*)"
    r'|(?P<long>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\')'
    r'|(?P<string>"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')'
    r"|(?P<iri><[^<>\"{}|^`\\\s]*>)"
    r"|(?P<blank>_:[^\s;,.\]\)]+|\[\s*\])"
    r"|(?P<open>\[)"
    r"|(?P<word>[^\s;,\[\]\(\)\"'<>#]+)"
    r"|(?P<other>\S)",
    re.S,
)


def tokens(text: str) -> list[tuple[str, str, int, int]]:
    """Tokens of Turtle-family text as ``(kind, value, line, column)``; strings without their quotes.

    Only for locating what the parser read: comments are skipped, an anonymous ``[ ... ]`` gives
    a ``blank`` token at its bracket.

    >>> [(k, v, ln) for k, v, ln, _ in tokens('# "x"\\n<a> <b> "x" .')][:3]
    [('iri', 'a', 2), ('iri', 'b', 2), ('string', 'x', 2)]
    """
    out: list[tuple[str, str, int, int]] = []
    line, line_start, pos = 1, 0, 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        start, value = match.start(), match.group()
        newlines = text.count("\n", pos, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", 0, start) + 1
        column = start - line_start + 1
        if kind == "long":
            out.append(("string", value[3:-3], line, column))
        elif kind == "string":
            out.append(("string", value[1:-1], line, column))
        elif kind == "iri":
            out.append(("iri", value[1:-1], line, column))
        elif kind == "open":
            out.append(("blank", "[", line, column))
        elif kind != "comment":
            out.append((kind, value, line, column))
        inner = value.count("\n")
        if inner:
            line += inner
            line_start = start + value.rfind("\n") + 1
        pos = match.end()
    return out


_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(value: str) -> str:
    if "\\" not in value:
        return value

    def one(match: re.Match) -> str:
        body = match.group(1)
        if body[0] in "uU":
            return chr(int(body[1:], 16))
        return _ESCAPES.get(body, body)

    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", one, value)


def stored_forms(quads: list) -> list:
    """The quads with each typed literal as an Oxigraph store holds it, for the rdflib engine.

    Oxigraph's store keeps numbers, booleans and durations as values, not as text: ``"01"^^xsd:integer``
    comes back as ``"1"``, ``"1.50"^^xsd:decimal`` as ``"1.5"``, ``"+5"^^xsd:integer`` as ``"5"``,
    ``"P24M"`` as ``"P2Y"``, and the integer subtypes (``xsd:int``, ``xsd:byte`` …) as ``xsd:integer``;
    it cannot be told not to (oxigraph/oxigraph#526). Dates, times and years keep their text and
    timezone (``"2024-05-06+02:00"^^xsd:date`` stays), and ill-formed literals stay as written. The
    rdflib engine is given the very same terms, so that both engines write the same graph.trig and
    print the same query results; ill-formed literals are judged on the text as written, before this.

    >>> import pyoxigraph as ox
    >>> x, integer = ox.NamedNode("urn:x"), ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    >>> [q.object.value for q in stored_forms([ox.Quad(x, x, ox.Literal(v, datatype=integer)) for v in ("01", "+5")])]
    ['1', '5']
    """
    import pyoxigraph as ox

    distinct: dict = {}
    for quad in quads:
        o = quad.object
        if isinstance(o, ox.Literal) and not o.language and o.datatype.value not in _TEXT_TYPES and o not in distinct:
            distinct[o] = len(distinct)
    if not distinct:
        return quads
    store = ox.Store()
    value = ox.NamedNode("urn:x-kg:value")
    store.extend(ox.Quad(ox.NamedNode(f"urn:x-kg:{i}"), value, o) for o, i in distinct.items())
    stored = {}
    for quad in store:
        stored[int(quad.subject.value[9:])] = quad.object
    forms = {o: stored[i] for o, i in distinct.items()}
    return [ox.Quad(q.subject, q.predicate, forms[q.object], q.graph_name) if q.object in forms else q for q in quads]


_TEXT_TYPES = frozenset(
    {"http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
)

__all__ = ["FORMATS", "Reading", "decode", "plainly_valid", "read", "stored_forms", "tokens"]
