"""Gold facts of the six Finnish texts of ``../shared/ingest-dev/`` (07–12), curated by hand into
``data/sources/<stem>.ttl`` for scoring ``kg ingest``.

Every check is a SPARQL ASK inside the named graph of the source that states it, on the built
dataset (the ``dataset`` fixture of conftest.py), so derived triples (participation from leads and
organises, funds from kg:Funding nodes, affiliation from posts) are checked where they were derived.
The checks against the texts themselves (wording not copied, URL as in SOURCES.md) skip when
``../shared`` is absent.
"""

from __future__ import annotations

import re

import pytest
from gold_facts import (
    INGEST_DEV,
    PREFIXES,
    REFERENCE,
    S07,
    S08,
    S09,
    S10,
    S11,
    S12,
    SOURCES,
    ask,
    assert_fact,
    assert_facts_per_source,
    graph_of,
    shingles,
)

K07, E08, K09, K10, K11, U12 = S07, S08, S09, S10, S11, S12  # named by their towns in the facts below
STEMS = (K07, E08, K09, K10, K11, U12)

# (source stem, what is checked, the pattern that must hold inside that source's graph)
FACTS = [
    # ---- 07: Kokkola city board, Centria's objection on match funding for IndusTryWINS
    (
        K07,
        "Centria (a university of applied sciences) leads IndusTryWINS, 2026-03-01 to 2027-12-31, in Kokkola",
        """
        org:centria-ammattikorkeakoulu-oy a kg:EducationProvider ; kg:leads ini:industrywins .
        ini:industrywins a kg:Project ; skos:altLabel "IndusTryWINS"@fi ; kg:locatedIn mun:fi-272 ;
            schema:startDate "2026-03-01"^^xsd:date ; schema:endDate "2027-12-31"^^xsd:date .""",
    ),
    (
        K07,
        "the refused 27 989 EUR is no funding: Kokkola does not fund the project",
        """
        ini:industrywins a kg:Project .
        FILTER NOT EXISTS { mun:fi-272 kg:funds ini:industrywins }
        FILTER NOT EXISTS { ini:industrywins kg:hasFunding ?any }""",
    ),
    (
        K07,
        "Centria's application and objection are proposals that Kokkola's bodies handle",
        """
        org:centria-ammattikorkeakoulu-oy kg:leads ini:industrywins-kuntavastinrahoitushakemus ,
            ini:oikaisuvaatimus-industrywins-kuntavastinrahoitus .
        ini:industrywins-kuntavastinrahoitushakemus a kg:Proposal ; kg:relatedTo ini:industrywins .
        ini:oikaisuvaatimus-industrywins-kuntavastinrahoitus a kg:Proposal ; schema:startDate "2026-03-16"^^xsd:date .
        org:kokkolan-kaupungin-hankeryhma kg:participatesIn ini:industrywins-kuntavastinrahoitushakemus .
        org:kokkolan-kaupunginhallitus kg:participatesIn ini:oikaisuvaatimus-industrywins-kuntavastinrahoitus .""",
    ),
    (
        K07,
        "Piia Isosaari is strategiapäällikkö of Kokkola",
        """
        person:piia-isosaari kg:holdsPost ?post ; kg:affiliatedWith mun:fi-272 .
        ?post kg:postIn mun:fi-272 ; kg:role "strategiapäällikkö"@fi .""",
    ),
    (
        K07,
        "the match-funding process adopted 2019-11-11, with Kokkolanseudun Kehitys Oy in its scoring team",
        """
        ini:kokkolan-kuntavastinrahoitusprosessi a kg:Strategy ; kg:adopted "2019-11-11"^^xsd:date .
        mun:fi-272 kg:leads ini:kokkolan-kuntavastinrahoitusprosessi .
        org:kokkolanseudun-kehitys-oy a kg:Company ; kg:participatesIn ini:kokkolan-kuntavastinrahoitusprosessi .""",
    ),
    # ---- 08: Enontekiö board, the joint tourism company with Muonio
    (
        E08,
        "Enontekiö, Muonio and Tunturi-Lapin Kehitys Oy take part in the joint tourism company",
        """
        ini:enontekion-ja-muonion-matkailuyhtio a kg:Project ; schema:startDate "2024-01-01"^^xsd:date .
        mun:fi-047 kg:participatesIn ini:enontekion-ja-muonion-matkailuyhtio .
        mun:fi-498 kg:participatesIn ini:enontekion-ja-muonion-matkailuyhtio .
        org:tunturi-lapin-kehitys-oy a kg:Company ; kg:participatesIn ini:enontekion-ja-muonion-matkailuyhtio .""",
    ),
    (
        E08,
        "each municipality buys services for 35 000 EUR a year (exact, no total)",
        "".join(
            f"""
        ini:enontekion-ja-muonion-matkailuyhtio kg:hasFunding ?{m} .
        ?{m} kg:funder mun:{code} ; kg:amountPerYear ?{m}Yearly ; kg:currency "EUR" .
        FILTER NOT EXISTS {{ ?{m} kg:amount ?{m}Total }}
        FILTER NOT EXISTS {{ ?{m} kg:approximate true }}
        FILTER(?{m}Yearly = 35000)"""
            for m, code in (("enontekio", "fi-047"), ("muonio", "fi-498"))
        ),
    ),
    (
        E08,
        "Veli-Matti Hettula is toiminnanjohtaja of Tunturi-Lapin Kehitys Oy",
        """
        person:veli-matti-hettula kg:holdsPost ?post ; kg:participatesIn ini:enontekion-ja-muonion-matkailuyhtio .
        ?post kg:postIn org:tunturi-lapin-kehitys-oy ; kg:role "toiminnanjohtaja"@fi .""",
    ),
    (
        E08,
        "Marja-Riitta Lukkari, hallintojohtaja, presents at the board meeting of 2023-10-03",
        """
        person:marja-riitta-lukkari kg:holdsPost ?post ; kg:presentsAt ?meeting .
        ?post kg:postIn mun:fi-047 ; kg:role "hallintojohtaja"@fi .
        ?meeting a kg:Meeting ; schema:startDate "2023-10-03"^^xsd:date ; kg:locatedIn mun:fi-047 .
        org:enontekion-kunnanhallitus kg:organises ?meeting .""",
    ),
    (
        E08,
        "Sirpa Mannela, Outi Kurkela and Jarmo Näkkäläjärvi take part in the meeting",
        """
        person:sirpa-mannela kg:holdsPost ?post ; kg:participatesIn ini:enontekion-kunnanhallitus-2023-10-03 .
        ?post kg:role "toimisto- ja tapahtumasihteeri"@fi .
        person:outi-kurkela kg:participatesIn ini:enontekion-kunnanhallitus-2023-10-03 .
        person:jarmo-nakkalajarvi rdfs:label "Jarmo Näkkäläjärvi"@fi ;
            kg:participatesIn ini:enontekion-kunnanhallitus-2023-10-03 .""",
    ),
    # ---- 09: Kajaani city manager, 2000 EUR a year to the Oulujoki water vision 2035
    (
        K09,
        "Kajaani pays 2000 EUR a year in 2020-2022 (no total given)",
        """
        ini:oulujoen-vesistoalueen-vesistovisio-2035 a kg:Project ; kg:hasFunding ?f .
        ?f kg:funder mun:fi-205 ; kg:amountPerYear ?yearly ; kg:currency "EUR" ;
            schema:startDate "2020"^^xsd:gYear ; schema:endDate "2022"^^xsd:gYear .
        FILTER NOT EXISTS { ?f kg:amount ?total }
        FILTER(?yearly = 2000)""",
    ),
    (
        K09,
        "derived: Kajaani funds and takes part; the ERDF, only applied for, does not fund",
        """
        mun:fi-205 kg:funds ini:oulujoen-vesistoalueen-vesistovisio-2035 ;
            kg:participatesIn ini:oulujoen-vesistoalueen-vesistovisio-2035 .
        FILTER NOT EXISTS { org:erdf kg:funds ini:oulujoen-vesistoalueen-vesistovisio-2035 }""",
    ),
    (
        K09,
        "Jari Tolonen is kaupunginjohtaja of Kajaani",
        """
        person:jari-tolonen kg:holdsPost ?post . ?post kg:postIn mun:fi-205 ; kg:role "kaupunginjohtaja"@fi .""",
    ),
    (
        K09,
        "Risto Hämäläinen, kehitysjohtaja of Kajaani, is the contact",
        """
        person:risto-hamalainen kg:holdsPost ?post . ?post kg:postIn mun:fi-205 ; kg:role "kehitysjohtaja"@fi .
        ini:oulujoen-vesistoalueen-vesistovisio-2035 kg:contact person:risto-hamalainen .""",
    ),
    # ---- 10: Kuusamo, three funded projects
    (
        K10,
        "Kuusamo leads Work & Stay (päätoteuttaja)",
        """
        mun:fi-305 kg:leads ini:work-and-stay .
        ini:work-and-stay a kg:Project ; rdfs:label "Work & Stay – kokonainen elämä Koillismaalla"@fi .""",
    ),
    (
        K10,
        "the six co-implementers take part",
        """
        org:naturpolis-oy a kg:Company ; kg:participatesIn ini:work-and-stay .
        org:ksakki-ry a kg:CivilSocietyOrganisation ; kg:participatesIn ini:work-and-stay .
        mun:fi-614 kg:participatesIn ini:work-and-stay . mun:fi-615 kg:participatesIn ini:work-and-stay .
        mun:fi-620 kg:participatesIn ini:work-and-stay . mun:fi-832 kg:participatesIn ini:work-and-stay .""",
    ),
    (
        K10,
        "EU funding of 1.8 MEUR and Kuusamo's own 0.1 MEUR in Work & Stay",
        """
        ini:work-and-stay kg:hasFunding ?eu , ?own .
        ?eu kg:funder org:european-union ; kg:amount ?a ; kg:currency "EUR" .
        ?own kg:funder mun:fi-305 ; kg:amount ?b ; kg:currency "EUR" .
        FILTER(?a = 1800000 && ?b = 100000)""",
    ),
    (
        K10,
        "Portti kansallispuistoon: EU funding of 0.2 MEUR, led by Kuusamo",
        """
        mun:fi-305 kg:leads ini:portti-kansallispuistoon-vaihe-1 .
        ini:portti-kansallispuistoon-vaihe-1 kg:hasFunding ?f .
        ?f kg:funder org:european-union ; kg:amount ?a . FILTER(?a = 200000)
        org:european-union kg:funds ini:portti-kansallispuistoon-vaihe-1 .""",
    ),
    (
        K10,
        "the energy-wood terminal is a third Kuusamo project, with no funding node of its own",
        """
        mun:fi-305 kg:leads ini:kuusamon-energiapuuterminaali .
        ini:kuusamon-energiapuuterminaali a kg:Project ; kg:locatedIn mun:fi-305 .
        FILTER NOT EXISTS { ini:kuusamon-energiapuuterminaali kg:hasFunding ?any }""",
    ),
    # ---- 11: Kainuu regional board, 22.6.2015
    (
        K11,
        "the regional board met in Kajaani on 2015-06-22; Pentti Malinen (maakuntajohtaja) presented",
        """
        ini:kainuun-maakuntahallitus-2015-06-22 a kg:Meeting ; kg:locatedIn mun:fi-205 ;
            schema:startDate "2015-06-22"^^xsd:date .
        org:kainuun-maakuntahallitus kg:organises ini:kainuun-maakuntahallitus-2015-06-22 .
        person:pentti-malinen kg:presentsAt ini:kainuun-maakuntahallitus-2015-06-22 ; kg:holdsPost ?post .
        ?post kg:postIn org:kainuun-liitto ; kg:role "maakuntajohtaja"@fi .""",
    ),
    (
        K11,
        "Harri Turkulainen is hallintopäällikkö of Kainuun liitto",
        """
        person:harri-turkulainen kg:holdsPost ?post .
        ?post kg:postIn org:kainuun-liitto ; kg:role "hallintopäällikkö"@fi .""",
    ),
    (
        K11,
        "Visit Finland's visit to Kainuu on 2015-06-08",
        """
        org:visit-finland kg:participatesIn ?visit .
        ?visit a kg:Meeting ; schema:startDate "2015-06-08"^^xsd:date ; kg:locatedIn area:fi-18 .""",
    ),
    (
        K11,
        "the Barents Regional Council's chairmanship programme, Luke's field-station study, Suomi 100, BioKos",
        """
        org:barentsin-alueneuvosto kg:participatesIn ini:barentsin-alueneuvoston-puheenjohtajakauden-ohjelma .
        org:luonnonvarakeskus kg:leads ini:luonnonvarakeskuksen-kenttaasemaverkostoselvitys .
        org:valtioneuvosto kg:funds ini:suomi-100 .
        ini:biokos a kg:Project ; rdfs:label "BioKos"@fi .""",
    ),
    (
        K11,
        "Kokeileva Kainuu, led by Kainuun liitto with Kainuun Yrittäjät; Kainuun malli 2 is part of it",
        """
        org:kainuun-liitto kg:leads ini:kokeileva-kainuu , ini:kainuun-maakuntaohjelma-2014-2017 .
        org:kainuun-yrittajat a kg:CivilSocietyOrganisation ; kg:participatesIn ini:kokeileva-kainuu .
        ini:kainuun-malli-2 kg:partOf ini:kokeileva-kainuu .
        ini:pienyrittajyyden-mallimaakunta kg:partOf ini:kokeileva-kainuu .
        ini:kainuun-maakuntaohjelma-2014-2017 schema:startDate "2014"^^xsd:gYear ;
            schema:endDate "2017"^^xsd:gYear .""",
    ),
    # ---- 12: Utsjoki, AKKE funding from Lapin liitto
    (
        U12,
        "Utsjoki leads the project, 2024-09-01 to 2026-01-31",
        """
        mun:fi-890 kg:leads ini:rakennemuutoksen-koordinaatio-utsjoella .
        ini:rakennemuutoksen-koordinaatio-utsjoella a kg:Project ;
            rdfs:label "Rakennemuutoksen koordinaatio Utsjoella"@fi ;
            schema:startDate "2024-09-01"^^xsd:date ; schema:endDate "2026-01-31"^^xsd:date .""",
    ),
    (
        U12,
        "Lapin liitto pays 80 % and Utsjoki 20 % of 116 000 EUR",
        """
        ini:rakennemuutoksen-koordinaatio-utsjoella kg:hasFunding ?lapland , ?own .
        ?lapland kg:funder org:lapin-liitto ; kg:amount ?a ; kg:currency "EUR" .
        ?own kg:funder mun:fi-890 ; kg:amount ?b ; kg:currency "EUR" .
        FILTER(?a = 92800 && ?b = 23200 && ?a + ?b = 116000)""",
    ),
    (
        U12,
        "the money comes from the AKKE appropriation; derived: Lapin liitto funds",
        """
        org:akke kg:funds ini:rakennemuutoksen-koordinaatio-utsjoella .
        org:lapin-liitto kg:funds ini:rakennemuutoksen-koordinaatio-utsjoella .""",
    ),
    (
        U12,
        "the earlier coordination project of 2022-05-01 to 2023-12-31 and the action plan",
        """
        ini:rakennemuutoksen-koordinaatio-utsjoella kg:relatedTo
            ini:utsjoen-rakennemuutoksen-koordinointihanke-2022-2023 ,
            ini:utsjoen-rakennemuutoksen-toimintasuunnitelma .
        ini:utsjoen-rakennemuutoksen-koordinointihanke-2022-2023 schema:startDate "2022-05-01"^^xsd:date ;
            schema:endDate "2023-12-31"^^xsd:date .
        ini:utsjoen-rakennemuutoksen-toimintasuunnitelma a kg:Strategy .""",
    ),
]


