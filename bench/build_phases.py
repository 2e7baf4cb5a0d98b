"""Where a full build's CPU, system time and page faults go, by phase and by thread (issue 22).

Runs ``kg.build.build(DATA, OUT, engine="oxigraph", incremental=False)`` in this process (the
``kg build --full`` of the CLI) with the build's steps wrapped: at the start and end of each step
every thread of the process is read from ``/proc/self/task/*/stat`` (user and system CPU, minor and
major page faults) and the process from ``getrusage`` (which also counts threads that have ended,
such as Oxigraph's bulk-loader workers) and ``/proc/self/status`` (resident set). A sampler thread
reads the same every ``--every`` seconds, so the store writer's thread and RocksDB's threads,
which run beside the main thread, are seen too. Validation is split by compiled check (shape and
component, main-thread CPU), plus the closed-world and store-wide checks.

Printed (and written as JSON with ``--json``): per phase the main thread's user/system CPU and page
faults, the process's user/system CPU, page faults and context switches, and the resident set at its
end; per thread group (main, store writer, RocksDB, others, ended threads) the whole run's figures;
the slowest checks. ``KG_BUILD_STORE`` (stream, beside, after, auto) chooses the store writer's way
as in the build.

Usage: python bench/build_phases.py --data /work/bench/synth1m --out DIR [--json F] [--every 2]
       [--top 15] [--keep]
       python bench/build_phases.py --table A.json B.json ...   (the runs side by side, Markdown)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def tasks() -> dict[int, dict]:
    """Every thread of this process: name, user/system CPU (s), minor/major faults."""
    found = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii", errors="replace") as handle:
                text = handle.read()
        except OSError:
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        found[int(tid)] = {
            "name": name,
            "minflt": int(fields[7]),
            "majflt": int(fields[9]),
            "user": int(fields[11]) / TICK,
            "system": int(fields[12]) / TICK,
        }
    return found


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * PAGE / 1e6


def process() -> dict:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "user": r.ru_utime,
        "system": r.ru_stime,
        "minflt": r.ru_minflt,
        "majflt": r.ru_majflt,
        "voluntary": r.ru_nvcsw,
        "involuntary": r.ru_nivcsw,
        "peak_mb": r.ru_maxrss / 1e3,
    }


class Recorder:
    def __init__(self, every: float) -> None:
        self.main = threading.get_native_id()
        self.writer: set[int] = set()
        self.last: dict[int, dict] = {}  # each thread's last figures (a thread that ended keeps them)
        self.marks: list[tuple[str, float, dict, dict, float]] = []
        self.peak = 0.0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._every = every
        self._thread = threading.Thread(target=self._sample, name="sampler", daemon=True)

    def start(self) -> None:
        self.mark("start")
        self._thread.start()

    def _snapshot(self) -> dict[int, dict]:
        now = tasks()
        with self._lock:
            self.last.update(now)
            self.peak = max(self.peak, rss_mb())
        return now

    def _sample(self) -> None:
        while not self._stop.wait(self._every):
            self._snapshot()

    def mark(self, name: str) -> None:
        now = self._snapshot()
        self.marks.append((name, time.perf_counter(), process(), now.get(self.main, {}), rss_mb()))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self._snapshot()

    def group(self, tid: int, info: dict) -> str:
        if tid == self.main:
            return "main"
        if tid in self.writer:
            return "store writer"
        if info["name"].startswith("rocksdb"):
            return "rocksdb"
        if tid == self._thread.native_id:
            return "sampler"
        return "other"


def instrument(rec: Recorder, checks: dict, writer_steps: dict) -> None:
    """Wrap the build's steps (module globals of kg.build.incremental and kg.build.fastpath)."""
    from kg.build import closedworld, fastpath, incremental, labeltable

    def step(module, attr: str, label: str) -> None:
        inner = getattr(module, attr)

        def wrapped(*args, **kwargs):
            rec.mark(label + ":begin")
            try:
                return inner(*args, **kwargs)
            finally:
                rec.mark(label + ":end")

        setattr(module, attr, wrapped)

    # the first load_file (or load_files) call begins "reading"; derive ends it
    load_file = incremental.load_file
    first = []

    def load_wrapped(*args, **kwargs):
        if not first:
            first.append(True)
            rec.mark("reading:begin")
        return load_file(*args, **kwargs)

    incremental.load_file = load_wrapped
    if hasattr(incremental, "load_files"):  # the files read by threads (kg.build.fastpath.load_files)
        load_files = incremental.load_files

        def load_files_wrapped(*args, **kwargs):
            if not first:
                first.append(True)
                rec.mark("reading:begin")
            return load_files(*args, **kwargs)

        incremental.load_files = load_files_wrapped
    derive = incremental.derive

    def derive_wrapped(*args, **kwargs):
        rec.mark("reading:end")
        rec.mark("rules:begin")
        try:
            return derive(*args, **kwargs)
        finally:
            rec.mark("rules:end")

    incremental.derive = derive_wrapped
    step(incremental, "validate_store", "validation")
    step(incremental, "_group_key_rows", "group keys")
    step(incremental, "dump_trig", "graph.trig dump")
    step(labeltable, "write_new", "label table")
    step(incremental, "named_triples", "counts")
    step(incremental, "statistics", "statistics")
    step(manifest_module(), "write_new", "manifest")

    # validation by check: the time between two checks is the earlier one's (main thread CPU)
    compile_file = fastpath.compile_file

    def compiled(*args, **kwargs):
        previous, began = None, time.thread_time()
        for check in compile_file(*args, **kwargs):
            now = time.thread_time()
            if previous is not None:
                checks[previous] += now - began
            previous, began = label_of(check), now
            yield check
        if previous is not None:
            checks[previous] += time.thread_time() - began

    fastpath.compile_file = compiled
    for module, attr, label in (
        (closedworld, "facts_from_store", "closed world: facts"),
        (closedworld, "results", "closed world: results"),
        (fastpath, "store_results", "vocabulary, untyped relations"),
    ):
        inner = getattr(module, attr)

        def timed(*args, _inner=inner, _label=label, **kwargs):
            began = time.thread_time()
            try:
                return _inner(*args, **kwargs)
            finally:
                checks["(" + _label + ")"] += time.thread_time() - began

        setattr(module, attr, timed)

    # the store writer's thread: its id, and its bulk loads (dump of the batch + RocksDB bulk load)
    for cls in (incremental._StreamingStoreWriter, incremental._StoreWriter):
        run = cls._run

        def run_wrapped(self, *args, _run=run, **kwargs):
            rec.writer.add(threading.get_native_id())
            began = time.thread_time()
            try:
                return _run(self, *args, **kwargs)
            finally:
                writer_steps["thread CPU (thread_time)"] += time.thread_time() - began
                writer_steps["ended at (s)"] = time.perf_counter() - rec.marks[0][1]

        cls._run = run_wrapped
    bulk = incremental._StreamingStoreWriter._bulk

    def bulk_wrapped(*args):
        began, wall = time.thread_time(), time.perf_counter()
        try:
            return bulk(*args)
        finally:
            writer_steps["_bulk calls"] += 1
            writer_steps["_bulk CPU (writer thread)"] += time.thread_time() - began
            writer_steps["_bulk wall"] += time.perf_counter() - wall
            writer_steps["last _bulk ended at (s)"] = time.perf_counter() - rec.marks[0][1]

    incremental._StreamingStoreWriter._bulk = staticmethod(bulk_wrapped)
    bulk_load = incremental._bulk_load

    def bulk_load_wrapped(*args, **kwargs):
        began = time.perf_counter()
        try:
            return bulk_load(*args, **kwargs)
        finally:
            writer_steps["_bulk_load wall (after/beside)"] += time.perf_counter() - began

    incremental._bulk_load = bulk_load_wrapped


