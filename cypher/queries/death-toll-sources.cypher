// name: death-toll-sources
// description: The death tolls each source reports for an attack, to see where sources disagree.
// params: attack = an attack's name or alias
MATCH (a:Attack)
WHERE toLower(a.name) = toLower($attack) OR any(x IN a.aliases WHERE toLower(x) = toLower($attack))
MATCH (d:Document)-[:REPORTS]->(c:Claim {key: 'deaths'})-[:ABOUT]->(a)
RETURN a.name AS attack, c.value AS deaths, c.qualifier AS qualifier, d.source AS source, d.title AS title, c.text AS words
ORDER BY deaths, source
