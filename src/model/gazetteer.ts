// Schemas of the gazetteer and lexicon data files in data/; they are validated when loaded.
import { z } from 'zod';

const Named = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]) });

export const GroupsFile = z.object({
  groups: z.array(Named.extend({ parent: z.string().optional(), activeIn: z.array(z.string()).default([]) })),
});

export const OrganizationsFile = z.object({
  organizations: z.array(Named.extend({ country: z.string().length(3).optional(), onlyAfter: z.array(z.string()).optional() })),
});

/** data/common-words.json, written by `npm run build:words` from the UD English treebank. */
export const CommonWordsFile = z.object({ words: z.array(z.string().regex(/^[\p{Ll}'-]+$/u, 'lower-case words')).min(1) });

export const RegionsFile = z.object({ regions: z.array(Named.extend({ country: z.string().length(3).optional() })) });

export const CountriesExtraFile = z.object({
  countries: z.record(
    z.string().length(3),
    z.object({
      /** The English name news uses, where it differs from world-countries' ("Turkey", not "Türkiye"). */
      name: z.string().optional(),
      aliases: z.array(z.string()).default([]),
      demonyms: z.array(z.string()).default([]),
      metonyms: z.array(z.string()).default([]),
      capitalAliases: z.array(z.string()).default([]),
    }),
  ),
});

const WordList = z.array(z.string().min(1)).min(1);

export const LexiconFile = z.object({
  leaderTitles: WordList,
  /** Leader titles only a state's leader holds: "Prime Minister X" with no state named leads the one the report is filed from. */
  stateLeaderTitles: WordList,
  roleTitles: WordList,
  /** Titles that lead the place they are of ("Kano state governor X", "the village's head, X"); of a body they may not lead. */
  placeLeaderTitles: WordList,
  /** Verbs of a relative clause that make its person the head of the body they govern: "X, who heads the Y". */
  leaderVerbs: WordList,
  /** Verbs (with their preposition) that make a relative clause's person a member of a body: "X, who joined the Y". */
  memberVerbs: WordList,
  /** What a person is of a body when no title says more: "a member of X", "a former X fighter". */
  memberNouns: WordList,
  personTitles: WordList,
  /** Ranks written out that stand between a set-off title and the name ("its spokesman, Colonel X"); no person titles, as they open bodies' names too ("the General Assembly"). */
  ranks: WordList,
  personDescriptors: WordList,
  /** Nouns for people ("shopkeeper", "farmers", "members"): a name set off after one is a person's ("a shopkeeper, Tariq Bhat,"). */
  personNouns: WordList,
  speechVerbs: WordList,
  organizationSuffixes: WordList,
  /** Words that make a known name a natural feature: "Lake Chad", "Mount Sinjar". */
  locationPrefixes: WordList,
  locationSuffixes: WordList,
  eventSuffixes: WordList,
  locativePrepositions: WordList,
  governmentNouns: WordList,
  /** What a state does by word or decision, so a capital owning one acts for its state: "Tehran's accusations". */
  stateActNouns: WordList,
  groupNouns: WordList,
  /** Nouns for an armed group that a name is set off beside: "the Korvani, a militant group", "a second group, the X". */
  groupKindNouns: WordList,
  groupDescriptors: WordList,
  /** Words before a group's noun that make it an armed group, whatever the name's own words: "a separatist movement". */
  armedGroupModifiers: WordList,
  /** Words before a group's noun that make it a civil body, not an armed group: "a rights group", "an independent group". */
  civilGroupModifiers: WordList,
  attackNouns: z.record(z.string(), z.string()),
  attackVerbs: z.record(z.string(), z.string()),
  venueNouns: WordList,
  nonSpecific: WordList,
  /** Modifiers that make a plural one event: "twin bombings", "coordinated attacks". */
  oneEventPlurals: WordList,
  deathPatterns: WordList,
  injuryPatterns: WordList,
  /** One dead or hurt without a number: "was killed" (a singular subject), "shot and killed the imam". */
  singleDeathPatterns: WordList,
  singleInjuryPatterns: WordList,
  /** People attacked, dead and hurt together ("stabbed three people"): the hurt only where no other count is given. */
  victimPatterns: WordList,
  countWords: z.record(z.string(), z.number()),
  nonNames: WordList,
  namePrefixes: WordList,
  /** Words that only the names of armed groups and movements contain: "Front", "Brigades", "Liberation". */
  groupNameWords: WordList,
  /** Last words that end only an armed group's name, whatever stands before them: "… Liberation Front", "… Klan". */
  groupHeadWords: WordList,
  /** Words that make a body's name an armed group's when a group word ends it: "Revolutionary … Army", "Popular … Forces". */
  groupMarkWords: WordList,
  /** Capitalised abbreviations that name no organisation: "IED", "TNT", "GMT". */
  acronymNonNames: WordList,
  /** Spellings of one word in transliteration ("Qaeda", "Qaida"): each gazetteer name is matched in all of them. */
  spellingVariants: z.array(z.array(z.string().regex(/^[\p{Ll}']+$/u, 'lower-case words')).min(2)),
});
export type Lexicon = z.infer<typeof LexiconFile>;
