"""Networks derived from the knowledge graph, as networkx graphs.

Three projections, all built from the library queries ``ties`` and ``nodes``:

- :func:`bipartite_graph`: actors and initiatives; an edge per tie, typed by ``role``
  (``lead``, ``organiser``, ``presenter``, ``participant``, ``funder``), plus actor–organisation
  edges for ``member`` and ``affiliated`` ties.
- :func:`actor_graph`: actors only, joined when they share initiatives or memberships.
- :func:`organisation_graph`: the actor graph with people folded into the organisations they are
  affiliated with.

Edge weights of the actor graph (documented here, used by the clusters):

- each shared initiative adds 1, plus 0.5 for each end that leads or organises it
  (participant–participant 1, lead–participant 1.5, lead–lead 2);
- a membership or affiliation tie (actor–organisation) adds 1;
- two members of the same organisation add 0.5 (co-membership), for organisations with at most
  :data:`MAX_COMEMBERS` members; larger ones keep only the member–organisation ties, so that one
  big organisation cannot create a quadratic number of edges.

Every node carries ``label`` (in the preferred language), ``kind`` (actor / initiative), ``type``,
``country`` and ``area``/``area_label`` (county or region); edges carry ``weight``, ``roles`` and
the shared initiatives as space-separated IRIs (``initiatives``) and "; "-joined labels
(``initiative_labels``). All values are strings or numbers, so every export format works.

>>> from kg.build import build
>>> ds = build(out_dir=None).dataset
>>> g = actor_graph(ds)
>>> pajala = "https://w3id.org/samverkan/id/municipality/se-2521"
>>> g.nodes[pajala]["label"], g.nodes[pajala]["country"]
('Pajala', 'SE')
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import combinations

import networkx as nx

from kg.core.collector import paused
from kg.query.library import NamedQuery, get
from kg.query.sparql import _UNIT as UNIT
from kg.query.sparql import execute
from kg.query.stores import fast_store

MAX_COMEMBERS = 100
LEAD_ROLES = frozenset({"lead", "organiser"})
INITIATIVE_ROLES = ("lead", "organiser", "presenter", "funder", "participant")
ORGANISATION_ROLES = ("member", "affiliated")
KINDS = ("actors", "bipartite", "organisations")


@dataclass(frozen=True)
class Tie:
    """One stated tie of an actor to an initiative or organisation."""

    actor: str
    role: str
    target: str
    start: str | None
    sources: tuple[str, ...]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def _unordered(query: NamedQuery) -> tuple[NamedQuery, list[str]] | None:
    """``query`` without its top-level ``ORDER BY`` and the columns it orders by, ascending, as
    :func:`kg.query.order.plan` finds them; ``None`` when the order is not plain ascending columns.

    Oxigraph sorts late and slowly on the on-disk store (the ``ties`` query at 1M triples: 11.8 s of
    CPU ordered, 2.5 s not; bench/RESULTS.md); :func:`_csv_select`'s rows are sorted in Python
    instead (:func:`_csv_sort`).

    >>> from kg.query.library import get
    >>> _unordered(get("ties"))[1]
    ['actor', 'target', 'role']
    """
    from kg.query.binding import with_prefixes
    from kg.query.order import plan

    found = plan(with_prefixes(query.text))
    if found is None or found.hidden or any(not isinstance(k, str) or desc for k, desc in found.keys):
        return None
    return replace(query, text=found.text), [k for k, _ in found.keys]


def _select_text(query: NamedQuery) -> str:
    """The text Oxigraph runs for :func:`_csv_select` (prefixes added, GROUP_CONCAT items unit-separated)."""
    from kg.query.binding import with_prefixes
    from kg.query.sparql import unit_separated

    return with_prefixes(unit_separated(query.text))


# Run by a child process: the SELECT (argv 3) on the on-disk store (argv 1, read-only) as CSV into argv 2.
_CHILD = """
import sys
import pyoxigraph as ox
solutions = ox.Store.read_only(sys.argv[1]).query(sys.argv[3], use_default_graph_as_union=True)
with open(sys.argv[2], "wb") as out:
    out.write(solutions.serialize(format=ox.QueryResultsFormat.CSV))
