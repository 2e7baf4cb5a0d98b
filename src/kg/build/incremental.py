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
import io
import mmap
import os
import re
import shutil
import tempfile
import time
import uuid
from collections import OrderedDict, defaultdict
from dataclasses import asdict
from pathlib import Path

from rdflib import RDF, RDFS, URIRef

from kg.build import labeltable as label_table
from kg.build import manifest as manifest_file
from kg.build.derive import derive
from kg.build.fastpath import (
    KG_NS,
    Inputs,
    inputs,
    load_file,
    load_files,
    named_triples,
    reading_threads,
    statistics,
    validate_store,
)
from kg.build.findings import SEVERITY_ORDER, Result, ValidationReport
from kg.build.result import GRAPH_FILE, BuildResult
from kg.build.shapes_sparql import compile_file
from kg.core import resources
from kg.core.atomic import atomic_writer
from kg.core.namespaces import ANALYSIS_GRAPH, SOURCE_PREFIX
from kg.core.version import __version__
from kg.query.binding import bind_rows
from kg.query.stores import OxigraphStore, dump_trig

STORE_DIR = "store"
MANIFEST = manifest_file.MANIFEST
DIRTY = "store.dirty"


# The on-disk stores this process opened, most recently used last. RocksDB locks a store's folder and
# pyoxigraph has no close(): a store closes when its last reference goes, so a rebuild in the same
# process must reuse the object a build opened. Only the last few are kept, so that a long-running
# process (a notebook, a test run) building into many folders does not keep every one open (each holds
# a dozen or more file descriptors and its caches).
_OPEN: OrderedDict[str, object] = OrderedDict()
KEEP_OPEN = 4


CLOSED_WORLD = "kg.validate:closed-world"


def open_disk_store(path: Path):
    """The on-disk Oxigraph store at ``path``, opened once per process (RocksDB locks its folder).

    The :data:`KEEP_OPEN` most recently used stores stay open for a rebuild in the same process; an older
    one closes when nothing else holds it (a :class:`~kg.build.result.BuildResult` kept by the caller
    keeps its store open).
    """
    import pyoxigraph as ox

    from kg.core.locking import open_when_free

    key = str(Path(path).resolve())
    if key in _OPEN:
        _OPEN.move_to_end(key)
    else:
        _OPEN[key] = open_when_free(lambda: ox.Store(key), Path(path))
        while len(_OPEN) > KEEP_OPEN:
            _OPEN.popitem(last=False)  # closed once its last holder lets it go
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


MANIFEST_VERSION = manifest_file.MANIFEST_VERSION


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
    known = _FOLDERS.get(folder)
    if known is None:
        known = _FOLDERS[folder] = os.path.join(os.path.abspath(folder), "")
    return known + name


def _records(found: Inputs) -> dict[str, manifest_file.Record]:
    """The manifest's row of every input file (a stat and a hash each), taken before the files are
    loaded: a file changed after its hash then differs from its row at the next build."""
    now = manifest_file.stamp()
    files = [(_key(path), graph) for path, graph in found.graphs.items()]

    def chunk(start: int) -> list[manifest_file.Record]:
        return [manifest_file.record(key, graph, os.stat(key), now) for key, graph in files[start : start + 256]]

    # in threads, as the reading (kg.build.fastpath.load_files): reading and hashing a file release
    # the GIL (at 1M triples, 18,674 files: about 0.4 s of CPU on the build's critical path)
    threads = reading_threads()
    if threads > 1 and len(files) > 256:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="kg-hash") as pool:
            records = [r for part in pool.map(chunk, range(0, len(files), 256)) for r in part]
    else:
        records = [r for at in range(0, len(files), 256) for r in chunk(at)]
    return {key: record for (key, _), record in zip(files, records, strict=True)}


def _manifest_json(report: ValidationReport, out: Path, token: str, triples: int | None, stats: dict | None) -> dict:
    stat = (out / GRAPH_FILE).stat()
    return {
        "version": MANIFEST_VERSION,
        "triples": triples,  # in the named graphs: a rebuild counts what it replaced instead of the whole store
        # graphs, sources and entities per class: a rebuild adjusts them by what the changed graphs held and hold
        "stats": {k: v for k, v in stats.items() if k != "triples"} if stats else None,
        "fingerprint": fingerprint(),
        "report": [asdict(r) for r in report.results],
        # graph.trig as the store holds it, while the file has this size and time; where each graph's
        # block is in it, and the rows of the input files, are in manifest.sqlite (kg.build.manifest)
        "graph_file": {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns},
        "records": {"file": manifest_file.RECORDS, "token": token},
        # labels and source titles for kg query, for graph.trig of this size and time (kg.build.labeltable)
        "labels": {"file": label_table.FILE},
    }


