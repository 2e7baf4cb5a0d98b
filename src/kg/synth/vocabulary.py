"""The synthetic generator's word lists and phrase tables, read at run time from ``tables/`` beside
this module: ``vocabulary.toml`` (names, roles, phrases, places, villages, company words, newspapers,
parties, association members, hub municipalities, kinds of project and the patterns of names, titles
and descriptions), ``organisations.csv`` and ``funders.csv`` (one row per fixed organisation or
funder), ``violations.toml`` (the deliberate errors) and ``prefixes.ttl``. The order of entries
matters (the same seed draws the same entries): append, do not sort.

>>> WORDS["roles"]["municipality"][0]
['projektledare', 'hankepäällikkö', 'project manager']
>>> labels_of(next(row for row in ORGANISATIONS if row["slug"] == "region-10"))
({'sv': 'Region 10', 'en': 'Region 10'}, [('R10', 'sv'), ('R10', 'en')])
"""

from __future__ import annotations

import csv
import tomllib
from importlib import resources as importlib_resources

TABLES = importlib_resources.files("kg.synth").joinpath("tables")


def _toml(name: str) -> dict:
    with TABLES.joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def _csv(name: str) -> list[dict[str, str]]:
    with TABLES.joinpath(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def labels_of(row: dict[str, str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The labels ``{lang: text}`` and alternative labels ``[(text, lang)]`` of an organisation's row:
    its own country's language first (Finnish for ``FI``, else Swedish), then sv, fi, se, en."""
    own = "fi" if row["country"] == "FI" else "sv"
    order = [own, *(lang for lang in ("sv", "fi", "se", "en") if lang != own)]
    return {lang: row[lang] for lang in order if row.get(lang)}, [
        (row[f"alt_{lang}"], lang) for lang in order if row.get(f"alt_{lang}")
    ]


# by table: names, roles, theme_phrases, phrases (generic, places, groups, conferences, strategies, months_sv),
# villages, company_words, companies, media, parties, members, hub_municipalities, municipalities, templates
# (patterns by kind, then country or language), texts (one pattern per language) and projects (kinds by class)
WORDS = _toml("vocabulary.toml")
ORGANISATIONS = _csv("organisations.csv")
FUNDERS = _csv("funders.csv")
VIOLATIONS = _toml("violations.toml")  # the deliberate errors, in the order they are injected
