// The documents generated relationships cite, so their evidence has a title and a source.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.source = row.source, d.published = row.published
