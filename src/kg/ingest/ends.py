"""Ends of relations that a text names without a proper name.

The name rules of :mod:`kg.ingest.extract` find what a text names: capitalised names, quoted
names, ``projektet X``, ``X-hanke``. Curated sources also hold initiatives the text only describes
in lower case, and a relation to one of them is lost when the reader never proposes it. This module
proposes two such kinds, each found by its own general form:

- :func:`owned_plans`: a municipality's own plan, programme or strategy named by a lower-case
  compound of its kind word (``elinvoimaohjelma``, ``toimintasuunnitelma``, ``näringslivsprogrammet``,
  ``handlingsplanen``) in a sentence that names the municipality or says the plan is its own
  (``kunnassa on laadittu``, ``kaupunginjohtajan johtama``, ``kommunens``). It is named after the
  municipality the text is about (``Utsjoen toimintasuunnitelma``, ``Malå kommuns handlingsplan``),
  led by it and located in it (a ``kg:Strategy``, as docs/modelling.md models plans).
- :func:`described_initiatives`: a Swedish project, platform or effort told by what it is about, a
  lower-case head and its complement (``ett projekt kring medborgardialog för äldre``,
  ``forskningsprojektet kring X och Y``, ``en samverkansplattform för nyanlända``). A bare
  ``projekt`` is named by its complement (``Medborgardialog för äldre``), a compound by itself and
  the complement (``Forskningsprojekt kring X och Y``), the head in its indefinite form.

Both run after the name rules and before the relation rules
(:meth:`kg.ingest.extract._Document.run`), so the verb and clause rules relate them like any other
initiative (``Kommunen ska driva ett projekt kring …``: the municipality leads it).
"""

from __future__ import annotations

import re

__all__ = [
    "PLAN_HEADS",
    "could_be_meant",
    "dashed_events",
    "described_initiatives",
    "finnish_agreements",
    "owned_plans",
    "refers_to_event",
]

#: The kind words of a plan, programme or strategy, by language (the end of a compound's base form).
PLAN_HEADS = {
    "fi": ("ohjelma", "suunnitelma", "strategia"),
    "sv": ("program", "plan", "strategi"),
}
#: Compounds of those kind words that are no municipality's own plan: programmes of the EU and the
#: state, a meeting's agenda, a budget's economic plan, a town's zoning plans.
_NOT_OWNED = re.compile(
    r"(?:rakennerahasto|maaseutu|alue|kehys|toiminta-?\s*ja\s*talous|talous|työ|esitys|kaava|asema|yleis|"
    r"landsbygds|regionalfonds|struktur|socialfonds|dagordning|budget|ekonomi|detalj|översikts|"
    r"interreg|leader|eakr|esr|eu)(?:ohjelma|suunnitelma|strategia|program|plan|strategi)$",
    re.IGNORECASE,
)
#: Words in a sentence that make a plan the municipality's own (in it, by its manager, its own).
_OWNED_CUE = {
    "fi": re.compile(
        r"^(?:kunna(?:ssa|n|mme)|kaupungi(?:ssa|n|mme)|kunnanjohtaja\w*|kaupunginjohtaja\w*|"
        r"kunnanhallitu\w*|kaupunginhallitu\w*|kunnanvaltuust\w*|kaupunginvaltuust\w*)$",
        re.IGNORECASE,
    ),
    "sv": re.compile(
        r"^(?:kommun(?:en|ens)|kommunchef\w*|kommundirektör\w*|kommunstyrelse\w*|kommunfullmäktige\w*)$",
        re.IGNORECASE,
    ),
}

