"""Benchmark: the fast stack against the naive stack, side by side in one run.

For each size (default 10k, 100k and 1M triples) it generates synthetic data (``kg synth``) and
measures wall time and peak memory (each step in a child process; peak RSS from ``wait4``) of:

- build: ``kg build --engine oxigraph --full`` vs the naive stack (rdflib parse into a Dataset,
  the rules, pyshacl on the whole graph with the ontology, TriG written by rdflib);
- incremental rebuild after one source file changes (``kg build --engine oxigraph``);
- every shipped query: on the Oxigraph store vs rdflib's in-memory engine (the same rows are
  asserted when both finish; the naive side is stopped after ``--naive-timeout`` seconds);
- ``kg analyze`` vs networkx on a graph built triple by triple from rdflib;
- ``kg viz`` (and the page size);
- ``kg --help``.

It prints ratios and writes the results (machine, date, figures, ratios) as Markdown to the file
named by ``--output`` (default ``bench-results.md`` in the working folder); only ``--write``
replaces the committed ``bench/RESULTS.md``, so a quick look never overwrites it.
Run: ``python bench/run.py [--sizes 10000 100000 1000000] [--naive-timeout 600] [--naive-query-timeout 120]
[--work DIR] [--output FILE | --write]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable


def measure(args: list[str], timeout: float | None = None, cwd: Path | None = None, env=None) -> dict:
    """Run a child process; return wall seconds, peak RSS in MB, exit code, and its output."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    timed_out = False
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        timed_out = True
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # CPU seconds: unlike wall time, not inflated by load
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # peak memory of the child: ru_maxrss of children is cumulative-max, so read it per child via /proc is
    # not possible after exit; use a wrapper that reports its own peak instead (see _PEAK below).
    text = out.decode("utf-8", "replace")
    peak = None
    for line in text.splitlines():
        if line.startswith("PEAK_RSS_KB="):
            peak = int(line.split("=", 1)[1]) / 1024
    return {"wall": wall, "cpu": cpu, "peak_mb": peak, "code": proc.returncode, "timed_out": timed_out, "output": text}


# every measured child runs through this wrapper, which prints its own peak RSS when it ends
_PEAK = textwrap.dedent(
    """
    import atexit, resource, runpy, sys
    atexit.register(lambda: print(f"PEAK_RSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True))
    mode, target, *rest = sys.argv[1:]
    sys.argv = [target, *rest]
    if mode == "module":
        runpy.run_module(target, run_name="__main__")
    else:
        runpy.run_path(target, run_name="__main__")
    """
)


def kg(*args: str, timeout=None, cwd=None) -> dict:
    return measure([PY, "-c", _PEAK, "module", "kg", *args], timeout=timeout, cwd=cwd)


def script(path: Path, *args: str, timeout=None) -> dict:
    return measure([PY, "-c", _PEAK, "script", str(path), *args], timeout=timeout)


def fmt(result: dict | None) -> str:
    if result is None:
        return "–"
    if result.get("timed_out"):
        return f"> {result['wall']:.0f} s (stopped)"
    if result.get("code"):
        return f"failed ({result['code']})"
    return f"{result['wall']:.2f} s"


def mem(result: dict | None) -> str:
    return f"{result['peak_mb']:.0f} MB" if result and result.get("peak_mb") else "–"


def ratio(naive: dict | None, fast: dict | None) -> str:
    if not naive or not fast or fast.get("code") or not fast["wall"]:
        return "–"
    sign = "≥ " if naive.get("timed_out") else ""
    if naive.get("code") and not naive.get("timed_out"):
        return "–"
    return f"{sign}{naive['wall'] / fast['wall']:.1f}×"


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_total = ""
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
        mem_total = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    import pyoxigraph
    import pyshacl
    import rdflib

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem_total,
        "python": platform.python_version(),
        "rdflib": rdflib.__version__,
        "pyshacl": pyshacl.__version__,
        "pyoxigraph": pyoxigraph.__version__,
    }


