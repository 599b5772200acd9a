// resolve: many documents' extractions in; one entity per real-world thing out. Gazetteer entities share
// their canonical id; people merge by full name (a lone surname joins the one full name it fits); attacks
// merge when their years and dates agree and they share a place, a person or a name. Ids are canonical keys, and a
// Resolver can start from what an earlier run stored, so the same entity keeps its id across runs.
import type { Article } from '../ingest/index.js';
import { MAX_NAME_CHARS, type AttackAnchors, type DocumentRecord, type EntityRecord, type Extraction, type RelationRecord } from '../model/extraction.js';
import { anchorsAgree, datesAgree, erasAgree, mergeFacts, type AttackFacts, type DocumentExtraction, type LocalEntity } from '../extract/index.js';
import { slug } from '../nlp/index.js';
import { emptyCorrections, type CorrectionIndex } from '../model/corrections.js';
import { applyCorrections, routeEntity, type Route } from './corrections.js';
import { withSentences } from './sentences.js';
import { DAY_MS } from '../model/time.js';


/** An attack known before this batch: from earlier documents of the run, or stored by an earlier run. */
export interface KnownAttack {
  id: string;
  name: string;
  nameRank: number;
  anchors: AttackAnchors;
}

export interface ResolveInput {
  article: Article;
  extraction: DocumentExtraction;
  duplicateOf?: { id: string; similarity: number };
}

interface AttackState extends KnownAttack {
  facts: AttackFacts;
  /** When it was first seen: of several matches, the first seen wins. */
  seq: number;
}

const toFacts = (a: AttackAnchors): AttackFacts => ({ kind: a.kind, noun: a.kind, year: a.year, date: a.date, places: [...a.places], sites: [...a.sites], countries: [...a.countries], persons: [...a.persons], names: [...a.names], venues: [], agents: [] });

const toAnchors = (f: AttackFacts, explicitYear: boolean, era: number | undefined): AttackAnchors => ({
  kind: f.kind,
  ...(era !== undefined ? { year: era } : {}),
  explicitYear,
  ...(f.date ? { date: f.date } : {}),
  places: f.places,
  sites: f.sites,
  countries: f.countries,
  persons: f.persons,
  names: f.names,
});

/** Every key an attack can be recognised by: two reports that agree share at least one of them. */
const anchorKeys = (f: AttackFacts): string[] => [...f.places, ...f.sites, ...f.persons, ...f.names.map((n) => `name:${n}`), ...f.countries];


/** A date with year, month and day, as its day number; any other form (a month, a day with no year) has none. */
function dayNumber(date: string | undefined): number | undefined {
  const m = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : undefined;
}

/** The most days two full dates may lie apart and still agree, asked of datesAgree itself so that the index
 * below never leaves out a report it would accept. */
const AGREEING_DAYS = (() => {
  const from = Date.UTC(2001, 0, 1);
  const on = (days: number) => new Date(from + days * DAY_MS).toISOString().slice(0, 10);
  let days = 0;
  while (days < 366 && datesAgree(on(0), on(days + 1))) days++;
  return days;
})();

/**
 * The attacks of one anchor key and year, those with a full date by its day. Two full dates agree only within
 * AGREEING_DAYS of each other, so a report with a full date is compared only with attacks dated near it and
 * those without a full date. An attack whose date changes is indexed again under its new day and stays under
 * the old one: a candidate too many costs a comparison, one too few would change the graph.
 */
class AttacksByDay {
  private readonly undated = new Set<AttackState>();
  private readonly byDay = new Map<number, Set<AttackState>>();

  add(attack: AttackState): void {
    const day = dayNumber(attack.facts.date);
    if (day === undefined) return void this.undated.add(attack);
    let set = this.byDay.get(day);
    if (!set) this.byDay.set(day, (set = new Set()));
    set.add(attack);
  }

  delete(attack: AttackState): void {
    this.undated.delete(attack);
    for (const set of this.byDay.values()) set.delete(attack);
  }

