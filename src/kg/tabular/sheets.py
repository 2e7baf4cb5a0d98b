"""Read and write workbooks: XLSX (openpyxl) or a folder of CSV files, one per sheet.

Every value read keeps where it came from (:class:`Cell`), so that an error can name the sheet,
row and column. Cells are text: numbers are written out, dates become ISO dates, a formula is an
error (the importer takes facts, not calculations).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from kg.core.errors import KgError
from kg.tabular.layout import COLUMNS, REQUIRED_SHEETS, STATUSES, column_key


@dataclass
class SheetError(KgError):
    """A problem with one cell (or sheet) of a workbook: ``book.xlsx: entities row 5, column 'type': …``."""

    sheet: str | None = None
    row: int | None = None
    column_name: str | None = None

    def __str__(self) -> str:
        where = [str(self.file)] if self.file is not None else []
        place = []
        if self.sheet:
            place.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column_name:
            place.append(f"column '{self.column_name}'")
        if place:
            where.append(", ".join(place))
        return ": ".join([*where, self.message])


class SheetErrors(KgError):
    """Several :class:`SheetError` at once (all problems of a workbook are reported together)."""

    def __init__(self, errors: list[SheetError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


@dataclass
class Row:
    """One data row of a sheet: its cells by column name, and its row number (the header is row 1)."""

    sheet: str
    number: int
    cells: dict[str, str] = field(default_factory=dict)

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()


@dataclass
class Workbook:
    """The sheets of a workbook, by name: their rows and their columns."""

    path: Path
    rows: dict[str, list[Row]] = field(default_factory=dict)
    columns: dict[str, list[str]] = field(default_factory=dict)
    #: the file of each sheet of a folder of CSV files (an error names the file the user edits)
    files: dict[str, Path] = field(default_factory=dict)

    def error(self, message: str, row: Row | None = None, column: str | None = None, sheet: str | None = None):
        sheet = sheet or (row.sheet if row else None)
        return SheetError(
            message,
            file=self.files.get(sheet or "", self.path),
            sheet=sheet,
            row=row.number if row else None,
            column_name=column,
        )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path) -> dict[str, list[tuple[int, list[tuple[str, object, bool]]]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SheetError(f"not a spreadsheet (XLSX) file: {exc}", file=path) from exc
    except Exception as exc:  # openpyxl raises InvalidFileException and others
        raise SheetError(f"not a spreadsheet (XLSX) file: {exc}", file=path) from exc
    sheets = {}
    try:
        for ws in book.worksheets:
            rows = []
            for number, row in enumerate(ws.iter_rows(), start=1):
                cells = []
                for cell in row:
                    value = getattr(cell, "value", None)
                    formula = getattr(cell, "data_type", None) == "f" or (
                        isinstance(value, str) and value.startswith("=") and len(value) > 1
                    )
                    letter = getattr(cell, "column_letter", "")
                    cells.append((letter, value, formula))
                rows.append((number, cells))
            sheets[ws.title.strip()] = rows
    finally:
        book.close()
    return sheets


def merged_ranges(path: Path) -> dict[str, list[str]]:
    """The merged ranges of each sheet of an XLSX file (``{'relations': ['B6:B7']}``), empty sheets left out.

    A merged cell keeps its value in its first cell only: the rows below it would be read as empty.
    The read-only reader does not see merges, so the file is opened fully, only when a sheet has any.
    """
    with zipfile.ZipFile(path) as archive:
        if not any(
            name.startswith("xl/worksheets/") and b"<mergeCell " in archive.read(name) for name in archive.namelist()
        ):
            return {}
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=False)
    try:
        return {
            ws.title.strip(): [str(r) for r in ws.merged_cells.ranges]
            for ws in book.worksheets
            if ws.merged_cells.ranges
        }
    finally:
        book.close()


def _read_csv_folder(folder: Path) -> dict[str, list[tuple[int, list[tuple[str, object, bool]]]]]:
    sheets = {}
    for path in sorted(folder.glob("*.csv")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise SheetError("not valid UTF-8 text (a CSV file was expected)", file=path, row=line) from exc
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
        rows = []
        for values in reader:
            number = reader.line_num  # the physical line where the record ends
            rows.append((number, [("", v, v.startswith("=") and len(v) > 1) for v in values]))
        sheets[path.stem.strip()] = rows
    return sheets


def delimiter(text: str) -> str:
    """The delimiter of a CSV text: whichever of ``,``, ``;`` and tab its header line has most of.

    >>> delimiter("id;namn\\n1;Pajala, kommun\\n"), delimiter("a,b\\n")
    (';', ',')
    """
    first = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=lambda d: (first.count(d), d == ","))


def read_workbook(path: Path | str) -> Workbook:
    """Read the sheets of ``path`` (an ``.xlsx`` file or a folder of CSV files).

    Raises :class:`SheetErrors` listing every problem with sheet, row and column: not a
    spreadsheet, an empty workbook, a missing sheet or column, an unknown column (with the closest
    valid one), a formula.
    """
    path = Path(path)
    merges: dict[str, list[str]] = {}
    if path.is_dir():
        raw = _read_csv_folder(path)
        kind = "folder"
    elif not path.exists():
        raise SheetErrors([SheetError("file not found", file=path)])
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            raw = _read_xlsx(path)
            merges = merged_ranges(path)
        except SheetError as exc:
            raise SheetErrors([exc]) from exc
        kind = "workbook"
    else:
        raise SheetErrors([SheetError("not a spreadsheet: give an .xlsx workbook or a folder of CSV files", file=path)])
    by_key = {column_key(name): name for name in raw}
    book = Workbook(path)
    errors: list[SheetError] = []
    if not any(len(rows) for rows in raw.values()):
        raise SheetErrors(
            [SheetError(f"the {kind} is empty: expected the sheets {', '.join(REQUIRED_SHEETS)}", file=path)]
        )
    for sheet in (*REQUIRED_SHEETS, "statements"):
        name = by_key.get(sheet)
        if name is None:
            if sheet in REQUIRED_SHEETS:
                from rapidfuzz import process

                closest = process.extractOne(sheet, list(raw))
                hint = f" (found {', '.join(repr(n) for n in raw)}; did you mean {closest[0]!r}?)" if closest else ""
                errors.append(SheetError(f"missing sheet '{sheet}'{hint}", file=path, sheet=sheet))
            continue
        if kind == "folder":
            book.files[sheet] = path / f"{name}.csv"
        file = book.files.get(sheet, path)
        rows = raw[name]
        if not rows or not any(_cell_text(v).strip() for _, v, _ in rows[0][1]):
            errors.append(SheetError("the sheet has no header row", file=file, sheet=sheet, row=1))
            continue
        header_number, header = rows[0]
        names = [column_key(v) for _, v, _ in header]
        required, optional = COLUMNS[sheet]
        known = set(required) | set(optional)
        for missing in required:
            if missing not in names:
                errors.append(SheetError(f"missing column '{missing}'", file=file, sheet=sheet, row=header_number))
        for index, column in enumerate(names):
            if column and column not in known:
                from rapidfuzz import process

                closest = process.extractOne(column, sorted(known))
                errors.append(
                    SheetError(
                        f"unknown column '{_cell_text(header[index][1])}'; closest valid column: '{closest[0]}'",
                        file=file,
                        sheet=sheet,
                        row=header_number,
                        column_name=header[index][0] or column,
                    )
                )
        book.columns[sheet] = [c for c in names if c]
        for merged in merges.get(name, []):
            from openpyxl.utils.cell import range_boundaries

            first_column, first_row, _, _ = range_boundaries(merged)
            column = names[first_column - 1] if first_column <= len(names) and names[first_column - 1] else None
            errors.append(
                SheetError(
                    f"cells {merged} are merged: a merged cell keeps its value in its first cell only, so the "
                    "other rows would be read as empty; unmerge them and type the value in every row",
                    file=file,
                    sheet=sheet,
                    row=first_row,
                    column_name=column or merged.split(":")[0].rstrip("0123456789"),
                )
            )
        parsed = []
        for number, cells in rows[1:]:
            values = {}
            for index, (letter, value, formula) in enumerate(cells):
                if index >= len(names) or not names[index]:
                    if _cell_text(value).strip():
                        errors.append(
                            SheetError(
                                "a value in a column without a header",
                                file=file,
                                sheet=sheet,
                                row=number,
                                column_name=letter or str(index + 1),
                            )
                        )
                    continue
                if formula:
                    errors.append(
                        SheetError(
                            f"a formula ({_cell_text(value)}); type the value itself",
                            file=file,
                            sheet=sheet,
                            row=number,
                            column_name=names[index],
                        )
                    )
                    continue
                values[names[index]] = _cell_text(value)
            status = values.get("status", "").strip().lower()
            if status and status not in STATUSES:
                errors.append(
                    SheetError(
                        f"unknown status {values['status']!r}; expected one of {', '.join(STATUSES)} (or empty: keep)",
                        file=file,
                        sheet=sheet,
                        row=number,
                        column_name="status",
                    )
                )
                continue
            if status == "drop":  # the reviewer rejected the proposal: the row says nothing
                continue
            if any(v.strip() for v in values.values()):
                parsed.append(Row(sheet, number, values))
        book.rows[sheet] = parsed
    if errors:
        order = [*REQUIRED_SHEETS, "statements"]  # by sheet and row, as the rows' errors (a merge came after row 4)
        raise SheetErrors(sorted(errors, key=lambda e: (order.index(e.sheet) if e.sheet in order else -1, e.row or 0)))
    return book


def write_workbook(path: Path | str, sheets: dict[str, tuple[list[str], list[list[str]]]], fmt: str) -> Path:
    """Write ``sheets`` (name -> (header, rows)) as one XLSX file or a folder of CSV files, atomically
    per file. Returns the path written."""
    from kg.core.atomic import write_bytes, write_text

    path = Path(path)
    if fmt == "csv":
        path.mkdir(parents=True, exist_ok=True)
        for name, (header, rows) in sheets.items():
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
            write_text(path / f"{name}.csv", buffer.getvalue())
        return path
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (header, rows) in sheets.items():
        ws = book.create_sheet(name)
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        # the rows' cells by their numbers: ``ws[ws.max_row]`` scans every cell of the sheet, so a
        # register of thousands of rows took minutes
        for number, row in enumerate(rows, start=2):
            row = list(row)
            ws.append(row)
            for column, value in enumerate(row, start=1):
                if isinstance(value, str) and value.startswith("="):
                    ws.cell(row=number, column=column).data_type = "s"  # text, never a formula
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    write_bytes(path, buffer.getvalue())
    return path
