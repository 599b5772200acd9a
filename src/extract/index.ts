// extract: one analysed document in; its entities (with attacks and casualty reports) and relations out,
// each relation with the sentence it came from. Pure: resources are loaded once by the caller.
import type { Article } from '../ingest/index.js';
import type { Lexicon } from '../model/gazetteer.js';
import { allows, type EntityType, type Ontology } from '../model/ontology.js';
import type { AnalyzedText, EntityMention, Gazetteer, Sentence } from '../nlp/index.js';
import { clusterAttacks, nameAttack, talksOfMany, type AttackCluster } from './attack-clusters.js';
import { ArrestReader, type ArrestMemory } from './arrests.js';
import { attributions } from './attributions.js';
import { AttackTargets } from './attack-relations.js';
import { publicationInstant } from './attack-dates.js';
import { AttackFinder, refOf, type AttackPhrase } from './attacks.js';
import { ATTACKED, CasualtyReader, datesAnother, joinParts, toAttribute, type CasualtyFigure } from './casualties.js';
import { EntityNames } from './entity-names.js';
import { lastParty, lastSubject, ReferenceResolver, stateBodies, type DocumentMemory } from './references.js';
import { RelationReader } from './relations.js';
import { RoleReader } from './roles.js';
import { SyntaxRelations } from './syntax-relations.js';
import type { AttackFacts, DocumentExtraction, LocalEntity, LocalRelation, Slot } from './types.js';

export type { AttackFacts, DocumentExtraction, LocalEntity, LocalRelation } from './types.js';
export { anchorsAgree, datesAgree, erasAgree, mergeFacts } from './attack-clusters.js';

// A year written in a sentence or an attack's words: what dates the sentence's facts, or the attack to another year.
const YEAR_IN_TEXT = /\b(?:19|20)\d{2}\b/;
// "In March last year", "two years ago", "in 2019", "earlier in the year": a sentence set in a time of its own, not
// the attack's told before.
const ANOTHER_TIME = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|[Ll]ast (?:year|month|week)|(?:years?|months?|weeks?) ago|[Pp]revious|[Pp]reviously|(?:[Ee]arlier|[Ll]ater) (?:in|that|this) (?:the )?(?:year|month))\b|\b(?:19|20)\d\d\b/;
// Between a casualty figure and the attack it counts: "killed 52 people in suicide bombings".
const FIGURE_OF = /^\s+(?:\S+\s+){0,2}(?:in|during|at|on)\s+(?:the\s+|an?\s+)?$/i;

// Between a count and the attack phrase of a clause that tells how the counted event came about ("were killed when
// their truck hit a roadside bomb", "died as a bomb went off").
const MEANS_OF_COUNT = /^[^;]*\b(?:when|(?<!such |well |as )as)\s[^;]*$/i;

export interface ExtractionResources {
  ontology: Ontology;
  gazetteer: Gazetteer;
}

/** Prepared once per run: compiled cues, patterns and word lists. */
export class Extractor {
  private readonly arrests = new ArrestReader();
  private readonly attacks: AttackFinder;
  private readonly casualties: CasualtyReader;
  private readonly names: EntityNames;
  private readonly references: ReferenceResolver;
  private readonly relations: RelationReader;
  private readonly roles: RoleReader;
  private readonly syntax: SyntaxRelations;
  private readonly targets: AttackTargets;
  private readonly lexicon: Lexicon;

  constructor(private readonly resources: ExtractionResources) {
    this.lexicon = resources.gazetteer.lexicon;
    this.attacks = new AttackFinder(this.lexicon, (ref) => this.countryOf(ref));
    this.casualties = new CasualtyReader(this.lexicon);
    this.names = new EntityNames(this.lexicon);
    this.references = new ReferenceResolver(this.lexicon, resources.gazetteer.entries);
    this.relations = new RelationReader(resources.ontology);
    this.roles = new RoleReader(this.lexicon);
    const knownPlace = (ref: string) => resources.gazetteer.entries.get(ref)?.type === 'Location';
    this.syntax = new SyntaxRelations(knownPlace);
    this.targets = new AttackTargets(knownPlace);
  }

