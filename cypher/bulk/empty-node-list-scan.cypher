// After `kg import`: every node of a label (and, for entities, of one type) lacking a list property had it empty,
// as no row of that scope left it out; a scan sets them all without a lookup per node. $type: null for documents.
MATCH (n:NODE_LABEL)
WHERE n.LIST_PROPERTY IS NULL AND ($type IS NULL OR n.type = $type)
CALL (n) {
  SET n.LIST_PROPERTY = []
} IN TRANSACTIONS OF 10000 ROWS
