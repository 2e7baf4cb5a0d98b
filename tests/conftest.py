"""Shared fixtures: one build of the shipped data per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = REPO.parent / "shared"


REGISTER_PREFIX = "register-"  # data/sources/register-*.ttl: the two imported registers (issue 18)


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
def shipped(tmp_path_factory):
    """The whole shipped data, registers included, built by the default (Oxigraph) engine: its store."""
    from kg.build import build
    from kg.query.stores import OxigraphStore

    result = build(DATA, tmp_path_factory.mktemp("shipped"), engine="oxigraph")
    assert result.conforms, result.report.to_text()
    return OxigraphStore.from_file(result.output)


@pytest.fixture(scope="session")
def dataset(built):
    """The built rdflib Dataset: every named graph of the shipped data, with derived triples."""
    return built.dataset