def record_graph_file(out: Path, ranges: dict[str, list[int]], added: int = 0) -> None:
    """Record in ``OUT/manifest.json`` that ``OUT/graph.trig`` as it is now was dumped from the
    on-disk store (its size, time and graph ranges), after a change made to both together, such as
    the analysis ``kg all`` stores in the graph; ``added`` triples (negative: removed) change the
    recorded count. Queries then keep using the store (:func:`kg.build.graph.built_store_state`).
    Does nothing without a manifest of this version (the next build is then a full one)."""
    manifest, _ = manifest_file.read(out)
    if manifest is None:
        return
    data, records = manifest.data, manifest.records
    try:
        token = uuid.uuid4().hex
        records.begin()
        records.put_ranges(ranges, replace=True)
        records.set_token(token)
        records.commit()
    except BaseException:
        records.rollback()
        raise
    finally:
        records.close()
    stat = (out / GRAPH_FILE).stat()
    data["graph_file"] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    data["records"]["token"] = token
    if data.get("triples") is not None:
        data["triples"] += added
    data["stats"] = None  # the analysis graph came or went: counted again at the next build
    manifest_file.write_json(out, data)


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
        rows = _records(found) if out is not None else {}
        # The on-disk store is written while the build runs, in a thread, from the first file on
        # (``stream``): the thread loads the bytes each file's reading handed to Oxigraph into a
        # small memory store of its own, which RocksDB bulk-loads every few tens of MB, then runs
        # the rules on the on-disk store. Oxigraph's loading, bulk loading and updates release the
        # GIL, so on two cores the store's 12-14 s of CPU at 1M triples run beside the main thread's
        # reading, rules, validation and graph.trig dump. ``beside`` starts the thread after the
        # rules, from a dump of the memory store; ``after`` writes the store after graph.trig (the
        # least memory). Its folder and format are those of before: OUT/store, an Oxigraph store.
        mode = store_mode(None, sum(row.size for row in rows.values())) if temp is not None else "none"
        writer: _StoreWriter | _StreamingStoreWriter | None = None
        if mode == "stream":
            writer = _StreamingStoreWriter(temp)
        try:
            issues = load_files(store.store, found, sink=writer.add if writer is not None else None)
            timings["load"] = time.perf_counter() - t
            t = time.perf_counter()
            derived = derive(store)
            timings["derive"] = time.perf_counter() - t
            if writer is not None:
                writer.finish()  # the loading is over: the thread bulk-loads the rest, then derives
            elif temp is not None:
                mode = store_mode(len(store.store))
                if mode == "beside":
                    writer = _StoreWriter(store.store, temp)
            t = time.perf_counter()
            report = validate_store(store, found, issues=issues)
        except BaseException:
            if writer is not None:
                writer.cancel()
                writer.join(raise_error=False)
            raise
        timings["validate"] = time.perf_counter() - t
        if report.conforms and out is not None:
            t = time.perf_counter()
            try:
                group_keys = _group_key_rows(store)  # read beside the writer thread's dump
                ranges = dump_trig(store, out / GRAPH_FILE)
                timings["dump"] = time.perf_counter() - t
                label_table.write_new(out, store)  # labels and titles for kg query, beside graph.trig
            finally:
                if writer is not None:
                    writer.join(raise_error=False)
            timings["labels"] = time.perf_counter() - t - timings["dump"]
            triples = named_triples(store)  # counted in memory: on disk it is a scan of RocksDB
            # the entity counts too, beside the writer thread: on the on-disk store they came after
            # it, on the build's critical path (0.25 s of CPU at 1M triples, the store read cold)
            stats = statistics(store, triples)
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
            store = OxigraphStore(open_disk_store(final))
            token = manifest_file.write_new(out, rows, ranges, group_keys)
            manifest_file.write_json(out, _manifest_json(report, out, token, triples, stats))
            (out / DIRTY).unlink(missing_ok=True)
            timings["write"] = time.perf_counter() - t
            result = BuildResult(None, report, derived, store=store, engine="oxigraph", timings=timings)
            result.output = out / GRAPH_FILE
            result.stats = stats
            result.timings["total"] = time.perf_counter() - started
            return result
        if writer is not None:
            writer.cancel()  # nothing is written: the store is not needed
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
# ``stream`` holds beside the memory store one batch of input in the thread's own memory store and
# the bulk loader's buffers for one part (about 0.3 GB at 1M triples; the memory store itself takes
# about 6-7 bytes per byte of Turtle read): ``auto`` takes it when the memory available holds both
# and the input is large enough that the store would otherwise be written only ``after`` the dump
# (about 60 bytes of Turtle per quad: 300 MB is about 5M quads). Below that, ``beside`` is faster: on
# the idle 2-core machine at 1M triples, 21.2-21.7 s wall against 26.3-26.4 s streamed, since the second
# reading of every file costs about 4 s of CPU (bench/RESULTS.md, "The merged tree of session 28").
MEMORY_PER_INPUT_BYTE = 8
STREAM_EXTRA_BYTES = 1 << 30
STREAM_FROM_INPUT_BYTES = 300_000_000


