"""Where one ``kg query`` spends its CPU time on a build, phase by phase, in one process.

As ``kg query NAME --graph BUILD/graph.trig --format=json`` runs it (the built store opened read-only):

- *open*: :func:`kg.build.graph.open_source` (the store, the manifest check);
- *evaluate*: Oxigraph's evaluation of the bound text without its top-level ORDER BY (sorted in Python),
  wrapped as ``SELECT (COUNT(*) AS ?n) WHERE { { QUERY } }`` so that no result term is decoded;
- *decode*: reading every solution as pyoxigraph terms (:meth:`~kg.query.stores.OxigraphStore.solutions`)
  minus *evaluate*: turning Oxigraph's ids back into terms (one RocksDB read per long term);
- *rdflib*: the same solutions as rows of rdflib terms (``OxigraphStore._rows``) minus *evaluate* and *decode*;
- *sort*: the top-level ORDER BY in Python (:mod:`kg.query.order`);
- *cells*: GROUP_CONCAT items sorted, empty cells dropped, decimals canonical;
- *labels*: :func:`kg.query.sparql.add_labels` (the label and source-title columns, from the build's label table);
- *json*: :func:`kg.query.formats.render` of the JSON text.

The fixed cost of a call (Python, typer, pydantic, rdflib, pyoxigraph; about 0.3 s) is not in these
figures: ``kg query partners-by-programme`` (no rows at 1M) measures it through the command line.
CPU seconds of this process (``time.process_time``), best of ``--repeat`` runs per phase.

Run: ``python bench/query_phases.py BUILD NAME [NAME ...] [--repeat 3]`` (parameters as in
:mod:`bench.queries`); one JSON line per query.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from queries import params_for  # noqa: E402


def main() -> None:
    from kg.build.graph import open_source
    from kg.query.binding import bind_values, with_prefixes
    from kg.query.formats import render
    from kg.query.library import get
    from kg.query.order import plan
    from kg.query.sparql import QueryResult, _cells, add_labels, bindings, sort_concatenations, unit_separated

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path)
    parser.add_argument("names", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    clock = time.process_time

    def best(work):
        times, value = [], None
        for _ in range(args.repeat):
            started = clock()
            value = work()
            times.append(clock() - started)
        return min(times), value

    for name in args.names:
        phases: dict[str, float] = {}
        started = clock()
        store = open_source(args.build / "graph.trig", None, None, use_store=True)
        phases["open"] = clock() - started
        query = get(name)
        text = bind_values(unit_separated(query.text), bindings(query, params_for(query), store, None))
        ordering = plan(with_prefixes(text))
        bare = ordering.text if ordering is not None else with_prefixes(text)
        head, where = bare.split("SELECT", 1) if "SELECT" in bare else ("", bare)
        counted = f"{head}SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT{where} }} }}"
        phases["evaluate"], _ = best(lambda: store.solutions(counted))  # noqa: B023
        solutions, _ = best(lambda: store.solutions(bare))  # noqa: B023
        phases["decode"] = solutions - phases["evaluate"]
        converted, (variables, rows) = best(lambda: store._rows(bare))  # noqa: B023
        phases["rdflib"] = converted - solutions
        started = clock()
        if ordering is not None:
            variables, rows = ordering.sort(variables, rows)
        phases["sort"] = clock() - started
        started = clock()
        rows = _cells(sort_concatenations(query.text, rows))
        phases["cells"] = clock() - started
        result = QueryResult("SELECT", variables, rows)
        started = clock()
        add_labels(result, store, None)
        phases["labels"] = clock() - started
        phases["json"], _ = best(lambda: render(result, "json", store, None))  # noqa: B023
        store.close()
        total = sum(phases.values())
        print(
            json.dumps(
                {
                    "query": name,
                    "rows": len(rows),
                    **{k: round(v, 3) for k, v in phases.items()},
                    "sum": round(total, 2),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
