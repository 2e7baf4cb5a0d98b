"""One product in three languages (s29 trial findings 10 and 16): every message of every catalogue in
sv, fi and en; the analyze report and query tables framed in the output language; English output
byte for byte as before (pinned in tests/fixtures/i18n/, written by the code before the catalogues;
a change of the curated data changes them legitimately: `python tests/test_i18n.py` writes them anew
with the current code, to be read before it is committed)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.analysis import messages
from kg.analysis.analyze import analyze, to_text
from kg.analysis.network import bipartite_graph, project
from kg.cli import app
from kg.core.errors import KgError
from kg.core.i18n import table_problems
from kg.core.labels import LANGS
from kg.core.status import LIBRARY, STATUS, translate, translate_lines
from kg.query import columns
from kg.query.formats import render
from kg.query.library import available, get, read_query
from kg.query.sparql import execute
from kg.viz import text

PINNED = Path(__file__).parent / "fixtures" / "i18n"
QUERIES = {"funding": {}, "cross-border": {}, "entity": {"entity": "Pajala"}, "members": {"association": "Region 10"}}
runner = CliRunner()


def _by_lang(table: dict) -> dict:
    """``{code: {lang: text}}`` as ``{lang: {code: text}}``."""
    return {lang: {code: texts[lang] for code, texts in table.items() if lang in texts} for lang in LANGS}


def test_every_message_has_all_three_translations():
    problems = messages.REPORT.problems() + columns.HEADERS.problems() + columns.TABLES.problems()
    problems += STATUS.problems()  # the status lines, notes and words of the commands
    problems += columns.value_problems()
    for name in ("TEXT", "KIND_TEXT", "ROLE_TEXT"):  # the page's tables, of the same kind
        problems += table_problems(f"kg.viz.text.{name}", getattr(text, name))
    for name in ("COUNTRY_NAMES", "LANGUAGE_NAMES"):
        problems += table_problems(f"kg.viz.text.{name}", _by_lang(getattr(text, name)))
    assert problems == []


def _projected(query_text: str) -> list[str]:
    """The variables a SELECT projects (``(… AS ?x)`` gives ``x``), from its text."""
    body = re.sub(r"#[^\n]*", "", query_text)
    clause = re.search(r"\bSELECT\b(.*?)\bWHERE\b", body, re.S | re.I).group(1)
    while "(" in clause:  # an expression (nested parentheses) with its AS: the name only
        clause = re.sub(r"\((?:[^()]*)\)", lambda m: " ".join(re.findall(r"AS\s+\?\w+", m.group(0))), clause)
    return re.findall(r"\?(\w+)", clause.replace("AS ", ""))


def test_every_column_of_every_shipped_query_has_a_header_in_each_language():
    assert _projected("SELECT ?a (SUM(?x) AS ?total) (GROUP_CONCAT(DISTINCT STR(?r); separator=',') AS ?roles) WHERE")
    assert _projected("SELECT ?a (SUM(?x) AS ?t) WHERE {}") == ["a", "t"]
    missing = {
        (name, variable)
        for name, query in available().items()
        for variable in _projected(query.text)
        if variable not in columns.HEADERS
    }
    assert missing == set()


def test_a_query_may_declare_its_own_headers_and_a_bad_line_names_file_and_line(tmp_path):
    own = tmp_path / "own.rq"
    own.write_text(
        '# title: Own\n# column year: sv "Beslutsår", fi "Päätösvuosi", en "Year of the decision"\n'
        'SELECT ?year WHERE { VALUES ?year { "2020" } }\n',
        encoding="utf-8",
    )
    query = read_query(own)
    assert query.columns == {"year": {"sv": "Beslutsår", "fi": "Päätösvuosi", "en": "Year of the decision"}}
    assert columns.header("year", "fi", own=query.columns) == "Päätösvuosi"
    assert columns.header("year", "sv") == "År" and columns.header("year", "en") == "year"
    bad = tmp_path / "bad.rq"
    bad.write_text('# title: Bad\n# column year: sv "År"\nSELECT ?year WHERE {}\n', encoding="utf-8")
    with pytest.raises(KgError, match=r"bad\.rq:2: column 'year' needs a header in each of sv, fi, en"):
        read_query(bad)


@pytest.fixture(scope="module")
def store(built):
    """The curated graph in Oxigraph (the rdflib engine took 50 s for these tests' queries)."""
    from kg.query.stores import OxigraphStore

    return OxigraphStore.from_file(built.output)


@pytest.fixture(scope="module")
def reports(store):
    """The report of one analysis (labelled in English) with its frame in each language."""
    bipartite = bipartite_graph(store, None, "en", details=False)
    found = analyze(project(bipartite), bipartite)
    return {lang: to_text(found, lang=lang) for lang in LANGS}


def test_the_english_report_is_byte_for_byte_as_before(reports):
    assert reports["en"] == (PINNED / "analyze-en.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_the_swedish_and_finnish_reports_have_no_english_heading(reports, lang):
    # finding 10: "Network: actors: 846 actors, 1390 ties", "members:", "held together by:", "funders:",
    # "Top 5 by degree:", "Components:" under --lang sv and fi
    report = reports[lang]
    headings = [line for line in reports["en"].splitlines() if line[:1].isupper() and not re.match(r"c\d+  ", line)]
    assert len(headings) >= 8 and not set(headings) & set(report.splitlines())
    for key in ("members", "held_together", "funders", "isolated"):
        assert messages.REPORT.text(key, "en") not in report and messages.REPORT.text(key, lang) in report
    assert max(len(line) for line in report.splitlines()) <= 80


def test_english_query_tables_are_byte_for_byte_as_before(store):
    parts = []
    for name, params in QUERIES.items():
        result = execute(store, get(name), params, lang="en", timeout=None)
        for fmt in ("table", "md"):
            parts.append(f"==> kg query {name} --lang en --format {fmt} {params}\n" + render(result, fmt, store, "en"))
    assert "\n".join(parts) == (PINNED / "queries-en.txt").read_text(encoding="utf-8")


def test_query_tables_speak_the_output_language_and_machine_formats_keep_names(store):
    # finding 10: English variable names as headers and "true"/"false", "initiative" as values under --lang fi
    result = execute(store, get("funding"), {}, lang="fi", timeout=None)
    md = render(result, "md", store, "fi")
    assert md.splitlines()[0] == ("| Rahoittaja | Valuutta | Vuosi | Yhteensä | Vuodessa | Likimääräinen | Hankkeet |")
    assert "| kyllä |" in md and "| ei |" in md and "true" not in md and "false" not in md
    assert render(result, "md", store, "fi", "names").splitlines()[0].startswith("| funder | currency |")
    csv = render(result, "csv", store, "fi")
    assert csv.startswith("funder,funderLabel,currency,year,") and ",true," in csv  # as the query gives them
    labelled = render(result, "csv", store, "sv", "labels")
    assert labelled.startswith("Finansiär (IRI),Finansiär,Valuta,År,Summa,Per år,Ungefärligt,")
    assert json.loads(render(result, "json", store, "fi"))["head"]["vars"] == result.variables
    crossing = render(execute(store, get("cross-border"), {}, lang="sv", timeout=None), "md", store, "sv")
    assert crossing.splitlines()[0].startswith("| Slag | Subjekt |") and "| initiativ |" in crossing
    assert columns.value("via", "https://w3id.org/samverkan/id/org/x", "sv") == "https://w3id.org/samverkan/id/org/x"


def test_kg_query_header_option(built):
    graph = str(built.output)
    args = ["query", "members", "-p", "association=Region 10", "--graph", graph]
    table = runner.invoke(app, args)  # --lang's default, sv
    assert table.exit_code == 0 and table.stdout.split()[:3] == ["Medlem", "Kod", "Land"]
    labels = runner.invoke(app, [*args, "--lang", "fi", "--format", "tsv", "--header", "labels"])
    assert labels.exit_code == 0 and labels.stdout.startswith("Jäsen (IRI)\tJäsen\tKoodi\tMaa\t")
    refused = runner.invoke(app, [*args, "--format", "json", "--header", "labels"])
    assert refused.exit_code == 2 and "json keeps the variable names" in refused.output


def test_amount_kinds_are_named_as_the_ontology_names_them(dataset):
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    for kind in ("granted", "planned", "paid"):
        iri = URIRef(f"https://w3id.org/samverkan/def#{kind}")
        labels = {label.language: str(label) for label in dataset.objects(iri, RDFS.label)}
        assert {lang: columns.value("kind", kind, lang) for lang in LANGS} == {lang: labels[lang] for lang in LANGS}


def test_the_analysis_notes_kept_in_english_are_shown_in_the_report_language():
    from kg.analysis.analyze import _note

    work = "betweenness sampled with k=200 pivots (nodes x (nodes + edges) = 2.1e+08 > 1e+08)"
    assert _note(work, "sv") == (
        "mellanhandscentraliteten uppskattad från k=200 startnoder (noder x (noder + förbindelser) = 2.1e+08 > 1e+08)"
    )
    assert _note("betweenness sampled with k=200 pivots (25000 nodes > 20000)", "fi") == (
        "välillisyyskeskeisyys arvioitu k=200 lähtösolmusta (25000 solmua > 20000)"
    )
    assert _note(work, "en") == work and _note("a note of another kind", "fi") == "a note of another kind"


# ------------------------------------------------------------------ status lines, notes, kg queries


def test_every_shipped_query_has_its_title_description_and_parameters_in_each_language():
    # a query added with its texts in English only fails here (as a message of a catalogue does above)
    missing = []
    for name, query in available().items():
        assert query.title != name and query.description, name  # the English header itself
        wanted = ["title", "description", *(f"param {p.name}" for p in query.parameters)]
        for lang in LANGS:
            if lang != "en":
                texts = query.translations.get(lang, {})
                missing += [f"{name}.rq: {what}@{lang}" for what in wanted if not texts.get(what, "").strip()]
        unknown = {what for texts in query.translations.values() for what in texts} - set(wanted)
        assert not unknown, (name, unknown)
    assert missing == []


def test_a_query_header_translation_is_checked_and_falls_back_to_english(tmp_path):
    own = tmp_path / "own.rq"
    header = "# title: Own\n# description: Mine.\n# param: year (year): the year\n# title@fi: Oma\n"
    own.write_text(header + "SELECT ?year WHERE { BIND(?year AS ?y) }\n", encoding="utf-8")
    query = read_query(own)
    assert (query.title_in("fi"), query.title_in("sv"), query.title_in("en")) == ("Oma", "Own", "Own")
    assert query.description_in("fi") == "Mine."
    assert query.parameter_description(query.parameters[0], "sv") == "the year"
    for line, error in [
        ("# title@de: Eigene", r"own\.rq:4: title@de: the language is one of sv, fi, en, not 'de'"),
        ("# param@sv: month: månaden", r"own\.rq:4: param@sv: expected 'NAME: text' for a parameter declared"),
    ]:
        own.write_text(header.replace("# title@fi: Oma", line) + "SELECT ?year WHERE {}\n", encoding="utf-8")
        with pytest.raises(KgError, match=error):
            read_query(own)


def test_kg_queries_speaks_the_output_language_and_english_is_as_before():
    english = runner.invoke(app, ["queries", "--lang", "en"])
    assert english.exit_code == 0 and english.stdout == (PINNED / "queries-list-en.txt").read_text(encoding="utf-8")
    finnish = runner.invoke(app, ["queries"], env={"KG_LANG": "fi"}).stdout  # KG_LANG: --lang's default
    assert "    Kuntayhtymän jäsenet\n" in finnish
    assert "--param association=<entity>  pakollinen, esim. Region 10: kuntayhtymä nimellä" in finnish
    assert "anna yksi näistä: --param year, --param date (ei molempia)" in finnish
    swedish = runner.invoke(app, ["queries"]).stdout  # --lang's default, sv
    assert "    Medlemmar i ett kommunalförbund\n" in swedish
    assert "valfri, t.ex. ESF: bara den här finansiären" in swedish
    for listing in (finnish, swedish):
        assert not {"required", "optional", "e.g.", "default:"} & set(re.split(r"[\s,()]+", listing))
    refused = runner.invoke(app, ["queries"], env={"KG_LANG": "de"})
    assert refused.exit_code == 2 and "expected one of sv, fi, en, not 'de'" in refused.output


def _english_lines(text: str) -> list[str]:
    """The lines of ``text`` that are one of the library's English messages, as they are."""
    return [line for line in text.splitlines() if any(STATUS.read(line, (key,)) for key in LIBRARY)]


def test_the_build_summary_is_said_in_swedish_and_finnish(built):
    from dataclasses import replace

    from kg.build.findings import Result, ValidationReport

    broken = ValidationReport([Result("Violation", "a funding needs exactly one kg:funder")])
    summaries = [
        built.summary(),
        replace(built, changed=[], derived={}).summary(),
        replace(built, changed=["a.ttl"], analysis_dropped=True).summary(),
        replace(built, full_reason="the manifest is of format 2", report=broken, output=None).summary(),
    ]
    english = "\n".join(summaries)
    assert translate_lines(english, "en") == english
    assert len(_english_lines(english)) == len(english.splitlines())  # every line is a message of the catalogue
    for lang in ("sv", "fi"):
        said = translate_lines(english, lang)
        assert _english_lines(said) == [] and len(said.splitlines()) == len(english.splitlines())
    assert translate(f"engine:    rdflib ({built.timings['total']:.2f} s)", "fi").startswith("moottori:  rdflib (")
    assert "kommuner " in translate_lines(english, "sv") and "kuntia " in translate_lines(english, "fi")


def test_the_notes_and_reports_of_the_library_are_said_in_each_language(built, tmp_path):
    import json
    import shutil

    import networkx as nx

    from kg.build.graph import MANIFEST_FILE, STORE_DIR, open_built_store
    from kg.server.oxigraph import PushedGraph, PushReport
    from kg.viz.render import PageInfo, choose

    lines = []
    folder = tmp_path / "build"  # the reasons for reading graph.trig instead of the store beside it
    folder.mkdir()
    shutil.copy(built.output, folder / "graph.trig")
    (folder / MANIFEST_FILE).write_text("{}", encoding="utf-8")
    assert open_built_store(folder / "graph.trig", lines.append) is None  # no store
    (folder / STORE_DIR).mkdir()
    assert open_built_store(folder / "graph.trig", lines.append) is None  # graph.trig not the manifest's
    (folder / MANIFEST_FILE).write_text("not json", encoding="utf-8")
    assert open_built_store(folder / "graph.trig", lines.append) is None
    (folder / "store.dirty").write_text(json.dumps({}), encoding="utf-8")
    assert open_built_store(folder / "graph.trig", lines.append) is None
    pushed = PushReport("http://x/query", [PushedGraph("urn:g", 3, "moved")], ["urn:o"], ["urn:p"], 1)
    lines += pushed.summary().splitlines()
    lines += [PageInfo(12, 10, 0).summary(), PageInfo(849, 1393, 0, [], 1280, 2270, "both").summary()]
    for size_by in ("degree", "betweenness", "eigenvector"):
        path = nx.path_graph(6)
        nx.set_edge_attributes(path, 1, "weight")
        lines += choose(path, {n: n for n in path}, size_by, 3, 1)[3]
    assert len(lines) == 4 + 4 + 2 + 6 and len(_english_lines("\n".join(lines))) == len(lines)
    for lang in ("sv", "fi"):
        said = [translate(line, lang) for line in lines]
        assert _english_lines("\n".join(said)) == [], said
        assert not any("not using" in line or " ties" in line or "measure" in line for line in said), said


def test_the_commands_say_what_they_did_in_the_output_language(tmp_path):
    data, out = tmp_path / "data", tmp_path / "build"
    made = runner.invoke(app, ["synth", "--out", str(data), "--triples", "1"], env={"KG_LANG": "fi"})
    assert made.exit_code == 0 and made.stdout.startswith("kirjoitettiin "), made.output
    built = runner.invoke(app, ["build", "--data", str(data), "--out", str(out)])  # --lang's default, sv
    assert built.exit_code == 0, built.output
    labels = [line.split(":")[0] for line in built.stdout.splitlines()]
    assert labels == ["tripplar", "källor", "entiteter", "härlett", "validering", "motor", "skrivet"]
    checked = runner.invoke(app, ["validate", "--data", str(data), "--lang", "fi"])
    assert checked.exit_code == 0 and checked.stdout == "kelpaa: rikkomuksia 0, varoituksia 0\n"
    exported = runner.invoke(app, ["export", str(tmp_path / "x.xlsx"), "--data", str(data), "--source", "x"])
    assert exported.exit_code == 2 and exported.output.startswith("error: ")  # errors stay in English


if __name__ == "__main__":  # write the pinned English outputs with the current code (see the docstring)
    import shutil
    import tempfile

    from kg.build import build

    folder = Path(tempfile.mkdtemp()) / "data"
    shutil.copytree(
        Path(__file__).parents[1] / "data", folder, ignore=lambda _d, n: [x for x in n if x.startswith("register-")]
    )
    data = build(folder, folder.parent / "build", engine="rdflib").dataset
    network = bipartite_graph(data, None, "en", details=False)
    (PINNED / "analyze-en.txt").write_text(to_text(analyze(project(network), network)), encoding="utf-8")
    written = []
    for name, params in QUERIES.items():
        result = execute(data, get(name), params, lang="en", timeout=None)
        for fmt in ("table", "md"):
            written.append(f"==> kg query {name} --lang en --format {fmt} {params}\n" + render(result, fmt, data, "en"))
    (PINNED / "queries-en.txt").write_text("\n".join(written), encoding="utf-8")
    listed = CliRunner().invoke(app, ["queries", "--lang", "en"]).stdout
    (PINNED / "queries-list-en.txt").write_text(listed, encoding="utf-8")
    sys.exit(0)
