// The side panel: an entity's relationships (those the filters show), reports and articles, and a
// relationship's evidence sentences, each with its article's title, outlet, date, link and PDF page. Long lists show
// their first items and page on. Built with textContent only: article text is never read as markup.
import type { MultiDirectedGraph } from 'graphology';
import { articleLabel } from '../../src/export/cite.js';
import { colourOf } from './appearance.js';
import type { Visibility } from './filters.js';
import type { Documents } from './graph-data.js';

// Items of a long list shown before "Show more".
const PAGE = 20;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * The sentence with the names of the two ends marked, as text nodes and <mark> elements. A name is marked only
 * as a whole word ("IS" not inside "raised"); short all-capital names only where they are written so.
 */
export function highlighted(sentence: string, names: string[]): HTMLElement {
  const quote = el('blockquote');
  const escape = (n: string) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = [...new Set(names.filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
  if (named.length === 0) {
    quote.textContent = sentence;
    return quote;
  }
  const acronym = (n: string) => n.length <= 4 && n === n.toUpperCase();
  const pattern = named.map((n) => (acronym(n) ? escape(n) : `(?i:${escape(n)})`)).join('|');
  let re: RegExp;
  try {
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'gu');
  } catch {
    // Engines without inline flags: case-insensitive for all names, still on word boundaries.
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${named.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  }
  let last = 0;
  for (const match of sentence.matchAll(re)) {
    quote.append(document.createTextNode(sentence.slice(last, match.index)), el('mark', match[0]));
    last = match.index + match[0].length;
  }
  quote.append(document.createTextNode(sentence.slice(last)));
  return quote;
}

/** An article as a source: its title linked to its URL when it has one, then outlet and date. */
export function articleRef(documents: Documents, doc: string): HTMLElement {
  const d = documents[doc];
  const ref = el('span', undefined, 'article');
  if (!d) {
    ref.textContent = doc;
    return ref;
  }
  if (/^https?:\/\//.test(d.source)) {
    const link = el('a', d.title);
    link.href = d.source;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    ref.append(link, document.createTextNode(articleLabel(d).slice(d.title.length)));
  } else {
    ref.textContent = articleLabel(d);
  }
  return ref;
}

/** A list that shows its first PAGE items and a button for each next page. */
function paged<T>(items: T[], render: (item: T) => HTMLElement, id?: string): HTMLElement {
  const box = el('div');
  const list = el('ul');
  if (id) list.id = id;
  let shownCount = 0;
  const more = el('button', '', 'more');
  more.type = 'button';
  const next = () => {
    list.append(...items.slice(shownCount, shownCount + PAGE).map(render));
    shownCount = Math.min(items.length, shownCount + PAGE);
    more.textContent = `Show more (${items.length - shownCount} of ${items.length} not shown)`;
    more.hidden = shownCount >= items.length;
  };
  more.addEventListener('click', next);
  next();
  box.append(list, more);
  return box;
}

export interface PanelActions {
  expand(node: string): void;
  showEvidence(edge: string): void;
  select(node: string): void;
  back(): void;
}

type Report = { key: string; value: unknown; qualifier: string | null; doc: string; source: string; text?: string | null };

export class Panel {
  private readonly root = document.getElementById('panel')!;
  private readonly body = document.getElementById('panel-body')!;

  constructor(private readonly onClose: () => void) {
    document.getElementById('panel-close')!.addEventListener('click', () => this.onClose());
  }

  hide(): void {
    this.root.hidden = true;
  }

  /** Adds sections (the corrections' controls, a case note) below what the panel shows. */
  append(...sections: HTMLElement[]): void {
    this.body.append(...sections);
  }

  showEntity(graph: MultiDirectedGraph, node: string, documents: Documents, shown: Visibility, actions: PanelActions): void {
    const a = graph.getNodeAttributes(node);
    this.body.replaceChildren();
    const type = el('span', String(a.type), 'type');
    type.style.background = colourOf(String(a.type));
    this.body.append(el('h2', String(a.label)), type);
    const aliases = (a.aliases as string[]) ?? [];
    if (aliases.length) this.body.append(el('h3', 'Also called'), el('p', aliases.join(' · ')));
    const edges = graph.edges(node);
    const visible = edges.filter((e) => shown.edges.has(e));
    this.body.append(el('h3', `Relationships (${visible.length}${visible.length < edges.length ? ` shown, ${edges.length - visible.length} hidden by filters` : ''})`));
    this.body.append(
      paged(
        visible,
        (edge) => {
          const source = graph.source(edge);
          const other = source === node ? graph.target(edge) : source;
          const item = el('li', `${source === node ? '→' : '←'} ${String(graph.getEdgeAttribute(edge, 'type'))} ${String(graph.getNodeAttribute(other, 'label'))}`, 'relation');
          item.dataset.edge = edge;
          item.dataset.type = String(graph.getEdgeAttribute(edge, 'type'));
          item.addEventListener('click', () => actions.showEvidence(edge));
          return item;
        },
        'relationships',
      ),
    );
    const expand = el('button', 'Expand neighbours');
    expand.type = 'button';
    expand.id = 'expand';
    expand.addEventListener('click', () => actions.expand(node));
    this.body.append(expand);
    const reports = (a.reports as Report[]) ?? [];
    if (reports.length) {
      this.body.append(el('h3', 'Reports'));
      this.body.append(
        paged(reports, (r) => {
          const item = el('li', `${r.key}: ${r.qualifier ? `${r.qualifier} ` : ''}${String(r.value)}`, 'report');
          if (r.text) item.append(el('q', r.text, 'sentence'));
          item.append(articleRef(documents, r.doc));
          return item;
        }, 'reports'),
      );
    }
    const mentioned = (a.mentionedIn as string[]) ?? [];
    if (mentioned.length) {
      this.body.append(el('h3', `Mentioned in ${mentioned.length} article${mentioned.length === 1 ? '' : 's'}`));
      this.body.append(paged(mentioned, (doc) => {
        const item = el('li');
        item.append(articleRef(documents, doc));
        return item;
      }, 'articles'));
    }
    this.root.hidden = false;
  }

  showEvidence(graph: MultiDirectedGraph, edge: string, documents: Documents, actions: PanelActions): void {
    const a = graph.getEdgeAttributes(edge);
    const source = graph.source(edge);
    const target = graph.target(edge);
    const names = [source, target].flatMap((n) => [String(graph.getNodeAttribute(n, 'label')), ...((graph.getNodeAttribute(n, 'aliases') as string[]) ?? [])]);
    this.body.replaceChildren();
    const title = el('h2');
    const link = (node: string) => {
      const button = el('button', String(graph.getNodeAttribute(node, 'label')), 'entity-link');
      button.type = 'button';
      button.addEventListener('click', () => actions.select(node));
      return button;
    };
    title.append(link(source), document.createTextNode(` ${String(a.type)} `), link(target));
    this.body.append(title);
    this.body.append(el('p', `confidence ${String(a.confidence)} · ${String(a.count)} sentence${a.count === 1 ? '' : 's'}`));
    const evidence = (a.evidence as string[]) ?? [];
    const docs = (a.evidenceDocs as string[]) ?? [];
    const section = el('div');
    section.id = 'evidence';
    // The page of a PDF the sentence is on (0: a document without pages), so it can be found in the file.
    const pages = (a.evidencePages as number[] | undefined) ?? [];
    evidence.forEach((sentence, i) => {
      const ref = articleRef(documents, docs[i] ?? '');
      if ((pages[i] ?? 0) > 0) ref.append(el('span', `, p. ${pages[i]}`, 'page'));
      section.append(highlighted(sentence, names), ref);
    });
    this.body.append(section);
    const back = el('button', 'Back');
    back.type = 'button';
    back.id = 'panel-back';
    back.addEventListener('click', () => actions.back());
    this.body.append(back);
    this.root.hidden = false;
  }
}
