// Entities whose name or an alias is $name (case-insensitive).
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($name) OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = toLower($name))
RETURN e.id AS id, e.name AS name, e.type AS type
LIMIT 20
