"""Nobody gets in, nothing gets forged (issue 15): each attack tried as an attacker would, on loopback.

Each test is one case of a kind: a source writing another graph, a source redefining the vocabulary,
conflicting types, federated queries, runaway queries, leaking credentials, slow or huge answers,
concurrent builds, leftovers, formula injection, tracebacks, and graphs of deleted sources.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()

PREFIXES = """\
@prefix kg: <https://w3id.org/samverkan/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix mun: <https://w3id.org/samverkan/id/municipality/> .
@prefix ini: <https://w3id.org/samverkan/id/initiative/> .
@prefix o: <https://w3id.org/samverkan/id/org/> .
@prefix person: <https://w3id.org/samverkan/id/person/> .
"""


def document(stem: str) -> str:
    return f"""
<https://w3id.org/samverkan/id/source/{stem}> a kg:SourceDocument ;
    dcterms:identifier "{stem}" ; dcterms:title "Test document"@en ; dcterms:language "en" ;
    dcterms:publisher mun:se-2521 .
"""


VALID = (
    PREFIXES
    + document("t1")
    + """
ini:test a kg:Project ; rdfs:label "Testprojekt"@sv ; schema:startDate "2024-01-01"^^xsd:date .
mun:se-2521 kg:leads ini:test .
"""
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with the shipped reference data and one valid source."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    (data / "sources").mkdir()
    (data / "sources" / "t1.ttl").write_text(VALID, encoding="utf-8")
    return data


def run(*args: str):
    return runner.invoke(app, list(args))


ENGINES = ["rdflib", "oxigraph"]


def build(data: Path, out: Path | None, engine: str):
    if out is None:
        return run("validate", str(data), "--engine", engine)
    return run("build", "--data", str(data), "--out", str(out), "--engine", engine)


# ------------------------------------------------------------------ 1. a source writes only its own graph


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "graph", ["https://w3id.org/samverkan/id/source/t1", "https://w3id.org/samverkan/id/graph/ontology"]
)
def test_a_source_cannot_write_another_graph(data_dir, tmp_path, engine, graph):
    forged = data_dir / "sources" / "t2.trig"
    forged.write_text(
        PREFIXES
        + "<https://w3id.org/samverkan/id/source/t2> {"
        + document("t2")
        + "}\n"
        + f'<{graph}> {{ o:forged a kg:Company ; rdfs:label "Forged AB"@sv . '
        + "kg:Municipality rdfs:subClassOf kg:Initiative . }\n",
        encoding="utf-8",
    )
    result = build(data_dir, tmp_path / "out", engine)
    assert result.exit_code == 2, result.output
    assert f"{forged}: names the graph <{graph}>" in result.output
    assert "may write only its own graph <https://w3id.org/samverkan/id/source/t2>" in result.output
    assert not (tmp_path / "out" / "graph.trig").exists()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_source_may_name_its_own_graph(data_dir, tmp_path, engine):
    (data_dir / "sources" / "t2.trig").write_text(
        PREFIXES + "<https://w3id.org/samverkan/id/source/t2> {" + document("t2") + "}\n", encoding="utf-8"
    )
    result = build(data_dir, tmp_path / "out", engine)
    assert result.exit_code == 0, result.output
