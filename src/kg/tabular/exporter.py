"""``kg export``: source graphs back into the sheet layout (and a Kumu workbook).

The export is the inverse of :mod:`kg.tabular.importer`: importing an exported sheet gives the
same triples (a test checks it on every shipped source). Each entity gets a row with its IRI in
the ``iri`` column, so that the import needs no reconciliation; posts and fundings are written
as a ``holds post`` / ``funds`` relation (role, dates, amount, currency) whose ``id`` names the
node's own entity row; whatever the columns cannot say goes to the ``statements`` sheet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.core.errors import KgError
from kg.core.namespaces import KG, SCHEMA, THEME, source_graph
from kg.tabular import layout as L
from kg.tabular.importer import NOT_STATED
from kg.tabular.turtle import short

_DATE_FORMS = {XSD.date: r"^\d{4}-\d{2}-\d{2}$", XSD.gYearMonth: r"^\d{4}-\d{2}$", XSD.gYear: r"^\d{4}$"}
_PLAIN = re.compile(r"^[^;\n\r]+$")
FORMATS = ("xlsx", "csv", "kumu")


def _amount_cell(text: str) -> str:
    """An amount as ``kg import`` reads it back: ``1.250`` (which the import refuses as ambiguous
    with a thousands separator) is written as the same number without its trailing zeros.

    >>> _amount_cell("1.250"), _amount_cell("100.000"), _amount_cell("7500.50")
    ('1.25', '100', '7500.50')
    """
    from decimal import Decimal

    if re.match(r"^[1-9]\d{0,2}\.\d{3}$", text):
        return format(Decimal(text).normalize(), "f")
    return text


def _short(iri: URIRef) -> str:
    return short(iri)


def _is_date(value) -> bool:
    return (
        isinstance(value, Literal)
        and value.datatype in _DATE_FORMS
        and bool(re.match(_DATE_FORMS[value.datatype], str(value)))
    )


class _Exporter:
    def __init__(self, graph: Graph, stem: str, ontology: Graph) -> None:
        self.g = graph
        self.stem = stem
        self.doc = source_graph(stem)
        self.consumed: set[tuple] = set()
        props = {}
        for prop in sorted(set(ontology.subjects(RDF.type, OWL.ObjectProperty))):
            if str(prop).startswith(str(KG)) and prop not in NOT_STATED:
                props[prop] = next((str(lb) for lb in ontology.objects(prop, RDFS.label) if lb.language == "en"), None)
        self.relation_props = props
        english = defaultdict(list)
        for prop, label in props.items():
            if label:
                english[label].append(prop)
        self.relation_names = {
            prop: (label if label and len(english[label]) == 1 else _short(prop)) for prop, label in props.items()
        }
        self.lang = next((str(o) for o in graph.objects(self.doc, DCTERMS.language)), "sv")
        self.local: dict[URIRef, str] = {}

    def take(self, s, p, o) -> None:
        self.consumed.add((s, p, o))

    def single(self, s, p, test=lambda o: True):
        values = [o for o in self.g.objects(s, p) if (s, p, o) not in self.consumed]
        if len(values) == 1 and test(values[0]):
            self.take(s, p, values[0])
            return values[0]
        return None

    def ref(self, iri: URIRef) -> str:
        return self.local.get(iri) or _short(iri)

    # ------------------------------------------------------------------ sheets
    def source_sheet(self) -> list[str]:
        doc = self.doc
        header = ["id", *L.COLUMNS[L.SOURCE][0], *L.COLUMNS[L.SOURCE][1][1:]]
        row = dict.fromkeys(header, "")
        row["id"] = self.stem
        self.single(doc, RDF.type, lambda o: o == KG.SourceDocument)
        self.single(doc, DCTERMS.identifier, lambda o: str(o) == self.stem and o.datatype is None and not o.language)
        language = self.single(doc, DCTERMS.language, lambda o: bool(re.match(r"^[a-z]{2,3}$", str(o))))
        row["language"] = str(language) if language is not None else self.lang
        title = self.single(doc, DCTERMS.title, lambda o: isinstance(o, Literal) and o.language == row["language"])
        row["title"] = str(title) if title is not None else ""
        publisher = self.single(doc, DCTERMS.publisher, lambda o: isinstance(o, URIRef))
        row["publisher"] = self.ref(publisher) if publisher is not None else ""
        issued = self.single(doc, DCTERMS.issued, _is_date)
        row["issued"] = str(issued) if issued is not None else ""
        url = self.single(doc, DCTERMS.source, lambda o: isinstance(o, URIRef) and str(o).startswith("http"))
        row["url"] = str(url) if url is not None else ""
        kind = self.single(
            doc, DCTERMS.type, lambda o: isinstance(o, Literal) and o.datatype is None and not o.language
        )
        row["kind"] = str(kind) if kind is not None else ""
        self._descriptions(doc, row)
        row["note"] = self._notes(doc)
        return header, [[row[h] for h in header]]

    def _descriptions(self, node, row) -> None:
        for lang in ("sv", "fi", "en"):
            value = self.single(
                node, DCTERMS.description, lambda o, lang=lang: isinstance(o, Literal) and o.language == lang
            )
            if value is None:  # more than one in the language: the first in the column, the rest as statements
                values = sorted(
                    o
                    for o in self.g.objects(node, DCTERMS.description)
                    if isinstance(o, Literal) and o.language == lang
                )
                value = values[0] if values else None
                if value is not None:
                    self.take(node, DCTERMS.description, value)
            row[f"description_{lang}"] = str(value) if value is not None else ""

    def _notes(self, node) -> str:
        lines = []
        for note in sorted(self.g.objects(node, SKOS.editorialNote)):
            if (
                isinstance(note, Literal)
                and note.language
                and "\n" not in note
                and "\r" not in note
                and note.strip() == str(note)
            ):
                self.take(node, SKOS.editorialNote, note)
                lines.append(L.with_language(str(note), note.language, "en"))
        return "\n".join(lines)

    def entity_nodes(self) -> list[URIRef]:
        nodes = set()
        expressible = {
            RDF.type,
            RDFS.label,
            SKOS.altLabel,
            KG.country,
            KG.municipalityCode,
            KG.areaCode,
            DCTERMS.description,
            OWL.sameAs,
            SCHEMA.startDate,
            SCHEMA.endDate,
            KG.locatedIn,
            KG.theme,
            SKOS.editorialNote,
        }
        for s, p, _ in self.g:
            if isinstance(s, URIRef) and s != self.doc and p in expressible:
                nodes.add(s)
        return sorted(nodes)

    def entities_sheet(self, nodes: list[URIRef]):
        header = [c for c in (*L.COLUMNS[L.ENTITIES][0], *L.COLUMNS[L.ENTITIES][1]) if c not in L.REVIEW]
        rows = []
        for node in nodes:
            row = dict.fromkeys(header, "")
            row["id"] = self.local[node]
            row["iri"] = str(node)
            types = sorted(
                o for o in self.g.objects(node, RDF.type) if isinstance(o, URIRef) and str(o).startswith(str(KG))
            )
            for t in types:
                self.take(node, RDF.type, t)
            row["type"] = "; ".join(t.split("#")[-1] for t in types)
            for lang in ("sv", "fi", "en"):
                value = self.single(
                    node,
                    RDFS.label,
                    lambda o, lang=lang: isinstance(o, Literal) and o.language == lang and _PLAIN.match(str(o)),
                )
                row[f"name_{lang}"] = str(value) if value is not None else ""
            others = []
            for label in sorted(self.g.objects(node, RDFS.label)):
                if (node, RDFS.label, label) in self.consumed or not isinstance(label, Literal) or not label.language:
                    continue
                if label.language in ("sv", "fi", "en") or not _PLAIN.match(str(label)) or "@" in str(label):
                    continue
                self.take(node, RDFS.label, label)
                others.append(f"{label}@{label.language}")
            row["names_other"] = "; ".join(others)
            alts = []
            for alt in sorted(self.g.objects(node, SKOS.altLabel)):
                if (
                    isinstance(alt, Literal)
                    and alt.language
                    and _PLAIN.match(str(alt))
                    and str(alt).strip() == str(alt)
                    and "@" not in str(alt)
                ):
                    self.take(node, SKOS.altLabel, alt)
                    alts.append(L.with_language(str(alt), alt.language, self.lang))
            row["altnames"] = "; ".join(alts)
            is_municipality = KG.Municipality in types
            code_prop = KG.municipalityCode if is_municipality else KG.areaCode
            code = self.single(
                node,
                code_prop,
                lambda o: isinstance(o, Literal) and o.datatype is None and not o.language and _PLAIN.match(str(o)),
            )
            row["code"] = str(code) if code is not None else ""
            country = self.single(
                node,
                KG.country,
                lambda o: bool(re.match(r"^[A-Z]{2}$", str(o))) and isinstance(o, Literal) and o.datatype is None,
            )
            row["country"] = str(country) if country is not None else ""
            self._descriptions(node, row)
            same = sorted(
                o
                for o in self.g.objects(node, OWL.sameAs)
                if isinstance(o, URIRef) and re.match(r"^https?://[^;\s]+$", str(o))
            )
            for o in same:
                self.take(node, OWL.sameAs, o)
            row["same_as"] = "; ".join(map(str, same))
            for column, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate)):
                value = self.single(node, prop, _is_date)
                row[column] = str(value) if value is not None else ""
            places = sorted(o for o in self.g.objects(node, KG.locatedIn) if isinstance(o, URIRef))
            for o in places:
                self.take(node, KG.locatedIn, o)
            row["located_in"] = "; ".join(self.ref(o) for o in places)
            themes = sorted(
                o for o in self.g.objects(node, KG.theme) if isinstance(o, URIRef) and str(o).startswith(str(THEME))
            )
            for o in themes:
                self.take(node, KG.theme, o)
            row["theme"] = "; ".join(_short(o) for o in themes)
            row["note"] = self._notes(node)
            rows.append([row[h] for h in header])
        return header, rows

    def relations_sheet(self):
        header = [c for c in (*L.COLUMNS[L.RELATIONS][0], *L.COLUMNS[L.RELATIONS][1]) if c not in L.REVIEW]
        rows = []

        def add(s, p_name, o, **extra):
            row = dict.fromkeys(header, "")
            row.update(subject=self.ref(s), relation=p_name, object=self.ref(o), **extra)
            rows.append([row[h] for h in header])

        # posts: person holds post P; P post in org; P role
        for person, post in sorted(self.g.subject_objects(KG.holdsPost)):
            org = self.single(post, KG.postIn, lambda o: isinstance(o, URIRef))
            if org is None:
                continue
            role = self.single(post, KG.role, lambda o: isinstance(o, Literal) and o.language and _PLAIN.match(str(o)))
            if role is None or post not in self.local or len(set(self.g.subjects(KG.holdsPost, post))) != 1:
                self.consumed.discard((post, KG.postIn, org))
                continue
            self.take(person, KG.holdsPost, post)
            start = self.single(post, SCHEMA.startDate, _is_date)
            end = self.single(post, SCHEMA.endDate, _is_date)
            add(
                person,
                self.relation_names[KG.holdsPost],
                org,
                id=self.local[post],
                role=L.with_language(str(role), role.language, self.lang),
                start=str(start) if start is not None else "",
                end=str(end) if end is not None else "",
            )
        # fundings: initiative has funding F; F funder actor, amount, currency
        for initiative, funding in sorted(self.g.subject_objects(KG.hasFunding)):
            if funding not in self.local or len(set(self.g.subjects(KG.hasFunding, funding))) != 1:
                continue
            funder = self.single(funding, KG.funder, lambda o: isinstance(o, URIRef))
            amount = self.single(
                funding,
                KG.amount,
                lambda o: isinstance(o, Literal) and o.datatype == XSD.decimal and re.match(r"^\d+(\.\d+)?$", str(o)),
            )
            currency = self.single(
                funding,
                KG.currency,
                lambda o: isinstance(o, Literal) and o.datatype is None and re.match(r"^[A-Z]{3}$", str(o)),
            )
            if funder is None or amount is None or currency is None:
                for triple in (
                    (funding, KG.funder, funder),
                    (funding, KG.amount, amount),
                    (funding, KG.currency, currency),
                ):
                    self.consumed.discard(triple)
                continue
            self.take(initiative, KG.hasFunding, funding)
            start = self.single(funding, SCHEMA.startDate, _is_date)
            end = self.single(funding, SCHEMA.endDate, _is_date)
            add(
                funder,
                self.relation_names[KG.funds],
                initiative,
                id=self.local[funding],
                amount=_amount_cell(str(amount)),
                currency=str(currency),
                start=str(start) if start is not None else "",
                end=str(end) if end is not None else "",
            )
        for s, p, o in sorted(self.g):
            if (s, p, o) in self.consumed or p not in self.relation_props:
                continue
            if not (isinstance(s, URIRef) and isinstance(o, URIRef)):
                continue
            self.take(s, p, o)
            add(s, self.relation_names[p], o)
        return header, rows

    def statements_sheet(self):
        header = [c for c in (*L.COLUMNS[L.STATEMENTS][0], *L.COLUMNS[L.STATEMENTS][1]) if c not in L.REVIEW]
        rows = []
        for s, p, o in sorted(self.g):
            if (s, p, o) in self.consumed:
                continue
            if not isinstance(s, URIRef):
                raise KgError(f"blank node subjects cannot be exported: {s}", file=self.stem)
            row = dict.fromkeys(header, "")
            row["subject"] = self.ref(s)
            row["property"] = _short(p)
            if isinstance(o, URIRef):
                row["object"] = self.ref(o) if o in self.local else _short(o)
            elif isinstance(o, Literal):
                row["value"] = str(o)
                row["lang"] = o.language or ""
                row["datatype"] = _short(o.datatype) if o.datatype is not None else ""
            else:
                raise KgError(f"blank node objects cannot be exported: {s} {p}", file=self.stem)
            rows.append([row[h] for h in header])
        return header, rows

    def sheets(self):
        nodes = self.entity_nodes()
        for node in self.g.objects(None, KG.holdsPost):
            if isinstance(node, URIRef) and node not in nodes:
                nodes.append(node)
        for node in self.g.objects(None, KG.hasFunding):
            if isinstance(node, URIRef) and node not in nodes:
                nodes.append(node)
        nodes = sorted(set(nodes))
        used = set()
        for node in nodes:
            base = re.sub(r"[^A-Za-z0-9_.-]+", "-", str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]) or "x"
            name, n = base, 1
            while name in used:
                n += 1
                name = f"{base}-{n}"
            used.add(name)
            self.local[node] = name
        source = self.source_sheet()
        entities = self.entities_sheet(nodes)
        relations = self.relations_sheet()
        statements = self.statements_sheet()
        return {L.SOURCE: source, L.ENTITIES: entities, L.RELATIONS: relations, L.STATEMENTS: statements}


def source_graphs(data_dir: Path | str | None = None):
    """The source graphs of a data folder as written (nothing derived), with the ontology graph."""
    from kg.build.sources import load
    from kg.core import resources
    from kg.core.namespaces import ONTOLOGY_GRAPH

    loaded = load(Path(data_dir) if data_dir is not None else resources.default_data_dir())
    graphs = {str(name).rsplit("/", 1)[-1]: loaded.dataset.graph(name) for name in loaded.source_graphs}
    return graphs, loaded.dataset.graph(ONTOLOGY_GRAPH), loaded.dataset


def _one_source(stem: str, data_dir: Path | str | None):
    """``source_graphs`` of a data folder's reference data and the source file ``stem`` alone."""
    from kg.build.sources import discover, load
    from kg.core import resources
    from kg.core.namespaces import ONTOLOGY_GRAPH

    reference, sources = discover(Path(data_dir) if data_dir is not None else resources.default_data_dir())
    files = [p for p in sources if p.stem == stem]
    graphs = {}
    if files:
        loaded = load(files=[*reference, *files])
        graphs = {str(name).rsplit("/", 1)[-1]: loaded.dataset.graph(name) for name in loaded.source_graphs}
    if stem not in graphs:  # no such file, or an empty one
        from rapidfuzz import process

        closest = ", ".join(c for c, _, _ in process.extract(stem, sorted({p.stem for p in sources}), limit=3))
        raise KgError(f"no source {stem!r}; closest: {closest}")
    return graphs, loaded.dataset.graph(ONTOLOGY_GRAPH)


