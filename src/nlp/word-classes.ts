// What compromise's lexicon (about 25,000 English words with their tags) says of a single word. Lookups
// instead of full tagging: kg asks only "is this a verb form?", "a first name?", "a proper name?".
import nlp from 'compromise';

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

// The lexicon stores a word's only tag as a bare string; its list is made once per tag, not once per lookup (this
// runs for most words of every document). The lists are shared: callers only read them.
const NO_TAGS: readonly string[] = [];
const singleTag = new Map<string, readonly string[]>();

export function tagsOf(word: string): readonly string[] {
  const tags = lexicon[word.toLowerCase()];
  if (tags === undefined) return NO_TAGS;
  if (Array.isArray(tags)) return tags;
  let list = singleTag.get(tags);
  if (list === undefined) singleTag.set(tags, (list = [tags]));
  return list;
}

const VERB = new Set(['Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'Copula', 'Verb', 'Participle', 'Auxiliary', 'Modal', 'PhrasalVerb']);
const NAME = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PROPER = new Set(['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Place', 'Country', 'City', 'Region', 'Organization', 'Company', 'SportsTeam', 'ProperNoun']);

// Each predicate below is asked about the same words over and over (every token of every document), so its answers
// are kept per word. The lexicon never changes, so an answer never goes stale; a full table is dropped rather than
// grown, which bounds memory on a million documents of ever new names.
const REMEMBERED = 50_000;
function remembered(test: (word: string) => boolean): (word: string) => boolean {
  const answers = new Map<string, boolean>();
  return (word) => {
    let answer = answers.get(word);
    if (answer === undefined) {
      if (answers.size >= REMEMBERED) answers.clear();
      answers.set(word, (answer = test(word)));
    }
    return answer;
  };
}

/** A verb form, as the lexicon knows it; a word it does not know counts as one when it ends in "-ed". */
export const isVerbForm = remembered((word) => {
  const tags = tagsOf(word);
  if (tags.length === 0) return /^[a-z]+ed$/.test(word);
  return tags.some((t) => VERB.has(t)) && !tags.includes('Adjective');
});

/** "José" is "Jose" to the lexicon, which has no accents. */
export const isFirstName = remembered((word) => tagsOf(word).some((t) => NAME.has(t)) || tagsOf(word.normalize('NFKD').replace(/\p{M}/gu, '')).some((t) => NAME.has(t)));

/** A word the lexicon knows as a person's name ("Chad", "Jordan", "Austin"). */
export const isPersonName = remembered((word) => isFirstName(word) || tagsOf(word).some((t) => t === 'Person' || t === 'LastName'));

/** Capitalised for a reason: a known name, or a word the lexicon does not have at all. */
export const isProperWord = remembered((word) => {
  const tags = tagsOf(word);
  return tags.length === 0 || tags.some((t) => PROPER.has(t));
});

/** A word of the language, not a name: the lexicon knows it (or its singular) with no proper-name tag. */
export const isCommonWord = remembered((word) => !isProperWord(word) || (/\p{Ll}s$/u.test(word) && !isProperWord(word.slice(0, -1))));

/** "Bavarian", "Philippine", "Maltese": a demonym or an adjective, as the lexicon or the word's ending says. */
export const isAdjectiveForm = remembered((word) => /\p{Ll}(?:ian|ean|ese|ish)$/u.test(word) || tagsOf(word).some((t) => t === 'Demonym' || t === 'Adjective'));

/** "financier", "smuggler", "cleric": a noun the lexicon knows as one for people. */
export const isPersonNoun = remembered((word) => tagsOf(word).includes('Actor'));