  /** The country a place lies in, when the gazetteer knows it (a capital, a region). */
  private countryOf(ref: string): string | undefined {
    const entry = this.resources.gazetteer.entries.get(ref);
    return entry?.type === 'Country' ? undefined : entry?.country;
  }

  extract(article: Article, analyzed: AnalyzedText): DocumentExtraction {
    const { sentences } = analyzed;
    const mentions = this.names.unify(analyzed.mentions, sentences);
    const bySentence: EntityMention[][] = sentences.map(() => []);
    for (const m of mentions) bySentence[m.sentence]!.push(m);
    const entities = new Map<string, LocalEntity>();
    const relations: LocalRelation[] = [];
    const evidenceOf = (sentence: Sentence) => ({ doc: article.id, start: sentence.start, end: sentence.end, text: sentence.text });
    const addRelation = (type: string, source: { ref: string; type: EntityType }, target: { ref: string; type: EntityType }, confidence: number, sentence: Sentence, rule: string) => {
      if (source.ref === target.ref || !allows(this.resources.ontology, type, source.type, target.type)) return;
      relations.push({ type, source: source.ref, target: target.ref, confidence, evidence: [evidenceOf(sentence)], rule });
    };

    for (const mention of mentions) addEntity(entities, refOf(mention), mention.type, mention.name, mention.key, mention);

    // Attacks: phrases, then which of them are one attack.
    const published = publicationInstant(article.published);
    const phrases = sentences.flatMap((s) => this.attacks.phrases(s, bySentence[s.index]!, published));
    // An article with no date of its own ("On 27 May 1998 a bomb exploded ...", an encyclopedia page) is of the
    // time of the attack its first sentence dates to the day: that attack is its present, the others it recalls.
    const publishedYear = article.published ? Number(article.published.slice(0, 4)) : phrases.find((p) => p.sentence === 0 && /^\d{4}-\d\d-\d\d$/.test(p.facts.date ?? ''))?.facts.year;
    const paragraphOf = paragraphIndex(article.text, sentences);
    const sentenceFacts = (index: number): AttackFacts => {
      const facts: AttackFacts = { kind: 'attack', noun: 'attack', year: undefined, date: undefined, places: [], sites: [], countries: [], persons: [], names: [], venues: [], agents: [] };
      for (const m of bySentence[index] ?? []) {
        if (m.type === 'Location' && m.role === 'head') facts.places.push(refOf(m));
        if (m.type === 'Country' && m.role === 'head' && !facts.countries.includes(refOf(m))) facts.countries.push(refOf(m));
      }
      const year = YEAR_IN_TEXT.exec(sentences[index]!.text);
      if (year) facts.year = Number(year[0]);
      return facts;
    };
    const { clusters, refs } = clusterAttacks({ phrases, publishedYear, sameParagraph: (a, b) => paragraphOf[a] === paragraphOf[b], sentenceFacts, provinceOf: (ref) => this.resources.gazetteer.entries.get(ref)?.province, regionOf: (ref) => this.resources.gazetteer.entries.get(ref)?.region }, `attack/${article.id}-`);
    for (const cluster of clusters) this.addAttack(entities, cluster, article.id, sentences);

    // Casualty figures belong to the attack their sentence (or the one before, in its paragraph) speaks of.
    // A sentence about attacks in general, or about another attack the text does not follow ("a suicide bombing
    // that killed 13"), gives no figures to the last one; a verb telling the event, or "the explosion", does.
    const unfollowed = new Map<number, AttackPhrase[]>();
    for (const p of phrases) if (talksOfMany(p) || (!refs.has(p) && !p.definite && !p.byVerb)) unfollowed.set(p.sentence, [...(unfollowed.get(p.sentence) ?? []), p]);
    // "Seven guards were killed when their jeep hit a roadside bomb": a phrase in a clause after the count that
    // tells how it came about is the counted event's means, not another attack.
    const talksOfAttacks = (sentence: Sentence, figure: CasualtyFigure) =>
      (unfollowed.get(sentence.index) ?? []).some((p) => talksOfMany(p) || p.start < figure.end || !MEANS_OF_COUNT.test(sentence.text.slice(figure.end - sentence.start, p.start - sentence.start)));
    const attackSlotsBySentence = new Map<number, Array<{ phrase: AttackPhrase; ref: string }>>();
    for (const [phrase, ref] of refs) attackSlotsBySentence.set(phrase.sentence, [...(attackSlotsBySentence.get(phrase.sentence) ?? []), { phrase, ref }]);
    let lastAttack: { ref: string; sentence: number } | undefined;
    const recalled = new Set(clusters.filter((c) => (c.explicitYear && c.facts.year !== publishedYear) || c.facts.pastBy !== undefined).map((c) => c.ref));
    // "Assailants fired on a minibus, killing two. ... No group claimed the attack.": figures told before the
    // text first names the attack wait for it, within their paragraph or, from a lead paragraph of its own, in the
    // next one that refers back to it ("A bomb tore through a train, killing 11. || BLA claimed the blast"); from the
    // article's lead (under its headline), also in the next one that goes on to tell it by a verb ("The bomb, hidden
    // under the rails, went off as ..."): later paragraphs may list tolls before the account of each attack.
    // An attack its own words date to another year ("the 2014 school massacre") is not the one they wait for.
    const waiting: Array<{ figure: CasualtyFigure; sentence: number }> = [];
    // Figures no attack near them took ("Solenzo (market, 9 a.m.): 14 dead", an answer far from the question that
    // named the attack): they go to the one attack told in the place their sentence, or their paragraph, names.
    const unplaced: Array<{ figure: CasualtyFigure; sentence: number }> = [];
    const attach = (ref: string, figure: CasualtyFigure) => {
      const attribute = toAttribute(figure, article.id);
      const attributes = entities.get(ref)!.attributes;
      // "Five more people died": a count added to one the attack already has is no toll of its own.
      if (!figure.added || !attributes.some((a) => a.key === attribute.key)) attributes.push(attribute);
    };
    const datedAway = (phrase: AttackPhrase) => YEAR_IN_TEXT.test(phrase.text) && phrase.facts.year !== publishedYear;
    // A sentence that names no attack goes on with the last one told, up to two sentences after it: in its
    // paragraph, or in the next one when the news tells each step in a paragraph of its own ("Gunmen ambushed a
    // convoy ... || Fourteen other soldiers were wounded"), unless it is set in another time ("In March last year, ...").
    const followsOn = (told: number, index: number) => {
      const paragraphs = paragraphOf[index]! - paragraphOf[told]!;
      return index - told <= 2 && (paragraphs === 0 || (paragraphs === 1 && !ANOTHER_TIME.test(sentences[index]!.text)));
    };
    // The one attack of the article's time told in the places a sentence names, or failing those, the sentence before
    // it in its paragraph.
    const attackPlacedBy = (index: number): string | undefined => {
      for (let k = index; k >= 0 && paragraphOf[k] === paragraphOf[index]; k--) {
        const places = sentenceFacts(k).places;
        if (!places.length) continue;
        const there = clusters.filter((c) => !recalled.has(c.ref) && c.facts.places.some((p) => places.includes(p)));
        return there.length === 1 ? there[0]!.ref : undefined;
      }
      return undefined;
    };
    for (const sentence of sentences) {
      const here = attackSlotsBySentence.get(sentence.index) ?? [];
      const awaited = here.find((a) => !datedAway(a.phrase));
      if (awaited) {
        const paragraph = paragraphOf[sentence.index]!;
        for (const w of waiting.splice(0)) {
          if (paragraphOf[w.sentence] === paragraph || ((awaited.phrase.definite || (awaited.phrase.byVerb && paragraphOf[w.sentence]! <= 1)) && paragraphOf[w.sentence] === paragraph - 1)) attach(awaited.ref, w.figure);
          else unplaced.push(w);
        }
      }
      const placed = new Map<string, CasualtyFigure[]>();
      for (const figure of this.casualties.figures(sentence)) {
        // "A day before the siege, a bomber killed six": the siege only dates the event counted.
        const candidates = here.filter((a) => !datesAnother(sentence, a.phrase, figure));
        if (here.length && !candidates.length) continue;
        // "killed 52 people in suicide bombings on ...": the attack right after the figure is the one it counts.
        const gap = (a: { phrase: AttackPhrase }) => sentence.text.slice(figure.end - sentence.start, a.phrase.start - sentence.start);
        const after = candidates.find((a) => a.phrase.start >= figure.end && FIGURE_OF.test(gap(a)));
        const before = after ?? candidates.filter((a) => a.phrase.start <= figure.start).at(-1) ?? candidates[0];
        // A toll told for several attacks at once ("two bombings killed 48 in X and Y") is no one attack's.
        if (before?.phrase.shared) continue;
        // Only a figure no attack of its sentence takes asks whether the sentence speaks of other attacks.
        const general = !before && talksOfAttacks(sentence, figure);
        const ref = before?.ref ?? (lastAttack && !general && followsOn(lastAttack.sentence, sentence.index) ? lastAttack.ref : undefined);
        const slot = ref ?? (!lastAttack && !general ? '' : undefined);
        if (slot !== undefined) placed.set(slot, [...(placed.get(slot) ?? []), figure]);
        else if (!here.length && !general) unplaced.push({ figure, sentence: sentence.index });
      }
      for (const [ref, figures] of placed) {
        for (const figure of joinParts(figures, sentence)) {
          if (ref) attach(ref, figure);
          else waiting.push({ figure, sentence: sentence.index });
        }
      }
      // An attack the sentence recalls from another year is not the one later figures count.
      const latest = [...here].reverse().find((a) => !recalled.has(a.ref)) ?? here.at(-1);
      if (latest) lastAttack = { ref: latest.ref, sentence: sentence.index };
    }
    const unplacedBySentence = new Map<number, CasualtyFigure[]>();
    for (const w of [...unplaced, ...waiting]) unplacedBySentence.set(w.sentence, [...(unplacedBySentence.get(w.sentence) ?? []), w.figure]);
    for (const [index, figures] of unplacedBySentence) {
      const ref = ANOTHER_TIME.test(sentences[index]!.text) ? undefined : attackPlacedBy(index);
      if (ref) for (const figure of joinParts(figures, sentences[index]!)) attach(ref, figure);
    }
    // GTD and many reports count the attackers among the dead: where the attackers are the only dead (or hurt)
    // a report gives, their figure is the toll too, marked as theirs.
    for (const cluster of clusters) {
      const entity = entities.get(cluster.ref)!;
      // "stabbed three shoppers ... two were killed and one was injured": everyone attacked is the count of the
      // hurt only where the text gives no other count.
      if (entity.attributes.some((a) => (a.key === 'deaths' || a.key === 'injured') && a.qualifier !== ATTACKED)) entity.attributes = entity.attributes.filter((a) => a.qualifier !== ATTACKED);
      const attributes = entity.attributes;
      for (const [own, toll] of [['attackerDeaths', 'deaths'], ['attackerInjured', 'injured']] as const) {
        if (attributes.some((a) => a.key === toll)) continue;
        for (const a of attributes.filter((x) => x.key === own)) attributes.push({ ...a, key: toll, qualifier: 'attackers' });
      }
    }

    // Relations, sentence by sentence, with what came before as context.
    const home = this.homeCountry(mentions, entities);
    const memory: DocumentMemory = { history: [], groupsInDocument: new Map() };
    const arrestMemory: ArrestMemory = {};
    for (const m of mentions) if (m.type === 'Group') memory.groupsInDocument.set(refOf(m), (memory.groupsInDocument.get(refOf(m)) ?? 0) + 1);
    for (const sentence of sentences) {
      const { slots, branches } = this.references.slots(sentence, bySentence[sentence.index]!, memory);
      slots.push(...stateBodies(sentence, slots, home));
      for (const { phrase, ref } of attackSlotsBySentence.get(sentence.index) ?? []) {
        slots.push({ ref, type: 'Attack', sentence: sentence.index, first: phrase.first, last: phrase.last, start: phrase.start, end: phrase.end, text: phrase.text, speaker: false, role: 'head' });
      }
      for (const branch of branches) addRelation('BRANCH_OF', { ref: branch.child, type: 'Group' }, { ref: branch.parent, type: 'Group' }, 0.85, sentence, 'descriptor');
      const recent = (types: EntityType[], speakers = false): Slot | undefined => lastParty(memory.history, types, Infinity, speakers);
      // What "its" points back to: the subject of the last sentence that names one, which may have spoken.
      const subject = (types: EntityType[]): Slot | undefined => lastSubject(memory.history, types, Infinity, true);
      const told = [...this.relations.read({ sentence, slots, recent }), ...this.syntax.read(sentence, slots, () => recent(['Attack']))];
      for (const hit of attributions(sentence, slots, told)) addRelation(hit.relation, hit.source, hit.target, hit.confidence, sentence, hit.rule);
      for (const hit of this.targets.read(sentence, slots, () => recent(['Attack']))) addRelation(hit.relation, hit.source, hit.target, hit.confidence, sentence, hit.rule);
      for (const hit of this.roles.read(sentence, bySentence[sentence.index]!, slots, subject, home)) addRelation(hit.relation, hit.source, hit.target, hit.confidence, sentence, hit.rule);
      // An arresting state found through a place must be one the document names, so the relation has both ends.
      const namedCountryOf = (ref: string) => [this.countryOf(ref)].find((c) => c !== undefined && entities.has(c));
      for (const hit of this.arrests.read({ sentence, slots, countryOf: namedCountryOf, recentCountry: () => recent(['Country']), memory: arrestMemory })) addRelation(hit.relation, hit.source, hit.target, hit.confidence, sentence, hit.rule);
      memory.history.push(...slots.sort((a, b) => a.first - b.first));
    }

    // Where each attack happened: the places its reports name.
    for (const cluster of clusters) {
      for (const phrase of cluster.phrases) {
        const sentence = sentences[phrase.sentence]!;
        for (const place of [...phrase.facts.places, ...phrase.facts.sites]) addRelation('OCCURRED_IN', { ref: cluster.ref, type: 'Attack' }, { ref: place, type: entities.get(place)?.type ?? 'Location' }, 0.8, sentence, 'attack-place');
        for (const agent of phrase.facts.agents) addRelation('CARRIED_OUT', { ref: agent, type: entities.get(agent)?.type ?? 'Group' }, { ref: cluster.ref, type: 'Attack' }, 0.75, sentence, 'attack-agent');
        for (const country of phrase.facts.countries) if (!phrase.impliedCountries.includes(country)) addRelation('OCCURRED_IN', { ref: cluster.ref, type: 'Attack' }, { ref: country, type: 'Country' }, 0.7, sentence, 'attack-country');
      }
    }
    return { documentId: article.id, entities, relations: dedupeRelations(relations) };
  }