"""


class _Elsewhere:
    """A SELECT evaluated by Oxigraph in a child process on the same on-disk store (opened read-only
    there too; the parent's shared lock keeps builds away), its CSV read when :meth:`result` is called:
    Oxigraph holds Python's lock while it evaluates, so two queries in threads do not overlap, but two
    processes use both cores. ``result()`` is None when the child failed (the caller runs the query itself)."""

    def __init__(self, folder, query: NamedQuery) -> None:
        import os
        import subprocess
        import sys
        import tempfile

        handle, self.out = tempfile.mkstemp(prefix="kg-", suffix=".csv")
        os.close(handle)
        try:
            self.child = subprocess.Popen(
                [sys.executable, "-c", _CHILD, str(folder), self.out, _select_text(query)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError:
            self.child = None

    def result(self) -> str | None:
        """The CSV (once: the child is waited for and its file removed), None if the child failed."""
        from pathlib import Path

        child, self.child = self.child, None
        try:
            if child is None:
                return None
            child.communicate()
            if child.returncode != 0:
                return None
            return Path(self.out).read_text(encoding="utf-8")
        except OSError:
            return None
        finally:
            Path(self.out).unlink(missing_ok=True)


class _Rows(list):
    """CSV rows (lists of cells) that know whether any cell may be a blank node (``_:id``): False only
    when the CSV text holds no ``_:`` at all, so that the rows' users can skip looking at every cell;
    and whether any cell may hold the character U+0000 (``nul``: False when the text holds none)."""

    blank = True
    nul = True


def _csv_select(store, query: NamedQuery, data: str | None = None) -> tuple[list[str], _Rows]:
    """The rows of a SELECT on an Oxigraph store as text: each cell's value (an IRI, a literal's
    lexical form, ``_:id`` for a blank node; ``""`` when unbound or empty), GROUP_CONCAT items
    sorted and joined with the query's separator (as :func:`kg.query.sparql.execute` does).

    Oxigraph writes the results as CSV without holding Python's lock and ``csv`` reads them in C:
    no term objects (the ``ties`` rows at 1M triples: 0.3 s against 2 s as rdflib terms). ``data``:
    the CSV of the query already evaluated (by :class:`_Elsewhere`). The rows' ``blank`` (:class:`_Rows`)
    is False when no cell can be a blank node."""
    import csv
    import io

    import pyoxigraph as ox

    from kg.query.sparql import _concatenations

    if data is None:
        solutions = store.store.query(_select_text(query), use_default_graph_as_union=True)
        data = solutions.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
    rows = _Rows(csv.reader(io.StringIO(data, newline="")))
    rows.blank = "_:" in data
    rows.nul = "\x00" in data
    if rows:
        names = rows.pop(0)
    else:
        names = [v.value for v in store.store.query(_select_text(query), use_default_graph_as_union=True).variables]
    for name, separator in _concatenations(re.sub(r"(?m)^\s*#[^\n]*", "", query.text)).items():
        if name in names and UNIT in data:
            i = names.index(name)
            for row in rows:
                if UNIT in row[i]:
                    row[i] = separator.join(sorted(row[i].split(UNIT)))
    return names, rows


def _csv_sort(rows: list[list[str]], where: list[int]) -> None:
    """Sort CSV rows as SPARQL's ORDER BY on those columns (IRIs and plain literals compare as text;
    blank nodes, ``_:id`` in CSV, come before IRIs)."""
    from operator import itemgetter

    if getattr(rows, "blank", True) and any(row[i].startswith("_:") for row in rows for i in where):
        rows.sort(key=lambda row: tuple((not row[i].startswith("_:"), row[i]) for i in where))
    elif len(where) > 1 and not getattr(rows, "nul", True):
        # several columns as one text, joined by U+0000, which no cell holds and which sorts before
        # every other character: the order of the tuple of them (a cell that is a prefix of another
        # comes first either way), with one comparison of texts per pair of rows instead of tuples
        # (the 105,297 ties of a million triples: 0.22 s of CPU as tuples, 0.07 s; bench/RESULTS.md, s30-10ma)
        pick, join = itemgetter(*where), "\x00".join
        rows.sort(key=lambda row: join(pick(row)))
    elif where:  # the same order: one column as itself, several as the tuple of them
        rows.sort(key=itemgetter(*where) if len(where) > 1 else itemgetter(where[0]))


def _query(name: str) -> NamedQuery:
    """One of the analysis' own queries (``kg/analysis/queries/NAME.rq``): lighter forms of shipped ones."""
    from importlib import resources as importlib_resources
    from pathlib import Path

    from kg.query.library import read_query

    return read_query(Path(str(importlib_resources.files("kg.analysis").joinpath("queries", f"{name}.rq"))))


def _labels_query() -> NamedQuery:
    """kg.query's internal ``labels`` query with each label's language and whether it is a literal."""
    from kg.query.sparql import internal_query

    query = internal_query("labels")
    head = "SELECT DISTINCT ?iri ?label\nWHERE {"
    if head not in query.text:
        raise ValueError(f"the internal labels query no longer starts with {head!r}")
    more = "SELECT DISTINCT ?iri ?label (LANG(?label) AS ?lang) (isLiteral(?label) AS ?literal)\nWHERE {"
    return replace(query, text=query.text.replace(head, more))


