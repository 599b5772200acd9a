// Full names of stored people, so a lone surname in a later article joins its person.
MATCH (p:Person) WHERE p.name CONTAINS ' '
RETURN p.name AS name
