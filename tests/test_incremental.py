"""The Oxigraph build: same results as the reference build, and incremental rebuilds that touch
only what changed, never leaving a half-updated build behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.core.errors import DataError

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
def data(curated_data, tmp_path) -> Path:
    """A copy of the curated data (conftest): the rebuilds here need not carry the two large registers."""
    shutil.copytree(curated_data, tmp_path / "data")
    return tmp_path / "data"


def test_oxigraph_build_matches_the_reference(built, curated_data, tmp_path):
    fast = build(curated_data, tmp_path / "out", engine="oxigraph")  # the data that ``built`` was built from
    assert fast.engine == "oxigraph" and built.engine == "rdflib"
    assert key(fast.report) == key(built.report)
    assert fast.stats == built.stats
    assert fast.derived == built.derived
    import rdflib

    ours, reference = rdflib.Dataset(), rdflib.Dataset()
    ours.parse(fast.output, format="trig")
    reference.parse(built.output, format="trig")
    from kg.query.sparql import canonical

    def value(term):  # the rdflib engine keeps literals as written; Oxigraph's store writes "P24M" as "P2Y"
        if isinstance(term, rdflib.Literal) and term.datatype is not None and term.value is not None:
            return (term.datatype, term.value)
        return canonical(term)

    def quads(ds):  # decimals and durations compared by value: engines print "7500.00" and "7500" alike
        return {tuple(value(term) for term in q) for q in ds.quads() if rdflib.BNode not in map(type, q)}

    assert quads(ours) == quads(reference)
    # blank nodes (the ontology's RDF lists) are named differently by each engine: compare their graphs
    from rdflib.compare import isomorphic

    from kg.core.namespaces import ONTOLOGY_GRAPH

    assert isomorphic(ours.graph(ONTOLOGY_GRAPH), reference.graph(ONTOLOGY_GRAPH))


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
    assert result.conforms and result.stats["sources"] == 16  # the 17 curated sources less one
    assert not ask(result, "ASK { GRAPH <https://w3id.org/samverkan/id/source/003_0b4daf96cdb52fb1> { ?s ?p ?o } }")


HEADER = """@prefix kg: <https://w3id.org/samverkan/def#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix mun: <https://w3id.org/samverkan/id/municipality/> .
@prefix ini: <https://w3id.org/samverkan/id/initiative/> .
@prefix orgid: <https://w3id.org/samverkan/id/org/> .
<https://w3id.org/samverkan/id/source/{stem}> a kg:SourceDocument ; dcterms:identifier "{stem}" ;
    dcterms:title "Test {stem}"@en ; dcterms:language "en" ; dcterms:publisher mun:se-2521 .
"""


def write_source(folder: Path, stem: str, body: str) -> None:
    (folder / f"{stem}.ttl").write_text(HEADER.replace("{stem}", stem) + body, encoding="utf-8")


def test_rebuild_rechecks_nodes_that_a_changed_file_only_points_to(data, tmp_path):
    """A fact removed from one file changes what another file's node satisfies (an inverse path),
    and a changed type makes other files' links wrong (sh:class): the rebuild must see both, and
    report exactly what a full pyshacl validation reports."""
    out, sources = tmp_path / "out", data / "sources"
    project = 'ini:zz-test a kg:Project ; rdfs:label "Testprojekt"@sv ; schema:startDate "2024"^^xsd:gYear .\n'
    association = 'orgid:zz-assoc a kg:MunicipalAssociation ; rdfs:label "Testförbund"@sv .\n'
    write_source(sources, "zz_ini", project + association)
    write_source(sources, "zz_link", "mun:se-2521 kg:participatesIn ini:zz-test ; kg:memberOf orgid:zz-assoc .\n")
    first = build(data, out, engine="oxigraph")
    assert first.conforms
    assert not [r for r in first.report.results if r.focus and r.focus.endswith("zz-test")]

    # 1. the only participation goes: the initiative, described in the other file, loses its participant
    write_source(sources, "zz_link", "mun:se-2521 kg:memberOf orgid:zz-assoc .\n")
    second = build(data, out, engine="oxigraph")
    assert second.changed == [str((sources / "zz_link.ttl").resolve())]
    hits = [r for r in second.report.results if r.focus and r.focus.endswith("zz-test")]
    assert [(r.severity, r.message) for r in hits] == [("Warning", "no actor takes part in this initiative")]
    assert key(second.report) == key(build(data, None, engine="rdflib").report)

    # 2. the association becomes a project: Pajala's kg:memberOf, stated in another file, now fails
    write_source(sources, "zz_ini", project + 'orgid:zz-assoc a kg:Project ; rdfs:label "Testförbund"@sv ;\n'
                 '    schema:startDate "2024"^^xsd:gYear .\n')  # fmt: skip
    third = build(data, out, engine="oxigraph")
    assert not third.conforms
    wrong = [r for r in third.report.results if r.severity == "Violation"]
    assert {(r.focus, r.path) for r in wrong} >= {("https://w3id.org/samverkan/id/municipality/se-2521", "kg:memberOf")}
    assert key(third.report) == key(build(data, None, engine="rdflib").report)


def test_store_written_after_validation_holds_the_same_quads(data, tmp_path, monkeypatch):
    """Issue 22: at 10M quads the on-disk store is bulk-loaded after the graph.trig dump, with the memory
    store freed (``KG_BUILD_STORE=after``, chosen by ``auto`` from 5M quads); it holds what the store
    written beside validation holds, and a rebuild after one changed source still works on it."""
    import pyoxigraph as ox

    def quads(folder: Path) -> tuple[set, int]:  # blank nodes are named anew by each load: counted only
        store = ox.Store.read_only(str(folder / "store"))
        named = {str(q) for q in store if not any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object))}
        return named, len(store)

    monkeypatch.setenv("KG_BUILD_STORE", "beside")
    beside = build(data, tmp_path / "beside", engine="oxigraph", incremental=False)
    monkeypatch.setenv("KG_BUILD_STORE", "after")
    after = build(data, tmp_path / "after", engine="oxigraph", incremental=False)
    assert beside.conforms and after.conforms and after.stats == beside.stats
    after.store.close()
    beside.store.close()
    assert quads(tmp_path / "after") == quads(tmp_path / "beside") and quads(tmp_path / "after")[1] > 1000
    assert not list((tmp_path / "after").glob("*.nq")) and not list((tmp_path / "after").glob(".store-*"))
    with (data / "sources" / PAJALA_FILE).open("a", encoding="utf-8") as f:
        f.write(NEW_FACT)
    again = build(data, tmp_path / "after", engine="oxigraph")
    assert again.changed == [str((data / "sources" / PAJALA_FILE).resolve())] and again.conforms
    monkeypatch.setenv("KG_BUILD_STORE", "sideways")
    with pytest.raises(ValueError, match="KG_BUILD_STORE"):
        build(data, tmp_path / "bad", engine="oxigraph", incremental=False)
