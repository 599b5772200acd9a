// Puts claims back as a snapshot recorded them, reported by their document and about entity $id only.
UNWIND $claims AS c
MATCH (d:Document {id: c.doc})
MATCH (e:Entity {id: $id})
MERGE (x:Claim {id: c.properties.id})
SET x = c.properties
MERGE (d)-[:REPORTS]->(x)
WITH x, e
OPTIONAL MATCH (x)-[a:ABOUT]->(other:Entity) WHERE other <> e
DELETE a
MERGE (x)-[:ABOUT]->(e)
RETURN count(*) AS total
