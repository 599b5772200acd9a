// The viewer's picture read as drawn: every text sigma puts on its label canvases is caught as the canvas
// draws it (fillText, with its measured box), so the tests see what a reader sees. On the seeds' graph plus a
// PDF: every name of a small view drawn once and clear of the others, relation names only whole, and the
// evidence of a PDF's sentence naming its page.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../helpers/office-files.js';
import { closeViewerSession, openViewerSession, type ViewerSession } from '../helpers/viewer-page.js';

const seeds = fileURLToPath(new URL('../../seeds/', import.meta.url));
const pdfDir = mkdtempSync(join(tmpdir(), 'kg-readable-'));

interface Drawn {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface PageKg {
  kg: {
    graph: { getNodeAttribute(node: string, name: string): unknown; getEdgeAttribute(edge: string, name: string): unknown; edges(): string[] };
    shown(): { nodes: Set<string>; edges: Set<string> };
    edgeLabels(): string[];
    selectEdge(edge: string): void;
    renderer: { refresh(): void; getCamera(): { setState(state: { ratio: number }): void }; emit(event: 'enterEdge' | 'leaveEdge', payload: { edge: string }): void };
  };
  drawn: Record<string, Drawn[]>;
}

/** The part of a 2D canvas context the catcher uses (the tests compile without DOM types). */
interface Context2D {
  canvas: { className: string };
  measureText(text: string): { width: number; actualBoundingBoxAscent: number; actualBoundingBoxDescent: number };
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number };
  clearRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
}

// Runs in the page before its scripts: each 2D canvas keeps the texts drawn on it since it was last cleared,
// with their boxes in canvas pixels (measured by the canvas itself, transformed as drawn).
function catchTexts(): void {
  const store: Record<string, Drawn[]> = {};
  (globalThis as unknown as PageKg).drawn = store;
  const proto = (globalThis as unknown as { CanvasRenderingContext2D: { prototype: Context2D } }).CanvasRenderingContext2D.prototype;
  const clear = proto.clearRect;
  proto.clearRect = function (this: Context2D, ...args: Parameters<typeof clear>) {
    store[this.canvas.className] = [];
    return clear.apply(this, args);
  };
  const fill = proto.fillText;
  proto.fillText = function (this: Context2D, text: string, x: number, y: number, maxWidth?: number) {
    const m = this.measureText(text);
    const t = this.getTransform();
    const corners = [[x, y - m.actualBoundingBoxAscent], [x + m.width, y - m.actualBoundingBoxAscent], [x, y + m.actualBoundingBoxDescent], [x + m.width, y + m.actualBoundingBoxDescent]].map(([px, py]) => [t.a * px! + t.c * py! + t.e, t.b * px! + t.d * py! + t.f]);
    const xs = corners.map((c) => c[0]!);
    const ys = corners.map((c) => c[1]!);
    (store[this.canvas.className] ??= []).push({ text: String(text), left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) });
    return maxWidth === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, maxWidth);
  };
}

let session: ViewerSession | undefined;
let page: Page;

beforeAll(async () => {
  // Invented report: the claim sits on the third page.
  const pdf = await makePdf(
    [['Quarterly field report', 'Prepared for the regional desk.'], ['Background on the coastal districts.', 'Markets reopened after the floods.'], ['Al-Shabaab claimed responsibility for the bombing of a bus depot in Baidoa', 'that killed seven people on 4 May 2025.']],
    { title: 'Quarterly field report' },
  );
  writeFileSync(join(pdfDir, 'field-report.pdf'), pdf);
  session = await openViewerSession([seeds, pdfDir]);
  page = session.page;
  await page.addInitScript(catchTexts);
  await page.reload();
  await page.waitForSelector('#graph[data-ready=true]', { timeout: 30_000 });
  await page.waitForSelector('#graph[data-layout=done]', { timeout: 30_000 });
});

afterAll(() => closeViewerSession(session, [pdfDir]));

/** The texts of one of sigma's label canvases, after a fresh frame. */
async function drawnOn(layer: 'labels' | 'edgeLabels'): Promise<{ texts: Drawn[]; width: number; height: number }> {
  await page.evaluate(() => (globalThis as unknown as PageKg).kg.renderer.refresh());
  await page.waitForTimeout(200);
  return page.evaluate((name) => {
    const canvas = (globalThis as unknown as { document: { querySelector(selector: string): { width: number; height: number } } }).document.querySelector(`canvas.${name}`);
    return { texts: (globalThis as unknown as PageKg).drawn[name] ?? [], width: canvas.width, height: canvas.height };
  }, `sigma-${layer}`);
}

