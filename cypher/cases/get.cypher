// One case.
MATCH (c:Case {name: $name})
RETURN c.name AS name, c.view AS view, c.by AS by, c.createdAt AS createdAt, c.updatedAt AS updatedAt
