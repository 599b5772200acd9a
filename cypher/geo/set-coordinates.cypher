// Stores where places are (lat, lon in degrees; how they were placed), and marks those that could not be placed.
UNWIND $places AS p
MATCH (e:Entity {id: p.id})
SET e.lat = p.lat, e.lon = p.lon, e.geoSource = p.source, e.geoCountry = p.country, e.geoUnplaced = p.unplaced
RETURN count(e) AS total