#: Swedish heads of a described initiative (lower case, singular, indefinite or definite) and the
#: kind each names.
_SV_HEAD = re.compile(
    r"^(?P<stem>[a-zåäö]*?(?P<word>projekt|plattform|satsning|avtal|samarbete|överenskommelse))"
    r"(?P<definite>et|en|t|n)?$",
)
_SV_KIND = {
    "projekt": "Project",
    "plattform": "CollaborationPlatform",
    "satsning": "Initiative",
    "avtal": "Initiative",
    "samarbete": "Initiative",
    "överenskommelse": "Initiative",
}
#: Words before a singular head (``ett projekt``, ``en ny plattform``, ``vårt eget projekt``).
_SV_SINGULAR = frozenset(("ett", "en", "nytt", "ny", "eget", "egen", "vårt", "vår", "sitt", "sin", "ytterligare"))
#: Prepositions that open what the initiative is about.
_SV_ABOUT = frozenset(("om", "kring", "för"))
#: Words that end a complement: a relative or conjunction that opens a clause, or a place after a
#: preposition (``… för äldre i Norsjö``: the place is where, not what).
_SV_STOP = frozenset(
    ("som", "där", "vilket", "vilka", "men", "samt", "att", "eftersom", "när", "då", "medan", "så", "och", "eller")
)
_SV_DETERMINERS = frozenset(("de", "den", "det", "ett", "en", "dess", "deras", "sina", "sin", "sitt"))
_SV_PLACE_PREPOSITIONS = frozenset(("i", "på", "inom", "från", "till", "vid", "med", "hos", "mellan", "under"))
_SV_FUNCTION = frozenset(("om", "kring", "för", "och", "eller", "med", "av", "i", "på", "till", "att"))
_LONGEST_COMPLEMENT = 9


