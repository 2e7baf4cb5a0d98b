"""The words of ``kg analyze``'s text report in Swedish, Finnish and English (a
:class:`kg.core.i18n.Catalogue`; the English texts are the report as it was before, word for word).

Swedish and Finnish use the terms of the network page (:mod:`kg.viz.text`): aktör/toimija,
förbindelse/yhteys, kluster/klusteri, finansiär/rahoittaja, brobyggare/välittäjä, and the
centrality measures' names there. The JSON and CSV formats are for programs and keep their
English keys and values in every language.

>>> REPORT.text("members", "fi"), REPORT.text("more", "sv", n=3)
('    jäsenet: ', '… och 3 till')
>>> REPORT.problems()
[]
"""

from __future__ import annotations

from kg.core.i18n import Catalogue

REPORT = Catalogue(
    "kg analyze report",
    {
        "en": {
            "network": "Network: {network}: {nodes} actors, {edges} ties",
            "network_year": "Network: {network}, as of {year}: {nodes} actors, {edges} ties",
            "network_actors": "actors",
            "network_bipartite": "bipartite",
            "network_organisations": "organisations",
            "clusters": "Clusters: {n} (Louvain, seed {seed}), modularity {modularity}",
            "alone": "  {listed} listed below; the other {alone} are isolated actors, one each (see Components)",
            "year_only": "  (the actors with a tie in {year}; those of other years are left out)",
            "eigenvector_zero": "  (networkx's definition: the largest component takes all the weight, so an\n"
            "  actor outside it scores 0)",
            "cross_check": "Cross-check: ",
            "cross_check_text": "{method} finds {clusters} clusters (modularity {modularity}), {identical} of them "
            "identical to Louvain's",
            "method_greedy": "greedy modularity",
            "method_propagation": "label propagation",
            "note": "Note: {note}",
            "note_cross_checked": "clusters cross-checked with {method} ({nodes} nodes > {limit})",
            "note_not_cross_checked": "clusters not cross-checked ({ties} ties > {limit}: label propagation would "
            "add about a tenth to the analysis' time)",
            "note_sampled_size": "betweenness sampled with k={k} pivots ({nodes} nodes > {limit})",
            "note_sampled_work": "betweenness sampled with k={k} pivots (nodes x (nodes + edges) = {work} > {limit})",
            "note_no_eigenvector": "eigenvector centrality did not converge and is left out",
            "cluster": "{name} ({size} actors; {countries})",
            "members": "    members: ",
            "held_together": "    held together by: ",
            "funders": "    funders: ",
            "more": "… and {n} more",
            "brokers": "Brokers (betweenness; ties into clusters):",
            "top_degree": "Top {n} by degree (ties; degree centrality, the share of the other actors):",
            "top_weighted_degree": "Top {n} by weighted degree:",
            "top_betweenness": "Top {n} by betweenness:",
            "top_eigenvector": "Top {n} by eigenvector:",
            "crossings": "Cross-border initiatives and memberships (as kg query cross-border):",
            "member_of": "{member} member of {organisation} ({countries})",
            "a_place_in": "a place in {country}",
            "border_ties": "Ties between a Swedish and a Finnish actor:",
            "components": "Components: {components}; isolates: {isolates}",
            "isolated": "  isolated: ",
        },
        "sv": {
            "network": "Nätverk: {network}: {nodes} aktörer, {edges} förbindelser",
            "network_year": "Nätverk: {network}, år {year}: {nodes} aktörer, {edges} förbindelser",
            "network_actors": "aktörer",
            "network_bipartite": "aktörer och initiativ",
            "network_organisations": "organisationer",
            "clusters": "Kluster: {n} (Louvain, frö {seed}), modularitet {modularity}",
            "alone": "  {listed} listas nedan; de övriga {alone} är isolerade aktörer, ett kluster var "
            "(se Komponenter)",
            "year_only": "  (aktörerna med en förbindelse under {year}; andra års aktörer är utelämnade)",
            "eigenvector_zero": "  (networkx definition: den största komponenten får hela vikten, så en aktör\n"
            "  utanför den får 0)",
            "cross_check": "Kontroll: ",
            "cross_check_text": "{method} ger {clusters} kluster (modularitet {modularity}), varav {identical} "
            "identiska med Louvains",
            "method_greedy": "girig modularitetsoptimering",
            "method_propagation": "etikettspridning",
            "note": "Obs: {note}",
            "note_cross_checked": "klustren kontrollerade med {method} ({nodes} noder > {limit})",
            "note_not_cross_checked": "klustren inte kontrollerade ({ties} förbindelser > {limit}: etikettspridning "
            "skulle förlänga analysen med ungefär en tiondel)",
            "note_sampled_size": "mellanhandscentraliteten uppskattad från k={k} startnoder ({nodes} noder > {limit})",
            "note_sampled_work": "mellanhandscentraliteten uppskattad från k={k} startnoder "
            "(noder x (noder + förbindelser) = {work} > {limit})",
            "note_no_eigenvector": "egenvektorcentraliteten konvergerade inte och utelämnas",
            "cluster": "{name} ({size} aktörer; {countries})",
            "members": "    medlemmar: ",
            "held_together": "    hålls samman av: ",
            "funders": "    finansiärer: ",
            "more": "… och {n} till",
            "brokers": "Brobyggare (mellanhandscentralitet; förbindelser till flera kluster):",
            "top_degree": "Topp {n} efter grad (förbindelser; gradcentralitet, andel av de övriga aktörerna):",
            "top_weighted_degree": "Topp {n} efter viktad grad:",
            "top_betweenness": "Topp {n} efter mellanhandscentralitet:",
            "top_eigenvector": "Topp {n} efter egenvektorcentralitet:",
            "crossings": "Gränsöverskridande initiativ och medlemskap (som kg query cross-border):",
            "member_of": "{member} medlem i {organisation} ({countries})",
            "a_place_in": "en ort i {country}",
            "border_ties": "Förbindelser mellan en svensk och en finländsk aktör:",
            "components": "Komponenter: {components}; isolerade: {isolates}",
            "isolated": "  isolerade: ",
        },
        "fi": {
            "network": "Verkosto: {network}: {nodes} toimijaa, {edges} yhteyttä",
            "network_year": "Verkosto: {network}, vuosi {year}: {nodes} toimijaa, {edges} yhteyttä",
            "network_actors": "toimijat",
            "network_bipartite": "toimijat ja hankkeet",
            "network_organisations": "organisaatiot",
            "clusters": "Klusterit: {n} (Louvain, siemen {seed}), modulaarisuus {modularity}",
            "alone": "  {listed} luetellaan alla; muut {alone} ovat erillisiä toimijoita, kukin omana "
            "klusterinaan (ks. Komponentit)",
            "year_only": "  (toimijat, joilla on yhteys vuonna {year}; muiden vuosien toimijat on jätetty pois)",
            "eigenvector_zero": "  (networkx:n määritelmä: suurin komponentti saa koko painon, joten sen\n"
            "  ulkopuolisen toimijan arvo on 0)",
            "cross_check": "Tarkistus: ",
            "cross_check_text": "{method} löytää {clusters} klusteria (modulaarisuus {modularity}), joista "
            "{identical} samoja kuin Louvainin",
            "method_greedy": "ahne modulaarisuuden optimointi",
            "method_propagation": "nimiöiden levitys",
            "note": "Huom.: {note}",
            "note_cross_checked": "klusterit tarkistettu toisella menetelmällä ({method}; {nodes} solmua > {limit})",
            "note_not_cross_checked": "klustereita ei tarkistettu ({ties} yhteyttä > {limit}: nimiöiden levitys "
            "pidentäisi analyysia noin kymmenyksellä)",
            "note_sampled_size": "välillisyyskeskeisyys arvioitu k={k} lähtösolmusta ({nodes} solmua > {limit})",
            "note_sampled_work": "välillisyyskeskeisyys arvioitu k={k} lähtösolmusta "
            "(solmut x (solmut + yhteydet) = {work} > {limit})",
            "note_no_eigenvector": "ominaisvektorikeskeisyys ei supennut, ja se jätetään pois",
            "cluster": "{name} ({size} toimijaa; {countries})",
            "members": "    jäsenet: ",
            "held_together": "    koossa pitävät: ",
            "funders": "    rahoittajat: ",
            "more": "… ja {n} muuta",
            "brokers": "Välittäjät (välillisyyskeskeisyys; yhteyksiä useaan klusteriin):",
            "top_degree": "{n} suurinta asteen mukaan (yhteydet; astekeskeisyys, osuus muista toimijoista):",
            "top_weighted_degree": "{n} suurinta painotetun asteen mukaan:",
            "top_betweenness": "{n} suurinta välillisyyskeskeisyyden mukaan:",
            "top_eigenvector": "{n} suurinta ominaisvektorikeskeisyyden mukaan:",
            "crossings": "Rajat ylittävät hankkeet ja jäsenyydet (kuten kg query cross-border):",
            "member_of": "{member} jäsenenä: {organisation} ({countries})",
            "a_place_in": "paikka maassa {country}",
            "border_ties": "Yhteydet ruotsalaisen ja suomalaisen toimijan välillä:",
            "components": "Komponentit: {components}; erillisiä: {isolates}",
            "isolated": "  erilliset: ",
        },
    },
)
