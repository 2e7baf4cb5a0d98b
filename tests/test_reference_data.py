"""Cross-checks of the reference data (data/reference/*.ttl).

The first group of tests needs nothing but the Turtle files. The second group compares them with
the official code lists in ../shared/reference (SCB, Statistics Finland, the register of Swedish
public bodies) and with a hand-compiled list of minority-language names, and checks that the
generated files are what scripts/make_reference.py writes from them; it is skipped where that
folder is absent.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import subprocess
import sys
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

REPO = Path(__file__).parents[1]
REFERENCE = REPO / "data" / "reference"
SHARED = Path(__file__).parents[2] / "shared" / "reference"

KG = Namespace("https://w3id.org/samverkan/def#")
SCHEMA = Namespace("https://schema.org/")
ID = "https://w3id.org/samverkan/id/"
AREA = Namespace(ID + "area/")
ORG = Namespace(ID + "org/")
MUN = Namespace(ID + "municipality/")
DATASET = URIRef(ID + "graph/reference")

NORRBOTTEN, VASTERBOTTEN, LAPPI = AREA["se-25"], AREA["se-24"], AREA["fi-19"]

# Language tags we use for names, and the ISO 639-3 code names_minority.csv uses for each.
MINORITY_TAGS = {"fi": "fin", "se": "sme", "smj": "smj", "sma": "sma", "sju": "sju", "sje": "sje", "fit": "fit"}
ALLOWED_TAGS = {"sv", "fi", "en", "se", "smj", "sma", "sju", "sje", "smn", "sms", "fit"}

# Words that turn a place name into "X municipality" in the languages of names_minority.csv.
MUNICIPALITY_WORDS = {"gielda", "suohkan", "kommuvdna", "kommuvnan", "tjïelte", "kunta"}

# Names we give on purpose although names_minority.csv lists other forms for the same code and
# language. Each entry says why.
DEVIATIONS = {
    ("2425", "sma", "Kraapohke"): "Dorotea: the list only has Döörte (2010 recommendation, marked disputed); "
    "a later government decision on appeal favoured Kraapohke, which the municipality itself uses",
}


# ------------------------------------------------------------------ loading
def _load() -> Graph:
    graph = Graph()
    for path in sorted(REFERENCE.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


GRAPH = _load()
MUNICIPALITIES = sorted({*GRAPH.subjects(RDF.type, KG.Municipality), *GRAPH.subjects(RDF.type, KG.FormerMunicipality)})
FORMER = sorted(GRAPH.subjects(KG.succeededBy, None))
CURRENT = [m for m in MUNICIPALITIES if m not in FORMER]


def _code(node) -> str:
    return str(GRAPH.value(node, KG.municipalityCode))


def _country(node) -> str:
    return str(GRAPH.value(node, KG.country))


def _labels(node, lang: str, predicate=RDFS.label) -> list[str]:
    return [str(o) for o in GRAPH.objects(node, predicate) if isinstance(o, Literal) and o.language == lang]


def _label(node, lang: str) -> str | None:
    found = _labels(node, lang)
    return found[0] if found else None


def _names(node) -> list[Literal]:
    """Every rdfs:label and skos:altLabel of the node."""
    return [o for p in (RDFS.label, SKOS.altLabel) for o in GRAPH.objects(node, p) if isinstance(o, Literal)]


def _id(node) -> str:
    return str(node).rsplit("/", 1)[-1]


SE = [m for m in MUNICIPALITIES if _country(m) == "SE"]
FI = [m for m in CURRENT if _country(m) == "FI"]
each_municipality = pytest.mark.parametrize("mun", MUNICIPALITIES, ids=_id)
each_swedish = pytest.mark.parametrize("mun", SE, ids=_id)


# ------------------------------------------------------------------ without ../shared
def test_counts():
    assert len(SE) == 290
    assert len(FI) == 308, "Finland has 308 municipalities from 2025"
    assert [_code(m) for m in FORMER] == ["588"], "Pertunmaa, merged into Mäntyharju in 2025"
    assert len(MUNICIPALITIES) == 290 + 308 + 1


@pytest.mark.parametrize(("area", "expected"), [(NORRBOTTEN, 14), (VASTERBOTTEN, 15), (LAPPI, 21)], ids=_id)
def test_municipalities_per_area(area, expected):
    assert len(set(GRAPH.subjects(KG.locatedIn, area)) & set(CURRENT)) == expected


def test_former_municipality():
    pertunmaa, mantyharju = MUN["fi-588"], MUN["fi-507"]
    assert _label(pertunmaa, "fi") == "Pertunmaa" and _label(mantyharju, "fi") == "Mäntyharju"
    assert list(GRAPH.objects(pertunmaa, KG.succeededBy)) == [mantyharju]
    assert list(GRAPH.objects(pertunmaa, SCHEMA.endDate)) == [Literal("2024-12-31", datatype=XSD.date)]
    assert GRAPH.value(pertunmaa, KG.locatedIn) == GRAPH.value(mantyharju, KG.locatedIn) == AREA["fi-10"]
    assert mantyharju in CURRENT
    assert (pertunmaa, RDF.type, KG.FormerMunicipality) in GRAPH


def test_codes_unique():
    codes = [(_country(m), _code(m)) for m in MUNICIPALITIES]
    assert len(codes) == len(set(codes))


@each_municipality
def test_municipality_code_and_iri(mun):
    codes = list(GRAPH.objects(mun, KG.municipalityCode))
    assert len(codes) == 1
    code = codes[0]
    assert isinstance(code, Literal) and code.datatype is None, "code must be a plain string"
    assert code.language is None, "code must be a plain string"
    countries = [str(c) for c in GRAPH.objects(mun, KG.country)]
    assert countries in (["SE"], ["FI"])
    pattern = r"\d{4}" if countries == ["SE"] else r"\d{3}"
    assert re.fullmatch(pattern, str(code))
    assert str(mun) == f"{ID}municipality/{countries[0].lower()}-{code}"


@each_municipality
def test_municipality_located_in_its_area(mun):
    areas = list(GRAPH.objects(mun, KG.locatedIn))
    assert len(areas) == 1
    area = areas[0]
    expected_type = KG.County if _country(mun) == "SE" else KG.Maakunta
    assert (area, RDF.type, expected_type) in GRAPH
    assert str(GRAPH.value(area, KG.country)) == _country(mun)
    if _country(mun) == "SE":
        assert _code(mun)[:2] == str(GRAPH.value(area, KG.areaCode)), "kommunkod starts with the länskod"


@each_municipality
def test_municipality_labels(mun):
    required = ("sv", "en") if _country(mun) == "SE" else ("fi", "sv", "en")
    for lang in required:
        assert len(_labels(mun, lang)) == 1, f"needs exactly one rdfs:label @{lang}"
    langs = [o.language for o in GRAPH.objects(mun, RDFS.label)]
    assert None not in langs, "every rdfs:label needs a language tag"
    assert len(langs) == len(set(langs)), "at most one rdfs:label per language (others go in skos:altLabel)"
    for name in _names(mun):
        assert name.language in ALLOWED_TAGS, f"unexpected language tag on {name!r}"
        assert str(name) == str(name).strip() and str(name)
        assert unicodedata.is_normalized("NFC", str(name)), f"{name!r} is not in Unicode NFC"
    labels = {(str(o), o.language) for o in GRAPH.objects(mun, RDFS.label)}
    for alt in GRAPH.objects(mun, SKOS.altLabel):
        assert (str(alt), alt.language) not in labels, f"altLabel {alt!r} repeats a label"


@each_swedish
def test_unofficial_names_are_noted(mun):
    """No Swedish municipality has a second official name: any Sami or Meänkieli name needs a note."""
    minority = [n for n in _names(mun) if n.language in MINORITY_TAGS and n.language != "fi"]
    if minority:
        notes = [n for n in GRAPH.objects(mun, SKOS.editorialNote) if isinstance(n, Literal) and n.language == "en"]
        assert notes, f"has minority-language names {[str(n) for n in minority]} but no English skos:editorialNote"


def test_the_two_overtornea_are_distinct():
    sweden = URIRef(ID + "municipality/se-2518")
    finland = URIRef(ID + "municipality/fi-976")
    assert sweden != finland
    assert (_code(sweden), _country(sweden), GRAPH.value(sweden, KG.locatedIn)) == ("2518", "SE", NORRBOTTEN)
    assert (_code(finland), _country(finland), GRAPH.value(finland, KG.locatedIn)) == ("976", "FI", LAPPI)
    assert _label(sweden, "sv") == _label(finland, "sv") == "Övertorneå"
    assert _label(finland, "fi") == "Ylitornio"
    assert _label(sweden, "en") != _label(finland, "en")
    assert "Ylitornio" not in {str(n) for n in _names(sweden)}, "the Swedish Övertorneå must not be named Ylitornio"


SE_COUNTIES = [f"{c:02}" for c in (1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 24, 25)]
FI_REGIONS = [f"{c:02}" for c in (*range(1, 3), *range(4, 20), 21)]
AREAS = {
    AREA["se"]: (KG.Country, "SE", "SE", None),
    AREA["fi"]: (KG.Country, "FI", "FI", None),
    **{AREA[f"se-{c}"]: (KG.County, c, "SE", AREA["se"]) for c in SE_COUNTIES},
    **{AREA[f"fi-{c}"]: (KG.Maakunta, c, "FI", AREA["fi"]) for c in FI_REGIONS},
}


@pytest.mark.parametrize("area", list(AREAS), ids=_id)
def test_area(area):
    kind, code, country, parent = AREAS[area]
    assert (area, RDF.type, kind) in GRAPH
    assert [str(c) for c in GRAPH.objects(area, KG.areaCode)] == [code]
    assert [str(c) for c in GRAPH.objects(area, KG.country)] == [country]
    assert GRAPH.value(area, KG.locatedIn) == parent
    for lang in ("sv", "fi", "en"):
        assert len(_labels(area, lang)) == 1, f"needs one rdfs:label @{lang}"


def test_areas_are_exactly_these():
    typed = {s for kind in (KG.Country, KG.County, KG.Maakunta) for s in GRAPH.subjects(RDF.type, kind)}
    assert typed == set(AREAS)
    assert len(SE_COUNTIES) == 21 and len(FI_REGIONS) == 19


def test_dataset_description():
    assert (DATASET, RDF.type, KG.ReferenceDataset) in GRAPH
    assert _labels(DATASET, "en") and _labels(DATASET, "sv")
    assert set(GRAPH.objects(DATASET, DCTERMS.source)) >= {URIRef("https://www.scb.se/"), URIRef("https://stat.fi/")}
    assert any(isinstance(d, Literal) and d.language for d in GRAPH.objects(DATASET, DCTERMS.description))


# ------------------------------------------------------------------ against ../shared/reference
@cache
def _rows(name: str) -> list[dict[str, str]]:
    with open(SHARED / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))  # every value stays a string: leading zeros matter


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


@pytest.fixture
def shared():
    if not SHARED.is_dir():
        pytest.skip(f"no official reference lists at {SHARED}: cross-checks against them skipped")
    return SHARED


def _official(mun) -> dict[str, str] | None:
    if _country(mun) == "SE":
        return {r["kommunkod"]: r for r in _rows("se_municipalities.csv")}.get(_code(mun))
    return {r["kuntanumero"]: r for r in _rows("fi_municipalities.csv")}.get(_code(mun))


def _official_2024(mun) -> dict[str, str] | None:
    return {r["kuntanumero"]: r for r in _rows("fi_municipalities_2024.csv")}.get(_code(mun))


@each_municipality
def test_matches_official_list(shared, mun):
    row = _official(mun) if mun in CURRENT else _official_2024(mun)
    assert row is not None, f"code {_code(mun)} is not in the official list"
    area = GRAPH.value(mun, KG.locatedIn)
    area_code = str(GRAPH.value(area, KG.areaCode))
    if _country(mun) == "SE":
        assert row["lan_code"] == area_code
        assert _label(mun, "sv") == _nfc(row["kommun_name"])
        assert _label(area, "sv") == _nfc(row["lan_name"])
    else:
        assert row["maakunta_code"] == area_code
        assert _label(mun, "sv") == _nfc(row["name_sv"])
        assert _label(mun, "fi") == _nfc(row["name_fi"])
        assert (_label(area, "fi"), _label(area, "sv")) == (
            _nfc(row["maakunta_name_fi"]),
            _nfc(row["maakunta_name_sv"]),
        )


def test_every_official_municipality_present(shared):
    ours = {(_country(m), _code(m)) for m in CURRENT}
    official = {("SE", r["kommunkod"]) for r in _rows("se_municipalities.csv")}
    official |= {("FI", r["kuntanumero"]) for r in _rows("fi_municipalities.csv")}
    assert ours == official
    assert len(official) == 290 + 308


def test_former_municipalities_are_those_gone_since_2024(shared):
    gone = {r["kuntanumero"] for r in _rows("fi_municipalities_2024.csv")} - {
        r["kuntanumero"] for r in _rows("fi_municipalities.csv")
    }
    assert {_code(m) for m in FORMER} == gone


def test_registered_long_names_are_alternative_labels(shared):
    """Every municipality of SKR's list in the register of public bodies carries its long name."""
    alt = {str(o).casefold() for m in SE for o in GRAPH.objects(m, SKOS.altLabel)}
    rows = [r for r in _rows("se_public_bodies.csv") if r["source_url"].endswith("adressuppgifterkommuner.1246.html")]
    missing = [r["name"] for r in rows if _nfc(r["name"]).casefold() not in alt and r["name"] != "Region Gotland"]
    assert len(rows) == 290 and not missing


