// name: evidence
// description: The sentences and articles behind one relationship.
// params: source = an entity's name or alias; type = a relation type such as CLAIMED; target = another entity
MATCH (s:Entity) WHERE toLower(s.name) = toLower($source) OR any(x IN s.aliases WHERE toLower(x) = toLower($source))
MATCH (t:Entity) WHERE toLower(t.name) = toLower($target) OR any(x IN t.aliases WHERE toLower(x) = toLower($target))
MATCH (s)-[r]->(t)
WHERE type(r) = toUpper($type)
MATCH (v:Evidence {source: s.id, type: type(r), target: t.id})
MATCH (d:Document {id: v.doc})
RETURN v.text AS sentence, d.title AS article, d.source AS source
ORDER BY source
