"""Time every shipped query on the fast store (Oxigraph, in memory, as ``kg query`` uses it) and on
rdflib's in-memory engine, with the same bound parameters, and check that both give the same rows.

``python bench/queries.py BUILD_DIR NAIVE_TIMEOUT`` prints progress and one line ``JSON={...}``:
for each query ``fast`` and ``naive`` seconds, ``naive_timed_out`` and ``same``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from kg.build.graph import read_dataset
from kg.core.errors import KgError
from kg.query.library import available
from kg.query.sparql import QueryTimeout, execute
from kg.query.stores import OxigraphStore, RdflibStore

# parameters for the queries that need one (the examples in their headers name shipped entities)
PARAMS = {"active": {"year": "2015"}, "members": {"association": "Region 10"}, "entity": {"entity": "Pajala"}}


def params_for(query) -> dict[str, str]:
    chosen = query.example_params()
    chosen.update(PARAMS.get(query.name, {}))
    return chosen


def main() -> None:
    build_dir, naive_timeout = Path(sys.argv[1]), float(sys.argv[2])
    graph_file = build_dir / "graph.trig"
    started = time.perf_counter()
    fast_store = OxigraphStore.from_file(graph_file)
    print(f"fast store loaded in {time.perf_counter() - started:.1f} s", flush=True)
    started = time.perf_counter()
    dataset = read_dataset(graph_file)  # rdflib, default graph = the union, as kg uses it
    naive_store = RdflibStore(dataset)
    print(f"rdflib dataset parsed in {time.perf_counter() - started:.1f} s", flush=True)
    timings: dict[str, dict] = {}
    for name, query in sorted(available().items()):
        params = params_for(query)
        entry: dict[str, object] = {"params": params}
        try:
            t = time.perf_counter()
            fast = execute(fast_store, query, params, timeout=None)
            entry["fast"] = time.perf_counter() - t
        except KgError as exc:  # e.g. an example entity the synthetic data does not have
            entry.update(fast=None, note=f"not run: {exc}")
            timings[name] = entry
            print(f"{name}: {exc}", flush=True)
            continue
        t = time.perf_counter()
        try:
            naive = execute(naive_store, query, params, timeout=naive_timeout)
            entry.update(naive=time.perf_counter() - t, naive_timed_out=False, same=naive.rows == fast.rows)
        except QueryTimeout:
            entry.update(naive=time.perf_counter() - t, naive_timed_out=True, same=None)
        entry["rows"] = len(fast.rows)
        timings[name] = entry
        print(f"{name}: fast {entry['fast']:.2f} s, naive {entry['naive']:.2f} s"
              f"{' (stopped)' if entry['naive_timed_out'] else ''}, rows {entry['rows']}, same {entry['same']}",
              flush=True)  # fmt: skip
    print("JSON=" + json.dumps(timings), flush=True)


if __name__ == "__main__":
    main()