def store_mode(quads: int | None, input_bytes: int | None = None) -> str:
    """When to write the on-disk store of a full build: ``stream`` (from the first file on),
    ``beside`` (from the end of the rules on) or ``after`` (once graph.trig is written).

    Called with ``quads=None`` before loading (``input_bytes``: the size of the input files), it
    answers ``stream`` or ``after`` (the environment variable ``KG_BUILD_STORE`` chooses, if set;
    ``auto``: ``stream`` for an input of :data:`STREAM_FROM_INPUT_BYTES` or more, unless the memory
    available is short). Called with the number of quads
    after loading (when ``stream`` was not chosen), ``beside`` or ``after``.

    >>> import os; os.environ.pop("KG_BUILD_STORE", None) and None
    >>> store_mode(None, 60_000_000)  # 1M triples of Turtle: the store is written beside validation
    'later'
    >>> store_mode(10_000_000)
    'after'
    """
    chosen = os.environ.get("KG_BUILD_STORE", "auto").strip().lower()
    if chosen not in ("stream", "beside", "after", "auto"):
        raise ValueError(f"KG_BUILD_STORE={chosen!r}: choose stream, beside, after or auto")
    if quads is None:
        if chosen == "auto":
            needed = MEMORY_PER_INPUT_BYTE * (input_bytes or 0) + STREAM_EXTRA_BYTES
            large = (input_bytes or 0) >= STREAM_FROM_INPUT_BYTES
            return "stream" if large and available_memory() >= needed else "later"
        return "stream" if chosen == "stream" else "later"
    if chosen in ("beside", "after"):
        return chosen
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
# The streaming writer (``stream``) bulk-loads the N-Quads of its batches in parts of this many
# chunks (4 x 56 MB: about the one million quads Oxigraph's bulk loader sorts and ingests as one set
# of RocksDB files). Every bulk load adds a file that overlaps all others to each of RocksDB's
# column families, and RocksDB's compaction then merges them again and again while the build runs:
# at 10M triples, in parts of 56 MB, that compaction was the one step of the build growing faster
# than the data (bench/RESULTS.md, "Ten million triples", session 30).
STREAM_PART_CHUNKS = 4


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

    def cancel(self) -> None:
        """The store is not needed. Oxigraph's dump and bulk load cannot be stopped midway, so
        :meth:`join` still waits for them; the caller removes the folder."""

    def join(self, raise_error: bool = True) -> None:
        """Wait for the store; raise the writer's error (unless ``raise_error`` is false)."""
        self._thread.join()
        if raise_error and self.error is not None:
            raise self.error


_GRAPH_LOCAL = re.compile(
    r"INSERT\s*\{\s*GRAPH\s+\?(\w+)\s*\{[^{}]*\}\s*\}\s*WHERE\s*\{\s*GRAPH\s+\?(\w+)\s*\{[^{}]*\}\s*\}\s*",
    re.IGNORECASE,
)


def graph_local(rule: str) -> bool:
    """Whether a rule (SPARQL Update) reads and writes one named graph at a time: of the form
    ``INSERT { GRAPH ?g { … } } WHERE { GRAPH ?g { … } }`` with no nested group (no FILTER EXISTS,
    OPTIONAL, VALUES, sub-query or other graph), after its PREFIX and BASE lines and whole-line
    comments. Such a rule derives in a graph what it derives there in a store holding only that graph.

    >>> graph_local("PREFIX kg: <x#>\\nINSERT { GRAPH ?g { ?a kg:p ?b } } WHERE { GRAPH ?g { ?b kg:q ?a } }")
    True
    >>> graph_local("INSERT { GRAPH ?g { ?a <p> ?b } } WHERE { GRAPH ?g { ?b <q> ?a } GRAPH ?h { ?a <r> ?c } }")
    False
    >>> graph_local("INSERT { GRAPH ?g { ?a <p> ?b } } WHERE { GRAPH ?g { ?b <q> ?a OPTIONAL { ?a <r> ?b } } }")
    False
    """
    lines = [line for line in rule.splitlines() if not line.lstrip().startswith("#")]
    body = "\n".join(line for line in lines if not re.match(r"\s*(PREFIX|BASE)\s", line, re.IGNORECASE))
    found = _GRAPH_LOCAL.fullmatch(body.strip() + " ")
    return found is not None and found.group(1) == found.group(2)


class _Chained(io.RawIOBase):
    """A readable stream over a list of byte strings, one after the other, without joining them.

    >>> import io; io.BufferedReader(_Chained([b"ab", b"", b"cde"])).read()
    b'abcde'
    """

    def __init__(self, parts: list[bytes]) -> None:
        self._parts, self._index, self._offset = parts, 0, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._index < len(self._parts):
            part = self._parts[self._index]
            if self._offset < len(part):
                count = min(len(buffer), len(part) - self._offset)
                buffer[:count] = memoryview(part)[self._offset : self._offset + count]
                self._offset += count
                return count
            self._parts[self._index] = b""  # read: its memory can go
            self._index, self._offset = self._index + 1, 0
        return 0


