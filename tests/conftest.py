"""Shared fixtures: one build of the shipped data per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


# The test files, slowest first (CPU seconds of each file run alone, measured 2026-11-30; a file not
# listed runs after these). pytest-xdist hands out whole files (--dist loadfile) in collection order
# (--no-loadscope-reorder): the long files start first and the short ones fill in at the end, so
# no worker is left alone with a long file while the other one is idle. Its own order would be by
# number of tests, which puts a few slow tests (a round trip of every source) last.
SLOWEST_FIRST = (
    "tests/test_engines.py",  # 128 s
    "tests/test_strict_reading.py",  # over 75 s
    "tests/test_queries.py",
    "tests/test_export.py",
    "src/kg/notebook.py",  # about 60 s of doctests, each loading the shipped graph
    "tests/test_security.py",
    "tests/test_browser.py",  # 40 s
    "tests/test_bad_input.py",  # 38 s
    "tests/test_rebuild_property.py",
    "tests/test_remote.py",
    "tests/test_incremental.py",
    "tests/test_import.py",
    "tests/test_output.py",
    "tests/test_closed_world.py",  # 36 s with the registers in two of its builds
    "tests/test_registers.py",
    "tests/test_ingest.py",
)


def pytest_collection_modifyitems(config, items):
    rank = {path: i for i, path in enumerate(SLOWEST_FIRST)}

    def slowness(item) -> int:
        path = Path(item.path)
        return rank.get(path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else "", len(rank))

    items.sort(key=slowness)  # stable: the tests of a file keep their order
