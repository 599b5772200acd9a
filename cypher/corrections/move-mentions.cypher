// The documents that mention $from now mention $to; counts and offsets add up where both were mentioned.
MATCH (d:Document)-[m:MENTIONS]->(:Entity {id: $from})
MATCH (t:Entity {id: $to})
MERGE (d)-[k:MENTIONS]->(t)
ON CREATE SET k.count = 0, k.starts = [], k.ends = []
SET k.count = k.count + m.count, k.starts = k.starts + m.starts, k.ends = k.ends + m.ends
DELETE m
RETURN count(*) AS total
