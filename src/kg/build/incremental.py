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
import mmap
import os
import shutil
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from rdflib import RDF, URIRef

from kg.build.derive import derive
from kg.build.fastpath import Inputs, inputs, load_file, named_triples, statistics, validate_store
from kg.build.findings import SEVERITY_ORDER, Result, ValidationReport
from kg.build.result import GRAPH_FILE, BuildResult
from kg.build.shapes_sparql import compile_file
from kg.core import resources
from kg.core.atomic import write_text
from kg.core.namespaces import ANALYSIS_GRAPH
from kg.core.version import __version__
from kg.query.binding import bind_rows
from kg.query.stores import OxigraphStore, dump_trig

STORE_DIR = "store"
MANIFEST = "manifest.json"
DIRTY = "store.dirty"


_OPEN: dict[str, object] = {}


CLOSED_WORLD = "kg.validate:closed-world"


def open_disk_store(path: Path):
    """The on-disk Oxigraph store at ``path``, opened once per process (RocksDB locks its folder)."""
    import pyoxigraph as ox

    from kg.core.locking import open_when_free

    key = str(Path(path).resolve())
    if key not in _OPEN:
        _OPEN[key] = open_when_free(lambda: ox.Store(key), Path(path))
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


def _file_record(path: Path, graph: URIRef, previous: dict | None = None, key: str | None = None) -> dict:
    stat = os.stat(key or path)
    if previous and previous.get("size") == stat.st_size and previous.get("mtime_ns") == stat.st_mtime_ns:
        digest = previous["sha256"]
    else:
        digest = _sha256(path)
    return {"graph": str(graph), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}


MANIFEST_VERSION = 2


_FOLDERS: dict[str, str] = {}


def _key(path: Path) -> str:
    """The manifest's key of an input file: its absolute path, without symlink resolution (18,000
    realpath calls cost a second at 1M triples), each folder made absolute once (``os.path.abspath``
    of each path took 0.5 s).

    >>> import os; _key(Path("data/sources/a.ttl")) == os.path.abspath("data/sources/a.ttl")
    True
    """
    text = os.fspath(path)
    folder, sep, name = text.rpartition(os.sep)
    if not sep or not folder or name in ("", ".", ".."):
        return os.path.abspath(text)
    if folder not in _FOLDERS:
        _FOLDERS[folder] = os.path.abspath(folder)
    return os.path.join(_FOLDERS[folder], name)


def _keys(found: Inputs) -> dict[Path, str]:
    return {p: _key(p) for p in found.graphs}


def _records(found: Inputs, previous: dict | None = None) -> dict[str, dict]:
    """The manifest's record of every input file (a stat each; hashed when new or changed)."""
    old = (previous or {}).get("files", {})
    keys = _keys(found)
    return {keys[p]: _file_record(p, g, old.get(keys[p]), keys[p]) for p, g in found.graphs.items()}


def _manifest(
    found: Inputs,
    report: ValidationReport,
    out: Path,
    ranges: dict[str, list[int]],
    previous: dict | None = None,
    records: dict[str, dict] | None = None,
    triples: int | None = None,
) -> dict:
    stat = (out / GRAPH_FILE).stat()
    return {
        "version": MANIFEST_VERSION,
        "triples": triples,  # in the named graphs: a rebuild counts what it replaced instead of the whole store
        "fingerprint": fingerprint(),
        "files": records if records is not None else _records(found, previous),
        "report": [asdict(r) for r in report.results],
        # where each graph's block is in graph.trig, valid while the file has this size and time
        "graph_file": {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "ranges": ranges},
    }


def record_graph_file(out: Path, ranges: dict[str, list[int]], added: int = 0) -> None:
    """Record in ``OUT/manifest.json`` that ``OUT/graph.trig`` as it is now was dumped from the
    on-disk store (its size, time and graph ranges), after a change made to both together, such as
    the analysis ``kg all`` stores in the graph; ``added`` triples (negative: removed) change the
    recorded count. Queries then keep using the store (:func:`kg.build.graph.built_store_state`).
    Does nothing without a manifest."""
    path = out / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    stat = (out / GRAPH_FILE).stat()
    manifest["graph_file"] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "ranges": ranges}
    if manifest.get("triples") is not None:
        manifest["triples"] += added
    write_text(path, json.dumps(manifest, ensure_ascii=False))


