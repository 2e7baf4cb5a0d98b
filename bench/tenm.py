"""The steps of issue 22 not yet measured at ten million triples: the heaviest queries, ``kg viz`` and the rebuild.

On a finished build (``kg build --data DATA --out BUILD --engine oxigraph --full``), each step is one child
process under ``/usr/bin/time`` (wall, CPU = user + system, peak RSS) and ``timeout`` (a step longer than
``--timeout`` seconds is stopped and shown as such, with the limit it hit):

- ``query NAME``: ``kg query NAME --graph BUILD/graph.trig --format=json`` with the parameters of
  :mod:`bench.queries` (rows counted from the JSON);
- ``viz``: ``kg viz`` on a copy of the build (``WORK/build``: it stores the network in ``analysis/``, so it
  never runs on BUILD itself);
- ``rebuild``: the data copied to ``WORK/data`` and built in full into ``WORK/rebuild`` (*full*: the
  manifest names sources by absolute path, so a copied build would take every copied file for a new one);
  then ``kg build`` with nothing changed (*no change*), with one triple added to the first source file
  (*one changed source*), and with the file put back (*revert*), as ``bench/rebuild.py`` does at 1M.

With ``--in-place`` the build is the benchmark's own, made from ``--data`` where it is (a folder it may
change): ``viz`` runs on it (storing the network in its ``analysis/``) and ``rebuild`` measures the rebuilds
on it (one source file of ``--data`` is changed and put back), so nothing is copied and the full build is
the one measured beside (``kg build --data DATA --out BUILD --engine oxigraph --full`` under ``/usr/bin/time``).

Copies need about the build's size plus the data's on the disk of ``--work`` (10M: 3.8 GB + 0.75 GB, and
as much again for the rebuild's own build): the script checks the free space first. Run one step at a
time on a machine with a few GB free (a 10M query takes up to 1.5 GB, ``kg viz`` and the rebuild
several). Each result is written to ``WORK/STEP.json`` as soon as it is measured (a stopped run resumes;
``--again`` measures again); the Markdown table is printed and written to ``WORK/table.md``.

Run: ``python bench/tenm.py BUILD --data DATA --work DIR [--kg KG] [--timeout 300]
[--steps query:ties query:nodes ... viz rebuild] [--again] [--in-place]``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from rebuild import edit  # noqa: E402  (the same one-triple edit as at 1M)

from queries import PARAMS  # noqa: E402  (the parameters every query benchmark uses)

TIME = "TIME wall=%e user=%U sys=%S maxrss_kb=%M"
HEAVIEST = ["ties", "weak-facts", "collaboration-pairs", "nodes", "initiatives", "sources", "funding-details"]
DEFAULT_STEPS = [f"query:{name}" for name in HEAVIEST] + ["rebuild", "viz"]


def load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def timed(command: list[str], timeout: float, stdout=None) -> dict:
    """One child under ``timeout`` and ``/usr/bin/time``: wall, CPU, peak RSS, whether it was stopped."""
    before = load()
    started = time.perf_counter()
    done = subprocess.run(
        ["timeout", "-s", "KILL", str(timeout), "/usr/bin/time", "-f", TIME, *command],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - started
    found = re.search(r"TIME wall=([\d.]+) user=([\d.]+) sys=([\d.]+) maxrss_kb=(\d+)", done.stderr)
    if done.returncode in (124, 137, -9) or found is None:  # killed by timeout: /usr/bin/time died with it
        return {"stopped": True, "wall": wall, "limit": timeout, "load": [before, load()]}
    if done.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    w, user, system, rss = found.groups()
    return {
        "stopped": done.returncode == 3,  # 3: kg stopped the query at its own --timeout
        "wall": float(w),
        "cpu": float(user) + float(system),
        "rss_mb": int(rss) / 1024,
        "load": [before, load()],
        "said": done.stderr.replace(found.group(0), "").strip()[-300:],
    }


def query_step(kg: str, build: Path, name: str, work: Path, timeout: float) -> dict:
    out = work / f"query-{name}.json.out"
    args = [kg, "query", name, "--graph", str(build / "graph.trig"), "--format=json", f"--timeout={timeout}"]
    args += [f"--param={k}={v}" for k, v in PARAMS.get(name, {}).items()]
    with out.open("w", encoding="utf-8") as handle:
        result = timed(args, timeout + 30, stdout=handle)
    if not result["stopped"]:
        result["rows"] = len(json.loads(out.read_text(encoding="utf-8"))["results"]["bindings"])
    out.unlink()
    return result


def copies(build: Path, data: Path, work: Path) -> tuple[Path, Path]:
    """``WORK/build`` and ``WORK/data``, copied once (after checking the free space)."""
    copy_build, copy_data = work / "build", work / "data"
    need = sum(f.stat().st_size for f in build.rglob("*") if f.is_file()) if not copy_build.exists() else 0
    need += sum(f.stat().st_size for f in data.rglob("*") if f.is_file()) if not copy_data.exists() else 0
    free = shutil.disk_usage(work).free
    if need and free < need * 1.3:
        raise SystemExit(f"{work}: {free / 1e9:.1f} GB free, the copies need {need / 1e9:.1f} GB")
    if not copy_data.exists():
        shutil.copytree(data, copy_data, symlinks=True)
    if not copy_build.exists():
        # without the lock file a running `kg query` holds (it may vanish while the folder is copied)
        shutil.copytree(build, copy_build, symlinks=True, ignore=shutil.ignore_patterns(".lock"))
    return copy_build, copy_data


def rebuild_step(kg: str, build: Path, data: Path, work: Path, timeout: float, in_place: bool = False) -> dict:
    """The build's manifest names every source by its absolute path, so a copied build does not know the
    copied data: the copy of the data gets a full build of its own first (``WORK/rebuild``), then the
    rebuilds are measured on it. ``in_place``: the rebuilds are measured on ``build`` itself, made from
    ``data`` (no copy, no full build here)."""
    if in_place:
        copy_data, out = data, build
    else:
        _, copy_data = copies(build, data, work)
        out = work / "rebuild"
    command = [kg, "build", "--data", str(copy_data), "--out", str(out), "--engine", "oxigraph", "-q"]
    source = sorted((copy_data / "sources").glob("*.ttl"))[0]
    original = source.read_bytes()
    result = {} if in_place else {"full": timed([*command, "--full"], timeout)}
    result["no change"] = timed(command, timeout)
    edit(source, "tenm")
    try:
        result["one changed source"] = timed(command, timeout)
    finally:
        source.write_bytes(original)
    result["revert"] = timed(command, timeout)
    return result


def viz_step(kg: str, build: Path, data: Path, work: Path, timeout: float, in_place: bool = False) -> dict:
    copy_build = build if in_place else copies(build, data, work)[0]
    page = work / "network.html"
    result = timed([kg, "viz", "--graph", str(copy_build / "graph.trig"), "-o", str(page)], timeout)
    result["page_mb"] = page.stat().st_size / 1e6 if page.exists() else None
    return result


def cell(r: dict) -> str:
    if r.get("stopped") and "limit" in r:  # killed from outside: /usr/bin/time died with it, no CPU figure
        return f"stopped at the {r['limit']:.0f} s limit (wall {r['wall']:.0f} s) | – | –"
    if r.get("stopped"):  # kg stopped itself at its --timeout: the figures are of the run until then
        return f"stopped by `--timeout` at {r['wall']:.0f} s | > {r['cpu']:.1f} s | {r['rss_mb']:,.0f} MB"
    return f"{r['wall']:.2f} s | {r['cpu']:.2f} s | {r['rss_mb']:,.0f} MB"


def table(results: dict[str, dict]) -> str:
    lines = ["| step | wall | CPU | peak RSS | rows / note | load (1 min, before–after) |", "|---|---|---|---|---|---|"]
    for step, r in results.items():
        parts = r.items() if step == "rebuild" else [(None, r)]
        for sub, one in parts:
            name = f"{step}: {sub}" if sub else step
            body = cell(one)
            note = (
                f"{one['rows']:,} rows"
                if "rows" in one
                else (f"page {one['page_mb']:.1f} MB" if one.get("page_mb") else "")
            )
            low, high = one["load"]
            lines.append(f"| {name} | {body} | {note} | {low:.1f}–{high:.1f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a full build (graph.trig, store/, manifest)")
    parser.add_argument("--data", type=Path, required=True, help="the data folder the build was made from")
    parser.add_argument("--work", type=Path, required=True, help="results and the copies for viz and rebuild")
    parser.add_argument("--kg", default=str(Path(sys.executable).with_name("kg")), help="the kg command")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds of wall time per step")
    parser.add_argument("--steps", nargs="*", default=DEFAULT_STEPS)
    parser.add_argument("--again", action="store_true")
    parser.add_argument(
        "--in-place", action="store_true", help="viz and rebuild on BUILD itself, made from DATA (nothing copied)"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    build = args.build.resolve()
    results: dict[str, dict] = {}
    for step in args.steps:
        target = args.work / f"{step.replace(':', '-')}.json"
        if target.exists() and not args.again:
            results[step] = json.loads(target.read_text(encoding="utf-8"))
            continue
        if step.startswith("query:"):
            result = query_step(args.kg, build, step.split(":", 1)[1], args.work, args.timeout)
        elif step == "rebuild":
            result = rebuild_step(args.kg, build, args.data.resolve(), args.work, args.timeout, args.in_place)
        elif step == "viz":
            result = viz_step(args.kg, build, args.data, args.work, args.timeout, args.in_place)
        else:
            raise SystemExit(f"unknown step {step!r} (query:NAME, rebuild, viz)")
        target.write_text(json.dumps(result, indent=1), encoding="utf-8")
        results[step] = result
        print(step, json.dumps(result), flush=True)
    text = table(results)
    print(text)
    (args.work / "table.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
