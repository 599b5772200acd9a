// Evidence a correction moves onto a relationship (a merge, a split, an undo), where a sentence may already be
// there: MERGE by its key (relationship, document, offset) keeps it once, and each relationship touched recounts
// its evidence nodes.
UNWIND $evidence AS e
MERGE (v:Evidence {source: e.source, type: e.type, target: e.target, doc: e.doc, start: e.start})
ON CREATE SET v = e
WITH DISTINCT e.source AS source, e.type AS type, e.target AS target
MATCH (:Entity {id: source})-[r]->(:Entity {id: target})
WHERE type(r) = type
SET r.count = COUNT { (v:Evidence {source: source, type: type, target: target}) }
RETURN count(*) AS total
