// What kg watch keeps in Neo4j, so a restart goes on where it stopped: each feed's validators for conditional
// requests and the items already ingested.
import { z } from 'zod';
import type { Connection } from './connection.js';
import { readCypher } from './cypher-files.js';
import { readRows } from './run-query.js';
import { runInOneTransaction } from './write-graph.js';

const CYPHER = {
  feedState: readCypher('watch/feed-state.cypher'),
  saveFeed: readCypher('watch/save-feed.cypher'),
  seenItems: readCypher('watch/seen-items.cypher'),
  markItems: readCypher('watch/mark-items.cypher'),
};

const FeedStateRow = z.object({ etag: z.string().nullable(), lastModified: z.string().nullable() });

export interface FeedState {
  etag: string | undefined;
  lastModified: string | undefined;
}

export async function loadFeedState(connection: Connection, url: string): Promise<FeedState> {
  const [row] = await readRows(connection, CYPHER.feedState, { url });
  const state = row ? FeedStateRow.parse(row) : { etag: null, lastModified: null };
  return { etag: state.etag ?? undefined, lastModified: state.lastModified ?? undefined };
}

export async function saveFeedPoll(connection: Connection, poll: { url: string; title: string | undefined; notModified: boolean; etag: string | undefined; lastModified: string | undefined }): Promise<void> {
  const params = { url: poll.url, title: poll.title ?? null, notModified: poll.notModified, etag: poll.etag ?? null, lastModified: poll.lastModified ?? null };
  await runInOneTransaction(connection, [{ kind: 'watch', query: CYPHER.saveFeed, params, rows: 1 }]);
}

export async function seenItemKeys(connection: Connection, keys: string[]): Promise<Set<string>> {
  const rows = await readRows(connection, CYPHER.seenItems, { keys });
  return new Set(rows.map((r) => String(r.key)));
}

export async function markItemsSeen(connection: Connection, items: Array<{ key: string; feed: string; url: string }>): Promise<void> {
  if (items.length > 0) await runInOneTransaction(connection, [{ kind: 'watch', query: CYPHER.markItems, params: { items }, rows: items.length }]);
}
