// One relationship per (source, type, target); its evidence sentences accumulate across documents without
// duplicates (keyed by document and offset); evidencePages gives each one's page in a paged document (0: none).
// The relationship type in the MERGE is a placeholder that kg replaces by one type from the ontology's closed
// list (a static type lets Neo4j walk only that type's relationships of a busy node).
// Why it is shaped so (PROFILE, docs/SCALING.md): each endpoint is looked up once per statement, not once per
// row ($ids, rows point into it); a new relationship gets its lists in one write, not empty lists then appends.
UNWIND range(0, size($ids) - 1) AS i
OPTIONAL MATCH (n:Entity {id: $ids[i]})
WITH i, n ORDER BY i
// [n], not n: collect drops nulls, and a missing endpoint must not shift the others' positions.
WITH collect([n]) AS nodes
UNWIND $relations AS row
WITH row, nodes[toInteger(row.s)][0] AS s, nodes[toInteger(row.t)][0] AS t
WHERE s IS NOT NULL AND t IS NOT NULL
MERGE (s)-[r:REL_TYPE]->(t)
ON CREATE SET r.evidenceKeys = [e IN row.evidence | e.key],
              r.evidence = [e IN row.evidence | e.text],
              r.evidenceDocs = [e IN row.evidence | e.doc],
              r.evidenceStarts = [e IN row.evidence | toInteger(e.start)],
              r.evidenceEnds = [e IN row.evidence | toInteger(e.end)],
              r.evidencePages = [e IN row.evidence | toInteger(coalesce(e.page, 0))],
              r.docs = row.docs, r.confidence = toFloat(row.confidence), r.count = size(row.evidence)
// A stored one takes only the evidence it lacks. Every item filters against the stored keys, which are set last;
// reading the relationship back after the MERGE instead would make Neo4j buffer every row (an Eager plan).
ON MATCH SET r.evidence = r.evidence + [e IN row.evidence WHERE NOT e.key IN r.evidenceKeys | e.text],
             r.evidenceDocs = r.evidenceDocs + [e IN row.evidence WHERE NOT e.key IN r.evidenceKeys | e.doc],
             r.evidenceStarts = r.evidenceStarts + [e IN row.evidence WHERE NOT e.key IN r.evidenceKeys | toInteger(e.start)],
             r.evidenceEnds = r.evidenceEnds + [e IN row.evidence WHERE NOT e.key IN r.evidenceKeys | toInteger(e.end)],
             r.evidencePages = coalesce(r.evidencePages, []) + [e IN row.evidence WHERE NOT e.key IN r.evidenceKeys | toInteger(coalesce(e.page, 0))],
             r.count = size(r.evidenceKeys) + size([e IN row.evidence WHERE NOT e.key IN r.evidenceKeys]),
             r.docs = r.docs + [d IN row.docs WHERE NOT d IN r.docs],
             r.confidence = CASE WHEN row.confidence > r.confidence THEN toFloat(row.confidence) ELSE r.confidence END,
             r.evidenceKeys = r.evidenceKeys + [e IN row.evidence WHERE NOT e.key IN r.evidenceKeys | e.key]
RETURN count(*) AS total
