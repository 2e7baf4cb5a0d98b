"""Every string the network page shows, in Swedish, Finnish and English, and the names it gives codes.

The page carries all three languages and switches in place, so these tables travel inside it as
data (:data:`TEXT`, :data:`KIND_TEXT`, :data:`ROLE_TEXT`, :data:`COUNTRY_NAMES`,
:data:`LANGUAGE_NAMES`). ``{name}`` marks a value the page fills in.

>>> sorted(TEXT) == sorted(LANGS) and all(TEXT[lang].keys() == TEXT["en"].keys() for lang in LANGS)
True
>>> country_name("FI", "sv"), country_name("XX", "sv")
('Finland', 'XX')
>>> language_name("fit", "sv"), language_name("se", "fi"), language_name("xyz", "en")
('meänkieli', 'pohjoissaame', 'xyz')
"""

from __future__ import annotations

LANGS = ("sv", "fi", "en")
ENDONYMS = {"sv": "Svenska", "fi": "Suomi", "en": "English"}  # each language named in itself, in the switch

#: The kinds of node, in legend order: what shape and colour tell.
KINDS = ("municipality", "authority", "programme", "association", "organisation", "person", "initiative", "event")
KIND_SHAPES = {
    "municipality": "dot",
    "authority": "square",
    "programme": "pentagon",  # drawn by the page script (vis-network has no pentagon of its own)
    "association": "hexagon",
    "organisation": "triangleDown",
    "person": "triangle",
    "initiative": "diamond",
    "event": "star",
}
KIND_COLORS = {
    "municipality": "#4e79a7",
    "authority": "#e15759",
    "programme": "#9c755f",
    "association": "#f28e2b",
    "organisation": "#76b7b2",
    "person": "#b07aa1",
    "initiative": "#59a14f",
    "event": "#c9a227",
}
KIND_TEXT = {
    "en": {"municipality": "Municipality", "authority": "Region or authority",
           "programme": "Fund or funding programme",
           "association": "Association of municipalities",
           "organisation": "Other organisation", "person": "Person", "initiative": "Initiative", "event": "Event"},
    "sv": {"municipality": "Kommun", "authority": "Region eller myndighet",
           "programme": "Fond eller finansieringsprogram", "association": "Kommunalförbund",
           "organisation": "Annan organisation", "person": "Person", "initiative": "Initiativ", "event": "Evenemang"},
    "fi": {"municipality": "Kunta", "authority": "Alue tai viranomainen",
           "programme": "Rahasto tai rahoitusohjelma", "association": "Kuntayhtymä",
           "organisation": "Muu organisaatio", "person": "Henkilö", "initiative": "Hanke", "event": "Tapahtuma"},
}  # fmt: skip

