"""Benchmark of ``kg analyze`` and ``kg viz``: networkx alone against this project's measures, side by side.

For each built graph (``kg synth --triples N --seed 7`` then ``kg build``; give the build folders) it
measures, in this one process, wall and CPU seconds of:

- reading the networks from the store (``bipartite_graph`` + ``project``: the SPARQL queries ``nodes``
  and ``ties``; the same for both sides);
- each measure of the analysis with networkx only (as before issue 22: networkx's betweenness, exact up
  to 2,000 nodes and sampled with 200 pivots above, and its power iteration for eigenvector centrality)
  and with :mod:`kg.analysis.measures` (rustworkx exact betweenness while it fits the work budget of
  :data:`kg.analysis.analyze.EXACT_BETWEENNESS_WORK`, else the same 200 pivots on a sparse matrix; scipy
  power iteration), with the largest difference between the two;
- Louvain and the cross-check (the same code on both sides);
- the whole :func:`kg.analysis.analyze.analyze` both ways;

and, as child processes, the commands ``kg analyze`` (which stores the analysis for ``kg viz``), ``kg viz``
reusing it, and ``kg viz`` after the graph changed (the stored analysis is then not used).

Run: ``python bench/analysis.py BUILD_DIR [BUILD_DIR ...] [--output FILE] [--nodes-query FILE]`` (each BUILD_DIR holds
graph.trig); it prints a Markdown table per size and the growth exponents between sizes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import resource
import subprocess
import sys
import time
import types
from pathlib import Path

import networkx as nx

from kg.analysis import analyze as analysis_module
from kg.analysis import measures
from kg.analysis.network import bipartite_graph, project
from kg.build.graph import open_source


class Clock:
    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu


def timed(function, *args, **kwargs):
    with Clock() as clock:
        value = function(*args, **kwargs)
    return value, clock


def child(args: list[str]) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"wall": wall, "cpu": cpu, "code": proc.returncode, "err": proc.stderr[-2000:]}


# runs a kg command with the nodes query read from another file (see --nodes-query)
_PATCHED = """
import sys
import kg.analysis.network as network
original = network.get
nodes_file = sys.argv[1]
network.get = lambda name, folder=None: original(nodes_file if name == "nodes" else name, folder)
sys.argv = ["kg", *sys.argv[2:]]
from kg.cli import main
main()
"""
NODES_QUERY: str | None = None


def kg_command(*args: str) -> list[str]:
    if NODES_QUERY:
        return [sys.executable, "-c", _PATCHED, NODES_QUERY, *args]
    return [sys.executable, "-m", "kg", *args]


def use_nodes_query(path: str) -> None:
    """Read the networks' nodes with the query in ``path`` instead of the shipped ``nodes`` query."""
    import kg.analysis.network as network

    global NODES_QUERY
    NODES_QUERY = path
    original = network.get
    network.get = lambda name, folder=None: original(path if name == "nodes" else name, folder)


def networkx_only():
    """The analysis as before issue 22: networkx's own measures and thresholds."""
    fake = types.SimpleNamespace(
        betweenness_centrality=lambda g, k=None, seed=None: nx.betweenness_centrality(g, k=k, seed=seed),
        eigenvector_centrality=nx.eigenvector_centrality,
    )
    return fake


def differences(a: dict, b: dict) -> float:
    return max((abs(a[v] - b[v]) for v in a if a[v] == a[v] and b[v] == b[v]), default=0.0)


