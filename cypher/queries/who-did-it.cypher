// name: who-did-it
// description: Who claimed or carried out an attack, with the sentence that says so.
// params: attack = an attack's name or alias, e.g. "Crocus City Hall attack"
MATCH (a:Attack)
WHERE toLower(a.name) = toLower($attack) OR any(x IN a.aliases WHERE toLower(x) = toLower($attack))
MATCH (actor:Entity)-[r:CLAIMED|CARRIED_OUT]->(a)
RETURN actor.name AS actor, type(r) AS relation, a.name AS attack, r.confidence AS confidence,
       head(COLLECT { MATCH (v:Evidence {source: actor.id, type: type(r), target: a.id}) RETURN v.text ORDER BY v.doc, v.start }) AS evidence
ORDER BY actor, relation
