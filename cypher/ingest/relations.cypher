// One relationship per (source, type, target); its evidence sentences accumulate across documents without
// duplicates (keyed by document and offset). The type comes from the ontology's closed list.
UNWIND $relations AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
OPTIONAL MATCH (s)-[existing:$(row.type)]->(t)
WITH s, t, row, existing IS NULL AS isNew
MERGE (s)-[r:$(row.type)]->(t)
ON CREATE SET r.evidenceKeys = [], r.evidence = [], r.evidenceDocs = [], r.evidenceStarts = [], r.evidenceEnds = [], r.docs = [], r.confidence = 0.0
WITH r, row, isNew, [e IN row.evidence WHERE NOT e.key IN r.evidenceKeys] AS fresh
SET r.evidenceKeys = r.evidenceKeys + [e IN fresh | e.key],
    r.evidence = r.evidence + [e IN fresh | e.text],
    r.evidenceDocs = r.evidenceDocs + [e IN fresh | e.doc],
    r.evidenceStarts = r.evidenceStarts + [e IN fresh | toInteger(e.start)],
    r.evidenceEnds = r.evidenceEnds + [e IN fresh | toInteger(e.end)],
    r.docs = r.docs + [d IN row.docs WHERE NOT d IN r.docs],
    r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END
SET r.count = size(r.evidenceKeys)
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created, count(*) AS total