class _StreamingStoreWriter:
    """Write the on-disk store at ``folder`` in a thread, fed while the files are loaded.

    :meth:`add` takes what :func:`kg.build.fastpath.load_file` hands its ``sink``: the same bytes
    (or quads) the build's memory store loaded. The thread loads them into a small memory store of
    its own and, every :data:`BULK_CHUNK_BYTES` // 2 bytes of input (Turtle is about half the size
    of its N-Quads), dumps that store as N-Quads; once the dumps reach :data:`STREAM_PART_CHUNKS`
    times :data:`BULK_CHUNK_BYTES`, RocksDB bulk-loads them in one call (a file's blank nodes stay
    in one call). After :meth:`finish` it bulk-loads the last batches, runs the
    rules (:func:`kg.build.derive.rules`) on the on-disk store, which so holds what the memory store
    holds after :func:`kg.build.derive.derive`, and compacts it. :meth:`cancel` drops the rest.
    """

    def __init__(self, folder: Path) -> None:
        import queue
        import threading

        self.folder = folder
        self.error: BaseException | None = None
        self.seconds = 0.0
        self._cancelled = False
        self._queue: queue.Queue = queue.Queue(maxsize=4096)  # bounded: the input bytes waiting in it
        self._thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self._thread.start()

    def add(self, *item) -> None:
        """``add(data, format, base_iri, graph)`` or ``add(quads)``: load this too."""
        if not self._cancelled:
            self._queue.put(item)

    def finish(self) -> None:
        """No more input: bulk-load the rest, derive, compact."""
        self._queue.put(None)

    def cancel(self) -> None:
        """Stop as soon as possible (the store is not needed); :meth:`join` then waits for it."""
        self._cancelled = True
        self._queue.put(None)

    def _run(self) -> None:
        import pyoxigraph as ox

        from kg.build.derive import rules
        from kg.query.binding import with_prefixes

        started = time.perf_counter()
        disk = None
        texts = [with_prefixes(rule.text) for rule in rules()]
        # graph-local rules run on each batch before it is bulk-loaded, as long as no graph is split
        # between two batches (a batch ends only where the next file goes to another graph); else
        # they run on the on-disk store at the end (the same quads; at 1M triples 5 s of CPU
        # against about 1 s in the batches)
        local = all(graph_local(rule.text) for rule in rules())
        flushed: set[str] = set()
        pending: list[bytes] = []  # N-Quads of batches not yet bulk-loaded
        try:
            disk = ox.Store(str(self.folder))
            batch, size, names, last = ox.Store(), 0, set(), None
            limit = max(BULK_CHUNK_BYTES // 2, 1)
            part = max(BULK_CHUNK_BYTES * STREAM_PART_CHUNKS, 1)
            while True:
                item = self._queue.get()
                if item is None or self._cancelled:
                    break
                graphs = {item[3].value} if len(item) == 4 else {q.graph_name.value for q in item[0]}
                if size >= limit and last not in graphs:
                    pending.append(self._dump(batch, texts if local else ()))
                    if sum(map(len, pending)) >= part:
                        self._bulk(disk, pending)
                        pending = []
                    flushed |= names
                    batch, size, names = ox.Store(), 0, set()
                if not flushed.isdisjoint(graphs):
                    local = False  # a graph is split between batches: the rules run on the whole store
                names |= graphs
                if len(item) == 4:
                    data, format, base_iri, graph = item
                    batch.load(data, format=format, base_iri=base_iri, to_graph=graph)
                    size += len(data)
                    last = graph.value
                else:
                    batch.extend(item[0])
                    size += 100 * len(item[0])  # about the bytes of a quad written as Turtle
                    last = None
            if self._cancelled:
                return
            pending.append(self._dump(batch, texts if local else ()))
            del batch
            self._bulk(disk, pending)
            del pending
            if not local:
                for text in texts:  # the on-disk store as the memory store is after derive()
                    disk.update(text)
            # compacted once after the bulk load: queries on the read-only store (`kg query`) take
            # 10-35 % less CPU at 1M triples, for ~2 s of CPU in this thread
            disk.optimize()
            disk.flush()
        except BaseException as exc:  # handed to the caller by join()
            self.error = exc
            self._cancelled = True
        finally:
            del disk  # closed: RocksDB locks its folder
            self.seconds = time.perf_counter() - started
            while self._cancelled and not self._queue.empty():  # let a blocked add() go on
                self._queue.get_nowait()

    @staticmethod
    def _dump(batch, rules=()) -> bytes:
        """Run the ``rules`` (SPARQL Update texts) on the ``batch`` store; its quads as N-Quads."""
        import pyoxigraph as ox

        for text in rules:
            batch.update(text)
        return batch.dump(format=ox.RdfFormat.N_QUADS)

    @staticmethod
    def _bulk(disk, parts: list[bytes]) -> None:
        """Bulk-load the N-Quads ``parts`` (dumps of batch stores) into ``disk`` in one call.

        One call: Oxigraph names the blank nodes of a bulk load anew, and the batches' dumps name
        theirs with random identifiers, so no two batches share one and no dump is split. The parts
        are read through one stream rather than joined (a copy of a few hundred MB)."""
        import io

        import pyoxigraph as ox

        if not any(parts):
            return
        stream = io.BufferedReader(_Chained(parts), buffer_size=8 << 20)
        # lenient: the dump is Oxigraph's own writing of terms it has checked when it read them
        disk.bulk_load(stream, format=ox.RdfFormat.N_QUADS, lenient=True)

    def join(self, raise_error: bool = True) -> None:
        """Wait for the store; raise the writer's error (unless ``raise_error`` is false)."""
        self._thread.join()
        if raise_error and self.error is not None:
            raise self.error


def _changes(
    found: Inputs, old: dict[str, manifest_file.Record]
) -> tuple[set[URIRef], list[str], dict[str, manifest_file.Record], list[str]]:
    """What changed since the rows ``old`` were taken: the graphs whose files were added, changed or
    removed, those files, the rows to write (new, changed, touched or no longer racy files) and the
    keys of the removed files. A file is read (hashed) only when its row is racy or its size or
    time differ (:mod:`kg.build.manifest`); its graph changes only when the hash or the graph does."""
    now = manifest_file.stamp()
    graphs: set[URIRef] = set()
    changed: list[str] = []
    rows: dict[str, manifest_file.Record] = {}
    seen: set[str] = set()
    for path, graph in found.graphs.items():
        key = _key(path)
        seen.add(key)
        stat = os.stat(key)
        before = old.get(key)
        if (
            before is not None
            and not before.racy
            and before.size == stat.st_size
            and before.mtime_ns == stat.st_mtime_ns
            and str.__eq__(before.graph, graph)  # rdflib's URIRef equals no plain str
        ):
            continue
        row = manifest_file.record(key, graph, stat, now)
        if before is None or before.graph != row.graph or before.sha256 != row.sha256:
            changed.append(key)
            graphs.add(graph)
            if before is not None:
                graphs.add(URIRef(before.graph))
        if row != before:
            rows[key] = row
    removed = [key for key in old if key not in seen]
    for key in removed:
        changed.append(key)
        graphs.add(URIRef(old[key].graph))
    return graphs, sorted(changed), rows, removed


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


def incremental_build(found: Inputs, out: Path, manifest: manifest_file.Manifest) -> BuildResult | None:
    """Rebuild only what changed; ``None`` when a full build is needed instead."""
    import pyoxigraph as ox

    started = time.perf_counter()
    data, records = manifest.data, manifest.records
    timings: dict[str, float] = {}
    t = time.perf_counter()
    graphs, changed, rows, removed = _changes(found, records.files())
    timings["changes"] = time.perf_counter() - t
    store = OxigraphStore(open_disk_store(out / STORE_DIR))
    previous = ValidationReport([Result(**r) for r in data.get("report", [])])
    triples = data.get("triples")
    if not graphs:
        if rows or removed:  # touched or no longer racy files: their new stat, so that they are not read again
            records.begin()
            records.put_files(rows, removed)
            records.commit()
        result = BuildResult(None, previous, {}, output=out / GRAPH_FILE, store=store, engine="oxigraph")
        result.changed = []
        stats = data.get("stats")
        result.stats = {"triples": triples, **stats} if stats and triples is not None else statistics(store, triples)
        result.timings["total"] = time.perf_counter() - started
        return result
    t = time.perf_counter()
    files_by_graph = found.files_by_graph
    saved: dict[URIRef, list] = {}
    existed: set[URIRef] = set()
    (out / DIRTY).write_text("incremental build in progress\n", encoding="utf-8")
    analysis = ox.NamedNode(str(ANALYSIS_GRAPH))
    if store.store.contains_named_graph(analysis):  # the data changed: an earlier analysis no longer holds
        graphs = graphs | {ANALYSIS_GRAPH}
    issues = []
    try:
        for graph in sorted(graphs):
            name = ox.NamedNode(str(graph))
            saved[graph] = list(store.store.quads_for_pattern(None, None, None, name))
            if store.store.contains_named_graph(name):
                existed.add(graph)
                store.store.remove_graph(name)
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
        group_index = _GroupIndex(store, records, focus) if records.has_group_keys() else None
        fresh = validate_store(
            store, found, focus=focus, graphs=sorted(graphs), issues=issues, removed=old_quads,
            group_index=group_index,
        )  # fmt: skip
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
    # the statistics of the data as read now (a failed rebuild reports them too, like a full build)
    t = time.perf_counter()
    if triples is not None:  # what the replaced graphs held before and hold now
        now = sum(1 for g in graphs for _ in store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(g))))
        triples += now - sum(len(quads) for quads in saved.values())
    stats = _adjusted_stats(store, data.get("stats"), saved, existed, present)
    stats = {"triples": triples, **stats} if stats is not None and triples is not None else statistics(store, triples)
    result.stats = stats
    timings["stats"] = time.perf_counter() - t
    if not report.conforms:
        _restore(store, saved)
        (out / DIRTY).unlink(missing_ok=True)
        result.timings["total"] = time.perf_counter() - started
        return result
    t = time.perf_counter()
    written = data.get("graph_file") or {}
    try:
        stat = (out / GRAPH_FILE).stat()
        same = (stat.st_size, stat.st_mtime_ns) == (written.get("size"), written.get("mtime_ns"))
    except OSError:
        same = False
    patch = _patch_trig(store, out / GRAPH_FILE, records, sorted(str(g) for g in graphs)) if same else None
    ranges = None if patch is not None else dump_trig(store, out / GRAPH_FILE)
    timings["graph_file"] = time.perf_counter() - t
    t = time.perf_counter()
    label_table.update(out, store, [*old_quads, *new_quads], written)  # kg.build.labeltable
    timings["labels"] = time.perf_counter() - t
    t = time.perf_counter()
    store.store.flush()
    token = uuid.uuid4().hex
    try:
        records.begin()
        if patch is not None:
            patch(records)
        else:
            records.put_ranges(ranges, replace=True)
        records.put_files(rows, removed)
        if group_index is not None:  # the focus nodes' keys as they are now (no other node's changed)
            records.put_group_keys(group_index.rows, sorted(group_index.focus))
        records.set_token(token)
        records.commit()
    except BaseException:
        records.rollback()
        raise
    manifest_file.write_json(out, _manifest_json(report, out, token, triples, stats))
    (out / DIRTY).unlink(missing_ok=True)
    timings["write"] = time.perf_counter() - t
    result.output = out / GRAPH_FILE
    result.stats = stats
    result.timings["total"] = time.perf_counter() - started
    return result


