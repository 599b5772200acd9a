// An attack is drawn where it occurred: at its most precisely placed location (a city over a region or a
// venue placed by its city), else at its country.
MATCH (a:Attack)
OPTIONAL MATCH (a)-[:OCCURRED_IN]->(p:Entity) WHERE p.lat IS NOT NULL
WITH a, p ORDER BY CASE WHEN p:Location AND p.geoSource = 'gazetteer' THEN 0 WHEN p:Location THEN 1 ELSE 2 END, p.id
WITH a, collect(p)[0] AS best
SET a.lat = best.lat, a.lon = best.lon, a.geoSource = CASE WHEN best IS NULL THEN null ELSE 'occurred-in:' + best.id END,
    a.geoCountry = best.geoCountry, a.geoUnplaced = CASE WHEN best IS NULL THEN true ELSE null END
RETURN count(a) AS total
