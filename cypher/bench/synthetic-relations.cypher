// Generated relationships between generated entities, one per (source, type, target) as the store keeps them,
// each evidence sentence its own (:Evidence) node as the ingest writes it (no page: generated documents have none).
UNWIND $rows AS row
MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
SET r.confidence = row.confidence, r.count = size(row.evidence)
FOREACH (e IN row.evidence |
  MERGE (v:Evidence {source: s.id, type: row.type, target: t.id, doc: e.doc, start: e.start})
  SET v.end = e.end, v.text = e.text)
