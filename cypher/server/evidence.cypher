// One relationship's evidence sentences with the titles of their articles, and each one's page in a paged
// document (0: none).
MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target})
WHERE type(r) = $type
WITH s, r, t, coalesce(r.evidence, []) AS sentences, coalesce(r.evidenceDocs, []) AS docs, coalesce(r.evidencePages, []) AS pages
RETURN type(r) AS type, {id: s.id, name: s.name} AS source, {id: t.id, name: t.name} AS target, r.confidence AS confidence,
       [i IN range(0, size(sentences) - 1) |
         {text: sentences[i], doc: coalesce(docs[i], ''),
          title: coalesce(head(COLLECT { MATCH (d:Document {id: docs[i]}) RETURN d.title }), ''),
          source: coalesce(head(COLLECT { MATCH (d:Document {id: docs[i]}) RETURN d.source }), ''),
          page: coalesce(pages[i], 0)}] AS evidence
