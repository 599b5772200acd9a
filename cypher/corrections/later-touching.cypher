// Active corrections made after correction $seq that touch any of $entities: they must be undone first.
MATCH (c:Correction)
WHERE c.seq > $seq AND NOT c.undone AND any(e IN c.entities WHERE e IN $entities)
RETURN c.id AS id
ORDER BY c.seq DESC
