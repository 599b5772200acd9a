// The most connected entities (relationships to other entities).
MATCH (e:Entity)
RETURN e.name AS name, e.type AS type, COUNT { (e)--(:Entity) } AS degree
ORDER BY degree DESC, name
LIMIT toInteger($limit)
