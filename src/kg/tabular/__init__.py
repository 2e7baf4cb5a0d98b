"""Facts from spreadsheets: the sheet layout (``docs/import.md``), ``kg import`` and ``kg export``.

- :mod:`kg.tabular.sheets` reads and writes a workbook (XLSX through openpyxl, or a folder of CSV
  files with the same sheets), keeping sheet, row and column of every cell for error messages;
- :mod:`kg.tabular.importer` turns a workbook into one source file (names reconciled with
  :func:`kg.reconcile`), validated with the rest of the graph before it is written;
- :mod:`kg.tabular.exporter` writes a source graph (or all of them) back in the same layout, and
  Kumu's elements/connections workbook.
"""

from __future__ import annotations

__all__ = ["export_sources", "import_sheet"]


def __getattr__(name: str):
    if name == "import_sheet":
        from kg.tabular.importer import import_sheet

        return import_sheet
    if name == "export_sources":
        from kg.tabular.exporter import export_sources

        return export_sources
    raise AttributeError(f"module 'kg.tabular' has no attribute {name!r}")
