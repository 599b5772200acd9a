// One relationship between two entities, by type.
MATCH (:Entity {id: $source})-[r]->(:Entity {id: $target})
WHERE type(r) = $type
RETURN properties(r) AS properties
