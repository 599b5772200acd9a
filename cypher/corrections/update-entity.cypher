// Changes an entity's properties (name, aliases, rank, attack anchors); the alias search text follows the aliases.
MATCH (e:Entity {id: $id})
SET e += $properties
SET e.aliasText = reduce(s = '', a IN coalesce(e.aliases, []) | s + ' | ' + a)
RETURN count(e) AS total