def measure_size(build: Path, rows: list[dict]) -> None:
    graph_file = build / "graph.trig"
    summary = json.loads((build.parent / "data" / "synth.json").read_text()) if (build.parent / "data").exists() else {}
    size = summary.get("triples", 0)
    ds, t_open = timed(open_source, graph_file, None, None)
    bip, t_bip = timed(bipartite_graph, ds, None, "sv")
    actors, t_proj = timed(project, bip)
    g = analysis_module._sorted_copy(actors)
    n, m = g.number_of_nodes(), g.number_of_edges()
    print(f"== {size:,} triples: {n} actors, {m} ties", flush=True)

    def row(step, before, after, note=""):
        rows.append({"triples": size, "nodes": n, "edges": m, "step": step, "before": before, "after": after,
                     "note": note})  # fmt: skip
        b = f"{before.wall:7.2f} s wall {before.cpu:7.2f} s CPU" if before else " " * 30
        a = f"{after.wall:7.2f} s wall {after.cpu:7.2f} s CPU" if after else ""
        print(f"{step:42} {b} | {a} {note}", flush=True)

    row("open graph.trig", t_open, t_open, "same code")
    rows.append({"triples": size, "nodes": n, "edges": m, "step": "networks from the store (queries nodes, ties)",
                 "before": t_bip, "after": t_bip, "note": "same code; project: "
                 f"{t_proj.wall:.2f} s"})  # fmt: skip
    print(f"bipartite {t_bip.wall:.2f} s ({t_bip.cpu:.2f} CPU), project {t_proj.wall:.2f} s", flush=True)
    k = min(analysis_module.BETWEENNESS_SAMPLES, n)
    # betweenness, as before: exact up to 2,000 nodes, else 200 pivots
    old_exact = n <= 2000
    nx_b, t_nxb = timed(nx.betweenness_centrality, g, k=None if old_exact else k, seed=analysis_module.SEED)
    work = n * (n + m)
    new_exact = n <= analysis_module.EXACT_BETWEENNESS_MAX and work <= analysis_module.EXACT_BETWEENNESS_WORK
    my_b, t_myb = timed(measures.betweenness_centrality, g, k=None if new_exact else k, seed=analysis_module.SEED)
    note = f"networkx {'exact' if old_exact else f'k={k}'}, ours {'exact (rustworkx)' if new_exact else f'k={k}'}"
    if old_exact == new_exact:
        note += f"; largest difference {differences(nx_b, my_b):.1e}"
    row("betweenness", t_nxb, t_myb, note)
    if not old_exact:  # the same 200 pivots both ways
        same, t_same = timed(measures.betweenness_centrality, g, k=k, seed=analysis_module.SEED)
        row(f"betweenness, {k} pivots both", t_nxb, t_same, f"largest difference {differences(nx_b, same):.1e}")
    if not new_exact and work <= 1_000_000_000:  # what exact would cost (if it takes under a minute)
        _, t_rx = timed(measures.betweenness_centrality, g)
        row("betweenness exact (rustworkx), for scale", None, t_rx, f"n x (n + m) = {work:.2g}")
    nx_e, t_nxe = timed(nx.eigenvector_centrality, g, weight="weight", max_iter=2000, tol=1e-8)
    my_e, t_mye = timed(measures.eigenvector_centrality, g, weight="weight", max_iter=2000, tol=1e-8)
    row("eigenvector", t_nxe, t_mye, f"largest difference {differences(nx_e, my_e):.1e}")
    _, t_lou = timed(analysis_module.communities, g)
    row("Louvain (+ modularity)", t_lou, t_lou, "same code")
    original = analysis_module.measures
    analysis_module.measures = networkx_only()
    saved = analysis_module.EXACT_BETWEENNESS_MAX, analysis_module.EXACT_BETWEENNESS_WORK
    analysis_module.EXACT_BETWEENNESS_MAX, analysis_module.EXACT_BETWEENNESS_WORK = 2000, float("inf")
    try:
        before, t_before = timed(analysis_module.analyze, actors, bip)
    finally:
        analysis_module.measures = original
        analysis_module.EXACT_BETWEENNESS_MAX, analysis_module.EXACT_BETWEENNESS_WORK = saved
    after, t_after = timed(analysis_module.analyze, actors, bip)
    same_clusters = [c.members for c in before.clusters] == [c.members for c in after.clusters]
    row("analyze() in-process", t_before, t_after, f"clusters identical: {same_clusters}")
    # the commands
    out = build / "bench-analysis.json"
    first = child(kg_command("analyze", "--graph", str(graph_file), "--format", "json", "--out", str(out)))
    rows.append({"triples": size, "nodes": n, "edges": m, "step": "`kg analyze` (stores the analysis)",
                 "before": None, "after": first, "note": ""})  # fmt: skip
    page = build / "bench-network.html"
    viz = child(kg_command("viz", "--graph", str(graph_file), "--color-by", "cluster", "--out", str(page)))
    rows.append({"triples": size, "nodes": n, "edges": m, "step": "`kg viz --color-by cluster` (stored analysis)",
                 "before": None, "after": viz, "note": ""})  # fmt: skip
    print(f"kg analyze {first['wall']:.2f} s ({first['cpu']:.2f} CPU) code {first['code']}; "
          f"kg viz {viz['wall']:.2f} s ({viz['cpu']:.2f} CPU) code {viz['code']}", flush=True)  # fmt: skip
    for extra in (out, page):
        extra.unlink(missing_ok=True)


