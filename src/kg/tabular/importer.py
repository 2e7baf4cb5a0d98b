"""``kg import``: one workbook in the sheet layout -> one source file in the modelling patterns.

The importer reads the sheets (:mod:`kg.tabular.sheets`), reconciles every entity and every name
against the rest of the graph (:func:`kg.reconcile`: the graph without the file being replaced),
writes the facts as Turtle (:mod:`kg.tabular.turtle`: the same sheet always gives the same bytes),
validates them with the ontology's shapes together with the rest of the graph, and only then
writes ``data/sources/STEM.ttl`` atomically. Every problem of the sheet is reported at once, each
with sheet, row and column and the closest valid value; nothing is written while any row is in
error or ambiguous.

Decisions per entity row (:class:`RowReport`): ``given`` (the ``iri`` column names it),
``matched`` (one candidate of the graph scores at least 90 and leads the next by 5), ``minted``
(no candidate reaches 75: a new IRI in the patterns of ``docs/modelling.md``), ``ambiguous``
(otherwise: the candidates are listed; write the IRI, or ``new``, in the ``iri`` column).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.core.labels import fold
from kg.core.namespaces import ID, KG, SCHEMA, THEME, source_graph
from kg.tabular import layout as L
from kg.tabular.rest import rest_of_graph
from kg.tabular.sheets import Row, SheetError, SheetErrors, Workbook, read_workbook
from kg.tabular.turtle import expand, serialize, short

MATCH_SCORE, MATCH_MARGIN, CANDIDATE_SCORE = 90.0, 5.0, 75.0
_STEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
#: One "," or "." with exactly three digits after it and 1-3 digits (not a lone 0) before: 1,250 or 1.250.
_THOUSANDS_OR_DECIMALS = re.compile(r"^([1-9]\d{0,2})[.,](\d{3})$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
#: A date as Finland writes it (and the registers' ``format: d.m.yyyy``): ``1.2.2024``, ``12.2025``.
_DOTTED_DATE = re.compile(r"^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$")
#: Where new entities of each family are minted (docs/modelling.md).
MINT_PATHS = {"Person": "person", "Organisation": "org", "Initiative": "initiative", "Award": "award"}
FAMILIES = ("Municipality", "AdministrativeArea", "Person", "Organisation", "Initiative", "Award", "Post", "Funding")
#: Relations that are never stated by hand (the analysis writes them).
NOT_STATED = frozenset(KG[n] for n in ("inCluster", "heldTogetherBy"))
#: Extra spellings of relations beyond the ontology's labels.
RELATION_ALIASES = {
    "holds post at": KG.holdsPost,
    "innehar befattning i": KG.holdsPost,
    "innehar post i": KG.holdsPost,
    "has post at": KG.holdsPost,
    "works at": KG.holdsPost,
    "arbetar vid": KG.holdsPost,
    "toimii": KG.holdsPost,
    "is member of": KG.memberOf,
    "ar medlem i": KG.memberOf,
    "on jasen": KG.memberOf,
    "funded by": None,
}


@dataclass
class RowReport:
    """What the importer did with one row."""

    sheet: str
    row: int
    what: str
    action: str  # given, matched, minted, ambiguous, error, ok
    iri: str | None = None
    score: float | None = None
    candidates: list[str] = field(default_factory=list)

    def line(self) -> str:
        score = f" ({self.score:.0f})" if self.score is not None and self.action == "matched" else ""
        text = f"{self.sheet:<9} {self.row:>4}  {self.action:<9} {self.what}"
        if self.iri and self.action == "ok":
            text += f" -> {self.iri}"
        elif self.iri:
            text += f" -> <{self.iri}>{score}"
        for candidate in self.candidates:
            text += f"\n{'':<26}candidate: {candidate}"
        return text


@dataclass
class ImportResult:
    """The outcome of :func:`import_sheet`."""

    stem: str
    out: Path
    turtle: str
    rows: list[RowReport]
    triples: int
    report: object | None = None  # kg.build.validate.ValidationReport
    written: bool = False

    @property
    def ambiguous(self) -> list[RowReport]:
        return [r for r in self.rows if r.action == "ambiguous"]

    @property
    def conforms(self) -> bool:
        return self.report is None or self.report.conforms

    def table(self) -> str:
        """The per-row report as text."""
        return "\n".join(r.line() for r in self.rows)


def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined with ``-`` (Nordic letters folded), as in IRIs.

    >>> slug("Kemijärven Kehitys Oy"), slug("Samhällsinnovation i glesa geografin!")
    ('kemijarven-kehitys-oy', 'samhallsinnovation-i-glesa-geografin')
    """
    text = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return text[:limit].rstrip("-") or "x"


