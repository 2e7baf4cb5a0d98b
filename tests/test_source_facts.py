"""Facts of the five source documents, each asserted in the named graph of the source that states it.

Every check is a SPARQL ASK on the built dataset (the ``dataset`` fixture of conftest.py), so the
derived triples (participation from leads/organises/presentsAt, funds from kg:Funding nodes,
affiliation from posts) are checked in the graph they were derived in.
"""

from __future__ import annotations

import re

import pytest
from gold_facts import SEEDS, SOURCES, ask, assert_fact, assert_facts_per_source, graph_of, shingles

from conftest import DATA

S000 = "000_d0f522aa97cf2385"
S001 = "001_fd9fc37229e934b4"
S002 = "002_a5796a7650f19841"
S003 = "003_0b4daf96cdb52fb1"
S004 = "004_7d7d9fe527b1fb8f"
STEMS = (S000, S001, S002, S003, S004)

# (source stem, what is checked, the pattern that must hold inside that source's graph)
FACTS = [
    # ---- 000: ESF grant to Pajala's pre-study
    (
        S000,
        "Pajala leads the pre-study",
        """
        mun:se-2521 kg:leads ?p . ?p a kg:PreStudy ; rdfs:label "Samhällsinnovation i glesa geografin"@sv .""",
    ),
    (
        S000,
        "ESF funds it",
        """
        org:esf a kg:FundingBody ; kg:funds ini:samhallsinnovation-i-glesa-geografin .""",
    ),
    (
        S000,
        "runs 2024-08-01 to 2025-01-31",
        """
        ini:samhallsinnovation-i-glesa-geografin schema:startDate "2024-08-01"^^xsd:date ;
            schema:endDate "2025-01-31"^^xsd:date .""",
    ),
    (
        S000,
        "the partners take part, Övertorneå being the Swedish one",
        """
        mun:se-2518 kg:participatesIn ini:samhallsinnovation-i-glesa-geografin .
        org:lapplands-kommunalforbund kg:participatesIn ini:samhallsinnovation-i-glesa-geografin .
        org:region-norrbotten a kg:RegionalAuthority ; kg:participatesIn ini:samhallsinnovation-i-glesa-geografin .
        org:utbildning-nord a kg:EducationProvider ; kg:participatesIn ini:samhallsinnovation-i-glesa-geografin .
        FILTER NOT EXISTS { mun:fi-976 kg:participatesIn ini:samhallsinnovation-i-glesa-geografin }""",
    ),
    (
        S000,
        "Mervi Kostet is projektspecialist in Pajala",
        """
        person:mervi-kostet kg:holdsPost ?post . ?post kg:postIn mun:se-2521 ; kg:role "projektspecialist"@sv .""",
    ),
    (
        S000,
        "themes: skills supply, innovation, welfare",
        """
        ini:samhallsinnovation-i-glesa-geografin kg:theme th:kompetensforsorjning , th:innovation , th:valfard .""",
    ),
    (
        S000,
        "derived: Pajala participates (from leads), Kostet is affiliated with Pajala (from her post)",
        """
        mun:se-2521 kg:participatesIn ini:samhallsinnovation-i-glesa-geografin .
        person:mervi-kostet kg:affiliatedWith mun:se-2521 .""",
    ),
    # ---- 001: the minister's visit to Lycksele and Region 10's offer
    (
        S001,
        "Arvidsjaur, Lycksele and Åsele are members of Region 10 (alias R10)",
        """
        org:region-10 a kg:MunicipalAssociation ; skos:altLabel "R10"@sv .
        mun:se-2505 kg:memberOf org:region-10 . mun:se-2481 kg:memberOf org:region-10 .
        mun:se-2463 kg:memberOf org:region-10 .""",
    ),
    (
        S001,
        "Region 10 leads the pilot-region offer, which answers SOU 2024:6",
        """
        org:region-10 kg:leads ?offer . ?offer a kg:Proposal ; kg:relatedTo ?sou .
        ?sou a kg:Inquiry ; dcterms:identifier "SOU 2024:6" ; rdfs:label "Steg mot stärkt kapacitet"@sv .""",
    ),
    (
        S001,
        "the meeting in Lycksele on 2024-05-06",
        """
        ini:civilministerns-besok-i-lycksele-2024 a kg:Meeting ; kg:locatedIn mun:se-2481 ;
            schema:startDate "2024-05-06"^^xsd:date .""",
    ),
    (
        S001,
        "Erik Slottner is civilminister in the Government and takes part",
        """
        person:erik-slottner kg:holdsPost ?post ; kg:participatesIn ini:civilministerns-besok-i-lycksele-2024 .
        ?post kg:postIn org:regeringen ; kg:role "civilminister"@sv .
        org:regeringen a kg:GovernmentBody .""",
    ),
    (
        S001,
        "Christer Normark's one post carries both titles",
        """
        person:christer-normark kg:holdsPost ?post .
        ?post kg:postIn mun:se-2481 ; kg:role "kommundirektör"@sv , "kommunchef"@sv .""",
    ),
    (
        S001,
        "parties: Sjögren (KD) and Liljeström (S), who has no post",
        """
        person:roland-sjogren kg:memberOf org:kristdemokraterna .
        person:ann-charlotte-liljestrom kg:memberOf org:socialdemokraterna ; kg:affiliatedWith mun:se-2481 .
        FILTER NOT EXISTS { person:ann-charlotte-liljestrom kg:holdsPost ?any }""",
    ),
    (
        S001,
        "Jenny Lundqvist is Koordinator R10 and a contact",
        """
        person:jenny-lundqvist kg:holdsPost ?post . ?post kg:postIn org:region-10 ; kg:role "Koordinator R10"@sv .
        ini:civilministerns-besok-i-lycksele-2024 kg:contact person:jenny-lundqvist , person:roland-sjogren .""",
    ),
    (
        S001,
        "the Ume Sami form of Lycksele's name printed by the page",
        """
        mun:se-2481 skos:altLabel "Liksjuon kommuvdna"@sju .""",
    ),
    (
        S001,
        "derived: Region 10 participates in its offer, Eleonore Hedman is affiliated with Norsjö",
        """
        org:region-10 kg:participatesIn ini:region-10-pilotregion .
        person:eleonore-hedman kg:affiliatedWith mun:se-2417 .""",
    ),
    # ---- 002: Norsjö's vision
    (
        S002,
        "Norsjö leads the vision, adopted in February 2019",
        """
        mun:se-2417 kg:leads ini:varldens-basta-vardag .
        ini:varldens-basta-vardag a kg:Vision ; rdfs:label "Världens bästa vardag"@sv ;
            kg:adopted "2019-02"^^xsd:gYearMonth .""",
    ),
    (
        S002,
        "the citizen dialogue started in 2018, took its methods from Skellefteå",
        """
        ini:varldens-basta-vardag kg:relatedTo ini:medborgardialog-i-norsjo .
        ini:medborgardialog-i-norsjo schema:startDate "2018"^^xsd:gYear ; kg:inspiredBy mun:se-2482 .
        FILTER NOT EXISTS { ini:medborgardialog-i-norsjo schema:endDate ?end }""",
    ),
    (
        S002,
        "Norsjö was nominated for Årets Kvalitetskommun 2019",
        """
        mun:se-2417 kg:nominatedFor ?award . ?award a kg:Award ; kg:year "2019"^^xsd:gYear ;
            rdfs:label "Årets Kvalitetskommun 2019"@sv .""",
    ),
    (
        S002,
        "the platform spread to Österbotten, with Norsjö taking part",
        """
        mun:se-2417 kg:participatesIn ?x . ?x kg:locatedIn area:fi-15 ;
            kg:relatedTo ini:samverkansplattform-varldens-basta-vardag .""",
    ),
    (
        S002,
        "contact: Hela Sverige ska leva's Västerbotten branch",
        """
        ini:varldens-basta-vardag kg:contact org:hela-sverige-vasterbotten .
        org:hela-sverige-vasterbotten a kg:CivilSocietyOrganisation ; kg:country "SE" .""",
    ),
    (
        S002,
        "inclusion work: platform for people born abroad, planned project on disabilities",
        """
        mun:se-2417 kg:leads ini:samverkansplattform-utlandsfodda-norsjo ,
            ini:medborgardialog-funktionsnedsattning-norsjo .
        ini:samverkansplattform-utlandsfodda-norsjo a kg:CollaborationPlatform ; kg:theme th:inkludering .
        ini:medborgardialog-funktionsnedsattning-norsjo kg:theme th:inkludering .""",
    ),
    (
        S002,
        "derived: Norsjö participates in the vision (from leads)",
        """
        mun:se-2417 kg:participatesIn ini:varldens-basta-vardag .""",
    ),
    # ---- 003: the Växa eller Krympa conference in Kiruna
    (
        S003,
        "Norrbottens Kommuner organises the conference in Kiruna, 30-31 May 2023",
        """
        org:norrbottens-kommuner kg:organises ini:vaxa-eller-krympa-2023 .
        ini:vaxa-eller-krympa-2023 a kg:Conference ; kg:locatedIn mun:se-2584 ;
            schema:startDate "2023-05-30"^^xsd:date ; schema:endDate "2023-05-31"^^xsd:date .""",
    ),
    (
        S003,
        "about a hundred participants",
        """
        ini:vaxa-eller-krympa-2023 kg:participantCount 100 ; skos:editorialNote ?note .""",
    ),
    (
        S003,
        "the seminar is part of the conference, led by Eva Lakso, with two speakers",
        """
        ?seminar a kg:Seminar ; kg:partOf ini:vaxa-eller-krympa-2023 .
        person:eva-lakso kg:leads ?seminar .
        person:magnus-bergmark kg:presentsAt ?seminar . person:urban-markstrom kg:presentsAt ?seminar .""",
    ),
    (
        S003,
        "Formas funds the communication project that Magnus Bergmark leads",
        """
        org:formas a kg:FundingBody ; kg:funds ?p . person:magnus-bergmark kg:leads ?p . ?p a kg:Project .""",
    ),
    (
        S003,
        "Eva Lakso's post and Urban Markström's department",
        """
        person:eva-lakso kg:holdsPost ?a . ?a kg:postIn org:norrbottens-kommuner ;
            kg:role "avdelningschef för social välfärd"@sv .
        person:urban-markstrom kg:holdsPost ?b . ?b kg:postIn ?dept ; kg:role "professor"@sv .
        ?dept a kg:ResearchOrganisation ; rdfs:label "Institutionen för socialt arbete"@sv .""",
    ),
    (
        S003,
        "derived: organiser and speakers take part; Lakso is affiliated with Norrbottens Kommuner",
        """
        org:norrbottens-kommuner kg:participatesIn ini:vaxa-eller-krympa-2023 .
        person:urban-markstrom kg:participatesIn ini:seminarium-inkludering-vaxa-eller-krympa-2023 .
        person:eva-lakso kg:affiliatedWith org:norrbottens-kommuner .""",
    ),
    # ---- 004: Kemijärvi joins Asettautumispalvelut
    (
        S004,
        "Posio administers Asettautumispalvelut, part of both the pilot and the pre-study",
        """
        mun:fi-614 kg:leads ini:asettautumispalvelut .
        ini:asettautumispalvelut a kg:Project ; rdfs:label "Asettautumispalvelut"@fi ;
            kg:partOf ini:kumppanuuspilotti , ini:lappi-viisaan-kasvun-keskus .
        org:lapin-liitto kg:leads ini:lappi-viisaan-kasvun-keskus .""",
    ),
    (
        S004,
        "Kemijärvi's own share: 7500 EUR",
        """
        ini:asettautumispalvelut kg:hasFunding ?f .
        ?f a kg:Funding ; kg:funder mun:fi-320 ; kg:amount ?amount ; kg:currency "EUR" ;
            kg:fundingKind "omarahoitusosuus"@fi .
        FILTER(?amount = 7500)""",
    ),
    (
        S004,
        "Kemijärvi's share is 5000 EUR a year (exact) over the project's period from 2020",
        """
        ini:asettautumispalvelut kg:hasFunding ?f .
        ?f kg:funder mun:fi-320 ; kg:amountPerYear ?yearly ; schema:startDate "2020"^^xsd:gYear .
        FILTER NOT EXISTS { ?f kg:approximate true }
        FILTER(?yearly = 5000)""",
    ),
    (
        S004,
        "Posio, Keminmaa and Pello each put in about 5000 EUR a year (approximate, no total given)",
        "".join(
            f"""
        ini:asettautumispalvelut kg:hasFunding ?{m} .
        ?{m} a kg:Funding ; kg:funder mun:{code} ; kg:amountPerYear ?{m}Yearly ; kg:approximate true ;
            kg:currency "EUR" ; schema:startDate "2020"^^xsd:gYear .
        FILTER NOT EXISTS {{ ?{m} kg:amount ?{m}Total }}
        FILTER(?{m}Yearly = 5000)"""
            for m, code in (("posio", "fi-614"), ("keminmaa", "fi-241"), ("pello", "fi-854"))
        ),
    ),
    (
        S004,
        "planned 18 months from 2020, end year computed",
        """
        ini:asettautumispalvelut kg:plannedDuration ?d ;
            schema:startDate "2020"^^xsd:gYear ; schema:endDate "2022"^^xsd:gYear .
        FILTER(DATATYPE(?d) = xsd:duration && STR(?d) IN ("P18M", "P1Y6M"))""",
    ),
    (
        S004,
        "the ELY centre leads the partnership pilot; the four municipalities and the company take part",
        """
        org:ely-keskus a kg:GovernmentBody ; kg:leads ini:kumppanuuspilotti .
        ini:kumppanuuspilotti a kg:Pilot .
        org:kemijarven-kehitys-oy a kg:Company ; kg:country "FI" ; kg:participatesIn ini:kumppanuuspilotti .
        mun:fi-320 kg:participatesIn ini:kumppanuuspilotti . mun:fi-614 kg:participatesIn ini:kumppanuuspilotti .
        mun:fi-241 kg:participatesIn ini:kumppanuuspilotti . mun:fi-854 kg:participatesIn ini:kumppanuuspilotti .""",
    ),
    (
        S004,
        "Marjo Säarelä is palvelualuejohtaja in Kemijärvi and on the project",
        """
        person:marjo-saarela kg:holdsPost ?post ; kg:participatesIn ini:asettautumispalvelut .
        ?post kg:postIn mun:fi-320 ; kg:role "palvelualuejohtaja"@fi .""",
    ),
    (
        S004,
        "Keminmaa and Pello co-finance without a recorded amount",
        """
        mun:fi-241 kg:funds ini:asettautumispalvelut . mun:fi-854 kg:funds ini:asettautumispalvelut .""",
    ),
    (
        S004,
        "derived: Kemijärvi funds (from its Funding node), Posio participates, Säarelä affiliated",
        """
        mun:fi-320 kg:funds ini:asettautumispalvelut .
        mun:fi-614 kg:participatesIn ini:asettautumispalvelut .
        person:marjo-saarela kg:affiliatedWith mun:fi-320 .""",
    ),
]


