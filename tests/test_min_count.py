"""``sh:minCount 1`` checks run as lookups in the store's index (:func:`kg.build.shapes_sparql.evaluate`):
the same rows as their compiled queries and the same findings as pyshacl, on the shipped shapes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.build.derive import derive
from kg.build.fastpath import inputs, load_store
from kg.build.shapes_sparql import compile_file, evaluate, sparql_functions
from kg.core import resources

HEADER = """@prefix kg: <https://w3id.org/samverkan/def#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix mun: <https://w3id.org/samverkan/id/municipality/> .
@prefix ini: <https://w3id.org/samverkan/id/initiative/> .
@prefix orgid: <https://w3id.org/samverkan/id/org/> .
@prefix zz: <https://w3id.org/samverkan/id/zz/> .
<https://w3id.org/samverkan/id/source/zz_missing> a kg:SourceDocument ; dcterms:identifier "zz_missing" ;
    dcterms:title "Test"@en ; dcterms:language "en" ; dcterms:publisher mun:se-2521 .
"""
# one node of each target class the shipped minCount checks reach, each without its required values
# (subclasses among them: kg:Project is an kg:Initiative, kg:County an kg:AdministrativeArea, a
# kg:FundingBody an kg:Actor), and one of each with them
MISSING = """
orgid:zz-body a kg:FundingBody .
ini:zz-project a kg:Project .
zz:county a kg:County .
zz:award a kg:Award .
zz:post a kg:Post .
zz:funding a kg:Funding .
zz:described a kg:SourceDocument .
ini:zz-whole a kg:Project ; rdfs:label "Helt"@sv ; schema:startDate "2024"^^xsd:gYear .
mun:se-2521 kg:participatesIn ini:zz-whole .
"""


@pytest.fixture(scope="module")
def broken(curated_data, tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("mincount") / "data"
    shutil.copytree(curated_data, data)
    (data / "sources" / "zz_missing.ttl").write_text(HEADER + MISSING, encoding="utf-8")
    return data


def test_lookups_give_the_rows_of_the_compiled_queries(broken):
    store = load_store(inputs(broken))
    derive(store)
    store.functions = sparql_functions()
    required = [c for c in compile_file(resources.shapes_file()) if c.required is not None]
    assert {c.path for c in required} >= {"rdfs:label", "^kg:participatesIn", "^kg:hasFunding", "kg:funder"}
    found = 0
    for check in required:
        by_query = sorted(row["this"] for row in store.select(check.query)[1])
        assert sorted(row["this"] for row in evaluate(store, check, {})) == by_query
        found += len(by_query)
    assert found >= 20


def key(report):
    return sorted(((r.severity, r.focus, r.path, r.message, r.value, tuple(r.files)) for r in report.results), key=repr)


def test_missing_required_values_are_reported_as_pyshacl_reports_them(broken):
    """The build's validation (instances from its one pass over rdf:type) against pyshacl's."""
    fast = build(broken, None, engine="oxigraph")
    reference = build(broken, None, engine="rdflib")
    assert key(fast.report) == key(reference.report)
    missing = {(r.focus.rsplit("/", 1)[-1], r.path) for r in fast.report.results if r.component == "MinCount"}
    expected = {
        ("zz-body", "rdfs:label"), ("zz-project", "rdfs:label"), ("county", "rdfs:label"), ("award", "rdfs:label"),
        ("county", "kg:areaCode"), ("zz-project", "^kg:participatesIn"), ("zz-project", "schema:startDate"),
        ("post", "^kg:holdsPost"), ("post", "kg:role"), ("funding", "^kg:hasFunding"), ("funding", "kg:currency"),
        ("described", "dcterms:title"),
    }  # fmt: skip
    assert expected <= missing
    assert not [r for r in fast.report.results if r.focus and r.focus.endswith("zz-whole")]
