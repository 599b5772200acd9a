// Deletes one relationship between two entities, by type, with its evidence nodes.
MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target})
WHERE type(r) = $type
OPTIONAL MATCH (v:Evidence {source: s.id, type: type(r), target: t.id})
DELETE v
WITH DISTINCT r
DELETE r
RETURN count(*) AS total