def _accepted(form: str, lang3: str) -> set[str]:
    """A form, and the bare place name inside "X gielda", "Xn kunta" and the like.

    A name of ours matches the list when the two share one of these, so "Giron" matches a listed
    "Giron gielda" and "Árviesjávrrie kommuvdna" a listed "Árviesjávrrie", but "Girona gielda"
    matches neither "Giron gielda" nor "Giron".
    """
    form = _nfc(form)
    accepted = {form}
    head, _, last = form.rpartition(" ")
    if head and last.casefold() in MUNICIPALITY_WORDS:
        accepted.add(head)
        if lang3 in ("fin", "fit") and last == "kunta" and head.endswith("n"):
            accepted.add(head[:-1])  # Finnish/Meänkieli genitive: "Kierunan kunta" -> "Kieruna"
    return accepted


@each_swedish
def test_minority_names_match_list(shared, mun):
    listed: dict[str, set[str]] = {}
    for row in _rows("names_minority.csv"):
        if row["kommunkod"] == _code(mun):
            listed.setdefault(row["lang"], set()).update(_accepted(row["name"], row["lang"]))
    for name in _names(mun):
        lang3 = MINORITY_TAGS.get(name.language)
        if lang3 is None or lang3 not in listed:
            continue
        if (_code(mun), lang3, str(name)) in DEVIATIONS:
            continue
        assert _accepted(str(name), lang3) & listed[lang3], (
            f"{str(name)!r}@{name.language} is not among the listed {lang3} forms {sorted(listed[lang3])}"
        )


