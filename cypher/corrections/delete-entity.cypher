// Deletes an entity with its relationships (and their evidence nodes), mentions and the claims about it.
MATCH (e:Entity {id: $id})
CALL (e) {
  CALL (e) {
    MATCH (e)-[r]->(t:Entity) RETURN e.id AS source, type(r) AS type, t.id AS target
    UNION
    MATCH (s:Entity)-[r]->(e) RETURN s.id AS source, type(r) AS type, e.id AS target
  }
  MATCH (v:Evidence {source: source, type: type, target: target})
  DELETE v
}
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
DETACH DELETE c, e
RETURN count(*) AS total
