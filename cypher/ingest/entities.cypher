// One node per entity (:Entity and its type label from the ontology's closed list). Aliases accumulate;
// an attack takes a better name (lower nameRank) when a later article gives one, keeping the old as alias.
// Returns each entity's element id, by which the batch's relations statements find their endpoints.
UNWIND $entities AS e
MERGE (n:Entity {id: e.id})
ON CREATE SET n.name = e.name, n.type = e.type, n.aliases = [], n.nameRank = toInteger(e.nameRank)
SET n:$(e.type)
WITH n, e, (e.nameRank IS NOT NULL AND n.nameRank IS NOT NULL AND e.nameRank < n.nameRank) AS renamed
WITH n, e, renamed, CASE WHEN renamed THEN e.name ELSE n.name END AS name
WITH n, e, name, renamed,
     reduce(acc = [], a IN n.aliases + e.aliases + CASE WHEN renamed THEN [n.name] ELSE [] END |
            CASE WHEN a IN acc OR a = name THEN acc ELSE acc + a END) AS aliases
SET n.name = name,
    n.nameRank = CASE WHEN renamed THEN toInteger(e.nameRank) ELSE n.nameRank END,
    n.aliases = aliases,
    n.aliasText = reduce(s = '', a IN aliases | s + ' | ' + a)
FOREACH (a IN CASE WHEN e.attack IS NULL THEN [] ELSE [e.attack] END |
  SET n.attackKind = a.kind, n.year = toInteger(a.year), n.explicitYear = a.explicitYear, n.date = a.date,
      n.places = a.places, n.sites = a.sites, n.countries = a.countries, n.persons = a.persons, n.names = a.names)
RETURN count(*) AS total, collect([e.id, elementId(n)]) AS nodes