def test_deviations_are_used(shared):
    ours = {(_code(m), MINORITY_TAGS.get(n.language), str(n)) for m in SE for n in _names(m)}
    assert set(DEVIATIONS) <= ours, "a documented deviation no longer occurs in the data: remove it"


# ------------------------------------------------------------------ public bodies
def _named(text: str) -> list[URIRef]:
    """Subjects with this name (case-folded) as label or altLabel."""
    key = _nfc(text).casefold()
    return sorted(
        {s for p in (RDFS.label, SKOS.altLabel) for s, o in GRAPH.subject_objects(p) if str(o).casefold() == key}
    )


def _serving(area) -> list[URIRef]:
    return sorted(GRAPH.subjects(KG.servesArea, area))


@pytest.mark.parametrize("code", SE_COUNTIES)
def test_each_county_has_its_county_administrative_board_and_region(code):
    bodies = _serving(AREA[f"se-{code}"])
    boards = [b for b in bodies if str(b).startswith(str(ORG) + "lansstyrelsen-i-")]
    regions = [b for b in bodies if (b, RDF.type, KG.RegionalAuthority) in GRAPH]
    assert len(boards) == 1 and (boards[0], RDF.type, KG.GovernmentBody) in GRAPH
    assert _label(boards[0], "sv") == f"Länsstyrelsen i {_label(AREA[f'se-{code}'], 'sv')}"
    assert len(regions) == 1, regions
    for body in (*boards, *regions):
        assert (
            _labels(body, "sv") and _labels(body, "en") and [str(c) for c in GRAPH.objects(body, KG.country)] == ["SE"]
        )


