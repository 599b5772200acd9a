// What kg watch remembers of one feed between polls and restarts: the validators for a conditional request.
MATCH (f:Feed {url: $url})
RETURN f.etag AS etag, f.lastModified AS lastModified
