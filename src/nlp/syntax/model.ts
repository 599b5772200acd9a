// The shipped syntax model file: one line of JSON header (format, version, label sets, table sizes, checksum),
// then the three weight tables, sparse and gzipped. Loading checks all of it, so a truncated or edited file fails
// with the file's name and the command that rebuilds it instead of parsing nonsense.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { ConfigError } from '../../model/errors.js';
import { DATA_DIR } from '../../model/ontology.js';
import { Scorer } from './perceptron.js';

export const MODEL_FILE = new URL('models/syntax-en-ewt.bin', DATA_DIR);
export const REBUILD = 'npm run train:syntax';

const Table = z.object({
  bucketBits: z.number().int().min(8).max(24),
  classes: z.number().int().min(1).max(256),
  entries: z.number().int().min(0),
});

const Header = z
  .object({
    format: z.literal('kg-syntax'),
    version: z.literal(1),
    source: z.string().min(1),
    license: z.string().min(1),
    upos: z.array(z.string().min(1)).min(1),
    deprels: z.array(z.string().min(1)).min(1),
    /** UPOS tags whose words the labeller reads as markers of their head (adpositions, subordinators). */
    functionTags: z.array(z.string().min(1)),
    tagger: Table,
    parser: Table,
    labeller: Table,
    bodyBytes: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .refine((h) => h.tagger.classes === h.upos.length && h.labeller.classes === h.deprels.length && h.parser.classes === 3, {
    message: 'table classes must match the tag, relation and move counts',
  });
export type SyntaxHeader = z.infer<typeof Header>;

export interface SyntaxModel {
  header: SyntaxHeader;
  tagger: Scorer;
  parser: Scorer;
  labeller: Scorer;
}

export class SyntaxModelError extends ConfigError {
  override name = 'SyntaxModelError';
  constructor(file: string, problem: string, options?: { cause?: unknown }) {
    super(`Syntax model ${file}: ${problem}`, `Restore it from the repository (git checkout -- data/models) or rebuild it with \`${REBUILD}\`.`, options);
  }
}

function writeVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  out.push(value);
}

function encodeTable(weights: Int16Array, out: number[]): number {
  let previous = -1;
  let entries = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    writeVarint(out, i - previous - 1);
    writeVarint(out, w < 0 ? -2 * w - 1 : 2 * w);
    previous = i;
    entries++;
  }
  return entries;
}

/** Serialises the model; the same weights always give the same bytes. */
export function encodeModel(meta: Omit<SyntaxHeader, 'tagger' | 'parser' | 'labeller' | 'bodyBytes' | 'sha256'>, tables: { tagger: Scorer; parser: Scorer; labeller: Scorer }): Buffer {
  const raw: number[] = [];
  const dims = (scorer: Scorer) => ({ bucketBits: scorer.bucketBits, classes: scorer.classes, entries: encodeTable(scorer.weights, raw) });
  const tagger = dims(tables.tagger);
  const parser = dims(tables.parser);
  const labeller = dims(tables.labeller);
  const body = gzipSync(Uint8Array.from(raw), { level: 9 });
  const header: SyntaxHeader = { ...meta, tagger, parser, labeller, bodyBytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };
  return Buffer.concat([Buffer.from(`${JSON.stringify(Header.parse(header))}\n`), body]);
}

export function decodeModel(bytes: Buffer, file: string): SyntaxModel {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new SyntaxModelError(file, 'no header line; this is not a kg syntax model');
  let json: unknown;
  try {
    json = JSON.parse(bytes.subarray(0, newline).toString('utf8'));
  } catch (error) {
    throw new SyntaxModelError(file, `header is not JSON (${(error as Error).message})`);
  }
  const parsed = Header.safeParse(json);
  if (!parsed.success) throw new SyntaxModelError(file, `invalid header:\n${z.prettifyError(parsed.error)}`);
  const header = parsed.data;
  const body = bytes.subarray(newline + 1);
  if (body.length !== header.bodyBytes) throw new SyntaxModelError(file, `body is ${body.length} bytes, the header says ${header.bodyBytes} (truncated?)`);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw new SyntaxModelError(file, 'checksum mismatch: the weights were altered or damaged');
  const raw = gunzipSync(body);
  let at = 0;
  const readVarint = (): number => {
    let value = 0;
    let factor = 1;
    for (;;) {
      if (at >= raw.length) throw new SyntaxModelError(file, 'weights end early');
      const byte = raw[at++]!;
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
    }
  };
  const table = (dims: z.infer<typeof Table>): Scorer => {
    const weights = new Int16Array((1 << dims.bucketBits) * dims.classes);
    let index = -1;
    for (let e = 0; e < dims.entries; e++) {
      index += readVarint() + 1;
      const zigzag = readVarint();
      if (index >= weights.length) throw new SyntaxModelError(file, 'a weight lies outside its table');
      weights[index] = zigzag % 2 === 1 ? -(zigzag + 1) / 2 : zigzag / 2;
    }
    return new Scorer(dims.bucketBits, dims.classes, weights);
  };
  const model = { header, tagger: table(header.tagger), parser: table(header.parser), labeller: table(header.labeller) };
  if (at !== raw.length) throw new SyntaxModelError(file, 'extra bytes after the weights');
  return model;
}

export function readModel(file: URL | string = MODEL_FILE): SyntaxModel {
  const path = typeof file === 'string' ? file : file.pathname;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new SyntaxModelError(path, `cannot be read (${(error as Error).message})`, { cause: error });
  }
  return decodeModel(bytes, path);
}
