"""Relations read from a clause's structure (kg.ingest.clauses): each kind on sentences written
for the purpose, with made-up project, event and association names (the municipalities and
regional bodies are the reference data's)."""

from __future__ import annotations

import pytest

from kg.ingest.clauses import LEXICON, finnish_case, finnish_verb, same_clause, split_clauses, swedish_verb


@pytest.fixture(scope="module")
def reader(reference_only):
    """One loaded reader over the reference data alone (conftest's ``reference_only``), shared by the module's texts."""
    from kg.ingest.pipeline import reader_for

    return reader_for(reference_only, "text")


def relations(reader, tmp_path, text: str, lang: str) -> set[tuple[str, str, str]]:
    from kg.ingest import propose

    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    p = propose(path, lang=lang, reader=reader)
    return {(p.entities[r.subject].name, r.relation, p.entities[r.object].name) for r in p.relations}


CASES = [
    # lead: the object of a Finnish relative clause (jota X johtaa), the agent of toimesta
    (
        "fi",
        "Yliopisto mukana\n\nLapin liitto esitteli Pohjoinen polku -hanketta, jota Lapin yliopisto johtaa.\n",
        {("Lapin yliopisto", "leads", "Pohjoinen polku")},
        set(),
    ),
    (
        "fi",
        "Reitit kuntoon\n\nLapin liitto käynnisti Saamenmaan reitit -hankkeen. "
        "Hanke toteutetaan Utsjoen kunnan toimesta.\n",
        {("Utsjoki", "leads", "Saamenmaan reitit")},
        set(),
    ),
    (
        "sv",
        "Nytt projekt i Malå\n\nMalå kommun har beslutat att leda projektet Fjällglöd.\n",
        {("Malå", "leads", "Fjällglöd")},
        set(),
    ),
    # lead: the owner in the adessive of olla (X:llä on hanke); the antecedent object of som (X, som Y driver)
    (
        "fi",
        "Kultareitti käyntiin\n\nInarin kunnalla on Kultareitti-hanke.\n",
        {("Inari", "leads", "Kultareitti")},
        set(),
    ),
    (
        "sv",
        "Fjällvind i Boden\n\nProjektet Fjällvind, som Bodens kommun äger, fick också stöd.\n",
        {("Boden", "leads", "Fjällvind")},
        set(),
    ),
    # take part: där + medverkar (the antecedent), not a leader by the nearest-actor cue
    (
        "sv",
        "Fiske i fjällen\n\nFöreningen Tärnafiske ansvarar för förstudien Fiskevatten, "
        "där även Storumans kommun medverkar.\n",
        {("Storuman", "participatesIn", "Fiskevatten")},
        {("Storuman", "leads", "Fiskevatten")},
    ),
    (
        "fi",
        "Matkailu kasvaa\n\nEnontekiön kunta osallistuu Tunturimatkailu-hankkeeseen.\n",
        {("Enontekiö", "participatesIn", "Tunturimatkailu")},
        set(),
    ),
    (
        "fi",
        "Revontuli etenee\n\nKolarin kunta hallinnoi Revontuli-hanketta. "
        "Hanke toteutetaan yhteistyössä Muonion kunnan ja Pellon kunnan kanssa.\n",
        {("Muonio", "participatesIn", "Revontuli"), ("Pello", "participatesIn", "Revontuli")},
        {("Muonio", "leads", "Revontuli"), ("Pello", "leads", "Revontuli")},
    ),
    # the supine after har is active (har medverkat i), not a passive participle
    (
        "sv",
        "Ådalslyftet avslutas\n\nRegion Västernorrland leder projektet Ådalslyftet. "
        "Sollefteå kommun har medverkat i projektet sedan starten.\n",
        {("Sollefteå", "participatesIn", "Ådalslyftet")},
        set(),
    ),
    # fund: ge stöd after an auxiliary chain; tukea with a kind word that refers back; sekä … että
    (
        "sv",
        "Stöd till matprojekt\n\nRegion Jämtland Härjedalen har beslutat att ge stöd till projektet Fjällmat.\n",
        {("Region Jämtland Härjedalen", "funds", "Fjällmat")},
        set(),
    ),
    (
        "fi",
        "Ohjelma hyväksyttiin\n\nKainuun liitto koordinoi Kainuun maakuntaohjelmaa. "
        "Ohjelmaa tukee Euroopan aluekehitysrahasto.\n",
        {("Euroopan aluekehitysrahasto", "funds", "Kainuun maakuntaohjelma")},
        set(),
    ),
    (
        "fi",
        "Reitit kuntoon\n\nUtsjoen kunta käynnisti Saamenmaan reitit -hankkeen. "
        "Sitä rahoittavat sekä Lapin liitto että Euroopan aluekehitysrahasto.\n",
        {
            ("Lapin liitto", "funds", "Saamenmaan reitit"),
            ("Euroopan aluekehitysrahasto", "funds", "Saamenmaan reitit"),
        },
        set(),
    ),
    # a funder's clause: who takes part after ", ja siihen osallistuvat" pays nothing
    (
        "fi",
        "Uusi hanke\n\nSallan kunta hallinnoi Tunturipolku-hanketta. "
        "Hanketta rahoittaa Lapin liitto, ja siihen osallistuvat Kemijärven kaupunki ja Pellon kunta.\n",
        {("Lapin liitto", "funds", "Tunturipolku"), ("Pello", "participatesIn", "Tunturipolku")},
        {("Pello", "funds", "Tunturipolku"), ("Kemijärvi", "funds", "Tunturipolku")},
    ),
    # a parenthesis is a clause of its own; the funder after it belongs to the outer clause
    (
        "sv",
        "Nytt samarbete\n\nProjektet Fjällglöd drivs av Malå kommun. Det finansieras av Svenska ESF-rådet "
        "(en myndighet som arbetar på uppdrag av Arbetsmarknadsdepartementet) samt Region Västerbotten.\n",
        {("Region Västerbotten", "funds", "Fjällglöd"), ("Svenska ESF-rådet", "funds", "Fjällglöd")},
        {("Arbetsmarknadsdepartementet", "funds", "Fjällglöd")},
    ),
    # organise: a passive's agent
    (
        "sv",
        "Möte i Umeå\n\nKonferensen Norrlandsdagen 2024 anordnas av Region Västerbotten i Umeå.\n",
        {("Region Västerbotten", "organises", "Norrlandsdagen 2024")},
        {("Umeå", "organises", "Norrlandsdagen 2024")},
    ),
    # member: one member (Finnish illative; a Swedish subject carried over by its kind word)
    (
        "fi",
        "Kunta mukana\n\nPellon kunta kuuluu Tornionlaakson kuntayhtymään.\n",
        {("Pello", "memberOf", "Tornionlaakson kuntayhtymä")},
        set(),
    ),
    (
        "sv",
        "Sorsele satsar\n\nSorsele kommun har en lång tradition av samverkan. "
        "Kommunen är medlem i föreningen Vindelälvens Vänner.\n",
        {("Sorsele", "memberOf", "Vindelälvens Vänner")},
        set(),
    ),
    # located: the initiative a kind word refers to, the places in a local case / after i, listed
    (
        "fi",
        "Jokivarsi etenee\n\nTornionlaakson kuntayhtymä hallinnoi Jokivarsi-hanketta. "
        "Hanke sijaitsee Pellossa ja Ylitorniolla.\n",
        {("Jokivarsi", "locatedIn", "Pello"), ("Jokivarsi", "locatedIn", "Ylitornio")},
        set(),
    ),
    (
        "sv",
        "Bygdeby växer\n\nProjektet Bygdeby ligger i Vilhelmina kommun.\n",
        {("Bygdeby", "locatedIn", "Vilhelmina")},
        set(),
    ),
    # present: the event of a sentence before (Swedish verb-second order; Finnish by case)
    (
        "sv",
        "Konferens i Umeå\n\nKonferensen Norrlandsdagen 2024 hålls i Umeå i maj. "
        "På konferensen talar Per Holmström från Region Västerbotten.\n",
        {("Per Holmström", "presentsAt", "Norrlandsdagen 2024")},
        set(),
    ),
    # owners are members; a kind word carries the actor of its kind over (Bolaget: the company)
    (
        "sv",
        "Nytt bolag i Tornedalen\n\nHaparanda kommun, Övertorneå kommun och Pajala kommun äger bolaget "
        "Tornedalens Turism AB. Bolaget samarbetar i projektet Älvriket.\n",
        {
            ("Haparanda", "memberOf", "Tornedalens Turism AB"),
            ("Pajala", "memberOf", "Tornedalens Turism AB"),
            ("Tornedalens Turism AB", "participatesIn", "Älvriket"),
        },
        {("Haparanda", "participatesIn", "Älvriket")},
    ),
    (
        "fi",
        "Matkailuyhtiö perustettiin\n\nEnontekiön kunta ja Kittilän kunta omistavat Tunturi-Lapin Matkailu Oy:n. "
        "Kunnanhallitus päätti, että Enontekiön kunta liittyy yhtiön osakkaaksi.\n",
        {("Enontekiö", "memberOf", "Tunturi-Lapin Matkailu Oy"), ("Kittilä", "memberOf", "Tunturi-Lapin Matkailu Oy")},
        {("Enontekiö", "memberOf", "Enontekiön kunnanhallitus")},
    ),
    # who chairs an event leads it; a lecturer presents at it
    (
        "sv",
        "Seminarium i Luleå\n\nSeminariet Framtidsbyn hölls i Luleå. Seminariet leddes av Anna Holmqvist. "
        "Därefter föreläste Per Lindström.\n",
        {("Anna Holmqvist", "leads", "Framtidsbyn"), ("Per Lindström", "presentsAt", "Framtidsbyn")},
        set(),
    ),
    # lists on the subject's end: både A och B
    (
        "sv",
        "Bygdeby växer\n\nBåde Vilhelmina kommun och Dorotea kommun deltar i projektet Bygdeby.\n",
        {("Vilhelmina", "participatesIn", "Bygdeby"), ("Dorotea", "participatesIn", "Bygdeby")},
        set(),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected", "not_expected"), CASES)
def test_relations_from_the_clause(reader, tmp_path, lang, text, expected, not_expected):
    found = relations(reader, tmp_path, text, lang)
    assert expected <= found, found
    assert not found & not_expected


def test_takes_place_is_no_owner(reader, tmp_path):
    """``äger rum`` (takes place) owns nothing."""
    text = "Forum i Luleå\n\nProjektet Värmebro presenteras på ett forum. Forumet äger rum i Luleå kommun.\n"
    found = relations(reader, tmp_path, text, "sv")
    assert not {r for r in found if r[1] == "leads"}


def test_the_lexicon_names_each_kind_in_both_languages():
    kinds = {(e.lang, e.relation) for e in LEXICON}
    for relation in ("leads", "participatesIn", "funds", "organises", "memberOf", "locatedIn", "presentsAt"):
        assert {("sv", relation), ("fi", relation)} <= kinds


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("leds", ("leda", "passive")),
        ("finansierat", ("finansiera", "participle")),
        ("samordnar", ("samordna", "active")),
        ("deltog", ("delta", "active")),
        ("ingår", ("ingå", "active")),
        ("anordnas", ("anordna", "passive")),
        ("medverkade", ("medverka", "active")),
        ("genomförs", ("genomföra", "passive")),
        ("deltagare", None),
        ("finansiering", None),
    ],
)
def test_swedish_verb_forms_through_the_lemma(word, expected):
    assert swedish_verb(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hallinnoi", ("hallinnoida", "active")),
        ("hallinnoima", ("hallinnoida", "participle")),
        ("rahoitetaan", ("rahoittaa", "passive")),
        ("järjestävät", ("järjestää", "active")),
        ("kuuluu", ("kuulua", "active")),
        ("rahoitus", None),
    ],
)
def test_finnish_verb_forms_by_voikko(word, expected):
    if finnish_verb("hallinnoi") is None:
        pytest.skip("Voikko is not installed")
    assert finnish_verb(word) == expected


def test_finnish_case_of_names_voikko_does_not_know():
    assert finnish_case("Centria:n") == "omanto"
    assert finnish_case("Fjällglöd-hankkeeseen") == "sisatulento"
    assert finnish_case("Oulu:ssa") == "sisaolento"


def test_clauses_of_a_sentence():
    import spacy

    sv = spacy.blank("sv")("Projektet leds av Malå kommun, som deltar; Sorsele kommun (en partner) finansierar.")
    spans = [sv[a:b].text for a, b in split_clauses(sv, "sv")]
    assert spans == [
        "Projektet leds av Malå kommun",
        "som deltar",
        "Sorsele kommun (en partner) finansierar.",
        "en partner",
    ]
    fi = spacy.blank("fi")("Hanketta hallinnoi Sallan kunta, jota tukee Lapin liitto, mutta Pello ei osallistu.")
    assert [fi[a:b].text for a, b in split_clauses(fi, "fi")] == [
        "Hanketta hallinnoi Sallan kunta",
        "jota tukee Lapin liitto",
        "mutta Pello ei osallistu.",
    ]
    assert same_clause(fi, "fi", 0, 3) and not same_clause(fi, "fi", 0, 7)
