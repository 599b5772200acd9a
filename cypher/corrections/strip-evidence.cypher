// Takes evidence nodes (by document and offset, "doc:start") off relationships, for undoing a merge; a
// relationship the merge created and that is left with no evidence goes.
UNWIND $rows AS row
MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target})
WHERE type(r) = row.type
CALL (row) {
  MATCH (v:Evidence {source: row.source, type: row.type, target: row.target}) WHERE v.doc + ':' + v.start IN row.keys
  DELETE v
}
WITH s, r, t, row, COUNT { (v:Evidence {source: s.id, type: type(r), target: t.id}) } AS left
SET r.count = left
WITH r, row, left WHERE left = 0 AND NOT row.existed
DELETE r
RETURN count(*) AS total
