// Deletes an entity with its relationships, mentions and the claims about it.
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
DETACH DELETE c, e
RETURN count(*) AS total
