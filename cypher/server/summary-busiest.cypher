// The entities with the most relationships to other entities, and how many each has: what a summary of a
// large store shows first.
MATCH (e:Entity)
WITH e, COUNT { (e)--(:Entity) } AS relationships
ORDER BY relationships DESC, e.id
LIMIT toInteger($limit)
RETURN e.id AS id, relationships
