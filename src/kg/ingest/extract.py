"""Reading the facts of a Swedish or Finnish text: rules over spaCy's blank pipelines.

:class:`Reader` holds what is loaded once (the spaCy tokenisers with a sentencizer and a
``Matcher`` of title and organisation patterns, the reconciler of the graph); :meth:`Reader.read`
turns one text into :class:`~kg.ingest.proposals.Proposals`:

- **mentions of what the graph knows** (municipalities in any language and inflection, counties,
  regions, bodies, funds, programmes, and the initiatives of other sources): every run of words
  that starts with a capital letter is looked up with :mod:`kg.reconciliation` (exact, folded,
  inflected through Voikko or simplemma, generic words dropped; no fuzzy matching in running text);
- **new entities** by pattern: companies (``Oy``, ``AB``), associations (``ry``, ``förening``),
  universities, named bodies (``…rådet``, ``…liitto``), persons next to a title
  (``Christer Normark, kommunchef i Lycksele``; ``kaupunginjohtaja Pia Pekkala``; list forms
  ``Dorotea: Olli Joenväärä, kommunchef``), initiatives (quoted names, ``projektet X``,
  ``X-hanke`` and its inflections, pre-studies, pilots, ``SOU 2024:6``, visions, strategies,
  programmes) and events (conference, seminar, meeting, visit) with their dates and places;
- **relations** from cue words in the same sentence: leads, takes part, organises, presents at,
  funds (with amount, currency, scale words, per year or in total, approximate), holds post (the
  title as written), member of, part of, located in;
- **dates**: exact days (``1 augusti 2024``, ``27.01.2020``, ``6 maj`` in the document's year,
  parsed by dateparser on the spans the patterns found), months and years at their precision
  (``xsd:gYearMonth``, ``xsd:gYear``: ``syksyllä 2020``, ``under 2018``, ``2023–2025``) and
  durations (``1,5 vuotta`` → ``P18M``).

Every new name is reconciled too: a confident match (90+, 5 ahead) reuses the graph's IRI, a
weaker one (75+) is proposed with its candidates, anything else is new.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass

from kg.ingest import amounts, temporal
from kg.ingest.clauses import clause_relations, same_clause
from kg.ingest.ends import (
    could_be_meant,
    dashed_events,
    described_initiatives,
    finnish_agreements,
    owned_plans,
    refers_to_event,
)
from kg.ingest.headline import headline, shorten
from kg.ingest.proposals import EntityProposal, Evidence, Proposals, RelationProposal
from kg.ingest.temporal import MONTHS

# ---------------------------------------------------------------------------------------- words
_SV_MONTH = (
    r"(?:jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|jun[i]?|jul[i]?|aug(?:usti)?|sep(?:t(?:ember)?)?|"
    r"okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FI_MONTH = (
    r"(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)(?:kuu(?:ssa|ta|n|lla|sta|hun|lta|lle)?)"
)
_SEASON = r"(?:våren|hösten|sommaren|vintern|keväällä|syksyllä|kesällä|talvella|alkuvuodesta|loppuvuodesta|vuoden)"
_FI_PART_OF_MONTH = (
    r"((?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuun)\s+"
    r"(?:alussa|alusta|alkupuolella|puolivälissä|puolivälin|lopussa|lopulla|loppupuolella|loppuun|aikana)"
)
_PART_OF_YEAR = (
    r"\b(?:(?:i|vid|under|från|mot|till|efter|före)\s+(?:början|slutet|mitten|utgången|inledningen)\s+av"
    r"|(?:under|i)\s+(?:det\s+)?(?:första|andra|tredje|fjärde|sista)\s+(?:halvåret|kvartalet|tertialet)"
    r"|till\s+och\s+med|t\.\s?o\.\s?m\.?|senast\s+(?:under|i)|(?:alku|loppu|keski)vuodesta|(?:alku|loppu)vuoden"
    r"|vuoden)(?:\s+år)?\s+(?P<year>(?:19|20)\d\d)\b(?:\s+(?:alussa|alkupuolella|aikana|puolivälissä|lopussa|"
    r"loppupuolella|loppuun|lopulla|alusta|jälkeen))?"
    r"|\b(?P<year_first>(?:19|20)\d\d)\s+(?:alkuvuodesta|loppuvuodesta|aikana|alusta|lopussa)\b"
)
_RELATIVE_YEAR = (
    r"\b(?:i\s+(?:höst|sommar|vinter|år)|i\s+vår(?=\s*[.,;:!?)]|\s*$|\s+(?:och|eller|samt))|under\s+(?:hösten|våren|sommaren|vintern|året)(?!\s+\d)"
    r"|senare\s+i\s+år|nästa\s+år|kommande\s+år|under\s+nästa\s+år"
    r"|tänä\s+(?:vuonna|syksynä|keväänä|kesänä|talvena)|(?:ensi|tulevana)\s+vuonna"
    r"|(?:syksyllä|keväällä|kesällä|talvella|alkuvuodesta|loppuvuodesta)(?!\s+\d))\b(?!\s+(?:19|20)\d\d)"
)

#: Titles (as word endings, so that compounds and inflected forms match).
TITLE = re.compile(
    r"(?:chef|chefen|ledare|ledaren|direktör|direktören|ordförande|ordföranden|kommunalråd|kommunalrådet|regionråd|"
    r"regionrådet|landshövding|landshövdingen|rektor|rektorn|strateg|strategen|samordnare|samordnaren|handläggare|"
    r"sekreterare|koordinator|koordinatorn|specialist|specialisten|minister|ministern|professor|"
    r"johtaja|johtajan|johtajana|päällikkö|päällikön|päällikkönä|koordinaattori|koordinaattorin|asiantuntija|"
    r"asiantuntijan|sihteeri|pormestari|rehtori|puheenjohtaja|puheenjohtajan|puheenjohtajana|valtuutettu|"
    r"kehittäjä|suunnittelija|vastaava|esittelijä|vetäjä|"
    # more Swedish and Finnish titles (the Finnish ones with their case endings)
    r"ledamot|ledamoten|utvecklare|utvecklaren|utredare|utredaren|rådgivare|rådgivaren|ombudsman|ombudsmannen|"
    r"kommunikatör|kommunikatören|informatör|informatören|planerare|planeraren|medarbetare|medarbetaren|"
    r"sakkunnig|ekonom|ekonomen|tiedottaja|tiedottajan|viestijä|"
    r"kommunråd|oppositionsråd|oppositionsrådet|generaldirektör|generaldirektören|"
    r"forskare|forskaren|lektor|lektorn|doktorand|doktoranden|assistent|assistenten|"
    r"(?:ministeri|edustaja|asiamies|asiamiehen|neuvos|neuvoksen|valtuutettu|isäntä|emäntä|"
    r"johtaja|päällikkö|päällikön|koordinaattori|asiantuntija|sihteeri|pormestari|rehtori|puheenjohtaja|"
    r"kehittäjä|suunnittelija|esittelijä|vetäjä|professori|tutkija|lehtori|tohtorikoulutettava)(?:n|na|nä|ksi|lle|lta|ltä)?)$"
    # the short ones only as whole words: a surname may end in them (Lakso)
    r"|^(?:vd|kso|ksa)$",
    re.IGNORECASE,
)
#: Words that look like names but are not persons.
NOT_NAME = frozenset(
    [
        "jag",
        "vi",
        "de",
        "det",
        "den",
        "han",
        "hon",
        "man",
        "kommun",
        "kommunen",
        "region",
        "regionen",
        "projektet",
        "projekt",
        "hanke",
        "hankkeen",
        "kaupunki",
        "kunta",
        "kaupunginhallitus",
        "kunnanhallitus",
        "kommunstyrelsen",
        "päätösehdotus",
        "päätös",
        "tiedoksi",
        "valmistelija",
        "lisätietoja",
        "kontakt",
        "kontakta",
        "för",
        "och",
        "i",
        "på",
        "av",
        "med",
        "till",
        "som",
        "vid",
    ]
)
#: Names of bodies that texts write in lower case.
LOWERCASE_NAMES = frozenset(
    ["regeringen", "regeringens", "valtioneuvosto", "valtioneuvoston", "valtioneuvostolta", "riksdagen"]
)
#: Cue words (folded, as word beginnings or phrases) per relation.
LEAD_CUES = re.compile(
    r"projektägare|projektägaren|leds av|ledd av|huvudman|huvudmannen|koordinerar|koordinator för|drivs av|"
    r"ansvarar för|hallinnoi|hallinnoima|hallinnoinnista vastaa|hallinnoij|päätoteuttaj|päähakij|"
    r"vetämä|vetämään|vetämässä|vetämää|koordinoi|koordinoima|johtama|"
    # the applicant of a granted initiative owns it
    r"\bhakija\b|\bhakijana\b|\bhakijan\b|\bsökande\b|\bhuvudsökande\b|\bsökanden\b",
    re.IGNORECASE,
)
PART_CUES = re.compile(
    r"partner|i samverkan mellan|samverkan mellan|samverkansprojekt mellan|mellan kommunerna|tillsammans med|"
    r"deltar|deltagande|medverkar|deltog|ingår|osatoteuttaj|mukana|osallistu|kumppan|yhteistyössä|yhdessä|"
    r"samarbete|samarbetet|kommunerna|kunnat|kuntaa|kuntien|kanssa|i samarbete med|yhteistyö|"
    r"\bparter\b|\bparterna\b|samarbetsparter|deltagare|osallistujat|osallistujina|"
    r"(?:samarbetar|samarbetade|samverkar|samverkade) med|yhteistyötä|sitoutu|förbinder sig|åtar sig|åtog sig",
    re.IGNORECASE,
)
#: Verbs and nouns that say an actor takes part (stronger than the cues of PART_CUES).
TAKES_PART = re.compile(
    r"\b(?:deltar|deltog|medverkar|medverkade|är med i|partner|partners|parter|parterna|deltagare|"
    r"(?:samarbetar|samarbetade|samverkar|samverkade) med|tekee yhteistyötä|tekevät yhteistyötä|"
    r"sitoutu\w*|förbinder sig|förband sig|åtar sig|åtog sig|"
    r"osallistu\w*|mukana|osatoteuttaj\w*|"
    r"kumppan\w*)\b",
    re.IGNORECASE,
)
FUND_CUES = re.compile(
    r"finansier|beviljat|beviljar|beviljade|beviljas|medfinansier|stöd från|bidrag|medel från|projektmedel|"
    r"rahoitta|rahoitus|rahoituksen|myönt|myöns|myönn|omarahoitus|kuntaraha|kuntavastin|avustus|tuki|tukea|tuen|"
    r"\bstöd\b|stödet|anslag|anslår|anslagit|tilldelat|tilldelade|"
    # a share of a total (A:n osuus, A:s andel) and money received (får, erhåller, saa) with its amount
    r"osuus|osuutena|andel|\bfår\b|\bfick\b|\bfått\b|erhåller|erhöll|erhållit|tilldelas|tilldelats|"
    r"\bsaa\b|\bsai\b|saanut|saaneet|saivat|"
    # a part paid by each (varav X bidrar med N, A betalar N, A maksaa N)
    r"\bbidrar med|\bbidrog med|\bbidragit med|\bbetalar\b|\bmaksaa\b|\bmaksavat\b|"
    # a share stated by who stands for it (A står för N, A vastaa N eurosta)
    r"\bstår för\b|\bstod för\b|\bvastaa(?:vat)?\b(?=[^.]*\beurosta\b)",
    re.IGNORECASE,
)
#: An amount followed by its part (``2,2 miljoonaa euroa, josta EU-rahoituksen osuus``): a budget, not a funding.
_PART_FOLLOWS = re.compile(r"^[\s,]*(?:josta|joista|varav|av vilka|av dessa)\b", re.IGNORECASE)
#: The European Union named as a funder (a token and the next one).
EU_FUNDING = re.compile(
    r"^(?:EU|EU:n|EU:s)(?:-(?:rahoitu|tu[ek]|stöd|medel|medlen|finansiering|bidrag|fond)\w*|"
    r"\s+(?:rahoitu|tu[ek]|stöd|medel|finansiering|bidrag|fond)\w*)"
)
NOT_FUNDING_CUES = re.compile(
    r"kokonaiskustannu|kustannusarvio|kustannukset|kokonaisbudjet|budjetti on|omslutning|totalbudget|total budget|"
    r"kostnad|kostar|"
    r"invånare|asukasta|asukkaan|arbetstillfällen|työpaikkaa",
    re.IGNORECASE,
)
#: An amount applied for (``haettava kuntavastinrahoitus oli N euroa``, ``ansöker om N kronor``):
#: no funding unless the sentence also grants it.
APPLIED_CUES = re.compile(
    r"\b(?:haettava|haettavan|haettu|haettua|haetaan|hakee|haki|hakenut|hakevat|hakivat|anottu|anottava|anoo|anoi|"
    r"ansöker|ansökte|ansökt|söker|sökte|sökt|sökta|sökande\s+belopp)\b",
    re.IGNORECASE,
)
GRANTED_CUES = re.compile(
    r"beviljat|beviljar|beviljade|beviljas|beviljats|tilldela|myönt|myöns|myönn|rahoittaa|rahoitti|finansierar|"
    r"finansierade|\bfår\b|\bfick\b|\bfått\b|\bsaa\b|\bsai\b|saanut|erhåll",
    re.IGNORECASE,
)
ORGANISE_CUES = re.compile(r"arrangera|anordna|bjuder in|står värd|värd för|järjest|isännöi", re.IGNORECASE)
PRESENT_CUES = re.compile(r"talare|föreläs|presentera|berättar|talar|puhu|esitte|alustaja|alusti", re.IGNORECASE)
PART_OF_CUES = re.compile(
    r"\bosana\b|\b(?:on|ovat|oli|olivat) osa\b|inom ramen för|ingår i|en del av|del av|osa[a-z]* hanketta|"
    r"\bkuuluu\b|\bkuuluvat\b|delprojekt|"
    r"osahanke|alahanke|ett av projekten i|yksi \w+ hankkeista",
    re.IGNORECASE,
)
MEMBER_CUES = re.compile(
    r"består av|medlemmar|medlem i|är medlem|jäsen|medlemskommuner|ägarkommuner|jäsenkun|jäseninä|jäsenet|"
    r"omistajakun|ingår i|\bg(?:å|år|ått|ick)\s+med\s+i\b|\bansl(?:uter|öt|utit|uta)\s+sig\s+till\b|"
    r"liitty\w*|kuuluvat|kuuluu",
    re.IGNORECASE,
)
#: Joining an organisation: its member is the subject (``Malå kommun går med i föreningen X``,
#: ``Sallan kunta liittyy X:n jäseneksi``).
_JOINS = re.compile(
    r"\b(?:g(?:å|år|ått|ick)\s+med\s+i|ansl(?:uter|öt|utit|uta)\s+sig\s+till|medlem\s+i)\b|\bliitty\w*|\bjäsen\w*",
    re.IGNORECASE,
)
EVENT_WORDS = {
    "Conference": re.compile(
        r"^(?:konferens|konferensen|konferenssi|konferenssin|konferenssiin|konferenssissa)$", re.I
    ),
    "Seminar": re.compile(
        r"^(?:seminari(?:um|et)|seminaari|seminaarin|seminaariin|seminaarissa|webinaari\w*|workshop\w*)$", re.I
    ),
    "Meeting": re.compile(
        r"^(?:möte|mötet|träff|träffen|sammankomst|sammankomsten|besök|besöket|kokous|kokouksen|kokouksessa|"
        r"vierailu|vierailun|vierailulla|vierailulle|tapaaminen|tapaamisen|tapaamisessa)$",
        re.I,
    ),
}
#: An event named in one word with its kind after a hyphen (``Fjällforum-seminaari``, ``Norrsken-konferensen``).
NAMED_EVENT = re.compile(
    r"^(?P<name>[A-ZÅÄÖ][\w]+)-(?P<kind>konferens|konferenssi|seminari|seminaari|webinaari)\w*$", re.IGNORECASE
)
#: Initiative kinds by the words that name them (a word ending, folded).
INITIATIVE_KINDS = (
    (re.compile(r"(?:förstudie[n]?|esiselvity\w*)$", re.IGNORECASE), "PreStudy"),
    (re.compile(r"(?:pilot(?:en)?|pilotti\w*|pilottihanke\w*)$", re.IGNORECASE), "Pilot"),
    (re.compile(r"(?:visio\w*|vision(?:en)?)$", re.IGNORECASE), "Vision"),
    (re.compile(r"(?:strategi(?:n)?|strategia\w*)$", re.IGNORECASE), "Strategy"),
    (re.compile(r"(?:program(?:met)?|ohjelma\w*)$", re.IGNORECASE), "Strategy"),
    (re.compile(r"(?:utredning(?:en)?|selvity\w*)$", re.IGNORECASE), "Inquiry"),
    (re.compile(r"(?:forskningsprojekt\w*|tutkimushanke\w*)$", re.IGNORECASE), "ResearchProject"),
)
HANKE = re.compile(
    r"^[-–]?(?:[\w-]*?)(hanke|hankkeen|hankkeeseen|hankkeessa|hankkeelle|hanketta|hankkeena|hankkeesta|hankkeella|"
    r"hankkeeseensa|pilotti|pilottia|pilotin|esiselvityshanke|esiselvityshankkeen|esiselvityshanketta|"
    r"esiselvitys|esiselvityksen|esiselvitystä|esiselvitykseen|esiselvityksessä|esiselvityksellä|"
    r"projekti|projektin|projektiin|projektissa|projektia|projektille)$",
    re.IGNORECASE,
)
PROJECT_WORD = re.compile(
    r"^(?:[\w-]*projektet|[\w-]*projektets|förstudien|förstudiens|piloten|satsningen|initiativet|nätverket|programmet|"
    r"utredningen|konceptet|visionen|visionens|strategin|strategins|handlingsplanen|utvecklingsplanen|insatsen|kampanjen|"
    r"hanke|hankkeen|hankkeeseen|hankkeessa|hanketta|hankkeelle)$",
    re.IGNORECASE,
)
#: Swedish verb forms (past and passive) that end a name running on in lower case.
SV_VERB_ENDING = re.compile(r"^(?:\w{3,}(?:ade|ades|des|tes|ats|its|as|ts)|\w+(?:ogs|ölls|öts|avs|ågs|ängs))$")
#: A Finnish kind word of initiatives written apart after a dash (``Pohjoinen voima 2025 -ohjelma``).
DASHED_KIND = re.compile(r"^[-–]?(?:ohjelma|strategia|visio|konsepti|selvity|nimi(?:nen|se))\w*$", re.IGNORECASE)
#: A capitalised name said to be a project (``X är ett samverkansprojekt``, ``X on hanke``).
NAMED_BY_PREDICATE = re.compile(
    r"^((?:[A-ZÅÄÖ][\w&-]*)(?:\s+(?:[A-ZÅÄÖ][\w&-]*|on|up|&|of|the|and|i|för)){0,5})\s+"
    r"(?:är|var|on)\s+(?:ett|en|yksi)?\s*\w*(?:projekt|hanke|förstudie|satsning|pilot|nätverk)\b"
)
#: A capitalised name that someone leads (``projektledare för X``, ``hankepäällikkö X``).
NAMED_BY_LEADER = re.compile(
    r"(?:projektledare|projektledaren|hankepäällikkö|projektipäällikkö)\s+(?:för|i)\s+"
    r"((?:[A-ZÅÄÖ][\w&-]*)(?:\s+(?:[A-ZÅÄÖ][\w&-]*|on|up|&|of|the|and)){0,5})"
)
#: A funder's name glued to a word for funding: ``Formasfinansierade``, ``Vinnova-finansierat``.
FUNDED_COMPOUND = re.compile(
    r"^([A-ZÅÄÖ][\w]{2,}?)-?(?:finansierad\w*|finansierat|delfinansierad\w*|rahoittei\w+|rahoittama\w*)$"
)
#: Finnish kind words of initiatives in the nominative that a name may follow (``Esiselvitys X``).
FI_KIND_FIRST = re.compile(r"^(?:esiselvitys|pilotti|strategia|visio|kehittämisohjelma|ohjelma|selvitys)$", re.I)
#: Words that give an initiative its name, the name after them: ``projektet som kallas X``,
#: ``under namnet X``; ``hankkeen nimeltä X``, ``hankkeen nimi on X``.
NAMING_PHRASE = {
    "sv": re.compile(
        r"\b(?:(?:som|vilket|vilken)\s+(?:kallas|heter|benämns|fått namnet|har fått namnet)|"
        r"(?:med|under)\s+namnet|går under namnet)\s+(?=[A-ZÅÄÖ\"”“«])"
    ),
    "fi": re.compile(r"\b(?:nimeltä|nimeltään|nimellä|nimi on|nimenä on|nimeksi tuli)\s+(?=[A-ZÅÄÖ\"”“«])"),
}
#: Political parties by the abbreviation written after a politician's name: ``Rickard Carstedt (S)``,
#: ``Matti Virtanen (kesk.)``. Sources: the parties' own short forms as the Swedish Riksdag and the
#: Finnish Eduskunta print them.
PARTIES = {
    "sv": {
        "S": "Socialdemokraterna",
        "M": "Moderaterna",
        "C": "Centerpartiet",
        "V": "Vänsterpartiet",
        "KD": "Kristdemokraterna",
        "L": "Liberalerna",
        "FP": "Folkpartiet",
        "MP": "Miljöpartiet",
        "SD": "Sverigedemokraterna",
    },
    "fi": {
        "kesk": "Suomen Keskusta",
        "kok": "Kansallinen Kokoomus",
        "sd": "Suomen Sosialidemokraattinen Puolue",
        "sdp": "Suomen Sosialidemokraattinen Puolue",
        "ps": "Perussuomalaiset",
        "vas": "Vasemmistoliitto",
        "vihr": "Vihreä liitto",
        "r": "Suomen ruotsalainen kansanpuolue",
        "rkp": "Suomen ruotsalainen kansanpuolue",
        "kd": "Suomen Kristillisdemokraatit",
        "liik": "Liike Nyt",
    },
}
#: A name of two or three capitalised words, then a party in brackets.
PARTY_MEMBER = re.compile(
    r"(?P<name>[A-ZÅÄÖ][\w'-]+(?:[ -][A-ZÅÄÖ][\w'-]+){1,2})\s*\(\s*(?P<party>[A-Za-zÅÄÖåäö]{1,4})\.?\s*\)"
)
#: A board in the genitive before a chair's or member's title, its owner unnamed: a region's or
#: regional council's (``Regionstyrelsens``, ``maakuntahallituksen``) or a municipality's.
BOARD_GENITIVE = re.compile(
    r"^(?:(?P<region>region(?:styrelsens|fullmäktiges)|"
    r"maakunta(?:hallituksen|valtuuston))|"
    r"kommun(?:styrelsens|fullmäktiges)|(?:kunnan|kaupungin)(?:hallituksen|valtuuston))$",
    re.IGNORECASE,
)
#: A municipality's board or council (its money is the municipality's).
MUNICIPAL_BOARD = re.compile(
    r"(?:kunnanhallitus|kaupunginhallitus|kunnanvaltuusto|kaupunginvaltuusto|kommunstyrelsen|kommunfullmäktige)\b",
    re.IGNORECASE,
)
#: Verbs of carrying an initiative out or taking place somewhere (its place follows).
PLACED = re.compile(
    r"\b(?:genomförs|genomföras|bedrivs|pågår|äger rum|sker|verkar|startar|drivs|"
    r"toteutetaan|toteutettiin|toteutuu|järjestetään|sijoittuu|käynnistyy|käynnistetään|toimii|tapahtuu)\b",
    re.IGNORECASE,
)
#: Titles of a region or regional council (``regionråd``, ``regiondirektör``, ``maakuntajohtaja``).
REGION_TITLE = re.compile(
    r"^(?:regionråd|regionrådet|regiondirektör|regiondirektören|maakuntajohtaja|maakuntahallituksen puheenjohtaja|"
    r"maakuntavaltuuston puheenjohtaja|regionstyrelsens ordförande)\w*$",
    re.IGNORECASE,
)
#: The governor's title: the post is at the county administrative board.
COUNTY_TITLE = re.compile(r"^landshövding\w*$", re.IGNORECASE)
#: Titles that only a municipality's officials hold: the post is in a municipality.
MUNICIPAL_TITLE = re.compile(
    r"^(?:kunnanjohtaja|kaupunginjohtaja|kommunchef|kommundirektör|kommunalråd|stadsdirektör)\w*$", re.IGNORECASE
)
#: A municipality named in the nominative with its kind word: the text speaks as it.
SPEAKS = (" kaupunki", " kunta", " kommun")
#: The decision (or its proposal) of a minute: ``Päätösehdotus (kaupunginjohtaja): …``, ``Beslut: …``.
DECISION = re.compile(r"^\s*(?:päätösehdotus|päätös|esitys|ehdotus|beslut|förslag till beslut|beslutsförslag)\b", re.I)
#: A Finnish word in a local case or the partitive (``kaupungilta``, ``rahoitusta``): no part of a name.
LOCAL_CASE = re.compile(r"\w{3,}(?:lta|ltä|sta|stä|tta|ttä|lle|lla|llä|ssa|ssä)$")
#: Committees, boards and units of a municipality or region, as one word (any inflection).
BODY = re.compile(
    r"^\w*(?:nämnden|nämnd|styrelsen|styrelse|fullmäktige|förvaltningen|"
    r"lautakunta|lautakunnan|lautakunnalle|hallitus|hallituksen|hallitukselle|hallituksessa|valtuusto|valtuuston|"
    r"ryhmä|ryhmän|ryhmälle|ryhmässä|toimiala|toimialan|toimialalla|toimialalle|toimialaa)$",
    re.IGNORECASE,
)
COMPANY_SUFFIX = re.compile(r"^(?:oy|oyj|ab|aktiebolag)(?::\w+)?\.?$", re.IGNORECASE)
ASSOCIATION_SUFFIX = re.compile(r"^(?:ry|r\.y\.|rf|förening|föreningen)(?::\w+)?\.?$", re.IGNORECASE)
UNIVERSITY = re.compile(
    r"(?:universitet|universitetet|yliopisto|yliopiston|ammattikorkeakoulu|ammattikorkeakoulun|högskola|högskolan|"
    r"ammattiopisto|ammattiopiston|folkhögskola|folkhögskolan|kansanopisto|kansanopiston)$",
    re.IGNORECASE,
)
BODY_WORD = re.compile(
    r"^[A-ZÅÄÖ][\w-]+(?:rådet|förbundet|liitto|liiton|kuntayhtymä|kuntayhtymän|säätiö|säätiön|stiftelsen|"
    r"nätverket|akademin|institutet|verket|myndigheten|keskus|keskuksen|föreningen|förening|"
    r"yhdistys|yhdistyksen|osuuskunta|osuuskunnan|kooperativ|kooperativet)$"
)
#: Words that end a name running on in lower case (``projektet Samhällsinnovation i glesa geografin bygger på``).
NAME_STOP = frozenset(
    [
        "är",
        "var",
        "har",
        "hade",
        "ska",
        "skall",
        "kommer",
        "kan",
        "bygger",
        "genomförs",
        "genomfördes",
        "startar",
        "startade",
        "pågår",
        "syftar",
        "handlar",
        "finansieras",
        "leds",
        "drivs",
        "som",
        "med",
        "för",
        "och",
        "att",
        "där",
        "vilket",
        "samt",
        "på",
        "till",
        "inom",
        "från",
        "av",
        "om",
        "har",
        "vill",
        "blir",
        "blev",
        "beviljades",
        "ägs",
        "ägdes",
        "hålls",
        "hölls",
        "sker",
        "skedde",
        "beviljats",
        "får",
        "fick",
        "ger",
        "gav",
        # prepositions and adverbs that follow a name: förstudien X tillsammans med Y
        "tillsammans",
        "genom",
        "via",
        "inför",
        "även",
        "också",
    ]
)
CONNECTORS = frozenset(
    ["on", "up", "of", "the", "and", "for", "in", "i", "och", "för", "av", "de", "du", "la", "le", "–", "-"]
)
FI_STOP = frozenset(
    [
        "ja",
        "sekä",
        "tai",
        "on",
        "ovat",
        "osana",
        "myös",
        "kuten",
        "eli",
        "joka",
        "jonka",
        "sen",
        "hankkeen",
        "hanke",
        "uusi",
        "uuden",
        "kaupungin",
        "kunnan",
        "kaupunki",
        "kunta",
        "kuntien",
        "koko",
        "alueen",
        "alueellinen",
        "yhteinen",
        "yhteisen",
        "päätti",
        "päättänyt",
    ]
)
#: Finnish conjunctions that open a clause: no part of a name.
FI_CONJUNCTIONS = frozenset(["että", "jotta", "kun", "koska", "mutta", "vaikka", "jos", "kuin"])
SV_STOP = frozenset(
    [
        "och",
        "samt",
        "eller",
        "är",
        "var",
        "har",
        "det",
        "den",
        "en",
        "ett",
        "som",
        "att",
        "för",
        "med",
        "av",
        "till",
        "i",
        "på",
        "om",
        "nya",
        "nytt",
        "kommunens",
        "kommunen",
    ]
)
_AMOUNT = re.compile(
    r"(?P<approx>\b(?:noin|ca\.?|cirka|omkring|runt|drygt|nästan|närmare|yli|lähes|arviolta|about)\s+)?"
    r"(?:(?P<precurrency>€|EUR|SEK)\s?)?"
    r"(?:(?P<number>\d{1,3}(?:[ \u00a0]\d{3})+|\d{1,3}(?:\.\d{3}){2,}|\d+)(?:[,.](?P<decimals>\d+))?"
    # a number in words before a scale word: en miljon, en halv miljon, två miljoner, puoli miljoonaa
    r"|\b(?P<word>(?:en\s+)?halv|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|puoli|yksi|kaksi|kolme|neljä|viisi|"
    r"kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen)(?=\s+(?:miljon|miljoon|miljard)))\s*"
    r"(?P<scale>miljardia|miljarder|miljardi|miljard|mdkr|mrd\.?|miljoonaa|miljoonan|miljoona|miljoner|miljon|"
    r"milj\.?|mnkr|mkr|msek|meur\b|teur\b|mn\b|tkr|tusen|tuhatta|tuhannen|t€|k€|m€|M€)?\s*"
    r"(?P<currency>kronor|kronorna|kr\b|sek\b|euroa|euron|euroilla|eurolla|euroon|euro|eur\b|€|e\b|:-)?"
    r"(?P<per>\s*(?:/|per\b|om\b|i\b|vuodessa|vuosittain|årligen)\s*(?:kommun|kunta)?\s*/?\s*(?:året|år|vuosi|v\b|vuodessa)?)?",
    re.IGNORECASE,
)
_EACH = re.compile(
    r"vardera|per kommun|/\s*kunta|kuntaa kohden|kukin|varje kommun|kullekin|var och en|kumpikin|"
    r"(?:kronor|kr|euro|euroa|€)\s+var\b",  # 400 000 kronor var: each
    re.IGNORECASE,
)
#: An amount each one receives (``upp till 5,3 miljoner kronor per kommun``, ``N euroa kuntaa
#: kohden``): the grantor pays it to each, the partners do not pay it.
_EACH_RECEIVES = re.compile(
    r"per kommun|per partner|per deltagare|/\s*kunta|kuntaa kohden|kuntaa kohti|varje kommun får|kullekin",
    re.IGNORECASE,
)
#: Money received or granted without its giver (``får``, ``sai``, ``beviljades``, ``myönnettiin``).
RECEIVED = re.compile(
    r"\b(?:får|fått|fick|erhåller|erhållit|erhöll|tilldelas|tilldelats|tilldelades|beviljas|beviljades|beviljats|"
    r"saa|sai|saanut|saaneet|saivat|myönnettiin|myönnetään|myönnetty|on myönnetty)\b",
    re.IGNORECASE,
)
#: Money for several initiatives at once (``till tre projekt``, ``kolmelle hankkeelle``): a sum.
SUM_OF_MANY = re.compile(
    r"\b(?:\d+|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|flera|ett antal|"
    r"kahdelle|kolmelle|neljälle|viidelle|kuudelle|seitsemälle|kahdeksalle|yhdeksälle|kymmenelle|useille|"
    r"kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen)\s+(?:\w+\s+)?"
    r"(?:projekt|projekten|utvecklingsprojekt|hankkeelle|hankkeille|hanketta|hankkeeseen)\b",
    re.IGNORECASE,
)
#: A grant told in the passive (its receiver named beside it, its giver not).
PASSIVE_GRANT = re.compile(
    r"\b(?:beviljades|beviljats|beviljas|tilldelas|tilldelats|tilldelades|myönnettiin|myönnetään|on myönnetty)\b",
    re.IGNORECASE,
)
#: A condition before a grant (``sillä edellytyksellä, että hankkeelle myönnetään``, ``under
#: förutsättning att projektet beviljas``): no grant is told.
CONDITION = re.compile(
    r"\b(?:edellytyksellä|edellyttäen|mikäli|jos|förutsatt|förutsättning|villkor|om projektet)\b", re.IGNORECASE
)
#: A sentence that refers back to an initiative: a project word in any inflection, or a pronoun
#: opening it (``Det genomförs …``, ``Siinä ovat mukana …``).
REFERS = re.compile(
    r"\b(?:projekt(?:et|ets)?|förstudien|satsningen|piloten|hanke|hankkeen|hanketta|hankkeessa|hankkeeseen|"
    r"hankkeelle|esiselvitys|esiselvityksen|esiselvityksessä)\b|^\W*(?:Det|Den|Dess|Se|Sen|Siinä|Sitä|Siihen|Sille)\b",
    re.IGNORECASE,
)
#: Money shared out (``fördela 70 miljoner``, ``jakaa 2 miljoonaa euroa``): a grant.
SHARED_OUT = re.compile(r"\b(?:fördela|fördelar|fördelade|fördelas|jakaa|jakoi|jaetaan|jaettiin)\b", re.IGNORECASE)
_YEARLY = re.compile(
    r"per år|om året|i året|/\s*år|årligen|årlig[at]?\b|vuodessa|/\s*vuosi|vuosittai\w*|vuotui\w*", re.IGNORECASE
)
_DURATION = re.compile(
    r"(?P<n>\d+(?:[,.]\d+)?|ett|en|två|tre|fyra|fem|yksi|kaksi|kolme|neljä|viisi)\s*"
    r"(?P<unit>år|månader|vuotta|vuoden|vuodeksi|kuukautta|kuukauden)\b"
    r"|(?P<adj>ett|två|tre|fyra|fem|kaksi|kolmi|neli|viisi|yksi)(?:årig[at]?|vuotinen|vuotisen|vuotiseen)",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "ett": 1,
    "en": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "yksi": 1,
    "kaksi": 2,
    "kolme": 3,
    "kolmi": 3,
    "neljä": 4,
    "neli": 4,
    "viisi": 5,
}
START_CUES = re.compile(
    r"start|påbörja|inleds|från och med|alkaa|alkoi|aloit|käynnist|toteutusaika|pågår|löper|mellan|kesto|ajalle|"
    r"kestää|kesti|\bvarar\b|sträcker sig|genomför\w*|äger rum|toteutetaan|toteutettiin|toteuttaa|toteutuu",
    re.IGNORECASE,
)
#: (``slutar`` as a word: ``beslutar``, decides, ends nothing)
END_CUES = re.compile(r"avslutas|\bslutar\b|till och med|päättyy|loppuun", re.IGNORECASE)
#: The labels of label–value lines in lists of granted projects (folded), by what the value is.
LABELS = {
    "name": r"projekt|projektnamn|projektets namn|projektnamnet|namn|hanke|hankkeen nimi|hankenimi|nimi|"
    r"projektets titel|projekti",
    "owner": r"projektagare|projektagaren|sokande|huvudsokande|stodmottagare|projektansvarig organisation|"
    r"hakija|paahakija|toteuttaja|paatoteuttaja|hallinnoija|tuensaaja|tuen saaja|hankkeen toteuttaja",
    "partner": r"partner|partners|partner i projektet|samverkanspartner|samverkanspartners|medsokande|"
    r"osatoteuttaja|osatoteuttajat|kumppani|kumppanit|yhteistyokumppanit|medverkande kommuner|mukana olevat kunnat",
    "funder": r"finansiar|finansiarer|rahoittaja|rahoittajat|medfinansiar|medfinansiarer",
    "amount": r"beviljat belopp|beviljat stod|beviljade medel|beviljat|belopp|stod|bidrag|tilldelat belopp|"
    r"myonnetty tuki|myonnetty|myonnetty rahoitus|tuki|avustus|rahoitus|tuen maara|myonnetty avustus",
    "period": r"projekttid|projektperiod|genomforandetid|period|tid|projektets lopttid|lopttid|"
    r"toteutusaika|hankeaika|hankkeen kesto|kesto|toteutusajanjakso|ajanjakso",
}
#: A grant told in a sentence: who grants stands before the verb.
GRANTED = re.compile(
    r"\b(?:har beviljat|beviljar|beviljade|beviljat|fördelar|fördelade|tilldelar|tilldelade|myönsi|myöntää|"
    r"on myöntänyt|myönsivät|jakoi|jakaa)\b",
    re.IGNORECASE,
)
#: A sentence that opens a list of granted initiatives (``Följande projekt beviljades medel:``,
#: ``Maakuntahallitus myönsi rahoitusta seuraaville hankkeille:``): a grant and a list word or a colon.
GRANT_LIST = re.compile(
    r"(?:bevilja\w*|tilldela\w*|fördela\w*|medel|stöd|bidrag|myön\w*|rahoitu\w*|tuke\w*|avustu\w*|jako\w*)"
    r".*(?:följande|nedanstående|nedan|seuraav\w*|alla oleva\w*|:\s*$)",
    re.IGNORECASE,
)
LABEL_LINE = re.compile(
    r"^\s*[-•*]?\s*(?P<label>[A-ZÅÄÖa-zåäö][\w -]{1,40}?)\s*:\s*(?P<value>\S.*)$",
)
#: A line that dates the text itself: its publication or last update.
PUBLISHED = re.compile(
    r"publicerad|publiceringsdatum|publicerat|senast uppdaterad|uppdaterad|datum:|"
    r"julkaistu|julkaisupäivä|päivitetty|muokattu|päivämäärä:|published|updated",
    re.IGNORECASE,
)


@dataclass
class Mention:
    """A span of the text naming an entity (by key)."""

    key: str
    start: int  # token index in the sentence's doc
    end: int
    char_start: int
    char_end: int
    role: str = "actor"  # actor, initiative, person, event, area


def _fold(text: str) -> str:
    from kg.core.labels import fold

    return re.sub(r"\s+", " ", fold(text.replace("–", "-").replace("—", "-"))).strip()


def _is_cap(token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _has_cap(token) -> bool:
    """A capital anywhere (``indusTryWINs``): a name's word, even when it starts in lower case."""
    return any(c.isupper() for c in token.text) and any(c.isalpha() for c in token.text)


