// The entities `kg geocode` placed: the only ones the map can draw.
MATCH (e:Entity) WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL
RETURN e.id AS id
