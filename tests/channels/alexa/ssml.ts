/**
 * A strict parser for the SSML the skill emits: well-formed XML (balanced tags, quoted
 * attributes, only the five predefined entities), one <speak> root, and only elements
 * Alexa supports that we use. Returns the spoken text so tests can read what is heard.
 */
const ELEMENTS = new Set(['speak', 'break', 'prosody', 'say-as']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TAG = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<&]*")*)\s*(\/?)>/;

export interface ParsedSsml {
  /** The words, entities decoded, tags dropped (say-as digits kept as digits). */
  text: string;
  /** Element names in document order. */
  elements: string[];
}

/** Parses SSML or throws an Error naming the first problem. */
export function parseSsml(ssml: string): ParsedSsml {
  const stack: string[] = [];
  const elements: string[] = [];
  let text = '';
  let i = 0;
  let rootClosed = false;
  while (i < ssml.length) {
    const ch = ssml[i];
    if (ch === '<') {
      const match = TAG.exec(ssml.slice(i));
      if (!match) throw new Error(`Malformed tag at ${i}: ${ssml.slice(i, i + 30)}`);
      const [whole, closing, name = '', , selfClosing] = match;
      if (!ELEMENTS.has(name)) throw new Error(`Unsupported element <${name}>`);
      if (rootClosed) throw new Error('Content after </speak>');
      if (stack.length === 0 && (name !== 'speak' || closing)) throw new Error('Root must be <speak>');
      if (closing) {
        if (stack.pop() !== name) throw new Error(`Mismatched </${name}>`);
        if (stack.length === 0) rootClosed = true;
      } else {
        elements.push(name);
        if (!selfClosing) stack.push(name);
        else text += ' ';
      }
      i += whole.length;
    } else if (ch === '&') {
      const end = ssml.indexOf(';', i);
      const entity = end > i ? ENTITIES[ssml.slice(i + 1, end)] : undefined;
      if (entity === undefined) throw new Error(`Bad entity at ${i}`);
      text += entity;
      i = end + 1;
    } else if (ch === '>') {
      throw new Error(`Stray > at ${i}`);
    } else {
      if (stack.length === 0) throw new Error(`Text outside <speak> at ${i}`);
      text += ch;
      i += 1;
    }
  }
  if (!rootClosed || stack.length > 0) throw new Error('Unclosed elements');
  return { text: text.replace(/\s+/g, ' ').trim(), elements };
}

/** A stretch of speech and the quiet that follows it, as a listener hears it. */
export interface Spoken {
  said: string;
  /** Seconds of `<break>` straight after it (breaks in a row add up). */
  quietSeconds: number;
  /** The longest single break in that quiet. */
  longestBreakSeconds: number;
}

const BREAK_TAG = /<break time="(\d+(?:\.\d+)?)(ms|s)"\/>/g;
const seconds = (value: string, unit: string): number =>
  unit === 'ms' ? Number(value) / 1000 : Number(value);

/**
 * The speech of an SSML document split at its pauses: each stretch of words with the quiet
 * after it. Short pauses inside a phrase (between digit groups) count like any other.
 */
export function pausesOf(ssml: string): Spoken[] {
  parseSsml(ssml); // well-formed first
  const out: Spoken[] = [];
  let said = '';
  let quiet = 0;
  let longest = 0;
  let last = 0;
  const flushWords = (chunk: string) => {
    const words = parseSsml(`<speak>${chunk.replace(/<\/?(?:prosody|say-as)[^>]*>/g, '')}</speak>`).text;
    if (words === '') return;
    if (said !== '' || quiet > 0) out.push({ said, quietSeconds: quiet, longestBreakSeconds: longest });
    said = words;
    quiet = 0;
    longest = 0;
  };
  const body = ssml.replace(/^<speak>|<\/speak>$/g, '');
  for (const match of body.matchAll(BREAK_TAG)) {
    flushWords(body.slice(last, match.index));
    const s = seconds(match[1] ?? '0', match[2] ?? 's');
    quiet += s;
    longest = Math.max(longest, s);
    last = (match.index ?? 0) + match[0].length;
  }
  flushWords(body.slice(last));
  if (said !== '') out.push({ said, quietSeconds: quiet, longestBreakSeconds: longest });
  return out;
}
