// Attribute reports (casualty figures, dates, kinds) as claims with their source documents, so sources that
// disagree are one query away: (:Document)-[:REPORTS]->(:Claim {key, value})-[:ABOUT]->(:Entity).
UNWIND $claims AS c
MATCH (d:Document {id: c.doc})
MATCH (e:Entity {id: c.entity})
MERGE (claim:Claim {id: c.id})
ON CREATE SET claim.key = c.key, claim.qualifier = c.qualifier, claim.text = c.text, claim.sentence = c.sentence,
              claim.value = CASE WHEN c.key IN ['deaths', 'injured'] THEN toInteger(c.value) ELSE c.value END,
              claim.start = toInteger(c.start), claim.end = toInteger(c.end)
MERGE (d)-[:REPORTS]->(claim)
MERGE (claim)-[:ABOUT]->(e)
RETURN count(*) AS total
