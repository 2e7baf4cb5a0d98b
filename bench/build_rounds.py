"""The full 1M build, before and after, in interleaved rounds (issue 22).

Each round runs every side once, one after the other (the order alternates from round to round),
as ``SIDE build --data DATA --out WORK/SIDE --engine oxigraph --full -q`` under ``/usr/bin/time -v``:
wall, CPU (user + system) and peak RSS, with the load average before each run. A side is
``NAME=COMMAND`` (``ENV=VALUE`` words before the command are set for it, e.g.
``beside=KG_BUILD_STORE=beside kg``). At the end bench/build_compare.py checks that each side's
graph.trig, report and store content equal the first side's; the exit status is 1 when any differs.

Usage: python bench/build_rounds.py --data /work/bench/synth1m --work DIR --rounds 3 \\
           before=/work/venvs/final/bin/kg after=kg [--output F.md]
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(command: list[str], env: dict[str, str], data: str, out: Path) -> dict[str, float]:
    timing = out.with_suffix(".time")
    load = os.getloadavg()[0]
    args = ["/usr/bin/time", "-v", *command, "build", "--data", data, "--out", str(out), "--engine", "oxigraph"]
    with open(timing, "w") as err:
        code = subprocess.run([*args, "--full", "-q"], env={**os.environ, **env}, stderr=err, check=False).returncode
    text = timing.read_text()
    if code != 0:
        sys.exit(f"{' '.join(command)} failed ({code}):\n{text[-2000:]}")

    def field(name: str) -> str:
        return re.search(rf"{name}.*: (.+)", text).group(1).strip()

    clock = [float(x) for x in field(r"Elapsed \(wall clock\) time").split(":")]
    wall = sum(x * 60 ** (len(clock) - 1 - i) for i, x in enumerate(clock))
    cpu = float(field("User time")) + float(field("System time"))
    return {"wall": wall, "cpu": cpu, "peak": int(field("Maximum resident set size")) / 1024, "load": load}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sides", nargs="+", help="NAME=COMMAND (the first is the reference for outputs)")
    parser.add_argument("--data", default="/work/bench/synth1m")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    sides = []
    for side in args.sides:
        name, _, command = side.partition("=")
        words = shlex.split(command)
        env = dict(w.split("=", 1) for w in words if re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", w))
        sides.append((name, env, [w for w in words if not re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", w)]))
    args.work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, list[dict]] = {name: [] for name, _, _ in sides}
    for r in range(args.rounds):
        order = sides if r % 2 == 0 else sides[::-1]
        for name, env, command in order:
            got = run(command, env, args.data, args.work / name)
            figures[name].append(got)
            print(f"round {r + 1} {name}: wall {got['wall']:.1f} s, CPU {got['cpu']:.1f} s, "
                  f"peak {got['peak']:.0f} MB, load {got['load']:.1f}", flush=True)  # fmt: skip
    lines = [f"| {args.data}, {args.rounds} rounds | " + " | ".join(n for n, _, _ in sides) + " |",
             "|---" * (len(sides) + 1) + "|"]  # fmt: skip
    for key, label, unit in (("wall", "wall", "s"), ("cpu", "CPU (user + system)", "s"), ("peak", "peak RSS", "MB")):
        cells = []
        for name, _, _ in sides:
            values = [f[key] for f in figures[name]]
            cells.append(f"{statistics.median(values):.1f} {unit} ({min(values):.1f}–{max(values):.1f})")
        lines.append(f"| {label}, median (min–max) | " + " | ".join(cells) + " |")
    loads = [f["load"] for fs in figures.values() for f in fs]
    lines.append(f"\nload average (1 min) before the runs: {min(loads):.1f}–{max(loads):.1f}")
    same = True
    for name, _, _ in sides[1:]:
        print(f"{sides[0][0]} against {name}:", flush=True)
        code = subprocess.run([sys.executable, str(HERE / "build_compare.py"), str(args.work / sides[0][0]),
                               str(args.work / name)], check=False).returncode  # fmt: skip
        same = same and code == 0
    lines.append(f"outputs identical to {sides[0][0]}'s (bench/build_compare.py): {same}")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
