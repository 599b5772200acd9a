// Entities within $hops (1 to 3) relationships of the entity $id.
MATCH (c:Entity {id: $id})
MATCH p = (c)-[*0..3]-(x:Entity)
WHERE length(p) <= toInteger($hops) AND all(n IN nodes(p) WHERE n:Entity)
RETURN DISTINCT x.id AS id
