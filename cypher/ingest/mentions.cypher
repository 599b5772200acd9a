// Which documents mention which entities, how often, and where (character offsets).
UNWIND $mentions AS m
MATCH (d:Document {id: m.doc})
MATCH (e:Entity {id: m.entity})
MERGE (d)-[r:MENTIONS]->(e)
SET r.count = toInteger(m.count), r.starts = [x IN m.starts | toInteger(x)], r.ends = [x IN m.ends | toInteger(x)]
RETURN count(*) AS total
