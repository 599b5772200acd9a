// Extraction results as one transferable tape of numbers and a per-chunk string table, for the trip from a worker
// thread to the main thread: structured clone writes every small object with its keys and rebuilds it generically,
// which cost both threads more than extraction's tail on two cores; this writes each shape's fields in a fixed
// order and every repeated string (document id, sentence, type, name) once.
import type { AttackFacts, DocumentExtraction, LocalEntity, LocalRelation } from '../extract/index.js';
import type { AttributeReport, Evidence } from '../model/extraction.js';
import type { EntityType } from '../model/ontology.js';
import type { ExtractionOutcome } from './extractor.js';

/** What a worker posts: `tape` is transferred, not copied; its first `length` slots are used. */
export interface OutcomeTape {
  tape: Float64Array<ArrayBuffer>;
  length: number;
  strings: string[];
}

// The fixed-order fields below must name every field of their type: a field added to one of these types (even an
// optional one) fails the typecheck here instead of being dropped on its way between threads.
type Covers<T, K extends keyof T> = Exclude<keyof T, K> extends never ? true : false;
const entityFields: Covers<LocalEntity, 'ref' | 'type' | 'name' | 'key' | 'aliases' | 'mentions' | 'attributes' | 'nameRank' | 'attack'> = true;
const relationFields: Covers<LocalRelation, 'type' | 'source' | 'target' | 'confidence' | 'evidence' | 'rule'> = true;
const evidenceFields: Covers<Evidence, 'doc' | 'start' | 'end' | 'text'> = true;
const mentionFields: Covers<LocalEntity['mentions'][number], 'start' | 'end' | 'text'> = true;
void [entityFields, relationFields, evidenceFields, mentionFields];

/** Attack entities carry a name rank and facts, in the order extraction set them. */
const enum Extras {
  None,
  Rank,
  Attack,
  RankThenAttack,
  AttackThenRank,
}

/** Value kinds in a record whose keys vary (attribute reports, attack facts): written with their keys, in order. */
const enum Kind {
  Undefined,
  Number,
  String,
  Strings,
}

const NONE = -1;

class TapeWriter {
  tape = new Float64Array(8192);
  length = 0;
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  num(x: number): void {
    if (this.length === this.tape.length) {
      const grown = new Float64Array(this.tape.length * 2);
      grown.set(this.tape);
      this.tape = grown;
    }
    this.tape[this.length++] = x;
  }

  str(s: string): void {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.index.set(s, i);
    }
    this.num(i);
  }

  optStr(s: string | undefined): void {
    if (s === undefined) this.num(NONE);
    else this.str(s);
  }

  strs(list: Iterable<string>, size: number): void {
    this.num(size);
    for (const s of list) this.str(s);
  }

  record(record: object): void {
    const entries = Object.entries(record);
    this.num(entries.length);
    for (const [key, value] of entries) {
      this.str(key);
      if (value === undefined) this.num(Kind.Undefined);
      else if (typeof value === 'number') {
        this.num(Kind.Number);
        this.num(value);
      } else if (typeof value === 'string') {
        this.num(Kind.String);
        this.str(value);
      } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        this.num(Kind.Strings);
        this.strs(value, value.length);
      } else throw new TypeError(`extraction field "${key}" is not a number, string or list of strings, so it cannot be passed between threads: extend src/pipeline/outcome-tape.ts`);
    }
  }
}

function extrasOf(entity: LocalEntity): Extras {
  const rank = entity.nameRank !== undefined;
  if (!entity.attack) return rank ? Extras.Rank : Extras.None;
  if (!rank) return Extras.Attack;
  return Object.keys(entity).indexOf('attack') < Object.keys(entity).indexOf('nameRank') ? Extras.AttackThenRank : Extras.RankThenAttack;
}

