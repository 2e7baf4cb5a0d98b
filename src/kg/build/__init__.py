"""Build: read the source files, run the derivation rules, validate against the SHACL shapes, write
``graph.trig``. Two engines (rdflib + pyshacl, :mod:`kg.build.pipeline`; pyoxigraph + compiled shapes,
:mod:`kg.build.fastpath` with :mod:`kg.build.incremental` rebuilds) give the same results.

Imports :mod:`kg.core` and the stores of :mod:`kg.query` (the rules and compiled shapes are SPARQL run
on a store). The entry point and its result are re-exported here::

    from kg.build import build, BuildResult, GRAPH_FILE
"""

from kg.build.pipeline import AUTO_THRESHOLD_BYTES, build, input_size
from kg.build.result import ENTITY_CLASSES, GRAPH_FILE, BuildResult, statistics

__all__ = ["AUTO_THRESHOLD_BYTES", "ENTITY_CLASSES", "GRAPH_FILE", "BuildResult", "build", "input_size", "statistics"]
