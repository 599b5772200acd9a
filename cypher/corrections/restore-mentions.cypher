// Sets the mentions of entity $id by the given documents to what a snapshot recorded.
UNWIND $mentions AS m
MATCH (d:Document {id: m.doc})
MATCH (e:Entity {id: $id})
MERGE (d)-[r:MENTIONS]->(e)
SET r = m.properties
RETURN count(*) AS total
