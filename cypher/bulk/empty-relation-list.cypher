// After `kg import`: a relationship's list the ingest stores empty, which the importer's CSV cannot hold.
// REL_TYPE (from the ontology) and LIST_PROPERTY (from kg's closed list) are placeholders kg replaces.
UNWIND $pairs AS p
MATCH (:Entity {id: p.source})-[r:REL_TYPE]->(:Entity {id: p.target})
SET r.LIST_PROPERTY = []
