"""Synthetic data in the samverkan ontology, for benchmarks (10k, 100k, 1M triples and beyond).

:func:`synthesize` writes a data folder that ``kg build --data OUT`` reads like the real one:

- ``OUT/reference/*.ttl``: the shipped areas (countries, counties, regions) and, of the shipped
  municipalities, every real municipality of Norrbotten, Västerbotten and Lappi (the rest of the
  reference data is left out, so that small synthetic graphs stay small);
- ``OUT/sources/synth-NNNNNN.ttl``: one made-up source document per file (a news item, the minutes
  of a board, an invitation, a final report, an adopted strategy), 40–80 triples each, describing
  projects, pre-studies, pilots, research projects, conferences, seminars, meetings, strategies and
  visions; who leads, takes part, organises, presents, funds (``kg:Funding`` nodes with amounts in
  SEK or EUR, or plain ``kg:funds``), which municipalities are members of which associations, and
  people in their posts, moving between organisations over the years;
- ``OUT/synth.json``: the :class:`SynthSummary` (also returned).

The world is the real one in outline: the real municipalities of the reference data (their IRIs,
codes and countries are read from the reference files), the regional authorities, associations of
municipalities, universities and funders that work there, and a long tail of made-up companies,
schools and associations. Participation is skewed: actors are drawn by preferential attachment
(Simon's model: a few hubs such as Region Norrbotten, Luleå, Umeå, Lapin liitto and Rovaniemi are
in very many initiatives, most actors in one or two), and now and then an initiative crosses the
border. Every name, person and project is invented. Every file declares the type and labels of
each non-municipality entity it mentions; entities recur across files with the same IRI and the
same labels, dates and amounts, as in the real data. With ``violations=0`` the data conforms to the
shapes; ``violations=K`` appends K deliberate errors of different kinds (see :data:`VIOLATION_KINDS`),
each recorded with its focus IRI and file.

The output depends only on the arguments: the same seed gives byte-identical files. Turtle is
written as plain text (no rdflib serialisation) and every triple is counted as it is written.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     summary = synthesize(2000, Path(tmp) / "data", seed=3)
...     files = sorted((Path(tmp) / "data" / "sources").glob("synth-*.ttl"))
...     len(files) == summary.files > 10, abs(summary.triples - 2000) <= 100
(True, True)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg import resources

# ------------------------------------------------------------------------------------------ output

PREFIXES = """\
@prefix kg:      <https://w3id.org/samverkan/def#> .
@prefix th:      <https://w3id.org/samverkan/def/theme/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema:  <https://schema.org/> .
@prefix mun:     <https://w3id.org/samverkan/id/municipality/> .
@prefix area:    <https://w3id.org/samverkan/id/area/> .
@prefix orgid:   <https://w3id.org/samverkan/id/org/> .
@prefix person:  <https://w3id.org/samverkan/id/person/> .
@prefix post:    <https://w3id.org/samverkan/id/post/> .
@prefix ini:     <https://w3id.org/samverkan/id/initiative/> .
@prefix funding: <https://w3id.org/samverkan/id/funding/> .
@prefix src:     <https://w3id.org/samverkan/id/source/> .
"""

NAMESPACES = {line.split()[1][:-1]: line.split()[2][1:-1] for line in PREFIXES.splitlines()}


def expand(name: str) -> str:
    """The full IRI of a prefixed name of :data:`PREFIXES`.

    >>> expand("mun:se-2521")
    'https://w3id.org/samverkan/id/municipality/se-2521'
    """
    prefix, local = name.split(":", 1)
    return NAMESPACES[prefix] + local


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A Turtle literal: escaped, with a language tag or a datatype.

    >>> print(lit('Slutrapport "Byarnas röst"\\nC:\\\\', "sv"))
    "Slutrapport \\"Byarnas röst\\"\\nC:\\\\"@sv
    >>> lit("2014", datatype="xsd:gYear")
    '"2014"^^xsd:gYear'
    """
    body = '"' + text.translate(_ESCAPES) + '"'
    if lang:
        return f"{body}@{lang}"
    if datatype:
        return f"{body}^^{datatype}"
    return body


_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "ae", "ø": "o", "đ": "d", "ŋ": "n", "ß": "ss"})


def slugify(text: str) -> str:
    """Lower-case ASCII, words joined with ``-``, Nordic letters folded.

    >>> slugify("Kompetenslyft Tornedalen – Älvsbyn 2.0")
    'kompetenslyft-tornedalen-alvsbyn-2-0'
    >>> slugify("Soađegilli")
    'soadegilli'
    """
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    out, dash = [], False
    for ch in text:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not unicodedata.combining(ch) and out and not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


class Doc:
    """One source document being written: its triples, grouped by subject, without duplicates."""

    __slots__ = ("comment", "decls", "first_initiative", "seen", "stem", "subjects")

    def __init__(self, stem: str, comment: str) -> None:
        self.stem = stem
        self.comment = comment
        self.subjects: dict[str, list[tuple[str, str]]] = {}
        self.seen: set[tuple[str, str, str]] = set()
        self.decls: list[tuple[str, str]] = []  # (iri, class) of the entities the file declares
        self.first_initiative: str | None = None

    def add(self, s: str, p: str, o: str) -> None:
        key = (s, p, o)
        if key in self.seen:
            return
        self.seen.add(key)
        block = self.subjects.get(s)
        if block is None:
            self.subjects[s] = block = []
        block.append((p, o))

    def __len__(self) -> int:
        return len(self.seen)

    def render(self) -> str:
        parts = [f"# {self.comment}\n", PREFIXES]
        for s, pos in self.subjects.items():
            grouped: dict[str, list[str]] = {}
            for p, o in pos:
                grouped.setdefault(p, []).append(o)
            body = " ;\n    ".join(f"{p} {' , '.join(objs)}" for p, objs in grouped.items())
            parts.append(f"\n{s} {body} .\n")
        return "".join(parts)


# ------------------------------------------------------------------------------------------ the world

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


# ------------------------------------------------------------------------------------------ vocabulary


def _words(text: str) -> list[str]:
    return text.split()


SV_FIRST = _words(
    "Anna Maria Karin Eva Kristina Lena Sara Emma Linnea Elin Ida Johanna Malin Sofia Helena Ingrid Frida "
    "Maja Elsa Hanna Louise Ulrika Annika Camilla Jenny Therese Åsa Agneta Birgitta Margareta Lisa "
    "Matilda Ebba Lars Anders Johan Per Erik Karl Mikael Jonas Magnus Niklas Henrik Fredrik Patrik Daniel "
    "Mattias Tomas Stefan Peter Björn Göran Leif Bengt Gunnar Ola Håkan Kjell Mats Jan Thomas Oskar "
    "Viktor Emil Axel Anna-Karin Per-Olof Lars-Erik Eva-Lena Jan-Erik Ann-Sofie"
)
SV_LAST = _words(
    "Lindqvist Öhman Nilsson Lundberg Isaksson Marklund Lundström Burman Sundqvist Bergström Holmgren "
    "Wikström Nordqvist Sandström Johansson Lindgren Forsberg Granström Hedlund Stenberg Nyström Backman "
    "Lindberg Öberg Åström Nordlund Hedman Sjöberg Lundmark Wiklund Norberg Boström Engström Strömbäck "
    "Berglund Renström Fjällström Bäckström Vikström Degerman Lindfors Markström Sehlstedt Brännström "
    "Kuoppa Keinänen Niemi Alatalo Pekkari Lantto Kyrö Wanhainen Hietala Rova Palo Mäki Parkkola Kangas "
    "Tapio Raattamaa Sarri Lahti Pokka Kuhmunen Labba Pittja Spik Omma Inga Pavval Nutti Kitok Jannok "
    "Andersson Persson Eriksson Larsson Olofsson Karlsson Jonsson Holmström Grahn Bergman Nordin "
    "Sundström"
)
FI_FIRST = _words(
    "Aino Anne Anu Eeva Elina Hanna Heidi Helena Johanna Kaisa Katja Kirsi Laura Leena Maarit Marja Minna "
    "Niina Outi Päivi Riikka Sanna Satu Suvi Tiina Tuula Ulla Veera Sari Pirjo Mervi Jaana Merja Antti "
    "Eero Heikki Ilkka Janne Jari Jouni Juha Jukka Kari Lauri Markku Matti Mikko Olli Pasi Pekka Petri "
    "Risto Sami Seppo Timo Tuomas Ville Esa Arto Hannu Jarmo Kalle Raimo Veli-Matti Juha-Pekka"
)
FI_LAST = _words(
    "Korhonen Mäkelä Heikkinen Lehtola Ylitalo Rautio Salmela Kemppainen Jokela Väisänen Hannula Kallio "
    "Keskitalo Aikio Magga Valle Sarre Ojala Kauppinen Pietilä Hirvonen Laitinen Vaara Kivelä Rantala "
    "Juntunen Koskela Peltola Tervo Väänänen Mattila Harju Lampela Aho Heikkilä Karjalainen Leinonen "
    "Nieminen Oikarinen Pohjola Rissanen Saarela Seppälä Toivanen Tuominen Uusitalo Vanhala Viinikka "
    "Ylläsjärvi Alakorva Autto Hettula Kaisanlahti Kumpula Lakela Lipponen Mustonen Ollila Pyhäjärvi "
    "Ruokanen Kyröläinen Niskala Hautala Jäntti Kotila Lassila Moilanen Nuutinen Rovanperä Siuruainen"
)