def label_of(check) -> str:
    """A check's shape (its local name; a property shape: its path) and component."""
    shape = str(check.shape).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    if check.path is not None and not str(check.shape).startswith("http"):
        shape = str(check.path)
    return f"{shape} {check.component}"


def manifest_module():
    from kg.build import incremental

    return incremental.manifest_file


def phases(rec: Recorder) -> list[dict]:
    """Each phase: from its begin mark to its end mark; the gaps between phases as '(between)'."""
    rows = []
    marks = rec.marks
    for i in range(1, len(marks)):
        name, t, proc, main, rss = marks[i]
        pname, pt, pproc, pmain, _ = marks[i - 1]
        if name.endswith(":end") and pname == name[: -len(":end")] + ":begin":
            label = name[: -len(":end")]
        elif name.endswith(":begin") and pname.endswith(":begin") and pname != "start":
            continue  # nested begin (not used)
        else:
            label = f"(between {pname} and {name})"
        row = {
            "phase": label,
            "wall": t - pt,
            "main user": main.get("user", 0) - pmain.get("user", 0),
            "main system": main.get("system", 0) - pmain.get("system", 0),
            "main minflt": main.get("minflt", 0) - pmain.get("minflt", 0),
            "process user": proc["user"] - pproc["user"],
            "process system": proc["system"] - pproc["system"],
            "process minflt": proc["minflt"] - pproc["minflt"],
            "process majflt": proc["majflt"] - pproc["majflt"],
            "ctx switches": proc["voluntary"] + proc["involuntary"] - pproc["voluntary"] - pproc["involuntary"],
            "rss at end MB": rss,
        }
        if row["wall"] > 0.05 or row["process user"] + row["process system"] > 0.05:
            rows.append(row)
    return rows