def _label_table(store):
    """The build's label table beside ``store`` (``labels.sqlite``, :mod:`kg.query.labeltable`) when
    ``store`` is the build's on-disk store and the table describes the same ``graph.trig``, else None.
    Its ``labels`` rows are the distinct literal rows of the internal ``labels`` query, so the best
    label chosen among them is the same; at 1M triples looking up 20,000 IRIs there replaces reading
    every label from Oxigraph in a child process and parsing them (bench/RESULTS.md, s29-anviz)."""
    if getattr(store, "folder", None) is None:
        return None
    from kg.query.labeltable import of_store

    return of_store(store)


def _best_labels(store, iris: list[str], lang: str | None, every: _Elsewhere | None = None) -> dict[str, str]:
    """:func:`kg.query.sparql.labels_of` as text: the best label of each IRI in the preferred language
    (the same labels, query and ranking), read as CSV with each label's language instead of as rdflib
    terms (at 1M triples 20,000 IRIs took 2.2 s of CPU that way, 1.2 s of it making terms), or from
    the build's label table (:func:`_label_table`) beside the build's on-disk store.

    ``every``: the labels query without bound IRIs already running in a child process (all labels;
    only the wanted ones are kept, as labels_of would bind them)."""
    from kg.core.labels import preference

    data = every.result() if every is not None else None
    if not iris:
        return {}
    query = _labels_query()
    usable = iris
    table = _label_table(store) if data is None else None
    if len(iris) <= 20_000:  # as labels_of: binding them beats reading every label
        usable = [i for i in iris if not re.search(r"[\s<>\"{}|^`\\]", i)]
        if data is None and table is None:
            braces = "{ " + " ".join(f"<{i}>" for i in usable) + " }"
            query = replace(query, text=query.text.replace("WHERE {", "WHERE {\n  VALUES ?iri " + braces, 1))
    wanted = set(usable)
    found: dict[str, list[tuple[str, str]]] = {}
    if table is not None:  # the build's label table: the same rows (literals only), from SQLite
        for iri, language, label in table.labels(wanted):
            found.setdefault(iri, []).append((language, label))
    else:
        names, rows = _csv_select(store, query, data)
        at = [names.index(n) for n in ("iri", "label", "lang", "literal")]
        for row in rows:
            iri, label, language, literal = (row[i] for i in at)
            if iri in wanted and literal == "true":
                found.setdefault(iri, []).append((language, label))
    order = preference(lang)
    return {
        iri: min(labels, key=lambda lab: (order.index(lab[0]) if lab[0] in order else 9, lab[1]))[1]
        for iri, labels in found.items()
    }


def _labelled(store, names: list[str], rows: list[list[str]], columns: list[str], lang: str | None, every=None) -> None:
    """Add ``xLabel`` columns to CSV rows as :func:`kg.query.sparql.add_labels` does for IRI columns:
    the best label of each IRI in ``lang``, else its short form; space-separated IRIs get their labels
    joined with "; ". A column of anything but IRIs gets no label column."""
    from kg.core.namespaces import short_iri

    def iris(value: str) -> list[str] | None:
        tokens = value.split()
        return tokens if tokens and all(t.startswith(("http://", "https://", "urn:")) for t in tokens) else None

    wanted = []
    for column in columns:
        i = names.index(column)
        values = {row[i] for row in rows if row[i]}
        values = {v for v in values if not v.startswith("_:")}
        if values and all(iris(v) is not None for v in values):
            wanted.append(i)
    wanted_iris = sorted({t for row in rows for i in wanted for t in (iris(row[i]) or [])})
    found = _best_labels(store, wanted_iris, lang, every)
    cells: dict[str, str] = {}
    for i in wanted:
        names.append(names[i] + "Label")
        for row in rows:
            value = row[i]
            cell = cells.get(value)
            if cell is None:  # a blank node's or an empty cell gets none
                cell = cells[value] = "; ".join(found.get(t) or short_iri(t) for t in iris(value) or [])
            row.append(cell)
    for column in columns if getattr(rows, "blank", True) else ():  # a blank node: its id, as str() of rdflib's term
        i = names.index(column)
        for row in rows:
            if row[i].startswith("_:"):
                row[i] = row[i][2:]


#: what :func:`read_nodes` gives each node without ``details`` (what the analysis uses)
NETWORK_ATTRIBUTES = ("label", "kind", "type", "type_label", "country", "mentioned")


