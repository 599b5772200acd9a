// Element ids of stored entities by kg id, for relationship endpoints the batch's entity MERGE did not return.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, elementId(e) AS element