  /** Adds to `found` every attack whose date can agree with a report of this day (undefined: no full date). */
  collect(day: number | undefined, found: Set<AttackState>): void {
    for (const a of this.undated) found.add(a);
    if (day === undefined) {
      for (const set of this.byDay.values()) for (const a of set) found.add(a);
      return;
    }
    for (let d = day - AGREEING_DAYS; d <= day + AGREEING_DAYS; d++) {
      const set = this.byDay.get(d);
      if (set) for (const a of set) found.add(a);
    }
  }
}

export class Resolver {
  private readonly attacks = new Map<string, AttackState>();
  /** Attacks by anchor key, then by year (`undefined`: none yet), then by day, so a new report is compared with
   * the few that share a key and could share its year and date, not with all: reports of one city over decades
   * are many, and a million-document corpus has hundreds for one country and year. */
  private readonly attacksByAnchor = new Map<string, Map<number | undefined, AttacksByDay>>();
  /** Where the search for a free numbered id of a base last stopped. */
  private readonly nextSuffix = new Map<string, number>();
  /** Full person names by their last word, for lone surnames. */
  private readonly fullNamesByTail = new Map<string, Set<string>>();

  private readonly corrections: CorrectionIndex;

  constructor(known: { attacks?: KnownAttack[]; personNames?: string[]; corrections?: CorrectionIndex } = {}) {
    this.corrections = known.corrections ?? emptyCorrections();
    this.refresh({ attacks: known.attacks ?? [], personNames: known.personNames ?? [] });
  }

  /** Takes the store's attacks as they are now (others may have written since this resolver started), as a
   * resolver made now would, and learns the people it did not know. */
  refresh(known: { attacks: KnownAttack[]; personNames: string[] }): void {
    this.attacks.clear();
    this.attacksByAnchor.clear();
    this.nextSuffix.clear();
    for (const a of known.attacks) this.index({ ...a, facts: toFacts(a.anchors), seq: this.attacks.size });
    for (const name of known.personNames) this.addFullName(name);
  }

  private index(attack: AttackState): void {
    this.attacks.set(attack.id, attack);
    for (const key of anchorKeys(attack.facts)) {
      let years = this.attacksByAnchor.get(key);
      if (!years) this.attacksByAnchor.set(key, (years = new Map()));
      let days = years.get(attack.anchors.year);
      if (!days) years.set(attack.anchors.year, (days = new AttacksByDay()));
      days.add(attack);
    }
  }

  /** Attacks sharing one of these keys whose year can agree with this era (the same year, or none yet; any year
   * when the era is unknown) and whose date can agree with this one. */
  private candidates(keys: string[], era: number | undefined, date: string | undefined): Set<AttackState> {
    const found = new Set<AttackState>();
    const day = dayNumber(date);
    for (const key of keys) {
      const years = this.attacksByAnchor.get(key);
      if (!years) continue;
      const all = era === undefined ? [...years.values()] : [years.get(era), years.get(undefined)];
      for (const days of all) days?.collect(day, found);
    }
    return found;
  }

  private addFullName(name: string): void {
    if (!name.includes(' ')) return;
    const tail = name.split(/[\s-]/).at(-1)!;
    let set = this.fullNamesByTail.get(tail);
    if (!set) this.fullNamesByTail.set(tail, (set = new Set()));
    set.add(name);
  }