# Roles by kind of organisation: (title in Swedish, title in Finnish, English). The first is the
# role of a project manager, the ones marked * are held by one person at a time, ^ by politicians.
ROLES: dict[str, list[tuple[str, str, str]]] = {
    "municipality": [
        ("projektledare", "hankepäällikkö", "project manager"),
        ("*kommunchef", "*kunnanjohtaja", "municipal chief executive"),
        ("^kommunstyrelsens ordförande", "^kunnanhallituksen puheenjohtaja", "chair of the municipal executive board"),
        ("^kommunfullmäktiges ordförande", "^kunnanvaltuuston puheenjohtaja", "chair of the municipal council"),
        ("näringslivschef", "elinkeinojohtaja", "head of business development"),
        ("utvecklingsstrateg", "kehittämispäällikkö", "development strategist"),
        ("socialchef", "perusturvajohtaja", "head of social services"),
        ("skolchef", "sivistysjohtaja", "head of education"),
        ("folkhälsostrateg", "hyvinvointikoordinaattori", "public health coordinator"),
        ("kommunikatör", "viestintäpäällikkö", "communications officer"),
        ("projektkoordinator", "hankekoordinaattori", "project coordinator"),
    ],
    "region": [
        ("projektledare", "hankepäällikkö", "project manager"),
        ("*regional utvecklingsdirektör", "*maakuntajohtaja", "director of regional development"),
        ("^regionråd", "^maakuntahallituksen puheenjohtaja", "regional councillor"),
        ("utvecklingsledare", "aluekehitysjohtaja", "development manager"),
        ("handläggare", "erityisasiantuntija", "senior officer"),
        ("strateg", "rahoitusasiantuntija", "strategist"),
    ],
    "association": [
        ("projektledare", "hankepäällikkö", "project manager"),
        ("*förbundsdirektör", "*toiminnanjohtaja", "executive director"),
        ("^ordförande", "^hallituksen puheenjohtaja", "chair"),
        ("samordnare", "seutukoordinaattori", "coordinator"),
        ("verksamhetsutvecklare", "kehittämisasiantuntija", "development officer"),
    ],
    "company": [
        ("projektledare", "projektipäällikkö", "project manager"),
        ("*vd", "*toimitusjohtaja", "managing director"),
        ("affärsutvecklare", "kehityspäällikkö", "business developer"),
        ("konsult", "konsultti", "consultant"),
    ],
    "education": [
        ("projektledare", "projektipäällikkö", "project manager"),
        ("*rektor", "*rehtori", "principal"),
        ("utbildningsledare", "koulutuspäällikkö", "head of studies"),
        ("lärare", "opettaja", "teacher"),
    ],
    "research": [
        ("projektledare", "projektipäällikkö", "project manager"),
        ("professor", "professori", "professor"),
        ("forskare", "tutkija", "researcher"),
        ("universitetslektor", "yliopistonlehtori", "senior lecturer"),
        ("doktorand", "väitöskirjatutkija", "doctoral researcher"),
    ],
    "government": [
        ("projektledare", "projektipäällikkö", "project manager"),
        ("handläggare", "ylitarkastaja", "case officer"),
        ("enhetschef", "yksikön päällikkö", "head of unit"),
        ("analytiker", "asiantuntija", "analyst"),
    ],
    "funder": [
        ("programhandläggare", "rahoitusasiantuntija", "programme officer"),
        ("handläggare", "asiantuntija", "case officer"),
    ],
    "civil": [
        ("projektledare", "projektipäällikkö", "project manager"),
        ("^ordförande", "^puheenjohtaja", "chair"),
        ("verksamhetsledare", "toiminnanjohtaja", "manager"),
        ("sekreterare", "sihteeri", "secretary"),
    ],
    "media": [("reporter", "toimittaja", "reporter")],
}

# Names of initiatives by theme: (Swedish, Finnish, English) phrases put before a place.
THEME_PHRASES: dict[str, list[tuple[str, str, str]]] = {
    "kompetensforsorjning": [
        ("Kompetenslyft", "Osaamisloikka", "Skills boost"),
        ("Framtidens kompetens", "Tulevaisuuden osaaminen", "Future skills"),
        ("Vårdakademi", "Hoiva-akatemia", "Care academy"),
        ("Rekrytera", "Rekrytoi", "Recruit"),
        ("Validering för jobb", "Osaaminen näkyväksi", "Validation for jobs"),
    ],
    "medborgardialog": [
        ("Byarnas röst", "Kylien ääni", "Voice of the villages"),
        ("Delaktighet på riktigt", "Osallisuutta arkeen", "Real participation"),
        ("Unga bestämmer", "Nuoret päättävät", "Youth decide"),
        ("Medborgarbudget", "Osallistuva budjetointi", "Participatory budgeting"),
    ],
    "digitalisering": [
        ("Digitala byar", "Digikylät", "Digital villages"),
        ("Vård på distans", "Etäpalvelut", "Remote care"),
        ("Bredband till alla", "Laajakaista kaikille", "Broadband for all"),
        ("Digital kompetens", "Digiosaaminen", "Digital skills"),
        ("Smarta tjänster", "Älykkäät palvelut", "Smart services"),
    ],
    "innovation": [
        ("Samhällsinnovation", "Yhteiskunnallinen innovaatio", "Social innovation"),
        ("Testbädd", "Testialusta", "Testbed"),
        ("Innovationsplattform", "Innovaatioalusta", "Innovation platform"),
        ("Nya arbetssätt", "Uudet toimintamallit", "New ways of working"),
    ],
    "valfard": [
        ("Hälsa i glesbygd", "Terveys harvaan asutulla", "Rural health"),
        ("Välfärd nära", "Lähipalvelut", "Welfare close by"),
        ("Barnens bästa", "Lapsen etu", "Best interests of the child"),
        ("Aktivt åldrande", "Aktiivinen ikääntyminen", "Active ageing"),
    ],
    "kommunal-kapacitet": [
        ("Starkare kommuner", "Vahvemmat kunnat", "Stronger municipalities"),
        ("Gemensam service", "Yhteiset palvelut", "Shared services"),
        ("Kommunal samordning", "Kuntien yhteistyö", "Municipal coordination"),
    ],
    "samhallsplanering": [
        ("Hållbara orter", "Kestävät taajamat", "Sustainable towns"),
        ("Framtidens centrum", "Tulevaisuuden keskusta", "Town centre of the future"),
        ("Boende för alla", "Asuminen kaikille", "Housing for all"),
        ("Grön omställning", "Vihreä siirtymä", "Green transition"),
    ],
    "attraktivitet": [
        ("Attraktiva", "Vetovoimainen", "Attractive"),
        ("Bo och leva", "Asu ja elä", "Live and thrive"),
        ("Platsvarumärke", "Paikkabrändi", "Place brand"),
        ("Hållbar turism", "Kestävä matkailu", "Sustainable tourism"),
    ],
    "naringsliv": [
        ("Företagsamma", "Yritteliäs", "Enterprising"),
        ("Nya jobb", "Uudet työpaikat", "New jobs"),
        ("Affärsutveckling", "Liiketoiminnan kehittäminen", "Business development"),
        ("Generationsskifte", "Sukupolvenvaihdos", "Business succession"),
        ("Smart industri", "Älykäs teollisuus", "Smart industry"),
    ],
    "kultur": [
        ("Kulturarv", "Kulttuuriperintö", "Cultural heritage"),
        ("Levande kultur", "Elävä kulttuuri", "Living culture"),
        ("Samiskt kulturliv", "Saamelainen kulttuurielämä", "Sami cultural life"),
        ("Meänkieli i vardagen", "Meänkieli arjessa", "Meänkieli in everyday life"),
    ],
    "inkludering": [
        ("Vägen in", "Tie sisään", "The way in"),
        ("Integration", "Kotoutuminen", "Integration"),
        ("Alla behövs", "Kaikkia tarvitaan", "Everyone is needed"),
        ("Jämställd", "Tasa-arvoinen", "Equal"),
    ],
    "inflyttning": [
        ("Flytta hit", "Muuta tänne", "Move here"),
        ("Välkommen norrut", "Tervetuloa pohjoiseen", "Welcome north"),
        ("Återvändare", "Paluumuuttajat", "Returners"),
        ("Inflyttarservice", "Asettautumispalvelut", "Settling-in services"),
    ],
}
GENERIC_PHRASES = [("Samverkan", "Yhteistyö", "Cooperation"), ("Utveckling", "Kehittäminen", "Development")]

