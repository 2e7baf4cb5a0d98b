"""Errors that name the file, line and column (or the entity) at fault."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class KgError(Exception):
    """A user-facing error.

    >>> str(KgError("unknown prefix 'foo:'", file=Path("data/sources/x.ttl"), line=5, column=7))
    "data/sources/x.ttl:5:7: unknown prefix 'foo:'"
    >>> str(KgError("no source files found", file=Path("empty")))
    'empty: no source files found'
    """

    message: str
    file: Path | str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = str(self.file)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return where + self.message


class DataError(KgError):
    """Input data cannot be read (syntax, unknown prefix, missing files)."""


class ValidationFailed(KgError):
    """The data was read but violates the shapes."""
