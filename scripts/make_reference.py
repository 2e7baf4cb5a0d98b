"""Generate the bulky reference data of samverkan-kg from the official lists.

Reads the code lists in ``../shared/reference/`` (see its README for where each comes from) and
the hand-curated names in ``scripts/reference/municipality_names.ttl``, and writes, in a fixed
order (the same input always gives byte-identical output):

- ``data/reference/areas.ttl``: Sweden and Finland, the 21 Swedish counties (län) and the 19
  Finnish regions (maakunta, Åland included);
- ``data/reference/municipalities.ttl``: the 290 Swedish municipalities (kommunkod) and the 308
  Finnish ones of 2025 (kuntanumero), each in its county or region, plus every Finnish
  municipality of the 2024 list that is gone from the 2025 list, kept as a former municipality
  with its end date and its successor;
- ``data/reference/regional-bodies.ttl``: the 21 county administrative boards (länsstyrelser),
  the 21 Swedish regions, the Finnish regional councils (maakuntien liitot, and Åland's
  government), the ELY centres and the wellbeing services counties (hyvinvointialueet), each tied
  to its area with ``kg:servesArea``;
- ``data/reference/national-bodies.ttl``: the Swedish state bodies of the national register
  (``se_public_bodies.csv``) that the selection rule below picks.

Bodies that are in none of the lists (ministries, Finnish agencies, the associations of local
authorities, the EU funds and programmes, the Nordic Council of Ministers) are written by hand
in ``data/reference/bodies.ttl``, which this script does not touch.

Selection rule for ``se_public_bodies.csv`` (the register of Swedish public bodies). A row is
taken when it is

1. a county administrative board: its name begins with "Länsstyrelsen";
2. a regional authority: it comes from SKR's list of regions (``source_url`` ending in
   ``adressuppgifterlandstingregioner.1247.html``; the register still gives several of them
   under their former county-council names, which are kept as alternative names);
3. a higher-education institution: its name contains "universitet" or "högskol" and does not
   name an agency or board ("nämnd", "myndighet", "råd", "ämbete") -- universities run and
   co-finance regional development projects;
4. a state agency with a stated role in regional development, one of: managing or
   intermediate authority of an EU structural, investment or cross-border programme in Sweden
   in 2014–2020 or 2021–2027; an agency whose main task is to fund research or innovation; the
   agency that evaluates regional growth policy; or the Government Offices. These are listed in
   :data:`AGENCY_ROLES` with the role that qualifies each; the script stops with an error if
   one of them is missing from the register.

Municipalities in the register are not taken from it (they come from the SCB list), but their
registered long names ("Pajala kommun", "Haparanda stad") become Swedish ``skos:altLabel``\\ s.

Usage::

    python scripts/make_reference.py [--shared ../shared/reference] [--out data/reference]
    python scripts/make_reference.py --check   # exit 1 if the committed files are out of date

Exit 2 with a message naming the file and row when an input is missing or malformed.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDFS, SKOS

REPO = Path(__file__).resolve().parents[1]
KG = Namespace("https://w3id.org/samverkan/def#")
ID = "https://w3id.org/samverkan/id/"
CURATED = REPO / "scripts" / "reference" / "municipality_names.ttl"

PREFIXES = """@prefix kg:      <https://w3id.org/samverkan/def#> .
@prefix area:    <https://w3id.org/samverkan/id/area/> .
@prefix mun:     <https://w3id.org/samverkan/id/municipality/> .
@prefix orgid:   <https://w3id.org/samverkan/id/org/> .
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema:  <https://schema.org/> .
"""

SOURCES_SE = (
    "#   ../shared/reference/se_municipalities.csv: codes, names and counties from SCB (via\n"
    "#     sjbrg/swedish-geodata, data/municipality_county.csv, commit 967319129a6a3e8494316421fb64cf5d140714a3,\n"
    "#     label v2025.01). Its Wikidata QIDs (a 2013 snapshot, never checked) are left out.\n"
)
SOURCES_FI = (
    "#   ../shared/reference/fi_municipalities.csv (Statistics Finland classification kunta_1_20250101)\n"
    "#   and fi_municipalities_2024.csv (kunta_1_20240101), via rOpenGov/geofi commit\n"
    "#     de9392bbeac7ce09d13637ec000b8c9e69ce5c52: codes, Finnish, Swedish and English names, maakunta.\n"
)
SOURCES_BODIES = (
    "#   ../shared/reference/se_public_bodies.csv: datasets/publicbodies data/se.csv (commit b58274a6...,\n"
    "#     ODC-PDDL-1.0), itself from SCB's register of agencies and SKR's lists of municipalities and regions.\n"
)


class InputError(Exception):
    """A missing or malformed input, with the file and row in the message."""


# ------------------------------------------------------------------ hand-kept tables
# Finnish and English names of the Swedish counties (the Swedish names come from the SCB list).
# Finnish forms as in Finnish-language reference works; English as used by the county
# administrative boards themselves ("Norrbotten County").
LAN_NAMES: dict[str, tuple[str, str]] = {
    "01": ("Tukholman lääni", "Stockholm County"),
    "03": ("Uppsalan lääni", "Uppsala County"),
    "04": ("Södermanlandin lääni", "Södermanland County"),
    "05": ("Itä-Götanmaan lääni", "Östergötland County"),
    "06": ("Jönköpingin lääni", "Jönköping County"),
    "07": ("Kronobergin lääni", "Kronoberg County"),
    "08": ("Kalmarin lääni", "Kalmar County"),
    "09": ("Gotlannin lääni", "Gotland County"),
    "10": ("Blekingen lääni", "Blekinge County"),
    "12": ("Skånen lääni", "Skåne County"),
    "13": ("Hallandin lääni", "Halland County"),
    "14": ("Länsi-Götanmaan lääni", "Västra Götaland County"),
    "17": ("Värmlandin lääni", "Värmland County"),
    "18": ("Örebron lääni", "Örebro County"),
    "19": ("Västmanlandin lääni", "Västmanland County"),
    "20": ("Taalainmaan lääni", "Dalarna County"),
    "21": ("Gävleborgin lääni", "Gävleborg County"),
    "22": ("Västernorrlandin lääni", "Västernorrland County"),
    "23": ("Jämtlandin lääni", "Jämtland County"),
    "24": ("Västerbottenin lääni", "Västerbotten County"),
    "25": ("Norrbottenin lääni", "Norrbotten County"),
}

# The regional authority (region) of each county: its name today, its IRI slug, the id of its row
# in se_public_bodies.csv (where the register may still give the former county-council name).
# Gotland has no region apart from the municipality: Region Gotland is the municipality acting
# also as regional authority, recorded here as its own node with a note.
REGIONS: dict[str, tuple[str, str, str]] = {
    "01": ("Region Stockholm", "region-stockholm", "se/stockholms-lans-landsting"),
    "03": ("Region Uppsala", "region-uppsala", "se/landstinget-uppsala-lan"),
    "04": ("Region Sörmland", "region-sormland", "se/landstinget-sormland"),
    "05": ("Region Östergötland", "region-ostergotland", "se/region-ostergotland"),
    "06": ("Region Jönköpings län", "region-jonkopings-lan", "se/region-jonkopings-lan"),
    "07": ("Region Kronoberg", "region-kronoberg", "se/region-kronoberg"),
    "08": ("Region Kalmar län", "region-kalmar-lan", "se/landstinget-kalmar-lan"),
    "09": ("Region Gotland", "region-gotland", "se/region-gotland-(landsting)"),
    "10": ("Region Blekinge", "region-blekinge", "se/landstinget-blekinge"),
    "12": ("Region Skåne", "region-skane", "se/region-skane"),
    "13": ("Region Halland", "region-halland", "se/region-halland-(landsting)"),
    "14": ("Västra Götalandsregionen", "vastra-gotalandsregionen", "se/vastra-gotalandsregionen"),
    "17": ("Region Värmland", "region-varmland", "se/landstinget-varmland"),
    "18": ("Region Örebro län", "region-orebro-lan", "se/region-orebro-lan"),
    "19": ("Region Västmanland", "region-vastmanland", "se/landstinget-vastmanland"),
    "20": ("Region Dalarna", "region-dalarna", "se/landstinget-dalarna"),
    "21": ("Region Gävleborg", "region-gavleborg", "se/region-gavleborg"),
    "22": ("Region Västernorrland", "region-vasternorrland", "se/landstinget-vasternorrland"),
    "23": ("Region Jämtland Härjedalen", "region-jamtland-harjedalen", "se/region-jamtland-harjedalen"),
    "24": ("Region Västerbotten", "region-vasterbotten", "se/vasterbottens-lans-landsting"),
    "25": ("Region Norrbotten", "region-norrbotten", "se/norrbottens-lans-landsting"),
}
REGION_SHORT = {"23": ("Region JH",), "14": ("VGR",)}

# The Finnish regions: English name; the regional council (maakunnan liitto) in Finnish, Swedish,
# English and its short forms. Names as the councils use them (their own web sites and
# Suomi.fi). Åland has no regional council: the Government of Åland holds those tasks.
MAAKUNTA: dict[str, tuple[str, tuple[str, str, str], tuple[str, ...]]] = {
    "01": ("Uusimaa", ("Uudenmaan liitto", "Nylands förbund", "Helsinki-Uusimaa Regional Council"), ()),
    "02": (
        "Southwest Finland",
        ("Varsinais-Suomen liitto", "Egentliga Finlands förbund", "Regional Council of Southwest Finland"),
        (),
    ),
    "04": ("Satakunta", ("Satakuntaliitto", "Satakuntaförbundet", "Satakunta Regional Council"), ()),
    "05": ("Kanta-Häme", ("Hämeen liitto", "Tavastlands förbund", "Regional Council of Häme"), ()),
    "06": ("Pirkanmaa", ("Pirkanmaan liitto", "Birkalands förbund", "Council of Tampere Region"), ()),
    "07": (
        "Päijät-Häme",
        ("Päijät-Hämeen liitto", "Päijänne-Tavastlands förbund", "Regional Council of Päijät-Häme"),
        (),
    ),
    "08": ("Kymenlaakso", ("Kymenlaakson liitto", "Kymmenedalens förbund", "Regional Council of Kymenlaakso"), ()),
    "09": (
        "South Karelia",
        ("Etelä-Karjalan liitto", "Södra Karelens förbund", "Regional Council of South Karelia"),
        (),
    ),
    "10": (
        "South Savo",
        ("Etelä-Savon maakuntaliitto", "Södra Savolax landskapsförbund", "Regional Council of South Savo"),
        ("Etelä-Savon liitto",),
    ),
    "11": ("North Savo", ("Pohjois-Savon liitto", "Norra Savolax förbund", "Regional Council of Pohjois-Savo"), ()),
    "12": (
        "North Karelia",
        ("Pohjois-Karjalan maakuntaliitto", "Norra Karelens landskapsförbund", "Regional Council of North Karelia"),
        ("Pohjois-Karjalan liitto",),
    ),
    "13": (
        "Central Finland",
        ("Keski-Suomen liitto", "Mellersta Finlands förbund", "Regional Council of Central Finland"),
        (),
    ),
    "14": (
        "South Ostrobothnia",
        ("Etelä-Pohjanmaan liitto", "Södra Österbottens förbund", "Regional Council of South Ostrobothnia"),
        (),
    ),
    "15": ("Ostrobothnia", ("Pohjanmaan liitto", "Österbottens förbund", "Regional Council of Ostrobothnia"), ()),
    "16": (
        "Central Ostrobothnia",
        ("Keski-Pohjanmaan liitto", "Mellersta Österbottens förbund", "Regional Council of Central Ostrobothnia"),
        (),
    ),
    "17": (
        "North Ostrobothnia",
        ("Pohjois-Pohjanmaan liitto", "Norra Österbottens förbund", "Council of Oulu Region"),
        (),
    ),
    "18": ("Kainuu", ("Kainuun liitto", "Kajanalands förbund", "Regional Council of Kainuu"), ()),
    "19": ("Lapland", ("Lapin liitto", "Lapplands förbund", "Regional Council of Lapland"), ()),
    "21": ("Åland", ("Ahvenanmaan maakuntahallitus", "Ålands landskapsregering", "Government of Åland"), ()),
}

# The 15 ELY centres (elinkeino-, liikenne- ja ympäristökeskukset) with the regions they serve.
# Swedish: NTM-centralen i X. On 1 January 2026 their tasks passed to the new vitality centres
# (elinvoimakeskukset); they are kept because older documents name them.
ELY: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "uudenmaan-ely-keskus": ("Uudenmaan ELY-keskus", "NTM-centralen i Nyland", "Uusimaa ELY Centre", ("01",)),
    "varsinais-suomen-ely-keskus": (
        "Varsinais-Suomen ELY-keskus",
        "NTM-centralen i Egentliga Finland",
        "Southwest Finland ELY Centre",
        ("02",),
    ),
    "satakunnan-ely-keskus": ("Satakunnan ELY-keskus", "NTM-centralen i Satakunta", "Satakunta ELY Centre", ("04",)),
    "hameen-ely-keskus": ("Hämeen ELY-keskus", "NTM-centralen i Tavastland", "Häme ELY Centre", ("05", "07")),
    "pirkanmaan-ely-keskus": ("Pirkanmaan ELY-keskus", "NTM-centralen i Birkaland", "Pirkanmaa ELY Centre", ("06",)),
    "kaakkois-suomen-ely-keskus": (
        "Kaakkois-Suomen ELY-keskus",
        "NTM-centralen i Sydöstra Finland",
        "Southeast Finland ELY Centre",
        ("08", "09"),
    ),
    "etela-savon-ely-keskus": (
        "Etelä-Savon ELY-keskus",
        "NTM-centralen i Södra Savolax",
        "South Savo ELY Centre",
        ("10",),
    ),
    "pohjois-savon-ely-keskus": (
        "Pohjois-Savon ELY-keskus",
        "NTM-centralen i Norra Savolax",
        "North Savo ELY Centre",
        ("11",),
    ),
    "pohjois-karjalan-ely-keskus": (
        "Pohjois-Karjalan ELY-keskus",
        "NTM-centralen i Norra Karelen",
        "North Karelia ELY Centre",
        ("12",),
    ),
    "keski-suomen-ely-keskus": (
        "Keski-Suomen ELY-keskus",
        "NTM-centralen i Mellersta Finland",
        "Central Finland ELY Centre",
        ("13",),
    ),
    "etela-pohjanmaan-ely-keskus": (
        "Etelä-Pohjanmaan ELY-keskus",
        "NTM-centralen i Södra Österbotten",
        "South Ostrobothnia ELY Centre",
        ("14",),
    ),
    "pohjanmaan-ely-keskus": (
        "Pohjanmaan ELY-keskus",
        "NTM-centralen i Österbotten",
        "Ostrobothnia ELY Centre",
        ("15", "16"),
    ),
    "pohjois-pohjanmaan-ely-keskus": (
        "Pohjois-Pohjanmaan ELY-keskus",
        "NTM-centralen i Norra Österbotten",
        "North Ostrobothnia ELY Centre",
        ("17",),
    ),
    "kainuun-ely-keskus": ("Kainuun ELY-keskus", "NTM-centralen i Kajanaland", "Kainuu ELY Centre", ("18",)),
    "lapin-ely-keskus": ("Lapin ELY-keskus", "NTM-centralen i Lappland", "Lapland ELY Centre", ("19",)),
}

# The 21 wellbeing services counties (hyvinvointialueet, from 2023): Finnish, Swedish and English
# names, the region they lie in, and the short names they go by.
WELLBEING: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {
    "ita-uudenmaan-hyvinvointialue": (
        "Itä-Uudenmaan hyvinvointialue",
        "Östra Nylands välfärdsområde",
        "Wellbeing services county of East Uusimaa",
        "01",
        (),
    ),
    "keski-uudenmaan-hyvinvointialue": (
        "Keski-Uudenmaan hyvinvointialue",
        "Mellersta Nylands välfärdsområde",
        "Wellbeing services county of Central Uusimaa",
        "01",
        ("Keusote",),
    ),
    "lansi-uudenmaan-hyvinvointialue": (
        "Länsi-Uudenmaan hyvinvointialue",
        "Västra Nylands välfärdsområde",
        "Wellbeing services county of West Uusimaa",
        "01",
        (),
    ),
    "vantaan-ja-keravan-hyvinvointialue": (
        "Vantaan ja Keravan hyvinvointialue",
        "Vanda och Kervo välfärdsområde",
        "Wellbeing services county of Vantaa and Kerava",
        "01",
        ("Vakehyva",),
    ),
    "varsinais-suomen-hyvinvointialue": (
        "Varsinais-Suomen hyvinvointialue",
        "Egentliga Finlands välfärdsområde",
        "Wellbeing services county of Southwest Finland",
        "02",
        ("Varha",),
    ),
    "satakunnan-hyvinvointialue": (
        "Satakunnan hyvinvointialue",
        "Satakunta välfärdsområde",
        "Wellbeing services county of Satakunta",
        "04",
        ("Satasote",),
    ),
    "kanta-hameen-hyvinvointialue": (
        "Kanta-Hämeen hyvinvointialue",
        "Egentliga Tavastlands välfärdsområde",
        "Wellbeing services county of Kanta-Häme",
        "05",
        ("Oma Häme",),
    ),
    "pirkanmaan-hyvinvointialue": (
        "Pirkanmaan hyvinvointialue",
        "Birkalands välfärdsområde",
        "Wellbeing services county of Pirkanmaa",
        "06",
        ("Pirha",),
    ),
    "paijat-hameen-hyvinvointialue": (
        "Päijät-Hämeen hyvinvointialue",
        "Päijänne-Tavastlands välfärdsområde",
        "Wellbeing services county of Päijät-Häme",
        "07",
        (),
    ),
    "kymenlaakson-hyvinvointialue": (
        "Kymenlaakson hyvinvointialue",
        "Kymmenedalens välfärdsområde",
        "Wellbeing services county of Kymenlaakso",
        "08",
        (),
    ),
    "etela-karjalan-hyvinvointialue": (
        "Etelä-Karjalan hyvinvointialue",
        "Södra Karelens välfärdsområde",
        "Wellbeing services county of South Karelia",
        "09",
        ("Eksote",),
    ),
    "etela-savon-hyvinvointialue": (
        "Etelä-Savon hyvinvointialue",
        "Södra Savolax välfärdsområde",
        "Wellbeing services county of South Savo",
        "10",
        ("Eloisa",),
    ),
    "pohjois-savon-hyvinvointialue": (
        "Pohjois-Savon hyvinvointialue",
        "Norra Savolax välfärdsområde",
        "Wellbeing services county of North Savo",
        "11",
        (),
    ),
    "pohjois-karjalan-hyvinvointialue": (
        "Pohjois-Karjalan hyvinvointialue",
        "Norra Karelens välfärdsområde",
        "Wellbeing services county of North Karelia",
        "12",
        ("Siun sote",),
    ),
    "keski-suomen-hyvinvointialue": (
        "Keski-Suomen hyvinvointialue",
        "Mellersta Finlands välfärdsområde",
        "Wellbeing services county of Central Finland",
        "13",
        (),
    ),
    "etela-pohjanmaan-hyvinvointialue": (
        "Etelä-Pohjanmaan hyvinvointialue",
        "Södra Österbottens välfärdsområde",
        "Wellbeing services county of South Ostrobothnia",
        "14",
        ("Hyvaeppi",),
    ),
    "pohjanmaan-hyvinvointialue": (
        "Pohjanmaan hyvinvointialue",
        "Österbottens välfärdsområde",
        "Wellbeing services county of Ostrobothnia",
        "15",
        (),
    ),
    "keski-pohjanmaan-hyvinvointialue": (
        "Keski-Pohjanmaan hyvinvointialue",
        "Mellersta Österbottens välfärdsområde",
        "Wellbeing services county of Central Ostrobothnia",
        "16",
        ("Soite",),
    ),
    "pohjois-pohjanmaan-hyvinvointialue": (
        "Pohjois-Pohjanmaan hyvinvointialue",
        "Norra Österbottens välfärdsområde",
        "Wellbeing services county of North Ostrobothnia",
        "17",
        ("Pohde",),
    ),
    "kainuun-hyvinvointialue": (
        "Kainuun hyvinvointialue",
        "Kajanalands välfärdsområde",
        "Wellbeing services county of Kainuu",
        "18",
        (),
    ),
    "lapin-hyvinvointialue": (
        "Lapin hyvinvointialue",
        "Lapplands välfärdsområde",
        "Wellbeing services county of Lapland",
        "19",
        (),
    ),
}

# Rule 4 of the selection: the agencies with a stated role in regional development. Each entry:
# register id -> (class, Swedish name, English name, short forms and abbreviations, role).
# IRIs already used by the source documents (orgid:formas) are kept.
AGENCY_ROLES: dict[str, tuple[str, str, str, tuple[str, ...], str, str]] = {
    "se/tillvaxtverket": (
        "GovernmentBody",
        "Tillväxtverket",
        "Swedish Agency for Economic and Regional Growth",
        (),
        "managing authority of the ERDF and JTF programmes and national authority for Interreg",
        "tillvaxtverket",
    ),
    "se/svenska-esf-radet": (
        "GovernmentBody",
        "Svenska ESF-rådet",
        "Swedish ESF Council",
        ("ESF-rådet",),
        "managing authority of the ESF and ESF+ programmes",
        "svenska-esf-radet",
    ),
    "se/statens-jordbruksverk": (
        "GovernmentBody",
        "Statens jordbruksverk",
        "Swedish Board of Agriculture",
        ("Jordbruksverket", "SJV"),
        "managing authority of the rural development programme (EAFRD, Leader) and the CAP strategic plan",
        "jordbruksverket",
    ),
    "se/sametinget": (
        "GovernmentBody",
        "Sametinget",
        "Sami Parliament of Sweden",
        (),
        "intermediate body of the rural development programme for Sami industries",
        "sametinget",
    ),
    "se/verket-for-innovationssystem": (
        "FundingBody",
        "Vinnova",
        "Sweden's Innovation Agency",
        ("Verket för innovationssystem",),
        "funds research and innovation",
        "vinnova",
    ),
    "se/forskningsradet-f-miljo-arella-naringar-och-samh": (
        "FundingBody",
        "Formas",
        "Formas",
        (
            "Forskningsrådet för miljö, areella näringar och samhällsbyggande",
            "Forskningsrådet för hållbar utveckling",
            "Swedish Research Council for Sustainable Development",
        ),
        "funds research",
        "formas",
    ),
    "se/forskningsradet-for-halsa,-arbetsliv-och-valfard": (
        "FundingBody",
        "Forte",
        "Forte",
        (
            "Forskningsrådet för hälsa, arbetsliv och välfärd",
            "Swedish Research Council for Health, Working Life and Welfare",
        ),
        "funds research",
        "forte",
    ),
    "se/vetenskapsradet": (
        "FundingBody",
        "Vetenskapsrådet",
        "Swedish Research Council",
        ("VR",),
        "funds research",
        "vetenskapsradet",
    ),
    "se/statens-energimyndighet": (
        "FundingBody",
        "Statens energimyndighet",
        "Swedish Energy Agency",
        ("Energimyndigheten",),
        "funds energy research and innovation",
        "energimyndigheten",
    ),
    "se/rymdstyrelsen": (
        "FundingBody",
        "Rymdstyrelsen",
        "Swedish National Space Agency",
        (),
        "funds space research",
        "rymdstyrelsen",
    ),
    "se/myndigheten-for-tillvaxtpolitiska-utvarderingar-och-analyser": (
        "GovernmentBody",
        "Myndigheten för tillväxtpolitiska utvärderingar och analyser",
        "Swedish Agency for Growth Policy Analysis",
        ("Tillväxtanalys",),
        "evaluates regional growth policy",
        "tillvaxtanalys",
    ),
    "se/regeringskansliet": (
        "GovernmentBody",
        "Regeringskansliet",
        "Government Offices of Sweden",
        (),
        "the Government Offices, where the ministries that steer regional growth policy sit",
        "regeringskansliet",
    ),
}

# Rule 3: higher-education institutions.
HEI = re.compile(r"universitet|högskol", re.IGNORECASE)
NOT_HEI = re.compile(r"nämnd|myndighet|råd|ämbete", re.IGNORECASE)
# Words of the register's title-cased names that are common nouns or adjectives in Swedish and
# are written in lower case in the bodies' own names ("Luleå Tekniska Universitet" -> "Luleå
# tekniska universitet").
LOWER_WORDS = {
    "i",
    "och",
    "för",
    "tekniska",
    "universitet",
    "universitetet",
    "högskola",
    "högskolan",
    "lantbruksuniversitet",
    "konstnärliga",
}
# Register names that sentence case does not restore.
HEI_NAMES = {
    "se/kungliga-tekniska-hogskolan": ("Kungliga Tekniska högskolan", ("KTH",)),
    "se/sveriges-lantbruksuniversitet": ("Sveriges lantbruksuniversitet", ("SLU",)),
}
# English names of the higher-education institutions (the institutions' own usage, as on their
# websites named in the register's url column), keyed by the node's slug. Registers written in
# English name them so ("Luleå University of Technology" in Tillväxtverket's Interreg partners).
HEI_ENGLISH = {
    "blekinge-tekniska-hogskola": "Blekinge Institute of Technology",
    "forsvarshogskolan": "Swedish Defence University",
    "goteborgs-universitet": "University of Gothenburg",
    "hogskolan-dalarna": "Dalarna University",
    "hogskolan-i-boras": "University of Borås",
    "hogskolan-i-gavle": "University of Gävle",
    "hogskolan-i-halmstad": "Halmstad University",
    "hogskolan-i-kristianstad": "Kristianstad University",
    "hogskolan-i-skovde": "University of Skövde",
    "hogskolan-vast": "University West",
    "karlstads-universitet": "Karlstad University",
    "kungliga-konsthogskolan": "Royal Institute of Art",
    "kungliga-musikhogskolan": "Royal College of Music in Stockholm",
    "kungliga-tekniska-hogskolan": "KTH Royal Institute of Technology",
    "linkopings-universitet": "Linköping University",
    "linneuniversitetet": "Linnaeus University",
    "lulea-tekniska-universitet": "Luleå University of Technology",
    "lunds-universitet": "Lund University",
    "malardalens-hogskola": "Mälardalen University",
    "malmo-hogskola": "Malmö University",
    "mittuniversitetet": "Mid Sweden University",
    "orebro-universitet": "Örebro University",
    "sodertorns-hogskola": "Södertörn University",
    "stockholms-konstnarliga-hogskola": "Stockholm University of the Arts",
    "stockholms-universitet": "Stockholm University",
    "sveriges-lantbruksuniversitet": "Swedish University of Agricultural Sciences",
    "umea-universitet": "Umeå University",
    "uppsala-universitet": "Uppsala University",
}

# Finnish municipalities gone since 2024: code -> (successor code, first day without it).
# Source: ../shared/reference/README.md ("Between 2024 and 2025, 588 Pertunmaa merged into 507
# Mäntyharju"), the 2024 and 2025 classifications of Statistics Finland.
SUCCESSORS = {"588": ("507", "2025-01-01")}
FORMER_END = {"588": "2024-12-31"}


# ------------------------------------------------------------------ helpers
def slug(text: str) -> str:
    """Lower-case ASCII slug, Nordic letters folded.

    >>> slug("Region Jämtland Härjedalen")
    'region-jamtland-harjedalen'
    >>> slug("Länsstyrelsen i Västra Götalands län")
    'lansstyrelsen-i-vastra-gotalands-lan'
    """
    folded = unicodedata.normalize("NFKD", text.lower().replace("ø", "o").replace("æ", "ae"))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def sentence_case(name: str) -> str:
    """Restore the Swedish casing of a register name written In Title Case.

    >>> sentence_case("Luleå Tekniska Universitet")
    'Luleå tekniska universitet'
    >>> sentence_case("Högskolan I Borås")
    'Högskolan i Borås'
    """
    words = name.split(" ")
    return " ".join([words[0], *(w.lower() if w.lower() in LOWER_WORDS else w for w in words[1:])])


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def read_csv(path: Path, required: Iterable[str]) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(f"{path}: not found (the official lists live in ../shared/reference)")
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        missing = set(required) - set(rows[0] if rows else ())
        if missing:
            raise InputError(f"{path}, line 1: missing column(s) {sorted(missing)}")
    for number, row in enumerate(rows, start=2):
        for column in required:
            if not (row.get(column) or "").strip():
                raise InputError(f"{path}, line {number}: empty {column}")
    return rows


def lit(text: str, lang: str | None = None) -> str:
    return Literal(nfc(text), lang=lang).n3()


@dataclass
class Node:
    """One subject with its predicate-object pairs, written in insertion order."""

    subject: str
    types: list[str]
    pairs: list[tuple[str, str]] = field(default_factory=list)
    known: set[str] = field(default_factory=set)  # every name given, case-folded

    def add(self, predicate: str, obj: str) -> Node:
        if (predicate, obj) not in self.pairs:
            self.pairs.append((predicate, obj))
        return self

    def turtle(self) -> str:
        lines = [f"{self.subject} a {', '.join(self.types)}"]
        lines += [f"    {p} {o}" for p, o in self.pairs]
        return " ;\n".join(lines) + " .\n"


def names(node: Node, labels: dict[str, str], alts: Iterable[tuple[str, str]] = ()) -> None:
    taken = set()
    for lang, text in labels.items():
        node.add("rdfs:label", lit(text, lang))
        taken.add((nfc(text), lang))
    for text, lang in alts:
        if (nfc(text), lang) not in taken:
            node.add("skos:altLabel", lit(text, lang))
            taken.add((nfc(text), lang))
    node.known |= {text.casefold() for text, _ in taken}


def render(header: str, nodes: list[Node]) -> str:
    """The Turtle text of a file; checked to parse."""
    text = header + PREFIXES + "".join("\n" + n.turtle() for n in nodes)
    Graph().parse(data=text, format="turtle")  # never write Turtle that does not parse
    return text


def write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file in the same folder, then renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as tmp:
        tmp.write(text)
    Path(tmp.name).replace(path)


# ------------------------------------------------------------------ the files
@dataclass
class Lists:
    se: list[dict[str, str]]
    fi: list[dict[str, str]]
    fi2024: list[dict[str, str]]
    bodies: list[dict[str, str]]


def read_lists(shared: Path) -> Lists:
    se = read_csv(shared / "se_municipalities.csv", ("kommunkod", "kommun_name", "lan_code", "lan_name"))
    fi_cols = ("kuntanumero", "name_fi", "name_sv", "name_en", "maakunta_code", "maakunta_name_fi", "maakunta_name_sv")
    fi = read_csv(shared / "fi_municipalities.csv", fi_cols)
    fi2024 = read_csv(shared / "fi_municipalities_2024.csv", fi_cols)
    bodies = read_csv(shared / "se_public_bodies.csv", ("id", "name", "source_url"))
    for number, row in enumerate(se, start=2):
        if not re.fullmatch(r"\d{4}", row["kommunkod"]) or row["kommunkod"][:2] != row["lan_code"]:
            raise InputError(f"{shared / 'se_municipalities.csv'}, line {number}: bad kommunkod {row['kommunkod']!r}")
        if row["lan_code"] not in LAN_NAMES:
            raise InputError(f"{shared / 'se_municipalities.csv'}, line {number}: unknown län {row['lan_code']!r}")
    for name, rows in (("fi_municipalities.csv", fi), ("fi_municipalities_2024.csv", fi2024)):
        for number, row in enumerate(rows, start=2):
            if not re.fullmatch(r"\d{3}", row["kuntanumero"]) or row["maakunta_code"] not in MAAKUNTA:
                raise InputError(f"{shared / name}, line {number}: bad kuntanumero or maakunta")
    return Lists(se, fi, fi2024, bodies)


def areas(lists: Lists) -> list[Node]:
    nodes = [
        Node("area:se", ["kg:Country"]).add("rdfs:label", '"Sverige"@sv , "Ruotsi"@fi , "Sweden"@en'),
        Node("area:fi", ["kg:Country"]).add("rdfs:label", '"Finland"@sv , "Suomi"@fi , "Finland"@en'),
    ]
    dataset = Node("<https://w3id.org/samverkan/id/graph/reference>", ["kg:ReferenceDataset"])
    names(
        dataset,
        {"en": "samverkan-kg reference data", "sv": "samverkan-kg referensdata", "fi": "samverkan-kg viitetiedot"},
    )
    dataset.add(
        "dcterms:source", "<https://www.scb.se/> , <https://stat.fi/> , <https://github.com/datasets/publicbodies>"
    )
    dataset.add(
        "dcterms:description",
        lit(
            "Background facts that every source graph can point to: Sweden and Finland, their counties and regions, "
            "every municipality with its official code and names, and the regional, national, Nordic and European "
            "bodies, funds and programmes that fund or coordinate regional development.",
            "en",
        ),
    )
    dataset.add(
        "dcterms:description",
        lit(
            "Bakgrundsuppgifter som alla källgrafer kan hänvisa till: Sverige och Finland, deras län och landskap, "
            "alla kommuner med officiell kod och namn, samt de regionala, nationella, nordiska och europeiska organ, "
            "fonder och program som finansierar eller samordnar regional utveckling.",
            "sv",
        ),
    )
    for node, code in zip(nodes, ("SE", "FI"), strict=True):
        node.add("kg:areaCode", lit(code)).add("kg:country", lit(code))
    for code, lan in sorted({(r["lan_code"], r["lan_name"]) for r in lists.se}):
        fi_name, en_name = LAN_NAMES[code]
        node = Node(f"area:se-{code}", ["kg:County"])
        names(node, {"sv": lan, "fi": fi_name, "en": en_name}, [(lan.removesuffix(" län").rstrip("s"), "sv")])
        node.add("kg:areaCode", lit(code)).add("kg:country", lit("SE")).add("kg:locatedIn", "area:se")
        nodes.append(node)
    for code, fi_name, sv_name in sorted(
        {(r["maakunta_code"], r["maakunta_name_fi"], r["maakunta_name_sv"]) for r in lists.fi}
    ):
        node = Node(f"area:fi-{code}", ["kg:Maakunta"])
        names(node, {"sv": sv_name, "fi": fi_name, "en": MAAKUNTA[code][0]})
        node.add("kg:areaCode", lit(code)).add("kg:country", lit("FI")).add("kg:locatedIn", "area:fi")
        nodes.append(node)
    return [dataset, *nodes]


def _curated() -> Graph:
    graph = Graph()
    graph.parse(CURATED, format="turtle")
    return graph


def municipalities(lists: Lists) -> list[Node]:
    curated = _curated()
    long_names: dict[str, list[str]] = {}
    se_by_name = {nfc(r["kommun_name"]): r["kommunkod"] for r in lists.se}
    for row in lists.bodies:
        if row["source_url"].endswith("adressuppgifterkommuner.1246.html"):
            base = re.sub(r"s? (kommun|stad)$", "", nfc(row["name"]))
            code = se_by_name.get(base) or se_by_name.get(base + "s") or se_by_name.get(base + "n")
            if code:
                long_names.setdefault(code, []).append(nfc(row["name"]))

    def extra(iri: URIRef, official: dict[str, str]) -> tuple[dict[str, str], list[tuple[str, str]], list[str]]:
        labels: dict[str, str] = {}
        alts: list[tuple[str, str]] = []
        for o in sorted(curated.objects(iri, RDFS.label), key=lambda o: (o.language or "", str(o))):
            if o.language in official:
                if nfc(str(o)) != official[o.language]:
                    raise InputError(
                        f"{CURATED}: {iri} has {str(o)!r}@{o.language}, the official list {official[o.language]!r}"
                    )
                continue
            labels[o.language] = str(o)
        for o in sorted(curated.objects(iri, SKOS.altLabel), key=lambda o: (o.language or "", str(o))):
            alts.append((str(o), o.language))
        notes = [lit(str(o), o.language) for o in sorted(curated.objects(iri, SKOS.editorialNote), key=str)]
        return labels, alts, notes

    nodes = []
    for row in sorted(lists.se, key=lambda r: r["kommunkod"]):
        code, name = row["kommunkod"], nfc(row["kommun_name"])
        iri = URIRef(f"{ID}municipality/se-{code}")
        more, alts, notes = extra(iri, {"sv": name})
        node = Node(f"mun:se-{code}", ["kg:Municipality"])
        node.add("kg:municipalityCode", lit(code)).add("kg:country", lit("SE")).add(
            "kg:locatedIn", f"area:se-{row['lan_code']}"
        )
        labels = {"sv": name, "en": more.pop("en", f"{name} Municipality")} | more
        names(node, labels, [*alts, *((n, "sv") for n in long_names.get(code, []))])
        for note in notes:
            node.add("skos:editorialNote", note)
        nodes.append(node)
    current = {r["kuntanumero"] for r in lists.fi}
    fi_names = {r["kuntanumero"]: nfc(r["name_fi"]) for r in lists.fi}
    former = [r for r in lists.fi2024 if r["kuntanumero"] not in current]
    for row in former:
        if row["kuntanumero"] not in SUCCESSORS:
            raise InputError(
                f"fi_municipalities_2024.csv: {row['kuntanumero']} {row['name_fi']} is gone in 2025 "
                "but make_reference.SUCCESSORS does not say what became of it"
            )
    for row in sorted([*lists.fi, *former], key=lambda r: r["kuntanumero"]):
        code = row["kuntanumero"]
        fi_name, sv_name = nfc(row["name_fi"]), nfc(row["name_sv"])
        iri = URIRef(f"{ID}municipality/fi-{code}")
        more, alts, notes = extra(iri, {"fi": fi_name, "sv": sv_name})
        node = Node(f"mun:fi-{code}", ["kg:FormerMunicipality" if code in SUCCESSORS else "kg:Municipality"])
        node.add("kg:municipalityCode", lit(code)).add("kg:country", lit("FI"))
        node.add("kg:locatedIn", f"area:fi-{row['maakunta_code']}")
        labels = {"fi": fi_name, "sv": sv_name, "en": more.pop("en", nfc(row["name_en"]))} | more
        names(node, labels, alts)
        if code in SUCCESSORS:
            successor, since = SUCCESSORS[code]
            node.add("schema:endDate", f'"{FORMER_END[code]}"^^xsd:date').add("kg:succeededBy", f"mun:fi-{successor}")
            notes.append(
                lit(
                    f"Merged into {fi_names[successor]} ({successor}) on {since}; in the 2024 classification of "
                    "Statistics Finland, not in the 2025 one. Kept so that older documents still resolve.",
                    "en",
                )
            )
        for note in notes:
            node.add("skos:editorialNote", note)
        nodes.append(node)
    return nodes


def _register_row(lists: Lists, register_id: str) -> dict[str, str]:
    for row in lists.bodies:
        if row["id"] == register_id:
            return row
    raise InputError(f"se_public_bodies.csv: no row with id {register_id!r} (needed by the selection rule)")


def _registered(node: Node, row: dict[str, str]) -> None:
    """Keep the register's id, and its name where it differs from ours other than in case."""
    node.add("dcterms:identifier", lit(f"publicbodies:{row['id']}"))
    node.add("dcterms:source", "<https://github.com/datasets/publicbodies>")
    for text in (row["name"], row.get("abbreviation") or ""):
        if text.strip() and nfc(text).casefold() not in node.known:
            names(node, {}, [(text, "sv")])