TEXT = {
    "en": {
        "title": "Collaboration network", "language": "Language", "mode": "Show", "mode_actors": "Actors",
        "mode_both": "Actors and initiatives", "colour_by": "Colour", "fit": "Fit to window",
        "physics_on": "Physics on", "physics_off": "Physics off", "save_picture": "Save picture",
        "counts": "{vn} of {tn} nodes and {ve} of {te} ties shown",
        "search": "Search", "search_placeholder": "Name in any language…", "no_results": "No match.",
        "year": "Year", "all_years": "All years",
        "year_hint": "The actors, ties and initiatives of the chosen year: an actor is shown with a tie that year.",
        "legend": "Legend", "legend_shape": "Shape and colour: type", "legend_shape_only": "Shape: type",
        "legend_colour": "Colour: {what}", "size_note": "Node size: {measure}", "other_clusters": "Other clusters",
        "filters": "Filters", "filter_type": "Type", "filter_cluster": "Cluster", "filter_country": "Country",
        "no_country": "No country", "type": "Type", "cluster": "Cluster", "country": "Country",
        "details_empty": "Click a node to see what is known about it.", "class": "Class",
        "area": "County or region", "dates": "Dates", "names": "Names", "sources": "Sources",
        "relations": "Ties", "members": "Participants", "posts": "Posts", "undated": "undated",
        "focus": "Neighbourhood", "focus_all": "All", "focus_hint": "Links out from the selected node",
        "path_button": "Shortest paths to…", "path_pick": "Click or search the other node.",
        "path_found": "{n} shortest path(s) of {k} link(s)", "path_none": "No path between them in the shown network.",
        "path_more": "… and {n} more", "path_clear": "Clear paths", "path_from": "From",
        "metrics": "Metrics", "degree": "Ties (degree)", "weighted_degree": "Weighted degree",
        "betweenness": "Betweenness", "eigenvector": "Eigenvector centrality", "broker": "Broker",
        "broker_hint": "ties into several clusters or both countries", "yes": "yes", "no": "no",
        "eigenvector_hint": "by networkx's definition the largest component takes all the weight; 0 outside it",
        "cluster_metrics": "Cluster", "size": "Size", "members_by_type": "Members by type",
        "held_together": "Held together by", "funders": "Funders", "countries": "Countries",
        "funding": "Funding", "amount": "Amount", "funder": "Funder", "recipient": "Recipient",
        "funded_initiative": "Initiative",
        "funding_kind": "Kind", "amount_unknown": "amount not stated",
        "per_year": "Per year", "approximately": "about", "weight": "weight {w}",
        "shared": "Shared initiatives", "cut_nodes": "{left} of {total} nodes are not drawn: only the {max} with the "
        "highest {measure} are shown.", "cut_edges": "{left} of {total} ties between the drawn nodes are not drawn: "
        "only the {max} heaviest are shown.", "measure_degree": "number of ties",
        "measure_betweenness": "betweenness", "measure_eigenvector": "eigenvector centrality",
        "picture_name": "network",
    },
    "sv": {
        "title": "Samverkansnätverk", "language": "Språk", "mode": "Visa", "mode_actors": "Aktörer",
        "mode_both": "Aktörer och initiativ", "colour_by": "Färg", "fit": "Anpassa till fönstret",
        "physics_on": "Fysik på", "physics_off": "Fysik av", "save_picture": "Spara bild",
        "counts": "{vn} av {tn} noder och {ve} av {te} förbindelser visas",
        "search": "Sök", "search_placeholder": "Namn på valfritt språk…", "no_results": "Ingen träff.",
        "year": "År", "all_years": "Alla år",
        "year_hint": "Aktörer, förbindelser och initiativ under valt år: en aktör syns med en förbindelse det året.",
        "legend": "Teckenförklaring", "legend_shape": "Form och färg: typ", "legend_shape_only": "Form: typ",
        "legend_colour": "Färg: {what}", "size_note": "Nodstorlek: {measure}", "other_clusters": "Övriga kluster",
        "filters": "Filter", "filter_type": "Typ", "filter_cluster": "Kluster", "filter_country": "Land",
        "no_country": "Inget land", "type": "Typ", "cluster": "Kluster", "country": "Land",
        "details_empty": "Klicka på en nod för att se vad som är känt om den.", "class": "Klass",
        "area": "Län eller landskap", "dates": "Datum", "names": "Namn", "sources": "Källor",
        "relations": "Förbindelser", "members": "Deltagare", "posts": "Befattningar", "undated": "odaterad",
        "focus": "Grannskap", "focus_all": "Alla", "focus_hint": "Antal länkar ut från den valda noden",
        "path_button": "Kortaste vägar till…", "path_pick": "Klicka på eller sök den andra noden.",
        "path_found": "{n} kortaste väg(ar) med {k} länk(ar)",
        "path_none": "Ingen väg mellan dem i det visade nätverket.",
        "path_more": "… och {n} till", "path_clear": "Rensa vägar", "path_from": "Från",
        "metrics": "Mått", "degree": "Förbindelser (grad)", "weighted_degree": "Viktad grad",
        "betweenness": "Mellanhandscentralitet", "eigenvector": "Egenvektorcentralitet", "broker": "Brobyggare",
        "broker_hint": "förbindelser till flera kluster eller båda länderna", "yes": "ja", "no": "nej",
        "eigenvector_hint": "enligt networkx definition får den största komponenten all vikt; 0 utanför den",
        "cluster_metrics": "Kluster", "size": "Storlek", "members_by_type": "Medlemmar per typ",
        "held_together": "Hålls samman av", "funders": "Finansiärer", "countries": "Länder",
        "funding": "Finansiering", "amount": "Belopp", "funder": "Finansiär", "recipient": "Mottagare",
        "funded_initiative": "Initiativ",
        "funding_kind": "Slag", "amount_unknown": "belopp ej angivet",
        "per_year": "Per år", "approximately": "cirka", "weight": "vikt {w}",
        "shared": "Gemensamma initiativ", "cut_nodes": "{left} av {total} noder ritas inte: bara de {max} med "
        "högst {measure} visas.", "cut_edges": "{left} av {total} förbindelser mellan de ritade noderna ritas inte: "
        "bara de {max} starkaste visas.", "measure_degree": "antal förbindelser",
        "measure_betweenness": "mellanhandscentralitet", "measure_eigenvector": "egenvektorcentralitet",
        "picture_name": "natverk",
    },
    "fi": {
        "title": "Yhteistyöverkosto", "language": "Kieli", "mode": "Näytä", "mode_actors": "Toimijat",
        "mode_both": "Toimijat ja hankkeet", "colour_by": "Väri", "fit": "Sovita ikkunaan",
        "physics_on": "Fysiikka päälle", "physics_off": "Fysiikka pois", "save_picture": "Tallenna kuva",
        "counts": "Näkyvissä {vn}/{tn} solmua ja {ve}/{te} yhteyttä",
        "search": "Haku", "search_placeholder": "Nimi millä tahansa kielellä…", "no_results": "Ei osumia.",
        "year": "Vuosi", "all_years": "Kaikki vuodet",
        "year_hint": "Valitun vuoden toimijat, yhteydet ja hankkeet: toimija näkyy, jos sillä on yhteys sinä vuonna.",
        "legend": "Selite", "legend_shape": "Muoto ja väri: tyyppi", "legend_shape_only": "Muoto: tyyppi",
        "legend_colour": "Väri: {what}", "size_note": "Solmun koko: {measure}", "other_clusters": "Muut klusterit",
        "filters": "Suodattimet", "filter_type": "Tyyppi", "filter_cluster": "Klusteri", "filter_country": "Maa",
        "no_country": "Ei maata", "type": "Tyyppi", "cluster": "Klusteri", "country": "Maa",
        "details_empty": "Napsauta solmua nähdäksesi, mitä siitä tiedetään.", "class": "Luokka",
        "area": "Lääni tai maakunta", "dates": "Ajankohta", "names": "Nimet", "sources": "Lähteet",
        "relations": "Yhteydet", "members": "Osallistujat", "posts": "Tehtävät", "undated": "päiväämätön",
        "focus": "Lähiverkosto", "focus_all": "Kaikki", "focus_hint": "Linkkejä valitusta solmusta",
        "path_button": "Lyhimmät polut…", "path_pick": "Napsauta tai hae toinen solmu.",
        "path_found": "{n} lyhintä polkua, {k} linkkiä",
        "path_none": "Näytetyssä verkostossa ei ole polkua niiden välillä.",
        "path_more": "… ja {n} muuta", "path_clear": "Tyhjennä polut", "path_from": "Mistä",
        "metrics": "Tunnusluvut", "degree": "Yhteydet (aste)", "weighted_degree": "Painotettu aste",
        "betweenness": "Välillisyyskeskeisyys", "eigenvector": "Ominaisvektorikeskeisyys", "broker": "Välittäjä",
        "broker_hint": "yhteyksiä useaan klusteriin tai kumpaankin maahan", "yes": "kyllä", "no": "ei",
        "eigenvector_hint": "networkx:n määritelmässä suurin komponentti saa koko painon; sen ulkopuolella 0",
        "cluster_metrics": "Klusteri", "size": "Koko", "members_by_type": "Jäsenet tyypeittäin",
        "held_together": "Koossa pitävät", "funders": "Rahoittajat", "countries": "Maat",
        "funding": "Rahoitus", "amount": "Määrä", "funder": "Rahoittaja", "recipient": "Saaja",
        "funded_initiative": "Hanke",
        "funding_kind": "Laji", "amount_unknown": "summaa ei mainita",
        "per_year": "Vuodessa", "approximately": "noin", "weight": "paino {w}",
        "shared": "Yhteiset hankkeet", "cut_nodes": "{left}/{total} solmua jätetään piirtämättä: vain {max} solmua, "
        "joilla on suurin {measure}, näytetään.", "cut_edges": "{left}/{total} piirrettyjen solmujen välistä yhteyttä "
        "jätetään piirtämättä: vain {max} vahvinta näytetään.", "measure_degree": "yhteyksien määrä",
        "measure_betweenness": "välillisyyskeskeisyys", "measure_eigenvector": "ominaisvektorikeskeisyys",
        "picture_name": "verkosto",
    },
}  # fmt: skip

