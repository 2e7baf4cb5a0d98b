"""Output formats for query results, found by name in one registry.

``table`` and ``md`` are for people: IRIs are shown as labels in the preferred language (a column
``x`` is hidden when a companion ``xLabel`` column is present). ``csv``, ``tsv`` and ``json``
(SPARQL 1.1 Query Results JSON) are for machines and keep the terms as they are, except that a csv,
tsv or md cell that a spreadsheet would run as a formula gets a leading ``'`` (:mod:`kg.core.cells`).
CONSTRUCT and DESCRIBE results are written as Turtle in every format.

In Swedish and Finnish, ``table`` and ``md`` show each column under its header in that language and
booleans and a column's fixed words (``direct``, ``granted``) in it; English output is as it was.
``csv``, ``tsv`` and ``json`` keep the variable names and values in every language
(:mod:`kg.query.columns` says why, and what ``header="labels"`` changes).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.core.cells import neutralise
from kg.core.collector import paused
from kg.core.labels import best_label
from kg.core.namespaces import short_iri
from kg.query import columns as columns_module
from kg.query.sparql import QueryResult

Formatter = Callable[..., str]  # (result, graph, lang, headers) -> text
FORMATS: dict[str, Formatter] = {}


def register(name: str) -> Callable[[Formatter], Formatter]:
    """Add a formatter to the registry under ``name``."""

    def add(func: Formatter) -> Formatter:
        FORMATS[name] = func
        return func

    return add


def render(
    result: QueryResult,
    fmt: str = "table",
    graph=None,
    lang: str | None = None,
    header: str | None = None,
    columns: dict[str, dict[str, str]] | None = None,
) -> str:
    """Render a result in the named format.

    ``header`` chooses the header row (:mod:`kg.query.columns`): ``None`` gives the column labels
    in ``lang`` in the formats for people (variable names in English) and the variable names in
    the formats for programs; ``"names"`` the variable names; ``"labels"`` the labels in ``lang``
    (English too), except in ``json``, whose keys are the variable names. ``columns`` are the
    query's own ``# column`` headers.

    >>> r = QueryResult("SELECT", ["n"], [{"n": Literal(3)}])
    >>> render(r, "csv")
    'n\\r\\n3\\r\\n'
    >>> render(QueryResult("SELECT", ["fundingYear"], [{"fundingYear": Literal("2020")}]), "csv", None, "fi", "labels")
    'Rahoitusvuosi\\r\\n2020\\r\\n'
    """
    if result.graph is not None:
        return result.graph.serialize(format="turtle")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    people = fmt in PEOPLE_FORMATS
    headers = None
    if header == "labels" or (header is None and people and lang != columns_module.SOURCE):
        headers = {v: columns_module.header(v, lang, labels=True, own=columns or {}) for v in result.variables}
        named = set(result.variables)
        for v in result.variables:  # csv and tsv keep both: the IRI's column apart from its label's
            if f"{v}Label" in named:
                headers[v] += " (IRI)"
    with paused():  # the text is made of strings, tuples and dicts without cycles
        return FORMATS[fmt](result, graph, lang, headers)


#: the formats for people: headers and fixed words in the output language
PEOPLE_FORMATS = ("table", "md")


def plain(term: object) -> str:
    """A term as plain text (the lexical form of a literal, the IRI of a node)."""
    if term is None:
        return ""
    return str(term)


def display(term: object, graph, lang: str | None) -> str:
    """A term for people: an IRI becomes its label where the graph has one."""
    if isinstance(term, URIRef):
        return (best_label(graph, term, lang) if hasattr(graph, "objects") else None) or short_iri(term)
    if isinstance(term, Literal) and term.datatype == XSD.decimal:  # 7500, not the canonical 7500.0
        try:
            return format(Decimal(str(term)).normalize(), "f")
        except InvalidOperation:
            return plain(term)
    return plain(term)


def _shown_columns(result: QueryResult) -> list[str]:
    names = set(result.variables)
    return [v for v in result.variables if f"{v}Label" not in names]


def _people_rows(result: QueryResult, graph, lang, headers=None) -> tuple[list[str], list[list[str]]]:
    """The shown columns' headers (``headers``' where given, else the variable names) and the rows
    as text; in Swedish and Finnish, booleans and a column's fixed words (:mod:`kg.query.columns`)
    are in that language."""
    columns = _shown_columns(result)
    shown: dict[int, str] = {}  # by identity: a term recurs as one object in many rows, shown once
    keep: list = []  # the terms shown, kept alive so that their ids stay unique
    translate = lang in columns_module.LANGS and lang != columns_module.SOURCE

    def cell(term) -> str:
        text = shown.get(id(term))
        if text is None:
            keep.append(term)
            text = display(term, graph, lang)
            if translate and isinstance(term, Literal) and term.datatype == XSD.boolean:
                text = columns_module.boolean(text, lang)
            shown[id(term)] = text
        return text

    rows = [[cell(row.get(c)) for c in columns] for row in result.rows]
    if translate:  # the few columns with fixed words, after the cells are made
        for i, column in enumerate(columns):
            if column in columns_module.VALUES:
                for row in rows:
                    row[i] = columns_module.value(column, row[i], lang)
    return [headers[c] for c in columns] if headers else columns, rows


def _answer(boolean: bool | None, lang: str | None) -> str:
    """An ASK query's answer for people: yes or no (ja/nej, kyllä/ei).

    >>> _answer(True, "en"), _answer(False, "sv"), _answer(True, "fi")
    ('yes', 'nej', 'kyllä')
    """
    if lang in columns_module.LANGS and lang != columns_module.SOURCE:
        return columns_module.boolean("true" if boolean else "false", lang)
    return "yes" if boolean else "no"


@register("table")
def as_table(result: QueryResult, graph=None, lang: str | None = None, headers=None) -> str:
    """A text table that fits 80 columns (long cells wrap)."""
    if result.form == "ASK":
        return _answer(result.boolean, lang)
    from rich.console import Console
    from rich.table import Table

    columns, rows = _people_rows(result, graph, lang, headers)
    if _too_wide(columns, rows):
        return as_records(columns, rows, lang)
    table = Table(show_lines=False, box=None, header_style="bold", pad_edge=False)
    for i, column in enumerate(columns):  # a cell wraps between words, never inside one
        table.add_column(column.removesuffix("Label"), overflow="fold", min_width=_longest_word(columns, rows, i))
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, color_system=None, soft_wrap=False)
    console.print(table)
    console.print(columns_module.TABLES.text("rows", lang, n=len(rows)))
    return buffer.getvalue()


WIDTH = 80
MIN_CELL = 12


def _longest_word(columns: list[str], rows: list[list[str]], i: int) -> int:
    """The width column ``i`` needs so that no word of it (nor its header) is broken."""
    return max([len(columns[i].removesuffix("Label")), *(len(w) for r in rows for w in r[i].split())])


def _too_wide(columns: list[str], rows: list[list[str]]) -> bool:
    """True when a table would squeeze some column below :data:`MIN_CELL` characters in 80 columns,
    or would have to break a word to fit."""
    widths = [max([len(c.removesuffix("Label")), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    if sum(widths) + 2 * (len(columns) - 1) <= WIDTH:
        return False
    if sum(_longest_word(columns, rows, i) for i in range(len(columns))) + 2 * (len(columns) - 1) > WIDTH:
        return True
    return WIDTH / max(len(columns), 1) < MIN_CELL + 2 or len(columns) > 5


def as_records(columns: list[str], rows: list[list[str]], lang: str | None = None) -> str:
    """One block per row, one ``column: value`` line per field, wrapped to 80 columns (like psql's \\x)."""
    import textwrap

    names = [c.removesuffix("Label") for c in columns]
    pad = max((len(n) for n in names), default=0)
    lines: list[str] = []
    for number, row in enumerate(rows, start=1):
        lines.append(f"-[ {number} ]" + "-" * (WIDTH - 6 - len(str(number))))
        for name, value in zip(names, row, strict=True):
            prefix = f"{name.ljust(pad)} : "
            if _fits(value, WIDTH - len(prefix)):  # what textwrap gives a line that fits, without its cost
                lines.append(prefix + value)
                continue
            wrapped = textwrap.wrap(value, WIDTH - len(prefix), break_long_words=False, break_on_hyphens=False) or [""]
            lines.append(prefix + wrapped[0])
            lines += [" " * len(prefix) + more for more in wrapped[1:]]
    lines.append(columns_module.TABLES.text("rows", lang, n=len(rows)))
    return "\n".join(lines) + "\n"


def _fits(value: str, width: int) -> bool:
    """Whether ``textwrap.wrap(value, width)`` is ``[value]``: it fits, and has no whitespace that
    textwrap would replace (tabs, newlines) or drop (at either end, or a run of spaces).

    >>> _fits("Pajala kommun", 20), _fits("Pajala\tkommun", 20), _fits(" Pajala", 20), _fits("", 20)
    (True, False, False, False)
    """
    return 0 < len(value) <= width and value.isprintable() and value.strip(" ") == value and "  " not in value


@register("md")
def as_markdown(result: QueryResult, graph=None, lang: str | None = None, headers=None) -> str:
    """A GitHub-flavoured Markdown table."""
    if result.form == "ASK":
        return _answer(result.boolean, lang) + "\n"
    columns, rows = _people_rows(result, graph, lang, headers)

    def cell(text: str) -> str:
        return neutralise(text).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(c.removesuffix("Label") for c in columns) + " |"]
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _delimited(result: QueryResult, delimiter: str, headers=None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    if result.form == "ASK":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buffer.getvalue()
    writer.writerow([headers[v] for v in result.variables] if headers else result.variables)
    for row in result.rows:
        writer.writerow([neutralise(plain(row.get(v))) for v in result.variables])
    return buffer.getvalue()


@register("csv")
def as_csv(result: QueryResult, graph=None, lang: str | None = None, headers=None) -> str:
    """Comma-separated values with a header row (SPARQL CSV style: plain lexical forms)."""
    return _delimited(result, ",", headers)


@register("tsv")
def as_tsv(result: QueryResult, graph=None, lang: str | None = None, headers=None) -> str:
    """Tab-separated values with a header row."""
    return _delimited(result, "\t", headers)


def term_json(term: object) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    kind = type(term)
    if kind is Literal and term.datatype is None and not term.language:  # the commonest cells first
        return {"type": "literal", "value": str(term)}
    if kind is URIRef:
        return {"type": "uri", "value": str(term)}
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


@register("json")
def as_json(result: QueryResult, graph=None, lang: str | None = None, headers=None) -> str:
    """SPARQL 1.1 Query Results JSON, indented by two spaces: the text ``json.dumps(..., indent=2,
    ensure_ascii=False)`` writes, made by orjson's C encoder (its two-space indent and escapes are the
    same bytes; tests/test_query_rows.py compares them on every code point), each distinct term's
    object made once. ``json.dumps`` indents in pure Python: at a million triples ``initiatives``'
    91,000 distinct terms took 0.45 s of CPU that way.

    >>> print(as_json(QueryResult("SELECT", ["n"], [{"n": Literal(3)}, {}])))
    {
      "head": {
        "vars": [
          "n"
        ]
      },
      "results": {
        "bindings": [
          {
            "n": {
              "type": "literal",
              "value": "3",
              "datatype": "http://www.w3.org/2001/XMLSchema#integer"
            }
          },
          {}
        ]
      }
    }
    """
    if result.form == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2)
    objects: dict[int, dict[str, str]] = {}  # by identity: a term recurs as one object in many rows
    keep: list = []  # the terms seen, kept alive so that their ids stay unique
    known = objects.get

    def made(term) -> dict[str, str]:
        keep.append(term)
        found = objects[id(term)] = term_json(term)
        return found

    bindings = [{k: known(id(v)) or made(v) for k, v in row.items()} for row in result.rows]
    document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return _indented_json(document)


def _indented_json(document: object) -> str:
    """``json.dumps(document, indent=2, ensure_ascii=False)``, by orjson where it can encode the
    document (not a string with a lone surrogate, which orjson refuses and ``json`` writes as is)."""
    import orjson

    try:
        return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: a lone surrogate
        return json.dumps(document, ensure_ascii=False, indent=2)
