// How large the store is: past a threshold the viewer sends a summary instead of the whole graph, and the
// summary's cache is keyed by these counts.
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
RETURN entities, relationships
