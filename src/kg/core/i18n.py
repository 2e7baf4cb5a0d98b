"""Message catalogues: the words around the data, in Swedish, Finnish and English.

The data's own names (labels of municipalities, bodies, initiatives, areas) come from the graph in
each language; the frame around them (headings, column headers, enumerated values) comes from
catalogues of this one kind: for each language, a table from a message key to its text, where
``{name}`` marks a value filled in (:meth:`str.format` fields). The network page's texts
(:mod:`kg.viz.text`) are tables of the same shape and travel inside the page; the text report of
``kg analyze`` (:mod:`kg.analysis.messages`) and the column headers and values of ``kg query``
(:mod:`kg.query.columns`) and the status lines, notes and warnings of every command
(:mod:`kg.core.status`) are :class:`Catalogue` objects.

English is the source language: the English texts are the texts the commands printed before the
other languages were added, so an English user sees no change. A language outside :data:`LANGS`
gets English.

>>> report = Catalogue("example", {
...     "en": {"actors": "{n} actors"}, "sv": {"actors": "{n} aktörer"}, "fi": {"actors": "{n} toimijaa"}})
>>> report.text("actors", "fi", n=3), report.text("actors", "de", n=3)
('3 toimijaa', '3 actors')
>>> report.problems()
[]
>>> Catalogue("broken", {"en": {"a": "{n} x"}, "sv": {"a": "{m} x"}, "fi": {}}).problems()
["broken: 'a' in sv fills in ['m'], in en ['n']", "broken: 'a' has no fi text"]
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

from kg.core.labels import LANGS

SOURCE = "en"


def fields(text: str) -> list[str]:
    """The names of the values a message fills in, sorted.

    >>> fields("{vn} of {tn} nodes"), fields("no values")
    (['tn', 'vn'], [])
    """
    return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name})


def table_problems(name: str, tables: Mapping[str, Mapping[str, str]]) -> list[str]:
    """What is missing from ``tables`` (``{lang: {key: text}}``): a key without a text in one of
    :data:`LANGS`, a key in another language that English lacks, or a text that fills in other
    values than the English one. Empty when every message has all three translations."""
    problems = []
    source = tables.get(SOURCE, {})
    for lang in LANGS:
        for key in tables.get(lang, {}).keys() - source.keys():
            problems.append(f"{name}: {key!r} in {lang} has no {SOURCE} text")
    for key, text in source.items():
        for lang in LANGS:
            other = tables.get(lang, {}).get(key)
            if other is None or not other.strip():
                problems.append(f"{name}: {key!r} has no {lang} text")
            elif fields(other) != fields(text):
                problems.append(f"{name}: {key!r} in {lang} fills in {fields(other)}, in {SOURCE} {fields(text)}")
    return problems


def decimal(value: float, digits: int, lang: str | None) -> str:
    """``value`` with ``digits`` decimals, with the decimal comma of Swedish and Finnish.

    >>> decimal(0.6614, 3, "en"), decimal(0.6614, 3, "sv"), decimal(2.5, 1, "fi")
    ('0.661', '0,661', '2,5')
    """
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang in ("sv", "fi") else text


class Catalogue:
    """The messages of one part of the program, ``{lang: {key: text}}`` for each of :data:`LANGS`."""

    def __init__(self, name: str, tables: Mapping[str, Mapping[str, str]]):
        self.name = name
        self.tables = tables

    def text(self, key: str, lang: str | None, **values: object) -> str:
        """The message ``key`` in ``lang`` (English for another language) with ``values`` filled in.
        An unknown key raises :class:`KeyError` (a program error, not a user's)."""
        table = self.tables.get(lang or SOURCE) or self.tables[SOURCE]
        text = table.get(key)
        if text is None:
            text = self.tables[SOURCE][key]
        return text.format(**values) if values else text

    def problems(self) -> list[str]:
        """See :func:`table_problems`."""
        return table_problems(self.name, self.tables)

    def read(self, text: str, keys: tuple[str, ...]) -> tuple[str, dict[str, str]] | None:
        """Which of the messages ``keys`` the English ``text`` is, with the values filled in, or
        None: a message kept in English (in a JSON document, say) is shown again in another language.

        >>> notes = Catalogue("n", {lang: {"k": "sampled with k={k} pivots"} for lang in ("en", "sv", "fi")})
        >>> notes.read("sampled with k=200 pivots", ("k",)), notes.read("other", ("k",))
        (('k', {'k': '200'}), None)
        """
        for key in keys:
            pattern = "".join(
                re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
                for literal, name, _, _ in string.Formatter().parse(self.tables[SOURCE][key])
            )
            found = re.fullmatch(pattern, text, re.DOTALL)
            if found:
                return key, found.groupdict()
        return None

    def translated(self, text: str, keys: tuple[str, ...], lang: str | None) -> str:
        """The English ``text`` in ``lang`` where it is one of the messages ``keys``, else as it is."""
        found = self.read(text, keys)
        return self.text(found[0], lang, **found[1]) if found else text

    def __contains__(self, key: str) -> bool:
        return key in self.tables[SOURCE]
