"""``kg reconcile FILE.csv``: the candidates for one column of a CSV file, as CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kg.core.errors import DataError


def read_csv_column(path: Path | str, column: str) -> list[str]:
    """The values of ``column`` in a UTF-8 CSV file with a header row (delimiter sniffed: , ; or tab).

    Raises :class:`DataError` naming the file (and the closest column) when the file cannot be
    read or has no such column.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror}", file=path) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError("file is not valid UTF-8 text (a CSV file was expected)", file=path, line=line) from exc
    if not text.strip():
        raise DataError("the file is empty (a CSV file with a header row was expected)", file=path)
    from kg.tabular.sheets import delimiter

    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text)))
    header = [h.strip() for h in rows[0]]
    if column not in header:
        from rapidfuzz import process

        closest = process.extractOne(column, header)
        hint = f"; did you mean {closest[0]!r}?" if closest else ""
        raise DataError(f"no column {column!r} (columns: {', '.join(header)}){hint}", file=path, line=1)
    at = header.index(column)
    return [row[at].strip() if at < len(row) else "" for row in rows[1:] if any(cell.strip() for cell in row)]


def reconcile_csv(
    path: Path | str,
    column: str,
    *,
    type_: str | None = None,
    country: str | None = None,
    lang: str | None = None,
    limit: int = 3,
    data_dir: Path | str | None = None,
) -> str:
    """The candidates for the names in ``column`` of a CSV file, as CSV text (columns
    :data:`kg.reconciliation.COLUMNS`; the first is the name as written).

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "names.csv"
    >>> _ = f.write_text("name\\nPajalas\\n", encoding="utf-8")
    >>> print(reconcile_csv(f, "name", limit=1).splitlines()[1])
    Pajalas,1,https://w3id.org/samverkan/id/municipality/se-2521,Pajala,Municipality,SE,2521,95.0,True,inflected,Pajala
    """
    from kg.reconciliation import default_reconciler

    names = read_csv_column(path, column)
    reconciler = default_reconciler(data_dir)
    try:
        frame = reconciler.reconcile(names, type_, country, lang, limit=limit)
    except KeyError as exc:
        raise DataError(str(exc.args[0]), file=path) from exc
    return frame.to_csv(index=False, lineterminator="\n")
