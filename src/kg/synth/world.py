"""The world of one synthetic run: its entities (actors, people, posts, fundings, initiatives), the
real municipalities (read from the reference data), the fixed organisations and funders, a long tail
of made-up ones drawn by preferential attachment, and people moving between posts over the years.

The word lists and phrase tables are read at run time from ``tables/`` beside this module:
``vocabulary.toml`` (names, roles, phrases, places, villages, company words, newspapers, parties,
association members, hub municipalities, kinds of project, patterns of names, titles and
descriptions), ``organisations.csv`` and ``funders.csv`` (one row per fixed organisation or funder),
``violations.toml`` (the deliberate errors) and ``prefixes.ttl``. The order of entries matters (the
same seed draws the same entries): append, do not sort.

>>> WORDS["roles"]["municipality"][0]
['projektledare', 'hankepäällikkö', 'project manager']
>>> labels_of(next(row for row in ORGANISATIONS if row["slug"] == "region-10"))
({'sv': 'Region 10', 'en': 'Region 10'}, [('R10', 'sv'), ('R10', 'en')])
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import random
import tomllib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.core.namespaces import KG
from kg.synth.turtle import slugify

TABLES = importlib_resources.files("kg.synth").joinpath("tables")


def labels_of(row: dict[str, str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The labels ``{lang: text}`` and alternative labels ``[(text, lang)]`` of an organisation's row:
    its own country's language first (Finnish for ``FI``, else Swedish), then sv, fi, se, en."""
    own = "fi" if row["country"] == "FI" else "sv"
    order = [own, *(lang for lang in ("sv", "fi", "se", "en") if lang != own)]
    alt = [(row[f"alt_{lang}"], lang) for lang in order if row.get(f"alt_{lang}")]
    return {lang: row[lang] for lang in order if row.get(lang)}, alt


# by table: names, roles, theme_phrases, phrases (generic, places, groups, conferences, strategies, months_sv),
# villages, company_words, companies, media, parties, members, hub_municipalities, municipalities, templates
# (patterns by kind, then country or language), texts (one pattern per language) and projects (kinds by class)
WORDS = tomllib.loads(TABLES.joinpath("vocabulary.toml").read_text(encoding="utf-8"))
ORGANISATIONS = list(csv.DictReader(TABLES.joinpath("organisations.csv").read_text(encoding="utf-8").splitlines()))
FUNDERS = list(csv.DictReader(TABLES.joinpath("funders.csv").read_text(encoding="utf-8").splitlines()))
VIOLATIONS = tomllib.loads(TABLES.joinpath("violations.toml").read_text(encoding="utf-8"))  # in the order injected


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


NORDIC_COUNCIL = "orgid:nordiska-ministerradet"
# After this many names in a row already taken, :meth:`World.new_org` widens its patterns: the plain names of
# a country (about 2,600 in Finland, 3,200 in Sweden) run out near 30,000 documents (1.6 million triples), and
# drawing among the last free ones made the long tail quadratic, then endless. (The first 1M triples never
# see 50 taken names in a row, so their bytes are as before.)
CROWDED = 50
ROLE_MARKS = {"chief": "*", "politician": "^"}  # of titles in vocabulary.toml [roles]


