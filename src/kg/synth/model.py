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
    """An organisation or a person: prefixed IRI and class, ``(text, lang)`` labels and its ``kind``
    (municipality, region, association, company, education, research, civil, government, funder,
    eufund, party, media or person); ``names`` by language (sv, fi, en, own, and org_sv etc. for the
    organisation's form, "Luleå kommun"); ``code``, ``area`` and ``city`` for municipalities; ``posts``
    and ``party`` for people."""

    iri: str
    cls: str
    labels: list[tuple[str, str]]
    kind: str
    country: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    alt: list[tuple[str, str]] = field(default_factory=list)
    located: str | None = None
    code: str | None = None
    area: str | None = None
    city: bool = False
    posts: list[Post] = field(default_factory=list)
    party: Actor | None = None

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or self.labels[0][0]

    def __getitem__(self, lang: str) -> str:
        """The name in ``lang``, for patterns: ``"{lead[org_sv]}".format(lead=actor)``."""
        return self.name(lang)


@dataclass(eq=False)
class Post:
    """A person's post in an organisation: role ``(title, language, English title)``, years held."""

    iri: str
    holder: Actor
    org: Actor
    role: tuple[str, str, str]
    start: int
    end: int | None


@dataclass(eq=False)
class Funding:
    iri: str
    funder: Actor
    amount: int
    currency: str
    kind: tuple[str, str] | None = None


@dataclass(eq=False)
class Initiative:
    """A project, event or strategy: ``region`` SE, FI or XB (cross-border); ``extra`` further
    (predicate, object) facts."""

    iri: str
    cls: str
    labels: list[tuple[str, str]]
    region: str
    start: dt.date
    end: dt.date | None  # None: after the last day of the world
    precision: str  # of the dates: xsd:date, xsd:gYearMonth or xsd:gYear
    themes: list[str]
    located: list[str]
    lead: Actor
    participants: list[Actor] = field(default_factory=list)
    fundings: list[Funding] = field(default_factory=list)
    funders_only: list[Actor] = field(default_factory=list)
    description: tuple[str, str] | None = None
    extra: list[tuple[str, str]] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.labels[0][1]

    def label_in(self, lang: str) -> str:
        return next((text for text, lg in self.labels if lg == lang), self.labels[0][0])


@dataclass
class SynthSummary:
    """What :func:`synthesize` wrote: source files (one document each), triples (reference data and
    sources), distinct entities per class, and each injected error (kind, focus, file)."""

    seed: int
    target: int
    files: int
    triples: int
    source_triples: int
    reference_triples: int
    counts: dict[str, int]
    violations: list[dict[str, object]]
    reference_files: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


def fmt_date(day: dt.date, precision: str) -> tuple[str, str]:
    """``(lexical, datatype)`` of ``day`` as an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``."""
    lexical = {"xsd:date": day.isoformat(), "xsd:gYearMonth": f"{day.year:04d}-{day.month:02d}"}
    return lexical.get(precision, f"{day.year:04d}"), precision if precision in lexical else "xsd:gYear"
