// One relationship per (source, type, target), keeping only what a merge must update: the best confidence and
// how many evidence sentences it has. The sentences themselves are (:Evidence) nodes, created once by
// evidence.cypher (a batch brings only documents not stored before, so each sentence is new: row.n counts them).
// The relationship type in the MERGE is a placeholder that kg replaces by one type from the ontology's closed
// list (a static type lets Neo4j walk only that type's relationships of a busy node). Endpoints come by element
// id ($nodes, which rows name by position; null for an entity not stored, whose rows are skipped): the entity
// MERGE earlier in the transaction returned them. Profiled on the bench's rows, warm: a third less Neo4j CPU than
// finding them by the unique index once per statement, as the nodes are then seeks rather than list values.
UNWIND $relations AS row
MATCH (s) WHERE elementId(s) = $nodes[row.s]
MATCH (t) WHERE elementId(t) = $nodes[row.t]
MERGE (s)-[r:REL_TYPE]->(t)
ON CREATE SET r.confidence = row.confidence, r.count = row.n
ON MATCH SET r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
             r.count = r.count + row.n
RETURN count(*) AS total
