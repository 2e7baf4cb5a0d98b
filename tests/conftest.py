"""Shared fixtures: one build of the shipped data per test session."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

# The test files start slowest first, by the seconds each took when last run (tests/timing.py: pytest's
# cache, else tests/durations.json, which `python -m pytest --update-durations` rewrites after a whole run)
from timing import (  # noqa: F401  (hooks)
    pytest_addoption,
    pytest_collection_finish,
    pytest_collection_modifyitems,
    pytest_runtest_logreport,
    pytest_sessionfinish,
    pytest_xdist_node_collection_finished,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = REPO.parent / "shared"


REGISTER_PREFIX = "register-"  # data/sources/register-*.ttl: the two imported registers (issue 18)
# the queries about the registers' money and partners: their rows come from the registers, so they are
# checked on the whole shipped data (fixture ``shipped``), not on the curated documents
REGISTER_QUERIES = frozenset(
    {"partners-by-programme", "money-by-organisation", "money-by-municipality", "cross-county-partners",
     "municipality-projects"}
)  # fmt: skip


@pytest.fixture(scope="session")
def curated_data(tmp_path_factory) -> Path:
    """The shipped data without the imported registers: the reference data and the curated documents.

    The exact rows of the query tests are pinned on these documents; the registers (thousands of
    projects, tested against the registers themselves in test_registers.py) are in ``shipped``.
    """
    out = tmp_path_factory.mktemp("curated") / "data"
    shutil.copytree(DATA, out, ignore=lambda _dir, names: [n for n in names if n.startswith(REGISTER_PREFIX)])
    return out


@pytest.fixture(scope="session")
def built(curated_data, tmp_path_factory):
    """The result of ``kg.build.build`` on the curated data (written to a temporary folder)."""
    from kg.build import build

    result = build(curated_data, tmp_path_factory.mktemp("build"), engine="rdflib")  # the reference engine
    assert result.conforms, result.report.to_text()
    return result


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory):
    """The whole shipped data, registers included, built by the default (Oxigraph) engine."""
    from kg.build import build

    result = build(DATA, tmp_path_factory.mktemp("shipped"), engine="oxigraph")
    assert result.conforms, result.report.to_text()
    return result


@pytest.fixture(scope="session")
def shipped(shipped_build):
    """An Oxigraph store of the whole shipped data (``shipped_build``'s graph file)."""
    from kg.query.stores import OxigraphStore

    return OxigraphStore.from_file(shipped_build.output)


@pytest.fixture(scope="session")
def dataset(built):
    """The built rdflib Dataset: every named graph of the shipped data, with derived triples."""
    return built.dataset


# ------------------------------------------------------------------ a smaller reference folder
_MUNICIPALITY = re.compile(r"(?:mun:|/id/municipality/)((?:se|fi)-\d+)")


def write_small_reference(target: Path) -> Path:
    """The shipped reference data into ``target``, with only the municipalities the tests name.

    Every reference file is copied as it is except municipalities.ttl, which keeps its header and
    the municipalities named in any test file, and those these point to (``kg:succeededBy``), so
    the folder conforms on both engines. The tests that use it check how one small source is read,
    validated or rebuilt, which does not depend on how many municipalities there are: the 600 of
    the whole reference data cost each rdflib validation (pyshacl) about a second, about half of
    its time. Tests of the shipped data and of reconciliation (suggestions among all municipalities)
    use ``data/reference`` itself.
    """
    shutil.copytree(
        DATA / "reference", target, ignore=lambda _d, names: [n for n in names if n == "municipalities.ttl"]
    )
    text = (DATA / "reference" / "municipalities.ttl").read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    named = {}
    for block in blocks:
        found = re.match(r"mun:((?:se|fi)-\d+) a ", block.lstrip("\n"))
        if found:
            named[found.group(1)] = block
    wanted = set()
    for test in Path(__file__).parent.glob("*.py"):
        wanted |= set(_MUNICIPALITY.findall(test.read_text(encoding="utf-8"))) & named.keys()
    todo = list(wanted)
    while todo:  # and the municipalities these point to
        for code in set(_MUNICIPALITY.findall(named[todo.pop()])) & named.keys():
            if code not in wanted:
                wanted.add(code)
                todo.append(code)
    kept = [
        b
        for b in blocks
        if not re.match(r"mun:((?:se|fi)-\d+) a ", b.lstrip("\n")) or b.lstrip("\n").split()[0][4:] in wanted
    ]
    (target / "municipalities.ttl").write_text("\n\n".join(kept), encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def small_reference(tmp_path_factory) -> Path:
    """A reference folder with the municipalities the tests name (see ``write_small_reference``)."""
    return write_small_reference(tmp_path_factory.mktemp("small-reference") / "reference")
