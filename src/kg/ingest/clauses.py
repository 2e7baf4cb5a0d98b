"""Relations read from the structure of a clause: its verb, the verb's subject, object and agent.

A sentence is split into clauses (:func:`split_clauses`: a semicolon, a parenthesis, a comma before
a conjunction or a relative pronoun, ``som``/``vilka`` even without one, and ``och``/``ja`` before a
second verb of the lexicon). Each clause's verbs are looked up by lemma in :data:`LEXICON` (Swedish
through simplemma and the verb's own endings, Finnish through Voikko's analysis: finite forms,
passives, agent participles such as ``rahoittama`` and ``hallinnoima``). The lexicon says which
relation a verb states and which kind of entity each end must be; the ends are the entities the
name rules already found in that clause, in their grammatical roles:

- Swedish by position: the subject before the verb (or right after it when the clause opens with
  something else: ``I projektet deltar X``), the agent after ``av`` in a passive (``leds av X``,
  ``finansierat av X``), the object after the verb, after the preposition the verb takes
  (``deltar i``, ``ansvarar för``, ``ligger i``);
- Finnish by case: the subject in the nominative, the agent of a participle in the genitive before
  it (``Lapin liiton rahoittama hanke``) or before ``toimesta``, the owner in the adessive of
  ``olla`` (``Kunnalla on hanke``), the object in the case the verb takes (``osallistua`` the
  illative, ``olla mukana`` the inessive, ``sijaita`` a local case).

A list on either end shares the role (``A, B och C``, ``A, B ja C``, ``både A och B``, ``sekä A että
B``). A subject that is a pronoun or a kind word (``Projektet``, ``Hanke``, ``Kommunen``, ``Det``,
``Se``) is carried over: the initiative the text named last before, or the actor that was the subject
of the sentence before.

The entry point is :func:`clause_relations`, called by :class:`kg.ingest.extract._Document` for each
sentence after the entity rules have run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

__all__ = [
    "LEXICON",
    "VerbEntry",
    "clause_at",
    "clause_relations",
    "finnish_case",
    "finnish_verb",
    "same_clause",
    "split_clauses",
    "swedish_verb",
]


@dataclass(frozen=True)
class VerbEntry:
    """One verb of the lexicon: ``lemma`` (with the ``with`` word it needs, ``ansvara`` + ``för``,
    ``vara`` + ``med``, ``olla`` + ``mukana``) states ``relation`` from its subject (or the agent
    of its passive, of ``av``/``toimesta``, of a Finnish agent participle) to its object.

    ``subject`` and ``object`` name the kinds each end must be (``actor``, ``person``,
    ``initiative``, ``event``, ``organisation``, ``place``); ``marks`` the prepositions (Swedish)
    or cases (Finnish, Voikko's names) the object takes, empty for a direct object."""

    lang: str
    lemma: str
    relation: str
    subject: str
    object: str
    marks: tuple[str, ...] = ()
    with_word: str | None = None


_DIRECT_FI = ("osanto", "omanto", "nimento")  # the object of a transitive verb: partitive, genitive (total), nominative
_LOCAL_FI = ("sisaolento", "ulkoolento")

#: The verb lexicon: each verb with its relation and the roles of its ends. Inflected forms are
#: found through the lemma (:func:`swedish_verb`, :func:`finnish_verb`), never listed.
LEXICON: tuple[VerbEntry, ...] = (
    # lead
    VerbEntry("sv", "leda", "leads", "actor", "initiative"),
    VerbEntry("sv", "leda", "leads", "person", "event"),  # who chairs a meeting or a seminar
    VerbEntry("sv", "driva", "leads", "actor", "initiative"),
    VerbEntry("sv", "äga", "leads", "actor", "initiative"),
    VerbEntry("sv", "ansvara", "leads", "actor", "initiative", ("för",), "för"),
    VerbEntry("sv", "samordna", "leads", "actor", "initiative"),
    VerbEntry("sv", "koordinera", "leads", "actor", "initiative"),
    VerbEntry("sv", "starta", "leads", "actor", "initiative"),  # who starts an initiative runs it
    VerbEntry("fi", "käynnistää", "leads", "actor", "initiative"),
    VerbEntry("sv", "genomföra", "leads", "actor", "initiative"),
    VerbEntry("fi", "hallinnoida", "leads", "actor", "initiative", _DIRECT_FI),
    VerbEntry("fi", "johtaa", "leads", "actor", "initiative", _DIRECT_FI),
    VerbEntry("fi", "johtaa", "leads", "person", "event", _DIRECT_FI),
    VerbEntry("fi", "vetää", "leads", "actor", "initiative", _DIRECT_FI),
    VerbEntry("fi", "koordinoida", "leads", "actor", "initiative", _DIRECT_FI),
    VerbEntry("fi", "toteuttaa", "leads", "actor", "initiative", _DIRECT_FI),
    VerbEntry("fi", "olla", "leads", "actor", "initiative", ("nimento",), "@adessive"),
    # take part
    VerbEntry("sv", "delta", "participatesIn", "actor", "initiative", ("i",)),
    VerbEntry("sv", "medverka", "participatesIn", "actor", "initiative", ("i",)),
    VerbEntry("sv", "ingå", "participatesIn", "actor", "initiative", ("i",)),
    VerbEntry("sv", "samarbeta", "participatesIn", "actor", "initiative", ("i", "inom")),
    VerbEntry("sv", "samverka", "participatesIn", "actor", "initiative", ("i", "inom")),
    VerbEntry("sv", "teckna", "participatesIn", "actor", "initiative"),  # tecknar avtalet X: a party to it
    VerbEntry("sv", "underteckna", "participatesIn", "actor", "initiative"),
    VerbEntry("fi", "allekirjoittaa", "participatesIn", "actor", "initiative", _DIRECT_FI),
    VerbEntry("fi", "sitoutua", "participatesIn", "actor", "initiative", ("sisatulento",)),
    VerbEntry("sv", "vara", "participatesIn", "actor", "initiative", ("i",), "med"),
    VerbEntry("fi", "osallistua", "participatesIn", "actor", "initiative", ("sisatulento",)),
    VerbEntry("fi", "olla", "participatesIn", "actor", "initiative", ("sisaolento",), "mukana"),
    # fund
    VerbEntry("sv", "finansiera", "funds", "funder", "initiative"),
    VerbEntry("sv", "medfinansiera", "funds", "funder", "initiative"),
    VerbEntry("sv", "delfinansiera", "funds", "funder", "initiative"),
    VerbEntry("sv", "bekosta", "funds", "funder", "initiative"),
    VerbEntry("sv", "bevilja", "funds", "funder", "initiative", ("", "till", "för")),
    VerbEntry("sv", "stödja", "funds", "funder", "initiative"),
    VerbEntry("sv", "ge", "funds", "funder", "initiative", ("till",), "stöd"),
    VerbEntry("fi", "rahoittaa", "funds", "funder", "initiative", _DIRECT_FI),
    VerbEntry("fi", "myöntää", "funds", "funder", "initiative", ("ulkotulento", "sisatulento")),
    VerbEntry("fi", "tukea", "funds", "funder", "initiative", _DIRECT_FI),
    # organise
    VerbEntry("sv", "arrangera", "organises", "actor", "event"),
    VerbEntry("sv", "anordna", "organises", "actor", "event"),
    VerbEntry("sv", "ordna", "organises", "actor", "event"),
    VerbEntry("sv", "bjuda", "organises", "actor", "event", ("till",), "in"),
    VerbEntry("fi", "järjestää", "organises", "actor", "event", _DIRECT_FI),
    VerbEntry("fi", "isännöidä", "organises", "actor", "event", _DIRECT_FI),
    # member
    VerbEntry("sv", "vara", "memberOf", "actor", "organisation", ("i",), "medlem"),
    VerbEntry("sv", "ingå", "memberOf", "actor", "organisation", ("i",)),
    VerbEntry("fi", "kuulua", "memberOf", "actor", "organisation", ("sisatulento",)),
    VerbEntry("fi", "olla", "memberOf", "actor", "organisation", ("omanto",), "jäsen"),
    # owners: Kommunerna äger bolaget X, Kunnat omistavat X Oy:n (an owner is a member, as ägarkommuner are)
    VerbEntry("sv", "äga", "memberOf", "actor", "organisation"),
    VerbEntry("fi", "omistaa", "memberOf", "actor", "organisation", _DIRECT_FI),
    # located
    VerbEntry("sv", "ligga", "locatedIn", "initiative", "place", ("i",)),
    VerbEntry("fi", "sijaita", "locatedIn", "initiative", "place", _LOCAL_FI),
    # present
    VerbEntry("sv", "presentera", "presentsAt", "person", "event", ("på", "vid", "under", "")),
    VerbEntry("sv", "berätta", "presentsAt", "person", "event", ("på", "vid", "under", "")),
    VerbEntry("sv", "tala", "presentsAt", "person", "event", ("på", "vid", "under", "")),
    VerbEntry("sv", "föreläsa", "presentsAt", "person", "event", ("på", "vid", "under", "")),
    VerbEntry("fi", "esitellä", "presentsAt", "person", "event", _LOCAL_FI),
    VerbEntry("fi", "puhua", "presentsAt", "person", "event", _LOCAL_FI),
    VerbEntry("fi", "alustaa", "presentsAt", "person", "event", _LOCAL_FI),
    VerbEntry("fi", "luennoida", "presentsAt", "person", "event", _LOCAL_FI),
)

_BY_LEMMA: dict[tuple[str, str], tuple[VerbEntry, ...]] = {}
for _entry in LEXICON:
    _BY_LEMMA[(_entry.lang, _entry.lemma)] = (*_BY_LEMMA.get((_entry.lang, _entry.lemma), ()), _entry)

#: Words that open a new clause after a comma (conjunctions, relative pronouns and adverbs).
_SV_OPENERS = frozenset(["som", "vilka", "vilket", "vilken", "där", "men", "och", "samt", "medan", "när", "eftersom"])
_FI_OPENERS = frozenset(["ja", "sekä", "mutta", "kun", "koska", "jotta", "että", "vaikka", "mikä", "mitkä"])
_FI_RELATIVE = re.compile(r"^(?:joka|jotka|jonka|joiden|jota|joita|jossa|joissa|johon|joihin|jolla|joilla|jolle)$")
_SV_RELATIVE = frozenset(["som", "vilka", "vilket", "vilken"])
#: A subject that refers back: a pronoun or a kind word.
_SV_PRONOUNS = frozenset(["det", "den", "de", "han", "hon", "detta", "denna", "dessa"])
_FI_PRONOUNS = frozenset(["se", "ne", "hän", "he", "tämä", "nämä"])
_SV_INITIATIVE_WORDS = re.compile(
    r"^(?:projekt(?:et)?|förstudien|satsningen|piloten|initiativet|insatsen|programmet|strategin|utredningen|"
    r"samarbetet|nätverket)$"
)
_FI_INITIATIVE_BASES = frozenset(
    ["hanke", "esiselvitys", "pilotti", "ohjelma", "strategia", "projekti", "selvitys", "hankekokonaisuus", "kokeilu"]
)
_SV_EVENT_WORDS = re.compile(r"^(?:seminariet|konferensen|mötet|träffen|evenemanget|workshopen|sammanträdet)$")
_FI_EVENT_BASES = frozenset(["seminaari", "konferenssi", "kokous", "tilaisuus", "tapahtuma", "työpaja"])
_SV_ACTOR_WORDS = re.compile(
    r"^(?:kommunen|regionen|föreningen|förbundet|bolaget|företaget|universitetet|myndigheten)$"
)
_FI_ACTOR_BASES = frozenset(
    ["kunta", "kaupunki", "liitto", "yhdistys", "yhtiö", "yliopisto", "kuntayhtymä", "seutukunta", "virasto"]
)
_SV_PREPOSITIONS = frozenset(
    ["i", "av", "för", "med", "till", "från", "på", "inom", "hos", "mellan", "om", "via", "genom", "vid", "under"]
)
#: Adverbs that may stand between a Swedish subject or verb and the next word.
_SV_ADVERBS = frozenset(
    ["även", "också", "nu", "redan", "sedan", "dessutom", "bland", "annat", "tillsammans", "gemensamt", "framöver"]
)
#: Auxiliaries and verbs of deciding before an infinitive (``har beslutat att ge stöd``, ``ska delta``).
_SV_CHAIN = frozenset(
    [
        "har",
        "hade",
        "ska",
        "skall",
        "kommer",
        "att",
        "vill",
        "kan",
        "får",
        "beslutat",
        "beslutade",
        "beslutar",
        "valt",
        "väljer",
        "fortsätter",
        "planerar",
        "avser",
        "fortsatt",
        "också",
        "även",
        "nu",
        "redan",
    ]
)
_SV_PLACES = ("Municipality", "County", "Region", "Maakunta", "Country")


# ------------------------------------------------------------------ clauses
def split_clauses(sent, lang: str) -> list[tuple[int, int]]:
    """(start, end) token ranges of the clauses of a spaCy sentence ``sent``: a new clause opens at
    a semicolon, at a comma before a conjunction or a relative pronoun (``, som``, ``, där``,
    ``, men``; ``, joka``, ``, jotka``, ``, mikä``, ``, sekä``, ``, mutta``) and at a Swedish
    ``som``/``vilka`` without one. What a parenthesis holds is a clause of its own, nested in the
    clause around it, which goes on after it (``finansieras av A (som …) samt B``): use
    :func:`clause_at` for the clause a token belongs to. Separators are left out of the ranges.

    >>> import spacy
    >>> doc = spacy.blank("sv")("Det leds av A (som ägs av B) samt C, som deltar.")
    >>> split_clauses(doc, "sv")
    [(0, 12), (5, 9), (13, 16)]
    """
    opens = _SV_OPENERS if lang == "sv" else _FI_OPENERS
    done: list[tuple[int, int]] = []
    stack = [0]  # the start of each open clause; the last is the current one
    for i, token in enumerate(sent):
        text = token.text
        cut = False  # the current clause ends before this token, the next one opens after it (or at it)
        if text == "(":
            stack.append(i + 1)
            continue
        if text == ")" and len(stack) > 1:
            start = stack.pop()
            if i > start:
                done.append((start, i))
            continue
        if text == ";":
            cut = True
        elif text == "," and i + 1 < len(sent):
            nxt = sent[i + 1].text.lower()
            cut = nxt in opens or (lang == "fi" and bool(_FI_RELATIVE.match(nxt)))
        elif lang == "sv" and text.lower() in _SV_RELATIVE and i > stack[-1]:
            if i > stack[-1]:
                done.append((stack[-1], i))
            stack[-1] = i
            continue
        if cut:
            if i > stack[-1]:
                done.append((stack[-1], i))
            stack[-1] = i + 1
    while stack:
        start = stack.pop()
        if start < len(sent):
            done.append((start, len(sent)))
    return sorted(done)


def clause_at(clauses: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
    """The innermost clause of ``clauses`` (:func:`split_clauses`) that holds token ``i``."""
    holding = [c for c in clauses if c[0] <= i < c[1]]
    return min(holding, key=lambda c: c[1] - c[0]) if holding else None


def same_clause(sent, lang: str, i: int, j: int) -> bool:
    """Whether tokens ``i`` and ``j`` of ``sent`` stand in the same clause (:func:`split_clauses`).

    >>> import spacy
    >>> doc = spacy.blank("fi")("Hanketta rahoittaa Lapin liitto, ja siihen osallistuu Sallan kunta.")
    >>> same_clause(doc, "fi", 1, 3), same_clause(doc, "fi", 1, 8)
    (True, False)
    """
    clauses = split_clauses(sent, lang)
    here = clause_at(clauses, i)
    return here is not None and here == clause_at(clauses, j)


# ------------------------------------------------------------------ verbs
@dataclass(frozen=True)
class ClauseVerb:
    """A verb of the lexicon found in a clause: where it is, its lemma and voice."""

    index: int
    lemma: str
    voice: str  # active, passive (a Swedish -s or participle with av; a Finnish passive), participle (Finnish agent)
    entries: tuple[VerbEntry, ...]


_SV_STRONG = {
    "drev": "driva",
    "drevs": "driva",
    "driven": "driva",
    "drivet": "driva",
    "drivna": "driva",
    "ledde": "leda",
    "leddes": "leda",
    "ledd": "leda",
    "lett": "leda",
    "ledda": "leda",
    "ägde": "äga",
    "ägt": "äga",
    "ägd": "äga",
    "ingick": "ingå",
    "ingått": "ingå",
    "låg": "ligga",
    "legat": "ligga",
    "deltog": "delta",
    "deltagit": "delta",
    "deltar": "delta",
    "gav": "ge",
    "gett": "ge",
    "givit": "ge",
    "ger": "ge",
    "ges": "ge",
    "är": "vara",
    "var": "vara",
    "varit": "vara",
    "bjöd": "bjuda",
    "bjudit": "bjuda",
    "stöder": "stödja",
    "stödde": "stödja",
    "stöds": "stödja",
    "stött": "stödja",
    "talade": "tala",
}
_SV_ENDINGS = (
    ("ades", "a"),
    ("des", "a"),
    ("tes", "a"),
    ("ade", "a"),
    ("ats", "a"),
    ("at", "a"),
    ("ad", "a"),
    ("ar", "a"),
    ("as", "a"),
    ("er", "a"),
    ("es", "a"),
    ("de", "a"),
    ("te", "a"),
    ("ts", "a"),
    ("r", ""),
    ("s", ""),
    ("s", "a"),
    ("d", "a"),
    ("t", "a"),
)


@functools.lru_cache(maxsize=16384)
def swedish_verb(word: str) -> tuple[str, str] | None:
    """(lemma, voice) of a Swedish verb form of the lexicon, else None; voice is ``passive`` for an
    -s form (``leds``, ``finansieras``), ``participle`` for a past participle (``finansierat``,
    ``ledd``: a passive when ``av`` follows), else ``active``. Nouns made from a verb
    (``finansiering``, ``deltagare``) are none.

    >>> swedish_verb("finansieras"), swedish_verb("driver"), swedish_verb("samordnar")
    (('finansiera', 'passive'), ('driva', 'active'), ('samordna', 'active'))
    >>> swedish_verb("finansiering") is None, swedish_verb("ledd")
    (True, ('leda', 'participle'))
    """
    low = word.lower()
    if not low.isalpha() or len(low) < 2:
        return None
    candidates: list[str] = []
    if low in _SV_STRONG:
        candidates.append(_SV_STRONG[low])
    for ending, add in _SV_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            candidates.append(low[: -len(ending)] + add)
    if low in {e.lemma for e in LEXICON if e.lang == "sv"}:
        candidates.append(low)  # the infinitive (after an auxiliary: kommer att leda, ska delta)
    candidates.append(low + "a")  # the present of a stem in r: genomför
    for lemma in candidates:
        if ("sv", lemma) not in _BY_LEMMA:
            continue
        if low == lemma:
            return lemma, "active"
        passive = low.endswith("s") and not lemma.endswith("s")
        participle = re.search(r"(?:ad|at|d|t|da|en|et|na)$", low) and not low.endswith(("ar", "er", "r"))
        if low in ("är", "var", "ger", "deltar", "stöder"):
            participle = None
        return lemma, "passive" if passive else "participle" if participle else "active"
    return None


@functools.lru_cache(maxsize=16384)
def _voikko(word: str) -> tuple[dict, ...]:
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    if voikko is None:
        return ()
    return tuple(voikko.analyze(word))


def _participle_verb(base: str) -> str | None:
    """The verb of a Finnish agent participle's base form (``rahoittama`` → ``rahoittaa``,
    ``hallinnoima`` → ``hallinnoida``), when it is in the lexicon."""
    stem = base[:-2]
    for lemma in (stem + "a", stem + "ä", stem + "da", stem + "dä"):
        if ("fi", lemma) in _BY_LEMMA:
            return lemma
    return None


@functools.lru_cache(maxsize=16384)
def finnish_verb(word: str) -> tuple[str, str] | None:
    """(lemma, voice) of a Finnish verb form of the lexicon by Voikko: ``active`` (a finite form or
    an infinitive), ``passive`` (``toteutetaan``, ``rahoitettiin``, ``rahoitettu``) or
    ``participle`` (an agent participle: ``rahoittama``, ``hallinnoima``); None for other words and
    without Voikko.

    >>> finnish_verb("rahoittama"), finnish_verb("toteutetaan"), finnish_verb("osallistuvat")
    (('rahoittaa', 'participle'), ('toteuttaa', 'passive'), ('osallistua', 'active'))
    """
    analyses = _voikko(word)
    for a in analyses:
        base = (a.get("BASEFORM") or "").lower()
        if a.get("PARTICIPLE") == "agent":
            lemma = _participle_verb(base)
            if lemma:
                return lemma, "participle"
    for a in analyses:
        base = (a.get("BASEFORM") or "").lower()
        if a.get("CLASS") != "teonsana" or ("fi", base) not in _BY_LEMMA:
            continue
        if a.get("PERSON") == "4" or a.get("PARTICIPLE") == "past_passive":
            return base, "passive"
        if a.get("PARTICIPLE") is None:
            return base, "active"
    return None


_CASE_SUFFIXES = (
    ("ssa", "sisaolento"),
    ("ssä", "sisaolento"),
    ("sta", "sisaeronto"),
    ("stä", "sisaeronto"),
    ("lla", "ulkoolento"),
    ("llä", "ulkoolento"),
    ("lta", "ulkoeronto"),
    ("ltä", "ulkoeronto"),
    ("lle", "ulkotulento"),
    ("na", "olento"),
    ("nä", "olento"),
    ("ksi", "tulento"),
    ("ta", "osanto"),
    ("tä", "osanto"),
    ("n", "omanto"),
)


@functools.lru_cache(maxsize=16384)
def finnish_case(word: str) -> str:
    """The case (Voikko's name: ``nimento``, ``omanto``, ``osanto``, ``sisatulento`` …) of a
    Finnish word, for a name Voikko does not know read from what follows its colon or hyphen
    (``Centria:n``, ``Tunturipolku-hanketta``); ``nimento`` when nothing marks one.

    >>> finnish_case("kunnan"), finnish_case("Centria:n"), finnish_case("hankkeeseen")
    ('omanto', 'omanto', 'sisatulento')
    """
    cases = [a.get("SIJAMUOTO") for a in _voikko(word) if a.get("SIJAMUOTO")]
    if cases:
        return cases[0]
    tail = re.split(r"[:\-]", word)[-1] if re.search(r"[:\-]", word) else ""
    if tail and tail != word:
        if ":" in word:
            for suffix, case in _CASE_SUFFIXES:
                if tail.lower().endswith(suffix):
                    return case
            return "sisatulento" if re.match(r"^\w?\w+n$", tail) else "nimento"
        return finnish_case(tail)
    return "nimento"


def _verbs(sent, start: int, end: int, lang: str) -> list[ClauseVerb]:
    found = []
    for i in range(start, end):
        token = sent[i]
        if (
            lang == "sv"
            and i + 1 < end
            and token.text.lower() in ("äger", "ägde", "äga")
            and sent[i + 1].lower_ == "rum"
        ):
            continue  # äger rum: takes place, owns nothing
        if not token.is_alpha or (token.text[0].isupper() and i > start and lang == "sv"):
            continue
        read = swedish_verb(token.text) if lang == "sv" else finnish_verb(token.text)
        if read is None:
            continue
        lemma, voice = read
        entries = _BY_LEMMA[(lang, lemma)]
        found.append(ClauseVerb(i, lemma, voice, entries))
    return found


# ------------------------------------------------------------------ ends
def _kind_fits(doc, key: str, wanted: str) -> bool:
    kind = doc.kind_of(key)
    if wanted == "initiative":
        return doc.is_initiative(key) and kind not in ("Event", "Conference", "Seminar", "Meeting")
    if wanted == "event":
        return kind in ("Event", "Conference", "Seminar", "Meeting")
    if wanted == "place":
        return kind in _SV_PLACES
    if wanted == "person":
        return kind == "Person"
    if wanted == "organisation":
        return doc.is_actor(key) and kind not in ("Municipality", "Person", *_SV_PLACES)
    if wanted == "funder":
        return doc.is_actor(key) and kind != "Person"
    return doc.is_actor(key)  # actor


@dataclass
class _Clause:
    start: int
    end: int
    mentions: list  # the Mentions inside the clause, in order
    relative: str | None = None  # the relative word that opens it (som, joka, jota, jossa …)
    antecedent: object = None  # the Mention before a relative clause


def _referring_word(sent, i: int, lang: str) -> str | None:
    """``initiative`` or ``actor`` for a pronoun or kind word at token ``i``, else None."""
    if i < 0 or i >= len(sent):
        return None
    low = sent[i].text.lower()
    if lang == "sv":
        if _SV_INITIATIVE_WORDS.match(low):
            return "initiative"
        if _SV_EVENT_WORDS.match(low):
            return "event"
        if _SV_ACTOR_WORDS.match(low):
            return "actor"
        if low in _SV_PRONOUNS:
            return "any"
        return None
    if low in _FI_PRONOUNS:
        return "any"
    bases = {(a.get("BASEFORM") or "").lower() for a in _voikko(sent[i].text)}
    if bases & _FI_INITIATIVE_BASES:
        return "initiative"
    if bases & _FI_EVENT_BASES:
        return "event"
    if (bases & _FI_ACTOR_BASES and not sent[i].text[0].isupper()) or (bases & _FI_ACTOR_BASES and i == 0):
        return "actor"
    if bases & {"se", "ne", "tämä"}:
        return "any"
    return None


_KIND_OF_WORD = {
    "kommun": ("Municipality",),
    "kunta": ("Municipality",),
    "kaupunki": ("Municipality",),
    "region": ("RegionalAuthority",),
    "bolag": ("Company",),
    "yhtiö": ("Company",),
}


def _word_base(word: str, lang: str) -> str:
    """The base of a kind word (``kommunen`` → ``kommun``, ``bolaget`` → ``bolag``, ``kunnan`` →
    ``kunta``)."""
    low = word.lower()
    if lang == "fi":
        return next((a.get("BASEFORM").lower() for a in _voikko(word) if a.get("BASEFORM")), low)
    for ending in ("heten", "en", "et", "n", "t"):
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low


def _fits_word(doc, key: str, base: str) -> bool:
    """Whether the entity ``key`` is what the kind word ``base`` names: its kind (``kommun``: a
    municipality) or its name's last word (``förbund``: Fjällbygdens Utvecklingsförbund)."""
    if doc.kind_of(key) in _KIND_OF_WORD.get(base, ()):
        return True
    last = doc.p.entities[key].name.split()[-1].lower() if doc.p.entities[key].name else ""
    return bool(base) and (
        last.endswith(base) or (base == "förening" and doc.kind_of(key) == "CivilSocietyOrganisation")
    )


def _carried(doc, number: int, sent, wanted: str, main: str | None, word: str | None = None) -> list[str]:
    """The entity a pronoun or kind word stands for: an initiative by the text's initiative rules
    (the one named last before), an event by :func:`_one_event_before`, an actor by the subject of
    the sentence before; a kind word (``Kommunen``, ``Bolaget``, ``Yhtiö``) picks, among that
    subject and then the other actors of the sentence before (same paragraph), the ones of its kind."""
    if wanted == "initiative":
        key = doc._initiative_in(number, sent, main)
        return [key] if key is not None and _kind_fits(doc, key, "initiative") else []
    if wanted == "event":
        return _one_event_before(doc, number)
    subjects = [k for k in doc.clause_subjects.get(number - 1, []) if _kind_fits(doc, k, wanted)]
    base = _word_base(word, doc.lang) if word else None
    if base is None or base in ("det", "den", "de", "han", "hon", "se", "ne", "hän", "he", "denna", "detta", "tämä"):
        return subjects
    fits = [k for k in subjects if _fits_word(doc, k, base)]
    if not fits and doc.paragraph.get(number - 1) == doc.paragraph.get(number):
        before = [m.key for m in doc.mentions.get(number - 1, ()) if _kind_fits(doc, m.key, wanted)]
        fits = list(dict.fromkeys(k for k in before if _fits_word(doc, k, base)))
    return fits if len(fits) == 1 or all(doc.kind_of(k) == "Municipality" for k in fits) else []


def _list_of(doc, sent, mentions: list, one) -> list:
    """``one`` and the mentions listed with it (``A, B och C``, ``både A och B``, ``sekä A että B``)."""
    together = doc._coordinated(sent, mentions, one)
    if len(together) == 1:
        ordered = sorted(mentions, key=lambda m: m.start)
        k = ordered.index(one)
        for a, b in ((k, k + 1), (k - 1, k)):
            if a >= 0 and b < len(ordered):
                between = [t.text.lower() for t in sent[ordered[a].end : ordered[b].start]]
                if between in (["och"], ["että"], ["samt"], ["sekä"], ["ja"]):
                    together = [ordered[a], ordered[b]]

    def own_verb(m) -> bool:
        # leds av A och B deltar: B has a verb of its own (a clause of its own), A's role is not B's
        if m is one or m.end >= len(sent):
            return False
        word = sent[m.end].text
        return bool(word.isalpha() and (swedish_verb(word) if doc.lang == "sv" else finnish_verb(word)))

    return [m for m in together if not own_verb(m)]


def _sv_case_ok(sent, m, marks: tuple[str, ...], kind_words=True) -> bool:
    """Whether a Swedish mention stands after one of ``marks`` (a preposition; ``""`` a direct
    object), allowing a kind word between (``i projektet X``, ``på konferensen X``)."""
    k = m.start - 1
    if k >= 0 and kind_words and sent[k].is_alpha and sent[k].text.islower() and sent[k].text not in _SV_PREPOSITIONS:
        k -= 1  # i projektet X, på konferensen X
    before = sent[k].text.lower() if k >= 0 else ""
    if not marks:
        return before not in _SV_PREPOSITIONS
    return before in marks or ("" in marks and before not in _SV_PREPOSITIONS)


# ------------------------------------------------------------------ the relations
def clause_relations(doc, number: int, sent, offset: int, main: str | None) -> None:
    """Propose the relations the verbs of sentence ``number`` state between the entities of their
    clause (see the module's description); records the sentence's subjects for the next one."""
    lang = doc.lang
    mentions = sorted(doc.mentions.get(number, ()), key=lambda m: m.start)
    subjects_here: list[str] = []
    clauses = []
    ranges = split_clauses(sent, lang)
    for start, end in ranges:
        inside = [m for m in mentions if clause_at(ranges, m.start) == (start, end) and m.end <= end]
        first = sent[start].text.lower() if start < len(sent) else ""
        relative = first if (first in _SV_RELATIVE or first in ("där",)) or _FI_RELATIVE.match(first) else None
        antecedent = None
        if relative:
            before = [m for m in mentions if m.end <= start]
            antecedent = before[-1] if before and start - before[-1].end <= 2 else None
        clauses.append(_Clause(start, end, inside, relative, antecedent))
    amount = _has_amount(sent.text)
    for clause in clauses:
        verbs = [
            v
            for v in _verbs(sent, clause.start, clause.end, lang)
            if clause_at(ranges, v.index) == (clause.start, clause.end)
        ]
        shared_subject = None
        for n, verb in enumerate(verbs):
            # a second verb joined by och/ja shares the first one's subject (leds av A och finansieras av B)
            stop = verbs[n + 1].index if n + 1 < len(verbs) else clause.end
            begin = verb.index if n else clause.start
            if n and sent[verb.index - 1].text.lower() not in ("och", "ja", "samt", "sekä", "men", "mutta"):
                begin = clause.start
            part = [m for m in clause.mentions if (m.start >= begin or not n) and m.end <= stop]
            found = _read_verb(doc, number, sent, clause, verb, part, lang, main, shared_subject if n else None)
            if found is None:
                continue
            entry, subj, objs, subject_of_clause = found
            shared_subject = subject_of_clause
            if entry.relation == "funds" and amount:
                continue  # funding with an amount: the money rules read it with its amount
            if entry.relation == "memberOf" and lang == "sv":
                # a Swedish municipality lies in a region (Kommunen ingår i Region X); it is no member of it
                objs = [o for o in objs if doc.kind_of(o) != "RegionalAuthority"]
            whole = doc.ev(number, sent, offset, 0, len(sent))
            for s in subj:
                for o in objs:
                    if s != o:
                        doc.relation(s, entry.relation, o, whole, 0.6)
            if verb.voice == "active":
                subjects_here.extend(k for k in subj if doc.is_actor(k))
    if not subjects_here:
        # a sentence without a verb of the lexicon: the actor it opens with is its subject
        # (Sorsele kommun har en lång tradition …; Kommunen är medlem i …)
        opening = next((m for m in mentions if m.start <= 1 and doc.is_actor(m.key)), None)
        if opening is not None and (lang == "sv" or finnish_case(sent[opening.end - 1].text) == "nimento"):
            subjects_here.append(opening.key)
    doc.clause_subjects[number] = list(dict.fromkeys(subjects_here))


_AMOUNT_WORD = re.compile(
    r"\d[\d\s.,]*\s*(?:kr|kronor|sek|msek|mkr|euro|euroa|eur|€|miljon|miljoner|miljoonaa|tuhatta|tkr|mnkr)", re.I
)


def _has_amount(text: str) -> bool:
    return bool(_AMOUNT_WORD.search(text))


def _read_verb(doc, number, sent, clause, verb, part, lang, main, shared):
    """(entry, subject keys, object keys, the clause's grammatical subject) for ``verb``, or None."""
    for entry in verb.entries:
        if entry.with_word and not _has_with_word(sent, clause, verb, entry, lang):
            continue
        if lang == "sv":
            found = _sv_roles(doc, number, sent, clause, verb, entry, part, main, shared)
        else:
            found = _fi_roles(doc, number, sent, clause, verb, entry, part, main, shared)
        if found is not None and found[0] and found[1]:
            if len(found) == 4:  # the roles changed the relation (toteutetaan yhteistyössä X:n kanssa)
                return (replace(entry, relation=found[3]), *found[:3])
            if entry.lemma in _STARTING and len(found[0]) > 1:
                # A och B startar projektet X: those who start it together take part (who leads is told apart)
                return (replace(entry, relation="participatesIn"), *found)
            return (entry, *found)
    return None


#: Verbs of starting: one actor who starts an initiative leads it, several take part in it.
_STARTING = frozenset(("starta", "käynnistää"))


def _has_with_word(sent, clause, verb, entry, lang) -> bool:
    word = entry.with_word
    if word == "@adessive":
        return lang == "fi" and sent[verb.index].text.lower() in ("on", "oli", "ovat", "olivat")
    window = [t.text.lower() for t in sent[verb.index + 1 : min(clause.end, verb.index + 4)]]
    if lang == "fi":
        if word == "jäsen":
            return any(w.startswith("jäsen") for w in window)
        return word in window
    if word == "medlem":
        return any(w in ("medlem", "medlemmar") for w in window)
    return word in window


def _sv_roles(doc, number, sent, clause, verb, entry, part, main, shared):
    v = verb.index
    passive = verb.voice in ("passive", "participle")
    by = any(t.text.lower() == "av" for t in sent[v + 1 : min(clause.end, v + 3)])
    perfect = any(t.lower_ in ("har", "hade", "ha", "haft") for t in sent[max(clause.start, v - 4) : v])
    if verb.voice == "participle" and not by and perfect:
        passive = False  # har finansierat, har tecknat: the supine of an active perfect
    elif verb.voice == "participle" and not by:
        return None  # finansierat av X, ledd av Y: a participle is passive only with its agent
    if re.search(r"(?:ade|de|te)$", sent[v].text.lower()) and v + 1 < clause.end and sent[v + 1].lower_ == "av":
        passive = True  # projekten, finansierade av X
    if passive:
        agents = [
            m
            for m in part
            if m.start > v
            and any(t.text.lower() == "av" for t in sent[max(v + 1, m.start - 3) : m.start])
            and _kind_fits(doc, m.key, entry.subject)
        ]
        if not agents:
            return None
        agent_keys = [m.key for m in _list_of(doc, sent, part, agents[0]) if _kind_fits(doc, m.key, entry.subject)]
        # the passive's subject: before the verb, the relative's antecedent, the shared subject, or carried
        objects = [m for m in part if m.end <= v and _kind_fits(doc, m.key, entry.object)]
        if objects:
            object_keys = [
                m.key for m in _list_of(doc, sent, part, objects[-1]) if _kind_fits(doc, m.key, entry.object)
            ]
        elif clause.relative and clause.antecedent is not None and _kind_fits(doc, clause.antecedent.key, entry.object):
            object_keys = [clause.antecedent.key]
        elif shared and all(_kind_fits(doc, k, entry.object) for k in shared):
            object_keys = list(shared)
        else:
            refer = next((_referring_word(sent, i, "sv") for i in range(clause.start, v)), None)
            object_keys = _carried(doc, number, sent, entry.object, main) if refer else []
        return agent_keys, object_keys, object_keys
    # active: the subject before the verb, else right after it (V2 after an adverbial), else referred
    subject_keys: list[str] = []
    before = [m for m in part if m.end <= v and v - m.end <= 5 and _sv_case_ok(sent, m, (), kind_words=False)]
    before = [m for m in before if all(t.text.lower() in _SV_ADVERBS | _SV_CHAIN for t in sent[m.end : v])]
    if before and _kind_fits(doc, before[-1].key, entry.subject):
        subject_keys = [m.key for m in _list_of(doc, sent, part, before[-1]) if _kind_fits(doc, m.key, entry.subject)]
    elif clause.relative in _SV_RELATIVE and v - clause.start <= 2 and clause.antecedent is not None:
        if _kind_fits(doc, clause.antecedent.key, entry.subject):
            subject_keys = [clause.antecedent.key]
    elif shared and v > 0 and sent[v - 1].text.lower() in ("och", "samt"):
        subject_keys = [k for k in shared if _kind_fits(doc, k, entry.subject)]
    elif (k := _before_chain(sent, clause, v)) >= clause.start and _referring_word(sent, k, "sv") in (
        "actor",
        "any",
        entry.subject,
    ):
        # Kommunen har också startat …: the kind word before the auxiliaries and adverbs
        subject_keys = _carried(doc, number, sent, entry.subject, main, sent[k].text)
    else:
        after = [
            m
            for m in part
            if m.start > v
            and (
                all(t.text.lower() in _SV_ADVERBS for t in sent[v + 1 : m.start])
                # Vid seminariet berättade projektledare X: a title before a person
                or (
                    doc.kind_of(m.key) == "Person"
                    and m.start - v <= 3
                    and all(t.is_lower and t.text not in _SV_PREPOSITIONS for t in sent[v + 1 : m.start])
                )
            )
        ]
        if v > clause.start and after and _kind_fits(doc, after[0].key, entry.subject):
            subject_keys = [m.key for m in _list_of(doc, sent, part, after[0]) if _kind_fits(doc, m.key, entry.subject)]
    if not subject_keys:
        return None
    marks = entry.marks
    objects = [
        m
        for m in part
        if m.start > v
        and m.key not in subject_keys
        and _kind_fits(doc, m.key, entry.object)
        and _sv_case_ok(sent, m, marks)
    ]
    if objects:
        object_keys = [m.key for m in _list_of(doc, sent, part, objects[0]) if _kind_fits(doc, m.key, entry.object)]
    else:
        # deltar i projektet, ansvarar för det, driver förstudien: the initiative referred to
        window = [sent[i] for i in range(v + 1, min(clause.end, v + 4))]
        refers = any(_referring_word(sent, t.i, "sv") in ("initiative", "any") for t in window)
        if entry.marks and entry.marks != ("",):
            refers = refers and any(t.text.lower() in entry.marks for t in window)
        rest = [t for t in sent[v + 1 : clause.end] if t.is_alpha]
        if (
            clause.relative in _SV_RELATIVE
            and clause.antecedent is not None
            and clause.antecedent.key not in subject_keys
            and _kind_fits(doc, clause.antecedent.key, entry.object)
        ):
            object_keys = [clause.antecedent.key]  # projektet X, som Y driver: the antecedent is the object
        elif clause.relative == "där" and clause.antecedent is not None:
            # förstudien X, där även Y medverkar: the antecedent is where the verb happens
            fits = _kind_fits(doc, clause.antecedent.key, entry.object)
            object_keys = [clause.antecedent.key] if fits else []
        elif entry.object == "event":
            object_keys = _carried(doc, number, sent, "event", main)
        elif entry.object == "initiative" and (
            refers or (entry.relation == "participatesIn" and all(t.lower_ in _SV_ADVERBS for t in rest))
        ):
            # … deltar i projektet; Även X deltar.: the initiative the text is about here
            object_keys = _carried(doc, number, sent, entry.object, main)
        else:
            object_keys = []
    return subject_keys, object_keys, subject_keys


def _before_chain(sent, clause, v: int) -> int:
    """The index of the word before the verb at ``v`` and the auxiliaries and adverbs before it
    (``Kommunen har också startat``: ``Kommunen``)."""
    k = v - 1
    while k > clause.start and sent[k].lower_ in _SV_ADVERBS | _SV_CHAIN:
        k -= 1
    return k


_FI_NOT_AGENT = re.compile(r"^(?:mukaan|kanssa|osalta|puolesta)$")


def _fi_roles(doc, number, sent, clause, verb, entry, part, main, shared):
    v = verb.index

    def case(m) -> str:
        return finnish_case(sent[m.end - 1].text)

    def followed_by(m, word) -> bool:
        return m.end < len(sent) and sent[m.end].text.lower() == word

    if verb.voice == "participle":
        # Lapin liiton rahoittama hanke: the genitive right before is the agent, the noun after the object
        agents = [m for m in part if m.end == v and case(m) == "omanto" and _kind_fits(doc, m.key, entry.subject)]
        if not agents:
            return None
        agent_keys = [m.key for m in _list_of(doc, sent, part, agents[0]) if _kind_fits(doc, m.key, entry.subject)]
        after = [m for m in part if v < m.start <= v + 2 and _kind_fits(doc, m.key, entry.object)]
        if after:
            object_keys = [after[0].key]
        elif v + 1 < len(sent) and _referring_word(sent, v + 1, "fi") in ("initiative", "any"):
            object_keys = _carried(doc, number, sent, entry.object, main)
        else:
            return None
        return agent_keys, object_keys, []
    if verb.voice == "passive":
        # toteutetaan X:n toimesta (X leads); toteutetaan yhteistyössä X:n kanssa (X takes part)
        agents = [m for m in part if followed_by(m, "toimesta") and _kind_fits(doc, m.key, entry.subject)]
        together = any(t.lower_ in ("yhteistyössä", "yhdessä") for t in sent[clause.start : clause.end])
        partners = [m for m in part if followed_by(m, "kanssa") and doc.is_actor(m.key)]
        if not agents and together and partners and entry.relation == "leads":
            partner_keys = [m.key for m in _list_of(doc, sent, part, partners[-1]) if doc.is_actor(m.key)]
            objects = [m for m in part if _kind_fits(doc, m.key, "initiative") and case(m) in _DIRECT_FI]
            object_keys = [objects[0].key] if objects else _carried(doc, number, sent, "initiative", main)
            return partner_keys, object_keys, object_keys, "participatesIn"
        if not agents:
            return None
        agent_keys = [m.key for m in _list_of(doc, sent, part, agents[0]) if _kind_fits(doc, m.key, entry.subject)]
        objects = [
            m for m in part if m not in agents and _kind_fits(doc, m.key, entry.object) and case(m) in _DIRECT_FI
        ]
        object_keys = [objects[0].key] if objects else _carried(doc, number, sent, entry.object, main)
        return agent_keys, object_keys, object_keys
    # active: subjects in the nominative (or the adessive owner of olla); objects in the verb's case
    if entry.with_word == "@adessive":
        owners = [m for m in part if m.end <= v and case(m) == "ulkoolento" and _kind_fits(doc, m.key, entry.subject)]
        subject_keys = [m.key for m in owners[-1:]]
    else:
        nominative = [
            m
            for m in part
            if case(m) == "nimento"
            and _kind_fits(doc, m.key, entry.subject)
            and not (m.end < len(sent) and _FI_NOT_AGENT.match(sent[m.end].text.lower()))
            and not (entry.object == "place" and m.start > v)
        ]
        if nominative:
            one = min(nominative, key=lambda m: abs(m.start - v))
            subject_keys = [m.key for m in _list_of(doc, sent, part, one) if _kind_fits(doc, m.key, entry.subject)]
        elif clause.relative in ("joka", "jotka") and clause.antecedent is not None:
            subject_keys = [clause.antecedent.key] if _kind_fits(doc, clause.antecedent.key, entry.subject) else []
        else:
            refer = next(
                (i for i in range(clause.start, clause.end) if _referring_word(sent, i, "fi") is not None), None
            )
            word = sent[refer].text if refer is not None else None
            subject_keys = _carried(doc, number, sent, entry.subject, main, word) if refer is not None else []
    if not subject_keys:
        return None
    if entry.object == "place" or entry.relation == "presentsAt":
        objects = [m for m in part if m.key not in subject_keys and _kind_fits(doc, m.key, entry.object)]
        objects = [m for m in objects if case(m) in entry.marks]
    elif entry.with_word == "jäsen":
        objects = [
            m
            for m in part
            if m.key not in subject_keys and _kind_fits(doc, m.key, entry.object) and case(m) == "omanto"
        ]
    else:
        objects = [
            m
            for m in part
            if m.key not in subject_keys and _kind_fits(doc, m.key, entry.object) and case(m) in entry.marks
        ]
    if objects:
        object_keys = [m.key for m in _list_of(doc, sent, part, objects[0]) if _kind_fits(doc, m.key, entry.object)]
    elif clause.relative in ("jota", "jonka", "jossa", "johon") and clause.antecedent is not None:
        object_keys = [clause.antecedent.key] if _kind_fits(doc, clause.antecedent.key, entry.object) else []
    elif entry.object in ("initiative",):
        words = range(clause.start, clause.end)
        refers = any(
            _referring_word(sent, i, "fi") in ("initiative", "any") and finnish_case(sent[i].text) in entry.marks
            for i in words
        )
        object_keys = _carried(doc, number, sent, entry.object, main) if refers else []
    elif entry.object == "event":
        object_keys = _one_event_before(doc, number)
    else:
        object_keys = []
    return subject_keys, object_keys, subject_keys


def _one_event_before(doc, number: int) -> list[str]:
    """The event a clause without one refers to (``Där talar X``, ``På konferensen presenterade X``,
    ``Seminaarissa puhui X``): the one event named in the sentence itself, else in the nearest of
    the three sentences before in the same paragraph; none when that sentence names several."""
    events = ("Event", "Conference", "Seminar", "Meeting")
    for before in range(number, max(0, number - 4), -1):
        if doc.paragraph.get(before) != doc.paragraph.get(number):
            break
        found = {m.key for m in doc.mentions.get(before, ()) if doc.kind_of(m.key) in events}
        if found:
            return list(found) if len(found) == 1 else []
    return []
