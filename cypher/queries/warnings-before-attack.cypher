// name: warnings-before-attack
// description: Warnings received by the country where an attack happened.
// params: attack = an attack's name or alias
MATCH (a:Attack)
WHERE toLower(a.name) = toLower($attack) OR any(x IN a.aliases WHERE toLower(x) = toLower($attack))
MATCH (a)-[:OCCURRED_IN]->(c:Country)
MATCH (warner:Entity)-[r:WARNED]->(c)
RETURN warner.name AS warned_by, c.name AS warned, r.evidence AS evidence, r.docs AS documents
ORDER BY warned_by
