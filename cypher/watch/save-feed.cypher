// Records a poll of a feed; the validators are kept only from an answer that carried them.
MERGE (f:Feed {url: $url})
ON CREATE SET f.firstPolled = datetime()
SET f.lastPolled = datetime(), f.title = coalesce($title, f.title),
    f.etag = CASE WHEN $notModified THEN f.etag ELSE $etag END,
    f.lastModified = CASE WHEN $notModified THEN f.lastModified ELSE $lastModified END
RETURN count(f) AS total
