// The floor under any relationship write: the two index lookups that find a row's endpoints, writing nothing.
UNWIND $relations AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
RETURN count(*) AS total
