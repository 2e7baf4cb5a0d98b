"""Every shipped query through the command line, as users run it, on one build: before and after.

For each query in ``queries/`` (parameters as in :mod:`bench.queries`), three ways, each a child
process timed from start to exit (wall and CPU seconds, median of ``--repeat`` runs):

- *before*: ``kg query NAME`` of the code at ``--base`` (a git revision, default the commit this
  work started from), which parses ``BUILD/graph.trig`` into an in-memory Oxigraph store;
- *after*: ``kg query NAME`` of this checkout, on the same build;
- *raw Oxigraph*: a bare Python process that imports pyoxigraph, opens ``BUILD/store`` read-only,
  runs the same SPARQL text (parameters bound) and reads every solution: the floor for this design.

Children run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed), as an installed command does;
the after side's caches (:mod:`kg.core.cache`: the ORDER BY plans, the manifest's entry) are the user's,
so with ``--repeat 3`` the median is a warm run (``bench/startup.py`` measures cold runs too).

Both ``kg`` runs print ``--format json`` (every term, every row, in order, with the label columns);
``same rows`` compares the two outputs byte for byte. A run longer than ``--timeout`` is stopped.

With ``--first-call`` the build's kept answers (``results/``, :mod:`kg.query.kept`) are deleted before each
query: the after side's first run evaluates the query and keeps its answer, the later runs print the kept
answer; the table then gives the first run apart, and ``same rows`` compares every after run with before.

Run: ``python bench/query.py BUILD_DIR [--repeat 3] [--timeout 150] [--base REV] [--label "1M"]
[--only NAME ...] [--interleave] [--first-call] [--output FILE] [--write]``.
The Markdown table goes to ``--output``, and with ``--write`` between the ``query-table`` markers of
``bench/RESULTS.md`` (default: printed only). Queries whose rows were changed on purpose (a bug fixed)
are named in ``CHANGED``: their ``same rows`` cell says so instead of "NO".
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
BASE = "093e643"  # main before this round of issue 22's query work

sys.path.insert(0, str(HERE))
from queries import params_for  # noqa: E402  (the same parameters as the engine benchmark)

RAW = """
import sys, time
import pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
result = store.query(text, use_default_graph_as_union=True)
n = 0
if isinstance(result, bool):
    n = 1
else:
    for solution in result:
        for value in solution:
            pass
        n += 1
print(n)
"""


TIMEOUT = 150.0

#: queries whose rows differ from the base's on purpose, and why
CHANGED = {
    "funding": "no: fixed (a cap per municipality is no total, tests/test_gold_sv.py)",
}
START, END = "<!-- query-table: written by bench/query.py --write -->", "<!-- /query-table -->"


def run(args: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """One child process: wall and CPU seconds, exit code, output (``None`` when stopped at TIMEOUT)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        proc = subprocess.run(args, capture_output=True, env=env, cwd=cwd, check=False, timeout=TIMEOUT + 30)
        code, out, err = proc.returncode, proc.stdout, proc.stderr.decode()
        if code == 3:
            out = None
    except subprocess.TimeoutExpired:
        code, out, err = None, None, "stopped"
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "code": code, "out": out, "err": err}


def timed(args: list[str], repeat: int, env=None, cwd=None) -> dict:
    return summary([run(args, env, cwd) for _ in range(repeat)], args)


def interleaved(args: list[str], repeat: int, envs: list[dict]) -> list[dict]:
    """``repeat`` rounds of one run per environment (before, after, before, after, ...): on a shared
    machine the two sides then meet the same load."""
    runs: list[list[dict]] = [[] for _ in envs]
    for _ in range(repeat):
        for side, env in zip(runs, envs, strict=True):
            side.append(run(args, env))
    return [summary(side, args) for side in runs]


def summary(runs: list[dict], args: list[str]) -> dict:
    if any(r["code"] in (None, 3) for r in runs):  # 3: kg stopped the query at its --timeout
        return {"wall": None, "cpu": None, "walls": [], "out": None, "outs": [], "err": "stopped", "stopped": True}
    bad = [r for r in runs if r["code"] != 0]
    if bad:
        raise SystemExit(f"{' '.join(args)} failed ({bad[0]['code']}): {bad[0]['err'][-2000:]}")
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "cpu": statistics.median(r["cpu"] for r in runs),
        "walls": [round(r["wall"], 3) for r in runs],
        "first": (runs[0]["wall"], runs[0]["cpu"]),
        "out": runs[0]["out"],
        "outs": [r["out"] for r in runs],
        "err": runs[0]["err"],
    }


