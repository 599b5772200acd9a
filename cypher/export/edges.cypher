// Relationships between the selected entities, optionally only of the given types.
MATCH (s:Entity)-[r]->(t:Entity)
WHERE s.id IN $ids AND t.id IN $ids AND ($relations IS NULL OR type(r) IN $relations)
RETURN s.id AS source, t.id AS target, type(r) AS type, r.confidence AS confidence, coalesce(r.count, 0) AS count,
       coalesce(r.evidence, []) AS evidence, coalesce(r.evidenceDocs, []) AS evidenceDocs, coalesce(r.docs, []) AS docs, properties(r) AS properties
