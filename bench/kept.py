"""``kg query``'s kept answers (:mod:`kg.query.kept`) at any size: the call that evaluates and keeps, the
calls that print the kept answer, and optionally the code before, each a new process.

For each query: ``BUILD/results/`` is deleted, then ``kg query NAME --graph BUILD/graph.trig --format=json``
runs under ``/usr/bin/time -v`` (wall, CPU = user + system, peak RSS) once as *first* (it evaluates the
``.rq`` and keeps the answer, so it pays what the code before paid plus writing the kept file) and
``--later`` times as *later* (they print the kept answer); with ``--before KG`` the same command of another
installation (say main's) runs too, interleaved with them. Every output is compared byte for byte with
the first (and the before's with the first); outputs go to ``--scratch`` and are deleted after the
comparison (at 10M each is 1.2 GB).

The build folder must be one the benchmark may write into (``results/`` is written there): never a
shared read-only build; copy it first (``cp -a``). Run one such process at a time at 10M (7.5 GB each
for the evaluating calls).

Run: ``python bench/kept.py BUILD --after KG [--before KG] [--queries ties weak-facts collaboration-pairs]
[--later 2] [--timeout 3000] --scratch DIR``; prints one JSON line per call and a Markdown table.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BIG = ["ties", "weak-facts", "collaboration-pairs"]


def timed(kg: str, name: str, build: Path, out: Path, timeout: float, params: dict[str, str]) -> dict:
    """One ``kg query`` under ``/usr/bin/time -v``: wall, CPU and peak RSS (MB), its exit code."""
    command = ["/usr/bin/time", "-v", kg, "query", name, "--graph", str(build / "graph.trig"), "--format=json"]
    command += [f"--timeout={timeout}", *(f"--param={k}={v}" for k, v in params.items())]
    with out.open("wb") as handle:
        proc = subprocess.run(command, stdout=handle, stderr=subprocess.PIPE, text=True, check=False)
    text = proc.stderr

    def field(label: str) -> str:
        found = re.search(rf"{re.escape(label)}: (.+)", text)
        return found.group(1).strip() if found else "0"

    clock = [float(part) for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(value * 60**i for i, value in enumerate(reversed(clock)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return {
        "wall": round(wall, 2),
        "cpu": round(cpu, 2),
        "peak_mb": round(int(field("Maximum resident set size (kbytes)")) / 1024),
        "code": proc.returncode,
        "bytes": out.stat().st_size,
        "load": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build folder this benchmark may write results/ into")
    parser.add_argument("--after", required=True, help="the kg command with kept answers")
    parser.add_argument("--before", help="another kg command (say main's), run once per query beside")
    parser.add_argument("--queries", nargs="*", default=BIG)
    parser.add_argument("--later", type=int, default=2, help="calls after the first")
    parser.add_argument("--timeout", type=float, default=3000.0)
    parser.add_argument("--scratch", type=Path, required=True, help="where the outputs are compared")
    args = parser.parse_args()
    from kg.query.library import available
    from queries import params_for

    library = available()
    args.scratch.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in args.queries:
        params = params_for(library[name])
        shutil.rmtree(args.build / "results", ignore_errors=True)
        first_out = args.scratch / f"{name}.first.json"
        runs = {"first": timed(args.after, name, args.build, first_out, args.timeout, params)}
        print(json.dumps({"query": name, "call": "first", **runs["first"]}), flush=True)
        calls = [("later", args.after)] * args.later
        if args.before:
            calls.insert(1 if calls else 0, ("before", args.before))
        for i, (side, kg) in enumerate(calls):
            out = args.scratch / f"{name}.{side}{i}.json"
            run = timed(kg, name, args.build, out, args.timeout, params)
            run["same"] = filecmp.cmp(first_out, out, shallow=False)
            out.unlink()
            runs["before" if side == "before" else f"later{i}"] = run
            print(json.dumps({"query": name, "call": side, **run}), flush=True)
        first_out.unlink()
        rows.append((name, runs))
    print("\n| query | call | wall | CPU | peak RSS | JSON | same bytes as the first | load |")
    print("|---|---|---|---|---|---|---|---|")
    for name, runs in rows:
        for call, run in runs.items():
            same = "–" if call == "first" else ("yes" if run.get("same") else "NO")
            print(
                f"| {name} | {call} | {run['wall']:.2f} s | {run['cpu']:.2f} s | {run['peak_mb']:,} MB | "
                f"{run['bytes'] / 1e6:,.0f} MB | {same} | {run['load']} |"
            )


if __name__ == "__main__":
    main()
