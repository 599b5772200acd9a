// Of the given entity and claim elements, those a document published by then ($docs) mentions or reports.
MATCH (d:Document)-[:MENTIONS|REPORTS]->(x)
WHERE elementId(x) IN $elements AND d.id IN $docs
RETURN DISTINCT elementId(x) AS element
