"""Compare two builds of the same data (bench/build_sbs.sh): graph.trig bytes, the manifest's report
and triple count, and the on-disk stores' content (every quad; blank-node quads after canonicalisation).
Exit status 1 when any differs.

Usage: python bench/build_compare.py BUILD_A BUILD_B
"""

from __future__ import annotations

import filecmp
import json
import re
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


def main(a: Path, b: Path) -> bool:
    trig = filecmp.cmp(a / "graph.trig", b / "graph.trig", shallow=False)
    findings = report(a) == report(b)
    (count_a, quads_a), (count_b, quads_b) = content(a), content(b)
    blank = sum(1 for quad in quads_a if "_:" in quad)
    print(f"graph.trig identical: {trig}")
    print(f"report identical: {findings} ({len(report(a))} findings)")
    print(f"store: {count_a} / {count_b} quads; identical after canonicalising blank nodes: {quads_a == quads_b} "
          f"({blank} quads with blank nodes)")  # fmt: skip
    return trig and findings and count_a == count_b and quads_a == quads_b


if __name__ == "__main__":
    sys.exit(0 if main(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
