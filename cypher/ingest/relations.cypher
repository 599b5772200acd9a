// One relationship per (source, type, target); its evidence sentences accumulate across documents without
// duplicates (keyed by document and offset); evidencePages gives each one's page in a paged document (0: none). The relationship type in the MERGE is a placeholder that kg
// replaces by one type from the ontology's closed list (a static type lets Neo4j walk only that type's
// relationships of a busy node).
UNWIND $relations AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:REL_TYPE]->(t)
ON CREATE SET r.evidenceKeys = [], r.evidence = [], r.evidenceDocs = [], r.evidenceStarts = [], r.evidenceEnds = [], r.docs = [], r.confidence = 0.0
WITH r, row, [e IN row.evidence WHERE NOT e.key IN r.evidenceKeys] AS fresh
SET r.evidenceKeys = r.evidenceKeys + [e IN fresh | e.key],
    r.evidence = r.evidence + [e IN fresh | e.text],
    r.evidenceDocs = r.evidenceDocs + [e IN fresh | e.doc],
    r.evidenceStarts = r.evidenceStarts + [e IN fresh | toInteger(e.start)],
    r.evidenceEnds = r.evidenceEnds + [e IN fresh | toInteger(e.end)],
    r.evidencePages = coalesce(r.evidencePages, []) + [e IN fresh | toInteger(coalesce(e.page, 0))],
    r.docs = r.docs + [d IN row.docs WHERE NOT d IN r.docs],
    r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END
SET r.count = size(r.evidenceKeys)
RETURN count(*) AS total