  /** Resolves a batch of documents against everything seen so far; returns the batch's graph. */
  resolve(inputs: ResolveInput[]): Extraction {
    const entities = new Map<string, EntityRecord>();
    const relations = new Map<string, RelationRecord>();
    const documents: DocumentRecord[] = [];
    // An over-long name is no entity: it is left out, with the relations that need it, so the rest of its
    // document is stored and one bad article does not stop the batch.
    const usable = (local: LocalEntity) => local.name.length <= MAX_NAME_CHARS;
    for (const i of inputs) for (const local of i.extraction.entities.values()) if (local.type === 'Person' && usable(local)) this.addFullName(local.name);

    for (const { article, extraction, duplicateOf } of inputs) {
      documents.push({
        id: article.id,
        source: article.source,
        title: article.title,
        ...(article.published ? { published: article.published } : {}),
        ...(article.url ? { url: article.url } : {}),
        ...(article.author ? { author: article.author } : {}),
        ...(article.outlet ? { outlet: article.outlet } : {}),
        ...(article.pageStarts ? { pageStarts: article.pageStarts } : {}),
        chars: article.text.length,
        ...(duplicateOf ? { duplicateOf: duplicateOf.id, similarity: duplicateOf.similarity } : {}),
      });
      // Each local entity's route: where it goes, and where its mentions written as split-off aliases go.
      const routes = new Map<string, { route: Route; mentions: LocalEntity['mentions'] }>();
      const publishedYear = article.published ? Number(article.published.slice(0, 4)) : undefined;
      for (const local of extraction.entities.values()) {
        if (!usable(local)) continue;
        const resolved = local.type === 'Attack' && local.attack ? this.resolveAttack(local, publishedYear) : local.type === 'Person' ? this.personKey(local) : local.ref;
        const route = routeEntity(this.corrections, resolved, local.name, local.mentions.map((m) => m.text));
        routes.set(local.ref, { route, mentions: local.mentions });
        const id = route.id;
        const splitOff = (text: string) => route.split.get(text.toLowerCase());
        // Its name: the alias as written when it is an entity split off; else not an alias that went to another.
        const name = route.splitOff ? (local.mentions[0]?.text ?? local.name) : splitOff(local.name) ? (local.mentions.find((m) => !splitOff(m.text))?.text ?? local.name) : local.name;
        let entity = entities.get(id);
        if (!entity) {
          entity = { id, type: local.type, name, aliases: [], mentions: [], attributes: [] };
          entities.set(id, entity);
        }
        if (local.type === 'Person' && name.split(' ').length > entity.name.split(' ').length) entity.name = name;
        const attack = this.attacks.get(id);
        if (attack) {
          entity.name = attack.name;
          entity.nameRank = attack.nameRank;
          entity.attack = attack.anchors;
        }
        const aliases = new Set(entity.aliases);
        const names = route.splitOff ? local.mentions.map((m) => m.text) : [local.name, ...local.aliases];
        for (const alias of names) if (alias !== entity.name && alias.length <= MAX_NAME_CHARS && !splitOff(alias)) aliases.add(alias);
        entity.aliases = [...aliases];
        // Loops, not push(...list): a long article mentions a place tens of thousands of times, more
        // arguments than a call can take.
        for (const m of local.mentions) {
          const other = splitOff(m.text);
          if (!other) entity.mentions.push({ doc: article.id, ...m });
          else {
            let split = entities.get(other);
            if (!split) entities.set(other, (split = { id: other, type: local.type, name: m.text, aliases: [], mentions: [], attributes: [] }));
            split.mentions.push({ doc: article.id, ...m });
          }
        }
        for (const a of withSentences(local.attributes, article.text)) entity.attributes.push(a);
      }
      // A relationship's end is the entity split off in the sentences that name that end only by the split
      // alias: a relationship told both ways is one of each, its sentences shared out between them.
      const endOf = (ref: string, sentences: Array<{ start: number; end: number }>): string | undefined => {
        const found = routes.get(ref);
        if (!found || found.route.split.size === 0) return found?.route.id;
        const inside = found.mentions.filter((m) => sentences.some((e) => e.start <= m.start && m.end <= e.end));
        const ends = new Set(inside.map((m) => found.route.split.get(m.text.toLowerCase()) ?? found.route.id));
        return ends.size === 1 ? [...ends][0] : found.route.id;
      };
      for (const relation of extraction.relations) {
        for (const evidence of relation.evidence.length > 0 ? relation.evidence.map((e) => [e]) : [[]]) {
          const source = endOf(relation.source, evidence);
          const target = endOf(relation.target, evidence);
          if (!source || !target || source === target) continue;
          const key = `${relation.type}\u0000${source}\u0000${target}`;
          const existing = relations.get(key);
          if (!existing) relations.set(key, { type: relation.type, source, target, confidence: relation.confidence, evidence: [...evidence] });
          else {
            existing.confidence = Math.max(existing.confidence, relation.confidence);
            for (const e of evidence) if (!existing.evidence.some((x) => x.doc === e.doc && x.start === e.start)) existing.evidence.push(e);
          }
        }
      }
    }
    // An attack renamed by a later document of the batch carries its best name everywhere.
    for (const entity of entities.values()) {
      const attack = this.attacks.get(entity.id);
      if (!attack || entity.name === attack.name) continue;
      entity.aliases = [...new Set([...entity.aliases, entity.name])].filter((a) => a !== attack.name);
      entity.name = attack.name;
      entity.nameRank = attack.nameRank;
    }
    return applyCorrections({ documents, entities: [...entities.values()], relations: [...relations.values()] }, this.corrections);
  }

