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


def new_source_file(data: Path, stem: str, out: Path | str | None = None, data_dir: Path | str | None = None) -> Path:
    """Where a command that writes a new source (``kg import``, ``kg import --mapping``) writes it.

    ``out`` when given, else ``data/sources/STEM.ttl``. When neither ``out`` nor ``data_dir`` was given
    and ``data`` is the data packaged inside an installed wheel (no ``data/`` in the current folder),
    :class:`~kg.core.errors.DataError`: a command must not write into site-packages, where the next
    upgrade would silently drop the file.

    >>> new_source_file(Path("data"), "minutes-2024").as_posix()
    'data/sources/minutes-2024.ttl'
    >>> new_source_file(Path("data"), "x", out="drafts/x.ttl").as_posix()
    'drafts/x.ttl'
    """
    if out is not None:
        return Path(out)
    if data_dir is None and Path(data).resolve().is_relative_to(_PACKAGE / "_shipped"):
        from kg.core.errors import DataError

        raise DataError(
            "there is no data/ folder here to write the new source into, and the data of the installed "
            "package is read-only: run the command in the folder that holds data/sources, or give --data FOLDER "
            "(or --out FILE)",
            file=Path(data),
        )
    return Path(data) / "sources" / f"{stem}.ttl"


def default_data_dir() -> Path:
    """``data/`` in the current directory if there is one, else the shipped data."""
    local = Path("data")
    if (local / "sources").is_dir():
        return local
    return shipped("data")
