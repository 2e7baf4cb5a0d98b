"""Build: read the source files, run the derivation rules, validate against the SHACL shapes, write
``graph.trig``. Two engines (rdflib + pyshacl, :mod:`kg.build.pipeline`; pyoxigraph + compiled shapes,
:mod:`kg.build.fastpath` with :mod:`kg.build.incremental` rebuilds) give the same results.

Imports :mod:`kg.core` and the stores of :mod:`kg.query` (the rules and compiled shapes are SPARQL run
on a store). The entry point and its result are re-exported here::

    from kg.build import build, BuildResult, GRAPH_FILE

They are imported when first asked for (PEP 562), so that a command that only opens a finished build
(``kg query``, through :mod:`kg.build.graph`) does not import the derivation rules and the validator.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "AUTO_THRESHOLD_BYTES": "kg.build.pipeline",
    "build": "kg.build.pipeline",
    "input_size": "kg.build.pipeline",
    "ENTITY_CLASSES": "kg.build.result",
    "GRAPH_FILE": "kg.build.result",
    "BuildResult": "kg.build.result",
    "statistics": "kg.build.result",
}

__all__ = ["AUTO_THRESHOLD_BYTES", "ENTITY_CLASSES", "GRAPH_FILE", "BuildResult", "build", "input_size", "statistics"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg.build' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
