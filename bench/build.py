"""Benchmark of ``kg build`` alone (issue 22): ours, raw Oxigraph and the naive stack side by side.

For each size it generates ``kg synth --triples N --seed 7`` (or reuses ``WORK/data-N``) and runs,
each in a child process whose wall time, CPU time (user + system) and peak RSS are recorded:

- *ours*: a full build (``kg.build.build(..., incremental=False)``: parse, load, derive, validate,
  write graph.trig and the on-disk store), with the time of each step;
- *rebuild*: the incremental rebuild after one source file changed;
- *raw Oxigraph*: the floor of this design: every file loaded into an in-memory pyoxigraph store
  (``Store.load``, no checks, no rules, no validation) and the store dumped once as TriG;
- *naive*: rdflib parse, the rules, pyshacl on the whole graph, TriG by rdflib (``bench/naive.py``),
  stopped after ``--naive-timeout`` seconds; a stopped or skipped size is extrapolated from the
  largest size it finished with the growth exponent between the two largest it finished (or 1.2,
  measured from 10k to 100k in bench/RESULTS.md, when it finished only one), and marked so.

Then a scaling table with the growth exponent of each step between consecutive sizes
(``log(t2/t1) / log(n2/n1)``). The results go into the ``<!-- build -->`` section of
bench/RESULTS.md with ``--write``, else to ``--output`` (default WORK/build-results.md).
Run: ``python bench/build.py [--sizes 10000 100000 1000000] [--naive-sizes 10000 100000] [--work DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import PY, machine, measure  # noqa: E402

# a full build in a child, printing its step timings and peak RSS as JSON
_OURS = textwrap.dedent(
    """
    import json, resource, sys, time
    from kg.build import build
    data, out, incremental = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    started = time.perf_counter()
    result = build(data, out, incremental=incremental, engine="oxigraph")
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("JSON=" + json.dumps({"timings": result.timings, "conforms": result.conforms, "wall": wall,
                                "triples": result.stats.get("triples")}))
    print(f"PEAK_RSS_KB={peak}")
    """
)

# raw Oxigraph: load every file into one in-memory store, dump it once as TriG
_RAW = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    import pyoxigraph as ox
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    formats = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG}
    store = ox.Store()
    t = time.perf_counter()
    for kind in ("reference", "sources"):
        for path in sorted((data / kind).glob("*")):
            if path.suffix in formats:
                graph = ox.NamedNode("https://w3id.org/samverkan/id/x/" + kind + "/" + path.stem)
                store.load(path=str(path), format=formats[path.suffix], to_graph=graph)
    load = time.perf_counter() - t
    t = time.perf_counter()
    store.dump(str(out), format=ox.RdfFormat.TRIG)
    dump = time.perf_counter() - t
    print("JSON=" + json.dumps({"timings": {"load": load, "dump": dump}}))
    print(f"PEAK_RSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
    """
)


def child(code: str, *args: str, timeout: float | None = None) -> dict:
    result = measure([PY, "-c", code, *args], timeout=timeout)
    found = re.search(r"^JSON=(.*)$", result["output"], re.M)
    result["json"] = json.loads(found.group(1)) if found else {}
    if result["code"] and not result["timed_out"]:
        print(result["output"][-3000:])
    return result


def naive_build(data: Path, target: Path, timeout: float) -> dict:
    return measure([PY, str(HERE / "naive.py"), "build", str(data), str(target)], timeout=timeout)


def synth(size: int, work: Path) -> tuple[Path, int]:
    data = work / f"data-{size}"
    if not (data / "synth.json").is_file():
        result = measure([PY, "-m", "kg", "synth", "--triples", str(size), "--seed", "7", "--out", str(data)])
        if result["code"]:
            raise SystemExit(result["output"])
    return data, json.loads((data / "synth.json").read_text(encoding="utf-8")).get("triples", size)


def exponent(t1: float | None, t2: float | None, n1: int, n2: int) -> str:
    if not t1 or not t2 or t1 <= 0 or t2 <= 0:
        return "–"
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def run(sizes: list[int], naive_sizes: list[int], naive_timeout: float, work: Path) -> list[dict]:
    rows = []
    for size in sizes:
        data, triples = synth(size, work)
        out = work / f"build-{size}"
        print(f"\n== {triples:,} triples", flush=True)
        ours = child(_OURS, str(data), str(out), "0")
        print(f"ours    {ours['wall']:.2f} s wall, {ours['cpu']:.2f} s CPU, {ours['peak_mb']} MB, {ours['json']}")
        first = sorted((data / "sources").glob("*.ttl"))[0]
        original = first.read_bytes()
        with first.open("a", encoding="utf-8") as handle:
            handle.write(f"\n<https://w3id.org/samverkan/id/source/{first.stem}> "
                         '<http://www.w3.org/2000/01/rdf-schema#comment> "benchmark edit"@en .\n')  # fmt: skip
        rebuild = child(_OURS, str(data), str(out), "1")
        first.write_bytes(original)
        print(f"rebuild {rebuild['wall']:.2f} s wall, {rebuild['cpu']:.2f} s CPU, {rebuild['json'].get('timings')}")
        raw = child(_RAW, str(data), str(work / f"raw-{size}.trig"))
        (work / f"raw-{size}.trig").unlink(missing_ok=True)
        print(f"raw     {raw['wall']:.2f} s wall, {raw['cpu']:.2f} s CPU, {raw['peak_mb']} MB")
        naive = None
        if size in naive_sizes:
            naive = naive_build(data, work / f"naive-{size}.trig", naive_timeout)
            (work / f"naive-{size}.trig").unlink(missing_ok=True)
            print(f"naive   {naive['wall']:.2f} s wall{' (stopped)' if naive['timed_out'] else ''}")
        rows.append({"size": size, "triples": triples, "ours": ours, "rebuild": rebuild, "raw": raw, "naive": naive})
    # the naive stack where it was stopped or not run: extrapolated from the sizes it finished
    done = [(r["triples"], r["naive"]["wall"]) for r in rows if r["naive"] and not r["naive"]["timed_out"]]
    slope = math.log(done[-1][1] / done[-2][1]) / math.log(done[-1][0] / done[-2][0]) if len(done) > 1 else 1.2
    for r in rows:
        if done and (r["naive"] is None or r["naive"]["timed_out"]):
            n, t = done[-1]
            r["naive_estimate"] = t * (r["triples"] / n) ** slope
            r["naive_slope"] = slope
    return rows