@pytest.mark.parametrize("code", FI_REGIONS)
def test_each_region_has_its_regional_council_ely_centre_and_wellbeing_services_county(code):
    bodies = _serving(AREA[f"fi-{code}"])
    councils = [b for b in bodies if "liitto" in (_label(b, "fi") or "") or b == ORG["ahvenanmaan-maakuntahallitus"]]
    ely = [b for b in bodies if (_label(b, "fi") or "").endswith("ELY-keskus")]
    wellbeing = [b for b in bodies if (_label(b, "fi") or "").endswith("hyvinvointialue")]
    assert len(councils) == 1, councils
    assert len(ely) == (0 if code == "21" else 1), ely  # Åland runs these tasks itself
    assert len(wellbeing) == (4 if code == "01" else 0 if code == "21" else 1), wellbeing
    for body in bodies:
        assert all(_labels(body, lang) for lang in ("fi", "sv", "en")), body


def test_fifteen_ely_centres_and_twenty_one_wellbeing_services_counties():
    fi = [s for s in GRAPH.subjects(KG.country, Literal("FI")) if isinstance(s, URIRef)]
    assert len([s for s in fi if (_label(s, "fi") or "").endswith("ELY-keskus")]) == 15
    assert len([s for s in fi if (_label(s, "fi") or "").endswith("hyvinvointialue")]) == 21


