// Saves a case under its name: a new one, or (when $overwrite) the one of that name.
MERGE (c:Case {name: $name})
ON CREATE SET c.createdAt = $at, c.fresh = true
WITH c, coalesce(c.fresh, false) AS fresh
REMOVE c.fresh
WITH c, fresh WHERE fresh OR $overwrite
SET c.view = $view, c.updatedAt = $at, c.by = $by
RETURN c.name AS name, fresh
