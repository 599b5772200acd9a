// One relationship's evidence sentences with the titles of their articles, and each one's page in a paged
// document (0: none).
MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target})
WHERE type(r) = $type
UNWIND range(0, size(r.evidence) - 1) AS i
OPTIONAL MATCH (d:Document {id: r.evidenceDocs[i]})
WITH s, r, t, i, d
ORDER BY i
RETURN type(r) AS type, {id: s.id, name: s.name} AS source, {id: t.id, name: t.name} AS target, r.confidence AS confidence,
       collect({text: r.evidence[i], doc: r.evidenceDocs[i], title: coalesce(d.title, ''), source: coalesce(d.source, ''), page: coalesce(r.evidencePages[i], 0)}) AS evidence