class Reader:
    """What ``kg ingest`` loads once: the blank spaCy pipelines and the reconciler.

    ``reconciler`` is a :class:`kg.reconciliation.Reconciler` over the graph names are matched
    against (default: the shipped or local data)."""

    def __init__(self, reconciler=None) -> None:
        import spacy
        from spacy.matcher import Matcher

        from kg.reconciliation import default_reconciler

        self.reconciler = reconciler if reconciler is not None else default_reconciler()
        self.nlp = {}
        self.matchers = {}
        self.cues = {}
        for lang in ("sv", "fi"):
            nlp = spacy.blank(lang)
            nlp.add_pipe("sentencizer")
            ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
            ruler.add_patterns(self._ruler_patterns())
            self.nlp[lang] = nlp
            matcher = Matcher(nlp.vocab)
            # an inquiry: SOU 2024:6, Ds 2023:12
            matcher.add("INQUIRY", [[{"TEXT": {"IN": ["SOU", "Ds", "Dir."]}}, {"TEXT": {"REGEX": r"^\d{4}:\d+$"}}]])
            self.matchers[lang] = matcher
            self.cues[lang] = _cue_matcher(nlp.vocab, lang)
        self._cache: dict[tuple[str, str], list] = {}
        self._kinds: dict[str, set[str]] = {}
        from kg.core.namespaces import KG

        for family in ("Municipality", "AdministrativeArea", "Initiative", "FundingBody", "Person", "Event"):
            self._kinds[family] = {str(c) for c in self.reconciler.subclasses.get(KG[family], {KG[family]})}

    @staticmethod
    def _ruler_patterns() -> list[dict]:
        """EntityRuler patterns: the unambiguous kind words of organisations."""
        patterns = []
        for word in ("Oy", "Oyj", "AB", "Ab", "ry", "r.y."):
            kind = "ORG_COMPANY" if word.lower() in ("oy", "oyj", "ab") else "ORG_ASSOCIATION"
            patterns.append(
                {"label": kind, "pattern": [{"IS_TITLE": True, "OP": "+"}, {"TEXT": {"REGEX": f"^{re.escape(word)}"}}]}
            )
        return patterns

    # ------------------------------------------------------------------ reconciliation
    def lookup(self, name: str, lang: str) -> list:
        """Candidates for ``name`` as :class:`kg.reconciliation.index.Hit` (no fuzzy matching)."""
        key = (name, lang)
        if key not in self._cache:
            hits = self.reconciler.candidates(name, lang=lang, limit=4, fuzzy=False)
            bare = _foreign_stem(name) if lang == "fi" else None
            if bare and (not hits or hits[0].score < 90):
                # Business Finlandin, Tillväxtverketille: a Finnish ending on a name that ends in a consonant
                retried = self.reconciler.candidates(bare, lang=lang, limit=4, fuzzy=False)
                if retried and retried[0].score >= 90 and retried[0].method != "generic":
                    hits = retried
            self._cache[key] = hits
        return self._cache[key]

    def lookup_fuzzy(self, name: str, lang: str) -> list:
        return self.reconciler.candidates(name, lang=lang, limit=4, fuzzy=True)

    def entity_kind(self, index: int) -> str:
        """The ``kg:`` local name of an entity's most specific class."""
        return self.reconciler.type_name(self.reconciler.entities[index])

    def family(self, index: int) -> str:
        types = {str(t) for t in self.reconciler.entities[index].types}
        for family in ("Municipality", "AdministrativeArea", "Initiative", "FundingBody", "Person"):
            if types & self._kinds[family]:
                return family
        return "Organisation"

    # ------------------------------------------------------------------ reading
    def read(
        self, text: str, lang: str, *, stem: str = "document", issued: str | None = None, headings: tuple = ()
    ) -> Proposals:
        """The proposals for ``text`` written in ``lang`` (``sv`` or ``fi``). ``issued`` is the
        publication date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) when known; else it is read
        from the head of the text. ``headings``: the offsets of the lines that were Markdown
        headings (their ``#`` blanked), the first candidates for the title."""
        document = _Document(self, text, lang, stem, issued)
        document.headings = tuple(headings)
        return document.run()


def _foreign_stem(name: str) -> str | None:
    """``name`` without the Finnish case ending a name ending in a consonant takes after an ``i``
    (``Business Finlandin`` -> ``Business Finland``, ``Tillväxtverketille`` -> ``Tillväxtverket``),
    else None.

    >>> _foreign_stem("Business Finlandin"), _foreign_stem("Tillväxtverketille"), _foreign_stem("Kainuun liitto")
    ('Business Finland', 'Tillväxtverket', None)
    """
    found = re.search(r"(?<=[bcdfghjklmnpqrstvwxz])i(?:n|a|in|lle|lta|ltä|ssa|ssä|sta|stä|lla|llä|ksi)$", name)
    return name[: found.start()] if found and found.start() >= 3 else None


