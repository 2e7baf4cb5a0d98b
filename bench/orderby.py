"""Every shipped query on one large build: ``kg query``, and raw Oxigraph with and without its top-level ORDER BY.

For each query in ``queries/`` (parameters as in :mod:`bench.queries`), three child processes, each timed
from start to exit (wall and CPU seconds = user + system, peak RSS from ``/usr/bin/time``-like rusage):

- *kg*: ``kg query NAME --graph BUILD/graph.trig --format=json --timeout=T`` of this checkout;
- *raw*: a bare Python process that imports pyoxigraph, opens ``BUILD/store`` read-only and reads every
  solution of the same SPARQL text (parameters bound as ``kg`` binds them);
- *raw, no ORDER BY*: the same text with its top-level ``ORDER BY`` removed (:func:`without_order_by`;
  ``LIMIT``/``OFFSET`` kept), so ``raw − raw no ORDER BY`` is what the sort costs inside Oxigraph.

Each figure is written to ``--out/NAME.json`` as soon as it is measured (a long run can be stopped and
resumed: queries already measured are skipped unless ``--again``); the Markdown table is printed and
written to ``--out/table.md``. A run longer than ``--timeout`` is stopped and shown as such.

Run: ``python bench/orderby.py BUILD_DIR --out DIR [--timeout 120] [--only NAME ...] [--again]``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "src"))

from queries import params_for  # noqa: E402

RAW = """
import sys, time, resource
import pyoxigraph as ox
t = time.perf_counter()
store = ox.Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
opened = time.perf_counter() - t
result = store.query(text, use_default_graph_as_union=True)
n = 0
first = None
if isinstance(result, bool):
    n = 1
else:
    for solution in result:
        if first is None:
            first = time.perf_counter() - t
        for value in solution:
            pass
        n += 1
print(n, opened, first)
"""


def without_order_by(text: str) -> str | None:
    """The query without its top-level ``ORDER BY`` clause (``None`` when it has none).

    The top level is what follows the last ``}`` of the outermost group; ``LIMIT`` and ``OFFSET`` stay.

    >>> without_order_by("SELECT ?x WHERE { { SELECT ?y WHERE {} ORDER BY ?y } } ORDER BY DESC(?x) ?z LIMIT 5")
    'SELECT ?x WHERE { { SELECT ?y WHERE {} ORDER BY ?y } } LIMIT 5'
    >>> without_order_by("SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?x ORDER BY DESC(?n)")
    'SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?x'
    >>> without_order_by("SELECT ?x WHERE { ?x ?p ?o }") is None
    True
    """
    end = text.rfind("}")
    head, tail = text[: end + 1], text[end + 1 :]
    match = re.search(r"ORDER\s+BY\b.*?(?=\b(?:LIMIT|OFFSET)\b|\Z)", tail, flags=re.I | re.S)
    if not match:
        return None
    rest = (tail[: match.start()] + tail[match.end() :]).strip()
    return head + (" " + rest if rest else "")


def measured(args: list[str], timeout: float) -> dict:
    """One child process: wall and CPU seconds (user + system), peak RSS (MB), exit code, output.

    A child still running after ``timeout`` wall seconds is stopped (``stopped``); its CPU time and peak
    RSS up to then are read from ``/proc`` first, so a stopped run still says how much CPU it had got
    (on a shared machine a wall-clock limit stops a query after a fraction of that in CPU time).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        # /usr/bin/time reports the peak RSS of the process it runs: a forked child's own high-water mark
        # starts at its parent's RSS, so the rusage of a direct child would show this script's size
        proc = subprocess.Popen(
            ["/usr/bin/time", "-f", "PEAK_RSS_KB=%M", *args], stdout=out, stderr=err, start_new_session=True
        )
        stopped, cpu, peak = False, None, None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > timeout:
                cpu, peak = _so_far(_child_of(proc.pid))
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                stopped = True
                break
            time.sleep(0.05)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read().decode(errors="replace")
    peaks = re.findall(r"PEAK_RSS_KB=(\d+)", errors)
    errors = re.sub(r"(Command exited with non-zero status \d+\n)?PEAK_RSS_KB=\d+\n?", "", errors)
    return {
        "wall": wall,
        "cpu": cpu if stopped else usage.ru_utime + usage.ru_stime,
        "peak_mb": peak if stopped else (int(peaks[-1]) / 1024 if peaks else None),
        "code": proc.returncode,
        "stopped": stopped or proc.returncode == 3,  # 3: kg query stopped itself at its --timeout
        "load": os.getloadavg()[0],
        "out": output,
        "err": errors[-2000:],
    }


