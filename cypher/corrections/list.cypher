// The corrections, oldest first; undone ones only when $all.
MATCH (c:Correction)
WHERE $all OR NOT c.undone
RETURN c.id AS id, c.seq AS seq, c.kind AS kind, c.summary AS summary, c.effect AS effect, c.entities AS entities,
       c.reason AS reason, c.by AS by, c.at AS at, c.undone AS undone, c.undoneAt AS undoneAt, c.undoneBy AS undoneBy,
       c.undoReason AS undoReason
ORDER BY c.seq
