// One relationship per (source, type, target); its evidence sentences accumulate across documents without
// duplicates (keyed by document and offset); evidencePages gives each one's page in a paged document (0: none).
// The relationship type in the MERGE is a placeholder that kg replaces by one type from the ontology's closed
// list (a static type lets Neo4j walk only that type's relationships of a busy node). Profiled: the endpoints
// are looked up once per statement ($ids; rows name them by position), and rows carry their evidence as parallel
// lists of typed values, so a new relationship (the common case) stores them as sent, with no per-element work.
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
WITH collect([e]) AS nodes
UNWIND $relations AS row
WITH row, nodes[row.s][0] AS s, nodes[row.t][0] AS t
WHERE s IS NOT NULL AND t IS NOT NULL
MERGE (s)-[r:REL_TYPE]->(t)
ON CREATE SET r.confidence = row.confidence, r.docs = row.docs, r.count = size(row.keys), r.evidence = row.texts,
              r.evidenceDocs = row.evidenceDocs, r.evidenceStarts = row.starts, r.evidenceEnds = row.ends,
              r.evidencePages = row.pages, r.evidenceKeys = row.keys
// Each item reads the values stored before this SET, so every list filters against the same stored keys.
ON MATCH SET r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
             r.docs = r.docs + [d IN row.docs WHERE NOT d IN r.docs],
             r.evidence = r.evidence + [i IN range(0, size(row.keys) - 1) WHERE NOT row.keys[i] IN r.evidenceKeys | row.texts[i]],
             r.evidenceDocs = r.evidenceDocs + [i IN range(0, size(row.keys) - 1) WHERE NOT row.keys[i] IN r.evidenceKeys | row.evidenceDocs[i]],
             r.evidenceStarts = r.evidenceStarts + [i IN range(0, size(row.keys) - 1) WHERE NOT row.keys[i] IN r.evidenceKeys | row.starts[i]],
             r.evidenceEnds = r.evidenceEnds + [i IN range(0, size(row.keys) - 1) WHERE NOT row.keys[i] IN r.evidenceKeys | row.ends[i]],
             r.evidencePages = coalesce(r.evidencePages, []) + [i IN range(0, size(row.keys) - 1) WHERE NOT row.keys[i] IN r.evidenceKeys | row.pages[i]],
             r.evidenceKeys = r.evidenceKeys + [k IN row.keys WHERE NOT k IN r.evidenceKeys],
             r.count = size(r.evidenceKeys) + size([k IN row.keys WHERE NOT k IN r.evidenceKeys])
RETURN count(*) AS total
