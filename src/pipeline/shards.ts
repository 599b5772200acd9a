// Shard lines in and out: a document's article and extraction as one JSON line (model/shard.ts), and back,
// each line read on its own so one bad line costs only itself.
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Article } from '../ingest/index.js';
import type { DocumentExtraction, LocalEntity } from '../extract/index.js';
import { ConfigError, InputError } from '../model/errors.js';
import { SHARD_VERSION, ShardLine } from '../model/shard.js';

/** One JSON line; Maps and Sets become arrays, undefined fields are left out. */
export function shardLine(article: Article, extraction: DocumentExtraction): string {
  const entities = [...extraction.entities.values()].map((e) => ({ ...e, aliases: [...e.aliases] }));
  return `${JSON.stringify({ version: SHARD_VERSION, article, extraction: { documentId: extraction.documentId, entities, relations: extraction.relations } })}\n`;
}

function fromLine(line: ShardLine): { article: Article; extraction: DocumentExtraction } {
  const a = line.article;
  const article: Article = { id: a.id, source: a.source, path: a.path, title: a.title, published: a.published, url: a.url, author: a.author, outlet: a.outlet, pageStarts: a.pageStarts, text: a.text };
  const entities = new Map<string, LocalEntity>();
  for (const e of line.extraction.entities) {
    const { attack, nameRank, ...rest } = e;
    entities.set(e.ref, {
      ...rest,
      key: e.key,
      aliases: new Set(e.aliases),
      ...(attack ? { attack: { ...attack, year: attack.year, date: attack.date } } : {}),
      ...(nameRank !== undefined ? { nameRank } : {}),
    });
  }
  return { article, extraction: { documentId: line.extraction.documentId, entities, relations: line.extraction.relations } };
}

/** A shard file written as batches arrive, so a large input never sits in memory whole. */
export class ShardWriter {
  private constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(file: string): Promise<ShardWriter> {
    try {
      return new ShardWriter(file, await open(file, 'w'));
    } catch (error) {
      throw ShardWriter.unwritable(file, error);
    }
  }

  private static unwritable(file: string, error: unknown): ConfigError {
    return new ConfigError(`--shard ${file}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'Name a file in a folder that exists and that you may write to.');
  }

  async add(articles: Article[], extractions: DocumentExtraction[]): Promise<void> {
    if (articles.length === 0) return;
    try {
      await this.handle.write(articles.map((article, i) => shardLine(article, extractions[i]!)).join(''));
    } catch (error) {
      throw ShardWriter.unwritable(this.file, error);
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

export type ShardEntry = { ok: true; article: Article; extraction: DocumentExtraction } | { ok: false; error: InputError };

/** Every line of the files in turn; a line that is no JSON or not a shard line comes back as an error naming file:line. */
export async function* readShards(files: string[]): AsyncGenerator<ShardEntry> {
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const text of lines) {
        n++;
        if (text.trim() === '') continue;
        yield parseLine(`${file}:${n}`, text);
      }
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      yield { ok: false, error: new InputError(file, `cannot read the shard: ${reason}`, 'Give the files `kg extract --shard` wrote.') };
    }
  }
}

function parseLine(where: string, text: string): ShardEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: new InputError(where, 'not JSON', 'Each line of a shard is one JSON object, as `kg extract --shard` writes; this line was left out, the others were loaded.') };
  }
  const parsed = ShardLine.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const hint = (value as { version?: unknown } | null)?.version !== SHARD_VERSION ? `This kg reads shard version ${SHARD_VERSION}: run \`kg extract --shard\` again with it.` : 'Write shards with `kg extract --shard`; this line was left out, the others were loaded.';
    return { ok: false, error: new InputError(where, `not a shard line: ${issue.path.join('.') || '(line)'}: ${issue.message}`, hint) };
  }
  return { ok: true, ...fromLine(parsed.data) };
}
