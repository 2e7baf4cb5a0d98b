"""Ends of relations a text names without a proper name (kg.ingest.ends): each kind on sentences
written for the purpose, with made-up plan, project, agreement and event names (the municipalities
and regional bodies are the reference data's)."""

from __future__ import annotations

import pytest

from kg.ingest.ends import refers_to_event


@pytest.fixture(scope="module")
def reader(reference_only):
    """One loaded reader over the reference data alone (conftest's ``reference_only``), shared by the module's texts."""
    from kg.ingest.pipeline import reader_for

    return reader_for(reference_only, "text")


def read(reader, tmp_path, text: str, lang: str):
    from kg.ingest import propose

    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    p = propose(path, lang=lang, reader=reader)
    entities = {(e.kind, e.name) for e in p.entities.values()}
    relations = {(p.entities[r.subject].name, r.relation, p.entities[r.object].name) for r in p.relations}
    return p, entities, relations


CASES = [
    # a municipality's own plan told by a lower-case compound: named after it, led by it, located in it
    (
        "fi",
        "Uutta Sallassa\n\nSallan kunnassa on laadittu uusi elinvoimaohjelma, jolla kuntaa kehitetään.\n",
        {("Strategy", "Sallan elinvoimaohjelma")},
        {("Salla", "leads", "Sallan elinvoimaohjelma"), ("Sallan elinvoimaohjelma", "locatedIn", "Salla")},
    ),
    (
        "sv",
        "Nytt i Malå\n\nMalå kommun har beslutat om en ny handlingsplan för besöksnäringen.\n",
        {("Strategy", "Malå kommuns handlingsplan")},
        {("Malå", "leads", "Malå kommuns handlingsplan"), ("Malå kommuns handlingsplan", "locatedIn", "Malå")},
    ),
    # a project told by what it is about: a bare projekt by its complement, a compound by itself
    (
        "sv",
        "Nytt i Malå\n\nMalå kommun ska framöver driva ett projekt kring medborgardialog för äldre, "
        "i syfte att pröva nya former.\n",
        {("Project", "Medborgardialog för äldre")},
        {("Malå", "leads", "Medborgardialog för äldre"), ("Medborgardialog för äldre", "locatedIn", "Malå")},
    ),
    (
        "sv",
        "Nytt i Malå\n\nMalå kommun har infört nya e-tjänster. Kommunen har också startat en "
        "samverkansplattform för nyanlända.\n",
        {("CollaborationPlatform", "Samverkansplattform för nyanlända")},
        {("Malå", "leads", "Samverkansplattform för nyanlända")},
    ),
    (
        "sv",
        "Forskning i Lycksele\n\nProfessor Anna Fjällström berättade om forskningsprojektet kring lokal "
        "demokrati och metoder för dialog.\n",
        {("ResearchProject", "Forskningsprojekt kring lokal demokrati och metoder för dialog")},
        set(),
    ),
    # who starts an initiative alone leads it; several who start it together take part in it
    (
        "sv",
        "Nytt i Malå\n\nMalå kommun och Norsjö kommun startar projektet Fjällglöd.\n",
        {("Project", "Fjällglöd")},
        {("Malå", "participatesIn", "Fjällglöd"), ("Norsjö", "participatesIn", "Fjällglöd")},
    ),
    # a collaboration and an agreement, with the parties between whom they are
    (
        "sv",
        "Samarbete\n\nSamarbetet kring kollektivtrafik mellan Malå och Norsjö fortsätter. "
        "Region Västerbotten finansierar samarbetet.\n",
        {("Initiative", "Samarbete kring kollektivtrafik")},
        {
            ("Malå", "participatesIn", "Samarbete kring kollektivtrafik"),
            ("Norsjö", "participatesIn", "Samarbete kring kollektivtrafik"),
            ("Region Västerbotten", "funds", "Samarbete kring kollektivtrafik"),
        },
    ),
    (
        "sv",
        "Nytt avtal\n\nMalå kommun och Norsjö kommun har tecknat ett avtal om gemensam räddningstjänst.\n",
        {("Initiative", "Avtal om gemensam räddningstjänst")},
        {
            ("Malå", "participatesIn", "Avtal om gemensam räddningstjänst"),
            ("Norsjö", "participatesIn", "Avtal om gemensam räddningstjänst"),
        },
    ),
    (
        "fi",
        "Sopimus\n\nSallan kunta ja Pellon kunta allekirjoittivat sopimuksen yhteisestä jätehuollosta.\n",
        {("Initiative", "Sopimus yhteisestä jätehuollosta")},
        {
            ("Salla", "participatesIn", "Sopimus yhteisestä jätehuollosta"),
            ("Pello", "participatesIn", "Sopimus yhteisestä jätehuollosta"),
        },
    ),
    # an event named before its kind word written apart after a dash, held where the sentence says
    (
        "fi",
        "Seminaari Kolarissa\n\nTunturin kesä -seminaari järjestetään Kolarissa 5.6.2024. "
        "Seminaarin järjestää Lapin liitto.\n",
        {("Seminar", "Tunturin kesä -seminaari")},
        {
            ("Tunturin kesä -seminaari", "locatedIn", "Kolari"),
            ("Lapin liitto", "organises", "Tunturin kesä -seminaari"),
        },
    ),
]


