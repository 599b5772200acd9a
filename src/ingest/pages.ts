// Page maps of paged documents (PDF): where each page starts in the normalised text, and which page an offset is on.
import { normalizeText } from './normalize-text.js';

/** Pages normalised one by one and joined, so each page's start is an offset into the document's text. */
export function joinPages(pages: string[]): { text: string; pageStarts: number[] } {
  const pageStarts: number[] = [];
  let text = '';
  for (const page of pages.map(normalizeText)) {
    if (page && text) text += '\n\n';
    pageStarts.push(text.length);
    text += page;
  }
  return { text, pageStarts };
}

/** The page (1-based) an offset falls on, for documents that have pages. */
export function pageAt(pageStarts: number[], offset: number): number {
  let page = 1;
  while (page < pageStarts.length && pageStarts[page]! <= offset) page++;
  return page;
}
