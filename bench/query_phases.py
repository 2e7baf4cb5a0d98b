"""Where one ``kg query`` spends its CPU time on a build: Oxigraph and the rows, the label columns, the output.

In one process, as ``kg query NAME --graph BUILD/graph.trig --format=json`` runs it (the built store opened
read-only): *open* (:func:`kg.build.graph.open_source`), *execute* (:func:`kg.query.sparql.execute` with
``labels=False``: Oxigraph's evaluation, the rows converted to rdflib terms and sorted in Python where the
query has a top-level ORDER BY), *raw* (the same bound text, without the top-level ORDER BY where *execute*
sorts in Python, read as pyoxigraph terms by :meth:`~kg.query.stores.OxigraphStore.solutions`, nothing
converted: Oxigraph's part alone, run once more after *execute*), *labels* (:func:`kg.query.sparql.add_labels`:
the label and source-title columns) and *json* (:func:`kg.query.formats.render` of the JSON text).
CPU seconds of this process (``time.process_time``).

Run: ``python bench/query_phases.py BUILD NAME [NAME ...]`` (parameters as in :mod:`bench.queries`); one
JSON line per query.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from queries import PARAMS  # noqa: E402


def main() -> None:
    from kg.build.graph import open_source
    from kg.query.binding import bind_values, with_prefixes
    from kg.query.formats import render
    from kg.query.library import get
    from kg.query.order import plan
    from kg.query.sparql import add_labels, bindings, execute, unit_separated

    build = Path(sys.argv[1])
    for name in sys.argv[2:]:
        clock = time.process_time
        phases: dict[str, float] = {}
        t = clock()
        store = open_source(build / "graph.trig", None, None, use_store=True)
        phases["open"] = clock() - t
        query, params = get(name), PARAMS.get(name, {})
        t = clock()
        result = execute(store, query, params, timeout=None, labels=False)
        phases["execute"] = clock() - t
        t = clock()
        text = bind_values(unit_separated(query.text), bindings(query, params, store, None))
        ordering = plan(with_prefixes(text))  # what execute runs: without a top-level ORDER BY it can redo
        store.solutions(ordering.text if ordering is not None else text)
        phases["raw"] = clock() - t
        t = clock()
        add_labels(result, store, None)
        phases["labels"] = clock() - t
        t = clock()
        render(result, "json", store, None)
        phases["json"] = clock() - t
        store.close()
        print(json.dumps({"query": name, "rows": len(result.rows), **{k: round(v, 2) for k, v in phases.items()}}))


if __name__ == "__main__":
    main()