class World:
    """The actors, people and initiatives of one synthetic run, drawn from one seeded generator."""

    def __init__(self, seed: int, reference: Path, ontology: Path) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.themes = _read_themes(ontology / "themes.ttl")
        self.theme_keys = list(self.themes)
        self.taken_iris, self.taken_names = set(), set()  # IRIs, lower-case names of actors and people
        self.introduced: set[str] = set()  # IRIs described in full in some file
        self.actors: dict[str, Actor] = {}
        self.by_name: dict[str, Actor] = {}
        self.municipalities: list[Actor] = []
        self.pool: dict[str, list[Actor]] = {"SE": [], "FI": []}  # preferential-attachment tickets
        # the research organisations' tickets of each pool, in pool order (a university leads a research
        # project): kept beside the pool so that drawing a lead does not scan a pool that grows with the run
        self.research_pool: dict[str, list[Actor]] = {"SE": [], "FI": []}
        self.crowded_labels: dict[tuple[str, ...], int] = {}  # (name, suffixes) taken 60+ times: the number to try
        self.associations: list[Actor] = []  # the actors with members (WORDS["members"]), in order of creation
        self.persons: dict[str, list[Actor]] = {"SE": [], "FI": []}
        self.posts_at: dict[tuple[str, int], list[Post]] = {}
        # the same posts by (organisation, year, English title): a titled post is found without scanning
        # every post of a hub organisation (those lists grow with the run, which made it quadratic)
        self.posts_titled: dict[tuple[str, int, str], list[Post]] = {}
        self.initiatives: dict[str, list[Initiative]] = defaultdict(list)  # by class
        self.injected: list[dict[str, object]] = []
        self.doc_count = 0
        self.reference_triples = self._read_municipalities(reference)
        self._make_core()

    def _read_municipalities(self, reference: Path) -> int:
        """Add the municipalities of the reference data; returns its number of triples."""
        graph = Graph()
        for path in sorted(reference.glob("*.ttl")):
            graph.parse(path)

        def key(s: URIRef) -> tuple[str, str, str]:
            return str(graph.value(s, KG.country)), str(graph.value(s, KG.municipalityCode)), str(s)

        for s in sorted({s for s in graph.subjects(RDF.type, KG.Municipality) if isinstance(s, URIRef)}, key=key):
            country, code, iri = key(s)
            area = next((str(o) for o in graph.objects(s, KG.locatedIn)), None)
            labels = {o.language: str(o) for o in graph.objects(s, RDFS.label) if isinstance(o, Literal)}
            local = iri.rsplit("/", 1)[-1]
            own = labels.get("sv" if country == "SE" else "fi") or labels.get("en") or local
            sv, fi = labels.get("sv", own), labels.get("fi", own)
            org_sv = (sv if sv[-1] in "aeiouyåäösxz" else sv + "s") + " kommun" if country == "SE" else sv
            names = {"sv": sv, "fi": fi, "en": own, "own": own, "org_sv": org_sv, "org_fi": fi}
            names["org_en"] = labels.get("en", own)
            area = "area:" + area.rsplit("/", 1)[-1] if area else None
            actor = Actor(f"mun:{local}", "kg:Municipality", [], "municipality", country, names, code=code, area=area)
            actor.city = own in WORDS["municipalities"]["fi_cities"]
            self.municipalities.append(actor)
            self.actors[actor.iri] = actor
            self.by_name.setdefault(own, actor)
            self.taken_iris.add(actor.iri)
            self.tickets(country, actor, WORDS["hub_municipalities"].get(own, 3))
        return len(graph)

    def _org(self, slug: str, cls: str, kind: str, country: str | None, labels: dict, alt=(), located=None) -> Actor:
        """A new organisation: ``labels`` ``{lang: text}``, the first its own name."""
        first = next(iter(labels.values()))
        names = {**{lang: first for lang in ("sv", "fi", "en")}, **labels}
        names.update({f"org_{lang}": names[lang] for lang in ("sv", "fi", "en")})
        actor = Actor(f"orgid:{slug}", f"kg:{cls}", [(t, lang) for lang, t in labels.items()], kind, country, names)
        actor.alt, actor.located = list(alt), located
        self.actors[actor.iri] = actor
        if slug in WORDS["members"]:
            self.associations.append(actor)
        self.taken_iris.add(actor.iri)
        self.taken_names.add(first.lower())
        return actor

    def tickets(self, country: str, actor: Actor, n: int = 1) -> None:
        """Give ``actor`` ``n`` more tickets in the preferential-attachment pool of ``country``."""
        self.pool[country].extend([actor] * n)
        if actor.kind == "research":
            self.research_pool[country].extend([actor] * n)

    def _make_core(self) -> None:
        """The fixed organisations, funders, parties and newspapers of the tables."""
        for row in ORGANISATIONS:
            country, home = row["country"] or None, self.by_name.get(row["town"])
            actor = self._org(row["slug"], row["class"], row["kind"], country, *labels_of(row))
            actor.located = home.iri if home else None
            for c in [country] if country else ["SE", "FI"]:
                self.tickets(c, actor, int(row["weight"]))
        self.funders = [
            (self._org(row["slug"], row["class"], row["kind"], row["country"] or None, *labels_of(row)), row)
            for row in FUNDERS
        ]
        self.parties, self.media = {}, {}
        for country, lang in (("SE", "sv"), ("FI", "fi")):
            self.parties[country] = [
                self._org(slug, "PoliticalParty", "party", country, {lang: name, "en": en})
                for slug, name, en in WORDS["parties"][country]
            ]
            self.media[country] = []
            for name in WORDS["media"][country]:
                town = self.rng.choice([m for m in self.municipalities if m.country == country])
                org = self._org(slugify(name), "Company", "media", country, {lang: name, "en": name}, located=town.iri)
                self.media[country].append(org)

    # ---------------------------------------------------------------- drawing actors

    def year(self) -> int:
        """A year of the world, later ones likelier (the digital record thickens)."""
        while True:
            y = self.rng.randint(START_YEAR, END_YEAR - 1)
            if self.rng.random() < 0.35 + 0.65 * (y - START_YEAR) / (END_YEAR - START_YEAR):
                return y

    def day(self, year: int) -> dt.date:
        return dt.date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))

    def home(self, actor: Actor) -> Actor | None:
        """The municipality an actor is (or is located in), if any."""
        home = actor if actor.kind == "municipality" else self.actors.get(actor.located or "")
        return home if home is not None and home.kind == "municipality" else None

    def region(self, cross_border: float, swedish: float) -> str:
        roll = self.rng.random()
        return "XB" if roll < cross_border else "SE" if roll < swedish else "FI"

    def country(self, region: str) -> str:
        """The country of an actor in ``region``: either, across the border."""
        return region if region != "XB" else self.rng.choice(["SE", "FI"])

    def new_org(self, country: str) -> Actor:
        """A made-up company, school or association in a real municipality (the long tail)."""
        rng, words, templates = self.rng, WORDS, WORDS["templates"]
        lang, suffix = ("sv", "AB") if country == "SE" else ("fi", "Oy")
        muns = [m for m in self.municipalities if m.country == country]
        for attempt in itertools.count():
            town = rng.choice(muns)
            place = town.name(lang)
            roll = rng.random()
            if attempt >= CROWDED:  # the plain names are (nearly) all taken: a partnership's name, with the town
                last = words["names"][country]["last"]
                word = rng.choice(words["company_words"][country])
                firm = f"{rng.choice(last)} & {rng.choice(last)}"
                cls, kind, name = "Company", "company", f"{firm} {word} {suffix}"
                if attempt >= 2 * CROWDED:  # and then their town too
                    name = f"{firm} {word} {place} {suffix}"
                if attempt >= 3 * CROWDED:  # and at last a number (a namesake registered later)
                    name = f"{firm} {word} {place} {attempt - 3 * CROWDED + 2} {suffix}"
            elif roll < 0.5:
                word = rng.choice(words["company_words"][country])
                brands = [place, rng.choice(words["companies"]["brands"]), rng.choice(words["names"][country]["last"])]
                brand = rng.choice(brands)
                cls, kind, name = "Company", "company", f"{brand}{'' if brand.endswith('-') else ' '}{word} {suffix}"
            elif roll < 0.7:
                cls, kind, pattern = "CivilSocietyOrganisation", "civil", rng.choice(templates["civil"][country])
                name = pattern.format(village=rng.choice(words["villages"][country]))
            elif roll < 0.88:
                cls, kind, pattern = "EducationProvider", "education", rng.choice(templates["education"][country])
                name = pattern.format(place=place)
            else:
                cls, kind, name = "Company", "company", f"{rng.choice(templates['centre'][country])} {place}"
            if f"orgid:{slugify(name)}" not in self.taken_iris and name.lower() not in self.taken_names:
                labels = {lang: name} if kind == "civil" else {lang: name, "en": name}
                return self._org(slugify(name), cls, kind, country, labels, located=town.iri)
        raise AssertionError("unreachable")  # pragma: no cover

    def draw(self, country: str, exclude: list[Actor], public: bool = False) -> Actor:
        """An actor by preferential attachment (Simon's model); new actors join the long tail."""
        rng = self.rng
        pool = self.pool[country]
        for _ in range(30):
            if not public and rng.random() < 0.09:
                actor = self.new_org(country)
            else:
                actor = rng.choice(pool)
                if public and actor.kind in ("company", "civil", "media"):
                    continue
            if actor not in exclude:
                self.tickets(country, actor)
                return actor
        actor = self.new_org(country)
        self.tickets(country, actor)
        return actor

    def funder_for(self, region: str, year: int, theme: str) -> tuple[Actor, dict[str, str]]:
        """A funder and its row: Interreg or the Nordic Council across the border, else national or EU."""
        options = []
        for actor, row in self.funders:
            if not int(row["first_year"]) <= year <= int(row["last_year"]):
                continue
            cross_border = (actor.kind == "eufund" and row["currency"] == "EUR") or actor.iri == NORDIC_COUNCIL
            if region == "XB" and cross_border:
                options.append((actor, row, 6))
            elif region != "XB" and row["country"] in ("", region) and not cross_border:
                weight = 4 if theme in row["themes"].split() else 1
                options.append((actor, row, weight * 2 if actor.kind == "eufund" else weight))
        actor, row, _ = self.rng.choices(options, [weight for _, _, weight in options])[0]
        return actor, row

    # ---------------------------------------------------------------- people

    def new_person(self, country: str) -> Actor:
        """A new person with a name not yet taken."""
        rng = self.rng
        first, last = WORDS["names"][country]["first"], WORDS["names"][country]["last"]
        name = f"{rng.choice(first)} {rng.choice(last)}"
        while name.lower() in self.taken_names or f"person:{slugify(name)}" in self.taken_iris:
            name = f"{rng.choice(first)} {rng.choice(first)} {rng.choice(last)}"  # a second first name
        self.taken_names.add(name.lower())
        self.taken_iris.add(f"person:{slugify(name)}")
        lang = "sv" if country == "SE" else "fi"
        labels, names = [(name, lang), (name, "en")], {"sv": name, "fi": name, "en": name}
        person = Actor(f"person:{slugify(name)}", "kg:Person", labels, "person", country, names)
        self.persons[country].append(person)
        return person

    def _role_for(self, org: Actor, lang: str, want: str | None) -> tuple[tuple[str, str, str], bool]:
        """(role, held by a politician?) for a new post in ``org``."""
        roles = WORDS["roles"].get(org.kind) or WORDS["roles"]["company"]
        if want == "pm":
            choice = roles[0]
        elif want:  # the first title marked for a chief (*) or a politician (^), else a project manager's
            choice = next((r for r in roles if r[0].startswith(ROLE_MARKS[want])), roles[0])
        else:
            choice = self.rng.choice(roles)
        title = choice[0] if lang == "sv" else choice[1]
        if org.kind == "municipality" and org.city and lang == "fi":
            title = title.replace("kunnan", "kaupungin")  # kunnanjohtaja -> kaupunginjohtaja too
        return (title.lstrip("*^"), lang, choice[2]), title.startswith("^")

    def staff(self, org: Actor, year: int, want: str | None = None) -> Post | None:
        """A post in ``org`` held in ``year``: an existing one, or a new one for a new or moving person."""
        if org.kind in ("eufund", "party"):
            return None
        rng = self.rng
        active = self.posts_at.get((org.iri, year))
        if active:
            if want:  # the English title of ``want`` depends on the organisation's kind only
                titled = self.posts_titled.get((org.iri, year, self._role_for(org, "en", want)[0][2]))
                if titled:
                    return rng.choice(titled)
            elif rng.random() < 0.85:
                return rng.choice(active)
        country = org.country or rng.choice(["SE", "FI"])
        person = None
        if rng.random() < 0.5:  # someone moving on from an earlier post
            candidates = self.persons[country]
            for _ in range(min(10, len(candidates))):
                cand = rng.choice(candidates)
                last = cand.posts[-1] if cand.posts else None
                if last is not None and last.end is not None and year - 6 <= last.end <= year and last.org is not org:
                    person = cand
                    break
        start_floor = (person.posts[-1].end or START_YEAR) if person else START_YEAR
        person = person or self.new_person(country)
        role, politician = self._role_for(org, person.labels[0][1], want)
        start = max(start_floor, year - rng.randint(0, 3))
        end: int | None = max(year, start + rng.randint(1, 7))
        if end >= END_YEAR or rng.random() < 0.05:
            end = None
        org_slug = slugify(org.names.get("own", "")) if org.kind == "municipality" else org.iri.split(":", 1)[1]
        iri = f"post:{person.iri.split(':', 1)[1]}--{org_slug}"
        iri = f"{iri}-{start}" if iri in self.taken_iris else iri
        if iri in self.taken_iris:
            return None
        self.taken_iris.add(iri)
        post = Post(iri, person, org, role, start, end)
        person.posts.append(post)
        if politician and person.party is None:
            person.party = rng.choice(self.parties.get(org.country or country, self.parties["SE"]))
        for y in range(start, (end if end is not None else END_YEAR) + 1):
            self.posts_at.setdefault((org.iri, y), []).append(post)
            self.posts_titled.setdefault((org.iri, y, role[2]), []).append(post)
        return post


def _read_themes(path: Path) -> dict[str, dict[str, str]]:
    """The themes of the ontology: ``{local name: {lang: label}}``, sorted."""
    graph = Graph().parse(path)
    themes = {}
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        local = str(concept).rsplit("/", 1)[-1]
        labels = {o.language: str(o) for o in graph.objects(concept, SKOS.prefLabel) if isinstance(o, Literal)}
        labels.setdefault("en", local)
        themes[local] = {"sv": labels["en"], "fi": labels["en"], **labels}
    return dict(sorted(themes.items()))