def regional_bodies(lists: Lists) -> list[Node]:
    nodes = []
    lan_names = dict(sorted({(r["lan_code"], r["lan_name"]) for r in lists.se}))
    for code, lan in lan_names.items():
        short = (
            lan.removesuffix(" län").rstrip("s") if lan.removesuffix(" län").endswith("s") else lan.removesuffix(" län")
        )
        en_short = LAN_NAMES[code][1].removesuffix(" County")
        node = Node(f"orgid:{slug('Länsstyrelsen i ' + lan)}", ["kg:GovernmentBody"])
        names(
            node,
            {
                "sv": f"Länsstyrelsen i {lan}",
                "fi": LAN_NAMES[code][0].replace(" lääni", " lääninhallitus"),
                "en": f"County Administrative Board of {en_short}",
            },
            [(f"Länsstyrelsen {short}", "sv")],
        )
        node.add("kg:country", lit("SE")).add("kg:servesArea", f"area:se-{code}")
        _registered(node, _register_row(lists, f"se/lansstyrelsen-i-{slug(lan)}"))
        nodes.append(node)
    for code, (name, region_slug, register_id) in REGIONS.items():
        node = Node(f"orgid:{region_slug}", ["kg:RegionalAuthority"])
        names(
            node,
            {"sv": name, "en": name if name.startswith("Region") else "Region Västra Götaland"},
            [(s, "sv") for s in REGION_SHORT.get(code, ())],
        )
        node.add("kg:country", lit("SE")).add("kg:servesArea", f"area:se-{code}")
        _registered(node, _register_row(lists, register_id))
        if code == "09":
            node.add(
                "skos:editorialNote",
                lit(
                    "Gotland Municipality (se-0980) is itself the regional authority of Gotland; "
                    "this node stands for it in that role.",
                    "en",
                ),
            )
        nodes.append(node)
    for code, (_, (fi_name, sv_name, en_name), short) in MAAKUNTA.items():
        cls = "kg:GovernmentBody" if code == "21" else "kg:RegionalAuthority"
        node = Node(f"orgid:{slug(fi_name)}", [cls])
        names(node, {"fi": fi_name, "sv": sv_name, "en": en_name}, [(s, "fi") for s in short])
        node.add("kg:country", lit("FI")).add("kg:servesArea", f"area:fi-{code}")
        nodes.append(node)
    for ely_slug, (fi_name, sv_name, en_name, codes) in ELY.items():
        node = Node(f"orgid:{ely_slug}", ["kg:GovernmentBody"])
        place_fi = fi_name.removesuffix(" ELY-keskus")
        names(
            node,
            {"fi": fi_name, "sv": sv_name, "en": en_name},
            [
                (f"{place_fi} elinkeino-, liikenne- ja ympäristökeskus", "fi"),
                (f"{place_fi} ELY", "fi"),
                (sv_name.replace("NTM-centralen", "Närings-, trafik- och miljöcentralen"), "sv"),
                (
                    "Centre for Economic Development, Transport and the Environment for "
                    + en_name.removesuffix(" ELY Centre"),
                    "en",
                ),
            ],
        )
        node.add("kg:country", lit("FI"))
        for code in codes:
            node.add("kg:servesArea", f"area:fi-{code}")
        node.add("schema:endDate", '"2025-12-31"^^xsd:date')
        node.add(
            "skos:editorialNote",
            lit("The ELY centres' tasks passed to the vitality centres (elinvoimakeskukset) on 1 January 2026.", "en"),
        )
        nodes.append(node)
    for wb_slug, (fi_name, sv_name, en_name, code, short) in WELLBEING.items():
        node = Node(f"orgid:{wb_slug}", ["kg:RegionalAuthority"])
        names(node, {"fi": fi_name, "sv": sv_name, "en": en_name}, [(s, "fi") for s in short])
        node.add("kg:country", lit("FI")).add("kg:servesArea", f"area:fi-{code}")
        node.add("schema:startDate", '"2023-01-01"^^xsd:date')
        nodes.append(node)
    return nodes


