"""What the details panel tells beyond the network: money, source documents and posts.

Read from the graph with the library queries ``funding-details`` and ``people`` and the internal
query ``source-titles``
(so a remote endpoint works as well as a local graph), and returned as plain data the page
carries: ``{"fundings": [...], "sources": {...}, "posts": {...}}``.

>>> from kg.build import build
>>> extra = read_details(build(out_dir=None).dataset)
>>> money = [f for f in extra["fundings"] if f["funder"].endswith("/fi-320")][0]  # Kemijärvi's share
>>> money["amount"], money["per_year"], money["approximate"], money["currency"], money["kinds"]
(7500.0, 5000.0, False, 'EUR', [['omarahoitusosuus', 'fi']])
>>> extra["sources"]["001_fd9fc37229e934b4"]["issued"]
'2024-05-06'
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


def _text(value: object) -> str:
    return "" if value is None else str(value)


def split_tagged(joined: str) -> list[list[str]]:
    """``"Pajala (sv) | Bajil (se)"`` as ``[["Pajala", "sv"], ["Bajil", "se"]]`` (untagged: language "").

    >>> split_tagged("Pajala (sv) | Bajil (se) | Plain ()")
    [['Pajala', 'sv'], ['Bajil', 'se'], ['Plain', '']]
    """
    items = []
    for part in (p for p in joined.split(" | ") if p.strip()):
        text, _, tag = part.rpartition(" (")
        if text and tag.endswith(")"):
            items.append([text, tag[:-1]])
        else:
            items.append([part, ""])
    return items


def _amount(value: object) -> float | None:
    try:
        return float(Decimal(str(value))) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _text_rows(store, query, nodes: tuple[str, ...]) -> list[dict] | None:
    """The rows of a library query on an Oxigraph store as text cells (each cell's value, no rdflib
    terms; see :func:`kg.analysis.network._csv_select`), in the order of the query's ORDER BY; None
    on another store, or where that order cannot be reproduced. A blank node in a column of
    ``nodes`` is its id (as ``str()`` of rdflib's term)."""
    from kg.analysis.network import _csv_select, _csv_sort, _unordered
    from kg.query.stores import OxigraphStore

    if not isinstance(store, OxigraphStore):
        return None
    unordered = _unordered(query)
    if unordered is None:
        return None
    names, table = _csv_select(store, unordered[0])
    _csv_sort(table, [names.index(k) for k in unordered[1]])
    for i in (names.index(c) for c in nodes if c in names):
        for row in table:
            if row[i].startswith("_:"):
                row[i] = row[i][2:]
    return [{k: v for k, v in zip(names, row, strict=True) if v} for row in table]


def _title_rows(store) -> list[dict]:
    """The ``source-titles`` rows: ``id``, ``title`` (text, language), ``issued``, ``language`` as text."""
    from kg.query.binding import with_prefixes
    from kg.query.sparql import execute, internal_query
    from kg.query.stores import OxigraphStore

    query = internal_query("source-titles")
    if not isinstance(store, OxigraphStore):  # rdflib terms, then as text
        found = []
        for row in execute(store, query, timeout=None, labels=False).rows:
            text = {k: str(v) for k, v in row.items()}
            if "title" in row:
                text["title"] = (str(row["title"]), getattr(row["title"], "language", None) or "")
            found.append(text)
        return found
    found = []
    for solution in store.store.query(with_prefixes(query.text), use_default_graph_as_union=True):
        row = {}
        for name in ("id", "issued", "language"):
            if solution[name] is not None:
                row[name] = solution[name].value
        title = solution["title"]
        if title is not None:
            row["title"] = (title.value, getattr(title, "language", None) or "")
        found.append(row)
    return found


def _recipient_rows(store) -> list[dict]:
    """The ``funding-recipients`` rows (``funding``, ``recipient``) as text, on any store (a blank
    node as its id, as :func:`_text_rows` writes it)."""
    from kg.query.sparql import execute, internal_query

    query = internal_query("funding-recipients")
    found = _text_rows(store, query, ("funding", "recipient"))
    if found is None:
        found = [{k: str(v) for k, v in row.items()} for row in execute(store, query, timeout=None, labels=False).rows]
    return [row for row in found if row.get("funding") and row.get("recipient")]


def _funding(row: dict, recipients: list[str], known: dict[str, str]) -> dict:
    """One funding of the details panel from its ``funding-details`` row (labelled) and the IRIs of its
    recipients (``funding-recipients``), labelled from ``known``."""
    from kg.core.namespaces import short_iri

    return {
        "initiative": _text(row.get("initiative")),
        "initiative_label": _text(row.get("initiativeLabel")),
        "funder": _text(row.get("funder")),
        "funder_label": _text(row.get("funderLabel")),
        "recipients": [{"id": iri, "label": known.get(iri) or short_iri(iri)} for iri in recipients],
        "amount": _amount(row.get("amount")),
        "per_year": _amount(row.get("perYear")),
        "approximate": _text(row.get("approximate")) == "true",
        "currency": _text(row.get("currency")),
        "kinds": split_tagged(_text(row.get("kinds"))),
        "sources": _text(row.get("sources")).split(),
    }


def read_details(dataset, lang: str = "sv", labels: dict[str, str] | None = None) -> dict:
    """Fundings, source documents and posts of the graph in ``dataset`` (a Dataset or a store).

    ``labels`` (``{iri: label}``, optional) are labels already known in ``lang``, as
    :func:`kg.query.sparql.labels_of` gives them (the short IRI where there is none), for instance
    the network's node labels; the other IRIs shown are looked up."""
    from rdflib import URIRef

    from kg.core.namespaces import short_iri
    from kg.query.library import get
    from kg.query.sparql import execute, labels_of
    from kg.query.stores import fast_store

    store = fast_store(dataset)
    shown = {"funding-details": ("initiative", "funder"), "people": ("person", "organisation")}

    def rows(name: str) -> list[dict]:
        # as text on Oxigraph; else without execute's label columns: they would label every IRI column
        # and title every source of every row (all 18,674 documents' titles, twice, at a million
        # triples); the four columns shown are labelled below, in ``lang``, as execute would label them
        query = get(name)
        found = _text_rows(store, query, ("funding", *shown[name]))
        if found is None:
            found = [{k: str(v) for k, v in row.items()} for row in
                     execute(store, query, lang=lang, timeout=None, labels=False).rows]  # fmt: skip
        return found

    money, people = rows("funding-details"), rows("people")
    recipients: dict[str, list[str]] = {}  # funding -> the actors the graph says receive it (kg:recipient)
    for row in _recipient_rows(store):
        recipients.setdefault(row["funding"], []).append(row["recipient"])
    known = dict(labels or {})
    wanted = {row[c] for name, found in (("funding-details", money), ("people", people)) for row in found
              for c in shown[name] if row.get(c)}  # fmt: skip
    wanted |= {iri for found in recipients.values() for iri in found}
    missing = sorted(URIRef(iri) for iri in wanted - known.keys() if iri.startswith(("http://", "https://", "urn:")))
    known.update({str(iri): text for iri, text in labels_of(store, missing, lang).items()})
    for name, table in (("funding-details", money), ("people", people)):
        for row in table:
            for column in shown[name]:
                iri = row.get(column)
                if iri and iri.startswith(("http://", "https://", "urn:")):
                    row[f"{column}Label"] = known.get(iri) or short_iri(iri)
    fundings = [_funding(row, recipients.get(_text(row.get("funding")), []), known) for row in money]
    sources: dict[str, dict] = {}
    for row in _title_rows(store):  # one row per title of a document
        entry = sources.setdefault(
            _text(row.get("id")),
            {"titles": [], "issued": _text(row.get("issued"))[:10], "language": _text(row.get("language"))},
        )
        if "title" in row:
            entry["titles"].append(list(row["title"]))
    for entry in sources.values():  # the title in the document's own language first (the page's fallback)
        entry["titles"].sort(key=lambda item: (item[1] != entry["language"], item[1], item[0]))
    posts: dict[str, list[dict]] = {}
    for row in people:
        entry = {
            "organisation": _text(row.get("organisation")),
            "organisation_label": _text(row.get("organisationLabel")),
            "roles": _text(row.get("roles")),
            "sources": _text(row.get("sources")).split(),
        }
        posts.setdefault(_text(row.get("person")), []).append(entry)
        person = {"person": _text(row.get("person")), "person_label": _text(row.get("personLabel"))}
        posts.setdefault(_text(row.get("organisation")), []).append({**entry, **person})
    return {"fundings": fundings, "sources": sources, "posts": posts, "areas": area_names(store)}


def area_names(dataset) -> dict[str, dict[str, str]]:
    """The name of every county and region (län, maakunta, landskap) in each page language, from the
    reference data's labels (the internal query ``area-labels``): ``{iri: {"sv": …, "fi": …, "en": …}}``
    (the page keys them as its nodes, :func:`kg.viz.render.read_extra`). A language without a label is
    left out (the page then shows the name the network was read with)."""
    from kg.query.sparql import execute, internal_query
    from kg.query.stores import fast_store
    from kg.viz.text import LANGS

    names: dict[str, dict[str, str]] = {}
    for row in execute(fast_store(dataset), internal_query("area-labels"), timeout=None, labels=False).rows:
        lang = getattr(row["label"], "language", None)
        if lang in LANGS:
            names.setdefault(str(row["area"]), {}).setdefault(lang, str(row["label"]))
    return names