def run_size(size: int, work: Path, naive_timeout: float, query_timeout: float, rows: list[dict]) -> None:
    data = work / f"data-{size}"
    out = work / f"build-{size}"
    print(f"\n== {size:,} triples", flush=True)
    synth = kg("synth", "--triples", str(size), "--seed", "1", "--out", str(data))
    if synth["code"]:
        raise SystemExit(synth["output"])
    summary = json.loads((data / "synth.json").read_text(encoding="utf-8"))
    triples = summary.get("triples", size)

    def row(step: str, fast: dict | None, naive: dict | None = None, note: str = "") -> None:
        rows.append({"size": size, "triples": triples, "step": step, "fast": fast, "naive": naive, "note": note})
        print(f"{step:32} fast {fmt(fast):>22} {mem(fast):>8}   naive {fmt(naive):>22} {mem(naive):>8}   "
              f"{ratio(naive, fast):>8} {note}", flush=True)  # fmt: skip

    fast_build = kg("build", "--engine", "oxigraph", "--full", "--quiet", "--data", str(data), "--out", str(out))
    naive_build = script(HERE / "naive.py", "build", str(data), str(work / f"naive-{size}.trig"), timeout=naive_timeout)
    row("build (parse+derive+validate+write)", fast_build, naive_build)
    # one source file changes
    first = sorted((data / "sources").glob("*.ttl"))[0]
    with first.open("a", encoding="utf-8") as handle:
        handle.write(f'\n<{"https://w3id.org/samverkan/id/source/" + first.stem}> '
                     '<http://www.w3.org/2000/01/rdf-schema#comment> "benchmark edit"@en .\n')  # fmt: skip
    incremental = kg("build", "--engine", "oxigraph", "--quiet", "--data", str(data), "--out", str(out))
    row("rebuild after one changed source", incremental, naive_build, "naive: a full build (no incremental path)")
    # queries
    queries = script(HERE / "queries.py", str(out), str(query_timeout), timeout=None)
    try:
        timings = json.loads(queries["output"].split("JSON=", 1)[1].splitlines()[0])
    except (IndexError, ValueError):
        print(queries["output"])
        timings = {}
    for name, t in timings.items():
        fast = {"wall": t["fast"], "peak_mb": None, "code": 0, "timed_out": False}
        naive = (
            {"wall": t["naive"], "peak_mb": None, "code": 0, "timed_out": t["naive_timed_out"]}
            if t.get("naive") is not None
            else None
        )
        row(f"query {name}", fast, naive, "same rows" if t.get("same") else t.get("note", ""))
    fast_analyze = kg("analyze", "--graph", str(out / "graph.trig"), "--format", "json", "--out", str(work / "a.json"))
    naive_analyze = script(HERE / "naive.py", "analyze", str(out / "graph.trig"), timeout=naive_timeout)
    row("analyze", fast_analyze, naive_analyze)
    page = work / f"network-{size}.html"
    viz = kg("viz", "--graph", str(out / "graph.trig"), "--out", str(page))
    row("viz", viz, None, page_note(page) if page.exists() else "")
    (work / f"naive-{size}.trig").unlink(missing_ok=True)


def page_timing(*pages: Path) -> list[dict]:
    """Time to interactive of network pages in headless Chromium (``bench/page.py``)."""
    result = script(HERE / "page.py", *map(str, pages), timeout=600)
    try:
        return json.loads(result["output"].split("JSON=", 1)[1].splitlines()[0])
    except (IndexError, ValueError):
        print(result["output"])
        return []


def page_note(page: Path) -> str:
    timings = page_timing(page)
    if not timings:
        return f"page {page.stat().st_size / 1e6:.1f} MB (browser timing failed)"
    t = timings[0]
    return f"page {t['size_mb']:.1f} MB, {t['nodes']} nodes drawn, interactive in Chromium after {t['ready_s']:.2f} s"


