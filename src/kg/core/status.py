"""The status lines, notes and warnings of the ``kg`` command in Swedish, Finnish and English.

One :class:`kg.core.i18n.Catalogue` (:data:`STATUS`): what a command says it did (``written:``,
``wrote …``, a build's summary, ``kg serve``'s addresses, ``kg push``'s counts), its notes and its
warnings, and the fixed words of ``kg queries``. The English texts are the lines as the commands
printed them before the other languages were added, word for word (tests pin them).

Two kinds of message:

- lines the command itself writes, taken with :meth:`~kg.core.i18n.Catalogue.text`;
- lines the library writes in English (:meth:`kg.build.result.BuildResult.summary`,
  :meth:`kg.server.oxigraph.PushReport.summary`, ``kg serve``'s lines, the notes of
  :func:`kg.build.graph.open_source`, the page's notes): the library's API keeps its English and the
  command shows each line in the output language with :func:`translate`, which recognises the line as
  one of the messages of :data:`LIBRARY` and fills the values into its text in that language. A value
  whose field name starts with ``_`` is itself a message (translated the same way), one named
  ``_items`` a list of messages joined by ``", "``; a decimal number gets the decimal comma of Swedish
  and Finnish. A line that is none of them is shown as it is.

Errors are not here: they stay in English in every language (with the file, line and value they
name), so that the text can be searched for (the usual practice of command-line tools; ``--help``
texts are English too).

>>> STATUS.text("written", "fi", out="build/graph.trig")
'kirjoitettu: build/graph.trig'
>>> translate("engine:    oxigraph (3.73 s)", "sv")
'motor:     oxigraph (3,73 s)'
>>> translate("validation: conforms: 0 violation(s), 32 warning(s)", "fi")
'validointi: kelpaa: rikkomuksia 0, varoituksia 32'
>>> translate("entities:  Municipality 599, Person 34", "sv")
'entiteter: kommuner 599, personer 34'
>>> translate("a line of another kind", "fi"), translate("engine:    oxigraph (3.73 s)", "en")
('a line of another kind', 'engine:    oxigraph (3.73 s)')
>>> STATUS.problems()
[]
"""

from __future__ import annotations

import functools
import re
import string

from kg.core.i18n import SOURCE, Catalogue, decimal
from kg.core.namespaces import ENTITY_CLASSES

