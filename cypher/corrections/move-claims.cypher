// Claims about $from are about $to instead.
MATCH (c:Claim)-[a:ABOUT]->(:Entity {id: $from})
MATCH (t:Entity {id: $to})
MERGE (c)-[:ABOUT]->(t)
DELETE a
RETURN count(*) AS total
