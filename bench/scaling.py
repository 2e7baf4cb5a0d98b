"""The scaling table of issue 22: every step at 10k, 100k, 1M and 10M triples, and how it grows.

For each size it runs, each step in a child process whose wall time, CPU time (user + system) and peak
RSS are recorded (``bench/run.py``'s ``measure``):

- *synth*: ``kg synth --triples N --seed 7 --out WORK/data-N`` (skipped when that folder already has
  its ``synth.json`` and the ``synth-timing.json`` this script wrote beside it; the earlier figures
  are then reused and marked so);
- *build*: a full build (``kg.build.build(..., engine="oxigraph", incremental=False)``) into
  ``WORK/build-N``, with the time of each of its steps (load, derive, validate, dump, store, write);
- *query NAME*: ``kg query NAME --graph WORK/build-N/graph.trig --format json`` for each query of
  ``--queries`` (parameters as in ``bench/queries.py``), stopped after ``--query-timeout`` seconds;
- *analyze*: ``kg analyze --graph WORK/build-N/graph.trig --format json``, stopped after
  ``--analyze-timeout`` seconds.

Then, for each step, the growth exponent between consecutive sizes, ``k = log(t2/t1) / log(n2/n1)``
(``t ∝ N^k``), of CPU time (less moved by the other jobs of a shared machine than wall time) and of
wall time. Steps whose CPU exponent between the two largest sizes exceeds 1.1 are listed under the
table, where bench/RESULTS.md must explain them.

Results are printed and written as Markdown to ``--output`` (default ``WORK/scaling-results.md``);
``--write`` puts them between the ``<!-- scaling -->`` markers of bench/RESULTS.md instead, and the
raw figures go to ``WORK/scaling.json`` (re-used by ``--table-only``, which only rewrites the table).
Run: ``python bench/scaling.py --work DIR [--sizes 10000 100000 1000000 10000000] [--write]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from build import _OURS, child  # noqa: E402
from run import kg, machine  # noqa: E402

STORE_AFTER_QUADS = 5_000_000  # kg.build.incremental's choice under KG_BUILD_STORE=auto, when not streaming


def store_mode(data: Path, triples: int) -> str:
    """How ``kg build`` (``KG_BUILD_STORE=auto``) writes the on-disk store of ``data`` on this machine now."""
    from kg.build.incremental import store_mode as chosen

    size = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
    mode = chosen(None, size)
    return mode if mode == "stream" else "after" if triples >= STORE_AFTER_QUADS else "beside"


SIZES = [10_000, 100_000, 1_000_000, 10_000_000]
# a set of shipped queries, from the cheapest to the heaviest at 1M (bench/RESULTS.md, query section)
QUERIES = ["municipalities-by-area", "members", "entity", "by-theme", "funding", "cross-border", "people"]
BEGIN, END = "<!-- scaling: written by bench/scaling.py -->", "<!-- /scaling -->"


def params_for(name: str) -> list[str]:
    sys.path.insert(0, str(REPO / "src"))
    from kg.query.library import available
    from queries import params_for as chosen

    return [f"--param={k}={v}" for k, v in chosen(available()[name]).items()]


def commit() -> str:
    """The last commit that changed ``src/`` (what was measured), and whether ``src/`` has changes not committed."""
    last = ["git", "-C", str(REPO), "log", "-1", "--format=%h", "--", "src"]
    head = subprocess.run(last, capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "src"], capture_output=True, text=True)
    return head.stdout.strip() + (" (with uncommitted changes in src/)" if dirty.stdout.strip() else "")


def summary(result: dict) -> dict:
    """The figures of one measured child, without its output."""
    keep = {k: result.get(k) for k in ("wall", "cpu", "peak_mb", "code", "timed_out")}
    keep["load"] = os.getloadavg()[0]
    return keep


def synth(size: int, work: Path) -> tuple[Path, dict, int]:
    data, timing = work / f"data-{size}", work / f"data-{size}" / "synth-timing.json"
    if (data / "synth.json").is_file() and timing.is_file():
        step = json.loads(timing.read_text(encoding="utf-8")) | {"reused": True}
    else:
        result = kg("synth", "--triples", str(size), "--seed", "7", "--out", str(data))
        if result["code"]:
            raise SystemExit(result["output"][-3000:])
        step = summary(result) | {"commit": commit()}
        timing.write_text(json.dumps(step), encoding="utf-8")
    triples = json.loads((data / "synth.json").read_text(encoding="utf-8"))["triples"]
    return data, step, triples


def record(work: Path, size: int, triples: int, name: str, step: dict) -> None:
    """Save one measured step as ``WORK/scaling/N/STEP.json`` (steps measured by separate runs of this
    script, even at once, all reach the table)."""
    folder = work / "scaling" / str(size)
    folder.mkdir(parents=True, exist_ok=True)
    step = step | {"triples": triples, "commit": step.get("commit") or commit(), "measured": now()}
    temp = folder / f".{name}.json.tmp"
    temp.write_text(json.dumps(step, indent=1), encoding="utf-8")
    temp.replace(folder / f"{re.sub(r'[^a-z0-9-]+', '_', name)}.json")
    print(f"{triples:,} {name}: {step}", flush=True)


def recorded(work: Path) -> list[dict]:
    """Every size's recorded steps: ``[{"size", "triples", "steps": {name: step}}]``."""
    runs: dict[int, dict] = {}
    for path in sorted((work / "scaling").glob("*/*.json")):
        step = json.loads(path.read_text(encoding="utf-8"))
        size = int(path.parent.name)
        run = runs.setdefault(size, {"size": size, "triples": step["triples"], "steps": {}})
        run["steps"][step.get("name", path.stem)] = step
    return sorted(runs.values(), key=lambda r: r["size"])