@pytest.mark.parametrize(("stem", "what", "pattern"), FACTS, ids=[f"{s[:2]}: {w}" for s, w, _ in FACTS])
def test_gold_fact_in_its_source_graph(dataset, stem, what, pattern):
    assert_fact(dataset, stem, what, pattern)


def test_every_gold_file_has_at_least_four_checked_facts():
    assert_facts_per_source(FACTS, STEMS)


# stem, publisher, issued (None where the text gives no date), type
DOCUMENTS = [
    (K07, "mun:fi-272", "2026-03-16", "minutes"),
    (E08, "mun:fi-047", "2023-10-03", "minutes"),
    (K09, "mun:fi-205", "2020-02-18", "decision"),
    (K10, "mun:fi-305", None, "news"),
    (K11, "org:kainuun-liitto", "2015-06-22", "press release"),
    (U12, "mun:fi-890", "2024-06-27", "news"),
]


@pytest.mark.parametrize(("stem", "publisher", "issued", "kind"), DOCUMENTS, ids=[d[0][:2] for d in DOCUMENTS])
def test_gold_file_describes_its_document_completely(dataset, stem, publisher, issued, kind):
    doc = graph_of(stem)
    pattern = f"""{doc} a kg:SourceDocument ; dcterms:identifier "{stem}" ; dcterms:language "fi" ;
        dcterms:type "{kind}" ; dcterms:publisher {publisher} ; dcterms:source ?url ;
        dcterms:bibliographicCitation ?citation ;
        dcterms:title ?titleFi , ?titleEn ; dcterms:description ?fi , ?sv , ?en .
        FILTER(LANG(?titleFi) = "fi" && LANG(?titleEn) = "en")
        FILTER(LANG(?fi) = "fi" && LANG(?sv) = "sv" && LANG(?en) = "en")
        FILTER(isIRI(?url) && STRSTARTS(STR(?url), "http"))"""
    if issued:
        pattern += f' {doc} dcterms:issued "{issued}"^^xsd:date .'
    else:
        pattern += f" FILTER NOT EXISTS {{ {doc} dcterms:issued ?any }}"
    assert ask(dataset, stem, pattern), stem
    # the publisher is an actor known to the graph (a municipality or body of the reference data)
    assert dataset.query(f"{PREFIXES}ASK {{ {publisher} a/rdfs:subClassOf* kg:Actor }}").askAnswer, publisher


