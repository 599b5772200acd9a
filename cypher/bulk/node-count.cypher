// Whether a store holds anything: `kg import` loads only into an empty database.
MATCH (n)
RETURN count(n) AS total
