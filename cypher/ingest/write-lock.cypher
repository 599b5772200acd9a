// The store-wide write lock of kg's ingesters: writing the one WriteLock node locks it until the transaction
// ends, so batches of concurrent ingests resolve and write one at a time. Its seq counts the batches written,
// so a writer sees whether anyone else wrote since its own last batch.
MERGE (l:WriteLock {id: 'graph'})
SET l.seq = coalesce(l.seq, 0) + 1
RETURN l.seq AS seq
