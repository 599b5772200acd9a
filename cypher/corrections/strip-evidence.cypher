// Takes evidence (by key) off relationships, for undoing a merge; a relationship the merge created and that
// is left with no evidence goes.
UNWIND $rows AS row
MATCH (:Entity {id: row.source})-[r]->(:Entity {id: row.target})
WHERE type(r) = row.type
WITH r, row, [i IN range(0, size(coalesce(r.evidenceKeys, [])) - 1) WHERE NOT r.evidenceKeys[i] IN row.keys] AS kept
SET r.evidencePages = [i IN kept | coalesce(r.evidencePages[i], 0)],
    r.evidenceKeys = [i IN kept | r.evidenceKeys[i]], r.evidence = [i IN kept | r.evidence[i]],
    r.evidenceDocs = [i IN kept | r.evidenceDocs[i]], r.evidenceStarts = [i IN kept | r.evidenceStarts[i]],
    r.evidenceEnds = [i IN kept | r.evidenceEnds[i]], r.count = size(kept),
    r.docs = reduce(acc = [], i IN kept | CASE WHEN r.evidenceDocs[i] IN acc THEN acc ELSE acc + r.evidenceDocs[i] END)
WITH r, row WHERE size(r.evidenceKeys) = 0 AND NOT row.existed
DELETE r
RETURN count(*) AS total
