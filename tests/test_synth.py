"""Synthetic benchmark data (kg.synth): deterministic, the right size, conforming, and with the
deliberate violations it says it injected, and no others."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef

from kg.build import build
from kg.synth import VIOLATION_KINDS, synthesize

KG = Namespace("https://w3id.org/samverkan/def#")
AREA = Namespace("https://w3id.org/samverkan/id/area/")
ID = "https://w3id.org/samverkan/id/"
HUBS = {
    ID + "org/region-norrbotten",
    ID + "org/region-vasterbotten",
    ID + "org/lapin-liitto",
    ID + "org/ltu",
    ID + "org/umu",
    ID + "org/lapin-yliopisto",
    ID + "org/lapin-amk",
    ID + "municipality/se-2580",  # Luleå
    ID + "municipality/se-2480",  # Umeå
    ID + "municipality/fi-698",  # Rovaniemi
}


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synth5k(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "data"
    return out, synthesize(5000, out, seed=11)


@pytest.fixture(scope="module")
def sources5k(synth5k):
    """Every source file parsed on its own: (file, graph)."""
    out, _ = synth5k
    return [(path, Graph().parse(path)) for path in sorted((out / "sources").glob("*.ttl"))]


def test_same_seed_gives_identical_files_another_seed_other_files(synth5k, tmp_path):
    out, _ = synth5k
    again = tmp_path / "again"
    synthesize(5000, again, seed=11)
    assert _contents(again) == _contents(out)
    synthesize(5000, tmp_path / "other", seed=12)
    other, first = _contents(tmp_path / "other"), _contents(out)
    assert other["reference/municipalities.ttl"] == first["reference/municipalities.ttl"]
    assert other["sources/synth-000001.ttl"] != first["sources/synth-000001.ttl"]


def test_layout_and_exact_triple_count(synth5k, sources5k):
    out, summary = synth5k
    names = [path.name for path, _ in sources5k]
    assert names == [f"synth-{n:06d}.ttl" for n in range(1, len(names) + 1)]
    assert summary.files == len(names)
    assert abs(summary.triples - 5000) <= 250  # within 5 %
    parsed = sum(len(graph) for _, graph in sources5k)
    assert parsed == summary.source_triples  # counted exactly while writing
    reference = Graph()
    for path in sorted((out / "reference").glob("*.ttl")):
        reference.parse(path)
    assert summary.triples == parsed + len(reference) == summary.source_triples + summary.reference_triples
    assert 40 <= parsed / len(names) <= 80
    assert json.loads((out / "synth.json").read_text(encoding="utf-8")) == json.loads(summary.to_json())
    assert summary.counts["SourceDocument"] == len(names)
    assert summary.violations == []


def test_every_file_describes_its_document(sources5k):
    for path, graph in sources5k:
        doc = URIRef(ID + "source/" + path.stem)
        assert (doc, None, KG.SourceDocument) in graph
        languages = {str(o) for o in graph.objects(doc, URIRef("http://purl.org/dc/terms/language"))}
        assert languages <= {"sv", "fi", "en"} and languages


def test_participation_is_skewed_crosses_the_border_and_people_move(sources5k):
    union = Graph()
    for _, graph in sources5k:
        union += graph
    degree = Counter()
    for prop in (KG.participatesIn, KG.leads, KG.organises):
        for actor, _ in union.subject_objects(prop):
            degree[actor] += 1
    ranked = degree.most_common()
    median = sorted(degree.values())[len(degree) // 2]
    assert {str(a) for a, _ in ranked[:3]} & HUBS
    assert ranked[0][1] >= 5 * median
    cross_border = set(union.subjects(KG.locatedIn, AREA["se-25"])) & set(union.subjects(KG.locatedIn, AREA["fi-19"]))
    assert cross_border
    posts = Counter(person for person, _ in union.subject_objects(KG.holdsPost))
    assert any(n > 1 for n in posts.values())


def test_synthetic_data_conforms(synth5k):
    out, summary = synth5k
    result = build(out, None)
    assert result.conforms, result.report.to_text()[:4000]
    assert result.report.count("Violation") == 0
    assert result.report.count("Warning") <= 5
    assert result.stats["sources"] == summary.files


def test_injected_violations_are_reported_and_nothing_else(tmp_path):
    clean = synthesize(3000, tmp_path / "clean", seed=3)
    out = tmp_path / "bad"
    summary = synthesize(3000, out, seed=3, violations=7)
    assert [v["kind"] for v in summary.violations] == list(VIOLATION_KINDS)
    assert summary.files == clean.files
    # the violations are appended: every clean file is the start of its counterpart
    before, after = _contents(tmp_path / "clean" / "sources"), _contents(out / "sources")
    assert before.keys() == after.keys()
    assert all(after[name].startswith(before[name]) for name in before)
    changed = {name for name in before if after[name] != before[name]}
    assert changed == {Path(v["file"]).name for v in summary.violations}

    result = build(out, None, engine="rdflib")  # the reference engine, compared with Oxigraph below
    violations = [r for r in result.report.results if r.severity == "Violation"]
    reported = {r.focus for r in violations}
    injected = {v["focus"] for v in summary.violations}
    related = {v["related"] for v in summary.violations if "related" in v}  # the other municipality with the code
    assert injected <= reported, result.report.to_text()
    assert reported <= injected | related, result.report.to_text()
    for v in summary.violations:
        files = {Path(f).name for r in violations if r.focus == v["focus"] for f in r.files}
        assert Path(v["file"]).name in files

    # the compiled shapes on Oxigraph find exactly what pyshacl finds, file by file
    def key(report):
        return sorted((r.severity, r.focus, r.path, r.message, r.value, tuple(r.files)) for r in report.results)

    fast = build(out, None, engine="oxigraph")
    assert fast.engine == "oxigraph" and result.engine == "rdflib"
    ours, theirs = key(fast.report), key(result.report)
    assert ours == theirs


# The digest of ``synthesize(3000, seed=3, violations=7)``: any change to the generator's output shows
# here and is re-pinned on purpose (last with the full reference data of issue 16, whose northern part
# synth copies; the inputs re-pinned in issue 22, the output unchanged by them and by the 10M fixes). It
# depends on the shipped reference data and themes, whose digest is pinned beside it.
PINNED_INPUTS = "31f9933becc4fa5521c5ec7e1cebd03460d52150a123b2b9132b1aaabe12d590"
PINNED_OUTPUT = "a5784529bf808d50df03148d50f4a3bdcea6f3be682106af29bb5b2cf8758d8d"


def _digest(files: list[tuple[str, bytes]]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def test_output_is_byte_identical_to_the_pinned_run(tmp_path):
    from kg.core import resources

    inputs = sorted((resources.shipped("data") / "reference").glob("*.ttl"))
    inputs.append(resources.shipped("ontology") / "themes.ttl")
    if _digest([(p.name, p.read_bytes()) for p in inputs]) != PINNED_INPUTS:
        # a failure, not a skip: a skipped pin went unnoticed for sessions while the reference data changed
        pytest.fail(
            "the shipped reference data or themes changed since the output digest was pinned: check that "
            "kg synth's output changed only as the reference data did, then re-pin both digests"
        )
    synthesize(3000, tmp_path / "data", seed=3, violations=7)
    assert _digest(list(_contents(tmp_path / "data").items())) == PINNED_OUTPUT


# Issue 22: ``kg synth --triples 10000000`` stopped near 31,000 files (1.6M triples): the made-up
# organisations' plain names of a country (about 2,600 in Finland) were all taken and drawing a free one
# never ended; past 7M triples, the 60 numbered variants of a project's name ran out too.
@pytest.fixture(scope="module")
def crowded_world(tmp_path_factory):
    from kg.core import resources
    from kg.synth.documents import Writer
    from kg.synth.generator import _copy_northern_reference

    reference = tmp_path_factory.mktemp("reference")
    for name in ("areas.ttl", "municipalities.ttl"):
        _copy_northern_reference(resources.shipped("data") / "reference" / name, reference / name)
    return Writer(5, reference, resources.shipped("ontology"))


def test_made_up_organisations_do_not_run_out_of_names(crowded_world):
    world = crowded_world
    made = [world.new_org("FI") for _ in range(4000)]  # more than the plain Finnish names (about 2,600)
    iris = [actor.iri for actor in made]
    assert len(set(iris)) == 4000
    assert len({actor.labels[0][0].lower() for actor in made}) == 4000
    assert all(actor.country == "FI" and actor.labels[0][0].endswith(" Oy") for actor in made if " & " in actor.iri)
    assert sum(" & " in actor.labels[0][0] for actor in made) > 1000  # the partnerships' names took over


def test_an_initiative_name_taken_60_times_goes_on_numbered(crowded_world):
    labels = [("Förstudie Digital Pajala", "sv"), ("Esiselvitys Digital Pajala", "fi")]
    made = [crowded_world.unique_label(labels, 2020) for _ in range(150)]
    iris = [iri for _, iri in made]
    assert len(set(iris)) == 150
    assert iris[0] == "ini:forstudie-digital-pajala" and iris[-1] == "ini:forstudie-digital-pajala-149"
    assert made[-1][0] == [("Förstudie Digital Pajala (149)", "sv"), ("Esiselvitys Digital Pajala (149)", "fi")]
