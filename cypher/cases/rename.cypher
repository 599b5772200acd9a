// Renames a case, unless another case has the new name.
MATCH (c:Case {name: $from})
WHERE NOT EXISTS { MATCH (:Case {name: $to}) }
SET c.name = $to, c.updatedAt = $at
RETURN c.name AS name
