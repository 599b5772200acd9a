// Deletes kg's data (documents, entities, evidence, claims, corrections, cases, and what kg watch remembers of feeds) in batches; nothing else in the database is touched.
// Relationships go first, in batches, so a busy node with a million relationships never has to be
// detached in one transaction.
MATCH (n)-[r]-() WHERE n:Entity OR n:Document OR n:Claim
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;

MATCH (n) WHERE n:Entity OR n:Document OR n:Evidence OR n:Claim OR n:Feed OR n:FeedItem OR n:Correction OR n:Case
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS;