def test_gold_files_reuse_the_reference_municipalities(dataset):
    """A gold graph mints no municipality: every one it names is a kg:Municipality of the reference graph."""
    for stem in STEMS:
        query = f"""{PREFIXES}
        SELECT DISTINCT ?m WHERE {{
            GRAPH {graph_of(stem)} {{ {{ ?m ?p ?o }} UNION {{ ?s ?p ?m }} }}
            FILTER(isIRI(?m) && STRSTARTS(STR(?m), STR(mun:)))
            FILTER NOT EXISTS {{ GRAPH {REFERENCE} {{ ?m a kg:Municipality ; kg:municipalityCode ?code }} }}
        }}"""
        assert not list(dataset.query(query)), f"{stem} names a municipality that the reference data lacks"
        typed = f"{PREFIXES}ASK {{ GRAPH {graph_of(stem)} {{ ?m a ?c . FILTER(STRSTARTS(STR(?m), STR(mun:))) }} }}"
        assert not dataset.query(typed).askAnswer, f"{stem} re-types a municipality of the reference data"


@pytest.mark.skipif(not INGEST_DEV.is_dir(), reason="the ingest-dev texts are not beside the project")
def test_every_finnish_text_has_its_gold_file():
    texts = sorted(p.stem for p in INGEST_DEV.glob("*_fi_*.txt"))
    assert texts == sorted(STEMS)
    for stem in texts:
        assert (SOURCES / f"{stem}.ttl").is_file(), stem


