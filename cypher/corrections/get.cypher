// One correction with its snapshot.
MATCH (c:Correction {id: $id})
RETURN properties(c) AS properties