  /**
   * The state a report is filed from, as its dateline names it ("BAQUBA, Iraq (AFP) -", or a capital: "BRUSSELS
   * (AFP) -"), when the document names that state elsewhere too.
   */
  private homeCountry(mentions: EntityMention[], entities: Map<string, LocalEntity>): Slot | undefined {
    const dateline = mentions.find((m) => m.via === 'gazetteer:dateline' || m.via === 'name:dateline');
    if (!dateline) return undefined;
    const after = mentions.find((m) => m.sentence === dateline.sentence && m.first === dateline.last + 1 && m.type === 'Country');
    const ref = after ? refOf(after) : dateline.key === undefined ? undefined : this.countryOf(dateline.key);
    if (!ref || !entities.has(ref) || entities.get(ref)!.type !== 'Country') return undefined;
    return { ref, type: 'Country', sentence: dateline.sentence, first: dateline.first, last: dateline.last, start: dateline.start, end: dateline.end, text: dateline.text, speaker: false, role: 'head' };
  }

  private addAttack(entities: Map<string, LocalEntity>, cluster: AttackCluster, doc: string, sentences: Sentence[]): void {
    const nameOf = (ref: string) => entities.get(ref)?.name ?? this.resources.gazetteer.entries.get(ref)?.name ?? ref.split('/').at(-1)!;
    const { name, aliases, rank } = nameAttack(cluster, nameOf);
    const entity = addEntity(entities, cluster.ref, 'Attack', name, undefined);
    entity.nameRank = rank;
    for (const alias of aliases) entity.aliases.add(alias);
    entity.attack = cluster.facts;
    for (const phrase of cluster.phrases) entity.mentions.push({ start: phrase.start, end: phrase.end, text: phrase.text });
    const first = cluster.phrases[0]!;
    const sentence = sentences[first.sentence]!;
    entity.attributes.push({ key: 'kind', value: cluster.facts.kind, doc, text: sentence.text, start: sentence.start, end: sentence.end });
    if (cluster.facts.date) entity.attributes.push({ key: 'date', value: cluster.facts.date, doc, text: sentence.text, start: sentence.start, end: sentence.end });
  }
}

