// Up to three shortest paths between two entities (by id), through entity relationships only (never through
// the documents that mention both), each with its entities and its relationships' keys (source|type|target).
MATCH p = SHORTEST 3 (a:Entity {id: $from})(()--(:Entity)){1,10}(b:Entity {id: $to})
RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | startNode(r).id + '|' + type(r) + '|' + endNode(r).id] AS edges