@pytest.mark.skipif(not INGEST_DEV.is_dir(), reason="the ingest-dev texts are not beside the project")
def test_gold_files_cite_the_url_given_in_sources_md(dataset):
    listing = (INGEST_DEV / "SOURCES.md").read_text(encoding="utf-8")
    for stem in STEMS:
        row = next(line for line in listing.splitlines() if line.startswith(f"| {stem}.txt"))
        url = re.search(r"https?://\S+", row).group(0).rstrip("|").strip()
        query = f"{PREFIXES}SELECT ?url WHERE {{ GRAPH {graph_of(stem)} {{ {graph_of(stem)} dcterms:source ?url }} }}"
        found = {str(r.url) for r in dataset.query(query)}
        # the stored URL drops the default port that the page's own link carries
        assert url.replace(":443/", "/") in found, (stem, url, found)


@pytest.mark.skipif(not INGEST_DEV.is_dir(), reason="the ingest-dev texts are not beside the project")
def test_gold_files_do_not_copy_the_texts_wording():
    texts = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in INGEST_DEV.glob("*.txt")))
    for stem in STEMS:
        shared = shingles((SOURCES / f"{stem}.ttl").read_text(encoding="utf-8")) & texts
        assert not shared, f"{stem}.ttl repeats the text's wording: {sorted(shared)[:3]}"
