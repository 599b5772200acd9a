// Deletes kg's data (documents, entities, claims) in batches; nothing else in the database is touched.
MATCH (n) WHERE n:Entity OR n:Document OR n:Claim
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
