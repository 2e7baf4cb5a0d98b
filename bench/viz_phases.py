"""``kg viz``'s steps at one build, CPU seconds each, in one process: where the command's time goes.

``python bench/viz_phases.py BUILD/graph.trig``

``BUILD`` needs the on-disk store, the analysis stored by ``kg analyze`` and the network (with the
slider's days and the details) stored by a first ``kg viz`` (default options: ``--network actors
--lang sv``). The steps are those of ``kg viz`` with its defaults, in its
order (``kg.viz.render``'s parts called one by one); "page nodes" lays the nodes out again, so its
time includes the layout's. Printed: one line per step.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main() -> None:
    graph = Path(sys.argv[1])
    spent: dict[str, float] = {}
    last = [time.process_time()]

    def tick(name: str) -> None:
        now = time.process_time()
        spent[name] = spent.get(name, 0.0) + now - last[0]
        last[0] = now

    from kg.analysis import stored
    from kg.analysis.analyze import SEED
    from kg.analysis.network import bipartite_graph, project
    from kg.build.graph import open_source
    from kg.viz import prepare, render, timeline

    tick("imports")
    key = stored.graph_key(graph)
    dataset = open_source(graph, use_store=True)
    tick("graph key + open the store")
    found = stored.load_network(graph, key, "sv", extras=True)
    if found is None:
        raise SystemExit(f"no stored network for {graph}: run kg viz --graph {graph} first")
    nodes, ties, extras = found
    tick("the stored network")
    bipartite = bipartite_graph(dataset, None, "sv", nodes=nodes, ties=ties)
    tick("bipartite graph")
    actors = project(bipartite)
    tick("projection")
    analysis = stored.load(graph, key, {"network": "actors", "year": None, "seed": SEED, "lang": "sv"})
    if analysis is None:
        raise SystemExit(f"no stored analysis for {graph}: run kg analyze --graph {graph} first")
    tick("the stored analysis")
    span = timeline.years_of(bipartite)
    more = render.page_extras(dataset, bipartite, "sv", None, extras)  # stored by the first kg viz
    yearly = timeline.yearly_networks(
        dataset, "actors", span, "sv", nodes=nodes, ties=ties, stated=more["stated"], days=more["days"]
    )
    tick("slider: source years + active days")
    measure = dict(actors.degree())
    drawn, *_ = render.choose(actors, measure, "degree", render.MAX_NODES, render.MAX_EDGES)
    tick("the cuts")
    initiatives = render.initiatives_of(drawn, bipartite, render.MAX_NODES)
    ids = prepare.page_ids([*drawn, *initiatives])
    reverse = {v: k for k, v in ids.items()}
    tick("initiatives, page ids")
    render.positions_of(drawn, initiatives, {n: s.get("cluster") for n, s in analysis.scores.items()})
    tick("layout")
    page_nodes = render.page_nodes(drawn, bipartite, initiatives, analysis, measure, ids)
    tick("page nodes (with the layout again)")
    edges = prepare.actor_edges(drawn, ids) + prepare.stated_edges(bipartite, ids)
    tick("page ties")
    render.add_timeline(page_nodes, edges, reverse, yearly)
    tick("slider masks")
    extra = render.read_extra(dataset, "sv", ids, render.known_labels(bipartite, "sv"), more.get("details"))
    tick("details")
    data = {"nodes": page_nodes, "edges": [{k: v for k, v in e.items() if k != "pair"} for e in edges], **extra}
    render.json_for_script(data, render._with_exact_floats(data))  # as render.to_html
    tick("the page's JSON")
    dataset.close()
    for name, seconds in spent.items():
        print(f"{name:36s} {seconds:6.2f}")
    print(f"{'sum, the layout counted once':36s} {sum(spent.values()) - spent['layout']:6.2f}")


if __name__ == "__main__":
    main()
