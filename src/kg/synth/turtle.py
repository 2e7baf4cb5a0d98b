"""Turtle written as plain text, for speed and byte-identical output: the prefixes, literals,
slugs, and :class:`Doc` (one source document's triples grouped by subject)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from importlib import resources as importlib_resources

# the prefixes at the head of every source file
PREFIXES = importlib_resources.files("kg.synth").joinpath("tables", "prefixes.ttl").read_text(encoding="utf-8")

NAMESPACES = {line.split()[1][:-1]: line.split()[2][1:-1] for line in PREFIXES.splitlines()}


def expand(name: str) -> str:
    """The full IRI of a prefixed name of :data:`PREFIXES`.

    >>> expand("mun:se-2521")
    'https://w3id.org/samverkan/id/municipality/se-2521'
    """
    prefix, local = name.split(":", 1)
    return NAMESPACES[prefix] + local


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A Turtle literal: escaped, with a language tag or a datatype.

    >>> print(lit('Slutrapport "Byarnas röst"\\nC:\\\\', "sv"))
    "Slutrapport \\"Byarnas röst\\"\\nC:\\\\"@sv
    >>> lit("2014", datatype="xsd:gYear")
    '"2014"^^xsd:gYear'
    """
    body = '"' + text.translate(_ESCAPES) + '"'
    return f"{body}@{lang}" if lang else f"{body}^^{datatype}" if datatype else body


def date_lit(day: dt.date, precision: str = "xsd:date") -> str:
    """A literal of ``day`` as an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``.

    >>> date_lit(dt.date(2014, 3, 9), "xsd:gYearMonth")
    '"2014-03"^^xsd:gYearMonth'
    """
    lexical = {"xsd:date": day.isoformat(), "xsd:gYearMonth": f"{day.year:04d}-{day.month:02d}"}
    return lit(lexical.get(precision, f"{day.year:04d}"), datatype=precision)


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "ae", "ø": "o", "đ": "d", "ŋ": "n", "ß": "ss"})


def slugify(text: str) -> str:
    """Lower-case ASCII, words joined with ``-``, Nordic letters folded.

    >>> slugify("Kompetenslyft Tornedalen – Älvsbyn 2.0")
    'kompetenslyft-tornedalen-alvsbyn-2-0'
    >>> slugify("Soađegilli")
    'soadegilli'
    """
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return re.sub(r"[^a-z0-9]+", "-", "".join(ch for ch in text if not unicodedata.combining(ch))).strip("-")


class Doc:
    """One source document being written: its triples, grouped by subject, without duplicates."""

    def __init__(self, stem: str, comment: str, about: str) -> None:
        self.stem = stem
        self.comment = comment
        self.subjects: dict[str, dict[str, list[str]]] = {}  # objects by predicate by subject
        self.seen: set[tuple[str, str, str]] = set()
        self.decls: list[tuple[str, str]] = []  # (iri, class) of the entities the file declares
        self.about = about  # the IRI of the initiative the document is about

    def add(self, s: str, p: str, o: str) -> None:
        if (s, p, o) not in self.seen:
            self.seen.add((s, p, o))
            self.subjects.setdefault(s, {}).setdefault(p, []).append(o)

    def declare(self, iri: str, cls: str, labels: list[tuple[str, str]] | None = None) -> str:
        """Type and ``(text, lang)`` labels of an entity the file declares; returns ``iri``."""
        self.add(iri, "a", cls)
        for text, lang in labels or ():
            self.add(iri, "rdfs:label", lit(text, lang))
        self.decls.append((iri, cls))
        return iri

    def span(self, iri: str, start: str, end: str | None) -> None:
        """``schema:startDate`` and, if known, ``schema:endDate`` (literals)."""
        self.add(iri, "schema:startDate", start)
        if end:
            self.add(iri, "schema:endDate", end)

    def __len__(self) -> int:
        return len(self.seen)

    def statements(self) -> str:
        """The triples as Turtle, a block per subject."""
        return "".join(
            f"\n{s} " + " ;\n    ".join(f"{p} {' , '.join(objs)}" for p, objs in objects.items()) + " .\n"
            for s, objects in self.subjects.items()
        )

    def render(self) -> str:
        """The whole file: a comment, the prefixes and the statements."""
        return f"# {self.comment}\n{PREFIXES}{self.statements()}"
