// Labels an analyst can read. On small views every entity is named, each name placed beside its entity where
// it covers no other name (and, while there is room, no other entity), with a leader line when it had to move
// away; relation names are written along their edge, in full, only where the edge is long enough to hold them.
import type Sigma from 'sigma';
import { drawDiscNodeHover, drawDiscNodeLabel } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from 'sigma/types';

/** Views of at most this many entities label every one of them. */
export const SMALL_VIEW = 60;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface Spot {
  x: number;
  y: number;
  box: Box;
  /** Where the leader line starts, when the name sits away from its entity. */
  leader?: { x: number; y: number };
}
type NodeLabel = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };
type EdgeLabel = PartialButFor<EdgeDisplayData, 'label' | 'color' | 'size'> & { key?: string; curvature?: number };
type End = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size'>;

const GAP = 3;
// How far (in lines) a name may move up or down from its entity before it gives up avoiding other entities.
const RINGS = 16;

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const fontOf = (weight: string, size: number, family: string) => `${weight} ${size}px ${family}`;

export class Labels {
  private renderer: Sigma | undefined;
  // Placements of the frame being drawn; made by its first label, forgotten when the next frame starts.
  private spots: Map<string, Spot> | undefined;
  private edges = new Set<string>();
  // The entities' discs on screen, which relation names keep off too (sigma draws the discs over them).
  private discs: Array<{ x: number; y: number; r: number }> = [];
  // Where the frame's relation names are written (points along each, by relationship), so the next one keeps
  // clear of them. By relationship: sigma may write the names again without a new frame (after a hover).
  private written = new Map<string, Array<[number, number]>>();

  /** `everyLabel` says whether the view is small enough to name every entity. */
  constructor(private readonly everyLabel: () => boolean) {}

  attach(renderer: Sigma): void {
    this.renderer = renderer;
    renderer.on('beforeRender', () => {
      this.spots = undefined;
      this.discs = [];
      this.edges.clear();
      this.written.clear();
    });
  }

  /** The relationships whose names the last frame wrote (for tests and the console). */
  drawnEdgeLabels(): string[] {
    return [...this.edges];
  }

  readonly drawNode = (context: CanvasRenderingContext2D, data: NodeLabel, settings: Settings): void => {
    if (!data.label) return;
    // Sigma draws its first frame while it is built, before `attach`: that frame gets sigma's own labels.
    const spot = this.renderer && this.everyLabel() && data.key !== undefined ? (this.spots ??= this.place(this.renderer, context, settings)).get(data.key) : undefined;
    if (!spot) return drawDiscNodeLabel(context, data, settings);
    context.font = fontOf(settings.labelWeight, settings.labelSize, settings.labelFont);
    if (spot.leader) {
      context.strokeStyle = '#9aa3b5';
      context.lineWidth = 1;
      context.beginPath();
      context.moveTo(spot.leader.x, spot.leader.y);
      const toX = Math.max(spot.box.left, Math.min(spot.leader.x, spot.box.right));
      const toY = Math.max(spot.box.top, Math.min(spot.leader.y, spot.box.bottom));
      context.lineTo(toX, toY);
      context.stroke();
    }
    context.fillStyle = settings.labelColor.attribute ? String(data[settings.labelColor.attribute as keyof NodeLabel] ?? settings.labelColor.color ?? '#000') : (settings.labelColor.color ?? '#000');
    context.fillText(data.label, spot.x, spot.y);
  };

  /** A hovered or focused entity: a white disc and a white box behind its name, where the name was placed. */
  readonly drawHover = (context: CanvasRenderingContext2D, data: NodeLabel, settings: Settings): void => {
    const spot = data.key !== undefined ? this.spots?.get(data.key) : undefined;
    if (!spot) return drawDiscNodeHover(context, data, settings);
    const padding = 2;
    context.fillStyle = '#fff';
    context.shadowBlur = 8;
    context.shadowColor = '#000';
    context.beginPath();
    context.arc(data.x, data.y, data.size + padding, 0, Math.PI * 2);
    context.fill();
    context.fillRect(spot.box.left - padding, spot.box.top - padding, spot.box.right - spot.box.left + 2 * padding, spot.box.bottom - spot.box.top + 2 * padding);
    context.shadowBlur = 0;
    this.drawNode(context, data, settings);
  };

