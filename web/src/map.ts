// The map beside the graph: country outlines shipped with the page (world-atlas, read with topojson-client, so
// no tile server), the places and attacks `kg geocode` placed as dots and the relationships between them as
// lines, tied to the graph's selection; the places and countries of the view it could not place are listed.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { colourOf } from './appearance.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 480;
const PLACES = new Set(['Location', 'Country']);

type Placed = Feature<Geometry, { id?: string; name?: string; type?: string; source?: string; target?: string }>;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, title?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  if (title !== undefined) {
    const tooltip = document.createElementNS(SVG, 'title');
    tooltip.textContent = title;
    node.append(tooltip);
  }
  return node;
}

export class MapView {
  private readonly root = document.getElementById('map')!;
  private readonly drawing = document.getElementById('map-drawing') as unknown as SVGSVGElement;
  private readonly projection = geoNaturalEarth1();
  private readonly outlines: FeatureCollection;
  private selected: string | undefined;

  constructor(private readonly onSelect: (id: string) => void) {
    const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
    this.outlines = feature(topology, topology.objects.countries) as FeatureCollection;
    this.projection.fitSize([WIDTH, HEIGHT], this.outlines);
    document.getElementById('map-toggle')!.addEventListener('click', () => {
      this.root.hidden = !this.root.hidden;
    });
  }

  /** Draws the placed features; `places` are the view's locations and countries (id and name), to name those left out. */
  show(data: FeatureCollection, places: Array<{ id: string; name: string; type: string }>): void {
    const path = geoPath(this.projection);
    this.drawing.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
    const land = svg('g', { class: 'countries' });
    for (const country of this.outlines.features) land.append(svg('path', { d: path(country) ?? '' }, String(country.properties?.name ?? '')));
    const lines = svg('g', { class: 'links' });
    const dots = svg('g', { class: 'places' });
    const placed = new Set<string>();
    for (const f of data.features as Placed[]) {
      if (f.geometry.type === 'LineString') {
        lines.append(svg('path', { d: path(f) ?? '' }, `${f.properties.source ?? ''} ${f.properties.type ?? ''} ${f.properties.target ?? ''}`));
      } else if (f.geometry.type === 'Point' && f.properties.id) {
        const at = this.projection(f.geometry.coordinates as [number, number]);
        if (!at) continue;
        const id = f.properties.id;
        placed.add(id);
        const dot = svg('circle', { cx: at[0], cy: at[1], r: 4, 'data-id': id, fill: colourOf(f.properties.type ?? '') }, `${f.properties.name ?? id} (${f.properties.type ?? ''})`);
        dot.addEventListener('click', () => this.onSelect(id));
        dots.append(dot);
      }
    }
    this.drawing.replaceChildren(land, lines, dots);
    const unplaced = places.filter((p) => PLACES.has(p.type) && !placed.has(p.id)).map((p) => p.name);
    document.getElementById('map-unplaced')!.textContent = unplaced.length ? `Not placed (${unplaced.length}): ${unplaced.sort().join(', ')}. Run \`kg geocode\` after ingesting; the rest are unknown to the gazetteer.` : '';
    this.highlight(this.selected);
  }

  /** Marks the selected entity's dot, if it has one. */
  highlight(node: string | undefined): void {
    this.selected = node;
    for (const dot of this.drawing.querySelectorAll<SVGCircleElement>('circle[data-id]')) {
      const on = dot.dataset.id === node;
      dot.classList.toggle('selected', on);
      dot.setAttribute('r', on ? '7' : '4');
    }
  }
}