@paused()
def read_nodes(
    dataset, lang: str | None = "sv", *, details: bool = True, _labels: _Elsewhere | None = None
) -> dict[str, dict[str, str]]:
    """Attributes of every actor and initiative: label, kind, type, type_label, country, area,
    area_label, start, end, names, labels, mentioned (the ``nodes`` query, labelled in ``lang``).

    In the order of the ``nodes`` query (by kind, then IRI). Without ``details`` only
    :data:`NETWORK_ATTRIBUTES` (the same nodes and values, from the lighter query
    ``kg/analysis/queries/network-nodes.rq``: at 1M triples 0.8 s of CPU against 2.4 s)."""
    from kg.query.stores import OxigraphStore

    store = fast_store(dataset)
    named = get("nodes") if details else _query("network-nodes")
    unordered = _unordered(named) if isinstance(store, OxigraphStore) else None
    if unordered is not None:  # as text (see _csv_select), labelled as execute would
        query, keys = unordered
        names, table = _csv_select(store, query)
        _csv_sort(table, [names.index(k) for k in keys])
        _labelled(store, names, table, ["node", "type", "area"] if details else ["node", "type"], lang, _labels)
        # every cell, empty ones too: each attribute below reads an empty cell as a missing one
        rows = [dict(zip(names, row, strict=True)) for row in table]
    else:
        if _labels is not None:
            _labels.result()  # not needed here: let the child go
        rows = execute(store, named, lang=lang, timeout=None).rows
    nodes: dict[str, dict[str, str]] = {}
    for row in rows:
        iri = str(row["node"])
        attributes = {
            "label": _text(row.get("nodeLabel")) or iri,
            "kind": _text(row.get("kind")),
            "type": _text(row.get("type")).rsplit("#", 1)[-1],
            "type_label": _text(row.get("typeLabel")) or _text(row.get("type")).rsplit("#", 1)[-1],
            "country": _text(row.get("country")),
        }
        if details:
            attributes.update(
                area=_text(row.get("area")),
                area_label=_text(row.get("areaLabel")),
                start=_text(row.get("start")),
                end=_text(row.get("end")),
                names=_text(row.get("names")),
                labels=_text(row.get("labels")),
            )
        attributes["mentioned"] = str(row.get("mentioned", "")).lower() in ("true", "1")
        nodes[iri] = attributes
    for iri, countries in place_countries(store).items():
        if iri in nodes and nodes[iri]["kind"] == "initiative":
            nodes[iri]["places"] = countries
    return nodes


def place_countries(dataset) -> dict[str, str]:
    """The countries of the places each node is located in (``kg:locatedIn``, then the place's
    ``kg:country``), space-separated and sorted: ``{iri: "FI SE"}``. An initiative with a Swedish
    and a Finnish actor or place crosses the border (the ``cross-border`` query's definition,
    which :func:`kg.analysis.analyze.analyze` follows); :func:`read_nodes` gives initiatives these
    as ``places``.

    >>> from kg.build import build
    >>> place_countries(build(out_dir=None).dataset)["https://w3id.org/samverkan/id/initiative/samverkan-norsjo-osterbotten"]
    'FI'
    """
    from kg.query.stores import OxigraphStore

    store = fast_store(dataset)
    named = _query("initiative-places")
    if isinstance(store, OxigraphStore):
        names, table = _csv_select(store, named)
        rows = [dict(zip(names, row, strict=True)) for row in table]
    else:
        rows = [{k: str(v) for k, v in row.items()} for row in execute(store, named, timeout=None, labels=False).rows]
    return {
        row["node"]: " ".join(sorted(set(row["countries"].split())))
        for row in rows
        if row.get("countries") and not row["node"].startswith("_:")
    }


@paused()
def read_ties(dataset, *, details: bool = True, _pending: _Elsewhere | None = None) -> list[Tie]:
    """Every tie stated by a source (see the ``ties`` query), in its order (actor, target, role).

    On Oxigraph the rows are read as plain strings (no rdflib terms: the cells are IRIs, plain
    literals and dates, and only their text is kept), with what :func:`kg.query.sparql.execute`
    does to them: the sources of a tie sorted, an empty cell as none. Without ``details`` the ties
    have no ``start`` (``kg/analysis/queries/network-ties.rq``, the same ties without the
    initiatives' dates: at 1M triples 1.5 s of CPU against 2.0 s)."""
    from kg.query.stores import OxigraphStore

    store = fast_store(dataset)
    named = get("ties") if details else _query("network-ties")
    unordered = _unordered(named) if isinstance(store, OxigraphStore) else None
    if unordered is None:
        found = execute(store, named, timeout=None, labels=False).rows
        rows = [{k: str(v) for k, v in row.items()} for row in found]
    else:  # as text (see _csv_select), straight into ties (no dictionary per row)
        query, keys = unordered
        names, table = _csv_select(store, query, _pending.result() if _pending is not None else None)
        _csv_sort(table, [names.index(k) for k in keys])
        actor, role, target, sources = (names.index(k) for k in ("actor", "role", "target", "sources"))
        start = names.index("start") if "start" in names else None

        def plain(value: str) -> str:  # a blank node: its id, as str() of rdflib's term
            return value[2:] if value.startswith("_:") else value

        if not table.blank:  # no cell is a blank node: the same ties without looking at each
            return [
                Tie(
                    row[actor],
                    row[role],
                    row[target],
                    (row[start] or None) if start is not None else None,
                    tuple(row[sources].split()),
                )
                for row in table
            ]
        return [
            Tie(
                actor=plain(row[actor]),
                role=row[role],
                target=plain(row[target]),
                start=(row[start] or None) if start is not None else None,
                sources=tuple(row[sources].split()),
            )
            for row in table
        ]
    return [
        Tie(
            actor=row["actor"],
            role=row["role"],
            target=row["target"],
            start=row.get("start") or None,
            sources=tuple(row.get("sources", "").split()),
        )
        for row in rows
    ]


