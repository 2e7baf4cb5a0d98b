"""The README's examples are what the commands print.

Every fenced ``text`` block of README.md that shows a ``$ kg ...`` command followed by its output is
run, in the order of the README, in a copy of the project (so that ``kg all`` builds the graph the
later examples read), and the command's standard output is compared with the block line by line.
Only timings (``2.53 s``, ``2,53 s``) may differ; a line ``…`` stands for any number of lines the README leaves
out, and ``…`` inside a line for any text. Diagnostics on stderr are not part of the examples.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
KG = Path(sys.executable).parent / "kg"
# Commands that keep running until stopped are not run here; each names the test that covers it.
LONG_RUNNING = {"serve": "a server that runs until Ctrl-C; tests/test_remote.py runs it on a free port"}
TIMING = re.compile(r"\b\d+(?:[.,]\d+)? s\b")  # 2.53 s, or 2,53 s in Swedish and Finnish


@dataclass
class Example:
    line: int  # where the command is in README.md
    command: str
    expected: list[str]


def examples(text: str) -> list[Example]:
    """The ``$ kg ...`` commands of the README's ``text`` blocks, each with the output shown below it."""
    found: list[Example] = []
    lines = text.splitlines()
    inside = False
    current: Example | None = None
    for number, line in enumerate(lines, start=1):
        if line.startswith("```"):
            if current is not None:
                found.append(current)
                current = None
            inside = not inside and line.strip() == "```text"
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            if current is not None:
                found.append(current)
            current = Example(number, line[2:].strip(), [])
        elif current is not None:
            current.expected.append(line)
    for example in found:
        while example.expected and not example.expected[-1].strip():
            example.expected.pop()
    return [e for e in found if e.command.split()[0] == "kg"]


def pattern(expected: list[str]) -> re.Pattern:
    """A regular expression of the expected lines: timings normalised, ``…`` as a wildcard."""
    parts = []
    for line in expected:
        line = TIMING.sub("<t> s", line.rstrip())
        if line.strip() == "…":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(piece) for piece in line.split("…")) + r"\n")
    return re.compile("".join(parts))


def normalised(output: str) -> str:
    lines = [TIMING.sub("<t> s", line.rstrip()) for line in output.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "".join(line + "\n" for line in lines)


def test_the_readme_has_examples_to_check():
    found = examples(README.read_text(encoding="utf-8"))
    assert len(found) >= 5
    assert {"all", "build", "validate", "query", "analyze"} <= {e.command.split()[1] for e in found}


def test_pattern_allows_only_timings_and_elisions():
    assert pattern(["engine:    rdflib (2.53 s)", "…", "done"]).fullmatch(
        normalised("engine:    rdflib (0.91 s)\nmore\nlines\ndone\n")
    )
    assert not pattern(["triples:   1889 in 8 named graphs"]).fullmatch(
        normalised("triples:   1889 in 7 named graphs\n")
    )
    assert pattern(["triples:   … in 7 named graphs"]).fullmatch(normalised("triples:   1889 in 7 named graphs\n"))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project without its build, where the examples run one after another."""
    target = tmp_path_factory.mktemp("readme") / "project"
    ignore = shutil.ignore_patterns(
        ".git", "build", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", "*.egg-info"
    )
    shutil.copytree(REPO, target, ignore=ignore)
    return target


@pytest.mark.slow
@pytest.mark.parametrize(
    "example", examples(README.read_text(encoding="utf-8")), ids=lambda e: f"README.md:{e.line}: {e.command}"
)
def test_readme_example_prints_what_the_readme_shows(example: Example, project: Path):
    args = shlex.split(example.command)
    if args[1] in LONG_RUNNING:
        pytest.skip(LONG_RUNNING[args[1]])
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    done = subprocess.run(
        [str(KG), *args[1:]], cwd=project, capture_output=True, text=True, timeout=600, env=env, check=False
    )
    actual = normalised(done.stdout)
    expected = pattern(example.expected)
    assert expected.fullmatch(actual), (
        f"README.md line {example.line}: `{example.command}` (exit {done.returncode}) printed:\n{done.stdout}"
        f"\nstderr:\n{done.stderr}\nthe README shows:\n" + "\n".join(example.expected)
    )