# Regions that initiatives are named after: (Swedish, Finnish, English, SE/FI/XB).
PLACES = [
    ("Norrbotten", "Norrbotten", "Norrbotten", "SE"),
    ("Västerbotten", "Västerbotten", "Västerbotten", "SE"),
    ("Norrbottens inland", "Norrbottenin sisämaa", "inland Norrbotten", "SE"),
    ("Västerbottens inland", "Västerbottenin sisämaa", "inland Västerbotten", "SE"),
    ("Malmfälten", "Malmikentät", "the Ore Fields", "SE"),
    ("Umeåregionen", "Uumajan seutu", "the Umeå region", "SE"),
    ("Skelleftebygden", "Skelleftebygden", "the Skellefteå area", "SE"),
    ("Lappland", "Lappi", "Lapland", "FI"),
    ("Östra Lappland", "Itä-Lappi", "Eastern Lapland", "FI"),
    ("Fjällappland", "Tunturi-Lappi", "Fell Lapland", "FI"),
    ("Havslappland", "Meri-Lappi", "Sea Lapland", "FI"),
    ("Norra Lappland", "Pohjois-Lappi", "Northern Lapland", "FI"),
    ("Tornedalen", "Tornionlaakso", "the Torne Valley", "XB"),
    ("Nordkalotten", "Pohjoiskalotti", "the North Calotte", "XB"),
    ("Bottenviken", "Perämeri", "the Bothnian Bay", "XB"),
    ("Sápmi", "Saamenmaa", "Sápmi", "XB"),
]
VILLAGES = {
    "SE": _words(
        "Korpilombolo Vittangi Karesuando Juoksengi Svappavaara Kvikkjokk Porjus Vuollerim Tärendö Tärnaby "
        "Hemavan Ammarnäs Burträsk Bygdeå Kåge Jörn Nattavaara Sattajärvi Kangos Ånäset Hortlax Råneå Töre "
        "Morjärv Hakkas Abisko Slagnäs Adak Kristineberg Fredrika Gunnarn Latikberg"
    ),
    "FI": _words(
        "Sirkka Levi Saariselkä Ivalo Karigasniemi Hetta Kilpisjärvi Nuorgam Vuotso Pyhätunturi Suomu "
        "Ylläsjärvi Äkäslompolo Raanujärvi Meltaus Kaamanen Sevettijärvi Kelloselkä Karunki Aavasaksa "
        "Väylänpää Vikajärvi Sinettä Lohiniva Marrasjärvi Vanttauskoski Kemijärvi-Isokylä"
    ),
}
COMPANY_WORDS = {
    "SE": _words(
        "Energi Utveckling Fastigheter Turism Data Bygg Logistik Kompetens Innovation Skog Vatten Media "
        "Design Vård Transport Konsult Teknik Måltid Kultur Event"
    ),
    "FI": _words(
        "Energia Kehitys Kiinteistöt Matkailu Data Rakennus Logistiikka Osaaminen Innovaatio Metsä Vesi Media "
        "Muotoilu Hoiva Kuljetus Konsultointi Tekniikka Ateria Kulttuuri Tapahtumat"
    ),
}
COMPANY_BRANDS = _words(
    "Norr Polar Arktis Fjäll Älv Myr Norrsken Midnattssol Tundra Taiga Vidda Kaamos Revontuli Tunturi "
    "Jänkä Aapa Kero Lumi Ruska Pohjan Nordic Boreal Auroral Kiruna-"
)
MEDIA = {
    "SE": ["Norrbottensnytt", "Inlandsbladet", "Kustposten", "Fjällnytt", "Tornedalsbladet"],
    "FI": ["Pohjolan Viikko", "Tunturiviesti", "Meri-Lapin Uutiset", "Lapin Lehti", "Kairaviesti"],
}
MONTHS_SV = _words("januari februari mars april maj juni juli augusti september oktober november december")
GROUPS = [
    ("näringslivsutvecklare", "elinkeinokehittäjät", "business developers"),
    ("kommunchefer", "kunnanjohtajat", "municipal chief executives"),
    ("skolchefer", "sivistysjohtajat", "heads of education"),
    ("socialchefer", "perusturvajohtajat", "heads of social services"),
    ("kommunikatörer", "viestijät", "communicators"),
    ("projektledare", "hankepäälliköt", "project managers"),
    ("folkhälsostrateger", "hyvinvointikoordinaattorit", "public health coordinators"),
]
CONFERENCES = [
    ("Glesbygdskonferensen", "Harvaan asuttujen alueiden konferenssi", "Sparse Areas Conference", "XB"),
    ("Arktiska välfärdsdagar", "Arktiset hyvinvointipäivät", "Arctic Welfare Days", "XB"),
    ("Kompetensforum Norr", "Osaamisfoorumi Pohjoinen", "Skills Forum North", "XB"),
    ("Nordkalottkonferensen", "Pohjoiskalotin konferenssi", "North Calotte Conference", "XB"),
    ("Digitaliseringsdagen i Norrbotten", "Norrbottenin digipäivä", "Norrbotten Digitalisation Day", "SE"),
    ("Inlandsdagarna", "Sisämaapäivät", "Inland Days", "SE"),
    ("Besöksnäringsdagarna", "Matkailupäivät", "Tourism Days", "SE"),
    ("Kommundagarna i Lappland", "Lapin kuntapäivät", "Lapland Municipal Days", "FI"),
    ("Lapplandsforum", "Lappi-foorumi", "Lapland Forum", "FI"),
    ("Barentsdagarna", "Barents-päivät", "Barents Days", "XB"),
]
STRATEGIES = [
    ("Näringslivsstrategi", "Elinkeino-ohjelma", "Business strategy", "naringsliv"),
    ("Digitaliseringsstrategi", "Digitalisaatiostrategia", "Digitalisation strategy", "digitalisering"),
    ("Kompetensförsörjningsstrategi", "Osaamisstrategia", "Skills strategy", "kompetensforsorjning"),
    ("Besöksnäringsstrategi", "Matkailustrategia", "Tourism strategy", "attraktivitet"),
    ("Folkhälsoplan", "Hyvinvointisuunnitelma", "Public health plan", "valfard"),
    ("Bostadsförsörjningsprogram", "Asunto-ohjelma", "Housing programme", "samhallsplanering"),
    ("Kulturplan", "Kulttuuriohjelma", "Cultural plan", "kultur"),
    ("Integrationsstrategi", "Kotoutumisohjelma", "Integration strategy", "inkludering"),
    ("Regional utvecklingsstrategi", "Maakuntastrategia", "Regional development strategy", "kommunal-kapacitet"),
]

