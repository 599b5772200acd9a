// Marks feed items as ingested, so no later poll (or restart) reads them again.
UNWIND $items AS item
MERGE (i:FeedItem {key: item.key})
ON CREATE SET i.feed = item.feed, i.url = item.url, i.ingestedAt = datetime()
RETURN count(i) AS total