ROLE_TEXT = {
    "en": {"lead": "leads", "organiser": "organises", "presenter": "presents at", "participant": "takes part in",
           "funder": "funds", "member": "member of", "affiliated": "affiliated with",
           "shared-initiative": "shared initiative", "co-member": "members of the same organisation"},
    "sv": {"lead": "leder", "organiser": "anordnar", "presenter": "talar vid", "participant": "deltar i",
           "funder": "finansierar", "member": "medlem i", "affiliated": "knuten till",
           "shared-initiative": "gemensamt initiativ", "co-member": "medlemmar i samma organisation"},
    "fi": {"lead": "johtaa", "organiser": "järjestää", "presenter": "esiintyy", "participant": "osallistuu",
           "funder": "rahoittaa", "member": "jäsen", "affiliated": "sidoksissa",
           "shared-initiative": "yhteinen hanke", "co-member": "saman organisaation jäseniä"},
}  # fmt: skip

COUNTRY_NAMES = {
    "SE": {"sv": "Sverige", "fi": "Ruotsi", "en": "Sweden"},
    "FI": {"sv": "Finland", "fi": "Suomi", "en": "Finland"},
    "NO": {"sv": "Norge", "fi": "Norja", "en": "Norway"},
    "DK": {"sv": "Danmark", "fi": "Tanska", "en": "Denmark"},
    "IS": {"sv": "Island", "fi": "Islanti", "en": "Iceland"},
    "EE": {"sv": "Estland", "fi": "Viro", "en": "Estonia"},
    "RU": {"sv": "Ryssland", "fi": "Venäjä", "en": "Russia"},
    "DE": {"sv": "Tyskland", "fi": "Saksa", "en": "Germany"},
    "EU": {"sv": "EU", "fi": "EU", "en": "EU"},
}

