// Generated relationships between generated entities, one per (source, type, target) as the store keeps them.
UNWIND $rows AS row
MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
SET r.confidence = row.confidence, r.count = row.count, r.docs = row.docs, r.evidence = row.evidence, r.evidenceDocs = row.evidenceDocs
