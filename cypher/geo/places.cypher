// Every location and country with what tells where it is: the countries it lies in (LOCATED_IN), the countries
// an attack there also occurred in, the places it lies in, and the countries the same documents mention most.
MATCH (p:Entity) WHERE p:Location OR p:Country
OPTIONAL MATCH (p)-[:LOCATED_IN*1..3]->(c:Country)
WITH p, collect(DISTINCT c.name) AS within
OPTIONAL MATCH (a:Attack)-[:OCCURRED_IN]->(p), (a)-[:OCCURRED_IN]->(c:Country)
WITH p, within, collect(DISTINCT c.name) AS attackCountries
CALL (p) {
  MATCH (d:Document)-[:MENTIONS]->(p)
  MATCH (d)-[m:MENTIONS]->(c:Country) WHERE c <> p
  WITH c, sum(m.count) AS weight ORDER BY weight DESC, c.name
  RETURN collect(c.name)[0..3] AS mentioned
}
RETURN p.id AS id, p.name AS name, p.type AS type, coalesce(p.aliases, []) AS aliases, within, attackCountries,
       mentioned, [(p)-[:LOCATED_IN]->(q:Location) | q.id] AS inside
ORDER BY id
