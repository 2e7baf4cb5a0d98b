"""Output people can read and trust (issue 21): file modes, option checks, where each message goes,
counts that agree with each other, and tables that never break a word."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture(scope="module")
def graph(built) -> str:
    return str(built.output)


# ------------------------------------------------------------------------------ file modes


def test_atomic_writes_take_the_umask_for_new_files_and_keep_a_replaced_files_mode(umask_022, tmp_path):
    from kg.core.atomic import write_text

    new = tmp_path / "new.txt"
    write_text(new, "a")
    assert mode(new) == 0o644
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    os.chmod(kept, 0o640)
    write_text(kept, "new")
    assert (mode(kept), kept.read_text()) == (0o640, "new")
    os.umask(0o077)
    write_text(tmp_path / "private.txt", "a")
    assert mode(tmp_path / "private.txt") == 0o600


def test_built_graph_is_readable_by_others_and_keeps_its_mode(umask_022, curated_data, tmp_path):
    # the curated data, not the registers: a file's mode does not depend on what it holds, and pyshacl
    # (the rdflib engine) spends 18 s of CPU with the registers, 4 s without them
    out = tmp_path / "build"
    assert runner.invoke(app, ["build", "--data", str(curated_data), "--out", str(out)]).exit_code == 0
    assert mode(out / "graph.trig") == 0o644
    os.chmod(out / "graph.trig", 0o644)
    assert (
        runner.invoke(app, ["build", "--data", str(curated_data), "--out", str(out), "--engine", "rdflib"]).exit_code
        == 0
    )
    assert mode(out / "graph.trig") == 0o644


def test_page_and_out_files_get_the_umasks_mode(umask_022, graph, tmp_path):
    page = tmp_path / "network.html"
    assert runner.invoke(app, ["viz", "--graph", graph, "--out", str(page)]).exit_code == 0
    assert mode(page) == 0o644
    existing = tmp_path / "members.csv"
    existing.write_text("old")
    os.chmod(existing, 0o644)
    args = ["query", "members", "-p", "association=Region 10", "-f", "csv", "--graph", graph, "-o", str(existing)]
    assert runner.invoke(app, args).exit_code == 0
    assert mode(existing) == 0o644 and existing.read_text().startswith("member,")
    report = tmp_path / "analysis.json"
    assert runner.invoke(app, ["analyze", "--graph", graph, "-f", "json", "-o", str(report)]).exit_code == 0
    assert mode(report) == 0o644


def test_notebook_exports_get_the_umasks_mode(umask_022, built, tmp_path):
    import kg

    g = kg.load(built.output)
    g.to_gexf(tmp_path / "actors.gexf")
    g.to_turtle(tmp_path / "graph.ttl")
    assert mode(tmp_path / "actors.gexf") == 0o644
    assert mode(tmp_path / "graph.ttl") == 0o644


# ------------------------------------------------------------------------------ options


#: what a validation library would say instead of the project (typer validates options with pydantic:
#: "Input should be a valid integer, unable to parse string as an integer", found by a new-user trial)
LIBRARY_WORDING = ("Input should", "Value error", "validation error", "pydantic", "Traceback")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["viz", "--max-nodes", "-5"], "'--max-nodes': expected a whole number of 1 or more, not '-5'"),
        (["viz", "--max-edges", "-1"], "'--max-edges': expected a whole number of 0 or more, not '-1'"),
        (["synth", "--triples", "-5", "--out", "{tmp}/synth"], "'--triples' / '-n': expected a whole number of 1 or"),
        (["synth", "--triples", "lots", "--out", "{tmp}/synth"], "'-n': expected a whole number of 1 or more"),
        (["synth", "--violations", "-1", "--out", "{tmp}/synth"], "'--violations': expected a whole number of 0 or"),
        (["synth", "--seed", "1.5", "--out", "{tmp}/synth"], "'--seed': expected a whole number of 0 or more"),
        (["viz", "--depth", "2"], "--depth needs --focus"),
        (["viz", "--depth", "0", "--focus", "Pajala"], "'--depth': expected a whole number of 1 or more, not '0'"),
        (["query", "members", "--lang", "de"], "'--lang' (env var: 'KG_LANG'): expected one of sv, fi, en, not 'de'"),
        (["analyze", "--lang", "de"], "'--lang' (env var: 'KG_LANG'): expected one of sv, fi, en, not 'de'"),
        (["ingest", "x.txt", "--lang", "de"], "Invalid value for '--lang': expected one of auto, sv, fi, not 'de'"),
        (["query", "members", "-f", "xml"], "'--format' / '-f': expected one of table, csv, tsv, json, md, not 'xml'"),
        (["analyze", "--network", "people"], "expected one of actors, bipartite, organisations, not 'people'"),
        (["build", "--engine", "jena"], "'--engine': expected one of auto, rdflib, oxigraph, not 'jena'"),
        (["query", "members", "--timeout", "0"], "'--timeout': expected a positive number of seconds"),
        (["query", "members", "--timeout", "abc"], "Invalid value for '--timeout': expected a number, not 'abc'"),
        # numbers a timeout cannot be, though the library takes them (inf crashed with OverflowError)
        (["query", "members", "--timeout", "inf"], "'--timeout': expected a positive number of seconds"),
        (["query", "members", "--http-timeout", "-1"], "'--http-timeout': expected a positive number of seconds"),
        (["query", "members", "--http-timeout", "nan"], "'--http-timeout': expected a positive number of seconds"),
        (["serve", "--timeout", "-1"], "'--timeout': expected a number of seconds, 0 or more (0: no limit), not -1"),
        (["viz", "--year", "0"], "Invalid value for '--year': expected a whole number from 1 to 9999, not '0'"),
        (["viz", "--year", "20x"], "Invalid value for '--year': expected a whole number from 1 to 9999, not '20x'"),
        (["serve", "--port", "70000"], "--port"),
        (["serve", "--port", "abc"], "Invalid value for '--port': expected a whole number, not 'abc'"),
        (["query", "missing.rq"], "missing.rq: no such file"),
        (["query", "no/such/dir/q.rq"], "no/such/dir/q.rq: no such file"),
        # an --out extension chooses the format, or is refused (a new-user trial: --out x.md wrote a table)
        (["analyze", "--out", "{tmp}/report.md"], "kg analyze cannot tell a format from .md"),
        (["analyze", "-f", "csv", "--out", "{tmp}/report.json"], "the extension .json means --format json"),
        (["query", "members", "--out", "{tmp}/rows.xlsx"], "kg query cannot tell a format from .xlsx"),
        (["query", "members", "-f", "json", "--out", "{tmp}/rows.md"], "means --format md, not --format json"),
        (["viz", "--out", "{tmp}/page.png"], "kg viz writes HTML only; name the file .html or .htm"),
        (["reconcile", "names.csv", "--out", "{tmp}/found.tsv"], "kg reconcile writes CSV only"),
    ],
)
def test_bad_options_exit_2_with_a_clear_message(args, message, tmp_path):
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert not any(words in result.stderr for words in LIBRARY_WORDING), result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "synth").exists()


def _typed_options():
    """(command, option) of every option of every command that takes a number or one of a set of values."""
    import typer.main

    group = typer.main.get_command(app)
    for name, command in sorted(group.commands.items()):
        for param in command.params:
            described = getattr(param, "type_descriptor", None)  # typer >= 0.20 (validates with pydantic)
            typed = getattr(described, "annotation", None) in (int, float) or getattr(described, "choices", None)
            if typed and param.opts[0].startswith("--"):
                yield name, param.opts[0]


TYPED = list(_typed_options())


@pytest.mark.skipif(not TYPED, reason="this typer does not validate with pydantic")
@pytest.mark.parametrize(("command", "option"), TYPED)
def test_no_option_of_any_command_shows_the_libraries_wording(command, option):
    # the bad option comes first: it is checked before the command's other parameters and before it runs
    result = runner.invoke(app, [command, option, "not-a-value"])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}'" in result.stderr
    assert "expected " in result.stderr and "not 'not-a-value'" in result.stderr
    assert not any(words in result.stderr for words in LIBRARY_WORDING), result.stderr


def test_version():
    from kg import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"kg (samverkan-kg) {__version__}\n"


# ------------------------------------------------------------------------------ messages


def test_build_prints_results_on_stdout_findings_on_stderr_each_once(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    result = runner.invoke(app, ["build", "--data", str(data), "--out", str(tmp_path / "out"), "--lang", "en"])
    assert result.exit_code == 0
    warnings = int(re.search(r"(\d+) warning\(s\)", result.stdout).group(1))
    assert warnings > 0
    assert result.stderr.count("Warning: ") == warnings  # each warning listed once, where counted
    assert result.output.count("conforms") == 1  # the verdict once
    assert "Warning: " not in result.stdout and "triples:" not in result.stderr
    # a violation: its finding on stderr, the summary (nothing written) on stdout, exit 1
    broken = data / "sources" / "004_7d7d9fe527b1fb8f.ttl"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nfunding:x a kg:Funding ; kg:currency "EUR" .\n')
    result = runner.invoke(app, ["build", "--data", str(data), "--out", str(tmp_path / "out2"), "--lang", "en"])
    assert result.exit_code == 1
    assert "Violation: " in result.stderr and "Violation: " not in result.stdout
    assert "written:   nothing" in result.stdout
    assert result.output.count("does NOT conform") == 1


def test_all_lists_its_warnings_on_request(tmp_path):
    args = ["all", "--data", str(REPO / "data"), "--out", str(tmp_path / "out"), "--lang", "en"]
    plain = runner.invoke(app, args)
    assert plain.exit_code == 0, plain.output
    warnings = int(re.search(r"(\d+) warning\(s\)", plain.stdout).group(1))
    assert f"note: {warnings} warning(s) not listed; kg all --warnings lists them" in plain.stderr
    listed = runner.invoke(app, [*args, "--warnings"])
    assert listed.stderr.count("Warning: ") == warnings
    assert "not listed" not in listed.stderr
    assert listed.stdout.count("conforms") == 1


def test_incremental_rebuild_says_what_it_re_derived(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    args = ["build", "--data", str(data), "--out", str(tmp_path / "out"), "--engine", "oxigraph", "--lang", "en"]
    full = runner.invoke(app, args)
    assert full.exit_code == 0, full.output
    total = int(re.search(r"derived:   (\d+) triples \(", full.stdout).group(1))
    assert runner.invoke(app, args).stdout.count("derived:   nothing re-derived (no source changed)") == 1
    source = data / "sources" / "000_d0f522aa97cf2385.ttl"
    source.write_text(source.read_text(encoding="utf-8") + "\n# touched\n", encoding="utf-8")
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    line = re.search(r"derived:   (\d+) triples re-derived in the graphs of 1 changed file\(s\)", again.stdout)
    assert line and 0 < int(line.group(1)) < total


def test_analyze_counts_agree_with_what_it_lists(graph):
    text = runner.invoke(app, ["analyze", "--graph", graph, "--lang", "en"]).stdout
    clusters = int(re.search(r"^Clusters: (\d+) ", text, re.M).group(1))
    listed = len(re.findall(r"^c\d+  ", text, re.M))
    alone = re.search(r"^  (\d+) listed below; the other (\d+) are isolated actors", text, re.M)
    isolates = int(re.search(r"isolates: (\d+)", text).group(1))
    if alone:
        assert (int(alone.group(1)), listed + int(alone.group(2))) == (listed, clusters)
        assert int(alone.group(2)) <= isolates
    else:
        assert listed == clusters
    check = re.search(r"Cross-check: greedy modularity finds (\d+) clusters \(modularity [\d.]+\), (\d+) of them", text)
    assert check and int(check.group(2)) <= min(int(check.group(1)), clusters)


def test_viz_notes_go_to_stderr(graph, tmp_path):
    args = ["viz", "--graph", graph, "--out", str(tmp_path / "p.html"), "--max-nodes", "5", "--lang", "en"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("wrote ") and "note: " not in result.stdout
    assert "note: " in result.stderr


# ------------------------------------------------------------------------------ tables for people


def test_entity_table_names_predicates_and_never_breaks_a_word(graph):
    # the variable names as headers: the Swedish ones are narrower and wrap the titles elsewhere
    result = runner.invoke(app, ["query", "entity", "-p", "entity=Pajala", "--graph", graph, "--header", "names"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "http://www.w3.org/" not in text and "rdf:type" in text and "skos:editorialNote" in text
    assert "000_d0f522aa97cf2385" not in text  # sources by title and date, not by file hash
    assert "Pajala kommun får klartecken" in text
    words = set(re.findall(r"\S+", text))
    for fragment in ("1999/02/22-rdf-syn", "tax-ns#type", "#label"):
        assert fragment not in words


def test_tables_show_source_titles_and_dates_machine_formats_keep_the_id(graph):
    args = ["query", "members", "-p", "association=Region 10", "--graph", graph]
    table = runner.invoke(app, args).stdout
    assert "001_fd9fc37229e934b4" not in table
    assert "Civilministern på besök i Lycksele" in table and "(2024-05-06)" in table
    csv = runner.invoke(app, [*args, "-f", "csv"]).stdout
    assert "001_fd9fc37229e934b4" in csv and "Civilministern på besök i Lycksele (2024-05-06)" in csv


def test_source_titles_looked_up_in_batches_are_those_read_at_once(graph, monkeypatch):
    # Oxigraph binds up to 1,000 identifiers quickly and then falls off a cliff (1,100: 15x slower), so
    # larger sets are looked up in batches; a batch of 2 makes the shipped sources need several
    from kg.query import sparql
    from kg.query.stores import OxigraphStore

    store = OxigraphStore.from_file(graph)
    every = sparql.source_titles(store, "en")
    wanted = {key for key in every if key != "reference"} | {"no-such-source"}
    assert len(wanted) > 5
    monkeypatch.setattr(sparql, "_TITLE_BATCH", 2)
    assert sparql.source_titles(store, "en", wanted) == {key: every[key] for key in wanted if key in every}


def test_funding_table_leaves_unknown_amounts_empty(graph):
    # the variable names as headers (--header names); the booleans in the output language (sv: ja, nej)
    text = runner.invoke(app, ["query", "funding", "--graph", graph, "--format", "md", "--header", "names"]).stdout
    lines = text.splitlines()
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    rows = [dict(zip(header, (c.strip() for c in line.strip("|").split("|")), strict=True)) for line in lines[2:]]
    by_funder = {row["funder"]: row for row in rows}
    esf = by_funder["Europeiska socialfonden"]
    assert (esf["total"], esf["perYear"], esf["approximate"]) == ("", "", "")  # unknown, not 0
    posio = by_funder["Posio"]
    assert (posio["currency"], posio["total"], posio["perYear"], posio["approximate"]) == ("EUR", "", "5000", "ja")
    kemijarvi = by_funder["Kemijärvi"]
    assert (kemijarvi["total"], kemijarvi["perYear"], kemijarvi["approximate"]) == ("7500", "5000", "nej")
    assert "0" not in {cell for row in rows for cell in row.values()}
