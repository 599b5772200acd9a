// The timeline: each attack with its event date (valid time) and the documents that tell of it with their
// publication dates (transaction time), kept apart.
MATCH (a:Attack)
RETURN a.id AS id, a.name AS name, a.year AS year, a.date AS date,
       [(d:Document)-[:MENTIONS]->(a) | {id: d.id, title: d.title, source: d.source, published: d.published}] AS documents
