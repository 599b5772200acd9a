// The side panel: an entity's aliases, reports with their sources, articles and relationships, and a
// relationship's evidence sentences. Built with textContent only: article text is never read as markup.
import type { MultiDirectedGraph } from 'graphology';
import { colourOf } from './appearance.js';

type Documents = Record<string, { title: string; source: string }>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The sentence with the names of the two ends marked, as text nodes and <mark> elements. */
export function highlighted(sentence: string, names: string[]): HTMLElement {
  const quote = el('blockquote');
  const patterns = names.filter((n) => n.length > 1).sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (patterns.length === 0) {
    quote.textContent = sentence;
    return quote;
  }
  const re = new RegExp(`(${patterns.join('|')})`, 'gi');
  let last = 0;
  for (const match of sentence.matchAll(re)) {
    quote.append(document.createTextNode(sentence.slice(last, match.index)), el('mark', match[0]));
    last = match.index + match[0].length;
  }
  quote.append(document.createTextNode(sentence.slice(last)));
  return quote;
}

export interface PanelActions {
  expand(node: string): void;
  showEvidence(edge: string): void;
  select(node: string): void;
}

export class Panel {
  private readonly root = document.getElementById('panel')!;
  private readonly body = document.getElementById('panel-body')!;

  constructor(private readonly onClose: () => void) {
    document.getElementById('panel-close')!.addEventListener('click', () => this.onClose());
  }

  hide(): void {
    this.root.hidden = true;
  }

  showEntity(graph: MultiDirectedGraph, node: string, documents: Documents, actions: PanelActions): void {
    const a = graph.getNodeAttributes(node);
    this.body.replaceChildren();
    const type = el('span', String(a.type), 'type');
    type.style.background = colourOf(String(a.type));
    this.body.append(el('h2', String(a.label)), type);
    const aliases = (a.aliases as string[]) ?? [];
    if (aliases.length) this.body.append(el('h3', 'Also called'), el('p', aliases.join(' · ')));
    const reports = (a.reports as Array<{ key: string; value: unknown; qualifier: string | null; doc: string; source: string }>) ?? [];
    if (reports.length) {
      this.body.append(el('h3', 'Reports'));
      const list = el('ul');
      for (const r of reports) {
        const item = el('li', `${r.key}: ${r.qualifier ? `${r.qualifier} ` : ''}${String(r.value)}`);
        item.append(el('span', documents[r.doc]?.title ?? r.source, 'article'));
        list.append(item);
      }
      this.body.append(list);
    }
    const mentioned = (a.mentionedIn as string[]) ?? [];
    if (mentioned.length) {
      this.body.append(el('h3', `Mentioned in ${mentioned.length} article${mentioned.length === 1 ? '' : 's'}`));
      const list = el('ul');
      for (const doc of mentioned) list.append(el('li', documents[doc]?.title ?? doc));
      this.body.append(list);
    }
    this.body.append(el('h3', 'Relationships'));
    const list = el('ul');
    list.id = 'relationships';
    graph.forEachEdge(node, (edge, attributes, source, target) => {
      const other = source === node ? target : source;
      const item = el('li', `${source === node ? '→' : '←'} ${String(attributes.type)} ${String(graph.getNodeAttribute(other, 'label'))}`, 'relation');
      item.dataset.edge = edge;
      item.dataset.type = String(attributes.type);
      item.addEventListener('click', () => actions.showEvidence(edge));
      list.append(item);
    });
    this.body.append(list);
    const expand = el('button', 'Expand neighbours');
    expand.type = 'button';
    expand.id = 'expand';
    expand.addEventListener('click', () => actions.expand(node));
    this.body.append(expand);
    this.root.hidden = false;
  }

  showEvidence(graph: MultiDirectedGraph, edge: string, documents: Documents, actions: PanelActions): void {
    const a = graph.getEdgeAttributes(edge);
    const source = graph.source(edge);
    const target = graph.target(edge);
    const names = [source, target].flatMap((n) => [String(graph.getNodeAttribute(n, 'label')), ...((graph.getNodeAttribute(n, 'aliases') as string[]) ?? [])]);
    this.body.replaceChildren();
    this.body.append(el('h2', `${String(graph.getNodeAttribute(source, 'label'))} ${String(a.type)} ${String(graph.getNodeAttribute(target, 'label'))}`));
    this.body.append(el('p', `confidence ${String(a.confidence)} · ${String(a.count)} sentence${a.count === 1 ? '' : 's'}`));
    const evidence = (a.evidence as string[]) ?? [];
    const docs = (a.evidenceDocs as string[]) ?? [];
    const section = el('div');
    section.id = 'evidence';
    evidence.forEach((sentence, i) => {
      section.append(highlighted(sentence, names), el('span', documents[docs[i] ?? '']?.title ?? docs[i] ?? '', 'article'));
    });
    this.body.append(section);
    const back = el('button', `Back to ${String(graph.getNodeAttribute(source, 'label'))}`);
    back.type = 'button';
    back.addEventListener('click', () => actions.select(source));
    this.body.append(back);
    this.root.hidden = false;
  }
}