# Fixed organisations, one record each: "slug class kind country weight town" (country and town may
# be "-"), then an indented line of labels ("lang: text | …") and optionally one of alternative
# labels ("alt lang: text | …"). The weight is the actor's start in the preferential attachment.
CORE_ORGS = """
region-norrbotten RegionalAuthority region SE 40 Luleå
    sv: Region Norrbotten | en: Region Norrbotten
region-vasterbotten RegionalAuthority region SE 30 Umeå
    sv: Region Västerbotten | en: Region Västerbotten
lapin-liitto RegionalAuthority region FI 35 Rovaniemi
    fi: Lapin liitto | sv: Landskapsförbundet Lappland | en: Regional Council of Lapland
norrbottens-kommuner MunicipalAssociation association SE 14 Luleå
    sv: Norrbottens kommuner | en: Association of Local Authorities in Norrbotten
region-10 MunicipalAssociation association SE 6 Lycksele
    sv: Region 10 | en: Region 10
    alt sv: R10 | en: R10
lapplands-kommunalforbund MunicipalAssociation association SE 6 Gällivare
    sv: Lapplands kommunalförbund | en: Lapland Association of Municipalities
umearegionen MunicipalAssociation association SE 6 Umeå
    sv: Umeåregionens kommuner | en: Umeå Region Municipalities
norrbottens-kustkommuner MunicipalAssociation association SE 4 Piteå
    sv: Kustkommunerna i Norrbotten | en: Norrbotten Coastal Municipalities
tornedalsradet MunicipalAssociation association - 8 Haparanda
    sv: Tornedalsrådet | fi: Tornionlaakson neuvosto | en: Torne Valley Council
tunturi-lapin-seutukunta MunicipalAssociation association FI 5 Kittilä
    fi: Tunturi-Lapin seutukunta | en: Fell Lapland sub-region
ita-lapin-kuntayhtyma MunicipalAssociation association FI 5 Kemijärvi
    fi: Itä-Lapin kuntayhtymä | sv: Samkommunen för Östra Lappland | en: Joint Municipal Authority of Eastern Lapland
pohjois-lapin-seutukunta MunicipalAssociation association FI 4 Sodankylä
    fi: Pohjois-Lapin seutukunta | en: Northern Lapland sub-region
meri-lapin-seutukunta MunicipalAssociation association FI 5 Kemi
    fi: Meri-Lapin seutukunta | en: Sea Lapland sub-region
skr MunicipalAssociation association SE 4 -
    sv: Sveriges Kommuner och Regioner | en: Swedish Association of Local Authorities and Regions
    alt sv: SKR
kuntaliitto MunicipalAssociation association FI 4 -
    fi: Suomen Kuntaliitto | sv: Finlands Kommunförbund | en: Association of Finnish Municipalities
    alt fi: Kuntaliitto
ltu ResearchOrganisation research SE 20 Luleå
    sv: Luleå tekniska universitet | en: Luleå University of Technology
    alt sv: LTU
umu ResearchOrganisation research SE 15 Umeå
    sv: Umeå universitet | en: Umeå University
lapin-yliopisto ResearchOrganisation research FI 18 Rovaniemi
    fi: Lapin yliopisto | sv: Lapplands universitet | en: University of Lapland
luke ResearchOrganisation research FI 5 Rovaniemi
    fi: Luonnonvarakeskus | sv: Naturresursinstitutet | en: Natural Resources Institute Finland
    alt fi: Luke
lapin-amk EducationProvider education FI 18 Rovaniemi
    fi: Lapin ammattikorkeakoulu | sv: Lapplands yrkeshögskola | en: Lapland University of Applied Sciences
    alt fi: Lapin AMK
redu EducationProvider education FI 8 Rovaniemi
    fi: Lapin koulutuskeskus REDU | en: Lapland Education Centre REDU
lappia EducationProvider education FI 6 Tornio
    fi: Ammattiopisto Lappia | en: Lappia Vocational College
lansstyrelsen-norrbotten GovernmentBody government SE 8 Luleå
    sv: Länsstyrelsen i Norrbottens län | en: County Administrative Board of Norrbotten
lansstyrelsen-vasterbotten GovernmentBody government SE 6 Umeå
    sv: Länsstyrelsen Västerbotten | en: County Administrative Board of Västerbotten
arbetsformedlingen GovernmentBody government SE 6 -
    sv: Arbetsförmedlingen | en: Swedish Public Employment Service
sametinget GovernmentBody government SE 4 Kiruna
    sv: Sametinget | se: Sámediggi | en: Sami Parliament of Sweden
saamelaiskarajat GovernmentBody government FI 4 Inari
    fi: Saamelaiskäräjät | se: Sámediggi | en: Sami Parliament of Finland
lapin-te-toimisto GovernmentBody government FI 5 Rovaniemi
    fi: Lapin TE-toimisto | sv: Lapplands TE-byrå | en: Lapland Employment and Economic Development Office
"""
# Funders: "slug class kind country currency min-max first-last themes" (currency "-": SEK for a
# Swedish lead, EUR (a tenth of the amounts) for a Finnish one; themes the funder favours).
FUNDERS = """
esf FundingBody eufund - - 800000-15000000 2005-2026 kompetensforsorjning,inkludering,valfard
    sv: Europeiska socialfonden | fi: Euroopan sosiaalirahasto | en: European Social Fund
    alt sv: ESF | en: ESF
eruf FundingBody eufund - - 1000000-25000000 2005-2026 innovation,naringsliv,digitalisering
    sv: Europeiska regionala utvecklingsfonden | fi: Euroopan aluekehitysrahasto
    en: European Regional Development Fund
    alt sv: ERUF | fi: EAKR | en: ERDF
interreg-nord FundingBody eufund - EUR 150000-3000000 2008-2022 -
    sv: Interreg Nord | fi: Interreg Pohjoinen | en: Interreg North
interreg-aurora FundingBody eufund - EUR 150000-3000000 2022-2026 -
    sv: Interreg Aurora | fi: Interreg Aurora | en: Interreg Aurora
nordiska-ministerradet GovernmentBody funder - EUR 20000-300000 2005-2026 kultur,innovation
    sv: Nordiska ministerrådet | fi: Pohjoismaiden ministerineuvosto | en: Nordic Council of Ministers
tillvaxtverket GovernmentBody funder SE SEK 300000-8000000 2009-2026 naringsliv,innovation
    sv: Tillväxtverket | en: Swedish Agency for Economic and Regional Growth
vinnova FundingBody funder SE SEK 300000-5000000 2005-2026 innovation,digitalisering
    sv: Vinnova | en: Sweden's Innovation Agency
formas FundingBody funder SE SEK 1000000-9000000 2005-2026 samhallsplanering
    sv: Formas | en: Formas research council
arvsfonden FundingBody funder SE SEK 200000-4000000 2005-2026 inkludering,medborgardialog,kultur
    sv: Allmänna arvsfonden | en: Swedish Inheritance Fund
    alt sv: Arvsfonden
leader-polaris FundingBody funder SE SEK 50000-1500000 2008-2026 attraktivitet,kultur,medborgardialog
    sv: Leader Polaris | en: Leader Polaris
leader-alvdalarna FundingBody funder SE SEK 50000-1500000 2008-2026 attraktivitet,inflyttning
    sv: Leader Älvdalarna | en: Leader River Valleys
leader-inlandet FundingBody funder SE SEK 50000-1500000 2008-2026 attraktivitet,naringsliv
    sv: Leader Inlandet | en: Leader Inland
business-finland FundingBody funder FI EUR 50000-1200000 2005-2026 innovation,naringsliv
    fi: Business Finland | sv: Business Finland | en: Business Finland
    alt fi: Tekes
lapin-ely GovernmentBody funder FI EUR 40000-900000 2009-2026 kompetensforsorjning,naringsliv
    fi: Lapin elinkeino-, liikenne- ja ympäristökeskus | sv: Närings-, trafik- och miljöcentralen i Lappland
    en: Lapland ELY Centre
    alt fi: Lapin ELY-keskus | sv: NTM-centralen i Lappland
suomen-akatemia FundingBody funder FI EUR 200000-1000000 2005-2026 innovation
    fi: Suomen Akatemia | sv: Finlands Akademi | en: Research Council of Finland
leader-pohjoisin-lappi FundingBody funder FI EUR 10000-250000 2008-2026 attraktivitet,kultur
    fi: Leader Pohjoisin Lappi | en: Leader Northernmost Lapland
leader-outokaira FundingBody funder FI EUR 10000-250000 2008-2026 attraktivitet,inflyttning
    fi: Leader Outokaira | en: Leader Outokaira
leader-perapohjola FundingBody funder FI EUR 10000-250000 2008-2026 naringsliv,medborgardialog
    fi: Leader Peräpohjola | en: Leader Peräpohjola
"""


NORDIC_COUNCIL = "orgid:nordiska-ministerradet"


@dataclass(frozen=True)
class FunderSpec:
    """What a funder pays for: its country, currency, range of amounts, years active and themes."""

    country: str | None
    currency: str | None
    amounts: tuple[int, int]
    years: tuple[int, int]
    themes: tuple[str, ...]


def _opt(field: str) -> str | None:
    return None if field == "-" else field


def _records(table: str) -> list[tuple[list[str], dict[str, str], list[tuple[str, str]]]]:
    """Parse a table of records: a line of fields, then indented label lines."""
    records: list[tuple[list[str], dict[str, str], list[tuple[str, str]]]] = []
    for line in table.strip("\n").splitlines():
        if not line.startswith(" "):
            records.append((line.split(), {}, []))
            continue
        text = line.strip()
        alt = text.startswith("alt ")
        for item in text.removeprefix("alt ").split(" | "):
            lang, value = item.split(": ", 1)
            if alt:
                records[-1][2].append((value, lang))
            else:
                records[-1][1][lang] = value
    return records