def fmt_s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def markdown(rows: list[dict], info: dict, started: str, load: str) -> str:
    lines = [
        "<!-- build: written by bench/build.py -->",
        "## The build (issue 22): ours, raw Oxigraph, naive",
        "",
        f"Measured {started} with `python bench/build.py` on {info['cpu']}, {info['cores']} cores, "
        f"{info['memory']}; Python {info['python']}, pyoxigraph {info['pyoxigraph']}, rdflib {info['rdflib']}, "
        f"pyshacl {info['pyshacl']}. Load average at the start: {load} (the machine is shared: wall time "
        "grows with the load, CPU time (user + system of the child) much less). Data: "
        "`kg synth --triples N --seed 7`.",
        "",
        "*ours*: `build(..., engine='oxigraph', incremental=False)`: parse strictly, load, derive, validate, "
        "write graph.trig and OUT/store. *raw Oxigraph*: `Store.load` of every file into memory and one "
        "`Store.dump` as TriG: no checks, rules or validation (the floor). *naive*: rdflib + pyshacl "
        "(bench/naive.py); *est.* marks a figure extrapolated from the sizes it finished.",
        "",
        "| triples | ours wall | ours CPU | ours peak | rebuild wall | rebuild CPU | raw Oxigraph wall | raw CPU "
        "| raw peak | naive wall | naive / ours |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        o, rb, raw, naive = r["ours"], r["rebuild"], r["raw"], r["naive"]
        if naive and not naive["timed_out"] and not naive["code"]:
            naive_text, naive_wall = fmt_s(naive["wall"]), naive["wall"]
        elif "naive_estimate" in r:
            stopped = f"stopped at {naive['wall']:.0f} s; " if naive and naive["timed_out"] else ""
            naive_text = f"{stopped}est. {r['naive_estimate']:.0f} s (N^{r['naive_slope']:.2f})"
            naive_wall = r["naive_estimate"]
        else:
            naive_text, naive_wall = "–", None
        ratio = f"{naive_wall / o['wall']:.0f}×" if naive_wall and o["wall"] else "–"
        lines.append(
            f"| {r['triples']:,} | {fmt_s(o['wall'])} | {fmt_s(o['cpu'])} | {o['peak_mb'] or 0:.0f} MB "
            f"| {fmt_s(rb['wall'])} | {fmt_s(rb['cpu'])} | {fmt_s(raw['wall'])} | {fmt_s(raw['cpu'])} "
            f"| {raw['peak_mb'] or 0:.0f} MB | {naive_text} | {ratio} |"
        )
    steps = ["load", "derive", "validate", "dump", "store", "write", "total"]
    lines += [
        "",
        "Steps of our full build (wall seconds inside the child; `store` runs in a thread from the end of "
        "`derive` on, beside `validate` and `dump`; `write` is everything after `validate`), and the "
        "growth exponent from the previous size (t ∝ N^k):",
        "",
        "| triples | " + " | ".join(steps) + " | CPU |",
        "|---|" + "---|" * (len(steps) + 1),
    ]
    previous = None
    for r in rows:
        timings = r["ours"]["json"].get("timings", {})
        cells = []
        for step in steps:
            value = timings.get(step)
            k = exponent(previous[0].get(step), value, previous[1], r["triples"]) if previous else "–"
            cells.append(f"{fmt_s(value)} (k {k})" if previous else fmt_s(value))
        cpu_k = exponent(previous[2], r["ours"]["cpu"], previous[1], r["triples"]) if previous else "–"
        cpu = f"{fmt_s(r['ours']['cpu'])}" + (f" (k {cpu_k})" if previous else "")
        lines.append(f"| {r['triples']:,} | " + " | ".join(cells) + f" | {cpu} |")
        previous = (timings, r["triples"], r["ours"]["cpu"])
    lines += ["", "<!-- /build -->"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--naive-sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--naive-timeout", type=float, default=600.0)
    parser.add_argument("--work", type=Path, default=None)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--output", type=Path, default=None)
    where.add_argument("--write", action="store_true", help="replace the build section of bench/RESULTS.md")
    args = parser.parse_args()
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load = f"{os.getloadavg()[0]:.1f}"
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = run(sorted(args.sizes), args.naive_sizes, args.naive_timeout, work)
    (work / "build-rows.json").write_text(json.dumps(rows, default=str), encoding="utf-8")
    text = markdown(rows, machine(), started, load)
    if args.write:
        target = HERE / "RESULTS.md"
        old = target.read_text(encoding="utf-8")
        pattern = re.compile(r"<!-- build: written by bench/build.py -->.*?<!-- /build -->", re.S)
        new = pattern.sub(lambda _: text, old) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text + "\n"
        target.write_text(new, encoding="utf-8")
    else:
        target = args.output or work / "build-results.md"
        target.write_text(text + "\n", encoding="utf-8")
    print(f"\nwrote {target}")


if __name__ == "__main__":
    main()
