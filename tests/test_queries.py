"""The exact answers of every query of the library (``queries/*.rq``) on the shipped graph.

Each expected row was checked against the source files (``data/sources/*.ttl``) and the reference
data (``data/reference/*.ttl``), together with the three derivation rules of the build
(``ontology/rules``): leading, organising and presenting imply taking part, a ``kg:Funding`` node
implies ``kg:funds``, and a post implies ``kg:affiliatedWith``. Derived triples sit in the graph of
the source they come from.

Cells are compared as plain strings. IRIs are shortened with the prefixes below (``mun:se-2521``
is Pajala); an unbound cell and an empty one both read as ``None``; a GROUP_CONCAT cell is read as
the set of its items, since SPARQL leaves their order to the engine.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from itertools import combinations

import pytest
from conftest import REGISTER_QUERIES
from rdflib import URIRef

from kg.query.library import available, get
from kg.query.sparql import QueryError, execute

PREFIXES = {
    "https://w3id.org/samverkan/id/municipality/": "mun:",
    "https://w3id.org/samverkan/id/area/": "area:",
    "https://w3id.org/samverkan/id/org/": "org:",
    "https://w3id.org/samverkan/id/person/": "person:",
    "https://w3id.org/samverkan/id/post/": "post:",
    "https://w3id.org/samverkan/id/initiative/": "ini:",
    "https://w3id.org/samverkan/id/award/": "award:",
    "https://w3id.org/samverkan/id/funding/": "funding:",
    "https://w3id.org/samverkan/id/source/": "source:",
    "https://w3id.org/samverkan/def/theme/": "th:",
    "https://w3id.org/samverkan/def#": "kg:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
}
# Separators of the GROUP_CONCAT columns that are not separated by a space.
SEPARATORS = {"roles": ", ", "names": " | "}

S000 = "000_d0f522aa97cf2385"  # ESF grant to Pajala's pre-study
S001 = "001_fd9fc37229e934b4"  # the minister's visit to Lycksele; Region 10's pilot-region offer
S002 = "002_a5796a7650f19841"  # Norsjö's vision "Världens bästa vardag"
S003 = "003_0b4daf96cdb52fb1"  # the Växa eller Krympa conference in Kiruna
S004 = "004_7d7d9fe527b1fb8f"  # Kemijärvi's city board joins Asettautumispalvelut
REF = "reference"

# The ten members of Region 10 (001), who all join its pilot-region offer.
REGION_10 = {
    f"mun:se-{code}" for code in ("2505", "2506", "2425", "2481", "2418", "2417", "2422", "2421", "2462", "2463")
}
# The seven of them whose representatives met the minister in Lycksele (001).
VISIT_MUNICIPALITIES = {f"mun:se-{code}" for code in ("2425", "2481", "2418", "2417", "2422", "2421", "2462")}
VISIT_PEOPLE = {
    "person:erik-slottner",
    "person:olli-joenvaara",
    "person:roland-sjogren",
    "person:christer-normark",
    "person:ann-charlotte-liljestrom",
    "person:lennart-gustavsson",
    "person:eleonore-hedman",
    "person:kjell-ojeryd",
    "person:ulrik-dahlgren",
    "person:andreas-eliasson",
}
# The four Lappi municipalities of 004: Kemijärvi, Posio, Keminmaa, Pello.
LAPPI_FOUR = {"mun:fi-320", "mun:fi-614", "mun:fi-241", "mun:fi-854"}


# ---------------------------------------------------------------------------------------- helpers


def short(text: str) -> str:
    for namespace, prefix in PREFIXES.items():
        if text.startswith(namespace):
            return prefix + text[len(namespace) :]
    return text


def cell(row: dict, column: str) -> str | None:
    """The cell as a string, IRIs shortened; ``None`` where unbound or empty."""
    term = row.get(column)
    return None if term is None or str(term) == "" else short(str(term))


def items(row: dict, column: str) -> set[str]:
    """The items of a GROUP_CONCAT cell, IRIs shortened."""
    text = cell(row, column)
    separator = SEPARATORS.get(column)
    return set() if text is None else {short(item) for item in str(row[column]).split(separator)}


def table(result, *columns: str, sets: tuple[str, ...] = ()) -> list[tuple]:
    """The rows as tuples of the given columns; the columns in ``sets`` become sets of items."""
    return [tuple(items(row, c) if c in sets else cell(row, c) for c in columns) for row in result.rows]


def run(dataset, name: str, params: dict[str, str] | None = None, lang: str = "sv"):
    return execute(dataset, get(name), params or {}, lang=lang)


def one(result, **key: str) -> dict:
    """The single row whose cells equal ``key``."""
    found = [row for row in result.rows if all(cell(row, c) == v for c, v in key.items())]
    assert len(found) == 1, f"{len(found)} rows match {key}"
    return found[0]


# ---------------------------------------------------------------------------------------- initiatives

# initiative: (most specific type, start, end, leads, other participants, funders, sources)
INITIATIVES = {
    "ini:forskningsprojekt-forvaltningsovergripande-samverkan": (
        "kg:ResearchProject", None, None, set(), {"person:urban-markstrom"}, set(), {S003},
    ),
    "ini:kemijarven-elinvoimaohjelma": ("kg:Strategy", None, None, {"mun:fi-320"}, set(), set(), {S004}),
    "ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering": (
        "kg:Project", None, None, {"person:magnus-bergmark"}, {"person:urban-markstrom"}, {"org:formas"}, {S003},
    ),
    "ini:kumppanuuspilotti": (
        "kg:Pilot", None, None, {"org:ely-keskus"}, {"org:kemijarven-kehitys-oy", *LAPPI_FOUR}, set(), {S004},
    ),
    "ini:lappi-viisaan-kasvun-keskus": ("kg:PreStudy", None, None, {"org:lapin-liitto"}, LAPPI_FOUR, set(), {S004}),
    "ini:medborgardialog-funktionsnedsattning-norsjo": (
        "kg:Project", None, None, {"mun:se-2417"}, set(), set(), {S002},
    ),
    "ini:samverkan-norsjo-osterbotten": ("kg:Initiative", None, None, set(), {"mun:se-2417"}, set(), {S002}),
    "ini:samverkansplattform-utlandsfodda-norsjo": (
        "kg:CollaborationPlatform", None, None, {"mun:se-2417"}, set(), set(), {S002},
    ),
    "ini:medborgardialog-i-norsjo": ("kg:Project", "2018", None, {"mun:se-2417"}, set(), set(), {S002}),
    "ini:samverkansplattform-varldens-basta-vardag": (
        "kg:CollaborationPlatform", "2018", None, {"mun:se-2417"}, set(), set(), {S002},
    ),
    "ini:varldens-basta-vardag": ("kg:Vision", "2019-02", None, {"mun:se-2417"}, set(), set(), {S002}),
    # Posio administers it; Kemijärvi funds it through its kg:Funding node, the others directly.
    "ini:asettautumispalvelut": (
        "kg:Project", "2020", "2022", {"mun:fi-614"}, {"person:marjo-saarela"} | (LAPPI_FOUR - {"mun:fi-614"}),
        LAPPI_FOUR, {S004},
    ),
    # Eva Lakso leads the seminar; the two speakers take part.
    "ini:seminarium-inkludering-vaxa-eller-krympa-2023": (
        "kg:Seminar", "2023-05", None, {"person:eva-lakso"}, {"person:magnus-bergmark", "person:urban-markstrom"},
        set(), {S003},
    ),
    # The organiser is no lead: it takes part.
    "ini:vaxa-eller-krympa-2023": (
        "kg:Conference", "2023-05-30", "2023-05-31", set(), {"org:norrbottens-kommuner"}, set(), {S003},
    ),
    "ini:region-10-pilotregion": ("kg:Proposal", "2024", None, {"org:region-10"}, REGION_10, set(), {S001}),
    "ini:sou-2024-6": ("kg:Inquiry", "2024", None, set(), set(), set(), {S001}),
    "ini:civilministerns-besok-i-lycksele-2024": (
        "kg:Meeting", "2024-05-06", "2024-05-06", set(), VISIT_PEOPLE | VISIT_MUNICIPALITIES, set(), {S001},
    ),
    # Övertorneå is Sweden's (2518); ESF funds but does not take part.
    "ini:samhallsinnovation-i-glesa-geografin": (
        "kg:PreStudy", "2024-08-01", "2025-01-31", {"mun:se-2521"},
        {"org:lapplands-kommunalforbund", "org:region-norrbotten", "mun:se-2518", "person:mervi-kostet",
         "org:utbildning-nord"},
        {"org:esf"}, {S000},
    ),
}  # fmt: skip


def test_initiatives_one_row_each_with_lead_participants_funders_and_source(dataset):
    rows = table(
        run(dataset, "initiatives"),
        *("initiative", "type", "start", "end", "leads", "participants", "funders", "sources"),
        sets=("leads", "participants", "funders", "sources"),
    )
    assert len(rows) == 18
    assert {row[0]: row[1:] for row in rows} == INITIATIVES


def test_initiatives_undated_first_then_in_chronological_order(dataset):
    # A year or month sorts before the days within it; ties go by IRI.
    assert [row[0] for row in table(run(dataset, "initiatives"), "initiative")] == list(INITIATIVES)


# ---------------------------------------------------------------------------------------- funding


def funding_rows(result) -> list[tuple]:
    # Amounts compare as numbers: kg.query.sparql writes decimals in canonical form (7500.0).
    rows = table(
        result, "funder", "currency", "year", "total", "perYear", "approximate", "initiatives", sets=("initiatives",)
    )
    return [
        (f, c, y, None if t is None else Decimal(t), None if p is None else Decimal(p), a, i)
        for f, c, y, t, p, a, i in rows
    ]


SETTLING_IN = {"ini:asettautumispalvelut"}


def test_funding_per_funder_currency_and_year(dataset):
    assert funding_rows(run(dataset, "funding")) == [
        # each municipality's own share is "about 5000 EUR a year" (004): yearly, approximate, no total
        ("mun:fi-241", "EUR", "2020", None, Decimal(5000), "true", SETTLING_IN),
        # Kemijärvi decides on 5000 EUR a year, 7500 EUR in all
        ("mun:fi-320", "EUR", "2020", Decimal(7500), Decimal(5000), "false", SETTLING_IN),
        ("mun:fi-614", "EUR", "2020", None, Decimal(5000), "true", SETTLING_IN),
        ("mun:fi-854", "EUR", "2020", None, Decimal(5000), "true", SETTLING_IN),
        # amounts the sources do not give are empty, never 0
        ("org:esf", None, "2024", None, None, None, {"ini:samhallsinnovation-i-glesa-geografin"}),
        # the communication project has no date, so no year
        ("org:formas", None, None, None, None, None, {"ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering"}),
    ]


def test_funding_by_esf(dataset):
    assert funding_rows(run(dataset, "funding", {"funder": "ESF"})) == [
        ("org:esf", None, "2024", None, None, None, {"ini:samhallsinnovation-i-glesa-geografin"}),
    ]


def test_funding_by_kemijarvi(dataset):
    assert funding_rows(run(dataset, "funding", {"funder": "Kemijärvi"})) == [
        ("mun:fi-320", "EUR", "2020", Decimal(7500), Decimal(5000), "false", SETTLING_IN),
    ]


def test_funding_by_posio_is_an_approximate_yearly_share(dataset):
    assert funding_rows(run(dataset, "funding", {"funder": "Posio"})) == [
        ("mun:fi-614", "EUR", "2020", None, Decimal(5000), "true", SETTLING_IN),
    ]


# ---------------------------------------------------------------------------------------- sources


def test_sources_every_document_with_publisher_language_date_and_facts(dataset):
    result = run(dataset, "sources")
    rows = table(result, "source", "publisher", "language", "issued")
    # dated ones oldest first, then the undated ones (000 and 002 give no date of issue)
    assert rows == [
        (f"source:{S004}", "mun:fi-320", "fi", "2020-01-27"),
        (f"source:{S003}", None, "sv", "2023-08-24"),
        (f"source:{S001}", "mun:se-2481", "sv", "2024-05-06"),
        (f"source:{S000}", "mun:se-2521", "sv", None),
        (f"source:{S002}", None, "sv", None),
    ]
    # the number of facts is the size of each document's named graph
    for row in result.rows:
        assert int(row["facts"]) == len(dataset.graph(URIRef(str(row["source"])))), row["source"]


# ---------------------------------------------------------------------------------------- members


@pytest.mark.parametrize("association", ["Region 10", "R10", "https://w3id.org/samverkan/id/org/region-10"])
def test_members_of_region_10_by_name_other_name_or_iri(dataset, association):
    result = run(dataset, "members", {"association": association})
    assert table(result, "member", "code", "country", "area", "sources", sets=("sources",)) == [
        ("mun:se-2417", "2417", "SE", "area:se-24", {S001}),  # Norsjö
        ("mun:se-2418", "2418", "SE", "area:se-24", {S001}),  # Malå
        ("mun:se-2421", "2421", "SE", "area:se-24", {S001}),  # Storuman
        ("mun:se-2422", "2422", "SE", "area:se-24", {S001}),  # Sorsele
        ("mun:se-2425", "2425", "SE", "area:se-24", {S001}),  # Dorotea
        ("mun:se-2462", "2462", "SE", "area:se-24", {S001}),  # Vilhelmina
        ("mun:se-2463", "2463", "SE", "area:se-24", {S001}),  # Åsele
        ("mun:se-2481", "2481", "SE", "area:se-24", {S001}),  # Lycksele
        ("mun:se-2505", "2505", "SE", "area:se-25", {S001}),  # Arvidsjaur
        ("mun:se-2506", "2506", "SE", "area:se-25", {S001}),  # Arjeplog
    ]


# ---------------------------------------------------------------------------------------- people


def test_people_every_person_with_a_post(dataset):
    # Ann-Charlotte Liljeström is linked to Lycksele without a post, so she is not listed.
    result = run(dataset, "people")
    assert table(result, "organisation", "person", "roles", "sources", sets=("roles", "sources")) == [
        ("mun:fi-320", "person:marjo-saarela", {"palvelualuejohtaja"}, {S004}),
        ("mun:se-2417", "person:eleonore-hedman", {"kommunchef"}, {S001}),
        ("mun:se-2418", "person:lennart-gustavsson", {"KSO"}, {S001}),
        ("mun:se-2421", "person:ulrik-dahlgren", {"KSO"}, {S001}),
        ("mun:se-2422", "person:kjell-ojeryd", {"KSO"}, {S001}),
        ("mun:se-2425", "person:olli-joenvaara", {"kommunchef"}, {S001}),
        ("mun:se-2462", "person:andreas-eliasson", {"KSO"}, {S001}),
        ("mun:se-2481", "person:christer-normark", {"kommundirektör", "kommunchef"}, {S001}),
        ("mun:se-2481", "person:roland-sjogren", {"KSO", "Kommunstyrelsens ordförande", "Kommunalråd"}, {S001}),
        ("mun:se-2521", "person:mervi-kostet", {"projektspecialist"}, {S000}),
        ("org:institutionen-for-socialt-arbete", "person:urban-markstrom", {"professor"}, {S003}),
        ("org:norrbottens-kommuner", "person:eva-lakso", {"avdelningschef för social välfärd"}, {S003}),
        ("org:regeringen", "person:erik-slottner", {"civilminister"}, {S001}),
        ("org:region-10", "person:jenny-lundqvist", {"Koordinator R10"}, {S001}),
    ]


def test_people_with_a_post_in_lycksele(dataset):
    result = run(dataset, "people", {"organisation": "Lycksele"})
    assert table(result, "organisation", "person", "roles", "sources", sets=("roles", "sources")) == [
        ("mun:se-2481", "person:christer-normark", {"kommundirektör", "kommunchef"}, {S001}),
        ("mun:se-2481", "person:roland-sjogren", {"KSO", "Kommunstyrelsens ordförande", "Kommunalråd"}, {S001}),
    ]


# ---------------------------------------------------------------------------------------- entity

ENTITY_COLUMNS = ("direction", "property", "value", "language", "sources")


def test_entity_posio(dataset):
    result = run(dataset, "entity", {"entity": "Posio"})
    assert table(result, *ENTITY_COLUMNS, sets=("sources",)) == [
        ("out", "rdf:type", "kg:Municipality", None, {REF}),
        ("out", "rdfs:label", "Posio Municipality", "en", {REF}),
        ("out", "rdfs:label", "Posio", "fi", {REF}),
        ("out", "rdfs:label", "Posio", "sv", {REF}),
        ("out", "kg:country", "FI", None, {REF}),
        ("out", "kg:funds", "ini:asettautumispalvelut", None, {S004}),
        ("out", "kg:leads", "ini:asettautumispalvelut", None, {S004}),
        ("out", "kg:locatedIn", "area:fi-19", None, {REF}),
        ("out", "kg:municipalityCode", "614", None, {REF}),
        ("out", "kg:participatesIn", "ini:asettautumispalvelut", None, {S004}),  # derived from kg:leads
        ("out", "kg:participatesIn", "ini:kumppanuuspilotti", None, {S004}),
        ("out", "kg:participatesIn", "ini:lappi-viisaan-kasvun-keskus", None, {S004}),
        ("in", "kg:funder", "funding:asettautumispalvelut-posio", None, {S004}),  # its approximate yearly share
        ("in", "kg:locatedIn", "ini:asettautumispalvelut", None, {S004}),
    ]


def test_entity_pajala_relations_with_their_sources(dataset):
    result = run(dataset, "entity", {"entity": "Pajala"})
    relations = {
        (cell(row, "direction"), cell(row, "property"), cell(row, "value"), frozenset(items(row, "sources")))
        for row in result.rows
        if isinstance(row["value"], URIRef)
    }
    assert relations == {
        ("out", "rdf:type", "kg:Municipality", frozenset({REF})),
        ("out", "kg:locatedIn", "area:se-25", frozenset({REF})),
        ("out", "kg:leads", "ini:samhallsinnovation-i-glesa-geografin", frozenset({S000})),
        ("out", "kg:participatesIn", "ini:samhallsinnovation-i-glesa-geografin", frozenset({S000})),  # derived
        ("in", "dcterms:publisher", f"source:{S000}", frozenset({S000})),
        ("in", "kg:locatedIn", "ini:samhallsinnovation-i-glesa-geografin", frozenset({S000})),
        ("in", "kg:postIn", "post:mervi-kostet--pajala", frozenset({S000})),
        ("in", "kg:affiliatedWith", "person:mervi-kostet", frozenset({S000})),  # derived from her post
    }


def test_entity_pajala_names_in_every_language_and_attributes(dataset):
    rows = table(run(dataset, "entity", {"entity": "Pajala"}), *ENTITY_COLUMNS, sets=("sources",))
    assert len(rows) == 17
    assert [row for row in rows if row[1] in ("rdfs:label", "skos:altLabel")] == [
        ("out", "rdfs:label", "Pajala Municipality", "en", {REF}),
        ("out", "rdfs:label", "Pajala", "fi", {REF}),
        ("out", "rdfs:label", "Pajala", "fit", {REF}),
        ("out", "rdfs:label", "Pajala", "sv", {REF}),
        ("out", "skos:altLabel", "Pajalan kunta", "fit", {REF}),
        ("out", "skos:altLabel", "Pajala kommun", "sv", {REF}),  # the register of public bodies' long name
    ]
    attributes = {row[1]: row[2:] for row in rows if row[1] in ("kg:country", "kg:municipalityCode")}
    assert attributes == {"kg:country": ("SE", None, {REF}), "kg:municipalityCode": ("2521", None, {REF})}
    notes = [row for row in rows if row[1] == "skos:editorialNote"]
    assert [(row[3], row[4]) for row in notes] == [("en", {REF})]
    assert "rejected the application in March 2024" in notes[0][2]


def test_entity_overtornea_by_name_is_ambiguous(dataset):
    # The Swedish name Övertorneå names both municipalities: the IRI must be given.
    with pytest.raises(QueryError) as caught:
        run(dataset, "entity", {"entity": "Övertorneå"})
    message = str(caught.value)
    assert "https://w3id.org/samverkan/id/municipality/se-2518" in message
    assert "https://w3id.org/samverkan/id/municipality/fi-976" in message


# ---------------------------------------------------------------------------------------- collaboration-pairs

PAIR_COLUMNS = ("actorA", "actorB", "shared", "initiatives")


def test_collaboration_pairs_of_pajala(dataset):
    # Pajala takes part only in its pre-study; ESF funds it but does not take part.
    glesa = {"ini:samhallsinnovation-i-glesa-geografin"}
    result = run(dataset, "collaboration-pairs", {"actor": "Pajala"})
    assert table(result, *PAIR_COLUMNS, sets=("initiatives",)) == [
        ("mun:se-2518", "mun:se-2521", "1", glesa),
        ("mun:se-2521", "org:lapplands-kommunalforbund", "1", glesa),
        ("mun:se-2521", "org:region-norrbotten", "1", glesa),
        ("mun:se-2521", "org:utbildning-nord", "1", glesa),
        ("mun:se-2521", "person:mervi-kostet", "1", glesa),
    ]


def test_collaboration_pairs_all(dataset):
    rows = table(run(dataset, "collaboration-pairs"), *PAIR_COLUMNS, sets=("initiatives",))
    # Pairs per initiative: 17 at the visit (136), 11 in the offer (55), 6 in the pilot and in the
    # pre-study of Pajala (15 each), 5 in the Lappi pre-study and in Asettautumispalvelut (10 each),
    # 3 at the seminar, 2 in the communication project: 245, of which 34 repeat a pair.
    assert len(rows) == 211
    assert Counter(row[2] for row in rows) == {"3": 6, "2": 22, "1": 183}
    assert all(int(row[2]) == len(row[3]) for row in rows)
    lappi = {"ini:asettautumispalvelut", "ini:kumppanuuspilotti", "ini:lappi-viisaan-kasvun-keskus"}
    region_10 = {"ini:civilministerns-besok-i-lycksele-2024", "ini:region-10-pilotregion"}
    assert rows[:28] == [
        *((a, b, "3", lappi) for a, b in combinations(sorted(LAPPI_FOUR), 2)),
        *((a, b, "2", region_10) for a, b in combinations(sorted(VISIT_MUNICIPALITIES), 2)),
        (
            "person:magnus-bergmark",
            "person:urban-markstrom",
            "2",
            {
                "ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering",
                "ini:seminarium-inkludering-vaxa-eller-krympa-2023",
            },
        ),
    ]


# ---------------------------------------------------------------------------------------- active


def active(dataset, **params: str) -> list[tuple]:
    return table(run(dataset, "active", params), "initiative", "start", "end")


def test_active_in_2024(dataset):
    # Undated initiatives hold at the dates of the sources that describe them (none of 2024 here);
    # the seminar (an event without end) ended in May 2023; the inquiry SOU 2024:6 ends in its
    # year; the initiatives of 2018-2019 and 2024 without end count as running.
    assert active(dataset, year="2024") == [
        ("ini:medborgardialog-i-norsjo", "2018", None),
        ("ini:samverkansplattform-varldens-basta-vardag", "2018", None),
        ("ini:varldens-basta-vardag", "2019-02", None),
        ("ini:region-10-pilotregion", "2024", None),
        ("ini:sou-2024-6", "2024", None),
        ("ini:civilministerns-besok-i-lycksele-2024", "2024-05-06", "2024-05-06"),
        ("ini:samhallsinnovation-i-glesa-geografin", "2024-08-01", "2025-01-31"),
    ]


def test_active_in_2023(dataset):
    # The seminar has only a month and no end: as an event it ends in the month it starts. The
    # two undated research and communication projects are described by a source of 2023.
    assert active(dataset, year="2023") == [
        ("ini:forskningsprojekt-forvaltningsovergripande-samverkan", None, None),
        ("ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering", None, None),
        ("ini:medborgardialog-i-norsjo", "2018", None),
        ("ini:samverkansplattform-varldens-basta-vardag", "2018", None),
        ("ini:varldens-basta-vardag", "2019-02", None),
        ("ini:seminarium-inkludering-vaxa-eller-krympa-2023", "2023-05", None),
        ("ini:vaxa-eller-krympa-2023", "2023-05-30", "2023-05-31"),
    ]


def test_active_in_2020(dataset):
    # three undated Finnish initiatives, described by a source of 2020
    assert active(dataset, year="2020") == [
        ("ini:kemijarven-elinvoimaohjelma", None, None),
        ("ini:kumppanuuspilotti", None, None),
        ("ini:lappi-viisaan-kasvun-keskus", None, None),
        ("ini:medborgardialog-i-norsjo", "2018", None),
        ("ini:samverkansplattform-varldens-basta-vardag", "2018", None),
        ("ini:varldens-basta-vardag", "2019-02", None),
        ("ini:asettautumispalvelut", "2020", "2022"),
    ]


def test_active_on_2024_09_01(dataset):
    # The visit of 2024-05-06 is over; the pre-study of Pajala runs 2024-08-01 to 2025-01-31.
    assert active(dataset, date="2024-09-01") == [
        ("ini:medborgardialog-i-norsjo", "2018", None),
        ("ini:samverkansplattform-varldens-basta-vardag", "2018", None),
        ("ini:varldens-basta-vardag", "2019-02", None),
        ("ini:region-10-pilotregion", "2024", None),
        ("ini:sou-2024-6", "2024", None),
        ("ini:samhallsinnovation-i-glesa-geografin", "2024-08-01", "2025-01-31"),
    ]


def test_active_in_2030_holds_no_inquiry_or_undated_initiative(dataset):
    assert active(dataset, year="2030") == [
        ("ini:medborgardialog-i-norsjo", "2018", None),
        ("ini:samverkansplattform-varldens-basta-vardag", "2018", None),
        ("ini:varldens-basta-vardag", "2019-02", None),
    ]


def test_active_on_2019_01_15(dataset):
    # The vision starts in February 2019, after the day asked for.
    assert active(dataset, date="2019-01-15") == [
        ("ini:medborgardialog-i-norsjo", "2018", None),
        ("ini:samverkansplattform-varldens-basta-vardag", "2018", None),
    ]


# ---------------------------------------------------------------------------------------- by-theme

MEDBORGARDIALOG = {
    # 002
    "ini:medborgardialog-i-norsjo",
    "ini:varldens-basta-vardag",
    "ini:samverkansplattform-varldens-basta-vardag",
    "ini:samverkan-norsjo-osterbotten",
    "ini:medborgardialog-funktionsnedsattning-norsjo",
    "ini:samverkansplattform-utlandsfodda-norsjo",
    # 003
    "ini:seminarium-inkludering-vaxa-eller-krympa-2023",
    "ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering",
    "ini:forskningsprojekt-forvaltningsovergripande-samverkan",
}


def test_by_theme_all(dataset):
    result = run(dataset, "by-theme")
    assert table(result, "theme", "count", "initiatives", sets=("initiatives",)) == [
        ("th:medborgardialog", "9", MEDBORGARDIALOG),
        (
            "th:attraktivitet",
            "5",
            {
                "ini:medborgardialog-i-norsjo",
                "ini:varldens-basta-vardag",
                "ini:vaxa-eller-krympa-2023",
                "ini:kemijarven-elinvoimaohjelma",
                "ini:asettautumispalvelut",
            },
        ),
        (
            "th:inkludering",
            "5",
            {
                "ini:medborgardialog-funktionsnedsattning-norsjo",
                "ini:samverkansplattform-utlandsfodda-norsjo",
                "ini:seminarium-inkludering-vaxa-eller-krympa-2023",
                "ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering",
                "ini:forskningsprojekt-forvaltningsovergripande-samverkan",
            },
        ),
        (
            "th:samhallsplanering",
            "4",
            {
                "ini:vaxa-eller-krympa-2023",
                "ini:seminarium-inkludering-vaxa-eller-krympa-2023",
                "ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering",
                "ini:forskningsprojekt-forvaltningsovergripande-samverkan",
            },
        ),
        (
            "th:valfard",
            "4",
            {
                "ini:samhallsinnovation-i-glesa-geografin",
                "ini:region-10-pilotregion",
                "ini:civilministerns-besok-i-lycksele-2024",
                "ini:medborgardialog-funktionsnedsattning-norsjo",
            },
        ),
        (
            "th:digitalisering",
            "3",
            {"ini:region-10-pilotregion", "ini:civilministerns-besok-i-lycksele-2024", "ini:varldens-basta-vardag"},
        ),
        (
            "th:kommunal-kapacitet",
            "3",
            {"ini:sou-2024-6", "ini:region-10-pilotregion", "ini:civilministerns-besok-i-lycksele-2024"},
        ),
        ("th:kompetensforsorjning", "2", {"ini:samhallsinnovation-i-glesa-geografin", "ini:varldens-basta-vardag"}),
        ("th:naringsliv", "2", {"ini:varldens-basta-vardag", "ini:asettautumispalvelut"}),
        ("th:inflyttning", "1", {"ini:asettautumispalvelut"}),
        ("th:innovation", "1", {"ini:samhallsinnovation-i-glesa-geografin"}),
        ("th:kultur", "1", {"ini:varldens-basta-vardag"}),
    ]


def test_by_theme_medborgardialog(dataset):
    result = run(dataset, "by-theme", {"theme": "medborgardialog"})
    assert table(result, "theme", "count", "initiatives", sets=("initiatives",)) == [
        ("th:medborgardialog", "9", MEDBORGARDIALOG),
    ]


# ---------------------------------------------------------------------------------------- municipalities-by-area

# Kemijärvi: the pilot, the Lappi pre-study, Asettautumispalvelut and its own vitality programme;
# Posio, Keminmaa and Pello: the first three.
LAPPI = [
    ("area:fi-19", "mun:fi-320", "320", "4"),  # Kemijärvi
    ("area:fi-19", "mun:fi-241", "241", "3"),  # Keminmaa
    ("area:fi-19", "mun:fi-614", "614", "3"),  # Posio
    ("area:fi-19", "mun:fi-854", "854", "3"),  # Pello
    *(
        ("area:fi-19", f"mun:fi-{code}", code, "0")
        for code in (
            "047", "148", "240", "261", "273", "498", "583", "683", "698",
            "732", "742", "751", "758", "845", "851", "890", "976",
        )
    ),
]  # fmt: skip


def test_municipalities_of_lappi(dataset):
    result = run(dataset, "municipalities-by-area", {"area": "Lappi"})
    assert table(result, "area", "municipality", "code", "initiatives") == LAPPI


def test_municipalities_of_every_area(dataset):
    all_rows = table(run(dataset, "municipalities-by-area"), "area", "municipality", "code", "initiatives")
    # every current municipality of both countries (Pertunmaa, merged in 2025, is left out); the
    # initiatives are all in Norrbotten, Västerbotten and Lappi, whose rows are as before
    assert len(all_rows) == 290 + 308
    assert "mun:fi-588" not in {row[1] for row in all_rows}
    assert sum(int(row[3]) for row in all_rows) == 38
    rows = [row for row in all_rows if row[0] in ("area:fi-19", "area:se-24", "area:se-25")]
    assert len(rows) == 50
    assert rows == [
        *LAPPI,
        # Norsjö: the offer, the visit, and the six initiatives of 002
        ("area:se-24", "mun:se-2417", "2417", "8"),
        # the other municipalities at the visit: the visit and the offer
        ("area:se-24", "mun:se-2418", "2418", "2"),
        ("area:se-24", "mun:se-2421", "2421", "2"),
        ("area:se-24", "mun:se-2422", "2422", "2"),
        ("area:se-24", "mun:se-2425", "2425", "2"),
        ("area:se-24", "mun:se-2462", "2462", "2"),
        ("area:se-24", "mun:se-2481", "2481", "2"),
        ("area:se-24", "mun:se-2463", "2463", "1"),  # Åsele: the offer only
        *(
            ("area:se-24", f"mun:se-{code}", code, "0")
            for code in ("2401", "2403", "2404", "2409", "2460", "2480", "2482")
        ),
        ("area:se-25", "mun:se-2505", "2505", "1"),  # Arvidsjaur: the offer
        ("area:se-25", "mun:se-2506", "2506", "1"),  # Arjeplog: the offer
        ("area:se-25", "mun:se-2518", "2518", "1"),  # Övertorneå: Pajala's pre-study
        ("area:se-25", "mun:se-2521", "2521", "1"),  # Pajala: its pre-study
        *(
            ("area:se-25", f"mun:se-{code}", code, "0")
            for code in ("2510", "2513", "2514", "2523", "2560", "2580", "2581", "2582", "2583", "2584")
        ),
    ]


# ---------------------------------------------------------------------------------------- cross-border


def test_cross_border(dataset):
    # Only Norsjö's collaboration with Österbotten crosses the border. Pajala's pre-study does not:
    # its Övertorneå is the Swedish one. No actor is a member of an organisation of the other country.
    result = run(dataset, "cross-border")
    assert table(result, "kind", "subject", "object", "countries", "through", sets=("countries", "through")) == [
        ("initiative", "ini:samverkan-norsjo-osterbotten", None, {"SE", "FI"}, {"mun:se-2417", "area:fi-15"}),
    ]


# ---------------------------------------------------------------------------------------- weak-facts

WEAK_COLUMNS = ("subject", "property", "object", "source")


def test_weak_facts_all(dataset):
    # No source repeats a relation stated by another, so every relation of a source is weak:
    # the stated ones and those derived from them (participation, funding, affiliation).
    rows = table(run(dataset, "weak-facts"), *WEAK_COLUMNS)
    assert len(rows) == 178
    assert Counter(row[1] for row in rows) == {
        "kg:participatesIn": 64,
        "kg:locatedIn": 18,
        "kg:affiliatedWith": 15,
        "kg:holdsPost": 14,
        "kg:postIn": 14,
        "kg:leads": 13,
        "kg:memberOf": 12,
        "kg:relatedTo": 8,
        "kg:funds": 6,
        "kg:contact": 5,
        "kg:partOf": 4,
        "kg:presentsAt": 2,
        "kg:organises": 1,
        "kg:inspiredBy": 1,
        "kg:nominatedFor": 1,
    }
    assert Counter(row[3] for row in rows) == {S000: 13, S001: 79, S002: 23, S003: 25, S004: 38}
    assert [row for row in rows if row[0] == "ini:asettautumispalvelut"] == [
        ("ini:asettautumispalvelut", "kg:locatedIn", "mun:fi-241", S004),
        ("ini:asettautumispalvelut", "kg:locatedIn", "mun:fi-320", S004),
        ("ini:asettautumispalvelut", "kg:locatedIn", "mun:fi-614", S004),
        ("ini:asettautumispalvelut", "kg:locatedIn", "mun:fi-854", S004),
        ("ini:asettautumispalvelut", "kg:partOf", "ini:kumppanuuspilotti", S004),
        ("ini:asettautumispalvelut", "kg:partOf", "ini:lappi-viisaan-kasvun-keskus", S004),
        ("ini:asettautumispalvelut", "kg:relatedTo", "ini:kemijarven-elinvoimaohjelma", S004),
    ]


def test_weak_facts_are_ordered_by_subject_property_object(dataset):
    rows = [tuple(str(row[c]) for c in ("subject", "property", "object")) for row in run(dataset, "weak-facts").rows]
    assert rows == sorted(rows)


def test_weak_facts_memberships(dataset):
    result = run(dataset, "weak-facts", {"relation": "https://w3id.org/samverkan/def#memberOf"})
    assert table(result, *WEAK_COLUMNS) == [
        *((member, "kg:memberOf", "org:region-10", S001) for member in sorted(REGION_10)),
        ("person:ann-charlotte-liljestrom", "kg:memberOf", "org:socialdemokraterna", S001),
        ("person:roland-sjogren", "kg:memberOf", "org:kristdemokraterna", S001),
    ]


def test_weak_facts_funding(dataset):
    result = run(dataset, "weak-facts", {"relation": "https://w3id.org/samverkan/def#funds"})
    assert table(result, *WEAK_COLUMNS) == [
        ("mun:fi-241", "kg:funds", "ini:asettautumispalvelut", S004),
        ("mun:fi-320", "kg:funds", "ini:asettautumispalvelut", S004),  # derived from its kg:Funding node
        ("mun:fi-614", "kg:funds", "ini:asettautumispalvelut", S004),
        ("mun:fi-854", "kg:funds", "ini:asettautumispalvelut", S004),
        ("org:esf", "kg:funds", "ini:samhallsinnovation-i-glesa-geografin", S000),
        ("org:formas", "kg:funds", "ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering", S003),
    ]


# ---------------------------------------------------------------------------------------- search

SEARCH_COLUMNS = ("entity", "match", "language", "type", "country", "code", "area")


def search(dataset, name: str) -> list[tuple]:
    return table(run(dataset, "search", {"name": name}), *SEARCH_COLUMNS)


@pytest.mark.parametrize("name", ["overtornea", "Övertorneå", "ÖVERTORNEÅ"])
def test_search_overtornea_finds_both_overtorneas(dataset, name):
    # Sweden's Övertorneå (2518, Norrbotten) and Finland's (Ylitornio, 976, Lappi).
    assert search(dataset, name) == [
        ("mun:fi-976", "Ylitornio (Övertorneå, Finland)", "en", "kg:Municipality", "FI", "976", "area:fi-19"),
        ("mun:fi-976", "Övertorneå", "sv", "kg:Municipality", "FI", "976", "area:fi-19"),
        ("mun:se-2518", "Övertorneå Municipality (Sweden)", "en", "kg:Municipality", "SE", "2518", "area:se-25"),
        ("mun:se-2518", "Övertorneå", "sv", "kg:Municipality", "SE", "2518", "area:se-25"),
        # the long name from the register of public bodies (reference data)
        ("mun:se-2518", "Övertorneå kommun", "sv", "kg:Municipality", "SE", "2518", "area:se-25"),
    ]


def test_search_likssjuo_in_capitals(dataset):
    # The Ume Sami name of Lycksele; its other name "Liksjuon kommuvdna" has one s and does not match.
    assert search(dataset, "LIKSSJUO") == [
        ("mun:se-2481", "Likssjuo", "sju", "kg:Municipality", "SE", "2481", "area:se-24"),
    ]


def test_search_jahkamahkke_without_diacritics(dataset):
    # The Lule Sami name of Jokkmokk; "Jåhkåmåhke kommuvnan" has one k and does not match.
    assert search(dataset, "jahkamahkke") == [
        ("mun:se-2510", "Jåhkåmåhkke", "smj", "kg:Municipality", "SE", "2510", "area:se-25"),
    ]


def test_search_sami_letters(dataset):
    assert search(dataset, "soadegilli") == [
        ("mun:fi-758", "Soađegilli", "se", "kg:Municipality", "FI", "758", "area:fi-19"),
    ]
    assert search(dataset, "tjielte") == [
        ("mun:se-2463", "Sjeltien tjïelte", "sma", "kg:Municipality", "SE", "2463", "area:se-24"),
    ]


def test_search_ylitornio_finds_only_finlands_overtornea(dataset):
    # Finns call the Swedish Övertorneå Ylitornio too, but that homonym is deliberately no label.
    assert search(dataset, "Ylitornio") == [
        ("mun:fi-976", "Ylitornio (Övertorneå, Finland)", "en", "kg:Municipality", "FI", "976", "area:fi-19"),
        ("mun:fi-976", "Ylitornio", "fi", "kg:Municipality", "FI", "976", "area:fi-19"),
    ]


def test_search_finnish_exonym_of_a_swedish_municipality(dataset):
    assert search(dataset, "JALLIVAARA") == [
        ("mun:se-2523", "Jällivaara", "fi", "kg:Municipality", "SE", "2523", "area:se-25"),
        ("mun:se-2523", "Jällivaaran kunta", "fi", "kg:Municipality", "SE", "2523", "area:se-25"),
    ]


def test_search_finnish_name_of_different_kinds_of_entity(dataset):
    assert search(dataset, "Kemijärven") == [
        ("funding:asettautumispalvelut-kemijarvi", "Kemijärven omarahoitusosuus Asettautumispalvelut-hankkeeseen",
         "fi", "kg:Funding", None, None, None),
        ("ini:kemijarven-elinvoimaohjelma", "Kemijärven elinvoimaohjelma", "fi", "kg:Strategy", None, None, None),
        ("org:kemijarven-kehitys-oy", "Kemijärven Kehitys Oy", "fi", "kg:Company", "FI", None, None),
        ("org:kemijarven-kehitys-oy", "Kemijärven Kehitys Oy", "sv", "kg:Company", "FI", None, None),
        ("post:marjo-saarela--kemijarvi", "Kemijärven kaupungin palvelualuejohtaja", "fi", "kg:Post", None, None, None),
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------- ties

TIE_COLUMNS = ("actor", "role", "target", "start", "end", "sources")


def test_ties_all(dataset):
    result = run(dataset, "ties")
    rows = table(result, *TIE_COLUMNS, sets=("sources",))
    assert len(rows) == 113
    # A lead, organiser or presenter also has its derived participant tie.
    assert Counter(row[1] for row in rows) == {
        "participant": 64,
        "affiliated": 15,
        "lead": 13,
        "member": 12,
        "funder": 6,
        "presenter": 2,
        "organiser": 1,
    }
    keys = [tuple(str(row[c]) for c in ("actor", "target", "role")) for row in result.rows]
    assert keys == sorted(keys)


def test_ties_of_posio_magnus_bergmark_norrbottens_kommuner_and_roland_sjogren(dataset):
    rows = table(run(dataset, "ties"), *TIE_COLUMNS, sets=("sources",))
    chosen = ("mun:fi-614", "person:magnus-bergmark", "org:norrbottens-kommuner", "person:roland-sjogren")
    assert [row for row in rows if row[0] in chosen] == [
        ("mun:fi-614", "funder", "ini:asettautumispalvelut", "2020", "2022", {S004}),
        ("mun:fi-614", "lead", "ini:asettautumispalvelut", "2020", "2022", {S004}),
        ("mun:fi-614", "participant", "ini:asettautumispalvelut", "2020", "2022", {S004}),
        ("mun:fi-614", "participant", "ini:kumppanuuspilotti", None, None, {S004}),
        ("mun:fi-614", "participant", "ini:lappi-viisaan-kasvun-keskus", None, None, {S004}),
        ("org:norrbottens-kommuner", "organiser", "ini:vaxa-eller-krympa-2023", "2023-05-30", "2023-05-31", {S003}),
        ("org:norrbottens-kommuner", "participant", "ini:vaxa-eller-krympa-2023", "2023-05-30", "2023-05-31", {S003}),
        ("person:magnus-bergmark", "lead", "ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering",
         None, None, {S003}),
        ("person:magnus-bergmark", "participant", "ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering",
         None, None, {S003}),
        ("person:magnus-bergmark", "participant", "ini:seminarium-inkludering-vaxa-eller-krympa-2023",
         "2023-05", None, {S003}),
        ("person:magnus-bergmark", "presenter", "ini:seminarium-inkludering-vaxa-eller-krympa-2023",
         "2023-05", None, {S003}),
        ("person:roland-sjogren", "participant", "ini:civilministerns-besok-i-lycksele-2024",
         "2024-05-06", "2024-05-06", {S001}),
        ("person:roland-sjogren", "affiliated", "mun:se-2481", None, None, {S001}),
        ("person:roland-sjogren", "member", "org:kristdemokraterna", None, None, {S001}),
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------- nodes


def test_nodes_kinds_and_types(dataset):
    # Only what the sources mention: the reference data's municipalities and bodies that no source
    # names are no nodes (the 32 unnamed municipalities of the former reference data were).
    rows = table(run(dataset, "nodes"), "kind", "type")
    assert len(rows) == 67
    assert Counter(rows) == {
        ("actor", "kg:Municipality"): 18,
        ("actor", "kg:Person"): 16,
        ("actor", "kg:MunicipalAssociation"): 3,
        ("actor", "kg:Fund"): 1,  # the ESF, a fund in the reference data
        ("actor", "kg:FundingBody"): 1,
        ("actor", "kg:GovernmentBody"): 2,
        ("actor", "kg:PoliticalParty"): 2,
        ("actor", "kg:RegionalAuthority"): 2,
        ("actor", "kg:CivilSocietyOrganisation"): 1,
        ("actor", "kg:Company"): 1,
        ("actor", "kg:EducationProvider"): 1,
        ("actor", "kg:ResearchOrganisation"): 1,
        ("initiative", "kg:Project"): 4,
        ("initiative", "kg:CollaborationPlatform"): 2,
        ("initiative", "kg:PreStudy"): 2,
        ("initiative", "kg:Conference"): 1,
        ("initiative", "kg:Initiative"): 1,
        ("initiative", "kg:Inquiry"): 1,
        ("initiative", "kg:Meeting"): 1,
        ("initiative", "kg:Pilot"): 1,
        ("initiative", "kg:Proposal"): 1,
        ("initiative", "kg:ResearchProject"): 1,
        ("initiative", "kg:Seminar"): 1,
        ("initiative", "kg:Strategy"): 1,
        ("initiative", "kg:Vision"): 1,
    }


def test_nodes_initiatives(dataset):
    # The area is the county or region an initiative lies in, directly or through its municipalities.
    rows = table(run(dataset, "nodes"), "kind", "node", "type", "country", "area", "start", "end", "mentioned")
    assert [row[1:] for row in rows if row[0] == "initiative"] == [
        ("ini:asettautumispalvelut", "kg:Project", None, "area:fi-19", "2020", "2022", "true"),
        ("ini:civilministerns-besok-i-lycksele-2024", "kg:Meeting", None, "area:se-24", "2024-05-06", "2024-05-06",
         "true"),
        ("ini:forskningsprojekt-forvaltningsovergripande-samverkan", "kg:ResearchProject", None, None, None, None,
         "true"),
        ("ini:kemijarven-elinvoimaohjelma", "kg:Strategy", None, "area:fi-19", None, None, "true"),
        ("ini:kommunikationsprojektet-socialt-hallbar-samhallsplanering", "kg:Project", None, None, None, None,
         "true"),
        ("ini:kumppanuuspilotti", "kg:Pilot", None, "area:fi-19", None, None, "true"),
        ("ini:lappi-viisaan-kasvun-keskus", "kg:PreStudy", None, "area:fi-19", None, None, "true"),
        ("ini:medborgardialog-funktionsnedsattning-norsjo", "kg:Project", None, "area:se-24", None, None, "true"),
        ("ini:medborgardialog-i-norsjo", "kg:Project", None, "area:se-24", "2018", None, "true"),
        ("ini:region-10-pilotregion", "kg:Proposal", None, None, "2024", None, "true"),
        ("ini:samhallsinnovation-i-glesa-geografin", "kg:PreStudy", None, "area:se-25", "2024-08-01", "2025-01-31",
         "true"),
        ("ini:samverkan-norsjo-osterbotten", "kg:Initiative", None, "area:fi-15", None, None, "true"),
        ("ini:samverkansplattform-utlandsfodda-norsjo", "kg:CollaborationPlatform", None, "area:se-24", None, None,
         "true"),
        ("ini:samverkansplattform-varldens-basta-vardag", "kg:CollaborationPlatform", None, "area:se-24", "2018",
         None, "true"),
        ("ini:seminarium-inkludering-vaxa-eller-krympa-2023", "kg:Seminar", None, "area:se-25", "2023-05", None,
         "true"),
        ("ini:sou-2024-6", "kg:Inquiry", None, None, "2024", None, "true"),
        ("ini:varldens-basta-vardag", "kg:Vision", None, "area:se-24", "2019-02", None, "true"),
        ("ini:vaxa-eller-krympa-2023", "kg:Conference", None, "area:se-25", "2023-05-30", "2023-05-31", "true"),
    ]  # fmt: skip


def test_nodes_organisations_and_people(dataset):
    rows = table(run(dataset, "nodes"), "node", "type", "country", "area", "mentioned")
    assert [row for row in rows if row[0].startswith("org:")] == [
        ("org:ely-keskus", "kg:GovernmentBody", "FI", None, "true"),
        ("org:esf", "kg:Fund", None, None, "true"),  # an EU fund (reference data), of no one country
        ("org:formas", "kg:FundingBody", "SE", None, "true"),
        ("org:hela-sverige-vasterbotten", "kg:CivilSocietyOrganisation", "SE", None, "true"),
        ("org:institutionen-for-socialt-arbete", "kg:ResearchOrganisation", "SE", None, "true"),
        ("org:kemijarven-kehitys-oy", "kg:Company", "FI", None, "true"),
        ("org:kristdemokraterna", "kg:PoliticalParty", "SE", None, "true"),
        ("org:lapin-liitto", "kg:RegionalAuthority", "FI", None, "true"),
        ("org:lapplands-kommunalforbund", "kg:MunicipalAssociation", "SE", None, "true"),
        ("org:norrbottens-kommuner", "kg:MunicipalAssociation", "SE", None, "true"),
        ("org:regeringen", "kg:GovernmentBody", "SE", None, "true"),
        ("org:region-10", "kg:MunicipalAssociation", "SE", None, "true"),
        ("org:region-norrbotten", "kg:RegionalAuthority", "SE", None, "true"),
        ("org:socialdemokraterna", "kg:PoliticalParty", "SE", None, "true"),
        ("org:utbildning-nord", "kg:EducationProvider", "SE", None, "true"),
    ]
    people = {row[0]: row[1:] for row in rows if row[0].startswith("person:")}
    assert len(people) == 16
    assert {node: row for node, row in people.items() if row != ("kg:Person", "SE", None, "true")} == {
        "person:marjo-saarela": ("kg:Person", "FI", None, "true"),
    }


def test_nodes_municipalities(dataset):
    rows = table(run(dataset, "nodes"), "node", "country", "area", "mentioned")
    municipalities = {row[0]: row[1:] for row in rows if row[0].startswith("mun:")}
    by_area = dict(table(run(dataset, "municipalities-by-area"), "municipality", "area"))
    assert {node: (country, area) for node, (country, area, _) in municipalities.items()} == {
        node: ("SE" if node.startswith("mun:se-") else "FI", by_area[node]) for node in municipalities
    }
    # Only the mentioned ones: named by a source, if only as a place (Kiruna) or an inspiration
    # (Skellefteå); the other 580 municipalities of the reference data are no nodes.
    assert (
        {node for node, row in municipalities.items() if row[2] == "true"}
        == set(municipalities)
        == {
            "mun:se-2521",  # 000
            "mun:se-2518",
            *REGION_10,  # 001
            "mun:se-2482",  # 002
            "mun:se-2584",  # 003
            *LAPPI_FOUR,  # 004
        }
    )
    assert {row[2] for row in municipalities.values()} == {"true"}


def test_nodes_names_of_the_two_overtorneas(dataset):
    result = run(dataset, "nodes")
    assert [row for row in result.rows if cell(row, "node") == "mun:fi-976"] == [], "no source names Finland's"
    assert items(one(result, node="mun:se-2518"), "names") == {
        "Övertorneå (sv)",
        "Övertorneå kommun (sv)",  # the long name from the register of public bodies
        "Övertorneå Municipality (Sweden) (en)",
        "Matarengi (fit)",
    }


# ---------------------------------------------------------------------------------------- every query

# query: (parameters, the row to look at, {label column: (sv, fi, en)}); a set stands for a
# label column of a GROUP_CONCAT, whose labels are joined with "; ".
LABELS = {
    "initiatives": (
        {},
        {"initiative": "ini:asettautumispalvelut"},
        {
            "initiativeLabel": ("Etableringsservice för inflyttare", "Asettautumispalvelut", "Settling-in services"),
            "typeLabel": ("projekt", "hanke", "project"),
            "leadsLabel": ({"Posio"}, {"Posio"}, {"Posio Municipality"}),
        },
    ),
    "funding": (
        {},
        {"funder": "mun:fi-320"},
        {
            "funderLabel": ("Kemijärvi", "Kemijärvi", "City of Kemijärvi"),
            "initiativesLabel": (
                {"Etableringsservice för inflyttare"},
                {"Asettautumispalvelut"},
                {"Settling-in services"},
            ),
        },
    ),
    "sources": (
        {},
        {"source": f"source:{S004}"},
        {
            "sourceLabel": (
                "Kemijärven kaupunginhallitus: osallistuminen Asettautumispalvelut-hankkeeseen",  # no Swedish title
                "Kemijärven kaupunginhallitus: osallistuminen Asettautumispalvelut-hankkeeseen",
                "Kemijärvi city board: taking part in the Settling-in services project",
            ),
            "publisherLabel": ("Kemijärvi", "Kemijärvi", "City of Kemijärvi"),
        },
    ),
    "members": (
        {"association": "Region 10"},
        {"member": "mun:se-2463"},
        {
            "memberLabel": ("Åsele", "Åsele", "Åsele Municipality"),
            "areaLabel": ("Västerbottens län", "Västerbottenin lääni", "Västerbotten County"),
        },
    ),
    "people": (
        {},
        {"person": "person:erik-slottner"},
        {"organisationLabel": ("Regeringen", "Ruotsin hallitus", "Government of Sweden")},
    ),
    "entity": (
        {"entity": "Posio"},
        {"property": "kg:leads"},
        {
            "propertyLabel": ("leder", "johtaa", "leads"),
            "valueLabel": ("Etableringsservice för inflyttare", "Asettautumispalvelut", "Settling-in services"),
        },
    ),
    "collaboration-pairs": (
        {"actor": "Posio"},
        {"actorB": "org:lapin-liitto"},
        {
            "actorALabel": ("Posio", "Posio", "Posio Municipality"),
            "actorBLabel": ("Lapplands förbund", "Lapin liitto", "Regional Council of Lapland"),
            "initiativesLabel": (
                {"Lappland – centrum för smart tillväxt"},
                {"Lappi – viisaan kasvun keskus"},
                {"Lapland – centre of smart growth"},
            ),
        },
    ),
    "active": (
        {"year": "2020"},
        {"initiative": "ini:asettautumispalvelut"},
        {"initiativeLabel": ("Etableringsservice för inflyttare", "Asettautumispalvelut", "Settling-in services")},
    ),
    "by-theme": (
        {"theme": "medborgardialog"},
        {"theme": "th:medborgardialog"},
        {"themeLabel": ("medborgardialog", "asukasosallisuus", "citizen dialogue")},
    ),
    "municipalities-by-area": (
        {"area": "Lappi"},
        {"municipality": "mun:fi-976"},
        {
            "municipalityLabel": ("Övertorneå", "Ylitornio", "Ylitornio (Övertorneå, Finland)"),
            "areaLabel": ("Lappland", "Lappi", "Lapland"),
        },
    ),
    "cross-border": (
        {},
        {"subject": "ini:samverkan-norsjo-osterbotten"},
        {
            "subjectLabel": (
                "Samverkan mellan Norsjö och Österbotten",
                "Norsjön ja Pohjanmaan yhteistyö",
                "Collaboration between Norsjö and Ostrobothnia",
            ),
            "throughLabel": (
                {"Norsjö", "Österbotten"},
                {"Norsjö", "Pohjanmaa"},
                {"Norsjö Municipality", "Ostrobothnia"},
            ),
        },
    ),
    "weak-facts": (
        {"relation": "https://w3id.org/samverkan/def#memberOf"},
        {"subject": "mun:se-2463"},
        {
            "subjectLabel": ("Åsele", "Åsele", "Åsele Municipality"),
            "propertyLabel": ("medlem i", "jäsen", "member of"),
            "objectLabel": ("Region 10", "Region 10", "Region 10"),
        },
    ),
    "search": (
        {"name": "overtornea"},
        {"entity": "mun:fi-976", "match": "Övertorneå"},
        {
            "entityLabel": ("Övertorneå", "Ylitornio", "Ylitornio (Övertorneå, Finland)"),
            "typeLabel": ("kommun", "kunta", "municipality"),
            "areaLabel": ("Lappland", "Lappi", "Lapland"),
        },
    ),
    "ties": (
        {},
        {"actor": "mun:fi-614", "role": "lead"},
        {
            "actorLabel": ("Posio", "Posio", "Posio Municipality"),
            "targetLabel": ("Etableringsservice för inflyttare", "Asettautumispalvelut", "Settling-in services"),
        },
    ),
    "nodes": (
        {},
        {"node": "mun:fi-614"},  # (only the mentioned municipalities are nodes)
        {
            "nodeLabel": ("Posio", "Posio", "Posio Municipality"),
            "typeLabel": ("kommun", "kunta", "municipality"),
            "areaLabel": ("Lappland", "Lappi", "Lapland"),
        },
    ),
}

LABELS["funding-details"] = (
    {},
    {"funder": "mun:fi-320"},
    {
        "funderLabel": ("Kemijärvi", "Kemijärvi", "City of Kemijärvi"),
        "initiativeLabel": ("Etableringsservice för inflyttare", "Asettautumispalvelut", "Settling-in services"),
    },
)

COLUMNS = {
    "initiatives": "initiative initiativeLabel type typeLabel start end leads leadsLabel"
    " participants participantsLabel funders fundersLabel sources sourcesLabel",
    "funding": "funder funderLabel currency year total perYear approximate initiatives initiativesLabel",
    "members": "member memberLabel code country area areaLabel sources sourcesLabel",
    "sources": "source sourceLabel publisher publisherLabel language issued facts",
    "people": "person personLabel organisation organisationLabel roles sources sourcesLabel",
    "entity": "direction property propertyLabel value valueLabel language sources sourcesLabel",
    "collaboration-pairs": "actorA actorALabel actorB actorBLabel shared initiatives initiativesLabel",
    "active": "initiative initiativeLabel start end",
    "by-theme": "theme themeLabel count initiatives initiativesLabel",
    "municipalities-by-area": "area areaLabel municipality municipalityLabel code initiatives",
    "cross-border": "kind subject subjectLabel object countries through throughLabel",
    "weak-facts": "subject subjectLabel property propertyLabel object objectLabel source sourceLabel",
    "search": "entity entityLabel match language type typeLabel country code area areaLabel",
    "ties": "actor actorLabel role target targetLabel start end sources sourcesLabel",
    "nodes": "node nodeLabel kind type typeLabel country area areaLabel start end labels names mentioned",
    "funding-details": "funding fundingLabel initiative initiativeLabel funder funderLabel amount perYear approximate"
    " currency kinds sources sourcesLabel",
}


def test_funding_details_one_row_per_funding_with_amount_kind_and_source(dataset):
    rows = run(dataset, "funding-details").rows
    columns = ("funder", "amount", "perYear", "approximate", "currency", "kinds", "sources")
    found = [tuple(cell(r, c) for c in columns) for r in rows]
    share = ("EUR", "omarahoitusosuus (fi)", "004_7d7d9fe527b1fb8f")
    assert found == [  # the four shares of 004; only Kemijärvi's is exact and has a total
        ("mun:fi-241", None, "5000.0", "true", *share),
        ("mun:fi-320", "7500.0", "5000.0", None, *share),  # no kg:approximate: exact
        ("mun:fi-614", None, "5000.0", "true", *share),
        ("mun:fi-854", None, "5000.0", "true", *share),
    ]


# ---------------------------------------------------------------------------------------- registers
# The two register sources (register-fi-eakr-esr-2014-2020, register-se-interreg-2021-2027): values
# checked against the registers' rows (see tests/test_registers.py for the whole-register sums).
AURORA_LEADS = 39  # lead partners of the 39 Aurora projects with a lead partner in the four northern counties


def test_partners_by_programme_aurora_leads(shipped):
    rows = run(shipped, "partners-by-programme", {"programme": "Interreg Aurora", "role": "lead"}).rows
    assert len(rows) == AURORA_LEADS
    assert {cell(r, "partRole") for r in rows} == {"lead"} and {cell(r, "programme") for r in rows} == {
        "org:interreg-aurora"
    }
    aquila = one(run(shipped, "partners-by-programme", {"programme": "Interreg Aurora"}), project="ini:"
                 "interreg-aurora-regular-aquilanorth", partRole="lead")  # fmt: skip
    assert cell(aquila, "organisation") == "org:sveriges-lantbruksuniversitet"


def test_partners_by_programme_counts_every_role_apart(shipped):
    rows = run(shipped, "partners-by-programme").rows
    roles = Counter((cell(r, "programme"), cell(r, "partRole")) for r in rows)
    # the Finnish list: one beneficiary (lead) per project that names one
    assert roles[("org:kestavaa-kasvua-ja-tyota-2014-2020", "lead")] == 1003
    # the Swedish list: LP 81, PP 250, AP 33 rows in the north, minus the row without a name (a PP)
    swedish = Counter(role for (programme, role), n in roles.items() for _ in range(n) if programme.startswith(
        "org:interreg") or programme == "org:urbact")  # fmt: skip
    assert swedish == {"lead": 81, "partner": 249, "associated": 33}


def test_money_by_organisation_sodankyla_and_lulea_tekniska_universitet(shipped):
    columns = ("recipient", "currency", "kind", "fundingYear", "total", "fundings", "projects")
    sodankyla = run(shipped, "money-by-organisation", {"organisation": "Sodankylä"})
    assert [(*r[1:4], Decimal(r[4]), *r[5:]) for r in table(sodankyla, *columns)] == [
        ("EUR", "granted", "2015", Decimal("252021"), "3", "3")
    ]
    ltu = run(shipped, "money-by-organisation", {"organisation": "Luleå tekniska universitet"})
    assert [(r[3], Decimal(r[4]), r[5]) for r in table(ltu, *columns)] == [
        ("2022", Decimal("1201330.64"), "6"),
        ("2023", Decimal("3683259.05"), "19"),
        ("2024", Decimal("2644357.33"), "14"),
        ("2025", Decimal("3183576.40"), "15"),
        ("2026", Decimal("213707"), "1"),
    ]


def test_money_by_municipality_direct_and_through_its_bodies(shipped):
    rows = run(shipped, "money-by-municipality", {"municipality": "Sodankylä"})
    assert [(cell(r, "via"), cell(r, "fundingYear"), Decimal(cell(r, "total"))) for r in rows.rows] == [
        ("direct", "2015", Decimal("252021"))
    ]
    in_2015 = run(shipped, "money-by-municipality", {"year": "2015"}).rows
    assert len(in_2015) == 27 and {cell(r, "fundingYear") for r in in_2015} == {"2015"}


def test_cross_county_partners_of_lansstyrelsen_i_norrbottens_lan(shipped):
    rows = run(shipped, "cross-county-partners", {"organisation": "Länsstyrelsen i Norrbottens län"}).rows
    top = rows[0]
    assert (cell(top, "organisationB"), cell(top, "areaA"), cell(top, "areaB"), cell(top, "shared")) == (
        "org:lansstyrelsen-i-vasterbottens-lan", "area:se-25", "area:se-24", "6"
    )  # fmt: skip
    assert all(cell(r, "crossBorder") == "false" for r in rows)
    # the registers list one Finnish beneficiary per project and only the Swedish Interreg partners:
    # no pair of partners from the two countries shares a project in them
    assert run(shipped, "cross-county-partners", {"border": "yes"}).rows == []


def test_municipality_projects_of_lycksele_directly_and_through_region_10(shipped):
    rows = run(shipped, "municipality-projects", {"municipality": "Lycksele"})
    assert table(rows, "initiative", "via", "body", "partRole") == [
        ("ini:civilministerns-besok-i-lycksele-2024", "direct", "mun:se-2481", "partner"),
        ("ini:region-10-pilotregion", "direct", "mun:se-2481", "partner"),
        ("ini:region-10-pilotregion", "member of", "org:region-10", "lead"),
    ]


LABELS["partners-by-programme"] = (
    {"programme": "Interreg Aurora", "role": "lead"},
    {"project": "ini:interreg-aurora-regular-aquilanorth"},
    {"organisationLabel": ("Sveriges lantbruksuniversitet",) * 3},
)  # fmt: skip
LABELS["money-by-organisation"] = (
    {"organisation": "Sodankylä"},
    {"fundingYear": "2015"},
    {"recipientLabel": ("Sodankylä", "Sodankylä", "Sodankylä Municipality")},
)
LABELS["money-by-municipality"] = (
    {"municipality": "Sodankylä"},
    {"fundingYear": "2015"},
    {"placeLabel": ("Sodankylä", "Sodankylä", "Sodankylä Municipality")},
)
LABELS["cross-county-partners"] = (
    {"organisation": "Länsstyrelsen i Norrbottens län"},
    {"organisationB": "org:lansstyrelsen-i-vasterbottens-lan"},
    {"areaALabel": ("Norrbottens län", "Norrbottenin lääni", "Norrbotten County")},
)
LABELS["municipality-projects"] = (
    {"municipality": "Lycksele"},
    {"via": "member of"},
    {"bodyLabel": ("Region 10", "Region 10", "Region 10")},
)
COLUMNS["partners-by-programme"] = (
    "programme programmeLabel project projectLabel organisation organisationLabel partRole"
)
COLUMNS["money-by-organisation"] = "recipient recipientLabel currency kind fundingYear total fundings projects"
COLUMNS["money-by-municipality"] = "place placeLabel via currency kind fundingYear total fundings"
COLUMNS["cross-county-partners"] = (
    "organisationA organisationALabel areaA areaALabel organisationB organisationBLabel areaB areaBLabel"
    " crossBorder shared initiatives initiativesLabel"
)
COLUMNS["municipality-projects"] = "initiative initiativeLabel via body bodyLabel partRole"


def store_for(request, name):
    return request.getfixturevalue("shipped" if name in REGISTER_QUERIES else "dataset")


def test_every_shipped_query_is_tested():
    assert set(available()) == set(LABELS) == set(COLUMNS)


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns(request, name):
    assert run(store_for(request, name), name, LABELS[name][0]).variables == COLUMNS[name].split()


@pytest.mark.parametrize("name", sorted(LABELS))
def test_labels_follow_the_language(request, name):
    params, key, expected = LABELS[name]
    store = store_for(request, name)
    for index, lang in enumerate(("sv", "fi", "en")):
        row = one(run(store, name, params, lang=lang), **key)
        labels = {
            column: set(str(row[column]).split("; ")) if isinstance(values[index], set) else str(row[column])
            for column, values in expected.items()
        }
        assert labels == {column: values[index] for column, values in expected.items()}, lang
