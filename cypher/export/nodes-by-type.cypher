// Entities of the given types.
MATCH (e:Entity)
WHERE e.type IN $types
RETURN e.id AS id