PARTIES = {
    "SE": [
        ("socialdemokraterna", "Socialdemokraterna", "Social Democrats"),
        ("centerpartiet", "Centerpartiet", "Centre Party"),
        ("moderaterna", "Moderaterna", "Moderates"),
        ("vansterpartiet", "Vänsterpartiet", "Left Party"),
        ("kristdemokraterna", "Kristdemokraterna", "Christian Democrats"),
        ("liberalerna", "Liberalerna", "Liberals"),
    ],
    "FI": [
        ("keskusta", "Suomen Keskusta", "Centre Party of Finland"),
        ("sdp", "Suomen Sosialidemokraattinen Puolue", "Social Democratic Party of Finland"),
        ("kokoomus", "Kansallinen Kokoomus", "National Coalition Party"),
        ("vasemmistoliitto", "Vasemmistoliitto", "Left Alliance"),
        ("perussuomalaiset", "Perussuomalaiset", "Finns Party"),
    ],
}
# Members of associations, by the municipality's name in its own country's language.
MEMBERS = {
    "region-10": "Norsjö Malå Storuman Sorsele Dorotea Vilhelmina Åsele Lycksele Arvidsjaur Arjeplog",  # by code
    "lapplands-kommunalforbund": "Gällivare Jokkmokk Pajala",
    "umearegionen": "Umeå Vindeln Vännäs Bjurholm Robertsfors Nordmaling",
    "norrbottens-kustkommuner": "Luleå Piteå Boden Kalix Haparanda Älvsbyn",
    "tornedalsradet": "Haparanda Övertorneå Pajala Kiruna Tornio Ylitornio Pello Kolari Muonio Enontekiö",
    "tunturi-lapin-seutukunta": "Enontekiö Kittilä Kolari Muonio",
    "ita-lapin-kuntayhtyma": "Kemijärvi Pelkosenniemi Posio Salla Savukoski",
    "pohjois-lapin-seutukunta": "Inari Sodankylä Utsjoki",
    "meri-lapin-seutukunta": "Kemi Keminmaa Simo Tervola Tornio",
}
HUB_MUNICIPALITIES = {
    "Luleå": 30,
    "Umeå": 30,
    "Rovaniemi": 30,
    "Skellefteå": 14,
    "Kiruna": 14,
    "Piteå": 12,
    "Tornio": 12,
    "Kemi": 10,
    "Gällivare": 8,
    "Boden": 8,
    "Haparanda": 8,
    "Sodankylä": 6,
    "Inari": 6,
    "Kittilä": 6,
    "Kemijärvi": 6,
    "Lycksele": 6,
}
FI_CITIES = {"Rovaniemi", "Kemi", "Tornio", "Kemijärvi"}

# The kinds of deliberate error that ``violations=K`` injects, in turn.
VIOLATION_KINDS = (
    "funding-without-funder",
    "amount-not-a-number",
    "start-after-end",
    "duplicate-municipality-code",
    "wrong-class-object",
    "post-without-role",
    "label-without-language",
)


# ------------------------------------------------------------------------------------------ helpers


def _fmt_date(day: dt.date, precision: str) -> tuple[str, str]:
    if precision == "xsd:date":
        return day.isoformat(), "xsd:date"
    if precision == "xsd:gYearMonth":
        return f"{day.year:04d}-{day.month:02d}", "xsd:gYearMonth"
    return f"{day.year:04d}", "xsd:gYear"