def groups(rec: Recorder, total: dict) -> dict[str, dict]:
    out: dict[str, dict] = defaultdict(lambda: {"threads": 0, "user": 0.0, "system": 0.0, "minflt": 0, "majflt": 0})
    for tid, info in rec.last.items():
        g = out[rec.group(tid, info)]
        g["threads"] += 1
        for key in ("user", "system", "minflt", "majflt"):
            g[key] += info[key]
    seen = {key: sum(g[key] for g in out.values()) for key in ("user", "system", "minflt", "majflt")}
    out["ended threads (not sampled)"] = {
        "threads": "?",
        **{key: total[key] - seen[key] for key in ("user", "system", "minflt", "majflt")},
    }
    return dict(out)


PHASES = ["reading", "rules", "validation", "group keys", "graph.trig dump", "label table"]


def table(files: list[Path]) -> str:
    """The runs' figures side by side: process CPU, then per phase main thread / whole process."""
    runs = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    head = "| | " + " | ".join(f.stem for f in files) + " |\n|---|" + "---|" * len(files) + "\n"
    rows = []

    def row(label: str, cells: list[str]) -> None:
        rows.append(f"| {label} | " + " | ".join(cells) + " |")

    row("load average (start, end)", [f"{r['load average'][0]:.1f}, {r['load average'][1]:.1f}" for r in runs])
    row(
        "process CPU: user + system",
        [f"**{r['process']['user'] + r['process']['system']:.1f} s** ({r['process']['user']:.1f} + "
         f"{r['process']['system']:.1f})" for r in runs],
    )  # fmt: skip
    row("peak RSS", [f"{r['process']['peak_mb']:,.0f} MB" for r in runs])
    row("minor faults", [f"{r['process']['minflt'] / 1e6:.2f} M" for r in runs])
    row("wall", [f"{r['wall']:.0f} s" for r in runs])
    for name in PHASES:
        cells = []
        for r in runs:
            found = [p for p in r["phases"] if p["phase"] == name]
            if not found:
                cells.append("–")
                continue
            p = found[0]
            cells.append(
                f"{p['main user'] + p['main system']:.1f} / {p['process user'] + p['process system']:.1f} s"
                f" (sys {p['process system']:.1f})"
            )
        row(f"{name}: main thread / process CPU", cells)
    for group in ("main", "store writer", "rocksdb", "other", "ended threads (not sampled)"):
        cells = []
        for r in runs:
            g = r["threads"].get(group)
            cells.append("–" if g is None else f"{g['user'] + g['system']:.1f} s (sys {g['system']:.1f})")
        row(f"threads: {group}", cells)
    row("store writer's bulk loads", [f"{r['store writer'].get('_bulk calls', 0):.0f}" for r in runs])
    row("validation: checks in all (main)", [f"{r['validation checks in all']:.1f} s" for r in runs])
    return head + "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--table", type=Path, nargs="+")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--every", type=float, default=2.0)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep the build (default: remove OUT at the end)")
    args = parser.parse_args()
    if args.table:
        print(table(args.table))
        return 0
    if args.data is None or args.out is None:
        parser.error("--data and --out are needed (or --table)")
    if args.out.exists():
        parser.error(f"{args.out} exists: give a new folder")
    from kg.build import build

    rec = Recorder(args.every)
    checks: dict[str, float] = defaultdict(float)
    writer_steps: dict[str, float] = defaultdict(float)
    instrument(rec, checks, writer_steps)
    load_started = os.getloadavg()[0]
    rec.start()
    began = time.perf_counter()
    result = build(args.data, args.out, engine="oxigraph", incremental=False)
    wall = time.perf_counter() - began
    rec.mark("end")
    rec.stop()
    total = process()
    figures = {
        "data": str(args.data),
        "store mode (KG_BUILD_STORE)": os.environ.get("KG_BUILD_STORE", "auto"),
        "conforms": result.conforms,
        "wall": round(wall, 1),
        "process": {k: (round(v, 2) if isinstance(v, float) else v) for k, v in total.items()},
        "peak sampled MB": round(rec.peak),
        "load average": [round(load_started, 2), round(os.getloadavg()[0], 2)],
        "timings": {k: round(v, 2) for k, v in result.timings.items()},
        "phases": [{k: (round(v, 2) if isinstance(v, float) else v) for k, v in row.items()} for row in phases(rec)],
        "threads": {
            name: {k: (round(v, 2) if isinstance(v, float) else v) for k, v in g.items()}
            for name, g in groups(rec, total).items()
        },
        "store writer": {k: round(v, 2) for k, v in writer_steps.items()},
        "validation checks (main thread CPU)": {
            k: round(v, 3) for k, v in sorted(checks.items(), key=lambda kv: -kv[1])[: args.top]
        },
        "validation checks in all": round(sum(checks.values()), 2),
    }
    del result
    if not args.keep:
        shutil.rmtree(args.out, ignore_errors=True)
    text = json.dumps(figures, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
