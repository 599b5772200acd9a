// Turns the paths and URLs a user names into article sources, refusing what is not an article with a reason.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { InputError } from '../model/errors.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export type SourceFormat = 'text' | 'html';

export interface ArticleSource {
  /** The file path or URL, as the user would recognise it. */
  source: string;
  format: SourceFormat;
  content: string;
  /** A paged document's text, page by page (content is their join), so offsets can be given a page. */
  pages?: string[] | undefined;
  /** What is known from outside the text (the feed that listed it, a PDF's info); the page's own metadata wins. */
  meta?: SourceMeta | undefined;
}

export interface SourceMeta {
  title: string | undefined;
  author: string | undefined;
  published: string | undefined;
  /** When the file was made (a PDF's creation date): the publication date only if nothing else gives one. */
  created: string | undefined;
  outlet: string | undefined;
  /** The article's own URL when its text came from elsewhere (a feed's full content). */
  url: string | undefined;
}

export type InputResult = { ok: true; article: ArticleSource } | { ok: false; error: InputError };

const formatOf = (name: string): SourceFormat => (/\.html?$/i.test(name) ? 'html' : 'text');

/** Lists the article files under the given paths; folders are walked, hidden entries skipped. */
export function expandPaths(paths: string[]): { files: string[]; errors: InputError[] } {
  const files: string[] = [];
  const errors: InputError[] = [];
  // The order localeCompare gives, from one collator: a folder may hold a million files.
  const order = new Intl.Collator().compare;
  const walk = (dir: string, into: string[]): void => {
    const entries = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.'))
      .sort((a, b) => order(a.name, b.name));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, into);
      // A FIFO, socket or device named .txt is listed too, and refused by name when read.
      else if ((ARTICLE_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) into.push(full);
    }
  };
  for (const path of paths) {
    if (/^https?:\/\//i.test(path)) {
      files.push(path);
      continue;
    }
    let stats;
    try {
      stats = statSync(path);
    } catch {
      errors.push(new InputError(path, 'no such file or folder', 'Check the path.'));
      continue;
    }
    if (stats.isDirectory()) {
      const before = files.length;
      // Into the list itself: spreading a million names into push() overflows the stack.
      walk(path, files);
      if (files.length === before) errors.push(new InputError(path, `the folder holds no articles (${ARTICLE_EXTENSIONS.join(', ')})`, 'Name a folder with article files, or the files themselves.'));
    } else {
      files.push(path);
    }
  }
  return { files: [...new Set(files.map((f) => (/^https?:/i.test(f) ? f : resolve(f))))], errors };
}

function tooLarge(source: string, size: number, maxBytes: number): InputResult {
  return {
    ok: false,
    error: new InputError(source, `the file is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit for one article`, 'Split it into articles, or raise --max-mb if it really is one.'),
  };
}

/** UTF-16 text with its byte-order mark, as Windows tools save it; undefined for anything else. */
function decodeUtf16(bytes: Uint8Array): string | undefined {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    return undefined;
  }
}

/** Checks raw bytes are a text article: not empty, not binary, valid UTF-8 or UTF-16 with a BOM, not too large. */
export function decodeArticle(source: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): InputResult {
  if (bytes.length === 0) return { ok: false, error: new InputError(source, 'the file is empty', 'Remove it or fill it with the article text.') };
  if (bytes.length > maxBytes) return tooLarge(source, bytes.length, maxBytes);
  const utf16 = decodeUtf16(bytes);
  if (utf16 !== undefined) return textArticle(source, utf16);
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return { ok: false, error: new InputError(source, 'this is a binary file, not text', 'Give kg .txt, .md or .html articles.') };
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  if (control / sample.length > 0.1) return { ok: false, error: new InputError(source, 'this looks like a binary file, not text', 'Give kg .txt, .md or .html articles.') };
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: new InputError(source, 'the file is not valid UTF-8', 'Convert it, for example: iconv -f latin1 -t utf-8 FILE > FILE.txt') };
  }
  return textArticle(source, content);
}

function textArticle(source: string, content: string): InputResult {
  if (content.trim().length === 0) return { ok: false, error: new InputError(source, 'the file holds only white space', 'Remove it or fill it with the article text.') };
  return { ok: true, article: { source, format: formatOf(source), content: content.replace(/^\uFEFF/, '') } };
}

/** Why a path that is not a regular file cannot be an article. */
function notAFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isFIFO()) return 'this is a named pipe (FIFO), not a file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'this is a device, not a file';
  if (stats.isSocket()) return 'this is a socket, not a file';
  return 'this is not a regular file';
}

export function readArticleFile(path: string, maxBytes = DEFAULT_MAX_BYTES): InputResult {
  let fd: number;
  try {
    // Non-blocking, so a FIFO with no writer cannot hang the run; what it is, is checked on the open file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? new InputError(path, 'no such file', 'Check the path.') : new InputError(path, `cannot open: ${(error as Error).message}`, 'Check the permissions.') };
  }
  try {
    const stats = fstatSync(fd);
    const odd = notAFile(stats);
    if (odd) return { ok: false, error: new InputError(path, odd, 'Give kg .txt, .md or .html files.') };
    // Refuse before reading a huge file into memory.
    if (stats.size > maxBytes) return tooLarge(path, stats.size, maxBytes);
    return decodeArticle(path, readFileSync(fd), maxBytes);
  } catch (error) {
    return { ok: false, error: new InputError(path, `cannot read: ${(error as Error).message}`, 'Check the permissions.') };
  } finally {
    closeSync(fd);
  }
}
