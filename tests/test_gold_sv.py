"""Gold facts of the six Swedish development texts (``../shared/ingest-dev/0[1-6]_sv_*.txt``).

Each text has a hand-curated source file ``data/sources/STEM.ttl``: the gold that ``kg ingest`` is
scored against (issue 19). Every check is a SPARQL ASK on the built dataset (the ``dataset``
fixture of conftest.py) inside the named graph of the source that states it, so derived triples
(participation from leads/organises/presentsAt, funds from kg:Funding nodes, affiliation from
posts) are checked where they were derived.
"""

from __future__ import annotations

import re

import pytest
from gold_facts import (
    INGEST_DEV,
    ONTOLOGY,
    PREFIXES,
    S01,
    S02,
    S03,
    S04,
    S05,
    S06,
    SOURCES,
    ask,
    assert_fact,
    assert_facts_per_source,
    graph_of,
    shingles,
)

STEMS = (S01, S02, S03, S04, S05, S06)

# (source stem, what is checked, the pattern that must hold inside that source's graph)
FACTS = [
    # ---- 01: Move on up
    (
        S01,
        "Gällivare leads Move on up; Jokkmokk, Kiruna and Överkalix take part",
        """
        ini:move-on-up a kg:Project ; rdfs:label "Move on up"@sv .
        mun:se-2523 kg:leads ini:move-on-up .
        mun:se-2510 kg:participatesIn ini:move-on-up . mun:se-2584 kg:participatesIn ini:move-on-up .
        mun:se-2513 kg:participatesIn ini:move-on-up .""",
    ),
    (
        S01,
        "Svenska ESF-rådet and Region Norrbotten fund it, without amounts",
        """
        org:svenska-esf-radet kg:funds ini:move-on-up . org:region-norrbotten kg:funds ini:move-on-up .
        FILTER NOT EXISTS { ini:move-on-up kg:hasFunding ?any }""",
    ),
    (
        S01,
        "started September 2023, three years",
        """
        ini:move-on-up schema:startDate "2023-09"^^xsd:gYearMonth ; kg:plannedDuration "P3Y"^^xsd:duration .""",
    ),
    (
        S01,
        "Malin Kristoffersson is projektledare and leads the project",
        """
        person:malin-kristoffersson kg:holdsPost ?post ; kg:leads ini:move-on-up .
        ?post kg:postIn mun:se-2523 ; kg:role "projektledare"@sv .""",
    ),
    (
        S01,
        "the project group's first meeting, Jokkmokk, January 2024, part of the project",
        """
        ?m a kg:Meeting ; kg:partOf ini:move-on-up ; kg:locatedIn mun:se-2510 ;
            schema:startDate "2024-01"^^xsd:gYearMonth .""",
    ),
    # ---- 02: HSO
    (
        S02,
        "Härnösand runs HSO (alias of Hållbar samhällsomställning)",
        """
        mun:se-2280 kg:leads ini:hallbar-samhallsomstallning .
        ini:hallbar-samhallsomstallning a kg:Project ; rdfs:label "Hållbar samhällsomställning"@sv ;
            skos:altLabel "HSO"@sv ; kg:plannedDuration "P3Y"^^xsd:duration .""",
    ),
    (
        S02,
        "the structural fund partnership grants 12.7 MSEK",
        """
        ini:hallbar-samhallsomstallning kg:hasFunding ?f .
        ?f kg:funder org:strukturfondspartnerskapet-i-mellersta-norrland ; kg:amount ?a ; kg:currency "SEK" .
        FILTER(?a = 12700000)""",
    ),
    (
        S02,
        "Region Västernorrland puts in 9 MSEK",
        """
        ini:hallbar-samhallsomstallning kg:hasFunding ?f .
        ?f kg:funder org:region-vasternorrland ; kg:amount ?a ; kg:currency "SEK" .
        FILTER(?a = 9000000)""",
    ),
    (
        S02,
        "all seven Västernorrland municipalities are partners and co-funders",
        "".join(
            f"""
        mun:{code} kg:participatesIn ini:hallbar-samhallsomstallning ; kg:funds ini:hallbar-samhallsomstallning ."""
            for code in ("se-2260", "se-2262", "se-2280", "se-2281", "se-2282", "se-2283", "se-2284")
        ),
    ),
    (
        S02,
        "Malin Svanholm (S) is kommunstyrelsens ordförande in Kramfors",
        """
        person:malin-svanholm kg:holdsPost ?post ; kg:memberOf org:socialdemokraterna ;
            kg:affiliatedWith mun:se-2282 .
        ?post kg:role "kommunstyrelsens ordförande"@sv .""",
    ),
    # ---- 03: support area A
    (
        S03,
        "the Government leads the support; Haparanda, Övertorneå (SE) and Pajala take part",
        """
        org:regeringen kg:leads ?i .
        mun:se-2583 kg:participatesIn ?i . mun:se-2518 kg:participatesIn ?i . mun:se-2521 kg:participatesIn ?i .
        FILTER NOT EXISTS { mun:fi-976 kg:participatesIn ?i }""",
    ),
    (
        S03,
        "70 MSEK a year over 2018-2020",
        """
        ?i kg:hasFunding ?f ; schema:startDate "2018"^^xsd:gYear ; schema:endDate "2020"^^xsd:gYear .
        ?f kg:funder org:regeringen ; kg:amountPerYear ?y ; kg:currency "SEK" ;
            schema:startDate "2018"^^xsd:gYear ; schema:endDate "2020"^^xsd:gYear .
        FILTER(?y = 70000000)
        FILTER NOT EXISTS { ?f kg:amount ?total }""",
    ),
    (
        S03,
        "at most 5.3 MSEK per municipality over the period",
        """
        ?i kg:hasFunding ?f . ?f kg:amount ?a ; kg:currency "SEK" . FILTER(?a = 5300000)""",
    ),
    (
        S03,
        "Peter Waara is kommunalråd in Haparanda",
        """
        person:peter-waara kg:holdsPost ?post . ?post kg:postIn mun:se-2583 ; kg:role "kommunalråd"@sv .""",
    ),
    # ---- 04: Interreg conference in Skellefteå
    (
        S04,
        "the conference in Skellefteå, about 250 participants",
        """
        ?c a kg:Conference ; kg:locatedIn mun:se-2482 ; kg:participantCount 250 ;
            schema:startDate "2022"^^xsd:gYear .""",
    ),
    (
        S04,
        "Iiris Mäntyranta, projektdirektör at Interreg Nord, presents",
        """
        person:iiris-mantyranta kg:holdsPost ?post ; kg:presentsAt ?c . ?c a kg:Conference .
        ?post kg:postIn org:interreg-nord ; kg:role "projektdirektör"@sv .""",
    ),
    (
        S04,
        "Jenny Bergkvist, programdirektör at Interreg Botnia-Atlantica, presents",
        """
        person:jenny-bergkvist kg:holdsPost ?post ; kg:presentsAt ?c . ?c a kg:Conference .
        ?post kg:postIn org:interreg-botnia-atlantica ; kg:role "programdirektör"@sv .""",
    ),
    (
        S04,
        "the two old programmes organise it and Interreg Aurora starts there",
        """
        org:interreg-nord kg:organises ?c . org:interreg-botnia-atlantica kg:organises ?c .
        org:interreg-aurora kg:participatesIn ?c .""",
    ),
    (
        S04,
        "Nordkalottrådet publishes, Paula Mikkola writes",
        """
        ?doc a kg:SourceDocument ; dcterms:publisher org:nordkalottradet ; dcterms:creator person:paula-mikkola .
        org:nordkalottradet rdfs:label "Nordkalottrådet"@sv .""",
    ),
    # ---- 05: Region Jämtland Härjedalen, RUN 2023-12-12
    (
        S05,
        "the committee's meeting on 2023-12-12",
        """
        org:regionala-utvecklingsnamnden-region-jamtland-harjedalen kg:organises ?m .
        ?m a kg:Meeting ; schema:startDate "2023-12-12"^^xsd:date .""",
    ),
    (
        S05,
        "the three Leader offices made the request on 2021-10-18",
        """
        ?p a kg:Proposal ; schema:startDate "2021-10-18"^^xsd:date .
        org:leader-mittland kg:leads ?p . org:leader-3sam kg:leads ?p . org:leader-grogrund kg:leads ?p .
        org:leader-mittland kg:locatedIn area:se-23 .""",
    ),
    (
        S05,
        "9,544,684 SEK asked of Region Jämtland Härjedalen for 2023-2027",
        """
        ?p a kg:Proposal ; kg:hasFunding ?f .
        ?f kg:funder org:region-jamtland-harjedalen ; kg:amount ?a ; kg:currency "SEK" ;
            schema:startDate "2023"^^xsd:gYear ; schema:endDate "2027"^^xsd:gYear .
        FILTER(?a = 9544684)""",
    ),
    (
        S05,
        "the region's assessment RUN/281/2022",
        """
        ?q a kg:Inquiry ; dcterms:identifier "RUN/281/2022" ; kg:relatedTo ?p .
        org:region-jamtland-harjedalen kg:leads ?q . ?p a kg:Proposal .""",
    ),
    (
        S05,
        "the companies on the agenda",
        """
        org:jamtland-harjedalen-turism a kg:Company ; skos:altLabel "JHT"@sv .
        org:peak-innovation-ab a kg:Company . org:inlandsbanan-ab a kg:Company .""",
    ),
    # ---- 06: Region Västerbotten, project money
    (
        S06,
        "59.3 MSEK by the committee and 5.4 MSEK on delegation",
        """
        ?i kg:hasFunding ?run , ?del .
        ?run kg:funder org:regionala-utvecklingsnamnden-region-vasterbotten ; kg:amount ?a ; kg:currency "SEK" .
        ?del kg:funder org:region-vasterbotten ; kg:amount ?b ; kg:currency "SEK" .
        FILTER(?a = 59300000 && ?b = 5400000)""",
    ),
    (
        S06,
        "Rickard Carstedt (S) chairs the committee",
        """
        person:rickard-carstedt kg:holdsPost ?post ; kg:memberOf org:socialdemokraterna .
        ?post kg:postIn org:regionala-utvecklingsnamnden-region-vasterbotten ; kg:role "ordförande"@sv .""",
    ),
    (
        S06,
        "Nils Enwald's post at Region Västerbotten, title as written",
        """
        person:nils-enwald kg:holdsPost ?post ; kg:affiliatedWith org:region-vasterbotten .
        ?post kg:role "verksamhetschef Företag- och projektfinansiering"@sv .""",
    ),
    (
        S06,
        "Luleå tekniska universitet leads the social-innovation project with three partners",
        """
        ?p a kg:Project ; rdfs:label "Stärkt ekosystem för social innovation i norr"@sv .
        org:lulea-tekniska-universitet kg:leads ?p . org:umea-universitet kg:participatesIn ?p .
        org:coompanion-i-vasterbotten kg:participatesIn ?p . org:samforma kg:participatesIn ?p .""",
    ),
    (
        S06,
        "the committee's meeting of 8 May (2024) approved 19 of 22 cases",
        """
        org:regionala-utvecklingsnamnden-region-vasterbotten kg:organises ?m .
        ?m a kg:Meeting ; schema:startDate "2024-05-08"^^xsd:date .""",
    ),
]