STATUS = Catalogue(
    "kg status lines",
    {
        "en": {
            # the command's own lines (kg.cli)
            "note": "note: {text}",
            "warnings_not_listed": "{n} warning(s) not listed; kg all --warnings lists them",
            "analysis_stored": "analysis:  {clusters} clusters, modularity {modularity} (stored in the graph)",
            "page": "page:      {page} ({summary})",
            "bipartite_clusters": "clusters of a bipartite network are computed on its actor projection",
            "analysis_written": "wrote {count} triples to <{graph}> in {target}",
            "viz_written": "wrote {out} ({kib} KiB): {summary}",
            "no_stored_network": "no stored network for this graph (the first kg viz of a graph stores one): "
            "reading it",
            "no_stored_analysis": "no stored analysis for this graph and these options ({command} stores one): "
            "computed it",
            "reconcile_url": "reconcile: {url}/reconcile (W3C Reconciliation Service API, e.g. for OpenRefine)",
            "pushing": "pushing:   {file} to {endpoint}",
            "pushed_graph": "  {triples} triples  <{name}>",
            "synth_written": "wrote {triples} triples in {files} source files to {out} (seed {seed}, "
            "{violations} injected violation(s)); summary in {summary}",
            "written": "written:   {out}",
            "written_triples": "written:   {out} ({triples} triples)",
            "dry_run": "dry run:   {out} would get {triples} triples; nothing written",
            "ingest_document": "document:  {stem} ({language}), {title}",
            "ingest_proposed": "proposed:  {entities} entities ({known} known to the graph, {new} new, "
            "{unsure} with candidates), {relations} relations",
            "ingest_written_ttl": "written:   {out} ({triples} triples, valid with the rest of the graph)",
            "ingest_written_sheet": "written:   {out} (review it, then: kg import {again})",
            # kg queries
            "param_required": "required",
            "param_default": "default {default}",
            "param_optional": "optional",
            "param_grouped": "one of a group (below)",
            "param_example": ", e.g. {example}",
            "group_one": "give one of {listed} (not both)",
            "group_one_of_several": "give one of {listed} (not several)",
            "group_at_most_one": "give at most one of {listed}",
            # lines the library writes in English (see LIBRARY): kg.build.result.BuildResult.summary
            "triples": "triples:   {triples} in {graphs} named graphs",
            "sources": "sources:   {sources} documents",
            "entities": "entities:  {_items}",
            **{f"entities_{name}": f"{name} {{n}}" for name in ENTITY_CLASSES},
            "derived_nothing": "derived:   nothing re-derived (no source changed)",
            "derived_again": "derived:   {n} triples re-derived in the graphs of {files} changed file(s) ({rules})",
            "derived": "derived:   {n} triples ({rules})",
            "validation": "validation: {_verdict}",
            "conforms": "conforms: {violations} violation(s), {warnings} warning(s)",
            "not_conforms": "does NOT conform: {violations} violation(s), {warnings} warning(s)",
            "rebuilt": "rebuilt:   {n} changed file(s) (incremental)",
            "rebuilt_nothing": "rebuilt:   nothing changed",
            "rebuilt_everything": "rebuilt:   everything: {reason}",
            "analysis_dropped": "analysis:  dropped: the analysis graph stored by kg all or kg analyze --write-back "
            "was of the data before this build; kg all or kg analyze --write-back stores it again",
            "engine": "engine:    {engine} ({seconds} s)",
            "written_nothing": "written:   nothing (the data has violations)",
            # kg.viz.render.PageInfo: the page's counts and notes
            "page_counts": "{nodes} nodes, {ties} ties",
            "page_counts_both": "{nodes} nodes ({actors} actors, {initiatives} initiatives) and {ties} ties as it "
            "opens; {_actors_view} in its actors view",
            "cut_nodes": "{left} of {total} nodes are not drawn: only the {max} with the highest {_measure} are "
            "shown. Choose the cut with --max-nodes, --focus/--depth or --year.",
            "cut_edges": "{left} of {total} ties between the drawn nodes are not drawn: only the {max} heaviest are "
            "shown. Choose the cut with --max-edges.",
            "measure_degree": "number of ties",
            "measure_betweenness": "betweenness",
            "measure_eigenvector": "eigenvector centrality",
            # kg.build.graph.open_source's notes
            "store_not_used": "not using the on-disk store in {folder}: {_why}; reading {file} (run `kg build --full`)",
            "store_busy": "not using the on-disk store in {folder}: a build is writing it; reading {file}",
            "store_unopened": "not using the on-disk store in {folder}: it cannot be opened ({error}); reading {file}",
            "store_missing": "there is no on-disk store beside it",
            "store_cut_short": "an incremental build of the store was cut short",
            "store_no_manifest": "its manifest.json is missing or unreadable",
            "store_older": "graph.trig was written after the store (by `kg analyze --write-back`, "
            "`kg build --engine rdflib`, …)",
            # kg.server.oxigraph: kg serve and kg push
            "serve_warning": "warning: serving on {host}: anyone who can reach this address and port can read the "
            "graph",
            "serving": "serving:   {file} (read-only, Oxigraph)",
            "endpoint": "endpoint:  {url}",
            "query_page": "query page: {url}",
            "limits": "limits:    {_time}; {_federation}",
            "time_limit": "queries stop after {seconds} s",
            "no_time_limit": "no query time limit",
            "service_allowed": "federated queries (SERVICE) allowed",
            "service_refused": "federated queries (SERVICE) refused",
            "press_ctrl_c": "Press Ctrl-C to stop.",
            "stopped": "stopped.",
            "verified": "verified:  {graphs} graphs, {triples} triples on {endpoint}",
            "removed_other": (
                "removed:   {n} graph(s) the dataset no longer has (a source's or the analysis of an earlier build): "
                "{graphs}"
            ),
            "removed": "removed:   {n} graph(s) of sources that no longer exist: {graphs}",
            "untouched": "untouched: {n} other graph(s) on the server, not in this dataset: {graphs}",
            "cleaned": "cleaned:   {n} staging graph(s) left by an interrupted push",
        },
        "sv": {
            "note": "obs: {text}",
            "warnings_not_listed": "{n} varning(ar) listas inte; kg all --warnings listar dem",
            "analysis_stored": "analys:    {clusters} kluster, modularitet {modularity} (lagrad i grafen)",
            "page": "sida:      {page} ({summary})",
            "bipartite_clusters": "klustren i ett bipartit nätverk beräknas på dess aktörsprojektion",
            "analysis_written": "skrev {count} tripplar till <{graph}> i {target}",
            "viz_written": "skrev {out} ({kib} KiB): {summary}",
            "no_stored_network": "inget lagrat nätverk för den här grafen (den första kg viz för en graf lagrar "
            "ett): läser in det",
            "no_stored_analysis": "ingen lagrad analys för den här grafen och de här valen ({command} lagrar en): "
            "beräknade den",
            "reconcile_url": "avstämning: {url}/reconcile (W3C Reconciliation Service API, t.ex. för OpenRefine)",
            "pushing": "skickar:   {file} till {endpoint}",
            "pushed_graph": "  {triples} tripplar  <{name}>",
            "synth_written": "skrev {triples} tripplar i {files} källfiler till {out} (frö {seed}, "
            "{violations} avsiktliga överträdelse(r)); sammanfattning i {summary}",
            "written": "skrivet:   {out}",
            "written_triples": "skrivet:   {out} ({triples} tripplar)",
            "dry_run": "provkörning: {out} skulle få {triples} tripplar; inget skrivet",
            "ingest_document": "dokument:  {stem} ({language}), {title}",
            "ingest_proposed": "förslag:   {entities} entiteter ({known} kända i grafen, {new} nya, "
            "{unsure} med kandidater), {relations} relationer",
            "ingest_written_ttl": "skrivet:   {out} ({triples} tripplar, giltiga tillsammans med resten av grafen)",
            "ingest_written_sheet": "skrivet:   {out} (granska den och kör sedan: kg import {again})",
            "param_required": "obligatorisk",
            "param_default": "standardvärde {default}",
            "param_optional": "valfri",
            "param_grouped": "en i en grupp (nedan)",
            "param_example": ", t.ex. {example}",
            "group_one": "ange en av {listed} (inte båda)",
            "group_one_of_several": "ange en av {listed} (inte flera)",
            "group_at_most_one": "ange högst en av {listed}",
            "triples": "tripplar:  {triples} i {graphs} namngivna grafer",
            "sources": "källor:    {sources} dokument",
            "entities": "entiteter: {_items}",
            "entities_Municipality": "kommuner {n}",
            "entities_Organisation": "organisationer {n}",
            "entities_Person": "personer {n}",
            "entities_Initiative": "initiativ {n}",
            "entities_Post": "befattningar {n}",
            "entities_Funding": "finansieringar {n}",
            "entities_AdministrativeArea": "administrativa områden {n}",
            "entities_SourceDocument": "källdokument {n}",
            "derived_nothing": "härlett:   inget härlett på nytt (ingen källa har ändrats)",
            "derived_again": "härlett:   {n} tripplar härledda på nytt i graferna för {files} ändrade fil(er) "
            "({rules})",
            "derived": "härlett:   {n} tripplar ({rules})",
            "validation": "validering: {_verdict}",
            "conforms": "godkänd: {violations} överträdelse(r), {warnings} varning(ar)",
            "not_conforms": "INTE godkänd: {violations} överträdelse(r), {warnings} varning(ar)",
            "rebuilt": "ombyggt:   {n} ändrade fil(er) (inkrementellt)",
            "rebuilt_nothing": "ombyggt:   inget har ändrats",
            "rebuilt_everything": "ombyggt:   allt: {reason}",
            "analysis_dropped": "analys:    borttagen: analysgrafen som kg all eller kg analyze --write-back lagrade "
            "gällde data från före det här bygget; kg all eller kg analyze --write-back lagrar den igen",
            "engine": "motor:     {engine} ({seconds} s)",
            "written_nothing": "skrivet:   inget (data har överträdelser)",
            "page_counts": "{nodes} noder, {ties} förbindelser",
            "page_counts_both": "{nodes} noder ({actors} aktörer, {initiatives} initiativ) och {ties} förbindelser "
            "när den öppnas; {_actors_view} i aktörsvyn",
            "cut_nodes": "{left} av {total} noder ritas inte: bara de {max} med högst {_measure} visas. Välj "
            "urvalet med --max-nodes, --focus/--depth eller --year.",
            "cut_edges": "{left} av {total} förbindelser mellan de ritade noderna ritas inte: bara de {max} "
            "starkaste visas. Välj urvalet med --max-edges.",
            "measure_degree": "antal förbindelser",
            "measure_betweenness": "mellanhandscentralitet",
            "measure_eigenvector": "egenvektorcentralitet",
            "store_not_used": "använder inte lagret på disk i {folder}: {_why}; läser {file} (kör `kg build --full`)",
            "store_busy": "använder inte lagret på disk i {folder}: ett bygge skriver i det; läser {file}",
            "store_unopened": "använder inte lagret på disk i {folder}: det går inte att öppna ({error}); läser {file}",
            "store_missing": "det finns inget lager på disk bredvid den",
            "store_cut_short": "ett inkrementellt bygge av lagret avbröts",
            "store_no_manifest": "dess manifest.json saknas eller går inte att läsa",
            "store_older": "graph.trig skrevs efter lagret (av `kg analyze --write-back`, "
            "`kg build --engine rdflib`, …)",
            "serve_warning": "varning: servern lyssnar på {host}: alla som når den här adressen och porten kan "
            "läsa grafen",
            "serving": "serveras:  {file} (skrivskyddat, Oxigraph)",
            "endpoint": "slutpunkt: {url}",
            "query_page": "frågesida: {url}",
            "limits": "gränser:   {_time}; {_federation}",
            "time_limit": "frågor avbryts efter {seconds} s",
            "no_time_limit": "ingen tidsgräns för frågor",
            "service_allowed": "federerade frågor (SERVICE) tillåts",
            "service_refused": "federerade frågor (SERVICE) avvisas",
            "press_ctrl_c": "Tryck Ctrl-C för att stoppa.",
            "stopped": "stoppad.",
            "verified": "kontrollerat: {graphs} grafer, {triples} tripplar på {endpoint}",
            "removed_other": (
                "borttaget: {n} graf(er) som datamängden inte längre har (en källas, eller analysen från ett "
                "tidigare bygge): {graphs}"
            ),
            "removed": "borttaget: {n} graf(er) för källor som inte längre finns: {graphs}",
            "untouched": "orört:     {n} andra graf(er) på servern, inte i den här datamängden: {graphs}",
            "cleaned": "städat:    {n} mellanlagringsgraf(er) kvar efter en avbruten överföring",
        },
        "fi": {
            "note": "huom: {text}",
            "warnings_not_listed": "varoituksia {n}, ei lueteltu; kg all --warnings luettelee ne",
            "analysis_stored": "analyysi:  klustereita {clusters}, modulaarisuus {modularity} (tallennettu graafiin)",
            "page": "sivu:      {page} ({summary})",
            "bipartite_clusters": "kaksijakoisen verkon klusterit lasketaan sen toimijaprojektiosta",
            "analysis_written": "kirjoitettiin {count} kolmikkoa graafiin <{graph}> tiedostossa {target}",
            "viz_written": "kirjoitettiin {out} ({kib} KiB): {summary}",
            "no_stored_network": "tälle graafille ei ole tallennettua verkkoa (graafin ensimmäinen kg viz tallentaa "
            "sen): luetaan se",
            "no_stored_analysis": "tälle graafille ja näille valinnoille ei ole tallennettua analyysia ({command} "
            "tallentaa sen): laskettiin se",
            "reconcile_url": "täsmäytys: {url}/reconcile (W3C Reconciliation Service API, esim. OpenRefineä varten)",
            "pushing": "lähetetään: {file} palvelimelle {endpoint}",
            "pushed_graph": "  {triples} kolmikkoa  <{name}>",
            "synth_written": "kirjoitettiin {triples} kolmikkoa {files} lähdetiedostoon kansioon {out} (siemen "
            "{seed}, tahallisia rikkomuksia {violations}); yhteenveto: {summary}",
            "written": "kirjoitettu: {out}",
            "written_triples": "kirjoitettu: {out} ({triples} kolmikkoa)",
            "dry_run": "koeajo:    {out} saisi {triples} kolmikkoa; mitään ei kirjoitettu",
            "ingest_document": "asiakirja: {stem} ({language}), {title}",
            "ingest_proposed": "ehdotus:   entiteettejä {entities} (graafissa jo {known}, uusia {new}, "
            "ehdokkaita saaneita {unsure}), suhteita {relations}",
            "ingest_written_ttl": "kirjoitettu: {out} ({triples} kolmikkoa, kelpaa yhdessä muun graafin kanssa)",
            "ingest_written_sheet": "kirjoitettu: {out} (tarkista se ja aja sitten: kg import {again})",
            "param_required": "pakollinen",
            "param_default": "oletusarvo {default}",
            "param_optional": "valinnainen",
            "param_grouped": "yksi ryhmästä (alla)",
            "param_example": ", esim. {example}",
            "group_one": "anna yksi näistä: {listed} (ei molempia)",
            "group_one_of_several": "anna yksi näistä: {listed} (ei useampaa)",
            "group_at_most_one": "anna enintään yksi näistä: {listed}",
            "triples": "kolmikot:  {triples}, nimettyjä graafeja {graphs}",
            "sources": "lähteet:   asiakirjoja {sources}",
            "entities": "entiteetit: {_items}",
            "entities_Municipality": "kuntia {n}",
            "entities_Organisation": "organisaatioita {n}",
            "entities_Person": "henkilöitä {n}",
            "entities_Initiative": "hankkeita {n}",
            "entities_Post": "tehtäviä {n}",
            "entities_Funding": "rahoituksia {n}",
            "entities_AdministrativeArea": "hallinnollisia alueita {n}",
            "entities_SourceDocument": "lähdeasiakirjoja {n}",
            "derived_nothing": "johdettu:  mitään ei johdettu uudelleen (mikään lähde ei muuttunut)",
            "derived_again": "johdettu:  {n} kolmikkoa johdettiin uudelleen muuttuneiden tiedostojen ({files}) "
            "graafeissa ({rules})",
            "derived": "johdettu:  kolmikoita {n} ({rules})",
            "validation": "validointi: {_verdict}",
            "conforms": "kelpaa: rikkomuksia {violations}, varoituksia {warnings}",
            "not_conforms": "EI kelpaa: rikkomuksia {violations}, varoituksia {warnings}",
            "rebuilt": "koostettu uudelleen: muuttuneita tiedostoja {n} (inkrementaalisesti)",
            "rebuilt_nothing": "koostettu uudelleen: mikään ei muuttunut",
            "rebuilt_everything": "koostettu uudelleen: kaikki: {reason}",
            "analysis_dropped": "analyysi:  poistettu: kg all- tai kg analyze --write-back -komennon tallentama "
            "analyysigraafi koski dataa ennen tätä koostamista; kg all tai kg analyze --write-back tallentaa sen "
            "uudelleen",
            "engine": "moottori:  {engine} ({seconds} s)",
            "written_nothing": "kirjoitettu: ei mitään (datassa on rikkomuksia)",
            "page_counts": "{nodes} solmua, {ties} yhteyttä",
            "page_counts_both": "{nodes} solmua ({actors} toimijaa, {initiatives} hanketta) ja {ties} yhteyttä "
            "avattaessa; {_actors_view} toimijanäkymässä",
            "cut_nodes": "{left}/{total} solmua jätetään piirtämättä: vain {max} solmua, joilla on suurin "
            "{_measure}, näytetään. Valitse rajaus valitsimilla --max-nodes, --focus/--depth tai --year.",
            "cut_edges": "{left}/{total} piirrettyjen solmujen välistä yhteyttä jätetään piirtämättä: vain {max} "
            "vahvinta näytetään. Valitse rajaus valitsimella --max-edges.",
            "measure_degree": "yhteyksien määrä",
            "measure_betweenness": "välillisyyskeskeisyys",
            "measure_eigenvector": "ominaisvektorikeskeisyys",
            "store_not_used": "levyllä olevaa tietovarastoa kansiossa {folder} ei käytetä: {_why}; luetaan {file} "
            "(aja `kg build --full`)",
            "store_busy": "levyllä olevaa tietovarastoa kansiossa {folder} ei käytetä: koostaminen kirjoittaa "
            "siihen; luetaan {file}",
            "store_unopened": "levyllä olevaa tietovarastoa kansiossa {folder} ei käytetä: sitä ei voi avata "
            "({error}); luetaan {file}",
            "store_missing": "sen vieressä ei ole levyllä olevaa tietovarastoa",
            "store_cut_short": "tietovaraston inkrementaalinen koostaminen keskeytyi",
            "store_no_manifest": "sen manifest.json puuttuu tai sitä ei voi lukea",
            "store_older": "graph.trig kirjoitettiin tietovaraston jälkeen (komennolla `kg analyze --write-back`, "
            "`kg build --engine rdflib`, …)",
            "serve_warning": "varoitus: palvellaan osoitteessa {host}: kuka tahansa, joka tavoittaa tämän osoitteen "
            "ja portin, voi lukea graafin",
            "serving": "palvellaan: {file} (vain luku, Oxigraph)",
            "endpoint": "päätepiste: {url}",
            "query_page": "kyselysivu: {url}",
            "limits": "rajat:     {_time}; {_federation}",
            "time_limit": "kyselyt keskeytetään {seconds} s:n jälkeen",
            "no_time_limit": "kyselyillä ei ole aikarajaa",
            "service_allowed": "federoidut kyselyt (SERVICE) sallitaan",
            "service_refused": "federoidut kyselyt (SERVICE) torjutaan",
            "press_ctrl_c": "Pysäytä painamalla Ctrl-C.",
            "stopped": "pysäytetty.",
            "verified": "tarkistettu: graafeja {graphs}, kolmikoita {triples} palvelimella {endpoint}",
            "removed_other": (
                "poistettu: graafeja {n}, joita aineistossa ei enää ole (lähteen tai aiemman koosteen "
                "analyysin): {graphs}"
            ),
            "removed": "poistettu: graafeja {n} lähteistä, joita ei enää ole: {graphs}",
            "untouched": "koskematta: palvelimella muita graafeja {n}, jotka eivät kuulu tähän aineistoon: {graphs}",
            "cleaned": "siivottu:  keskeytyneen lähetyksen jättämiä välivaihegraafeja {n}",
        },
    },
)