def base_source(rev: str, into: Path) -> Path:
    """The ``src`` folder of revision ``rev`` (the whole tree unpacked into ``into``: the queries and ontology
    are found beside ``src``)."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build folder (graph.trig, store/, manifest.json)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--base", default=BASE, help="git revision of the 'before' column")
    parser.add_argument("--label", default="", help="what the build is, for the table's heading")
    parser.add_argument("--only", nargs="*", help="only these queries")
    parser.add_argument("--output", type=Path)
    parser.add_argument("--write", action="store_true", help="write the table into bench/RESULTS.md")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="stop a run after this many seconds")
    parser.add_argument(
        "--interleave", action="store_true", help="alternate before and after run by run (a shared machine)"
    )
    parser.add_argument(
        "--first-call",
        action="store_true",
        help="delete BUILD/results (the kept answers, kg.query.kept) before each query, so that the after "
        "side's first run evaluates and keeps and the later ones print the kept answer; a column gives "
        "the first run's figures (the build folder must be writable)",
    )
    args = parser.parse_args()
    globals()["TIMEOUT"] = args.timeout

    sys.path.insert(0, str(REPO / "src"))
    from kg.query.binding import bind_values, with_prefixes
    from kg.query.library import available
    from kg.query.sparql import bindings, unit_separated
    from kg.query.stores import OxigraphStore

    build = args.build.resolve()
    graph = build / "graph.trig"
    work = Path(tempfile.mkdtemp(prefix="kg-bench-query-"))
    # bytecode caching on, as for an installed command (with PYTHONDONTWRITEBYTECODE set, every kg module
    # is compiled again on every call: about 0.1 s of CPU on each side)
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base_env = dict(clean, PYTHONPATH=str(base_source(args.base, work)))
    env = dict(clean, PYTHONPATH=str(REPO / "src"))
    check = "import kg, sys; print(kg.__file__)"
    for name, e in (("before", base_env), ("after", env)):
        where = subprocess.run([PY, "-c", check], env=e, capture_output=True, text=True, check=True).stdout.strip()
        print(f"{name}: {where}", flush=True)
    load = os.getloadavg()[0]
    resolver = None  # entity parameters are resolved once, in this process, for the raw column
    rows = []
    for name, query in sorted(available().items()):
        if args.only and name not in args.only:
            continue
        params = params_for(query)
        flags = [f"--param={k}={v}" for k, v in params.items()]
        if resolver is None:
            import pyoxigraph as ox

            resolver = OxigraphStore(ox.Store.read_only(str(build / "store")))
        bound = bindings(query, params, resolver, "sv")
        command = ["-m", "kg", "query", name, "--graph", str(graph), "--format=json", f"--timeout={args.timeout}"]
        command += flags
        if args.first_call:
            shutil.rmtree(build / "results", ignore_errors=True)
        if args.interleave:
            before, after = interleaved([PY, *command], args.repeat, [base_env, env])
        else:
            before = timed([PY, *command], args.repeat, base_env)
            after = timed([PY, *command], args.repeat, env)
        text_file = work / f"{name}.rq"
        text_file.write_text(with_prefixes(bind_values(unit_separated(query.text), bound)), encoding="utf-8")
        raw = timed([PY, "-c", RAW, str(build / "store"), str(text_file)], args.repeat)
        same = None if before["out"] is None or after["out"] is None else before["out"] == after["out"]
        count = json.loads(after["out"] or before["out"] or b"{}")
        n = len(count.get("results", {}).get("bindings", [])) if isinstance(count, dict) else None
        if same is not None:  # every after run (with --first-call: the evaluated one and the kept ones)
            same = all(out == before["out"] for out in after["outs"])
        entry = {"query": name, "rows": n, "before": before, "after": after, "raw": raw, "same": same}
        rows.append(entry)
        print(
            f"{name}: before {s(before['wall'])} (cpu {s(before['cpu'])}), after {s(after['wall'])} "
            f"(cpu {s(after['cpu'])}), raw {s(raw['wall'])} (cpu {s(raw['cpu'])}), rows {n}, same {same}"
            + (f", after's first call {s(after['first'][0])} (cpu {s(after['first'][1])})" if args.first_call else "")
            + (f"\n  after's notes: {after['err'].strip()}" if after["err"].strip() else ""),
            flush=True,
        )
    shutil.rmtree(work, ignore_errors=True)
    table = markdown(rows, args, load)
    print(table)
    if args.output:
        args.output.write_text(table, encoding="utf-8")
    if args.write:
        results = HERE / "RESULTS.md"
        text = results.read_text(encoding="utf-8")
        if START in text and END in text:
            head, rest = text.split(START, 1)
            text = head + START + "\n" + table + rest[rest.index(END) :]
        else:
            text = text.rstrip("\n") + f"\n\n{START}\n{table}{END}\n"
        results.write_text(text, encoding="utf-8")


def s(x: float | None) -> str:
    return "stopped" if x is None else f"{x:.2f} s"


def markdown(rows: list[dict], args, load: float) -> str:
    lines = [
        f"### `kg query` on {args.label or args.build}: before ({args.base}) and after, with raw Oxigraph",
        "",
        f"Median of {args.repeat} run(s), each a new process (start-up, opening and printing JSON included; "
        f"stopped after {args.timeout:g} s); "
        f"CPU = user + system time of the process. Load average at the start: {load:.1f} on "
        f"{os.cpu_count()} cores.",
        "",
        "| query | rows | before wall | before CPU | after wall | after CPU | raw Oxigraph wall | raw CPU "
        "| before / after | same rows |" + (" after's first call (wall; CPU) |" if args.first_call else ""),
        "|---|---|---|---|---|---|---|---|---|---|" + ("---|" if args.first_call else ""),
    ]
    for r in rows:
        b, a, raw = r["before"], r["after"], r["raw"]
        first = a.get("first") or (None, None)
        lines.append(
            f"| {r['query']} | {r['rows']} | {s(b['wall'])} | {s(b['cpu'])} | {s(a['wall'])} | {s(a['cpu'])} | "
            f"{s(raw['wall'])} | {s(raw['cpu'])} | {ratio(b, a)} | {same(r['same'], r['query'])} |"
            + (f" {s(first[0])}; {s(first[1])} |" if args.first_call else "")
        )
    return "\n".join(lines) + "\n"


def ratio(before: dict, after: dict) -> str:
    if after["cpu"] is None:
        return "–"
    if before["cpu"] is None:
        return f"≥ {args_timeout() / after['wall']:.1f}× (wall)"
    return f"{before['cpu'] / after['cpu']:.1f}× (CPU)"


def args_timeout() -> float:
    return TIMEOUT


def same(value: bool | None, query: str = "") -> str:
    if value is False and query in CHANGED:
        return CHANGED[query]
    return "–" if value is None else ("yes" if value else "NO")


if __name__ == "__main__":
    main()
