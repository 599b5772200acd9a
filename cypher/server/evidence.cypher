// One relationship's evidence sentences (its (:Evidence) nodes, by document and offset) with the titles of their
// articles, and each one's page in a paged document (0: none).
MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target})
WHERE type(r) = $type
RETURN type(r) AS type, {id: s.id, name: s.name} AS source, {id: t.id, name: t.name} AS target, r.confidence AS confidence,
       COLLECT {
         MATCH (v:Evidence {source: s.id, type: type(r), target: t.id})
         OPTIONAL MATCH (d:Document {id: v.doc})
         RETURN {text: v.text, doc: v.doc, title: coalesce(d.title, ''), source: coalesce(d.source, ''), page: coalesce(v.page, 0)}
         ORDER BY v.doc, v.start
       } AS evidence