@pytest.mark.parametrize(("stem", "what", "pattern"), FACTS, ids=[f"{s[:2]}: {w}" for s, w, _ in FACTS])
def test_gold_fact_in_its_source_graph(dataset, stem, what, pattern):
    assert_fact(dataset, stem, what, pattern)


def test_every_gold_file_is_checked_by_four_facts_or_more():
    for stem in STEMS:
        assert (SOURCES / f"{stem}.ttl").is_file(), stem
    assert_facts_per_source(FACTS, STEMS)


# (stem, publisher, issued, URL): what each document node must say about the document
DOCUMENTS = [
    (
        S01,
        "mun:se-2523",
        "2024-03-20",
        "https://gallivare.se/uppleva-och-gora/arkiv/nyheter/2024/2024-03-20-move-on-up",
    ),
    (
        S02,
        "mun:se-2282",
        "2023-12-20",
        "https://www.mynewsdesk.com/se/kramfors-kommun/pressreleases/stort-bidrag-till-vaesternorrlands-groena-samhaellsomvandling-3294350",
    ),
    (
        S03,
        "mun:se-2583",
        "2018-02-08",
        "http://www.haparanda.se/om-webbplatsen/nyhetsarkiv/nyhetsarkiv-kommun-och-politik/nyhetsarkiv-kommun-och-politik/2018-02-08-foretagsklimatet-starks-i-tornedalskommunerna-2018-2020.html",
    ),
    (
        S04,
        "org:nordkalottradet",
        "2022-06-15",
        "https://nordkalottradet.org/uutinen/genomfort-184-gransoverskridande-projekt/",
    ),
    (
        S05,
        "org:region-jamtland-harjedalen",
        "2023-12-12",
        "https://forum.regionjh.se/committees/regionala-utvecklingsnamnden/mote-2023-12-12",
    ),
    (
        S06,
        "org:region-vasterbotten",
        "2024-05-08",
        "https://www.mynewsdesk.com/se/regionvasterbotten/pressreleases/647-miljoner-till-utvecklingsprojekt-i-vaesterbotten-3321903",
    ),
]