def _fi_date(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _clamp(day: dt.date) -> dt.date:
    return min(max(day, FIRST_DAY), LAST_DAY)


def _sv_genitive(name: str) -> str:
    return name if name[-1] in "aeiouyåäösxz" else name + "s"


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
        self._read_municipalities(reference)
        self._make_core()

    # ---------------------------------------------------------------- setup

    def _read_municipalities(self, reference: Path) -> None:
        from rdflib import Graph, Literal, URIRef
        from rdflib.namespace import RDF, RDFS

        from kg.namespaces import KG

        graph = Graph()
        for path in sorted(reference.glob("*.ttl")):
            graph.parse(path)
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
                city=own in FI_CITIES,
            )
            actor.names["org_sv"] = f"{_sv_genitive(names['sv'])} kommun" if country == "SE" else names["sv"]
            actor.names["org_fi"] = names["fi"]
            actor.names["org_en"] = labels.get("en", own)
            self.municipalities.append(actor)
            self.actors[actor.iri] = actor
            self.by_name.setdefault(own, actor)
            self.taken_iris.add(actor.iri)
            weight = HUB_MUNICIPALITIES.get(own, 3)
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
        for lang in ("sv", "fi", "en"):
            actor.names.setdefault(lang, next(iter(labels.values())))
        for lang in ("sv", "fi", "en"):
            actor.names[f"org_{lang}"] = actor.names[lang]
        self.actors[iri] = actor
        self.taken_iris.add(iri)
        self.taken_names.add(next(iter(labels.values())).lower())
        return actor

    def _make_core(self) -> None:
        for (slug, cls, kind, country, weight, town), labels, alt in _records(CORE_ORGS):
            home = self.by_name.get(town)
            actor = self._org(slug, cls, kind, _opt(country), labels, alt, home.iri if home else None)
            for c in [country] if country != "-" else ["SE", "FI"]:
                self.pool[c].extend([actor] * int(weight))
            if kind == "research" and country != "-":
                self.research[country].append(actor)
        for (slug, cls, kind, country, currency, amounts, years, themes), labels, alt in _records(FUNDERS):
            lo, hi = amounts.split("-")
            first, last = years.split("-")
            spec = FunderSpec(
                _opt(country), _opt(currency), (int(lo), int(hi)), (int(first), int(last)), tuple(themes.split(","))
            )
            self.funders.append((self._org(slug, cls, kind, _opt(country), labels, alt), spec))
        for country, parties in PARTIES.items():
            lang = "sv" if country == "SE" else "fi"
            self.parties[country] = [
                self._org(slug, "PoliticalParty", "party", country, {lang: name, "en": en})
                for slug, name, en in parties
            ]
        for country, names in MEDIA.items():
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
                word = rng.choice(COMPANY_WORDS[country])
                suffix = "AB" if country == "SE" else "Oy"
                brand = rng.choice(
                    [place, rng.choice(COMPANY_BRANDS), rng.choice(SV_LAST if country == "SE" else FI_LAST)]
                )
                name = f"{brand}{'' if brand.endswith('-') else ' '}{word} {suffix}"
                cls, kind, labels = "Company", "company", {lang: name, "en": name}
            elif roll < 0.7:
                village = rng.choice(VILLAGES[country])
                if country == "SE":
                    name = rng.choice(
                        [
                            f"{village} byaförening",
                            f"Byaföreningen {village}",
                            f"{village} hembygdsförening",
                            f"Föreningen Levande {village}",
                            f"{village} idrottsförening",
                        ]
                    )
                else:
                    name = rng.choice(
                        [
                            f"Kyläyhdistys {village} ry",
                            f"{village} kylätoimikunta ry",
                            f"Elävä {village} ry",
                            f"Urheiluseura {village} ry",
                        ]
                    )
                cls, kind, labels = "CivilSocietyOrganisation", "civil", {lang: name}
            elif roll < 0.88:
                if country == "SE":
                    name = rng.choice(
                        [
                            f"{place} folkhögskola",
                            f"Lärcentrum {place}",
                            f"Vuxenutbildningen {place}",
                            f"{place} naturbruksgymnasium",
                            f"Yrkeshögskolan {place}",
                        ]
                    )
                    en = name
                else:
                    name = rng.choice(
                        [
                            f"Kansalaisopisto {place}",
                            f"Aikuiskoulutuskeskus {place}",
                            f"Lukio {place}",
                            f"Kansanopisto {place}",
                        ]
                    )
                    en = name
                cls, kind, labels = "EducationProvider", "education", {lang: name, "en": en}
            else:
                word = rng.choice(
                    ["Utvecklingscentrum", "Näringslivscentrum", "Science Park", "Inkubator"]
                    if country == "SE"
                    else ["Kehittämiskeskus", "Yrityspalvelut", "Science Park", "Hautomo"]
                )
                name = f"{word} {place}"
                cls, kind, labels = "Company", "company", {lang: name, "en": name}
            slug = slugify(name)
            if f"orgid:{slug}" in self.taken_iris or name.lower() in self.taken_names:
                continue
            return self._org(slug, cls, kind, country, labels, located=town.iri)
        n = len(self.actors)
        name = f"{rng.choice(COMPANY_BRANDS).rstrip('-')} {n} {'AB' if country == 'SE' else 'Oy'}"
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
        first, last = (SV_FIRST, SV_LAST) if country == "SE" else (FI_FIRST, FI_LAST)
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
        roles = ROLES.get(org.kind if org.kind != "media" else "media") or ROLES["company"]
        if want == "pm":
            choice = roles[0]
        elif want == "chief":
            choice = next((r for r in roles if r[0].startswith("*")), roles[0])
        elif want == "politician":
            choice = next((r for r in roles if r[0].startswith("^")), roles[0])
        else:
            choice = self.rng.choice(roles)
        sv, fi, en = choice
        title = sv if lang == "sv" else fi
        if org.kind == "municipality" and org.city and lang == "fi":
            title = title.replace("kunnan", "kaupungin").replace("kunnanjohtaja", "kaupunginjohtaja")
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

    def _langs(self, region: str) -> list[str]:
        return {"SE": ["sv", "en"], "FI": ["fi", "en"], "XB": ["sv", "fi", "en"]}[region]

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

    def _describe(
        self, cls: str, lang: str, themes: list[str], place: tuple[str, str, str], lead: Actor, n_partners: int
    ) -> tuple[str, str]:
        rng = self.rng
        t = [self.themes[k].get(lang) or self.themes[k]["en"] for k in themes]
        topics = (
            t[0]
            if len(t) == 1
            else ", ".join(t[:-1]) + (" och " if lang == "sv" else " ja " if lang == "fi" else " and ") + t[-1]
        )
        where = place[{"sv": 0, "fi": 1, "en": 2}[lang]]
        kind = {
            "kg:PreStudy": ("Förstudie", "Esiselvitys", "Pre-study"),
            "kg:Pilot": ("Pilotprojekt", "Pilottihanke", "Pilot"),
            "kg:ResearchProject": ("Forskningsprojekt", "Tutkimushanke", "Research project"),
        }.get(cls, ("Projekt", "Hanke", "Project"))
        if lang == "sv":
            text = rng.choice(
                [
                    f"{kind[0]} om {topics} i {where}, där {lead.name('org_sv')} samarbetar med {n_partners} partner.",
                    f"{kind[0]} som prövar nya sätt att arbeta med {topics} i {where}.",
                    f"{kind[0]} som ska stärka arbetet med {topics} i {where}; "
                    "insatserna riktar sig till små kommuner och byar.",
                ]
            )
        elif lang == "fi":
            text = rng.choice(
                [
                    f"{kind[1]}, jonka teemana on {topics}. Alue: {where}. Kumppaneita on {n_partners}.",
                    f"{kind[1]} kehittää uusia toimintatapoja. Teemat: {topics}. Alue: {where}.",
                    f"{kind[1]} vahvistaa pienten kuntien ja kylien työtä. Teemat: {topics}; alue: {where}.",
                ]
            )
        else:
            text = f"{kind[2]} on {topics} in {where}, led by {lead.name('org_en')} with {n_partners} partners."
        return text, lang

    def new_project(self) -> Initiative:
        rng = self.rng
        roll = rng.random()
        region = "XB" if roll < 0.12 else "SE" if roll < 0.62 else "FI"
        cls_roll = rng.random()
        if cls_roll < 0.22:
            cls, months = "kg:PreStudy", rng.randint(4, 12)
        elif cls_roll < 0.37:
            cls, months = "kg:Pilot", rng.randint(10, 24)
        elif cls_roll < 0.47:
            cls, months = "kg:ResearchProject", rng.randint(24, 48)
        else:
            cls, months = "kg:Project", rng.randint(18, 42)
        year = self._year()
        start = dt.date(year, rng.randint(1, 12), rng.choice([1, 1, 1, 15, rng.randint(1, 28)]))
        precision = rng.choices(["xsd:date", "xsd:gYearMonth", "xsd:gYear"], [60, 25, 15])[0]
        s, e, sd, ed = self._dates(start, months, precision)
        # the lead and the place
        lead_country = region if region != "XB" else rng.choice(["SE", "FI"])
        if cls == "kg:ResearchProject":
            lead = rng.choice(self.research[lead_country])
            self.pool[lead_country].append(lead)
        else:
            lead = self.draw(lead_country, [], public=True)
        themes = rng.sample(self.theme_keys, rng.choice([1, 1, 2, 2, 3]))
        places = [p for p in PLACES if p[3] == region] or PLACES
        home = self.actors.get(lead.located or "") if lead.kind != "municipality" else lead
        if home is not None and home.kind == "municipality" and rng.random() < 0.5 and region != "XB":
            place = (home.name("sv"), home.name("fi"), home.name("en"), region)
        else:
            place = rng.choice(places)
        phrase = rng.choice(THEME_PHRASES.get(themes[0], GENERIC_PHRASES))
        langs = self._langs(region)
        names = {"sv": f"{phrase[0]} {place[0]}", "fi": f"{phrase[1]} {place[1]}", "en": f"{phrase[2]} {place[2]}"}
        prefix = {
            "kg:PreStudy": ("Förstudie: ", "Esiselvitys: ", "Pre-study: "),
            "kg:Pilot": ("Pilot ", "Pilotti ", "Pilot "),
        }.get(cls)
        if prefix:
            names = {"sv": prefix[0] + names["sv"], "fi": prefix[1] + names["fi"], "en": prefix[2] + names["en"]}
        labels, iri = self._unique_label([(names[lang], lang) for lang in langs], year)
        located = []
        if home is not None and home.kind == "municipality":
            located.append(home.iri)
            if home.area:
                located.append(home.area)
        if region == "XB":
            located = [a for a in located if a.startswith("mun:")] + ["area:se-25", "area:fi-19"]
        elif not located:
            located = [
                "area:se-25"
                if region == "SE" and rng.random() < 0.6
                else "area:se-24"
                if region == "SE"
                else "area:fi-19"
            ]
        ini = Initiative(
            iri=iri,
            cls=cls,
            labels=labels,
            region=region,
            lang=langs[0],
            start=s,
            end=e,
            start_day=sd,
            end_day=ed,
            themes=themes,
            located=located,
            lead=lead,
        )
        # partners
        n = 1 + min(int(rng.paretovariate(1.6)), 11)
        for _ in range(n):
            c = region if region != "XB" else rng.choice(["SE", "FI"])
            ini.participants.append(self.draw(c, [lead, *ini.participants]))
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
            before = [p for p in self.prestudies[-200:] if p.end_day and p.end_day <= sd and p.region == region]
            if before:
                ini.extra.append(("kg:relatedTo", rng.choice(before).iri))
        if rng.random() < 0.25 and e is not None:
            ini.extra.append(("kg:plannedDuration", lit(f"P{months}M", datatype="xsd:duration")))
        if rng.random() < 0.6:
            ini.description = self._describe(cls, ini.lang, themes, place, lead, len(ini.participants))
        self.initiatives.append(ini)
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
        news = {
            "kg:PreStudy": ("Ny förstudie", "Uusi esiselvitys"),
            "kg:Pilot": ("Ny pilot", "Uusi pilotti"),
            "kg:ResearchProject": ("Nytt forskningsprojekt", "Uusi tutkimushanke"),
        }.get(ini.cls, ("Nytt projekt", "Uusi hanke"))
        bare = name.split(": ", 1)[-1]
        if lang == "sv":
            title = rng.choice(
                [
                    f"{lead.name('org_sv')} får {short}-medel för {name}" if funder else f"{news[0]}: {bare}",
                    f"{news[0]}: {bare}",
                    f"{name} har startat",
                    f'Klartecken för "{name}"',
                ]
            )
        else:
            title = rng.choice(
                [f"{news[1]}: {bare}", f"{name} käynnistyy", f"Rahoitus myönnetty hankkeelle {name}", f'"{name}" alkaa']
            )
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
        if lang == "sv":
            title = f"Protokoll, kommunstyrelsen i {mun.name('org_sv')} {day.isoformat()}"
        else:
            board = "Kaupunginhallituksen" if mun.city else "Kunnanhallituksen"
            title = f"{board} pöytäkirja {_fi_date(day)}, {mun.name('fi')}"
        doc = self.new_doc("minutes", title, lang, mun, day)
        i = self.declare_initiative(doc, ini, full=False)
        doc.add(self.declare(doc, mun), "kg:participatesIn", i)
        currency = "SEK" if mun.country == "SE" else "EUR"
        amount = round(rng.uniform(20_000, 600_000) if currency == "SEK" else rng.uniform(3_000, 80_000), -3)
        kind = ("kommunal medfinansiering", "sv") if lang == "sv" else ("kunnan omarahoitusosuus", "fi")
        fid = f"funding:{ini.iri[4:]}--{mun.iri[4:]}"
        if fid not in self.taken_iris:
            self.taken_iris.add(fid)
            funding = Funding(fid, mun, int(amount), currency, kind)
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
        title = (
            rng.choice([f"Slutrapport: {name}", f"{name} avslutat – så gick det"])
            if lang == "sv"
            else rng.choice([f"Loppuraportti: {name}", f"Hanke {name} päättyi"])
        )
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
        day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        host_country = region if region != "XB" else rng.choice(["SE", "FI"])
        organiser = self.draw(host_country, [], public=True)
        home = self.actors.get(organiser.located or "") if organiser.kind != "municipality" else organiser
        if home is None or home.kind != "municipality":
            home = rng.choice([m for m in self.municipalities if m.country == host_country])
        kind = rng.random()
        themes = rng.sample(self.theme_keys, rng.choice([1, 1, 2]))
        langs = self._langs(region)
        t = self.themes[themes[0]]
        part_of = None
        if kind < 0.25:
            cls = "kg:Conference"
            conf = rng.choice([c for c in CONFERENCES if c[3] in (region, "XB")])
            names = {"sv": f"{conf[0]} {year}", "fi": f"{conf[1]} {year}", "en": f"{conf[2]} {year}"}
            end_day = day + dt.timedelta(days=rng.choice([0, 1, 1, 2]))
        elif kind < 0.6:
            cls = "kg:Seminar"
            names = {
                "sv": f"Seminarium om {t['sv']}, {home.name('sv')} {MONTHS_SV[day.month - 1]} {year}",
                "fi": f"Seminaari: {t['fi']}, {home.name('fi')} {_fi_date(day)}",
                "en": f"Seminar on {t['en']}, {home.name('en')} {day.isoformat()}",
            }
            end_day = day
            if self.projects and rng.random() < 0.4:
                cand = rng.choice(self.projects[-300:])
                if cand.end_day and cand.start_day <= day <= cand.end_day:
                    part_of = cand
        else:
            cls = "kg:Meeting"
            g = rng.choice(GROUPS)
            names = {
                "sv": f"Nätverksträff för {g[0]}, {home.name('sv')} {day.isoformat()}",
                "fi": f"Verkostotapaaminen, {g[1]}, {home.name('fi')} {_fi_date(day)}",
                "en": f"Network meeting of {g[2]}, {home.name('en')} {day.isoformat()}",
            }
            end_day = day
        labels, iri = self._unique_label(
            [(names[lg], lg) for lg in langs],
            year,
            ["", f", {home.name('own')}", f", {home.name('own')} {MONTHS_SV[day.month - 1]}"],
        )
        located = [home.iri] + ([home.area] if home.area else [])
        ev = Initiative(
            iri=iri,
            cls=cls,
            labels=labels,
            region=region,
            lang=langs[0],
            start=_fmt_date(day, "xsd:date"),
            end=_fmt_date(min(end_day, LAST_DAY), "xsd:date"),
            start_day=day,
            end_day=end_day,
            themes=themes,
            located=located,
            lead=organiser,
        )
        if part_of is not None:
            ev.extra.append(("kg:partOf", part_of.iri))
        if cls == "kg:Conference":
            ev.extra.append(("kg:participantCount", lit(str(rng.randint(4, 40) * 10), datatype="xsd:integer")))
        self.initiatives.append(ev)
        lang = langs[0] if region != "XB" else ("sv" if host_country == "SE" else "fi")
        name = next((tx for tx, lg in labels if lg == lang), labels[0][0])
        title = (
            rng.choice([f"Välkommen till {name}", f"Inbjudan: {name}", f"Program för {name}"])
            if lang == "sv"
            else rng.choice([f"Tervetuloa: {name}", f"Kutsu: {name}", f"Ohjelma: {name}"])
        )
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
            c = region if region != "XB" else rng.choice(["SE", "FI"])
            post = self.staff(self.draw(c, [organiser]), year)
            if post is not None:
                self.declare_post(doc, post, ("kg:presentsAt", i))
            if len(doc) > 62:
                break
        while len(doc) < 48:
            c = region if region != "XB" else rng.choice(["SE", "FI"])
            doc.add(self.declare(doc, self.draw(c, [organiser])), "kg:participatesIn", i)
        return doc

    def association_minutes(self) -> Doc:
        rng = self.rng
        assocs = [a for a in self.actors.values() if a.iri[6:] in MEMBERS]
        assoc = rng.choice(assocs)
        members = [self.by_name[n] for n in MEMBERS[assoc.iri[6:]].split() if n in self.by_name]
        year = self._year()
        day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        lang = "fi" if assoc.country == "FI" or (assoc.country is None and rng.random() < 0.5) else "sv"
        region = assoc.country or "XB"
        names = {
            "sv": f"Styrelsemöte, {assoc.name('sv')} {day.isoformat()}",
            "fi": f"Hallituksen kokous, {assoc.name('fi')} {_fi_date(day)}",
            "en": f"Board meeting, {assoc.name('en')} {day.isoformat()}",
        }
        langs = self._langs(region)
        labels, iri = self._unique_label([(names[lg], lg) for lg in langs], year)
        host = rng.choice(members)
        meeting = Initiative(
            iri=iri,
            cls="kg:Meeting",
            labels=labels,
            region=region,
            lang=langs[0],
            start=_fmt_date(day, "xsd:date"),
            end=None,
            start_day=day,
            end_day=day,
            themes=[rng.choice(["kommunal-kapacitet", "samhallsplanering", "naringsliv"])],
            located=[host.iri],
            lead=assoc,
        )
        self.initiatives.append(meeting)
        title = (
            f"Protokoll från styrelsemöte i {assoc.name('sv')} {day.isoformat()}"
            if lang == "sv"
            else f"{assoc.name('fi')}: hallituksen pöytäkirja {_fi_date(day)}"
        )
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
        adopted = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        span = rng.choice([4, 5, 6, 8, 10])
        if rng.random() < 0.2:
            cls = "kg:Vision"
            horizon = rng.choice([2025, 2030, 2035, 2040, 2050])
            horizon = max(horizon, year + 5)
            names = {
                "sv": f"Vision {owner.name('sv')} {horizon}",
                "fi": f"Visio {owner.name('fi')} {horizon}",
                "en": f"Vision {owner.name('en')} {horizon}",
            }
            theme = rng.choice(["attraktivitet", "inflyttning", "samhallsplanering"])
        else:
            cls = "kg:Strategy"
            kind = rng.choice(STRATEGIES)
            names = {
                "sv": f"{kind[0]} för {owner.name('org_sv')} {year}–{year + span}",
                "fi": f"{kind[1]} {year}–{year + span}, {owner.name('fi')}",
                "en": f"{kind[2]} {year}–{year + span}, {owner.name('org_en')}",
            }
            theme = kind[3]
        themes = [theme] if theme in self.themes else [self.theme_keys[0]]
        labels, iri = self._unique_label([(names[lg], lg) for lg in (lang, "en")], year)
        start_year = year + (1 if adopted.month > 9 else 0)
        end = (
            _fmt_date(dt.date(start_year + span - 1, 1, 1), "xsd:gYear") if start_year + span - 1 <= END_YEAR else None
        )
        home = owner if owner.kind == "municipality" else self.actors.get(owner.located or "")
        located = (
            [home.iri]
            if home is not None and home.kind == "municipality"
            else ["area:se-25" if country == "SE" else "area:fi-19"]
        )
        st = Initiative(
            iri=iri,
            cls=cls,
            labels=labels,
            region=country,
            lang=lang,
            start=_fmt_date(dt.date(start_year, 1, 1), "xsd:gYear"),
            end=end,
            start_day=dt.date(start_year, 1, 1),
            end_day=None,
            themes=themes,
            located=located,
            lead=owner,
        )
        st.extra.append(
            (
                "kg:adopted",
                lit(adopted.isoformat(), datatype="xsd:date")
                if rng.random() < 0.6
                else lit(f"{adopted.year}-{adopted.month:02d}", datatype="xsd:gYearMonth"),
            )
        )
        if self.strategies and rng.random() < 0.3:
            st.extra.append(("kg:relatedTo", rng.choice(self.strategies[-100:]).iri))
        if rng.random() < 0.7:
            t = self.themes[themes[0]]
            st.description = (
                (f"Antagen plan för arbetet med {t['sv']} i {owner.name('org_sv')}.", "sv")
                if lang == "sv"
                else (f"Hyväksytty suunnitelma, teemana {t['fi']}. Omistaja: {owner.name('fi')}.", "fi")
            )
        self.initiatives.append(st)
        self.strategies.append(st)
        title = f"{owner.name('org_sv')} antar {labels[0][0]}" if lang == "sv" else f"{labels[0][0]} hyväksyttiin"
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


