"""``kg viz`` on a build, before and after, side by side: wall, CPU, peak memory, and the same page.

``python bench/viz.py BUILD --before KG --after KG [--rounds N] [--write]``

``BUILD`` is a build folder that ``kg analyze`` has run on (graph.trig, store/, analysis/; since issue 22's
second pass ``kg analyze`` also stores the network there, which ``kg viz`` reads instead of the graph), for
instance ``kg synth --triples 1000000 --seed 7`` built with ``kg build --full``. ``KG`` is the ``kg``
command of each side (``/venvs/main/bin/kg``: the before, ``.venv/bin/kg``: the after). Each side
gets its own copy of ``BUILD`` (in ``--scratch``, by default the temp folder; nothing is written into ``BUILD``)
and runs ``kg viz --graph COPY/graph.trig -o COPY/network.html`` under ``/usr/bin/time -v``; the
sides alternate, round after round, so that the load of a shared machine falls on both alike.
Reported: wall and CPU seconds (user + system; medians of the rounds), peak RSS, the page size,
and whether the two pages hold the same data (nodes, ties with their years and details; a tie's
two ends may be written in either order), and separately whether the nodes are at the same
positions (a layout change moves them). With ``--write`` the table replaces the block between
``<!-- viz1m: begin -->`` and ``<!-- viz1m: end -->`` in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")
BEGIN, END = "<!-- viz1m: begin -->", "<!-- viz1m: end -->"


def run(kg: str, folder: Path) -> dict:
    """One ``kg viz`` in ``folder``, timed by ``/usr/bin/time -v``."""
    out = folder / "network.html"
    done = subprocess.run(
        ["/usr/bin/time", "-v", kg, "viz", "--graph", str(folder / "graph.trig"), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{kg} viz failed:\n{done.stderr[-2000:]}")

    def field(name: str) -> str:
        return re.search(rf"{re.escape(name)}: (.+)", done.stderr).group(1).strip()

    minutes, _, seconds = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").rpartition(":")
    wall = float(seconds) + 60 * sum(int(p) * 60**i for i, p in enumerate(reversed(minutes.split(":"))) if p)
    return {
        "wall": wall,
        "cpu": float(field("User time (seconds)")) + float(field("System time (seconds)")),
        "rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
        "page_mb": out.stat().st_size / 1e6,
        "said": done.stdout.strip().splitlines()[0],
        "load": os.getloadavg()[0],
    }


def page_data(path: Path) -> dict:
    """The page's data, ties keyed by their two ends in either order, positions apart (``positions``)."""
    html = path.read_text(encoding="utf-8")
    tag = '<script id="graph-data" type="application/json">'
    start = html.index(tag) + len(tag)
    data = json.loads(html[start : html.index("</script>", start)])
    edges = {}
    for edge in data.pop("edges"):
        ends = tuple(sorted((edge.pop("from"), edge.pop("to"))))
        edges[(*ends, edge["layer"])] = edge
    data["edges"] = edges
    data["positions"] = {n["id"]: (n.pop("x"), n.pop("y")) for n in data["nodes"]}
    return data


def same(before: Path, after: Path) -> tuple[bool, bool]:
    """Whether two pages hold the same data, and whether their nodes are at the same positions."""
    one, two = page_data(before), page_data(after)
    moved = one.pop("positions") != two.pop("positions")
    return one == two, not moved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--before", required=True, help="the kg command of the before side")
    parser.add_argument("--after", required=True, help="the kg command of the after side")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--write", action="store_true", help="write the table into bench/RESULTS.md")
    parser.add_argument("--scratch", type=Path, default=None, help="where the copies go (default: the temp folder)")
    args = parser.parse_args()
    found: dict[str, list[dict]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
        folders = {}
        for side in found:
            folders[side] = Path(scratch) / side
            shutil.copytree(args.build, folders[side], ignore=shutil.ignore_patterns("network.html", "*.lock"))
        started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        for _ in range(args.rounds):
            for side, kg in (("before", args.before), ("after", args.after)):
                found[side].append(run(kg, folders[side]))
        alike, placed = same(folders["before"] / "network.html", folders["after"] / "network.html")
    rows = []
    for side, runs in found.items():
        loads = ", ".join(f"{r['load']:.0f}" for r in runs)
        rows.append(
            f"| {side} | {statistics.median(r['wall'] for r in runs):.1f} s | "
            f"{statistics.median(r['cpu'] for r in runs):.1f} s | {max(r['rss_mb'] for r in runs):,.0f} MB | "
            f"{runs[-1]['page_mb']:.1f} MB | {loads} | {runs[-1]['said']} |"
        )
    ratio = statistics.median(r["cpu"] for r in found["before"]) / statistics.median(r["cpu"] for r in found["after"])
    table = "\n".join(
        [
            BEGIN,
            f"`python bench/viz.py {args.build} --before {args.before} --after {args.after} --rounds {args.rounds}`,"
            f" started {started}; medians of {args.rounds} round(s); the same page data on both sides: "
            f"{'yes' if alike else 'NO'}; the nodes at the same positions: {'yes' if placed else 'no'};"
            f" CPU before / after: {ratio:.1f}×.",
            "",
            "| side | wall | CPU (user + system) | peak RSS | page | load average | kg viz said |",
            "|---|---|---|---|---|---|---|",
            *rows,
            END,
        ]
    )
    print(table)
    if args.write:
        text = RESULTS.read_text(encoding="utf-8")
        if BEGIN in text:
            text = text[: text.index(BEGIN)] + table + text[text.index(END) + len(END) :]
        else:
            text = text.replace("<!-- /analysis -->", table + "\n\n<!-- /analysis -->", 1)
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