@pytest.mark.parametrize(("stem", "what", "pattern"), FACTS, ids=[f"{s[:3]}: {w}" for s, w, _ in FACTS])
def test_fact_in_its_source_graph(dataset, stem, what, pattern):
    assert_fact(dataset, stem, what, pattern)


def test_every_source_has_at_least_four_facts():
    assert_facts_per_source(FACTS, STEMS)


DOCUMENTS = [
    (S000, "sv", "mun:se-2521", None),
    (S001, "sv", "mun:se-2481", "2024-05-06"),
    (S002, "sv", None, None),
    (S003, "sv", None, "2023-08-24"),
    (S004, "fi", "mun:fi-320", "2020-01-27"),
]


@pytest.mark.parametrize(("stem", "language", "publisher", "issued"), DOCUMENTS, ids=[d[0][:3] for d in DOCUMENTS])
def test_source_describes_its_document(dataset, stem, language, publisher, issued):
    doc = graph_of(stem)
    pattern = f"""{doc} a kg:SourceDocument ; dcterms:identifier "{stem}" ; dcterms:language "{language}" ;
        dcterms:title ?title ; dcterms:description ?d . FILTER(LANG(?d) = "en")"""
    if publisher:
        pattern += f" {doc} dcterms:publisher {publisher} ."
    if issued:
        pattern += f' {doc} dcterms:issued "{issued}"^^xsd:date .'
    assert ask(dataset, stem, pattern)