const overlap = (a: Drawn, b: Drawn) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('labels as drawn', () => {
  it('names every entity of a small view once, on the canvas, with no two names overlapping', async () => {
    const names = await page.evaluate(() => {
      const { kg } = globalThis as unknown as PageKg;
      return [...kg.shown().nodes].map((n) => String(kg.graph.getNodeAttribute(n, 'label')));
    });
    expect(names.length).toBeGreaterThan(15);
    expect(names.length).toBeLessThanOrEqual(60);
    const { texts, width, height } = await drawnOn('labels');
    expect(texts.map((t) => t.text).sort()).toEqual([...names].sort());
    for (const t of texts) {
      expect(t.left >= 0 && t.top >= 0 && t.right <= width && t.bottom <= height, `${t.text} off the canvas`).toBe(true);
    }
    const clashes = texts.flatMap((a, i) => texts.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.text} / ${b.text}`));
    expect(clashes).toEqual([]);
  });

  it('writes a relation name only whole, and on the relationship that has it', async () => {
    for (const ratio of [1, 0.3]) {
      await page.evaluate((r) => (globalThis as unknown as PageKg).kg.renderer.getCamera().setState({ ratio: r }), ratio);
      const { texts } = await drawnOn('edgeLabels');
      const types = await page.evaluate(() => {
        const { kg } = globalThis as unknown as PageKg;
        return [...new Set([...kg.shown().edges].map((e) => String(kg.graph.getEdgeAttribute(e, 'type'))))];
      });
      // Each text drawn is a whole relation name of the view: no "CLAI…", no letter-by-letter pieces.
      expect(texts.length, `ratio ${ratio}`).toBeGreaterThan(0);
      expect(texts.filter((t) => !types.includes(t.text)).map((t) => t.text)).toEqual([]);
      const labelled = await page.evaluate(() => {
        const { kg } = globalThis as unknown as PageKg;
        return kg.edgeLabels().map((e) => ({ edge: e, type: String(kg.graph.getEdgeAttribute(e, 'type')), shown: kg.shown().edges.has(e) }));
      });
      expect(labelled.length, `ratio ${ratio}`).toBeGreaterThan(0);
      expect(labelled.every((l) => l.shown)).toBe(true);
      expect(texts.map((t) => t.text).sort()).toEqual(labelled.map((l) => l.type).sort());
    }
    await page.click('#fit');
  });

  it('writes the whole name of a hovered relationship even where its edge has no room for it', async () => {
    await drawnOn('edgeLabels');
    const unnamed = await page.evaluate(() => {
      const { kg } = globalThis as unknown as PageKg;
      const named = new Set(kg.edgeLabels());
      return [...kg.shown().edges].find((e) => !named.has(e));
    });
    expect(unnamed).toBeDefined();
    await page.evaluate((edge) => (globalThis as unknown as PageKg).kg.renderer.emit('enterEdge', { edge }), unnamed!);
    const { texts } = await drawnOn('edgeLabels');
    const type = await page.evaluate((edge) => String((globalThis as unknown as PageKg).kg.graph.getEdgeAttribute(edge, 'type')), unnamed!);
    expect(await page.evaluate(() => (globalThis as unknown as PageKg).kg.edgeLabels())).toContain(unnamed);
    expect(texts.map((t) => t.text)).toContain(type);
    await page.evaluate((edge) => (globalThis as unknown as PageKg).kg.renderer.emit('leaveEdge', { edge }), unnamed!);
  });
});

describe('the evidence of a PDF', () => {
  it('names the page its sentence is on next to the article', async () => {
    const edge = await page.evaluate(() => {
      const { kg } = globalThis as unknown as PageKg;
      return kg.graph.edges().find((e) => ((kg.graph.getEdgeAttribute(e, 'evidencePages') as number[] | undefined) ?? []).includes(3));
    });
    expect(edge).toBeDefined();
    await page.evaluate((e) => (globalThis as unknown as PageKg).kg.selectEdge(e), edge!);
    const refs = await page.locator('#evidence .article').allTextContents();
    const fromPdf = refs.filter((r) => r.startsWith('Quarterly field report'));
    expect(fromPdf.length).toBeGreaterThan(0);
    expect(fromPdf.every((r) => r.endsWith(', p. 3')), fromPdf.join(' | ')).toBe(true);
    // Articles without pages name none.
    expect(refs.filter((r) => !r.startsWith('Quarterly field report')).every((r) => !/p\. \d+$/.test(r))).toBe(true);
  });
});
