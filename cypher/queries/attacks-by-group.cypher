// name: attacks-by-group
// description: Attacks each group claimed or carried out, with dates and places.
// params: (none)
MATCH (g:Group)-[r:CLAIMED|CARRIED_OUT]->(a:Attack)
OPTIONAL MATCH (a)-[:OCCURRED_IN]->(p:Entity)
RETURN g.name AS group, a.name AS attack, collect(DISTINCT type(r)) AS relations, a.date AS date, a.year AS year,
       collect(DISTINCT p.name) AS places
ORDER BY group, attack
