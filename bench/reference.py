"""Time `kg all` on the shipped data with the full reference data against the small one it replaced.

"before" is the shipped sources with the reference data of commit f694900 (the 50 municipalities
of Norrbotten, Västerbotten and Lappi and six areas, 323 lines of Turtle); "after" is the shipped
data as it is now (every municipality of Sweden and Finland, every county and region, their
authorities, the national, Nordic and EU bodies, funds and programmes). Both run with the same
code, on the default engine (auto: rdflib + pyshacl below 1 MB of input), each `--runs` times in
turn, in a fresh folder each time; the table gives the median wall time, the median CPU time of
the process and the lines `kg all` printed (triples, validation, engine).

    python bench/reference.py [--runs 5]

Needs git (to read the old reference files) and the `kg` command of this checkout.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BEFORE = "f694900"
OLD_FILES = ("areas.ttl", "municipalities.ttl")


def make_data(root: Path, kind: str) -> Path:
    data = root / kind / "data"
    shutil.copytree(REPO / "data" / "sources", data / "sources")
    (data / "reference").mkdir(parents=True)
    if kind == "after":
        for path in sorted((REPO / "data" / "reference").glob("*.ttl")):
            shutil.copy(path, data / "reference" / path.name)
    else:
        for name in OLD_FILES:
            text = subprocess.run(
                ["git", "-C", str(REPO), "show", f"{BEFORE}:data/reference/{name}"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            (data / "reference" / name).write_text(text, encoding="utf-8")
    return data


def run_once(data: Path) -> tuple[float, float, str]:
    work = Path(tempfile.mkdtemp(dir=data.parent))
    kg = shutil.which("kg") or str(Path(sys.executable).with_name("kg"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [kg, "all", "--data", str(data), "--lang", "en"]  # the summary lines read below, in English
    result = subprocess.run(command, cwd=work, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"kg all failed on {data}:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    shutil.rmtree(work)
    return wall, cpu, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        datasets = {kind: make_data(Path(tmp), kind) for kind in ("before", "after")}
        times: dict[str, list[tuple[float, float]]] = {kind: [] for kind in datasets}
        outputs: dict[str, str] = {}
        for _ in range(args.runs):
            for kind, data in datasets.items():  # alternate, so that load on the machine hits both alike
                wall, cpu, out = run_once(data)
                times[kind].append((wall, cpu))
                outputs[kind] = out
    print(f"kg all on the shipped data, median of {args.runs} runs ({os.cpu_count()} cores)\n")
    print("| reference data | wall (s) | CPU (s) | triples | validation | engine |")
    print("|---|---|---|---|---|---|")
    medians = {}
    for kind, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        medians[kind] = (wall, cpu)
        pairs = [line.split(":", 1) for line in outputs[kind].splitlines() if ":" in line]
        lines = {key: value.strip() for key, value in pairs}
        print(
            f"| {kind} | {wall:.2f} | {cpu:.2f} | {lines.get('triples', '')} | {lines.get('validation', '')} "
            f"| {lines.get('engine', '')} |"
        )
    (wall_b, cpu_b), (wall_a, cpu_a) = medians["before"], medians["after"]
    print(f"\nafter / before: wall {wall_a / wall_b:.2f}x, CPU {cpu_a / cpu_b:.2f}x; target: after under 10 s wall")
    return 0 if wall_a < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
