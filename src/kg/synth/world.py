"""The world of one synthetic run: the real municipalities (read from the reference data), the fixed
organisations and funders (``tables/*.csv``), a long tail of made-up ones drawn by preferential
attachment, and people moving between posts over the years."""

from __future__ import annotations

import random
from pathlib import Path

from kg.synth import vocabulary as vocab
from kg.synth.model import (
    END_YEAR,
    START_YEAR,
    Actor,
    FunderSpec,
    Initiative,
    Person,
    Post,
    _sv_genitive,
)
from kg.synth.turtle import slugify

NORDIC_COUNCIL = "orgid:nordiska-ministerradet"
ROLE_MARKS = {"chief": "*", "politician": "^"}  # of titles in vocabulary.toml [roles]


class World:
    """The actors, people and initiatives of one synthetic run, and the writer of its documents."""

    def __init__(self, seed: int, reference: Path, ontology: Path) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.themes = _read_themes(ontology / "themes.ttl")
        self.theme_keys = list(self.themes)
        self.taken_iris: set[str] = set()
        self.taken_labels: set[str] = set()
        self.taken_names: set[str] = set()
        self.actors: dict[str, Actor] = {}
        self.by_name: dict[str, Actor] = {}
        self.municipalities: list[Actor] = []
        self.pool: dict[str, list[Actor]] = {"SE": [], "FI": []}  # preferential-attachment tickets
        self.funders: list[tuple[Actor, tuple]] = []
        self.parties: dict[str, list[Actor]] = {}
        self.media: dict[str, list[Actor]] = {}
        self.persons: dict[str, list[Person]] = {"SE": [], "FI": []}
        self.posts_at: dict[tuple[str, int], list[Post]] = {}
        self.initiatives: list[Initiative] = []
        self.prestudies: list[Initiative] = []
        self.projects: list[Initiative] = []
        self.strategies: list[Initiative] = []
        self.introduced: set[str] = set()
        self.research: dict[str, list[Actor]] = {"SE": [], "FI": []}
        self.injected: list[dict[str, object]] = []
        self.doc_count = 0
        self.reference_triples = 0  # in the reference data read
        self._read_municipalities(reference)
        self._make_core()

    # ---------------------------------------------------------------- setup

    def _read_municipalities(self, reference: Path) -> None:
        from rdflib import Graph, Literal, URIRef
        from rdflib.namespace import RDF, RDFS

        from kg.core.namespaces import KG

        graph = Graph()
        for path in sorted(reference.glob("*.ttl")):
            graph.parse(path)
        self.reference_triples = len(graph)
        found = []
        for s in set(graph.subjects(RDF.type, KG.Municipality)):
            if not isinstance(s, URIRef):
                continue
            code = str(graph.value(s, KG.municipalityCode) or "")
            country = str(graph.value(s, KG.country) or "")
            area = next((str(o) for o in graph.objects(s, KG.locatedIn)), None)
            labels = {o.language: str(o) for o in graph.objects(s, RDFS.label) if isinstance(o, Literal) and o.language}
            found.append((country, code, str(s), area, labels))
        for country, code, iri, area, labels in sorted(found):
            local = iri.rsplit("/", 1)[-1]
            own = labels.get("sv" if country == "SE" else "fi") or labels.get("en") or local
            names = {"sv": labels.get("sv", own), "fi": labels.get("fi", own), "en": own, "own": own}
            actor = Actor(
                iri=f"mun:{local}",
                cls="kg:Municipality",
                labels=[],
                kind="municipality",
                country=country,
                names=names,
                code=code,
                area="area:" + area.rsplit("/", 1)[-1] if area else None,
                city=own in vocab.FI_CITIES,
            )
            actor.names["org_sv"] = f"{_sv_genitive(names['sv'])} kommun" if country == "SE" else names["sv"]
            actor.names["org_fi"] = names["fi"]
            actor.names["org_en"] = labels.get("en", own)
            self.municipalities.append(actor)
            self.actors[actor.iri] = actor
            self.by_name.setdefault(own, actor)
            self.taken_iris.add(actor.iri)
            weight = vocab.HUB_MUNICIPALITIES.get(own, 3)
            if country in self.pool:
                self.pool[country].extend([actor] * weight)

    def _org(
        self,
        slug: str,
        cls: str,
        kind: str,
        country: str | None,
        labels: dict[str, str],
        alt: list[tuple[str, str]] | None = None,
        located: str | None = None,
    ) -> Actor:
        iri = f"orgid:{slug}"
        actor = Actor(
            iri=iri,
            cls=f"kg:{cls}",
            labels=[(text, lang) for lang, text in labels.items()],
            kind=kind,
            country=country,
            names={**labels},
            alt=alt or [],
            located=located,
        )
        for lang in ("sv", "fi", "en"):  # a name in every language, the organisation's form too
            actor.names.setdefault(lang, next(iter(labels.values())))
            actor.names[f"org_{lang}"] = actor.names[lang]
        self.actors[iri] = actor
        self.taken_iris.add(iri)
        self.taken_names.add(next(iter(labels.values())).lower())
        return actor

    def _make_core(self) -> None:
        for row in vocab.ORGANISATIONS:
            country = row["country"] or None
            home = self.by_name.get(row["town"])
            actor = self._org(
                row["slug"], row["class"], row["kind"], country, *vocab.labels_of(row), home.iri if home else None
            )
            for c in [country] if country else ["SE", "FI"]:
                self.pool[c].extend([actor] * int(row["weight"]))
            if row["kind"] == "research" and country:
                self.research[country].append(actor)
        for row in vocab.FUNDERS:
            spec = FunderSpec(
                row["country"] or None,
                row["currency"] or None,
                (int(row["amount_min"]), int(row["amount_max"])),
                (int(row["first_year"]), int(row["last_year"])),
                tuple(row["themes"].split()),
            )
            self.funders.append(
                (self._org(row["slug"], row["class"], row["kind"], spec.country, *vocab.labels_of(row)), spec)
            )
        for country, parties in vocab.PARTIES.items():
            lang = "sv" if country == "SE" else "fi"
            self.parties[country] = [
                self._org(slug, "PoliticalParty", "party", country, {lang: name, "en": en})
                for slug, name, en in parties
            ]
        for country, names in vocab.MEDIA.items():
            lang = "sv" if country == "SE" else "fi"
            self.media[country] = [
                self._org(
                    slugify(name),
                    "Company",
                    "media",
                    country,
                    {lang: name, "en": name},
                    located=self.rng.choice([m for m in self.municipalities if m.country == country]).iri,
                )
                for name in names
            ]

    # ---------------------------------------------------------------- drawing actors

    def _new_org(self, country: str) -> Actor:
        """A made-up company, school or association in a real municipality (the long tail)."""
        rng = self.rng
        lang = "sv" if country == "SE" else "fi"
        muns = [m for m in self.municipalities if m.country == country]
        for _ in range(40):
            town = rng.choice(muns)
            place = town.name(lang)
            roll = rng.random()
            if roll < 0.5:
                word = rng.choice(vocab.COMPANY_WORDS[country])
                suffix = "AB" if country == "SE" else "Oy"
                brand = rng.choice(
                    [
                        place,
                        rng.choice(vocab.COMPANY_BRANDS),
                        rng.choice(vocab.NAMES[country]["last"]),
                    ]
                )
                name = f"{brand}{'' if brand.endswith('-') else ' '}{word} {suffix}"
                cls, kind, labels = "Company", "company", {lang: name, "en": name}
            elif roll < 0.7:
                village = rng.choice(vocab.VILLAGES[country])
                name = rng.choice(vocab.TEMPLATES["civil"][country]).format(village=village)
                cls, kind, labels = "CivilSocietyOrganisation", "civil", {lang: name}
            elif roll < 0.88:
                name = en = rng.choice(vocab.TEMPLATES["education"][country]).format(place=place)
                cls, kind, labels = "EducationProvider", "education", {lang: name, "en": en}
            else:
                word = rng.choice(vocab.TEMPLATES["centre"][country])
                name = f"{word} {place}"
                cls, kind, labels = "Company", "company", {lang: name, "en": name}
            slug = slugify(name)
            if f"orgid:{slug}" in self.taken_iris or name.lower() in self.taken_names:
                continue
            return self._org(slug, cls, kind, country, labels, located=town.iri)
        n = len(self.actors)
        name = f"{rng.choice(vocab.COMPANY_BRANDS).rstrip('-')} {n} {'AB' if country == 'SE' else 'Oy'}"
        return self._org(slugify(name), "Company", "company", country, {lang: name, "en": name})

    def draw(self, country: str, exclude: list[Actor], public: bool = False) -> Actor:
        """An actor by preferential attachment (Simon's model); new actors join the long tail."""
        rng = self.rng
        pool = self.pool[country]
        for _ in range(30):
            if not public and rng.random() < 0.09:
                actor = self._new_org(country)
            else:
                actor = rng.choice(pool)
                if public and actor.kind in ("company", "civil", "media"):
                    continue
            if actor in exclude:
                continue
            pool.append(actor)
            return actor
        actor = self._new_org(country)
        pool.append(actor)
        return actor

    def funder_for(self, region: str, year: int, theme: str) -> tuple[Actor, FunderSpec]:
        """A funder for an initiative: Interreg or the Nordic Council across the border, else national or EU."""
        rng = self.rng
        options = []
        for actor, spec in self.funders:
            if not spec.years[0] <= year <= spec.years[1]:
                continue
            cross_border = (actor.kind == "eufund" and spec.currency == "EUR") or actor.iri == NORDIC_COUNCIL
            if region == "XB":
                if cross_border:
                    options.append((actor, spec, 6))
            elif spec.country in (None, region) and not cross_border:
                weight = 4 if theme in spec.themes else 1
                if actor.kind == "eufund":
                    weight *= 2
                options.append((actor, spec, weight))
        total = sum(w for _, _, w in options)
        pick = rng.random() * total
        for actor, spec, weight in options:
            pick -= weight
            if pick <= 0:
                return actor, spec
        return options[-1][0], options[-1][1]

    # ---------------------------------------------------------------- people

    def _new_person(self, country: str) -> Person:
        rng = self.rng
        first, last = vocab.NAMES[country]["first"], vocab.NAMES[country]["last"]
        for attempt in range(60):
            name = f"{rng.choice(first)} {rng.choice(last)}"
            if attempt >= 10:
                name = f"{rng.choice(first)} {rng.choice(first)} {rng.choice(last)}"
            if attempt >= 40:
                name = f"{rng.choice(first)} {rng.choice('ABDEHKLMNPRST')}. {rng.choice(last)}"
            slug = slugify(name)
            if name.lower() not in self.taken_names and f"person:{slug}" not in self.taken_iris:
                break
        else:  # pragma: no cover - the name space is far larger than any run
            name = f"{rng.choice(first)} {rng.choice(last)} {len(self.taken_names)}"
            slug = slugify(name)
        self.taken_names.add(name.lower())
        self.taken_iris.add(f"person:{slug}")
        lang = "sv" if country == "SE" else "fi"
        actor = Actor(
            iri=f"person:{slug}",
            cls="kg:Person",
            labels=[(name, lang), (name, "en")],
            kind="person",
            country=country,
            names={"sv": name, "fi": name, "en": name},
        )
        person = Person(actor=actor, lang=lang)
        self.persons[country].append(person)
        return person

    def _role_for(self, org: Actor, lang: str, want: str | None) -> tuple[tuple[str, str, str], bool]:
        """(role, held by a politician?) for a new post in ``org``."""
        roles = vocab.ROLES.get(org.kind) or vocab.ROLES["company"]
        if want == "pm":
            choice = roles[0]
        elif want:  # the first title marked for a chief (*) or a politician (^), else a project manager's
            choice = next((r for r in roles if r[0].startswith(ROLE_MARKS[want])), roles[0])
        else:
            choice = self.rng.choice(roles)
        sv, fi, en = choice
        title = sv if lang == "sv" else fi
        if org.kind == "municipality" and org.city and lang == "fi":
            title = title.replace("kunnan", "kaupungin")  # kunnanjohtaja -> kaupunginjohtaja too
        return (title.lstrip("*^"), lang, en), title.startswith("^")

    def staff(self, org: Actor, year: int, want: str | None = None) -> Post | None:
        """A post in ``org`` held in ``year``: an existing one, or a new one for a new or moving person."""
        if org.kind in ("eufund", "party"):
            return None
        rng = self.rng
        active = self.posts_at.get((org.iri, year))
        if active:
            if want:
                titled = [p for p in active if p.role[2] == self._role_for(org, p.role[1], want)[0][2]]
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
        start_floor = START_YEAR
        if person is None:
            person = self._new_person(country)
        else:
            start_floor = person.posts[-1].end or START_YEAR
        role, politician = self._role_for(org, person.lang, want)
        start = max(start_floor, year - rng.randint(0, 3))
        end: int | None = max(year, start + rng.randint(1, 7))
        if end >= END_YEAR or rng.random() < 0.05:
            end = None
        slug = person.actor.iri.split(":", 1)[1]
        org_slug = slugify(org.names.get("own", "")) if org.kind == "municipality" else org.iri.split(":", 1)[1]
        iri = f"post:{slug}--{org_slug}"
        if iri in self.taken_iris:
            iri = f"{iri}-{start}"
        if iri in self.taken_iris:
            return None
        self.taken_iris.add(iri)
        post = Post(iri=iri, holder=person, org=org, role=role, start=start, end=end)
        person.posts.append(post)
        if politician and person.party is None:
            person.party = rng.choice(self.parties.get(org.country or country, self.parties["SE"]))
        for y in range(start, (end if end is not None else END_YEAR) + 1):
            self.posts_at.setdefault((org.iri, y), []).append(post)
        return post


def _read_themes(path: Path) -> dict[str, dict[str, str]]:
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF, SKOS

    graph = Graph().parse(path)
    themes = {}
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        local = str(concept).rsplit("/", 1)[-1]
        labels = {o.language: str(o) for o in graph.objects(concept, SKOS.prefLabel) if isinstance(o, Literal)}
        labels.setdefault("en", local)
        labels.setdefault("sv", labels["en"])
        labels.setdefault("fi", labels["en"])
        themes[local] = labels
    return dict(sorted(themes.items()))
