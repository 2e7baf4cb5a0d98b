"""Open the built graph: ``build/graph.trig`` as an rdflib Dataset, rebuilding it when stale."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.core import locking, resources
from kg.core.errors import KgError, ValidationFailed

if TYPE_CHECKING:
    from rdflib import Dataset

# the build's and rdflib's modules are imported where they are used: a query on a finished build
# needs neither (``kg query`` at 1M starts 0.1 s sooner)
GRAPH_FILE = "graph.trig"  # kg.build.result.GRAPH_FILE (a test checks they agree)

DEFAULT_BUILD_DIR = Path("build")


def default_build_dir() -> Path:
    """``build/`` in a checkout (where ``data/sources`` is here), else a per-user cache folder."""
    if (Path("data") / "sources").is_dir() or DEFAULT_BUILD_DIR.joinpath(GRAPH_FILE).is_file():
        return DEFAULT_BUILD_DIR
    from kg.core.cache import cache_root

    return cache_root() / "build"


def _inputs(data_dir: Path) -> list[Path]:
    from kg.build.sources import FORMATS

    folders = [data_dir / "sources", data_dir / "reference", resources.shipped("ontology")]
    return [p for folder in folders for p in folder.rglob("*") if p.suffix in (*FORMATS, ".rq")]


def is_stale(graph_file: Path, data_dir: Path) -> bool:
    """True when ``graph_file`` is missing or older than any input file."""
    if not graph_file.is_file():
        return True
    built = graph_file.stat().st_mtime
    return any(p.stat().st_mtime > built for p in _inputs(data_dir))


def read_dataset(path: Path | str) -> Dataset:
    """Read a TriG (or N-Quads) file into a dataset whose default graph is the union."""
    from kg.build.sources import new_dataset

    path = Path(path)
    if not path.is_file():
        raise KgError("graph file not found (run `kg build`)", file=path)
    ds = new_dataset()
    try:
        ds.parse(path, format="nquads" if path.suffix == ".nq" else "trig")
    except Exception as exc:  # rdflib raises many types; all mean the file is not a graph
        raise KgError(f"not a TriG graph file: {' '.join(str(exc).split())[:300]}", file=path) from None
    return ds


def open_dataset(
    graph_file: Path | str | None = None, data_dir: Path | str | None = None, build_dir: Path | str | None = None
) -> Dataset:
    """The dataset to query.

    With ``graph_file``, that file. Otherwise ``BUILD/graph.trig``, built first (from ``data_dir``,
    default ``./data`` or the shipped data) when it is missing or older than its inputs.
    """
    if graph_file is not None:
        return read_dataset(graph_file)
    data = Path(data_dir) if data_dir is not None else resources.default_data_dir()
    target = Path(build_dir or default_build_dir()) / GRAPH_FILE
    if is_stale(target, data):
        from kg.build.pipeline import build

        with locking.locked(target.parent):  # several first queries: one builds, the others wait for it
            if is_stale(target, data):
                result = build(data, target.parent)
                if not result.conforms:
                    raise ValidationFailed(f"the data does not validate; run `kg validate` ({result.report.summary()})")
                return result.dataset
    return read_dataset(target)


def built_graph_file(
    graph_file: Path | str | None = None, data_dir: Path | str | None = None, build_dir: Path | str | None = None
) -> Path:
    """The built graph file: ``graph_file`` if given, else ``BUILD/graph.trig``, built first when stale."""
    if graph_file is not None:
        path = Path(graph_file)
        if not path.is_file():
            raise KgError("graph file not found (run `kg build`)", file=path)
        return path
    data = Path(data_dir) if data_dir is not None else resources.default_data_dir()
    target = Path(build_dir or default_build_dir()) / GRAPH_FILE
    if is_stale(target, data):
        from kg.build.pipeline import build

        with locking.locked(target.parent):
            if is_stale(target, data):
                result = build(data, target.parent)
                if not result.conforms:
                    raise ValidationFailed(f"the data does not validate; run `kg validate` ({result.report.summary()})")
    return target


STORE_DIR = "store"  # the build's on-disk Oxigraph store, beside graph.trig (kg.build.incremental writes it)
MANIFEST_FILE = "manifest.json"
DIRTY_FILE = "store.dirty"


def built_store_state(graph_file: Path) -> str | None:
    """Why the on-disk store beside ``graph_file`` does not hold its dataset, or ``None`` when it does.

    It does when ``store/`` is there, no incremental build was cut short (``store.dirty``), and
    ``manifest.json`` records ``graph_file``'s current size and modification time: every build
    writes the manifest last, after the store and ``graph.trig``, so a ``graph.trig`` written
    without the store (``--engine rdflib``, ``kg analyze --write-back``, a copy) no longer matches.
    """
    folder = graph_file.parent
    if not (folder / STORE_DIR).is_dir():
        return "there is no on-disk store beside it"
    if (folder / DIRTY_FILE).exists():
        return "an incremental build of the store was cut short"
    try:
        written = recorded_graph_file(folder / MANIFEST_FILE)
        stat = graph_file.stat()
    except (OSError, ValueError, AttributeError):
        return "its manifest.json is missing or unreadable"
    if (written.get("size"), written.get("mtime_ns")) != (stat.st_size, stat.st_mtime_ns):
        return "graph.trig was written after the store (by `kg analyze --write-back`, `kg build --engine rdflib`, …)"
    return None


_MANIFEST_CACHE = "manifests"
_recorded: dict[tuple, dict] = {}  # this process's reads, by the manifest's path and file status


def recorded_graph_file(manifest: Path) -> dict:
    """The ``graph_file`` entry of a build's ``manifest.json`` (``{"size": bytes, "mtime_ns": ns, ...}``
    of the ``graph.trig`` the build wrote; ``{}`` when there is none), read as few times as possible.

    The manifest names every source file (6 MB, 0.07 s to parse at 1M triples), but a query needs these
    two numbers only: they are kept per process and in the user's cache folder (:mod:`kg.core.cache`),
    keyed by the manifest's path and its file status (device, inode, size, modification and change
    times, which every write of the manifest changes: builds replace it atomically), so the manifest is
    parsed once after each build. Raises ``OSError`` or ``ValueError`` when it is missing or not JSON.
    """
    from kg.core import cache

    manifest = Path(os.path.abspath(manifest))
    st = manifest.stat()
    key = (str(manifest), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    found = _recorded.get(key)
    if found is not None:
        return found
    text_key = "\n".join(str(part) for part in key)
    cached = cache.load(_MANIFEST_CACHE, text_key)
    if isinstance(cached, dict):
        _recorded[key] = cached
        return cached
    import json

    with open(manifest, encoding="utf-8") as handle:
        written = json.load(handle).get("graph_file") or {}
    if not isinstance(written, dict):
        raise ValueError("graph_file is not an object")
    found = {k: written[k] for k in ("size", "mtime_ns") if k in written}
    again = manifest.stat()
    if (again.st_ino, again.st_size, again.st_mtime_ns, again.st_ctime_ns) == key[2:]:  # not rewritten meanwhile
        cache.save(_MANIFEST_CACHE, text_key, found)
        _recorded[key] = found
    return found


def open_built_store(graph_file: Path | str, note=None):
    """The on-disk Oxigraph store of the build that wrote ``graph_file``, opened read-only (nothing is
    ever written to it), or ``None`` when there is none or it may not hold the same dataset
    (:func:`built_store_state`); ``note(text)`` is told why when a store is there but not used.

    While it is open the store holds a shared lock on its folder (:func:`kg.core.locking.try_shared`),
    so no build changes it under the reader; a build that is at work makes this return ``None``.
    ``close()`` the store to let go.
    """
    from kg.core.locking import try_shared

    graph_file = Path(graph_file)
    folder = graph_file.parent
    if not (folder / STORE_DIR).is_dir() and not (folder / MANIFEST_FILE).is_file():
        return None  # a graph file on its own: nothing to tell
    say = note or (lambda text: None)
    why = built_store_state(graph_file)
    if why is not None:
        say(f"not using the on-disk store in {folder}: {why}; reading {graph_file.name} (run `kg build --full`)")
        return None
    lock = try_shared(folder)
    if lock is None:
        say(f"not using the on-disk store in {folder}: a build is writing it; reading {graph_file.name}")
        return None
    try:
        why = built_store_state(graph_file)  # again, under the lock: a build may have ended meanwhile
        if why is not None:
            say(f"not using the on-disk store in {folder}: {why}; reading {graph_file.name} (run `kg build --full`)")
            lock.release()
            return None
        import pyoxigraph as ox

        from kg.query.stores import OxigraphStore

        store = OxigraphStore(ox.Store.read_only(str(folder / STORE_DIR)))
        store.folder = folder / STORE_DIR  # another process may read it too while the lock is held
    except OSError as exc:
        lock.release()
        say(f"not using the on-disk store in {folder}: it cannot be opened ({exc}); reading {graph_file.name}")
        return None
    except BaseException:
        lock.release()
        raise
    store.closing(lock.release)
    return store


def open_source(
    graph_file: Path | str | None = None,
    data_dir: Path | str | None = None,
    endpoint: str | None = None,
    *,
    build_dir: Path | str | None = None,
    http_timeout: float | None = 30.0,
    use_store: bool = False,
    note=None,
):
    """What to query: a :class:`kg.query.stores.RemoteStore` on ``endpoint`` (a SPARQL 1.1 Protocol URL),
    else the built graph (:func:`built_graph_file`) loaded into an in-memory Oxigraph store, which
    answers the library's queries with the same rows as rdflib, only faster. Either goes to
    :func:`kg.query.sparql.execute`.

    With ``use_store``, the build's on-disk store is opened read-only instead when it holds the same
    dataset (:func:`open_built_store`; no parsing, so a query on a large build starts at once), else
    ``note(text)`` hears why ``graph.trig`` is read instead. Close the store when done.

    >>> open_source(endpoint="http://127.0.0.1:7878/query")
    <RemoteStore http://127.0.0.1:7878/query>
    """
    if endpoint is None:
        from kg.query.stores import OxigraphStore

        path = built_graph_file(graph_file, data_dir, build_dir)
        if use_store:
            store = open_built_store(path, note)
            if store is not None:
                return store
        try:
            return OxigraphStore.from_file(path)
        except SyntaxError as exc:
            raise KgError(f"not a TriG graph file: {exc.msg}", file=path, line=exc.lineno) from None
        except OSError as exc:
            raise KgError(f"cannot read the graph file: {exc.strerror or exc}", file=path) from None
    if graph_file is not None or data_dir is not None:
        raise KgError("give --endpoint or a local graph (--graph/--data), not both")
    from kg.query.stores import RemoteStore

    return RemoteStore(endpoint, timeout=http_timeout)
