# title: participation from its sub-properties
# description: Every actor that leads, organises, presents at or is an associated partner in an initiative also participates in it (in the same named graph).
PREFIX kg: <https://w3id.org/samverkan/def#>
INSERT { GRAPH ?g { ?actor kg:participatesIn ?initiative } }
WHERE { GRAPH ?g { ?actor kg:leads|kg:organises|kg:presentsAt|kg:associatedPartnerIn ?initiative } }
