// Which of these feed items an earlier poll already ingested.
MATCH (i:FeedItem) WHERE i.key IN $keys
RETURN i.key AS key