LIBRARY = (
    "triples",
    "sources",
    "entities",
    *(f"entities_{name}" for name in ENTITY_CLASSES),
    "derived_nothing",
    "derived_again",
    "derived",
    "validation",
    "conforms",
    "not_conforms",
    "rebuilt_nothing",
    "rebuilt",
    "rebuilt_everything",
    "analysis_dropped",
    "engine",
    "written_nothing",
    "written",
    "page_counts_both",
    "page_counts",
    "cut_nodes",
    "cut_edges",
    "measure_degree",
    "measure_betweenness",
    "measure_eigenvector",
    "store_not_used",
    "store_busy",
    "store_unopened",
    "store_missing",
    "store_cut_short",
    "store_no_manifest",
    "store_older",
    "serve_warning",
    "serving",
    "endpoint",
    "query_page",
    "limits",
    "time_limit",
    "no_time_limit",
    "service_allowed",
    "service_refused",
    "press_ctrl_c",
    "stopped",
    "verified",
    "removed_other",
    "removed",
    "untouched",
    "cleaned",
)
"""The messages a library writes in English that :func:`translate` recognises, the more particular
first (``derived_nothing`` before ``derived``)."""

_NUMBER = re.compile(r"[0-9]+\.[0-9]+")


@functools.cache
def _pattern(key: str) -> re.Pattern:
    """The English text of ``key`` as a regular expression, each value a named group."""
    return re.compile(
        "".join(
            re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
            for literal, name, _, _ in string.Formatter().parse(STATUS.tables[SOURCE][key])
        ),
        re.DOTALL,
    )


def _value(name: str, value: str, lang: str) -> str:
    if name == "_items":
        return ", ".join(translate(item, lang) for item in value.split(", "))
    if name.startswith("_"):
        return translate(value, lang)
    return decimal(float(value), len(value.partition(".")[2]), lang) if _NUMBER.fullmatch(value) else value


def translate(line: str, lang: str | None) -> str:
    """One English line of :data:`LIBRARY` in ``lang`` (unchanged in English, or when it is none of
    them)."""
    if lang not in STATUS.tables or lang == SOURCE:
        return line
    for key in LIBRARY:
        found = _pattern(key).fullmatch(line)
        if found:
            values = {name: _value(name, value, lang) for name, value in found.groupdict().items()}
            return STATUS.text(key, lang, **values)
    return line


def translate_lines(text: str, lang: str | None) -> str:
    """Each line of ``text`` through :func:`translate`.

    >>> translate_lines("rebuilt:   nothing changed\\nwritten:   build/graph.trig", "fi").splitlines()
    ['koostettu uudelleen: mikään ei muuttunut', 'kirjoitettu: build/graph.trig']
    """
    if lang not in STATUS.tables or lang == SOURCE:
        return text
    return "\n".join(translate(line, lang) for line in text.split("\n"))
