// The ontology is data (data/ontology.json): entity types, relation types with their allowed endpoints,
// and the cue lexicon, so users can extend it without code. This validates it and answers questions about it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from './errors.js';

export const ENTITY_TYPES = ['Person', 'Group', 'Country', 'Attack', 'Location', 'Organization', 'Event'] as const;
export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

/** How a cue finds one end of the relation in its sentence. */
export const SlotStrategy = z.enum([
  'before', // nearest eligible mention before the cue
  'after', // nearest eligible mention after the cue
  'after-direct', // the cue's direct object only: the next noun phrase must be an eligible mention
  'after-second', // skip the first eligible mention after the cue (it filled the other slot), take the next
  'pair-first', // "between A and B": the first of the two sides listed after the cue
  'pair-second', // "between A and B": the second of them (or, listed apart, the next one after the first)
  'sides-first', // "A and B accused each other": the first of the two sides coordinated before the cue
  'sides-second', // the second of them
  'after-embedded', // "threatened that X would hurt Y": Y, past the embedded subject
  'after-or-relative', // the direct object, or the head of a relative clause before the subject
  'attack', // the attack in the sentence, or the one the text last spoke of
  'attack-after', // only an attack named after the cue ("blamed X for the bombing"), never one from context
  'context-country', // the country the text is about ("our own soil")
]);
export type SlotStrategy = z.infer<typeof SlotStrategy>;

const RelationName = z.string().regex(/^[A-Z][A-Z_]*$/, 'relation types are UPPER_SNAKE_CASE');

export const CueSpec = z.object({
  relation: RelationName,
  pattern: z.string().min(1),
  source: SlotStrategy,
  target: SlotStrategy,
  notBefore: z.string().optional(),
  confidence: z.number().min(0).max(1).default(0.8),
});
export type CueSpec = z.infer<typeof CueSpec>;

export const OntologyFile = z
  .object({
    entityTypes: z.array(EntityType).min(1),
    relationTypes: z.record(
      RelationName,
      z.object({ sources: z.array(EntityType).min(1), targets: z.array(EntityType).min(1), symmetric: z.boolean().default(false) }),
    ),
    cues: z.array(CueSpec),
  })
  .superRefine((ontology, ctx) => {
    ontology.cues.forEach((cue, index) => {
      if (!(cue.relation in ontology.relationTypes)) {
        ctx.addIssue({ code: 'custom', path: ['cues', index, 'relation'], message: `unknown relation type ${cue.relation}` });
      }
      for (const key of ['pattern', 'notBefore'] as const) {
        const source = cue[key];
        if (source === undefined) continue;
        try {
          new RegExp(source);
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: ['cues', index, key], message: `not a valid regular expression: ${(error as Error).message}` });
        }
      }
    });
  });
export type Ontology = z.infer<typeof OntologyFile>;

export const DATA_DIR = new URL('../../data/', import.meta.url);

/** Reads and validates a JSON data file; errors name the file and the field. */
export function loadDataFile<T>(schema: z.ZodType<T>, file: URL | string): T {
  const path = typeof file === 'string' ? file : file.pathname;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read data file ${path}: ${(error as Error).message}`, 'Fix the file or restore it from the repository.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`Invalid data file ${path}:\n${z.prettifyError(parsed.error)}`, 'Fix the fields named above.');
  }
  return parsed.data;
}

export function loadOntology(file: URL | string = new URL('ontology.json', DATA_DIR)): Ontology {
  return loadDataFile(OntologyFile, file);
}

export const allows = (ontology: Ontology, relation: string, source: EntityType, target: EntityType): boolean => {
  const spec = ontology.relationTypes[relation];
  return spec !== undefined && spec.sources.includes(source) && spec.targets.includes(target);
};