def _key_checks() -> list:
    """The compiled cross-node checks with a group key (``ks:groupKey``)."""
    return [c for c in compile_file(resources.shapes_file()) if not c.local and c.key and c.target]


def _check_id(check) -> str:
    return f"{check.shape} {check.component} {hashlib.sha256(check.key.encode()).hexdigest()[:16]}"


def _target_classes(store: OxigraphStore, check) -> list[str]:
    query = f"SELECT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{check.target}> }}"
    return sorted({str(r["c"]) for r in store.select(query)[1]} | {check.target})


def _group_key_rows(store: OxigraphStore, nodes: list[URIRef] | None = None) -> list[tuple[str, str, str]]:
    """``(check, key, node)`` for every target of a check with a group key (of ``nodes`` only, when
    given) and each of its keys, as N-Triples text (:func:`kg.query.binding.term_n3`)."""
    import re

    from kg.query.binding import term_n3

    rows: list[tuple[str, str, str]] = []
    if nodes is not None and not nodes:
        return rows
    for check in _key_checks():
        where = re.search(r"WHERE\s*\{(.*)\}\s*$", check.key, re.S)
        if where is None:
            raise ValueError(f"ks:groupKey of {check.shape}: write it as SELECT ?this ?key WHERE {{ ... }}")
        prefixes = check.key[: check.key.upper().index("SELECT")]
        instances = " ".join(f"<{c}>" for c in _target_classes(store, check))
        if nodes is None:  # the DISTINCT instances first: a node restated in many sources is typed once per source
            text = f"""{prefixes}SELECT DISTINCT ?this ?key WHERE {{
                       {{ SELECT DISTINCT ?this WHERE {{ VALUES ?_type {{ {instances} }} ?this a ?_type
                                                        FILTER(isIRI(?this)) }} }}
                       {where.group(1)} }}"""
        else:  # a few nodes: those typed so, by the store's index, then their keys (bound: a join on the
            # types in the query read every instance, 2.8 s at 1M triples)
            import pyoxigraph as ox

            rdf_type, classes = ox.NamedNode(str(RDF.type)), set(_target_classes(store, check))

            def typed_so(node, rdf_type=rdf_type, classes=classes) -> bool:
                quads = store.store.quads_for_pattern(ox.NamedNode(node), rdf_type, None)
                return any(q.object.value in classes for q in quads)

            # IRIs only: sources and reference data hold no blank nodes (kg.build.reading refuses them)
            typed = [n for n in nodes if isinstance(n, URIRef) and typed_so(n)]
            if not typed:
                continue
            text = bind_rows(check.key, "this", typed)
        identifier = _check_id(check)
        rows += [(identifier, term_n3(r["key"]), term_n3(r["this"])) for r in store.select(text)[1] if "key" in r]
    return rows


