// The search box: autocomplete over names and aliases, with the keyboard (arrows move, Enter picks, Escape
// closes) as well as the mouse.
export interface Hit {
  id: string;
  name: string;
  type: string;
}

/** The result the arrows move to: wraps around, and starts from the top or the bottom. */
export function moveActive(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}

export class SearchBox {
  private readonly box = document.getElementById('search') as HTMLInputElement;
  private readonly list = document.getElementById('search-results')!;
  private hits: Hit[] = [];
  private active = -1;
  private asked = 0;

  constructor(find: (q: string) => Promise<Hit[]>, private readonly pick: (hit: Hit) => void) {
    this.box.setAttribute('role', 'combobox');
    this.box.setAttribute('aria-controls', 'search-results');
    this.box.setAttribute('aria-expanded', 'false');
    this.box.addEventListener('input', async () => {
      const q = this.box.value.trim();
      // Answers can come back out of order; only the latest question's are shown.
      const asked = ++this.asked;
      const hits = q ? await find(q) : [];
      if (asked === this.asked) this.show(hits);
    });
    this.box.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        this.setActive(moveActive(this.active, this.hits.length, e.key === 'ArrowDown' ? 1 : -1));
      } else if (e.key === 'Enter') {
        const hit = this.hits[Math.max(0, this.active)];
        if (hit) this.choose(hit);
      } else if (e.key === 'Escape') {
        this.show([]);
      }
    });
  }

  private show(hits: Hit[]): void {
    this.hits = hits;
    this.active = -1;
    this.list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = document.createElement('li');
        item.textContent = `${hit.name} (${hit.type})`;
        item.dataset.id = hit.id;
        item.id = `search-hit-${i}`;
        item.setAttribute('role', 'option');
        item.addEventListener('click', () => this.choose(hit));
        return item;
      }),
    );
    this.box.setAttribute('aria-expanded', String(hits.length > 0));
    this.box.removeAttribute('aria-activedescendant');
  }

  private setActive(index: number): void {
    this.active = index;
    this.list.querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      this.box.setAttribute('aria-activedescendant', `search-hit-${index}`);
      this.list.children[index]?.scrollIntoView({ block: 'nearest' });
    }
  }

  private choose(hit: Hit): void {
    this.show([]);
    this.box.value = hit.name;
    this.pick(hit);
  }
}