def sheets_of(graph: Graph, stem: str, ontology: Graph) -> dict:
    """The sheets (name -> (header, rows)) of one source graph."""
    return _Exporter(graph, stem, ontology).sheets()


def kumu_sheets(dataset, lang: str = "en") -> dict:
    """Kumu's ``Elements`` (Label, Type, Description, Country, ID) and ``Connections`` (From, To,
    Type) sheets for every actor and initiative of the graph and the relations between them."""
    from kg.core.labels import best_label

    elements = {}
    for s, o in dataset.subject_objects(RDF.type):
        if isinstance(s, URIRef) and str(o).startswith(str(KG)) and o not in (KG.SourceDocument, KG.Post, KG.Funding):
            if str(o).split("#")[-1] in ("Cluster", "Analysis", "ReferenceDataset"):
                continue
            elements.setdefault(s, set()).add(o)
    labels = {s: best_label(dataset, s, lang) or str(s) for s in elements}
    counts = defaultdict(int)
    for label in labels.values():
        counts[label] += 1
    names = {
        s: (labels[s] if counts[labels[s]] == 1 else f"{labels[s]} ({str(s).rsplit('/', 1)[-1]})") for s in elements
    }
    element_rows = []
    for s in sorted(elements, key=lambda x: (names[x], str(x))):
        kind = sorted(t.split("#")[-1] for t in elements[s])[0]
        description = next(
            (str(d) for d in dataset.objects(s, DCTERMS.description) if getattr(d, "language", None) == lang), ""
        )
        country = next((str(c) for c in dataset.objects(s, KG.country)), "")
        element_rows.append([names[s], kind, description, country, str(s)])
    connections = set()
    for s, p, o in dataset.triples((None, None, None)):
        if s in elements and o in elements and str(p).startswith(str(KG)) and p not in NOT_STATED:
            connections.add((names[s], names[o], str(p).split("#")[-1]))
    for person, post in dataset.subject_objects(KG.holdsPost):
        for org in dataset.objects(post, KG.postIn):
            if person in elements and org in elements:
                connections.add((names[person], names[org], "holdsPostAt"))
    return {
        "Elements": (["Label", "Type", "Description", "Country", "ID"], element_rows),
        "Connections": (["From", "To", "Type"], sorted(connections)),
    }


