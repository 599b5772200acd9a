// Autocomplete over names and aliases (full-text index entity_names).
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
RETURN node.id AS id, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases
ORDER BY score DESC
LIMIT toInteger($limit)
