// Relationships between the selected entities, optionally only of the given types. An export flattens each
// relationship's (:Evidence) nodes into parallel lists (by document and offset), with the documents they cite.
MATCH (s:Entity)-[r]->(t:Entity)
WHERE s.id IN $ids AND t.id IN $ids AND ($relations IS NULL OR type(r) IN $relations)
WITH s, r, t, properties(r) AS stored,
     COLLECT { MATCH (v:Evidence {source: s.id, type: type(r), target: t.id}) RETURN v ORDER BY v.doc, v.start } AS items
WITH s, r, t, stored, items, reduce(acc = [], v IN items | CASE WHEN v.doc IN acc THEN acc ELSE acc + v.doc END) AS docs
RETURN s.id AS source, t.id AS target, type(r) AS type, r.confidence AS confidence, coalesce(r.count, 0) AS count,
       [v IN items | v.text] AS evidence, [v IN items | v.doc] AS evidenceDocs, docs,
       stored {.*, docs: docs, evidence: [v IN items | v.text], evidenceDocs: [v IN items | v.doc], evidenceStarts: [v IN items | v.start],
               evidenceEnds: [v IN items | v.end], evidencePages: [v IN items | coalesce(v.page, 0)]} AS properties
