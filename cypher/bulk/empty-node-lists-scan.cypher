// After `kg import`: every node of a label (for entities, of one type, whose label it is) lacking one of these
// list properties had it empty, as no row of that scope left it out; one scan sets them all, without a lookup per
// node. NODE_LABEL, MISSING_LISTS (`n.p IS NULL OR …`) and EMPTY_LISTS (`n.p = coalesce(n.p, []), …`) are
// filled by kg from its closed lists. $type: null for documents.
MATCH (n:NODE_LABEL)
WHERE ($type IS NULL OR n.type = $type) AND (MISSING_LISTS)
CALL (n) {
  SET EMPTY_LISTS
} IN TRANSACTIONS OF 10000 ROWS