def selected(lists: Lists) -> dict[str, str]:
    """The register ids the selection rule picks, each with the rule that picks it.

    Rows of rules 1 and 2 are written with the regional bodies; rules 3 and 4 with the national ones.
    """
    picked: dict[str, str] = {}
    for row in lists.bodies:
        name = nfc(row["name"])
        if name.startswith("Länsstyrelsen"):
            picked[row["id"]] = "county administrative board"
        elif row["source_url"].endswith("adressuppgifterlandstingregioner.1247.html"):
            picked[row["id"]] = "regional authority"
        elif row["source_url"].endswith("Myndighet.aspx") and HEI.search(name) and not NOT_HEI.search(name):
            picked[row["id"]] = "higher-education institution"
        elif row["id"] in AGENCY_ROLES:
            picked[row["id"]] = AGENCY_ROLES[row["id"]][4]
    missing = set(AGENCY_ROLES) - set(picked)
    if missing:
        raise InputError(f"se_public_bodies.csv: no row for {sorted(missing)} (make_reference.AGENCY_ROLES)")
    return picked


def national_bodies(lists: Lists) -> list[Node]:
    nodes = []
    picked = selected(lists)
    by_id = {row["id"]: row for row in lists.bodies}
    for register_id, role in sorted(picked.items()):
        row = by_id[register_id]
        if role == "higher-education institution":
            name, short = HEI_NAMES.get(register_id, (sentence_case(nfc(row["name"])), ()))
            node = Node(f"orgid:{slug(name)}", ["kg:ResearchOrganisation"])
            if slug(name) not in HEI_ENGLISH:
                raise InputError(f"no English name for the institution {name!r} (make_reference.HEI_ENGLISH)")
            names(node, {"sv": name, "en": HEI_ENGLISH[slug(name)]}, [(s, "sv") for s in short])
        elif register_id in AGENCY_ROLES:
            cls, sv_name, en_name, short, _, iri_slug = AGENCY_ROLES[register_id]
            node = Node(f"orgid:{iri_slug}", [f"kg:{cls}"])
            names(
                node,
                {"sv": sv_name, "en": en_name},
                [(s, "en" if s.startswith(("Swedish", "Sweden")) else "sv") for s in short],
            )
        else:
            continue
        node.add("kg:country", lit("SE"))
        _registered(node, row)
        node.add("skos:editorialNote", lit(f"Selected from the register of public bodies as: {role}.", "en"))
        nodes.append(node)
    return nodes


