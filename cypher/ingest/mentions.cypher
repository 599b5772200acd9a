// Which documents mention which entities, how often, and where (character offsets). As in relations.cypher,
// each document and entity is looked up once per statement and rows name them by position.
UNWIND $docs AS id
OPTIONAL MATCH (d:Document {id: id})
WITH collect([d]) AS docs
UNWIND $entities AS id
OPTIONAL MATCH (e:Entity {id: id})
WITH docs, collect([e]) AS entities
UNWIND $mentions AS m
WITH m, docs[m.d][0] AS d, entities[m.e][0] AS e
WHERE d IS NOT NULL AND e IS NOT NULL
MERGE (d)-[r:MENTIONS]->(e)
SET r.count = m.count, r.starts = m.starts, r.ends = m.ends
RETURN count(*) AS total
