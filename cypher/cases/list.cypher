// Every case, by name.
MATCH (c:Case)
RETURN c.name AS name, c.view AS view, c.by AS by, c.createdAt AS createdAt, c.updatedAt AS updatedAt
ORDER BY toLower(c.name)