def fmt(value) -> str:
    if value is None:
        return "–"
    wall = value["wall"] if isinstance(value, dict) else value.wall
    cpu = value["cpu"] if isinstance(value, dict) else value.cpu
    return f"{wall:.2f} s ({cpu:.2f} s CPU)"


def cpu_of(value) -> float | None:
    if value is None:
        return None
    return value["cpu"] if isinstance(value, dict) else value.cpu


def table(rows: list[dict]) -> str:
    lines = []
    sizes = sorted({r["triples"] for r in rows})
    for size in sizes:
        subset = [r for r in rows if r["triples"] == size]
        lines += [f"### {size:,} triples ({subset[0]['nodes']:,} actors, {subset[0]['edges']:,} ties)", "",
                  "| step | networkx only | this project | ratio (CPU) | note |", "|---|---|---|---|---|"]  # fmt: skip
        for r in subset:
            b, a = cpu_of(r["before"]), cpu_of(r["after"])
            ratio = f"{b / a:.1f}×" if b and a and r["before"] is not r["after"] else "–"
            lines.append(f"| {r['step']} | {fmt(r['before'])} | {fmt(r['after'])} | {ratio} | {r['note']} |")
        lines.append("")
    if len(sizes) > 1:
        lines += ["Growth exponents of CPU time (this project), log(t2/t1) / log(N2/N1) between sizes:", "",
                  "| step | " + " | ".join(f"{a:,} → {b:,}" for a, b in itertools.pairwise(sizes)) + " |",
                  "|---|" + "---|" * (len(sizes) - 1)]  # fmt: skip
        for step in dict.fromkeys(r["step"] for r in rows):
            cells = []
            for a, b in itertools.pairwise(sizes):
                ra = next((r for r in rows if r["triples"] == a and r["step"] == step), None)
                rb = next((r for r in rows if r["triples"] == b and r["step"] == step), None)
                ta, tb = cpu_of(ra["after"]) if ra else None, cpu_of(rb["after"]) if rb else None
                cells.append(f"{math.log(tb / ta) / math.log(b / a):.2f}" if ta and tb and ta > 0.01 else "–")
            lines.append(f"| {step} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("builds", type=Path, nargs="+", help="build folders (each holds graph.trig)")
    parser.add_argument("--output", type=Path, default=None, help="also write the Markdown table here")
    parser.add_argument(
        "--nodes-query",
        default=None,
        help="read the networks' nodes with this .rq file instead of the shipped nodes query (everywhere)",
    )
    args = parser.parse_args()
    if args.nodes_query:
        use_nodes_query(args.nodes_query)
    rows: list[dict] = []
    for build in args.builds:
        measure_size(build, rows)
    text = table(rows)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
