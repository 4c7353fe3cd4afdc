/**
 * The GSM 03.38 alphabet ("GSM-7") that carriers send at 160 characters a segment.
 *
 * One character outside it (a curly quote, an emoji, a long dash) turns the whole text into
 * UCS-2 with 70-character segments, so a short kind reply becomes a pile of fragments that
 * also costs more. Everything we send is folded into this alphabet first.
 */

/** The basic character set: one septet each. Index order follows the 03.38 table. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each is sent as ESC + a character, so it takes two septets. */
const EXTENSION = '^{}\\[~]|€\f';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

/** Typography people and editors produce, folded to the plain characters a phone shows the same. */
const TYPOGRAPHY: Readonly<Record<string, string>> = {
  '\u2018': "'", // left single quote
  '\u2019': "'", // right single quote, apostrophe
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'", // prime
  '\u00b4': "'", // acute accent used as an apostrophe
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': ' - ', // em dash: spaced, so "tired—fine" stays two words
  '\u2015': ' - ',
  '\u2212': '-', // minus sign
  '\u2026': '...',
  '\u2022': '-', // bullet
  '\u00b7': '-',
  '\u00d7': 'x',
  '\t': ' ',
  '\u00a0': ' ', // non-breaking space
  '\u2007': ' ',
  '\u202f': ' ', // narrow non-breaking space
  '\u2009': ' ', // thin space
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u3000': ' ',
  '\u200b': '', // zero-width space
  '\u200c': '',
  '\u200d': '', // zero-width joiner (glues emoji)
  '\u2060': '',
  '\ufeff': '',
  '\ufe0f': '', // emoji presentation selector
};

/** Whether every character of `text` is in GSM-7 (basic set or extension table). */
export function isGsm7(text: string): boolean {
  for (const ch of text) {
    if (!BASIC_SET.has(ch) && !EXTENSION_SET.has(ch)) return false;
  }
  return true;
}

/**
 * Length of `text` in septets, as a carrier counts it: extension-table characters
 * (`^{}\[~]|€` and form feed) count two. Characters outside GSM-7 count one here;
 * call it on text that passed {@link toGsm7}.
 */
export function gsm7Length(text: string): number {
  let length = 0;
  for (const ch of text) length += EXTENSION_SET.has(ch) ? 2 : 1;
  return length;
}

function foldChar(ch: string): string {
  if (BASIC_SET.has(ch)) return ch;
  // The extension characters are legal but cost two septets and read oddly in a kind text;
  // only the form feed is worth removing.
  if (EXTENSION_SET.has(ch)) return ch === '\f' ? ' ' : ch;
  const typographic = TYPOGRAPHY[ch];
  if (typographic !== undefined) return typographic;
  // Accented letters outside the table (a with acute, c with cedilla...) keep their base letter.
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (base !== ch && [...base].every((c) => BASIC_SET.has(c))) return base;
  // Emoji, symbols and other scripts: dropped, never sent as UCS-2.
  return '';
}

/**
 * `text` folded into GSM-7: typography mapped to ASCII, accents outside the table reduced to
 * their letter, anything else (emoji included) dropped. Spaces left doubled by a drop are
 * collapsed and line breaks normalised to `\n`.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) out += foldChar(ch);
  return out
    .replace(/[ ]{2,}/g, ' ')
    .replace(/ +\n/g, '\n')
    .replace(/\n +/g, '\n')
    .replace(/ +([,.!?;:])/g, '$1')
    .trim();
}
