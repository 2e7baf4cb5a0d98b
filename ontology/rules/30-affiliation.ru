# title: affiliation from posts
# description: A person who holds a post in an organisation is affiliated with that organisation (in the same named graph).
PREFIX kg: <https://w3id.org/samverkan/def#>
INSERT { GRAPH ?g { ?person kg:affiliatedWith ?org } }
WHERE { GRAPH ?g { ?person kg:holdsPost ?post . ?post kg:postIn ?org } }
