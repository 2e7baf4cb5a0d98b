"""``kg import REGISTER --mapping mappings/NAME.yaml``: a register of funded projects -> one source file.

A register is a CSV file or a JSON list of records, one row per project (Finland's list of ERDF and
ESF projects) or per partner in a project (Tillväxtverket's Interreg partners). The mapping
(:mod:`kg.tabular.mapping`, documented in ``docs/import.md``) says which rows to take, which
columns make a project's key, and how cells become facts: projects (``kg:Project`` with its code,
dates and programme), the organisations' roles (``kg:leads`` for a lead partner or beneficiary,
``kg:participatesIn`` for a partner, ``kg:associatedPartnerIn`` for an associated partner) and
the money (one ``kg:Funding`` per grant: funder, recipient, programme, fund, amount with its kind
and scope, currency). Every project and funding node carries its row's key (``kg:recordKey``).

Names are reconciled against the rest of the graph (:class:`kg.reconciliation.Reconciler`):
spellings that differ only in case, spaces or punctuation are one organisation; a name that a
graph entity matches (``Sodankylän kunta`` is the municipality ``mun:fi-758``) is that entity;
one that matches nothing is minted as ``id:org/SLUG``; an ambiguous one stops the import until the
mapping's ``reconcile.names`` settles it. The report (:class:`RegisterImport`) counts the rows
taken, filtered out and excluded, and lists each name with the rows it comes from.

Every problem is reported at once with the register's file, row and column, or the mapping's
file and line; nothing is written then (:class:`kg.tabular.sheets.SheetErrors`, exit 2).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Container
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.core.errors import KgError
from kg.core.namespaces import ID, KG, SCHEMA, source_graph
from kg.tabular.importer import slug
from kg.tabular.mapping import MappingError, MappingErrors, Node, load_mapping
from kg.tabular.rest import rest_of_graph
from kg.tabular.sheets import SheetError, SheetErrors
from kg.tabular.turtle import expand, serialize

MATCH_SCORE, MATCH_MARGIN = 90.0, 5.0
ROLES = {"leads": KG.leads, "participates": KG.participatesIn, "associated": KG.associatedPartnerIn}
KINDS = {"granted": KG.granted, "planned": KG.planned, "paid": KG.paid}
SCOPES = {"partner": KG.perPartner, "project": KG.perProject}
_AMOUNT = re.compile(r"^\d+(\.\d+)?$")
_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
#: a "?" or "¿" standing alone between spaces, at the start of a word ("ja ?yhteisöissä", which no
#: question mark does), or between two digits ("2014?2020"): a dash lost when the published copy passed
#: through a character set without it (see :data:`REPAIRS`)
_LOST_DASH = re.compile(r"(?<=\s)[?\u00bf](?=\s|[^\W\d_])|(?<=\d)\?(?=\d)")


def repair_lost_dash(text: str) -> str:
    """The cell with each dash that a conversion turned into "?" or "¿" written as the en dash again.

    >>> repair_lost_dash("VuoGas Liikenne Osaaminen  ? biokaasusta"), repair_lost_dash("2014?2020")
    ('VuoGas Liikenne Osaaminen  – biokaasusta', '2014–2020')
    >>> repair_lost_dash("kasvuympäristöissä ja ?yhteisöissä")
    'kasvuympäristöissä ja –yhteisöissä'
    >>> repair_lost_dash("Miksi? Siksi ?"), repair_lost_dash("T?etanes naal")  # no dash was there
    ('Miksi? Siksi ?', 'T?etanes naal')
    """
    return _LOST_DASH.sub("\u2013", text)


def repair_doubled(text: str) -> str:
    """The cell written once where it holds the same words twice with nothing between them; only a
    text of two or more words is taken as doubled (a single word such as "Nana" is left alone).

    >>> repair_doubled("CERIFFI OYCERIFFI OY"), repair_doubled("Nana"), repair_doubled("Bora Bora")
    ('CERIFFI OY', 'Nana', 'Bora Bora')
    """
    stripped = text.strip()
    half = len(stripped) // 2
    if len(stripped) % 2 == 0 and stripped[:half] == stripped[half:] and len(stripped[:half].split()) > 1:
        return stripped[:half]
    return text


#: Company and association forms that end a registered Finnish, Swedish or English name (oy, oyj,
#: ab, ky, ay, ry, ltd): where the register glues a second line onto a name, the glue follows one.
_FORMS = ("OYJ", "OY", "AB", "KY", "AY", "RY", "LTD")
_BUSINESS_ID = re.compile(r"^\d{7}-\d$")  # a Finnish business ID (Y-tunnus), 2034683-4
_NAME_WORD = re.compile(r"^[^\W\d_]+(-[^\W\d_]+)*$")
#: what a second line glued onto a name is, when nothing more particular is known
OTHER_LINE = "a second line (a trade name, a place or another organisation)"


def _voikko_classes(word: str) -> set[str]:
    """The word classes Voikko gives a Finnish word (empty without Voikko or for an unknown word)."""
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    return {str(a.get("CLASS")) for a in voikko.analyze(word)} if voikko is not None else set()


def _person(text: str) -> bool:
    """Whether a text is a person's name: two to four words, the first a first name Voikko knows
    (``TEEMU HAAPALAHTI``), or a surname followed by first names (``PIETARINEN RIITTA HELENA``)."""
    words = [w.capitalize() for w in text.split()]
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return False
    if "etunimi" in _voikko_classes(words[0]):
        return True
    return "sukunimi" in _voikko_classes(words[0]) and "etunimi" in _voikko_classes(words[1])


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w/]+", " ", text.casefold()).split())


@dataclass(frozen=True)
class Glued:
    """A name with a second line glued on (:func:`split_glued`): the readings (name, second line) the
    text allows, the one chosen (``None`` when the evidence does not decide) and what the line is."""

    text: str
    readings: tuple[tuple[str, str], ...]
    name: str | None
    line: str
    kind: str


def split_glued(text: str, known: Container[str] = frozenset()) -> Glued | None:
    """The name and the second line of a cell that writes a company's name with another line glued on
    without a space (``ICCUNA OYTEEMU HAAPALAHTI``), or None where no such glue is found.

    The glue follows a company form (:data:`_FORMS`) at the start of a word other than the first, directly
    followed by a capital, a digit or ``C/O``. The second line is classified by its evidence: the name
    again (also in another language or form: ``KOKKOLAN NAHKA OYKOKKOLAN NAHKA OY KARLEBY LÄDER AB``), a
    c/o line, a business ID, an auxiliary trade name (``… (REK. APUTOIMINIMI)``), a contact person (a first
    name Voikko knows), otherwise :data:`OTHER_LINE`. ``known`` holds names (folded) that the register gives
    elsewhere, such as the company's name in another row or in the project's name. A word that can be read
    two ways (``OYJ`` + ``ARNO …`` or ``OY`` + ``JARNO …``) is split where exactly one reading has
    evidence (a name in ``known`` outweighs the others); otherwise ``name`` is None (undecided). No
    word begins with ``OY``, so ``OY`` followed by a capital is glue; after another form (a word may
    begin with ``KY``, ``AB``, ``RY``) a line without evidence is undecided, and no glue at all where
    the whole word is one Voikko knows (``KYLÄYHDISTYS``).

    >>> split_glued("ICCUNA OYTEEMU HAAPALAHTI").name, split_glued("SIJAISHALTIJA OYC/O SOLINUM").kind
    ('ICCUNA OY', 'a c/o line')
    >>> glued = split_glued("BRO BONO OYJUUSO SORJONEN")  # Uuso is no first name: OY + JUUSO
    >>> glued.name, glued.line, glued.kind
    ('BRO BONO OY', 'JUUSO SORJONEN', 'a contact person')
    >>> split_glued("VOLTER OYJARNO HAAPAKOSKI").name is None  # Jarno and Arno are both first names
    True
    >>> split_glued("VOLTER OYJARNO HAAPAKOSKI", known=frozenset({"volter oy"})).name
    'VOLTER OY'
    >>> split_glued("KYLÄN KYLÄYHDISTYS RY"), split_glued("VALTIMO COMPONENTS OYJ"), split_glued("NABA OY LTD")
    (None, None, None)
    >>> split_glued("SIMEC SYSTEMS KYSIMO AITTO-OJA").kind, split_glued("HALTINMAA KYHALTINMAA KY").name
    ('undecided', 'HALTINMAA KY')
    """
    words = text.split()
    for i, word in enumerate(words[1:], start=1):
        if word.upper() in _FORMS:  # OYJ is a form, not OY + J
            continue
        readings = []
        for form in _FORMS:
            head, rest = word[: len(form)], word[len(form) :]
            if head not in (form, form.capitalize()) or not rest or not (rest[0].isupper() or rest[0].isdigit()):
                continue
            readings.append((" ".join([*words[:i], head]), " ".join([rest, *words[i + 1 :]])))
        if not readings:
            continue
        judged = []
        for name, line in readings:
            core = _fold(name)[: -len(name.split()[-1])].strip()
            if core and _fold(line).startswith(core):
                kind = "the name again (also in another language or form)"
            elif line.upper().startswith("C/O"):
                kind = "a c/o line"
            elif _BUSINESS_ID.match(line):
                kind = "a business ID"
            elif "APUTOIMINIMI" in line.upper():
                kind = "an auxiliary trade name"
            elif _person(line):
                kind = "a contact person"
            else:
                kind = OTHER_LINE
            if _fold(name) in known:
                kind += "; the register writes the name so elsewhere"
            judged.append((name, line, kind, kind != OTHER_LINE))
        evident = [j for j in judged if j[3]]
        if len(evident) > 1:  # the name the register writes elsewhere decides between two evident lines
            evident = [j for j in evident if _fold(j[0]) in known] or evident
        if len(judged) == 1:
            name, line, kind, sure = judged[0]
            if not sure and not name.upper().endswith(" OY"):
                # a word may start with KY, AB, RY …: without evidence it is no glue if it is a word of
                # the language (KYLÄYHDISTYS), and undecided if not (KYSIMO; ABOVE); no word starts with OY
                if _voikko_classes(word.lower()):
                    continue
                return Glued(text, tuple(readings), None, "", "undecided")
            return Glued(text, tuple(readings), name, line, kind)
        if len(evident) == 1:
            name, line, kind, _ = evident[0]
            return Glued(text, tuple(readings), name, line, kind)
        return Glued(text, tuple(readings), None, "", "undecided")
    return None


class _Evidence:
    """The names (folded) a register gives elsewhere: in the name column of any row, or as words of
    another cell of the row in hand (``4dBarn Oy:n kansainvälistyminen`` names ``4DBARN OY``)."""

    def __init__(self, names: set[str], row: dict[str, str], column: str) -> None:
        self.names = names
        self.cells = [f" {_fold(text)} " for other, text in row.items() if other != column]

    def __contains__(self, name: object) -> bool:
        return name in self.names or any(f" {name} " in cell for cell in self.cells)


#: Cleaning rules a mapping may ask for (``read: repair: [lost-dash, doubled, glued]``), each for a kind of
#: damage in a published file: the rule, and what the source's provenance says it did
#: (``skos:editorialNote``, with the record keys of the rows it changed).
REPAIRS = {
    "lost-dash": (
        repair_lost_dash,
        "a '?' or '¿' standing alone between spaces, at the start of a word or between two digits is a "
        "dash that the published copy lost in a conversion to a character set without it; written as the "
        "en dash (–)",
    ),
    "doubled": (
        repair_doubled,
        "a cell holding the same words twice with nothing between them (such as a name written twice) is written once",
    ),
    # applied to the organisation name column only, with the register's other names as evidence
    "glued": (
        lambda text: found.name if (found := split_glued(text)) and found.name else text,
        "a beneficiary name with a second line glued on without a space after its company form (the name "
        "again or in another language, a contact person, a c/o line, a business ID or a trade name; the "
        "register has one column for both lines) is cut to the name, where the evidence decides where",
    ),
}


@dataclass
class NameReport:
    """What became of one organisation (all its spellings) of the register."""

    name: str
    action: str  # matched, minted, given (by the mapping), ambiguous
    iri: str | None
    rows: list[int]
    spellings: list[str] = field(default_factory=list)
    score: float | None = None
    candidates: list[str] = field(default_factory=list)
    role: str = "organisation"

    def line(self) -> str:
        rows = ", ".join(str(r) for r in self.rows[:12]) + (
            f" … ({len(self.rows)} rows)" if len(self.rows) > 12 else ""
        )
        score = f" ({self.score:.0f})" if self.score is not None and self.action == "matched" else ""
        text = f"  {self.action:<9} {self.role:<12} {self.name!r} -> <{self.iri}>{score}; row(s) {rows}"
        if self.action == "ambiguous":
            text = f"  {self.action:<9} {self.role:<12} {self.name!r}; row(s) {rows}"
        for other in self.spellings:
            if other != self.name:
                text += f"\n{'':<26}also written: {other!r}"
        for candidate in self.candidates:
            text += f"\n{'':<26}candidate: {candidate}"
        return text


@dataclass
class RegisterImport:
    """The outcome of :func:`import_register`: counts, names, the Turtle text and its validation."""

    stem: str
    out: Path
    register: Path
    mapping: Path
    rows_read: int = 0
    taken: int = 0
    filtered: int = 0
    filter_text: str = ""
    excluded: list[tuple[int, str, str]] = field(default_factory=list)
    #: (row, column, rule, as published, as imported, what was cut) of each cell a repair rule changed
    #: in a row taken
    repaired: list[tuple[int, str, str, str, str, str]] = field(default_factory=list)
    #: (row, column, rule, as published, the readings (name, second line)) of each cell a rule could not
    #: decide in a row taken: kept as published
    undecided: list[tuple[int, str, str, str, tuple]] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    incomplete: list[tuple[int, str, str]] = field(default_factory=list)
    names: list[NameReport] = field(default_factory=list)
    projects: int = 0
    partner_rows: int = 0
    fundings: int = 0
    sums: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    turtle: str = ""
    triples: int = 0
    report: object | None = None
    written: bool = False

    @property
    def ambiguous(self) -> list[NameReport]:
        return [n for n in self.names if n.action == "ambiguous"]

    @property
    def conforms(self) -> bool:
        return self.report is None or self.report.conforms

    @property
    def organisations(self) -> int:
        return len({n.iri for n in self.names if n.role == "organisation" and n.iri})

    def text(self) -> str:
        """The report: rows taken, filtered out, excluded and skipped, then every name with its rows."""
        orgs = [n for n in self.names if n.role == "organisation"]
        by_action = Counter(n.action for n in orgs)
        lines = [
            f"register:  {self.register} (mapping {self.mapping})",
            f"rows:      {self.rows_read} read, {self.taken} taken, {self.filtered} filtered out"
            + (f" ({self.filter_text})" if self.filter_text else "")
            + f", {len(self.excluded)} excluded by the mapping, {len(self.skipped)} skipped",
        ]
        lines += [f"excluded:  row {row} ({key}): {reason}" for row, key, reason in self.excluded]
        lines += [f"skipped:   row {row}, column '{column}': {reason}" for row, column, reason in self.skipped]
        lines += [
            f"repaired:  row {row}, column '{column}' ({rule}): {before!r} -> {after!r}"
            + (f" (cut {note})" if note else "")
            for row, column, rule, before, after, note in self.repaired
        ]
        lines += [
            f"undecided: row {row}, column '{column}' ({rule}): {text!r} is "
            + " or ".join(f"{name!r} + {line!r}" for name, line in readings)
            + ": kept as published"
            for row, column, rule, text, readings in self.undecided
        ]
        lines += [f"taken:     row {row}, column '{column}': {reason}" for row, column, reason in self.incomplete]
        # organisations are counted once each (several names may be one organisation of the graph),
        # so that found + minted add up to the total; the names are counted apart
        found = len({n.iri for n in orgs if n.action in ("matched", "given") and n.iri})
        minted = len({n.iri for n in orgs if n.action == "minted" and n.iri})
        lines.append(
            f"projects:  {self.projects}; partner rows {self.partner_rows}; organisations {self.organisations} "
            f"({found} found in the graph, {minted} minted; from {len(orgs)} names, "
            f"{by_action['ambiguous']} of them ambiguous)"
        )
        sums = "; ".join(f"{kind} {total} {currency}" for (kind, currency), total in sorted(self.sums.items()))
        lines.append(f"fundings:  {self.fundings}" + (f" ({sums})" if sums else ""))
        lines.append("names:")
        lines += [n.line() for n in sorted(self.names, key=lambda n: (n.role, n.action, n.name))]
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------- reading
def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_register(
    path: Path, fmt: str, delimiter: str = ",", encoding: str = "utf-8"
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The columns and rows of a register: CSV (row numbers as in a spreadsheet, header = 1) or a
    JSON list of records (row N = the N-th record). Raises :class:`SheetErrors` if unreadable."""
    try:
        text = path.read_text(encoding=encoding)
    except (OSError, UnicodeDecodeError) as exc:
        raise SheetErrors([SheetError(f"cannot read the register: {exc}", file=path)]) from None
    text = text.removeprefix("\ufeff")
    if fmt == "csv":
        reader = csv.reader(text.splitlines(), delimiter=delimiter)
        records = list(reader)
        if not records:
            raise SheetErrors([SheetError("the register is empty", file=path)])
        header = [h.strip() for h in records[0]]
        rows = []
        for number, record in enumerate(records[1:], start=2):
            if not any(c.strip() for c in record):
                continue
            if len(record) != len(header):
                raise SheetErrors(
                    [SheetError(f"{len(record)} cells where the header has {len(header)}", file=path, row=number)]
                )
            rows.append((number, dict(zip(header, record, strict=True))))
        return header, rows
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SheetErrors(
            [KgError(f"not valid JSON: {exc.msg}", file=path, line=exc.lineno, column=exc.colno)]
        ) from None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise SheetErrors([SheetError("a JSON register is a list of records (objects)", file=path)])
    header: list[str] = []
    for record in data:
        header.extend(k for k in record if k not in header)
    return header, [(n, {k: _cell(record.get(k)) for k in header}) for n, record in enumerate(data, start=1)]


