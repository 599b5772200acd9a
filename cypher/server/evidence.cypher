// One relationship's evidence sentences with the titles of their articles (and the page, in a paged document).
MATCH (s:Entity {id: $source})-[r]->(t:Entity {id: $target})
WHERE type(r) = $type
RETURN type(r) AS type, {id: s.id, name: s.name} AS source, {id: t.id, name: t.name} AS target, r.confidence AS confidence,
       [i IN range(0, size(r.evidence) - 1) |
         {text: r.evidence[i], doc: r.evidenceDocs[i],
          title: coalesce(head([(d:Document {id: r.evidenceDocs[i]}) | d.title]), ''),
          source: coalesce(head([(d:Document {id: r.evidenceDocs[i]}) | d.source]), ''),
          page: CASE WHEN coalesce(r.evidencePages[i], 0) > 0 THEN r.evidencePages[i] END}] AS evidence