@paused()
def read_network(
    dataset, lang: str | None = "sv", *, details: bool = True
) -> tuple[dict[str, dict[str, str]], list[Tie]]:
    """``(read_nodes(dataset, lang), read_ties(dataset))``, one after the other (``details``: see there).

    Running the two queries in two threads did not overlap them (1M triples at low load: 10.4 s
    against 9.5 s one after the other; bench/RESULTS.md): Oxigraph holds Python's lock. On a
    build's on-disk store the ties are therefore read by a child process (:class:`_Elsewhere`) while
    this one reads the nodes, whose labels come from the build's label table (:func:`_label_table`;
    without one, every label is read by a second child); elsewhere, or if a child fails, one after the
    other."""
    from kg.query.stores import OxigraphStore

    store = fast_store(dataset)  # an rdflib dataset is copied to Oxigraph once
    pending = labels = None
    ties = get("ties") if details else _query("network-ties")
    if isinstance(store, OxigraphStore) and getattr(store, "folder", None) and _unordered(ties) is not None:
        # on the other core while the nodes are read: the ties, and every label (the nodes' are kept)
        pending = _Elsewhere(store.folder, _unordered(ties)[0])
        if _label_table(store) is None:  # else the nodes' labels are looked up in the build's label table
            labels = _Elsewhere(store.folder, _labels_query())
    try:
        nodes = read_nodes(store, lang, details=details, _labels=labels)
        return nodes, read_ties(store, details=details, _pending=pending)
    finally:  # a child not waited for (an error on the way): wait for it, remove its file
        for job in (pending, labels):
            if job is not None:
                job.result()


def active_initiatives(dataset, year: int) -> set[str]:
    """The initiatives active in ``year`` by the time rules of docs/modelling.md (the ``active`` query)."""
    rows = execute(fast_store(dataset), get("active"), {"year": str(year)}, lang=None, timeout=None, labels=False).rows
    return {str(row["initiative"]) for row in rows}


def active_by_year(dataset, years: list[int], days: list[list[str]] | None = None) -> dict[int, set[str]]:
    """:func:`active_initiatives` of many years from one run of the ``active`` query's body: each
    initiative's first and last day (:func:`active_days`; ``days`` if given) read once without a
    year, then its overlap with each year's slice (``YEAR-01-01`` to ``YEAR-12-31``, as the query
    builds them) tested here, with the query's comparison (text order of the days).

    At 1M triples: 0.6 s of CPU on the on-disk store against 7.2 s for one run with the 22 years
    bound by VALUES (bench/RESULTS.md); a test holds it to the ``active`` query run per year."""
    from kg.query.sparql import bindings

    query = get("active")
    found: dict[int, set[str]] = {year: set() for year in years}
    if not years:
        return found
    slices = {}
    for year in years:
        term = str(bindings(query, {"year": str(year)})["year"])  # STR(?year) in the query
        slices[year] = (f"{term}-01-01", f"{term}-12-31")
    for initiative, start, end in active_days(dataset) if days is None else days:
        for year, (first, last) in slices.items():
            if start <= last and end >= first:
                found[year].add(initiative)
    return found


def active_days(dataset) -> list[list[str]]:
    """``[initiative, first day, last day]`` of every initiative with both days, by the ``active``
    query's own rules (its body run once without a year; the days as text, ``YYYY-MM-DD``): what
    :func:`active_by_year` tests each year's slice against, and what ``kg viz`` stores with the
    network (year-independent)."""
    query = get("active")
    text = query.text
    parts = (
        ("SELECT DISTINCT ?initiative ?start ?end", "SELECT DISTINCT ?initiative ?startDay ?endDay"),
        ("FILTER(BOUND(?year) || BOUND(?date))", ""),
        ("FILTER(?startDay <= ?to && ?endDay >= ?from)", ""),
        ('CONCAT(STR(?year), "-01-01")) AS ?from', None),  # the slice, built by active_by_year
        ('CONCAT(STR(?year), "-12-31")) AS ?to', None),
    )
    for old, new in parts:
        if old not in text:
            raise ValueError(f"the active query no longer holds {old!r}")
        if new is not None:
            text = text.replace(old, new, 1)
    text = text[: text.rindex("ORDER BY")] if "ORDER BY" in text else text
    days = []
    for row in fast_store(dataset).select(text)[1]:
        start, end = row.get("startDay"), row.get("endDay")
        if start is None or end is None:  # an unbound day fails the query's FILTER
            continue
        days.append([str(row["initiative"]), str(start), str(end)])
    return days