  /** A lone surname ("Neumann") takes the one full name it fits, from this run or an earlier one. */
  private personKey(local: LocalEntity): string {
    if (local.name.includes(' ')) return `person/${slug(local.name)}`;
    const tail = local.name.split(/[\s-]/).at(-1)!;
    const fits = [...(this.fullNamesByTail.get(tail) ?? [])].filter((f) => f.endsWith(` ${local.name}`) || f.endsWith(`-${local.name}`));
    return fits.length === 1 ? `person/${slug(fits[0]!)}` : local.ref;
  }

  private resolveAttack(local: LocalEntity, publishedYear: number | undefined): string {
    const facts = local.attack!;
    const explicit = facts.year !== undefined;
    const era = facts.year ?? publishedYear;
    const rank = local.nameRank ?? 99;
    // Candidates share an anchor key; they are checked in the order they were first seen, as before.
    let match: AttackState | undefined;
    for (const a of this.candidates(anchorKeys(facts), era, facts.date)) if ((!match || a.seq < match.seq) && this.agree(a, era, explicit, facts)) match = a;
    if (match) {
      const before = match.anchors.year;
      // An attack that gains its year leaves the yearless buckets of the keys it had.
      if (before === undefined && era !== undefined) for (const key of anchorKeys(match.facts)) this.attacksByAnchor.get(key)?.get(undefined)?.delete(match);
      mergeFacts(match.facts, facts);
      match.anchors = toAnchors(match.facts, match.anchors.explicitYear || explicit, before ?? era);
      this.index(match);
      if (rank < match.nameRank) {
        match.name = local.name;
        match.nameRank = rank;
      }
      return match.id;
    }
    // A stable id from where and when, not from wording: the same attack gets it in any run.
    const anchor = facts.places[0] ?? facts.sites[0] ?? facts.names[0] ?? facts.persons[0] ?? facts.countries[0] ?? local.name;
    const base = `attack/${slug(anchor.split('/').at(-1)!)}${explicit ? `-${facts.year}` : ''}`;
    // The first free of base, base-2, base-3, …: attacks are never dropped, so the search goes on where it last stopped.
    let id = base;
    if (this.attacks.has(id)) {
      let n = this.nextSuffix.get(base) ?? 2;
      while (this.attacks.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      this.nextSuffix.set(base, n + 1);
    }
    const merged = structuredClone(facts);
    this.index({ id, name: local.name, nameRank: rank, anchors: toAnchors(merged, explicit, era), facts: merged, seq: this.attacks.size });
    return id;
  }

  private agree(a: AttackState, era: number | undefined, explicit: boolean, facts: AttackFacts): boolean {
    // Undated, a report of a past the text names ("three years ago") is not one of its article's present.
    const sameTime = a.facts.year !== undefined || facts.year !== undefined || (a.facts.pastBy === undefined) === (facts.pastBy === undefined);
    return sameTime && erasAgree({ year: a.anchors.year, explicit: a.anchors.explicitYear }, { year: era, explicit }) && datesAgree(a.facts.date, facts.date) && anchorsAgree(a.facts, facts);
  }
}

export const resolveDocuments = (inputs: ResolveInput[]): Extraction => new Resolver().resolve(inputs);
