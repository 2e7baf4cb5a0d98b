"""``kg analyze``'s functions timed one by one in one process at one build: CPU, wall and resident memory.

``python bench/analyze_functions.py BUILD/graph.trig [--json FILE]``

The steps of ``kg analyze`` with its defaults (``--network actors --lang sv --format json``) in one
process, each function of :mod:`kg.analysis.network`, :mod:`kg.analysis.analyze` and
:mod:`kg.analysis.measures` that does a share of the work (and networkx's Louvain and label
propagation) wrapped so that every call prints a line: the nesting depth, the function, CPU seconds,
wall seconds, resident MB after it. Nested calls are inside their callers' figures. The ties are read
by a child process (``read_network``'s ``_Elsewhere``) whose CPU is not in these figures; the
command's own (``/usr/bin/time``) is. Then the totals and the peak (``ru_maxrss``). Used at ten million
triples in bench/RESULTS.md (s30-10ma), where ``bench/analyze_phases.py``'s coarser steps did not say
which part of ``analyze()`` took the time.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

CALLS: list[dict] = []
DEPTH = [0]


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def timed(module, name: str) -> None:
    """Wrap ``module.name`` (if there is one) so that each call is recorded and printed."""
    original = getattr(module, name, None)
    if original is None:
        return

    def wrapper(*args, **kwargs):
        cpu, wall = time.process_time(), time.perf_counter()
        DEPTH[0] += 1
        try:
            return original(*args, **kwargs)
        finally:
            DEPTH[0] -= 1
            call = {
                "depth": DEPTH[0],
                "function": f"{module.__name__.rsplit('.', 1)[-1]}.{name}",
                "cpu": round(time.process_time() - cpu, 3),
                "wall": round(time.perf_counter() - wall, 3),
                "rss_mb": rss_mb(),
            }
            CALLS.append(call)
            print("  " * call["depth"] + f"{call['function']:40s} CPU {call['cpu']:8.2f}  wall {call['wall']:8.2f}"
                  f"  RSS {call['rss_mb']:6d} MB", flush=True)  # fmt: skip

    setattr(module, name, wrapper)


def step(name: str, started: tuple[float, float]) -> None:
    cpu, wall = time.process_time() - started[0], time.perf_counter() - started[1]
    CALLS.append({"depth": 0, "function": name, "cpu": round(cpu, 3), "wall": round(wall, 3), "rss_mb": rss_mb()})
    print(f"{name:40s} CPU {cpu:8.2f}  wall {wall:8.2f}  RSS {rss_mb():6d} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path, help="a build's graph.trig (its on-disk store beside it)")
    parser.add_argument("--json", type=Path, default=None, help="also write the calls here")
    args = parser.parse_args()
    import networkx as nx

    from kg.analysis import analyze as analysis
    from kg.analysis import measures, network, stored
    from kg.build.graph import open_source

    for name in ("read_nodes", "read_ties", "project", "_shared_pairs", "_best_labels", "_csv_select",
                 "place_countries"):  # fmt: skip
        timed(network, name)
    for name in ("_ordered", "_weighted", "_louvain", "_label_propagation", "_centrality", "_modularity", "crossings"):
        timed(analysis, name)
    for name in ("betweenness_of_edges", "eigenvector_of_matrix", "edge_matrix"):
        timed(measures, name)
    timed(nx.community, "louvain_communities")
    begun = (time.process_time(), time.perf_counter())
    started = begun
    key = stored.graph_key(args.graph)
    step("graph key (SHA-256 of graph.trig)", started)
    started = (time.process_time(), time.perf_counter())
    dataset = open_source(args.graph, use_store=True)
    bipartite = network.bipartite_graph(dataset, None, "sv", details=False)
    dataset.close()
    step("bipartite_graph (reading included)", started)
    actors = network.project(bipartite)
    actors.graph["kind"] = "actors"
    print(f"bipartite {bipartite.number_of_nodes()} nodes, {bipartite.number_of_edges()} edges; "
          f"actors {actors.number_of_nodes()} nodes, {actors.number_of_edges()} edges", flush=True)  # fmt: skip
    started = (time.process_time(), time.perf_counter())
    result = analysis.analyze(actors, bipartite)
    step("analyze()", started)
    started = (time.process_time(), time.perf_counter())
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "graph.trig"
        copy.symlink_to(args.graph.resolve())
        stored.save(copy, key, {"network": "actors", "year": None, "seed": analysis.SEED, "lang": "sv"}, result)
    step("stored.save (hashes graph.trig again)", started)
    started = (time.process_time(), time.perf_counter())
    result.to_json()
    step("to_json (the report)", started)
    step("total", begun)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak RSS {peak} MB", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"calls": CALLS, "peak_mb": peak}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