def measure_size(size: int, work: Path, args: argparse.Namespace) -> None:
    """Measure the chosen ``args.steps`` of one size; each is recorded as soon as it is measured."""
    data, synth_step, triples = synth(size, work)
    record(work, size, triples, "synth", synth_step | {"name": "synth"})
    out = work / f"build-{size}"
    if "build" in args.steps:
        built = child(_OURS, str(data), str(out), "0")
        if built["code"] or not built["json"].get("conforms"):
            raise SystemExit(f"the build of {data} failed or does not conform:\n{built['output'][-3000:]}")
        step = summary(built) | {"steps": built["json"]["timings"], "name": "build"}
        step["store_mode"] = store_mode(Path(data), triples)
        record(work, size, triples, "build", step)
    graph = str(out / "graph.trig")
    if not (out / "graph.trig").is_file():
        raise SystemExit(f"no build at {out}: measure the build first (--steps build)")
    for name in args.queries if "queries" in args.steps else []:
        # kg query's own --timeout (30 s by default, wall time) would stop a 10M query on a loaded machine
        # long before ours: both get --query-timeout, and exit code 3 (kg stopped it) counts as stopped
        command = ["query", name, "--graph", graph, "--format=json", f"--timeout={args.query_timeout}"]
        result = kg(*command, *params_for(name), timeout=args.query_timeout + 30)
        result["timed_out"] = result["timed_out"] or result["code"] == 3
        if result["code"] and not result["timed_out"]:
            print(result["output"][-2000:])
        step = summary(result) | {"rows": rows_of(result["output"]), "name": f"query {name}"}
        record(work, size, triples, f"query {name}", step)
    if "analyze" in args.steps:
        target = str(work / f"analysis-{size}.json")
        result = kg("analyze", "--graph", graph, "--format", "json", "-o", target, timeout=args.analyze_timeout)
        if result["code"] and not result["timed_out"]:
            print(result["output"][-2000:])
        record(work, size, triples, "analyze", summary(result) | {"name": "analyze"})


