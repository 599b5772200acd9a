// Titles and sources of the documents the exported evidence cites.
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.title AS title, d.source AS source, d.published AS published
