// Entities with their casualty and date reports (each with the words it was read from) and how many documents
// mention them.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (d:Document)-[:REPORTS]->(c:Claim)-[:ABOUT]->(e)
WITH e, collect(CASE WHEN c IS NULL THEN NULL ELSE {key: c.key, value: c.value, qualifier: c.qualifier, text: c.text, source: d.source, doc: d.id} END) AS reports
RETURN e.id AS id, e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases, reports,
       COUNT { (:Document)-[:MENTIONS]->(e) } AS documents, [(d:Document)-[:MENTIONS]->(e) | d.id] AS mentionedIn,
       properties(e) AS properties
