// The compass words that place one region inside another ("northern Borno", "south-eastern Turkey"): one list
// for the recogniser and for the readers of attacks and roles, so each step skips the same words.
const COMPASS_WORDS = [
  ...['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest'].flatMap((w) => [w, `${w}ern`]),
  ...['north-east', 'north-west', 'south-east', 'south-west'].flatMap((w) => [w, `${w}ern`]),
  'central',
];

/** One compass word, any case: "north", "Southern", "north-eastern", "central". */
export const COMPASS_WORD = new RegExp(`^(?:${COMPASS_WORDS.join('|')})$`, 'i');

/** "neighbouring Gidra", "nearby Tolo": a word that places what it names beside a place the text gave. */
export const NEIGHBOURING_WORD = /^(?:neighbouring|neighboring|nearby|adjacent|adjoining)$/i;