class _GroupIndex:
    """:func:`validate_store`'s ``group_index`` during a rebuild: the targets with one of some group
    keys as the store is now, from the keys recorded in manifest.sqlite for every node but the
    ``focus`` nodes (only their triples changed, so only their keys can have) and the focus nodes'
    own keys, looked up in the store. :attr:`rows` are then the focus nodes' new records."""

    def __init__(self, store: OxigraphStore, records: manifest_file.Records, focus: list[URIRef]) -> None:
        from kg.query.binding import term_n3

        self.records = records
        self.focus = {term_n3(n) for n in focus}
        self.rows = _group_key_rows(store, focus)

    def __call__(self, check, keys: set) -> list:
        from rdflib import BNode

        from kg.query.binding import term_n3

        if not keys:
            return []
        identifier, wanted = _check_id(check), sorted(term_n3(k) for k in keys)
        found = set(self.records.nodes_with_keys(identifier, wanted)) - self.focus
        chosen = set(wanted)
        found |= {node for check_id, key, node in self.rows if check_id == identifier and key in chosen}
        return sorted(URIRef(n[1:-1]) if n.startswith("<") else BNode(n[2:]) for n in found)


def _adjusted_stats(
    store: OxigraphStore, stats: dict | None, saved: dict[URIRef, list], existed: set[URIRef], present: list[URIRef]
) -> dict | None:
    """The statistics of the last build (graphs, sources, entities per class), adjusted by what the
    replaced graphs held (``saved``; ``existed``: those that were in the store) and hold now
    (``present``), as :func:`kg.build.fastpath.statistics` counts them over the whole store; ``None``
    without earlier statistics. An entity counts once however many graphs type it, so each subject
    typed in a replaced graph, before or now, is looked up by the store's index: counted before when
    typed so in an unchanged graph or in the old quads, now when typed so anywhere."""
    import pyoxigraph as ox

    from kg.build.result import ENTITY_CLASSES

    if not stats or not isinstance(stats.get("entities"), dict) or set(stats["entities"]) != set(ENTITY_CLASSES):
        return None
    rdf_type = ox.NamedNode(str(RDF.type))
    names = {str(g) for g in saved}
    old_types: dict = defaultdict(set)
    for quads in saved.values():
        for quad in quads:
            if quad.predicate == rdf_type:
                old_types[quad.subject].add(quad.object.value)
    subjects = set(old_types)
    for graph in present:
        subjects.update(
            q.subject for q in store.store.quads_for_pattern(None, rdf_type, None, ox.NamedNode(str(graph)))
        )
    entities = dict(stats["entities"])
    if subjects:
        closure: dict[str, set[str]] = {}
        for name in ENTITY_CLASSES:
            query = f"SELECT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{KG_NS}{name}> }}"
            found = store.store.query(query, use_default_graph_as_union=True)
            closure[name] = {row[0].value for row in found} | {KG_NS + name}
        for subject in subjects:
            now = [(q.object.value, q.graph_name) for q in store.store.quads_for_pattern(subject, rdf_type, None, None)]
            after = {t for t, _ in now}
            before = {t for t, g in now if not (isinstance(g, ox.NamedNode) and g.value in names)}
            before |= old_types.get(subject, set())
            for name, classes in closure.items():
                entities[name] += (not after.isdisjoint(classes)) - (not before.isdisjoint(classes))
    graphs = stats["graphs"] + len(present) - len(existed)
    sources = stats["sources"] + sum(str(g).startswith(SOURCE_PREFIX) for g in present)
    sources -= sum(str(g).startswith(SOURCE_PREFIX) for g in existed)
    return {"graphs": graphs, "sources": sources, "entities": entities}