# name -> (IRI, class): bodies the issue names, found by one of their names
BODIES = {
    "Länsstyrelsen Norrbotten": ("lansstyrelsen-i-norrbottens-lan", KG.GovernmentBody),
    "Region Västerbotten": ("region-vasterbotten", KG.RegionalAuthority),
    "Kainuun liitto": ("kainuun-liitto", KG.RegionalAuthority),
    "Lapin liitto": ("lapin-liitto", KG.RegionalAuthority),
    "Lapin ELY-keskus": ("lapin-ely-keskus", KG.GovernmentBody),
    "Tillväxtverket": ("tillvaxtverket", KG.GovernmentBody),
    "Svenska ESF-rådet": ("svenska-esf-radet", KG.GovernmentBody),
    "Formas": ("formas", KG.FundingBody),
    "Vinnova": ("vinnova", KG.FundingBody),
    "Business Finland": ("business-finland", KG.FundingBody),
    "Työ- ja elinkeinoministeriö": ("tyo-ja-elinkeinoministerio", KG.GovernmentBody),
    "Sveriges Kommuner och Regioner": ("sveriges-kommuner-och-regioner", KG.MunicipalAssociation),
    "Kuntaliitto": ("suomen-kuntaliitto", KG.MunicipalAssociation),
    "Nordic Council of Ministers": ("nordiska-ministerradet", KG.GovernmentBody),
    "European Social Fund": ("esf", KG.Fund),
    "ERDF": ("erdf", KG.Fund),
    "Just Transition Fund": ("jtf", KG.Fund),
    "EAFRD": ("eafrd", KG.Fund),
    "Leader": ("leader", KG.ProgrammeFamily),
    "Interreg": ("interreg", KG.ProgrammeFamily),
    "Interreg Aurora": ("interreg-aurora", KG.FundingProgramme),
    "Interreg Nord": ("interreg-nord", KG.FundingProgramme),
    "Interreg Botnia-Atlantica": ("interreg-botnia-atlantica", KG.FundingProgramme),
    "Interreg Northern Periphery and Arctic": ("interreg-npa", KG.FundingProgramme),
    "Kolarctic": ("kolarctic", KG.FundingProgramme),
    "Interreg Baltic Sea Region": ("interreg-baltic-sea-region", KG.FundingProgramme),
    "Interreg Central Baltic": ("interreg-central-baltic", KG.FundingProgramme),
}


@pytest.mark.parametrize("name", list(BODIES))
def test_body_present(name):
    slug, cls = BODIES[name]
    assert ORG[slug] in _named(name)
    assert (ORG[slug], RDF.type, cls) in GRAPH


# abbreviation -> (language, IRI slug)
ABBREVIATIONS = {
    ("ESF", "sv"): "esf", ("ESF", "en"): "esf", ("ERUF", "sv"): "erdf", ("EAKR", "fi"): "erdf",
    ("SKR", "sv"): "sveriges-kommuner-och-regioner", ("AKKE", "fi"): "akke",
    ("TEM", "fi"): "tyo-ja-elinkeinoministerio", ("Lapin ELY", "fi"): "lapin-ely-keskus",
    ("Kuntaliitto", "fi"): "suomen-kuntaliitto",
}  # fmt: skip


