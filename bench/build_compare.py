"""Compare two builds of the same data (bench/build_sbs.sh): graph.trig bytes, the manifest's report
and triple count, the on-disk stores' content (every quad; blank-node quads after canonicalisation),
every row of labels.sqlite and manifest.sqlite and the fields of manifest.json (the build's random
token, graph.trig's modification time and the rows of the shipped ontology files, whose paths differ
between two checkouts, aside). Exit status 1 when any differs.

Usage: python bench/build_compare.py BUILD_A BUILD_B
"""

from __future__ import annotations

import filecmp
import json
import re
import sqlite3
import sys
from pathlib import Path

import pyoxigraph as ox

from kg.query.stores import canonical_quads


def report(build: Path) -> list[dict]:
    """The manifest's findings; blank-node shape identifiers (new at every run) and paths as file names."""
    rows = json.loads((build / "manifest.json").read_text(encoding="utf-8"))["report"]
    for row in rows:
        if re.fullmatch(r"n[0-9a-f]{30,}", row.get("shape") or ""):
            row["shape"] = "_:shape"
        row["files"] = [Path(f).name for f in row.get("files", [])]
    return rows


def content(build: Path) -> tuple[int, set[str]]:
    """The store's quad count and its quads, blank nodes canonicalised (kg.query.stores.canonical_quads)."""
    store = ox.Store.read_only(str(build / "store"))
    return len(store), canonical_quads(store)


def table_rows(path: Path, skip: tuple[str, ...]) -> dict[str, list[str]]:
    """Every row of every table of an SQLite file, as sorted text, less the rows that hold one of ``skip``."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows = {name: sorted(map(repr, db.execute(f"SELECT * FROM {name}"))) for name in names}
    finally:
        db.close()
    return {name: [r for r in found if not any(s in r for s in skip)] for name, found in rows.items()}


def manifest_fields(build: Path) -> dict:
    fields = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    fields.pop("token", None)
    (fields.get("graph_file") or {}).pop("mtime_ns", None)
    (fields.get("records") or {}).pop("token", None)
    return fields


def tables(a: Path, b: Path) -> bool:
    same = True
    for name, skip in (("labels.sqlite", ("graph_mtime_ns",)), ("manifest.sqlite", ("'token'", "/ontology/"))):
        if not (a / name).exists() and not (b / name).exists():
            continue
        rows_a, rows_b = table_rows(a / name, skip), table_rows(b / name, skip)
        sizes = ", ".join(f"{table} {len(rows)}" for table, rows in rows_a.items())
        print(f"{name} identical: {rows_a == rows_b} ({sizes} rows)")
        same = same and rows_a == rows_b
    fields = manifest_fields(a) == manifest_fields(b)
    print(f"manifest.json identical (token and graph.trig's time aside): {fields}")
    return same and fields


def main(a: Path, b: Path) -> bool:
    trig = filecmp.cmp(a / "graph.trig", b / "graph.trig", shallow=False)
    findings = report(a) == report(b)
    (count_a, quads_a), (count_b, quads_b) = content(a), content(b)
    blank = sum(1 for quad in quads_a if "_:" in quad)
    print(f"graph.trig identical: {trig}")
    print(f"report identical: {findings} ({len(report(a))} findings)")
    print(f"store: {count_a} / {count_b} quads; identical after canonicalising blank nodes: {quads_a == quads_b} "
          f"({blank} quads with blank nodes)")  # fmt: skip
    rows = tables(a, b)
    return trig and findings and count_a == count_b and quads_a == quads_b and rows


if __name__ == "__main__":
    sys.exit(0 if main(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
