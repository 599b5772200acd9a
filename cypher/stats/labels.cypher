// Node counts by label (the ingesters' write lock is bookkeeping, not graph).
MATCH (n) WHERE NOT n:WriteLock
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY count DESC, label
