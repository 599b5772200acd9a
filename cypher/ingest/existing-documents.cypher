// Which of these documents are already stored (a document id is the hash of its text).
MATCH (d:Document) WHERE d.id IN $ids
RETURN d.id AS id
