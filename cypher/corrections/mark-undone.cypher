// Marks a correction undone; the record stays, so the history is complete.
MATCH (c:Correction {id: $id})
SET c.undone = true, c.undoneAt = $at, c.undoneBy = $by, c.undoReason = $reason
RETURN count(c) AS total