def _segments(text: str):
    """(start, end) of each non-empty line of ``text``."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + len(line.rstrip())
        pos += len(line) + 1


class _Document:
    def __init__(self, reader: Reader, text: str, lang: str, stem: str, issued: str | None) -> None:
        self.r = reader
        self.text = text
        self.lang = lang
        self.nlp = reader.nlp[lang]
        self.p = Proposals(stem=stem, lang=lang, title="", issued=issued, publisher=None)
        self.sentences: list = []  # (number, spaCy span, line start offset)
        self.mentions: dict[int, list[Mention]] = {}
        self.by_iri: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.year: int | None = None
        self.paragraph: dict[int, int] = {}
        self.unclear: set[int] = set()  # sentences after a list of several initiatives (no single one meant)
        self.labelled: set[int] = set()  # label–value lines of a project list (read by _labelled_lines)
        self.granted_by: dict[int, str] = {}  # items of a list of grants -> who grants (read by _grant_lists)
        self.grant_openers: set[int] = set()  # sentences that open such a list
        self.headings: tuple[int, ...] = ()  # offsets of the Markdown headings (see Reader.read)
        self.title_start: int | None = None  # where the title starts in the text
        self.told_grant: str | None = None  # the initiative of a grant that names no project (_told_grant)
        self._grantor_read = False  # _text_grantor has looked
        self.budgets: dict[str, tuple[str | None, str]] = {}  # initiative -> its total budget (amounts.budget_of)
        self._grantor_found: str | None = None
        self._board_meetings: list[str] = []  # meetings of deciding bodies (read by _meetings)
        self.clause_subjects: dict[int, list[str]] = {}  # sentence -> its verbs' subjects (kg.ingest.clauses)

    # ------------------------------------------------------------------ helpers
    def evidence(self, number: int, sent, start: int, end: int) -> Evidence:
        a, b = sent[start].idx, sent[end - 1].idx + len(sent[end - 1].text)
        return Evidence(number, a, b, self.text[a:b])

    def entity(
        self,
        kind: str,
        name: str,
        ev: Evidence,
        *,
        iri: str | None = None,
        confidence: float = 0.8,
        candidates: list[str] | None = None,
        country: str | None = None,
    ) -> str:
        """The key of the entity (an existing proposal with the same IRI or name, else a new one)."""
        if kind == "Person" and self.lang == "fi" and not iri:
            name = _person_base(name)
        folded = _fold(name)
        key = self.by_iri.get(iri) if iri else self.by_name.get(folded)
        if key is None and not iri:
            # a new name that the graph knows: reconcile it (fuzzy, within its family)
            iri, confidence, candidates = self._reconcile_new(name, kind, confidence)
            key = self.by_iri.get(iri) if iri else None
        if key is not None:
            self.p.entities[key].mentions += 1
            return key
        key = f"e{len(self.p.entities) + 1}"
        self.p.entities[key] = EntityProposal(
            key, kind, name, ev, iri=iri, confidence=confidence, candidates=candidates or [], country=country
        )
        if iri:
            self.by_iri[iri] = key
        self.by_name[folded] = key
        return key

    def _reconcile_new(self, name: str, kind: str, confidence: float):
        hits = self.r.lookup_fuzzy(name, self.lang)
        wanted = "Initiative" if kind in _INITIATIVE_KINDS else "Person" if kind == "Person" else None
        # a new name is matched within its family only: a company is never a municipality
        hits = [
            h
            for h in hits
            if (wanted is None and self.r.family(h.entity) in ("Organisation", "FundingBody"))
            or self.r.family(h.entity) == wanted
        ]
        described = [
            f"{self.r.reconciler.entities[h.entity].label(self.lang)} <{self.r.reconciler.entities[h.entity].iri}> "
            f"({h.score:.0f}, {h.method})"
            for h in hits
        ]
        if hits and hits[0].score >= 90 and (len(hits) == 1 or hits[0].score - hits[1].score >= 5):
            return str(self.r.reconciler.entities[hits[0].entity].iri), confidence, described[1:]
        if hits and hits[0].score >= 75:
            # uncertain: a new entity is proposed, the graph's candidates listed for the reviewer
            return None, min(confidence, 0.5), described
        return None, confidence, []

    def relation(self, subject: str, relation: str, obj: str, ev: Evidence, confidence: float = 0.7, **extra) -> None:
        if subject is None or obj is None:
            return
        if relation == "memberOf" and DECIDING_BODY.search(self.p.entities[obj].name.split()[-1]):
            return  # a board or council has no members that are organisations (Kunnanhallitus päätti, että kunta …)
        self.p.add_relation(RelationProposal(subject, relation, obj, ev, confidence, **extra))

    def kind_of(self, key: str) -> str:
        return self.p.entities[key].kind

    def is_initiative(self, key: str) -> bool:
        return self.kind_of(key) in _INITIATIVE_KINDS

    def is_actor(self, key: str) -> bool:
        return not self.is_initiative(key) and self.kind_of(key) not in ("County", "Maakunta", "Country")

    # ------------------------------------------------------------------ steps
    def run(self) -> Proposals:
        number = 0
        # a slash glued to a name (/Luleå tekniska universitet) is read as a space: offsets stay the same
        readable = re.sub(r"(?<![\w/])/(?=[A-ZÅÄÖ])", " ", self.text)
        for paragraph, (start, end) in enumerate(_segments(self.text)):
            doc = self.nlp(readable[start:end])
            for sent in doc.sents:
                number += 1
                # each sentence its own Doc: token indices and character offsets count from its start
                self.sentences.append((number, sent.as_doc(), start + sent.start_char))
                self.paragraph[number] = paragraph
        self._issued()
        self._title()
        for number, sent, offset in self.sentences:
            self._named_by_kind(number, sent, offset)
            self._organisation_names(number, sent, offset)
        for number, sent, offset in self.sentences:
            self._known(number, sent, offset)
            self._funded_compound(number, sent, offset)
        for number, sent, offset in self.sentences:
            self._patterns(number, sent, offset)
        self._slash_lines()
        self._acronyms()
        self._bare_acronyms()
        self._again()
        for number, sent, offset in self.sentences:
            self._persons(number, sent, offset)
            self._party_members(number, sent, offset)
        for number, sent, offset in self.sentences:
            self._listed_with_actors(number, sent, offset)
        self._byline()
        self._publisher()
        self._labelled_lines()
        main = self._main_initiative()
        if main is None:
            main = self._told_grant()
            self._headline_period()
        # ends told without a proper name (kg.ingest.ends), after the main initiative is chosen
        owned_plans(self)
        described_initiatives(self)
        finnish_agreements(self)
        dashed_events(self)
        self._grant_lists()
        for number, sent, offset in self.sentences:
            self._relations(number, sent, offset, main)
            self._money(number, sent, offset, main)
            self._dates(number, sent, offset, main)
        self._boards_pay_for_their_municipality()
        self._meetings()
        self._titled_event()
        self._ends_from_durations()
        self._yearly_periods()
        self._report_years()
        self._located()
        self._in_areas(main)
        self._drop_unmentioned()
        return self.p

    def _boards_pay_for_their_municipality(self) -> None:
        """Money a municipality's board or council decides on (``Kunnanhallitus päättää myöntää
        hankkeelle 5 000 euroa``, ``Kommunstyrelsen beslutar att medfinansiera …``) is the
        municipality's: the one named inside the board's name (``Sallan kunnanhallitus``,
        ``Kommunstyrelsen i Sorsele``), else the publishing municipality."""
        owners: dict[str, str] = {}
        for number, _, _ in self.sentences:
            items = self.mentions.get(number, ())
            for body in items:
                if body.key in owners or not MUNICIPAL_BOARD.search(self.p.entities[body.key].name):
                    continue
                inside = [
                    m.key
                    for m in items
                    if m is not body and body.start <= m.start < body.end and self.kind_of(m.key) == "Municipality"
                ]
                if inside:
                    owners[body.key] = inside[0]
        for r in list(self.p.relations):
            if r.relation != "funds" or self.kind_of(r.subject) == "Municipality":
                continue
            if not MUNICIPAL_BOARD.search(self.p.entities[r.subject].name):
                continue
            owner = owners.get(r.subject)
            if owner is None and self.p.publisher and self.kind_of(self.p.publisher) == "Municipality":
                owner = self.p.publisher
            if owner is None:
                continue
            self.p.relations.remove(r)
            r.subject = owner
            self.p.add_relation(r)

    def _ends_from_durations(self) -> None:
        """An initiative with a start and a planned duration but no end (``startade i september
        2023 … under tre år``, told in different sentences) ends in the year the duration runs
        out: an ``xsd:gYear``, since the text gives the end no finer."""
        for entity in self.p.entities.values():
            if entity.iri is None and entity.start and entity.duration and entity.end is None:
                entity.end = _end_year(entity.start, entity.duration)

    def _yearly_periods(self) -> None:
        """An amount a year for an initiative whose years the text gives (``vuosina 2024–2026 …
        vuosittain 3 000 euroa``, ``under 2025–2027 … 50 000 kronor per år``) runs over those years:
        the funding gets the initiative's start and end once every sentence's dates are read (the
        amount is read before the dates of its sentence, so it had the document's year as its start
        and no end)."""
        for r in self.p.relations:
            if r.relation != "funds" or not r.yearly or r.end is not None:
                continue
            initiative = self.p.entities[r.object]
            if initiative.start and initiative.end and initiative.start[:4] <= initiative.end[:4]:
                r.start, r.end = initiative.start, initiative.end

    def _drop_unmentioned(self) -> None:
        """Entities whose every mention a longer name took over (the Kajaani of ``Kajaanin
        ammattikorkeakoulu``), that no proposal refers to, are not proposed."""
        used = {self.p.publisher} | {k for e in self.p.entities.values() for k in e.located_in}
        used |= {r.subject for r in self.p.relations} | {r.object for r in self.p.relations}
        used |= {m.key for items in self.mentions.values() for m in items}
        for key in [k for k, e in self.p.entities.items() if e.mentions <= 0 and k not in used]:
            del self.p.entities[key]

    def _in_areas(self, main: str | None) -> None:
        """The document's main initiative lies in the counties, regions and maakunnat the text
        places things in: ``i Norrbotten``, ``Kainuussa``, ``Pohjois-Pohjanmaalla`` (a locative,
        not a name inside another, like ``Region Norrbotten``)."""
        if main is None or self.kind_of(main) in _EVENTS:
            return
        for number, sent, offset in self.sentences:
            for m in self.mentions.get(number, ()):
                if self.kind_of(m.key) not in ("County", "Maakunta", "Region") or m.role != "area":
                    continue
                written = sent[m.start : m.end].text
                if self.lang == "sv":
                    located = m.start > 0 and sent[m.start - 1].text.lower() in ("i", "inom", "runt", "över")
                else:
                    located = bool(re.search(r"(?:ssa|ssä|lla|llä)$", written))
                if located:
                    ev = self.ev(number, sent, offset, max(0, m.start - 1), m.end)
                    self.relation(main, "locatedIn", m.key, ev, 0.4)

    def _deciding_body(self, key: str) -> bool:
        """Whether the entity is a board, council or committee (:data:`DECIDING_BODY`) that meets."""
        entity = self.p.entities[key]
        if self.is_initiative(key) or entity.kind in ("Person", "Municipality", "County", "Maakunta", "Country"):
            return False
        head = entity.name.split(" i ")[0].split()
        return bool(head) and bool(DECIDING_BODY.search(head[-1]))

    def _day_told(self, text: str) -> str | None:
        """The day a sentence tells by the day the text was issued: ``i dag``/``tänään`` that day,
        ``i går``/``eilen`` the day before, a weekday (``i måndags``, ``på tisdagen``,
        ``maanantaina``) the last such day on or before it; None without an issued day."""
        if not self.p.issued or len(self.p.issued) != 10:
            return None
        issued = dt.date.fromisoformat(self.p.issued)
        if TODAY.search(text):
            return issued.isoformat()
        if re.search(r"\b(?:i går|igår|eilen)\b", text, re.IGNORECASE):
            return (issued - dt.timedelta(days=1)).isoformat()
        found = WEEKDAY[self.lang].search(text)
        if found is None:
            return None
        stem = found.group(1).lower()
        weekday = next(k for k, day in enumerate(WEEKDAYS[self.lang]) if stem.startswith(day))
        return (issued - dt.timedelta(days=(issued.weekday() - weekday) % 7)).isoformat()

    def _meetings(self) -> None:
        """Meetings of a deciding body (a board, council or committee of a municipality, region or
        association): a sentence that names the body and its meeting (``sammanträde``, ``möte``,
        ``kokous``, ``kokoontui`` in any inflection), or a minute's heading that opens with the body
        (``Kunnanhallitus 12.03.2024 § 45``), with the meeting's day (``den 8 maj`` in the text's
        year, ``12.3.2024``; ``i dag``/``tänään`` the day the text was issued). The meeting is named
        by the body's genitive and the day (``Regionala utvecklingsnämndens sammanträde
        2024-05-08``, ``Sallan kunnanhallituksen kokous 2024-03-12``); the body organises it and
        whoever chairs the body (``ordförande``, ``puheenjohtaja``) leads it."""
        for number, sent, offset in self.sentences:
            word = next((k for k, t in enumerate(sent) if MEETING_WORD[self.lang].match(t.text)), None)
            bodies = [m for m in self.mentions.get(number, ()) if self._deciding_body(m.key)]
            if not bodies:
                continue
            if word is None:
                # a minute's heading: the body opens the line, its day and section follow
                if "§" not in sent.text or bodies[0].start != 0:
                    continue
                word = bodies[0].end
            body = min(bodies, key=lambda m: abs(m.start - word))
            at = sent[word].idx if word < len(sent) else len(sent.text)
            days = [d for d in _find_dates(sent.text, self.lang, self.year) if d.precision == "day"]
            if days:
                found = min(days, key=lambda d: abs(d.char_start - at))
                start, end = found.start, found.end or found.start
            else:
                start = end = self._day_told(sent.text)
                if start is None:
                    continue
            owner = self.p.entities[body.key].name
            if self.lang == "sv":
                noun = "sammanträde" if re.match(r"(?i)\w*sammanträd", sent[word].text) else "möte"
                head, _, place = owner.partition(" i ")
                name = f"{_genitive(head, 'sv')} {noun} {start}" + (f", {place}" if place else "")
            else:
                name = f"{_genitive(owner, 'fi')} kokous {start}"
            ev = self.ev(number, sent, offset, min(body.start, word), min(len(sent), max(body.end, word + 1)))
            key = self.entity("Meeting", name, ev, confidence=0.6, country=self._country())
            self._board_meetings.append(key)
            meeting = self.p.entities[key]
            meeting.start, meeting.end = start, end
            self.relation(body.key, "organises", key, ev, 0.6)
            for m in self.mentions.get(number, ()):
                if self.kind_of(m.key) != "Municipality" or body.start <= m.start < body.end:
                    continue
                written = sent[m.start : m.end].text
                if (self.lang == "fi" and re.search(r"(?:ssa|ssä|lla|llä)$", written)) or (
                    self.lang == "sv" and m.start > 0 and sent[m.start - 1].lower_ in ("i", "på")
                ):
                    self.relation(key, "locatedIn", m.key, ev, 0.5)  # kokoontui Rovaniemellä, möte i Pajala
                    break
            for r in list(self.p.relations):
                if (
                    r.relation == "holdsPost"
                    and r.object == body.key
                    and re.match(r"(?i)(?:ordförande|puheenjohtaja)", r.role or "")
                ):
                    self.relation(r.subject, "leads", key, ev, 0.5)

    def _titled_event(self) -> None:
        """A document about one event (its headline names a visit, meeting, seminar or conference):
        the event, named by the headline, on the first full date of the text, where the headline's
        municipality is; whoever a list after 'deltar:' / 'osallistuvat:' names takes part in it."""
        kinds = {
            "Meeting": r"besök|möte|mötet|sammanträde|träff|kokous|vierailu|tapaaminen",
            "Seminar": r"seminarium|seminariet|seminaari|webinaari|workshop",
            "Conference": r"konferens|konferensen|konferenssi",
        }
        title = self.p.title
        kind = next((k for k, words in kinds.items() if re.search(rf"\b(?:{words})\b", title, re.IGNORECASE)), None)
        if kind is None or not self.sentences:
            return
        start = -1 if self.title_start is None else self.title_start
        head = next((n for n, sent, offset in self.sentences if offset <= start < offset + len(sent.text)), None)
        if head is None:
            head = next((n for n, sent, _ in self.sentences if sent.text.strip().lstrip("#").strip() == title), None)
        if head is None:
            return
        number, sent, offset = next(x for x in self.sentences if x[0] == head)
        board = [k for k in self._board_meetings if self.p.entities[k].kind == kind]
        # a headline about a board's meeting is that meeting (see _meetings), not a second event
        key = board[0] if len(board) == 1 else None
        if key is None:
            # the one dated event of that kind the text tells of (konferensen X den 30–31 maj) is the
            # headline's, not a second event named by the headline
            told_of = [k for k, e in self.p.entities.items() if e.kind == kind and e.start and k not in board]
            key = told_of[0] if len(told_of) == 1 else None
        if key is None:
            key = self.entity(kind, title, self.ev(number, sent, offset, 0, len(sent)), country=self._country())
        event = self.p.entities[key]
        if event.iri is not None:
            return
        dated = [(d, ev) for d, ev in self.p.dates if len(d) == 10]
        # the day the text tells of, not the day of its publication line (Publicerad: …)
        told = [(d, ev) for d, ev in dated if not PUBLISHED.search(ev.text)] or dated
        if told and event.start is None:
            day, ev = told[0]
            ranged = next((f for f in _find_dates(ev.text, self.lang, self.year) if f.start == day and f.end), None)
            event.start = day
            if event.end is None:
                # a visit or meeting on one day starts and ends that day; Den 30–31 maj ends on the 31st
                event.end = ranged.end if ranged is not None else day
        places = [m for m in self.mentions.get(number, ()) if self.kind_of(m.key) == "Municipality"]
        sent = next((s for n, s, _ in self.sentences if n == number), None)
        told_as_place = [m for m in places if sent is not None and self._locative(sent, m)]
        # where it is held, when the sentence tells it (i Lycksele, Kolarissa), not who organises it
        for m in told_as_place or places:
            self.relation(key, "locatedIn", m.key, event.evidence, 0.6)
        listing = False
        for n, line, _ in self.sentences:
            text = line.text.strip()
            if re.search(r"(?:deltar|deltog|deltagare|osallistuvat|osallistuivat|paikalla)\s*:$", text, re.IGNORECASE):
                listing = True
                continue
            if listing:
                for m in self.mentions.get(n, ()):
                    if m.role in ("person", "actor") and self.is_actor(m.key):
                        self.relation(m.key, "participatesIn", key, self.p.entities[m.key].evidence, 0.6)

    def _located(self) -> None:
        """An initiative lies where the municipalities that lead it or take part in it are."""
        for r in list(self.p.relations):
            if (
                r.relation in ("leads", "participatesIn")
                and self.kind_of(r.subject) == "Municipality"
                and self.is_initiative(r.object)
                and self.kind_of(r.object) not in _EVENTS
            ):
                self.relation(r.object, "locatedIn", r.subject, r.evidence, 0.5)
        # a project named after a municipality (Utsjoen … koordinointihanke) lies there; when that
        # municipality publishes the text, the project is its own
        for number, sent, offset in self.sentences:
            items = self.mentions.get(number, ())
            for m in items:
                if not self.is_initiative(m.key) or self.kind_of(m.key) in _EVENTS:
                    continue
                for place in items:
                    if place is m or not (m.start <= place.start < m.end) or self.kind_of(place.key) != "Municipality":
                        continue
                    ev = self.ev(number, sent, offset, m.start, m.end)
                    self.relation(m.key, "locatedIn", place.key, ev, 0.5)
                    if self.p.publisher == place.key:
                        self.relation(place.key, "leads", m.key, ev, 0.5)

    # evidence offsets: the sentence's token offsets are relative to its line
    def ev(self, number: int, sent, offset: int, start: int, end: int) -> Evidence:
        a, b = offset + sent[start].idx, offset + sent[end - 1].idx + len(sent[end - 1].text)
        return Evidence(number, a, b, self.text[a:b])

    # what kg.ingest.ends and kg.ingest.clauses use of this module, through the document (they may not
    # import this module: kg.ingest's modules import each other in one direction only)
    fi_stop = FI_STOP

    def dates_in(self, text: str) -> list[FoundDate]:
        """The dates of ``text`` (:func:`_find_dates`) in this document's language and year."""
        return _find_dates(text, self.lang, self.year)

    @staticmethod
    def fi_base(word: str) -> str:
        """The Finnish base form of ``word`` in lower case (``word`` itself when none is known)."""
        return (_voikko_base(word) or word).lower()

    def add_initiative_mention(self, number: int, key: str, start: int, end: int, a: int, b: int) -> None:
        """Tokens ``start:end`` of sentence ``number`` (characters ``a:b`` of the text) name initiative ``key``."""
        self.add_mention(number, Mention(key, start, end, a, b, "initiative"))

    def add_mention(self, number: int, mention: Mention) -> None:
        items = self.mentions.setdefault(number, [])
        overlapping = [m for m in items if m.start < mention.end and mention.start < m.end]
        if overlapping:
            # a longer name around shorter ones (Kajaanin ammattikorkeakoulu around Kajaanin) replaces them
            if not all(mention.start <= m.start and m.end <= mention.end for m in overlapping) or all(
                (m.start, m.end) == (mention.start, mention.end) for m in overlapping
            ):
                return
            for m in overlapping:
                items.remove(m)
                self.p.entities[m.key].mentions -= 1
        items.append(mention)
        items.sort(key=lambda m: m.start)

    def covered(self, number: int, i: int) -> bool:
        return any(m.start <= i < m.end for m in self.mentions.get(number, ()))

    def _issued(self) -> None:
        if self.p.issued:
            self.year = int(self.p.issued[:4])
            return
        # a line that says when the text was published or last updated, wherever it stands
        for _, sent, _ in self.sentences:
            cue = PUBLISHED.search(sent.text)
            if cue is None:
                continue
            days = [d for d in _find_dates(sent.text[cue.start() :], self.lang, None) if d.precision == "day"]
            if days:
                self.p.issued = days[0].start
                self.year = int(days[0].start[:4])
                return
        # a dateline at the head (Pressmeddelande • Dec 12, 2023; Tiedote, Oulu, 22. kesäkuuta 2015)
        day = temporal.dateline(
            self.text,
            lambda line: _find_dates(line, self.lang, None),
            skip=lambda line: bool(START_CUES.search(line) or END_CUES.search(line) or temporal.finished(line)),
        )
        if day is not None:
            self.p.issued, self.year = day, int(day[:4])
            return
        # else the first full date of the head that does not tell when something starts or ends
        for _, sent, _ in self.sentences[:25]:
            if START_CUES.search(sent.text) or END_CUES.search(sent.text):
                continue
            for found in _find_dates(sent.text, self.lang, None):  # a full date with its year written
                if found.precision == "day" and not found.end:
                    self.p.issued = found.start
                    self.year = int(found.start[:4])
                    return
        years = re.findall(r"\b(20\d\d|19\d\d)\b", self.text)
        if years:  # the year a day without one (6 maj) is read in; the document gets no issued date
            self.year = int(Counter(years).most_common(1)[0][0])

    def _title(self) -> None:
        """The headline (:func:`kg.ingest.headline.headline`: skip links, menus and bylines left
        out), else the first sentence, else the id."""
        found = headline(self.text, self.headings)
        if found is not None:
            self.p.title, self.title_start = found.title, found.start
            return
        self.p.title = shorten(self.sentences[0][1].text) if self.sentences else self.p.stem

    def _publisher(self) -> None:
        """The actor the text names most often (the earliest of equals), a municipality or body; a
        municipality that speaks for itself in the nominative (``Kemijärven kaupunki osallistuu``,
        ``Norsjö kommun har``) counts twice."""
        counts: Counter = Counter()
        first: dict[str, int] = {}
        for number, sent, _ in self.sentences:
            for m in self.mentions.get(number, ()):
                entity = self.p.entities[m.key]
                if (
                    entity.iri
                    and entity.kind not in ("County", "Maakunta", "Country")
                    and not self.is_initiative(m.key)
                ):
                    speaks = m.end < len(sent) and sent[m.end].text in ("kaupunki", "kunta", "kommun")
                    counts[m.key] += 2 if speaks or sent[m.start : m.end].text.endswith(SPEAKS) else 1
                    written = sent[m.end - 1].text
                    recipient = (m.start > 0 and sent[m.start - 1].lower_ in ("till", "för")) or (
                        self.lang == "fi" and re.search(r"(?:lle|lta|ltä)$", written)
                    )
                    if DECISION.match(sent.text) and not recipient:
                        # the decision of a minute is the publisher's own; not so those it is sent to
                        # (Päätös lähetetään X:lle, Beslutet skickas till X)
                        counts[m.key] += 3
                    first.setdefault(m.key, number)
        if counts:
            self.p.publisher = min(counts, key=lambda k: (-counts[k], first[k]))

    # ------------------------------------------------------------------ entities the graph knows
    def _known(self, number: int, sent, offset: int) -> None:
        n = len(sent)
        i = 0
        while i < n:
            token = sent[i]
            # a new name the graph knows under a longer one (Sveriges Kommuner [och Regioner]) is
            # read again: the longer known name replaces it
            inner = next((m for m in self.mentions.get(number, ()) if m.start <= i < m.end), None)
            if (inner is not None and (inner.start != i or self.p.entities[inner.key].iri is not None)) or (
                not _is_cap(token) and not self._lowercase_name(sent, i)
            ):
                i += 1
                continue
            best = None
            for j in range(min(n, i + 6), i if inner is None else inner.end, -1):
                span = sent[i:j]
                if any((t.is_punct and t.text not in "-–") or t.is_space for t in span) or sent[j - 1].text in "-–":
                    continue
                name = span.text
                if len(name) < 2 or (j - i == 1 and token.text.lower() in NOT_NAME):
                    continue
                hits = self.r.lookup(name, self.lang)
                if not hits or hits[0].score < 90:
                    continue
                top = hits[0]
                if top.method == "abbreviation" and not token.text.isupper():
                    continue
                if j - i == 1 and top.method in ("generic",) and len(token.text) < 4:
                    continue
                if (
                    j - i == 1
                    and top.method == "folded"
                    and self.r.reconciler.entities[top.entity].country != self._country()
                ):
                    continue  # Stora is no Storå: another country's name is written with its letters
                if (
                    j - i == 1
                    and top.method == "inflected"
                    and self.lang == "sv"
                    and re.fullmatch(rf"{re.escape(name)}\w+", self.r.reconciler.entities[top.entity].label(self.lang))
                ):
                    continue  # Gustav is no Gustavs: a Swedish inflection never shortens a name
                tied = [h for h in hits if h.score >= top.score - 0.5]
                best = (j, hits, tied)
                break
            if best is None:
                i += 1
                continue
            j, hits, tied = best
            entities = self.r.reconciler.entities
            # a tie between two countries' entities: the document's language decides
            if len(tied) > 1:
                country = "FI" if self.lang == "fi" else "SE"
                own = [h for h in tied if entities[h.entity].country == country]
                if len(own) == 1:
                    tied = own
            top = tied[0]
            entity = entities[top.entity]
            family = self.r.family(top.entity)
            kind = self.r.entity_kind(top.entity)
            confidence = 0.95 if len(tied) == 1 else 0.5
            candidates = [f"{entities[h.entity].label(self.lang)} <{entities[h.entity].iri}>" for h in tied[1:]]
            key = self.entity(
                kind,
                entity.label(self.lang),
                self.ev(number, sent, offset, i, j),
                iri=str(entity.iri),
                confidence=confidence,
                candidates=candidates,
                country=entity.country,
            )
            role = "initiative" if family == "Initiative" else "area" if family == "AdministrativeArea" else "actor"
            self.add_mention(
                number, Mention(key, i, j, offset + sent[i].idx, offset + sent[j - 1].idx + len(sent[j - 1].text), role)
            )
            i = j

    def _funded_compound(self, number: int, sent, offset: int) -> None:
        """A funder the graph knows, glued to the word for funding (``det Formasfinansierade
        samarbetet``, ``Vinnova-finansierat``, ``Business Finland -rahoitteinen``): a mention of it."""
        for i, token in enumerate(sent):
            found = FUNDED_COMPOUND.match(token.text)
            if found is None or self.covered(number, i):
                continue
            hits = self.r.lookup(found.group(1), self.lang)
            if not hits or hits[0].score < 95 or self.r.family(hits[0].entity) == "Municipality":
                continue
            entity = self.r.reconciler.entities[hits[0].entity]
            key = self.entity(
                self.r.entity_kind(hits[0].entity),
                entity.label(self.lang),
                self.ev(number, sent, offset, i, i + 1),
                iri=str(entity.iri),
                confidence=0.8,
                country=entity.country,
            )
            self.add_mention(number, Mention(key, i, i + 1, 0, 0, "actor"))

    def _lowercase_name(self, sent, i: int) -> bool:
        """Whether a lower-case word may open a name the graph knows: the bodies texts write in
        lower case (``regeringen``), and Finnish ministries, written in lower case in running text
        (``valtiovarainministeriön``, ``työ- ja elinkeinoministeriö``, in any case)."""
        word = sent[i].text.lower()
        if word in LOWERCASE_NAMES:
            return True
        if self.lang != "fi":
            return False
        if "ministeriö" in word:
            return True
        # a coordinated compound: työ- ja elinkeinoministeriöltä, maa- ja metsätalousministeriö
        return (
            word.endswith("-")
            and i + 2 < len(sent)
            and sent[i + 1].lower_ == "ja"
            and "ministeriö" in sent[i + 2].lower_
        )

    # ------------------------------------------------------------------ patterns
    def _patterns(self, number: int, sent, offset: int) -> None:
        n = len(sent)
        texts = [t.text for t in sent]
        self._bodies(number, sent, offset)
        # the partners listed after 'mellan' / 'tillsammans med' / 'kumppaneina': unknown names are organisations
        cue = re.search(r"\b(?:mellan|tillsammans med|partners?|kumppanei(?:na|ta)|yhteistyössä)\b", sent.text)
        if cue:
            where = sent.char_span(cue.start(), cue.end(), alignment_mode="expand")
            i = where.end if where is not None else n
            while i < n:
                if sent[i].is_punct or sent[i].text.lower() in ("och", "samt", "ja", "sekä") or sent[i].is_space:
                    i += 1
                    continue
                if self.covered(number, i):
                    i = next((m.end for m in self.mentions[number] if m.start <= i < m.end), i + 1)
                    continue
                if sent[i].text.lower() in ("i", "för", "på"):
                    i += 1
                    continue
                if not _is_cap(sent[i]):
                    break
                j = i
                while j < n and _is_cap(sent[j]) and not self.covered(number, j) and j - i < 4:
                    j += 1
                if j - i >= 2 or j >= n or sent[j].text in (",", "och", "ja", "sekä", "samt", "i", "."):
                    name = " ".join(texts[i:j])
                    titled = j + 1 < n and sent[j].text == "," and TITLE.search(sent[j + 1].text)
                    if not self._looks_known(name) and not TITLE.search(name) and not titled:
                        key = self.entity(
                            "Organisation", name, self.ev(number, sent, offset, i, j), country=self._country()
                        )
                        self.add_mention(number, Mention(key, i, j, 0, 0, "actor"))
                i = j
        # universities and named bodies
        for i, token in enumerate(sent):
            if self.covered(number, i):
                continue
            if UNIVERSITY.search(token.text) or (
                self.lang == "fi"
                and token.is_alpha
                and len(token.text) > 8
                and UNIVERSITY.search(_base_form(token.text, "fi"))
            ):
                j = i
                while (
                    j > 0
                    and (_is_cap(sent[j - 1]) or sent[j - 1].text.lower() in ("tekniska", "svenska"))
                    and i - j < 3
                    and not (j > 1 and _is_cap(sent[j - 2]) and _first_name(sent[j - 2].text))
                ):
                    j -= 1  # not over a person's name before it: Sari Nieminen Oulun yliopistosta
                if j == i and not _is_cap(token):
                    continue
                name = _base_form(" ".join(texts[j : i + 1]), self.lang)
                key = self.entity(
                    "EducationProvider", name, self.ev(number, sent, offset, j, i + 1), country=self._country()
                )
                self.add_mention(number, Mention(key, j, i + 1, 0, 0, "actor"))
            elif BODY_WORD.match(token.text) and i > 0:
                name = _base_form(token.text, self.lang)
                key = self.entity(
                    "Organisation", name, self.ev(number, sent, offset, i, i + 1), country=self._country()
                )
                self.add_mention(number, Mention(key, i, i + 1, 0, 0, "actor"))
        # inquiries
        for _, start, end in self.r.matchers[self.lang](sent):
            if not any(self.covered(number, k) for k in range(start, end)):
                key = self.entity(
                    "Inquiry", sent[start:end].text, self.ev(number, sent, offset, start, end), country="SE"
                )
                self.add_mention(number, Mention(key, start, end, 0, 0, "initiative"))
        # quoted names
        for match in re.finditer(r"[\"”“«»]([^\"”“«»\n]{2,80})[\"”“«»]", sent.text):
            inner = match.group(1).strip()
            if not inner or not inner[0].isupper() or len(inner.split()) > 10 or inner in ("False", "True", "None"):
                continue
            if len(inner) >= len(sent.text.strip()) - 4:  # the whole line quoted: not a name
                continue
            span = sent.char_span(match.start(1), match.end(1), alignment_mode="expand")
            if span is None or any(self.covered(number, k) for k in range(span.start, span.end)):
                continue
            kind = self._initiative_kind(sent, span.start, span.end)
            key = self.entity(kind, inner, self.ev(number, sent, offset, span.start, span.end), country=self._country())
            self.add_mention(number, Mention(key, span.start, span.end, 0, 0, "initiative"))
        # X är ett samverkansprojekt / X on hanke; projektledare för X: one loop over the phrasings
        for pattern in (NAMED_BY_PREDICATE, NAMED_BY_LEADER):
            for match in pattern.finditer(sent.text):
                span = sent.char_span(match.start(1), match.end(1), alignment_mode="expand")
                if (
                    span is not None
                    and not any(self.covered(number, k) for k in range(span.start, span.end))
                    and not PROJECT_WORD.match(span[0].text)
                    and span[0].text.lower() not in NOT_NAME | SV_STOP | FI_STOP
                    and not self._looks_known(span.text)
                ):
                    ev = self.ev(number, sent, offset, span.start, span.end)
                    key = self.entity("Project", span.text, ev, country=self._country())
                    self.add_mention(number, Mention(key, span.start, span.end, 0, 0, "initiative"))
        self._named_as(number, sent, offset)
        # projektet X, förstudien X; after an owner in the genitive the indefinite form (kommunens projekt X)
        for i, token in enumerate(sent[:-1]):
            owned = (
                re.match(r"^(?:projekt|förstudie|pilot|satsning)$", token.text, re.IGNORECASE)
                and i > 0
                and sent[i - 1].text.endswith("s")
                and self.covered(number, i - 1)
            )
            if self.lang == "fi":
                self._fi_kind_first(number, sent, offset, i)
                continue
            # Projektägare för Cykelleden är …, huvudman för X: the owner's word names the initiative
            owner_of = (
                token.lower_ in ("för", "till")
                and i > 0
                and re.match(r"^(?:projektägare|projektägaren|huvudman|huvudmannen)$", sent[i - 1].text, re.I)
            )
            if not (PROJECT_WORD.match(token.text) or owned or owner_of):
                continue
            j = i + 1
            if not _is_cap(sent[j]) or (self.covered(number, j) and not self._place_opens_name(number, sent, j)):
                continue
            k = j + 1
            # the name runs on over lower-case words until a verb or function word ends it
            while (
                k < n
                and k - j < 6
                and not sent[k].is_punct
                and not sent[k].is_space
                and sent[k].text.lower() not in NAME_STOP
                and not (k > j and sent[k].text.islower() and SV_VERB_ENDING.match(sent[k].text))
                and not (k > j and sent[k].text.islower() and _sv_present(sent[k].text))
                and not (sent[k].lower_ == "i" and k + 1 < n and sent[k + 1].lower_ in _SV_TIME_WORDS)
                # a relation's own words end the name: X i samarbete med Y, X ägs av Y, X leds av Y
                and not (
                    sent[k].lower_ == "i"
                    and k + 2 < n
                    and sent[k + 1].lower_ in ("samarbete", "samverkan")
                    and sent[k + 2].lower_ in ("med", "mellan")
                )
                and not (sent[k].text.islower() and _lemma(sent[k].text, "sv") in _SV_CUE_LEMMAS)
            ):
                # a place inside a name in title case (Satsningen Unga Kramfors) keeps its mention
                if self.covered(number, k) and not (
                    _is_cap(sent[k]) and _is_cap(sent[k - 1]) and self._place_at(number, k)
                ):
                    break
                k += 1
            while k > j + 1 and sent[k - 1].text.lower() in ("i", "och", "för", "av", "–", "-"):
                k -= 1
            kind = _kind_from_word(token.text)
            key = self.entity(kind, " ".join(texts[j:k]), self.ev(number, sent, offset, j, k), country=self._country())
            if any(self.covered(number, x) for x in range(j, k)):
                items = self.mentions[number]
                items.append(Mention(key, j, k, 0, 0, "initiative"))
                items.sort(key=lambda m: m.start)
            else:
                self.add_mention(number, Mention(key, j, k, 0, 0, "initiative"))
        # named compounds: Oulujoen vesistövisio, Kemijärven elinvoimaohjelma, Move on up-projektet
        for i, token in enumerate(sent):
            if self.covered(number, i):
                continue
            lower = token.text.lower()
            kind = next((k for pattern, k in INITIATIVE_KINDS if pattern.search(lower)), None)
            if kind is None or len(lower) < 7 or TITLE.search(lower):
                continue  # strategiapäällikkö is a title, not a strategy
            if "-" in token.text and self._looks_known(token.text.split("-")[0]):
                continue  # EAKR-ohjelmasta: a programme the graph knows, not a new initiative
            place = next(
                (
                    m
                    for m in self.mentions.get(number, ())
                    if (m.start, m.end) == (i - 1, i)
                    and self.kind_of(m.key) in ("Municipality", "Maakunta", "County", "Region")
                    and re.search(r"(?:n|s)$", sent[i - 1].text)
                    and not token.text[0].isupper()
                ),
                None,
            )
            if place is not None:
                # a place's genitive names the initiative (Lapin kasvuohjelma, Kemijärven elinvoimaohjelma):
                # the place keeps its own mention inside the name
                name = f"{sent[i - 1].text} {_base_form(token.text, self.lang)}"
                key = self.entity(kind, name, self.ev(number, sent, offset, i - 1, i + 1), country=self._country())
                items = self.mentions[number]
                items.append(Mention(key, i - 1, i + 1, 0, 0, "initiative"))
                items.sort(key=lambda m: m.start)
                continue
            if self._genitive_initiative(number, sent, offset, i, kind):
                continue
            if i > 0 and _is_cap(sent[i - 1]) and not self.covered(number, i - 1) and i - 1 != 0:
                name = f"{sent[i - 1].text} {_base_form(token.text, self.lang)}"
                start = i - 1
            elif _is_cap(token) and i > 0:
                name, start = _base_form(token.text, self.lang), i
            else:
                continue
            key = self.entity(kind, name, self.ev(number, sent, offset, start, i + 1), country=self._country())
            self.add_mention(number, Mention(key, start, i + 1, 0, 0, "initiative"))
        # events
        for i, token in enumerate(sent):
            event = next((k for k, p in EVENT_WORDS.items() if p.match(token.text)), None)
            if self.covered(number, i):
                continue
            if event is None:
                self._named_event(number, sent, offset, i)
                continue
            if self._named_event(number, sent, offset, i, event):
                continue
            if event == "Meeting" and any(self._deciding_body(m.key) for m in self.mentions.get(number, ())):
                continue  # a board's or committee's meeting: named by the body (see _meetings)
            dates = _find_dates(sent.text, self.lang, self.year)
            place = next(
                (m for m in self.mentions.get(number, ()) if self.kind_of(m.key) in ("Municipality",) and m.start > i),
                None,
            )
            if event == "Meeting" and place is None:
                continue  # a meeting with neither name nor place (kokouksessa 17.12.): nothing to tell it by
            if not dates:
                # no date in the sentence: an event told with its place (en konferens i Skellefteå) took
                # place in the document's year
                if place is None or self.year is None or place.start > i + 3:
                    continue
                if re.search(rf"\b{re.escape(token.text[:5])}", self.p.title, re.IGNORECASE):
                    continue  # the headline's event: read from the headline (see _titled_event)
                dates = [FoundDate(str(self.year), None, "year", 0, 0)]
            label = token.text.capitalize()
            before = sent[i - 1] if i > 0 else None
            if (
                self.lang == "sv"
                and before is not None
                and before.is_alpha
                and before.text.islower()
                and before.text not in SV_STOP
                and before.text not in _SV_PREPOSITIONS
                and before.lower_
                not in ("sitt", "sin", "sina", "dess", "deras", "vårt", "vår", "ert", "hans", "hennes")
                and not self.covered(number, i - 1)
            ):
                label = f"{before.text.capitalize()} {token.text.lower()}"  # en gemensam konferens
            if place is not None:
                label += (
                    f" i {self.p.entities[place.key].name}"
                    if self.lang == "sv"
                    else f" {self.p.entities[place.key].name}"
                )
            key = self.entity(event, f"{label} {dates[0].start}", self.ev(number, sent, offset, i, i + 1))
            self.p.entities[key].start = dates[0].start
            if dates[0].end:
                self.p.entities[key].end = dates[0].end
            if place is not None:
                self.p.entities[key].located_in.append(place.key)
            self.add_mention(number, Mention(key, i, i + 1, 0, 0, "initiative"))

    def _place_opens_name(self, number: int, sent, j: int) -> bool:
        """Whether a place the graph knows opens a name after a kind word: ``visionen Norrbotten
        2050``, ``Strategia Lappi 2030`` (a year or a capitalised word follows the place)."""
        place = next((m for m in self.mentions.get(number, ()) if m.start == j), None)
        if place is None or self.kind_of(place.key) not in _PLACES or place.end >= len(sent):
            return False
        after = sent[place.end]
        return bool(re.fullmatch(r"(?:19|20)\d\d", after.text)) or (
            _is_cap(after) and not self.covered(number, place.end)
        )

    def _fi_kind_first(self, number: int, sent, offset: int, i: int) -> None:
        """A Finnish initiative named after its kind word in the nominative: ``Esiselvitys Pohjoinen
        polku valmistuu``, ``Pilotti Kylätaksi käynnistyy``, ``Strategia Lappi 2030``. The name opens
        with a capital and runs on until punctuation, a verb, a function word or a local case."""
        token = sent[i]
        if not FI_KIND_FIRST.match(token.text) or i + 1 >= len(sent):
            return
        j = i + 1
        if not _is_cap(sent[j]) or (self.covered(number, j) and not self._place_opens_name(number, sent, j)):
            return
        n = len(sent)
        k = j + 1
        while k < n and k - j < 6 and not sent[k].is_punct and not sent[k].is_space:
            word = sent[k]
            if word.lower_ in FI_STOP or word.lower_ in FI_CONJUNCTIONS:
                break
            if not _is_cap(word) and word.is_alpha and (_verb_form(word.text) or LOCAL_CASE.search(word.text)):
                break
            if self.covered(number, k) and not self._place_at(number, k):
                break
            k += 1
        if sent[j].lower_ in NOT_NAME or sent[j].lower_ in FI_STOP:
            return  # Esiselvitys Hanke …: a kind word, no name
        name = " ".join(t.text for t in sent[j:k])
        if self._looks_known(name):
            return
        key = self.entity(
            _kind_from_word(token.text), name, self.ev(number, sent, offset, j, k), country=self._country()
        )
        items = self.mentions.setdefault(number, [])
        if any(self.covered(number, x) for x in range(j, k)):
            items.append(Mention(key, j, k, 0, 0, "initiative"))
            items.sort(key=lambda m: m.start)
        else:
            self.add_mention(number, Mention(key, j, k, 0, 0, "initiative"))

    def _named_as(self, number: int, sent, offset: int) -> None:
        """An initiative named after a naming phrase (:data:`NAMING_PHRASE`): ``projektet som kallas
        Vägen hem``, ``hanke nimeltä Kylät kuntoon``. The name opens with a capital and runs on over
        lower-case words until punctuation, a verb or a function word; its kind is the kind word
        before it (a pre-study, a strategy), else a project."""
        n = len(sent)
        for match in NAMING_PHRASE[self.lang].finditer(sent.text):
            where = sent.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if where is None:
                continue
            j = where.start
            if sent[j].text in ('"', "”", "“", "«"):
                continue  # a quoted name: read as quoted names are
            if self.covered(number, j) and not self._place_at(number, j):
                continue
            k = j + 1
            while k < n and k - j < 6 and not sent[k].is_punct and not sent[k].is_space:
                word = sent[k]
                if self.lang == "sv" and (
                    word.lower_ in NAME_STOP
                    or (word.text.islower() and (SV_VERB_ENDING.match(word.text) or _sv_present(word.text)))
                ):
                    break
                if self.lang == "fi" and (
                    word.lower_ in FI_STOP or (word.text.islower() and word.is_alpha and _verb_form(word.text))
                ):
                    break
                k += 1
            if any(self.covered(number, x) and not self._place_at(number, x) for x in range(j, k)):
                continue
            name = " ".join(t.text for t in sent[j:k])
            if self._looks_known(name):
                continue
            kind = self._initiative_kind(sent, max(0, j - 4), j)
            if kind in _EVENTS:
                kind = "Project"
            key = self.entity(kind, name, self.ev(number, sent, offset, j, k), country=self._country())
            items = self.mentions.setdefault(number, [])
            items.append(Mention(key, j, k, 0, 0, "initiative"))
            items.sort(key=lambda m: m.start)

    def _named_event(self, number: int, sent, offset: int, i: int, event: str | None = None) -> bool:
        """An event named by its own words: after its kind word (``konferensen Fjällforum 2024``,
        ``seminariet Framtidens by``; a known place or a person there names no event) or before it
        after a hyphen (``Fjällforum-seminaari``). Its days are the sentence's dates; a municipality
        after it is where it took place. Returns whether an event was proposed."""
        n = len(sent)
        if event is None and (compound := self._compound_event(sent, i)) is not None:
            event, name = compound
            start, end = i, i + 1
            if self._looks_known(name):
                return False
        elif event is None:
            found = NAMED_EVENT.match(sent[i].text)
            if found is None:
                return False
            kind = found.group("kind").lower()
            event = "Conference" if kind.startswith("konfer") else "Seminar"
            start, end = i, i + 1
            # the words before it that open the name: Växa eller Krympa-konferensen
            while start > 0 and not self.covered(number, start - 1):
                before = sent[start - 1]
                opens = start - 1 == 0 and _opens_sentence(before.text, self.lang)
                joins = before.lower_ in ("och", "eller", "ja", "tai", "&") and start > 1 and _is_cap(sent[start - 2])
                if not ((_is_cap(before) and not opens) or joins):
                    break
                start -= 1
            name = " ".join([*(t.text for t in sent[start:i]), found.group("name")])
            if self._looks_known(name):
                return False
        else:
            k = i + 1
            if k >= n or not _is_cap(sent[k]) or sent[k].lower_ in NOT_NAME | SV_STOP | FI_STOP:
                return False
            m = k
            while m < n and m - k < 5 and not self.covered(number, m):
                if _is_cap(sent[m]) or (m > k and re.fullmatch(r"(?:19|20)\d\d", sent[m].text)):
                    m += 1
                    continue
                break
            if m == k or self._looks_known(" ".join(t.text for t in sent[k:m])):
                return False
            if (m < n and (sent[m].text == "(" or TITLE.search(sent[m].text))) or (
                m - k == 2 and _first_name(sent[k].text)
            ):
                return False  # a person after the kind word (seminariet Anna Berg, projektledare)
            name, start, end = " ".join(t.text for t in sent[k:m]), k, m
        dates = _find_dates(sent.text, self.lang, self.year)
        key = self.entity(event, name, self.ev(number, sent, offset, start, end), country=self._country())
        entity = self.p.entities[key]
        if dates and entity.start is None:
            entity.start = dates[0].start
            if dates[0].end:
                entity.end = dates[0].end
        places = [m for m in self.mentions.get(number, ()) if self.kind_of(m.key) == "Municipality" and m.start >= end]
        # where it is held: a municipality after i/på or in a Finnish local case, before one that
        # organises it (arrangeras av Region X och Malå kommun … i Lycksele)
        place = next((m for m in places if self._locative(sent, m)), None) or next(
            (m for m in places if not (m.start > 0 and sent[m.start - 1].lower_ in ("av", "och", "ja"))), None
        )
        if place is not None and place.key not in entity.located_in:
            entity.located_in.append(place.key)
        self.add_mention(number, Mention(key, min(i, start), end, 0, 0, "initiative"))
        return True

    def _locative(self, sent, m: Mention) -> bool:
        """Whether the mention ``m`` is told as a place: after ``i``/``på`` in Swedish, in a local
        case in Finnish (``Kolarissa``, ``Sallassa``)."""
        if self.lang == "sv":
            return m.start > 0 and sent[m.start - 1].lower_ in ("i", "på")
        return bool(re.search(r"(?:ssa|ssä|lla|llä)$", sent[m.end - 1].text))

    def _compound_event(self, sent, i: int) -> tuple[str, str] | None:
        """An event named by one capitalised compound whose head is an event word: ``Tunturiseminaarin``
        -> (``Seminar``, ``Tunturiseminaari``; Finnish through its base form), ``Fjällkonferensen``
        -> (``Conference``, ``Fjällkonferensen``, as written). At a sentence's head only when the
        sentence has a date (``Kevätseminaarissa`` alone is no name). None for anything else."""
        token = sent[i]
        if not _is_cap(token) or not token.is_alpha or token.text.isupper():
            return None
        word = _base_form(token.text, self.lang) if self.lang == "fi" else token.text
        head = re.search(r"(seminaari|seminari(?:um|et)|konferenssi|konferens(?:en)?|foorumi)$", word, re.IGNORECASE)
        if head is None or head.start() < 3:
            return None
        if i == 0 and not _find_dates(sent.text, self.lang, self.year):
            return None
        kind = "Conference" if head.group(1).lower().startswith(("konfer", "foorumi")) else "Seminar"
        return kind, word[:1].upper() + word[1:]

    def _place_at(self, number: int, k: int) -> bool:
        """Whether token ``k`` is the whole mention of a municipality, county or region."""
        return any(
            m.start == k and m.end == k + 1 and self.kind_of(m.key) in ("Municipality", "County", "Maakunta", "Region")
            for m in self.mentions.get(number, ())
        )

    def _genitive_initiative(self, number: int, sent, offset: int, i: int, kind: str) -> bool:
        """A Finnish strategy, programme, vision or study named by lower-case genitives after a
        capitalised one: ``Tunturi-Lapin matkailun kehittämisstrategian`` -> ``Tunturi-Lapin
        matkailun kehittämisstrategia``, ``Kainuun nuorisotyön ohjelmaa``. A place whose genitive
        opens the name keeps its own mention. Returns whether a name was proposed."""
        if self.lang != "fi" or _is_cap(sent[i]):
            return False
        j = i
        while (
            j > 0
            and i - j < 3
            and re.match(r"^[a-zåäö][\w-]+n$", sent[j - 1].text)
            and sent[j - 1].lower_ not in FI_STOP
            and not self.covered(number, j - 1)
        ):
            j -= 1
        if j == i or j == 0 or not _is_cap(sent[j - 1]) or not sent[j - 1].text.endswith("n"):
            return False
        first = j - 1
        if first == 0 and _common_word(sent[first].text) and not self.covered(number, first):
            return False
        place = next((m for m in self.mentions.get(number, ()) if m.start <= first < m.end), None)
        if place is not None and (place.end - place.start > 1 or self.is_initiative(place.key)):
            return False
        name = " ".join(t.text for t in sent[first:i]) + " " + _base_form(sent[i].text, "fi").lower()
        key = self.entity(kind, name, self.ev(number, sent, offset, first, i + 1), country=self._country())
        items = self.mentions.setdefault(number, [])
        items.append(Mention(key, first, i + 1, 0, 0, "initiative"))
        items.sort(key=lambda m: m.start)
        return True

    def _bodies(self, number: int, sent, offset: int) -> None:
        """Committees, boards and units of a municipality or region (:data:`BODY`): named with their
        owner as curators name them. ``Regionala utvecklingsnämnden``, ``Kemijärven kaupunginhallitus``
        and ``Tulevaisuustoimiala`` as written; ``kaupungin hankeryhmä`` and a bare ``Kaupunginhallitus``
        (a minute's heading) with the genitive of the municipality the text is about (``Kokkolan
        kaupunginhallitus``); a bare Swedish ``kommunstyrelsen`` as ``Kommunstyrelsen i Kramfors``."""
        for i, token in enumerate(sent):
            if self.covered(number, i) or not BODY.match(token.text):
                continue
            group = re.match(r"^\w*(?:ryhmä|toimiala)", token.text, re.IGNORECASE)
            if (
                group
                and not re.match(r"^(?:hanke|johto|ohjaus|työ|projekti)ryhm", token.text, re.IGNORECASE)
                and not (_is_cap(token) or re.match(r"^\w*toimial", token.text))
            ):
                continue  # kohderyhmä: a target group, not a body
            base = _base_form(token.text, self.lang) if self.lang == "fi" else token.text
            generic = re.match(
                r"^(?:kaupungin|kunnan|maakunta|kommun|region)(?:hallitu|valtuust|styrelse|fullmäktige)",
                token.text,
                re.IGNORECASE,
            )
            prev = sent[i - 1] if i > 0 else None
            start = i
            owner_words = ""
            if self._owned_body(number, sent, offset, i):
                continue
            if i > 1 and prev.lower_ in ("och", "ja", "samt", "sekä") and re.match(r"^\w+-$", sent[i - 2].text):
                # Kultur- och fritidsnämnden, Sivistys- ja hyvinvointilautakunta: one body of two words
                name = " ".join(t.text for t in sent[i - 2 : i]) + " " + (base if self.lang == "fi" else token.text)
                name = name[0].upper() + name[1:]
                key = self.entity(
                    "Organisation", name, self.ev(number, sent, offset, i - 2, i + 1), country=self._country()
                )
                self.add_mention(number, Mention(key, i - 2, i + 1, 0, 0, "actor"))
                continue
            if prev is not None and prev.text.lower() in ("kaupungin", "kunnan", "stads", "kommuns"):
                start = i - 1
                if i > 1 and _is_cap(sent[i - 2]) and not TITLE.search(sent[i - 2].text):
                    start, owner_words = i - 2, f"{sent[i - 2].text} {prev.text}"
                else:
                    owner_words = f"{self._owner_genitive()} {prev.text.lower()}".strip()
            elif (
                self.lang == "fi"
                and prev is not None
                and re.match(r"^\w*toimial", token.text)
                and re.match(r"^[a-zåäö]{4,}n$", prev.text)
                and prev.text not in FI_STOP
                and not self.covered(number, i - 1)
            ):
                # yhdyskuntatekniikan toimialan kanssa: a unit of the text's own municipality
                owner = self._owner_genitive()
                if not owner:
                    continue
                start, owner_words = i - 1, f"{owner} {self._owner_kind()} {prev.text}"
            elif (
                prev is not None
                and _is_cap(prev)
                and not _is_cap(token)
                and prev.text.lower() not in NOT_NAME
                and not (i - 1 == 0 and _opens_sentence(prev.text, self.lang))  # Lisäksi maakuntahallitus
            ):
                if self.covered(number, i - 1) and not any(
                    m.start == i - 1
                    and self.kind_of(m.key) in ("Municipality", "Region", "RegionalAuthority", "Maakunta", "County")
                    for m in self.mentions.get(number, ())
                ):
                    continue
                start, owner_words = i - 1, prev.text
            elif _is_cap(token) and generic:
                # a maakunta's board or council belongs to the maakunta the text names, not to a town
                owner_words = (
                    self._maakunta_genitive() if token.lower_.startswith("maakunta") else self._owner_genitive()
                )
                if not owner_words:
                    continue
            elif self.lang == "sv" and re.match(r"^(?:kommun|region)(?:styrelsen|fullmäktige)$", token.text):
                owner = self._owner_name()
                if owner is None:
                    continue
                owner_kind = self.kind_of(self.p.publisher)
                if (token.lower_.startswith("kommun") and owner_kind != "Municipality") or (
                    token.lower_.startswith("region") and owner_kind == "Municipality"
                ):
                    continue  # kommunfullmäktige in a region's text: whose is not told
                name = f"{token.text.capitalize()} i {owner}"
                ev = self.ev(number, sent, offset, i, i + 1)
                key = self.entity("Organisation", name, ev, country=self._country())
                self.add_mention(number, Mention(key, i, i + 1, 0, 0, "actor"))
                continue
            elif not (_is_cap(token) and self.lang == "fi" and re.match(r"^\w{4,}toimial", token.text)):
                continue
            if owner_words and not owner_words[0].isupper():
                continue
            word = (base.lower() if generic else base) if owner_words else base[:1].upper() + base[1:]
            name = f"{owner_words} {word}".strip()
            ev = self.ev(number, sent, offset, start, i + 1)
            alone = self.by_name.get(_fold(base)) if owner_words and not generic else None
            if alone is not None and self.p.entities[alone].iri is None:
                # the unit was named alone before (a heading): the same unit, now with its owner's name
                self.p.entities[alone].name = name
                self.by_name[_fold(name)] = alone
            key = self.entity("Organisation", name, ev, country=self._country())
            if owner_words and not generic:  # the unit named alone later (Tulevaisuustoimiala) is the same
                self.by_name.setdefault(_fold(base), key)
            if start == i - 1 and self._place_at(number, i - 1):
                # Enontekiön kunnanvaltuusto: the municipality keeps its mention inside its body's name
                items = self.mentions[number]
                items.append(Mention(key, start, i + 1, 0, 0, "actor"))
                items.sort(key=lambda m: m.start)
                continue
            self.add_mention(number, Mention(key, start, i + 1, 0, 0, "actor"))

    def _owned_body(self, number: int, sent, offset: int, i: int) -> bool:
        """A body named with the organisation it belongs to, which keeps its own mention:
        ``Kommunstyrelsen i Sorsele``, ``Regionstyrelsen i Region Norrbotten`` (a Swedish body,
        then ``i`` and its municipality or region), ``Lapin liiton maakuntahallitus`` (a Finnish
        compound after its owner's genitive, an association or authority the text named).
        Returns whether the body was proposed."""
        token, n = sent[i], len(sent)
        items = self.mentions.get(number, [])
        owners = ("Municipality", "Region", "RegionalAuthority", "MunicipalAssociation", "Organisation")
        if self.lang == "sv" and i + 2 < n and sent[i + 1].lower_ == "i":
            place = next((m for m in items if m.start == i + 2 and self.kind_of(m.key) in owners), None)
            if place is None:
                return False
            start, end = i, place.end
            if i > 0 and re.match(r"^[A-ZÅÄÖ]\w+[ae]$", sent[i - 1].text) and not self.covered(number, i - 1):
                start = i - 1  # Regionala utvecklingsnämnden i Region X: the adjective is the name's
            head = " ".join(t.text for t in sent[start : i + 1])
            name = f"{head[0].upper()}{head[1:]} i {self.p.entities[place.key].name}"
        elif self.lang == "fi" and i > 0 and not _is_cap(token) and sent[i - 1].text.endswith("n"):
            owner = next((m for m in items if m.end == i and self.kind_of(m.key) in owners[1:]), None)
            if owner is None:
                return False
            written = " ".join(t.text for t in sent[owner.start : i])
            name = f"{written} {_base_form(token.text, self.lang)}"
            start, end = owner.start, i + 1
        else:
            return False
        key = self.entity("Organisation", name, self.ev(number, sent, offset, start, end), country=self._country())
        # the owner keeps its mention inside the body's name
        items.append(Mention(key, start, end, 0, 0, "actor"))
        items.sort(key=lambda m: m.start)
        self.mentions[number] = items
        return True

    def _owner_name(self) -> str | None:
        """The name of the municipality or region the text is about (its publisher so far)."""
        if self.p.publisher is None:
            self._publisher()
        if self.p.publisher is None:
            return None
        return self.p.entities[self.p.publisher].name

    def _owner_kind(self) -> str:
        """``kaupungin`` or ``kunnan``: how the text calls its own municipality (a city by default)."""
        owner = self._owner_genitive()
        found = re.search(rf"\b{re.escape(owner)}\s+(kaupun\w*|kun\w*)", self.text) if owner else None
        return "kunnan" if found and found.group(1).startswith("kun") else "kaupungin"

    def _maakunta_genitive(self) -> str:
        """The genitive of the maakunta the text names most often, as written (``Kainuun``);
        empty when it names none in the genitive."""
        counts: Counter = Counter()
        for number, sent, _ in self.sentences:
            for m in self.mentions.get(number, ()):
                if self.kind_of(m.key) == "Maakunta" and m.end - m.start == 1 and sent[m.start].text.endswith("n"):
                    counts[sent[m.start].text] += 1
        return counts.most_common(1)[0][0] if counts else ""

    def _owner_genitive(self) -> str:
        """The Finnish genitive of the text's municipality as the text writes it (``Kokkolan``),
        else the name with -n after a vowel; empty when there is none."""
        name = self._owner_name()
        if name is None or self.lang != "fi":
            return name or ""
        for items in self.mentions.values():
            for m in items:
                if m.key == self.p.publisher and m.char_end:
                    written = self.text[m.char_start : m.char_end].split()[0]
                    if written.endswith("n") and written[:3].lower() == name[:3].lower():
                        return written
        return name + "n" if name[-1].lower() in "aeiouyäö" else ""

    def _named_by_kind(self, number: int, sent, offset: int) -> None:
        """Names that their kind word closes (``… Oy``, ``… ry``, ``… -hanke``): read before the
        names the graph knows, so that ``Kemijärven Kehitys Oy`` is a company, not Kemijärvi."""
        texts = [t.text for t in sent]
        for i, token in enumerate(sent):
            if self.covered(number, i) or i == 0:
                continue
            lower = token.text.lower()
            # Lapplands kommunalförbund, Oulunkaaren kuntayhtymä: an association of municipalities
            if not re.match(r"^(?:\w+-)?(?:kommunalförbund|kuntayhtymä|seutukunta|samkommun)\w*$", lower):
                continue
            j = i - 1
            if self.lang == "fi" and not _is_cap(sent[j]):
                # Kainuun sosiaali- ja terveydenhuollon kuntayhtymä: lower-case genitives (and a
                # coordinated first part) back to the capitalised genitive that opens the name
                while j > 0 and i - j < 5 and not _is_cap(sent[j]):
                    word = sent[j].text
                    if not (re.fullmatch(r"[a-zåäö]\w*n|[a-zåäö]\w*-|ja", word) and word not in FI_STOP - {"ja"}):
                        break
                    j -= 1
                if not (_is_cap(sent[j]) and sent[j].text.endswith("n")):
                    continue
            if not _is_cap(sent[j]) or self.covered(number, j):
                continue
            base = _base_form(token.text, self.lang) if self.lang == "fi" else _sv_base(token.text)
            name = " ".join([*(t.text for t in sent[j:i]), base])
            key = self.entity(
                "MunicipalAssociation", name, self.ev(number, sent, offset, j, i + 1), country=self._country()
            )
            self.add_mention(number, Mention(key, j, i + 1, 0, 0, "actor"))
        # the European Union as a funder: EU-rahoitus, EU-rahoituksen osuus, EU-stöd, EU:n tuki, EU-medel
        for i, token in enumerate(sent):
            if self.covered(number, i) or not EU_FUNDING.match(
                token.text + " " + (sent[i + 1].text if i + 1 < len(sent) else "")
            ):
                continue
            after = sent.text[token.idx : token.idx + 60]
            if not any(_currency(m) for m in _AMOUNT.finditer(after)):
                continue  # EU money without its amount right after (EU-fonderna): no funding told
            name = "Euroopan unioni" if self.lang == "fi" else "Europeiska unionen"
            key = self.entity("GovernmentBody", name, self.ev(number, sent, offset, i, i + 1), country=None)
            self.add_mention(number, Mention(key, i, i + 1, 0, 0, "actor"))
        for i, token in enumerate(sent[:-1]):
            if token.text == "Region" and re.match(r"^\d+(?::s)?$", sent[i + 1].text) and not self.covered(number, i):
                name = f"Region {sent[i + 1].text.split(':')[0]}"
                key = self.entity(
                    "MunicipalAssociation", name, self.ev(number, sent, offset, i, i + 2), country=self._country()
                )
                self.add_mention(number, Mention(key, i, i + 2, 0, 0, "actor"))
        # companies and associations: capitalised words before Oy/AB/ry/förening
        for i, token in enumerate(sent):
            suffix = COMPANY_SUFFIX.match(token.text) or ASSOCIATION_SUFFIX.match(token.text)
            if not suffix or i == 0 or self.covered(number, i) or token.text == "föreningen":
                continue  # föreningen Byalaget: the kind word before the name (see _organisation_names)
            j = i
            # Bävern ekonomisk förening, Byalaget ideell förening: the legal form's adjective
            if (
                i > 1
                and sent[i - 1].lower_ in ("ekonomisk", "ideell", "ekonomiska", "ideella")
                and _is_cap(sent[i - 2])
            ):
                j = i - 1
            while j > 0 and (_is_cap(sent[j - 1]) or sent[j - 1].text in ("&", "och", "ja", "i")) and i - j < 5:
                if j > 1 and _name_pair(sent[j - 2].text, sent[j - 1].text, self.lang):
                    break  # kehittämisjohtaja Riikka Sarajärvi Tunturi-Lapin Kehitys ry:stä: a person before it
                if sent[j - 1].text == "i" and not (j > 1 and _is_cap(sent[j - 2]) and _is_cap(sent[j])):
                    break  # Bygdens Utveckling i Åsele AB: a place inside the name, between capitals
                if (
                    sent[j - 1].text in ("och", "ja")
                    and j > 1
                    and (
                        self._looks_known(sent[j - 2].text)
                        or self._after_comma(sent, j - 2)
                        or COMPANY_SUFFIX.match(sent[j - 2].text)
                        or ASSOCIATION_SUFFIX.match(sent[j - 2].text)
                    )
                ):
                    break  # A, Metsähallitus ja Kainuun Etu Oy; X Oy ja Y ry: the end of a list, not one company
                j -= 1
            while j < i and (
                not _is_cap(sent[j])
                or (
                    j == 0
                    and _opens_sentence(sent[j].text, self.lang)
                    and not _fi_genitive_noun(sent[j].text, self.lang)
                )
            ):
                # Lisäksi Kainuun Etu Oy, Även Coompanion AB: the sentence's first word is no name; a noun
                # in the genitive is (Tunturiseudun Kehitys ry)
                j += 1
            if j == i or any(self.covered(number, k) for k in range(j, i)):
                continue
            word = token.text.split(":")[0]
            if word.endswith(".") and word.lower() != "r.y.":
                word = word[:-1]  # the sentence's full stop kept on the token: Sotkamon Yrittäjät ry.
            kind = "Company" if COMPANY_SUFFIX.match(token.text) else "CivilSocietyOrganisation"
            name = " ".join([*texts[j:i], word])
            key = self.entity(kind, name, self.ev(number, sent, offset, j, i + 1), country=self._country())
            self.add_mention(number, Mention(key, j, i + 1, 0, 0, "actor"))
        # X-hanke, X -hankkeen, X –esiselvityshanketta
        for i, token in enumerate(sent):
            if self.covered(number, i):
                continue
            dashed = token.text.startswith(("-", "–")) or (
                i > 0 and sent[i - 1].text in ("-", "–") and not sent[i - 1].whitespace_
            )
            if not (HANKE.match(token.text) or (dashed and self.lang == "fi" and DASHED_KIND.match(token.text))):
                continue
            compound = re.match(r"^(\w{4,}pilotti)(?:hanke|hankkee)\w*$", token.text, re.IGNORECASE)
            if compound and not dashed:  # kumppanuuspilottihankkeessa: the pilot is named in the word
                name = compound.group(1).capitalize()
                key = self.entity("Pilot", name, self.ev(number, sent, offset, i, i + 1), country=self._country())
                self.add_mention(number, Mention(key, i, i + 1, 0, 0, "initiative"))
                continue
            attached = not dashed and "-" in token.text
            if attached:  # IndusTryWINS-hanke: the name is in the token
                name = re.split(r"[-–]", token.text)[0]
                if name and name[0].isupper():
                    key = self.entity(
                        _kind_from_word(token.text),
                        name,
                        self.ev(number, sent, offset, i, i + 1),
                        country=self._country(),
                    )
                    self.add_mention(number, Mention(key, i, i + 1, 0, 0, "initiative"))
                continue
            if not dashed and self._genitive_compound(number, sent, offset, i):
                continue
            if not dashed:
                bare = i > 0 and re.match(r"^(?:hanke|hankkee\w*|hanketta|projektet)$", token.text, re.IGNORECASE)
                if bare and self.lang == "fi" and self._headed_name(number, sent, offset, i):
                    continue
                if bare and _is_cap(sent[i - 1]) and not self.covered(number, i - 1):
                    j = i - 1
                    while j > 0 and (_is_cap(sent[j - 1]) or sent[j - 1].text == "&") and i - j < 5:
                        j -= 1
                    if j == 0 and i - j == 1 and sent[j].text.lower() in FI_STOP | SV_STOP:
                        continue
                    name = " ".join(texts[j:i])
                    if not self._looks_known(name):
                        key = self.entity("Project", name, self.ev(number, sent, offset, j, i), country=self._country())
                        self.add_mention(number, Mention(key, j, i, 0, 0, "initiative"))
                continue
            j = i - 1 if not token.text.startswith(("-", "–")) else i
            while j > 0 and i - j < 10:
                prev = sent[j - 1]
                if (prev.is_punct and prev.text not in "-–") or self.covered(number, j - 1):
                    break
                if prev.text.lower().endswith(("mää", "maa", "mään", "maan", "mässä", "massa")) and not _is_cap(prev):
                    break
                if prev.text.lower() in FI_STOP:
                    break
                if not _is_cap(prev) and LOCAL_CASE.search(prev.text):
                    break  # kaupungilta kuntavastinrahoitusta X -hankkeelle: the name is X
                if not _is_cap(prev) and prev.is_alpha and _verb(prev.text):
                    break  # Yhdistys toteuttaa X -esiselvityksen: a verb ends the name
                j -= 1
            while j < i and (sent[j].text in "-–" or (j == 0 and sent[j].text.lower() in FI_STOP)):
                j += 1
            while j < i and not any(c.isalpha() for c in sent[j].text):
                j += 1  # a minute's section mark: § 1 Sitoutuminen …
            heading = all(not any(c.isalpha() for c in t.text) for t in sent[:j])
            if (
                heading
                and i - j > 2
                and self.lang == "fi"
                and any(c.isupper() for c in sent[j + 1].text)
                and _common_word(sent[j].text)
            ):
                j += 1  # a heading's first word: Sitoutuminen Oulujoen … -hankkeeseen
            # a name starts with its capital: sitoutuu em. Oulujoen vesistöalueen vesistövisio 2035 -hankkeen
            while j < i - 1 and not _has_cap(sent[j]) and any(_is_cap(t) for t in sent[j + 1 : i]):
                j += 1
            if j == i:
                continue
            name = " ".join(texts[j:i]).replace(" – ", " – ").strip(" -–")
            name = re.sub(r"\s+([-–])\s*$", "", name)
            if not name:
                continue
            if not name[0].isupper():
                name = name[0].upper() + name[1:]
            key = self.entity(
                _kind_from_word(token.text), name, self.ev(number, sent, offset, j, i + 1), country=self._country()
            )
            self.add_mention(number, Mention(key, j, i + 1, 0, 0, "initiative"))

    def _headed_name(self, number: int, sent, offset: int, i: int) -> bool:
        """A Finnish project named by the words that open its sentence or list item, before a bare
        ``hanke``/``hankkeessa`` (the hyphen left out): ``Portti kansallispuistoon, vaihe 1 hankkeessa
        uusitaan …``. Needs Voikko to tell that no word of the name is a verb."""
        h = 0
        while h < i and not any(c.isalpha() for c in sent[h].text):
            h += 1
        words = sent[h:i]
        if not 1 <= len(words) <= 9 or not _is_cap(sent[h]) or _verb(words[0].text) is None:
            return False
        inside = [m for m in self.mentions.get(number, ()) if m.start < i and m.end > h]
        if any(self.kind_of(m.key) != "Municipality" for m in inside):
            return False
        for k, t in enumerate(words):
            if t.text.lower() == "ja" and k > 0 and words[k - 1].text.endswith("-"):
                continue  # bio- ja kiertotalouspuiston
            if t.text.lower() in FI_STOP or _verb(t.text) or (t.is_punct and t.text not in (",", "(", ")")):
                return False
            if not _is_cap(t) and t.is_alpha and (t.lower_ in FI_CONJUNCTIONS or _verb_form(t.text)):
                return False  # Johtaja X totesi, että hanke …: a finite verb or a clause's conjunction
            if not _is_cap(t) and _lemma(t.text, "fi") in _FI_CUE_LEMMAS:
                return False  # Kunnat rahoittavat hanketta: the verb of a relation, no name
            if not _is_cap(t) and (LOCAL_CASE.search(t.text) or t.text.endswith(("ksi", "sti"))):
                return False  # Hanke-esittelyn perusteella, Kemijärven lisäksi: no name
            if TITLE.search(t.text) or (k + 1 < len(words) and _name_pair(t.text, words[k + 1].text, "fi")):
                return False  # Kunnanjohtaja Heikki Rannan mukaan hanke …: a person, no project
            if t.lower_ in ("mukaan", "mielestä", "kanssa", "lisäksi", "jälkeen", "aikana"):
                return False  # postpositions: Rannan mukaan hanke …
        if h == 0 and len(words) == 1 and _common_word(words[0].text):
            return False  # Hanke, Tämä hanke: no name
        name = self.text[offset + sent[h].idx : offset + sent[i - 1].idx + len(sent[i - 1].text)].strip(" ,–-")
        key = self.entity("Project", name, self.ev(number, sent, offset, h, i), country=self._country())
        # a municipality's own mention inside the name stays (Kuusamon … energiapuuterminaali lies there)
        self._place_inside(number, sent, offset, h)
        self.mentions.setdefault(number, []).append(Mention(key, h, i, 0, 0, "initiative"))
        self.mentions[number].sort(key=lambda m: m.start)
        return True

    def _genitive_compound(self, number: int, sent, offset: int, i: int) -> bool:
        """A Finnish project named by a compound in -hanke after genitives from a capital.

        ``Utsjoen rakennemuutoksen koordinointihanke``: up to three words in the genitive (-n) before
        a compound such as ``koordinointihanke`` or ``kehittämishankkeen``, the first one capitalised
        (a place's genitive, known or not). Returns whether a name was proposed.
        """
        token = sent[i]
        if self.lang != "fi" or not re.match(r"^\w{4,}(?:hanke|hankkee\w*|hanketta)$", token.text, re.IGNORECASE):
            return False
        if token.text[0].isupper():
            return False
        j = i
        while j > 0 and i - j < 3 and re.match(r"^\w+n$", sent[j - 1].text) and sent[j - 1].text.lower() not in FI_STOP:
            j -= 1
            if _is_cap(sent[j]):
                break
        if j == i or not _is_cap(sent[j]) or self.covered(number, i):
            return False
        if any(self.covered(number, k) for k in range(j + 1, i)):
            return False
        name = " ".join(t.text for t in sent[j:i]) + " " + _base_form(token.text, "fi").lower()
        key = self.entity("Project", name, self.ev(number, sent, offset, j, i + 1), country=self._country())
        self._place_inside(number, sent, offset, j)
        # the place's own mention stays (the municipality is named too); the initiative spans it
        items = self.mentions.setdefault(number, [])
        items.append(Mention(key, j, i + 1, 0, 0, "initiative"))
        items.sort(key=lambda m: m.start)
        return True

    def _place_inside(self, number: int, sent, offset: int, j: int) -> None:
        """The municipality whose genitive opens a name (``Utsjoen …``, ``Kuusamon …``): its own
        mention, kept inside the name's."""
        items = self.mentions.setdefault(number, [])
        if self.covered(number, j):
            return
        hits = self.r.lookup(sent[j].text, self.lang)
        if hits and hits[0].score >= 90 and self.r.entity_kind(hits[0].entity) == "Municipality":
            place = self.r.reconciler.entities[hits[0].entity]
            found = self.entity(
                "Municipality",
                place.label(self.lang),
                self.ev(number, sent, offset, j, j + 1),
                iri=str(place.iri),
                confidence=0.95,
                country=place.country,
            )
            items.append(Mention(found, j, j + 1, 0, 0, "actor"))
            items.sort(key=lambda m: m.start)

    def _slash_lines(self) -> None:
        """A list of granted projects: a line with the project's name, then ``/Owner tillsammans med
        A, B och C``: the line before is an initiative, the first actor leads it, the others take part."""
        for index, (number, sent, offset) in enumerate(self.sentences):
            if index == 0 or self.text[offset : offset + 1] != "/":
                continue
            before, head, head_offset = self.sentences[index - 1]
            name = head.text.strip()
            if not name or name.endswith((".", "?", "!", ":")) or len(name.split()) > 12 or not name[0].isupper():
                continue
            key = next((m.key for m in self.mentions.get(before, ()) if self.is_initiative(m.key)), None)
            if key is None:
                key = self.entity(
                    "Project", name, self.ev(before, head, head_offset, 0, len(head)), country=self._country()
                )
                self.add_mention(before, Mention(key, 0, len(head), 0, 0, "initiative"))
            actors = [m for m in self.mentions.get(number, ()) if m.role == "actor" and self.is_actor(m.key)]
            whole = self.ev(number, sent, offset, 0, len(sent))
            for position, actor in enumerate(actors):
                self.relation(actor.key, "leads" if position == 0 else "participatesIn", key, whole, 0.7)

    def _again(self) -> None:
        """Every other mention of the new names found so far (a PhraseMatcher over their words)."""
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for key, entity in self.p.entities.items():
            if entity.iri is None and len(entity.name) >= 4:
                names = [entity.name]
                head = re.split(r"\s*[,(]", entity.name)[0]
                if head != entity.name and len(head.split()) >= 2:
                    names.append(head)  # Portti kansallispuistoon, vaihe 1 -> Portti kansallispuistoon (vaihe 1)
                matcher.add(key, [self.nlp.make_doc(name) for name in names])
        for number, sent, _ in self.sentences:
            for match_id, start, end in matcher(sent):
                if any(self.covered(number, k) for k in range(start, end)):
                    continue
                key = self.nlp.vocab.strings[match_id]
                role = (
                    "initiative" if self.is_initiative(key) else "person" if self.kind_of(key) == "Person" else "actor"
                )
                self.add_mention(number, Mention(key, start, end, 0, 0, role))
                self.p.entities[key].mentions += 1

    def _organisation_names(self, number: int, sent, offset: int) -> None:
        """A name of capitalised words closed by an organisation's kind word, in any inflection:
        ``Norrbottens Kommuner``, ``Västerbottens Läns Hembygdsförbund``, ``Pohjois-Savon
        yrittäjäyhdistyksen`` (Finnish kind words lower case, read through their base form),
        and a kind word that opens the name (``Stiftelsen Norrlandsfonden``). Read before the
        names the graph knows, so that the county in ``Norrbottens Kommuner`` is not taken alone;
        a name the graph knows is matched to it (``entity`` reconciles within its family)."""
        n = len(sent)
        for i, token in enumerate(sent):
            if self.covered(number, i):
                continue
            if LEADER_WORD.match(token.text):
                # a Leader group (local action group): Leader Polaris, Leader-ryhmä Pohjoisin Lappi,
                # Tunturi-Lapin Leader; the programme family alone (Leader) is left to the graph
                k = i + 1
                while k < n and k - i <= 4 and _is_cap(sent[k]) and not self.covered(number, k):
                    k += 1
                j = i
                while j > 0 and i - j < 3 and _is_cap(sent[j - 1]) and not self.covered(number, j - 1):
                    if j - 1 == 0 and self.lang == "sv":
                        break
                    j -= 1
                if k > i + 1 or j < i:
                    words = [t.text for t in sent[j:k]]
                    if self.lang == "fi" and k == i + 1:
                        words[-1] = _base_form(words[-1], self.lang)
                    area = self.lang == "sv" and j == i and re.search(r"(?:område|grupp)", token.lower_)
                    if area:  # Leaderområdet Fjällbygd: the group is Leader Fjällbygd
                        words[0] = "Leader"
                    key = self.entity(
                        "FundingBody", " ".join(words), self.ev(number, sent, offset, j, k), country=self._country()
                    )
                    self.add_mention(number, Mention(key, j, k, 0, 0, "actor"))
                    # Leaderområdena A, B och C: each a group
                    while area and token.lower_.endswith(("na", "erna")) and k + 1 < n:
                        if sent[k].text not in (",", "och", "samt") or not _is_cap(sent[k + 1]):
                            break
                        a = k = k + 1
                        while k < n and k - a < 4 and _is_cap(sent[k]) and not self.covered(number, k):
                            k += 1
                        if k == a:
                            break
                        name = "Leader " + " ".join(t.text for t in sent[a:k])
                        key = self.entity(
                            "FundingBody", name, self.ev(number, sent, offset, a, k), country=self._country()
                        )
                        self.add_mention(number, Mention(key, a, k, 0, 0, "actor"))
                continue
            if not token.is_alpha:
                continue
            alone = i == 0 or not _is_cap(sent[i - 1]) or self.covered(number, i - 1)
            if alone and self._one_word_organisation(number, sent, offset, i):
                continue
            kind = _organisation_kind_word(token.text, self.lang)
            if kind is None:
                continue
            j = i
            while j > 0 and j - i > -4 and _is_cap(sent[j - 1]) and not self.covered(number, j - 1):
                if sent[j - 1].text.lower() in NOT_NAME or TITLE.search(sent[j - 1].text):
                    break
                if re.match(r"^[A-ZÅÄÖ]{2,}-[a-zåäö]", sent[j - 1].text):
                    break  # EAKR-rahoitusta Lapin liitolta, EU-stöd: the money, not the name's first word
                j -= 1
            # Västerdalens samordningsförbund, Västra Fjällbyns vägförening: a Swedish kind word in lower
            # case after a capitalised genitive that is no sentence's opening word
            sv_genitive = (
                self.lang == "sv"
                and j < i
                and sent[i - 1].text.endswith("s")
                and token.is_lower
                and not token.lower_.startswith("kommun")
                and not TITLE.search(token.text)  # Region Västerbottens regionråd: a person's title
                and not (j == 0 and _opens_sentence(sent[0].text, "sv"))
            )
            if j < i and (self.lang == "fi" or _is_cap(token) or sv_genitive):
                if (
                    j == 0
                    and i - j == 1
                    and not _is_cap(token)
                    and (sent[j].text.lower() in FI_STOP or _common_word(sent[j].text))
                ):
                    continue  # Kunnan yhdistys at the head of a sentence: a common word, no name
                words = [t.text for t in sent[j:i]] + [_base_form(token.text, self.lang)]
                last = words[-1][:1].upper() + words[-1][1:] if _is_cap(token) else words[-1].lower()
                name = " ".join([*words[:-1], last])
                ev = self.ev(number, sent, offset, j, i + 1)
                key = self.entity(kind, name, ev, country=self._country())
                self.add_mention(number, Mention(key, j, i + 1, 0, 0, "actor"))
                continue
            # Stiftelsen X, Föreningen X Y: the kind word opens the name (not Kommunerna X, Y och Z)
            if self.lang == "sv" and APPOSED_KIND.match(token.text) and i + 1 < n and _is_cap(sent[i + 1]):
                # föreningen Byalaget Storlien, bolaget Fjällvind AB: the name follows its kind word
                k = i + 1
                while k < n and k - i <= 4 and _is_cap(sent[k]) and not self.covered(number, k):
                    k += 1
                if k > i + 1 and not (
                    k < n and (COMPANY_SUFFIX.match(sent[k].text) or ASSOCIATION_SUFFIX.match(sent[k].text))
                ):
                    kind = "Company" if re.match(r"^(?:bolaget|företaget)$", token.text) else "CivilSocietyOrganisation"
                    name = " ".join(t.text for t in sent[i + 1 : k])
                    if not self._looks_known(name):
                        key = self.entity(kind, name, self.ev(number, sent, offset, i + 1, k), country=self._country())
                        self.add_mention(number, Mention(key, i + 1, k, 0, 0, "actor"))
                continue
            if self.lang == "sv" and OPENS_NAME.match(token.text) and i + 1 < n and _is_cap(sent[i + 1]):
                k = i + 1
                while k < n and k - i <= 4 and _is_cap(sent[k]) and not self.covered(number, k):
                    k += 1
                if k > i + 1:
                    name = " ".join(t.text for t in sent[i:k])
                    if re.match(r"^(?:kommunalförbund|samordningsförbund)", token.lower_):
                        kind = "MunicipalAssociation"
                    key = self.entity(kind, name, self.ev(number, sent, offset, i, k), country=self._country())
                    self.add_mention(number, Mention(key, i, k, 0, 0, "actor"))

    def _one_word_organisation(self, number: int, sent, offset: int, i: int) -> bool:
        """A capitalised compound whose head is an organisation's kind word names one organisation
        alone: ``Tillväxtverket``, ``Skogsstyrelsen``, ``Sametinget``; ``Metsähallitus``,
        ``Ruokavirastolta``, ``Kuntaliiton`` (Finnish through the base form). The generic bodies
        of a municipality or region (``Kommunstyrelsen``, ``Kunnanhallitus``) are left to
        :meth:`_bodies`; a word that opens a sentence must not be a common noun (Voikko)."""
        token = sent[i]
        if not _is_cap(token) or not token.is_alpha or token.text.isupper():
            return False
        word = _base_form(token.text, self.lang) if self.lang == "fi" else token.text
        if not ONE_WORD_ORGANISATION[self.lang].match(word) or GENERIC_BODY.match(word):
            return False
        if i == 0 and self.lang == "fi" and _common_word(word):
            return False
        if self._looks_known(word):
            return False  # the graph's own name: read by _known
        kind = "GovernmentBody" if STATE_AGENCY.search(word) else "Organisation"
        key = self.entity(kind, word, self.ev(number, sent, offset, i, i + 1), country=self._country())
        self.add_mention(number, Mention(key, i, i + 1, 0, 0, "actor"))
        return True

    def _byline(self) -> None:
        """The author of a news item, named in its byline: a line near the head that ends with a
        person's name after a date (``Nyheter 3.2.2025 Anna Berg``) or after ``Text:``,
        ``Teksti:``, ``Av:``, ``Kirjoittaja:``."""
        for number, sent, offset in self.sentences[:6]:
            text = sent.text.strip()
            cue = BYLINE.match(text)
            dated = any(d.precision == "day" for d in _find_dates(text, self.lang, None))
            if not cue and not dated:
                continue
            n = len(sent)
            end = n
            while end > 0 and (sent[end - 1].is_punct or sent[end - 1].is_space):
                end -= 1
            start = end
            while start > 0 and end - start < 3 and re.match(r"^[A-ZÅÄÖ][\w'-]+$", sent[start - 1].text):
                start -= 1
            if end - start < 2 or any(self.covered(number, k) for k in range(start, end)):
                continue
            if start > 0 and not (sent[start - 1].like_num or sent[start - 1].text in (":", "|", "–", "-")):
                continue  # the name must follow the date or the cue
            name = sent[start:end].text
            if self._looks_known(name) or any(t.text.lower() in NOT_NAME for t in sent[start:end]):
                continue
            key = self.entity(
                "Person", name, self.ev(number, sent, offset, start, end), confidence=0.6, country=self._country()
            )
            self.add_mention(number, Mention(key, start, end, 0, 0, "person"))

    def _labelled_lines(self) -> None:
        """Lists of granted projects written as label–value lines (``Projektägare: X``,
        ``Hakija: X``, ``Beviljat belopp: 500 000 kr``, ``Toteutusaika: 1.1.2025–31.12.2026``):
        the project a block is about (its ``Projekt:``/``Hanke:`` line, else the unlabelled line
        before the block) is led by the owner, the partners take part, the amount is its funding
        from the funder named (else the publisher), the period is its run."""
        project: str | None = None
        funder: str | None = None
        previous: tuple | None = None
        labelled_line = -1
        grantor: str | None = None
        for number, sent, offset in self.sentences:
            match = LABEL_LINE.match(sent.text)
            label = _fold(match.group("label")) if match else ""
            role = next((r for r, words in LABELS.items() if re.fullmatch(words, label)), None)
            if match is None or role is None:
                if self.paragraph.get(number) == labelled_line:
                    continue  # the rest of a labelled line that the sentencizer cut (ek. för.)
                granted = GRANTED.search(sent.text)
                if granted and grantor is None:
                    actors = [m for m in self.mentions.get(number, ()) if m.role == "actor" and self.is_actor(m.key)]
                    where = sent.char_span(granted.start(), granted.end(), alignment_mode="expand")
                    before = [m for m in actors if where is not None and m.end <= where.start]
                    grantor = before[0].key if before else None
                previous = (number, sent, offset)
                project, funder = None, None
                continue
            labelled_line = self.paragraph.get(number, -1)
            self.labelled.add(number)
            colon = sent.char_span(match.end("label"), match.end("label") + 1, alignment_mode="expand")
            value_start = colon.end if colon is not None else 0
            value = sent.text[match.start("value") :].strip()
            named = [m for m in self.mentions.get(number, ()) if m.start >= value_start]
            whole = self.ev(number, sent, offset, 0, len(sent))
            if role == "name":
                found = next((m.key for m in named if self.is_initiative(m.key)), None)
                if found is None and value and value[0].isupper() and len(value.split()) <= 12:
                    name = re.split(r"\s+[–-]\s+|\s*\(", value.rstrip("."))[0]
                    ev = self.ev(number, sent, offset, value_start, len(sent))
                    found = self.entity(_kind_from_word(name.split()[-1]), name, ev, country=self._country())
                    self.add_mention(number, Mention(found, value_start, len(sent), 0, 0, "initiative"))
                project = found
                continue
            if project is None and previous is not None:
                # the unlabelled line just before the block names the project
                p_number, p_sent, p_offset = previous
                head = p_sent.text.strip().rstrip(":")
                if head and head[0].isupper() and len(head.split()) <= 12 and not head.endswith((".", "?", "!")):
                    known = [m.key for m in self.mentions.get(p_number, ()) if self.is_initiative(m.key)]
                    project = known[0] if known else None
                    if project is None:
                        ev = self.ev(p_number, p_sent, p_offset, 0, len(p_sent))
                        project = self.entity("Project", head, ev, country=self._country())
                        self.add_mention(p_number, Mention(project, 0, len(p_sent), 0, 0, "initiative"))
            if role in ("owner", "partner", "funder"):
                actors = [m.key for m in named if self.is_actor(m.key)]
                if not actors and value and value[0].isupper():
                    for part in re.split(r",\s*|\s+(?:och|samt|ja|sekä)\s+|;\s*", value.rstrip(".")):
                        part = part.strip()
                        if part and part[0].isupper() and len(part.split()) <= 6:
                            actors.append(self.entity("Organisation", part, whole, country=self._country()))
                if role == "funder":
                    funder = actors[0] if actors else funder
                    if project is not None:
                        for actor in actors:
                            self.relation(actor, "funds", project, whole, 0.7)
                elif project is not None:
                    for position, actor in enumerate(actors):
                        relation = "leads" if role == "owner" and position == 0 else "participatesIn"
                        self.relation(actor, relation, project, whole, 0.75)
            elif role == "amount" and project is not None:
                amount = next((a for a in _AMOUNT.finditer(value) if _currency(a)), None)
                paid_by = funder or grantor or self.p.publisher
                figure = _amount_value(amount) if amount is not None else None
                if figure is not None and paid_by is not None:
                    self.relation(paid_by, "funds", project, whole, 0.7, amount=figure, currency=_currency(amount))
            elif role == "period" and project is not None:
                dates = _find_dates(value, self.lang, self.year)
                entity = self.p.entities[project]
                if dates and entity.start is None:
                    entity.start = dates[0].start
                    entity.end = dates[0].end or (dates[1].start if len(dates) > 1 else None)

    def _grant_lists(self) -> None:
        """A list of granted initiatives, one item per line after a sentence that opens it
        (:data:`GRANT_LIST`; an invented example: ``Nämnden beviljade följande projekt:`` then
        ``- Fjällbyar, Sorsele kommun, 400 000 kr``): who grants (the actor before the grant
        verb, else the publisher) funds each item's initiative with the item's amount, and the
        first organisation of the item (or its owner in the genitive) leads it. The list ends at
        the first line that names neither an initiative nor an amount."""
        grantor: str | None = None
        for number, sent, offset in self.sentences:
            text = sent.text
            items = self.mentions.get(number, ())
            if grantor is not None and number not in self.labelled:
                initiatives = [m for m in items if self.is_initiative(m.key) and self.kind_of(m.key) not in _EVENTS]
                amount = next((a for a in _AMOUNT.finditer(text) if _currency(a)), None)
                if not initiatives and (amount is not None or items):
                    head = self._item_head(number, sent, offset)
                    initiatives = [head] if head is not None else []
                    items = self.mentions.get(number, ())
                if not initiatives and amount is None:
                    grantor = None
                elif initiatives:
                    self.granted_by[number] = grantor
                    target = initiatives[0].key
                    whole = self.ev(number, sent, offset, 0, len(sent))
                    owners = [
                        m
                        for m in items
                        if m.role == "actor"
                        and self.is_actor(m.key)
                        and m.key != grantor
                        and self.kind_of(m.key) != "Person"
                        and not self.r_family_is_funder(m.key)
                    ]
                    if owners and not any(r.relation == "leads" and r.object == target for r in self.p.relations):
                        self.relation(owners[0].key, "leads", target, whole, 0.6)
                    if len(initiatives) == 1:
                        self.relation(grantor, "funds", target, whole, 0.6)
                    continue
            if GRANT_LIST.search(text) and (text.rstrip().endswith(":") or len(text) < 300):
                self.grant_openers.add(number)
                actors = [m for m in items if m.role == "actor" and self.is_actor(m.key)]
                verb = GRANTED.search(text)
                where = sent.char_span(verb.start(), verb.end(), alignment_mode="expand") if verb else None
                before = [m for m in actors if where is not None and m.end <= where.start]
                found = before[0].key if before else (actors[0].key if actors else self.p.publisher)
                if found is not None and (self.kind_of(found) != "Municipality" or found == self.p.publisher):
                    grantor = found

    def _item_head(self, number: int, sent, offset: int) -> Mention | None:
        """The name at the head of a list item (after its bullet, up to a comma, dash, bracket or
        colon) that no rule took: an initiative of a list of grants (``- Fjällbyar, Sorsele
        kommun, 400 000 kr``)."""
        i = 0
        while i < len(sent) and (sent[i].text in ("-", "–", "•", "*") or sent[i].is_space):
            i += 1
        if i >= len(sent) or not _is_cap(sent[i]) or self.covered(number, i) or sent[i].lower_ in NOT_NAME:
            return None
        k = i
        while k < len(sent) and k - i < 8 and sent[k].text not in (",", "–", "-", "(", ":", ";", "."):
            if self.covered(number, k) or sent[k].like_num:
                return None
            k += 1
        if k >= len(sent) or sent[k].text not in (",", "–", "-", "(", ":"):
            return None
        name = " ".join(t.text for t in sent[i:k])
        key = self.entity(_kind_from_word(sent[k - 1].text), name, self.ev(number, sent, offset, i, k))
        mention = Mention(key, i, k, 0, 0, "initiative")
        self.add_mention(number, mention)
        return mention

    def _acronyms(self) -> None:
        """``Name (ACR)``: the acronym in parentheses names the entity just before it (its
        alternative name), and every later ``ACR`` of the text is a mention of it. A name the
        text has not yet read (capitalised words whose initials the acronym follows) is a new
        organisation, or an initiative when a kind word of initiatives is among its words."""
        from spacy.matcher import PhraseMatcher

        found: dict[str, str] = {}
        for number, sent, offset in self.sentences:
            for match in re.finditer(r"\(\s*([A-ZÅÄÖ][A-ZÅÄÖ0-9&-]{1,9}[a-zåäö]?)\s*\)", sent.text):
                acronym = match.group(1)
                if sum(c.isupper() for c in acronym) < 2:
                    continue
                where = sent.char_span(match.start(), match.end(), alignment_mode="expand")
                if where is None or where.start == 0:
                    continue
                before = where.start
                named = next((m for m in self.mentions.get(number, ()) if m.end == before), None)
                if (
                    named is not None
                    and self.kind_of(named.key) in _PLACES
                    and not _initials_fit(acronym, self.p.entities[named.key].name.split())
                ):
                    named = None  # Jämtland Härjedalen Turism (JHT): places inside an organisation's name
                if named is not None:
                    key = named.key
                else:
                    j = before
                    while j > 0 and before - j < 8:
                        word = sent[j - 1]
                        if _is_cap(word) or (
                            word.is_alpha and word.text.islower() and j - 1 > 0 and before - j < 6 and j < before
                        ):
                            j -= 1
                            continue
                        break
                    # the longest run of words that starts with a capital and whose initials fit
                    j = next(
                        (
                            k
                            for k in range(j, before - 1)
                            if _is_cap(sent[k]) and _initials_fit(acronym, [t.text for t in sent[k:before]])
                        ),
                        before,
                    )
                    if before - j < 2:
                        continue
                    inside = [m for m in self.mentions.get(number, ()) if m.start < before and m.end > j]
                    if any(m.start < j or m.end > before or self.kind_of(m.key) not in _PLACES for m in inside):
                        continue
                    name = sent[j:before].text
                    kind = self._initiative_kind(sent, j, before)
                    if kind == "Project" and not any(
                        PROJECT_WORD.match(t.text) or HANKE.match(t.text) for t in sent[j:before]
                    ):
                        kind = "Organisation"
                    key = self.entity(kind, name, self.ev(number, sent, offset, j, before), country=self._country())
                    role = "initiative" if self.is_initiative(key) else "actor"
                    self.add_mention(number, Mention(key, j, before, 0, 0, role))
                entity = self.p.entities[key]
                if entity.iri is None and acronym not in entity.alt_names:
                    entity.alt_names.append(acronym)
                found[acronym] = key
        if not found:
            return
        matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for acronym, key in found.items():
            matcher.add(
                key, [self.nlp.make_doc(acronym), self.nlp.make_doc(acronym + ":n"), self.nlp.make_doc(acronym + ":s")]
            )
        for number, sent, _ in self.sentences:
            for match_id, start, end in matcher(sent):
                if any(self.covered(number, k) for k in range(start, end)):
                    continue
                key = self.nlp.vocab.strings[match_id]
                role = "initiative" if self.is_initiative(key) else "actor"
                self.add_mention(number, Mention(key, start, end, 0, 0, role))
                self.p.entities[key].mentions += 1

    def _bare_acronyms(self) -> None:
        """An acronym the text never introduces (``Koordinator R10``) is a mention of the one
        organisation of the text whose strict initials it is (:func:`_strict_initials`: ``Region
        10`` -> ``R10``, ``Sveriges Kommuner och Regioner`` -> ``SKR``); with none or several such
        organisations it is left alone."""
        by_initials: dict[str, set[str]] = {}
        for key, entity in self.p.entities.items():
            if self.is_actor(key) and entity.kind != "Person":
                for name in (entity.name, *entity.alt_names):
                    initials = _strict_initials(name)
                    if len(initials) >= 2:
                        by_initials.setdefault(initials, set()).add(key)
        for number, sent, _ in self.sentences:
            for i, token in enumerate(sent):
                match = re.fullmatch(r"([A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,5})(?::s|:n)?", token.text)
                if match is None or self.covered(number, i) or TITLE.search(token.text):
                    continue
                keys = by_initials.get(match.group(1), set())
                if len(keys) != 1:
                    continue
                key = next(iter(keys))
                role = "initiative" if self.is_initiative(key) else "actor"
                self.add_mention(number, Mention(key, i, i + 1, 0, 0, role))
                self.p.entities[key].mentions += 1
                if self.p.entities[key].iri is None and match.group(1) not in self.p.entities[key].alt_names:
                    self.p.entities[key].alt_names.append(match.group(1))

    def _initiative_kind(self, sent, start: int, end: int) -> str:
        near = " ".join(t.text for t in sent[max(0, start - 3) : min(len(sent), end + 3)])
        for pattern, kind in INITIATIVE_KINDS:
            if any(pattern.search(w) for w in near.split()):
                return kind
        return "Project"

    def _country(self) -> str:
        return "FI" if self.lang == "fi" else "SE"

    # ------------------------------------------------------------------ persons and posts
    def _persons(self, number: int, sent, offset: int) -> None:
        n = len(sent)
        i = 0
        while i < n - 1:
            a, b = sent[i], sent[i + 1]
            if not (
                _is_cap(a)
                and _is_cap(b)
                and (a.is_alpha or HYPHENATED_NAME.match(a.text))
                and re.match(r"^[A-ZÅÄÖ][\w'-]+$", b.text)
                and not self.covered(number, i)
                and (not self.covered(number, i + 1) or self._place_as_surname(number, sent, i))
                and a.text.lower() not in NOT_NAME
                and b.text.lower() not in NOT_NAME
                and not TITLE.search(a.text)
                and not TITLE.search(b.text)
                and not a.text.isupper()
                and not b.text.isupper()
            ):
                i += 1
                continue
            end = i + 2
            if (
                end < n
                and re.match(r"^[A-ZÅÄÖ][\w'-]+$", sent[end].text)
                and not self.covered(number, end)
                and not TITLE.search(sent[end].text)
                and sent[end].text.lower() not in NOT_NAME
            ):
                # a third name (Helene Hellmark Knutsson) when a title stands right before or after the three
                titled_before = i > 0 and TITLE.search(sent[i - 1].text) and not self._looks_known(sent[end].text)
                end += 1 if titled_before or self._title_near(sent, end + 1, end + 1) is not None else 0
            title = self._title_near(sent, i, end)
            if title is None:
                # no title, but the name is the speaker of a quote: säger Anna Berg, kertoo Matti Virtanen
                said = (i > 0 and SPEECH.match(sent[i - 1].text)) or (end < n and SPEECH.match(sent[end].text))
                name = " ".join(t.text for t in sent[i:end])
                org = self._listed_with_org(number, sent, i, end)
                if org is not None and not self._looks_known(name):
                    # Deltagare: Anna Berg, Storumans kommun; Per Ek, Region X: a person listed with
                    # the organisation they come from (no title, so no post)
                    key = self.entity(
                        "Person", name, self.ev(number, sent, offset, i, end), confidence=0.6, country=self._country()
                    )
                    self.add_mention(number, Mention(key, i, end, 0, 0, "person"))
                    i = end
                    continue
                if said and not self._looks_known(name) and all(not t.is_stop for t in sent[i:end]):
                    key = self.entity(
                        "Person", name, self.ev(number, sent, offset, i, end), confidence=0.7, country=self._country()
                    )
                    self.add_mention(number, Mention(key, i, end, 0, 0, "person"))
                    i = end
                    continue
                if (
                    end == i + 2
                    and _name_pair(a.text, b.text, self.lang, initial=a.is_sent_start)
                    and not self._looks_known(name)
                ):
                    # a first name and a surname by their morphology (Voikko's name classes), in any
                    # case and without a title: Tapio Rantasen ja Marjatta Kivelän, Britta Holmqvist
                    key = self.entity(
                        "Person", name, self.ev(number, sent, offset, i, end), confidence=0.6, country=self._country()
                    )
                    self.add_mention(number, Mention(key, i, end, 0, 0, "person"))
                    i = end
                    continue
                i += 1
                continue
            if self._looks_known(" ".join(t.text for t in sent[i:end])):
                i += 1
                continue
            name = " ".join(t.text for t in sent[i:end])
            key = self.entity(
                "Person", name, self.ev(number, sent, offset, i, end), confidence=0.8, country=self._country()
            )
            self.add_mention(number, Mention(key, i, end, 0, 0, "person"))
            t_start, t_end = title
            role = " ".join(t.text for t in sent[t_start:t_end])
            org = self._post_org(number, sent, offset, t_start, t_end)
            if t_end <= i:
                # the title before the name, the organisation after it: projektipäällikkö X
                # Kemijärven kaupungilta, projektledare Y på Luleå tekniska universitet
                org = self._org_after_name(number, sent, end) or org
            if re.search(r"minister", role, re.IGNORECASE) and (org is None or self.kind_of(org) == "Municipality"):
                # a minister of the government (civilminister, kuntaministeri): the post is in the government
                org = self._government(number, sent, offset, t_start, t_end) or org
            # Regionstyrelsens ordförande X, Kommunstyrelsens ordförande X (S) i Sorsele,
            # maakuntahallituksen puheenjohtaja X: the post is at the region, council or municipality
            org = self._board_owner(number, sent, t_start, end) or org
            if org is None or org == self.p.publisher or self.kind_of(org) == "Municipality":
                # regionråd, maakuntajohtaja, landshövding: the title tells the kind of organisation
                org = self._title_owner(role) or org
            elif MUNICIPAL_TITLE.match(role) and not self._municipal(org):
                # kunnanjohtaja, kommunchef: a municipality's official, not one of the organisation named
                # before (Alueorganisaatiota hallinnoi X ry. Valmistelija kunnanjohtaja Y.)
                org = self._most_named(lambda k: self.kind_of(k) == "Municipality")
            if org is None and self.p.publisher is None:
                self._publisher()
            org = org or self.p.publisher
            if org is not None and MUNICIPAL_TITLE.match(role) and not self._municipal(org):
                org = None  # a municipality's official, and the text names no municipality
            if org is not None:
                self.relation(
                    key,
                    "holdsPost",
                    org,
                    self.ev(number, sent, offset, min(i, t_start), max(end, t_end)),
                    0.8 if org != self.p.publisher else 0.5,
                    role=_base_form(role, self.lang).lower() if self.lang == "fi" else _sv_title(role),
                )
            i = end

    def _listed_with_org(self, number: int, sent, i: int, end: int) -> str | None:
        """The organisation a name ``sent[i:end]`` is listed with in a list of people (``Anna Berg,
        Storumans kommun; Per Ek, Trafikverket``): the actor right after the comma, closing the
        item, in a list whose items are parted by semicolons or that a label opens (``Deltagare:``,
        ``Läsnä:``), or after a name Voikko knows as a first name."""
        n = len(sent)
        if end + 1 >= n or sent[end].text != ",":
            return None
        org = next(
            (
                m
                for m in self.mentions.get(number, ())
                if m.start == end + 1 and m.role == "actor" and self.kind_of(m.key) != "Person"
            ),
            None,
        )
        if org is None or (org.end < n and sent[org.end].text not in (";", ".", ",")):
            return None
        listed = ";" in sent.text or re.search(
            r"\b(?:deltagare|närvarande|medverkande|deltog|läsnä|osallistujat|paikalla|mukana)\s*:", sent.text, re.I
        )
        return org.key if listed or _first_name(sent[i].text) else None

    def _politician_place(self, number: int, sent, end: int) -> str | None:
        """The municipality of a politician written ``Name (S) i Sorsele``: the party's
        abbreviation in brackets right after the name, then ``i`` and a municipality."""
        if end >= len(sent) or sent[end].text != "(":
            return None
        k = next((j for j in range(end + 1, min(len(sent), end + 5)) if sent[j].text == ")"), None)
        if k is None or k + 2 >= len(sent) or sent[k + 1].lower_ != "i":
            return None
        return next(
            (
                m.key
                for m in self.mentions.get(number, ())
                if m.start == k + 2 and self.kind_of(m.key) == "Municipality"
            ),
            None,
        )

    def _regional_authority(self, key: str) -> bool:
        """Whether ``key`` is a region or a regional council (``kg:RegionalAuthority``), read or known."""
        entity = self.p.entities[key]
        if entity.kind == "RegionalAuthority":
            return True
        if entity.iri is None:
            return False
        from rdflib import URIRef

        index = self.r.reconciler.by_iri.get(URIRef(entity.iri))
        return index is not None and self.r.entity_kind(index) == "RegionalAuthority"

    def _most_named(self, wanted) -> str | None:
        """The entity the text names most among those ``wanted(key)`` accepts (the publisher
        first when it is one of them)."""
        if self.p.publisher and wanted(self.p.publisher):
            return self.p.publisher
        counts = Counter(m.key for items in self.mentions.values() for m in items if wanted(m.key))
        return counts.most_common(1)[0][0] if counts else None

    def _municipal(self, key: str) -> bool:
        """Whether ``key`` is a municipality or one of its bodies (``Kommunstyrelsen i Sorsele``,
        ``Sallan kunnanhallitus``)."""
        if self.kind_of(key) == "Municipality":
            return True
        name = self.p.entities[key].name.lower()
        return bool(re.search(r"kommun|kunnan|kunta|kaupungin|stads?\b|kaupunki", name))

    def _title_owner(self, role: str) -> str | None:
        """The organisation a title belongs to by its kind (:data:`REGION_TITLE`,
        :data:`COUNTY_TITLE`): a region's or regional council's title (``regionråd``,
        ``maakuntajohtaja``) is at the region the text names most, a governor's (``landshövding``)
        at the county administrative board it names; None for other titles or when the text names
        no such body."""
        if REGION_TITLE.search(role):
            return self._most_named(self._regional_authority)
        if COUNTY_TITLE.search(role):
            return self._most_named(
                lambda k: self.kind_of(k) != "Person" and self.p.entities[k].name.lower().startswith("länsstyrelse")
            )
        return None

    def _board_owner(self, number: int, sent, t_start: int, end: int) -> str | None:
        """Where the post of a board's chair or member is, when the board is written in the
        genitive before the title without its owner (:data:`BOARD_GENITIVE`): the region or
        regional council (``Regionstyrelsens ordförande``, ``maakuntahallituksen
        puheenjohtaja``): the one the sentence names, else the publisher, else the one the text
        names most; the municipality (``Kommunstyrelsens ordförande X (C) i Sorsele``,
        ``kunnanhallituksen puheenjohtaja``): the one after the party's brackets, else the one
        the sentence names (one only), else the publishing municipality. None when the text
        does not tell, or there is no such genitive. A politician written ``Name (C) i Ort``
        is of that municipality, whatever the title."""
        place = self._politician_place(number, sent, end)
        if place is not None:
            return place
        if t_start == 0 or self.covered(number, t_start - 1):
            return None
        board = BOARD_GENITIVE.match(sent[t_start - 1].text)
        if board is None:
            return None
        in_sentence = [m.key for m in self.mentions.get(number, ()) if m.role == "actor" or self.is_actor(m.key)]
        if board.group("region"):
            found = [k for k in in_sentence if self._regional_authority(k)]
            if found:
                return found[0]
            return self._most_named(self._regional_authority)
        found = list(dict.fromkeys(k for k in in_sentence if self.kind_of(k) == "Municipality"))
        if len(found) == 1:
            return found[0]
        if self.p.publisher and self.kind_of(self.p.publisher) == "Municipality":
            return self.p.publisher
        return None

    def _place_as_surname(self, number: int, sent, i: int) -> bool:
        """Whether the token after the first name ``sent[i]`` is a surname that the reference data
        knows as a place (Anna Berg, Liisa Salo): a whole municipality name in its base form, right
        after a capitalised word no rule took, with a title next to the two."""
        place = next((m for m in self.mentions.get(number, ()) if m.start <= i + 1 < m.end), None)
        if place is None or (place.start, place.end) != (i + 1, i + 2) or self.kind_of(place.key) != "Municipality":
            return False
        if _fold(sent[i + 1].text) not in {_fold(n) for n in self._names_of(place.key)}:
            return False  # an inflected form (Bergs, Salon) is the place
        return self._title_near(sent, i, i + 2) is not None or self._listed_with_org(number, sent, i, i + 2) is not None

    def _names_of(self, key: str) -> set[str]:
        entity = self.p.entities[key]
        names = {entity.name}
        if entity.iri is not None:
            hit = next((e for e in self.r.reconciler.entities if str(e.iri) == entity.iri), None)
            if hit is not None:
                names |= {text for text, _, _ in hit.labels}
        return names

    def _item_span(self, number: int, sent, a: int, b: int) -> tuple[int, int]:
        """The name in the tokens ``a``..``b`` of a list: the first item keeps its last
        capitalised words (``I nätverket finns Sorsele kommun`` -> ``Sorsele kommun``), the last
        its first ones (``Fjällkraft Norr deltar`` -> ``Fjällkraft Norr``)."""

        def named(k: int) -> bool:
            if self.covered(number, k) or sent[k].lower_ in ("kommun", "kunta", "kaupunki"):
                return True
            return _is_cap(sent[k]) and not sent[k].is_stop  # I, Vi, Me at a sentence's head are no names

        if named(a):
            end = a
            while end < b and named(end):
                end += 1
            return a, end
        start = b
        while start > a and named(start - 1):
            start -= 1
        return (start, b) if start < b else (a, b)

    @staticmethod
    def _after_comma(sent, k: int) -> bool:
        """Whether the capitalised words ending at token ``k`` follow a comma (an item of a list)."""
        while k >= 0 and _is_cap(sent[k]):
            k -= 1
        return k >= 0 and sent[k].text == ","

    def _listed_with_actors(self, number: int, sent, offset: int) -> None:
        """A capitalised name that no rule took, listed among organisations (``A, B och C``,
        ``A, B ja C``, commas and och/samt/ja/sekä between them) is an organisation too: ``Almi
        Företagspartner Mitt`` beside a county board and a university. The list needs two named
        organisations or municipalities; a first name that Voikko knows (Finnish) is a person's."""
        separators = {",", "och", "samt", "ja", "sekä", "&"}
        n = len(sent)
        items: list[tuple[int, int]] = []  # the list's items as token ranges
        i = 0
        while i < n:
            if sent[i].text in separators:
                i += 1
                continue
            j = i
            while (
                j < n and sent[j].text not in separators and not (sent[j].is_punct and sent[j].text not in ("-", "&"))
            ):
                j += 1
            items.append(self._item_span(number, sent, i, j))
            i = j if j > i else i + 1
        # runs of items joined by separators only
        runs: list[list[tuple[int, int]]] = [[]]
        for k, item in enumerate(items):
            if k and not all(t.text in separators for t in sent[items[k - 1][1] : item[0]]):
                runs.append([])
            if k and items[k - 1][1] == item[0]:
                runs.append([])
            runs[-1].append(item)
        mentions = self.mentions.get(number, ())
        for run in runs:
            if len(run) < 3:
                continue
            known = [
                (a, b)
                for a, b in run
                if any(
                    m.start == a and b - 1 <= m.end <= b and m.role == "actor" and self.kind_of(m.key) != "Person"
                    for m in mentions
                )
            ]
            if len(known) < 2:
                continue
            for a, b in run:
                if (a, b) in known or any(self.covered(number, k) for k in range(a, b)) or not 1 <= b - a <= 4:
                    continue
                if not all(_is_cap(t) or t.text in ("i", "för", "-") for t in sent[a:b]) or not _is_cap(sent[b - 1]):
                    continue
                if sent[a].lower_ in NOT_NAME or (self.lang == "fi" and _first_name(sent[a].text)):
                    continue
                name = " ".join(t.text for t in sent[a:b])
                key = self.entity(
                    "Organisation", name, self.ev(number, sent, offset, a, b), confidence=0.5, country=self._country()
                )
                self.add_mention(number, Mention(key, a, b, 0, 0, "actor"))

    def _party_members(self, number: int, sent, offset: int) -> None:
        """A politician written with the party's abbreviation (``Rickard Carstedt (S)``,
        ``Liisa Ahonen (kesk.)``): the person, the party (:data:`PARTIES`) and the membership."""
        parties = PARTIES[self.lang]
        for match in PARTY_MEMBER.finditer(sent.text):
            abbreviation = match.group("party")
            party = parties.get(abbreviation if self.lang == "sv" else abbreviation.lower())
            if party is None or (self.lang == "sv" and not abbreviation.isupper()):
                continue
            span = sent.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
            if span is None or TITLE.search(span[0].text) or span[0].text.lower() in NOT_NAME:
                continue
            known = next((m for m in self.mentions.get(number, ()) if m.start <= span.start < m.end), None)
            if known is not None and self.kind_of(known.key) != "Person":
                continue  # a place or body before the brackets, not a person
            ev = self.ev(number, sent, offset, span.start, span.end)
            person = known.key if known is not None else None
            if person is None:
                if self._looks_known(span.text):
                    continue
                person = self.entity("Person", span.text, ev, confidence=0.8, country=self._country())
                self.add_mention(number, Mention(person, span.start, span.end, 0, 0, "person"))
            where = sent.char_span(match.start("party"), match.end("party"), alignment_mode="expand")
            party_ev = self.ev(number, sent, offset, where.start, where.end) if where is not None else ev
            key = self.entity("PoliticalParty", party, party_ev, confidence=0.9, country=self._country())
            self.relation(person, "memberOf", key, self.ev(number, sent, offset, span.start, span.end + 3), 0.8)
            # Name (C) i Sorsele, no title: an elected representative of that municipality
            place = self._politician_place(number, sent, span.end)
            if place is not None and not any(
                r.subject == person and r.relation == "holdsPost" for r in self.p.relations
            ):
                self.relation(
                    person,
                    "holdsPost",
                    place,
                    self.ev(number, sent, offset, span.start, min(len(sent), span.end + 5)),
                    0.5,
                    role="förtroendevald" if self.lang == "sv" else "luottamushenkilö",
                )

    def _government(self, number: int, sent, offset: int, start: int, end: int) -> str | None:
        """The national government of the text's country as the graph knows it (``Regeringen``,
        ``Valtioneuvosto``), or None when the reference data has no such body."""
        name = "Regeringen" if self.lang == "sv" else "Valtioneuvosto"
        hits = self.r.lookup(name, self.lang)
        if not hits or hits[0].score < 90:
            return None
        entity = self.r.reconciler.entities[hits[0].entity]
        return self.entity(
            self.r.entity_kind(hits[0].entity),
            entity.label(self.lang),
            self.ev(number, sent, offset, start, end),
            iri=str(entity.iri),
            confidence=0.7,
            country=entity.country,
        )

    def _looks_known(self, name: str) -> bool:
        hits = self.r.lookup(name, self.lang)
        return bool(hits and hits[0].score >= 95)

    def _title_near(self, sent, start: int, end: int):
        """(start, end) of a title within two words before ``start`` or after ``end``."""
        n = len(sent)
        k = end
        while (
            k < n
            and k < end + 6
            and (
                sent[k].text in (",", "(", ")", ":", "–", "-", "är", "on", "som", "toimii")
                or (re.match(r"^[A-ZÅÄÖ]{1,3}$", sent[k].text) and k > 0 and sent[k - 1].text == "(")
            )
        ):
            k += 1
        if k < n and TITLE.search(sent[k].text):
            stop = k + 1
            return k, stop
        if k > end and sent[k - 1].text == "," and k < n and _is_cap(sent[k]):
            # the organisation in the genitive between the comma and the title: Maija Virtanen,
            # Kainuun liiton projektipäällikkö; Anna Berg, Region Norrbottens projektdirektör
            j = k
            while j < n and j < k + 4 and (_is_cap(sent[j]) or re.search(r"\w(?:n|s)$", sent[j].text)):
                if TITLE.search(sent[j].text):
                    break
                j += 1
            if j < n and j > k and TITLE.search(sent[j].text) and re.search(r"\w(?:n|s)$", sent[j - 1].text):
                return j, j + 1
        if (
            k + 1 < n
            and k > end
            and sent[k - 1].text == ","
            and sent[k].is_alpha
            and sent[k].text.islower()
            and sent[k].lower_ not in SV_STOP | FI_STOP
            and TITLE.search(sent[k + 1].text)
        ):
            return k, k + 2  # Anna Berg, regional utvecklingsdirektör; Matti Ek, vt. kunnanjohtaja
        k = start - 1
        if k >= 0 and TITLE.search(sent[k].text):
            begin = k
            # a genitive or adjective before the title belongs to it (kunnanhallituksen puheenjohtaja)
            return begin, start
        if k >= 0 and sent[k].text in (",", ":") and k - 1 >= 0 and TITLE.search(sent[k - 1].text):
            if k >= 2 and sent[k - 2].text == ",":
                return None  # A, kommundirektör, B: a list of names with titles; the title is A's
            return k - 1, k
        # the title, then where the post is, then a comma: ordförande i Storuman, Per Ek
        if k >= 2 and sent[k].text == ",":
            j = k - 1
            while j > 0 and j >= k - 3 and _is_cap(sent[j]):
                j -= 1
            if j < k - 1 and j >= 1 and sent[j].lower_ in ("i", "för", "vid", "på") and TITLE.search(sent[j - 1].text):
                return j - 1, j
        # the title and where the post is, right before the name: projektdirektör vid Region Norrbotten Anna Berg
        j = k
        while j > 0 and j >= k - 3 and _is_cap(sent[j]) and not TITLE.search(sent[j].text):
            j -= 1
        if j < k and j >= 1 and sent[j].lower_ in ("vid", "på", "hos", "i") and TITLE.search(sent[j - 1].text):
            return j - 1, j
        # Projektledare är Anna Lind, Hankkeen vetäjä on Matti Virtanen
        # (Projektipäällikkönä toimii Maija Virtanen: the title in the essive, then the verb)
        if (
            k >= 1
            and sent[k].text.lower() in ("är", "blir", "on", "oli", "var", "toimii", "toimi")
            and TITLE.search(sent[k - 1].text)
        ):
            return k - 1, k
        return None

    def _org_after_name(self, number: int, sent, end: int) -> str | None:
        """The organisation named right after a person's name: in a Finnish ablative or elative
        (``kaupungilta``, ``yliopistosta``) or after Swedish ``på``/``vid``/``från``."""
        for m in self.mentions.get(number, ()):
            if not self.is_actor(m.key) or self.kind_of(m.key) == "Person":
                continue
            if self.lang == "fi" and m.start == end and re.search(r"(?:lta|ltä|sta|stä)$", sent[m.end - 1].text):
                return m.key
            if (
                self.lang == "sv"
                and m.start == end + 1
                and end < len(sent)
                and sent[end].text in ("på", "vid", "från", "hos")
            ):
                return m.key
            if (
                m.start == end + 1
                and end < len(sent)
                and sent[end].text == ","
                and (m.end == len(sent) or sent[m.end].is_punct)
                and self.kind_of(m.key) not in ("County", "Maakunta", "Country")
            ):
                return m.key  # a contact line: hankepäällikkö Liisa Mäki, Pellon kunta, p. 040 …
        return None

    def _post_org(self, number: int, sent, offset: int, t_start: int, t_end: int):
        """The organisation of a post: ``kommunchef i Lycksele`` (after the title),
        ``Kemijärven kaupungin palvelualuejohtaja`` (a genitive before it), or the line's head
        in a list (``Dorotea: Olli Joenväärä, kommunchef``)."""
        for m in self.mentions.get(number, ()):
            if m.start == t_end and self.is_actor(m.key) and self.kind_of(m.key) != "Person":
                return m.key
            if (
                m.start in (t_end + 1,)
                and sent[t_end].text.lower() in ("i", "vid", "på", "för", "inom", "hos")
                and self.is_actor(m.key)
            ):
                return m.key
            if (
                m.start == t_end + 1
                and sent[t_end].text == ","
                and (m.end == len(sent) or sent[m.end].is_punct)
                and self.is_actor(m.key)
                and self.kind_of(m.key) != "Person"
            ):
                return m.key  # a signature: Anna Berg, projektledare, Region Norrbotten
            if m.end in (t_start, t_start - 1) and self.is_actor(m.key) and self.kind_of(m.key) != "Person":
                return m.key
        # ordförande i regionala utvecklingsnämnden: a body the text names elsewhere, here in lower case
        if t_end + 1 < len(sent) and sent[t_end].lower_ in ("i", "för", "vid", "hos"):
            for k in range(min(len(sent), t_end + 5), t_end + 1, -1):
                written = _fold(sent[t_end + 1 : k].text)
                if len(written) < 6:
                    continue
                bodies = {
                    key
                    for key, e in self.p.entities.items()
                    if self.is_actor(key)
                    and self.kind_of(key) not in ("Person", "Municipality")
                    and (_fold(e.name) == written or _fold(e.name).startswith(written + " i "))
                }
                if len(bodies) == 1:
                    return bodies.pop()
        # avdelningschef för social välfärd vid Norrbottens Kommuner: the organisation after vid/på,
        # a few words on, with no punctuation between
        for m in self.mentions.get(number, ()):
            if (
                t_end + 1 < m.start <= t_end + 6
                and sent[m.start - 1].text in ("vid", "på", "inom", "hos")
                and not any(t.is_punct for t in sent[t_end : m.start])
                and self.is_actor(m.key)
                and self.kind_of(m.key) != "Person"
            ):
                return m.key
        for k in range(t_end, min(len(sent) - 1, t_end + 6)):
            if sent[k].text in ("vid", "på", "i", "hos") and _is_cap(sent[k + 1]) and not self.covered(number, k + 1):
                e = k + 1
                while e < len(sent) and _is_cap(sent[e]) and e - k <= 3 and not self.covered(number, e):
                    e += 1
                name = " ".join(t.text for t in sent[k + 1 : e])
                key = self.entity(
                    "Organisation", name, self.ev(number, sent, offset, k + 1, e), country=self._country()
                )
                self.add_mention(number, Mention(key, k + 1, e, 0, 0, "actor"))
                return key
            if sent[k].is_punct and sent[k].text != "-":
                break
        first = self.mentions.get(number, ())
        if (
            first
            and first[0].start == 0
            and len(sent) > first[0].end
            and sent[first[0].end].text == ":"
            and self.is_actor(first[0].key)
            and self.kind_of(first[0].key) != "Person"
        ):
            return first[0].key
        return None

    # ------------------------------------------------------------------ relations
    def _main_initiative(self) -> str | None:
        counts = Counter()
        for items in self.mentions.values():
            for m in items:
                if self.is_initiative(m.key) and self.kind_of(m.key) not in ("Conference", "Seminar", "Meeting"):
                    counts[m.key] += 1
        title = _fold(self.p.title)
        for key in counts:
            if _fold(self.p.entities[key].name) in title:
                counts[key] += 2
        return counts.most_common(1)[0][0] if counts else None

    def _told_grant(self) -> str | None:
        """A text that tells of money granted or shared out without naming a project (``Regeringen
        har beslutat att fördela 70 miljoner kronor årligen till …``, ``Lapin liitto myönsi
        kunnille 300 000 euroa``): the grant itself is the initiative the money goes to, named by
        the headline, so that the funder, its amounts and the receivers have something to attach
        to. None when no sentence has an amount in a currency, a granting word and an actor who is
        not a person."""
        for number, sent, offset in self.sentences:
            text = sent.text
            if not GRANTED_CUES.search(text) and not SHARED_OUT.search(text) and not amounts.contributes(text):
                continue
            if not any(_currency(m) or self._implied_currency(m) for m in _AMOUNT.finditer(text)):
                continue
            if APPLIED_CUES.search(text) and not GRANTED_CUES.search(text):
                continue
            actors = [
                m for m in self.mentions.get(number, ()) if self.is_actor(m.key) and self.kind_of(m.key) != "Person"
            ]
            if not actors:
                continue
            name = self.p.title
            key = self.told_grant = self.entity(
                "Initiative",
                name,
                self.ev(number, sent, offset, 0, len(sent)),
                confidence=0.4,
                country=self._country(),
            )
            return key
        return None

    def _headline_names(self, key: str | None) -> bool:
        """Whether the headline names the initiative ``key`` (the document is about it)."""
        if key is None:
            return False
        name = _fold(self.p.entities[key].name)
        return bool(name) and name in _fold(self.p.title)

    def _initiative_in(self, number: int, sent, main: str | None, near: int | None = None) -> str | None:
        found = [m for m in self.mentions.get(number, ()) if self.is_initiative(m.key)]
        if found:
            if near is not None:
                return min(found, key=lambda m: abs(m.start - near)).key
            return found[0].key
        if refers_to_event(sent.text):
            return None  # Seminariet leddes av X: the event of a sentence before, not a project
        meant = functools.partial(could_be_meant, self, sent.text)
        # the initiative named last before, in the same paragraph (a bullet about one project)
        for before in range(number - 1, 0, -1):
            if self.paragraph.get(before) != self.paragraph.get(number):
                break
            named = [m for m in self.mentions.get(before, ()) if self.is_initiative(m.key) and meant(m.key)]
            if len({m.key for m in named}) > 1:
                self.unclear.add(number)
                return None  # the sentence before lists several: which one is meant is not told
            if named:
                return named[-1].key
        if REFERS.search(sent.text):
            # Projektet leds av X, Hanketta hallinnoi Y, Det genomförs …: the initiative named last
            # before, in an earlier paragraph, when that sentence names one only
            first = next(
                (
                    before
                    for before in range(number - 1, 0, -1)
                    if self.paragraph.get(before) != self.paragraph.get(number)
                ),
                0,
            )
            for before in range(first, 0, -1):
                named = {
                    m.key
                    for m in self.mentions.get(before, ())
                    if self.is_initiative(m.key) and self.kind_of(m.key) not in _EVENTS and meant(m.key)
                }
                if len(named) == 1:
                    return named.pop()
                if named:
                    break
        if main and re.search(
            r"projekt|hanke|hankkee|förstudie|pilot|satsning|esiselvity|initiativ|finansier|rahoit",
            sent.text,
            re.IGNORECASE,
        ):
            return main
        return None

    def _verb_relations(self, number: int, sent, offset: int, main: str | None, actors: list[Mention]) -> None:
        """Relations a verb states, found by lemma (:data:`CUE_VERBS`): its subject, or the agent
        of a Swedish passive after ``av``, funds or carries out the initiative the sentence names
        (or the one it refers to with a project word): ``Region X finansierar projektet Y``,
        ``Hanketta rahoittaa X``, ``Projektet genomförs av X``, ``Hankkeen toteuttavat X ja Y``.
        A list joined by commas and och/ja shares the verb; an actor after ``i samarbete med`` or
        ``yhteistyössä`` is no agent (it takes part). Funding with an amount is left to the money
        rules, which read the amount with it."""
        if not actors:
            return
        _set_lemmas(sent, self.lang)
        whole = self.ev(number, sent, offset, 0, len(sent))
        has_amount = any(_currency(m) for m in _AMOUNT.finditer(sent.text))
        for match_id, start, end in self.r.cues[self.lang](sent):
            label = self.nlp.vocab.strings[match_id]
            verb = sent[start]
            if label == "FUNDS" and has_amount:
                continue
            fi_passive = self.lang == "fi" and bool(_FI_PASSIVE.search(verb.text) or verb.text.endswith("ttu"))
            if self.lang == "fi" and fi_passive and label == "FUNDS":
                # Hanketta rahoitetaan Euroopan aluekehitysrahastosta, on rahoitettu Lapin liitolta: the source pays
                sources = [
                    m
                    for m in actors
                    if abs(m.start - end) <= 4 and re.search(r"(?:sta|stä|lta|ltä)$", sent[m.end - 1].text)
                ]
                agent_fi = sources[0] if sources else None
            elif self.lang == "fi" and (fi_passive or not _verb_form(verb.text)):
                continue  # toteutetaan: no agent; toteuttaja, rahoitus: a noun, read elsewhere
            else:
                agent_fi = None
            if self.lang == "sv" and verb.text.lower() != verb.lemma_ and not _sv_verb_form(verb.text, verb.lemma_):
                continue
            if label == "LEADS" and end < len(sent) and sent[end].lower_ in ("till", "fram", "johonkin"):
                continue  # leda till: leads to a result, not an initiative
            passive = self.lang == "sv" and verb.text.lower().endswith("s") and not verb.lemma_.endswith("s")
            agent = None
            by = ("av", "genom", "via", "från", "inom") if label == "FUNDS" else ("av",)
            if self.lang == "fi" and fi_passive:
                agent = agent_fi
            elif passive:
                after = [
                    m for m in actors if end <= m.start <= end + 3 and any(t.lower_ in by for t in sent[end : m.start])
                ]
                agent = after[0] if after else None
            else:
                before = [m for m in actors if m.end <= start and start - m.end <= 1]
                after = [m for m in actors if m.start >= end and m.start - end <= 1]
                agent = before[-1] if before else after[0] if after else None
            if agent is None:
                continue
            initiatives = [m for m in self.mentions.get(number, ()) if self.is_initiative(m.key)]
            initiatives = [m for m in initiatives if self.kind_of(m.key) not in _EVENTS]
            if initiatives:
                target = min(initiatives, key=lambda m: abs(m.start - start)).key
            elif (
                PROJECT_WORD.search(sent.text)
                or re.search(r"\b(?:projekt\w*|hank\w*)\b", sent.text, re.I)
                or REFERS.search(sent.text)
            ):
                # Projektet/Hanketta …, or a pronoun that refers back (Det ägs av X): the initiative before
                target = self._initiative_in(number, sent, main)
            else:
                target = None
            if target is None:
                continue
            relation = "funds" if label == "FUNDS" else "leads"
            together = self._coordinated(sent, actors, agent)
            if relation == "leads" and len(together) > 1 and verb.lemma_ in ("starta", "initiera", "käynnistää"):
                relation = "participatesIn"  # A och B startar projektet X: who owns it is told elsewhere
            for actor in together:
                if self.kind_of(actor.key) == "Person" and relation == "funds":
                    continue
                if actor is not agent and actor.end < len(sent) and TAKES_PART.match(sent[actor.end :].text):
                    continue  # leds av A och B deltar: B's own verb, B takes part (read elsewhere)
                if relation == "leads" and self.r_family_is_funder(actor.key):
                    continue
                self.relation(actor.key, relation, target, whole, 0.65)

    def _genitive_owner(self, number: int, sent, offset: int) -> None:
        """An organisation in the genitive right before an initiative's name, or before a project
        word and the name, owns it: ``Storumans kommuns projekt X``, ``R10:s förstudie X``,
        ``Sallan kunnan X-hanke``, ``Lapin yliopiston X-hankkeessa`` -> the organisation leads X.
        Funding bodies (``Interreg Auroras projekt``) and persons are left out."""
        mentions = self.mentions.get(number, ())
        for m in mentions:
            if not self.is_initiative(m.key) or self.kind_of(m.key) in _EVENTS:
                continue
            before = m.start
            if before > 0 and re.match(
                r"^(?:projekt|projektet|förstudie|förstudien|satsning|satsningen|pilot|piloten|"
                r"hanke|hankkeen|hankkeessa|hanketta|hankkeeseen|hankkeelle)$",
                sent[before - 1].text,
                re.IGNORECASE,
            ):
                before -= 1
            for owner in mentions:
                if owner.end != before or owner is m or not self.is_actor(owner.key):
                    continue
                if self.kind_of(owner.key) == "Person" or self.r_family_is_funder(owner.key):
                    continue
                last = sent[owner.end - 1].text
                genitive = last.endswith("s") if self.lang == "sv" else bool(re.search(r"[^:]n$|:n$", last))
                if self.lang == "sv" and self.p.entities[owner.key].name.endswith(last):
                    genitive = False  # a name that ends in s itself (Ekonomiska föreningen Gränslös)
                if genitive:
                    ev = self.ev(number, sent, offset, owner.start, m.end)
                    self.relation(owner.key, "leads", m.key, ev, 0.6)

    def _relations(self, number: int, sent, offset: int, main: str | None) -> None:
        mentions = self.mentions.get(number, [])
        actors = [m for m in mentions if m.role in ("actor",) and self.is_actor(m.key)]
        text = sent.text
        whole = self.ev(number, sent, offset, 0, len(sent))
        self._verb_relations(number, sent, offset, main, actors)
        clause_relations(self, number, sent, offset, main)
        self._genitive_owner(number, sent, offset)
        # leads: the actor nearest the cue
        for cue in LEAD_CUES.finditer(text):
            where = sent.char_span(cue.start(), cue.end(), alignment_mode="expand")
            if where is None or not actors:
                continue
            initiative = self._initiative_in(number, sent, main, near=where.start)
            if initiative is None:
                continue
            # the actor nearest the cue in the cue's own clause (… X, där även Y medverkar: not Y)
            near = [m for m in actors if same_clause(sent, self.lang, where.start, m.start)]
            if not near:
                continue
            actor = min(near, key=lambda m: min(abs(m.end - where.start), abs(m.start - where.end)))
            if min(abs(actor.end - where.start), abs(actor.start - where.end)) > 6:
                continue
            for lead in self._coordinated(sent, actors, actor):
                if lead is not actor and lead.end < len(sent) and TAKES_PART.match(sent[lead.end :].text):
                    continue  # leds av A och B deltar: B's own verb, B takes part (read below)
                self.relation(lead.key, "leads", initiative, whole, 0.75)
        # X har beviljat Y medel för Z: X funds Z, Y (who gets the money) leads it
        granted = re.search(r"\b(?:har beviljat|beviljar|beviljade|myönsi|myöntää|on myöntänyt|myönsivät)\b", text)
        received = re.search(
            r"\b(?:blivit beviljade?|har beviljats|beviljats|har fått|får klartecken|fick|on saanut|sai|saa|"
            r"erhåller|erhöll|har erhållit|får(?=\s+(?:\d|ytterligare|stöd|bidrag|medel|pengar|finansiering))|"
            r"on hakenut|hakee|haki|har ansökt|ansöker|söker)\b",
            text,
        )
        if granted and actors and not received and number not in self.grant_openers:
            where = sent.char_span(granted.start(), granted.end(), alignment_mode="expand")
            initiative = self._initiative_in(number, sent, main) or main
            if where is not None and initiative is not None:
                before = [m for m in actors if m.end <= where.start]
                after = [m for m in actors if m.start >= where.end]
                for grantor in before + [m for m in after if self.r_family_is_funder(m.key)]:
                    self.relation(grantor.key, "funds", initiative, whole, 0.7)
                after = [m for m in after if not self.r_family_is_funder(m.key)]
                if after and before:
                    self.relation(after[0].key, "leads", initiative, whole, 0.6)
        elif received and actors:
            where = sent.char_span(received.start(), received.end(), alignment_mode="expand")
            initiative = self._initiative_in(number, sent, main) or main
            if where is not None and initiative is not None and actors[0].end <= where.start:
                self.relation(actors[0].key, "leads", initiative, whole, 0.6)
        elif (
            actors
            and (passive_grant := PASSIVE_GRANT.search(text))
            and not CONDITION.search(text[: passive_grant.start()])
            and any(_currency(a) for a in _AMOUNT.finditer(text))
        ):
            # beviljades Arvidsjaurs kommun N för förstudien X, X tilldelas N till projektet Y,
            # Sallan kunnalle myönnettiin N X-hankkeeseen: who receives the grant carries the project out
            initiative = self._initiative_in(number, sent, main)
            receivers = [
                m
                for m in self._receivers(actors, sent)
                if self.kind_of(m.key) != "Person" and not self.r_family_is_funder(m.key)
            ]
            owned = any(r.relation == "leads" and r.object == initiative for r in self.p.relations)
            if initiative is not None and initiative != self.told_grant and receivers and not owned:
                self.relation(receivers[0].key, "leads", initiative, whole, 0.6)
        # member of: X består av A, B och C
        cue = MEMBER_CUES.search(text)
        if cue:
            groups = [
                m
                for m in actors
                if self.kind_of(m.key) in ("MunicipalAssociation", "Organisation", "RegionalAuthority")
            ]
            joined = re.search(
                r"\b(?:(?:är|blir|blev|har blivit) medlem i|g(?:å|år|ått|ick) med i"
                r"|ansl(?:uter|öt|utit|uta) sig till)\b"
                r"|\bjäsen(?:enä|inä|iä|en|eksi)?\b",
                text,
            )
            if not groups and joined:
                # X är medlem i föreningen Y (the organisation right after), X on Y:n jäsen (right before)
                where = sent.char_span(joined.start(), joined.end(), alignment_mode="expand")
                groups = [
                    m
                    for m in actors
                    if where is not None
                    and (
                        where.end <= m.start <= where.end + 1
                        if not joined.group(0).lower().startswith("jäsen")
                        else where.start - 1 <= m.end <= where.start
                    )
                    and self.kind_of(m.key) not in ("Municipality", "Person")
                ]
            members = [m for m in actors if self.kind_of(m.key) == "Municipality"]
            if not groups and len(members) >= 2 and re.search(r"medlem|jäsen|ägarkommun|omistajakun", text, re.I):
                # Dess medlemskommuner är A, B och C; Sen jäsenkunnat ovat …: the association named in
                # the sentence before (same paragraph) or the one that publishes the text
                groups = [m for m in self._association_before(number)]
            # X är medlem i Y, X on Y:n jäsen: one member is enough
            if not groups and len(members) >= 2:
                # Förbundet består av A, B och C; Liittoon kuuluvat A, B ja C: the organisation the
                # sentence's first word refers back to
                groups = self._referred_organisation(number, sent)
            if groups and (len(members) >= 2 or (members and _JOINS.search(text))):
                for member in members:
                    self.relation(member.key, "memberOf", groups[0].key, whole, 0.6)
        # X är ett samarbete mellan A, B och C (X an association of municipalities): its members
        cue = re.search(r"samarbete mellan|samverkan mellan|yhteistyöelin|yhteistyöorganisaatio", text, re.I)
        if cue:
            where = sent.char_span(cue.start(), cue.end(), alignment_mode="expand")
            groups = [
                m for m in actors if self.kind_of(m.key) == "MunicipalAssociation" and where and m.end <= where.start
            ]
            members = [m for m in actors if self.kind_of(m.key) == "Municipality"]
            if groups and len(members) >= 2:
                for member in members:
                    self.relation(member.key, "memberOf", groups[0].key, whole, 0.6)
        # part of: osana X / inom ramen för X
        cue = PART_OF_CUES.search(text)
        if cue:
            initiatives = [m for m in mentions if self.is_initiative(m.key)]
            where = sent.char_span(cue.start(), cue.end(), alignment_mode="expand")
            if where is not None:
                after = [m for m in initiatives if m.start >= where.start]
                before = [m for m in initiatives if m.start < where.start]
                child = before[-1].key if before else main
                for parent in after if child else []:
                    if parent.key != child:
                        self.relation(child, "partOf", parent.key, whole, 0.6)
        # events: organises / presents at
        events = [m for m in mentions if self.kind_of(m.key) in ("Conference", "Seminar", "Meeting")]
        if not events and PRESENT_CUES.search(text) and any(m.role == "person" for m in mentions):
            # Där talar X, Seminaarissa puhuu X: the one event of the sentence before (same paragraph)
            before = {
                m.key
                for m in self.mentions.get(number - 1, ())
                if self.kind_of(m.key) in ("Conference", "Seminar", "Meeting")
            }
            if len(before) == 1 and self.paragraph.get(number - 1) == self.paragraph.get(number):
                events = [Mention(before.pop(), 0, 0, 0, 0, "event")]
        for event in events:
            cue = ORGANISE_CUES.search(text)
            if cue:
                for actor in self._organisers(sent, actors, cue, event):
                    self.relation(actor.key, "organises", event.key, whole, 0.6)
            if PRESENT_CUES.search(text):
                for person in (m for m in mentions if m.role == "person"):
                    self.relation(person.key, "presentsAt", event.key, whole, 0.6)
        # takes part
        if PART_CUES.search(text) or (FUND_CUES.search(text) is None and len(actors) >= 3):
            named = [m.key for m in mentions if self.is_initiative(m.key) and self.kind_of(m.key) not in _EVENTS]
            # no initiative named or referred to: the cue is about the document's main initiative
            fallback = main if TAKES_PART.search(text) else None
            targets = list(dict.fromkeys(named)) or [self._initiative_in(number, sent, main) or fallback]
            leaders = {r.subject for r in self.p.relations if r.relation == "leads" and r.evidence.sentence == number}
            # … och finansieras av X, rahoittajana X: who pays is named after the cue, and does not take part
            paid = re.search(r"finansieras av|finansierat av|medfinansieras av|bekostas av|rahoittaja", text, re.I)
            paid_at = sent.char_span(paid.start(), paid.end(), alignment_mode="expand") if paid else None
            for initiative in (t for t in targets if t is not None):
                for actor in actors:
                    if self.kind_of(actor.key) in ("Fund", "FundingProgramme", "ProgrammeFamily"):
                        continue
                    if paid_at is not None and actor.start >= paid_at.end:
                        continue
                    if actor.key in leaders or actor.key in self.p.entities[initiative].located_in:
                        continue  # the place an event is held in does not take part in it
                    self.relation(actor.key, "participatesIn", initiative, whole, 0.6)
        # persons who talk about the initiative take part (projektledaren X)
        for person in (m for m in mentions if m.role == "person"):
            initiative = self._initiative_in(number, sent, main)
            if initiative is not None and re.search(
                r"projektledare|hankepäällikkö|projektipäällikkö|hankekoordinaattori|ohjausryhm", text, re.IGNORECASE
            ):
                relation = (
                    "leads"
                    if re.search(r"projektledare|projektipäällikkö|hankepäällikkö", text, re.IGNORECASE)
                    else "participatesIn"
                )
                self.relation(person.key, relation, initiative, whole, 0.6)
        # located in: an initiative i/in a municipality (events handled where found)
        self._placed(number, sent, offset, main, mentions)
        # funds without an amount: finansieras av X och Y
        cue = re.search(
            r"finansieras av|finansierat av|rahoittaj\w*|rahoittavat|rahoittaa|medfinansieras av|beviljat|"
            r"med stöd från|med stöd av|med medel från|delfinansieras av|stöds av|"
            r"rahoittam\w*|tukem(?:a|an|assa|aa)\b|myöntämä\w*|rahoituksella",
            text,
            re.IGNORECASE,
        )
        if cue and not any(_currency(m) for m in _AMOUNT.finditer(text)):
            initiative = self._initiative_in(number, sent, main)
            if initiative is not None:
                where = sent.char_span(cue.start(), cue.end(), alignment_mode="expand")
                # a Finnish agent participle or a rahoituksella names its funder in the genitive before it
                # (Lapin liiton rahoittama hanke); the Swedish cues name it after (finansieras av X)
                before = re.match(r"rahoittam|tukem|myöntämä|rahoituksella", cue.group(0), re.IGNORECASE)
                if before and where is not None:
                    funders = [m for m in actors if m.end <= where.start and where.start - m.end <= 1]
                    funders = self._coordinated(sent, actors, funders[-1]) if funders else []
                else:
                    funders = [
                        m
                        for m in actors
                        if (
                            where is not None
                            and m.start >= where.start
                            and same_clause(sent, self.lang, where.start, m.start)  # …, ja siihen osallistuu X
                        )
                        or self.r_family_is_funder(m.key)
                    ]
                for actor in funders:
                    self.relation(actor.key, "funds", initiative, whole, 0.6)

    def _placed(self, number: int, sent, offset: int, main: str | None, mentions: list[Mention]) -> None:
        """An initiative carried out in places (``Projektet genomförs i Arjeplog och Sorsele``,
        ``Hanke toteutetaan Kolarissa ja Muoniossa``): a verb of carrying out or taking place
        (:data:`PLACED`), then municipalities after ``i``/``inom``/``på`` or in a Finnish local
        case, with those coordinated with them; the initiative is the one the sentence names or
        refers to."""
        cue = PLACED.search(sent.text)
        if cue is None:
            return
        where = sent.char_span(cue.start(), cue.end(), alignment_mode="expand")
        if where is None:
            return
        places = [m for m in mentions if self.kind_of(m.key) == "Municipality" and m.start >= where.end]
        first = None
        for m in places:
            if self.lang == "sv":
                if m.start > 0 and sent[m.start - 1].lower_ in ("i", "inom", "på"):
                    first = m
            elif re.search(r"(?:ssa|ssä|lla|llä)$", sent[m.end - 1].text):
                first = m
            if first is not None:
                break
        if first is None:
            return
        initiative = self._initiative_in(number, sent, main, near=where.start)
        if initiative is None or self.kind_of(initiative) in _EVENTS:
            return
        ev = self.ev(number, sent, offset, where.start, first.end)
        for m in self._coordinated(sent, places, first):
            self.relation(initiative, "locatedIn", m.key, ev, 0.6)

    def _organisers(self, sent, actors: list[Mention], cue: re.Match, event: Mention) -> list[Mention]:
        """Who organises an event: the agent after a passive (``arrangeras av X``, ``X:n
        järjestämä``), else the subject before the verb (``X arrangerar``, ``X järjestää``), with the
        actors coordinated with it; a municipality where it is held (``i Arvidsjaur``,
        ``Kittilässä``) is the place, not an organiser. Where the sentence's order tells nothing,
        every actor that is not such a place."""
        where = sent.char_span(cue.start(), cue.end(), alignment_mode="expand")

        def place(m: Mention) -> bool:
            if self.kind_of(m.key) != "Municipality":
                return False
            if self.lang == "sv":
                return m.start > 0 and sent[m.start - 1].lower_ in ("i", "på")
            return bool(re.search(r"(?:ssa|ssä|lla|llä)$", sent[m.end - 1].text))

        candidates = [m for m in actors if not place(m) and self.kind_of(m.key) != "Person"]
        if where is None or not candidates:
            return candidates
        verb = sent[where.start].text.lower()
        if self.lang == "sv" and re.search(r"(?:as|des|ts)$", verb):
            after = [m for m in candidates if where.end <= m.start <= where.end + 2]
            return self._coordinated(sent, candidates, after[0]) if after else []
        before = [m for m in candidates if m.end <= where.start]
        if before:
            return self._coordinated(sent, candidates, before[-1])
        return candidates

    def _referred_organisation(self, number: int, sent) -> list[Mention]:
        """The organisation that a sentence's first word refers back to by its kind (``Förbundet``,
        ``Föreningen``, ``Bolaget``; ``Liittoon``, ``Yhdistyksen``): the last one named in the three
        sentences before whose name ends in that kind word (``Fjällbygdens Utvecklingsförbund``);
        an empty list when none or several fit."""
        first = next((t for t in sent if t.is_alpha), None)
        if first is None or not _is_cap(first) or len(first.text) < 4:
            return []
        base = (_sv_base(first.lower_) if self.lang == "sv" else (_voikko_base(first.text) or "")).lower()
        if len(base) < 4 or not _organisation_kind_word(base, self.lang):
            return []
        for before in range(number - 1, max(0, number - 4), -1):
            found = {
                m.key: m
                for m in self.mentions.get(before, ())
                if self.is_actor(m.key)
                and self.kind_of(m.key) not in ("Person", "Municipality", *_PLACES)
                and _fold(self.p.entities[m.key].name.split()[-1]).endswith(_fold(base))
            }
            if len(found) == 1:
                return list(found.values())
            if found:
                return []
        return []

    def _association_before(self, number: int) -> list[Mention]:
        """The association of municipalities named in the sentence before ``number`` in the same
        paragraph, else an empty list; or the publisher when it is one."""
        kinds = ("MunicipalAssociation",)
        if self.paragraph.get(number - 1) == self.paragraph.get(number):
            found = [m for m in self.mentions.get(number - 1, ()) if self.kind_of(m.key) in kinds]
            if found:
                return found[:1]
        publisher = self.p.publisher
        if publisher is not None and self.kind_of(publisher) in kinds:
            return [Mention(publisher, 0, 0, 0, 0, "actor")]
        return []

    @staticmethod
    def _coordinated(sent, mentions: list[Mention], one: Mention) -> list[Mention]:
        """``one`` and the mentions coordinated with it (``X, Y och Z``, ``X, Y ja Z``: only commas
        and the words och, samt, ja, sekä between them), which share its role.

        The list is in the order of the text."""
        ordered = sorted(mentions, key=lambda m: m.start)
        index = ordered.index(one)

        def joined(a: Mention, b: Mention) -> bool:
            between = [t.text.lower() for t in sent[a.end : b.start]]
            return bool(between) and all(w in (",", "och", "samt", "ja", "sekä", "&") for w in between)

        low = high = index
        while low > 0 and joined(ordered[low - 1], ordered[low]):
            low -= 1
        while high + 1 < len(ordered) and joined(ordered[high], ordered[high + 1]):
            high += 1
        return ordered[low : high + 1]

    def _implied_currency(self, found: re.Match) -> str | None:
        """The currency of an amount written with a scale word and no currency (``64,7 miljoner
        till …``, ``1,2 miljoonaa``): the one the text writes its other amounts in, else the
        currency of the text's language (kronor in Swedish, euro in Finnish); None for a bare number."""
        scale = (found.group("scale") or "").lower()
        if not scale.startswith(("milj", "miljard", "mn", "tusen", "tuhat", "tuhann")):
            return None
        written = Counter(c for m in _AMOUNT.finditer(self.text) if (c := _currency(m)))
        if written:
            return written.most_common(1)[0][0]
        return "SEK" if self.lang == "sv" else "EUR"

    def r_family_is_funder(self, key: str) -> bool:
        return self.kind_of(key) in ("Fund", "FundingProgramme", "ProgrammeFamily", "FundingBody")

    # ------------------------------------------------------------------ money
    def _money(self, number: int, sent, offset: int, main: str | None) -> None:
        if number in self.labelled:
            return  # Beviljat belopp: … is read with its project (_labelled_lines)
        text = sent.text
        mentions = self.mentions.get(number, [])
        actors = [m for m in mentions if m.role == "actor" and self.is_actor(m.key)]
        self._shares(number, sent, offset, main, actors)
        for found in _AMOUNT.finditer(text):
            context = text[max(0, found.start() - 60) : found.end() + 40]
            if NOT_FUNDING_CUES.search(text[max(0, found.start() - 40) : found.end() + 10]):
                self._note_budget(number, sent, main, found)
                continue
            applied = APPLIED_CUES.search(text[max(0, found.start() - 70) : found.end() + 10])
            if applied and not GRANTED_CUES.search(text):
                continue  # money applied for is not (yet) a funding
            granted_by = self.granted_by.get(number)
            if (
                re.search(
                    r"\b(?:totalt|sammanlagt|sammantaget|yhteensä|kaikkiaan|kaiken kaikkiaan)\b",
                    before_total(text, found),
                )
                and not actors
                and not any(self.is_initiative(m.key) for m in mentions)
            ):
                continue  # a sum of the grants told elsewhere, not a funding of its own
            if (
                not FUND_CUES.search(text)
                and not SHARED_OUT.search(text)
                and not _EACH.search(context)
                and granted_by is None
                and not amounts.contributes(text)
            ):
                continue
            if SUM_OF_MANY.search(text) and not any(self.is_initiative(m.key) for m in mentions):
                continue  # 530 000 euroa kolmelle hankkeelle, N kronor till tre projekt: a sum of several
            if _PART_FOLLOWS.match(text[found.end() :]):
                continue  # 0,5 miljoonaa euroa, josta omarahoitusta 0,1: the part is the funding
            currency = _currency(found) or self._implied_currency(found)
            value = _amount_value(found) if currency else None
            if value is None:
                continue
            before_amount = text[max(0, found.start() - 30) : found.start()]
            per = text[found.start("per") : found.end("per") + 2] if found.group("per") else ""
            yearly = (
                # 10 000 kronor i året is per year, 10 000 kronor i år is this year's
                bool(re.search(r"år|vuo|v\b", per) and not re.match(r"\s*i\s*år(?!e)", per, re.IGNORECASE))
                or bool(_YEARLY.search(amounts.own_words_after(text, found.end())))
                or bool(re.search(r"jokaisena vuotena|vuosittain|varje år|per år", before_amount))
            )
            approximate = bool(found.group("approx"))
            where = sent.char_span(found.start(), found.end(), alignment_mode="expand")
            if self._joint_sum(found, where, actors):
                continue  # A och B satsar tillsammans N: no one payer's amount
            initiative = self._initiative_in(number, sent, main, near=where.start if where else None)
            if initiative is None and number in self.unclear and not self._headline_names(main):
                continue  # a sum over the initiatives listed before (Tukea on myönnetty yhteensä …)
            initiative = initiative or main
            if initiative is None:
                continue
            each = bool(_EACH.search(context))
            granting = GRANTED.search(text)
            receives_each = _EACH_RECEIVES.search(context) or (each and granting)
            grantor = self._grantor(actors, initiative) if receives_each else None
            if grantor is not None:
                funders = [grantor]  # upp till N kronor per kommun: what the grantor gives each
            elif each:
                funders = [m.key for m in actors if self.kind_of(m.key) == "Municipality"]
                if not funders and amounts.PLURAL_MUNICIPALITIES.search(text):
                    funders = self._municipalities_before(number)  # Kommunerna … N var: those just named
                if not funders:
                    funders = [
                        r.subject
                        for r in self.p.relations
                        if r.object == initiative
                        and r.relation in ("participatesIn", "leads", "funds")
                        and self.kind_of(r.subject) == "Municipality"
                    ]
                    funders = list(dict.fromkeys(funders))  # Kunnat maksavat kukin N: each that takes part
                if (
                    not funders
                    and number - 1 in self.mentions
                    and self.paragraph.get(number - 1) == self.paragraph.get(number)
                ):
                    # A och B står bakom projektet. Kommunerna betalar N vardera: the municipalities just named
                    funders = list(
                        dict.fromkeys(m.key for m in self.mentions[number - 1] if self.kind_of(m.key) == "Municipality")
                    )
            else:
                # the agent of a passive right after the amount pays it: N beviljades av X, N myönsi X
                agent = next(
                    (
                        m
                        for m in actors
                        if where is not None
                        and where.end <= m.start <= where.end + 3
                        and any(t.lower_ in ("av", "från") for t in sent[where.end : m.start])
                    ),
                    None,
                )
                funders = [self._funder(actors, where, text, sent)] if actors else []
                if agent is not None:
                    funders = [agent.key]
                if granted_by is not None and not any(self.r_family_is_funder(m.key) for m in actors):
                    funders = [granted_by]  # an item of a list of grants: the grantor pays
                subject = self._grant_subject(actors, sent, funders) or self._contributor(actors, sent, funders)
                if subject is not None:
                    funders = [subject]
                receivers = self._receivers(actors, sent)
                grantor = self._text_grantor()
                if (
                    grantor is not None
                    and granted_by is None
                    and RECEIVED.search(text)
                    and not any(
                        self.kind_of(m.key) in ("Fund", "FundingProgramme", "ProgrammeFamily") and m not in receivers
                        for m in actors
                    )
                    and (
                        not funders
                        or funders[0] is None
                        or any(m.key == funders[0] for m in receivers)
                        or any(
                            r.subject == funders[0] and r.relation == "leads" and r.object == initiative
                            for r in self.p.relations
                        )
                    )
                    and not any(m.key == grantor for m in receivers)
                ):
                    # Projektet X, som drivs av Y, får N; X-hankkeelle myönnettiin N: the grantor of the
                    # text pays, not who receives or carries out the project
                    funders = [grantor]
                elif (
                    grantor is None
                    and granted_by is None
                    and RECEIVED.search(text)
                    and funders
                    and funders[0] is not None
                    and any(
                        r.subject == funders[0] and r.relation == "leads" and r.object == initiative
                        for r in self.p.relations
                    )
                ):
                    # the owner receives it and the text names no grantor: the publisher, if it is not the
                    # owner and no municipality (which would rather be a receiver or partner itself)
                    publisher = self.p.publisher
                    keep = publisher not in (None, funders[0]) and self.kind_of(publisher) != "Municipality"
                    funders = [publisher] if keep else []
                    if funders and any(m.key == funders[0] for m in receivers):
                        funders = []
                if (not funders or funders[0] is None) and amounts.grant_verb_at(text) and self._text_grantor():
                    funders = [self._text_grantor()]  # Nämnden beslutade att bevilja N: the text's grantor
                share = self._municipality_sharing(found, actors, initiative) or self._kind_payer(
                    number, sent, found, where
                )
                if share is not None:
                    funders = [share]  # Kunnan rahoitusosuus on N, och kommunen med N: the one of that kind
                if not funders or funders[0] is None:
                    funders = [self.p.publisher] if self.p.publisher else []
                    if receivers and any(m.key == self.p.publisher for m in actors):
                        funders = []  # A, B och C får dela på N: the publisher gets it, who pays is not told
            if (grantor is not None or not each) and (initiative == self.told_grant or granting):
                # the receivers of a grant take part in what it is for
                for m in self._receivers(actors, sent):
                    if m.key not in funders and self.kind_of(m.key) != "Person":
                        whole = self.ev(number, sent, offset, 0, len(sent))
                        self.relation(m.key, "participatesIn", initiative, whole, 0.5)
            ev = (
                self.ev(number, sent, offset, where.start, where.end)
                if where is not None
                else self.ev(number, sent, offset, 0, len(sent))
            )
            period = self._yearly_period(sent, initiative, yearly)
            for funder in funders:
                amount = ("ca " if approximate else "") + value + (" / year" if yearly else "")
                start = self.p.entities[initiative].start
                if yearly and start is None:
                    start = self.p.issued[:4] if self.p.issued else (str(self.year) if self.year else None)
                    if start is None:
                        yearly = False
                        amount = ("ca " if approximate else "") + value
                self.relation(
                    funder,
                    "funds",
                    initiative,
                    ev,
                    0.7,
                    amount=amount,
                    currency=currency,
                    yearly=yearly,
                    approximate=approximate,
                    start=period.get("start", start) if yearly else None,
                    end=period.get("end"),
                )

    def _yearly_period(self, sent, initiative: str, yearly: bool) -> dict[str, str]:
        """The period of an amount a year that its own sentence gives (``N kronor per år under
        perioden 2024–2027``, ``N euroa vuodessa vuosina 2024–2026``) when the initiative has none of
        its own: the funding's start and end (an empty dict otherwise)."""
        entity = self.p.entities[initiative]
        if not yearly or entity.start is not None:
            return {}
        ranged = next((d for d in _find_dates(sent.text, self.lang, self.year) if d.end), None)
        return {"start": ranged.start, "end": ranged.end} if ranged else {}

    def _headline_period(self) -> None:
        """A grant named by the headline (:meth:`_told_grant`) runs over the period the headline
        gives (``Företagsklimatet stärks i X 2018–2020``, ``Medfinansiering av Leader 2024–2027``)."""
        if self.told_grant is None or self.p.entities[self.told_grant].start is not None:
            return
        ranged = next((d for d in _find_dates(self.p.title, self.lang, self.year) if d.end), None)
        if ranged is not None:
            entity = self.p.entities[self.told_grant]
            entity.start, entity.end = ranged.start, ranged.end

    def _municipality_sharing(self, found: re.Match, actors: list[Mention], initiative: str) -> str | None:
        """The municipality whose own share an amount is when the sentence names it by its kind only
        (``Kunnan rahoitusosuus hankkeeseen on N``, ``kommunens egen insats är N``;
        :func:`kg.ingest.amounts.municipality_share`): the one municipality that leads or takes part in
        the initiative, else the publisher when it is a municipality; None when the sentence names a
        municipality itself or none fits."""
        if not amounts.municipality_share(found.string, found.start()):
            return None
        if any(self.kind_of(m.key) == "Municipality" for m in actors):
            return None
        taking_part = {
            r.subject
            for r in self.p.relations
            if r.object == initiative
            and r.relation in ("leads", "participatesIn")
            and self.kind_of(r.subject) == "Municipality"
        }
        if len(taking_part) == 1:
            return taking_part.pop()
        publisher = self.p.publisher
        return publisher if publisher and self.kind_of(publisher) == "Municipality" else None

    def _municipalities_before(self, number: int, back: int = 3) -> list[str]:
        """The municipalities of the nearest sentence before ``number`` (at most ``back`` sentences
        back) that names two or more: those a plural (``Kommunerna``, ``Kunnat``) refers to."""
        for before in range(number - 1, max(0, number - 1 - back), -1):
            named = list(
                dict.fromkeys(m.key for m in self.mentions.get(before, ()) if self.kind_of(m.key) == "Municipality")
            )
            if len(named) >= 2:
                return named
        return []

    def _kind_payer(self, number: int, sent, found: re.Match, where) -> str | None:
        """The payer a clause names by its kind alone: in the ablative or after ``från`` next to the
        amount (``sai kunnalta N``, ``N från kommunen``; :func:`kg.ingest.amounts.from_kind`), or as the
        subject before it with no actor named in between (``Länsstyrelsen bidrar med N … och kommunen
        med M``; :func:`kg.ingest.amounts.kind_payer`), in a sentence that tells no receiver and names
        no payer after the amount: the one actor of that kind named in the sentence or the five
        before (for a municipality, else the publishing municipality). None when none or several fit."""
        if where is None:
            return None
        word = amounts.from_kind(found.string, found.start(), found.end())
        if word is None:
            word = amounts.kind_payer(found.string, found.start())
            if word is None or RECEIVED.search(found.string):
                return None  # Kommunen har fått N från X: who receives is not who pays
            after = found.string[found.end() :]
            if re.match(r"\s*(?:\w+\s+){0,3}?(?:från|av)\s+[A-ZÅÄÖ]|.{0,40}\b[A-ZÅÄÖ]\w*(?:lta|ltä)\b", after):
                return None  # N från Region X, N Lapin liitolta: the payer is named after the amount
            cut = found.string.lower().rfind(word, 0, found.start())
            offset = self.sentences[number - 1][2]
            if any(m.char_end - offset > cut and m.end <= where.start for m in self.mentions.get(number, ())):
                # Kommunen och Region X betalar: a name stands nearer the amount; Sallan kunta, N: the
                # word is part of a name
                return None
        kinds = amounts.KIND_OF_WORD[word]
        for before in range(number, max(0, number - 6), -1):
            named = {
                m.key
                for m in self.mentions.get(before, ())
                if self.kind_of(m.key) in kinds
                or (word == "länsstyrelsen" and self.p.entities[m.key].name.lower().startswith("länsstyrelsen"))
            }
            if len(named) == 1:
                return named.pop()
            if named:
                return None
        if kinds == ("Municipality",) and self.p.publisher and self.kind_of(self.p.publisher) == "Municipality":
            return self.p.publisher
        return None

    def _note_budget(self, number: int, sent, main: str | None, found: re.Match) -> None:
        """Keep an initiative's total budget (``Hankkeen kokonaisbudjetti on N``, ``Projektet har en
        total budget på N``; :func:`kg.ingest.amounts.budget_of`) for the shares told of it later
        (``A rahoittaa 80 prosentin osuudella``): the budget itself is nobody's funding."""
        currency = _currency(found) or self._implied_currency(found)
        if currency is None or not amounts.budget_of(found.string, found.start()):
            return
        initiative = self._initiative_in(number, sent, main) or main
        if initiative is not None and initiative not in self.budgets:
            self.budgets[initiative] = (_amount_value(found), currency)

    def _joint_sum(self, found: re.Match, where, actors: list[Mention]) -> bool:
        """Whether the amount ``found`` is what several actors named before it put in together
        (:func:`kg.ingest.amounts.joint_sum`), not each one's share (``vardera``, ``kukin``)."""
        if where is None or _EACH.search(found.string[found.end() : found.end() + 30]):
            return False
        before = [m for m in actors if m.end <= where.start and self.kind_of(m.key) != "Person"]
        # payers named together (A och B, A ja B), not a board and the municipality it speaks for
        joined = max((len(self._coordinated(where.doc, before, m)) for m in before), default=0)
        return amounts.joint_sum(found.string, found.start(), joined)

    def _grant_subject(self, actors: list[Mention], sent, funders: list) -> str | None:
        """The subject of an active verb of granting (``Nämnden i Region X beslutade att medfinansiera
        Leader Y med N``, ``Lapin liitto myönsi Leader Z:lle N``) when the funder chosen so far is a
        fund, programme or Leader area named after the verb as what the money goes to (not ``ur
        fonden``, ``från X``, ``X:stä``, ``X:ltä``): the one who grants pays. None otherwise."""
        verb = amounts.grant_verb_at(sent.text)
        if verb is None or not funders or funders[0] is None or PASSIVE_GRANT.search(sent.text):
            return None
        span = sent.char_span(verb.start(), verb.end(), alignment_mode="expand")
        chosen = next((m for m in actors if m.key == funders[0]), None)
        if span is None or chosen is None or chosen.start < span.end or not self.r_family_is_funder(chosen.key):
            return None
        before = sent[max(0, chosen.start - 2) : chosen.start].text.lower()
        if re.search(r"\b(?:ur|från|genom|inom|via)\b", before) or re.search(
            r"(?:sta|stä|lta|ltä|kautta)$", self.text_of(chosen)
        ):
            return None
        subject = [m for m in actors if m.end <= span.start and self.kind_of(m.key) != "Person"]
        if subject:
            return subject[-1].key
        # att bevilja Leader X N (a clause of the decision line before): who decides grants
        grantor = self._text_grantor()
        return grantor if grantor not in (None, chosen.key) and not self.r_family_is_funder(grantor) else None

    def _contributor(self, actors: list[Mention], sent, funders: list) -> str | None:
        """Who puts money in with a verb or noun of contributing and no verb of granting (``Utsjoen
        kunta osallistuu Yhtiö Oy:n toimintaan N euron rahoitusosuudella``, ``Storuman går in med N``):
        the sentence's first actor in the nominative (not a Finnish genitive or local case, not after a
        Swedish preposition), when the funder chosen so far stands after it. None otherwise."""
        text = sent.text
        if not amounts.contributes(text) or amounts.grant_verb_at(text) or RECEIVED.search(text):
            return None
        if not funders or funders[0] is None or self.r_family_is_funder(funders[0]):
            return None
        for m in actors:
            if self.kind_of(m.key) == "Person":
                continue
            written = sent[m.end - 1].text
            if self.lang == "fi" and (re.search(r"(?::n|n|lle|lta|ltä|lla|llä|sta|stä|ssa|ssä)$", written)):
                continue
            if self.lang == "sv" and m.start > 0 and sent[m.start - 1].lower_ in _SV_PREPOSITIONS | {"åt", "från"}:
                continue
            return m.key if m.key != funders[0] else None
        return None

    def _text_grantor(self) -> str | None:
        """Who grants the money of the text: the actor right before the first active grant verb
        (:data:`GRANTED`, also ``beslutade att bevilja``, ``päätti myöntää``) that is not a person,
        else the one funding body the text names (a Leader group, fund or programme); None when the
        text tells neither."""
        if self._grantor_read:
            return self._grantor_found
        self._grantor_read = True
        for number, sent, _ in self.sentences:
            verb = (
                GRANTED.search(sent.text)
                or amounts.decides_on_grants(sent.text, self.text)
                or re.search(
                    r"\b(?:beslutar|beslutade|beslutat|beslöt|päättää|päätti|päättivät|on päättänyt)\b[^.]{0,60}?"
                    r"\b(?:bevilja|tilldela|fördela|medfinansiera|finansiera|delfinansiera|myöntää|jakaa|rahoittaa)\b",
                    sent.text,
                    re.IGNORECASE,
                )
            )
            if verb is None:
                continue
            where = sent.char_span(verb.start(), verb.end(), alignment_mode="expand")
            before = [
                m
                for m in self.mentions.get(number, ())
                if where is not None
                and m.end <= where.start
                and self.is_actor(m.key)
                and self.kind_of(m.key) != "Person"
            ]
            if before:
                self._grantor_found = before[-1].key
                return self._grantor_found
        bodies = {m.key for items in self.mentions.values() for m in items if self.r_family_is_funder(m.key)}
        self._grantor_found = bodies.pop() if len(bodies) == 1 else None
        return self._grantor_found

    def _receivers(self, actors: list[Mention], sent) -> list[Mention]:
        """The actors a sentence says get money: the subject of a verb of receiving (``A, B och C
        får …``, ``Salla sai …``), a list after ``till`` (``till fjällkommunerna A, B och C``), a
        Finnish allative (``Sallan, Pellon ja Posion kunnille``)."""
        found: list[Mention] = []
        received = RECEIVED.search(sent.text)
        verb = sent.char_span(received.start(), received.end(), "expand") if received else None
        # a passive grant names its receiver right after the verb: beviljades Arvidsjaurs kommun N;
        # a Finnish passive (myönnettiin, myönnetään) only in the allative (X:lle), never before it
        passive = verb is not None and bool(re.search(r"(?:des|ts)$", received.group(0)))
        if verb is not None and re.search(r"(?:ttiin|tään|etty)$", received.group(0)):
            verb = None
        if received is not None and CONDITION.search(sent.text[: received.start()]):
            return []  # sillä edellytyksellä, että hankkeelle myönnetään …: a condition, not a grant
        grant = GRANTED.search(sent.text)
        granted = sent.char_span(grant.start(), grant.end(), "expand") if grant else None
        for m in actors:
            subject = verb is not None and (m.end <= verb.start or (passive and m.start == verb.end))
            allative = self.lang == "fi" and bool(re.search(r"(?:lle|ille)$", sent[m.end - 1].text))
            after_till = any(t.lower_ == "till" for t in sent[max(0, m.start - 2) : m.start]) and (
                m.start < 2 or sent[m.start - 1].is_lower or sent[m.start - 1].lower_ == "till"
            )
            # beviljar Sorsele kommun och Malå kommun N: the receivers right after an active grant verb
            after_grant = bool(granted) and granted.end <= m.start <= granted.end + 1
            if subject or allative or after_till or after_grant:
                found.append(m)
        for m in list(found):
            for other in self._coordinated(sent, actors, m):
                if other not in found:
                    found.append(other)
        return found

    def _grantor(self, actors: list[Mention], initiative: str) -> str | None:
        """Who grants an amount given to each partner: an actor of the sentence that is not a
        municipality or a person (a government, agency, region or fund), else one that already
        funds the initiative; None when the text names none."""
        for m in actors:
            if self.kind_of(m.key) not in ("Municipality", "Person"):
                return m.key
        return next(
            (
                r.subject
                for r in self.p.relations
                if r.relation == "funds"
                and r.object == initiative
                and self.kind_of(r.subject) not in ("Municipality", "Person")
            ),
            None,
        )

    def _shares(self, number: int, sent, offset: int, main: str | None, actors: list[Mention]) -> None:
        """A total split in percentage shares (an invented example: ``50 000 euroa, josta A:n osuus
        60 % ja B:n 40 %``): each named actor funds its share of the total."""
        text = sent.text
        total = next((m for m in _AMOUNT.finditer(text) if _currency(m)), None)
        shares = list(re.finditer(r"(\d{1,3})(?:[,.]\d+)?\s*(?:%|prosent\w*|procent)", text))
        initiative = self._initiative_in(number, sent, main) or main
        if not shares or initiative is None or not actors:
            return
        from decimal import Decimal

        if total is not None:
            value, currency = _amount_value(total), _currency(total)
        else:  # A rahoittaa 80 prosentin osuudella: of the budget told before (Hankkeen kokonaisbudjetti on N)
            value, currency = self.budgets.get(initiative, (None, None))
        if value is None:
            return
        for share in shares:
            where = sent.char_span(share.start(), share.end(), alignment_mode="expand")
            if where is None:
                continue
            before = [m for m in actors if m.end <= where.start]
            if not before:
                continue
            amount = Decimal(value) * Decimal(share.group(1)) / 100
            self.relation(
                before[-1].key,
                "funds",
                initiative,
                self.ev(number, sent, offset, where.start, where.end),
                0.6,
                amount=format(amount.normalize(), "f"),
                currency=currency,
            )

    def _funder(self, actors: list[Mention], where, text: str, sent=None) -> str | None:
        funders = [m for m in actors if self.r_family_is_funder(m.key)]
        if funders:
            return funders[0].key
        # a Finnish ablative (kaupungilta) or Swedish 'från X', 'av X' names who pays
        for m in actors:
            span_text = self.text_of(m)
            if (
                sent is not None
                and m.start > 1
                and sent[m.start - 1].lower_ == "av"
                and self._leading_verb(sent[m.start - 2])
            ):
                continue  # leds av X och finansieras av Y: X leads, Y pays
            if re.search(r"(?:lta|ltä|lla|llä)$", span_text) or (
                sent is not None and m.start > 0 and sent[m.start - 1].lower_ in ("från", "av")
            ):
                return m.key
        if sent is not None:
            # who gets the money is not who pays: the subject of får/fått/saa (Kommunen har fått N från X),
            # the receiver of a grant (beviljat X N, till X; myönsi X:lle N)
            received = re.search(r"\b(?:får|fått|fick|erhåller|erhållit|erhöll|saa|sai|saanut|saaneet|saivat)\b", text)
            payers = [
                m
                for m in actors
                if not (self.lang == "fi" and re.search(r"(?:lle)$", sent[m.end - 1].text))
                and not (m.start > 0 and sent[m.start - 1].lower_ in ("till", "åt", "för"))
                and not (received and m.end <= sent.char_span(received.start(), received.end(), "expand").start)
            ]
            granting = re.search(
                r"\b(?:beviljat|beviljar|beviljade|myönsi|myöntää|myöntänyt|myönsivät)\b", text
            ) or SHARED_OUT.search(text)
            if granting:
                verb = sent.char_span(granting.start(), granting.end(), alignment_mode="expand").start
                before = [m for m in payers if m.end <= verb]
                if before:
                    return before[-1].key
            if payers != actors:
                return payers[0].key if payers else None
        if where is None:
            return actors[0].key
        return min(actors, key=lambda m: abs(m.start - where.start)).key

    def _leading_verb(self, token) -> bool:
        """Whether ``token`` is a form of a verb that states who leads (:data:`CUE_VERBS`' ``LEADS``:
        ``leds``, ``drivs``, ``ägs``, ``samordnas``)."""
        lemma = _lemma(token.text, self.lang)
        return lemma in CUE_VERBS[self.lang]["LEADS"] and (
            self.lang != "sv" or token.lower_ == lemma or _sv_verb_form(token.text, lemma)
        )

    def text_of(self, m: Mention) -> str:
        entity = self.p.entities[m.key]
        return entity.evidence.text if m.char_end == 0 else self.text[m.char_start : m.char_end]

    # ------------------------------------------------------------------ dates
    def _programme_period(self, number: int, sent, ranged: FoundDate) -> bool:
        """A period of years right after a programme's name (``Interreg Aurora som ska gälla åren
        2021–2027``, ``Itä-Suomen ohjelma 2014–2020``): the programme's run, with or without a cue.
        Returns whether it dated one."""
        where = sent.char_span(ranged.char_start, ranged.char_end, alignment_mode="expand")
        if where is None:
            return False
        near = [
            m
            for m in self.mentions.get(number, ())
            if self.kind_of(m.key) in ("FundingProgramme", "Programme", "Strategy")
            and m.end <= where.start
            and where.start - m.end <= 5
            and not any(t.is_punct and t.text not in "-–" for t in sent[m.end : where.start])
        ]
        if not near:
            return False
        entity = self.p.entities[near[-1].key]
        if entity.start is None:
            entity.start, entity.end = ranged.start, ranged.end
        return True

    def unclear_period(self, number: int) -> bool:
        """Whether the sentence ``number`` names a programme or fund (whose period a run of years
        may be: ``Hanke rahoitetaan ohjelmakaudelta 2021–2027``), so that years alone date no
        initiative it refers back to."""
        return any(
            "Programme" in self.kind_of(m.key) or self.kind_of(m.key) == "Fund" for m in self.mentions.get(number, ())
        )

    def _refined_dates(self, entity, text: str, found: list, starts: list, ends: list, end_cue) -> None:
        """A period told again more finely (``Projektet pågår 2023–2025.`` … ``Projektet startar den 1
        april 2023 och avslutas den 31 december 2025.``): the start after a cue of starting, the end
        after a cue of ending, each kept where it lies inside the coarser date
        (:func:`kg.ingest.temporal.refine_period`)."""
        start = end = None
        if starts and START_CUES.search(text):
            first = starts[0]
            if end_cue is None or first.char_start < end_cue.start():
                start, end = first.start, first.end
        if end is None:
            later = ends or [d for d in found if end_cue is not None and d.char_start >= end_cue.start()]
            end = later[0].start if later else None
        temporal.refine_period(entity, start, end)

    def _report_years(self) -> None:
        """An inquiry or report named by its number (``SOU 2024:6``) without a start of its own
        starts in the year its number carries (:func:`kg.ingest.temporal.year_of_numbered_report`)."""
        for entity in self.p.entities.values():
            if entity.iri is None and entity.start is None and entity.kind in _INITIATIVE_KINDS:
                entity.start = temporal.year_of_numbered_report(entity.name)

    def _dates(self, number: int, sent, offset: int, main: str | None) -> None:
        text = sent.text
        found = _find_dates(text, self.lang, self.year)
        for date in found:
            if (
                date.precision in ("month", "day")
                and not date.end
                and not re.search(r"\d{4}", text[date.char_start : date.char_end])
            ):
                # i oktober, maaliskuussa, den 15 januari: the year the tense puts the month in
                date.start = temporal.year_of_bare_month(date.start, text, self.p.issued)
            self.p.dates.append((date.start, self.ev(number, sent, offset, 0, len(sent))))
        ranged = next((d for d in found if d.end), None)
        if ranged is not None and self._programme_period(number, sent, ranged):
            return
        if ranged is not None and not START_CUES.search(text):
            # a period (1.9.2024 – 31.1.2026, 2021–2027, vuosina 2020–2022) next to an initiative is its
            # run, cue or not: the initiative named nearest the period, else the one the sentence is about
            named = [m for m in self.mentions.get(number, ()) if self.is_initiative(m.key)]
            where = sent.char_span(ranged.char_start, ranged.char_end, alignment_mode="expand")
            if named and where is not None:
                initiative = min(named, key=lambda m: min(abs(m.end - where.start), abs(m.start - where.end))).key
            elif ranged.precision == "day" or (REFERS.search(text) and not self.unclear_period(number)):
                # a day's period, or years in a sentence that refers back to its initiative
                # (Hankkeen toteuttavat A ja B vuosina 2016–2018, Projektet pågår 2023–2025)
                initiative = self._initiative_in(number, sent, main)
            else:
                initiative = None  # years alone (mellan 2014–2020) date an initiative only next to its name
            if initiative is not None and self.kind_of(initiative) not in _EVENTS:
                entity = self.p.entities[initiative]
                if entity.start is None:
                    entity.start, entity.end = ranged.start, ranged.end
                else:  # Projektet pågår 2023–2025 … 1.4.2023–31.12.2025: the finer period
                    temporal.refine_period(entity, ranged.start, ranged.end)
            if initiative is not None or ranged.precision == "day":
                return
        # a date that opens a period (sedan 2022, från och med maj 2024, 1.9.2024 alkaen) is its start
        opened = [d for d in found if _opens(text, d) and not d.end]
        closing = any(_closes(text, d) for d in found)
        if not (
            START_CUES.search(text)
            or END_CUES.search(text)
            or _DURATION.search(text)
            or opened
            or closing
            or temporal.finished(text)
        ):
            return
        initiative = self._initiative_in(number, sent, main) or main
        if initiative is None or self.kind_of(initiative) in ("Conference", "Seminar", "Meeting"):
            return
        entity = self.p.entities[initiative]
        # a date that closes a period (till och med 2026, fram till juni 2025, vuoteen 2026 asti) is its end
        ends = [d for d in found if _closes(text, d) and not d.end]  # a period is no end
        starts = [d for d in found if d not in ends]
        end_cue = END_CUES.search(text) or temporal.FINISHED.search(text)
        if opened and not START_CUES.search(text) and entity.start is None:
            # Malå kommun driver sedan 2022 projektet X, som avslutas 2025: the start, and the end after its cue
            entity.start = opened[0].start
            later = [d for d in found if d not in opened and (end_cue is None or d.char_start >= end_cue.start())]
            if later and entity.end is None and (end_cue or ends):
                entity.end = later[0].start
        elif starts and START_CUES.search(text) and entity.start is None:
            entity.start = starts[0].start
            if starts[0].end:
                entity.end = starts[0].end
            elif ends:
                entity.end = ends[0].start
            elif (
                len(starts) > 1
                and starts[1].start > starts[0].start
                # a month without its year (… presenterades i januari) is another event's, not the end
                and re.search(r"\d{4}", text[starts[1].char_start : starts[1].char_end])
            ):
                entity.end = starts[1].start
        elif found and (end_cue or ends) and entity.end is None:
            entity.end = (ends or [d for d in found if end_cue is None or d.char_end > end_cue.start()] or found)[
                0
            ].start
        elif found and (entity.start is not None or entity.end is not None):
            self._refined_dates(entity, text, found, starts, ends, end_cue)
        duration = _DURATION.search(text)
        if duration and entity.duration is None:
            months = _months(duration)
            if months:
                entity.duration = f"P{months // 12}Y" if months % 12 == 0 else f"P{months}M"
                if entity.start and entity.end is None:
                    # a start in the year's second half (hösten 2024, syksyllä 2024): the whole years
                    # run from then, so two years end in 2026, not 2025
                    late = len(entity.start) == 4 and any(
                        d.start == entity.start and LATE_IN_YEAR.search(text[max(0, d.char_start - 20) : d.char_end])
                        for d in found
                    )
                    entity.end = _end_year(entity.start + "-09" if late else entity.start, entity.duration)


