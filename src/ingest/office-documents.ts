// Text from PDF (pdf.js) and DOCX (mammoth) files, page by page where the format has pages, so evidence can
// cite the page it stands on. A PDF without a text layer (a scan) is refused with what to do about it.
import { InputError } from '../model/errors.js';

export type OfficeFormat = 'pdf' | 'docx';

export interface OfficeText {
  /** One entry per page (a DOCX, which has no fixed pages, is one). */
  pages: string[];
  title: string | undefined;
  author: string | undefined;
  /** When the file was made: a publication date only if the text states none. */
  created: string | undefined;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The format of a document's bytes, by their signature rather than by a name or header that may lie. */
export function officeFormatOf(bytes: Uint8Array): OfficeFormat | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  // DOCX is a zip whose first entry is, in practice, [Content_Types].xml or word/...; other zips are not articles.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && /\[Content_Types\]\.xml|word\//.test(Buffer.from(bytes.subarray(0, 2048)).toString('latin1'))) return 'docx';
  return undefined;
}

/** A PDF date ("D:20240322183000+03'00'") as an ISO date. */
const pdfDate = (value: unknown): string | undefined => {
  const m = typeof value === 'string' ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
};

/** A page's lines back into paragraphs: a PDF breaks lines where the column ends, not where sentences do.
 * A line ends its paragraph when it ends a sentence or is much shorter than the page's lines (a heading). */
function unwrap(lines: string[]): string {
  const kept = lines.map((l) => l.trim()).filter((l) => l.length > 0);
  const longest = Math.max(0, ...kept.map((l) => l.length));
  return kept.reduce((text, line, i) => {
    if (i === 0) return line;
    const previous = kept[i - 1]!;
    const ends = /[.!?:;"')\]]$/.test(previous) || previous.length < longest * 0.6 || /^[•\-–*]\s/.test(line);
    return text + (ends ? '\n\n' : ' ') + line;
  }, '');
}

async function readPdf(source: string, bytes: Uint8Array): Promise<OfficeText> {
  let pdf;
  try {
    // A copy: pdf.js takes ownership of (and detaches) the buffer it is given.
    // Loaded on first use: pdf.js is large, and most runs read no PDF.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new InputError(source, `this PDF cannot be read: ${(error as Error).message}`, (error as Error).name === 'PasswordException' ? 'It is encrypted; save an unprotected copy.' : 'The file is damaged or not a PDF.');
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      pages.push(unwrap([...lines, line]));
      page.cleanup();
    }
    if (pages.every((p) => p.trim().length === 0)) {
      throw new InputError(source, `this PDF has no text layer (${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'} of images, as a scan is)`, 'Run OCR on it first, for example `ocrmypdf scan.pdf text.pdf`, then give kg the result.');
    }
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    const text = (key: string) => (typeof info[key] === 'string' && (info[key] as string).trim() ? (info[key] as string).trim() : undefined);
    return { pages, title: text('Title'), author: text('Author'), created: pdfDate(info.CreationDate) };
  } finally {
    await pdf.destroy();
  }
}

async function readDocx(source: string, bytes: Uint8Array): Promise<OfficeText> {
  let value: string;
  try {
    const { default: mammoth } = await import('mammoth');
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch (error) {
    throw new InputError(source, `this DOCX cannot be read: ${(error as Error).message}`, 'The file is damaged, or not a Word document; save it again as .docx.');
  }
  if (!value.trim()) throw new InputError(source, 'this DOCX holds no text', 'Check that it is the article and not, say, a scanned image pasted into Word.');
  return { pages: [value], title: undefined, author: undefined, created: undefined };
}

export function readOfficeDocument(source: string, format: OfficeFormat, bytes: Uint8Array): Promise<OfficeText> {
  return format === 'pdf' ? readPdf(source, bytes) : readDocx(source, bytes);
}
