// Deletes one relationship between two entities, by type.
MATCH (:Entity {id: $source})-[r]->(:Entity {id: $target})
WHERE type(r) = $type
DELETE r
RETURN count(*) AS total
