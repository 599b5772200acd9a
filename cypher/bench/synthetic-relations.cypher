// Generated relationships between generated entities, one per (source, type, target) as the store keeps them,
// each evidence sentence its own (:Evidence) node as the ingest writes it (rows give each one's id).
UNWIND $rows AS row
MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
SET r.confidence = row.confidence, r.count = size(row.evidence)
FOREACH (e IN row.evidence |
  MERGE (v:Evidence {id: e.id})
  SET v.source = s.id, v.type = row.type, v.target = t.id, v.doc = e.doc, v.start = e.start, v.end = e.end, v.page = 0, v.text = e.text)
