"""Bad option values: the project's own errors (the option, the form it takes, what was given; exit 2),
never the wording of the validation library typer uses inside (found by a new-user trial:
"Input should be a valid integer, unable to parse string as an integer")."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
LIBRARY_WORDING = ("Input should", "Value error", "validation error", "pydantic", "Traceback")


def kg(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["viz", "--year", "20x"], "Invalid value for '--year': expected a whole number from 1 to 9999, not '20x'"),
        (["viz", "--depth", "0", "--focus", "Pajala"], "'--depth': expected a whole number of 1 or more, not '0'"),
        (["synth", "--out", "x", "--seed", "-1"], "'--seed': expected a whole number of 0 or more, not '-1'"),
        (["synth", "--out", "x", "--triples", "lots"], "'--triples' / '-n': expected a whole number of 1 or more"),
        (["serve", "--port", "abc"], "Invalid value for '--port': expected a whole number, not 'abc'"),
        (["query", "active", "--timeout", "abc"], "Invalid value for '--timeout': expected a number, not 'abc'"),
        (["query", "active", "-f", "xml"], "'--format' / '-f': expected one of table, csv, tsv, json, md, not 'xml'"),
        (["analyze", "--network", "people"], "expected one of actors, bipartite, organisations, not 'people'"),
        (["ingest", "x.txt", "--lang", "de"], "Invalid value for '--lang': expected one of auto, sv, fi, not 'de'"),
        (["build", "--engine", "jena"], "'--engine': expected one of auto, rdflib, oxigraph, not 'jena'"),
        # numbers the library accepts but a timeout cannot be (inf crashed with OverflowError)
        (["query", "active", "--timeout", "inf"], "'--timeout': expected a positive number of seconds"),
        (["query", "active", "--http-timeout", "nan"], "'--http-timeout': expected a positive number of seconds"),
        (["serve", "--timeout", "-1"], "'--timeout': expected a number of seconds, 0 or more (0: no limit), not -1"),
    ],
)
def test_bad_option_values_get_the_projects_own_error(args, expected):
    result = kg(*args)
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert not any(words in result.output for words in LIBRARY_WORDING), result.output


def _typed_options():
    """(command, option, annotation) of every option of every command that is not text, a path or a flag."""
    group = typer.main.get_command(app)
    for name, command in sorted(group.commands.items()):
        for param in command.params:
            described = getattr(param, "type_descriptor", None)  # typer >= 0.20 (validates with pydantic)
            annotation = getattr(described, "annotation", None)
            typed = annotation in (int, float) or getattr(described, "choices", None)
            if typed and param.opts[0].startswith("--"):
                yield name, param.opts[0]


TYPED = list(_typed_options())


@pytest.mark.skipif(not TYPED, reason="this typer does not validate with pydantic")
@pytest.mark.parametrize(("command", "option"), TYPED)
def test_no_option_of_any_command_shows_the_libraries_wording(command, option):
    # the bad option comes first: it is checked before the command's other parameters and before it runs
    result = kg(command, option, "not-a-value")
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}'" in result.output
    assert "expected " in result.output and "not 'not-a-value'" in result.output
    assert not any(words in result.output for words in LIBRARY_WORDING), result.output
