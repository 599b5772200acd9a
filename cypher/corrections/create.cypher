// Records a correction; its number follows the last one's.
OPTIONAL MATCH (c:Correction)
WITH coalesce(max(c.seq), 0) + 1 AS seq
CREATE (x:Correction {id: 'fix-' + toString(seq), seq: seq})
SET x += $properties, x.undone = false
RETURN x.id AS id, x.seq AS seq
