// The Cypher box's rows: a table sortable by any column, a CSV download, and a notice when the row cap cut
// the result. Cells are set as text only.
import type { CypherResult } from '../../src/model/api.js';
import { cellText, rowsToCsv } from '../../src/export/result-table.js';
import { download } from './download.js';

export interface Sort {
  column: string;
  descending: boolean;
}

/** Rows ordered by one column: numbers as numbers, everything else as its text, empty cells last. */
export function sortRows(rows: CypherResult['rows'], sort: Sort): CypherResult['rows'] {
  const sign = sort.descending ? -1 : 1;
  const compare = (a: unknown, b: unknown): number => {
    const empty = (v: unknown) => v === null || v === undefined;
    if (empty(a) || empty(b)) return Number(empty(a)) - Number(empty(b));
    if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
    return sign * cellText(a).localeCompare(cellText(b), undefined, { numeric: true });
  };
  return [...rows].sort((x, y) => compare(x[sort.column], y[sort.column]));
}

export class CypherResults {
  private readonly root = document.getElementById('results')!;
  private result: CypherResult | undefined;
  private query = '';
  private sort: Sort | undefined;
  /** Rows reopened from a case file: no graph came with them. */
  private restored = false;

  constructor() {
    document.getElementById('results-csv')!.addEventListener('click', () => {
      if (this.result) download('kg-query.csv', rowsToCsv(this.result.columns, this.shownRows()), 'text/csv');
    });
    document.getElementById('results-close')!.addEventListener('click', () => this.hide());
  }

  show(result: CypherResult, query: string): void {
    this.present(result, query, false);
  }

  /** Shows rows a case file saved, as they were saved (the query is not run again). */
  restore(saved: ReturnType<CypherResults['saved']>[number]): void {
    this.present({ graph: { attributes: { documents: {} }, nodes: [], edges: [] }, rows: saved.rows, columns: saved.columns, truncated: false, limit: saved.rows.length }, saved.query, true);
  }

  private present(result: CypherResult, query: string, restored: boolean): void {
    this.result = result;
    this.query = query;
    this.sort = undefined;
    this.restored = restored;
    this.render();
  }

  hide(): void {
    this.root.hidden = true;
  }

  /** The result on show, as a case file keeps it (none once closed). */
  saved(): Array<{ query: string; columns: string[]; rows: CypherResult['rows'] }> {
    return this.result && !this.root.hidden ? [{ query: this.query, columns: this.result.columns, rows: this.shownRows() }] : [];
  }

  private shownRows(): CypherResult['rows'] {
    return this.result && this.sort ? sortRows(this.result.rows, this.sort) : (this.result?.rows ?? []);
  }

  private render(): void {
    const result = this.result!;
    const summary = document.getElementById('results-summary')!;
    const rows = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}`;
    summary.textContent = this.restored ? `${rows}, as saved with the case` : `${rows}, ${result.graph.nodes.length} entities and ${result.graph.edges.length} relationships drawn`;
    const notice = document.getElementById('results-truncated')!;
    notice.hidden = !result.truncated;
    notice.textContent = result.truncated ? `Only the first ${result.limit.toLocaleString('en')} rows are shown: the query returned more. Add ORDER BY and LIMIT, or narrow the MATCH, to see the rest.` : '';
    const table = document.getElementById('results-table') as HTMLTableElement;
    const head = document.createElement('tr');
    for (const column of result.columns) {
      const th = document.createElement('th');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = column;
      button.dataset.column = column;
      th.setAttribute('aria-sort', this.sort?.column === column ? (this.sort.descending ? 'descending' : 'ascending') : 'none');
      button.addEventListener('click', () => {
        this.sort = { column, descending: this.sort?.column === column && !this.sort.descending };
        this.render();
      });
      th.append(button);
      head.append(th);
    }
    const body = document.createElement('tbody');
    for (const row of this.shownRows()) {
      const tr = document.createElement('tr');
      for (const column of result.columns) {
        const td = document.createElement('td');
        td.textContent = cellText(row[column]);
        tr.append(td);
      }
      body.append(tr);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    table.replaceChildren(thead, body);
    this.root.hidden = false;
  }
}
