// Dragging the stage of a view too large to name every entity (but drawn in full detail at rest): while the
// drag lasts the entities are points, edges and labels are not drawn, their layers are hidden and sigma looks
// for nothing under the pointer; once it ends the view is as it was, hover included. A click is no drag.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../src/bench/synthetic-graph.js';
import { startViewer } from '../../src/cli/serve-command.js';
import { openViewerPage } from '../helpers/viewer-page.js';

interface PageKg {
  kg: {
    graph: { nodes(): string[]; degree(node: string): number; areNeighbors(a: string, b: string): boolean };
    renderer: {
      getNodeDisplayData(node: string): { type: string; color: string; x: number; y: number; size: number } | undefined;
      framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
      scaleSize(size: number): number;
      getCanvases(): Record<string, { style: { visibility: string } }>;
      getMouseCaptor(): { listenerCount(event: string): number };
      getCamera(): { getState(): { x: number; y: number } };
    };
  };
}

/** What a frame of the page draws: the entities' program, which layers show, and whether hovering is listened to. */
const drawing = (page: Page, node: string) =>
  page.evaluate((id) => {
    const { renderer } = (globalThis as unknown as PageKg).kg;
    const canvases = renderer.getCanvases();
    return {
      type: renderer.getNodeDisplayData(id)?.type,
      hiddenLayers: Object.keys(canvases)
        .filter((layer) => canvases[layer]!.style.visibility === 'hidden')
        .sort(),
      hoverListeners: renderer.getMouseCaptor().listenerCount('mousemove'),
      camera: renderer.getCamera().getState(),
    };
  }, node);

const dir = mkdtempSync(join(tmpdir(), 'kg-drag-'));
let viewer: { url: string; stop: () => Promise<void> };
let browser: Browser;
let page: Page;
let errors: string[];
let centre: { x: number; y: number };
// The busiest entity: the largest disc, easy to point at.
let hub = '';

beforeAll(async () => {
  const file = join(dir, 'graph.json');
  // Past the 60 entities a view names in full, short of the size drawn as points at rest.
  writeFileSync(file, JSON.stringify(syntheticGraph(400, 600)));
  viewer = await startViewer({ quiet: true }, { port: 0, host: '127.0.0.1', graph: file });
  ({ browser, page, errors } = await openViewerPage(viewer.url));
  await page.waitForSelector('#graph[data-layout=done]', { timeout: 60_000 });
  const box = (await page.locator('#graph').boundingBox())!;
  centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  hub = await page.evaluate(() => {
    const { graph } = (globalThis as unknown as PageKg).kg;
    return graph.nodes().reduce((a, b) => (graph.degree(b) > graph.degree(a) ? b : a));
  });
});

afterAll(async () => {
  await browser?.close();
  await viewer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dragging the stage', () => {
  it('draws only points while the drag lasts, and the view as it was once it ends', async () => {
    const rest = await drawing(page, hub);
    expect(rest.type).toBe('circle');
    expect(rest.hiddenLayers).toEqual([]);
    expect(rest.hoverListeners).toBeGreaterThan(0);

    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(centre.x - 12 * step, centre.y - 5 * step);
    const mid = await drawing(page, hub);
    await page.mouse.up();
    expect(mid.type).toBe('point');
    expect(mid.hiddenLayers).toEqual(['edgeLabels', 'edges', 'hoverNodes', 'hovers', 'labels']);
    expect(mid.hoverListeners).toBe(0);
    expect(Math.hypot(mid.camera.x - rest.camera.x, mid.camera.y - rest.camera.y)).toBeGreaterThan(0.01);

    await expect.poll(async () => (await drawing(page, hub)).type).toBe('circle');
    const after = await drawing(page, hub);
    expect(after.hiddenLayers).toEqual([]);
    expect(after.hoverListeners).toBe(rest.hoverListeners);
    expect(errors).toEqual([]);
  });

  it('hovers again after a drag: the entity under the pointer is highlighted', async () => {
    // Wait for the drag's inertia to settle, so the entity stays where it is measured.
    await page.waitForTimeout(500);
    const at = await page.evaluate((id) => {
      const { renderer } = (globalThis as unknown as PageKg).kg;
      const data = renderer.getNodeDisplayData(id)!;
      return renderer.framedGraphToViewport(data);
    }, hub);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.move(box.x + at.x + 1, box.y + at.y + 1);
    await page.mouse.move(box.x + at.x, box.y + at.y);
    // A hovered entity greys out those it is not linked to.
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const { graph, renderer } = (globalThis as unknown as PageKg).kg;
          return graph.nodes().filter((n) => n !== id && !graph.areNeighbors(n, id) && renderer.getNodeDisplayData(n)?.color === '#d5d9e0').length;
        }, hub),
      )
      .toBeGreaterThan(0);
  });

  it('leaves a click alone: pressing without moving restyles nothing', async () => {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    const pressed = await drawing(page, hub);
    await page.mouse.up();
    expect(pressed.type).toBe('circle');
    expect(pressed.hiddenLayers).toEqual([]);
  });
});
