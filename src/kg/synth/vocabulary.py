"""The synthetic generator's word lists and phrase tables, read at run time from ``tables/`` beside
this module: ``vocabulary.toml`` (names, roles, phrases, places, villages, company words, newspapers,
parties, association members, hub municipalities, kinds of project and the patterns of names, titles
and descriptions), ``organisations.csv`` and ``funders.csv`` (one row per fixed organisation or
funder), ``violations.toml`` (the deliberate errors) and ``prefixes.ttl``. The order of entries
matters (the same seed draws the same entries): append, do not sort.

>>> ROLES["municipality"][0]
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


_VOCABULARY = _toml("vocabulary.toml")
NAMES = _VOCABULARY["names"]  # NAMES["FI"]["last"]
ROLES = _VOCABULARY["roles"]  # [sv, fi, en] titles; the first a project manager's, * a chief's, ^ a politician's
THEME_PHRASES = _VOCABULARY["theme_phrases"]
PHRASES = _VOCABULARY["phrases"]  # generic, places, groups, conferences, strategies, months_sv
VILLAGES = _VOCABULARY["villages"]
COMPANY_WORDS = _VOCABULARY["company_words"]
COMPANY_BRANDS = _VOCABULARY["companies"]["brands"]
MEDIA = _VOCABULARY["media"]
PARTIES = _VOCABULARY["parties"]
MEMBERS = _VOCABULARY["members"]
HUB_MUNICIPALITIES = _VOCABULARY["hub_municipalities"]
FI_CITIES = set(_VOCABULARY["municipalities"]["fi_cities"])
TEMPLATES = _VOCABULARY["templates"]  # name and sentence patterns by kind, then country or language
TEXTS = _VOCABULARY["texts"]  # one pattern per language (or variant), by kind
PROJECTS = _VOCABULARY["projects"]  # the kinds of project by class

ORGANISATIONS = _csv("organisations.csv")
FUNDERS = _csv("funders.csv")
VIOLATIONS = _toml("violations.toml")  # the deliberate errors, in the order they are injected