def _finish(
    result: BuildResult,
    store: OxigraphStore,
    out: Path | None,
    found: Inputs,
    started: float,
    triples: int | None = None,
) -> BuildResult:
    result.stats = statistics(store, triples)
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
        # Load, derive and validate in memory (loading thousands of small files into RocksDB one by
        # one is several times slower); the on-disk store is bulk-loaded from a dump of it (below).
        store = OxigraphStore(ox.Store())
        t = time.perf_counter()
        issues = []
        for path, graph in found.graphs.items():
            issues += load_file(store.store, path, graph)
        timings["load"] = time.perf_counter() - t
        t = time.perf_counter()
        derived = derive(store)
        timings["derive"] = time.perf_counter() - t
        # The on-disk store is written while the data is validated and graph.trig is dumped: Oxigraph
        # dumps the memory store and RocksDB bulk-loads the dump without holding the GIL, so on two
        # cores it costs no wall time (at 1M triples 12 s of CPU, which followed validation before).
        # Its folder and format are those of before: OUT/store, an Oxigraph (RocksDB) store.
        mode = store_mode(len(store.store)) if temp is not None else "none"
        writer = _StoreWriter(store.store, temp) if mode == "beside" else None
        t = time.perf_counter()
        try:
            report = validate_store(store, found, issues=issues)
        except BaseException:
            if writer is not None:
                writer.join(raise_error=False)
            raise
        timings["validate"] = time.perf_counter() - t
        if report.conforms and out is not None:
            t = time.perf_counter()
            try:
                ranges = dump_trig(store, out / GRAPH_FILE)
            finally:
                if writer is not None:
                    writer.join(raise_error=False)
            timings["dump"] = time.perf_counter() - t
            triples = named_triples(store)  # counted in memory: on disk it is a scan of RocksDB
            if writer is not None:
                writer.join()  # its error, if any, now that graph.trig is written
                timings["store"] = writer.seconds  # in parallel with validate and dump
                store = None  # the on-disk store is closed: the writer dropped it (RocksDB locks its folder)
            else:  # memory is short: dump the quads, free the memory store, then bulk-load the dump
                began = time.perf_counter()
                dump = _dump_quads(store.store, temp)
                store = None
                gc.collect()
                _bulk_load(dump, temp)
                timings["store"] = time.perf_counter() - began
            gc.collect()
            final = out / STORE_DIR
            old = out / ".store-old"
            _forget(final)
            if final.exists():
                final.rename(old)
            temp.rename(final)
            temp = None
            shutil.rmtree(old, ignore_errors=True)
            manifest = _manifest(found, report, out, ranges, triples=triples)
            write_text(out / MANIFEST, json.dumps(manifest, ensure_ascii=False))
            (out / DIRTY).unlink(missing_ok=True)
            store = OxigraphStore(open_disk_store(final))
            timings["write"] = time.perf_counter() - t
            result = BuildResult(None, report, derived, store=store, engine="oxigraph", timings=timings)
            result.output = out / GRAPH_FILE
            return _finish(result, store, out, found, started, triples)
        if writer is not None:
            writer.join(raise_error=False)
        result = BuildResult(None, report, derived, store=store, engine="oxigraph", timings=timings)
        return _finish(result, store, out, found, started)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
            if created:
                with contextlib.suppress(OSError):
                    out.rmdir()  # only if empty: a failed first build leaves no folder behind


# How the on-disk store is written (environment variable ``KG_BUILD_STORE``): ``beside`` validation, in a
# thread, from the memory store (the fastest on two cores; Oxigraph's bulk loader then holds up to about
# 4 GB beside the memory store), or ``after`` the graph.trig dump, once the memory store is freed (peak
# memory: the larger of the two, not their sum); ``auto`` (the default) chooses ``after`` from
# :data:`STORE_AFTER_QUADS` quads on, or when the memory available is less than the bulk loader needs.
STORE_AFTER_QUADS = 5_000_000
BULK_LOADER_BYTES = 4 << 30


