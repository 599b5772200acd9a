// After `kg import`: every relationship of a type lacking a list property had it empty (no row of the type left
// it out), so a scan over the type sets them all without looking up each pair.
MATCH ()-[r:REL_TYPE]->()
WHERE r.LIST_PROPERTY IS NULL
CALL (r) {
  SET r.LIST_PROPERTY = []
} IN TRANSACTIONS OF 10000 ROWS