def source_years(dataset) -> dict[str, int]:
    """The year of each source document (its ``dcterms:issued``, as written), by file stem."""
    text = """PREFIX dcterms: <http://purl.org/dc/terms/>
    SELECT ?g ?issued WHERE { GRAPH ?g { ?g dcterms:issued ?issued } }"""
    years = {}
    for row in fast_store(dataset).select(text)[1]:
        year = _year(str(row["issued"]))
        if year is not None:
            years[str(row["g"]).rsplit("/", 1)[-1]] = year
    return years


def _active(tie: Tie, year: int | None, initiatives: set[str], stated: dict[str, int]) -> bool:
    """Whether a tie holds in ``year``: a tie to an initiative while the initiative is active, a
    membership or affiliation (undated facts) in the years of the sources that state it."""
    if year is None:
        return True
    if tie.role in ORGANISATION_ROLES:
        return any(stated.get(source) == year for source in tie.sources)
    return tie.target in initiatives


@paused()
def bipartite_graph(
    dataset,
    year: int | None = None,
    lang: str | None = "sv",
    *,
    nodes: dict[str, dict] | None = None,
    ties: list[Tie] | None = None,
    stated: dict[str, int] | None = None,
    initiatives: set[str] | None = None,
    details: bool = True,
) -> nx.Graph:
    """Actors and initiatives, an edge per tie (``role`` is the strongest role of the pair).

    With ``year``, the ties that hold in that year by the time rules of docs/modelling.md (the
    same as the ``active`` query): ties to the initiatives active in that year, and memberships and
    affiliations stated by a source of that year; and only the actors and initiatives with such a
    tie (a year's network is who was active then, as a timeline filter shows it). Without ``year``,
    every actor a source mentions is a node, with or without a tie (an isolate).

    ``nodes`` (from :func:`read_nodes`), ``ties`` (from :func:`read_ties`), ``stated`` (from
    :func:`source_years`) and ``initiatives`` (the year's :func:`active_initiatives`) are read from
    ``dataset`` when not given; give them to build the networks of many years from one reading (see
    :func:`yearly_bipartite_graphs`). Without ``details`` the nodes carry only
    :data:`NETWORK_ATTRIBUTES` and the ties no dates (what the analysis uses; read faster).
    """
    if initiatives is None:
        initiatives = active_initiatives(dataset, year) if year is not None else set()
    if year is not None and stated is None:
        stated = source_years(dataset)
    stated = stated or {}
    if nodes is None and ties is None:
        nodes, ties = read_network(dataset, lang, details=details)
    nodes = read_nodes(dataset, lang, details=details) if nodes is None else nodes
    ties = read_ties(dataset, details=details) if ties is None else ties
    graph = nx.Graph(kind="bipartite", year=year if year is not None else "", lang=lang or "")
    order = {role: i for i, role in enumerate((*INITIATIVE_ROLES, *ORGANISATION_ROLES))}
    for iri, attrs in nodes.items():  # actors that sources mention, even with no tie (isolates)
        if year is None and attrs["kind"] == "actor" and attrs["mentioned"]:
            graph.add_node(iri, **attrs, bipartite=0)
    for tie in ties:
        if not _active(tie, year, initiatives, stated) or tie.actor not in nodes or tie.target not in nodes:
            continue
        for iri in (tie.actor, tie.target):
            if iri not in graph:
                attrs = nodes[iri]
                graph.add_node(iri, **attrs, bipartite=0 if attrs["kind"] == "actor" else 1)
        if graph.has_edge(tie.actor, tie.target):
            data = graph.edges[tie.actor, tie.target]
            roles = set(data["roles"].split()) | {tie.role}
            data["roles"] = " ".join(sorted(roles, key=order.get))
            data["role"] = min(roles, key=order.get)
            data["sources"] = " ".join(sorted(set(data["sources"].split()) | set(tie.sources)))
        else:
            graph.add_edge(
                tie.actor, tie.target, role=tie.role, roles=tie.role, sources=" ".join(tie.sources), actor=tie.actor
            )
    return graph


def yearly_bipartite_graphs(
    dataset,
    years: list[int],
    lang: str | None = "sv",
    *,
    nodes: dict[str, dict] | None = None,
    ties: list[Tie] | None = None,
) -> dict[int, nx.Graph]:
    """``{year: bipartite_graph(dataset, year, lang)}``, reading the nodes, ties and source years once
    (``nodes`` and ``ties``, if given, as read by :func:`read_nodes` with ``lang`` and :func:`read_ties`)."""
    if not years:
        return {}
    if nodes is None and ties is None:
        nodes, ties = read_network(dataset, lang)
    nodes = read_nodes(dataset, lang) if nodes is None else nodes
    ties = read_ties(dataset) if ties is None else ties
    stated = source_years(dataset)
    active = active_by_year(dataset, years)
    return {
        year: bipartite_graph(dataset, year, lang, nodes=nodes, ties=ties, stated=stated, initiatives=active[year])
        for year in years
    }