# ---------------------------------------------------------------------------------------- import
class _Run:
    def __init__(self, mapping: Node, mapping_path: Path, register: Path, stem: str, dataset, no_new: bool) -> None:
        from kg.reconciliation import Reconciler

        self.m = mapping
        self.mpath = mapping_path
        self.register = register
        self.stem = stem
        self.no_new = no_new
        self.reconciler = Reconciler(dataset)
        self.dataset = dataset
        self.errors: list[KgError] = []
        self.funding_rows: dict[URIRef, int] = {}  # each funding node: the row that made it
        self.graph = Graph()
        self.doc = source_graph(stem)
        self.lang = str(mapping.get("reconcile", {}).get("lang") or mapping["source"]["language"])
        country = mapping.get("reconcile", {}).get("country")
        # one country code or several (``country: [FI, SE]``): names are matched within them
        self.countries: list[str | None] = [str(c) for c in country] if isinstance(country, list) else [country]
        self.spaces = mapping["read"].get("spaces", "keep")
        self.undecided: dict[int, list] = defaultdict(list)  # row -> cells a repair rule could not decide

    # -------------------------------------------------------------- errors and small helpers
    def merr(self, message: str, node: Node | None, key: str | None = None) -> None:
        line = node.line_of(key) if node is not None and key is not None else (node.line if node is not None else None)
        self.errors.append(MappingError(message, file=self.mpath, line=line))

    def rerr(self, message: str, row: int | None, column: str | None) -> None:
        self.errors.append(SheetError(message, file=self.register, row=row, column_name=column))

    def clean(self, text: str) -> str:
        return " ".join(text.split()) if self.spaces == "collapse" else text.strip()

    def iri(self, text: str, node: Node, key: str) -> URIRef | None:
        full = expand(text) if not text.startswith(("http://", "https://")) else text
        if full is None:
            self.merr(f"'{text}' is not an IRI or a prefixed name (mun:, orgid:, area:, kg:, …)", node, key)
            return None
        return URIRef(full)

    def entity(self, text: str, node: Node, key: str) -> URIRef | None:
        iri = self.iri(text, node, key)
        if iri is not None and iri not in self.reconciler.by_iri and not str(iri).startswith(str(KG)):
            self.merr(f"'{text}' is not an entity of the graph", node, key)
            return None
        return iri

    # -------------------------------------------------------------- columns
    def check_columns(self, header: list[str]) -> None:
        def check(column: str, node: Node, key: str) -> None:
            if column not in header:
                near = difflib.get_close_matches(column, header, n=2, cutoff=0.5)
                hint = ("; closest: " + ", ".join(f"'{c}'" for c in near)) if near else ""
                self.rerr(f"no column '{column}' (named by {self.mpath}:{node.line_of(key)}){hint}", 1, column)

        filt = self.m.get("filter")
        if filt is not None and "column" in filt:
            check(filt["column"], filt, "column")
        project = self.m["project"]
        for column in project["key"]:
            check(str(column), project, "key")
        for column in _PLACEHOLDER.findall(project["iri"]):
            check(column, project, "iri")
        for section in ("project", "organisation", "funding"):
            node = self.m.get(section) or Node()
            for spec in node.values():
                if isinstance(spec, Node) and "column" in spec:
                    check(str(spec["column"]), spec, "column")

    # -------------------------------------------------------------- field values
    def raw(self, row: dict[str, str], spec) -> str | None:
        if not isinstance(spec, Node):
            return None
        column = spec.get("column")
        return self.clean(row.get(column, "")) if column is not None else None

    def empty_policy(self, spec) -> str:
        policy = spec.get("empty", "error") if isinstance(spec, Node) else "error"
        return policy

    def constant_or_column(self, row: dict[str, str], number: int, spec, what: str) -> list[str] | None:
        """The values of a field in a row (a constant, or the column's cell, split if asked);
        None when empty and the mapping allows it; raises nothing, records errors."""
        if isinstance(spec, str):
            return [spec]
        if "column" not in spec:
            return [spec["default"]] if "default" in spec else None
        text = self.raw(row, spec)
        if not text:
            if "default" in spec:
                return [spec["default"]]
            policy = self.empty_policy(spec)
            if policy == "error":
                self.rerr(
                    f"empty {what} (the mapping allows no empty value here: add 'empty: absent' or 'empty: skip')",
                    number,
                    spec["column"],
                )
            return None
        parts = [p.strip() for p in text.split(spec["split"])] if "split" in spec else [text]
        return [p for p in parts if p]

    def mapped(self, value: str, spec, number: int, what: str) -> str | None:
        """Apply the ``values`` table of a field (exact, then ignoring case)."""
        if not isinstance(spec, Node) or "values" not in spec or "column" not in spec:
            return value
        table = spec["values"]
        if value in table:
            return str(table[value])
        folded = {str(k).casefold(): v for k, v in table.items()}
        if value.casefold() in folded:
            return str(folded[value.casefold()])
        if "default" in spec:
            return str(spec["default"])
        near = difflib.get_close_matches(value, [str(k) for k in table], n=3, cutoff=0.5)
        hint = ("; closest: " + ", ".join(f"'{c}'" for c in near)) if near else ""
        self.rerr(
            f"unknown {what} '{value}' (not in the mapping's values at {self.mpath}:{spec.line_of('values')}){hint}",
            number,
            spec["column"],
        )
        return None

    def date(self, text: str, spec: Node, number: int) -> Literal | None:
        fmt = spec.get("format", "iso")
        match = (_DMY if fmt == "d.m.yyyy" else _ISO).match(text)
        try:
            if match is None:
                raise ValueError
            if fmt == "d.m.yyyy":
                day, month, year = (int(g) for g in match.groups())
            else:
                year, month, day = (int(g) for g in match.groups())
            value = dt.date(year, month, day)
        except ValueError:
            expected = "d.m.yyyy, such as 1.3.2015" if fmt == "d.m.yyyy" else "YYYY-MM-DD"
            self.rerr(f"'{text}' is not a date in the format {expected}", number, spec.get("column"))
            return None
        return Literal(value.isoformat(), datatype=XSD.date)

    def amount(self, text: str, spec: Node, number: int) -> Decimal | None:
        if not _AMOUNT.match(text):
            if re.match(r"^-\d", text):
                problem = "a negative amount"
            elif re.search(r"\d[ \u00a0\u202f,']\d{3}(\D|$)", text) or re.search(r"\d\.\d{3}[.,]", text):
                problem = "a thousands separator"
            elif re.match(r"^\d+,\d+$", text):
                problem = "a comma as decimal point"
            else:
                problem = "not a number"
            self.rerr(
                f"'{text}' is {problem}: amounts are read as digits with '.' as the decimal point "
                "and no thousands separator",
                number,
                spec.get("column"),
            )
            return None
        value = Decimal(text)
        if value == 0 and spec.get("zero", "keep") == "absent":
            return None
        return value

    # -------------------------------------------------------------- names
    def decide(self, spellings: list[str], kind: URIRef) -> tuple[str, URIRef | None, float | None, list[str]]:
        names = self.m.get("reconcile", {}).get("names") or {}
        for spelling in spellings:
            if spelling in names:
                decision = names[spelling]
                if isinstance(decision, Node):  # {to: IRI or new, lang: the name's language}
                    if "to" not in decision or set(decision) - {"to", "lang"}:
                        self.merr(
                            f"'reconcile.names.{spelling}' is an IRI, 'new', or {{to: …, lang: …}}", names, spelling
                        )
                        return "new", None, None, []
                    decision = decision["to"]
                decision = str(decision)
                if decision == "new":
                    return "new", None, None, []
                iri = self.entity(decision, names, spelling)
                return "given", iri, None, []
        best: dict[URIRef, tuple[float, str, str]] = {}
        for spelling in spellings:
            for country in self.countries:
                for hit in self.reconciler.candidates(
                    spelling, type=kind, country=country, lang=self.lang, limit=4, fuzzy=False
                ):
                    entity = self.reconciler.entities[hit.entity]
                    if entity.iri not in best or hit.score > best[entity.iri][0]:
                        best[entity.iri] = (hit.score, entity.label(self.lang), hit.method)
        hits = sorted(best.items(), key=lambda h: (-h[1][0], str(h[0])))
        described = [f"{label} <{iri}> ({score:.0f}, {method})" for iri, (score, label, method) in hits[:4]]
        if hits and hits[0][1][0] >= MATCH_SCORE:
            if len(hits) == 1 or hits[0][1][0] - hits[1][1][0] >= MATCH_MARGIN:
                return "matched", hits[0][0], hits[0][1][0], []
            return "ambiguous", None, None, described
        return "minted", None, None, described

    # -------------------------------------------------------------- the source document
    def source(self) -> None:
        s = self.m["source"]
        doc, g = self.doc, self.graph
        g.add((doc, RDF.type, KG.SourceDocument))
        g.add((doc, DCTERMS.identifier, Literal(self.stem)))
        for lang, title in s["title"].items():
            g.add((doc, DCTERMS.title, Literal(str(title), lang=str(lang))))
        g.add((doc, DCTERMS.language, Literal(str(s["language"]))))
        g.add((doc, DCTERMS.type, Literal(str(s.get("kind", "register")))))
        if "publisher" in s:
            publisher = self.entity(s["publisher"], s, "publisher")
            if publisher is not None:
                g.add((doc, DCTERMS.publisher, publisher))
        if "issued" in s:
            text = s["issued"]
            datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(text))
            if datatype is None or not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", text):
                self.merr(f"'{text}' is not YYYY-MM-DD, YYYY-MM or YYYY", s, "issued")
            else:
                g.add((doc, DCTERMS.issued, Literal(text, datatype=datatype)))
        for key in ("url", "original_url"):
            if key in s:
                g.add((doc, DCTERMS.source, URIRef(s[key])))
        if "licence" in s:
            g.add((doc, DCTERMS.rights, Literal(s["licence"], lang="en")))
        for lang, text in (s.get("description") or {}).items():
            g.add((doc, DCTERMS.description, Literal(str(text), lang=str(lang))))
        for note in s.get("notes") or []:
            g.add((doc, SKOS.editorialNote, Literal(str(note), lang="en")))

    # -------------------------------------------------------------- rows
    def repair(self, rows: list[tuple[int, dict[str, str]]]) -> tuple[list, dict[int, list]]:
        """The rows with the mapping's repair rules applied to every cell, and what each changed by row."""
        read: Node = self.m["read"]
        rules = read.get("repair") or []
        for rule in rules:
            if rule not in REPAIRS:
                near = difflib.get_close_matches(str(rule), list(REPAIRS), n=1, cutoff=0.5)
                hint = f"; closest valid: '{near[0]}'" if near else ""
                self.merr(f"unknown repair rule '{rule}': one of {', '.join(REPAIRS)}{hint}", read, "repair")
        rules = [r for r in rules if r in REPAIRS]
        if not rules:
            return rows, {}
        changes: dict[int, list] = defaultdict(list)
        spec = self.m["organisation"].get("name") if "organisation" in self.m else None
        name_column = spec.get("column") if isinstance(spec, Node) else None
        names = {_fold(row.get(name_column, "")) for _, row in rows} if name_column else set()
        repaired = []
        for number, row in rows:
            fixed = {}
            for column, text in row.items():
                for rule in rules:
                    if rule == "glued":  # the organisation's name only, with the register's evidence
                        if column != name_column:
                            continue
                        found = split_glued(self.clean(text), _Evidence(names, row, column))
                        if found is None:
                            continue
                        if found.name is None:
                            self.undecided[number].append((number, column, rule, self.clean(text), found.readings))
                            continue
                        new, note = found.name, f"{found.line!r}: {found.kind}"
                    else:
                        new, note = REPAIRS[rule][0](text), ""
                    if new != text:
                        changes[number].append((number, column, rule, self.clean(text), self.clean(new), note))
                        text = new
                fixed[column] = text
            repaired.append((number, fixed))
        return repaired, changes

    def note_undecided(self, keys: dict[int, str], result: RegisterImport) -> None:
        """Report the cells a rule could not decide (kept as published), and name their records in the
        source's provenance."""
        result.undecided = [u for number in sorted(self.undecided) if number in keys for u in self.undecided[number]]
        for rule in dict.fromkeys(u[2] for u in result.undecided):
            rows = sorted({number for number, _, used, _, _ in result.undecided if used == rule})
            where = ", ".join(keys[number] for number in rows)
            note = (
                f"Not repaired ({rule}): the evidence does not decide where the name ends; kept as published "
                f"in {len(rows)} row(s) of this extract: {where}."
            )
            self.graph.add((self.doc, SKOS.editorialNote, Literal(note, lang="en")))

    def note_repairs(self, changes: dict[int, list], keys: dict[int, str], result: RegisterImport) -> None:
        """Report the repairs in the rows taken, and say in the source's provenance what each rule did where."""
        done = [change for number in sorted(changes) if number in keys for change in changes[number]]
        result.repaired = done
        for rule in dict.fromkeys(change[2] for change in done):
            rows = sorted({number for number, _, used, *_ in done if used == rule})
            where = ", ".join(keys[number] for number in rows)
            note = f"Repaired ({rule}): {REPAIRS[rule][1]}; in {len(rows)} row(s) of this extract: {where}."
            self.graph.add((self.doc, SKOS.editorialNote, Literal(note, lang="en")))

    def run(self, header: list[str], rows: list[tuple[int, dict[str, str]]], result: RegisterImport) -> None:
        m, g = self.m, self.graph
        self.check_columns(header)
        self.source()
        rows, changes = self.repair(rows)
        if self.errors:
            return
        project_spec: Node = m["project"]
        org_spec: Node = m["organisation"]
        funding_spec: Node = m.get("funding") or Node()
        filt = m.get("filter")
        allowed = {self.clean(str(v)) for v in filt["in"]} if filt is not None else None
        excluded = {str(e.get("key")): str(e.get("reason", "")) for e in m.get("exclude") or [] if isinstance(e, dict)}
        for entry in m.get("exclude") or []:
            if not isinstance(entry, dict) or "key" not in entry or "reason" not in entry:
                self.merr(
                    "each 'exclude' entry needs 'key' (the project key, parts joined with ' | ') and 'reason'",
                    m,
                    "exclude",
                )
        if filt is not None:
            result.filter_text = f"'{filt['column']}' not among the mapping's {len(allowed)} values"
        result.rows_read = len(rows)
        projects: dict[tuple, dict] = {}
        partners: dict[tuple, int] = {}
        org_rows: list[tuple[int, tuple, list[str], dict[str, str]]] = []
        for number, row in rows:
            key = tuple(self.clean(row.get(str(c), "")) for c in project_spec["key"])
            key_text = " | ".join(key)
            if key_text in excluded:
                result.excluded.append((number, key_text, excluded[key_text]))
                continue
            if allowed is not None and self.clean(row.get(filt["column"], "")) not in allowed:
                result.filtered += 1
                continue
            if not all(key):
                column = str(project_spec["key"][[bool(k) for k in key].index(False)])
                self.rerr("empty project key", number, column)
                continue
            names = self.constant_or_column(row, number, org_spec["name"], "organisation name")
            if names is None:
                policy = self.empty_policy(org_spec["name"])
                if policy == "skip":
                    result.skipped.append(
                        (number, org_spec["name"]["column"], "no organisation name (the mapping skips such rows)")
                    )
                    continue
                if policy != "absent":
                    continue
                names = []
                result.incomplete.append(
                    (number, org_spec["name"]["column"], "no organisation name: the project is taken without one")
                )
            result.taken += 1
            project = projects.get(key)
            if project is None:
                project = projects[key] = {"rows": [number], "row": row, "number": number, "fields": {}}
            else:
                project["rows"].append(number)
            self.project_fields(project, row, number, project_spec)
            duplicate = False
            for name in names:
                partner_key = (*key, name.casefold())
                if partner_key in partners:
                    self.rerr(
                        f"duplicate key: project {key_text!r} with organisation {name!r} "
                        f"is also on row {partners[partner_key]}",
                        number,
                        org_spec["name"]["column"] if isinstance(org_spec["name"], Node) else None,
                    )
                    duplicate = True
                    continue
                partners[partner_key] = number
            if not duplicate:  # a duplicate row is reported once, not again as a second funding
                org_rows.append((number, key, names, row))
        self.projects = projects
        keys = {number: " | ".join(key) for key, project in projects.items() for number in project["rows"]}
        self.note_repairs(changes, keys, result)
        self.note_undecided(keys, result)
        # names: one organisation per slug (case, spaces and punctuation ignored)
        orgs = self.organisations(org_rows, result)
        funders = self.funders(org_rows, funding_spec, result)
        # no early return: the projects' dates and the amounts are checked too, so that one run
        # reports every problem of every row (nothing is written when there is any)
        made_projects: dict[tuple, URIRef] = {}
        used: dict[URIRef, tuple] = {}
        for key, project in projects.items():
            local = _PLACEHOLDER.sub(
                lambda mt, row=project["row"]: slug(self.clean(row.get(mt.group(1), "")), 80), project_spec["iri"]
            )
            node = URIRef(f"{ID}initiative/{slug(local, 200)}")
            if node in used and used[node] != key:
                self.rerr(
                    f"the project IRI <{node}> is the same for keys {' | '.join(used[node])!r} and {' | '.join(key)!r}",
                    project["number"],
                    None,
                )
                continue
            used[node] = key
            made_projects[key] = node
            self.write_project(node, key, project, project_spec)
        result.projects = len(made_projects)
        fundings: set[URIRef] = set()
        for number, key, names, row in org_rows:
            node = made_projects.get(key)
            if node is None:
                continue
            role = self.constant_or_column(row, number, org_spec.get("role", "leads"), "role")
            role = self.mapped(role[0], org_spec.get("role"), number, "role") if role else None
            if role is not None and role not in ROLES:
                self.rerr(f"unknown role '{role}': leads, participates or associated", number, None)
                continue
            members = [orgs[slug(n, 200)] for n in names if slug(n, 200) in orgs]  # ambiguous ones wait
            for org in members:
                if role is not None:
                    g.add((org, ROLES[role], node))
            result.partner_rows += len(members)
            funder = funders.get(number)
            if funder is not None:
                g.add((funder, KG.funds, node))
            fund_node = self.funding(number, key, row, node, members, names, funder, funding_spec, result)
            if fund_node is not None:
                fundings.add(fund_node)
        result.fundings = len(fundings)

    def project_fields(self, project: dict, row: dict[str, str], number: int, spec: Node) -> None:
        fields = project["fields"]
        for name in ("name", "code", "start", "end", "programme"):
            if name not in spec:
                continue
            values = self.constant_or_column(row, number, spec[name], f"project {name}")
            value = values[0] if values else None
            if value and name in ("start", "end") and self.date(value, spec[name], number) is None:
                continue  # every row's dates are checked, not only the project's first row
            if name in fields and fields[name][0] != value:
                column = spec[name].get("column") if isinstance(spec[name], Node) else None
                self.rerr(
                    f"{value!r} differs from {fields[name][0]!r} on row {fields[name][1]} for the same project",
                    number,
                    column,
                )
                continue
            fields.setdefault(name, (value, number))

    def write_project(self, node: URIRef, key: tuple, project: dict, spec: Node) -> None:
        g = self.graph
        fields = project["fields"]
        number = project["number"]
        kind = self.iri(spec.get("type", "kg:Project"), spec, "type") or KG.Project
        g.add((node, RDF.type, kind))
        name = fields.get("name", (None,))[0]
        lang = spec["name"].get("lang", self.lang) if isinstance(spec["name"], Node) else self.lang
        if name:
            g.add((node, RDFS.label, Literal(name, lang=str(lang))))
        g.add((node, KG.recordKey, Literal(f"{self.stem}:{' | '.join(key)}")))
        code = fields.get("code", (None,))[0]
        if code:
            g.add((node, KG.projectCode, Literal(code)))
        for field_name, prop in (("start", SCHEMA.startDate), ("end", SCHEMA.endDate)):
            value = fields.get(field_name, (None,))[0]
            if value:
                literal = self.date(value, spec[field_name], number)
                if literal is not None:
                    g.add((node, prop, literal))
        programme = fields.get("programme", (None,))[0]
        if programme:
            mapped = self.mapped(programme, spec["programme"], number, "programme")
            if mapped:
                iri = self.entity(
                    mapped,
                    spec["programme"] if isinstance(spec["programme"], Node) else spec,
                    "values" if isinstance(spec["programme"], Node) else "programme",
                )
                if iri is not None:
                    g.add((node, KG.fundingProgramme, iri))
                    project["programme"] = iri

    def organisations(self, org_rows, result: RegisterImport) -> dict[str, URIRef]:
        spec: Node = self.m["organisation"]
        groups: dict[str, list[tuple[int, str, dict[str, str]]]] = defaultdict(list)
        for number, _key, names, row in org_rows:
            for name in names:
                groups[slug(name, 200)].append((number, name, row))
        known = set(self.reconciler.by_iri)
        taken: set[URIRef] = set()
        out: dict[str, URIRef] = {}
        for key in sorted(groups):
            entries = groups[key]
            counts = Counter(name for _n, name, _r in entries)
            spellings = sorted(counts, key=lambda s: (-counts[s], s.isupper(), s))
            name = spellings[0]
            rows = sorted({n for n, _name, _r in entries})
            action, iri, score, candidates = self.decide(spellings, KG.Organisation)
            if action in ("minted", "new"):
                if self.no_new:
                    self.rerr(
                        f"'{name}' matches no organisation of the graph (--no-new forbids minting)",
                        rows[0],
                        spec["name"].get("column") if isinstance(spec["name"], Node) else None,
                    )
                    continue
                base = f"{ID}org/{slug(name, 80)}"
                iri, suffix = URIRef(base), 2
                while iri in known or iri in taken:
                    iri, suffix = URIRef(f"{base}-{suffix}"), suffix + 1
                taken.add(iri)
                self.mint(iri, name, spellings, entries[0][2], rows[0], spec)
                action = "minted"
            result.names.append(NameReport(name, action, str(iri) if iri else None, rows, spellings, score, candidates))
            if iri is not None:
                out[key] = iri
        return out

    def mint(self, iri: URIRef, name: str, spellings: list[str], row: dict[str, str], number: int, spec: Node) -> None:
        g = self.graph
        cls = KG.Organisation
        if "type" in spec:
            values = self.constant_or_column(row, number, spec["type"], "organisation type")
            mapped = self.mapped(values[0], spec["type"], number, "organisation type") if values else None
            if mapped:
                cls = self.iri(mapped, spec["type"] if isinstance(spec["type"], Node) else spec, "type") or cls
        g.add((iri, RDF.type, cls))
        # the language the mapping gives this name (reconcile.names: {to: new, lang: en}), else the
        # one it gives the name column, else the register's: an English name is not tagged @sv
        lang = str(spec["name"].get("lang", self.lang)) if isinstance(spec["name"], Node) else self.lang
        overrides = self.m.get("reconcile", {}).get("names") or {}
        for spelling in spellings:
            if isinstance(overrides.get(spelling), Node) and "lang" in overrides[spelling]:
                lang = str(overrides[spelling]["lang"])
                break
        g.add((iri, RDFS.label, Literal(name, lang=lang)))
        for other in spellings[1:]:
            g.add((iri, SKOS.altLabel, Literal(other, lang=lang)))
        if "country" in spec:
            values = self.constant_or_column(row, number, spec["country"], "country")
            if values:
                g.add(
                    (iri, KG.country, Literal(self.mapped(values[0], spec["country"], number, "country") or values[0]))
                )
        if "located_in" in spec:
            values = self.constant_or_column(row, number, spec["located_in"], "place")
            mapped = self.mapped(values[0], spec["located_in"], number, "place") if values else None
            if mapped:
                area = self.entity(
                    mapped,
                    spec["located_in"] if isinstance(spec["located_in"], Node) else spec,
                    "values" if isinstance(spec["located_in"], Node) else "located_in",
                )
                if area is not None:
                    g.add((iri, KG.locatedIn, area))

    def funders(self, org_rows, spec: Node, result: RegisterImport) -> dict[int, URIRef]:
        """The funder of each row: a constant, the ``values`` table, else the name reconciled."""
        if "funder" not in spec:
            return {}
        fspec = spec["funder"]
        out: dict[int, URIRef] = {}
        by_name: dict[str, list[int]] = defaultdict(list)
        for number, _key, _names, row in org_rows:
            values = self.constant_or_column(row, number, fspec, "funder")
            if not values:
                continue
            value = values[0]
            table = fspec.get("values", {}) if isinstance(fspec, Node) else {}
            if isinstance(fspec, str):
                iri = self.entity(value, spec, "funder")
                if iri is not None:
                    out[number] = iri
            elif value in table:
                iri = self.entity(str(table[value]), table, value)
                if iri is not None:
                    out[number] = iri
            else:
                by_name[value].append(number)
        for name in sorted(by_name):
            rows = by_name[name]
            action, iri, score, candidates = self.decide([name], KG.Organisation)
            if action in ("minted", "new"):
                self.rerr(
                    f"funder '{name}' is no organisation of the graph: map it in 'funding.funder.values'",
                    rows[0],
                    fspec.get("column"),
                )
                continue
            result.names.append(
                NameReport(name, action, str(iri) if iri else None, rows, [name], score, candidates, role="funder")
            )
            for number in rows:
                if iri is not None:
                    out[number] = iri
        return out

    def funding(self, number, key, row, project_node, members, names, funder, spec: Node, result) -> URIRef | None:
        if "amount" not in spec or funder is None:
            return None
        aspec = spec["amount"]
        if not isinstance(aspec, Node) or "column" not in aspec:
            self.merr("'funding.amount' needs a 'column'", spec, "amount")
            return None
        text = self.raw(row, aspec)
        if not text:
            if self.empty_policy(aspec) == "error":
                self.rerr(
                    "empty amount (add 'empty: absent' to the mapping where the register leaves amounts out)",
                    number,
                    aspec["column"],
                )
            return None
        value = self.amount(text, aspec, number)
        if value is None:
            return None
        scope = str(aspec.get("scope", "project"))
        kind = str(aspec.get("kind", "granted"))
        currency = str(aspec.get("currency", "EUR"))
        if scope not in SCOPES or kind not in KINDS or not re.match(r"^[A-Z]{3}$", currency):
            self.merr(
                "'funding.amount' has scope partner|project, kind granted|planned|paid and an ISO 4217 currency",
                spec,
                "amount",
            )
            return None
        base = str(project_node).rsplit("/", 1)[-1]
        local = base if scope == "project" else f"{base}--{slug(names[0], 80)}"
        node = URIRef(f"{ID}funding/{local}")
        g = self.graph
        first = self.funding_rows.get(node)
        if first is not None:
            what = f"project {' | '.join(key)!r}" + (f" and organisation {names[0]!r}" if scope == "partner" else "")
            self.rerr(
                f"a second funding <{node}> for the same {what}: row {first} has the first "
                f"(the amount's scope is '{scope}': one funding per {scope})",
                number,
                aspec["column"],
            )
            return None
        self.funding_rows[node] = number
        g.add((project_node, KG.hasFunding, node))
        g.add((node, RDF.type, KG.Funding))
        g.add((node, KG.funder, funder))
        if len(members) == 1:
            g.add((node, KG.recipient, members[0]))
        g.add((node, KG.amount, Literal(str(value), datatype=XSD.decimal)))
        g.add((node, KG.amountKind, KINDS[kind]))
        g.add((node, KG.amountScope, SCOPES[scope]))
        g.add((node, KG.currency, Literal(currency)))
        record = " | ".join(key) + (f" | {names[0]}" if scope == "partner" else "")
        g.add((node, KG.recordKey, Literal(f"{self.stem}:{record}")))
        programme = self.projects[key].get("programme")
        if programme is not None:
            g.add((node, KG.fundingProgramme, programme))
        if "fund" in spec:
            values = self.constant_or_column(row, number, spec["fund"], "fund")
            mapped = self.mapped(values[0], spec["fund"], number, "fund") if values else None
            if mapped:
                fund = self.entity(
                    mapped,
                    spec["fund"] if isinstance(spec["fund"], Node) else spec,
                    "values" if isinstance(spec["fund"], Node) else "fund",
                )
                if fund is not None:
                    g.add((node, KG.fund, fund))
        for name, prop in (("paid", KG.paidAmount), ("planned", KG.plannedAmount)):
            if name in spec:
                extra = spec[name]
                cell = self.raw(row, extra)
                if not cell:
                    if self.empty_policy(extra) == "error":
                        self.rerr(f"empty {name} amount", number, extra.get("column"))
                    continue
                extra_value = self.amount(cell, extra, number)
                if extra_value is not None:
                    g.add((node, prop, Literal(str(extra_value), datatype=XSD.decimal)))
        result.sums[(kind, currency)] = result.sums.get((kind, currency), Decimal(0)) + value
        return node


