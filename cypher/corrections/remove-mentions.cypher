// Removes the mentions of entity $id by the given documents.
MATCH (d:Document)-[r:MENTIONS]->(:Entity {id: $id})
WHERE d.id IN $docs
DELETE r
RETURN count(*) AS total
