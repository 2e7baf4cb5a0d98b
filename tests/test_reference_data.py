"""Cross-checks of the reference data (data/reference/areas.ttl and municipalities.ttl).

The first group of tests needs nothing but the two Turtle files. The second group compares them
with the official code lists in ../shared/reference (SCB, Statistics Finland) and with a
hand-compiled list of minority-language names; it is skipped where that folder is absent.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

REFERENCE = Path(__file__).parents[1] / "data" / "reference"
SHARED = Path(__file__).parents[2] / "shared" / "reference"

KG = Namespace("https://w3id.org/samverkan/def#")
ID = "https://w3id.org/samverkan/id/"
AREA = Namespace(ID + "area/")
DATASET = URIRef(ID + "graph/reference")

NORRBOTTEN, VASTERBOTTEN, LAPPI = AREA["se-25"], AREA["se-24"], AREA["fi-19"]
AREA_CODE = {NORRBOTTEN: "25", VASTERBOTTEN: "24", LAPPI: "19"}

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
    for name in ("areas.ttl", "municipalities.ttl"):
        graph.parse(REFERENCE / name, format="turtle")
    return graph


GRAPH = _load()
MUNICIPALITIES = sorted(GRAPH.subjects(RDF.type, KG.Municipality))


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
FI = [m for m in MUNICIPALITIES if _country(m) == "FI"]
each_municipality = pytest.mark.parametrize("mun", MUNICIPALITIES, ids=_id)
each_swedish = pytest.mark.parametrize("mun", SE, ids=_id)


# ------------------------------------------------------------------ without ../shared
def test_counts():
    assert len(SE) == 14 + 15
    assert len(FI) == 21
    assert len(MUNICIPALITIES) == 50


@pytest.mark.parametrize(("area", "expected"), [(NORRBOTTEN, 14), (VASTERBOTTEN, 15), (LAPPI, 21)], ids=_id)
def test_municipalities_per_area(area, expected):
    assert len(set(GRAPH.subjects(KG.locatedIn, area)) & set(MUNICIPALITIES)) == expected


def test_codes_unique():
    codes = [(_country(m), _code(m)) for m in MUNICIPALITIES]
    assert len(codes) == len(set(codes))


@each_municipality
def test_municipality_code_and_iri(mun):
    codes = list(GRAPH.objects(mun, KG.municipalityCode))
    assert len(codes) == 1
    code = codes[0]
    assert isinstance(code, Literal) and code.datatype is None and code.language is None, "code must be a plain string"
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


AREAS = {
    AREA["se"]: (KG.Country, "SE", "SE", None),
    AREA["fi"]: (KG.Country, "FI", "FI", None),
    NORRBOTTEN: (KG.County, "25", "SE", AREA["se"]),
    VASTERBOTTEN: (KG.County, "24", "SE", AREA["se"]),
    LAPPI: (KG.Maakunta, "19", "FI", AREA["fi"]),
    AREA["fi-15"]: (KG.Maakunta, "15", "FI", AREA["fi"]),
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


@each_municipality
def test_matches_official_list(shared, mun):
    row = _official(mun)
    assert row is not None, f"code {_code(mun)} is not in the official list"
    area_code = AREA_CODE[GRAPH.value(mun, KG.locatedIn)]
    if _country(mun) == "SE":
        assert row["lan_code"] == area_code
        assert _label(mun, "sv") == _nfc(row["kommun_name"])
    else:
        assert row["maakunta_code"] == area_code
        assert _label(mun, "sv") == _nfc(row["name_sv"])
        assert _label(mun, "fi") == _nfc(row["name_fi"])


def test_every_official_municipality_present(shared):
    ours = {(_country(m), _code(m)) for m in MUNICIPALITIES}
    official = {
        ("SE", r["kommunkod"]): r["kommun_name"]
        for r in _rows("se_municipalities.csv")
        if r["lan_code"] in ("24", "25")
    }
    official |= {
        ("FI", r["kuntanumero"]): r["name_fi"] for r in _rows("fi_municipalities.csv") if r["maakunta_code"] == "19"
    }
    missing = {key: name for key, name in official.items() if key not in ours}
    assert not missing, f"official municipalities missing from our data: {missing}"
    assert len(official) == 50


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
