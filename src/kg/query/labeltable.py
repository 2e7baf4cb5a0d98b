"""Reading the label table the build writes beside ``graph.trig`` (``labels.sqlite``; written and kept
right by :mod:`kg.build.labeltable`, whose docstring describes it): the label and title rows of given
IRIs and source identifiers, for :func:`kg.query.sparql.labels_by_text` and
:func:`kg.query.sparql.source_titles`, which choose among them as they do among Oxigraph's rows.

A table is used only beside the build's on-disk store (:func:`of_store`) and only when it describes
``graph.trig`` as it is now (:func:`open_for`), the file the store was checked against.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

FILE = "labels.sqlite"
GRAPH_FILE = "graph.trig"
VERSION = "1"

LabelRow = tuple[str, str, str]  # iri, lang ('' for none), label


def graph_stamp(out: Path | str) -> tuple[str, str]:
    """The size and modification time (ns) of ``OUT/graph.trig``, as text: what a table records."""
    stat = (Path(out) / GRAPH_FILE).stat()
    return str(stat.st_size), str(stat.st_mtime_ns)


class LabelTable:
    """An open ``labels.sqlite`` (read-only): the rows of given IRIs and source identifiers."""

    def __init__(self, db: sqlite3.Connection, stamp: tuple[str, str]) -> None:
        self.db = db
        #: the size and modification time (ns, as text) of the ``graph.trig`` the table describes
        self.stamp = stamp

    def labels(self, iris: Iterable[str]) -> Iterable[LabelRow]:
        """The rows ``(iri, lang, label)`` of ``iris`` (``lang`` ``''`` for none), in no order."""
        return self._select("SELECT iri, lang, label FROM labels WHERE iri IN (SELECT value FROM json_each(?))", iris)

    def titles(self, ids: Iterable[str] | None) -> Iterable[tuple[str, str, str, str | None]]:
        """The rows ``(id, title, lang, issued)`` of the source identifiers ``ids`` (``None``: all)."""
        if ids is None:
            return self.db.execute("SELECT id, title, lang, issued FROM titles")
        return self._select(
            "SELECT id, title, lang, issued FROM titles WHERE id IN (SELECT value FROM json_each(?))", ids
        )

    def _select(self, text: str, keys: Iterable[str]):
        import json

        return self.db.execute(text, (json.dumps(list(keys)),))

    def close(self) -> None:
        self.db.close()


def open_for(out: Path | str, *, stamp: bool = True) -> LabelTable | None:
    """The label table of the build in ``out`` when it describes ``out/graph.trig`` as it is now
    (``stamp=False``: whatever graph file), else ``None``: no table (an older build), another
    format, unreadable, or written for another ``graph.trig``."""
    path = Path(out) / FILE
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("version") != VERSION:
            raise sqlite3.DatabaseError("another format")
        written = (meta.get("graph_size"), meta.get("graph_mtime_ns"))
        if stamp and written != graph_stamp(out):
            raise sqlite3.DatabaseError("written for another graph.trig")
    except (sqlite3.Error, OSError):
        db.close()
        return None
    return LabelTable(db, written)


def of_store(store) -> LabelTable | None:
    """The label table beside the build's on-disk store that ``store`` is (opened by
    :func:`kg.build.graph.open_built_store`, which checked that the store holds ``graph.trig``'s
    dataset), opened once and kept on the store; ``None`` for any other store."""
    folder = getattr(store, "folder", None)
    if folder is None:
        return None
    if not hasattr(store, "_label_table"):
        table = store._label_table = open_for(Path(folder).parent)
        if table is not None and hasattr(store, "closing"):
            store.closing(table.close)
    return store._label_table