# ------------------------------------------------------------------------------------------ violations


def _inject(world: World, kind: str, n: int, stem: str, initiative: str | None) -> tuple[list[str], dict[str, object]]:
    """Statements (as Turtle blocks) of one deliberate error, and its record."""
    rng = world.rng
    muns = world.municipalities
    record: dict[str, object] = {"kind": kind, "file": f"sources/{stem}.ttl"}
    blocks: list[tuple[str, list[tuple[str, str]]]] = []
    ini = initiative or world.initiatives[0].iri
    if kind == "funding-without-funder":
        f = f"funding:{ini[4:]}--medfinansiering-{n}"
        blocks += [
            (ini, [("kg:hasFunding", f)]),
            (
                f,
                [
                    ("a", "kg:Funding"),
                    ("kg:amount", lit("250000", datatype="xsd:decimal")),
                    ("kg:currency", lit("SEK")),
                ],
            ),
        ]
        record["focus"] = f
    elif kind == "amount-not-a-number":
        f = f"funding:{ini[4:]}--bidrag-{n}"
        amount = lit("12 kr", datatype="xsd:decimal") if n % 2 == 0 else lit("12 000 kr")
        blocks += [
            (ini, [("kg:hasFunding", f)]),
            (
                f,
                [
                    ("a", "kg:Funding"),
                    ("kg:funder", rng.choice(muns).iri),
                    ("kg:amount", amount),
                    ("kg:currency", lit("SEK")),
                ],
            ),
        ]
        record["focus"] = f
    elif kind == "start-after-end":
        mun = rng.choice([m for m in muns if m.country == "SE"])
        phrase = rng.choice(THEME_PHRASES.get(world.theme_keys[n % len(world.theme_keys)], GENERIC_PHRASES))
        labels, i = world._unique_label([(f"{phrase[0]} {mun.name('sv')}", "sv")], 2019)
        blocks += [
            (
                i,
                [
                    ("a", "kg:Project"),
                    ("rdfs:label", lit(*labels[0])),
                    ("schema:startDate", lit("2019-06-01", datatype="xsd:date")),
                    ("schema:endDate", lit("2017-12-31", datatype="xsd:date")),
                    ("kg:locatedIn", mun.iri),
                ],
            ),
            (mun.iri, [("kg:leads", i)]),
        ]
        record["focus"] = i
    elif kind == "duplicate-municipality-code":
        used = {v.get("related") for v in world.injected}
        mun = next((m for m in rng.sample(muns, len(muns)) if expand(m.iri) not in used), muns[0])
        lang = "sv" if mun.country == "SE" else "fi"
        name = mun.name("org_sv") if lang == "sv" else f"{mun.name('fi')} {'kaupunki' if mun.city else 'kunta'}"
        o = f"orgid:{slugify(name)}"
        o = o if o not in world.taken_iris else f"{o}-{n}"
        world.taken_iris.add(o)
        blocks += [
            (
                o,
                [
                    ("a", "kg:Municipality"),
                    ("rdfs:label", lit(name, lang)),
                    ("kg:municipalityCode", lit(mun.code or "")),
                    ("kg:country", lit(mun.country or "")),
                    ("kg:locatedIn", mun.area or "area:se"),
                ],
            )
        ]
        record["focus"] = o
        record["related"] = mun.iri
    elif kind == "wrong-class-object":
        mun = rng.choice(muns)
        blocks += [(mun.iri, [("kg:memberOf", ini)])]
        record["focus"] = mun.iri
    elif kind == "post-without-role":
        mun = rng.choice([m for m in muns if m.country == "SE"])
        person = world._new_person("SE")
        p = person.actor.iri
        post = f"post:{p[7:]}--{slugify(mun.names['own'])}"
        blocks += [
            (
                p,
                [
                    ("a", "kg:Person"),
                    *[("rdfs:label", lit(t, lg)) for t, lg in person.actor.labels],
                    ("kg:country", lit("SE")),
                    ("kg:holdsPost", post),
                    ("kg:participatesIn", ini),
                ],
            ),
            (
                post,
                [
                    ("a", "kg:Post"),
                    ("rdfs:label", lit(f"Tjänsteperson, {mun.name('org_sv')}", "sv")),
                    ("kg:postIn", mun.iri),
                ],
            ),
        ]
        record["focus"] = post
    elif kind == "label-without-language":
        company = world._new_org("SE")
        o = company.iri
        blocks += [
            (
                o,
                [
                    ("a", company.cls),
                    ("rdfs:label", lit(company.labels[0][0])),
                    ("kg:country", lit("SE")),
                    ("kg:participatesIn", ini),
                ],
            )
        ]
        record["focus"] = o
    lines = [f"\n{s} " + " ;\n    ".join(f"{p} {o}" for p, o in pos) + " .\n" for s, pos in blocks]
    for key in ("focus", "related"):
        if key in record:
            record[key] = expand(str(record[key]))
    record["triples"] = sum(len(pos) for _, pos in blocks)
    return lines, record


