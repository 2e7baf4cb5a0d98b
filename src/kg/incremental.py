"""The Oxigraph build, full or incremental.

``OUT/store`` is an on-disk Oxigraph store holding the built dataset, and ``OUT/manifest.json``
records, for every input file, its size, modification time, SHA-256 and named graph, together
with the validation results of the last build and a fingerprint of the ontology, shapes and rules.

A rebuild compares the inputs with the manifest. When only some files changed, it replaces just
their named graphs, derives within them, and validates the focus nodes they touch: the subjects
of the old and new content, the nodes that point to those subjects, and the graphs themselves;
the other results are carried over from the manifest. Cross-source constraints (one municipality
per code, one IRI per person name) are among the checks run for the touched nodes, against the
whole store. When anything fails, the touched graphs are put back as they were and nothing is
written. A change to the ontology, shapes, rules or the package version forces a full build.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import shutil
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from rdflib import URIRef

from kg import __version__, resources
from kg.atomic import write_text
from kg.build import GRAPH_FILE, BuildResult
from kg.derive import derive
from kg.fastpath import GLOBAL_COMPONENTS, Inputs, dump_trig, inputs, load_file, statistics, validate_store
from kg.namespaces import ANALYSIS_GRAPH
from kg.shapes_sparql import compile_file
from kg.store import OxigraphStore, bind_rows
from kg.validate import SEVERITY_ORDER, Result, ValidationReport

STORE_DIR = "store"
MANIFEST = "manifest.json"
DIRTY = "store.dirty"


_OPEN: dict[str, object] = {}


def open_disk_store(path: Path):
    """The on-disk Oxigraph store at ``path``, opened once per process (RocksDB locks its folder)."""
    import pyoxigraph as ox

    key = str(Path(path).resolve())
    if key not in _OPEN:
        _OPEN[key] = ox.Store(key)
    return _OPEN[key]


def _forget(path: Path) -> None:
    _OPEN.pop(str(Path(path).resolve()), None)


def fingerprint() -> str:
    """A hash of everything that is not data but changes a build: ontology, shapes, rules, version."""
    digest = hashlib.sha256(__version__.encode())
    folder = resources.shipped("ontology")
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_record(path: Path, graph: URIRef, previous: dict | None = None) -> dict:
    stat = path.stat()
    if previous and previous.get("size") == stat.st_size and previous.get("mtime_ns") == stat.st_mtime_ns:
        digest = previous["sha256"]
    else:
        digest = _sha256(path)
    return {"graph": str(graph), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}


def _manifest(found: Inputs, report: ValidationReport, previous: dict | None = None) -> dict:
    old = (previous or {}).get("files", {})
    return {
        "version": 1,
        "fingerprint": fingerprint(),
        "files": {str(p.resolve()): _file_record(p, g, old.get(str(p.resolve()))) for p, g in found.graphs.items()},
        "report": [asdict(r) for r in report.results],
    }


def _finish(result: BuildResult, store: OxigraphStore, out: Path | None, found: Inputs, started: float) -> BuildResult:
    result.stats = statistics(store)
    result.timings["total"] = time.perf_counter() - started
    return result


def full_build(found: Inputs, out: Path | None) -> BuildResult:
    """Load everything into a new store, derive, validate; on success write graph.trig, store, manifest."""
    import pyoxigraph as ox

    started = time.perf_counter()
    timings: dict[str, float] = {}
    temp: Path | None = None
    created = out is not None and not out.exists()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=".store-", dir=out))
    try:
        store = OxigraphStore(ox.Store(str(temp)) if temp else ox.Store())
        t = time.perf_counter()
        for path, graph in found.graphs.items():
            load_file(store.store, path, graph)
        timings["load"] = time.perf_counter() - t
        t = time.perf_counter()
        derived = derive(store)
        timings["derive"] = time.perf_counter() - t
        t = time.perf_counter()
        report = validate_store(store, found)
        timings["validate"] = time.perf_counter() - t
        if report.conforms and out is not None:
            t = time.perf_counter()
            dump_trig(store, out / GRAPH_FILE)
            store.store.flush()
            store = None  # close the temporary store (RocksDB locks its folder) before moving it into place
            gc.collect()
            final = out / STORE_DIR
            old = out / ".store-old"
            _forget(final)
            if final.exists():
                final.rename(old)
            temp.rename(final)
            temp = None
            shutil.rmtree(old, ignore_errors=True)
            write_text(out / MANIFEST, json.dumps(_manifest(found, report), ensure_ascii=False))
            (out / DIRTY).unlink(missing_ok=True)
            store = OxigraphStore(open_disk_store(final))
            timings["write"] = time.perf_counter() - t
            result = BuildResult(None, report, derived, store=store, engine="oxigraph", timings=timings)
            result.output = out / GRAPH_FILE
        else:
            result = BuildResult(None, report, derived, store=store, engine="oxigraph", timings=timings)
        return _finish(result, store, out, found, started)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
            if created:
                with contextlib.suppress(OSError):
                    out.rmdir()  # only if empty: a failed first build leaves no folder behind


def _changes(found: Inputs, manifest: dict) -> tuple[set[URIRef], list[str]]:
    """The graphs whose files were added, changed or removed, and those files."""
    old = manifest.get("files", {})
    now = {str(p.resolve()): (p, g) for p, g in found.graphs.items()}
    changed_files: list[str] = []
    graphs: set[URIRef] = set()
    for key, (path, graph) in now.items():
        record = old.get(key)
        if (
            record is None
            or record["graph"] != str(graph)
            or _file_record(path, graph, record)["sha256"] != record["sha256"]
        ):
            changed_files.append(key)
            graphs.add(graph)
    for key, record in old.items():
        if key not in now:
            changed_files.append(key)
            graphs.add(URIRef(record["graph"]))
    return graphs, sorted(changed_files)


def _touched(store: OxigraphStore, subjects: set[URIRef], graphs: set[URIRef]) -> list[URIRef]:
    """Focus nodes to re-validate: the subjects, what points to them, and the graphs themselves."""
    nodes = set(subjects) | set(graphs)
    if subjects:
        query = "SELECT DISTINCT ?x WHERE { ?x ?p ?s FILTER(isIRI(?x)) }"
        nodes |= {row["x"] for row in store.select(bind_rows(query, "s", sorted(subjects)))[1]}
    return sorted(nodes)


def incremental_build(found: Inputs, out: Path, manifest: dict) -> BuildResult | None:
    """Rebuild only what changed; ``None`` when a full build is needed instead."""
    import pyoxigraph as ox

    started = time.perf_counter()
    graphs, changed = _changes(found, manifest)
    store = OxigraphStore(open_disk_store(out / STORE_DIR))
    timings: dict[str, float] = {}
    previous = ValidationReport([Result(**r) for r in manifest.get("report", [])])
    if not graphs:
        result = BuildResult(None, previous, {}, output=out / GRAPH_FILE, store=store, engine="oxigraph")
        result.changed = []
        return _finish(result, store, out, found, started)
    t = time.perf_counter()
    files_by_graph = found.files_by_graph
    saved: dict[URIRef, list] = {}
    old_subjects: set[URIRef] = set()
    (out / DIRTY).write_text("incremental build in progress\n", encoding="utf-8")
    analysis = ox.NamedNode(str(ANALYSIS_GRAPH))
    if store.store.contains_named_graph(analysis):  # the data changed: an earlier analysis no longer holds
        graphs = graphs | {ANALYSIS_GRAPH}
    try:
        for graph in sorted(graphs):
            name = ox.NamedNode(str(graph))
            saved[graph] = list(store.store.quads_for_pattern(None, None, None, name))
            old_subjects |= {URIRef(q.subject.value) for q in saved[graph] if isinstance(q.subject, ox.NamedNode)}
            store.store.remove_graph(name) if store.store.contains_named_graph(name) else None
            for path in files_by_graph.get(graph, []):
                load_file(store.store, path, graph)
        timings["load"] = time.perf_counter() - t
        t = time.perf_counter()
        present = [g for g in sorted(graphs) if store.store.contains_named_graph(ox.NamedNode(str(g)))]
        derived = derive(store, present) if present else {}
        timings["derive"] = time.perf_counter() - t
        t = time.perf_counter()
        new_subjects = set()
        for graph in present:
            query = f"SELECT DISTINCT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} FILTER(isIRI(?s)) }}"
            new_subjects |= {row["s"] for row in store.select(query)[1]}
        focus = _touched(store, old_subjects | new_subjects, graphs)
        fresh = validate_store(store, found, focus=focus)
        touched = {str(n) for n in focus}
        global_shapes = {c.shape for c in compile_file(resources.shapes_file()) if c.component in GLOBAL_COMPONENTS}
        kept = [r for r in previous.results if r.focus not in touched and r.shape not in global_shapes]
        results = sorted(
            kept + fresh.results,
            key=lambda r: (SEVERITY_ORDER.get(r.severity, 9), r.files[:1], r.focus or "", r.message),
        )
        report = ValidationReport(results)
        timings["validate"] = time.perf_counter() - t
    except BaseException:
        _restore(store, saved)
        (out / DIRTY).unlink(missing_ok=True)
        raise
    result = BuildResult(None, report, derived, store=store, engine="oxigraph", timings=timings)
    result.changed = changed
    if not report.conforms:
        _restore(store, saved)
        (out / DIRTY).unlink(missing_ok=True)
        return _finish(result, store, out, found, started)
    t = time.perf_counter()
    dump_trig(store, out / GRAPH_FILE)
    store.store.flush()
    write_text(out / MANIFEST, json.dumps(_manifest(found, report, manifest), ensure_ascii=False))
    (out / DIRTY).unlink(missing_ok=True)
    timings["write"] = time.perf_counter() - t
    result.output = out / GRAPH_FILE
    return _finish(result, store, out, found, started)


def _restore(store: OxigraphStore, saved: dict) -> None:
    """Put the touched graphs back as they were."""
    import pyoxigraph as ox

    for graph, quads in saved.items():
        name = ox.NamedNode(str(graph))
        with contextlib.suppress(Exception):
            store.store.remove_graph(name)
        store.store.extend(quads)


def build_oxigraph(data_dir=None, out_dir=None, *, files=None, incremental: bool = True) -> BuildResult:
    """The Oxigraph build: incremental when a valid store and manifest are in ``out_dir``."""
    found = inputs(Path(data_dir) if data_dir is not None else None, [Path(f) for f in files] if files else None)
    out = Path(out_dir) if out_dir is not None else None
    if out is not None and incremental:
        manifest_path = out / MANIFEST
        if manifest_path.is_file() and (out / STORE_DIR).is_dir() and not (out / DIRTY).exists():
            try:
                manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                manifest = {}
            if manifest.get("fingerprint") == fingerprint() and (out / GRAPH_FILE).is_file():
                result = incremental_build(found, out, manifest)
                if result is not None:
                    return result
    return full_build(found, out)
