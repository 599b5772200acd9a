// kg's constraints and indexes. Applied by `kg schema apply` and before the first write; every
// statement is idempotent (IF NOT EXISTS), so applying twice changes nothing.

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (c:Claim) REQUIRE c.id IS UNIQUE;
// Evidence nodes have no id any more (profiled: the unique index on a long string key was a third of their write);
// a store made before that loses the constraint. Their key is relationship, document and offset, kept unique by
// the writers: an ingest writes only documents not stored before, corrections MERGE on that key.
DROP CONSTRAINT evidence_id IF EXISTS;
CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (c:Correction) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT case_name IF NOT EXISTS FOR (c:Case) REQUIRE c.name IS UNIQUE;
// One write lock for all ingesters: without it, two first writers could each MERGE one.
CREATE CONSTRAINT write_lock_id IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.id IS UNIQUE;

// Lookups by name and type (viewer search, `--around NAME`, `kg query` examples).
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type);
CREATE INDEX document_source IF NOT EXISTS FOR (d:Document) ON (d.source);
CREATE INDEX claim_key IF NOT EXISTS FOR (c:Claim) ON (c.key);
// A relationship's evidence, found from its two ends and type: MATCH (v:Evidence {source: s.id, type: type(r), target: t.id}).
CREATE INDEX evidence_relation IF NOT EXISTS FOR (v:Evidence) ON (v.source, v.type, v.target);

// Name search with autocomplete over names and aliases.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText];

// kg watch's memory: one node per polled feed, one per item it has ingested.
CREATE CONSTRAINT feed_url IF NOT EXISTS FOR (f:Feed) REQUIRE f.url IS UNIQUE;
CREATE CONSTRAINT feed_item_key IF NOT EXISTS FOR (i:FeedItem) REQUIRE i.key IS UNIQUE;