_INITIATIVE_KINDS = frozenset(
    (
        "Initiative",
        "Project",
        "Pilot",
        "PreStudy",
        "ResearchProject",
        "Strategy",
        "Vision",
        "Inquiry",
        "Proposal",
        "CollaborationPlatform",
        "Event",
        "Conference",
        "Seminar",
        "Meeting",
    )
)


_SV_PREPOSITIONS = frozenset(
    ("under", "vid", "på", "till", "från", "efter", "inför", "om", "med", "för", "av", "i", "på", "genom", "kring")
)
_EVENTS = frozenset(("Event", "Conference", "Seminar", "Meeting"))
#: The kinds of places a name may hold inside it (``Jämtland Härjedalen Turism``).
_PLACES = frozenset(("Municipality", "County", "Region", "Maakunta", "Country"))

#: The words of a deciding body's meeting, in any inflection: ``sammanträde``, ``sammanträdde``,
#: ``nämndmötet``; ``kokous``, ``kokouksessaan``, ``kokoontui``.
MEETING_WORD = {
    "sv": re.compile(r"^(?:\w*sammanträd\w*|\w*möte[t]?s?|\w*mötet)$", re.IGNORECASE),
    "fi": re.compile(r"^(?:\w*kokou(?:s|ks\w+)|kokoontu\w*|istun(?:to|nossa|nossaan|non))$", re.IGNORECASE),
}
#: The head word of a body that decides and meets (a board, council, committee), base forms.
DECIDING_BODY = re.compile(
    r"(?:nämnd(?:en)?|styrelse(?:n)?|fullmäktige|utskott(?:et)?|direktion(?:en)?|"
    r"hallitus|valtuusto|lautakunta|jaosto|toimikunta|johtokunta)$",
    re.IGNORECASE,
)
#: The weekdays, Monday first, as the stems of their names.
WEEKDAYS = {
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "fi": ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"),
}
#: A weekday that tells a day: ``i måndags``, ``på tisdagen``, ``under onsdagen``; ``maanantaina``.
WEEKDAY = {
    "sv": re.compile(r"\b(?:i|på|under)\s+((?:mån|tis|ons|tors|fre|lör|sön)dag)(?:s|en)\b", re.IGNORECASE),
    "fi": re.compile(r"\b((?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai))na\b", re.I),
}
#: Today, as a text says it: a meeting ``i dag`` is on the day the text was issued.
TODAY = re.compile(r"\b(?:i dag|idag|i morse|tänään|tänä päivänä)\b", re.IGNORECASE)


