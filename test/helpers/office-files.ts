// Real PDF and DOCX files made at test time with pdf-lib and docx, so no binary fixture is committed.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/** A PDF with a text layer: each page's lines drawn in Helvetica. */
export async function makePdf(pages: string[][], info: { title?: string; author?: string; created?: Date } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 18, size: 11, font }));
  }
  if (info.title) pdf.setTitle(info.title);
  if (info.author) pdf.setAuthor(info.author);
  if (info.created) pdf.setCreationDate(info.created);
  return pdf.save();
}

/** What a scanner makes: pages of pictures (here, grey blocks standing for the scanned lines) and no text. */
export async function makeScannedPdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let n = 0; n < pageCount; n++) {
    const page = pdf.addPage([595, 842]);
    for (let line = 0; line < 30; line++) page.drawRectangle({ x: 50, y: 780 - line * 20, width: 400 + (line % 3) * 40, height: 9, color: rgb(0.3, 0.3, 0.3) });
  }
  return pdf.save();
}

export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
