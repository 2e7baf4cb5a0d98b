"""Helpers of the tests that check curated source files fact by fact: test_source_facts.py (the five
seed documents), test_gold_sv.py and test_gold_fi.py (the twelve ingest-dev texts).

A fact is a SPARQL pattern asked inside the named graph of the source that states it, on the built
dataset (the ``dataset`` fixture of conftest.py), so derived triples (participation from
leads/organises/presentsAt, funds from kg:Funding nodes, affiliation from posts) are checked in the
graph they were derived in.
"""

from __future__ import annotations

import re

from conftest import DATA, SHARED

SOURCES = DATA / "sources"
SEEDS = SHARED / "seeds"
INGEST_DEV = SHARED / "ingest-dev"
ONTOLOGY = "<https://w3id.org/samverkan/id/graph/ontology>"
REFERENCE = "<https://w3id.org/samverkan/id/graph/reference>"
# the twelve curated texts of ../shared/ingest-dev (their sources in data/sources)
S01 = "01_sv_gallivare-move-on-up"
S02 = "02_sv_kramfors-hso-pressmeddelande"
S03 = "03_sv_haparanda-foretagsklimat-tornedalen"
S04 = "04_sv_nordkalottradet-interreg-konferens-skelleftea"
S05 = "05_sv_regionjh-run-2023-12-12-leader"
S06 = "06_sv_regionvasterbotten-run-projektmedel"
S07 = "07_fi_kokkola-kh-industrywins-kuntavastinrahoitus"
S08 = "08_fi_enontekio-kh-matkailun-alueorganisaatio"
S09 = "09_fi_kajaani-oulujoki-vesistovisio-sitoutuminen"
S10 = "10_fi_kuusamo-tulevaisuustoimiala-work-and-stay"
S11 = "11_fi_kainuunliitto-maakuntahallitus-tiedote-2015-06-22"
S12 = "12_fi_utsjoki-rakennemuutos-akke-rahoitus"

PREFIXES = """\
PREFIX kg: <https://w3id.org/samverkan/def#>
PREFIX th: <https://w3id.org/samverkan/def/theme/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
PREFIX mun: <https://w3id.org/samverkan/id/municipality/>
PREFIX area: <https://w3id.org/samverkan/id/area/>
PREFIX org: <https://w3id.org/samverkan/id/org/>
PREFIX person: <https://w3id.org/samverkan/id/person/>
PREFIX post: <https://w3id.org/samverkan/id/post/>
PREFIX ini: <https://w3id.org/samverkan/id/initiative/>
PREFIX funding: <https://w3id.org/samverkan/id/funding/>
PREFIX award: <https://w3id.org/samverkan/id/award/>
"""


def graph_of(stem: str) -> str:
    """The named graph of source ``stem``, as a SPARQL IRI."""
    return f"<https://w3id.org/samverkan/id/source/{stem}>"


def ask(dataset, stem: str, pattern: str) -> bool:
    """Whether ``pattern`` (SPARQL with :data:`PREFIXES`) holds inside the graph of source ``stem``."""
    return bool(dataset.query(f"{PREFIXES}ASK {{ GRAPH {graph_of(stem)} {{ {pattern} }} }}").askAnswer)


def assert_fact(dataset, stem: str, what: str, pattern: str) -> None:
    assert ask(dataset, stem, pattern), f"{stem} should state: {what}"


def assert_facts_per_source(facts: list[tuple[str, str, str]], stems: tuple[str, ...], least: int = 4) -> None:
    """Every source of ``stems`` is checked by ``least`` facts or more."""
    for stem in stems:
        assert sum(1 for s, _, _ in facts if s == stem) >= least, stem


def shingles(text: str, n: int = 9) -> set[str]:
    """The runs of ``n`` words of ``text`` (lower case): a shared run means copied wording."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}
