"""The on-disk store's writer alone (``KG_BUILD_STORE=stream``), with bulk-load parts of several sizes (issue 22).

Each run is a new process that reads every file of DATA as the build does
(:func:`kg.build.fastpath.load_file`, into a memory store that is dropped every 2,000 files, so the
main thread holds little) and hands what was read to the build's streaming writer
(``kg.build.incremental._StreamingStoreWriter``), its N-Quads bulk-loaded in parts of ``--parts``
times ``BULK_CHUNK_BYTES`` (56 MB; ``STREAM_PART_CHUNKS``, 4 in the build; 1 is about the writer of
main faa5133, which bulk-loaded each batch of 28 MB of input alone). Printed per run: the writer's side of the
CPU (process − main thread: the writer thread, Oxigraph's bulk-load workers and RocksDB's
compaction threads), user and system apart, minor faults, peak RSS, the writer's wall time, its
number of bulk loads, the store's size on disk and its number of quads (equal for every run, or the
exit status is 1).

Usage: python bench/store_writer.py --data /work/bench/synth1m --work DIR --parts 1 4 [--rounds 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path


def child(data: Path, folder: Path, parts: int) -> dict:
    import pyoxigraph as ox

    from kg.build import incremental
    from kg.build.fastpath import inputs, load_file

    incremental.STREAM_PART_CHUNKS = parts
    calls = [0]
    bulk = incremental._StreamingStoreWriter._bulk

    def counted(disk, pending):
        calls[0] += 1
        return bulk(disk, pending)

    incremental._StreamingStoreWriter._bulk = staticmethod(counted)
    found = inputs(data)
    began = time.perf_counter()
    main0 = time.thread_time()
    writer = incremental._StreamingStoreWriter(folder)
    store = ox.Store()
    for i, (path, graph) in enumerate(found.graphs.items()):
        load_file(store, path, graph, sink=writer.add)
        if i % 2000 == 1999:
            store = ox.Store()
    writer.finish()
    main = time.thread_time() - main0
    writer.join()
    wall = time.perf_counter() - began
    r = resource.getrusage(resource.RUSAGE_SELF)
    with open(f"/proc/self/task/{os.getpid()}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    main_user, main_system = int(fields[11]) / tick, int(fields[12]) / tick
    disk = ox.Store.read_only(str(folder))
    quads = len(disk)
    del disk
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return {
        "parts of 56 MB": parts,
        "bulk loads": calls[0],
        "writer user": round(r.ru_utime - main_user, 2),
        "writer system": round(r.ru_stime - main_system, 2),
        "writer CPU": round(r.ru_utime + r.ru_stime - main_user - main_system, 2),
        "main CPU": round(main, 2),
        "process minflt": r.ru_minflt,
        "peak MB": round(r.ru_maxrss / 1e3),
        "wall": round(wall, 1),
        "store MB": round(size / 1e6),
        "quads": quads,
        "load": round(os.getloadavg()[0], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--parts", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.data, args.work, args.child)))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    results, quads = [], set()
    for r in range(args.rounds):
        order = args.parts if r % 2 == 0 else list(reversed(args.parts))
        for chunk in order:
            folder = args.work / f"store-{chunk}"
            shutil.rmtree(folder, ignore_errors=True)
            command = [sys.executable, __file__, "--data", str(args.data), "--work", str(folder), "--child", str(chunk)]
            out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            shutil.rmtree(folder, ignore_errors=True)
            quads.add(row["quads"])
            results.append(row)
            print(json.dumps(row), flush=True)
    if len(quads) != 1:
        print(f"the stores differ in their number of quads: {sorted(quads)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
