// The given entities and every entity one relationship away from any of them.
MATCH (e:Entity) WHERE e.id IN $ids
OPTIONAL MATCH (e)--(n:Entity)
WITH collect(DISTINCT e.id) + collect(DISTINCT n.id) AS ids
UNWIND ids AS id
RETURN DISTINCT id