def store_mode(quads: int) -> str:
    """``beside`` or ``after``: when to write the on-disk store of a full build of ``quads`` quads.

    >>> import os; os.environ.pop("KG_BUILD_STORE", None) and None
    >>> store_mode(1_000_000) if available_memory() > 2 * BULK_LOADER_BYTES else "beside"
    'beside'
    >>> store_mode(10_000_000)
    'after'
    """
    chosen = os.environ.get("KG_BUILD_STORE", "auto").strip().lower()
    if chosen in ("beside", "after"):
        return chosen
    if chosen != "auto":
        raise ValueError(f"KG_BUILD_STORE={chosen!r}: choose beside, after or auto")
    return "after" if quads >= STORE_AFTER_QUADS or available_memory() < 2 * BULK_LOADER_BYTES else "beside"


def available_memory() -> int:
    """Bytes of memory available now (``MemAvailable`` of /proc/meminfo; unknown: a large number)."""
    with contextlib.suppress(OSError, StopIteration, ValueError):
        with open("/proc/meminfo", encoding="ascii") as handle:
            line = next(x for x in handle if x.startswith("MemAvailable:"))
        return int(line.split()[1]) * 1024
    return 1 << 50


def _dump_quads(memory, folder: Path) -> Path:
    """Dump the memory store as N-Quads into a file beside ``folder``; returns its path."""
    import pyoxigraph as ox

    dump = folder.with_name(folder.name + ".nq")
    memory.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    return dump