def parse_date(text: str) -> Literal:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``;
    also ``d.m.yyyy`` and ``m.yyyy``, as Finland writes dates (with dots a date is never month first).

    >>> parse_date("2024-05").datatype == XSD.gYearMonth
    True
    >>> [str(parse_date(text)) for text in ("1.2.2024", "12.2025")]
    ['2024-02-01', '2025-12']
    >>> parse_date("2024-13-45")
    Traceback (most recent call last):
    ...
    ValueError: '2024-13-45' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)
    """
    match = _DATE.match(text.strip())
    problem = ValueError(f"{text!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    dotted = None if match else _DOTTED_DATE.match(text.strip())
    if dotted:  # the Finnish (and registers') d.m.yyyy or m.yyyy: with dots it is never month first
        day, month, year = dotted.groups()
        month, day = month.zfill(2), day.zfill(2) if day else None
    elif not match:
        raise problem
    else:
        year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise problem from None
    datatype = XSD.date if day else XSD.gYearMonth if month else XSD.gYear
    return Literal("-".join(part for part in (year, month, day) if part), datatype=datatype)


def parse_amount(text: str) -> Literal:
    """A non-negative amount as ``xsd:decimal``: spaces of any kind between the thousands (a
    spreadsheet may write a no-break or a narrow no-break space) and a decimal comma are allowed.
    One ``,`` or ``.`` followed by exactly three digits (``1,250``) is a thousands separator in
    English and a decimal point in Swedish and Finnish: an error, never guessed at.

    >>> parse_amount("7 500,50")
    rdflib.term.Literal('7500.50', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    >>> str(parse_amount("1\u202f250\u00a0000")), str(parse_amount("0,125"))
    ('1250000', '0.125')
    >>> parse_amount("1,250")
    Traceback (most recent call last):
    ...
    ValueError: '1,250' is ambiguous: 1250 with a thousands separator or 1.25 with a decimal comma; write 1250 or 1,25
    """
    cleaned = "".join(c for c in text if not unicodedata.category(c).startswith("Z"))
    ambiguous = _THOUSANDS_OR_DECIMALS.match(cleaned)
    if ambiguous:
        whole, decimals = ambiguous.groups()
        raise ValueError(
            f"{text!r} is ambiguous: {whole}{decimals} with a thousands separator or "
            f"{Decimal(whole + '.' + decimals).normalize()} with a decimal comma; "
            f"write {whole}{decimals} or {whole},{decimals.rstrip('0') or '0'}"
        )
    cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number") from None
    if not value.is_finite() or value < 0:
        raise ValueError(f"{text!r} is not a non-negative amount")
    return Literal(cleaned, datatype=XSD.decimal)


_APPROXIMATE = re.compile(r"^\s*(?:~|ca\.?|cirka|omkring|noin|approx\.?)\s*", re.IGNORECASE)
_YEARLY = re.compile(r"\s*(?:/|per|a|om|i|vuodessa|/\s*vuosi)\s*(?:year|yr|år|året|vuosi|v)?\.?\s*$", re.IGNORECASE)


def parse_amount_cell(text: str) -> tuple[Literal, bool, bool]:
    """An ``amount`` cell: the amount, whether it is a year's (``/ year``, ``per år``, ``/ vuosi``)
    and whether it is approximate (``ca``, ``~``, ``noin``, ``approx.``).

    >>> amount, yearly, approximate = parse_amount_cell("ca 5 000 / year")
    >>> str(amount), yearly, approximate
    ('5000', True, True)
    >>> str(parse_amount_cell("7500")[0]), parse_amount_cell("7500")[1:]
    ('7500', (False, False))
    """
    approximate = bool(_APPROXIMATE.match(text))
    rest = _APPROXIMATE.sub("", text, count=1)
    number = re.match(r"^[\d\s\u00a0.,]+", rest)
    yearly = bool(number and rest[number.end() :].strip() and _YEARLY.fullmatch(rest[number.end() :]))
    return parse_amount(number.group(0).strip() if yearly else rest), yearly, approximate


def check_currency(text: str) -> str:
    """An ISO 4217 currency code (upper-cased), or ValueError naming the closest codes.

    >>> check_currency("eur")
    'EUR'
    """
    import pycountry

    code = text.strip().upper()
    if len(code) == 3 and pycountry.currencies.get(alpha_3=code) is not None:
        return code
    from rapidfuzz import process

    codes = sorted(c.alpha_3 for c in pycountry.currencies)
    closest = [c for c, _, _ in process.extract(code, codes, limit=3)]
    raise ValueError(f"{text!r} is not an ISO 4217 currency code; closest: {', '.join(closest)}")


class _Context:
    """The rest of the graph: ontology terms, entities, themes, and the reconciler."""

    def __init__(self, dataset) -> None:
        from kg.reconciliation import Reconciler

        self.dataset = dataset
        self.reconciler = Reconciler(dataset)
        self.known = set(self.reconciler.by_iri)
        #: the SKOS concepts of the graph (themes, and the ontology's kinds such as kg:perPartner): a
        #: relation's object may name one by its IRI (``kg:amountScope`` -> ``kg:perPartner``)
        self.concepts = set(dataset.subjects(RDF.type, SKOS.Concept))
        self.properties: dict[str, URIRef] = {}
        #: each key of ``properties`` as it is written (the label, the name, the alias): what an error
        #: suggests, so that "finansiär" is not offered as "finansiar"
        self.property_names: dict[str, str] = {}
        for prop in set(dataset.subjects(RDF.type, OWL.ObjectProperty)):
            if not str(prop).startswith(str(KG)) or prop in NOT_STATED:
                continue
            name = prop.split("#")[-1]
            self.properties[fold(name)] = prop
            self.properties["kg " + fold(name)] = prop
            self.property_names.setdefault(fold(name), name)
            self.property_names.setdefault("kg " + fold(name), "kg:" + name)
            for label in sorted(dataset.objects(prop, RDFS.label)):
                self.properties.setdefault(_words(str(label)), prop)
                self.property_names.setdefault(_words(str(label)), str(label))
        for alias, prop in RELATION_ALIASES.items():
            if prop is not None:
                self.properties.setdefault(alias, prop)
                self.property_names.setdefault(alias, alias)
        self.themes: dict[str, URIRef] = {}
        for concept in set(dataset.subjects(RDF.type, SKOS.Concept)):
            if str(concept).startswith(str(THEME)):
                self.themes[fold(concept.split("/")[-1])] = concept
                for prop in (SKOS.prefLabel, RDFS.label, SKOS.altLabel):
                    for label in dataset.objects(concept, prop):
                        self.themes.setdefault(_words(str(label)), concept)

    def family(self, cls: URIRef) -> str | None:
        for name in FAMILIES:
            if cls in self.reconciler.subclasses.get(KG[name], ()):
                return name
        return None

    def label(self, iri: URIRef, lang: str, fallback: str | None = None) -> str:
        index = self.reconciler.by_iri.get(iri)
        if index is not None:
            return self.reconciler.entities[index].label(lang)
        return fallback or iri.split("/")[-1]


def context_of(rest) -> _Context:
    """The importer's view of ``rest`` (a :class:`kg.tabular.rest.RestOfGraph`): its ontology terms,
    entities, themes and reconciler, built once per rest and kept in ``rest.cache``."""
    context = rest.cache.get("importer")
    if context is None:
        context = rest.cache["importer"] = _Context(rest.dataset)
    return context


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def _closest(value: str, choices: list[str], limit: int = 3, names: dict[str, str] | None = None) -> str:
    """The ``limit`` choices nearest to ``value``, each as ``names`` writes it (else as the key)."""
    from rapidfuzz import process

    found = process.extract(value, choices, limit=limit)
    return ", ".join(repr(c) for c in dict.fromkeys((names or {}).get(key, key) for key, _, _ in found))


class _Importer:
    def __init__(self, book: Workbook, stem: str, context: _Context, no_new: bool) -> None:
        self.book = book
        self.stem = stem
        self.ctx = context
        self.no_new = no_new
        self.graph = Graph()
        self.errors: list[SheetError] = []
        self.rows: list[RowReport] = []
        self.local: dict[str, URIRef] = {}  # local id -> IRI
        self.iri_types: dict[URIRef, set[URIRef]] = defaultdict(set)
        self.minted: set[URIRef] = set()
        self.doc = source_graph(stem)
        self.lang = "sv"
        self.sheet_reconciler = None
        # the row that made each post or funding node, and what it said: a second row making the same
        # node with other values (two amounts for one funder and initiative) is an error of the row,
        # not a shape violation found later without a row
        self.made: dict[tuple[URIRef, str], tuple[int, dict[str, str]]] = {}

    # ------------------------------------------------------------------ helpers
    def same_node(self, row: Row, node: URIRef, what: str, values: dict[str, str], part: str = "") -> bool:
        """Whether ``row`` may make ``node`` (``what``: 'post', 'funding'), or its ``part`` (a funding's
        total or yearly amount, which two rows may give): False, with an error naming the first row, when
        another row made the same with other ``values``."""
        first = self.made.setdefault((node, part), (row.number, values))
        if first[1] == values:
            return True
        column = next(c for c in values if values[c] != first[1].get(c))
        self.error(
            row,
            column,
            f"row {first[0]} gives the same {what} ({short(node)}) {column} {first[1][column] or '(empty)'!r}, "
            f"this row {values[column] or '(empty)'!r}: one row per {what} (or give each its own id)",
        )
        return False

    def error(self, row: Row | None, column: str | None, message: str, sheet: str | None = None) -> None:
        self.errors.append(self.book.error(message, row, column, sheet))

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def date(self, row: Row, column: str) -> Literal | None:
        text = row.get(column)
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError as exc:
            self.error(row, column, str(exc))
            return None

    def reference(self, row: Row, column: str, text: str, *, family: str | None = None) -> URIRef | None:
        """A cell naming an entity: a local id, an IRI (or prefixed name), a code or a name."""
        if text in self.local:
            return self.local[text]
        iri = expand(text) or (text if text.startswith(("http://", "https://")) else None)
        if iri is not None:
            iri = URIRef(iri)
            if iri in self.ctx.known or iri in self.minted or iri in self.local.values() or iri == self.doc:
                return iri
            if family is None and iri in self.ctx.concepts:
                return iri
            self.error(row, column, f"<{iri}> is not an entity of the graph or of the entities sheet{self._near(iri)}")
            return None
        hits = self._candidates([text], family=family)
        decision = self._decide(hits)
        what = f"{column} {text!r}"
        if decision == "matched":
            return URIRef(hits[0][0])
        if decision == "ambiguous":
            self.rows.append(RowReport(row.sheet, row.number, what, "ambiguous", candidates=self._describe(hits)))
            return None
        closest = f"; closest: {'; '.join(self._describe(hits))}" if hits else ""
        local = _closest(text, list(self.local)) if self.local else ""
        self.error(
            row,
            column,
            f"{text!r} matches nothing in the graph or the entities sheet{closest}"
            + (f" (local ids closest: {local})" if local else "")
            + "; add it to the entities sheet",
        )
        return None

    def _near(self, iri: URIRef) -> str:
        prefix = str(iri).rsplit("/", 1)[0] + "/"
        same_kind = sorted(str(k) for k in self.ctx.known if str(k).startswith(prefix))
        if not same_kind:
            return ""
        return f"; closest: {_closest(str(iri), same_kind)}"

    def _candidates(self, names: list[str], *, family: str | None, country: str | None = None, code: str = ""):
        scores: dict[str, tuple[float, str, str]] = {}
        queries = [n for n in names if n]
        if code:
            queries.append(f"{country.lower()}-{code}" if country else code)
        reconcilers = [self.ctx.reconciler]
        if self.sheet_reconciler is not None:
            reconcilers.append(self.sheet_reconciler)
        frames = [
            # names in a sheet may be in any language, whatever the document's: both analysers run
            r.reconcile(queries, KG[family] if family else None, country or None, None, limit=5)
            for r in reconcilers
            if queries
        ]
        for frame in frames:
            for rec in frame.itertuples():
                if rec.id is None or not isinstance(rec.id, str):
                    continue
                if rec.id not in scores or rec.score > scores[rec.id][0]:
                    scores[rec.id] = (float(rec.score), rec.label, rec.method)
        return sorted(((iri, *v) for iri, v in scores.items()), key=lambda h: (-h[1], h[0]))

    @staticmethod
    def _decide(hits) -> str:
        if hits and hits[0][1] >= MATCH_SCORE and (len(hits) == 1 or hits[0][1] - hits[1][1] >= MATCH_MARGIN):
            return "matched"
        if hits and hits[0][1] >= CANDIDATE_SCORE:
            return "ambiguous"
        return "none"

    @staticmethod
    def _describe(hits, limit: int = 4) -> list[str]:
        return [f"{label} <{iri}> ({score:.0f}, {method})" for iri, score, label, method in hits[:limit]]

    # ------------------------------------------------------------------ sheets
    def source(self) -> None:
        rows = self.book.rows.get(L.SOURCE, [])
        if len(rows) != 1:
            self.error(None, None, f"expected exactly one row describing the document, found {len(rows)}", L.SOURCE)
            return
        row = rows[0]
        lang = row.get("language").lower()
        if not re.match(r"^[a-z]{2,3}$", lang):
            self.error(row, "language", f"{row.get('language')!r} is not an ISO 639-1 language code (e.g. sv, fi, en)")
            lang = "sv"
        self.lang = lang
        doc = self.doc
        self.add(doc, RDF.type, KG.SourceDocument)
        self.add(doc, DCTERMS.identifier, Literal(self.stem))
        if row.get("title"):
            self.add(doc, DCTERMS.title, Literal(row.get("title"), lang=lang))
        self.add(doc, DCTERMS.language, Literal(lang))
        issued = self.date(row, "issued")
        if issued is not None:
            self.add(doc, DCTERMS.issued, issued)
        if row.get("url"):
            if not re.match(r"^https?://\S+$", row.get("url")):
                self.error(row, "url", f"{row.get('url')!r} is not an http(s) URL")
            else:
                self.add(doc, DCTERMS.source, URIRef(row.get("url")))
        if row.get("kind"):
            self.add(doc, DCTERMS.type, Literal(row.get("kind")))
        self._descriptions(doc, row)
        self._notes(doc, row)

    def _descriptions(self, node: URIRef, row: Row) -> None:
        for lang in ("sv", "fi", "en"):
            text = row.get(f"description_{lang}")
            if text:
                self.add(node, DCTERMS.description, Literal(text, lang=lang))

    def _notes(self, node: URIRef, row: Row, column: str = "note") -> None:
        for line in L.split_lines(row.get(column)):
            text, lang = L.language_tagged(line, "en")
            self.add(node, SKOS.editorialNote, Literal(text, lang=lang))

    def publisher(self) -> None:
        rows = self.book.rows.get(L.SOURCE, [])
        if len(rows) == 1 and rows[0].get("publisher"):
            iri = self.reference(rows[0], "publisher", rows[0].get("publisher"), family=None)
            if iri is not None:
                self.add(self.doc, DCTERMS.publisher, iri)

    def entities(self) -> None:
        rows = self.book.rows.get(L.ENTITIES, [])
        prepared = []
        for row in rows:  # first pass: ids and IRIs, so that rows may refer to each other
            local = row.get("id")
            if not local:
                self.error(row, "id", "every entity needs an id (any short name, local to this sheet)")
                continue
            if local in self.local:
                self.error(row, "id", f"id {local!r} is used twice")
                continue
            types, unknown = [], False
            for item in L.split_list(row.get("type")):
                try:
                    types.append(self.ctx.reconciler.resolve_type(expand(item) or item))
                except KeyError:
                    unknown = True
                    closest = self.ctx.reconciler.closest_types(item)
                    self.error(row, "type", f"unknown type {item!r}; closest valid: {', '.join(closest)}")
            if unknown and not types and not row.get("iri"):
                continue  # one error for the cell: "a type is needed" would repeat it
            iri = self._entity_iri(row, types)
            if iri is None:
                continue
            self.local[local] = iri
            self.iri_types[iri] |= set(types)
            prepared.append((row, iri, types))
        self._index_sheet(prepared)
        for row, iri, types in prepared:  # second pass: the facts
            self._entity_facts(row, iri, types)

    def _index_sheet(self, prepared) -> None:
        """A reconciler over the sheet's own entities, so that relations may name them in any form."""
        from kg.core.namespaces import ONTOLOGY_GRAPH
        from kg.reconciliation import Reconciler

        graph = Graph()
        for triple in self.ctx.dataset.graph(ONTOLOGY_GRAPH):
            graph.add(triple)
        for row, iri, types in prepared:
            for cls in types:
                graph.add((iri, RDF.type, cls))
            for text, lang, alt in self._names(row, report=False):
                graph.add((iri, SKOS.altLabel if alt else RDFS.label, Literal(text, lang=lang)))
            if row.get("country"):
                graph.add((iri, KG.country, Literal(row.get("country").upper())))
        self.sheet_reconciler = Reconciler(graph)

    def _names(self, row: Row, report: bool = True) -> list[tuple[str, str, bool]]:
        names = []
        for lang in ("sv", "fi", "en"):
            if row.get(f"name_{lang}"):
                names.append((row.get(f"name_{lang}"), lang, False))
        for item in L.split_list(row.get("names_other")):
            text, lang = L.language_tagged(item, "")
            if not lang:
                if report:
                    self.error(row, "names_other", f"{item!r} needs its language, e.g. {item}@se")
                continue
            names.append((text, lang, False))
        for item in L.split_list(row.get("altnames")):
            text, lang = L.language_tagged(item, self.lang)
            names.append((text, lang, True))
        return names

    def _entity_iri(self, row: Row, types: list[URIRef]) -> URIRef | None:
        names = self._names(row)
        families = {self.ctx.family(t) for t in types} - {None}
        family = sorted(families)[0] if families else None
        given = row.get("iri")
        what = f"{row.get('id')!r} ({', '.join(t.split('#')[-1] for t in types) or 'no type'})"
        if given and given.lower() != "new":
            iri = expand(given) or given
            if not iri.startswith(("http://", "https://")):
                self.error(row, "iri", f"{given!r} is not an IRI (or write 'new' to mint one)")
                return None
            iri = URIRef(iri)
            if iri not in self.ctx.known and any(
                str(iri).startswith(str(ID) + k + "/") for k in ("municipality", "area")
            ):
                self.error(row, "iri", f"<{iri}> is not in the reference data{self._near(iri)}")
                return None
            self.rows.append(RowReport(row.sheet, row.number, what, "given", str(iri)))
            return iri
        if not types:
            self.error(row, "type", "a type is needed for an entity without an iri")
            return None
        country = row.get("country").upper() or None
        hits = (
            []
            if given.lower() == "new"
            else self._candidates([n for n, _, _ in names], family=family, country=country, code=row.get("code"))
        )
        decision = self._decide(hits)
        if decision == "matched":
            self.rows.append(RowReport(row.sheet, row.number, what, "matched", hits[0][0], hits[0][1]))
            return URIRef(hits[0][0])
        if decision == "ambiguous":
            self.rows.append(RowReport(row.sheet, row.number, what, "ambiguous", candidates=self._describe(hits)))
            return None
        if self.no_new:
            closest = f"; closest: {'; '.join(self._describe(hits))}" if hits else ""
            self.error(row, "id", f"{what} matches nothing in the graph and --no-new forbids new entities{closest}")
            return None
        path = MINT_PATHS.get(family or "")
        if family == "Post":
            path = "post"
        elif family == "Funding":
            path = "funding"
        if path is None:
            kind = "a municipality" if family == "Municipality" else "an administrative area"
            self.error(
                row,
                "type",
                f"{kind} cannot be minted: it must be one of the reference data "
                f"(give its code or name){'; closest: ' + '; '.join(self._describe(hits)) if hits else ''}",
            )
            return None
        if not names:
            self.error(row, "name_sv", "a new entity needs a name (name_sv, name_fi, name_en or names_other)")
            return None
        preferred = sorted(
            names, key=lambda n: (n[2], ["sv", "fi", "en"].index(n[1]) if n[1] in ("sv", "fi", "en") else 3)
        )
        base = f"{ID}{path}/{slug(preferred[0][0])}"
        iri, n = URIRef(base), 1
        while iri in self.ctx.known or iri in self.minted:
            n += 1
            iri = URIRef(f"{base}-{n}")
        self.minted.add(iri)
        self.rows.append(RowReport(row.sheet, row.number, what, "minted", str(iri)))
        return iri

    def _entity_facts(self, row: Row, iri: URIRef, types: list[URIRef]) -> None:
        for cls in types:
            self.add(iri, RDF.type, cls)
        existing = {}
        index = self.ctx.reconciler.by_iri.get(iri)
        if index is not None:
            for text, lang, alt in self.ctx.reconciler.entities[index].labels:
                if not alt:
                    existing[lang] = text
        for text, lang, alt in self._names(row):
            # a second name in a language the graph already names the entity in is an alternative label
            as_alt = alt or (lang in existing and existing[lang] != text)
            self.add(iri, SKOS.altLabel if as_alt else RDFS.label, Literal(text, lang=lang))
        code = row.get("code")
        graph_code = self.ctx.reconciler.entities[index].code if index is not None else None
        if code and graph_code and code.isdigit() and graph_code.isdigit() and int(code) == int(graph_code):
            code = graph_code  # the leading zeros a spreadsheet drops from a number (047 -> 47)
        if code:
            all_types = set(types) | (self.ctx.reconciler.entities[index].types if index is not None else set())
            municipality = any(t in self.ctx.reconciler.subclasses[KG.Municipality] for t in all_types)
            area = any(t in self.ctx.reconciler.subclasses[KG.AdministrativeArea] for t in all_types)
            if graph_code not in (None, code):
                self.error(row, "code", f"code {code!r} differs from the graph's {graph_code!r} for <{iri}>")
            elif municipality:
                self.add(iri, KG.municipalityCode, Literal(code))
            elif area:
                self.add(iri, KG.areaCode, Literal(code))
            else:
                self.error(row, "code", "only municipalities (kommunkod, kuntanumero) and areas carry an official code")
        if row.get("country"):
            country = row.get("country").strip().upper()
            if not re.match(r"^[A-Z]{2}$", country):
                self.error(row, "country", f"{row.get('country')!r} is not an ISO 3166 country code such as SE or FI")
            else:
                self.add(iri, KG.country, Literal(country))
        self._descriptions(iri, row)
        for item in L.split_list(row.get("same_as")):
            if not re.match(r"^https?://\S+$", item):
                self.error(row, "same_as", f"{item!r} is not an http(s) IRI")
            else:
                self.add(iri, OWL.sameAs, URIRef(item))
        for column, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate)):
            value = self.date(row, column)
            if value is not None:
                self.add(iri, prop, value)
        for item in L.split_list(row.get("located_in")):
            target = self.reference(row, "located_in", item)
            if target is not None:
                self.add(iri, KG.locatedIn, target)
        for item in L.split_list(row.get("theme")):
            theme = self._theme(item)
            if theme is None:
                self.error(
                    row, "theme", f"unknown theme {item!r}; closest: {_closest(_words(item), list(self.ctx.themes))}"
                )
            else:
                self.add(iri, KG.theme, theme)
        self._notes(iri, row)

    def _theme(self, text: str) -> URIRef | None:
        full = expand(text) or text
        if URIRef(full) in self.ctx.themes.values():
            return URIRef(full)
        return self.ctx.themes.get(_words(text)) or self.ctx.themes.get(fold(text))

    def _relation(self, row: Row) -> URIRef | None:
        text = row.get("relation")
        full = expand(text)
        if full and URIRef(full) in self.ctx.properties.values():
            return URIRef(full)
        prop = self.ctx.properties.get(_words(text)) or self.ctx.properties.get(fold(text))
        if prop is None:
            self.error(
                row,
                "relation",
                f"unknown relation {text!r}; closest valid: "
                f"{_closest(_words(text), sorted(self.ctx.properties), names=self.ctx.property_names)}",
            )
        return prop

    def relations(self) -> None:
        for row in self.book.rows.get(L.RELATIONS, []):
            prop = self._relation(row) if row.get("relation") else None  # an empty one is "missing", once
            subject = self.reference(row, "subject", row.get("subject")) if row.get("subject") else None
            obj = self.reference(row, "object", row.get("object")) if row.get("object") else None
            for column in ("subject", "relation", "object"):
                if not row.get(column):
                    self.error(row, column, f"the {column} is missing")
            amount = currency = None
            yearly = approximate = False
            if row.get("amount"):
                try:
                    amount, yearly, approximate = parse_amount_cell(row.get("amount"))
                except ValueError as exc:
                    self.error(row, "amount", str(exc))
            if row.get("currency"):
                try:
                    currency = check_currency(row.get("currency"))
                except ValueError as exc:
                    self.error(row, "currency", str(exc))
            start, end = self.date(row, "start"), self.date(row, "end")
            if prop is None or subject is None or obj is None:
                continue
            node_id = row.get("id")
            node = self.local.get(node_id) if node_id else None
            if node_id and node is None:
                self.error(row, "id", f"{node_id!r} is not an id of the entities sheet")
                continue
            # what the row writes, as the report line says it: a post or a funding is a node of its own
            # (the line said "kg:funds" where a kg:Funding with the amount was written)
            resolved = f"{short(subject)} {short(prop)} {short(obj)}"
            if prop == KG.holdsPost and not self._is_post(obj):
                post = self._post(row, subject, obj, node, start, end)
                if post is not None:
                    resolved = f"{short(subject)} kg:holdsPost {short(post)}, kg:postIn {short(obj)}"
            elif prop == KG.funds and (row.get("amount") or row.get("currency") or node is not None):
                funding = self._funding(row, subject, obj, node, amount, currency, start, end, yearly, approximate)
                if funding is not None:
                    money = f"{'ca ' if approximate else ''}{amount} {currency}{' / year' if yearly else ''}"
                    resolved = f"{short(obj)} kg:hasFunding {short(funding)} (kg:funder {short(subject)}, {money})"
            else:
                for column in ("role", "start", "end", "amount", "currency", "id"):
                    if row.get(column):
                        self.error(
                            row,
                            column,
                            f"a {row.get('relation')!r} relation has no {column}: roles and dates belong to posts "
                            "('holds post'), amounts to fundings ('funds'); "
                            "an initiative's dates go in the entities sheet",
                        )
                self.add(subject, prop, obj)
                self._notes(subject, row)
            what = f"{row.get('subject')} | {row.get('relation')} | {row.get('object')}"
            self.rows.append(RowReport(row.sheet, row.number, what, "ok", resolved))

    def sheet_label(self, iri: URIRef) -> str | None:
        """The label the sheet gives a new entity (None for entities of the graph)."""
        if self.sheet_reconciler is None or iri not in self.sheet_reconciler.by_iri:
            return None
        return self.sheet_reconciler.entities[self.sheet_reconciler.by_iri[iri]].label(self.lang)

    def _is_post(self, iri: URIRef) -> bool:
        types = set(self.iri_types.get(iri, ()))
        index = self.ctx.reconciler.by_iri.get(iri)
        if index is not None:
            types |= self.ctx.reconciler.entities[index].types
        return KG.Post in types

    def _post(self, row: Row, person: URIRef, org: URIRef, node: URIRef | None, start, end) -> URIRef | None:
        """Write the post node of ``person`` at ``org`` (None on an error of the row)."""
        role = row.get("role")
        if not role:
            self.error(row, "role", "a post needs its role (the title as the source gives it)")
            return None
        text, lang = L.language_tagged(role, self.lang)
        if node is None:
            node = URIRef(f"{ID}post/{person.split('/')[-1]}--{slug(self.ctx.label(org, lang, self.sheet_label(org)))}")
            if not self.same_node(row, node, "post", {"role": role, "start": str(start or ""), "end": str(end or "")}):
                return None
            self.add(node, RDF.type, KG.Post)
            org_label = self.ctx.label(org, lang, self.sheet_label(org))
            self.add(node, RDFS.label, Literal(f"{text}, {org_label}", lang=lang))
        self.add(person, KG.holdsPost, node)
        self.add(node, KG.postIn, org)
        self.add(node, KG.role, Literal(text, lang=lang))
        for prop, value in ((SCHEMA.startDate, start), (SCHEMA.endDate, end)):
            if value is not None:
                self.add(node, prop, value)
        self._notes(node, row)
        return node

    def _funding(
        self, row: Row, funder: URIRef, initiative: URIRef, node, amount, currency, start, end, yearly, approximate
    ) -> URIRef | None:
        """Write the kg:Funding node of ``funder`` for ``initiative`` (None on an error of the row)."""
        if amount is None and not self.errors_in(row, "amount"):
            self.error(row, "amount", "a funding with a node needs its amount")
            return None
        if currency is None and not self.errors_in(row, "currency"):
            self.error(row, "currency", "an amount needs its currency (ISO 4217, e.g. EUR, SEK)")
            return None
        if amount is None or currency is None:
            return None
        if node is None:
            node = URIRef(f"{ID}funding/{funder.split('/')[-1]}--{initiative.split('/')[-1]}")
            values = {
                "amount": f"{'ca ' if approximate else ''}{amount}{' / year' if yearly else ''}",
                "currency": currency,
                "start": str(start or ""),
                "end": str(end or ""),
            }
            if not self.same_node(row, node, "funding", values, "yearly" if yearly else "total"):
                return None
            self.add(node, RDF.type, KG.Funding)
        self.add(initiative, KG.hasFunding, node)
        self.add(node, KG.funder, funder)
        if yearly and start is None:
            self.error(row, "start", "an amount a year needs the start of its period (the start column)")
            return None
        self.add(node, KG.amountPerYear if yearly else KG.amount, amount)
        if approximate:
            self.add(node, KG.approximate, Literal(True))
        self.add(node, KG.currency, Literal(currency))
        for prop, value in ((SCHEMA.startDate, start), (SCHEMA.endDate, end)):
            if value is not None:
                self.add(node, prop, value)
        self._notes(node, row)
        return node

    def errors_in(self, row: Row, column: str) -> bool:
        return any(e.row == row.number and e.sheet == row.sheet and e.column_name == column for e in self.errors)

    def statements(self) -> None:
        for row in self.book.rows.get(L.STATEMENTS, []):
            subject = self.reference(row, "subject", row.get("subject")) if row.get("subject") else None
            prop_text = row.get("property")
            prop = expand(prop_text) or (prop_text if prop_text.startswith(("http://", "https://")) else None)
            if prop is None:
                self.error(row, "property", f"{prop_text!r} is not a prefixed name (such as dcterms:modified) or IRI")
                continue
            if row.get("object") and row.get("value"):
                self.error(row, "value", "give an object (an entity) or a value, not both")
                continue
            if row.get("object"):
                target = expand(row.get("object")) if ":" in row.get("object") else None
                obj = (
                    URIRef(target) if target and "/def" in target else self.reference(row, "object", row.get("object"))
                )
            else:
                datatype = row.get("datatype")
                if datatype:
                    full = expand(datatype) or datatype
                    obj = Literal(row.get("value"), datatype=URIRef(full))
                    if obj.ill_typed:
                        self.error(row, "value", f"{row.get('value')!r} is not a valid {datatype}")
                        continue
                else:
                    obj = Literal(row.get("value"), lang=row.get("lang") or None)
            if subject is not None and obj is not None:
                self.add(subject, URIRef(prop), obj)


