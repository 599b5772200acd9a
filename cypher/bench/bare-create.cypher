// The floor under any relationship write that stores something: a bare CREATE of each row's relationship, with
// no properties and no evidence, its endpoints found by element id as relations.cypher finds them.
UNWIND $relations AS row
MATCH (s) WHERE elementId(s) = $nodes[row.s]
MATCH (t) WHERE elementId(t) = $nodes[row.t]
CREATE (s)-[:REL_TYPE]->(t)
RETURN count(*) AS total
