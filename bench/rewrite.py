"""The shipped queries' SPARQL before and after a rewrite, side by side in raw Oxigraph on one store.

For each query, its text at ``--base`` (a git revision) and in this checkout, parameters bound as in
:mod:`bench.queries`, each run in the same process on ``BUILD/store`` opened read-only, default graph
as the union (as ``kg query`` runs them), reading every solution; CPU seconds (user + system of the
process, median of ``--repeat`` runs, the two texts alternating) with and without the query's final
top-level ``ORDER BY`` (the command line may sort in Python instead). *same rows*: without ``ORDER BY``
the two multisets of rows are equal, with it the two lists (GROUP_CONCAT items compared sorted, as
``kg query`` prints them).

Run: ``python bench/rewrite.py BUILD_DIR [--base REV] [--repeat 3] [--only NAME ...] [--no-order-only]``.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BASE = "289d967"  # main when this round of query rewriting started

sys.path.insert(0, str(HERE))
from queries import params_for  # noqa: E402  (the same parameters as the engine benchmark)


def without_order_by(text: str) -> str:
    """The query without its final top-level ``ORDER BY`` clause (the last line(s) of a shipped query)."""
    found = list(re.finditer(r"(?im)^ORDER\s+BY\b[^\n]*$", text))
    return text[: found[-1].start()] + text[found[-1].end() :] if found else text


def normalised(value) -> str:
    text = str(value)
    return "\x1f".join(sorted(text.split("\x1f"))) if "\x1f" in text else text


def run(store, text: str) -> tuple[float, list[tuple]]:
    started = time.process_time()
    rows = [tuple(normalised(v) if v is not None else None for v in solution) for solution in store.query(
        text, use_default_graph_as_union=True)]  # fmt: skip
    return time.process_time() - started, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--base", default=BASE)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--no-order-only", action="store_true", help="only the texts without ORDER BY")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    import pyoxigraph as ox

    from kg.query.binding import bind_values, with_prefixes
    from kg.query.library import available
    from kg.query.sparql import bindings, unit_separated
    from kg.query.stores import OxigraphStore

    store = ox.Store.read_only(str(args.build / "store"))
    resolver = OxigraphStore(store)
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    for name, query in sorted(available().items()):
        if args.only and name not in args.only:
            continue
        old = subprocess.run(
            ["git", "-C", str(REPO), "show", f"{args.base}:queries/{name}.rq"], capture_output=True, text=True
        ).stdout
        bound = bindings(query, params_for(query), resolver, "sv")
        sides = (("before", old), ("after", query.text))
        texts = {side: with_prefixes(bind_values(unit_separated(t), bound)) for side, t in sides}
        variants = [("no ORDER BY", without_order_by)] + ([] if args.no_order_only else [("full", lambda t: t)])
        for label, change in variants:
            cpu: dict[str, list[float]] = {"before": [], "after": []}
            rows: dict[str, list] = {}
            for _ in range(args.repeat):
                for side in ("before", "after"):
                    seconds, rows[side] = run(store, change(texts[side]))
                    cpu[side].append(seconds)
            if label == "full":
                same = rows["before"] == rows["after"]
            else:
                same = Counter(rows["before"]) == Counter(rows["after"])
            b, a = statistics.median(cpu["before"]), statistics.median(cpu["after"])
            print(
                f"{name} [{label}]: before {b:.2f} s, after {a:.2f} s CPU ({b / max(a, 1e-9):.1f}×), "
                f"rows {len(rows['before'])} / {len(rows['after'])}, same {same}",
                flush=True,
            )


if __name__ == "__main__":
    main()
