// Escaping for the XML formats (GraphML, GEXF): text and attribute values are data, never markup.

// Characters XML 1.0 does not allow at all (most C0 controls) are dropped.
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const escapeXml = (value: unknown): string =>
  String(value ?? '')
    .replace(INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Parsers normalise raw line breaks and tabs (to \n in text, to spaces in attributes); references survive.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
