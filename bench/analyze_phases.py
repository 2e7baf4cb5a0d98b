"""``kg analyze``'s steps at one build, CPU and wall seconds each, in one process: where the time goes.

``python bench/analyze_phases.py BUILD/graph.trig``

The steps of ``kg analyze`` with its defaults (``--network actors --lang sv --format json``), in its
order. CPU is this process's (the ties and labels read by child processes, and label propagation and
the centrality measures computed by a forked child beside Louvain, are not in it; their wall time is).
Printed: one line per step, then (in brackets, not in the sum) Louvain, label propagation and the
centrality measures timed apart, one after the other, in this process: what ``analyze()`` overlaps.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    graph = Path(sys.argv[1])
    spent: dict[str, tuple[float, float]] = {}
    last = [time.process_time(), time.perf_counter()]

    def tick(name: str) -> None:
        cpu, wall = time.process_time(), time.perf_counter()
        spent[name] = (cpu - last[0], wall - last[1])
        last[:] = [cpu, wall]

    from kg.analysis import analyze as analysis_module
    from kg.analysis import stored
    from kg.analysis.network import bipartite_graph, project
    from kg.build.graph import open_source

    tick("imports")
    key = stored.graph_key(graph)
    dataset = open_source(graph, use_store=True)
    tick("graph key + open the store")
    bipartite = bipartite_graph(dataset, None, "sv", details=False)
    dataset.close()
    tick("read the network + bipartite graph")
    actors = project(bipartite)
    actors.graph["kind"] = "actors"
    tick("projection")
    result = analysis_module.analyze(actors, bipartite)
    tick("analyze()")
    params = {"network": "actors", "year": None, "seed": analysis_module.SEED, "lang": "sv"}
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "graph.trig"
        copy.symlink_to(graph.resolve())
        stored.save(copy, key, params, result)
    tick("store the analysis")
    result.to_json()
    tick("the JSON report")
    # the parts analyze() overlaps: Louvain here, label propagation and the centrality measures in the child
    nodes, edges = analysis_module._ordered(actors)
    indexed = analysis_module._weighted(nodes, edges)
    tick("(the weighted graph again)")
    analysis_module._louvain(nodes, indexed, analysis_module.SEED)
    tick("(Louvain + its modularity, in the parent)")
    analysis_module._label_propagation(indexed, analysis_module.SEED)
    tick("(label propagation + modularity, child)")
    degree = {n: indexed.degree(i) / (len(nodes) - 1.0) for i, n in enumerate(nodes)}
    weighted = {n: indexed.degree(i, weight="weight") for i, n in enumerate(nodes)}
    analysis_module._centrality(nodes, edges, degree, weighted, analysis_module.SEED)
    tick("(betweenness + eigenvector, child)")
    for name, (cpu, wall) in spent.items():
        print(f"{name:40s} CPU {cpu:6.2f}  wall {wall:6.2f}")
    once = [v for k, v in spent.items() if not k.startswith("(")]
    cpu, wall = sum(c for c, _ in once), sum(w for _, w in once)
    print(f"{'sum (the parts in brackets not counted)':40s} CPU {cpu:6.2f}  wall {wall:6.2f}")


if __name__ == "__main__":
    main()
