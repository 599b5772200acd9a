// Deletes a case (only the saved view: the graph is untouched).
MATCH (c:Case {name: $name})
DELETE c
RETURN count(*) AS total
