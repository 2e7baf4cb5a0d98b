"""Issue 22: the label table the build writes beside graph.trig (``labels.sqlite``, kg.build.labeltable).

``kg query`` labels and titles its rows from it instead of reading Oxigraph; the labels must be the same
either way, the rebuild must keep the table equal to a full build's after any edit, and a build
without a current table (an older build, a table of another graph.trig) must be read as before."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from test_bad_input import PREFIXES
from test_rebuild_property import new_data
from typer.testing import CliRunner

from kg.build import build, labeltable
from kg.build.graph import open_built_store
from kg.cli import app
from kg.query import labeltable as reading
from kg.query.library import available
from kg.query.sparql import execute

LIBRARY = available()
LANGS = (None, "fi", "en")


def table_rows(out: Path) -> tuple[set, list]:
    """Every row of ``out``'s label table (titles as a sorted list: they may repeat)."""
    db = sqlite3.connect(out / labeltable.FILE)
    try:
        labels = set(db.execute("SELECT iri, lang, label FROM labels"))
        titles = sorted(db.execute("SELECT doc, id, title, lang, COALESCE(issued, '') FROM titles"))
    finally:
        db.close()
    return labels, titles


def source(data: Path, stem: str, title: str, facts: list[str], issued: str | None = None) -> None:
    date = f' ; dcterms:issued "{issued}"^^xsd:date' if issued else ""
    (data / "sources" / f"{stem}.ttl").write_text(
        PREFIXES
        + f"""
<https://w3id.org/samverkan/id/source/{stem}> a kg:SourceDocument ;
    dcterms:identifier "{stem}" ; dcterms:title "{title}"@en{date} ; dcterms:language "en" ;
    dcterms:publisher <https://w3id.org/samverkan/id/municipality/se-2521> .
"""
        + "\n".join(facts)
        + "\n",
        encoding="utf-8",
    )


def rebuilt_equals_full(data: Path, out: Path, full: Path) -> None:
    """Rebuild ``out`` (it must be incremental) and build ``data`` fully into ``full``: same table."""
    result = build(data, out, engine="oxigraph")
    assert result.conforms, result.report.to_text()
    assert getattr(result, "full_reason", None) is None and result.changed, "the rebuild was not incremental"
    shutil.rmtree(full, ignore_errors=True)
    assert build(data, full, engine="oxigraph", incremental=False).conforms
    assert table_rows(out) == table_rows(full)
    assert reading.open_for(out) is not None  # it describes graph.trig as the rebuild left it


def test_the_rebuild_keeps_the_table_equal_to_a_full_builds(tmp_path, small_reference):
    data = new_data(tmp_path, small_reference)
    project = 'ini:p1 a kg:Project ; rdfs:label "Projekt ett"@sv, "Project one"@en .\nmun:se-2521 kg:leads ini:p1 .'
    company = 'o:x a kg:Company ; rdfs:label "{0}"@sv .'
    third = 'ini:p3 a kg:Project ; rdfs:label "Tre"@sv .\nmun:se-2521 kg:leads ini:p3 .'
    source(data, "a", "First document", [project], issued="2024-05-06")
    source(data, "b", "Second document", [project, company.format("X AB")])
    source(data, "c", "Third document", [third])
    out, full = tmp_path / "out", tmp_path / "full"
    assert build(data, out, engine="oxigraph").conforms
    before = table_rows(out)
    assert ("https://w3id.org/samverkan/id/initiative/p1", "en", "Project one") in before[0]
    assert any(row[1:] == ("a", "First document", "en", "2024-05-06") for row in before[1])

    # a label changed, a title changed and a date added
    source(data, "b", "Second document, revised", [project, company.format("X Ab")], issued="2025-01-02")
    rebuilt_equals_full(data, out, full)
    labels, titles = table_rows(out)
    assert ("https://w3id.org/samverkan/id/org/x", "sv", "X Ab") in labels
    assert ("https://w3id.org/samverkan/id/org/x", "sv", "X AB") not in labels
    assert any(row[1:] == ("b", "Second document, revised", "en", "2025-01-02") for row in titles)
    assert not any(row[1] == "b" and row[2] == "Second document" for row in titles)

    # a source added
    source(data, "d", "Fourth document", ['o:y a kg:Company ; rdfs:label "Y Oy"@fi, "Y AB"@sv .'])
    rebuilt_equals_full(data, out, full)
    assert ("https://w3id.org/samverkan/id/org/y", "fi", "Y Oy") in table_rows(out)[0]

    # sources deleted: their only labels and their titles go, labels stated elsewhere too stay
    (data / "sources" / "c.ttl").unlink()
    (data / "sources" / "a.ttl").unlink()
    rebuilt_equals_full(data, out, full)
    labels, titles = table_rows(out)
    assert not any(row[0].endswith("/initiative/p3") for row in labels)
    assert not any(row[1] in ("a", "c") for row in titles)
    assert ("https://w3id.org/samverkan/id/initiative/p1", "en", "Project one") in labels  # still stated by b

    # a build without a table (an older build): the rebuild writes it whole
    (out / labeltable.FILE).unlink()
    source(data, "d", "Fourth document", ['o:y a kg:Company ; rdfs:label "Y Oyj"@fi .'])
    rebuilt_equals_full(data, out, full)


