"""One copy of the data against two (issue 22): the full build's design measured side by side.

*two* (the build today, ``kg.build.incremental.full_build``): every file is loaded into an
in-memory Oxigraph store, derived, validated and dumped as graph.trig there, while a thread writes
the on-disk store (RocksDB) from a dump of it, beside validation.

*one* (a prototype, not the build): the data is held once, in the on-disk store. The main thread
reads every file strictly (the same :func:`kg.build.fastpath.load_file`, so bad input still gets
file and line) and hands the bytes to the streaming store writer
(:class:`kg.build.incremental._StreamingStoreWriter`: batches of about 28 MB bulk-loaded into
RocksDB, the rules run on each batch, then ``optimize()``); then the on-disk store is validated in
place (:func:`kg.build.fastpath.validate_store`), graph.trig is dumped from it
(:func:`kg.query.stores.dump_trig`) and the label table written from it.

Each design runs in its own process under ``/usr/bin/time -v`` (wall, CPU, peak RSS), the order
alternating from round to round; each prints its steps' wall and main-thread CPU. At the end the
graph.trig files and reports of the two are compared.

Usage: python bench/one_copy.py --data /work/bench/synth1m --work DIR --rounds 2
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path


def _step(timings: dict, name: str, began: tuple[float, float]) -> tuple[float, float]:
    now = (time.perf_counter(), time.thread_time())
    timings[name] = {"wall": round(now[0] - began[0], 2), "cpu_main": round(now[1] - began[1], 2)}
    return now


def one(data: Path, out: Path) -> dict:
    """The one-copy prototype: returns the steps' figures."""
    from kg.build import labeltable
    from kg.build.fastpath import inputs, load_file, validate_store
    from kg.build.incremental import _StreamingStoreWriter, open_disk_store
    from kg.query.stores import OxigraphStore, dump_trig

    class Discard:  # the strict reading's target: the bytes go to the writer only
        def load(self, *args, **kwargs) -> None:
            pass

        def extend(self, quads) -> None:
            pass

    timings: dict = {}
    began = (time.perf_counter(), time.thread_time())
    found = inputs(data)
    out.mkdir(parents=True, exist_ok=True)
    folder = out / "store"
    shutil.rmtree(folder, ignore_errors=True)
    writer = _StreamingStoreWriter(folder)
    issues = []
    for path, graph in found.graphs.items():
        issues += load_file(Discard(), path, graph, sink=writer.add)
    began = _step(timings, "read", began)
    writer.finish()
    writer.join()
    began = _step(timings, "store (bulk load, rules, optimize: the rest after reading)", began)
    timings["writer thread wall"] = round(writer.seconds, 2)
    store = OxigraphStore(open_disk_store(folder))
    report = validate_store(store, found, issues=issues)
    began = _step(timings, "validate", began)
    dump_trig(store, out / "graph.trig")
    began = _step(timings, "dump", began)
    labeltable.write_new(out, store)
    _step(timings, "labels", began)
    (out / "report.json").write_text(json.dumps([r.__dict__ for r in report.results], default=str), encoding="utf-8")
    return timings


def two(data: Path, out: Path) -> dict:
    """The build as it is (``full_build``): its own timings."""
    from kg.build.fastpath import inputs
    from kg.build.incremental import full_build

    result = full_build(inputs(data), out)
    (out / "report.json").write_text(
        json.dumps([r.__dict__ for r in result.report.results], default=str), encoding="utf-8"
    )
    return {k: round(v, 2) for k, v in result.timings.items()}


def child(design: str, data: Path, out: Path) -> None:
    figures = (one if design == "one" else two)(data, out)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures["process cpu"] = round(usage.ru_utime + usage.ru_stime, 2)
    print(json.dumps(figures))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("/work/bench/synth1m"))
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", choices=("one", "two"))
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.work)
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    for r in range(args.rounds):
        for design in ("one", "two") if r % 2 == 0 else ("two", "one"):
            out = args.work / design
            shutil.rmtree(out, ignore_errors=True)
            load = os.getloadavg()[0]
            command = ["/usr/bin/time", "-v", sys.executable, __file__, "--child", design]
            done = subprocess.run([*command, "--data", str(args.data), "--work", str(out)],
                                  capture_output=True, text=True, check=False)  # fmt: skip
            if done.returncode:
                sys.exit(f"{design} failed:\n{done.stderr[-3000:]}")

            def field(name: str, text: str = done.stderr) -> str:
                return re.search(rf"{name}.*: (.+)", text).group(1).strip()

            clock = [float(x) for x in field(r"Elapsed \(wall clock\) time").split(":")]
            wall = sum(x * 60 ** (len(clock) - 1 - i) for i, x in enumerate(clock))
            cpu = float(field("User time")) + float(field("System time"))
            peak = int(field("Maximum resident set size")) / 1024
            print(f"round {r + 1} {design}: wall {wall:.1f} s, CPU {cpu:.1f} s, peak {peak:.0f} MB, load {load:.1f}")
            print(f"    steps: {done.stdout.strip()}", flush=True)
    same = filecmp.cmp(args.work / "one" / "graph.trig", args.work / "two" / "graph.trig", shallow=False)
    reports = [json.loads((args.work / d / "report.json").read_text()) for d in ("one", "two")]
    for row in reports[0] + reports[1]:  # blank-node shapes are named anew in each process
        row["shape"] = "_:shape" if re.fullmatch(r"n[0-9a-f]{30,}", row.get("shape") or "") else row["shape"]
    print(f"graph.trig identical: {same}; reports identical: {reports[0] == reports[1]}")
    return 0 if same and reports[0] == reports[1] else 1


if __name__ == "__main__":
    sys.exit(main())
