// One relationship per (source, type, target), keeping only what a merge must update: the best confidence and
// how many evidence sentences it has. The sentences themselves are (:Evidence) nodes, created once by
// evidence.cypher (a batch brings only documents not stored before, so each sentence is new: row.n counts them).
// The relationship type in the MERGE is a placeholder that kg replaces by one type from the ontology's closed
// list (a static type lets Neo4j walk only that type's relationships of a busy node). Profiled: the endpoints
// are looked up once per statement ($ids; rows name them by position).
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
WITH collect([e]) AS nodes
UNWIND $relations AS row
WITH row, nodes[row.s][0] AS s, nodes[row.t][0] AS t
WHERE s IS NOT NULL AND t IS NOT NULL
MERGE (s)-[r:REL_TYPE]->(t)
ON CREATE SET r.confidence = row.confidence, r.count = row.n
ON MATCH SET r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
             r.count = r.count + row.n
RETURN count(*) AS total
