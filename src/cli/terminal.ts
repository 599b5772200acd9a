// Text from articles, titles and file names is shown on a terminal only after its control characters are made
// visible: an escape sequence in an article must not move the cursor, recolour, retitle or rewrite the screen.

// C0 controls but the line break, DEL, C1 controls (U+009B is a one-byte CSI), and the bidi overrides that make
// text read differently from what it is.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** The text with each unsafe character as a visible \uXXXX; line breaks stay line breaks. */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line of a table cell: line breaks become spaces too. */
export const printableLine = (text: string): string => printable(text.replace(/[\r\n]+/g, ' '));
