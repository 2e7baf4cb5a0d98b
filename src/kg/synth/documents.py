"""The documents of a synthetic run (:class:`Writer`): project announcements, the minutes of municipal
boards that co-finance a project, final reports, event invitations, association board minutes and
adopted strategies, each written as one Turtle source file."""

from __future__ import annotations

import datetime as dt
import itertools

from kg.synth.turtle import Doc, date_lit, lit, slugify
from kg.synth.world import FIRST_DAY, LAST_DAY, WORDS, Actor, Funding, Initiative, Post, World

LANGUAGE_INDEX = {"sv": 0, "fi": 1, "en": 2}  # of a language in the [Swedish, Finnish, English] tables
LANGUAGES = {"SE": ["sv", "en"], "FI": ["fi", "en"], "XB": ["sv", "fi", "en"]}  # of labels, by region


class Writer(World):
    """A :class:`~kg.synth.world.World` that writes its initiatives, events and people into source documents."""

    # ---------------------------------------------------------------- writing entities into a document

    def declare(self, doc: Doc, actor: Actor) -> str:
        """Type, labels and country of a non-municipality actor (more on its first mention)."""
        iri = actor.iri
        if actor.kind == "municipality":
            doc.decls.append((iri, "kg:Municipality"))
            return iri
        doc.declare(iri, actor.cls, actor.labels)
        if actor.country:
            doc.add(iri, "kg:country", lit(actor.country))
        if iri not in self.introduced:
            self.introduced.add(iri)
            for text, lang in actor.alt:
                doc.add(iri, "skos:altLabel", lit(text, lang))
            if actor.located:
                doc.add(iri, "kg:locatedIn", actor.located)
        return iri

    def declare_post(self, doc: Doc, post: Post, doing: tuple[str, str] | None = None) -> str:
        """A person (who is ``doing`` (predicate, object)), their post with its years and its organisation."""
        person, org = post.holder, post.org
        p = self.declare(doc, person)
        doc.add(p, "kg:holdsPost", post.iri)
        if person.party is not None and self.rng.random() < 0.5:
            doc.add(p, "kg:memberOf", self.declare(doc, person.party))
        if doing:
            doc.add(p, *doing)
        o = self.declare(doc, org)
        title, lang, en = post.role
        org_local, org_en = org.names.get(f"org_{lang}") or org.name(lang), org.names.get("org_en") or org.name("en")
        labels = [(f"{title[0].upper()}{title[1:]}, {org_local}", lang), (f"{en[0].upper()}{en[1:]}, {org_en}", "en")]
        doc.declare(post.iri, "kg:Post", labels)
        doc.add(post.iri, "kg:postIn", o)
        doc.add(post.iri, "kg:role", lit(title, lang))
        end = None if post.end is None else lit(str(post.end), datatype="xsd:gYear")
        doc.span(post.iri, lit(str(post.start), datatype="xsd:gYear"), end)
        return p

    def declare_initiative(self, doc: Doc, ini: Initiative, full: bool) -> str:
        """Type and labels of an initiative; with ``full``, also its dates, places, themes and description."""
        i = doc.declare(ini.iri, ini.cls, ini.labels)
        if full:
            if ini.description:
                doc.add(i, "dcterms:description", lit(*ini.description))
            doc.span(i, date_lit(ini.start, ini.precision), ini.end and date_lit(ini.end, ini.precision))
            for place in ini.located:
                doc.add(i, "kg:locatedIn", place)
            for theme in ini.themes:
                doc.add(i, "kg:theme", f"th:{theme}")
            for p, o in ini.extra:
                doc.add(i, p, o)
        return i

    def declare_funding(self, doc: Doc, ini: Initiative, funding: Funding) -> None:
        """A ``kg:Funding`` of ``ini``: funder, amount, currency and kind."""
        f = funding.iri
        doc.add(ini.iri, "kg:hasFunding", f)
        doc.declare(f, "kg:Funding")
        doc.add(f, "kg:funder", self.declare(doc, funding.funder))
        doc.add(f, "kg:amount", lit(str(funding.amount), datatype="xsd:decimal"))
        doc.add(f, "kg:currency", lit(funding.currency))
        if funding.kind:
            doc.add(f, "kg:fundingKind", lit(*funding.kind))

    def take_part(self, doc: Doc, i: str, actors: list[Actor], predicate: str = "kg:participatesIn") -> None:
        for actor in actors:
            doc.add(self.declare(doc, actor), predicate, i)

    def fill(self, doc: Doc, i: str, region: str, exclude: Actor, size: int) -> None:
        """Participants of ``i`` from ``region``, drawn until the document has ``size`` triples."""
        while len(doc) < size:
            doc.add(self.declare(doc, self.draw(self.country(region), [exclude])), "kg:participatesIn", i)

    def posts(self, doc: Doc, actors: list[Actor], year: int, doing: tuple | None, want=None, until=999) -> list[Post]:
        """Posts in ``actors`` in ``year`` (see :meth:`staff`), while the document has ``until`` triples or fewer."""
        found = []
        for actor in actors:
            post = self.staff(actor, year, want) if len(doc) <= until else None
            if post is not None:
                self.declare_post(doc, post, doing)
                found.append(post)
        return found

    def write(self, kind: str, ini: Initiative, title: str, lang: str, publisher: Actor, issued: dt.date, full=True):
        """A new source document about ``ini`` (``full``: with its dates, places, themes), and the IRI of ``ini``."""
        self.doc_count += 1
        stem = f"synth-{self.doc_count:06d}"
        doc = Doc(
            stem, f"Synthetic source document {stem} ({kind}), generated by kg.synth with seed {self.seed}.", ini.iri
        )
        d = doc.declare(f"src:{stem}", "kg:SourceDocument")
        doc.add(d, "dcterms:identifier", lit(stem))
        doc.add(d, "dcterms:title", lit(title, lang))
        doc.add(d, "dcterms:language", lit(lang))
        doc.add(d, "dcterms:publisher", self.declare(doc, publisher))
        doc.add(d, "dcterms:issued", date_lit(min(max(issued, FIRST_DAY), LAST_DAY)))
        return doc, self.declare_initiative(doc, ini, full)

    # ---------------------------------------------------------------- drawing initiatives

    def unique_label(self, labels: list, year: int, suffixes: list | None = None) -> tuple[list, str]:
        """Labels and IRI of a new initiative, made unique with one of ``suffixes`` where the name is taken."""
        suffixes = suffixes or ["", " 2.0", " II", f" {year}", " III", f" {year}–{year + 2}"]
        base = (labels[0][0], *suffixes)
        # a name taken 60 times over (past a few million triples) goes on from the number it reached last
        for n in itertools.count(self.crowded_labels.get(base, 0)):
            suffix = suffixes[n] if n < len(suffixes) else f" ({n})"
            cand = [(text + suffix, lang) for text, lang in labels]
            iri = f"ini:{slugify(cand[0][0])}"
            if iri not in self.taken_iris:
                self.taken_iris.add(iri)
                if n >= 60:
                    self.crowded_labels[base] = n + 1
                return cand, iri
        raise AssertionError("unreachable")  # pragma: no cover

    def new_initiative(self, patterns: dict, words: dict, year: int, suffixes=None, **fields) -> Initiative:
        """A new initiative named by ``patterns`` (by language) filled in with ``words``; ``fields`` those
        of :class:`Initiative`."""
        labels = [(patterns[lang].format(**words), lang) for lang in LANGUAGES[fields["region"]]]
        labels, iri = self.unique_label(labels, year, suffixes)
        ini = Initiative(iri=iri, labels=labels, **fields)
        self.initiatives[ini.cls].append(ini)
        return ini

    def title(self, key: str, lang: str, **fields) -> str:
        return self.rng.choice(WORDS["templates"][key][lang]).format(**fields)

    def new_project(self) -> Initiative:
        """A project, pre-study, pilot or research project: its lead, partners, funding and dates."""
        rng = self.rng
        region = self.region(0.12, 0.62)
        cls_roll = rng.random()
        cls, kind = next((cls, kind) for cls, kind in WORDS["projects"].items() if cls_roll < kind["below"])
        months = rng.randint(*kind["months"])
        year = self.year()
        start = dt.date(year, rng.randint(1, 12), rng.choice([1, 1, 1, 15, rng.randint(1, 28)]))
        precision = rng.choices(["xsd:date", "xsd:gYearMonth", "xsd:gYear"], [60, 25, 15])[0]
        end = start + dt.timedelta(days=int(months * 30.4) - 1)
        dates = {"start": start, "end": end if end <= LAST_DAY else None, "precision": precision}
        lead_country = self.country(region)
        if cls == "kg:ResearchProject":  # led by a university
            lead = rng.choice(self.research_pool[lead_country])
        else:
            lead = self.draw(lead_country, [], public=True)
        themes = rng.sample(self.theme_keys, rng.choice([1, 1, 2, 2, 3]))
        home = self.home(lead)
        if home is not None and rng.random() < 0.5 and region != "XB":
            place = (home.name("sv"), home.name("fi"), home.name("en"), region)
        else:
            place = rng.choice([p for p in WORDS["phrases"]["places"] if p[3] == region])
        phrase = rng.choice(WORDS["theme_phrases"].get(themes[0], WORDS["phrases"]["generic"]))
        located = [home.iri, *([home.area] if home.area else [])] if home is not None else []
        if region == "XB":
            located = [a for a in located if a.startswith("mun:")] + ["area:se-25", "area:fi-19"]
        elif not located:
            located = ["area:fi-19"] if region == "FI" else ["area:se-25" if rng.random() < 0.6 else "area:se-24"]
        fields = {"cls": cls, "region": region, "themes": themes, "located": located, "lead": lead, **dates}
        ini = self.new_initiative(kind["label"], {"phrase": phrase, "place": place}, year, **fields)
        for _ in range(1 + min(int(rng.paretovariate(1.6)), 11)):
            ini.participants.append(self.draw(self.country(region), [lead, *ini.participants]))
        if region == "XB" and not any(a.country not in (lead.country, None) for a in ini.participants):
            other = "FI" if lead.country == "SE" else "SE"
            ini.participants.append(self.draw(other, [lead, *ini.participants], public=True))
        for k in range(rng.choice([1, 1, 1, 2])):
            funder, row = self.funder_for(region, year, themes[0])
            if any(f.funder is funder for f in ini.fundings) or funder in ini.funders_only:
                continue
            if k == 0 or rng.random() < 0.7:  # a kg:Funding with an amount, else plain kg:funds
                currency = row["currency"] or ("SEK" if lead.country == "SE" else "EUR")
                scale = 10 if currency == "EUR" and not row["currency"] else 1  # a national funder's euros
                amount = round(rng.uniform(int(row["amount_min"]) // scale, int(row["amount_max"]) // scale), -3)
                ini.fundings.append(Funding(f"funding:{ini.iri[4:]}--{funder.iri[6:]}", funder, int(amount), currency))
            else:
                ini.funders_only.append(funder)
        before = [p for p in self.initiatives["kg:PreStudy"][-200:] if p.end and p.end <= start and p.region == region]
        if cls == "kg:Project" and before and rng.random() < 0.3:
            ini.extra.append(("kg:relatedTo", rng.choice(before).iri))
        if rng.random() < 0.25 and ini.end is not None:
            ini.extra.append(("kg:plannedDuration", lit(f"P{months}M", datatype="xsd:duration")))
        if rng.random() < 0.6:
            lang, n = ini.lang, LANGUAGE_INDEX[ini.lang]
            t = [self.themes[key][lang] for key in themes]
            topics = t[0] if len(t) == 1 else ", ".join(t[:-1]) + WORDS["texts"]["and"][lang] + t[-1]
            words = {"kind": kind["kind"][n], "where": place[n], "topics": topics, "partners": len(ini.participants)}
            ini.description = (self.title("description", lang, lead=lead.name("org_sv"), **words), lang)
        return ini

    # ---------------------------------------------------------------- documents

    def doc_lang(self, ini: Initiative, country: str | None) -> str:
        """The language of a document about ``ini`` (across the border, its writer's country's)."""
        return ini.lang if ini.region != "XB" else ("sv" if country == "SE" else "fi")

    def announce(self, ini: Initiative) -> Doc:
        """A project's announcement: the project in full, its lead, funders, contact and partners."""
        rng, lead = self.rng, ini.lead
        lang = self.doc_lang(ini, lead.country)
        name = ini.label_in(lang)
        funder = next(iter([f.funder for f in ini.fundings] + ini.funders_only), None)
        short = (funder.alt[0][0] if funder.alt else funder.name(lang)) if funder is not None else ""
        news = WORDS["projects"][ini.cls]["news"][LANGUAGE_INDEX[lang]]
        patterns = WORDS["templates"]["announce_title"][lang]
        if funder is None:  # a headline naming the funder gives way to the plain news one
            patterns = [patterns[1] if "{short}" in p else p for p in patterns]
        title = rng.choice(patterns).format(lead=lead, short=short, news=news, bare=name.split(": ", 1)[-1], name=name)
        publisher = rng.choice(self.media[lead.country or "SE"]) if rng.random() < 0.2 else lead  # or a newspaper
        issued = ini.start - dt.timedelta(days=rng.randint(0, 90))
        doc, i = self.write("project announcement", ini, title, lang, publisher, issued)
        self.take_part(doc, i, [lead], "kg:leads")
        for funding in ini.fundings:
            self.declare_funding(doc, ini, funding)
        self.take_part(doc, i, ini.funders_only, "kg:funds")
        for post in self.posts(doc, [lead], ini.start.year, ("kg:participatesIn", i), want="pm"):
            doc.add(i, "kg:contact", post.holder.iri)
        for actor in ini.participants:
            if len(doc) > 66:
                break
            doc.add(self.declare(doc, actor), "kg:participatesIn", i)
        return doc

    def cofinance(self, ini: Initiative, mun: Actor) -> Doc | None:
        """The minutes of a municipal board that co-finances a project it takes part in."""
        rng = self.rng
        day = ini.start - dt.timedelta(days=rng.randint(20, 120))
        if day < FIRST_DAY:
            return None
        lang = "sv" if mun.country == "SE" else "fi"
        title = WORDS["texts"]["cofinance_title"]["fi_city" if lang == "fi" and mun.city else lang]
        doc, i = self.write("minutes", ini, title.format(mun=mun, day=day), lang, mun, day, full=False)
        doc.add(self.declare(doc, mun), "kg:participatesIn", i)
        currency = "SEK" if mun.country == "SE" else "EUR"
        amount = round(rng.uniform(20_000, 600_000) if currency == "SEK" else rng.uniform(3_000, 80_000), -3)
        fid = f"funding:{ini.iri[4:]}--{mun.iri[4:]}"
        if fid not in self.taken_iris:
            self.taken_iris.add(fid)
            funding = Funding(fid, mun, int(amount), currency, (WORDS["texts"]["cofinance_kind"][lang], lang))
            ini.fundings.append(funding)
            self.declare_funding(doc, ini, funding)
        self.posts(doc, [mun], day.year, None, want="chief")
        self.posts(doc, [mun], day.year, None, want="politician")
        self.posts(doc, [mun], day.year, None, until=39)  # and anyone else while the minutes are short
        return doc

    def report(self, ini: Initiative) -> Doc | None:
        """A final report or closing news item, with the number of participants."""
        rng = self.rng
        day = ini.end + dt.timedelta(days=rng.randint(10, 150)) if ini.end else None
        if day is None or day > LAST_DAY:
            return None
        title = self.title("report_title", ini.lang, name=ini.label_in(ini.lang))
        doc, i = self.write("final report", ini, title, ini.lang, ini.lead, day, full=False)
        doc.add(i, "kg:participantCount", lit(str(int(rng.paretovariate(1.2) * 12)), datatype="xsd:integer"))
        self.take_part(doc, i, [ini.lead], "kg:leads")
        self.take_part(doc, i, ini.participants[:6])
        self.posts(doc, [ini.lead, *ini.participants[:3]], ini.end.year, ("kg:participatesIn", i), until=60)
        return doc

    def event(self) -> Doc:
        """An invitation to a conference, seminar or network meeting: organisers, speakers, participants."""
        rng = self.rng
        region = self.region(0.15, 0.6)
        year = self.year()
        day = self.day(year)
        host_country = self.country(region)
        organiser = self.draw(host_country, [], public=True)
        home = self.home(organiser) or rng.choice([m for m in self.municipalities if m.country == host_country])
        kind = rng.random()
        themes = rng.sample(self.theme_keys, rng.choice([1, 1, 2]))
        month = WORDS["phrases"]["months_sv"][day.month - 1]
        words = {"home": home, "day": day, "year": year, "month": month}
        part_of, end, extra = None, day, []
        if kind < 0.25:
            cls, text = "kg:Conference", "conference"
            words["conference"] = rng.choice([c for c in WORDS["phrases"]["conferences"] if c[3] in (region, "XB")])
            end = day + dt.timedelta(days=rng.choice([0, 1, 1, 2]))
            extra.append(("kg:participantCount", lit(str(rng.randint(4, 40) * 10), datatype="xsd:integer")))
        elif kind < 0.6:
            cls, text, words["theme"] = "kg:Seminar", "seminar", self.themes[themes[0]]
            projects = self.initiatives["kg:Project"][-300:]
            cand = rng.choice(projects) if projects and rng.random() < 0.4 else None
            if cand and cand.end and cand.start <= day <= cand.end:
                part_of = cand
                extra.append(("kg:partOf", cand.iri))
        else:
            cls, text, words["group"] = "kg:Meeting", "network_meeting", rng.choice(WORDS["phrases"]["groups"])
        suffixes = ["", f", {home.name('own')}", f", {home.name('own')} {month}"]
        located = [home.iri, *([home.area] if home.area else [])]
        fields = {"cls": cls, "region": region, "themes": themes, "located": located, "lead": organiser, "extra": extra}
        ev = self.new_initiative(
            WORDS["texts"][text], words, year, suffixes, **fields, start=day, end=end, precision="xsd:date"
        )
        lang = self.doc_lang(ev, host_country)
        title = self.title("invitation_title", lang, name=ev.label_in(lang))
        doc, i = self.write("event invitation", ev, title, lang, organiser, day - dt.timedelta(days=rng.randint(7, 60)))
        organisers = [organiser] + ([self.draw(host_country, [organiser], public=True)] if rng.random() < 0.3 else [])
        self.take_part(doc, i, organisers, "kg:organises")
        if part_of is not None:
            self.declare_initiative(doc, part_of, full=False)
        speakers = [self.draw(self.country(region), [organiser]) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
        self.posts(doc, speakers, year, ("kg:presentsAt", i), until=62)
        self.fill(doc, i, region, organiser, 48)
        return doc

    def association_minutes(self) -> Doc:
        """The minutes of an association's board meeting: members, their representatives, a project."""
        rng = self.rng
        assoc = rng.choice(self.associations)
        members = [self.by_name[n] for n in WORDS["members"][assoc.iri[6:]] if n in self.by_name]
        year = self.year()
        day = self.day(year)
        lang = "fi" if assoc.country == "FI" or (assoc.country is None and rng.random() < 0.5) else "sv"
        region = assoc.country or "XB"
        theme = rng.choice(["kommunal-kapacitet", "samhallsplanering", "naringsliv"])
        fields = {"cls": "kg:Meeting", "region": region, "themes": [theme], "located": [rng.choice(members).iri]}
        dates = {"start": day, "end": None, "precision": "xsd:date"}
        meeting = self.new_initiative(
            WORDS["texts"]["board_meeting"], {"assoc": assoc, "day": day}, year, lead=assoc, **fields, **dates
        )
        title = WORDS["texts"]["board_minutes_title"][lang].format(assoc=assoc, day=day)
        doc, i = self.write("minutes", meeting, title, lang, assoc, day + dt.timedelta(days=rng.randint(1, 14)))
        self.take_part(doc, i, [assoc], "kg:organises")
        self.take_part(doc, assoc.iri, rng.sample(members, min(len(members), rng.randint(3, 8))), "kg:memberOf")
        for m in rng.sample(members, min(len(members), rng.randint(2, 3))):
            self.posts(doc, [m], year, ("kg:participatesIn", i), want=rng.choice(["chief", "politician"]))
        projects = self.initiatives["kg:Project"][-300:]
        cand = rng.choice(projects) if projects and len(doc) < 62 else None
        if cand is not None and cand.region in (region, "XB"):
            self.declare_initiative(doc, cand, full=False)
            doc.add(assoc.iri, "kg:participatesIn", cand.iri)
        return doc

    def strategy(self) -> Doc:
        """An adopted strategy or vision of a municipality, region or association."""
        rng = self.rng
        country = "SE" if rng.random() < 0.55 else "FI"
        owner = self.draw(country, [], public=True)
        while owner.kind not in ("municipality", "region", "association"):
            owner = self.draw(country, [], public=True)
        lang = "sv" if country == "SE" else "fi"
        year = self.year()
        adopted = self.day(year)
        span = rng.choice([4, 5, 6, 8, 10])
        if rng.random() < 0.2:
            cls, text, theme = "kg:Vision", "vision", rng.choice(["attraktivitet", "inflyttning", "samhallsplanering"])
            words = {"owner": owner, "horizon": max(rng.choice([2025, 2030, 2035, 2040, 2050]), year + 5)}
        else:
            kind = rng.choice(WORDS["phrases"]["strategies"])
            cls, text, theme = "kg:Strategy", "strategy", kind[3]
            words = {"owner": owner, "kind": kind, "year": year, "last": year + span}
        themes = [theme] if theme in self.themes else [self.theme_keys[0]]
        first = dt.date(year + (1 if adopted.month > 9 else 0), 1, 1)
        home = self.home(owner)
        located = [home.iri] if home is not None else ["area:se-25" if country == "SE" else "area:fi-19"]
        end = dt.date(first.year + span - 1, 1, 1)
        dates = {"start": first, "end": end if end <= LAST_DAY else None, "precision": "xsd:gYear"}
        fields = {"cls": cls, "region": country, "themes": themes, "located": located, "lead": owner, **dates}
        st = self.new_initiative(WORDS["texts"][text], words, year, **fields)
        st.extra.append(("kg:adopted", date_lit(adopted, "xsd:date" if rng.random() < 0.6 else "xsd:gYearMonth")))
        strategies = self.initiatives["kg:Strategy"][-100:-1]
        if strategies and rng.random() < 0.3:
            st.extra.append(("kg:relatedTo", rng.choice(strategies).iri))
        if rng.random() < 0.7:
            description = WORDS["texts"]["strategy_description"][lang].format(theme=self.themes[themes[0]], owner=owner)
            st.description = (description, lang)
        title = WORDS["texts"]["strategy_title"][lang].format(owner=owner, name=st.label_in(lang))
        doc, i = self.write("strategy", st, title, lang, owner, adopted + dt.timedelta(days=rng.randint(0, 30)))
        self.take_part(doc, i, [owner], "kg:leads")
        for post in self.posts(doc, [owner], year, ("kg:participatesIn", i), rng.choice(["chief", "politician", None])):
            doc.add(i, "kg:contact", post.holder.iri)
        self.fill(doc, i, country, owner, 40)
        return doc

    def stream(self):
        """Documents, one after the other, for ever: a project and the minutes and report about it,
        or an event, an association's minutes or a strategy."""
        rng = self.rng
        while True:
            roll = rng.random()
            if roll < 0.55:
                ini = self.new_project()
                yield self.announce(ini)
                for mun in [a for a in ini.participants if a.kind == "municipality"][:2]:
                    if rng.random() < 0.4 and (doc := self.cofinance(ini, mun)) is not None:
                        yield doc
                if rng.random() < 0.4 and (doc := self.report(ini)) is not None:
                    yield doc
            elif roll < 0.77:
                yield self.event()
            elif roll < 0.9:
                yield self.association_minutes()
            else:
                yield self.strategy()
