// After `kg import`: every relationship of a type lacking one of these list properties had it empty (no row of
// the type left it out), so one scan over the type sets them all without looking up each pair. REL_TYPE,
// MISSING_LISTS (`r.p IS NULL OR …`) and EMPTY_LISTS (`r.p = coalesce(r.p, []), …`) are filled by kg from its
// closed lists.
MATCH ()-[r:REL_TYPE]->()
WHERE MISSING_LISTS
CALL (r) {
  SET EMPTY_LISTS
} IN TRANSACTIONS OF 10000 ROWS