HEADER = """# Reference data of samverkan-kg: {what}.
# GENERATED by scripts/make_reference.py from the official lists; do not edit by hand (edit the
# script or scripts/reference/municipality_names.ttl and run it again).
# Loaded into the named graph <https://w3id.org/samverkan/id/graph/reference>.
# Sources:
"""


def generate(shared: Path, out: Path) -> list[Path]:
    """Write the four generated files into ``out``; return their paths."""
    lists = read_lists(shared)
    files = {
        "areas.ttl": (
            "countries, the 21 Swedish counties (län) and the 19 Finnish regions (maakunta)",
            SOURCES_SE
            + SOURCES_FI
            + "#   Finnish and English names of the counties and English names of the regions: the\n"
            "#     tables LAN_NAMES and MAAKUNTA of the script (the authorities' own usage).\n",
            areas(lists),
        ),
        "municipalities.ttl": (
            "every municipality of Sweden (290) and Finland (308 in 2025, and the former ones since 2024)",
            SOURCES_SE
            + SOURCES_FI
            + SOURCES_BODIES.replace("#   ", "#   (long names) ", 1)
            + "#   scripts/reference/municipality_names.ttl: English, Sami, Meänkieli and Finnish names of the\n"
            "#     northern municipalities, checked against ../shared/reference/names_minority.csv.\n",
            municipalities(lists),
        ),
        "regional-bodies.ttl": (
            "county administrative boards, regions, regional councils, ELY centres and wellbeing services counties",
            SOURCES_BODIES
            + SOURCES_SE
            + SOURCES_FI
            + "#   Names of the Finnish regional bodies: the tables MAAKUNTA, ELY and WELLBEING of the script\n"
            "#     (the bodies' own names in Finnish, Swedish and English).\n",
            regional_bodies(lists),
        ),
        "national-bodies.ttl": (
            "the Swedish state bodies that the selection rule of scripts/make_reference.py picks from the register",
            SOURCES_BODIES
            + "#   English names and short forms: the tables AGENCY_ROLES and HEI_ENGLISH of the script\n"
            "#     (the bodies' own usage).\n",
            national_bodies(lists),
        ),
    }
    texts = {name: render(HEADER.format(what=what) + sources, nodes) for name, (what, sources, nodes) in files.items()}
    for name, text in texts.items():  # every file rendered before the first is written
        write(out / name, text)
    return [out / name for name in texts]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "reference")
    parser.add_argument("--out", type=Path, default=REPO / "data" / "reference")
    parser.add_argument("--check", action="store_true", help="exit 1 if the files in --out differ from a fresh run")
    args = parser.parse_args(argv)
    try:
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                stale = [
                    p.name
                    for p in generate(args.shared, Path(tmp))
                    if p.read_bytes() != (args.out / p.name).read_bytes()
                ]
            if stale:
                print(f"out of date: {', '.join(stale)} (run python scripts/make_reference.py)", file=sys.stderr)
                return 1
            return 0
        for path in generate(args.shared, args.out):
            print(f"written: {path}")
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
