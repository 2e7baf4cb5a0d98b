"""The full build's reading phase alone, its main thread's CPU split by part, at one data folder (issue 22).

``python bench/build_reading.py DATA [--json FILE]``

What ``kg.build.incremental.full_build`` does before the rules, without the store writer: every input
file (``kg.build.fastpath.inputs``) read by ``kg.build.fastpath.load_file`` into one Oxigraph memory
store, in the build's order. The main thread's CPU (``time.thread_time``) is split into Oxigraph's
``Store.load`` (parsing and the memory store's inserts), ``kg.build.reading.decode`` (reading,
UTF-8, NFC, the base IRI), ``kg.build.reading.plainly_valid`` (the text scan that lets most files
skip a parse in Python; a file it refuses is parsed whole by ``kg.build.reading.read``, whose
decode is counted in both) and the rest (``load_file``'s own work, the first-triple parse that refuses
an empty file, and the few files parsed whole for their literals and blank nodes). Before it, the
same for what the build does first: listing the files (``inputs``) and the manifest's stat and hash of
each (``_records``). Run at two sizes to see which part grows faster than the data (bench/RESULTS.md,
s31-10m: 1M and 10M). About 3.2 GB of memory at ten million triples.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a data folder (reference/, sources/)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    import pyoxigraph as ox

    from kg.build import fastpath, incremental, reading

    spent = {"Store.load": 0.0, "reading.decode": 0.0, "reading.plainly_valid": 0.0, "reading.read": 0.0}
    calls = dict.fromkeys(spent, 0)

    class Timed:
        """The memory store, its ``load`` timed."""

        def __init__(self, store) -> None:
            self.store = store

        def load(self, *args, **kwargs):
            began = time.thread_time()
            try:
                return self.store.load(*args, **kwargs)
            finally:
                spent["Store.load"] += time.thread_time() - began
                calls["Store.load"] += 1

        def __getattr__(self, name):
            return getattr(self.store, name)

    for name in ("decode", "plainly_valid", "read"):
        inner = getattr(reading, name)

        def wrapped(*a, _inner=inner, _label=f"reading.{name}", **k):
            began = time.thread_time()
            try:
                return _inner(*a, **k)
            finally:
                spent[_label] += time.thread_time() - began
                calls[_label] += 1

        setattr(reading, name, wrapped)  # load_file imports them from the module at each call
    began = time.thread_time()
    found = fastpath.inputs(args.data)
    listed = time.thread_time()
    incremental._records(found)
    recorded = time.thread_time()
    store = Timed(ox.Store())
    usage, wall = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    for path, graph in found.graphs.items():
        fastpath.load_file(store, path, graph, sink=lambda *_: None)
    main_cpu = time.thread_time() - recorded
    after = resource.getrusage(resource.RUSAGE_SELF)
    out = {
        "data": str(args.data),
        "files": len(found.graphs),
        "quads": len(store.store),
        "before reading: inputs (CPU s)": round(listed - began, 2),
        "before reading: _records (CPU s)": round(recorded - listed, 2),
        "reading: main thread CPU s": round(main_cpu, 2),
        "reading: user, system s": [
            round(after.ru_utime - usage.ru_utime, 2),
            round(after.ru_stime - usage.ru_stime, 2),
        ],
        "reading: wall s": round(time.perf_counter() - wall, 2),
        "peak MB": after.ru_maxrss // 1024,
        "parts (main thread CPU s)": {k: round(v, 2) for k, v in spent.items()},
        "calls": calls,
        "load average": [round(x, 1) for x in os.getloadavg()],
    }
    out["parts (main thread CPU s)"]["the rest (load_file's own, first triple, whole parses)"] = round(
        main_cpu - sum(spent.values()), 2
    )
    print(json.dumps(out, indent=1), flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