@pytest.mark.parametrize(("stem", "publisher", "issued", "url"), DOCUMENTS, ids=[d[0][:2] for d in DOCUMENTS])
def test_gold_document_node_is_complete(dataset, stem, publisher, issued, url):
    doc = graph_of(stem)
    pattern = f"""{doc} a kg:SourceDocument ; dcterms:identifier "{stem}" ; dcterms:language "sv" ;
        dcterms:type ?kind ; dcterms:publisher {publisher} ; dcterms:issued "{issued}"^^xsd:date ;
        dcterms:source <{url}> ; dcterms:bibliographicCitation ?citation ;
        dcterms:title ?titleSv , ?titleEn ;
        dcterms:description ?dSv , ?dEn , ?dFi .
        FILTER(LANG(?titleSv) = "sv" && LANG(?titleEn) = "en")
        FILTER(LANG(?dSv) = "sv" && LANG(?dEn) = "en" && LANG(?dFi) = "fi")
        FILTER(CONTAINS(STR(?citation), "{url}"))"""
    assert ask(dataset, stem, pattern)


@pytest.mark.parametrize("stem", STEMS, ids=[s[:2] for s in STEMS])
def test_gold_municipalities_are_reference_municipalities(dataset, stem):
    """Every municipality IRI a gold file uses is a reference municipality (kommunkod), none minted."""
    rows = dataset.query(
        f"""{PREFIXES}SELECT DISTINCT ?m WHERE {{
            GRAPH {graph_of(stem)} {{ {{ ?m ?p ?o }} UNION {{ ?s ?p ?m }} }}
            FILTER(isIRI(?m) && STRSTARTS(STR(?m), STR(mun:)))
            FILTER NOT EXISTS {{ ?m kg:municipalityCode ?code }}
        }}"""
    )
    assert [str(r[0]) for r in rows] == []


