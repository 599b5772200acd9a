// Attribute reports (casualty figures, dates, kinds) as claims with their source documents, so sources that
// disagree are one query away: (:Document)-[:REPORTS]->(:Claim {key, value})-[:ABOUT]->(:Entity).
// As in mentions.cypher, each document and entity is looked up once per statement and rows name them by position.
UNWIND $docs AS id
OPTIONAL MATCH (d:Document {id: id})
WITH collect([d]) AS docs
UNWIND $entities AS id
OPTIONAL MATCH (e:Entity {id: id})
WITH docs, collect([e]) AS entities
UNWIND $claims AS c
WITH c, docs[c.d][0] AS d, entities[c.e][0] AS e
WHERE d IS NOT NULL AND e IS NOT NULL
MERGE (claim:Claim {id: c.id})
ON CREATE SET claim.key = c.key, claim.qualifier = c.qualifier, claim.text = c.text, claim.sentence = c.sentence,
              claim.value = CASE WHEN c.key IN ['deaths', 'injured'] THEN toInteger(c.value) ELSE c.value END,
              claim.start = toInteger(c.start), claim.end = toInteger(c.end)
MERGE (d)-[:REPORTS]->(claim)
MERGE (claim)-[:ABOUT]->(e)
RETURN count(*) AS total