def _genitive(name: str, lang: str) -> str:
    """The genitive of a body's name, as its meeting is called (the last word inflected).

    >>> _genitive("Regionala utvecklingsnämnden", "sv"), _genitive("Kommunstyrelsen i Sorsele", "sv")
    ('Regionala utvecklingsnämndens', 'Kommunstyrelsens i Sorsele')
    >>> _genitive("Lapin maakuntahallitus", "fi"), _genitive("Sallan kunnanvaltuusto", "fi")
    ('Lapin maakuntahallituksen', 'Sallan kunnanvaltuuston')
    >>> _genitive("Posion elinvoimalautakunta", "fi")
    'Posion elinvoimalautakunnan'
    """
    if lang == "sv":
        words = name.split()
        head = next((k for k, w in enumerate(words) if DECIDING_BODY.search(w)), len(words) - 1)
        word = words[head]
        words[head] = word if word.endswith(("s", "x", "z")) else word + "s"
        return " ".join(words)
    head, _, last = name.rpartition(" ")
    if re.search(r"(?:us|ys)$", last):
        last = last[:-1] + "ksen"
    elif last.endswith(("nta", "ntä")):
        last = last[:-2] + "nan" if last.endswith("nta") else last[:-2] + "nän"
    elif last.endswith("tto"):
        last = last[:-2] + "on"
    elif last[-1:].lower() in "aeiouyäö":
        last += "n"
    return f"{head} {last}".strip()