def _patch_trig(store: OxigraphStore, target: Path, records: manifest_file.Records, changed: list[str]):
    """Rewrite ``target`` (graph.trig, atomically) with new blocks for the ``changed`` graphs and the
    other blocks copied from the old file by their recorded ranges, in runs (the kernel copies them:
    ``os.copy_file_range``). The new blocks come from :func:`dump_trig` of a small store holding only
    the changed graphs, so they are the bytes a full dump writes. Returns a function that records the
    new ranges in the open transaction of ``records``, or ``None`` (nothing written) when the file
    cannot be patched: no recorded ranges, or a default graph or header unlike the old file's."""
    import pyoxigraph as ox

    if next(store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None:
        return None
    row = records.db.execute("SELECT MIN(first) FROM ranges").fetchone()
    first = row[0] if row else None
    if first is None:
        return None
    small = ox.Store()
    present = []
    for graph in changed:
        name = ox.NamedNode(graph)
        if store.store.contains_named_graph(name):
            present.append(graph)
            small.add_graph(name)
            small.extend(store.store.quads_for_pattern(None, None, None, name))
    folder = Path(tempfile.mkdtemp(prefix="kg-graph-blocks-"))
    try:
        fresh_ranges = dump_trig(OxigraphStore(small), folder / "blocks.trig")
        fresh = (folder / "blocks.trig").read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    head = min((a for a, _ in fresh_ranges.values()), default=len(fresh))
    old_ranges = records.ranges(changed)
    # where each changed graph's block was, or, for a new graph, where it goes (after the one before it)
    places = {}
    for graph in changed:
        if graph in old_ranges:
            places[graph] = old_ranges[graph]
        else:
            end = records.end_before(graph)
            places[graph] = (first, first) if end is None else (end, end)
    with open(target, "rb") as old:
        if os.pread(old.fileno(), first, 0) != fresh[:head]:
            return None  # another header: dump it all
        pieces: list = []  # (first, last) of the old file, or new bytes
        cut = first
        for graph in changed:
            a, b = places[graph]
            pieces.append((cut, a))
            if graph in fresh_ranges:
                x, y = fresh_ranges[graph]
                pieces.append(fresh[x:y])
            cut = b
        pieces.append((cut, os.fstat(old.fileno()).st_size))
        with atomic_writer(target, "wb") as handle:
            handle.write(fresh[:head])
            handle.flush()
            out_fd = handle.fileno()
            for piece in pieces:
                if isinstance(piece, bytes):
                    _write_all(out_fd, piece)
                else:
                    _copy_range(old.fileno(), out_fd, piece[0], piece[1] - piece[0])
    # the new ranges: the changed graphs' blocks where they now are, the others moved by what the
    # changed blocks before them gained or lost
    new_ranges: dict[str, tuple[int, int]] = {}
    shifts: list[tuple[str, int]] = []
    delta = 0
    for graph in changed:
        a, b = places[graph]
        if graph in fresh_ranges:
            x, y = fresh_ranges[graph]
            new_ranges[graph] = (a + delta, a + delta + (y - x))
            delta += (y - x) - (b - a)
        else:
            delta -= b - a
        shifts.append((graph, delta))
    gone = [g for g in changed if g not in fresh_ranges]

    def record(records: manifest_file.Records) -> None:
        for i, (graph, moved) in enumerate(shifts):
            records.shift_ranges(graph, shifts[i + 1][0] if i + 1 < len(shifts) else None, moved)
        records.drop_ranges(gone)
        records.put_ranges(new_ranges)

    return record


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _copy_range(source: int, target: int, offset: int, count: int) -> None:
    """Copy ``count`` bytes of ``source`` from ``offset`` to the current position of ``target``."""
    while count > 0:
        try:
            copied = os.copy_file_range(source, target, count, offset)
        except OSError:  # not supported between these files: through memory
            copied = 0
        if copied == 0:
            chunk = os.pread(source, min(count, 1 << 24), offset)
            if not chunk:
                raise OSError(f"graph.trig is shorter than its recorded ranges (at byte {offset})")
            _write_all(target, chunk)
            copied = len(chunk)
        offset += copied
        count -= copied


def _restore(store: OxigraphStore, saved: dict) -> None:
    """Put the touched graphs back as they were."""
    import pyoxigraph as ox

    for graph, quads in saved.items():
        name = ox.NamedNode(str(graph))
        with contextlib.suppress(Exception):
            store.store.remove_graph(name)
        store.store.extend(quads)


def build_oxigraph(data_dir=None, out_dir=None, *, files=None, incremental: bool = True) -> BuildResult:
    """The Oxigraph build: incremental when a valid store and manifest are in ``out_dir``
    (:mod:`kg.build.manifest`); otherwise, and when the manifest is of an older format or does not
    match, a full build, whose ``full_reason`` says why."""
    import pyoxigraph as ox

    found = inputs(Path(data_dir) if data_dir is not None else None, [Path(f) for f in files] if files else None)
    out = Path(out_dir) if out_dir is not None else None
    had_analysis = out is not None and _has_analysis(out / GRAPH_FILE)
    result = _build(found, out, incremental)
    if had_analysis and result.output is not None:  # a new graph file was written, or kept as it was
        store = getattr(result.store, "store", None)
        result.analysis_dropped = store is None or not store.contains_named_graph(ox.NamedNode(str(ANALYSIS_GRAPH)))
    return result


def _build(found, out: Path | None, incremental: bool) -> BuildResult:
    """:func:`build_oxigraph` of the inputs ``found`` into ``out``."""
    reason = None
    if out is not None and incremental:
        if not (out / STORE_DIR).is_dir():  # a first build says nothing
            reason = "the store is missing" if (out / MANIFEST).exists() else None
        elif (out / DIRTY).exists():
            reason = "an incremental build was cut short"
        elif not (out / GRAPH_FILE).is_file():
            reason = "graph.trig is missing"
        else:
            manifest, reason = manifest_file.read(out)
            if manifest is not None:
                try:
                    if manifest.data.get("fingerprint") != fingerprint():
                        reason = "the ontology, shapes, rules or version changed"
                    else:
                        result = incremental_build(found, out, manifest)
                        if result is not None:
                            return result
                        reason = "a changed source states classes or properties"
                finally:
                    manifest.close()
    result = full_build(found, out)
    result.full_reason = reason
    return result


def _has_analysis(graph_file: Path) -> bool:
    """Whether a graph file holds the analysis graph (written by ``kg all`` or ``kg analyze
    --write-back``; its name in full, as Oxigraph and rdflib write graph names). A scan of the bytes
    (about 0.03 s for 66 MB): the build says when it drops it. False when there is no such file."""
    import mmap

    try:
        with open(graph_file, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return data.find(f"<{ANALYSIS_GRAPH}>".encode()) >= 0
    except (OSError, ValueError):  # no file, or an empty one (mmap refuses it)
        return False
