"""How fast the registers are imported, built, analysed and drawn (issue 18).

``python bench/registers.py [--runs 3] [--write]``
    1. imports the whole Finnish list (2,881 rows: the shipped mapping without its filter) with
       ``kg import --mapping`` into a temporary file (names reconciled, validated with the rest of
       the graph), target under 10 s;
    2. runs ``kg all`` on the shipped data (with both registers) into a fresh folder, target
       under 15 s;
    3. opens the page ``kg all`` wrote in headless Chromium (``bench/page.py``'s measurement),
       target interactive in under 2 s.

Each step runs three times; the table gives the median wall time and the median CPU time (user +
system of the child processes), which depends less on the other jobs of a shared machine. Needs
``../shared/registers/``. ``--write`` replaces the section between the ``registers`` markers of
``bench/RESULTS.md``.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "registers"
START, END = "<!-- registers: written by bench/registers.py -->", "<!-- /registers -->"
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of one command (its children's user + system time), and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main() -> None:
    if not SHARED.is_dir():
        raise SystemExit("../shared/registers is not present")
    kg = str(Path(sys.executable).with_name("kg"))
    tmp = Path(tempfile.mkdtemp(prefix="kg-registers-"))
    mapping = (REPO / "mappings" / "fi-eakr-esr-2014-2020.yaml").read_text(encoding="utf-8")
    whole = re.sub(r"\nfilter:\n(  .*\n)+", "\n", mapping)  # every authority: the whole list
    (tmp / "fi-whole.yaml").write_text(whole, encoding="utf-8")
    load = os.getloadavg()[0]
    rows = []
    command = [kg, "import", str(SHARED / "fi_eakr_esr_2014-2020_projektit.csv")]
    command += ["--mapping", str(tmp / "fi-whole.yaml"), "--out", str(tmp / "fi-whole.ttl")]
    imports = [timed(command) for _ in range(RUNS)]
    taken = re.search(r"rows:\s+(.*)", imports[0][2]).group(1)
    rows.append(("import of the whole Finnish list", imports, "< 10 s", taken))
    alls = []
    for run in range(RUNS):
        alls.append(timed([kg, "all", "--out", str(tmp / f"build-{run}"), "--lang", "en"]))  # its lines read below
    summary = " ".join(line.strip() for line in alls[0][2].splitlines() if line.startswith(("triples", "page")))
    rows.append(("`kg all` on the shipped data with the registers (fresh folder)", alls, "< 15 s", summary))
    sys.path.insert(0, str(REPO / "bench"))
    from page import measure

    pages = [measure([tmp / "build-0" / "network.html"])[0] for _ in range(RUNS)]
    ready = statistics.median(p["ready_s"] for p in pages)
    page = pages[0]
    lines = [
        START,
        "## Registers (issue 18)",
        "",
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC with `python bench/registers.py` on "
        f"{platform.machine()}, {os.cpu_count()} cores (shared with other jobs); Python {platform.python_version()}. "
        f"Load average at the start: {load:.1f}. Median of {RUNS} runs; CPU is user + system time of the command.",
        "",
        "| step | wall (s) | CPU (s) | target | what |",
        "|---|---|---|---|---|",
    ]
    for name, runs, target, what in rows:
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        lines.append(f"| {name} | {wall:.2f} | {cpu:.2f} | {target} | {what} |")
    lines.append(
        f"| the page of `kg all` interactive in Chromium | {ready:.2f} | – | < 2 s | {page['nodes']} nodes and "
        f"{page['edges']} ties drawn, {page['size_mb']} MB; select the busiest node and step out two links: "
        f"{statistics.median(p['select_and_focus_s'] for p in pages):.2f} s |"
    )
    lines.append(END)
    text = "\n".join(lines) + "\n"
    print(text)
    if "--write" in sys.argv:
        results = REPO / "bench" / "RESULTS.md"
        current = results.read_text(encoding="utf-8")
        if START in current:
            current = current[: current.index(START)] + text + current[current.index(END) + len(END) + 1 :]
        else:
            current = current.rstrip("\n") + "\n\n" + text
        results.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    main()
