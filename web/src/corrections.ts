// Corrections from the panel: rename, merge into another entity, delete, and reject a relationship, each with
// the reason the record keeps; and undo of the last one made from this page. The server applies and records
// them (POST /api/corrections); the page then reloads what it shows.
import type { CorrectionRequest } from '../../src/model/corrections.js';
import { api, type Correction } from './api.js';
import { reportOn, say } from './status-line.js';

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
  forEntity(entity: string, name: string): HTMLElement {
    const box = this.section();
    const newName = input('fix-name', 'new name');
    newName.value = name;
    const other = input('fix-merge', 'name or id of the same entity');
    box.append(
      newName,
      button('Rename', 'fix-rename', () => void this.apply((reason) => ({ kind: 'rename', entity, name: newName.value, reason }))),
      other,
      button('Merge it into this', 'fix-merge-run', () => void this.apply((reason) => ({ kind: 'merge', keep: entity, drop: other.value, reason }))),
      el('br'),
      button('Delete entity', 'fix-delete', () => void this.apply((reason) => ({ kind: 'delete', entity, reason }))),
    );
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
