// After `kg import`: lists the ingest stores empty, which the importer's CSV cannot hold (an empty field is no
// property). NODE_LABEL and LIST_PROPERTY are placeholders kg replaces from its own closed lists.
UNWIND $ids AS id
MATCH (n:NODE_LABEL {id: id})
SET n.LIST_PROPERTY = []
