"""Shared fixtures: one build of the shipped data per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The result of ``kg.build.build`` on the shipped data (written to a temporary folder)."""
    from kg.build import build

    result = build(DATA, tmp_path_factory.mktemp("build"), engine="rdflib")  # the reference engine
    assert result.conforms, result.report.to_text()
    return result


@pytest.fixture(scope="session")
def dataset(built):
    """The built rdflib Dataset: every named graph of the shipped data, with derived triples."""
    return built.dataset
