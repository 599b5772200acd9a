// The attacks table beside the graph: one row per attack (date, place, kind, the death and injury figures with
// their spread, claimants and perpetrators), sortable by any column, filtered by a text, and tied to the graph's
// selection both ways. Cells are set as text only; every figure's source and sentence is in its cell's title.
import type { AttackRow, Figure, Spread } from '../../src/model/attacks.js';
import { sortRows, type Sort } from './cypher-results.js';

const COLUMNS = ['date', 'attack', 'place', 'kind', 'deaths', 'injured', 'claimed by', 'carried out by'] as const;
type Column = (typeof COLUMNS)[number];

/** "12" or "12–15", with how many reports and sources give them; the figures are never averaged. */
export function spreadText(spread: Spread | null): string {
  if (!spread) return '';
  const range = spread.min === spread.max ? String(spread.min) : `${spread.min}–${spread.max}`;
  return `${range} (${spread.reports} report${spread.reports === 1 ? '' : 's'}, ${spread.sources} source${spread.sources === 1 ? '' : 's'})`;
}

const figureLines = (figures: Figure[]) => figures.map((f) => `${f.qualifier ? `${f.qualifier} ` : ''}${String(f.value)} — ${f.title}${f.published ? ` (${f.published})` : ''}: “${f.sentence}”`).join('\n');
const actors = (list: AttackRow['claimedBy']) => list.map((a) => `${a.name} (${a.confidence.toFixed(2)})`).join(', ');

/** The values a row sorts by (numbers for the figures, the highest reported) and the texts it shows. */
export function attackCells(row: AttackRow): { sort: Record<Column, unknown>; text: Record<Column, string>; title: Partial<Record<Column, string>> } {
  const places = row.places.map((p) => p.name).join(', ');
  const text: Record<Column, string> = {
    date: row.date ?? '',
    attack: row.name,
    place: places,
    kind: row.kind,
    deaths: spreadText(row.spread.deaths),
    injured: spreadText(row.spread.injured),
    'claimed by': actors(row.claimedBy),
    'carried out by': actors(row.carriedOutBy),
  };
  return {
    sort: { ...text, date: row.date, deaths: row.spread.deaths?.max ?? null, injured: row.spread.injured?.max ?? null },
    text,
    title: { deaths: figureLines(row.deaths), injured: figureLines(row.injured) },
  };
}

export class AttacksTable {
  private readonly root = document.getElementById('attacks')!;
  private readonly table = document.getElementById('attacks-table') as HTMLTableElement;
  private readonly filter = document.getElementById('attacks-filter') as HTMLInputElement;
  private rows: AttackRow[] = [];
  private sort: Sort = { column: 'date', descending: false };
  private highlighted: string | undefined;

  constructor(private readonly onSelect: (attack: string) => void) {
    this.filter.addEventListener('input', () => this.render());
    document.getElementById('attacks-toggle')!.addEventListener('click', () => {
      this.root.hidden = !this.root.hidden;
      this.render();
    });
  }

  show(rows: AttackRow[]): void {
    this.rows = rows;
    this.render();
  }

  /** Marks the selected entity's row (if it is an attack) and scrolls it into view. */
  highlight(node: string | undefined): void {
    this.highlighted = node;
    for (const tr of this.table.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      const on = tr.dataset.id === node;
      tr.setAttribute('aria-selected', String(on));
      if (on && !this.root.hidden) tr.scrollIntoView({ block: 'nearest' });
    }
  }

  private render(): void {
    const needle = this.filter.value.trim().toLowerCase();
    const cells = this.rows.map((row) => ({ row, ...attackCells(row) }));
    const kept = cells.filter((c) => needle === '' || Object.values(c.text).some((t) => t.toLowerCase().includes(needle)));
    const order = sortRows(kept.map((c, i) => ({ ...c.sort, index: i })), this.sort).map((r) => kept[Number(r.index)]!);
    const head = document.createElement('tr');
    for (const column of COLUMNS) {
      const th = document.createElement('th');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = column;
      button.dataset.column = column;
      th.setAttribute('aria-sort', this.sort.column === column ? (this.sort.descending ? 'descending' : 'ascending') : 'none');
      button.addEventListener('click', () => {
        this.sort = { column, descending: this.sort.column === column && !this.sort.descending };
        this.render();
      });
      th.append(button);
      head.append(th);
    }
    const body = document.createElement('tbody');
    for (const c of order) {
      const tr = document.createElement('tr');
      tr.dataset.id = c.row.id;
      for (const column of COLUMNS) {
        const td = document.createElement('td');
        td.textContent = c.text[column];
        td.dataset.column = column;
        if (c.title[column]) td.title = c.title[column];
        tr.append(td);
      }
      tr.addEventListener('click', () => this.onSelect(c.row.id));
      body.append(tr);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    // A closed table holds no rows: tens of thousands of them, even hidden, slow every restyle of the page
    // (dragging the graph at 100k entities ran at half speed).
    if (this.root.hidden) this.table.replaceChildren();
    else this.table.replaceChildren(thead, body);
    document.getElementById('attacks-count')!.textContent = `${kept.length} of ${this.rows.length} attacks`;
    this.highlight(this.highlighted);
  }
}
