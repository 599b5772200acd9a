// name: warnings-before-attack
// description: Warnings received by the country where an attack happened.
// params: attack = an attack's name or alias
// The country is the one the attack occurred in or the one its places lie in (kept on the attack as
// `countries`: a city's country is not written as OCCURRED_IN unless the text names it).
MATCH (a:Attack)
WHERE toLower(a.name) = toLower($attack) OR any(x IN a.aliases WHERE toLower(x) = toLower($attack))
MATCH (c:Country)
WHERE c.id IN coalesce(a.countries, []) OR EXISTS { (a)-[:OCCURRED_IN]->(c) }
MATCH (warner:Entity)-[:WARNED]->(c)
WITH DISTINCT warner, c
MATCH (v:Evidence {source: warner.id, type: 'WARNED', target: c.id})
WITH warner, c, v ORDER BY v.doc, v.start
RETURN warner.name AS warned_by, c.name AS warned, collect(v.text) AS evidence, collect(DISTINCT v.doc) AS documents
ORDER BY warned_by
