// One row per attack: its event date, kind and places, every attribute report with its document, the groups and
// people said to have claimed, carried out or denied it (with the documents of each piece of evidence, from its
// (:Evidence) nodes), and the documents that mention it.
MATCH (a:Attack)
RETURN a.id AS id, a.name AS name, coalesce(a.attackKind, 'attack') AS kind, a.year AS year, a.date AS date,
       [(a)-[r:OCCURRED_IN]->(p:Entity) | {id: p.id, name: p.name, type: p.type,
         docs: COLLECT { MATCH (v:Evidence {source: a.id, type: 'OCCURRED_IN', target: p.id}) RETURN v.doc ORDER BY v.doc, v.start }}] AS places,
       [(d:Document)-[:REPORTS]->(c:Claim)-[:ABOUT]->(a) | {key: c.key, value: c.value, qualifier: c.qualifier, text: c.text, sentence: c.sentence, doc: d.id}] AS reports,
       [(x:Entity)-[r:CLAIMED|CARRIED_OUT|DENIED]->(a) | {relation: type(r), id: x.id, name: x.name, type: x.type, confidence: r.confidence,
         docs: COLLECT { MATCH (v:Evidence {source: x.id, type: type(r), target: a.id}) RETURN v.doc ORDER BY v.doc, v.start },
         evidence: COLLECT { MATCH (v:Evidence {source: x.id, type: type(r), target: a.id}) RETURN v.text ORDER BY v.doc, v.start }}] AS actors,
       [(d:Document)-[:MENTIONS]->(a) | d.id] AS mentionedIn