#: Verbs that introduce or follow the speaker of a quote (a person's name beside them).
SPEECH = re.compile(
    r"^(?:säger|sa|sade|berättar|berättade|menar|konstaterar|konstaterade|förklarar|förklarade|tycker|"
    r"sanoo|sanoi|kertoo|kertoi|toteaa|totesi|muistuttaa|muistutti|korostaa|korosti|arvioi|"
    # a speaker at an event: Där talar Anna Berg, Seminaarissa puhuu Matti Virtanen
    r"talar|talade|föreläser|föreläste|presenterar|presenterade|puhuu|puhui|esittelee|esitteli|alustaa|alusti)$",
    re.IGNORECASE,
)
#: The cue of a byline: who wrote the text.
BYLINE = re.compile(r"^(?:text|av|skribent|teksti|kirjoittaja|toimittaja)\s*:", re.IGNORECASE)
#: The word of a Leader group's name (a local action group), alone or as a compound's head.
LEADER_WORD = re.compile(
    r"^(?:leader|leader-ryhmä\w*|leadergrupp(?:en|erna)?|leader-grupp(?:en|erna)?|leaderområde(?:t|na)?|"
    r"leader-område(?:t|na)?|leader-alue\w*)$",
    re.IGNORECASE,
)
#: Swedish kind words that open an organisation's name (Stiftelsen Norrlandsfonden).
OPENS_NAME = re.compile(
    r"^(?:Stiftelsen|Föreningen|Förbundet|Kooperativet|Nätverket|Institutet|Akademien|"
    # compounds: Kommunalförbundet Norrbottens Energi, Hembygdsföreningen Gamla Gården
    r"[A-ZÅÄÖ]\w{3,}(?:föreningen|förbundet|stiftelsen))$"
)
#: Swedish kind words in lower case before an organisation's name (``föreningen Byalaget Storlien``).
APPOSED_KIND = re.compile(r"^(?:föreningen|stiftelsen|bolaget|företaget|kooperativet|nätverket|intresseföreningen)$")
#: Kind words that close (or, in Swedish, open) an organisation's name; Finnish ones as base forms.
_SV_ORGANISATION_WORDS = re.compile(
    r"^(?:\w*förbund(?:et)?|\w*förening(?:en)?|\w*stiftelse(?:n)?|kommuner(?:na)?|\w*institut(?:et)?|\w*centrum|"
    r"\w*center|akademi(?:n)?|\w*bolag(?:et)?|\w*sällskap(?:et)?|\w*kooperativ(?:et)?|\w*nätverk(?:et)?|"
    r"\w*råd(?:et)?|\w*myndighet(?:en)?|\w*byrå(?:n)?|\w*fond(?:en)?)$",
    re.IGNORECASE,
)
_FI_ORGANISATION_WORDS = re.compile(
    r"^(?:\w*liitto|\w*yhdistys|\w*säätiö|\w*seura|\w*instituutti|\w*virasto|\w*rahasto|\w*osuuskunta|"
    r"\w*verkosto|\w*neuvosto|\w*yhtiö|\w*akatemia|\w{4,}keskus|\w{4,}laitos|\w*toimikunta|\w*kamari)$",
    re.IGNORECASE,
)


