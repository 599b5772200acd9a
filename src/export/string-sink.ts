// An export sink that collects the output in memory: for the viewer's API and the page's own exports.
import type { ExportSink } from './types.js';

export function stringSink(): { sink: ExportSink; text: () => string } {
  let text = '';
  const sink: ExportSink = { open: () => ({ write: async (chunk: string) => void (text += chunk), close: async () => {} }) };
  return { sink, text: () => text };
}