def _bulk_load(dump: Path, folder: Path) -> None:
    """Bulk-load the N-Quads ``dump`` into a new on-disk store at ``folder`` and close it; the dump is removed."""
    import pyoxigraph as ox

    try:
        disk = ox.Store(str(folder))
        with open(dump, "rb") as handle, contextlib.ExitStack() as stack:
            whole = b""
            if os.stat(dump).st_size:
                whole = stack.enter_context(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
            for start, end in bulk_chunks(whole):
                # lenient: the dump is Oxigraph's own writing of terms it has checked when it read them
                disk.bulk_load(whole[start:end], format=ox.RdfFormat.N_QUADS, lenient=True)
        # compacted once after the bulk load: queries on the read-only store (`kg query`) take 10-35 %
        # less CPU at 1M triples (sources 3.9 -> 2.8 s), for ~2.6 s of CPU in this background thread
        disk.optimize()
        disk.flush()
        del disk
    finally:
        dump.unlink(missing_ok=True)


# The on-disk store is bulk-loaded in parts of about this many bytes of N-Quads: Oxigraph's bulk
# loader holds a whole call's quads in memory to sort them (at 1M triples one call took 880 MB beside
# the memory store, parts of 56 MB 210 MB, for the same CPU time)
BULK_CHUNK_BYTES = 56 << 20


def bulk_chunks(nquads, size: int | None = None) -> list[tuple[int, int]]:
    """Byte ranges ``[start, end)`` of N-Quads text ``nquads`` (bytes or mmap) that split it into
    parts of about ``size`` bytes (default :data:`BULK_CHUNK_BYTES`) at line ends, never between two
    blank nodes (``_:``): each bulk load names its blank nodes anew, so all lines that may hold one
    stay in one part.

    >>> text = b'<a> <p> "1" <g> .\\n_:x <p> "2" <g> .\\n<b> <p> _:x <g> .\\n<c> <p> "4" <g> .\\n'
    >>> [text[a:b].count(b"\\n") for a, b in bulk_chunks(text, 1)]
    [1, 2, 1]
    """
    size = size or BULK_CHUNK_BYTES
    total = len(nquads)
    first, last = nquads.find(b"_:"), nquads.rfind(b"_:")
    ranges, start = [], 0
    while start < total:
        end = min(start + size, total)
        if first >= 0 and end > first and start <= last:  # not inside the blank nodes' span
            end = max(end, last)
        newline = nquads.find(b"\n", max(end - 1, start))
        end = total if newline < 0 else newline + 1
        ranges.append((start, end))
        start = end
    return ranges


class _StoreWriter:
    """Write the on-disk store at ``folder`` from an in-memory store, in a thread.

    The memory store is dumped as N-Quads into a file beside the folder, which RocksDB bulk-loads;
    both are Oxigraph calls that release the GIL. The caller must not change the memory store
    until :meth:`join` returns; the on-disk store is closed when the thread ends.
    """

    def __init__(self, memory, folder: Path) -> None:
        import threading

        self.folder = folder
        self.error: BaseException | None = None
        self.seconds = 0.0
        self._thread = threading.Thread(target=self._run, args=(memory,), name="kg-store-writer", daemon=True)
        self._thread.start()

    def _run(self, memory) -> None:
        started = time.perf_counter()
        try:
            _bulk_load(_dump_quads(memory, self.folder), self.folder)
        except BaseException as exc:  # handed to the caller by join()
            self.error = exc
        finally:
            self.seconds = time.perf_counter() - started

    def join(self, raise_error: bool = True) -> None:
        """Wait for the store; raise the writer's error (unless ``raise_error`` is false)."""
        self._thread.join()
        if raise_error and self.error is not None:
            raise self.error


def _changes(found: Inputs, manifest: dict) -> tuple[set[URIRef], list[str], dict[str, dict]]:
    """The graphs whose files were added, changed or removed, those files, and the new records of all files."""
    old = manifest.get("files", {})
    records = _records(found, manifest)
    changed_files: list[str] = []
    graphs: set[URIRef] = set()
    for key, record in records.items():
        before = old.get(key)
        if before is None or before["graph"] != record["graph"] or before["sha256"] != record["sha256"]:
            changed_files.append(key)
            graphs.add(URIRef(record["graph"]))
    for key, record in old.items():
        if key not in records:
            changed_files.append(key)
            graphs.add(URIRef(record["graph"]))
    return graphs, sorted(changed_files), records


def _touched(store: OxigraphStore, old: list, graphs: set[URIRef]) -> list[URIRef]:
    """Focus nodes to re-validate after ``graphs`` were reloaded (``old``: their previous quads).

    Every IRI that was or is a subject or object in those graphs (a removed
    ``kg:participatesIn`` changes what its object's inverse-path shapes see), the graphs
    themselves, and, where a node's ``rdf:type`` statements changed, every node that points to
    it (their ``sh:class`` constraints may now hold or fail).
    """
    import pyoxigraph as ox

    rdf_type = ox.NamedNode(str(RDF.type))

    def iri(term) -> URIRef | None:
        return URIRef(term.value) if isinstance(term, ox.NamedNode) else None

    nodes: set[URIRef] = set(graphs)
    before: set[tuple] = set()
    for quad in old:
        nodes.update(n for n in (iri(quad.subject), iri(quad.object)) if n is not None)
        if quad.predicate == rdf_type:
            before.add((quad.graph_name.value, quad.subject.value, quad.object.value))
    after: set[tuple] = set()
    for graph in graphs:
        name = ox.NamedNode(str(graph))
        for quad in store.store.quads_for_pattern(None, None, None, name):
            nodes.update(n for n in (iri(quad.subject), iri(quad.object)) if n is not None)
            if quad.predicate == rdf_type:
                after.add((name.value, quad.subject.value, quad.object.value))
    retyped = sorted({URIRef(s) for _, s, _ in before ^ after})
    if retyped:
        # their neighbours both ways: sh:class on a forward path (x -> s) and on an inverse path
        # (s -> x, seen from x as ^p) may now hold or fail
        query = "SELECT DISTINCT ?x WHERE { { ?x ?p ?s } UNION { ?s ?p ?x } FILTER(isIRI(?x)) }"
        nodes |= {row["x"] for row in store.select(bind_rows(query, "s", retyped))[1]}
    return sorted(nodes)


_SCHEMA_NAMESPACES = ("http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2002/07/owl#")
_NOT_SCHEMA = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2000/01/rdf-schema#comment",
    "http://www.w3.org/2000/01/rdf-schema#seeAlso",
    "http://www.w3.org/2002/07/owl#sameAs",
}


def _states_schema(quads) -> bool:
    """Whether quads say something about classes or properties (rdfs:subClassOf, owl:..., a class
    typed rdfs:Class/owl:Class): such a change in one source can change the verdict on nodes of any
    other source, so the rebuild is a full one."""
    rdf_type = str(RDF.type)
    for quad in quads:
        predicate = quad.predicate.value
        if predicate.startswith(_SCHEMA_NAMESPACES) and predicate not in _NOT_SCHEMA:
            return True
        if predicate == rdf_type and quad.object.value.startswith(_SCHEMA_NAMESPACES):
            return True
    return False


