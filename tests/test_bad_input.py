"""Bad input: each broken file gives a clear error naming the file and line or the entity,
a non-zero exit, and no output written (or an existing output left untouched)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

REPO = Path(__file__).resolve().parents[1]

PREFIXES = """\
@prefix kg: <https://w3id.org/samverkan/def#> .
@prefix id: <https://w3id.org/samverkan/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix mun: <https://w3id.org/samverkan/id/municipality/> .
@prefix area: <https://w3id.org/samverkan/id/area/> .
@prefix person: <https://w3id.org/samverkan/id/person/> .
@prefix ini: <https://w3id.org/samverkan/id/initiative/> .
@prefix o: <https://w3id.org/samverkan/id/org/> .
"""


def document(stem: str) -> str:
    return f"""
<https://w3id.org/samverkan/id/source/{stem}> a kg:SourceDocument ;
    dcterms:identifier "{stem}" ; dcterms:title "Test document"@en ; dcterms:language "en" ;
    dcterms:publisher <https://w3id.org/samverkan/id/municipality/se-2521> .
"""


VALID = (
    PREFIXES
    + document("t1")
    + """
<https://w3id.org/samverkan/id/initiative/test> a kg:Project ;
    rdfs:label "Testprojekt"@sv ;
    schema:startDate "2024-01-01"^^xsd:date ; schema:endDate "2024-12-31"^^xsd:date ;
    kg:hasFunding <https://w3id.org/samverkan/id/funding/test> .
<https://w3id.org/samverkan/id/funding/test> a kg:Funding ;
    kg:funder <https://w3id.org/samverkan/id/org/test-fund> ;
    kg:amount "100"^^xsd:decimal ; kg:currency "EUR" .
<https://w3id.org/samverkan/id/org/test-fund> a kg:FundingBody ; rdfs:label "Test fund"@en .
<https://w3id.org/samverkan/id/municipality/se-2521> kg:leads <https://w3id.org/samverkan/id/initiative/test> .
"""
)

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, small_reference: Path) -> Path:
    """A data folder with the shipped reference data (the municipalities the tests name) and one valid source."""
    data = tmp_path / "data"
    shutil.copytree(small_reference, data / "reference")  # the municipalities the tests name
    (data / "sources").mkdir()
    (data / "sources" / "t1.ttl").write_text(VALID, encoding="utf-8")
    return data


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(params=["rdflib", "oxigraph"], autouse=True)
def engine(request, monkeypatch):
    """Every bad input is caught the same way by both engines."""
    monkeypatch.setenv("KG_TEST_ENGINE", request.param)
    return request.param


def build(data: Path, out: Path):
    engine = os.environ["KG_TEST_ENGINE"]
    return run("build", "--data", str(data), "--out", str(out), "--engine", engine, "--lang", "en")  # "conforms"


def test_valid_fixture_builds(data_dir: Path, tmp_path: Path):
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "graph.trig").is_file()
    assert "conforms" in result.output


def test_malformed_turtle_names_file_line_column_and_writes_nothing(data_dir: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert build(data_dir, out).exit_code == 0
    before = (out / "graph.trig").read_bytes()
    bad = data_dir / "sources" / "t2.ttl"
    text = PREFIXES + document("t2") + '\nini:x a kg:Project ;\n    rdfs:label "x"@sv\nini:y a kg:Project .\n'
    bad.write_text(text)
    result = build(data_dir, out)
    assert result.exit_code == 2
    line = text.splitlines().index("ini:y a kg:Project .") + 1  # where the missing ';' or '.' bites
    assert f"{bad}:{line}:1: syntax error" in result.output
    assert "syntax error" in result.output
    assert (out / "graph.trig").read_bytes() == before
    left = {p.name for p in out.iterdir()}
    # no temporary file left
    assert "graph.trig" in left and left <= {"graph.trig", "store", "manifest.json", "manifest.sqlite", "labels.sqlite"}


def test_unknown_prefix(data_dir: Path, tmp_path: Path):
    bad = data_dir / "sources" / "t2.ttl"
    text = PREFIXES + document("t2") + "\nfoo:x a kg:Project .\n"
    bad.write_text(text)
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 2
    line = text.splitlines().index("foo:x a kg:Project .") + 1
    assert f"{bad}:{line}:1:" in result.output
    assert "unknown prefix 'foo:'" in result.output
    assert not (tmp_path / "out").exists()


def test_date_that_is_not_a_date(data_dir: Path, tmp_path: Path):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID.replace('"2024-12-31"^^xsd:date', '"2024-13-45"^^xsd:date'))
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(VALID.splitlines(), 1) if "2024-12-31" in text)
    assert f"{src}:{line}" in result.output
    assert '"2024-13-45" is not a valid xsd:date' in result.output
    assert not (tmp_path / "out" / "graph.trig").exists()


def test_amount_that_is_not_a_number(data_dir: Path, tmp_path: Path):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID.replace('"100"^^xsd:decimal', '"100 kr"'))
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 1
    assert "<https://w3id.org/samverkan/id/funding/test>" in result.output
    assert "kg:amount" in result.output
    assert "xsd:decimal" in result.output


def test_funding_without_funder(data_dir: Path, tmp_path: Path):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID.replace("kg:funder <https://w3id.org/samverkan/id/org/test-fund> ;", ""))
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 1
    assert "exactly one kg:funder" in result.output
    assert "<https://w3id.org/samverkan/id/funding/test>" in result.output
    assert str(src) in result.output


def test_duplicate_municipality_code(data_dir: Path, tmp_path: Path):
    (data_dir / "sources" / "t2.ttl").write_text(
        PREFIXES
        + document("t2")
        + """
