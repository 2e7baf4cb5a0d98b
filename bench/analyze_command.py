"""``kg analyze`` as a command, before and after, side by side: wall, CPU and peak memory.

Each run is ``kg analyze --graph COPY/graph.trig --format json --out FILE`` in a child process
under ``/usr/bin/time -v`` (user + system CPU seconds, wall seconds, "Maximum resident set size"),
the two sides alternating so that both see the same load; the build is first copied with its
modification times (``cp -a``: the on-disk store is used only while ``manifest.json`` matches
graph.trig's size and time), since the command stores its analysis in the build's ``analysis/``
folder. The reports of the two sides must be byte-identical (the same clusters, scores, brokers), or,
with ``--new-fields NAME ...`` (fields the after side adds, such as ``cross_border_initiatives`` since
session 28), identical once those fields, and the labels only the after side has, are taken out;
with ``--differ-in NAME ...`` (fields the after side gives otherwise on purpose, such as ``cross_check``
and ``notes`` at ten million triples since s30-10ma), identical once those are taken out of both.

Run: ``python bench/analyze_command.py BUILD --before /work/venvs/merge/bin/kg --after .venv/bin/kg
[--runs 3] [--work DIR] [--output FILE] [--without-stored-network]``; prints a Markdown table with the
medians and the load average before and after the runs. Since s30-viz ``kg analyze`` reads the network
that ``kg viz`` (or ``kg all``) stored in ``analysis/`` for the same graph bytes, where there is one:
``--without-stored-network`` removes it from the copy, for the first analysis of a fresh build.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path


def timed(kg: str, graph: Path, report: Path) -> dict[str, float]:
    """One run of ``kg analyze`` under /usr/bin/time -v: wall, cpu (s) and rss (MB)."""
    command = ["/usr/bin/time", "-v", kg, "analyze", "--graph", str(graph), "--format", "json", "--out", str(report)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kg} analyze failed:\n{done.stderr[-2000:]}")

    def field(name: str) -> str:
        return re.search(rf"{re.escape(name)}: (.+)", done.stderr).group(1).strip()

    clock = [float(part) for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(value * 60**i for i, value in enumerate(reversed(clock)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return {"wall": wall, "cpu": cpu, "rss": int(field("Maximum resident set size (kbytes)")) / 1024}


def alike(before: Path, after: Path, new_fields: list[str], differ_in: list[str] | None = None) -> bool:
    """Whether the two reports are byte-identical, or (with ``new_fields``) the same apart from those
    fields and the labels of the nodes that only they name, and (``differ_in``) those fields on both sides."""
    if before.read_bytes() == after.read_bytes():
        return True
    if not new_fields and not differ_in:
        return False
    import json

    one, two = json.loads(before.read_text(encoding="utf-8")), json.loads(after.read_text(encoding="utf-8"))
    for name in differ_in or []:
        one.pop(name, None)
        two.pop(name, None)
    if not new_fields:
        return one == two
    for name in new_fields:
        two.pop(name, None)
    two["labels"] = {k: v for k, v in two.get("labels", {}).items() if k in one.get("labels", {})}
    return one == two


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build folder (graph.trig, manifest.json, store/)")
    parser.add_argument("--before", required=True, help="the kg command of the code before")
    parser.add_argument("--after", required=True, help="the kg command of the code after")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="where to copy the build (default: a temporary folder)")
    parser.add_argument("--output", type=Path, default=None, help="also write the Markdown table here")
    parser.add_argument("--new-fields", nargs="*", default=[], help="report fields only the after side has")
    parser.add_argument(
        "--without-stored-network",
        action="store_true",
        help="remove the network kg viz stored from the copy (since s30-viz kg analyze reads it when it is there)",
    )
    parser.add_argument("--differ-in", nargs="*", default=[], help="report fields not compared (either side)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(dir=args.work))
    try:
        copy = work / "build"
        subprocess.run(["cp", "-a", str(args.build), str(copy)], check=True)
        if args.without_stored_network:  # every run then reads the network from the graph's store
            for path in (copy / "analysis").glob("*-network-*.json"):
                path.unlink()
        load = [os.getloadavg()[0]]
        runs: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
        for i in range(args.runs):
            for side in ("before", "after"):
                runs[side].append(timed(getattr(args, side), copy / "graph.trig", work / f"{side}-{i}.json"))
                print(side, i, runs[side][-1], flush=True)
        load.append(os.getloadavg()[0])
        same = all(
            alike(work / f"before-{i}.json", work / f"after-{i}.json", args.new_fields, args.differ_in)
            for i in range(args.runs)
        )
        rows = [f"| `kg analyze` (median of {args.runs}) | wall s | CPU s | peak RSS MB |", "|---|---|---|---|"]
        for side in ("before", "after"):
            med = {k: statistics.median(r[k] for r in runs[side]) for k in ("wall", "cpu", "rss")}
            rows.append(
                f"| {side} (`{getattr(args, side)}`) | {med['wall']:.1f} | {med['cpu']:.1f} | {med['rss']:.0f} |"
            )
        compared = f" (without {', '.join(args.differ_in)})" if args.differ_in else ""
        rows.append(
            f"\nLoad average (1 min) {load[0]:.1f} before the runs, {load[1]:.1f} after; "
            f"reports identical{compared}: {same}."
        )
        text = "\n".join(rows) + "\n"
        print(text)
        if args.output:
            args.output.write_text(text, encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
