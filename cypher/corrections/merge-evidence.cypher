// Evidence a correction moves onto a relationship (a merge, a split, an undo), where a sentence may already be
// there: MERGE by its key (relationship, document, offset) keeps it once, and each relationship touched recounts
// its evidence nodes. Rows are lists as the ingest sends them: [source, type, target, doc, start, end, page, text].
UNWIND $evidence AS e
MERGE (v:Evidence {source: e[0], type: e[1], target: e[2], doc: e[3], start: e[4]})
ON CREATE SET v.end = e[5], v.page = e[6], v.text = e[7]
WITH DISTINCT e[0] AS source, e[1] AS type, e[2] AS target
MATCH (:Entity {id: source})-[r]->(:Entity {id: target})
WHERE type(r) = type
SET r.count = COUNT { (v:Evidence {source: source, type: type, target: target}) }
RETURN count(*) AS total