#: Names of the languages the data's names are written in (ISO 639 codes, as in the language tags).
LANGUAGE_NAMES = {
    "sv": {"sv": "svenska", "fi": "ruotsi", "en": "Swedish"},
    "fi": {"sv": "finska", "fi": "suomi", "en": "Finnish"},
    "en": {"sv": "engelska", "fi": "englanti", "en": "English"},
    "se": {"sv": "nordsamiska", "fi": "pohjoissaame", "en": "Northern Sami"},
    "sma": {"sv": "sydsamiska", "fi": "eteläsaame", "en": "Southern Sami"},
    "smj": {"sv": "lulesamiska", "fi": "luulajansaame", "en": "Lule Sami"},
    "sju": {"sv": "umesamiska", "fi": "uumajansaame", "en": "Ume Sami"},
    "sje": {"sv": "pitesamiska", "fi": "piitimensaame", "en": "Pite Sami"},
    "smn": {"sv": "enaresamiska", "fi": "inarinsaame", "en": "Inari Sami"},
    "sms": {"sv": "skoltsamiska", "fi": "koltansaame", "en": "Skolt Sami"},
    "fit": {"sv": "meänkieli", "fi": "meänkieli", "en": "Meänkieli"},
    "fkv": {"sv": "kvänska", "fi": "kveeni", "en": "Kven"},
    "nb": {"sv": "norska (bokmål)", "fi": "norja (bokmål)", "en": "Norwegian Bokmål"},
    "nn": {"sv": "norska (nynorska)", "fi": "norja (nynorsk)", "en": "Norwegian Nynorsk"},
    "no": {"sv": "norska", "fi": "norja", "en": "Norwegian"},
    "da": {"sv": "danska", "fi": "tanska", "en": "Danish"},
    "de": {"sv": "tyska", "fi": "saksa", "en": "German"},
    "fr": {"sv": "franska", "fi": "ranska", "en": "French"},
    "ru": {"sv": "ryska", "fi": "venäjä", "en": "Russian"},
    "et": {"sv": "estniska", "fi": "viro", "en": "Estonian"},
    "is": {"sv": "isländska", "fi": "islanti", "en": "Icelandic"},
}


def country_name(code: str, lang: str) -> str:
    """The name of a country code in ``lang`` (the code itself where unknown)."""
    return COUNTRY_NAMES.get(code, {}).get(lang, code)


def language_name(code: str, lang: str) -> str:
    """The name of a language tag in ``lang`` (the primary subtag decides; the tag itself where unknown)."""
    return LANGUAGE_NAMES.get(code.lower().split("-")[0], {}).get(lang, code)


def page_text() -> dict:
    """Everything the page needs to show itself in any of :data:`LANGS`, as plain data."""
    return {
        lang: {
            "ui": TEXT[lang],
            "kinds": KIND_TEXT[lang],
            "roles": ROLE_TEXT[lang],
            "countries": {code: names[lang] for code, names in COUNTRY_NAMES.items()},
            "languages": {code: names[lang] for code, names in LANGUAGE_NAMES.items()},
        }
        for lang in LANGS
    }
