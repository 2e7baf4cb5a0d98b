"""The closed world (issue 17, part 6): a kg: property or class the ontology does not define,
and a municipality or area IRI the reference data does not know, are Violations with file, line
and the closest valid term, in `kg build` and `kg validate`, on both engines alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app

REPO = Path(__file__).resolve().parents[1]
BROKEN = """\
@prefix kg: <https://w3id.org/samverkan/def#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix mun: <https://w3id.org/samverkan/id/municipality/> .
@prefix ini: <https://w3id.org/samverkan/id/initiative/> .

<https://w3id.org/samverkan/id/source/broken> a kg:SourceDocument ;
    dcterms:identifier "broken" ; dcterms:title "Broken"@en ; dcterms:language "en" ;
    dcterms:publisher mun:se-2521 .

ini:x a kg:Projekt ;
    rdfs:label "X"@en ;
    kg:startDate "2024-01-01" .

mun:se-9999 kg:participatesIn ini:x .
<https://w3id.org/samverkan/id/area/se-99> kg:country "SE" .
"""


def key(report):
    """The findings as comparable tuples, in a total order (None sorts before any value)."""
    rows = [(r.severity, r.focus, r.path, r.message, r.value, tuple(r.files), r.line) for r in report.results]
    return sorted(rows, key=lambda row: [(v is not None, v if v is not None else "") for v in row])


@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN, encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_unknown_terms_are_violations_with_file_line_and_closest(broken, engine):
    report = build(None, None, files=[broken], engine=engine).report
    # each finding by the term it is about (its message starts with it)
    found = {r.message.split()[0]: r for r in report.results if r.shape == "kg.validate:closed-world"}
    assert set(found) == {"kg:Projekt", "kg:startDate", "mun:se-9999", "area:se-99"}
    # an unknown property is the path; the value is what the entity states with it (a new-user trial
    # found the property shown as the value too)
    assert (found["kg:startDate"].path, found["kg:startDate"].value) == ("kg:startDate", "2024-01-01")
    assert (found["kg:Projekt"].path, found["kg:Projekt"].value) == ("rdf:type", "kg:Projekt")
    assert found["mun:se-9999"].value == "mun:se-9999"
    assert all(r.severity == "Violation" and r.files == [str(broken)] for r in found.values())
    assert found["kg:Projekt"].line == 11 and "closest: kg:Project" in found["kg:Projekt"].message
    assert found["kg:startDate"].line == 13 and "closest: schema:startDate" in found["kg:startDate"].message
    assert found["kg:startDate"].focus == "https://w3id.org/samverkan/id/initiative/x"
    assert found["mun:se-9999"].line == 15
    assert "is not a municipality of the reference data; closest: mun:se-" in found["mun:se-9999"].message
    assert "(" in found["mun:se-9999"].message  # the closest municipalities are named with their labels
    assert found["area:se-99"].line == 16 and "not an area of the reference data" in found["area:se-99"].message
    assert not report.conforms


def test_both_engines_give_the_same_report(broken):
    assert key(build(None, None, files=[broken], engine="rdflib").report) == key(
        build(None, None, files=[broken], engine="oxigraph").report
    )


def test_shipped_data_is_inside_the_closed_world(built):
    assert not [r for r in built.report.results if r.shape == "kg.validate:closed-world"]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_validate_and_build_commands(broken, curated_data, tmp_path, engine):
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(broken), "--engine", engine])
    assert result.exit_code == 1
    assert f"Violation: {broken}:13" in result.output
    assert "kg:startDate is not a property of the ontology; closest: schema:startDate" in result.output
    assert "  property: kg:startDate\n  value:    2024-01-01\n" in result.output
    # the curated documents beside the broken file: the registers (thousands of projects, which the
    # rdflib engine checks in a quarter of a minute) add nothing to what the command must report
    data = tmp_path / "data"
    shutil.copytree(curated_data, data)
    shutil.copy(broken, data / "sources" / "broken.ttl")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--data", str(data), "--out", str(out), "--engine", engine])
    assert result.exit_code == 1
    assert "mun:se-9999 is not a municipality of the reference data" in result.output
    assert not (out / "graph.trig").exists()


def test_incremental_rebuild_finds_and_forgets_an_unknown_term(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    out = tmp_path / "out"
    assert build(data, out, engine="oxigraph").conforms
    source = data / "sources" / "000_d0f522aa97cf2385.ttl"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("schema:startDate", "kg:startDate", 1), encoding="utf-8")
    result = build(data, out, engine="oxigraph")
    assert result.changed and not result.conforms
    assert any("kg:startDate is not a property" in r.message for r in result.report.results)
    source.write_text(good, encoding="utf-8")
    again = build(data, out, engine="oxigraph")
    assert again.conforms, again.report.to_text()
    assert not [r for r in again.report.results if r.shape == "kg.validate:closed-world"]


def test_incremental_rebuild_rechecks_every_source_when_the_reference_data_changes(curated_data, tmp_path):
    """A rebuild checks only the changed graphs for unknown terms, unless the reference data (or
    the ontology) changed: then a place that an unchanged source names may have gone."""
    data = tmp_path / "data"
    shutil.copytree(curated_data, data)  # the curated documents: the registers would only be rechecked too
    out = tmp_path / "out"
    assert build(data, out, engine="oxigraph").conforms
    reference = data / "reference" / "municipalities.ttl"
    text = reference.read_text(encoding="utf-8")
    reference.write_text(text.replace("mun:se-2521 a kg:Municipality ;", "mun:se-2599 a kg:Municipality ;"), "utf-8")
    result = build(data, out, engine="oxigraph")
    assert result.changed == [str(reference)] and not result.conforms
    found = [r for r in result.report.results if r.shape == "kg.validate:closed-world"]
    assert any(r.focus == "https://w3id.org/samverkan/id/municipality/se-2521" for r in found), found
    assert any(f.endswith("000_d0f522aa97cf2385.ttl") for r in found for f in r.files)