@pytest.mark.parametrize(("text", "lang"), list(ABBREVIATIONS))
def test_short_forms_are_tagged_alternative_labels(text, lang):
    assert Literal(text, lang=lang) in set(GRAPH.objects(ORG[ABBREVIATIONS[text, lang]], SKOS.altLabel))


INTERREG = ["interreg-aurora", "interreg-nord", "interreg-botnia-atlantica", "interreg-npa", "kolarctic",
            "interreg-baltic-sea-region", "interreg-central-baltic"]  # fmt: skip


@pytest.mark.parametrize("slug", INTERREG)
def test_interreg_programmes_link_to_their_fund_and_family(slug):
    assert ORG["erdf"] in set(GRAPH.objects(ORG[slug], KG.programmeFund))
    assert list(GRAPH.objects(ORG[slug], KG.programmeFamily)) == [ORG["interreg"]]
    assert GRAPH.value(ORG[slug], SCHEMA.startDate) is not None and GRAPH.value(ORG[slug], SCHEMA.endDate) is not None


def test_every_eu_programme_has_a_fund():
    """Each programme but the two national appropriations (1:1, AKKE) draws on an EU fund."""
    national = {ORG["regionala-tillvaxtatgarder"], ORG["akke"]}
    for programme in GRAPH.subjects(RDF.type, KG.FundingProgramme):
        funds = list(GRAPH.objects(programme, KG.programmeFund))
        assert bool(funds) != (programme in national), programme
        assert all((f, RDF.type, KG.Fund) in GRAPH for f in funds)


def test_no_name_of_a_body_is_repeated_in_one_language():
    """One rdfs:label per language; different bodies never share a label in one language."""
    seen: dict[tuple[str, str], URIRef] = {}
    for s, o in GRAPH.subject_objects(RDFS.label):
        if isinstance(s, URIRef) and str(s).startswith(str(ORG)):
            key = (str(o).casefold(), o.language)
            assert seen.setdefault(key, s) == s, f"{o!r} names both {seen[key]} and {s}"


# ------------------------------------------------------------------ the selection rule and the generator
def _make_reference():
    spec = importlib.util.spec_from_file_location("make_reference", REPO / "scripts" / "make_reference.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_reference", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_selected_body_present_with_its_name(shared):
    """Each row of se_public_bodies.csv that the written selection rule picks is in the data, under
    its register id, with the registered name among its names (ignoring case)."""
    make_reference = _make_reference()
    picked = make_reference.selected(make_reference.read_lists(shared))
    roles = list(picked.values())
    assert roles.count("county administrative board") == 21 and roles.count("regional authority") == 21
    assert roles.count("higher-education institution") == 28
    assert set(make_reference.AGENCY_ROLES) <= set(picked)
    by_id = {str(o).removeprefix("publicbodies:"): s for s, o in GRAPH.subject_objects(DCTERMS.identifier)}
    rows = {r["id"]: r for r in _rows("se_public_bodies.csv")}
    for register_id in picked:
        node = by_id.get(register_id)
        assert node is not None, f"{register_id} is selected but missing"
        names = {str(o).casefold() for p in (RDFS.label, SKOS.altLabel) for o in GRAPH.objects(node, p)}
        assert _nfc(rows[register_id]["name"]).casefold() in names, register_id


def test_generated_files_are_up_to_date(shared):
    """The committed files are exactly what the generator writes now (it is deterministic)."""
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_reference.py"), "--check", "--shared", str(shared)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_generator_names_the_bad_row(shared, tmp_path):
    for name in ("fi_municipalities.csv", "fi_municipalities_2024.csv", "se_public_bodies.csv", "names_minority.csv"):
        (tmp_path / name).write_bytes((shared / name).read_bytes())
    lines = (shared / "se_municipalities.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = "25x1," + lines[3].split(",", 1)[1]
    (tmp_path / "se_municipalities.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_reference.py"), "--shared", str(tmp_path), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "se_municipalities.csv, line 4" in result.stderr
    assert not out.exists(), "nothing is written when an input is bad"
