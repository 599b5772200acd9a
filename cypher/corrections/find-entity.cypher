// The entities a correction names: by id, or by name or alias (case-insensitive); an id, then a name, comes first.
MATCH (e:Entity)
WHERE e.id = $ref OR toLower(e.name) = toLower($ref) OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = toLower($ref))
RETURN e.id AS id, e.name AS name, e.type AS type, e.id = $ref AS exact, toLower(e.name) = toLower($ref) AS named
ORDER BY exact DESC, named DESC, id
LIMIT 20
