"""Every municipality and public body that the five seed texts (../shared/seeds) and the twelve
development texts (../shared/ingest-dev) name is found by `kg query search`, by its name as the
text writes it, ignoring case and diacritics.

The list below was made by reading the texts. Each entry gives the form as it stands in the text,
the form to search by (the same, or the base form where the text inflects a Finnish or Swedish
name: "Lapin liitolta" is searched as "Lapin liitto"; inflected forms themselves are the business
of the spreadsheet import), and the entity that must be among the hits. Companies, associations of
private members and committees of a body are not in the list; areas are, where a text names one.
The first test checks against the texts that each form is really written there (skipped where
../shared is absent); the others need only the shipped data.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query.library import get
from kg.query.sparql import execute
from kg.query.stores import fast_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
ID = "https://w3id.org/samverkan/id/"
S = "seeds/"
D = "ingest-dev/"
DEV_01 = D + "01_sv_gallivare-move-on-up.txt"
DEV_02 = D + "02_sv_kramfors-hso-pressmeddelande.txt"
DEV_03 = D + "03_sv_haparanda-foretagsklimat-tornedalen.txt"
DEV_04 = D + "04_sv_nordkalottradet-interreg-konferens-skelleftea.txt"
DEV_05 = D + "05_sv_regionjh-run-2023-12-12-leader.txt"
DEV_06 = D + "06_sv_regionvasterbotten-run-projektmedel.txt"
DEV_07 = D + "07_fi_kokkola-kh-industrywins-kuntavastinrahoitus.txt"
DEV_08 = D + "08_fi_enontekio-kh-matkailun-alueorganisaatio.txt"
DEV_09 = D + "09_fi_kajaani-oulujoki-vesistovisio-sitoutuminen.txt"
DEV_10 = D + "10_fi_kuusamo-tulevaisuustoimiala-work-and-stay.txt"
DEV_11 = D + "11_fi_kainuunliitto-maakuntahallitus-tiedote-2015-06-22.txt"
DEV_12 = D + "12_fi_utsjoki-rakennemuutos-akke-rahoitus.txt"
SEED_000 = S + "000_d0f522aa97cf2385.txt"
SEED_001 = S + "001_fd9fc37229e934b4.txt"
SEED_002 = S + "002_a5796a7650f19841.txt"
SEED_003 = S + "003_0b4daf96cdb52fb1.txt"
SEED_004 = S + "004_7d7d9fe527b1fb8f.txt"

# (text, as written in it, searched by, expected entity)
NAMES = [
    (SEED_000, "Pajala kommun", "Pajala kommun", "municipality/se-2521"),
    (SEED_000, "Europeiska socialfonden", "Europeiska socialfonden", "org/esf"),
    (SEED_000, "ESF", "ESF", "org/esf"),
    (SEED_000, "Lapplands kommunalförbund", "Lapplands kommunalförbund", "org/lapplands-kommunalforbund"),
    (SEED_000, "Region Norrbotten", "Region Norrbotten", "org/region-norrbotten"),
    (SEED_000, "Övertorneå kommun", "Övertorneå kommun", "municipality/se-2518"),
    (SEED_000, "Norrbotten", "Norrbotten", "area/se-25"),
    (SEED_001, "Lycksele kommun", "Lycksele kommun", "municipality/se-2481"),
    (SEED_001, "Region 10", "Region 10", "org/region-10"),
    (SEED_001, "Arvidsjaur", "Arvidsjaur", "municipality/se-2505"),
    (SEED_001, "Arjeplog", "Arjeplog", "municipality/se-2506"),
    (SEED_001, "Dorotea", "Dorotea", "municipality/se-2425"),
    (SEED_001, "Malå", "Malå", "municipality/se-2418"),
    (SEED_001, "Norsjö", "Norsjö", "municipality/se-2417"),
    (SEED_001, "Sorsele", "Sorsele", "municipality/se-2422"),
    (SEED_001, "Storuman", "Storuman", "municipality/se-2421"),
    (SEED_001, "Vilhelmina", "Vilhelmina", "municipality/se-2462"),
    (SEED_001, "Åsele", "Åsele", "municipality/se-2463"),
    (SEED_001, "regeringen", "regeringen", "org/regeringen"),
    (SEED_001, "Västerbotten", "Västerbotten", "area/se-24"),
    (SEED_002, "Norsjö kommun", "Norsjö kommun", "municipality/se-2417"),
    (SEED_002, "Skellefteås", "Skellefteå", "municipality/se-2482"),
    (SEED_002, "Österbotten", "Österbotten", "area/fi-15"),
    (SEED_003, "Kiruna", "Kiruna", "municipality/se-2584"),
    (SEED_003, "Norrbottens Kommuner", "Norrbottens Kommuner", "org/norrbottens-kommuner"),
    (SEED_003, "Formasfinansierade", "Formas", "org/formas"),
    (SEED_004, "Kemijärven kaupunki", "Kemijärvi", "municipality/fi-320"),
    (SEED_004, "Posion kunta", "Posio", "municipality/fi-614"),
    (SEED_004, "Keminmaa", "Keminmaa", "municipality/fi-241"),
    (SEED_004, "Pello", "Pello", "municipality/fi-854"),
    (SEED_004, "ELY-keskuksen", "ELY-keskus", "org/ely-keskus"),
    (SEED_004, "Lapin liiton", "Lapin liitto", "org/lapin-liitto"),
    (DEV_01, "Gällivare kommun", "Gällivare kommun", "municipality/se-2523"),
    (DEV_01, "Jokkmokk", "Jokkmokk", "municipality/se-2510"),
    (DEV_01, "Kiruna", "Kiruna", "municipality/se-2584"),
    (DEV_01, "Överkalix", "Överkalix", "municipality/se-2513"),
    (DEV_01, "Svenska ESF-rådet", "Svenska ESF-rådet", "org/svenska-esf-radet"),
    (DEV_01, "Arbetsmarknadsdepartementet", "Arbetsmarknadsdepartementet",
     "org/arbetsmarknadsdepartementet"),
    (DEV_01, "Socialdepartementet", "Socialdepartementet", "org/socialdepartementet"),
    (DEV_01, "Region Norrbotten", "Region Norrbotten", "org/region-norrbotten"),
    (DEV_02, "Strukturfondspartnerskapet i mellersta Norrland",
     "Strukturfondspartnerskapet i mellersta Norrland", "org/strukturfondspartnerskapet-i-mellersta-norrland"),
    (DEV_02, "Region Västernorrland", "Region Västernorrland",
     "org/region-vasternorrland"),
    (DEV_02, "Härnösands kommun", "Härnösands kommun", "municipality/se-2280"),
    (DEV_02, "Västernorrlands", "Västernorrland", "area/se-22"),
    (DEV_03, "Haparanda", "Haparanda", "municipality/se-2583"),
    (DEV_03, "Övertorneå", "Övertorneå", "municipality/se-2518"),
    (DEV_03, "Pajala", "Pajala", "municipality/se-2521"),
    (DEV_03, "Regeringen", "Regeringen", "org/regeringen"),
    (DEV_04, "Interreg Nord", "Interreg Nord", "org/interreg-nord"),
    (DEV_04, "Interreg Botnia-Atlantica",
     "Interreg Botnia-Atlantica", "org/interreg-botnia-atlantica"),
    (DEV_04, "Interreg Aurora", "Interreg Aurora",
     "org/interreg-aurora"),
    (DEV_04, "Interreg", "Interreg", "org/interreg"),
    (DEV_04, "Skellefteå", "Skellefteå", "municipality/se-2482"),
    (DEV_05, "Region Jämtland Härjedalen", "Region Jämtland Härjedalen",
     "org/region-jamtland-harjedalen"),
    (DEV_05, "Jordbruksverket", "Jordbruksverket", "org/jordbruksverket"),
    (DEV_05, "Leader", "Leader", "org/leader"),
    (DEV_06, "Region Västerbotten", "Region Västerbotten",
     "org/region-vasterbotten"),
    (DEV_06, "Luleå tekniska universitet", "Luleå tekniska universitet",
     "org/lulea-tekniska-universitet"),
    (DEV_06, "Umeå universitet", "Umeå universitet", "org/umea-universitet"),
    (DEV_06, "1:1-medel", "1:1-medel", "org/regionala-tillvaxtatgarder"),
    (DEV_06, "Västerbotten", "Västerbotten", "area/se-24"),
    (DEV_07, "Kokkolan kaupunki", "Kokkola", "municipality/fi-272"),
    (DEV_08, "Enontekiön", "Enontekiö", "municipality/fi-047"),
    (DEV_08, "Muonion", "Muonio", "municipality/fi-498"),
    (DEV_09, "Kajaanin kaupunki", "Kajaani", "municipality/fi-205"),
    (DEV_09, "EAKR", "EAKR", "org/erdf"),
    (DEV_10, "Kuusamon kaupungin", "Kuusamo", "municipality/fi-305"),
    (DEV_10, "Posion kunta", "Posio", "municipality/fi-614"),
    (DEV_10, "Pudasjärven kaupunki", "Pudasjärvi",
     "municipality/fi-615"),
    (DEV_10, "Puolangan kunta", "Puolanka", "municipality/fi-620"),
    (DEV_10, "Taivalkosken kunta", "Taivalkoski",
     "municipality/fi-832"),
    (DEV_11, "Kainuun liitto", "Kainuun liitto",
     "org/kainuun-liitto"),
    (DEV_11, "Kainuu", "Kainuu", "area/fi-18"),
    (DEV_11, "Kajaanissa", "Kajaani", "municipality/fi-205"),
    (DEV_11, "Luonnonvarakeskuksen", "Luonnonvarakeskus",
     "org/luonnonvarakeskus"),
    (DEV_11, "Barentsin alueneuvoston",
     "Barentsin alueneuvosto", "org/barentsin-alueneuvosto"),
    (DEV_11, "Visit Finland", "Visit Finland",
     "org/visit-finland"),
    (DEV_12, "Utsjoen kunta", "Utsjoki", "municipality/fi-890"),
    (DEV_12, "Lapin liitolta", "Lapin liitto", "org/lapin-liitto"),
    (DEV_12, "AKKE", "AKKE", "org/akke"),
    (DEV_12, "Alueiden kestävän kasvun ja elinvoiman tukeminen",
     "Alueiden kestävän kasvun ja elinvoiman tukeminen", "org/akke"),
]  # fmt: skip


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def test_every_form_is_written_in_its_text():
    if not SHARED.is_dir():
        pytest.skip(f"no texts at {SHARED}")
    texts = {path for path, *_ in NAMES}
    assert len([t for t in texts if t.startswith(S)]) == 5 and len([t for t in texts if t.startswith(D)]) == 12
    for path, written, _, _ in NAMES:
        assert _fold(written) in _fold((SHARED / path).read_text(encoding="utf-8")), (path, written)


@pytest.fixture(scope="module")
def store(dataset):
    return fast_store(dataset)  # what `kg query` runs on: an in-memory Oxigraph copy of the graph


@pytest.mark.parametrize(("name", "expected"), sorted({(n[2], n[3]) for n in NAMES}))
def test_found_by_search(store, name, expected):
    rows = execute(store, get("search"), {"name": name}, lang="sv").rows
    assert ID + expected in {str(row["entity"]) for row in rows}


@pytest.mark.parametrize("name", ["LAPIN ELY-KESKUS", "harnosands kommun", "ALUEIDEN KESTAVAN KASVUN"])
def test_found_ignoring_case_and_diacritics(store, name):
    assert execute(store, get("search"), {"name": name}, lang="sv").rows


def test_found_by_the_command(built):
    result = CliRunner().invoke(
        app, ["query", "search", "-p", "name=luonnonvarakeskus", "--graph", str(built.output), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert ID + "org/luonnonvarakeskus" in result.output


def test_networks_leave_out_uninvolved_reference_entities(dataset):
    """The hundreds of reference municipalities and bodies that no source names are no nodes."""
    from kg.analysis.network import actor_graph, bipartite_graph

    for graph in (actor_graph(dataset), bipartite_graph(dataset)):
        assert all(data["mentioned"] for _, data in graph.nodes(data=True))
        # (Interreg Aurora is no longer among them: 04_sv_nordkalottradet-interreg-konferens-skelleftea names it)
        for absent in ("org/tillvaxtverket", "municipality/se-0114", "org/lapin-ely-keskus"):
            assert ID + absent not in graph
    actors = actor_graph(dataset)
    # the 49 actors of the five older sources and the 85 other municipalities, bodies and people of the twelve
    # newer ones: exactly the sources' actors, as before the reference data grew
    assert actors.number_of_nodes() == 134
    assert ID + "org/region-norrbotten" in actors  # a reference body that a source names is one
