"""Where the shipped ontology, shapes, rules, queries and data are.

In a checkout (or an editable install) they are the top-level folders of the repository; in a
wheel they are packaged under ``kg/_shipped``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # src/kg (this file is src/kg/core/resources.py)
_REPO = _PACKAGE.parents[1]


def shipped(name: str) -> Path:
    """The shipped folder ``name`` (``ontology``, ``data``, ``queries``).

    >>> shipped("ontology").joinpath("shapes.ttl").is_file()
    True
    """
    for base in (_PACKAGE / "_shipped", _REPO):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped folder {name!r} not found under {_PACKAGE} or {_REPO}")


def ontology_files() -> list[Path]:
    """The Turtle files of the ontology (without the shapes), in a stable order."""
    folder = shipped("ontology")
    return sorted(p for p in folder.glob("*.ttl") if p.name != "shapes.ttl")


def shapes_file() -> Path:
    """The SHACL shapes."""
    return shipped("ontology") / "shapes.ttl"


def rule_files() -> list[Path]:
    """The derivation rules (SPARQL Update), applied in file-name order."""
    return sorted((shipped("ontology") / "rules").glob("*.ru"))


def default_data_dir() -> Path:
    """``data/`` in the current directory if there is one, else the shipped data."""
    local = Path("data")
    if (local / "sources").is_dir():
        return local
    return shipped("data")
