// name: shortest-path
// description: The shortest chain of relationships between two entities.
// params: from = an entity's name or alias; to = another's
MATCH (a:Entity) WHERE toLower(a.name) = toLower($from) OR any(x IN a.aliases WHERE toLower(x) = toLower($from))
MATCH (b:Entity) WHERE toLower(b.name) = toLower($to) OR any(x IN b.aliases WHERE toLower(x) = toLower($to))
MATCH p = shortestPath((a)-[*..8]-(b))
WHERE all(n IN nodes(p) WHERE n:Entity)
RETURN p
