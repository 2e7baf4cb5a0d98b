# title: funds from funding nodes
# description: The funder of a kg:Funding node funds the initiative that has that funding (in the same named graph).
PREFIX kg: <https://w3id.org/samverkan/def#>
INSERT { GRAPH ?g { ?funder kg:funds ?initiative } }
WHERE { GRAPH ?g { ?initiative kg:hasFunding ?funding . ?funding kg:funder ?funder } }