def import_register(
    register: Path | str,
    mapping: Path | str,
    *,
    stem: str | None = None,
    out: Path | str | None = None,
    data_dir: Path | str | None = None,
    dry_run: bool = False,
    no_new: bool = False,
    engine: str = "oxigraph",
) -> RegisterImport:
    """Import a register with its mapping as the source file ``STEM.ttl`` (default: the mapping's
    ``source.id``, written to ``DATA/sources/STEM.ttl``).

    Raises :class:`kg.tabular.mapping.MappingErrors` (the mapping's file and line) or
    :class:`kg.tabular.sheets.SheetErrors` (the register's file, row and column): every problem at
    once, nothing written. Returns the report; the file is written (atomically) only when no name
    is ambiguous, the result validates with the rest of the graph, and not ``dry_run``. The same
    register and mapping over the same graph always give the same bytes.
    """
    from kg.core import resources

    register, mapping_path = Path(register), Path(mapping)
    m = load_mapping(mapping_path)
    stem = stem or str(m["source"]["id"])
    if not re.match(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", stem):
        raise MappingErrors(
            [
                MappingError(
                    f"{stem!r} is not a valid source id (letters, digits, _ . -)",
                    file=mapping_path,
                    line=m["source"].line_of("id"),
                )
            ]
        )
    read = m["read"]
    fmt = str(read.get("format", "csv"))
    if fmt not in ("csv", "json"):
        raise MappingErrors(
            [MappingError(f"unknown format '{fmt}': csv or json", file=mapping_path, line=read.line_of("format"))]
        )
    header, rows = read_register(register, fmt, str(read.get("delimiter", ",")), str(read.get("encoding", "utf-8")))
    data = Path(data_dir) if data_dir is not None else resources.default_data_dir()
    target = resources.new_source_file(data, stem, out, data_dir)
    rest = rest_of_graph(data, target.stem)
    run = _Run(m, mapping_path, register, stem, rest.dataset, no_new)
    result = RegisterImport(stem, target, register, mapping_path)
    run.run(header, rows, result)
    if run.errors:
        # one report in the register's order: by row, then by the column's place in the header
        place = {column: index for index, column in enumerate(header)}
        run.errors.sort(
            key=lambda e: (
                getattr(e, "row", None) or 0,
                place.get(getattr(e, "column_name", None) or "", len(place)),
            )
        )
        mapping_errors = [e for e in run.errors if isinstance(e, MappingError)]
        if mapping_errors:
            raise MappingErrors(mapping_errors)
        raise SheetErrors(run.errors)
    header_text = (
        f"# Source {stem}: the register {register.name} imported with the mapping {mapping_path.name} by `kg import`.\n"
        "# Generated: edit the mapping, not this file.\n"
    )
    result.turtle = serialize(run.graph, first=run.doc, header=header_text)
    result.triples = len(run.graph)
    if result.ambiguous:
        return result
    result.report, result.written = rest.write(result.turtle, stem, target, engine, dry_run)
    return result