def rows_of(output: str) -> int | None:
    """The number of result rows in ``kg query --format json``'s output (SPARQL JSON results)."""
    text = re.sub(r"^PEAK_RSS_KB=.*$", "", output, flags=re.M)
    start, end = text.find("{"), text.rfind("}")
    try:
        return len(json.loads(text[start : end + 1])["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        return None


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def exponent(t1: float | None, t2: float | None, n1: int, n2: int) -> float | None:
    if not t1 or not t2 or t1 <= 0 or t2 <= 0:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def cell(step: dict | None, key: str) -> str:
    if not step:
        return "–"
    if step.get("timed_out"):  # CPU and wall time until it was stopped
        value = step.get("cpu") if key == "cpu" else step.get("wall")
        return "stopped" if not value else f"> {value:.0f} s"
    if step.get("code"):
        return f"failed ({step['code']})"
    value = step.get(key)
    return "–" if value is None else f"{value:.2f} s"


def markdown(runs: list[dict], info: dict) -> str:
    runs = sorted(runs, key=lambda r: r["size"])
    order = {"synth": 0, "build": 1, "analyze": 3}
    names = sorted({name for r in runs for name in r["steps"]}, key=lambda n: (order.get(n, 2), n))
    lines = [
        BEGIN,
        "## Scaling: 10k to 10M triples (issue 22)",
        "",
        f"Written {now()} by `python bench/scaling.py` on {info['cpu']}, {info['cores']} cores, {info['memory']}; "
        f"Python {info['python']}, pyoxigraph {info['pyoxigraph']}. Data: `kg synth --triples N --seed 7`.",
        "",
        "| triples | build measured | commit measured | load average (1 min) as each step ended |",
        "|---|---|---|---|",
    ]
    for r in runs:
        build = r["steps"].get("build", {})
        commits = ", ".join(sorted({str(step.get("commit")) for step in r["steps"].values()}))
        loads = [step["load"] for step in r["steps"].values() if step.get("load") is not None]
        spread = f"{min(loads):.1f}–{max(loads):.1f}" if loads else "–"
        lines.append(f"| {r['triples']:,} | {build.get('measured', '–')} | {commits} | {spread} |")
    lines += [
        "",
        "Each step is a child process: wall time, CPU time (user + system) and peak RSS. *k* is the growth "
        "exponent from the previous size (t ∝ N^k), of CPU time, then of wall time; the machine is shared, "
        "so CPU time is the figure to compare.",
        "",
        "| step | "
        + " | ".join(f"{r['triples']:,}: CPU / wall / peak" for r in runs)
        + " | "
        + " | ".join(f"k {a['size'] // 1000:,}k→{b['size'] // 1000:,}k (CPU / wall)" for a, b in pairwise(runs))
        + " |",
        "|---|" + "---|" * (len(runs) + len(runs) - 1),
    ]
    steep = []
    for name in names:
        cells = []
        for r in runs:
            step = r["steps"].get(name)
            peak = f"{step['peak_mb']:.0f} MB" if step and step.get("peak_mb") else "–"
            reused = " ¹" if step and step.get("reused") else ""
            if step and step.get("code") and not step.get("timed_out"):
                cells.append(cell(step, "wall"))
            elif step and step.get("timed_out"):
                cells.append(f"{cell(step, 'cpu')} / {cell(step, 'wall')} (stopped) / {peak}")
            else:
                cells.append(f"{cell(step, 'cpu')} / {cell(step, 'wall')} / {peak}{reused}")
        ks = []
        for a, b in pairwise(runs):
            sa, sb = a["steps"].get(name) or {}, b["steps"].get(name) or {}
            failed = any(s.get("code") and not s.get("timed_out") for s in (sa, sb))
            # stopped at the larger size only: the time it had got gives a lower bound of k ("> k")
            bound = not failed and not sa.get("timed_out") and bool(sb.get("timed_out"))
            ok = not failed and not sa.get("timed_out")
            kc = exponent(sa.get("cpu"), sb.get("cpu"), a["triples"], b["triples"]) if ok else None
            kw = exponent(sa.get("wall"), sb.get("wall"), a["triples"], b["triples"]) if ok else None
            more = "> " if bound else ""
            ks.append(f"{'–' if kc is None else f'{more}{kc:.2f}'} / {'–' if kw is None else f'{more}{kw:.2f}'}")
            if b is runs[-1] and kc is not None and kc > 1.1:
                steep.append(f"{name} (k {more}{kc:.3f})")
        lines.append(f"| {name} | " + " | ".join(cells) + " | " + " | ".join(ks) + " |")
    build_steps = list(dict.fromkeys(k for r in runs for k in r["steps"].get("build", {}).get("steps", {})))
    lines += [
        "",
        "Steps inside the build (wall seconds in the child; `store` runs in a thread from the first file on "
        "(`stream`), or beside `validate` and `dump` below 5M quads and after `dump` from 5M on when memory "
        "is short: `KG_BUILD_STORE=auto`):",
        "",
    ]
    lines += ["| triples | " + " | ".join(build_steps) + " |", "|---|" + "---|" * len(build_steps)]
    previous = None
    for r in runs:
        timings = r["steps"].get("build", {}).get("steps", {})
        row = []
        for key in build_steps:
            value = timings.get(key)
            before = previous["steps"].get("build", {}).get("steps", {}).get(key) if previous else None
            k = exponent(before, value, previous["triples"], r["triples"]) if previous else None
            row.append("–" if value is None else f"{value:.2f} s" + (f" (k {k:.2f})" if k is not None else ""))
        lines.append(f"| {r['triples']:,} | " + " | ".join(row) + " |")
        previous = r
    if any(step.get("reused") for r in runs for step in r["steps"].values()):
        lines += [
            "",
            "¹ the data folder was made earlier (by this script, or under `/usr/bin/time -v` as its "
            "`synth-timing.json` says); the figures recorded then are shown.",
        ]
    steep_text = ", ".join(steep) or "none."
    lines += ["", "Steps growing faster than N^1.1 (CPU) between the two largest sizes: " + steep_text]
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_section(text: str, target: Path) -> None:
    old = target.read_text(encoding="utf-8")
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        new = head + text.rstrip("\n") + rest.split(END, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + text
    target.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the data, builds and figures")
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--steps", nargs="+", default=["build", "queries", "analyze"], help="build queries analyze")
    parser.add_argument("--queries", nargs="*", default=QUERIES)
    parser.add_argument("--query-timeout", type=float, default=300)
    parser.add_argument("--analyze-timeout", type=float, default=1800)
    parser.add_argument("--table-only", action="store_true", help="only rewrite the table from the recorded figures")
    parser.add_argument("--output", type=Path)
    parser.add_argument("--write", action="store_true", help="replace the scaling section of bench/RESULTS.md")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if not args.table_only:
        for size in args.sizes:
            measure_size(size, args.work, args)
    text = markdown(recorded(args.work), machine())
    print(text)
    if args.write:
        write_section(text, HERE / "RESULTS.md")
    else:
        (args.output or args.work / "scaling-results.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