def write_results(rows: list[dict], info: dict, started: str, elapsed: float, target: Path) -> Path:
    lines = [
        "# Benchmark results",
        "",
        f"Measured {started} with `python bench/run.py` in {elapsed / 60:.1f} min, on: {info['cpu']}, "
        f"{info['cores']} cores, {info['memory']}; Python {info['python']}, rdflib {info['rdflib']}, "
        f"pyshacl {info['pyshacl']}, pyoxigraph {info['pyoxigraph']}.",
        "",
        "*fast* is this project's stack (pyoxigraph store, shapes compiled to SPARQL, networkx on projected "
        "graphs); *naive* is the straightforward one (rdflib in-memory parse and SPARQL, pyshacl on the whole "
        "graph, networkx built triple by triple). Both run side by side in the same run, each step in a child "
        "process; memory is the child's peak RSS. A naive step stopped at the time limit shows as `> T s` and "
        "its ratio as a lower bound.",
        "",
    ]
    for size in sorted({r["size"] for r in rows}):
        subset = [r for r in rows if r["size"] == size]
        lines += [
            f"## {subset[0]['triples']:,} triples" if size else "## Start-up and the network page",
            "",
            "| step | fast | fast peak | naive | naive peak | naive / fast | note |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in subset:
            lines.append(
                f"| {r['step']} | {fmt(r['fast'])} | {mem(r['fast'])} | {fmt(r['naive'])} | {mem(r['naive'])} "
                f"| {ratio(r['naive'], r['fast'])} | {r['note']} |"
            )
        lines.append("")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--naive-timeout", type=float, default=600.0, help="stop a naive step after this long")
    parser.add_argument(
        "--naive-query-timeout", type=float, default=120.0, help="stop one naive (rdflib) query after this long"
    )
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--output", type=Path, default=None, help="write the results here (default: WORK/bench-results.md)"
    )
    where.add_argument("--write", action="store_true", help="replace the committed bench/RESULTS.md")
    args = parser.parse_args()
    if any(size < 1 for size in args.sizes):
        parser.error("--sizes must be positive numbers of triples")
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    begin = time.perf_counter()
    info = machine()
    print(json.dumps(info))
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    target = HERE / "RESULTS.md" if args.write else (args.output or work / "bench-results.md")
    rows: list[dict] = []
    # the installed `kg` command as a user runs it (not through the peak-memory wrapper), the median of nine
    command = shutil.which("kg", path=str(Path(PY).parent)) or shutil.which("kg")
    help_runs = [measure([command, "--help"]) if command else kg("--help") for _ in range(9)]
    help_run = sorted(help_runs, key=lambda r: r["wall"])[4]
    cpu = sorted(r["cpu"] for r in help_runs)[4]
    note = (
        f"the installed command; CPU {cpu:.2f} s (median); wall: "
        + ", ".join(format(r["wall"], ".2f") for r in help_runs)
        + " s (wall time grows with the machine's load)"
    )
    rows.append(
        {"size": 0, "triples": 0, "step": "kg --help (median of 9)", "fast": help_run, "naive": None, "note": note}
    )
    print(f"kg --help: {fmt(help_run)}")
    # the page target: 2,000 nodes and 6,000 edges interactive in under 3 s (median of three)
    timings = sorted(page_timing() + page_timing() + page_timing(), key=lambda t: t["ready_s"])
    if timings:
        median = timings[len(timings) // 2]
        fake = {"wall": median["ready_s"], "peak_mb": None, "code": 0, "timed_out": False}
        each = ", ".join(format(t["ready_s"], ".2f") for t in timings)
        note = f"time to interactive in headless Chromium (median of 3: {each} s); page {median['size_mb']:.1f} MB"
        rows.append({"size": 0, "triples": 0, "step": "network page, 2,000 nodes / 6,000 edges", "fast": fake,
                     "naive": None, "note": note})  # fmt: skip
        print(f"page 2000x6000: {note}")
    for size in args.sizes:
        run_size(size, work, args.naive_timeout, args.naive_query_timeout, rows)
    print(f"\nwrote {write_results(rows, info, started, time.perf_counter() - begin, target)}")


if __name__ == "__main__":
    main()
