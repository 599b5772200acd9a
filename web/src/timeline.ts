// The timeline strip: attacks on their event dates (upper row), the documents that tell of them on their
// publication dates (lower row), never mixed; and the "as of" date the graph is shown at, drawn as a line.
// Clicking an attack selects it; clicking a document shows the graph as of its publication date; dragging
// across the strip brushes a range of days, which becomes the attack-date filter (shaded while it holds; a
// click on the shading clears it).
import type { Timeline as TimelineData } from './api.js';
import { dateValue } from './filters.js';

const SVG = 'http://www.w3.org/2000/svg';
// The drawing's width when the strip has none yet (hidden); otherwise it is drawn at its own width in pixels.
const WIDTH = 1000;
// A drag shorter than this is a click.
const BRUSH_PIXELS = 6;
const HEIGHT = 56;
const DOT_RADIUS = 5;
const PAD = 12;

function shape<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, title: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  const tooltip = document.createElementNS(SVG, 'title');
  tooltip.textContent = title;
  node.append(tooltip);
  return node;
}

export class Timeline {
  private readonly svg = document.getElementById('timeline-strip') as unknown as SVGSVGElement;
  private readonly input = document.getElementById('as-of') as HTMLInputElement;
  private data: TimelineData = { attacks: [], documents: [] };
  private range: { from?: string | undefined; to?: string | undefined } = {};
  private brushFrom: number | undefined;
  /** Time at a point of the drawing, once something is drawn. */
  private timeAt: ((x: number) => number) | undefined;

  constructor(
    private readonly onSelect: (attack: string) => void,
    private readonly onAsOf: (date: string | undefined) => void,
    private readonly onBrush: (days: { from: string | undefined; to: string | undefined }) => void,
  ) {
    this.input.addEventListener('change', () => this.onAsOf(this.input.value || undefined));
    this.svg.addEventListener('pointerdown', (event) => {
      this.brushFrom = event.clientX;
    });
    this.svg.addEventListener('pointerup', (event) => {
      const from = this.brushFrom;
      this.brushFrom = undefined;
      if (from === undefined || !this.timeAt || Math.abs(event.clientX - from) < BRUSH_PIXELS) return;
      // Pointer pixels to drawing units, by the drawing's own transform (the strip may be scaled and centred).
      const m = this.svg.getScreenCTM();
      const [scale, shift] = m && m.a > 0 ? [m.a, m.e] : [1, this.svg.getBoundingClientRect().left];
      // Each end reaches over a dot's radius, so a drag from one dot to another takes both in.
      const [a, b] = [from, event.clientX].sort((p, q) => p - q).map((x) => (x - shift) / scale);
      const day = (x: number) => new Date(this.timeAt!(x)).toISOString().slice(0, 10);
      this.onBrush({ from: day(a! - DOT_RADIUS), to: day(b! + DOT_RADIUS) });
    });
    document.getElementById('as-of-clear')!.addEventListener('click', () => this.onAsOf(undefined));
  }

  show(data: TimelineData): void {
    this.data = data;
    this.render();
  }

  /** The date the graph is shown at (undefined: everything known now). */
  setAsOf(date: string | undefined): void {
    this.input.value = date ?? '';
    document.getElementById('as-of-state')!.textContent = date ? `The graph as documents published by ${date} tell it.` : 'The graph as known now.';
    this.render();
  }

  /** The attack-date filter the view holds, shaded on the strip. */
  setRange(from: string | undefined, to: string | undefined): void {
    if (from === this.range.from && to === this.range.to) return;
    this.range = { from, to };
    this.render();
  }

  private render(): void {
    const width = this.svg.clientWidth || WIDTH;
    const times = [...this.data.attacks.map((a) => dateValue(a.date)), ...this.data.documents.map((d) => dateValue(d.published))].filter((t): t is number => t !== undefined);
    this.svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    this.svg.replaceChildren();
    if (times.length === 0) return;
    const [lo, hi] = [Math.min(...times), Math.max(...times)];
    const x = (t: number) => PAD + ((t - lo) / Math.max(1, hi - lo)) * (width - 2 * PAD);
    this.timeAt = (px: number) => lo + ((px - PAD) / (width - 2 * PAD)) * Math.max(1, hi - lo);
    if (this.range.from !== undefined || this.range.to !== undefined) {
      const start = x(Math.max(lo, dateValue(this.range.from) ?? lo));
      const end = x(Math.min(hi, dateValue(this.range.to) ?? hi));
      const brush = shape('rect', { x: start, y: 0, width: Math.max(2, end - start), height: HEIGHT, class: 'brush' }, `attacks of ${this.range.from ?? '…'} – ${this.range.to ?? '…'} (click to clear)`);
      brush.addEventListener('click', () => this.onBrush({ from: undefined, to: undefined }));
      this.svg.append(brush);
    }
    this.svg.append(shape('line', { x1: PAD, x2: width - PAD, y1: HEIGHT / 2, y2: HEIGHT / 2, class: 'axis' }, `${new Date(lo).toISOString().slice(0, 10)} – ${new Date(hi).toISOString().slice(0, 10)}`));
    for (const attack of this.data.attacks) {
      const t = dateValue(attack.date);
      if (t === undefined) continue;
      const dot = shape('circle', { cx: x(t), cy: 14, r: DOT_RADIUS, class: 'attack', 'data-id': attack.id }, `${attack.name} (${attack.date ?? ''})`);
      dot.addEventListener('click', () => this.onSelect(attack.id));
      this.svg.append(dot);
    }
    for (const doc of this.data.documents) {
      const t = dateValue(doc.published);
      if (t === undefined) continue;
      const tick = shape('rect', { x: x(t) - 2, y: HEIGHT - 20, width: 4, height: 14, class: 'document', 'data-id': doc.id, 'data-published': doc.published ?? '' }, `${doc.title} (published ${doc.published ?? ''})`);
      tick.addEventListener('click', () => this.onAsOf(doc.published!.slice(0, 10)));
      this.svg.append(tick);
    }
    const asOf = dateValue(this.input.value || null);
    if (asOf === undefined) return;
    const at = x(Math.min(hi, Math.max(lo, asOf)));
    this.svg.append(shape('line', { x1: at, x2: at, y1: 0, y2: HEIGHT, class: 'as-of' }, `as of ${this.input.value}`));
  }
}
