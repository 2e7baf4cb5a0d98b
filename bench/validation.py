"""validate_store's CPU at 1M in process, before and after, in interleaved rounds (issue 22).

Each side is a Python interpreter with the project installed (``--before``, ``--after``); each round
runs every side once in a new process (the order alternating), which loads the data into an
in-memory Oxigraph store as the build does (:func:`kg.build.fastpath.load_file`), derives, and runs
:func:`kg.build.fastpath.validate_store` with every SPARQL query timed. It prints the main thread's
CPU for loading, derive and validation, the number of queries and their CPU, the largest queries
(``--top``), and the number of findings (equal on both sides, or the exit status is 1).

Usage: python bench/validation.py --data /work/bench/synth1m --before /work/venvs/final/bin/python \\
           --after python --rounds 2 [--top 10]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path


def child(data: Path, top: int) -> None:
    import pyoxigraph as ox

    from kg.build.derive import derive
    from kg.build.fastpath import inputs, load_file, validate_store
    from kg.query.stores import OxigraphStore

    found = inputs(data)
    figures: dict = {}
    began = time.thread_time()
    store = OxigraphStore(ox.Store())
    issues = []
    for path, graph in found.graphs.items():
        issues += load_file(store.store, path, graph)
    figures["load"] = round(time.thread_time() - began, 2)
    began = time.thread_time()
    derive(store)
    figures["derive"] = round(time.thread_time() - began, 2)
    times: dict[str, float] = defaultdict(float)
    select = OxigraphStore.select

    def timed(self, text):
        began = time.thread_time()
        try:
            return select(self, text)
        finally:
            times[text] += time.thread_time() - began

    OxigraphStore.select = timed
    began = time.thread_time()
    report = validate_store(store, found, issues=issues)
    figures["validate"] = round(time.thread_time() - began, 2)
    figures["queries"] = len(times)
    figures["queries_cpu"] = round(sum(times.values()), 2)
    figures["findings"] = len(report.results)
    figures["top"] = [
        [round(s, 3), " ".join(t.split())[:140]] for t, s in sorted(times.items(), key=lambda x: -x[1])[:top]
    ]
    print(json.dumps(figures))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("/work/bench/synth1m"))
    parser.add_argument("--before", default="/work/venvs/final/bin/python")
    parser.add_argument("--after", default=sys.executable)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.data, args.top)
        return 0
    sides = [("before", args.before), ("after", args.after)]
    findings = set()
    for r in range(args.rounds):
        for name, python in sides if r % 2 == 0 else sides[::-1]:
            load = os.getloadavg()[0]
            command = [python, __file__, "--child", "--data", str(args.data), "--top", str(args.top)]
            got = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
            findings.add(got["findings"])
            print(f"round {r + 1} {name} (load {load:.1f}): load {got['load']} s, derive {got['derive']} s, "
                  f"validate {got['validate']} s CPU, {got['queries']} queries {got['queries_cpu']} s, "
                  f"{got['findings']} findings", flush=True)  # fmt: skip
            for seconds, text in got["top"]:
                print(f"    {seconds:6.3f} s  {text}")
    return 0 if len(findings) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
