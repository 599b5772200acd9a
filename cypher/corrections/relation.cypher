// One relationship between two entities, by type, with its evidence nodes.
MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target})
WHERE type(r) = $type
RETURN properties(r) AS properties,
       COLLECT { MATCH (v:Evidence {source: s.id, type: type(r), target: t.id}) RETURN v {.doc, .start, .end, .page, .text} ORDER BY v.doc, v.start } AS evidence
