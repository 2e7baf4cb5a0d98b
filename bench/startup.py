"""The fixed cost of a ``kg query`` call: what a call costs besides the query, before and after, cold and warm.

For each query (default: the shipped queries whose raw Oxigraph time at 1M is at most 0.6 s), each a
child process timed from start to exit (wall and CPU seconds, median of ``--repeat`` runs):

- *before*: ``kg query NAME --format json`` of the code at ``--base`` (default main cb7891d);
- *after, cold*: this checkout's, with an empty cache folder (``XDG_CACHE_HOME``) for every run: the first
  call after a build, or of a query text never run before, which plans its ORDER BY with rdflib's parser;
- *after, warm*: this checkout's, the cache folder kept from a first untimed run;
- *raw*: a bare Python process that opens ``BUILD/store`` read-only and runs the same SPARQL text
  (parameters bound) — the query's own cost; *fixed* = after (warm) − raw.

Also the floor of any call: ``python -c pass``, ``python -m kg --version`` and ``import rdflib``.
Child processes run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed, one untimed run
first), as an installed command runs: with it set, every ``kg`` module is compiled on every call.
Both ``kg`` runs must print the same bytes.

Run: ``python bench/startup.py BUILD_DIR [--repeat 3] [--base REV] [--only NAME ...] [--output FILE]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
sys.path.insert(0, str(HERE))
from query import RAW, base_source, run  # noqa: E402  (the same child-process timing as bench/query.py)

from queries import params_for  # noqa: E402

BASE = "cb7891d"
SMALL = [
    "active",
    "by-theme",
    "cross-county-partners",
    "entity",
    "members",
    "money-by-municipality",
    "money-by-organisation",
    "municipalities-by-area",
    "municipality-projects",
    "partners-by-programme",
    "search",
]


def timed(args: list[str], repeat: int, env: dict, fresh_cache: Path | None = None) -> dict:
    runs = []
    for _ in range(repeat):
        if fresh_cache is not None:
            shutil.rmtree(fresh_cache, ignore_errors=True)
        runs.append(run(args, env))
    bad = [r for r in runs if r["code"] != 0]
    if bad:
        raise SystemExit(f"{' '.join(args)} failed ({bad[0]['code']}): {bad[0]['err'][-2000:]}")
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "cpu": statistics.median(r["cpu"] for r in runs),
        "out": runs[0]["out"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build folder (graph.trig, store/, manifest.json)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--base", default=BASE, help="git revision of the 'before' column")
    parser.add_argument("--only", nargs="*", help="these queries (default: the small ones)")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO / "src"))
    import pyoxigraph as ox

    from kg.query.binding import bind_values, with_prefixes
    from kg.query.library import available
    from kg.query.sparql import bindings, unit_separated
    from kg.query.stores import OxigraphStore

    build = args.build.resolve()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-startup-"))
    (work / "base").mkdir()
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    warm_cache, cold_cache = work / "warm-cache", work / "cold-cache"
    base_env = dict(clean, PYTHONPATH=str(base_source(args.base, work / "base")), XDG_CACHE_HOME=str(warm_cache))
    warm_env = dict(clean, PYTHONPATH=str(REPO / "src"), XDG_CACHE_HOME=str(warm_cache))
    cold_env = dict(clean, PYTHONPATH=str(REPO / "src"), XDG_CACHE_HOME=str(cold_cache))
    load = os.getloadavg()
    resolver = OxigraphStore(ox.Store.read_only(str(build / "store")))
    floors = {
        "python -c pass": timed([PY, "-c", "pass"], args.repeat, clean),
        "python -c 'import rdflib'": timed([PY, "-c", "import rdflib"], args.repeat, clean),
        "kg --version (before)": timed([PY, "-m", "kg", "--version"], args.repeat, base_env),
        "kg --version (after)": timed([PY, "-m", "kg", "--version"], args.repeat, warm_env),
    }
    rows = []
    library = available()
    for name in args.only or SMALL:
        query = library[name]
        params = params_for(query)
        command = ["-m", "kg", "query", name, "--graph", str(build / "graph.trig"), "--format=json"]
        command += [f"--param={k}={v}" for k, v in params.items()]
        run([PY, *command], base_env)  # untimed: bytecode written, caches as a user's would be
        run([PY, *command], warm_env)
        before = timed([PY, *command], args.repeat, base_env)
        cold = timed([PY, *command], args.repeat, cold_env, fresh_cache=cold_cache)
        warm = timed([PY, *command], args.repeat, warm_env)
        text_file = work / f"{name}.rq"
        bound = bindings(query, params, resolver, "sv")
        text_file.write_text(with_prefixes(bind_values(unit_separated(query.text), bound)), encoding="utf-8")
        raw = timed([PY, "-c", RAW, str(build / "store"), str(text_file)], args.repeat, clean)
        same = before["out"] == cold["out"] == warm["out"]
        rows.append((name, before, cold, warm, raw, same))
        print(
            f"{name}: before {before['wall']:.2f} s (cpu {before['cpu']:.2f}), cold {cold['wall']:.2f} "
            f"(cpu {cold['cpu']:.2f}), warm {warm['wall']:.2f} (cpu {warm['cpu']:.2f}), raw {raw['wall']:.2f} "
            f"(cpu {raw['cpu']:.2f}), same {same}",
            flush=True,
        )
    shutil.rmtree(work, ignore_errors=True)
    end_load = os.getloadavg()
    lines = [
        f"Median of {args.repeat} run(s), each a new process; CPU = user + system. Load average "
        f"{load[0]:.1f} at the start, {end_load[0]:.1f} at the end, on {os.cpu_count()} cores.",
        "",
        "| call | wall | CPU |",
        "|---|---|---|",
        *(f"| {k} | {v['wall']:.2f} s | {v['cpu']:.2f} s |" for k, v in floors.items()),
        "",
        "| query | before wall | before CPU | after cold wall | cold CPU | after warm wall | warm CPU "
        "| raw wall | raw CPU | fixed CPU before | fixed CPU after (warm) | same bytes |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, before, cold, warm, raw, same in rows:
        lines.append(
            f"| {name} | {before['wall']:.2f} s | {before['cpu']:.2f} s | {cold['wall']:.2f} s | {cold['cpu']:.2f} s "
            f"| {warm['wall']:.2f} s | {warm['cpu']:.2f} s | {raw['wall']:.2f} s | {raw['cpu']:.2f} s "
            f"| {before['cpu'] - raw['cpu']:.2f} s | {warm['cpu'] - raw['cpu']:.2f} s | {'yes' if same else 'NO'} |"
        )
    table = "\n".join(lines) + "\n"
    print(table)
    if args.output:
        args.output.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
