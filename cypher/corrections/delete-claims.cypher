// Deletes claims by id.
MATCH (c:Claim) WHERE c.id IN $ids
DETACH DELETE c
RETURN count(*) AS total
