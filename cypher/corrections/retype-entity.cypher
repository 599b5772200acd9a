// Moves an entity from one type label to another (both from the ontology's closed list, checked by kg).
MATCH (e:Entity {id: $id})
REMOVE e:$($from)
SET e:$($to), e.type = $to
RETURN count(e) AS total