#: One capitalised compound that names an organisation by its head (a kind word after a prefix of
#: three letters or more): Swedish in the definite form, Finnish as the base form.
ONE_WORD_ORGANISATION = {
    "sv": re.compile(
        r"^[A-ZÅÄÖ]\w{2,}(?:verket|styrelsen|myndigheten|inspektionen|kassan|tinget|förbundet|institutet|förmedlingen|ämbetet|"
        r"akademien|(?<!om)(?<!för)rådet|kollegiet|stiftelsen|departementet)$"
    ),
    "fi": re.compile(
        r"^[A-ZÅÄÖ]\w{2,}(?:liitto|virasto|laitos|hallitus|rahasto|säätiö|yhdistys|neuvosto|instituutti|"
        r"akatemia|yhtymä|kamari|keskus|käräjät|ministeriö)$"
    ),
}
#: The heads of a state's agencies and ministries (``Trafikverket``, ``Skogsstyrelsen``, ``Ruokavirasto``).
STATE_AGENCY = re.compile(
    r"(?:verket|myndigheten|inspektionen|departementet|styrelsen|förmedlingen|ämbetet|kassan|"
    r"virasto|hallitus|ministeriö)$"
)
#: The generic bodies of a municipality, region or maakunta (read by ``_bodies`` with their owner).
GENERIC_BODY = re.compile(
    r"^(?:kommun|region|landstings|läns|kaupungin|kunnan|maakunta|seutu|kunta|kaupunki|yhtymä|alue|hyvinvointialue)",
    re.IGNORECASE,
)


