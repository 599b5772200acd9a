// How many relationships to other entities each of the given entities has in the store: the page compares it
// with what it shows to say how much is not shown yet.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, COUNT { (e)--(:Entity) } AS relationships
