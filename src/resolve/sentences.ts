// Gives each attribute report the sentence it stands in, so a table of figures can show each source's own
// words; the extractor keeps only the phrase ("133 dead") and its offsets for casualty figures.
import type { AttributeReport } from '../model/extraction.js';
import { splitSentences } from '../nlp/index.js';

export function withSentences(attributes: AttributeReport[], text: string): AttributeReport[] {
  const phrases = attributes.filter((a) => a.start !== undefined && a.end !== undefined);
  if (phrases.length === 0) return attributes;
  // Split only the paragraphs that hold a phrase: sentences never cross a line break.
  const sentenceAt = (start: number, end: number): string | undefined => {
    const from = text.lastIndexOf('\n', start - 1) + 1;
    const to = text.indexOf('\n', end);
    const paragraph = text.slice(from, to === -1 ? text.length : to);
    return splitSentences(paragraph).find((s) => s.start + from <= start && s.end + from >= end)?.text;
  };
  return attributes.map((a) => {
    if (!phrases.includes(a)) return a;
    const sentence = sentenceAt(a.start!, a.end!);
    return sentence && sentence !== a.text ? { ...a, sentence } : a;
  });
}