class _Ties:
    """The actor graph's edges while they are gathered: per pair its weight, roles and shared
    initiatives, joined into the edge's strings once at the end (joining them at every added tie
    was quadratic in the initiatives a pair shares: 4 s of CPU at 1M triples)."""

    def __init__(self) -> None:
        self.edges: dict[tuple[str, str], tuple[tuple[str, str], list]] = {}  # first-added (a, b) order

    def add(self, a: str, b: str, weight: float, role: str, via: str | None) -> None:
        if a == b:
            return
        key = (a, b) if a <= b else (b, a)
        found = self.edges.get(key)
        if found is None:
            found = self.edges[key] = ((a, b), [weight, {role}, []])
        else:
            found[1][0] += weight
            found[1][1].add(role)
        if via is not None and via not in found[1][2]:
            found[1][2].append(via)

    def into(self, graph: nx.Graph, label) -> None:
        """Add the edges to ``graph`` in the order they were first added (as adding them one by one)."""
        labels: dict[str, str] = {}

        def label_of(iri: str) -> str:
            text = labels.get(iri)
            if text is None:
                text = labels[iri] = label(iri)
            return text

        graph.add_edges_from(
            (
                a,
                b,
                {
                    "weight": weight,
                    "roles": " ".join(sorted(roles)),
                    "initiatives": " ".join(shared),
                    "initiative_labels": "; ".join(map(label_of, shared)),
                    "n_shared": len(shared),
                },
            )
            for (a, b), (weight, roles, shared) in self.edges.values()
        )