@pytest.mark.parametrize("stem", STEMS, ids=[s[:2] for s in STEMS])
def test_gold_initiatives_have_a_participant_and_labels(dataset, stem):
    """Every initiative of a gold file has an actor taking part and a Swedish and an English label."""
    rows = dataset.query(
        f"""{PREFIXES}SELECT ?i WHERE {{ GRAPH {graph_of(stem)} {{
            ?i a ?type . FILTER NOT EXISTS {{ ?actor kg:participatesIn ?i }}
        }} GRAPH {ONTOLOGY} {{ ?type rdfs:subClassOf* kg:Initiative }} }}"""
    )
    missing_actor = [str(r[0]) for r in rows]
    initiatives = dataset.query(
        f"""{PREFIXES}SELECT ?i WHERE {{ GRAPH {graph_of(stem)} {{ ?i a ?type }}
            GRAPH {ONTOLOGY} {{ ?type rdfs:subClassOf* kg:Initiative }} }}"""
    )
    assert len(initiatives) >= 1, "the check must see the file's initiatives"
    rows = dataset.query(
        f"""{PREFIXES}SELECT ?i WHERE {{ GRAPH {graph_of(stem)} {{
            ?i a ?type .
            FILTER (NOT EXISTS {{ ?i rdfs:label ?sv . FILTER(LANG(?sv) = "sv") }}
                || NOT EXISTS {{ ?i rdfs:label ?en . FILTER(LANG(?en) = "en") }})
        }} GRAPH {ONTOLOGY} {{ ?type rdfs:subClassOf* kg:Initiative }} }}"""
    )
    assert missing_actor == []
    assert [str(r[0]) for r in rows] == []


