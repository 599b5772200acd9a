// Puts an entity back as a snapshot recorded it (labels from the ontology's closed list, checked by kg).
MERGE (e:Entity {id: $properties.id})
SET e = $properties
SET e:$($labels)
RETURN count(e) AS total