function writeExtraction(w: TapeWriter, extraction: DocumentExtraction): void {
  w.str(extraction.documentId);
  w.num(extraction.entities.size);
  for (const [ref, e] of extraction.entities) {
    w.str(ref);
    w.str(e.ref);
    w.str(e.type);
    w.str(e.name);
    w.optStr(e.key);
    w.strs(e.aliases, e.aliases.size);
    w.num(e.mentions.length);
    for (const m of e.mentions) {
      w.num(m.start);
      w.num(m.end);
      w.str(m.text);
    }
    w.num(e.attributes.length);
    for (const a of e.attributes) w.record(a);
    const extras = extrasOf(e);
    w.num(extras);
    if (extras === Extras.AttackThenRank) w.record(e.attack!);
    if (extras === Extras.Rank || extras === Extras.RankThenAttack || extras === Extras.AttackThenRank) w.num(e.nameRank!);
    if (extras === Extras.Attack || extras === Extras.RankThenAttack) w.record(e.attack!);
  }
  w.num(extraction.relations.length);
  for (const r of extraction.relations) {
    w.str(r.type);
    w.str(r.source);
    w.str(r.target);
    w.num(r.confidence);
    w.num(r.evidence.length);
    for (const v of r.evidence) {
      w.str(v.doc);
      w.num(v.start);
      w.num(v.end);
      w.str(v.text);
    }
    w.str(r.rule);
  }
}

export function encodeOutcomes(outcomes: ExtractionOutcome[]): OutcomeTape {
  const w = new TapeWriter();
  w.num(outcomes.length);
  for (const outcome of outcomes) {
    w.num(outcome.ok ? 1 : 0);
    if (outcome.ok) writeExtraction(w, outcome.extraction);
    else w.str(outcome.reason);
  }
  return { tape: w.tape, length: w.length, strings: w.strings };
}

class TapeReader {
  private at = 0;
  constructor(
    private readonly tape: Float64Array,
    private readonly strings: string[],
  ) {}

  num(): number {
    return this.tape[this.at++]!;
  }

  str(): string {
    return this.strings[this.tape[this.at++]!]!;
  }

  optStr(): string | undefined {
    const i = this.tape[this.at++]!;
    return i === NONE ? undefined : this.strings[i]!;
  }

  strs(): string[] {
    const list = new Array<string>(this.num());
    for (let i = 0; i < list.length; i++) list[i] = this.str();
    return list;
  }

  record(): Record<string, string | number | string[] | undefined> {
    const record: Record<string, string | number | string[] | undefined> = {};
    for (let n = this.num(); n > 0; n--) {
      const key = this.str();
      const kind = this.num() as Kind;
      record[key] = kind === Kind.Number ? this.num() : kind === Kind.String ? this.str() : kind === Kind.Strings ? this.strs() : undefined;
    }
    return record;
  }
}

function readExtraction(r: TapeReader): DocumentExtraction {
  const documentId = r.str();
  const entities = new Map<string, LocalEntity>();
  for (let n = r.num(); n > 0; n--) {
    const ref = r.str();
    const entity: LocalEntity = { ref: r.str(), type: r.str() as EntityType, name: r.str(), key: r.optStr(), aliases: new Set(r.strs()), mentions: [], attributes: [] };
    for (let m = r.num(); m > 0; m--) entity.mentions.push({ start: r.num(), end: r.num(), text: r.str() });
    for (let a = r.num(); a > 0; a--) entity.attributes.push(r.record() as AttributeReport);
    const extras = r.num() as Extras;
    if (extras === Extras.AttackThenRank) entity.attack = r.record() as unknown as AttackFacts;
    if (extras === Extras.Rank || extras === Extras.RankThenAttack || extras === Extras.AttackThenRank) entity.nameRank = r.num();
    if (extras === Extras.Attack || extras === Extras.RankThenAttack) entity.attack = r.record() as unknown as AttackFacts;
    entities.set(ref, entity);
  }
  const relations = new Array<LocalRelation>(r.num());
  for (let i = 0; i < relations.length; i++) {
    const type = r.str();
    const source = r.str();
    const target = r.str();
    const confidence = r.num();
    const evidence = new Array<Evidence>(r.num());
    for (let j = 0; j < evidence.length; j++) evidence[j] = { doc: r.str(), start: r.num(), end: r.num(), text: r.str() };
    relations[i] = { type, source, target, confidence, evidence, rule: r.str() };
  }
  return { documentId, entities, relations };
}

export function decodeOutcomes({ tape, strings }: OutcomeTape): ExtractionOutcome[] {
  const r = new TapeReader(tape, strings);
  const outcomes = new Array<ExtractionOutcome>(r.num());
  for (let i = 0; i < outcomes.length; i++) outcomes[i] = r.num() === 1 ? { ok: true, extraction: readExtraction(r) } : { ok: false, reason: r.str() };
  return outcomes;
}
