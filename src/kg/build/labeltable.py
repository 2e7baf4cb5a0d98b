"""The label table: every label and source title the query path shows, written by the build beside
``graph.trig`` (``OUT/labels.sqlite``), so that ``kg query`` labels its rows by SQLite lookups
instead of Oxigraph reads (at a million triples 0.3–2.9 s of CPU per query, see bench/RESULTS.md).

Two tables, each holding exactly the distinct rows of one of the query path's internal queries
(:func:`kg.query.sparql.labels_by_text`, :func:`kg.query.sparql.source_titles`), read from the
union of the named graphs:

- ``labels (iri, lang, label)``: every ``rdfs:label``, ``skos:prefLabel`` and ``dcterms:title``
  literal of an IRI (``internal/labels.rq``); ``lang`` is the language tag, ``''`` for none;
- ``titles (doc, id, title, lang, issued)``: every source document's identifier, title and issue
  date, and the reference dataset's labels (``internal/source-titles.rq``); ``issued`` is ``NULL``
  when the document has none.

The reader chooses the preferred language exactly as the Oxigraph path does, so both give the same
labels (a test compares them on the shipped data and on a 1M-triple build's queries).

**Staying right.** A full build writes a new file from the validated store and moves it into place
(:func:`write_new`). A rebuild recomputes, from the store as it is now, the rows of every subject
that has a label, title, identifier, issue date or source-document type in the old or new version
of a changed graph, and replaces those rows in one transaction (:func:`update`): the table then
equals a full build's (a test changes a label, adds a source and deletes one). ``kg all``, which
stores its analysis in the graph, rewrites the table from the store (:func:`rewrite`).

**Which table is current.** The table records the size and modification time (ns) of the
``graph.trig`` it describes, as ``manifest.json`` does for the store; the build writes it after
``graph.trig`` and before the manifest. :func:`kg.query.labeltable.open_for` gives ``None`` (the query path then
reads Oxigraph as before) when the file is missing (an older build), of another format, or describes
another ``graph.trig``.

>>> import tempfile
>>> from kg.query.stores import OxigraphStore
>>> store = OxigraphStore.from_file(tempfile.mkstemp(suffix=".trig")[1])
>>> store.update('INSERT DATA { GRAPH <urn:g> { <urn:x> rdfs:label "Pajala"@sv, "Pajala"@fi, "Bajil"@se } }')
>>> labels, titles = rows(store)
>>> sorted(labels)
[('urn:x', 'fi', 'Pajala'), ('urn:x', 'se', 'Bajil'), ('urn:x', 'sv', 'Pajala')]
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kg.core.atomic import replace_database
from kg.query.labeltable import FILE, VERSION, graph_stamp, open_for

__all__ = ["FILE", "affected", "open_for", "rewrite", "rows", "update", "write_new"]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE labels (iri TEXT NOT NULL, lang TEXT NOT NULL, label TEXT NOT NULL,
    PRIMARY KEY (iri, lang, label)) WITHOUT ROWID;
CREATE TABLE titles (doc TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, lang TEXT NOT NULL, issued TEXT);
CREATE INDEX titles_id ON titles (id);
CREATE INDEX titles_doc ON titles (doc);
"""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABELLING = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://purl.org/dc/terms/title",
}
_TITLING = _LABELLING | {"http://purl.org/dc/terms/identifier", "http://purl.org/dc/terms/issued"}
_DOCUMENT_CLASSES = {"https://w3id.org/samverkan/def#SourceDocument", "https://w3id.org/samverkan/def#ReferenceDataset"}
_BATCH = 500  # IRIs bound per lookup when a rebuild recomputes rows
_UNSAFE = re.compile(r"[\s<>\"{}|^`\\]")

LabelRow = tuple[str, str, str]  # iri, lang ('' for none), label
TitleRow = tuple[str, str, str, str, str | None]  # doc, id, title, lang, issued


def _queries() -> tuple[str, str]:
    from kg.query.sparql import internal_query

    titles = internal_query("source-titles").text.replace("SELECT ?id", "SELECT ?doc ?id", 1)
    return internal_query("labels").text, titles


def _bound(text: str, variable: str, iris: list[str]) -> str:
    """``text`` with ``?variable`` bound to ``iris``: in each branch of the titles query's UNION (bound
    outside it, Oxigraph reads every document first: 4 s against 0.01 s at 1M triples)."""
    block = f"VALUES ?{variable} {{ {' '.join(f'<{i}>' for i in iris)} }}\n    "
    if variable == "doc":
        for branch in ("?doc a kg:SourceDocument ;", "?doc a kg:ReferenceDataset ;"):
            assert branch in text, branch  # the internal query's shape (a test builds and rebuilds with it)
            text = text.replace(branch, block + branch, 1)
        return text
    return text.replace("WHERE {", "WHERE {\n  " + block, 1)