def test_no_contact_details_of_people_in_sources():
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    phone = re.compile(r"\+\d{2,3}[ -]?\d|\b0\d{1,3}[ -]\d{2,4}[ -]\d{2,4}")  # +46 70…, 040 568 2130
    for path in sorted(SOURCES.glob("*.ttl")):
        text = re.sub(r"<[^>]*>", "", path.read_text(encoding="utf-8"))  # IRIs are not contact data
        text = re.sub(r'"[^"]*"\^\^xsd:\w+', "", text)  # nor typed literals (dates, amounts)
        assert not email.search(text), f"{path.name}: e-mail address"
        assert not phone.search(text), f"{path.name}: phone number"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source documents are not beside the project")
def test_sources_do_not_copy_the_documents_wording():
    seeds = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")))
    for path in sorted(SOURCES.glob("*.ttl")):
        shared = shingles(path.read_text(encoding="utf-8")) & seeds
        assert not shared, f"{path.name} repeats source wording: {sorted(shared)[:3]}"


def test_a_municipality_named_in_a_comment_is_the_one_its_code_gives():
    """A curator writes ``mun:fi-620 … # Puolanka``: the code and the name must agree.

    Work & Stay's curated source had Ristijärvi's kuntanumero (697) beside the comment "Puolanka"
    (620), the municipality the text names; the name in the comment is what the curator read.
    """
    from rdflib import Graph
    from rdflib.namespace import RDFS, SKOS

    reference = Graph().parse(DATA / "reference" / "municipalities.ttl")
    names: dict[str, set[str]] = {}
    for prop in (RDFS.label, SKOS.altLabel):
        for municipality, name in reference.subject_objects(prop):
            names.setdefault(str(municipality).rsplit("/", 1)[-1], set()).add(str(name).casefold())
    beside = re.compile(r"\bmun:((?:se|fi)-\d+)\b[^#\n\"]*#\s*(.+)")
    checked = 0
    for path in sorted(SOURCES.glob("*.ttl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = beside.search(line)
            if not match or match.group(1) not in names:
                continue
            comment = match.group(2).casefold()

            def named(labels: set[str], comment: str = comment) -> bool:
                return any(re.search(rf"\b{re.escape(label)}\b", comment) for label in labels)

            if not named(names[match.group(1)]):
                # a comment that names another municipality is a wrong code; one that names none
                # (a role word, "päätoteuttaja") says nothing about the code
                others = [code for code, labels in names.items() if named(labels)]
                assert not others, f"{path.name}:{number}: mun:{match.group(1)} is not {match.group(2)!r}"
            checked += 1
    assert checked >= 20
