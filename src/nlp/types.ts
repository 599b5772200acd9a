// The vocabulary of the nlp step: tokens, sentences and typed mentions, all with offsets into the document text.
import type { EntityType } from '../model/ontology.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Whether white space precedes the token ("ISIS-K" is three tokens with no space between). */
  spaceBefore: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Headlines, bylines and other lines that are not running prose. */
  headline: boolean;
}

export type MentionRole = 'head' | 'modifier';

export interface EntityMention {
  type: EntityType;
  /** Canonical key when known (gazetteer id), else derived later from the name. */
  key: string | undefined;
  /** The entity's display name (gazetteer name, or the surface form cleaned of titles). */
  name: string;
  text: string;
  start: number;
  end: number;
  /** Token range [first, last) in its sentence. */
  sentence: number;
  first: number;
  last: number;
  role: MentionRole;
  /** Other names the text gives it right here ("Spin Boldak district" for "Spin Boldak"). */
  aliases?: string[];
  /** How it was found, for explanations: gazetteer, demonym, metonym, name, context. */
  via: string;
}
