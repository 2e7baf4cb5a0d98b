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


def report(build: Path) -> list[dict]:
    """The manifest's findings; blank-node shape identifiers (new at every run) and paths as file names."""
    rows = json.loads((build / "manifest.json").read_text(encoding="utf-8"))["report"]
    for row in rows:
        if re.fullmatch(r"n[0-9a-f]{30,}", row.get("shape") or ""):
            row["shape"] = "_:shape"
        row["files"] = [Path(f).name for f in row.get("files", [])]
    return rows


def content(build: Path) -> tuple[int, set[str], set[str]]:
    """The store's quad count, its quads without blank nodes, and the others canonicalised."""
    store = ox.Store.read_only(str(build / "store"))
    plain, blank = set(), []
    for quad in store:
        if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
            blank.append(quad)
        else:
            plain.add(str(quad))
    dataset = ox.Dataset(blank)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return len(store), plain, {str(q) for q in dataset}


def main(a: Path, b: Path) -> bool:
    trig = filecmp.cmp(a / "graph.trig", b / "graph.trig", shallow=False)
    findings = report(a) == report(b)
    (count_a, plain_a, blank_a), (count_b, plain_b, blank_b) = content(a), content(b)
    print(f"graph.trig identical: {trig}")
    print(f"report identical: {findings} ({len(report(a))} findings)")
    print(f"store: {count_a} / {count_b} quads; without blank nodes identical: {plain_a == plain_b}; "
          f"blank-node quads identical after canonicalisation: {blank_a == blank_b} ({len(blank_a)})")  # fmt: skip
    return trig and findings and count_a == count_b and plain_a == plain_b and blank_a == blank_b


if __name__ == "__main__":
    sys.exit(0 if main(Path(sys.argv[1]), Path(sys.argv[2])) else 1)