# ------------------------------------------------------------------------------------------ main entry


def _count_reference(folder: Path) -> int:
    from rdflib import Graph

    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(path)
    return len(graph)


SYNTH_AREAS = ("area/se-24", "area/se-25", "area/fi-19")  # the synthetic world: Västerbotten, Norrbotten, Lappi


def _copy_northern_reference(source: Path, target: Path) -> None:
    """Copy the areas, and of the municipalities those of :data:`SYNTH_AREAS` (the synthetic world;
    the bodies and the rest of the country are left out, so that small graphs stay small)."""
    from rdflib import Graph, URIRef

    from kg.namespaces import KG

    graph = Graph().parse(source)
    areas = {URIRef("https://w3id.org/samverkan/id/" + a) for a in SYNTH_AREAS}
    keep = Graph()
    for prefix, namespace in graph.namespaces():
        keep.bind(prefix, namespace)
    for s, p, o in graph:
        if source.name != "municipalities.ttl" or graph.value(s, KG.locatedIn) in areas:
            keep.add((s, p, o))
    text = keep.serialize(format="turtle")
    target.write_text(text, encoding="utf-8")


def synthesize(triples: int, out: Path, seed: int = 0, violations: int = 0) -> SynthSummary:
    """Write a synthetic data folder of about ``triples`` triples (reference data included) to ``out``.

    Old ``out/sources/synth-*.ttl`` files are removed first. ``violations`` deliberate errors are
    appended to some of the files (see :data:`VIOLATION_KINDS`) and listed in the summary.
    """
    out = Path(out)
    shipped_reference = resources.shipped("data") / "reference"
    (out / "reference").mkdir(parents=True, exist_ok=True)
    sources = out / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for old in sources.glob("synth-*.ttl"):
        old.unlink()
    reference_files = []
    for old_file in (out / "reference").glob("*.ttl"):
        old_file.unlink()
    for name in ("areas.ttl", "municipalities.ttl"):
        _copy_northern_reference(shipped_reference / name, out / "reference" / name)
        reference_files.append(f"reference/{name}")
    reference_triples = _count_reference(out / "reference")

    world = World(seed, out / "reference", resources.shipped("ontology"))
    budget = max(triples - reference_triples, 1)
    written = 0
    files: list[tuple[str, str | None]] = []
    counts: dict[str, set[str]] = {}
    for doc in world.stream():
        n = len(doc)
        if files and written + n > budget and written + n - budget > budget - written:
            break
        (sources / f"{doc.stem}.ttl").write_text(doc.render(), encoding="utf-8", newline="\n")
        written += n
        files.append((doc.stem, doc.first_initiative))
        for iri, cls in doc.decls:
            counts.setdefault(cls.split(":", 1)[1], set()).add(iri)
        if written >= budget:
            break

    injected = world.injected
    if violations:
        with_initiative = [f for f in files if f[1] is not None] or files
        chosen = world.rng.sample(with_initiative, min(violations, len(with_initiative)))
        while len(chosen) < violations:
            chosen.append(world.rng.choice(with_initiative))
        for n in range(violations):
            stem, initiative = chosen[n]
            lines, record = _inject(world, VIOLATION_KINDS[n % len(VIOLATION_KINDS)], n + 1, stem, initiative)
            with open(sources / f"{stem}.ttl", "a", encoding="utf-8", newline="\n") as handle:
                handle.write("".join(lines))
            written += int(record["triples"])  # type: ignore[call-overload]
            injected.append(record)

    summary = SynthSummary(
        seed=seed,
        target=triples,
        files=len(files),
        triples=written + reference_triples,
        source_triples=written,
        reference_triples=reference_triples,
        counts={k: len(v) for k, v in sorted(counts.items())},
        violations=injected,
        reference_files=reference_files,
    )
    (out / "synth.json").write_text(summary.to_json(), encoding="utf-8", newline="\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.synth TRIPLES OUT [--seed N] [--violations K]``."""
    parser = argparse.ArgumentParser(prog="python -m kg.synth", description=__doc__.split("\n\n")[0])
    parser.add_argument("triples", type=int, help="about how many triples to write (reference data included)")
    parser.add_argument("out", type=Path, help="the data folder to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--violations", type=int, default=0, help="how many deliberate errors to inject")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    summary = synthesize(args.triples, args.out, seed=args.seed, violations=args.violations)
    took = time.perf_counter() - began
    print(f"{summary.triples} triples in {summary.files} source files -> {args.out} ({took:.1f} s)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
