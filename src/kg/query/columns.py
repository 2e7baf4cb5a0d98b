"""Column headers and enumerated values of query results in Swedish, Finnish and English.

A query's variables (``fundingYear``, ``crossBorder``, ``organisationA``) are the names of its
columns for programs; people read a header in their language. :data:`HEADERS` gives every
variable of the shipped queries a header in sv, fi and en (a :class:`kg.core.i18n.Catalogue`
keyed by variable name); a query may declare its own, or override one, in its header::

    # column fundingYear: sv "Finansieringsår", fi "Rahoitusvuosi", en "Funding year"

:data:`VALUES` gives the values that a query writes as fixed English words (``direct``,
``granted``, ``lead``) a text per language, per column; booleans (``true``/``false``) are
yes/no in every column.

Who sees what (:func:`header` and :func:`value`; :mod:`kg.query.formats` applies them):

- the formats for people (``table``, ``md``) show the headers and values in the output language
  in Swedish and Finnish. In English they show the variable names and values as they always did:
  English output is the same, byte for byte, as before the other languages were added;
- the formats for programs (``csv``, ``tsv``, ``json``) keep the variable names and the values as
  the query gives them in every language, as a script, ``sqlite-utils insert --csv`` or Datasette
  expects (a column's name does not change with the reader's language). ``kg query --header
  labels`` writes the headers of ``csv`` and ``tsv`` in the output language (English included) for
  a spreadsheet; the values stay. ``json`` (SPARQL 1.1 Query Results JSON) always keeps the
  variable names: they are the keys of its bindings.

>>> header("fundingYear", "sv"), header("fundingYear", "fi"), header("fundingYear", "en")
('Finansieringsår', 'Rahoitusvuosi', 'fundingYear')
>>> header("fundingYear", "en", labels=True), header("myOwnColumn", "sv")
('Funding year', 'myOwnColumn')
>>> value("via", "direct", "fi"), value("kind", "granted", "sv"), value("kind", "granted", "en")
('suoraan', 'beviljat', 'granted')
>>> HEADERS.problems() + TABLES.problems() + value_problems()
[]
"""

from __future__ import annotations

from collections.abc import Mapping

from kg.core.i18n import SOURCE, Catalogue, table_problems
from kg.core.labels import LANGS


def _headers(rows: str) -> dict[str, dict[str, str]]:
    """``{lang: {variable: header}}`` from lines ``variable | sv | fi | en``."""
    tables: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for line in rows.strip().splitlines():
        variable, sv, fi, en = (cell.strip() for cell in line.split("|"))
        tables["sv"][variable], tables["fi"][variable], tables["en"][variable] = sv, fi, en
    return tables


#: variable | Swedish | Finnish | English header (the English one for ``--header labels``)
HEADERS = Catalogue(
    "query column headers",
    _headers(
        """
actor | Aktör | Toimija | Actor
actorA | Aktör A | Toimija A | Actor A
actorB | Aktör B | Toimija B | Actor B
amount | Belopp | Määrä | Amount
approximate | Ungefärligt | Likimääräinen | Approximate
area | Län eller landskap | Lääni tai maakunta | County or region
areaA | Län eller landskap A | Lääni tai maakunta A | County or region A
areaB | Län eller landskap B | Lääni tai maakunta B | County or region B
body | Organ | Toimielin | Body
code | Kod | Koodi | Code
count | Antal | Määrä | Count
countries | Länder | Maat | Countries
country | Land | Maa | Country
crossBorder | Över gränsen | Rajan yli | Across the border
currency | Valuta | Valuutta | Currency
direction | Riktning | Suunta | Direction
end | Slut | Loppu | End
entity | Entitet | Entiteetti | Entity
facts | Uppgifter | Tietoja | Facts
funder | Finansiär | Rahoittaja | Funder
funders | Finansiärer | Rahoittajat | Funders
funding | Finansiering | Rahoitus | Funding
fundingYear | Finansieringsår | Rahoitusvuosi | Funding year
fundings | Finansieringar | Rahoituksia | Fundings
initiative | Initiativ | Hanke | Initiative
initiatives | Initiativ | Hankkeet | Initiatives
issued | Utgiven | Julkaistu | Issued
kind | Slag | Laji | Kind
kinds | Slag | Lajit | Kinds
labels | Benämningar | Nimikkeet | Labels
language | Språk | Kieli | Language
leads | Leds av | Vetäjät | Leads
match | Träff | Osuma | Match
member | Medlem | Jäsen | Member
mentioned | Nämnd | Mainittu | Mentioned
municipality | Kommun | Kunta | Municipality
names | Namn | Nimet | Names
node | Nod | Solmu | Node
object | Objekt | Kohde | Object
organisation | Organisation | Organisaatio | Organisation
organisationA | Organisation A | Organisaatio A | Organisation A
organisationB | Organisation B | Organisaatio B | Organisation B
partRole | Roll i projektet | Rooli hankkeessa | Role in the project
participants | Deltagare | Osallistujat | Participants
perYear | Per år | Vuodessa | Per year
person | Person | Henkilö | Person
place | Kommun | Kunta | Municipality
programme | Program | Ohjelma | Programme
project | Projekt | Hanke | Project
projects | Projekt | Hankkeita | Projects
property | Egenskap | Ominaisuus | Property
publisher | Utgivare | Julkaisija | Publisher
recipient | Mottagare | Saaja | Recipient
role | Roll | Rooli | Role
roles | Befattningar | Tehtävät | Posts
shared | Gemensamma | Yhteisiä | Shared
source | Källa | Lähde | Source
sources | Källor | Lähteet | Sources
start | Start | Alku | Start
subject | Subjekt | Subjekti | Subject
target | Mål | Kohde | Target
theme | Tema | Teema | Theme
through | Genom | Kautta | Through
total | Summa | Yhteensä | Total
type | Typ | Tyyppi | Type
value | Värde | Arvo | Value
via | Via | Kautta | Via
year | År | Vuosi | Year
"""
    ),
)