def rows(store, subjects: list[str] | None = None) -> tuple[set[LabelRow], set[TitleRow]]:
    """The label and title rows of ``store`` (a :class:`kg.query.stores.Store`), of every subject or,
    with ``subjects`` (IRIs as text), of those only; read as the engine gives them (:mod:`kg.query.native`)."""
    from kg.query import native

    labels_text, titles_text = _queries()
    if subjects is None:
        parts = [(labels_text, titles_text)]
    else:
        subjects = sorted(s for s in subjects if not _UNSAFE.search(s))
        parts = [
            (_bound(labels_text, "iri", chunk), _bound(titles_text, "doc", chunk))
            for chunk in (subjects[at : at + _BATCH] for at in range(0, len(subjects), _BATCH))
        ]
    labels: set[LabelRow] = set()
    titles: set[TitleRow] = set()
    for label_query, title_query in parts:
        variables, found = store.solutions(label_query)
        at_iri, at_label = variables.index("iri"), variables.index("label")
        for row in found:
            iri, label = row[at_iri], row[at_label]
            if native.kind(iri) == "iri" and native.kind(label) == "literal":
                labels.add((native.text(iri), native.language(label) or "", native.text(label)))
        variables, found = store.solutions(title_query)
        at = [variables.index(v) for v in ("doc", "id", "title", "issued")]
        for row in found:
            doc, key, title, issued = (row[i] for i in at)
            if native.kind(doc) != "iri":
                continue  # a blank node cannot be looked up again by a rebuild
            titles.add(
                (
                    native.text(doc),
                    native.text(key),
                    native.text(title),
                    native.language(title) or "",
                    native.text(issued) if issued is not None else None,
                )
            )
    return labels, titles


def affected(quads: Iterable) -> list[str]:
    """The subjects (IRIs as text) whose rows may differ when ``quads`` (pyoxigraph quads: the old
    and new contents of the changed graphs) come or go."""
    found = set()
    for quad in quads:
        predicate = quad.predicate.value
        if predicate in _TITLING or (
            predicate == _RDF_TYPE and getattr(quad.object, "value", None) in _DOCUMENT_CLASSES
        ):
            subject = quad.subject
            if type(subject).__name__ == "NamedNode":
                found.add(subject.value)
    return sorted(found)


def _set_stamp(db: sqlite3.Connection, out: Path) -> None:
    size, mtime = graph_stamp(out)
    db.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("version", VERSION), ("graph_size", size), ("graph_mtime_ns", mtime)],
    )


def write_new(out: Path, store) -> None:
    """Write ``OUT/labels.sqlite`` from ``store`` (the build's validated store), after ``OUT/graph.trig``
    was written; moved into place atomically."""
    labels, titles = rows(store)
    fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{FILE}.", suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)  # SQLite creates it
    try:
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            db.executescript(_SCHEMA)
            db.execute("BEGIN")
            db.executemany("INSERT INTO labels VALUES (?, ?, ?)", sorted(labels))
            db.executemany("INSERT INTO titles VALUES (?, ?, ?, ?, ?)", sorted(titles, key=_title_key))
            _set_stamp(db, out)
            db.execute("COMMIT")
        finally:
            db.close()
        replace_database(tmp, out / FILE)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _title_key(row: TitleRow) -> tuple:
    return (*row[:4], row[4] or "")


def update(out: Path, store, quads: Iterable, previous: dict | None) -> None:
    """Bring ``OUT/labels.sqlite`` up to date after a rebuild replaced some graphs of ``store`` and
    rewrote ``OUT/graph.trig``: ``quads`` are the old and new quads of those graphs, ``previous`` the
    ``graph_file`` entry of the manifest before the rebuild (``{"size": ..., "mtime_ns": ...}``, what
    the store held until now). The rows of every affected subject are read again from the store and
    replaced in one transaction. When the table did not describe the store before (an older build
    without one, a ``graph.trig`` rewritten without the store) the whole table is written anew."""
    path = out / FILE
    table = open_for(out, stamp=False)
    if table is None or table.stamp != (str((previous or {}).get("size")), str((previous or {}).get("mtime_ns"))):
        if table is not None:
            table.close()
        write_new(out, store)
        return
    table.close()
    subjects = affected(quads)
    labels, titles = rows(store, subjects) if subjects else (set(), set())
    db = sqlite3.connect(str(path), isolation_level=None)
    try:
        db.execute("BEGIN")
        try:
            for at in range(0, len(subjects), _BATCH):
                chunk = subjects[at : at + _BATCH]
                marks = ",".join("?" * len(chunk))
                db.execute(f"DELETE FROM labels WHERE iri IN ({marks})", chunk)
                db.execute(f"DELETE FROM titles WHERE doc IN ({marks})", chunk)
            db.executemany("INSERT OR IGNORE INTO labels VALUES (?, ?, ?)", sorted(labels))
            db.executemany("INSERT INTO titles VALUES (?, ?, ?, ?, ?)", sorted(titles, key=_title_key))
            _set_stamp(db, out)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.close()


def rewrite(out: Path, store) -> None:
    """Write the table anew from ``store`` (``kg all`` after storing its analysis in the graph)."""
    write_new(out, store)
