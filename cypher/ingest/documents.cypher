// One node per article; the id is the hash of its normalised text, so re-ingesting changes nothing.
UNWIND $documents AS d
MERGE (doc:Document {id: d.id})
ON CREATE SET doc.source = d.source, doc.title = d.title, doc.published = d.published, doc.chars = toInteger(d.chars),
              doc.url = d.url, doc.author = d.author, doc.outlet = d.outlet, doc.pageStarts = d.pageStarts,
              doc.duplicateOf = d.duplicateOf, doc.similarity = d.similarity, doc.ingestedAt = datetime()
RETURN count(*) AS total
