// name: neighbourhood
// description: An entity and everything within N hops of it (entity relationships only).
// params: name = an entity's name or alias; hops = 1 to 3
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name) OR any(x IN e.aliases WHERE toLower(x) = toLower($name))
MATCH p = (e)-[*1..3]-(:Entity)
WHERE length(p) <= toInteger($hops) AND all(n IN nodes(p) WHERE n:Entity)
RETURN p
LIMIT 500
