// The kg ids of entities given by element id (the ends of relationships a query returned).
MATCH (e:Entity) WHERE elementId(e) IN $ids
RETURN e.id AS id
