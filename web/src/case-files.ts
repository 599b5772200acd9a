// Case files from the viewer: save what is shown (entities, positions, filters, selection, paths, the last
// Cypher result, the "as of" date, notes on entities and relationships) under a name, then list, open, rename and delete cases
// and open a case's report. The server keeps them (/api/cases); this module builds and reads the saved view.
import { z } from 'zod';
import { CaseRecord, CaseView } from '../../src/model/cases.js';
import { api, ApiFailure } from './api.js';
import { reportOn } from './status-line.js';
import type { FilterPatch } from './filters.js';

/** The filters a case keeps, as the view holds them; anything else in a stored case is ignored. */
const SavedFilters = z
  .object({
    hiddenTypes: z.array(z.string()),
    hiddenRelations: z.array(z.string()),
    source: z.string(),
    minConfidence: z.number(),
    yearFrom: z.number(),
    yearTo: z.number(),
    dateFrom: z.string(),
    dateTo: z.string(),
    hideIsolated: z.boolean(),
  })
  .partial();
const SavedFocus = z.object({ selected: z.string().optional(), edge: z.string().optional(), asOf: z.string().optional() });

/** What the page gives a case to save and what an opened case gives back to the page. */
export interface CaseContent {
  entities: string[];
  positions: Record<string, { x: number; y: number }>;
  filters: FilterPatch;
  selected?: string | undefined;
  edge?: string | undefined;
  /** The "as of" date the case was looked at (kept with the filters). */
  asOf?: string | undefined;
  paths: string[][];
  cypher: CaseView['cypher'];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export class CaseFiles {
  private readonly list = $<HTMLSelectElement>('case-list');
  private readonly name = $<HTMLInputElement>('case-name');
  private readonly status = $('case-status');
  private notes: CaseView['notes'] = { entities: {}, relationships: {} };

  constructor(
    private readonly current: () => CaseContent,
    private readonly open: (name: string, content: CaseContent) => Promise<void>,
  ) {
    $('case-save').addEventListener('click', () => void reportOn(this.status, () => this.save()));
    $('case-open').addEventListener('click', () => void reportOn(this.status, () => this.openChosen()));
    $('case-rename').addEventListener('click', () => void reportOn(this.status, () => this.rename()));
    $('case-delete').addEventListener('click', () => void reportOn(this.status, () => this.remove()));
    this.list.addEventListener('change', () => this.syncReport());
  }

  /** Fills the list of saved cases. */
  async refresh(chosen?: string): Promise<void> {
    const cases = await api.cases();
    this.list.replaceChildren(...cases.map((c) => new Option(`${c.name} (${c.updatedAt.slice(0, 10)})`, c.name)));
    if (chosen) this.list.value = chosen;
    this.syncReport();
  }

  /** A note field for the panel: on an entity (its id) or a relationship (its source|TYPE|target key). */
  noteField(kind: 'entities' | 'relationships', key: string): HTMLElement {
    const box = document.createElement('section');
    const heading = document.createElement('h3');
    heading.textContent = 'Note for the case';
    const text = document.createElement('textarea');
    text.id = 'case-note';
    text.rows = 2;
    text.value = this.notes[kind][key] ?? '';
    text.addEventListener('input', () => {
      if (text.value.trim()) this.notes[kind][key] = text.value;
      else delete this.notes[kind][key];
    });
    box.append(heading, text);
    return box;
  }

  private async save(): Promise<string> {
    const name = this.name.value.trim();
    if (!name) throw new ApiFailure('Name the case first.', undefined);
    const content = this.current();
    const view = CaseView.parse({
      selection: content.entities,
      positions: content.positions,
      filters: { ...content.filters, ...(content.selected ? { selected: content.selected } : {}), ...(content.edge ? { edge: content.edge } : {}), ...(content.asOf ? { asOf: content.asOf } : {}) },
      paths: content.paths,
      cypher: content.cypher,
      notes: this.notes,
    });
    await api.saveCase(name, view);
    await this.refresh(name);
    return `Saved "${name}" (${view.selection.length} entities).`;
  }

  /** A stored case as the page shows it. */
  async content(name: string): Promise<CaseContent> {
    return this.contentOf(CaseRecord.parse(await api.getCase(name)));
  }

  private contentOf(record: CaseRecord): CaseContent {
    const view = record.view;
    const filters = SavedFilters.parse(Object.fromEntries(Object.entries(view.filters).filter(([k]) => k in SavedFilters.shape)));
    const focus = SavedFocus.safeParse(view.filters);
    return { entities: view.selection, positions: view.positions, filters, ...(focus.success ? focus.data : {}), paths: view.paths, cypher: view.cypher };
  }

  /** Opens the chosen case; its notes become the ones the panel edits. */
  private async openChosen(): Promise<string> {
    const record = CaseRecord.parse(await api.getCase(this.chosen()));
    this.notes = structuredClone(record.view.notes);
    this.name.value = record.name;
    await this.open(record.name, this.contentOf(record));
    return `Opened "${record.name}".`;
  }

  private async rename(): Promise<string> {
    const from = this.chosen();
    const to = this.name.value.trim();
    if (!to || to === from) throw new ApiFailure('Type the new name in the name field.', undefined);
    await api.renameCase(from, to);
    await this.refresh(to);
    return `Renamed "${from}" to "${to}".`;
  }

  private async remove(): Promise<string> {
    const name = this.chosen();
    await api.deleteCase(name);
    await this.refresh();
    return `Deleted "${name}".`;
  }

  private chosen(): string {
    if (!this.list.value) throw new ApiFailure('Choose a case in the list.', undefined);
    return this.list.value;
  }

  private syncReport(): void {
    const report = $<HTMLAnchorElement>('case-report');
    report.hidden = !this.list.value;
    report.href = this.list.value ? `/api/cases/${encodeURIComponent(this.list.value)}/report` : '#';
  }
}