@pytest.mark.parametrize(("lang", "text", "entities", "relations"), CASES, ids=[c[1][:40] for c in CASES])
def test_ends_without_a_proper_name(reader, tmp_path, lang, text, entities, relations):
    _, found, related = read(reader, tmp_path, text, lang)
    assert entities <= found
    assert relations <= related


def test_several_who_start_it_do_not_lead_it(reader, tmp_path):
    text = "Nytt i Malå\n\nMalå kommun och Norsjö kommun startar projektet Fjällglöd.\n"
    _, _, related = read(reader, tmp_path, text, "sv")
    assert not {r for r in related if r[1] == "leads"}


def test_a_dashed_event_has_the_sentences_day(reader, tmp_path):
    text = "Seminaari Kolarissa\n\nTunturin kesä -seminaari järjestetään Kolarissa 5.6.2024.\n"
    p, _, _ = read(reader, tmp_path, text, "fi")
    event = next(e for e in p.entities.values() if e.name == "Tunturin kesä -seminaari")
    assert event.start == "2024-06-05"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a programme of the EU or the state is no municipality's own plan
        ("fi", "Rahoitus\n\nSallan kunnan Pohjoinen polku -hanke saa rahoitusta maaseutuohjelmasta.\n"),
        ("sv", "Finansiering\n\nMalå kommun söker medel ur regionalfondsprogrammet.\n"),
        # a bare kind word names no plan
        ("fi", "Suunnitelma\n\nSallan kunnassa on laadittu suunnitelma.\n"),
    ],
)
def test_no_plan_that_is_not_the_municipalitys_own(reader, tmp_path, lang, text):
    _, found, _ = read(reader, tmp_path, text, lang)
    assert not {name for kind, name in found if kind == "Strategy"}


def test_a_definite_collaboration_without_parties_refers_back(reader, tmp_path):
    text = (
        "Seminarium\n\nProjektledare Anna Fjällström berättade om det nya samarbetet kring "
        "hållbar planering och de aktiviteter som erbjuds.\n"
    )
    _, found, _ = read(reader, tmp_path, text, "sv")
    assert not any(name.startswith("Samarbete") for _, name in found)


def test_a_complement_ends_before_a_second_thing_and_a_place(reader, tmp_path):
    text = "Nytt i Malå\n\nMalå kommun driver ett projekt om digital service i Malå och de byar som finns.\n"
    _, found, _ = read(reader, tmp_path, text, "sv")
    assert ("Project", "Digital service") in found


def test_hanke_refers_back_to_the_project_not_to_the_plan(reader, tmp_path):
    text = (
        "Pohjoinen polku\n\nPohjoinen polku -hanke sai rahoituksen.\n\n"
        "Hankkeen tavoitteena on toteuttaa Sallan kunnassa laadittua toimintasuunnitelmaa.\n\n"
        "Hanketta toteutetaan 1.9.2024 – 31.1.2026.\n"
    )
    p, found, _ = read(reader, tmp_path, text, "fi")
    dated = {e.name: (e.start, e.end) for e in p.entities.values() if e.start}
    assert dated.get("Pohjoinen polku") == ("2024-09-01", "2026-01-31")
    assert not any(kind == "Strategy" and name in dated for kind, name in found)


def test_the_seminar_is_led_not_the_project_before_it(reader, tmp_path):
    text = (
        "Seminarium i Kiruna\n\nVid seminariet berättade professor Anna Fjällström om forskningsprojektet "
        "kring lokal demokrati. Seminariet leddes av Per Lindqvist, avdelningschef vid Norrbottens Kommuner.\n"
    )
    _, _, related = read(reader, tmp_path, text, "sv")
    assert not {r for r in related if r[0] == "Per Lindqvist" and r[1] == "leads" and r[2].startswith("Forsk")}


def test_refers_to_event():
    assert refers_to_event("Kokous pidettiin Sallassa.")
    assert not refers_to_event("Hanke käynnistyy syksyllä.")
