// Corrections from the panel: rename, merge into another entity, split an alias off, change the type, delete,
// reject a reported figure, and reject a relationship, each with the reason the record keeps; and undo of the
// last one made from this page. The server applies and records them (POST /api/corrections); the page then
// shows the corrected graph.
import type { CorrectionRequest } from '../../src/model/corrections.js';
import type { EntityType } from '../../src/model/ontology.js';
import { api, type Correction } from './api.js';
import { TYPE_COLOURS } from './appearance.js';
import { reportOn, say } from './status-line.js';

/** What the entity controls offer, from the entity as the page holds it. */
export interface EntityFacts {
  name: string;
  type: string;
  aliases: string[];
  reports: Array<{ key: string; value: unknown; doc: string }>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(text: string, id: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', text);
  b.type = 'button';
  b.id = id;
  b.addEventListener('click', onClick);
  return b;
}

function choice(id: string, label: string, options: Array<[value: string, text: string]>, chosen?: string): HTMLSelectElement {
  const select = el('select');
  select.id = id;
  select.setAttribute('aria-label', label);
  select.append(...options.map(([value, text]) => new Option(text, value, false, value === chosen)));
  return select;
}

const typeOptions = (): Array<[string, string]> => Object.keys(TYPE_COLOURS).map((t) => [t, t]);

function input(id: string, placeholder: string): HTMLInputElement {
  const i = el('input');
  i.id = id;
  i.placeholder = placeholder;
  i.autocomplete = 'off';
  return i;
}

export class Corrections {
  private readonly status = document.getElementById('correction-status')!;
  private readonly undoButton = document.getElementById('correction-undo') as HTMLButtonElement;
  /** Corrections made from this page, newest last: undo takes them back in turn. */
  private made: Correction[] = [];
  private reason: HTMLInputElement | undefined;

  constructor(private readonly onChanged: () => Promise<void>) {
    this.undoButton.addEventListener('click', () => void this.undoLast());
    this.syncUndo();
  }

  /** The panel's controls for an entity. */
  forEntity(entity: string, facts: EntityFacts): HTMLElement {
    const box = this.section();
    const newName = input('fix-name', 'new name');
    newName.value = facts.name;
    const other = input('fix-merge', 'name or id of the same entity');
    const newType = choice('fix-type', 'new type', typeOptions(), facts.type);
    box.append(
      newName,
      button('Rename', 'fix-rename', () => void this.apply((reason) => ({ kind: 'rename', entity, name: newName.value, reason }))),
      other,
      button('Merge it into this', 'fix-merge-run', () => void this.apply((reason) => ({ kind: 'merge', keep: entity, drop: other.value, reason }))),
      el('br'),
      newType,
      button('Change type', 'fix-retype', () => void this.apply((reason) => ({ kind: 'retype', entity, type: newType.value as EntityType, reason }))),
    );
    if (facts.aliases.length > 0) {
      const alias = choice('fix-alias', 'alias to split off', facts.aliases.map((a) => [a, a]));
      const aliasType = choice('fix-alias-type', 'type of the split-off entity', typeOptions(), facts.type);
      box.append(
        el('br'),
        alias,
        aliasType,
        button('Split off as its own entity', 'fix-split', () => void this.apply((reason) => ({ kind: 'split-alias', entity, alias: alias.value, type: aliasType.value as EntityType, reason }))),
      );
    }
    if (facts.reports.length > 0) {
      // One report at a time: a figure one source got wrong goes, the same figure from other sources stays.
      const report = choice('fix-figure', 'reported figure to reject', facts.reports.map((r, i) => [String(i), `${r.key} = ${String(r.value)} (${r.doc})`]));
      box.append(
        el('br'),
        report,
        button('Reject this report', 'fix-reject-figure', () =>
          void this.apply((reason) => {
            const r = facts.reports[Number(report.value)]!;
            return { kind: 'reject-figure', entity, key: r.key, value: typeof r.value === 'number' ? r.value : String(r.value), doc: r.doc, reason };
          }),
        ),
      );
    }
    box.append(el('br'), button('Delete entity', 'fix-delete', () => void this.apply((reason) => ({ kind: 'delete', entity, reason }))));
    return box;
  }

  /** The panel's control for a relationship. */
  forRelation(source: string, type: string, target: string): HTMLElement {
    const box = this.section();
    box.append(button('Reject this relationship', 'fix-reject', () => void this.apply((reason) => ({ kind: 'reject-relation', source, type, target, reason }))));
    return box;
  }

  private section(): HTMLElement {
    const box = el('section');
    box.id = 'fix';
    box.append(el('h3', 'Correct'));
    this.reason = input('fix-reason', 'why (kept with the correction)');
    box.append(this.reason);
    return box;
  }

  private async apply(request: (reason: string) => CorrectionRequest): Promise<void> {
    const reason = this.reason?.value.trim() ?? '';
    if (reason === '') return say(this.status, 'Say why first: the reason is kept with the correction.', true);
    await this.run(async () => {
      const record = await api.correct(request(reason));
      this.made.push(record);
      return `Done: ${record.summary} (${record.id}).`;
    });
  }

  private async undoLast(): Promise<void> {
    const last = this.made.at(-1);
    if (!last) return;
    await this.run(async () => {
      await api.undo(last.id);
      this.made.pop();
      return `Undone: ${last.summary} (${last.id}).`;
    });
  }

  /** A correction or an undo, then the page shows the graph as it now is. */
  private async run(work: () => Promise<string>): Promise<void> {
    await reportOn(this.status, async () => {
      const message = await work();
      await this.onChanged();
      return message;
    });
    this.syncUndo();
  }

  private syncUndo(): void {
    const last = this.made.at(-1);
    this.undoButton.disabled = !last;
    this.undoButton.textContent = last ? `Undo: ${last.summary}` : 'Undo the last correction';
  }
}
