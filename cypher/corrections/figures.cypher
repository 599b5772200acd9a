// The reports of one figure ($key = $value) about an entity, from one document (by id or source) or all.
MATCH (d:Document)-[:REPORTS]->(c:Claim)-[:ABOUT]->(:Entity {id: $entity})
WHERE c.key = $key AND (c.value = $value OR toString(c.value) = $value) AND ($doc IS NULL OR d.id = $doc OR d.source = $doc)
RETURN d.id AS doc, properties(c) AS properties
