"""Benchmark of the rebuild after one changed source (issue 22): two ``kg`` commands side by side.

Each side gets its own copy of the data (``WORK/data-before``, ``WORK/data-after``) and a full
build of it (``kg build --data D --out WORK/out-SIDE --engine oxigraph --full -q``, skipped with
``--reuse`` when the folder is there). Then, for each round and interleaved between the sides, the
first source file gains a triple and the side rebuilds (``kg build ... -q``, incremental): that is
the measured *rebuild*; the file is put back and the side rebuilds again (*revert*). Every command
runs under ``/usr/bin/time`` (wall, user + system CPU, peak RSS), with the load average before it.
At the end the two sides' graph.trig files, now of the same data, must be byte-identical.

Run: ``python bench/rebuild.py --data /work/bench/synth1m --work DIR --before KG --after KG --rounds 3``;
the table goes to stdout and to ``--output`` (default WORK/rebuild-results.md).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

TIME = "TIME wall=%e user=%U sys=%S maxrss_kb=%M"


def load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def timed(command: list[str]) -> dict:
    before = load()
    done = subprocess.run(["/usr/bin/time", "-f", TIME, *command], capture_output=True, text=True)
    found = re.search(r"TIME wall=([\d.]+) user=([\d.]+) sys=([\d.]+) maxrss_kb=(\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    wall, user, system, rss = found.groups()
    return {"wall": float(wall), "cpu": float(user) + float(system), "rss_mb": int(rss) / 1024, "load": before}


def edit(path: Path, tag: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(
            f"\n<https://w3id.org/samverkan/id/source/{path.stem}> "
            f'<http://www.w3.org/2000/01/rdf-schema#comment> "benchmark edit {tag}"@en .\n'
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a data folder (kg synth)")
    parser.add_argument("--work", type=Path, required=True, help="a scratch folder for both sides")
    parser.add_argument("--before", required=True, help="the kg command before")
    parser.add_argument("--after", required=True, help="the kg command after")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="keep existing full builds in WORK")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    sides = {"before": args.before, "after": args.after}
    args.work.mkdir(parents=True, exist_ok=True)
    runs: dict[str, dict[str, list[dict]]] = {s: {"full": [], "rebuild": [], "revert": []} for s in sides}
    files = {}
    for side, kg in sides.items():
        data, out = args.work / f"data-{side}", args.work / f"out-{side}"
        if not (args.reuse and data.is_dir() and out.is_dir()):
            shutil.rmtree(data, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(args.data, data, symlinks=True)
            runs[side]["full"].append(
                timed([kg, "build", "--data", str(data), "--out", str(out), "--engine", "oxigraph", "--full", "-q"])
            )
        files[side] = sorted((data / "sources").glob("*.ttl"))[0]
    originals = {side: path.read_bytes() for side, path in files.items()}
    for round_ in range(1, args.rounds + 1):
        for side, kg in sides.items():
            data, out = args.work / f"data-{side}", args.work / f"out-{side}"
            command = [kg, "build", "--data", str(data), "--out", str(out), "--engine", "oxigraph", "-q"]
            edit(files[side], f"{round_}{side}")
            runs[side]["rebuild"].append(timed(command))
            files[side].write_bytes(originals[side])
            os.utime(files[side])  # a new time, as an editor would give it
            runs[side]["revert"].append(timed(command))
            time.sleep(1)
    same = filecmp.cmp(args.work / "out-before" / "graph.trig", args.work / "out-after" / "graph.trig", shallow=False)
    lines = [
        f"rebuild after one changed source, {args.rounds} rounds interleaved; data {args.data}",
        "",
        "| | before: median (min–max) | after: median (min–max) |",
        "|---|---|---|",
    ]

    def cell(values: list[float], unit: str) -> str:
        if not values:
            return "–"
        return f"{statistics.median(values):.2f} {unit} ({min(values):.2f}–{max(values):.2f})"

    for kind in ("full", "rebuild", "revert"):
        for what, unit in (("wall", "s"), ("cpu", "s"), ("rss_mb", "MB")):
            row = [cell([r[what] for r in runs[s][kind]], unit) for s in sides]
            lines.append(
                f"| {kind}, {what.replace('_mb', '').replace('cpu', 'CPU (user + system)')} | {row[0]} | {row[1]} |"
            )
    loads = [r["load"] for s in sides for k in ("rebuild", "revert") for r in runs[s][k]]
    loads = loads or [load()]
    verdict = "byte-identical" if same else "DIFFERENT"
    lines += ["", f"load average (1 min) before each rebuild: {min(loads):.1f}–{max(loads):.1f}",
              f"graph.trig of the two sides after the last revert: {verdict}"]  # fmt: skip
    text = "\n".join(lines) + "\n"
    print(text)
    (args.output or args.work / "rebuild-results.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
