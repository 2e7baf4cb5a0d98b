"""The Oxigraph build: same results as the reference build, and incremental rebuilds that touch
only what changed, never leaving a half-updated build behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import DataError

REPO = Path(__file__).resolve().parents[1]
PAJALA_FILE = "000_d0f522aa97cf2385.ttl"
NEW_FACT = (
    "\n<https://w3id.org/samverkan/id/municipality/se-2514> "
    "<https://w3id.org/samverkan/def#participatesIn> "
    "<https://w3id.org/samverkan/id/initiative/samhallsinnovation-i-glesa-geografin> .\n"
)


def key(report):
    return sorted((r.severity, r.focus, r.path, r.message, r.value, tuple(r.files)) for r in report.results)


def ask(result, sparql: str) -> bool:
    return result.store.ask(sparql)


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path / "data"


def test_oxigraph_build_matches_the_reference(built, tmp_path):
    fast = build(REPO / "data", tmp_path / "out", engine="oxigraph")
    assert fast.engine == "oxigraph" and built.engine == "rdflib"
    assert key(fast.report) == key(built.report)
    assert fast.stats == built.stats
    assert fast.derived == built.derived
    import rdflib

    ours, reference = rdflib.Dataset(), rdflib.Dataset()
    ours.parse(fast.output, format="trig")
    reference.parse(built.output, format="trig")
    from kg.sparql import canonical

    def quads(ds):  # decimals compared by value: engines print "7500.00" and "7500" alike
        return {tuple(canonical(term) for term in quad) for quad in ds.quads()}

    assert quads(ours) == quads(reference)


def test_rebuild_after_one_changed_source(data, tmp_path):
    out = tmp_path / "out"
    first = build(data, out, engine="oxigraph")
    assert first.conforms and first.changed is None
    with (data / "sources" / PAJALA_FILE).open("a", encoding="utf-8") as f:
        f.write(NEW_FACT)
    second = build(data, out, engine="oxigraph")
    assert second.changed == [str((data / "sources" / PAJALA_FILE).resolve())]
    assert second.conforms
    assert ask(second, "ASK { GRAPH ?g { <https://w3id.org/samverkan/id/municipality/se-2514> kg:participatesIn ?i } }")
    assert "se-2514" in (out / "graph.trig").read_text(encoding="utf-8")
    full = build(data, None, engine="rdflib")
    assert key(second.report) == key(full.report)
    assert second.stats == full.stats
    third = build(data, out, engine="oxigraph")
    assert third.changed == []


def test_failed_rebuild_restores_the_store_and_writes_nothing(data, tmp_path):
    out = tmp_path / "out"
    build(data, out, engine="oxigraph")
    before = (out / "graph.trig").read_bytes()
    path = data / "sources" / PAJALA_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text + NEW_FACT + "\n<https://w3id.org/samverkan/id/municipality/se-2514> "
                    "<https://w3id.org/samverkan/def#memberOf> "
                    "<https://w3id.org/samverkan/id/initiative/samhallsinnovation-i-glesa-geografin> .\n",
                    encoding="utf-8")  # fmt: skip
    failed = build(data, out, engine="oxigraph")
    assert not failed.conforms and failed.output is None
    assert (out / "graph.trig").read_bytes() == before
    assert not ask(
        failed, "ASK { ?m kg:memberOf <https://w3id.org/samverkan/id/initiative/samhallsinnovation-i-glesa-geografin> }"
    )
    path.write_text(text + "\nthis is not turtle\n", encoding="utf-8")
    with pytest.raises(DataError):
        build(data, out, engine="oxigraph")
    assert (out / "graph.trig").read_bytes() == before
    path.write_text(text, encoding="utf-8")
    again = build(data, out, engine="oxigraph")
    assert again.conforms and again.changed == []  # the store was put back exactly


def test_cross_source_constraint_is_checked_on_rebuild(data, tmp_path):
    out = tmp_path / "out"
    build(data, out, engine="oxigraph")
    (data / "sources" / "zz_new.ttl").write_text(
        """@prefix kg: <https://w3id.org/samverkan/def#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/samverkan/id/source/zz_new> a kg:SourceDocument ; dcterms:identifier "zz_new" ;
    dcterms:title "Test"@en ; dcterms:language "en" .
<https://w3id.org/samverkan/id/municipality/se-9999> a kg:Municipality ; rdfs:label "Falska Pajala"@sv ;
    kg:municipalityCode "2521" ; kg:country "SE" ; kg:locatedIn <https://w3id.org/samverkan/id/area/se-25> .
""",
        encoding="utf-8",
    )
    result = build(data, out, engine="oxigraph")
    assert not result.conforms
    focus = {r.focus for r in result.report.results if "also used by" in r.message}
    assert focus == {
        "https://w3id.org/samverkan/id/municipality/se-9999",
        "https://w3id.org/samverkan/id/municipality/se-2521",
    }


def test_removed_source_drops_its_graph(data, tmp_path):
    out = tmp_path / "out"
    build(data, out, engine="oxigraph")
    (data / "sources" / "003_0b4daf96cdb52fb1.ttl").unlink()
    result = build(data, out, engine="oxigraph")
    assert result.conforms and result.stats["sources"] == 4
    assert not ask(result, "ASK { GRAPH <https://w3id.org/samverkan/id/source/003_0b4daf96cdb52fb1> { ?s ?p ?o } }")