def _organisation_kind_word(word: str, lang: str) -> str | None:
    """``Organisation`` when ``word`` (any inflection) is a kind word of organisations, else None.

    >>> _organisation_kind_word("Kommuner", "sv"), _organisation_kind_word("kommun", "sv")
    ('Organisation', None)
    """
    if lang == "sv":
        return "Organisation" if _SV_ORGANISATION_WORDS.match(word) else None
    base = _voikko_base(word) or word
    if _FI_ORGANISATION_WORDS.match(base) and not re.search(r"kuntaliitos|liitos$", base.lower()):
        return "Organisation"
    return None


def _strict_initials(name: str) -> str:
    """The initials of a name's capitalised words, numbers kept whole (lower-case words skipped).

    >>> _strict_initials("Region 10"), _strict_initials("Sveriges Kommuner och Regioner"), _strict_initials("Lycksele")
    ('R10', 'SKR', 'L')
    """
    out = []
    for word in name.split():
        if word.isdigit():
            out.append(word)
        elif word[:1].isupper():
            out.append(word[0])
    return "".join(out)


def _initials_fit(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym``'s letters follow the initials of ``words`` (or the letters of a single
    compound, in order): ``AKKE`` fits ``Alueiden kestävän kasvun ja elinvoiman``.

    >>> _initials_fit("RUN", ["Regionala", "utvecklingsnämnden"]), _initials_fit("XY", ["Lycksele", "kommun"])
    (True, False)
    """
    letters = [c.lower() for c in acronym if c.isalpha()]
    if not letters:
        return False
    text = " ".join(words).lower()
    if letters[0] != text[:1]:
        return False
    position = 0
    for c in letters:
        position = text.find(c, position)
        if position < 0:
            return False
        position += 1
    return True


def _kind_from_word(word: str) -> str:
    for pattern, kind in INITIATIVE_KINDS:
        if pattern.search(word.lower()):
            return kind
    return "Project"


def _base_form(text: str, lang: str) -> str:
    """The last word of ``text`` in its base form (Finnish through Voikko where installed)."""
    if lang != "fi":
        return text
    words = text.split()
    last = words[-1]
    base = _voikko_base(last)
    if base and base.lower() != last.lower():
        words[-1] = base if last[0].isupper() else base.lower()
    return " ".join(words)


def _common_word(word: str) -> bool:
    """Whether a Finnish word is a common noun, verb or adjective, not a name (Voikko; simplemma
    cannot tell, so without Voikko nothing is taken as common)."""
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    if voikko is None:
        return False
    classes = {a.get("CLASS", "") for a in voikko.analyze(word)}
    return bool(classes) and not any(c.endswith("nimi") for c in classes)


#: A first name of two parts (``Ann-Sofi``, ``Per-Erik``, ``Anna-Liisa``): spaCy keeps it one token.
HYPHENATED_NAME = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü]+-[A-ZÅÄÖ][a-zåäöéü]+$")
#: Swedish words that open a sentence with a capital but name nothing (adverbs, conjunctions).
SV_OPENERS = frozenset(
    [
        "även",
        "också",
        "dessutom",
        "samtidigt",
        "därför",
        "därefter",
        "sedan",
        "nu",
        "här",
        "där",
        "då",
        "idag",
        "tillsammans",
        "enligt",
        "bland",
        "både",
        "just",
        "bara",
        "redan",
        "alla",
        "flera",
        "många",
        "några",
        "dessa",
        "denna",
        "detta",
        "vid",
        "under",
        "efter",
        "inför",
        "genom",
        "hos",
        "mot",
        "utan",
        "när",
        "medan",
        "eftersom",
        "om",
        "men",
        "så",
        "nästa",
        "förra",
        "sista",
    ]
)


def _opens_sentence(word: str, lang: str) -> bool:
    """Whether ``word``, capitalised at the head of a sentence, is a common word and no part of a
    name (``Även``, ``Dessutom``; ``Lisäksi``, ``Myös`` through Voikko).

    >>> _opens_sentence("Även", "sv"), _opens_sentence("Jämtlands", "sv")
    (True, False)
    """
    lower = word.lower()
    if lang == "sv":
        return lower in SV_OPENERS or lower in SV_STOP or lower in NOT_NAME
    return lower in FI_STOP or lower in NOT_NAME or _common_word(word)


def _fi_genitive_noun(word: str, lang: str) -> bool:
    """Whether Voikko reads a Finnish word as a noun or adjective in the genitive
    (``Tunturiseudun``, ``Pohjoisen``), which opens a name before a capitalised word (False in
    Swedish and without Voikko)."""
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi() if lang == "fi" else None
    return voikko is not None and any(
        a.get("SIJAMUOTO") == "omanto" and a.get("CLASS", "").startswith(("nimisana", "laatusana"))
        for a in voikko.analyze(word)
    )


def _verb(word: str) -> bool | None:
    """Whether Voikko reads a Finnish word as a verb only; None when Voikko is not installed."""
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    if voikko is None:
        return None
    classes = {a.get("CLASS", "") for a in voikko.analyze(word)}
    return bool(classes) and classes <= {"teonsana", "kieltosana", "apuverbi"}


def _person_base(name: str) -> str:
    """A Finnish person's name with the surname in the nominative (Voikko; unchanged without it or
    when the surname may already be nominative): ``Pentti Malisen`` -> ``Pentti Malinen``,
    ``Anu Kemppaiselle`` -> ``Anu Kemppainen``, ``Tuomas Lohen`` -> ``Tuomas Lohi``."""
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    words = name.split()
    if voikko is None or len(words) < 2 or not words[-1][:1].isupper():
        return name
    analyses = voikko.analyze(words[-1])
    if not analyses or any(a.get("SIJAMUOTO") == "nimento" for a in analyses):
        return name
    names = [a for a in analyses if a.get("CLASS") in ("sukunimi", "paikannimi")] or [
        a for a in analyses if a.get("CLASS") == "nimisana"
    ]
    base = names[0].get("BASEFORM") if names else None
    if not base:
        return name
    return " ".join([*words[:-1], base[:1].upper() + base[1:]])


#: Swedish surnames by their endings (Voikko knows many, not all): Lindqvist, Sandström, Öberg.
_SV_SURNAME = re.compile(
    r"(?:son|sson|ström|strom|berg|borg|qvist|kvist|gren|lund|lind|holm|man|mark|dahl|dal|bäck|back|sten|stedt|"
    r"stad|fors|ling|blad|blom|gård|löf|löv|rot|ros|sjö|vall|ander|ér|én|ell|ius|in)$"
)


#: Common Swedish first names that Voikko's lexicon does not know as first names (it knows most).
SV_FIRST_NAMES = frozenset(
    [
        "malin",
        "åsa",
        "ebba",
        "britta",
        "maja",
        "agneta",
        "therese",
        "louise",
        "per",
        "mats",
        "björn",
        "ulf",
        "bo",
        "kjell",
        "ola",
        "rickard",
        "urban",
        "kent",
        "torbjörn",
        "ingemar",
        "jörgen",
        "tobias",
        "johnny",
        "conny",
        "glenn",
        "dan",
        "jonny",
        "lotta",
        "stina",
        "mia",
        "ylva",
        "gun",
        "siv",
        "majken",
        "birger",
        "tord",
        "sune",
        "rune",
        "arne",
        "ove",
        "bertil",
        "kjell-åke",
        "lars-erik",
        "per-olof",
    ]
)


@functools.lru_cache(maxsize=16384)
def _name_pair(first: str, last: str, lang: str, initial: bool = False) -> bool:
    """Whether ``first last`` is a person's name by the words' morphology: Voikko knows ``first`` as
    a first name in the nominative (a Finnish full name inflects its surname only) and ``last`` as a
    surname in any case (``Rantasen`` of ``Rantanen``), or, in Finnish, as a place name or
    a word it does not know (``Lehtimäki``, ``Kostet``); in Swedish a surname may also be told by its ending
    (``Lindqvist``, ``Sandström``) or be a word Voikko does not know after a known first name (a short
    list adds common Swedish first names it lacks: ``Malin``, ``Per``), or a first name Voikko does not know
    may stand before a surname inside a sentence (``… och Ola Sandberg``; ``initial``: ``first``
    opens its sentence). False without Voikko.

    >>> _name_pair("Tapio", "Rantasen", "fi"), _name_pair("Kemijärven", "Kaupungille", "fi")
    (True, False)
    >>> _name_pair("Magnus", "Lindqvist", "sv"), _name_pair("Ola", "Sandberg", "sv")
    (True, True)
    >>> _name_pair("Enligt", "Sandberg", "sv", initial=True)
    False
    """
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    if voikko is None or not first[:1].isupper() or not last[:1].isupper() or "-" in last:
        return False
    firsts = voikko.analyze(first)
    lasts = voikko.analyze(last)
    is_first = any(a.get("CLASS") == "etunimi" and a.get("SIJAMUOTO") == "nimento" for a in firsts) or (
        lang == "sv" and first.lower() in SV_FIRST_NAMES
    )
    surname = any(a.get("CLASS") == "sukunimi" for a in lasts)
    if lang == "fi":
        if not is_first or any(a.get("CLASS") == "etunimi" for a in lasts):
            return False
        # a surname, a place name used as one (Lehtimäki), or a word Voikko does not know (Kostet)
        return surname or not lasts or any(a.get("CLASS") == "paikannimi" for a in lasts)
    if any(a.get("CLASS") in ("paikannimi", "nimi") for a in lasts) and not surname:
        return False
    if not (surname or (not lasts and (_SV_SURNAME.search(last) or (is_first and last.isalpha())))):
        return False  # a surname Voikko knows, or one it does not know after a first name
    # a first name Voikko does not know only inside a sentence (a capital there is a name's), not
    # its first word (Enligt Holmqvist)
    return is_first or (not firsts and not initial and first.isalpha())


def _voikko_base(word: str) -> str | None:
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    if voikko is None:
        import simplemma

        return simplemma.lemmatize(word, lang="fi")
    analyses = voikko.analyze(word)
    for analysis in analyses:
        if analysis.get("SIJAMUOTO") == "nimento":
            return word
    return analyses[0].get("BASEFORM") if analyses else None


#: Verbs whose subject (or the agent of a Swedish passive) funds or carries out an initiative, by
#: lemma (Swedish through simplemma, Finnish through Voikko where installed, else simplemma).
CUE_VERBS = {
    "sv": {
        "FUNDS": ("finansiera", "delfinansiera", "medfinansiera", "samfinansiera", "bekosta"),
        "LEADS": ("genomföra", "driva", "leda", "äga", "samordna", "koordinera", "starta", "initiera"),
    },
    "fi": {
        "FUNDS": ("rahoittaa", "osarahoittaa", "yhteisrahoittaa", "kustantaa"),
        "LEADS": ("toteuttaa", "hallinnoida", "koordinoida", "vetää", "luotsata", "käynnistää"),
    },
}
#: Finnish passive endings: the agent is not told (``toteutetaan``, ``rahoitettiin``).
_SV_CUE_LEMMAS = frozenset(v for verbs in CUE_VERBS["sv"].values() for v in verbs)
_FI_CUE_LEMMAS = frozenset(v for verbs in CUE_VERBS["fi"].values() for v in verbs)
_FI_PASSIVE = re.compile(r"(?:taan|tään|tiin|ttiin|ttaisiin|ttäisiin)$", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def _lemma(word: str, lang: str) -> str:
    """The lemma of ``word`` in lower case: Voikko's first base form for Finnish where installed,
    simplemma otherwise.

    >>> _lemma("finansierar", "sv"), _lemma("genomförs", "sv")
    ('finansiera', 'genomföra')
    """
    lower = word.lower()
    if not any(c.isalpha() for c in lower):
        return lower
    if lang == "fi":
        from kg.reconciliation.text import voikko_fi

        voikko = voikko_fi()
        if voikko is not None:
            analyses = voikko.analyze(word)
            return (analyses[0].get("BASEFORM") or lower).lower() if analyses else lower
    import simplemma

    return simplemma.lemmatize(lower, lang=lang).lower()


def _cue_matcher(vocab, lang: str):
    """A spaCy Matcher over the tokens' lemmas: one rule per relation that a verb states (the
    lemmas of :data:`CUE_VERBS`), matched after :func:`_set_lemmas` has tagged a sentence."""
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    for label, lemmas in CUE_VERBS[lang].items():
        matcher.add(label, [[{"LEMMA": {"IN": list(lemmas)}}]])
    return matcher


def _set_lemmas(doc, lang: str) -> None:
    """Tag each token of ``doc`` (a blank pipeline's, which has no lemmatiser) with :func:`_lemma`."""
    for token in doc:
        token.lemma_ = _lemma(token.text, lang)


def _verb_form(word: str) -> bool:
    """Whether Voikko reads a Finnish word as a finite verb or an infinitive (``toteuttaa``,
    ``rahoittivat``), not a noun or participle (``toteuttaja``, ``rahoittama``); True without Voikko."""
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    if voikko is None:
        return True
    return any(a.get("CLASS") == "teonsana" and a.get("PARTICIPLE") is None for a in voikko.analyze(word))


def _sv_verb_form(word: str, lemma: str) -> bool:
    """Whether a Swedish word is a present, past or passive form of the verb ``lemma``
    (``finansierar``, ``genomförde``, ``drivs``), not a noun made from it (``finansiering``)."""
    word = word.lower()
    stem = lemma[:-1] if lemma.endswith("a") else lemma
    forms = {lemma + "r", lemma + "s", stem + "er", stem + "s", stem + "es", lemma + "de", lemma + "des", stem + "de"}
    forms |= {stem + "te", stem + "tes", lemma + "t", stem + "t", stem + "ts"}
    if stem.endswith("r"):
        forms.add(stem)  # genomför, för: the present of a stem in r
    # strong verbs: drev, ledde, ägde, ägs
    return word in forms or word in {"drev", "drevs", "ledde", "leddes", "ägde", "ägdes", "genomfördes"}


#: Swedish time words after ``i`` that end a name (``Fjällbyar i dag``, ``… i höst``).
_SV_TIME_WORDS = frozenset(["dag", "går", "år", "fjol", "höst", "våras", "vår", "sommar", "vinter", "morgon", "kväll"])


def _sv_present(word: str) -> bool:
    """Whether a lower-case Swedish word is a verb in the present tense by its lemma (``ingår`` of
    ``ingå``, ``startar`` of ``starta``, ``omfattar``), which ends a name running on in lower case;
    plural nouns (``byar`` of ``by``) are not.

    >>> _sv_present("ingår"), _sv_present("omfattar"), _sv_present("byar"), _sv_present("samverkan")
    (True, True, False, False)
    """
    lemma = _lemma(word, "sv")
    return (
        word != lemma
        and word.endswith("r")
        and (word == lemma + "r" or (lemma.endswith("a") and word == lemma[:-1] + "er"))
    )


def before_total(text: str, found: re.Match) -> str:
    """The words just before an amount (up to 40 characters), where a total is announced."""
    return text[max(0, found.start() - 40) : found.start()]


def _first_name(word: str) -> bool:
    """Whether Voikko knows a Finnish word as a first name (False without Voikko)."""
    from kg.reconciliation.text import voikko_fi

    voikko = voikko_fi()
    return voikko is not None and any(a.get("CLASS") == "etunimi" for a in voikko.analyze(word))


def _sv_base(word: str) -> str:
    """A Swedish noun without its definite or genitive ending (``kommunalförbundet`` -> ``kommunalförbund``)."""
    for ending in ("ets", "et", "ens", "en", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


def _sv_title(role: str) -> str:
    """A Swedish title as written, without the definite ending (``projektledaren`` -> ``projektledare``)."""
    lower = role.lower()
    for definite, base in (("ledaren", "ledare"), ("chefen", "chef"), ("rådet", "råd"), ("ordföranden", "ordförande")):
        if lower.endswith(definite):
            return lower[: -len(definite)] + base
    return role if role.isupper() else lower


@dataclass
class FoundDate:
    start: str
    end: str | None
    precision: str  # day, month, year
    char_start: int
    char_end: int


def _opens(text: str, date: FoundDate) -> bool:
    """Whether ``date`` opens a period in ``text``: after ``sedan``, ``från och med``, ``fr.o.m.``,
    or before Finnish ``alkaen``/``lähtien``.

    >>> [_opens(t, _find_dates(t, "sv", None)[0]) for t in ("driver sedan 2022 projektet", "avslutas 2025")]
    [True, False]
    """
    before = text[max(0, date.char_start - 20) : date.char_start]
    after = text[date.char_end : date.char_end + 10]
    return bool(
        re.search(r"\b(?:sedan|från\s+och\s+med|fr\.\s?o\.\s?m\.?)\s+(?:den\s+|år\s+)?$", before, re.IGNORECASE)
        or re.match(r"\s*(?:alkaen|lähtien)\b", after)
    )


def _closes(text: str, date: FoundDate) -> bool:
    """Whether ``date`` closes a period in ``text``: after ``till och med``, ``t.o.m.``, ``fram
    till``, ``until``, or before Finnish ``asti``/``saakka``/``loppuun`` (``vuoden 2026 loppuun``).

    >>> [_closes(t, _find_dates(t, "sv", None)[0]) for t in ("pågår till och med 2026", "startar i maj 2025")]
    [True, False]
    """
    before = text[max(0, date.char_start - 25) : date.char_start]
    after = text[date.char_end : date.char_end + 12]
    return bool(
        re.search(
            r"(?:till\s+och\s+med|t\.\s?o\.\s?m\.?|fram\s+till|until|\btill)\s+(?:den\s+|år\s+|utgången\s+av\s+)?$",
            before,
        )
        or re.match(r"\s*(?:asti|saakka|loppuun|mennessä)\b", after)
        or re.search(r"\bvuoteen\s+$", before)
        or re.search(r"(?:till\s+och\s+med|fram\s+till)\s+(?:\w+\s+)?$", before)
    )


def _find_dates(text: str, lang: str, year: int | None) -> list[FoundDate]:
    """The dates of ``text`` as xsd lexical forms at the precision written, in order.

    >>> [(d.start, d.end) for d in _find_dates("Projektet startade i september 2023 och pågår 2023–2025.", "sv", None)]
    [('2023-09', None), ('2023', '2025')]
    >>> [d.start for d in _find_dates("KH 27.01.2020 § 23, alkaa syksyllä 2020", "fi", None)]
    ['2020-01-27', '2020']
    >>> [d.start for d in _find_dates("Mötet hålls den 6 maj i Pajala.", "sv", 2024)]
    ['2024-05-06']
    >>> [d.start for d in _find_dates("Hallitus kokoontui 7.10. ja 14.10.2024.", "fi", 2024)]
    ['2024-10-07', '2024-10-14']
    """
    import dateparser

    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def add(start: str, end: str | None, precision: str, a: int, b: int) -> None:
        if free(a, b):
            taken.append((a, b))
            found.append(FoundDate(start, end, precision, a, b))

    def parse_day(span: str, default_year: int | None) -> str | None:
        settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
        if default_year:
            settings["RELATIVE_BASE"] = dt.datetime(default_year, 1, 1)
        try:
            parsed = dateparser.parse(span, languages=[lang, "en"], settings=settings)
        except (ValueError, OverflowError):
            return None
        return parsed.date().isoformat() if parsed else None

    # day ranges: 1.3.2026-31.12.2027
    for m in re.finditer(r"\b(\d{1,2}\.\d{1,2}\.(\d{4}))\s*[-–]\s*(\d{1,2}\.\d{1,2}\.\d{4})\b", text):
        a, b = parse_day(m.group(1), None), parse_day(m.group(3), None)
        if a and b:
            add(a, b, "day", m.start(), m.end())
    # day ranges within one month: 30.–31.5.2023, 30-31.5.2023, 30–31 maj 2023, 30.–31. toukokuuta 2023
    for m in re.finditer(r"\b(\d{1,2})\.?\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b", text):
        a = parse_day(f"{m.group(1)}.{m.group(3)}.{m.group(4)}", None)
        b = parse_day(f"{m.group(2)}.{m.group(3)}.{m.group(4)}", None)
        if a and b and a <= b:
            add(a, b, "day", m.start(), m.end())
    words = (
        _SV_MONTH if lang == "sv" else r"(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuuta"
    )
    for m in re.finditer(rf"\b(\d{{1,2}})\.?\s*[-–]\s*(\d{{1,2}})\.?\s+({words})(?:\s+(\d{{4}}))?\b", text, re.I):
        if not m.group(4) and year is None:
            continue  # 30–31 maj, and no year known: not guessed
        within = m.group(4) or str(year)  # without a year: the document's (Den 30–31 maj genomfördes …)
        a = parse_day(f"{m.group(1)} {m.group(3)} {within}", None)
        b = parse_day(f"{m.group(2)} {m.group(3)} {within}", None)
        if a and b and a <= b:
            add(a, b, "day", m.start(), m.end())
    for m in re.finditer(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", text):
        day = parse_day(m.group(0), None)
        if day:
            add(day, None, "day", m.start(), m.end())
    if year is not None:
        # a day and month with their dots and no year (kokoontui 7.10.): the text's year
        for m in re.finditer(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d])", text):
            if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
                day = parse_day(f"{m.group(1)}.{m.group(2)}.{year}", None)
                if day:
                    add(day, None, "day", m.start(), m.end())
    for m in re.finditer(r"\b(\d{4}-\d{2}-\d{2})\s*(?:[-–]|till|to|—)\s*(\d{4}-\d{2}-\d{2})\b", text):
        add(m.group(1), m.group(2), "day", m.start(), m.end())
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        add(m.group(0), None, "day", m.start(), m.end())
    for day, a, b in temporal.month_first_days(text):
        add(day, None, "day", a, b)  # Dec 12, 2023 (a news service's dateline)
    month = _SV_MONTH if lang == "sv" else _FI_MONTH
    # 6 maj 2024, 6. toukokuuta 2024 (a Finnish day is written with its dot and the month in the partitive)
    day_month = (
        month if lang == "sv" else r"(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuuta"
    )
    dot = r"\.?" if lang == "sv" else r"\."
    for m in re.finditer(rf"\b(\d{{1,2}}){dot}\s+({day_month})(?:\s+(\d{{4}}))?", text, re.IGNORECASE):
        span = m.group(0)
        if not m.group(3) and year is None:
            continue  # 6 maj, and no year known: not guessed from today's date
        day = parse_day(span if m.group(3) else f"{span} {year}", year)
        if day:
            add(day, None, "day", m.start(), m.end())
    for m in re.finditer(rf"\b({month})\s+(\d{{4}})\b", text, re.IGNORECASE):
        number = _month_number(m.group(1), lang)
        if number:
            add(f"{m.group(2)}-{number:02d}", None, "month", m.start(), m.end())
    for month_start, a, b in temporal.months_without_year(text, lang, year):
        add(month_start, None, "month", a, b)  # i mars, maaliskuussa: the document's year
    # a part of a month: toukokuun alussa 2024, kesäkuun puolivälissä 2025, i mitten av maj 2024
    for m in re.finditer(rf"\b({_FI_PART_OF_MONTH})\s+(?:vuonna\s+)?(\d{{4}})\b", text, re.IGNORECASE):
        number = _month_number(m.group(2), "fi")
        if lang == "fi" and number:
            add(f"{m.group(3)}-{number:02d}", None, "month", m.start(), m.end())
    for first, last, a, b in temporal.year_pairs(text):
        add(first, last, "year", a, b)  # mellan 2024 och 2027, vuosina 2024 ja 2025
    for m in re.finditer(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", text):
        if int(m.group(1)) <= int(m.group(2)):
            add(m.group(1), m.group(2), "year", m.start(), m.end())
    # a part of a year, at the year's precision: i början av 2025, under andra halvåret 2024, till och
    # med 2026, alkuvuodesta 2025, vuoden 2026 loppupuolella, 2025 alkuvuodesta
    for m in re.finditer(_PART_OF_YEAR, text, re.IGNORECASE):
        group = "year" if m.group("year") else "year_first"
        add(m.group(group), None, "year", m.start(group), m.end(group))
    if year is not None:
        # a season or a year told relative to the document's year: i höst, i år, nästa år, tänä
        # vuonna, syksyllä (no year written), ensi vuonna
        for m in re.finditer(_RELATIVE_YEAR, text, re.IGNORECASE):
            later = 1 if re.match(r"nästa|kommande|ensi|tuleva", m.group(0), re.IGNORECASE) else 0
            add(str(year + later), None, "year", m.start(), m.end())
    for m in re.finditer(
        rf"\b(?:{_SEASON}|under|år|vuonna|vuoden|vuosina|vuoteen|till|fram till|sedan|från|i|in|"
        # a year right after a verb of starting or ending: avslutas 2025, päättyy 2026, startar 2024
        r"avslutas|avslutades|slutar|startar|startade|påbörjas|inleds|alkaa|alkoi|päättyy|päättyi|"
        r"käynnistyy|käynnistyi)\s+((?:19|20)\d\d)\b(?![.,]\d)",
        text,
        re.IGNORECASE,
    ):
        add(m.group(1), None, "year", m.start(1), m.end(1))
    found.sort(key=lambda d: d.char_start)
    return temporal.join_periods(text, found, FoundDate)


def _month_number(word: str, lang: str) -> int | None:
    word = word.lower().rstrip(".")
    for number, name in enumerate(MONTHS[lang], start=1):
        if name.startswith(word[:3]) if lang == "sv" else word.startswith(name[:-3]):
            return number
    return None


def _months(m: re.Match) -> int | None:
    if m.group("adj"):
        return _NUMBER_WORDS.get(m.group("adj").lower(), 0) * 12 or None
    raw = m.group("n").lower().replace(",", ".")
    value = float(raw) if re.match(r"^\d", raw) else _NUMBER_WORDS.get(raw)
    if not value:
        return None
    unit = m.group("unit").lower()
    return round(value * 12) if unit.startswith(("år", "vuo")) else round(value)


#: The words of a time in the second half of a year (a season or the year's end).
LATE_IN_YEAR = re.compile(
    r"hösten|i höst|sommaren|i sommar|slutet av|andra halvåret|syksyllä|kesällä|loppuvuodesta|loppupuolella|"
    r"jälkimmäisellä",
    re.IGNORECASE,
)


def _end_year(start: str, duration: str) -> str | None:
    """The year a period of ``duration`` (``P3Y``, ``P18M``) that starts at ``start`` (a year,
    month or day) ends in: the year of its last month. From a bare year, whole years run from
    January (2020 and three years end in 2022); a part of a year reaches into the year after
    (syksyllä 2020 and 1,5 vuotta end in 2022).

    >>> _end_year("2023-09", "P3Y"), _end_year("2024-01-15", "P12M")
    ('2026', '2024')
    >>> _end_year("2020", "P3Y"), _end_year("2020", "P18M")
    ('2022', '2022')
    """
    found = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?", duration)
    if not found or not (found.group(1) or found.group(2)):
        return None
    months = int(found.group(1) or 0) * 12 + int(found.group(2) or 0)
    if len(start) == 4:
        return str(int(start) + (months + 11) // 12 - (1 if months % 12 == 0 else 0))
    return str(int(start[:4]) + (int(start[5:7]) - 1 + months - 1) // 12)


#: Numbers written in words before a scale word (``en halv miljon``, ``puoli miljoonaa``).
_WORD_NUMBERS = {
    "halv": "0.5",
    "puoli": "0.5",
    **{
        w: str(n)
        for n, w in enumerate(["en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"], start=1)
    },
    "ett": "1",
    **{
        w: str(n)
        for n, w in enumerate(
            ["yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi", "seitsemän", "kahdeksan", "yhdeksän", "kymmenen"], 1
        )
    },
}


def _currency(m: re.Match) -> str | None:
    """The ISO 4217 code of an amount: ``kr``/``kronor`` or a Swedish scale word (``mkr``) -> SEK,
    ``€``/``euro``/``e`` -> EUR; None for a bare number.

    >>> _currency(_AMOUNT.search("13 mkr")), _currency(_AMOUNT.search("7500 €")), _currency(_AMOUNT.search("2023"))
    ('SEK', 'EUR', None)
    """
    scale = (m.group("scale") or "").lower()
    currency = (m.group("currency") or m.group("precurrency") or "").lower()
    if currency.startswith(("k", "sek", ":-")) or (not currency and scale in ("mkr", "msek", "mnkr", "tkr")):
        return "SEK"
    if not currency and scale in ("m€", "k€", "t€", "meur", "teur"):
        return "EUR"
    return "EUR" if currency else None


def _amount_value(m: re.Match) -> str | None:
    """The amount as a decimal string, scaled by the scale word (``13 mkr`` -> ``13000000``).

    >>> _amount_value(_AMOUNT.search("2,6 mkr vardera")), _amount_value(_AMOUNT.search("119 952 e"))
    ('2600000', '119952')
    >>> _amount_value(_AMOUNT.search("1,4 milj. euroa")), _amount_value(_AMOUNT.search("7500 €"))
    ('1400000', '7500')
    >>> _amount_value(_AMOUNT.search("1,8 miljoonaa euroa")), _amount_value(_AMOUNT.search("2 miljarder kronor"))
    ('1800000', '2000000000')
    >>> _amount_value(_AMOUNT.search("en halv miljon kronor")), _amount_value(_AMOUNT.search("kaksi miljoonaa euroa"))
    ('500000', '2000000')
    """
    from decimal import Decimal

    if m.group("word"):
        digits = str(_WORD_NUMBERS[m.group("word").split()[-1].lower()])
        value = Decimal(digits)
    else:
        digits = re.sub(r"[ \u00a0.]", "", m.group("number"))
        value = Decimal(f"{digits}.{m.group('decimals')}" if m.group("decimals") else digits)
    scale = (m.group("scale") or "").lower().rstrip(".")
    if scale.startswith(("miljard", "mdkr", "mrd")):
        value *= 1_000_000_000
    elif scale.startswith(("milj", "mkr", "msek", "mnkr", "mn", "m€", "meur")):
        value *= 1_000_000
    elif scale in ("tkr", "tusen", "tuhatta", "tuhannen", "t€", "k€", "teur"):
        value *= 1000
    elif m.group("decimals") and len(m.group("decimals")) == 3 and m.group(0).count(".") == 1:
        value = Decimal(f"{digits}{m.group('decimals')}")  # 5.000 euro: a thousands separator
    if value <= 0:
        return None
    text = format(value.normalize(), "f")
    return text
