"""Where one ``kg query NAME --format json`` holds its memory: resident set after each phase, in one process.

As ``kg query NAME --graph BUILD/graph.trig --format=json`` runs it (the built store opened read-only):
*execute* (:func:`kg.query.sparql.execute` with ``labels=False``: Oxigraph's evaluation, the rows as rdflib
terms, sorted in Python), *labels* (:func:`kg.query.sparql.add_labels`), *json* (:func:`kg.query.formats.render`
of the whole JSON text) and *encode* (the text as UTF-8 bytes, as writing it to stdout or a file does).
After each phase it prints the CPU seconds of the phase, the resident set (``VmRSS``) and the peak so far
(``ru_maxrss``), in MB. At 1M triples ``weak-facts`` holds 169 MB after *execute*, 251 MB after *labels*
and peaks at 883 MB while writing its 128 MB of JSON (bench/RESULTS.md, ten million triples, fifth pass).

Run: ``python bench/query_memory.py BUILD NAME [--lang sv]`` (parameters as in :mod:`bench.queries`); one
JSON line per phase.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from queries import PARAMS  # noqa: E402


def resident_mb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1


def main() -> None:
    from kg.build.graph import open_source
    from kg.query.formats import render
    from kg.query.library import get
    from kg.query.sparql import add_labels, execute

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("name")
    parser.add_argument("--lang", default="sv", help="label language, as kg query's --lang (default sv)")
    args = parser.parse_args()
    clock = time.process_time

    def report(phase: str, started: float, **extra) -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        cpu = round(clock() - started, 2)
        figures = {"query": args.name, "phase": phase, "cpu": cpu, "rss_mb": resident_mb(), "peak_mb": peak}
        print(json.dumps(figures | extra))

    store = open_source(args.build / "graph.trig", None, None, use_store=True)
    t = clock()
    result = execute(store, get(args.name), PARAMS.get(args.name, {}), timeout=None, labels=False, lang=args.lang)
    report("execute", t, rows=len(result.rows))
    t = clock()
    add_labels(result, store, args.lang)
    report("labels", t)
    t = clock()
    text = render(result, "json", store, args.lang)
    report("json", t, chars=len(text))
    t = clock()
    data = (text + "\n").encode("utf-8")
    report("encode", t, bytes=len(data))
    store.close()


if __name__ == "__main__":
    main()
