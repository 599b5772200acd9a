// What the active corrections do, oldest first: the lookup every ingest applies.
MATCH (c:Correction)
WHERE NOT c.undone
RETURN c.effect AS effect
ORDER BY c.seq
