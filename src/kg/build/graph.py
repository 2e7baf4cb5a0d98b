"""Open the built graph: ``build/graph.trig`` as an rdflib Dataset, rebuilding it when stale."""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Dataset

from kg.build.pipeline import build
from kg.build.result import GRAPH_FILE
from kg.build.sources import FORMATS, new_dataset
from kg.core import locking, resources
from kg.core.errors import KgError, ValidationFailed

DEFAULT_BUILD_DIR = Path("build")


def default_build_dir() -> Path:
    """``build/`` in a checkout (where ``data/sources`` is here), else a per-user cache folder."""
    if (Path("data") / "sources").is_dir() or DEFAULT_BUILD_DIR.joinpath(GRAPH_FILE).is_file():
        return DEFAULT_BUILD_DIR
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "samverkan-kg" / "build"


def _inputs(data_dir: Path) -> list[Path]:
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
        with locking.locked(target.parent):
            if is_stale(target, data):
                result = build(data, target.parent)
                if not result.conforms:
                    raise ValidationFailed(f"the data does not validate; run `kg validate` ({result.report.summary()})")
    return target


def open_source(
    graph_file: Path | str | None = None,
    data_dir: Path | str | None = None,
    endpoint: str | None = None,
    *,
    build_dir: Path | str | None = None,
    http_timeout: float | None = 30.0,
):
    """What to query: a :class:`kg.query.stores.RemoteStore` on ``endpoint`` (a SPARQL 1.1 Protocol URL),
    else the built graph (:func:`built_graph_file`) loaded into an in-memory Oxigraph store, which
    answers the library's queries with the same rows as rdflib, only faster. Either goes to
    :func:`kg.query.sparql.execute`.

    >>> open_source(endpoint="http://127.0.0.1:7878/query")
    <RemoteStore http://127.0.0.1:7878/query>
    """
    if endpoint is None:
        from kg.query.stores import OxigraphStore

        path = built_graph_file(graph_file, data_dir, build_dir)
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
