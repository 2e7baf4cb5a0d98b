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


def read_details(dataset, lang: str = "sv") -> dict:
    """Fundings, source documents and posts of the graph in ``dataset`` (a Dataset or a store)."""
    from rdflib import URIRef

    from kg.core.namespaces import short_iri
    from kg.query.library import get
    from kg.query.sparql import execute, internal_query, labels_of
    from kg.query.stores import fast_store

    store = fast_store(dataset)

    def rows(name: str) -> list[dict]:
        query = internal_query(name) if name == "source-titles" else get(name)
        # no label columns from execute: they would label every IRI column and title every source
        # of every row (all 18,674 documents' titles, twice, at a million triples); the four
        # columns shown are labelled below, in ``lang``, as execute would label them
        return execute(store, query, lang=lang, timeout=None, labels=False).rows

    money, people = rows("funding-details"), rows("people")
    shown = {"funding-details": ("initiative", "funder"), "people": ("person", "organisation")}
    every = sorted(
        {row[c] for name, found in (("funding-details", money), ("people", people)) for row in found
         for c in shown[name] if isinstance(row.get(c), URIRef)}
    )  # fmt: skip
    found = labels_of(store, every, lang)
    for name, table in (("funding-details", money), ("people", people)):
        for row in table:
            for column in shown[name]:
                if isinstance(row.get(column), URIRef):
                    row[f"{column}Label"] = found.get(row[column]) or short_iri(row[column])
    fundings = [
        {
            "initiative": _text(row.get("initiative")),
            "initiative_label": _text(row.get("initiativeLabel")),
            "funder": _text(row.get("funder")),
            "funder_label": _text(row.get("funderLabel")),
            "amount": _amount(row.get("amount")),
            "per_year": _amount(row.get("perYear")),
            "approximate": _text(row.get("approximate")) == "true",
            "currency": _text(row.get("currency")),
            "kinds": split_tagged(_text(row.get("kinds"))),
            "sources": _text(row.get("sources")).split(),
        }
        for row in money
    ]
    sources: dict[str, dict] = {}
    for row in rows("source-titles"):  # one row per title of a document
        entry = sources.setdefault(
            _text(row.get("id")),
            {"titles": [], "issued": _text(row.get("issued"))[:10], "language": _text(row.get("language"))},
        )
        title = row.get("title")
        if title is not None:
            entry["titles"].append([str(title), getattr(title, "language", None) or ""])
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
    return {"fundings": fundings, "sources": sources, "posts": posts}
