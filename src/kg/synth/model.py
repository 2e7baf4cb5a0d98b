"""The entities of one synthetic world (actors, people, posts, fundings, initiatives), the years it
spans, and the summary of a run."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

START_YEAR, END_YEAR = 2005, 2026
FIRST_DAY, LAST_DAY = dt.date(START_YEAR, 1, 1), dt.date(END_YEAR, 12, 31)


@dataclass(eq=False)
class Actor:
    """An organisation or a person (``cls`` is the prefixed class name)."""

    iri: str
    cls: str
    labels: list[tuple[str, str]]  # (text, language)
    # municipality, region, association, company, education, research, civil, government, funder,
    # eufund (an EU fund), party, media or person
    kind: str
    country: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # display name per language (sv, fi, en)
    alt: list[tuple[str, str]] = field(default_factory=list)
    located: str | None = None
    description: tuple[str, str] | None = None
    code: str | None = None  # municipalities
    area: str | None = None  # municipalities: their county or region
    city: bool = False  # Finnish municipalities that are cities (kaupunki)

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.labels[0][0]

    def __getitem__(self, lang: str) -> str:
        """The name in ``lang``, for patterns: ``"{lead[org_sv]}".format(lead=actor)``."""
        return self.name(lang)


@dataclass(eq=False)
class Post:
    iri: str
    holder: Person
    org: Actor
    role: tuple[str, str, str]  # (title, language, English title)
    start: int
    end: int | None


@dataclass(eq=False)
class Person:
    actor: Actor
    lang: str
    posts: list[Post] = field(default_factory=list)
    party: Actor | None = None


@dataclass(eq=False)
class Funding:
    iri: str
    funder: Actor
    amount: int
    currency: str
    kind: tuple[str, str] | None = None


@dataclass(eq=False)
class Initiative:
    iri: str
    cls: str
    labels: list[tuple[str, str]]
    region: str  # SE, FI or XB (cross-border)
    lang: str
    start: tuple[str, str]  # (lexical, datatype)
    end: tuple[str, str] | None
    start_day: dt.date
    end_day: dt.date | None
    themes: list[str]
    located: list[str]
    lead: Actor
    participants: list[Actor] = field(default_factory=list)
    fundings: list[Funding] = field(default_factory=list)
    funders_only: list[Actor] = field(default_factory=list)
    description: tuple[str, str] | None = None
    extra: list[tuple[str, str]] = field(default_factory=list)  # further (predicate, object) facts

    @property
    def label(self) -> str:
        return self.labels[0][0]


@dataclass
class SynthSummary:
    """What :func:`synthesize` wrote."""

    seed: int
    target: int
    files: int  # source files (one document each)
    triples: int  # every triple in OUT: reference data + sources
    source_triples: int
    reference_triples: int
    counts: dict[str, int]  # distinct entities per (most specific) class
    violations: list[dict[str, object]]  # kind, focus, file (and related IRIs) of each injected error
    reference_files: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class FunderSpec:
    """What a funder pays for: its country, currency, range of amounts, years active and themes."""

    country: str | None
    currency: str | None
    amounts: tuple[int, int]
    years: tuple[int, int]
    themes: tuple[str, ...]


def _fmt_date(day: dt.date, precision: str) -> tuple[str, str]:
    if precision == "xsd:date":
        return day.isoformat(), "xsd:date"
    if precision == "xsd:gYearMonth":
        return f"{day.year:04d}-{day.month:02d}", "xsd:gYearMonth"
    return f"{day.year:04d}", "xsd:gYear"


def _clamp(day: dt.date) -> dt.date:
    return min(max(day, FIRST_DAY), LAST_DAY)


def _sv_genitive(name: str) -> str:
    return name if name[-1] in "aeiouyåäösxz" else name + "s"