def _shared_pairs(by_initiative: dict[str, list[tuple[str, str]]]) -> list[tuple[tuple[str, str], float, list[str]]]:
    """The pairs of actors that share initiatives, from ``{initiative: [(actor, role), ...]}`` (an
    actor at most once per initiative): ``((a, b), weight, shared initiatives)`` with ``a < b``, each
    initiative adding 1 plus 0.5 for each end that leads or organises it, in the order in which the
    pairs first occur going through the initiatives in sorted order and each one's actors pairwise in
    sorted order (as ``itertools.combinations`` of the sorted actors), ``shared`` in sorted order.

    The pairs are made and summed on arrays (numpy): at 1M triples 220,000 pairs of 13,000 initiatives,
    which a Python loop took 1.2 s of CPU for under load (bench/RESULTS.md, s29-anviz). The weights are
    multiples of 0.5, so their sums are exact in any order: the same floats as adding them one by one.

    >>> _shared_pairs({"i2": [("b", "lead"), ("a", "participant")], "i1": [("c", "x"), ("a", "x"), ("b", "x")]})
    [(('a', 'b'), 2.5, ['i1', 'i2']), (('a', 'c'), 1.0, ['i1']), (('b', 'c'), 1.0, ['i1'])]
    """
    import numpy as np

    initiatives = sorted(by_initiative)
    actors = sorted({actor for members in by_initiative.values() for actor, _ in members})
    where = {actor: i for i, actor in enumerate(actors)}  # positions compare as the actors' texts
    group, member, lead = [], [], []
    for g, initiative in enumerate(initiatives):
        for actor, role in by_initiative[initiative]:
            group.append(g)
            member.append(where[actor])
            lead.append(role in LEAD_ROLES)
    group_a, member_a, lead_a = np.array(group, dtype=np.int64), np.array(member, dtype=np.int64), np.array(lead)
    order = np.lexsort((member_a, group_a))  # by initiative, then actor
    group_a, member_a, lead_a = group_a[order], member_a[order], lead_a[order]
    # each member pairs with the later members of its initiative: first the first with the rest, ...
    starts = np.flatnonzero(np.r_[True, group_a[1:] != group_a[:-1]]) if len(group_a) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(group_a)])
    local = np.arange(len(group_a)) - np.repeat(starts, sizes)  # position within its initiative
    later = np.repeat(sizes, sizes) - 1 - local  # how many members come after it
    first = np.repeat(np.arange(len(group_a)), later)
    block = np.repeat(np.cumsum(later) - later, later)  # where each member's pairs begin
    second = first + 1 + (np.arange(len(first)) - block)
    a, b = member_a[first], member_a[second]
    keys = a * max(len(actors), 1) + b
    if not len(keys):
        return []
    unique, first_at, which = np.unique(keys, return_index=True, return_inverse=True)
    weights = np.bincount(which, weights=1.0 + 0.5 * lead_a[first] + 0.5 * lead_a[second], minlength=len(unique))
    counts = np.bincount(which, minlength=len(unique))
    grouped = np.argsort(which, kind="stable")  # each pair's initiatives, in the order they came
    shared = [initiatives[g] for g in group_a[first[grouped]].tolist()]
    ends = np.cumsum(counts)
    seen = np.argsort(first_at, kind="stable")  # the order in which the pairs first occur
    return [
        ((actors[x], actors[y]), weight, shared[end - count : end])
        for x, y, weight, count, end in zip(
            (unique[seen] // max(len(actors), 1)).tolist(),
            (unique[seen] % max(len(actors), 1)).tolist(),
            weights[seen].tolist(),
            counts[seen].tolist(),
            ends[seen].tolist(),
            strict=True,
        )
    ]


@paused()
def project(bipartite: nx.Graph) -> nx.Graph:
    """The actor collaboration graph of a bipartite graph (see the module doc for the weights)."""
    actors = nx.Graph(**{**bipartite.graph, "kind": "actors"})
    for node, data in bipartite.nodes(data=True):
        if data.get("kind") == "actor":
            actors.add_node(node, **data)

    def label(iri: str) -> str:
        return bipartite.nodes[iri].get("label", iri)

    ties = _Ties()
    by_initiative: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_organisation: dict[str, list[str]] = defaultdict(list)
    for a, b, data in bipartite.edges(data=True):
        actor = data["actor"]
        target = b if actor == a else a
        if data["role"] in ORGANISATION_ROLES:
            ties.add(actor, target, 1.0, data["role"], None)
            if data["role"] == "member":
                by_organisation[target].append(actor)
        else:
            by_initiative[target].append((actor, data["role"]))
    edges = ties.edges
    for (a, b), weight, shared in _shared_pairs(by_initiative):
        found = edges.get((a, b))
        if found is None:
            edges[a, b] = ((a, b), [weight, {"shared-initiative"}, shared])
        else:  # a pair with a membership tie too
            found[1][0] += weight
            found[1][1].add("shared-initiative")
            found[1][2].extend(shared)
    for organisation in sorted(by_organisation):
        members = sorted(set(by_organisation[organisation]))
        if len(members) <= MAX_COMEMBERS:
            for a, b in combinations(members, 2):
                ties.add(a, b, 0.5, "co-member", None)
    ties.into(actors, label)
    return actors


@paused()
def fold_people(actors: nx.Graph) -> nx.Graph:
    """Replace every affiliated person by the organisations they are affiliated with."""
    people = {n for n, d in actors.nodes(data=True) if d.get("type") == "Person"}
    home: dict[str, list[str]] = defaultdict(list)
    for person in people:
        for other, data in actors[person].items():
            if "affiliated" in data["roles"].split() and other not in people:
                home[person].append(other)
    folded = nx.Graph(**{**actors.graph, "kind": "organisations"})
    for node, data in actors.nodes(data=True):
        if node not in home:
            folded.add_node(node, **data)

    def targets(node: str) -> list[str]:
        return sorted(home.get(node, [node]))

    for a, b, data in actors.edges(data=True):
        if "affiliated" in data["roles"].split() and (a in home or b in home):
            continue
        for x in targets(a):
            for y in targets(b):
                if x == y:
                    continue
                if folded.has_edge(x, y):
                    mine = folded.edges[x, y]
                    mine["weight"] += data["weight"]
                    mine["roles"] = " ".join(sorted(set(mine["roles"].split()) | set(data["roles"].split())))
                    shared = mine["initiatives"].split()
                    for i in data["initiatives"].split():
                        if i not in shared:
                            shared.append(i)
                    labels = mine["initiative_labels"].split("; ") if mine["initiative_labels"] else []
                    for lab in data["initiative_labels"].split("; ") if data["initiative_labels"] else []:
                        if lab not in labels:
                            labels.append(lab)
                    mine.update(initiatives=" ".join(shared), initiative_labels="; ".join(labels), n_shared=len(shared))
                else:
                    folded.add_edge(x, y, **dict(data))
    return folded


def actor_graph(dataset, year: int | None = None, lang: str | None = "sv") -> nx.Graph:
    """Actors joined by shared initiatives and memberships (weights: see the module doc)."""
    return project(bipartite_graph(dataset, year, lang))


def organisation_graph(dataset, year: int | None = None, lang: str | None = "sv") -> nx.Graph:
    """The actor graph with people folded into the organisations they are affiliated with."""
    return fold_people(actor_graph(dataset, year, lang))


def network(dataset, kind: str = "actors", year: int | None = None, lang: str | None = "sv") -> nx.Graph:
    """The projection named ``kind``: ``actors``, ``bipartite`` or ``organisations``."""
    builders = {"actors": actor_graph, "bipartite": bipartite_graph, "organisations": organisation_graph}
    if kind not in builders:
        raise ValueError(f"unknown network {kind!r}; choose one of {', '.join(builders)}")
    return builders[kind](dataset, year, lang)
