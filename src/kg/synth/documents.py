"""The documents of a synthetic run: project announcements, the minutes of municipal boards that
co-finance a project, final reports, event invitations, association board minutes and adopted
strategies, each written as one Turtle source file (:class:`Writer`)."""

from __future__ import annotations

import datetime as dt

from kg.synth import vocabulary as vocab
from kg.synth.model import (
    END_YEAR,
    FIRST_DAY,
    LAST_DAY,
    START_YEAR,
    Actor,
    Funding,
    Initiative,
    Post,
    _clamp,
    _fmt_date,
)
from kg.synth.turtle import Doc, lit, slugify
from kg.synth.world import World

LANGUAGE_INDEX = {"sv": 0, "fi": 1, "en": 2}  # of a language in the [Swedish, Finnish, English] tables


class Writer(World):
    """A :class:`~kg.synth.world.World` that writes its initiatives, events and people into source documents."""

    # ---------------------------------------------------------------- writing entities into a document

    def declare(self, doc: Doc, actor: Actor) -> str:
        """Type, labels and country of a non-municipality actor (more on its first mention)."""
        iri = actor.iri
        if actor.kind == "municipality":
            doc.decls.append((iri, "kg:Municipality"))
            return iri
        add = doc.add
        add(iri, "a", actor.cls)
        for text, lang in actor.labels:
            add(iri, "rdfs:label", lit(text, lang))
        if actor.country:
            add(iri, "kg:country", lit(actor.country))
        if iri not in self.introduced:
            self.introduced.add(iri)
            for text, lang in actor.alt:
                add(iri, "skos:altLabel", lit(text, lang))
            if actor.located:
                add(iri, "kg:locatedIn", actor.located)
            if actor.description:
                add(iri, "dcterms:description", lit(*actor.description))
        doc.decls.append((iri, actor.cls))
        return iri

    def declare_post(self, doc: Doc, post: Post, doing: tuple[str, str] | None = None) -> str:
        """A person, their post (with its years) and the organisation it is in."""
        person = post.holder
        p = self.declare(doc, person.actor)
        doc.add(p, "kg:holdsPost", post.iri)
        if person.party is not None and self.rng.random() < 0.5:
            doc.add(p, "kg:memberOf", self.declare(doc, person.party))
        if doing:
            doc.add(p, doing[0], doing[1])
        org = post.org
        o = self.declare(doc, org)
        title, lang, en = post.role
        org_local = org.names.get(f"org_{lang}") or org.name(lang)
        add = doc.add
        add(post.iri, "a", "kg:Post")
        add(post.iri, "rdfs:label", lit(f"{title[0].upper()}{title[1:]}, {org_local}", lang))
        add(post.iri, "rdfs:label", lit(f"{en[0].upper()}{en[1:]}, {org.names.get('org_en') or org.name('en')}", "en"))
        add(post.iri, "kg:postIn", o)
        add(post.iri, "kg:role", lit(title, lang))
        add(post.iri, "schema:startDate", lit(str(post.start), datatype="xsd:gYear"))
        if post.end is not None:
            add(post.iri, "schema:endDate", lit(str(post.end), datatype="xsd:gYear"))
        doc.decls.append((post.iri, "kg:Post"))
        return p

    def declare_initiative(self, doc: Doc, ini: Initiative, full: bool) -> str:
        """Type and labels of an initiative; with ``full``, also its dates, places, themes and description."""
        add = doc.add
        i = ini.iri
        add(i, "a", ini.cls)
        for text, lang in ini.labels:
            add(i, "rdfs:label", lit(text, lang))
        if full:
            if ini.description:
                add(i, "dcterms:description", lit(*ini.description))
            add(i, "schema:startDate", lit(ini.start[0], datatype=ini.start[1]))
            if ini.end:
                add(i, "schema:endDate", lit(ini.end[0], datatype=ini.end[1]))
            for place in ini.located:
                add(i, "kg:locatedIn", place)
            for theme in ini.themes:
                add(i, "kg:theme", f"th:{theme}")
            for p, o in ini.extra:
                add(i, p, o)
        doc.decls.append((i, ini.cls))
        if doc.first_initiative is None:
            doc.first_initiative = i
        return i

    def declare_funding(self, doc: Doc, ini: Initiative, funding: Funding) -> None:
        add = doc.add
        f = funding.iri
        add(ini.iri, "kg:hasFunding", f)
        add(f, "a", "kg:Funding")
        add(f, "kg:funder", self.declare(doc, funding.funder))
        add(f, "kg:amount", lit(str(funding.amount), datatype="xsd:decimal"))
        add(f, "kg:currency", lit(funding.currency))
        if funding.kind:
            add(f, "kg:fundingKind", lit(*funding.kind))
        doc.decls.append((f, "kg:Funding"))

    def new_doc(self, kind: str, title: str, lang: str, publisher: Actor, issued: dt.date | None) -> Doc:
        self.doc_count += 1
        stem = f"synth-{self.doc_count:06d}"
        doc = Doc(stem, f"Synthetic source document {stem} ({kind}), generated by kg.synth with seed {self.seed}.")
        d = f"src:{stem}"
        doc.add(d, "a", "kg:SourceDocument")
        doc.add(d, "dcterms:identifier", lit(stem))
        doc.add(d, "dcterms:title", lit(title, lang))
        doc.add(d, "dcterms:language", lit(lang))
        doc.add(d, "dcterms:publisher", self.declare(doc, publisher))
        if issued is not None:
            doc.add(d, "dcterms:issued", lit(_clamp(issued).isoformat(), datatype="xsd:date"))
        doc.decls.append((d, "kg:SourceDocument"))
        return doc

    # ---------------------------------------------------------------- initiatives

    def _unique_label(
        self, labels: list[tuple[str, str]], year: int, suffixes: list[str] | None = None
    ) -> tuple[list[tuple[str, str]], str]:
        """Labels and IRI slug, made unique with a suffix where the name is taken."""
        suffixes = suffixes or ["", " 2.0", " II", f" {year}", " III", f" {year}–{year + 2}"]
        for n in range(60):
            suffix = suffixes[n] if n < len(suffixes) else f" ({n})"
            cand = [(text + suffix, lang) for text, lang in labels]
            slug = slugify(cand[0][0])
            if cand[0][0].lower() not in self.taken_labels and f"ini:{slug}" not in self.taken_iris:
                self.taken_labels.add(cand[0][0].lower())
                self.taken_iris.add(f"ini:{slug}")
                return cand, f"ini:{slug}"
        raise RuntimeError("no unique initiative name")  # pragma: no cover

    def _labels(self, patterns: dict[str, str], langs: list[str], **fields: object) -> list[tuple[str, str]]:
        """``[(text, lang)]``: the pattern of each language in ``langs`` filled in with ``fields``."""
        return [(patterns[lang].format(**fields), lang) for lang in langs]

    def _initiative(
        self, cls: str, region: str, labelled: tuple, dates: tuple, themes: list[str], located: list[str], lead: Actor
    ) -> Initiative:
        """A new initiative of the world: ``labelled`` is (labels, IRI) as from :meth:`_unique_label`,
        ``dates`` (start, end, first day, last day) as from :meth:`_dates`."""
        (labels, iri), (start, end, start_day, end_day) = labelled, dates
        ini = Initiative(iri, cls, labels, region, labels[0][1], start, end, start_day, end_day, themes, located, lead)
        self.initiatives.append(ini)
        return ini

    def _langs(self, region: str) -> list[str]:
        return {"SE": ["sv", "en"], "FI": ["fi", "en"], "XB": ["sv", "fi", "en"]}[region]

    def _country(self, region: str) -> str:
        """The country of an actor in ``region``: either, across the border."""
        return region if region != "XB" else self.rng.choice(["SE", "FI"])

    def _home(self, actor: Actor) -> Actor | None:
        """The municipality an actor is (or is located in), if any."""
        home = actor if actor.kind == "municipality" else self.actors.get(actor.located or "")
        return home if home is not None and home.kind == "municipality" else None

    def _dates(self, start: dt.date, months: int, precision: str) -> tuple:
        end = start + dt.timedelta(days=int(months * 30.4) - 1)
        s = _fmt_date(start, precision)
        if end > LAST_DAY:
            return s, None, start, None
        return s, _fmt_date(end, precision), start, end

    def _year(self) -> int:
        # more sources in later years: the digital record thickens
        rng = self.rng
        while True:
            y = rng.randint(START_YEAR, END_YEAR - 1)
            if rng.random() < 0.35 + 0.65 * (y - START_YEAR) / (END_YEAR - START_YEAR):
                return y

    def _day(self, year: int) -> dt.date:
        return dt.date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))

    def _describe(
        self, cls: str, lang: str, themes: list[str], place: tuple[str, str, str], lead: Actor, n_partners: int
    ) -> tuple[str, str]:
        t = [self.themes[k].get(lang) or self.themes[k]["en"] for k in themes]
        topics = t[0] if len(t) == 1 else ", ".join(t[:-1]) + vocab.TEXTS["and"][lang] + t[-1]
        where = place[LANGUAGE_INDEX[lang]]
        kind = vocab.PROJECTS[cls]["kind"][LANGUAGE_INDEX[lang]]
        lead_name = lead.name("org_en" if lang == "en" else "org_sv")
        fields = {"kind": kind, "topics": topics, "where": where, "lead": lead_name, "partners": n_partners}
        template = (
            self.rng.choice(vocab.TEMPLATES["description"][lang])
            if lang in ("sv", "fi")
            else vocab.TEMPLATES["description"]["en"][0]
        )
        return template.format(**fields), lang

    def new_project(self) -> Initiative:
        rng = self.rng
        roll = rng.random()
        region = "XB" if roll < 0.12 else "SE" if roll < 0.62 else "FI"
        cls_roll = rng.random()
        cls, spec = next((cls, spec) for cls, spec in vocab.PROJECTS.items() if cls_roll < spec["below"])
        months = rng.randint(*spec["months"])
        year = self._year()
        start = dt.date(year, rng.randint(1, 12), rng.choice([1, 1, 1, 15, rng.randint(1, 28)]))
        precision = rng.choices(["xsd:date", "xsd:gYearMonth", "xsd:gYear"], [60, 25, 15])[0]
        dates = self._dates(start, months, precision)
        # the lead and the place
        lead_country = self._country(region)
        if cls == "kg:ResearchProject":
            lead = rng.choice(self.research[lead_country])
            self.pool[lead_country].append(lead)
        else:
            lead = self.draw(lead_country, [], public=True)
        themes = rng.sample(self.theme_keys, rng.choice([1, 1, 2, 2, 3]))
        places = [p for p in vocab.PLACES if p[3] == region] or vocab.PLACES
        home = self._home(lead)
        if home is not None and rng.random() < 0.5 and region != "XB":
            place = (home.name("sv"), home.name("fi"), home.name("en"), region)
        else:
            place = rng.choice(places)
        phrase = rng.choice(vocab.THEME_PHRASES.get(themes[0], vocab.GENERIC_PHRASES))
        labels = self._labels(spec["label"], self._langs(region), phrase=phrase, place=place)
        located = [home.iri, *([home.area] if home.area else [])] if home is not None else []
        if region == "XB":
            located = [a for a in located if a.startswith("mun:")] + ["area:se-25", "area:fi-19"]
        elif not located and region == "SE":
            located = ["area:se-25" if rng.random() < 0.6 else "area:se-24"]
        elif not located:
            located = ["area:fi-19"]
        ini = self._initiative(
            cls, region, self._unique_label(labels, year), dates, themes=themes, located=located, lead=lead
        )
        iri = ini.iri
        # partners
        n = 1 + min(int(rng.paretovariate(1.6)), 11)
        for _ in range(n):
            ini.participants.append(self.draw(self._country(region), [lead, *ini.participants]))
        if region == "XB" and not any(a.country not in (lead.country, None) for a in ini.participants):
            other = "FI" if lead.country == "SE" else "SE"
            ini.participants.append(self.draw(other, [lead, *ini.participants], public=True))
        # funding
        for k in range(rng.choice([1, 1, 1, 2])):
            funder, spec = self.funder_for(region, year, themes[0])
            if any(f.funder is funder for f in ini.fundings) or funder in ini.funders_only:
                continue
            if k == 0 or rng.random() < 0.7:
                currency = spec.currency or ("SEK" if lead.country == "SE" else "EUR")
                lo, hi = spec.amounts
                if currency == "EUR" and spec.currency is None:
                    lo, hi = lo // 10, hi // 10
                amount = round(rng.uniform(lo, hi), -3)
                ini.fundings.append(Funding(f"funding:{iri[4:]}--{funder.iri[6:]}", funder, int(amount), currency))
            else:
                ini.funders_only.append(funder)
        if cls == "kg:Project" and rng.random() < 0.3:
            before = [p for p in self.prestudies[-200:] if p.end_day and p.end_day <= start and p.region == region]
            if before:
                ini.extra.append(("kg:relatedTo", rng.choice(before).iri))
        if rng.random() < 0.25 and ini.end is not None:
            ini.extra.append(("kg:plannedDuration", lit(f"P{months}M", datatype="xsd:duration")))
        if rng.random() < 0.6:
            ini.description = self._describe(cls, ini.lang, themes, place, lead, len(ini.participants))
        (self.prestudies if cls == "kg:PreStudy" else self.projects).append(ini)
        return ini

    # ---------------------------------------------------------------- documents

    def _publisher(self, actor: Actor, country: str) -> Actor:
        """The actor itself, or now and then a local newspaper that reports on it."""
        if self.rng.random() < 0.2:
            return self.rng.choice(self.media[country])
        return actor

    def announce(self, ini: Initiative) -> Doc:
        rng = self.rng
        lead = ini.lead
        lang = ini.lang if ini.region != "XB" else ("sv" if lead.country == "SE" else "fi")
        name = next((t for t, lg in ini.labels if lg == lang), ini.label)
        funder = ini.fundings[0].funder if ini.fundings else (ini.funders_only[0] if ini.funders_only else None)
        short = funder.alt[0][0] if funder is not None and funder.alt else funder.name(lang) if funder else ""
        news = vocab.PROJECTS[ini.cls]["news"][LANGUAGE_INDEX[lang]]
        patterns = vocab.TEMPLATES["announce_title"][lang]
        if funder is None:  # a headline naming the funder gives way to the plain news one
            patterns = [patterns[1] if "{short}" in p else p for p in patterns]
        title = rng.choice(patterns).format(lead=lead, short=short, news=news, bare=name.split(": ", 1)[-1], name=name)
        issued = ini.start_day - dt.timedelta(days=rng.randint(0, 90))
        publisher = self._publisher(lead, lead.country or "SE")
        doc = self.new_doc("project announcement", title, lang, publisher, issued)
        i = self.declare_initiative(doc, ini, full=True)
        add = doc.add
        add(self.declare(doc, lead), "kg:leads", i)
        for f in ini.fundings:
            self.declare_funding(doc, ini, f)
        for a in ini.funders_only:
            add(self.declare(doc, a), "kg:funds", i)
        post = self.staff(lead, ini.start_day.year, want="pm")
        if post is not None:
            p = self.declare_post(doc, post, ("kg:participatesIn", i))
            add(i, "kg:contact", p)
        for a in ini.participants:
            if len(doc) > 66:
                break
            add(self.declare(doc, a), "kg:participatesIn", i)
        return doc

    def cofinance(self, ini: Initiative, mun: Actor) -> Doc | None:
        """The minutes of a municipal board that co-finances a project it takes part in."""
        rng = self.rng
        day = ini.start_day - dt.timedelta(days=rng.randint(20, 120))
        if day < FIRST_DAY:
            return None
        lang = "sv" if mun.country == "SE" else "fi"
        title = vocab.TEXTS["cofinance_title"]["fi_city" if lang == "fi" and mun.city else lang].format(
            mun=mun, day=day
        )
        doc = self.new_doc("minutes", title, lang, mun, day)
        i = self.declare_initiative(doc, ini, full=False)
        doc.add(self.declare(doc, mun), "kg:participatesIn", i)
        currency = "SEK" if mun.country == "SE" else "EUR"
        amount = round(rng.uniform(20_000, 600_000) if currency == "SEK" else rng.uniform(3_000, 80_000), -3)
        fid = f"funding:{ini.iri[4:]}--{mun.iri[4:]}"
        if fid not in self.taken_iris:
            self.taken_iris.add(fid)
            funding = Funding(fid, mun, int(amount), currency, (vocab.TEXTS["cofinance_kind"][lang], lang))
            ini.fundings.append(funding)
            self.declare_funding(doc, ini, funding)
        for want in ("chief", "politician"):
            post = self.staff(mun, day.year, want=want)
            if post is not None:
                self.declare_post(doc, post)
        if len(doc) < 40:
            post = self.staff(mun, day.year)
            if post is not None:
                self.declare_post(doc, post)
        return doc

    def report(self, ini: Initiative) -> Doc | None:
        """A final report or closing news item, with the number of participants."""
        rng = self.rng
        if ini.end_day is None:
            return None
        day = ini.end_day + dt.timedelta(days=rng.randint(10, 150))
        if day > LAST_DAY:
            return None
        lang = ini.lang if ini.lang != "en" else "sv"
        name = next((t for t, lg in ini.labels if lg == lang), ini.label)
        title = rng.choice(vocab.TEMPLATES["report_title"]["sv" if lang == "sv" else "fi"]).format(name=name)
        doc = self.new_doc("final report", title, lang, ini.lead, day)
        i = self.declare_initiative(doc, ini, full=False)
        doc.add(i, "kg:participantCount", lit(str(int(rng.paretovariate(1.2) * 12)), datatype="xsd:integer"))
        doc.add(self.declare(doc, ini.lead), "kg:leads", i)
        for a in ini.participants[:6]:
            doc.add(self.declare(doc, a), "kg:participatesIn", i)
        for a in [ini.lead, *ini.participants[:3]]:
            if len(doc) > 60:
                break
            post = self.staff(a, ini.end_day.year)
            if post is not None:
                self.declare_post(doc, post, ("kg:participatesIn", i))
        return doc

    def event(self) -> Doc:
        rng = self.rng
        roll = rng.random()
        region = "XB" if roll < 0.15 else "SE" if roll < 0.6 else "FI"
        year = self._year()
        day = self._day(year)
        host_country = self._country(region)
        organiser = self.draw(host_country, [], public=True)
        home = self._home(organiser) or rng.choice([m for m in self.municipalities if m.country == host_country])
        kind = rng.random()
        themes = rng.sample(self.theme_keys, rng.choice([1, 1, 2]))
        langs = self._langs(region)
        fields = {"home": home, "day": day, "year": year, "month": vocab.MONTHS_SV[day.month - 1]}
        part_of = None
        end_day = day
        if kind < 0.25:
            cls = "kg:Conference"
            conf = rng.choice([c for c in vocab.CONFERENCES if c[3] in (region, "XB")])
            labels = self._labels(vocab.TEXTS["conference"], langs, conference=conf, **fields)
            end_day = day + dt.timedelta(days=rng.choice([0, 1, 1, 2]))
        elif kind < 0.6:
            cls = "kg:Seminar"
            labels = self._labels(vocab.TEXTS["seminar"], langs, theme=self.themes[themes[0]], **fields)
            if self.projects and rng.random() < 0.4:
                cand = rng.choice(self.projects[-300:])
                if cand.end_day and cand.start_day <= day <= cand.end_day:
                    part_of = cand
        else:
            cls = "kg:Meeting"
            labels = self._labels(vocab.TEXTS["network_meeting"], langs, group=rng.choice(vocab.GROUPS), **fields)
        suffixes = ["", f", {home.name('own')}", f", {home.name('own')} {vocab.MONTHS_SV[day.month - 1]}"]
        dates = (_fmt_date(day, "xsd:date"), _fmt_date(min(end_day, LAST_DAY), "xsd:date"), day, end_day)
        located = [home.iri, *([home.area] if home.area else [])]
        labelled = self._unique_label(labels, year, suffixes)
        ev = self._initiative(cls, region, labelled, dates, themes=themes, located=located, lead=organiser)
        if part_of is not None:
            ev.extra.append(("kg:partOf", part_of.iri))
        if cls == "kg:Conference":
            ev.extra.append(("kg:participantCount", lit(str(rng.randint(4, 40) * 10), datatype="xsd:integer")))
        lang = langs[0] if region != "XB" else ("sv" if host_country == "SE" else "fi")
        name = next((tx for tx, lg in ev.labels if lg == lang), ev.label)
        title = rng.choice(vocab.TEMPLATES["invitation_title"]["sv" if lang == "sv" else "fi"]).format(name=name)
        doc = self.new_doc("event invitation", title, lang, organiser, day - dt.timedelta(days=rng.randint(7, 60)))
        i = self.declare_initiative(doc, ev, full=True)
        doc.add(self.declare(doc, organiser), "kg:organises", i)
        if rng.random() < 0.3:
            co = self.draw(host_country, [organiser], public=True)
            doc.add(self.declare(doc, co), "kg:organises", i)
        if part_of is not None:
            self.declare_initiative(doc, part_of, full=False)
        speakers = rng.choice([1, 1, 2, 2, 3])
        for _ in range(speakers):
            post = self.staff(self.draw(self._country(region), [organiser]), year)
            if post is not None:
                self.declare_post(doc, post, ("kg:presentsAt", i))
            if len(doc) > 62:
                break
        while len(doc) < 48:
            doc.add(self.declare(doc, self.draw(self._country(region), [organiser])), "kg:participatesIn", i)
        return doc

    def association_minutes(self) -> Doc:
        rng = self.rng
        assocs = [a for a in self.actors.values() if a.iri[6:] in vocab.MEMBERS]
        assoc = rng.choice(assocs)
        members = [self.by_name[n] for n in vocab.MEMBERS[assoc.iri[6:]] if n in self.by_name]
        year = self._year()
        day = self._day(year)
        lang = "fi" if assoc.country == "FI" or (assoc.country is None and rng.random() < 0.5) else "sv"
        region = assoc.country or "XB"
        labels = self._labels(vocab.TEXTS["board_meeting"], self._langs(region), assoc=assoc, day=day)
        host = rng.choice(members)
        dates = (_fmt_date(day, "xsd:date"), None, day, day)
        theme = rng.choice(["kommunal-kapacitet", "samhallsplanering", "naringsliv"])
        labelled = self._unique_label(labels, year)
        meeting = self._initiative(
            "kg:Meeting", region, labelled, dates, themes=[theme], located=[host.iri], lead=assoc
        )
        title = vocab.TEXTS["board_minutes_title"][lang].format(assoc=assoc, day=day)
        doc = self.new_doc("minutes", title, lang, assoc, day + dt.timedelta(days=rng.randint(1, 14)))
        i = self.declare_initiative(doc, meeting, full=True)
        doc.add(self.declare(doc, assoc), "kg:organises", i)
        for m in rng.sample(members, min(len(members), rng.randint(3, 8))):
            doc.add(self.declare(doc, m), "kg:memberOf", assoc.iri)
        for m in rng.sample(members, min(len(members), rng.randint(2, 3))):
            post = self.staff(m, year, want=rng.choice(["chief", "politician"]))
            if post is not None:
                self.declare_post(doc, post, ("kg:participatesIn", i))
        if self.projects and len(doc) < 62:
            cand = rng.choice(self.projects[-300:])
            if cand.region in (region, "XB"):
                self.declare_initiative(doc, cand, full=False)
                doc.add(assoc.iri, "kg:participatesIn", cand.iri)
        return doc

    def strategy(self) -> Doc:
        rng = self.rng
        country = "SE" if rng.random() < 0.55 else "FI"
        owner = self.draw(country, [], public=True)
        while owner.kind not in ("municipality", "region", "association"):
            owner = self.draw(country, [], public=True)
        lang = "sv" if country == "SE" else "fi"
        year = self._year()
        adopted = self._day(year)
        span = rng.choice([4, 5, 6, 8, 10])
        if rng.random() < 0.2:
            cls = "kg:Vision"
            horizon = max(rng.choice([2025, 2030, 2035, 2040, 2050]), year + 5)
            labels = self._labels(vocab.TEXTS["vision"], [lang, "en"], owner=owner, horizon=horizon)
            theme = rng.choice(["attraktivitet", "inflyttning", "samhallsplanering"])
        else:
            cls = "kg:Strategy"
            kind = rng.choice(vocab.STRATEGIES)
            labels = self._labels(
                vocab.TEXTS["strategy"], [lang, "en"], kind=kind, owner=owner, year=year, last=year + span
            )
            theme = kind[3]
        themes = [theme] if theme in self.themes else [self.theme_keys[0]]
        labelled = self._unique_label(labels, year)
        first = dt.date(year + (1 if adopted.month > 9 else 0), 1, 1)
        last = first.year + span - 1
        end = _fmt_date(dt.date(last, 1, 1), "xsd:gYear") if last <= END_YEAR else None
        home = self._home(owner)
        located = [home.iri] if home is not None else ["area:se-25" if country == "SE" else "area:fi-19"]
        dates = (_fmt_date(first, "xsd:gYear"), end, first, None)
        st = self._initiative(cls, country, labelled, dates, themes=themes, located=located, lead=owner)
        if rng.random() < 0.6:
            st.extra.append(("kg:adopted", lit(adopted.isoformat(), datatype="xsd:date")))
        else:
            st.extra.append(("kg:adopted", lit(f"{adopted.year}-{adopted.month:02d}", datatype="xsd:gYearMonth")))
        if self.strategies and rng.random() < 0.3:
            st.extra.append(("kg:relatedTo", rng.choice(self.strategies[-100:]).iri))
        if rng.random() < 0.7:
            description = vocab.TEXTS["strategy_description"][lang].format(theme=self.themes[themes[0]], owner=owner)
            st.description = (description, lang)
        self.strategies.append(st)
        title = vocab.TEXTS["strategy_title"][lang].format(owner=owner, name=st.label)
        doc = self.new_doc("strategy", title, lang, owner, adopted + dt.timedelta(days=rng.randint(0, 30)))
        i = self.declare_initiative(doc, st, full=True)
        doc.add(self.declare(doc, owner), "kg:leads", i)
        post = self.staff(owner, year, want=rng.choice(["chief", "politician", None]))
        if post is not None:
            self.declare_post(doc, post, ("kg:participatesIn", i))
            doc.add(i, "kg:contact", post.holder.actor.iri)
        while len(doc) < 40:
            doc.add(self.declare(doc, self.draw(country, [owner])), "kg:participatesIn", i)
        return doc

    def stream(self):
        """Documents, one after the other, for ever."""
        rng = self.rng
        while True:
            roll = rng.random()
            if roll < 0.55:
                ini = self.new_project()
                yield self.announce(ini)
                muns = [a for a in ini.participants if a.kind == "municipality"]
                for mun in muns[:2]:
                    if rng.random() < 0.4:
                        doc = self.cofinance(ini, mun)
                        if doc is not None:
                            yield doc
                if rng.random() < 0.4:
                    doc = self.report(ini)
                    if doc is not None:
                        yield doc
            elif roll < 0.77:
                yield self.event()
            elif roll < 0.9:
                yield self.association_minutes()
            else:
                yield self.strategy()