mun:se-9999 a kg:Municipality ; rdfs:label "Falska Pajala"@sv ;
    kg:municipalityCode "2521" ; kg:country "SE" ; kg:locatedIn area:se-25 .
"""
    )
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 1
    # both municipalities that share the code are reported, each by name and IRI
    assert result.output.count("this municipality code is also used by another municipality") == 2
    assert "Falska Pajala <https://w3id.org/samverkan/id/municipality/se-9999>" in result.output
    assert "Pajala <https://w3id.org/samverkan/id/municipality/se-2521>" in result.output


def test_person_under_two_iris_is_a_warning(data_dir: Path, tmp_path: Path):
    (data_dir / "sources" / "t1.ttl").write_text(
        VALID + '\nperson:anna-test a kg:Person ; rdfs:label "Anna Test"@sv .\n'
    )
    (data_dir / "sources" / "t2.ttl").write_text(
        PREFIXES + document("t2") + '\nperson:a-test a kg:Person ; rdfs:label "Anna Test"@sv .\n'
    )
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "Warning" in result.output
    assert 'same name "Anna Test"' in result.output
    assert (tmp_path / "out" / "graph.trig").is_file()


def test_object_of_the_wrong_class(data_dir: Path, tmp_path: Path):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID + "\nmun:se-2521 kg:memberOf ini:test .\n")
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 1
    assert "kg:memberOf must point to a kg:Organisation" in result.output
    assert "Pajala" in result.output


def test_start_after_end(data_dir: Path, tmp_path: Path):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID.replace('"2024-12-31"^^xsd:date', '"2023-12-31"^^xsd:date'))
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 1
    assert "startDate is after schema:endDate" in result.output


def test_start_after_end_in_years_and_mixed_precision(data_dir: Path, tmp_path: Path):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID.replace('"2024-01-01"^^xsd:date', '"2025"^^xsd:gYear'))
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 1, result.output
    assert "startDate is after schema:endDate (2025 > 2024-12-31)" in result.output
    # a year that contains the end date is not after it
    src.write_text(VALID.replace('"2024-01-01"^^xsd:date', '"2024"^^xsd:gYear'))
    assert build(data_dir, tmp_path / "out").exit_code == 0


def test_source_graph_without_its_document(data_dir: Path, tmp_path: Path):
    (data_dir / "sources" / "t2.ttl").write_text(PREFIXES + '\no:x a kg:Company ; rdfs:label "X AB"@sv .\n')
    result = build(data_dir, tmp_path / "out")
    assert result.exit_code == 1
    assert "does not describe its document" in result.output
    assert "t2.ttl" in result.output


def test_empty_data_folder(tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = build(empty, tmp_path / "out")
    assert result.exit_code == 2
    assert str(empty) in result.output
    assert "no source documents" in result.output
    assert not (tmp_path / "out").exists()


def test_missing_data_folder(tmp_path: Path):
    result = build(tmp_path / "nope", tmp_path / "out")
    assert result.exit_code == 2
    assert "data folder not found" in result.output


def test_validate_json_report(data_dir: Path):
    src = data_dir / "sources" / "t1.ttl"
    src.write_text(VALID.replace("kg:funder <https://w3id.org/samverkan/id/org/test-fund> ;", ""))
    result = run("validate", str(data_dir), "--format", "json", "--engine", os.environ["KG_TEST_ENGINE"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    (hit,) = [r for r in report["results"] if r["path"] == "kg:funder"]
    assert hit["severity"] == "Violation"
    assert hit["focus"] == "https://w3id.org/samverkan/id/funding/test"
    assert hit["files"] == [str(src)]


def test_validate_single_file_uses_shipped_reference(data_dir: Path):
    result = run("validate", str(data_dir / "sources" / "t1.ttl"), "--engine", os.environ["KG_TEST_ENGINE"])
    assert result.exit_code == 0, result.output
    assert "godkänd: 0 överträdelse(r)" in result.output  # "conforms", in --lang's default, Swedish