function addEntity(entities: Map<string, LocalEntity>, ref: string, type: EntityType, name: string, key: string | undefined, mention?: EntityMention): LocalEntity {
  let entity = entities.get(ref);
  if (!entity) {
    entity = { ref, type, name, key, aliases: new Set(), mentions: [], attributes: [] };
    entities.set(ref, entity);
  }
  if (mention) {
    entity.mentions.push({ start: mention.start, end: mention.end, text: mention.text });
    if (mention.text !== name && mention.via !== 'gazetteer:demonym') entity.aliases.add(mention.text);
    for (const alias of mention.aliases ?? []) if (alias !== entity.name) entity.aliases.add(alias);
  }
  return entity;
}

function paragraphIndex(text: string, sentences: Sentence[]): number[] {
  let paragraph = 0;
  return sentences.map((s, k) => {
    if (k > 0 && text.slice(sentences[k - 1]!.end, s.start).includes('\n')) paragraph++;
    return paragraph;
  });
}

/** One relation per (type, source, target), keeping every sentence that supports it. */
function dedupeRelations(relations: LocalRelation[]): LocalRelation[] {
  const merged = new Map<string, LocalRelation>();
  // Sentence starts already cited per relation, so a relation stated thousands of times is merged in linear time.
  const cited = new Map<string, Set<number>>();
  for (const r of relations) {
    const key = `${r.type}\u0000${r.source}\u0000${r.target}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...r, evidence: [...r.evidence] });
      cited.set(key, new Set(r.evidence.map((e) => e.start)));
    } else {
      existing.confidence = Math.max(existing.confidence, r.confidence);
      const starts = cited.get(key)!;
      for (const e of r.evidence) {
        if (starts.has(e.start)) continue;
        starts.add(e.start);
        existing.evidence.push(e);
      }
    }
  }
  return [...merged.values()];
}
