"""The synthetic generator's word lists and phrase tables, read at run time from ``tables/`` beside
this module:

- ``vocabulary.toml``: first and last names, roles by kind of organisation, phrases that name
  initiatives by theme, places, villages, company words, newspapers, parties, meeting groups,
  conferences, kinds of strategy, the members of associations, the hub municipalities, the kinds
  of project, and the patterns of names, titles and descriptions (``[templates]``, ``[texts]``);
- ``organisations.csv``: the fixed organisations (regional authorities, associations of
  municipalities, universities, government bodies), one row each, with their labels by language;
- ``funders.csv``: the funders, with the currency, range of amounts, years and themes they fund;
- ``violations.toml``: the deliberate errors that ``violations=K`` injects, as statement patterns;
- ``prefixes.ttl``: the prefixes at the head of every source file (read by :mod:`kg.synth.turtle`).

The order of the entries matters (the same seed draws the same entries): append, do not sort.

>>> ROLES["municipality"][0]
('projektledare', 'hankepäällikkö', 'project manager')
>>> labels_of(next(row for row in ORGANISATIONS if row["slug"] == "region-10"))
({'sv': 'Region 10', 'en': 'Region 10'}, [('R10', 'sv'), ('R10', 'en')])
"""

from __future__ import annotations

import csv
import tomllib
from importlib import resources as importlib_resources

TABLES = importlib_resources.files("kg.synth").joinpath("tables")
LANGUAGES = ("sv", "fi", "se", "en")


def _toml(name: str) -> dict:
    with TABLES.joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


def _csv(name: str) -> list[dict[str, str]]:
    with TABLES.joinpath(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _tuples(rows: list[list]) -> list[tuple]:
    return [tuple(row) for row in rows]


def labels_of(row: dict[str, str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The labels ``{lang: text}`` and alternative labels ``[(text, lang)]`` of an organisation's row:
    its own country's language first (Finnish for ``FI``, else Swedish), then sv, fi, se, en."""
    own = "fi" if row["country"] == "FI" else "sv"
    order = [own, *(lang for lang in LANGUAGES if lang != own)]
    labels = {lang: row[lang] for lang in order if row.get(lang)}
    alt = [(row[f"alt_{lang}"], lang) for lang in order if row.get(f"alt_{lang}")]
    return labels, alt


_VOCABULARY = _toml("vocabulary.toml")
_PHRASES = _VOCABULARY["phrases"]

# people's first and last names, by country (SE, FI): NAMES["FI"]["last"]
NAMES: dict[str, dict[str, list[str]]] = _VOCABULARY["names"]
# (Swedish title, Finnish title, English); the first is a project manager's, * one at a time, ^ politicians
ROLES: dict[str, list[tuple[str, str, str]]] = {k: _tuples(v) for k, v in _VOCABULARY["roles"].items()}
THEME_PHRASES: dict[str, list[tuple[str, str, str]]] = {k: _tuples(v) for k, v in _VOCABULARY["theme_phrases"].items()}
GENERIC_PHRASES: list[tuple[str, str, str]] = _tuples(_PHRASES["generic"])
PLACES: list[tuple[str, str, str, str]] = _tuples(_PHRASES["places"])
GROUPS: list[tuple[str, str, str]] = _tuples(_PHRASES["groups"])
CONFERENCES: list[tuple[str, str, str, str]] = _tuples(_PHRASES["conferences"])
STRATEGIES: list[tuple[str, str, str, str]] = _tuples(_PHRASES["strategies"])
MONTHS_SV: list[str] = _PHRASES["months_sv"]
VILLAGES: dict[str, list[str]] = _VOCABULARY["villages"]
COMPANY_WORDS: dict[str, list[str]] = _VOCABULARY["company_words"]
COMPANY_BRANDS: list[str] = _VOCABULARY["companies"]["brands"]
MEDIA: dict[str, list[str]] = _VOCABULARY["media"]
PARTIES: dict[str, list[tuple[str, str, str]]] = {k: _tuples(v) for k, v in _VOCABULARY["parties"].items()}
MEMBERS: dict[str, list[str]] = _VOCABULARY["members"]
HUB_MUNICIPALITIES: dict[str, int] = _VOCABULARY["hub_municipalities"]
FI_CITIES: set[str] = set(_VOCABULARY["municipalities"]["fi_cities"])
# name and sentence patterns (str.format fields in braces), by kind and country or language
TEMPLATES: dict[str, dict[str, list[str]]] = _VOCABULARY["templates"]
# fixed patterns, one per language (or variant), by kind: labels, titles, descriptions
TEXTS: dict[str, dict[str, str]] = _VOCABULARY["texts"]
# the kinds of project by class: share, months, label patterns, words of description and headline
PROJECTS: dict[str, dict] = _VOCABULARY["projects"]

ORGANISATIONS: list[dict[str, str]] = _csv("organisations.csv")
FUNDERS: list[dict[str, str]] = _csv("funders.csv")
# the deliberate errors, by kind (in the order they are injected)
VIOLATIONS: dict[str, dict] = _toml("violations.toml")