def _place(book: Workbook):
    """The sort key of an error: the sheets in the layout's order, then the row, then the column's place
    in the header (the checks run entity by entity, so a duplicate id on row 5 came before row 2's dates)."""
    sheets = list(L.ORDER)

    def key(error: SheetError) -> tuple[int, int, int]:
        columns = book.columns.get(error.sheet or "", [])
        column = columns.index(error.column_name) if error.column_name in columns else len(columns)
        sheet = sheets.index(error.sheet) if error.sheet in sheets else len(sheets)
        return sheet, error.row or 0, column

    return key


def import_sheet(
    sheet: Path | str,
    *,
    stem: str | None = None,
    out: Path | str | None = None,
    data_dir: Path | str | None = None,
    dry_run: bool = False,
    no_new: bool = False,
    engine: str = "oxigraph",
    header: str | None = None,
) -> ImportResult:
    """Import a workbook (XLSX or a folder of CSV files) as the source file ``STEM.ttl``.

    ``stem`` (``--id``) defaults to the ``id`` of the source sheet; ``out`` to
    ``DATA/sources/STEM.ttl``; the graph the names are reconciled against and the result
    validated with is ``DATA`` (default ``./data``, else the shipped data) without that file.
    Raises :class:`SheetErrors` (every problem, with sheet, row and column);
    returns the result (its ``ambiguous`` rows need a decision: nothing is written then), written
    only when it conforms with the rest of the graph and not ``dry_run``. ``engine`` validates
    (``oxigraph``, the default, or ``auto``: the compiled shapes on the changed source, a few seconds;
    ``rdflib``: pyshacl over every file; both give the same report). ``header``: the file's opening
    comment lines (default: which sheet ``kg import`` imported), for a program that writes the file
    through the import.
    """
    from kg.core import resources

    book = read_workbook(sheet)
    data = Path(data_dir) if data_dir is not None else resources.default_data_dir()
    source_rows = book.rows.get(L.SOURCE, [])
    stem = stem or (source_rows[0].get("id") if source_rows else "")
    if not stem:
        raise SheetErrors([book.error("no id for the source: fill the 'id' column or give --id", None, "id", L.SOURCE)])
    if not _STEM.match(stem):
        raise SheetErrors(
            [
                book.error(
                    f"{stem!r} is not a valid source id (letters, digits, _ . -)",
                    source_rows[0] if source_rows else None,
                    "id",
                    L.SOURCE,
                )
            ]
        )
    target = resources.new_source_file(data, stem, out, data_dir)
    rest = rest_of_graph(data, target.stem if out is not None else stem)
    importer = _Importer(book, stem, context_of(rest), no_new)
    importer.source()
    importer.entities()
    importer.publisher()
    importer.relations()
    importer.statements()
    if importer.errors:
        raise SheetErrors(sorted(importer.errors, key=_place(book)))
    if header is None:
        header = f"# Source document {stem}, imported from {Path(sheet).name} by `kg import`.\n"
    text = serialize(importer.graph, first=importer.doc, header=header)
    result = ImportResult(stem, target, text, importer.rows, len(importer.graph))
    if result.ambiguous:
        return result
    result.report, result.written = rest.write(text, stem, target, engine, dry_run)
    return result