#: the words of the tables themselves
TABLES = Catalogue(
    "query tables",
    {"en": {"rows": "{n} row(s)"}, "sv": {"rows": "{n} rad(er)"}, "fi": {"rows": "rivejä: {n}"}},
)

#: per column, the fixed English words a query writes and their text in each language
VALUES: dict[str, dict[str, dict[str, str]]] = {
    "via": {  # money-by-municipality, municipality-projects (a body's IRI stays as it is)
        "direct": {"sv": "direkt", "fi": "suoraan", "en": "direct"},
        "member of": {"sv": "medlem i", "fi": "jäsenenä", "en": "member of"},
        "owns": {"sv": "äger", "fi": "omistaa", "en": "owns"},
    },
    "kind": {
        # money-by-*: kg:AmountKinds (the ontology's labels), "stated" where a source gives none
        "granted": {"sv": "beviljat", "fi": "myönnetty", "en": "granted"},
        "planned": {"sv": "planerat", "fi": "suunniteltu", "en": "planned"},
        "paid": {"sv": "utbetalt", "fi": "maksettu", "en": "paid"},
        "stated": {"sv": "angivet", "fi": "ilmoitettu", "en": "stated"},
        # cross-border
        "initiative": {"sv": "initiativ", "fi": "hanke", "en": "initiative"},
        "membership": {"sv": "medlemskap", "fi": "jäsenyys", "en": "membership"},
        # nodes
        "actor": {"sv": "aktör", "fi": "toimija", "en": "actor"},
    },
    "partRole": {  # municipality-projects, partners-by-programme (the registers' roles)
        "lead": {"sv": "huvudpartner", "fi": "päätoteuttaja", "en": "lead"},
        "partner": {"sv": "partner", "fi": "osatoteuttaja", "en": "partner"},
        "associated": {"sv": "associerad partner", "fi": "liitännäiskumppani", "en": "associated"},
        "other": {"sv": "annan", "fi": "muu", "en": "other"},
    },
    "role": {  # ties: the verbs of the network page's ties (kg.viz.text.ROLE_TEXT)
        "lead": {"sv": "leder", "fi": "johtaa", "en": "lead"},
        "organiser": {"sv": "anordnar", "fi": "järjestää", "en": "organiser"},
        "presenter": {"sv": "talar vid", "fi": "esiintyy", "en": "presenter"},
        "participant": {"sv": "deltar i", "fi": "osallistuu", "en": "participant"},
        "funder": {"sv": "finansierar", "fi": "rahoittaa", "en": "funder"},
        "member": {"sv": "medlem i", "fi": "jäsen", "en": "member"},
        "affiliated": {"sv": "knuten till", "fi": "sidoksissa", "en": "affiliated"},
    },
    "direction": {  # entity: a relation from the entity or to it
        "out": {"sv": "ut", "fi": "lähtevä", "en": "out"},
        "in": {"sv": "in", "fi": "saapuva", "en": "in"},
    },
}

#: xsd:boolean values, in every column
BOOLEANS = {
    "true": {"sv": "ja", "fi": "kyllä", "en": "true"},
    "false": {"sv": "nej", "fi": "ei", "en": "false"},
}


def header(variable: str, lang: str | None, labels: bool = False, own: Mapping[str, Mapping[str, str]] = {}) -> str:
    """The header of the column ``variable`` (``xLabel``'s is ``x``'s) for people reading ``lang``:
    its label in Swedish and Finnish, its name in English unless ``labels`` asks for the English
    label; ``own`` (a query's ``# column`` lines, ``{variable: {lang: label}}``) comes first. A
    variable without a label keeps its name."""
    name = variable.removesuffix("Label")
    if lang not in LANGS or (lang == SOURCE and not labels):
        return name
    declared = own.get(name, {}).get(lang)
    if declared:
        return declared
    return HEADERS.text(name, lang) if name in HEADERS else name


def value(variable: str, text: str, lang: str | None) -> str:
    """A cell's text of the column ``variable`` in ``lang``, where it is one of the column's fixed
    words (:data:`VALUES`); any other text as it is."""
    if lang == SOURCE or lang not in LANGS:
        return text
    return VALUES.get(variable, {}).get(text, {}).get(lang, text)


def boolean(text: str, lang: str | None) -> str:
    """An xsd:boolean's text (``true``, ``false``) in ``lang``.

    >>> boolean("true", "fi"), boolean("false", "sv"), boolean("true", "en")
    ('kyllä', 'nej', 'true')
    """
    return BOOLEANS.get(text, {}).get(lang or SOURCE, text) if lang in LANGS else text


def value_problems() -> list[str]:
    """Values of :data:`VALUES` and :data:`BOOLEANS` without a text in one of the languages, or
    whose English text is not the word itself (English output must not change)."""
    problems = []
    for column, words in {**VALUES, "(boolean)": BOOLEANS}.items():
        tables = {lang: {word: texts.get(lang, "") for word, texts in words.items()} for lang in LANGS}
        problems += table_problems(f"values of {column}", tables)
        problems += [f"values of {column}: {w!r} in en is {t['en']!r}" for w, t in words.items() if t.get("en") != w]
    return problems
