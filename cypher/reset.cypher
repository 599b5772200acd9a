// Deletes kg's data (documents, entities, evidence, claims, corrections, cases, and what kg watch remembers of feeds) in batches; nothing else in the database is touched.
// Relationships go first, in batches, so a busy node with a million relationships never has to be
// detached in one transaction. The pattern is directed: an undirected one makes the planner read every
// relationship into memory first (an Eager step), which a graph of 100k documents takes past the
// transaction memory limit before the first batch is deleted.
MATCH (a)-[r]->(b) WHERE a:Entity OR a:Document OR a:Claim OR b:Entity OR b:Document OR b:Claim
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;

MATCH (n) WHERE n:Entity OR n:Document OR n:Evidence OR n:Claim OR n:Feed OR n:FeedItem OR n:Correction OR n:Case
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS;
