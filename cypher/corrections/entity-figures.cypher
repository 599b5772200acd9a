// Every figure reported about an entity, to say what could have been meant.
MATCH (d:Document)-[:REPORTS]->(c:Claim)-[:ABOUT]->(:Entity {id: $entity})
RETURN DISTINCT c.key AS key, c.value AS value
ORDER BY key, value