def _child_of(pid: int) -> int:
    """The process ``pid`` runs (its first child), or ``pid`` when it has none."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return pid
    return int(children[0]) if children else pid


def _so_far(pid: int) -> tuple[float | None, float | None]:
    """CPU seconds (user + system) and peak RSS (MB) of a running process, from ``/proc``."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        cpu = (int(fields[11]) + int(fields[12])) / ticks
        hwm = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
        return cpu, int(hwm.group(1)) / 1024 if hwm else None
    except (OSError, IndexError, ValueError):
        return None, None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--skip", nargs="*", default=[], help="steps not to run: kg raw unordered")
    parser.add_argument("--again", action="store_true")
    args = parser.parse_args()

    import pyoxigraph as ox

    from kg.query.binding import bind_values, with_prefixes
    from kg.query.library import available
    from kg.query.sparql import bindings, unit_separated
    from kg.query.stores import OxigraphStore

    build = args.build.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    resolver = None
    for name, query in sorted(available().items()):
        target = args.out / f"{name}.json"
        if (args.only and name not in args.only) or (target.exists() and not args.again):
            continue
        params = params_for(query)
        if resolver is None:
            resolver = OxigraphStore(ox.Store.read_only(str(build / "store")))
        t = time.perf_counter()
        bound = bindings(query, params, resolver, "sv")
        resolve = time.perf_counter() - t
        text = with_prefixes(bind_values(unit_separated(query.text), bound))
        files = {"raw": args.out / f"{name}.rq", "unordered": args.out / f"{name}.unordered.rq"}
        files["raw"].write_text(text, encoding="utf-8")
        unordered = without_order_by(text)
        if unordered is not None:
            files["unordered"].write_text(unordered, encoding="utf-8")
        entry: dict = {"query": name, "params": params, "resolve_in_bench": resolve, "has_order_by": bool(unordered)}
        kg_args = [PY, "-m", "kg", "query", name, "--graph", str(build / "graph.trig"), "--format=json"]
        kg_args += [f"--timeout={args.timeout}", *(f"--param={k}={v}" for k, v in params.items())]
        steps = {
            "raw": [PY, "-c", RAW, str(build / "store"), str(files["raw"])],
            "unordered": [PY, "-c", RAW, str(build / "store"), str(files["unordered"])] if unordered else None,
            "kg": kg_args,
        }
        for step, command in steps.items():
            if command is None or step in args.skip:
                continue
            if step == "kg" and entry.get("raw", {}).get("stopped"):  # kg runs the same text, and more
                entry[step] = {"stopped": True, "skipped": "raw Oxigraph was stopped"}
                continue
            result = measured(command, args.timeout)
            out = result.pop("out")
            if step == "kg" and out and not result["stopped"]:
                try:
                    result["rows"] = len(json.loads(out)["results"]["bindings"])
                except (ValueError, KeyError):
                    result["rows"] = None
            elif out and not result["stopped"]:
                n, opened, first = out.decode().split()
                result.update(rows=int(n), opened=float(opened), first=None if first == "None" else float(first))
            entry[step] = result
            print(f"{name} {step}: {json.dumps({k: v for k, v in result.items() if k != 'err'})}", flush=True)
            if result["code"] not in (0, 3) and not result["stopped"]:
                print(result["err"], flush=True)
        target.write_text(json.dumps(entry, indent=1), encoding="utf-8")
    table = markdown(args.out)
    print(table)
    (args.out / "table.md").write_text(table, encoding="utf-8")


def fmt(step: dict | None, key: str) -> str:
    if not step:
        return "–"
    if step.get("skipped"):
        return "not run"
    if step.get("stopped"):
        return f"> {step['cpu']:.0f} CPU" if step.get("cpu", 0) > 1 and key == "cpu" else "stopped"
    if step.get("code"):
        return f"failed ({step['code']})"
    value = step.get(key)
    return "–" if value is None else f"{value:.2f}"


def markdown(folder: Path) -> str:
    lines = [
        "| query | rows | kg CPU / wall (s) | kg peak MB | raw CPU / wall (s) | raw no ORDER BY CPU / wall (s) "
        "| ORDER BY share of raw CPU | load |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for path in sorted(folder.glob("*.json")):
        e = json.loads(path.read_text(encoding="utf-8"))
        kg, raw, un = e.get("kg"), e.get("raw"), e.get("unordered")
        rows = next((s.get("rows") for s in (kg, raw) if s and s.get("rows") is not None), None)
        share = "no ORDER BY"
        if un:
            ok = raw and not raw.get("stopped") and not un.get("stopped")
            share = f"{(raw['cpu'] - un['cpu']) / raw['cpu']:.0%}" if ok and raw["cpu"] > 0 else "–"
        peak = f"{kg['peak_mb']:.0f}" if kg and kg.get("peak_mb") else "–"
        loads = [s["load"] for s in (kg, raw, un) if s and s.get("load") is not None] or [float("nan")]
        lines.append(
            f"| {e['query']} | {'–' if rows is None else f'{rows:,}'} | {fmt(kg, 'cpu')} / {fmt(kg, 'wall')} | {peak} "
            f"| {fmt(raw, 'cpu')} / {fmt(raw, 'wall')} | {fmt(un, 'cpu')} / {fmt(un, 'wall')} | {share} "
            f"| {min(loads):.1f}–{max(loads):.1f} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