def _sv_noun_base(word: str) -> str:
    """A Swedish compound noun without its definite ending (``programmet`` -> ``program``,
    ``handlingsplanen`` -> ``handlingsplan``, ``strategin`` -> ``strategi``)."""
    word = word.lower()
    if word.endswith("mmet"):
        return word[:-3]
    if word.endswith("gin") and word[:-1].endswith("strategi"):
        return word[:-1]
    for ending in ("en", "et"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _plan_head(doc, word: str) -> str | None:
    """The base form of ``word`` when it is a lower-case compound of a plan's kind word (a bare
    ``plan``, ``ohjelma`` is too general to name one), else None."""
    if not word.isalpha() or not word.islower():
        return None
    base = doc.fi_base(word) if doc.lang == "fi" else _sv_noun_base(word)
    for head in PLAN_HEADS[doc.lang]:
        if base.endswith(head) and len(base) >= len(head) + 4 and not _NOT_OWNED.search(base):
            return base
    return None


def owned_plans(doc) -> None:
    """Propose the plans, programmes and strategies of the text's municipality that the text names
    by a lower-case compound of their kind word: ``doc`` is a :class:`kg.ingest.extract._Document`
    whose name rules have run. Each is a ``Strategy`` named after the municipality
    (``Utsjoen toimintasuunnitelma``), led by it and located in it."""
    owner = doc.p.publisher
    if owner is None or doc.kind_of(owner) != "Municipality":
        return
    cue = _OWNED_CUE[doc.lang]
    for number, sent, offset in doc.sentences:
        named = any(m.key == owner for m in doc.mentions.get(number, ()))
        if not named and not any(cue.match(t.text) for t in sent):
            continue
        for i, token in enumerate(sent):
            if doc.covered(number, i):
                continue
            base = _plan_head(doc, token.text)
            if base is None:
                continue
            if doc.lang == "fi":
                genitive = doc._owner_genitive()
                if not genitive:
                    continue
                name = f"{genitive} {base}"
            else:
                owner_name = doc.p.entities[owner].name
                name = f"{owner_name} kommuns {base}"
            ev = doc.ev(number, sent, offset, i, i + 1)
            key = doc.entity("Strategy", name, ev, confidence=0.6)
            _mention(doc, number, sent, offset, key, i, i + 1)
            doc.relation(owner, "leads", key, ev, 0.5)
            doc.relation(key, "locatedIn", owner, ev, 0.5)


def _complement(sent, start: int) -> int:
    """The end (a token index) of what a described initiative is about, from ``start`` (the word
    after its preposition); ``start`` when there is nothing to take."""
    end = start
    k = start
    while k < len(sent) and k - start < _LONGEST_COMPLEMENT:
        token = sent[k]
        word = token.text.lower()
        if not token.is_alpha or token.text[0].isupper():
            break
        if word in _SV_STOP and not (
            word == "och"
            and k + 1 < len(sent)
            and sent[k + 1].is_alpha
            and sent[k + 1].text.islower()
            and sent[k + 1].lower_ not in _SV_DETERMINERS  # … och de aktiviteter som: a second thing
        ):
            break
        if word in _SV_PLACE_PREPOSITIONS and k + 1 < len(sent) and sent[k + 1].text[:1].isupper():
            break
        if word == "i" and k + 2 < len(sent) and sent[k + 1].text == "syfte":
            break
        k += 1
        if word not in _SV_FUNCTION:
            end = k
    return end


def described_initiatives(doc) -> None:
    """Propose the Swedish projects, platforms and efforts a text tells of by what they are about
    (``ett projekt kring medborgardialog för äldre``): ``doc`` is a
    :class:`kg.ingest.extract._Document` whose name rules have run."""
    if doc.lang != "sv":
        return
    for number, sent, offset in doc.sentences:
        for i, token in enumerate(sent):
            # the head in lower case, or opening the sentence (Samarbetet kring X mellan A och B …)
            found = _SV_HEAD.match(token.text.lower() if i == 0 else token.text)
            if found is None or doc.covered(number, i) or i + 2 >= len(sent):
                continue
            definite = found.group("definite") or ""
            if definite and not (found.group("word") + definite).endswith(("et", "en", "tet", "sen")):
                continue  # projektt, avtaln: no Swedish form
            singular = definite or (i > 0 and sent[i - 1].text.lower() in _SV_SINGULAR)
            if not singular or sent[i + 1].text.lower() not in _SV_ABOUT:
                continue
            end = _complement(sent, i + 2)
            if end == i + 2 or any(doc.covered(number, k) for k in range(i + 2, end)):
                continue
            between = end < len(sent) and sent[end].lower_ == "mellan"
            if found.group("word") == "samarbete" and definite and not between:
                continue  # det … samarbetet kring X: a reference back to a project named otherwise
            about = " ".join(t.text for t in sent[i + 2 : end])
            stem = found.group("stem")
            # a bare projekt is named by what it is about, a compound by itself and its complement
            name = about if stem == "projekt" else f"{stem} {sent[i + 1].text.lower()} {about}"
            kind = _SV_KIND[found.group("word")]
            if kind == "Project" and stem.startswith("forskning"):
                kind = "ResearchProject"
            ev = doc.ev(number, sent, offset, i, end)
            key = doc.entity(kind, name[0].upper() + name[1:], ev, confidence=0.5)
            _mention(doc, number, sent, offset, key, i, end)
            # samarbetet kring X mellan A och B: the actors between whom it is take part
            if between:
                for m in doc.mentions.get(number, ()):
                    if m.start > end and m.start - end <= 8 and doc.is_actor(m.key):
                        doc.relation(m.key, "participatesIn", key, doc.ev(number, sent, offset, i, m.end), 0.5)


def _mention(doc, number: int, sent, offset: int, key: str, start: int, end: int) -> None:
    a, b = offset + sent[start].idx, offset + sent[end - 1].idx + len(sent[end - 1].text)
    doc.add_initiative_mention(number, key, start, end, a, b)


#: A sentence that opens with an event's kind word (``Seminariet leddes av …``, ``Kokous pidettiin
#: …``) refers to an event, not to the project named before it.
_EVENT_OPENER = re.compile(
    r"^\W*(?:seminari(?:et|um)|konferensen|mötet|träffen|sammankomsten|seminaari|seminaarin|seminaarissa|"
    r"konferenssi|konferenssin|kokous|kokouksen|kokouksessa|tapaaminen|tapaamisessa)\b",
    re.IGNORECASE,
)
#: A word that refers back to a project, pilot or pre-study (not to a plan or vision).
_PROJECT_WORD = re.compile(r"projekt|hank|förstudie|satsning|pilot|esiselvity", re.IGNORECASE)


def refers_to_event(sentence: str) -> bool:
    """Whether ``sentence`` opens with an event's kind word.

    >>> refers_to_event("Seminariet leddes av Anna Berg."), refers_to_event("Projektet leds av Anna Berg.")
    (True, False)
    """
    return bool(_EVENT_OPENER.match(sentence))


def could_be_meant(doc, sentence: str, key: str) -> bool:
    """Whether the initiative ``key`` can be the one a sentence without a name of its own refers to:
    a plan or vision is not what ``hanke``, ``projektet`` or ``förstudien`` refers to."""
    return not (_PROJECT_WORD.search(sentence) and doc.kind_of(key) in ("Strategy", "Vision"))


#: A Finnish agreement's head (``sopimus``, ``yhteistyösopimuksen``) and what it is about in the
#: elative after it (``sopimuksen yhteisestä jätehuollosta``).
_FI_AGREEMENT = re.compile(r"^[a-zåäö]*sopimu(?:s|ksen|sta|kseen|ksessa|ksella|kset)$")
_FI_ELATIVE = re.compile(r"^[a-zåäö]{3,}(?:sta|stä)$")


def finnish_agreements(doc) -> None:
    """Propose the Finnish agreements a text tells of by what they are about (``allekirjoittivat
    sopimuksen yhteisestä jätehuollosta``): an ``Initiative`` named by the head in its base form and
    its elative complement (``Sopimus yhteisestä jätehuollosta``), so that the verb rules make
    those who sign it parties to it. ``doc`` is a :class:`kg.ingest.extract._Document`."""
    if doc.lang != "fi":
        return
    for number, sent, offset in doc.sentences:
        for i, token in enumerate(sent):
            if not _FI_AGREEMENT.match(token.text) or doc.covered(number, i):
                continue
            end = i + 1
            while end < len(sent) and end - i <= 4 and sent[end].is_alpha and sent[end].text.islower():
                if _FI_ELATIVE.match(sent[end].text) is None:
                    break
                end += 1
            if end == i + 1 or any(doc.covered(number, k) for k in range(i + 1, end)):
                continue
            head = doc.fi_base(token.text)
            name = " ".join([head[0].upper() + head[1:], *(t.text for t in sent[i + 1 : end])])
            key = doc.entity("Initiative", name, doc.ev(number, sent, offset, i, end), confidence=0.5)
            # the mention is the head alone: its case is the one a verb governs (allekirjoitti sopimuksen)
            _mention(doc, number, sent, offset, key, i, i + 1)


#: An event's kind word written apart after a dash (``Tunturin kesä -seminaari``), by kind.
_DASHED_EVENT = re.compile(
    r"^[-–](?P<kind>seminaari|konferenssi|foorumi|tapahtuma|webinaari|tilaisuu|messu|päiv|kokou|tapaami)\w*$",
    re.IGNORECASE,
)
_DASHED_KIND = {"seminaari": "Seminar", "webinaari": "Seminar", "konferenssi": "Conference", "foorumi": "Conference"}


def dashed_events(doc) -> None:
    """Propose the Finnish events named by their own words before a kind word written apart after
    a dash (``Tunturin kesä -seminaari``, ``Pohjoisen päivät -tapahtumassa``): the name runs back
    from the dash to its first capital over at most five words. The event's days are the
    sentence's dates; a municipality in a local case in the sentence is where it is held.
    ``doc`` is a :class:`kg.ingest.extract._Document`."""
    if doc.lang != "fi":
        return
    for number, sent, offset in doc.sentences:
        for i, token in enumerate(sent):
            found = _DASHED_EVENT.match(token.text)
            if found is None or doc.covered(number, i) or i == 0:
                continue
            j = i
            while j > 0 and i - j < 5:
                prev = sent[j - 1]
                if not prev.is_alpha and not re.fullmatch(r"(?:19|20)\d\d", prev.text):
                    break
                if doc.covered(number, j - 1) or (prev.text.lower() in doc.fi_stop and not prev.text[0].isupper()):
                    break
                j -= 1
            # the name opens with its first capital
            while j < i and not sent[j].text[:1].isupper():
                j += 1
            if j == i:
                continue
            kind_word = doc.fi_base(token.text[1:])
            name = " ".join(t.text for t in sent[j:i]) + " -" + kind_word
            kind = _DASHED_KIND.get(
                found.group("kind").lower(),
                "Meeting" if found.group("kind").lower() in ("kokou", "tapaami") else "Event",
            )
            key = doc.entity(kind, name, doc.ev(number, sent, offset, j, i + 1), confidence=0.6)
            entity = doc.p.entities[key]
            dates = doc.dates_in(sent.text)
            if dates and entity.start is None:
                entity.start = dates[0].start
                entity.end = dates[0].end or entity.end
            for m in doc.mentions.get(number, ()):
                if doc.kind_of(m.key) == "Municipality" and doc._locative(sent, m) and m.key not in entity.located_in:
                    entity.located_in.append(m.key)
                    break
            _mention(doc, number, sent, offset, key, j, i + 1)
