// Which attacks are on the map.
MATCH (a:Attack)
RETURN a.name AS name, a.lat IS NOT NULL AS placed
ORDER BY name
