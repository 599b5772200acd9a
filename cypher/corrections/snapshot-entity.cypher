// Everything about one entity that a correction may change: its labels and properties, its relationships with
// other entities (each with its evidence nodes), the documents that mention it and the claims about it, so the
// correction can be undone.
MATCH (e:Entity {id: $id})
RETURN labels(e) AS labels, properties(e) AS properties,
       [(e)-[r]->(t:Entity) | {type: type(r), out: true, other: t.id, properties: properties(r),
         evidence: COLLECT { MATCH (v:Evidence {source: e.id, type: type(r), target: t.id}) RETURN v {.doc, .start, .end, .page, .text} ORDER BY v.doc, v.start }}] +
       [(s:Entity)-[r]->(e) WHERE s <> e | {type: type(r), out: false, other: s.id, properties: properties(r),
         evidence: COLLECT { MATCH (v:Evidence {source: s.id, type: type(r), target: e.id}) RETURN v {.doc, .start, .end, .page, .text} ORDER BY v.doc, v.start }}] AS relations,
       [(d:Document)-[m:MENTIONS]->(e) | {doc: d.id, properties: properties(m)}] AS mentions,
       [(d:Document)-[:REPORTS]->(c:Claim)-[:ABOUT]->(e) | {doc: d.id, properties: properties(c)}] AS claims
