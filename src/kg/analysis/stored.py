"""Stored analyses: ``kg analyze`` (and ``kg all``, ``kg viz``) keep their result beside the graph file,
so that ``kg viz`` draws clusters and scores without computing them again.

An analysis is stored as JSON in ``analysis/`` beside ``graph.trig``, under a key made of the SHA-256
of the graph file's bytes and the parameters (network, year, language, seed, and
:data:`VERSION` of the analysis code). Any change of the graph file (a rebuild, a write-back, an
edit) changes the key, so a stored analysis is used only for the very bytes it was computed from;
analyses of other contents are deleted when a new one is stored. A stored file that cannot be read
is ignored (the analysis is computed again).

Beside it, under the same graph key, the network the analysis was computed from: every node's attributes
and every stated tie, as :func:`kg.analysis.network.read_nodes` (in one language) and
:func:`~kg.analysis.network.read_ties` read them (:func:`save_network`, :func:`load_network`), so that
``kg viz`` draws the network without running the ``nodes`` and ``ties`` queries again (7.5 s of CPU at a
million triples).

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> graph = folder / "graph.trig"
>>> _ = graph.write_text("<urn:a> <urn:b> <urn:c> .")
>>> result = Analysis("actors", None, 1, 0, 0.0, {}, [], {"urn:a": {"cluster": "c1"}}, [], [["urn:a"]], ["urn:a"], [])
>>> params = {"network": "actors", "year": None, "lang": "sv", "seed": 42}
>>> key = graph_key(graph)
>>> save(graph, key, params, result) is not None
True
>>> load(graph, key, params) == result
True
>>> _ = graph.write_text("<urn:a> <urn:b> <urn:d> .")
>>> load(graph, graph_key(graph), params) is None
True
>>> from kg.analysis.network import Tie
>>> ties = [Tie("urn:a", "lead", "urn:i", "2020", ("s1", "s2"))]
>>> nodes = {"urn:a": {"label": "A", "kind": "actor", "mentioned": True}}
>>> key = graph_key(graph)
>>> save_network(graph, key, "sv", nodes, ties) is not None
True
>>> load_network(graph, key, "sv") == (nodes, ties), load_network(graph, key, "fi")
(True, None)
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kg.analysis.analyze import Analysis, Cluster
from kg.core.collector import paused

VERSION = 3  # raise when the analysis gives other results for the same graph
FOLDER = "analysis"


def graph_key(graph_file: Path | str) -> str:
    """The SHA-256 of the graph file's bytes (hex)."""
    digest = hashlib.sha256()
    with open(graph_file, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _path(graph_file: Path | str, key: str, params: dict[str, object]) -> Path:
    text = json.dumps({**params, "version": VERSION}, sort_keys=True, default=str)
    return Path(graph_file).parent / FOLDER / f"{key[:32]}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json"


def from_dict(data: dict) -> Analysis:
    """The :class:`Analysis` of :meth:`Analysis.to_dict`."""
    fields = dict(data)
    fields["clusters"] = [Cluster(**c) for c in data["clusters"]]
    fields["cross_border"] = [tuple(t) for t in data["cross_border"]]
    fields["cross_border_initiatives"] = [tuple(t) for t in data.get("cross_border_initiatives", [])]
    return Analysis(**fields)


def _loads(path: Path) -> dict:
    """The JSON value of a stored file (orjson's reader: the 41 MB of a stored network at a million
    triples in half the time of ``json``'s, the same values). Raises OSError or ValueError."""
    import orjson

    return orjson.loads(path.read_bytes())  # orjson.JSONDecodeError is a ValueError


@paused()
def load(graph_file: Path | str, key: str, params: dict[str, object]) -> Analysis | None:
    """The stored analysis of the graph whose bytes hash to ``key``, with ``params``; None if there is none."""
    path = _path(graph_file, key, params)
    try:
        data = _loads(path)
        if data.get("graph_sha256") != key or data.get("parameters") != json.loads(json.dumps(params, default=str)):
            return None
        return from_dict(data["analysis"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(graph_file: Path | str, key: str, params: dict[str, object], analysis: Analysis) -> Path | None:
    """Store ``analysis`` of the graph whose bytes hash to ``key`` (atomically); delete the analyses of
    other graph contents. Returns the file, or None where the folder cannot be written (nothing stored)."""
    path = _path(graph_file, key, params)
    data = {"graph_sha256": key, "parameters": params, "version": VERSION, "analysis": analysis.to_dict()}
    return _store(graph_file, key, path, json.dumps(data, ensure_ascii=False, default=str))


def _store(graph_file: Path | str, key: str, path: Path, text: str) -> Path | None:
    """Write ``text`` to ``path`` atomically while the graph still hashes to ``key`` (else store
    nothing: it changed while it was read), and delete what was stored for other graph contents.
    Returns ``path``, or None where nothing was stored (the folder cannot be written)."""
    from kg.core.atomic import write_text

    try:
        if graph_key(graph_file) != key:
            return None
        path.parent.mkdir(exist_ok=True)
        write_text(path, text)
        for other in path.parent.glob("*.json"):
            if not other.name.startswith(key[:32]):
                other.unlink(missing_ok=True)
    except OSError:
        return None
    return path


def _network_path(graph_file: Path | str, key: str, lang: str | None) -> Path:
    path = _path(graph_file, key, {"stored": "network", "lang": lang})
    return path.with_name(path.name.replace("-", NETWORK, 1))


NETWORK = "-network-"  # in the names of stored networks (the analyses' names have no such part)


def save_network(
    graph_file: Path | str, key: str, lang: str | None, nodes: dict, ties: list, extras: dict | None = None
) -> Path | None:
    """Store the nodes and ties read from the graph whose bytes hash to ``key`` (``nodes`` as
    :func:`kg.analysis.network.read_nodes` read them in ``lang``, ``ties`` as
    :func:`~kg.analysis.network.read_ties` did) beside its analyses, atomically. Returns the file, or
    None where nothing was stored (the folder cannot be written, or the graph changed meanwhile).

    ``extras``: more of what ``kg viz`` reads from the same graph bytes in ``lang``, as plain JSON
    values (:data:`EXTRAS`: the sources' years, the initiatives' active days, the details panel's
    fundings, sources and posts), given back by :func:`load_network` with ``extras=True``."""
    path = _network_path(graph_file, key, lang)
    data = {
        "graph_sha256": key,
        "stored": "network",
        "lang": lang,
        "version": VERSION,
        "nodes": nodes,
        "ties": [[t.actor, t.role, t.target, t.start, list(t.sources)] for t in ties],
        "extras": {name: value for name, value in (extras or {}).items() if name in EXTRAS},
    }
    return _store(graph_file, key, path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


EXTRAS = ("stated", "days", "details")


@paused()
def load_network(graph_file: Path | str, key: str, lang: str | None, *, extras: bool = False):
    """``(nodes, ties)`` stored by :func:`save_network` for the graph whose bytes hash to ``key``,
    read in ``lang`` (with ``extras``: ``(nodes, ties, extras)``, ``extras`` a dictionary of what
    was stored of :data:`EXTRAS`); None if there are none (or they cannot be read)."""
    from kg.analysis.network import Tie

    try:
        data = _loads(_network_path(graph_file, key, lang))
        if data.get("graph_sha256") != key or data.get("lang") != lang or data.get("stored") != "network":
            return None
        ties = [Tie(a, role, b, start, tuple(sources)) for a, role, b, start, sources in data["ties"]]
        if extras:
            return data["nodes"], ties, dict(data.get("extras") or {})
        return data["nodes"], ties
    except (OSError, ValueError, KeyError, TypeError):
        return None


def stored_or_computed(
    graph_file: Path | str | None, key: str | None, params: dict[str, object], compute
) -> tuple[Analysis, bool]:
    """The stored analysis of ``graph_file`` (whose bytes hashed to ``key`` before it was read) with
    ``params`` if there is one, else ``compute()`` (then stored for the next time); the flag tells
    whether it was stored before. Without a graph file (an endpoint) the analysis is computed."""
    if graph_file is None or key is None:
        return compute(), False
    found = load(graph_file, key, params)
    if found is not None:
        return found, True
    analysis = compute()
    save(graph_file, key, params, analysis)
    return analysis, False
