// Stored attacks with what identifies them, so a later run recognises the same attack in other words.
MATCH (a:Attack)
RETURN a.id AS id, a.name AS name, coalesce(a.nameRank, 99) AS nameRank, coalesce(a.attackKind, 'attack') AS kind,
       a.year AS year, coalesce(a.explicitYear, false) AS explicitYear, a.date AS date,
       coalesce(a.places, []) AS places, coalesce(a.sites, []) AS sites, coalesce(a.countries, []) AS countries,
       coalesce(a.persons, []) AS persons, coalesce(a.names, []) AS names