def results(store_folder: Path, name: str, lang: str | None, table: bool, monkeypatch) -> tuple:
    query = LIBRARY[name]
    params = query.example_params()
    with monkeypatch.context() as patch:
        if not table:
            patch.setattr(reading, "open_for", lambda *a, **k: None)
        store = open_built_store(store_folder / "graph.trig")
        assert store is not None
        try:
            result = execute(store, query, params, lang=lang, timeout=None)
            used = getattr(store, "_label_table", None) is not None
        finally:
            store.close()
    return (result.variables, result.rows), used


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_every_shipped_query_labels_its_rows_alike_with_and_without_the_table(shipped_build, monkeypatch, name):
    """The whole shipped data, three languages: labels and titles from the table equal those read from
    Oxigraph (the labels of every IRI column, the titles and dates of every source column)."""
    folder = shipped_build.output.parent
    assert (folder / labeltable.FILE).is_file()
    for lang in LANGS:
        fast, used = results(folder, name, lang, True, monkeypatch)
        slow, unused = results(folder, name, lang, False, monkeypatch)
        assert fast == slow, (name, lang)
        assert not unused
        if any(v.endswith("Label") for v in fast[0]):
            assert used, name  # the labels came from the table


def test_a_table_of_another_graph_or_none_is_not_used(tmp_path, small_reference):
    """Through the CLI: without a table, or with one written for another graph.trig, ``kg query``
    prints the same bytes as with the current table (it reads Oxigraph instead)."""
    data = new_data(tmp_path, small_reference)
    project = 'ini:p1 a kg:Project ; rdfs:label "Projekt ett"@sv .\nmun:se-2521 kg:leads ini:p1 .'
    source(data, "a", "First document", [project], issued="2024-05-06")
    out = tmp_path / "out"
    assert build(data, out, engine="oxigraph").conforms
    runner = CliRunner()

    def query(name: str) -> str:
        result = runner.invoke(app, ["query", name, "--graph", str(out / "graph.trig"), "--format", "csv"])
        assert result.exit_code == 0, result.output
        return result.output

    current = {name: query(name) for name in ("initiatives", "sources")}
    assert "Projekt ett" in current["initiatives"] and "First document (2024-05-06)" in current["initiatives"]
    assert reading.open_for(out) is not None
    db = sqlite3.connect(out / labeltable.FILE)
    db.execute("UPDATE meta SET value = '1' WHERE key = 'graph_size'")
    db.execute("UPDATE labels SET label = 'stale'")
    db.commit()
    db.close()
    assert reading.open_for(out) is None  # written for a graph.trig of another size
    assert {name: query(name) for name in current} == current
    (out / labeltable.FILE).unlink()
    assert {name: query(name) for name in current} == current


def test_kg_all_keeps_the_table_current(tmp_path, small_reference):
    """``kg all`` stores its analysis (with the clusters' labels) in the graph: the table follows."""
    data = new_data(tmp_path, small_reference)
    project = 'ini:p1 a kg:Project ; rdfs:label "Projekt ett"@sv .\nmun:se-2521 kg:leads ini:p1 .'
    source(data, "a", "First document", [project + "\nmun:se-2518 kg:participatesIn ini:p1 ."])
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["all", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = reading.open_for(out)
    assert table is not None
    table.close()
    full = tmp_path / "full"
    shutil.copytree(out, full, ignore=shutil.ignore_patterns(labeltable.FILE))
    store = open_built_store(full / "graph.trig")
    assert store is not None
    labeltable.write_new(full, store)  # a table written now from the store with the analysis in it
    store.close()
    labels, titles = table_rows(out)
    assert table_rows(full) == (labels, titles)
    assert any("/cluster/" in iri for iri, _, _ in labels)