def export_sources(
    out: Path | str,
    *,
    source: str | None = None,
    all_sources: bool = False,
    fmt: str = "xlsx",
    data_dir: Path | str | None = None,
) -> list[Path]:
    """Write sources in the sheet layout (``xlsx``: a workbook; ``csv``: a folder of CSV files) or
    the whole graph as a Kumu workbook (``kumu``). With ``all_sources``, ``out`` is a folder that
    gets one workbook (or CSV folder) per source. Returns the paths written.

    Raises :class:`KgError` for an unknown source (naming the closest ones) or format.
    """
    from kg.tabular.sheets import write_workbook

    if fmt not in FORMATS:
        raise KgError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt != "kumu" and all_sources == (source is not None):
        raise KgError("give --source STEM or --all")  # before reading any file
    out = Path(out)
    if fmt == "kumu":
        from kg.build.derive import derive

        _, _, dataset = source_graphs(data_dir)
        derive(dataset)
        return [write_workbook(out, kumu_sheets(dataset), "xlsx")]
    if source is not None:  # one source: its file and the reference data are read, not every source
        graphs, ontology = _one_source(source, data_dir)
    else:
        graphs, ontology, _ = source_graphs(data_dir)
    stems = sorted(graphs) if all_sources else [source]
    written = []
    for stem in stems:
        target = out / (f"{stem}.xlsx" if fmt == "xlsx" else stem) if all_sources else out
        written.append(write_workbook(target, sheets_of(graphs[stem], stem, ontology), fmt))
    return written