def incremental_build(found: Inputs, out: Path, manifest: dict) -> BuildResult | None:
    """Rebuild only what changed; ``None`` when a full build is needed instead."""
    import pyoxigraph as ox

    started = time.perf_counter()
    graphs, changed, records = _changes(found, manifest)
    store = OxigraphStore(open_disk_store(out / STORE_DIR))
    timings: dict[str, float] = {}
    previous = ValidationReport([Result(**r) for r in manifest.get("report", [])])
    if not graphs:
        result = BuildResult(None, previous, {}, output=out / GRAPH_FILE, store=store, engine="oxigraph")
        result.changed = []
        return _finish(result, store, out, found, started, manifest.get("triples"))
    t = time.perf_counter()
    files_by_graph = found.files_by_graph
    saved: dict[URIRef, list] = {}
    (out / DIRTY).write_text("incremental build in progress\n", encoding="utf-8")
    analysis = ox.NamedNode(str(ANALYSIS_GRAPH))
    if store.store.contains_named_graph(analysis):  # the data changed: an earlier analysis no longer holds
        graphs = graphs | {ANALYSIS_GRAPH}
    issues = []
    try:
        for graph in sorted(graphs):
            name = ox.NamedNode(str(graph))
            saved[graph] = list(store.store.quads_for_pattern(None, None, None, name))
            store.store.remove_graph(name) if store.store.contains_named_graph(name) else None
            for path in files_by_graph.get(graph, []):
                issues += load_file(store.store, path, graph)
        timings["load"] = time.perf_counter() - t
        old_quads = [q for quads in saved.values() for q in quads]
        new_quads = [q for g in graphs for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(g)))]
        if _states_schema(old_quads) or _states_schema(new_quads):
            _restore(store, saved)
            store.store.flush()
            (out / DIRTY).unlink(missing_ok=True)
            store = None
            _forget(out / STORE_DIR)  # close it (RocksDB locks its folder): the full build replaces it
            gc.collect()
            return None  # a class or property changed: only a full build gives the full build's verdict
        t = time.perf_counter()
        present = [g for g in sorted(graphs) if store.store.contains_named_graph(ox.NamedNode(str(g)))]
        derived = derive(store, present) if present else {}
        timings["derive"] = time.perf_counter() - t
        t = time.perf_counter()
        focus = _touched(store, old_quads, graphs)
        fresh = validate_store(store, found, focus=focus, graphs=sorted(graphs), issues=issues, removed=old_quads)
        touched = {str(n) for n in focus}
        # keep earlier findings about nodes that did not change, except those of the cross-node
        # constraints, which were just checked again over the whole graph, or, for those with a
        # group key, on the nodes sharing a key with a changed one (fresh.rechecked)
        whole = {(c.shape, c.component) for c in compile_file(resources.shapes_file()) if not c.local}
        whole -= set(fresh.rechecked)
        whole.add((CLOSED_WORLD, "ClosedWorld"))  # the closed-world checks run over the whole store each time
        kept = [
            r
            for r in previous.results
            if r.focus not in touched
            and (r.shape, r.component) not in whole
            and r.focus not in fresh.rechecked.get((r.shape, r.component), ())
        ]
        results = sorted(
            kept + fresh.results,
            key=lambda r: (SEVERITY_ORDER.get(r.severity, 9), r.files[:1], r.focus or "", r.message),
        )
        report = ValidationReport(results, rechecked=fresh.rechecked)
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
    written = manifest.get("graph_file", {})
    try:
        stat = (out / GRAPH_FILE).stat()
        same = (stat.st_size, stat.st_mtime_ns) == (written.get("size"), written.get("mtime_ns"))
    except OSError:
        same = False
    reuse = (out / GRAPH_FILE, written["ranges"], {str(g) for g in graphs}) if same else None
    ranges = dump_trig(store, out / GRAPH_FILE, reuse)
    store.store.flush()
    triples = manifest.get("triples")
    if triples is not None:  # what the replaced graphs held before and hold now
        now = sum(1 for g in graphs for _ in store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(g))))
        triples += now - sum(len(quads) for quads in saved.values())
    new_manifest = _manifest(found, report, out, ranges, manifest, records, triples)
    write_text(out / MANIFEST, json.dumps(new_manifest, ensure_ascii=False))
    (out / DIRTY).unlink(missing_ok=True)
    timings["write"] = time.perf_counter() - t
    result.output = out / GRAPH_FILE
    return _finish(result, store, out, found, started, triples)


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
            current = manifest.get("version") == MANIFEST_VERSION and manifest.get("fingerprint") == fingerprint()
            if current and (out / GRAPH_FILE).is_file():
                result = incremental_build(found, out, manifest)
                if result is not None:
                    return result
    return full_build(found, out)
