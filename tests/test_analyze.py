"""Collaboration clusters on the shipped data, determinism, write-back, and the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from kg.analysis import analyze as analysis_module
from kg.analysis.analyze import analyze
from kg.analysis.network import actor_graph, bipartite_graph, fold_people, network, project
from kg.cli import app
from kg.query.library import get

MUN = "https://w3id.org/samverkan/id/municipality/"
ORG = "https://w3id.org/samverkan/id/org/"
REGION_10 = [MUN + f"se-{c}" for c in ("2505", "2506", "2425", "2481", "2418", "2417", "2422", "2421", "2462", "2463")]
LAPLAND_FOUR = [MUN + f"fi-{c}" for c in ("614", "320", "241", "854")]
PAJALA_PARTNERS = [
    MUN + "se-2521",
    MUN + "se-2518",
    ORG + "lapplands-kommunalforbund",
    ORG + "region-norrbotten",
    ORG + "utbildning-nord",
]
runner = CliRunner()


@pytest.fixture(scope="module")
def bipartite(dataset):
    return bipartite_graph(dataset)


@pytest.fixture(scope="module")
def result(bipartite):
    return analyze(project(bipartite), bipartite)


def cluster_set(result, members):
    return {result.cluster_of(m) for m in members}


def test_region_10_is_one_cluster(result):
    assert len(cluster_set(result, REGION_10)) == 1


def test_the_four_lapland_pilot_municipalities_are_one_cluster(result):
    assert len(cluster_set(result, LAPLAND_FOUR)) == 1


def test_the_pajala_prestudy_partners_are_one_cluster(result):
    assert len(cluster_set(result, PAJALA_PARTNERS)) == 1


def test_the_three_clusters_are_distinct(result):
    (r10,) = cluster_set(result, REGION_10)
    (lap,) = cluster_set(result, LAPLAND_FOUR)
    (paj,) = cluster_set(result, PAJALA_PARTNERS)
    assert len({r10, lap, paj}) == 3


def test_no_finnish_lapland_municipality_in_the_region_10_cluster(result, dataset):
    (r10,) = cluster_set(result, REGION_10)
    kg = "https://w3id.org/samverkan/def#"
    lappi = {
        str(m)
        for m in dataset.subjects(URIRef(kg + "locatedIn"), URIRef("https://w3id.org/samverkan/id/area/fi-19"))
        if (m, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(kg + "Municipality")) in dataset
    }
    assert len(lappi) == 21
    assert not [m for m in lappi if result.cluster_of(m) == r10]


def test_cluster_summaries(result):
    (paj,) = cluster_set(result, PAJALA_PARTNERS)
    cluster = next(c for c in result.clusters if c.id == paj)
    assert "Samhällsinnovation i glesa geografin" in cluster.initiative_labels
    assert "Europeiska socialfonden" in cluster.funder_labels
    assert cluster.countries == ["SE"]
    # Pajala's partners joined Gällivare's Move on up (01) through the support-area-A money shared with
    # Haparanda and Övertorneå (03); the cluster is named after its most central actor
    assert cluster.name == "Malin Kristoffersson / Move on up"
    assert "Move on up" in cluster.initiative_labels
    (lap,) = cluster_set(result, LAPLAND_FOUR)
    assert next(c for c in result.clusters if c.id == lap).countries == ["FI"]


def test_modularity_and_cross_check(result):
    assert 0.3 < result.modularity <= 1
    assert result.cross_check["method"] == "greedy modularity"
    assert result.cross_check["clusters"] >= 3 and result.cross_check["clusters_identical"] >= 2


def test_isolates_are_actors_without_ties(result):
    assert ORG + "hela-sverige-vasterbotten" in result.isolates
    assert MUN + "se-2521" not in result.isolates


def test_same_input_same_output(dataset):
    first = analyze(actor_graph(dataset), bipartite_graph(dataset)).to_json()
    second = analyze(actor_graph(dataset), bipartite_graph(dataset)).to_json()
    assert first == second


def test_order_of_insertion_does_not_change_clusters(dataset):
    graph = actor_graph(dataset)
    shuffled = nx.Graph(**graph.graph)
    shuffled.add_nodes_from(reversed(list(graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.edges(data=True))))
    assert [c.members for c in analyze(graph).clusters] == [c.members for c in analyze(shuffled).clusters]


def test_node_attributes_are_plain_values(dataset):
    for kind in ("actors", "bipartite", "organisations"):
        graph = network(dataset, kind)
        for _, data in graph.nodes(data=True):
            assert all(isinstance(v, str | int | float | bool) for v in data.values()), data
        for _, _, data in graph.edges(data=True):
            assert all(isinstance(v, str | int | float | bool) for v in data.values()), data


def test_edges_carry_shared_initiatives_and_weights(dataset):
    graph = actor_graph(dataset)
    edge = graph.edges[MUN + "se-2521", ORG + "region-norrbotten"]
    assert edge["initiative_labels"] == "Samhällsinnovation i glesa geografin"
    assert edge["weight"] == 1.5  # lead–participant
    assert edge["n_shared"] == 1


def test_organisation_view_folds_people(dataset):
    folded = fold_people(actor_graph(dataset))
    assert "https://w3id.org/samverkan/id/person/mervi-kostet" not in folded
    assert not [n for n, d in folded.nodes(data=True) if d["type"] == "Person" and folded.degree(n) and False]


def test_time_slice_leaves_out_later_initiatives(dataset):
    before = bipartite_graph(dataset, year=2020)
    assert "https://w3id.org/samverkan/id/initiative/samhallsinnovation-i-glesa-geografin" not in before
    assert "https://w3id.org/samverkan/id/initiative/asettautumispalvelut" in before


def test_sampled_betweenness_above_threshold(monkeypatch):
    monkeypatch.setattr(analysis_module, "EXACT_BETWEENNESS_MAX", 10)
    graph = nx.relabel_nodes(nx.karate_club_graph(), str)
    nx.set_edge_attributes(graph, 1.0, "weight")
    result = analyze(graph)
    assert any("sampled" in note for note in result.notes)


def test_cli_report_json_csv(built, tmp_path):
    graph = str(built.output)
    text = runner.invoke(app, ["analyze", "--graph", graph])
    assert text.exit_code == 0, text.output
    assert "Kluster:" in text.stdout and "Brobyggare" in text.stdout  # --lang's default, sv: a Swedish report
    assert max(len(line) for line in text.stdout.splitlines()) <= 80
    as_json = json.loads(runner.invoke(app, ["analyze", "--graph", graph, "--format", "json"]).stdout)
    assert as_json["network"] == "actors" and as_json["clusters"]
    out = tmp_path / "scores.csv"
    assert runner.invoke(app, ["analyze", "--graph", graph, "--format", "csv", "--out", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == (
        "actor,label,cluster,degree,weighted_degree,betweenness,eigenvector,broker"
    )
    # without --format, --out's extension chooses it (a new-user trial: it was ignored)
    report = tmp_path / "report.json"
    assert runner.invoke(app, ["analyze", "--graph", graph, "--out", str(report)]).exit_code == 0
    assert json.loads(report.read_text(encoding="utf-8"))["clusters"]


def test_write_back_is_queryable(built, tmp_path):
    import shutil

    graph = tmp_path / "graph.trig"
    shutil.copy(built.output, graph)
    result = runner.invoke(app, ["analyze", "--graph", str(graph), "--write-back", "--year", "2025"])
    assert result.exit_code == 0, result.output
    sparql = """SELECT ?cluster ?when ?params WHERE {
        GRAPH <https://w3id.org/samverkan/id/graph/analysis> {
            <https://w3id.org/samverkan/id/municipality/se-2521> kg:inCluster ?cluster .
            <https://w3id.org/samverkan/id/graph/analysis> prov:generatedAtTime ?when ; prov:wasGeneratedBy ?run .
            ?run kg:parameters ?params .
        } }"""
    rows = runner.invoke(app, ["query", "-e", sparql, "--graph", str(graph), "--format", "json"])
    bindings = json.loads(rows.stdout)["results"]["bindings"]
    assert len(bindings) == 1
    assert json.loads(bindings[0]["params"]["value"])["year"] == 2025


def test_yearly_networks_from_one_reading_equal_each_years_own(dataset):
    from kg.analysis.network import yearly_bipartite_graphs

    years = [2015, 2019, 2021, 2024]
    yearly = yearly_bipartite_graphs(dataset, years)
    assert list(yearly) == years
    for year in years:
        alone = bipartite_graph(dataset, year)
        assert dict(yearly[year].nodes(data=True)) == dict(alone.nodes(data=True)), year
        assert sorted(yearly[year].edges(data=True)) == sorted(alone.edges(data=True)), year
    assert yearly[2015].number_of_edges() < yearly[2021].number_of_edges()


def test_active_by_year_in_one_query_equals_the_active_query_per_year(dataset):
    from kg.analysis.network import active_by_year, active_initiatives

    years = list(range(2010, 2027))
    together = active_by_year(dataset, years)
    assert {year: active_initiatives(dataset, year) for year in years} == together
    assert together[2024]  # not a comparison of empty sets


def test_the_whole_shipped_data_gives_twenty_nine_clusters_at_modularity_0_661(shipped):
    # the clusters as before the analysis was made faster (issue 22): networkx's Louvain, seed 42, on the
    # same graph; label propagation cross-checks above 500 actors. (30 clusters at 0.662242 over 850
    # actors until Work & Stay's partner Puolanka stopped being recorded under Ristijärvi's code; 28 at
    # 0.661153 over 849 until the Finnish register's names written twice, such as "CERIFFI OYCERIFFI OY",
    # were repaired: 3 of the 9 are beneficiaries the register also writes once; 27 at 0.660815 over 846
    # until names with a second line glued on were cut: "LAPIN ELÄMYSTUOTANTO OYHOUSE OF LAPLAND" is the
    # company the register writes alone in two other rows, so one actor less, and Louvain splits anew.)
    bipartite = bipartite_graph(shipped)
    whole = analyze(project(bipartite), bipartite)
    assert (whole.nodes, len(whole.clusters), round(whole.modularity, 6)) == (845, 29, 0.661275)
    assert whole.cross_check == {
        "method": "label propagation",
        "modularity": 0.642479,
        "clusters_identical": 20,
        "clusters": 39,
    }


@pytest.fixture(scope="module")
def whole(shipped):
    """The analysis of the whole shipped data (845 actors; cluster c1 has 538 members)."""
    bipartite = bipartite_graph(shipped, details=False)
    return analyze(project(bipartite), bipartite)


def test_the_text_report_caps_long_lists_and_the_json_keeps_them(whole):
    # a new user's trial: the report was 1,412 lines, because c1 listed all its 542 members
    text = analysis_module.to_text(whole)
    c1 = whole.clusters[0]
    assert (c1.id, c1.size, len(c1.members)) == ("c1", 538, 538)
    block = text.split("\nc1  ", 1)[1].split("\nc2  ", 1)[0]
    members = block.split("    members: ", 1)[1].split("    held together by: ", 1)[0]
    assert members.count(";") == analysis_module.LIST_MAX  # 20 names, then "… and 518 more"
    assert " ".join(members.split()).endswith("; … and 518 more") and c1.member_labels[0] in members
    assert len(text.splitlines()) < 300
    assert max(len(line) for line in text.splitlines()) <= 80
    data = json.loads(whole.to_json())  # the machine-readable formats keep every member
    assert len(data["clusters"][0]["members"]) == 538
    assert analysis_module.to_csv(whole).count("\n") == 845 + 1


def test_the_report_says_why_eigenvector_centrality_is_0_outside_the_largest_component():
    # trial finding 21: "Eigenvector centrality 0" for most actors puzzled a user; networkx's definition on a
    # network of several components gives the largest one all the weight, and the report says so
    graph = nx.Graph(
        [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("x", "y")],
    )
    nx.set_edge_attributes(graph, 1.0, "weight")
    nx.set_node_attributes(graph, {n: n.upper() for n in graph}, "label")
    result = analyze(graph)
    assert (result.scores["x"]["eigenvector"], result.scores["y"]["eigenvector"]) == (0.0, 0.0)
    assert result.scores["c"]["eigenvector"] > 0.5
    section = analysis_module.to_text(result).split("Top 5 by eigenvector:\n", 1)[1]
    assert section.startswith(
        "  (networkx's definition: the largest component takes all the weight, so an\n  actor outside it scores 0)\n"
    )
    graph.remove_nodes_from(["x", "y"])  # one component: nothing to explain
    assert "networkx's definition" not in analysis_module.to_text(analyze(graph))


def test_the_report_gives_degree_as_ties_beside_the_centrality(whole, shipped):
    # "Top 5 by degree: North Ostrobothnia ELY Centre 0.665", while the page says "Ties (degree) 562": the
    # report gave networkx's normalised degree centrality under the word the page uses for the count
    text = analysis_module.to_text(whole)
    section = text.split("Top 5 by degree (ties; degree centrality, the share of the other actors):\n", 1)[1]
    first = section.splitlines()[0]
    actors = project(bipartite_graph(shipped, details=False))
    ely = "https://w3id.org/samverkan/id/org/pohjois-pohjanmaan-ely-keskus"
    # 562 ties of 844 other actors (0.665 of 845 until the register's glued names were cut)
    assert actors.degree(ely) == 562 and first.split()[-2:] == ["562", "(0.666)"]
    assert max(len(line) for line in text.splitlines()) <= 80


def test_a_year_network_holds_the_actors_with_a_tie_that_year(shipped):
    # a new user's trial: "846 actors, 34 ties … the other 828 are isolated actors" for 2020, the actors of
    # every year counted as isolates of 2020; a year's network now holds the actors with a tie that year
    bipartite = bipartite_graph(shipped, 2020, details=False)
    tied = {a for a, _ in bipartite.edges()} | {b for _, b in bipartite.edges()}
    assert set(bipartite) == tied  # no actor without a tie of 2020
    actors = project(bipartite)
    text = analysis_module.to_text(analyze(actors, bipartite))
    assert text.startswith(f"Network: actors, as of 2020: {actors.number_of_nodes()} actors, 34 ties\n")
    assert actors.number_of_nodes() == 19  # 18 in clusters of two or more (of the 846 before), one alone
    assert "  (the actors with a tie in 2020; those of other years are left out)" in text
    whole = bipartite_graph(shipped, details=False)
    everything = analyze(project(whole), whole)
    assert "left out" not in analysis_module.to_text(everything)
    assert len(everything.isolates) == 16  # the whole network keeps its isolates (14 with no tie at all)
    assert sum(1 for n in whole if whole.degree(n) == 0) == 14


def test_cross_border_in_the_analysis_is_the_cross_border_query(whole, shipped):
    # a new user's trial: kg query cross-border found Norsjö's collaboration with Österbotten (a Swedish
    # municipality, a Finnish region as its place), kg analyze's cross-border section nothing (it listed only
    # ties between a Swedish and a Finnish actor). Both now follow one definition (docs/modelling.md).
    from kg.query.sparql import execute

    rows = execute(shipped, get("cross-border"), timeout=None, labels=False).rows
    query = [(str(r["kind"]), str(r["subject"]), str(r.get("object") or "")) for r in rows]
    assert (
        [row[:3] for row in whole.cross_border_initiatives]
        == query
        == [("initiative", "https://w3id.org/samverkan/id/initiative/samverkan-norsjo-osterbotten", "")]
    )
    assert whole.cross_border_initiatives[0][3] == "Norsjö (SE); a place in FI"
    assert whole.cross_border == []  # no Swedish actor shares a tie with a Finnish one in the shipped data
    text = analysis_module.to_text(whole)
    section = text.split("Cross-border initiatives and memberships (as kg query cross-border):", 1)[1].split(
        "\nTies between", 1
    )[0]
    assert "  Samverkan mellan Norsjö och Österbotten: Norsjö (SE); a place in FI" in section
    # a membership across the border counts too, as in the query
    g = nx.Graph()
    g.add_node("se", kind="actor", label="S", country="SE")
    g.add_node("fi", kind="actor", label="F", country="FI")
    g.add_node("i", kind="initiative", label="I")
    g.add_edge("se", "fi", roles="member", role="member", actor="se")
    g.add_edge("se", "i", roles="funder", role="funder", actor="se")
    g.add_edge("fi", "i", roles="participant", role="participant", actor="fi")
    # a funder does not participate (kg:funds is no kg:participatesIn): "i" is not cross-border
    assert analysis_module.crossings(g) == [("membership", "se", "fi", "SE FI")]


def test_nodes_and_ties_are_read_in_the_queries_order_without_their_order_by(shipped, dataset):
    """The analysis reads ``nodes`` and ``ties`` without their ORDER BY (slow in Oxigraph's on-disk
    store) and sorts in Python: the same rows in the same order as the queries with it."""
    from kg.analysis.network import read_network, read_nodes, read_ties
    from kg.query.library import get
    from kg.query.sparql import execute
    from kg.query.stores import RdflibStore, fast_store

    assert "ORDER BY ?actor ?target ?role" in get("ties").text and "ORDER BY ?kind ?node" in get("nodes").text
    ordered = execute(shipped, get("ties"), timeout=None, labels=False).rows
    expected = [
        (str(r["actor"]), str(r["role"]), str(r["target"]), str(r.get("start", "")) or None, str(r.get("sources", "")))
        for r in ordered
    ]
    ties = read_ties(shipped)
    assert [(t.actor, t.role, t.target, t.start, " ".join(t.sources)) for t in ties] == expected
    assert len(ties) > 1000
    rows = execute(shipped, get("nodes"), lang="sv", timeout=None).rows
    nodes = read_nodes(shipped)
    assert list(nodes) == [str(r["node"]) for r in rows]
    assert read_network(shipped) == (nodes, ties)
    # the path for engines other than Oxigraph (rdflib, an endpoint) gives the same ties
    assert read_ties(RdflibStore(dataset)) == read_ties(fast_store(dataset))


def test_the_analysis_light_queries_give_the_same_nodes_and_ties(shipped, dataset):
    """``kg analyze`` reads the network without details (kg/analysis/queries/network-*.rq, labels as
    text): the same nodes with the same labels, kinds, types and countries, and the same ties and
    sources, as the shipped ``nodes`` and ``ties`` queries; on Oxigraph and on rdflib."""
    from kg.analysis.network import NETWORK_ATTRIBUTES, read_nodes, read_ties
    from kg.query.sparql import execute
    from kg.query.stores import RdflibStore, fast_store

    for lang in ("sv", "fi", "en"):
        full = read_nodes(shipped, lang)
        light = read_nodes(shipped, lang, details=False)
        assert list(light) == list(full)
        assert light == {
            iri: {k: attrs[k] for k in (*NETWORK_ATTRIBUTES, "places") if k in attrs} for iri, attrs in full.items()
        }
        # the text labels are execute's (labels_of), not only the detailed path's
        rows = execute(shipped, get("nodes"), lang=lang, timeout=None).rows
        assert [light[str(r["node"])]["label"] for r in rows] == [str(r["nodeLabel"]) for r in rows]
    assert len({a["type"] for a in light.values()}) > 5 and any(a["country"] for a in light.values())
    ties = read_ties(shipped)
    assert read_ties(shipped, details=False) == [replace(t, start=None) for t in ties]
    assert any(t.start for t in ties)
    rdflib, oxigraph = RdflibStore(dataset), fast_store(dataset)  # the curated data on both engines
    assert read_ties(rdflib, details=False) == read_ties(oxigraph, details=False)
    assert read_nodes(rdflib, "sv", details=False) == read_nodes(oxigraph, "sv", details=False)
    bipartite = bipartite_graph(shipped, details=False)
    assert analyze(project(bipartite), bipartite) == analyze(
        project(bipartite_graph(shipped)), bipartite_graph(shipped)
    )


def test_ties_read_by_a_child_process_on_the_built_store(shipped_build, monkeypatch):
    """On a build's on-disk store ``read_network`` has the ties and labels read by child processes
    while it reads the nodes: the same nodes and ties as one after the other; a child that fails
    leaves the reading to this process, with the same result."""
    from kg.analysis import network as network_module
    from kg.build.graph import open_source

    store = open_source(shipped_build.output, use_store=True)
    try:
        assert getattr(store, "folder", None) is not None  # the on-disk store, not graph.trig parsed
        started = []
        real = network_module._Elsewhere
        monkeypatch.setattr(network_module, "_Elsewhere", lambda *a: started.append(a) or real(*a))
        expected = {}
        for details in (True, False):
            expected[details] = (
                network_module.read_nodes(store, "sv", details=details),
                network_module.read_ties(store, details=details),
            )
            assert network_module.read_network(store, "sv", details=details) == expected[details]
            assert len(expected[details][1]) > 1000
        assert len(started) == 2  # the ties, twice; the labels are looked up in the build's label table
        # without the label table (an older build) every label is read by a child as well: the same labels
        monkeypatch.setattr(network_module, "_label_table", lambda store: None)
        for details in (True, False):
            assert network_module.read_network(store, "sv", details=details) == expected[details]
            assert network_module.read_nodes(store, "sv", details=details) == expected[details][0]
        assert len(started) == 6  # the ties and the labels, twice more
        monkeypatch.undo()
        monkeypatch.setattr(network_module, "_CHILD", "import sys; sys.exit(3)")
        assert network_module.read_network(store, "sv", details=False) == (
            network_module.read_nodes(store, "sv", details=False),
            network_module.read_ties(store, details=False),
        )
    finally:
        store.close()


def test_children_are_waited_for_when_reading_fails(shipped_build, monkeypatch):
    """An error while the nodes are read leaves no child process and no temporary file behind."""
    from kg.analysis import network as network_module
    from kg.build.graph import open_source

    jobs = []
    real = network_module._Elsewhere
    monkeypatch.setattr(network_module, "_Elsewhere", lambda *a: jobs.append(real(*a)) or jobs[-1])

    def broken(*args, **kwargs):
        raise RuntimeError("the nodes cannot be read")

    monkeypatch.setattr(network_module, "read_nodes", broken)
    store = open_source(shipped_build.output, use_store=True)
    try:
        with pytest.raises(RuntimeError):
            network_module.read_network(store, "sv", details=False)
    finally:
        store.close()
    assert len(jobs) == 1  # the ties (the labels come from the build's label table)
    assert all(job.child is None for job in jobs)  # waited for
    assert not any(Path(job.out).exists() for job in jobs)


def _projected_one_by_one(bipartite: nx.Graph) -> nx.Graph:
    """The actor projection as project() made it before its pairs were summed on arrays: every pair of
    every initiative added one by one (the reference for the test below)."""
    from itertools import combinations

    from kg.analysis.network import LEAD_ROLES, MAX_COMEMBERS, ORGANISATION_ROLES

    edges: dict = {}

    def add(a, b, weight, role, via):
        found = edges.setdefault((a, b) if a <= b else (b, a), [0.0, set(), []])
        found[0] += weight
        found[1].add(role)
        if via is not None:
            found[2].append(via)

    by_initiative: dict = {}
    by_organisation: dict = {}
    for a, b, data in bipartite.edges(data=True):
        actor = data["actor"]
        target = b if actor == a else a
        if data["role"] in ORGANISATION_ROLES:
            add(actor, target, 1.0, data["role"], None)
            if data["role"] == "member":
                by_organisation.setdefault(target, []).append(actor)
        else:
            by_initiative.setdefault(target, []).append((actor, data["role"]))
    for initiative in sorted(by_initiative):
        members = sorted((actor, role in LEAD_ROLES) for actor, role in by_initiative[initiative])
        for (a, lead_a), (b, lead_b) in combinations(members, 2):
            add(a, b, 1.0 + 0.5 * lead_a + 0.5 * lead_b, "shared-initiative", initiative)
    for organisation in sorted(by_organisation):
        members = sorted(set(by_organisation[organisation]))
        if len(members) <= MAX_COMEMBERS:
            for a, b in combinations(members, 2):
                add(a, b, 0.5, "co-member", None)
    graph = nx.Graph()
    graph.add_nodes_from(n for n, d in bipartite.nodes(data=True) if d["kind"] == "actor")
    for (a, b), (weight, roles, shared) in edges.items():
        label = "; ".join(bipartite.nodes[i]["label"] for i in shared)
        graph.add_edge(a, b, weight=weight, roles=" ".join(sorted(roles)), initiatives=" ".join(shared),
                       initiative_labels=label, n_shared=len(shared))  # fmt: skip
    return graph


@pytest.mark.parametrize("seed", range(5))
def test_the_projection_sums_the_pairs_of_every_initiative_in_order(seed):
    """project() sums the shared initiatives of each pair on arrays: the same edges, in the same order,
    with the same weights, roles and initiatives as adding every pair of every initiative one by one
    (random networks: leads and participants, memberships, actors sharing several initiatives)."""
    import random

    rng = random.Random(seed)
    actors = [f"urn:a{i}" for i in rng.sample(range(100), 40)]
    initiatives = [f"urn:i{i}" for i in rng.sample(range(100), 30)]
    graph = nx.Graph(kind="bipartite")
    for node in actors:
        graph.add_node(node, kind="actor", label=node[4:])
    for node in initiatives:
        graph.add_node(node, kind="initiative", label=node[4:].upper())
    for initiative in initiatives:
        for actor in rng.sample(actors, rng.randint(0, 8)):
            role = rng.choice(["lead", "organiser", "participant", "presenter", "funder"])
            graph.add_edge(actor, initiative, role=role, roles=role, sources="s", actor=actor)
    for actor in rng.sample(actors, 12):
        other = rng.choice(actors[:5])
        if other != actor and not graph.has_edge(actor, other):
            role = rng.choice(["member", "affiliated"])
            graph.add_edge(actor, other, role=role, roles=role, sources="s", actor=actor)
    projected, expected = project(graph), _projected_one_by_one(graph)
    assert projected.number_of_edges() > 50
    assert list(projected.edges(data=True)) == list(expected.edges(data=True))
    assert [list(projected.adj[n]) for n in projected] == [list(expected.adj[n]) for n in expected]


def test_above_the_cross_check_limit_the_clusters_are_not_cross_checked_and_the_report_says_so(monkeypatch):
    # label propagation took 16.6 s of CPU on the 945,773 ties of ten million triples (bench/RESULTS.md,
    # s30-10ma); above the limit the same clusters and scores come without it, and a note says why
    graph = nx.les_miserables_graph()
    checked = analyze(graph)
    monkeypatch.setattr(analysis_module, "CROSS_CHECK_MAX_TIES", graph.number_of_edges() - 1)
    unchecked = analyze(graph)
    assert checked.cross_check["method"] == "greedy modularity" and unchecked.cross_check == {}
    ties = graph.number_of_edges()
    assert unchecked.notes == [
        f"clusters not cross-checked ({ties} ties > {ties - 1}: label propagation would add about a tenth to the "
        "analysis' time)"
    ]
    assert (unchecked.clusters, unchecked.scores, unchecked.modularity) == (
        checked.clusters,
        checked.scores,
        checked.modularity,
    )
    assert "Note: clusters not cross-checked" in analysis_module.to_text(unchecked)


def test_the_json_report_is_the_text_pythons_json_writes():
    # made by orjson, whose floats (0.000017 for 1.7e-05) and NaN differ from json's: those come as json writes them
    import random

    draw = random.Random(5)
    values = [draw.random() * 10 ** draw.randint(-12, 20) * draw.choice((1, -1)) for _ in range(2000)]
    values += [0.0, -0.0, 1e-4, 9.999e-5, 1e16, 9999999999999998.0, 5e-324, float("nan"), float("inf"), -float("inf")]
    data = {
        "scores": {"a": {"x": values, "y": None, "z": True}},
        "labels": {'é\u2028\x00\x1f"\\': "ø"},
        "t": [(1, "2")],
    }
    assert analysis_module.indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
    assert analysis_module.indented_json({1: [2**70]}) == json.dumps({1: [2**70]}, ensure_ascii=False, indent=2)


def test_rows_sorted_as_one_joined_text_come_in_the_order_of_the_tuple_of_their_cells():
    # the ties' sort at ten million triples (bench/RESULTS.md, s30-10ma): one text per row, joined by U+0000
    import random

    from kg.analysis.network import _csv_sort, _Rows

    draw = random.Random(9)
    cells = ["", "a", "ab", "a b", "abc", "b", "http://x/1", "http://x/10", "http://x/1/2", "ä", "Z"]
    rows = _Rows([[draw.choice(cells) for _ in range(4)] for _ in range(3000)])
    rows.blank, rows.nul = False, False
    expected = sorted(rows, key=lambda row: (row[0], row[2], row[1]))
    _csv_sort(rows, [0, 2, 1])
    assert list(rows) == expected
