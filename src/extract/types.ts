// The vocabulary of the extract step: references to entities within one document, attacks, relations.
import type { EntityType } from '../model/ontology.js';
import type { AttributeReport, Evidence } from '../model/extraction.js';
import type { EntityMention, Sentence } from '../nlp/index.js';

/** Where a piece of text is: its sentence, its token range [first, last) and its character offsets. */
export interface TextSpan {
  sentence: number;
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
}

/** A mention as the extractor uses it: bound to a document-local entity reference. */
export interface Slot extends TextSpan {
  ref: string;
  type: EntityType;
  /** Speakers and sources ("according to Reuters") are never parties to a relation. */
  speaker: boolean;
  role: 'head' | 'modifier';
}

export interface AttackFacts {
  kind: string;
  /** The head noun as written ("shooting", "hostage crisis"), for naming. */
  noun: string;
  year: number | undefined;
  date: string | undefined;
  /** Entity refs of places and people the text ties the attack to. */
  places: string[];
  /** Named venues and buildings ("Crocus City Hall"): finer than places, so they never clash with a city. */
  sites: string[];
  countries: string[];
  persons: string[];
  /** Proper names in the attack phrase that the tagger does not know ("Bataclan"), and venue words. */
  names: string[];
  venues: string[];
  /** Who the phrase says did it: "the attack by Hamas". */
  agents: string[];
  /** The words that set it before the article's present where no date resolves them ("three years ago", "last year"). */
  pastBy?: string;
}

export interface LocalEntity {
  ref: string;
  type: EntityType;
  name: string;
  key: string | undefined;
  aliases: Set<string>;
  mentions: Array<{ start: number; end: number; text: string }>;
  attributes: AttributeReport[];
  attack?: AttackFacts;
  /** How good the attack's name is (0 best): a proper name beats a place, a place beats a country. */
  nameRank?: number;
}

export interface LocalRelation {
  type: string;
  source: string;
  target: string;
  confidence: number;
  evidence: Evidence[];
  /** Which rule found it, for `kg extract --explain`. */
  rule: string;
}

export interface DocumentExtraction {
  documentId: string;
  entities: Map<string, LocalEntity>;
  relations: LocalRelation[];
}

export interface SentenceContext {
  sentence: Sentence;
  slots: Slot[];
}

export type { EntityMention };
