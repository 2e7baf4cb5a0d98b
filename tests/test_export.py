"""`kg export`: sources back into the sheet layout; export -> import gives the same triples."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg.build.sources import load
from kg.cli import app

REPO = Path(__file__).resolve().parents[1]
# the curated sources; the two imported registers (register-*.ttl, thousands of projects) are not sheets
# anyone edits, and test_registers.py checks their own import
STEMS = sorted(p.stem for p in (REPO / "data" / "sources").glob("*.ttl") if not p.stem.startswith("register-"))


@pytest.fixture(scope="module")
def shipped_graphs():
    loaded = load(REPO / "data")
    return {str(name).rsplit("/", 1)[-1]: set(loaded.dataset.graph(name)) for name in loaded.source_graphs}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_over_all_shipped_sources(tmp_path, shipped_graphs, curated_data, fmt):
    """Every curated source, exported and imported again, gives exactly its triples.

    The workbooks are reconciled against the whole shipped data, registers included (thousands of
    organisations and projects, none of which may make a row ambiguous); the CSV folders, which read
    into the same rows, against the curated data alone, since each import reads and indexes all of
    its data folder (a third of the time without the registers).
    """
    assert len(STEMS) >= 5
    data = REPO / "data" if fmt == "xlsx" else curated_data
    runner = CliRunner()
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", "--all", "--format", fmt, str(out), "--data", str(data)])
    assert result.exit_code == 0, result.output
    for stem in STEMS:
        sheet = out / (f"{stem}.xlsx" if fmt == "xlsx" else stem)
        assert sheet.exists()
        target = tmp_path / "imported" / f"{stem}.ttl"
        imported = runner.invoke(app, ["import", str(sheet), "--id", stem, "--out", str(target), "--data", str(data)])
        assert imported.exit_code == 0, imported.output
        assert "minted" not in imported.output and "ambiguous" not in imported.output
        back = set(Graph().parse(target, format="turtle"))
        assert back == shipped_graphs[stem], (stem, shipped_graphs[stem] ^ back)


def test_reimport_into_data_is_byte_identical(tmp_path):
    """Importing an exported source over itself writes the same bytes every time."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    stem = STEMS[1]
    runner = CliRunner()
    assert (
        runner.invoke(app, ["export", "--source", stem, str(tmp_path / "s.xlsx"), "--data", str(data)]).exit_code == 0
    )
    target = data / "sources" / f"{stem}.ttl"
    assert runner.invoke(app, ["import", str(tmp_path / "s.xlsx"), "--data", str(data)]).exit_code == 0
    first = target.read_bytes()
    assert runner.invoke(app, ["import", str(tmp_path / "s.xlsx"), "--data", str(data)]).exit_code == 0
    assert target.read_bytes() == first


def test_exported_workbook_has_the_layout(tmp_path):
    path = tmp_path / "one.xlsx"
    result = CliRunner().invoke(app, ["export", "--source", STEMS[0], str(path), "--data", str(REPO / "data")])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["source", "entities", "relations", "statements"]
    header = [c.value for c in book["entities"][1]]
    assert header[:3] == ["id", "type", "iri"]
    ids = [row[0] for row in book["entities"].iter_rows(min_row=2, values_only=True)]
    assert "esf" in ids  # local ids are the IRIs' local names
    relations = list(book["relations"].iter_rows(min_row=2, values_only=True))
    # entities described elsewhere (Pajala, in the reference data) by prefixed IRI
    assert ("mun:se-2521", "leads", "samhallsinnovation-i-glesa-geografin") in {r[:3] for r in relations}


def test_kumu_workbook(tmp_path):
    path = tmp_path / "kumu.xlsx"
    result = CliRunner().invoke(app, ["export", "--format", "kumu", str(path), "--data", str(REPO / "data")])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Elements", "Connections"]
    elements = list(book["Elements"].iter_rows(values_only=True))
    assert elements[0] == ("Label", "Type", "Description", "Country", "ID")
    labels = [r[0] for r in elements[1:]]
    assert len(labels) == len(set(labels))  # Kumu joins connections on unique labels
    connections = list(book["Connections"].iter_rows(values_only=True))
    assert connections[0] == ("From", "To", "Type")
    assert any(r[2] == "leads" and r[0] == "Pajala Municipality" for r in connections[1:])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "000_d0f522aa97cf238"], "no source '000_d0f522aa97cf238'; closest: 000_d0f522aa97cf2385"),
        (["--all", "--source", STEMS[0]], "give --source STEM or --all"),
        ([], "give --source STEM or --all"),
    ],
)
def test_export_bad_input(tmp_path, args, message):
    out = tmp_path / "x.xlsx"
    result = CliRunner().invoke(app, ["export", *args, str(out), "--data", str(REPO / "data")])
    assert result.exit_code == 2 and message in result.output
    assert not out.exists()