@pytest.mark.skipif(not INGEST_DEV.is_dir(), reason="the development texts are not beside the project")
@pytest.mark.parametrize("stem", STEMS, ids=[s[:2] for s in STEMS])
def test_gold_file_does_not_copy_its_text(stem):
    """No run of nine words of the text appears in its gold file: descriptions are our own words."""
    text = (INGEST_DEV / f"{stem}.txt").read_text(encoding="utf-8")
    shared = shingles((SOURCES / f"{stem}.ttl").read_text(encoding="utf-8")) & shingles(text)
    assert not shared, f"{stem}.ttl copies the text: {sorted(shared)[:3]}"


@pytest.mark.skipif(not INGEST_DEV.is_dir(), reason="the development texts are not beside the project")
@pytest.mark.parametrize("stem", STEMS, ids=[s[:2] for s in STEMS])
def test_gold_file_cites_the_url_of_sources_md(stem):
    """The document's dcterms:source is the URL that ingest-dev/SOURCES.md gives for the text."""
    table = (INGEST_DEV / "SOURCES.md").read_text(encoding="utf-8")
    row = next(line for line in table.splitlines() if line.startswith(f"| {stem}.txt "))
    url = re.search(r"https?://\S+", row.split("|")[4]).group(0)
    assert f"dcterms:source <{url}>" in (SOURCES / f"{stem}.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_funding_query_sums_a_funders_yearly_funding_and_no_cap_per_municipality(built, engine):
    """Source 03: the Government gives 70 MSEK a year, and at most 5.3 MSEK per municipality (an
    amount per partner with no recipient: a cap, no total) to one initiative; the funding query's
    group for 2018 has the yearly sum and an empty total on either engine (the cap was once summed
    as a 5.3 MSEK total), and the cap is still listed by funding-details."""
    from kg.query.library import get
    from kg.query.sparql import execute
    from kg.query.stores import OxigraphStore, RdflibStore

    store = RdflibStore(built.dataset) if engine == "rdflib" else OxigraphStore.from_file(built.output)
    result = execute(store, get("funding"), {}, lang="en")
    rows = [row for row in result.rows if str(row.get("funder")) == "https://w3id.org/samverkan/id/org/regeringen"]
    assert len(rows) == 1
    assert str(rows[0]["year"]) == "2018" and str(rows[0]["currency"]) == "SEK"
    assert rows[0].get("total") is None
    assert float(str(rows[0]["perYear"])) == 70000000
    assert str(rows[0]["approximate"]) == "false"
    details = execute(store, get("funding-details"), {}, lang="en")
    caps = [row for row in details.rows if str(row.get("funder")).endswith("/org/regeringen") and row.get("amount")]
    assert [float(str(row["amount"])) for row in caps] == [5300000]
