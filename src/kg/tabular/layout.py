"""The sheet layout: sheet names, columns and how multi-valued cells are written.

See ``docs/import.md`` for the user's description. Every sheet has a header row; column names
are matched ignoring case, spaces and punctuation (``Name (sv)`` = ``name_sv``).
"""

from __future__ import annotations

import re

from kg.core.labels import fold

SOURCE, ENTITIES, RELATIONS, STATEMENTS = "source", "entities", "relations", "statements"

#: The review columns of a sheet that ``kg ingest`` proposes (docs/import.md): where in the text a
#: proposal was read (``evidence``: sentence number and character range), how sure the reader is
#: (``confidence``, 0..1), the reconciliation's other candidates, and the reviewer's ``status``.
REVIEW = ("evidence", "confidence", "candidates", "status")
#: What a reviewer may write in ``status``: an empty cell or ``keep``/``edit`` imports the row, ``drop`` skips it.
STATUSES = ("keep", "edit", "drop")

#: Columns per sheet: (required, optional).
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    SOURCE: (
        ("title", "language"),
        ("id", "publisher", "issued", "url", "kind", "description_sv", "description_fi", "description_en", "note"),
    ),
    ENTITIES: (
        ("id", "type"),
        (
            "iri",
            "name_sv",
            "name_fi",
            "name_en",
            "names_other",
            "altnames",
            "code",
            "country",
            "description_sv",
            "description_fi",
            "description_en",
            "same_as",
            "start",
            "end",
            "located_in",
            "theme",
            "note",
            *REVIEW,
        ),
    ),
    RELATIONS: (
        ("subject", "relation", "object"),
        ("id", "role", "start", "end", "amount", "currency", "note", *REVIEW),
    ),
    STATEMENTS: (("subject", "property"), ("object", "value", "lang", "datatype", *REVIEW)),
}
#: Sheets a workbook must have (``statements`` is optional).
REQUIRED_SHEETS = (SOURCE, ENTITIES, RELATIONS)
ORDER = (SOURCE, ENTITIES, RELATIONS, STATEMENTS)

_LANG_SUFFIX = re.compile(r"^(.*\S)\s*@([a-z]{2,3})$", re.DOTALL)


def column_key(header: object) -> str:
    """A header cell as a column name.

    >>> column_key("Name (sv)"), column_key(" Same-As "), column_key("Names other")
    ('name_sv', 'same_as', 'names_other')
    """
    return re.sub(r"[^a-z0-9]+", "_", fold(str(header or ""))).strip("_")


def split_list(cell: str) -> list[str]:
    """The items of a multi-valued reference cell: one per line or separated by ``;``.

    >>> split_list("R10@sv; ESF\\nNorrbotten")
    ['R10@sv', 'ESF', 'Norrbotten']
    """
    return [item.strip() for line in cell.splitlines() for item in line.split(";") if item.strip()]


def split_lines(cell: str) -> list[str]:
    """The items of a multi-valued text cell (notes): one per line.

    >>> split_lines("First; still first\\nSecond")
    ['First; still first', 'Second']
    """
    return [line.strip() for line in cell.splitlines() if line.strip()]


def language_tagged(text: str, default: str) -> tuple[str, str]:
    """A text and its language: ``text@sv`` names the language, else ``default``.

    >>> language_tagged("ESF@en", "sv"), language_tagged("info@pajala.se", "sv")
    (('ESF', 'en'), ('info@pajala.se', 'sv'))
    """
    match = _LANG_SUFFIX.match(text)
    if match:
        return match.group(1), match.group(2)
    return text, default


def with_language(text: str, lang: str | None, default: str | None) -> str:
    """The cell text for a language-tagged literal: the suffix only when it is not the default.

    >>> with_language("ESF", "en", "sv"), with_language("ESF", "sv", "sv")
    ('ESF@en', 'ESF')
    """
    if (lang and lang != default) or _LANG_SUFFIX.match(text):
        return f"{text}@{lang or ''}".rstrip("@")
    return text
