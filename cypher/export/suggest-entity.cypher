// Names close to $name, from the full-text index over names and aliases.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
RETURN node.name AS name, node.type AS type
LIMIT 5