  /** Every shown entity's name, the largest entities first, each at the nearest free place around it. */
  private place(renderer: Sigma, context: CanvasRenderingContext2D, settings: Settings): Map<string, Spot> {
    const size = settings.labelSize;
    context.font = fontOf(settings.labelWeight, size, settings.labelFont);
    const width = renderer.getDimensions().width;
    const height = renderer.getDimensions().height;
    const nodes = renderer
      .getGraph()
      .nodes()
      .flatMap((key) => {
        const data = renderer.getNodeDisplayData(key);
        if (!data || data.hidden) return [];
        const at = renderer.framedGraphToViewport(data);
        return [{ key, label: data.label ?? '', x: at.x, y: at.y, r: renderer.scaleSize(data.size) }];
      });
    const discs: Box[] = nodes.map((n) => ({ left: n.x - n.r, top: n.y - n.r, right: n.x + n.r, bottom: n.y + n.r }));
    this.discs = nodes;
    const taken: Box[] = [];
    const spots = new Map<string, Spot>();
    const line = size + 2;
    // Generous above and below the baseline, so the box holds any letter the font draws.
    const [ascent, descent] = [size, size * 0.35];
    for (const node of [...nodes].filter((n) => n.label).sort((a, b) => b.r - a.r || a.key.localeCompare(b.key))) {
      const w = context.measureText(node.label).width;
      const candidates: Array<{ x: number; y: number; ring: number }> = [];
      for (let ring = 0; ring <= RINGS; ring++) {
        for (const shift of ring === 0 ? [0] : [-ring * line, ring * line]) {
          candidates.push({ x: node.x + node.r + GAP, y: node.y + size / 3 + shift, ring });
          candidates.push({ x: node.x - node.r - GAP - w, y: node.y + size / 3 + shift, ring });
        }
        candidates.push({ x: node.x - w / 2, y: node.y - node.r - GAP - descent - ring * line, ring });
        candidates.push({ x: node.x - w / 2, y: node.y + node.r + GAP + ascent + ring * line, ring });
      }
      const boxOf = (c: { x: number; y: number }): Box => ({ left: c.x - 1, top: c.y - ascent, right: c.x + w + 1, bottom: c.y + descent });
      const inside = (b: Box) => b.left >= 0 && b.top >= 0 && b.right <= width && b.bottom <= height;
      const free = (b: Box) => !taken.some((t) => overlaps(t, b));
      const clear = (b: Box) => discs.every((d, i) => nodes[i]!.key === node.key || !overlaps(d, b));
      // Best: on screen, on no name and no entity; then on screen and on no name; then on no name at all.
      const chosen =
        candidates.find((c) => inside(boxOf(c)) && free(boxOf(c)) && clear(boxOf(c))) ??
        candidates.find((c) => inside(boxOf(c)) && free(boxOf(c))) ??
        candidates.find((c) => free(boxOf(c))) ??
        candidates[0]!;
      const box = boxOf(chosen);
      taken.push(box);
      spots.set(node.key, { x: chosen.x, y: chosen.y, box, ...(chosen.ring > 1 ? { leader: { x: node.x, y: node.y } } : {}) });
    }
    return spots;
  }

  /**
   * A relation's name along its edge (straight or curved, at the curve's middle, upright), only when the edge
   * between the two discs is long enough for the whole name: a cut name ("CLAI…") reads as nothing.
   */
  readonly drawEdge = (context: CanvasRenderingContext2D, edge: EdgeLabel, source: End, target: End, settings: Settings): void => {
    const label = edge.label;
    if (!label) return;
    context.font = fontOf(settings.edgeLabelWeight, settings.edgeLabelSize, settings.edgeLabelFont);
    const width = context.measureText(label).width;
    const [dx, dy] = [target.x - source.x, target.y - source.y];
    const length = Math.hypot(dx, dy);
    // The hovered or selected relationship is named whatever the room, on a white ground over what is under it.
    const forced = edge.forceLabel === true;
    if (!forced && width > length - source.size - target.size - 4 * GAP) return;
    // A quadratic curve's middle lies halfway from the chord's middle to its control point.
    const bend = (edge.curvature ?? 0) / 2;
    const midX = (source.x + target.x) / 2 + dy * bend;
    const midY = (source.y + target.y) / 2 - dx * bend;
    let angle = Math.atan2(dy, dx);
    if (angle > Math.PI / 2 || angle < -Math.PI / 2) angle += Math.PI;
    // The written name as points along its middle line: a name too close to one already written, or to an
    // entity's name, is left out rather than drawn over it.
    const lift = edge.size / 2 + GAP + settings.edgeLabelSize / 3;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const step = settings.edgeLabelSize / 2;
    const points: Array<[number, number]> = [];
    for (let t = -width / 2; t <= width / 2 + 0.01; t += step) points.push([midX + t * cos + lift * sin, midY + t * sin - lift * cos]);
    const near = settings.edgeLabelSize * 0.9;
    const others = [...this.written].filter(([key]) => key !== edge.key).flatMap(([, p]) => p);
    const names = [...(this.spots?.values() ?? [])].map((s) => s.box);
    const crowded = points.some(
      ([x, y]) =>
        others.some(([wx, wy]) => Math.abs(wx - x) < near && Math.abs(wy - y) < near) ||
        names.some((b) => x > b.left - step && x < b.right + step && y > b.top - step && y < b.bottom + step) ||
        this.discs.some((d) => Math.hypot(d.x - x, d.y - y) < d.r + step),
    );
    if (crowded && !forced) return;
    if (edge.key !== undefined) this.written.set(edge.key, points);
    context.save();
    context.translate(midX, midY);
    context.rotate(angle);
    if (forced) {
      context.fillStyle = 'rgba(255, 255, 255, 0.9)';
      context.fillRect(-width / 2 - 2, -lift - settings.edgeLabelSize / 2 - 2, width + 4, settings.edgeLabelSize + 4);
    }
    context.fillStyle = settings.edgeLabelColor.attribute ? String(edge[settings.edgeLabelColor.attribute as keyof EdgeLabel] ?? settings.edgeLabelColor.color ?? '#000') : (settings.edgeLabelColor.color ?? '#000');
    context.fillText(label, -width / 2, -edge.size / 2 - GAP);
    context.restore();
    if (edge.key !== undefined) this.edges.add(edge.key);
  };
}
