// name: most-connected
// description: The actors with the most relationships to other entities.
// params: (none)
MATCH (e:Entity)
WHERE e:Person OR e:Group OR e:Country OR e:Organization
RETURN e.name AS name, e.type AS type, COUNT { (e)--(:Entity) } AS degree
ORDER BY degree DESC, name
LIMIT 20
