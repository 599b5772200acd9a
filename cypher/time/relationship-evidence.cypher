// The documents of each given relationship's evidence nodes, for those between two entities (the ontology's
// relationships): an "as of" result keeps a relationship only for evidence from documents published by then.
UNWIND $relationships AS id
MATCH (s:Entity)-[r]->(t:Entity)
WHERE elementId(r) = id
RETURN id AS relationship, COLLECT { MATCH (v:Evidence {source: s.id, type: type(r), target: t.id}) RETURN v.doc } AS docs
