/**
 * Other languages. Spanish is read in full by the other layers (its words are in the
 * lexicon, the concepts and the training corpus). For the languages most spoken in US homes
 * after English and Spanish, this layer recognises plain statements of wanting to die or to
 * kill oneself (data/other-languages.json), in their own scripts and common romanisations.
 *
 * It also picks the language of the reply: Spanish gets the Spanish crisis reply; another
 * language gets the crisis reply with a line that 988 can help by phone in their language.
 * A language identifier helps tell Spanish from its neighbours: franc's method (trigram
 * ranks against each language's model) on the models that ship inside the franc-min npm
 * package, for the few Latin-script languages compared here only: `npm run train:crisis`
 * copies those five into compiled.json, since franc's own entry point builds all 82 models
 * when it loads (about 20 ms of every cold start) and its data file is 164 KB of the bundle.
 * Choosing the language never removes a signal.
 */
import { compiled } from './compiled.ts';
import type { Folded } from './normalize.ts';
import type { Signal } from './signals.ts';

/** The language of the reply: English, Spanish, or another language (crisis reply + a line). */
export type ReplyLanguage = 'en' | 'es' | 'other';

/**
 * Accented words that fold into a crisis word: Vietnamese "từ từ" (slowly) folds to the same
 * letters as "tự tử" (suicide), so "mình sẽ từ từ cố gắng" would read as "sẽ tự tử". Written
 * with its tones, such a word is set apart before the accents go; written without them, it
 * stays ambiguous and is read as the crisis word (a miss costs more than a question).
 */
const KEPT_APART: readonly [RegExp, string][] = [[/từ từ/g, 'tuutuu']];

/**
 * The form phrases and messages are compared in: lowercase, accents off Latin letters only
 * (a Devanagari vowel sign or a Hangul syllable must stay whole), apostrophes gone,
 * punctuation a space, one space between words. Spellings people use interchangeably are
 * made one: Vietnamese đ and d, Russian ё and е, Arabic short vowels, tatweel and hamza
 * seats (أ إ آ ا, ى ي, ة ه), Devanagari nukta and chandrabindu (ज़ ज, ँ ं).
 */
export function foldForLanguages(text: string): string {
  let lower = text.toLowerCase().normalize('NFC');
  for (const [word, apart] of KEPT_APART) lower = lower.replace(word, apart);
  return ` ${lower
    .normalize('NFD')
    .replace(/(?<=[a-z])\p{M}+/gu, '')
    .replace(/[\u064B-\u065F\u0670\u0640\u093C]/g, '')
    .normalize('NFC')
    .replace(/đ/g, 'd')
    .replace(/ё/g, 'е')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/\u0901/g, '\u0902')
    .replace(/['\u2019\u02BC`]/g, '')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim()} `;
}

interface Phrase {
  text: string;
  lang: string;
  /** Latin-script phrases must start at a word: "em muon chet" is not "them muon chet". */
  atWord: boolean;
  /** self: a statement about their own life; overdose: something already taken (danger now). */
  concern: 'self' | 'overdose';
}

/** One language of data/other-languages.json. */
export interface Entry {
  phrases: string[];
  /** Taken already: pills, a bottle, poison (the danger-now reply). */
  overdose?: string[];
  /** Everyday idioms that contain a phrase ("想死你了", "mệt muốn chết"): a hit inside one is not heard. */
  idioms: string[];
  /**
   * Concept pairs: a wish or a weariness word near a dying or a living word, in either order
   * ("жить незачем" as well as "незачем жить"), so a plain statement is heard in the word
   * order the person used, not only in the one a phrase was written in. A frame is its sets
   * of terms, or a named meaning ({ meaning, sets }) so a hit says which one it was; a frame
   * with `concern: "overdose"` hears something already taken (the danger-now reply).
   */
  frames?: (string[][] | FrameEntry)[];
}

/** A named frame: one meaning ("burden", "self-harm") as sets of terms that occur together. */
export interface FrameEntry {
  meaning: string;
  sets: string[][];
  concern?: 'self' | 'overdose';
  /**
   * A veiled meaning that everyday talk shares ("I've decided, it's Saturday"; "I want to go
   * to that bridge tonight"): it asks the grey-zone question, and another layer's support
   * makes it sure, instead of giving the resources alone.
   */
  strength?: 'weak';
}

/**
 * The lists of data/other-languages.json as the gate reads them, folded once by
 * `npm run train:crisis` into compiled.json (compileLanguages), in the lists' own order: a
 * fresh process folds none of them, and runs none of the Unicode-script patterns below.
 */
export interface StoredLanguages {
  /** Each phrase: its folded text, language, whether it must start at a word (1), and s(elf) or o(verdose). */
  phrases: [string, string, 0 | 1, 's' | 'o'][];
  /** Each language's idioms, folded. */
  idioms: [string, string[]][];
  /**
   * Each frame: its language, its sets of [folded term, starts at a word (1)], its window, and
   * for a named one its meaning; o(verdose) when it hears something taken, else self.
   */
  frames: {
    lang: string;
    sets: [string, 0 | 1][][];
    window: number;
    meaning?: string;
    concern?: 'o';
    weak?: 1;
  }[];
}

const FOLDED = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/** The stored form of the lists (run by `npm run train:crisis`, never by the gate). */
export function compileLanguages(data: Record<string, Entry>): StoredLanguages {
  const languages = Object.entries(data);
  const phrases = languages.flatMap(([lang, entry]) =>
    [
      ...entry.phrases.map((raw) => ({ raw, concern: 's' as const })),
      ...(entry.overdose ?? []).map((raw) => ({ raw, concern: 'o' as const })),
    ].map(({ raw, concern }): [string, string, 0 | 1, 's' | 'o'] => {
      // Most romanised phrases are written folded already: only the others are folded.
      const text = FOLDED.test(raw) ? raw : foldForLanguages(raw).trim();
      return [text, lang, /^[a-z]/.test(text) ? 1 : 0, concern];
    }),
  );
  const idioms = languages.map(([lang, entry]): [string, string[]] => [
    lang,
    entry.idioms.map((raw) => foldForLanguages(raw).trim()),
  ]);
  const frames = languages.flatMap(([lang, entry]) =>
    (entry.frames ?? []).map((frame) => {
      const { sets, meaning, concern, strength } = Array.isArray(frame) ? { sets: frame } : frame;
      const folded = sets.map((set) =>
        set.map((raw): [string, 0 | 1] => {
          const text = foldForLanguages(raw).trim();
          return [text, SPACED.test(text) ? 1 : 0];
        }),
      );
      const unspaced = folded.every((set) => set.every(([text]) => UNSPACED.test(text)));
      return {
        lang,
        sets: folded,
        window: unspaced ? WINDOW_UNSPACED : WINDOW_SPACED,
        ...(meaning ? { meaning } : {}),
        ...(concern === 'overdose' ? { concern: 'o' as const } : {}),
        ...(strength === 'weak' ? { weak: 1 as const } : {}),
      };
    }),
  );
  return { phrases, idioms, frames };
}

/**
 * The part of the lists a message in plain ASCII can hold (run by `npm run train:crisis`): a
 * phrase, idiom or term is found only where each of its characters is, so one in another
 * script is never in such a message. Frames keep their ASCII terms, and go when one of their
 * sets has none; what is left keeps the lists' order. Most messages are in Latin letters,
 * which the folding leaves in ASCII: they read this part alone, about half of the phrases
 * and of the frames' terms.
 */
export function asciiPart(stored: StoredLanguages): StoredLanguages {
  const ascii = (text: string) => ASCII.test(text);
  return {
    phrases: stored.phrases.filter(([text]) => ascii(text)),
    idioms: stored.idioms.map(([lang, list]): [string, string[]] => [lang, list.filter(ascii)]),
    frames: stored.frames.flatMap((frame) => {
      const sets = frame.sets.map((set) => set.filter(([text]) => ascii(text)));
      return sets.some((set) => set.length === 0) ? [] : [{ ...frame, sets }];
    }),
  };
}

/**
 * Which stored part a message is read against: `languagesAscii` when its folded form is in
 * plain ASCII, the whole lists otherwise. Each part's phrases, idioms and indexes are built
 * the first time a message needs them.
 */
type Part = 'languages' | 'languagesAscii';

interface Tables {
  phrases?: Phrase[];
  idioms?: Map<string, Idiom[]>;
  phraseIndex?: PhraseIndex;
  frames?: Frame[];
  frameIndex?: FrameIndex;
}

const tables: Record<Part, Tables> = { languages: {}, languagesAscii: {} };

interface Idiom {
  text: string;
  /**
   * Ends in a Latin or Cyrillic letter, so it must end at a word: "жить с" (live with) is an
   * idiom in "не хочу жить с ним", not in "жить совсем не хочется". Unspaced scripts and
   * Arabic, whose pronouns attach to the word before them, match as written.
   */
  wordEnd: boolean;
}

const ENDS_IN_A_WORD = /[a-z0-9\u0400-\u04ff]$/;

function load(part: Part): Phrase[] {
  const t = tables[part];
  // Read by index, not destructured: in code V8 has not compiled yet, destructuring an array
  // walks its iterator, an object a step, and these loaders run once, on the first message.
  t.phrases ??= compiled(part).phrases.map((p) => ({
    text: p[0],
    lang: p[1],
    atWord: p[2] === 1,
    concern: p[3] === 'o' ? 'overdose' : 'self',
  }));
  return t.phrases;
}

function loadIdioms(part: Part): Map<string, Idiom[]> {
  const t = tables[part];
  t.idioms ??= new Map(
    compiled(part).idioms.map((entry) => [
      entry[0],
      entry[1].map((text) => ({ text, wordEnd: ENDS_IN_A_WORD.test(text) })),
    ]),
  );
  return t.idioms;
}

/** Whether the phrase found at `at` lies inside one of its language's everyday idioms. */
function insideIdiom(part: Part, haystack: string, phrase: Phrase, at: number): boolean {
  for (const { text: idiom, wordEnd } of loadIdioms(part).get(phrase.lang) ?? []) {
    for (
      let offset = idiom.indexOf(phrase.text);
      offset !== -1;
      offset = idiom.indexOf(phrase.text, offset + 1)
    ) {
      if (at < offset || !haystack.startsWith(idiom, at - offset)) continue;
      if (!wordEnd || haystack[at - offset + idiom.length] === ' ') return true;
    }
  }
  return false;
}

function found(part: Part, haystack: string, phrase: Phrase): boolean {
  for (let at = haystack.indexOf(phrase.text); at !== -1; at = haystack.indexOf(phrase.text, at + 1)) {
    if (phrase.atWord && haystack[at - 1] !== ' ') continue;
    if (insideIdiom(part, haystack, phrase, at)) continue;
    return true;
  }
  return false;
}

/** The phrases under one key of the index, and the check that last took them (candidates). */
interface PhraseList {
  phrases: Phrase[];
  seenIn: number;
}

interface PhraseIndex {
  /** Latin-script phrases of two words or more, by their first word (which must be whole). */
  byFirstWord: Map<string, PhraseList>;
  /** One-word Latin-script phrases, by their first three letters. */
  byPrefix: Map<string, PhraseList>;
  /** Every other phrase (other scripts, a leading digit): compared in full. */
  rest: Phrase[];
}

const ASCII = /^[\x20-\x7e]*$/;

function loadIndex(part: Part): PhraseIndex {
  const t = tables[part];
  if (t.phraseIndex) return t.phraseIndex;
  const index: PhraseIndex = { byFirstWord: new Map(), byPrefix: new Map(), rest: [] };
  const put = (map: Map<string, PhraseList>, key: string, phrase: Phrase) => {
    const list = map.get(key);
    if (list) list.phrases.push(phrase);
    else map.set(key, { phrases: [phrase], seenIn: 0 });
  };
  const list = load(part);
  for (let i = 0; i < list.length; i++) {
    const phrase = list[i] as Phrase;
    const space = phrase.text.indexOf(' ');
    if (!phrase.atWord) index.rest.push(phrase);
    else if (space === -1) put(index.byPrefix, phrase.text.slice(0, 3), phrase);
    else put(index.byFirstWord, phrase.text.slice(0, space), phrase);
  }
  t.phraseIndex = index;
  return index;
}

/**
 * The phrases that could be in the message: by its words, and the other scripts only when it
 * has them. Each word's phrases, and each prefix's, are taken once, the first time the word or
 * prefix occurs.
 */
function candidates(part: Part, haystack: string): Phrase[] {
  const index = loadIndex(part);
  const out: Phrase[] = [];
  const stamp = ++check;
  const take = (list: PhraseList | undefined) => {
    if (list === undefined || list.seenIn === stamp) return;
    list.seenIn = stamp;
    for (const phrase of list.phrases) out.push(phrase);
  };
  // A word that starts with U+0000 shares the names the seen words and prefixes were kept
  // under in one set ("\0" + prefix), and the gate has always read such a message that way:
  // it still does, so that no decision changes with the speed of reading it.
  const seen = haystack.includes('\u0000') ? new Set<string>() : undefined;
  for (const word of haystack.split(' ')) {
    if (word === '') continue;
    if (seen) {
      if (seen.has(word)) continue;
      seen.add(word);
    }
    take(index.byFirstWord.get(word));
    const prefix = word.slice(0, 3);
    if (seen) {
      if (seen.has(`\u0000${prefix}`)) continue;
      seen.add(`\u0000${prefix}`);
    }
    take(index.byPrefix.get(prefix));
  }
  for (const phrase of index.rest) out.push(phrase);
  return out;
}

interface FrameTerm {
  text: string;
  atWord: boolean;
}

interface Frame {
  lang: string;
  sets: FrameTerm[][];
  /** How far apart (in characters of the folded message) the terms may be: about one clause. */
  window: number;
  /** What the frame hears, for the signal's rule ("ko/frame:burden"); unnamed frames say "frame". */
  meaning?: string;
  concern: 'self' | 'overdose';
  strength: 'sure' | 'weak';
  /** Its place in the lists (weak frames after sure ones): candidates are tried in this order. */
  order: number;
  /**
   * The check that last made it a candidate (candidateFrames), and its first-set terms then:
   * the first `termCount` of `firstTerms`, an array kept from check to check.
   */
  seenIn: number;
  firstTerms: FrameTerm[];
  termCount: number;
}

/** Scripts written without spaces between words: a term may start anywhere, and a clause is short. */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hangul}]/u;
/** Words in spaced scripts start after a space: "vie" is not in "envie". */
const SPACED = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Devanagari}]/u;
const WINDOW_UNSPACED = 12;
const WINDOW_SPACED = 32;

function loadFrames(part: Part): Frame[] {
  const t = tables[part];
  if (t.frames) return t.frames;
  // Weak frames last: a sure one, of any language, is looked for first.
  const frames = compiled(part)
    .frames.map(
      ({ lang, sets, window, meaning, concern, weak }): Frame => ({
        lang,
        sets: sets.map((set) => set.map((term) => ({ text: term[0], atWord: term[1] === 1 }))),
        window,
        ...(meaning ? { meaning } : {}),
        concern: concern === 'o' ? 'overdose' : 'self',
        strength: weak === 1 ? 'weak' : 'sure',
        order: 0,
        seenIn: 0,
        firstTerms: [],
        termCount: 0,
      }),
    )
    .sort((a, b) => Number(a.strength === 'weak') - Number(b.strength === 'weak'));
  frames.forEach((frame, order) => {
    frame.order = order;
  });
  t.frames = frames;
  return frames;
}

/** A frame and those of its first set's terms that share one key. */
interface Keyed {
  frame: Frame;
  terms: FrameTerm[];
  /** The check that last took its terms: a key reached from two words is taken once. */
  seenIn: number;
}

/**
 * The keys of words' starts as a tree of character codes, one level a letter: a message's
 * words are looked up where they are in it, with no string cut out of it per word and length.
 */
interface StartNode {
  /** The frames keyed by the letters that lead here. */
  keyed: Keyed[];
  next: Map<number, StartNode>;
}

interface FrameIndex {
  /** By the first (up to) three letters of the first word of a first-set term that starts at a word. */
  byWordStart: StartNode;
  /** By the first character of a first-set term that may start anywhere (Han, Hangul). */
  byChar: Map<string, Keyed[]>;
  /** The keys of byChar when they are few and each a whole character (no surrogate half). */
  fewChars?: string[];
}

/**
 * The frames a message could hold: one of their first set's terms must be in it, so only
 * the frames keyed by the start of one of its words, or by one of its characters, are read.
 */
function loadFrameIndex(part: Part): FrameIndex {
  const t = tables[part];
  if (t.frameIndex) return t.frameIndex;
  const index: FrameIndex = { byWordStart: { keyed: [], next: new Map() }, byChar: new Map() };
  const startNode = (key: string): StartNode => {
    let node = index.byWordStart;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let next = node.next.get(code);
      if (!next) {
        next = { keyed: [], next: new Map() };
        node.next.set(code, next);
      }
      node = next;
    }
    return node;
  };
  const frames = loadFrames(part);
  for (let f = 0; f < frames.length; f++) {
    const frame = frames[f] as Frame;
    const first = frame.sets[0] ?? [];
    for (let i = 0; i < first.length; i++) {
      const term = first[i] as FrameTerm;
      let list: Keyed[];
      if (term.atWord) {
        const space = term.text.indexOf(' ');
        list = startNode((space === -1 ? term.text : term.text.slice(0, space)).slice(0, 3)).keyed;
      } else {
        const key = term.text.slice(0, 1);
        list = index.byChar.get(key) ?? [];
        if (list.length === 0) index.byChar.set(key, list);
      }
      const last = list[list.length - 1];
      if (last?.frame === frame) last.terms.push(term);
      else list.push({ frame, terms: [term], seenIn: 0 });
    }
  }
  const keys = [...index.byChar.keys()];
  if (keys.length <= FEW_CHARS && keys.every((k) => !/[\uD800-\uDFFF]/.test(k) && k !== ' '))
    index.fewChars = keys;
  t.frameIndex = index;
  return index;
}

/** Up to this many byChar keys, each is looked for in the message, not the message's characters in them. */
const FEW_CHARS = 16;

/** Numbers the checks, so a frame or a key taken in this one is told from one taken before. */
let check = 0;

/**
 * The frames that could be in the message, in the lists' order, each with the first-set terms
 * that could in `firstTerms` (good until the next call; see Frame.termCount). A key reached from several words is
 * taken once: a term listed twice would find nothing more.
 */
function candidateFrames(part: Part, haystack: string): Frame[] {
  const index = loadFrameIndex(part);
  const stamp = ++check;
  const found: Frame[] = [];
  const add = (list: Keyed[] | undefined) => {
    if (list === undefined) return;
    for (const keyed of list) {
      if (keyed.seenIn === stamp) continue;
      keyed.seenIn = stamp;
      const frame = keyed.frame;
      if (frame.seenIn !== stamp) {
        frame.seenIn = stamp;
        frame.termCount = 0;
        found.push(frame);
      }
      for (const term of keyed.terms) frame.firstTerms[frame.termCount++] = term;
    }
  };
  // Each word (a run between spaces): the keys of its first one, two and three letters.
  for (let at = 0; at < haystack.length; ) {
    if (haystack.charCodeAt(at) === SPACE) {
      at++;
      continue;
    }
    let node: StartNode | undefined = index.byWordStart;
    for (let k = at; k < at + 3 && k < haystack.length && node !== undefined; k++) {
      const code = haystack.charCodeAt(k);
      if (code === SPACE) break;
      node = node.next.get(code);
      if (node !== undefined) add(node.keyed);
    }
    while (at < haystack.length && haystack.charCodeAt(at) !== SPACE) at++;
  }
  // A frame keyed by a character is a candidate when the message has that character.
  if (index.fewChars) {
    for (const key of index.fewChars) if (haystack.includes(key)) add(index.byChar.get(key));
  } else for (const char of new Set(haystack)) if (char !== ' ') add(index.byChar.get(char));
  return found.sort((a, b) => a.order - b.order);
}

const SPACE = 0x20;

interface Place {
  at: number;
  end: number;
}

/** Where a frame's term occurs in the message, outside the language's idioms. */
function termPlaces(part: Part, haystack: string, lang: string, term: FrameTerm): readonly Place[] {
  let at = haystack.indexOf(term.text);
  // Most terms are not in a given message: nothing to build for them.
  if (at === -1) return NO_PLACES;
  const places: Place[] = [];
  const asPhrase: Phrase = { text: term.text, lang, atWord: term.atWord, concern: 'self' };
  for (; at !== -1; at = haystack.indexOf(term.text, at + 1)) {
    if (term.atWord && haystack[at - 1] !== ' ') continue;
    if (insideIdiom(part, haystack, asPhrase, at)) continue;
    places.push({ at, end: at + term.text.length });
  }
  return places;
}

const NO_PLACES: readonly Place[] = [];

/** The characters between two terms, whichever comes first (0 when they touch or overlap). */
const gap = (a: Place, b: Place): number => Math.max(0, Math.max(a.at, b.at) - Math.min(a.end, b.end));

/** Where any of the first `count` terms occurs, or undefined when none does (nothing built for a miss). */
function placesOf(
  part: Part,
  haystack: string,
  lang: string,
  terms: readonly FrameTerm[],
  count: number,
): Place[] | undefined {
  let out: Place[] | undefined;
  for (let i = 0; i < count; i++) {
    const places = termPlaces(part, haystack, lang, terms[i] as FrameTerm);
    if (places.length === 0) continue;
    out ??= [];
    for (const place of places) out.push(place);
  }
  return out;
}

/** Whether every set of the frame has a term in the message, each near a term of the first set. */
function frameFound(part: Part, haystack: string, frame: Frame): boolean {
  let first = placesOf(part, haystack, frame.lang, frame.firstTerms, frame.termCount);
  // Set by set, keep the places of the first set that have a term of this one near them.
  for (let s = 1; s < frame.sets.length; s++) {
    if (first === undefined || first.length === 0) return false;
    const set = frame.sets[s] as FrameTerm[];
    const places = placesOf(part, haystack, frame.lang, set, set.length);
    if (places === undefined) return false;
    first = first.filter((a) => places.some((b) => gap(a, b) <= frame.window));
  }
  return first !== undefined && first.length > 0;
}

/** Plain statements of wanting to die, and of an overdose taken, in the other languages. */
export function matchLanguages(text: string, _folded: Folded): Signal[] {
  const haystack = foldForLanguages(text);
  const part: Part = ASCII.test(haystack) ? 'languagesAscii' : 'languages';
  const signals: Signal[] = [];
  for (const phrase of candidates(part, haystack)) {
    if (signals.some((s) => s.concern === phrase.concern)) continue;
    if (!found(part, haystack, phrase)) continue;
    signals.push({
      layer: 'languages',
      concern: phrase.concern,
      strength: 'sure',
      negated: false,
      rule: phrase.lang,
    });
    if (signals.length === 2) break;
  }
  for (const frame of candidateFrames(part, haystack)) {
    if (signals.some((s) => s.concern === frame.concern)) continue;
    if (!frameFound(part, haystack, frame)) continue;
    signals.push({
      layer: 'languages',
      concern: frame.concern,
      strength: frame.strength,
      negated: false,
      rule: `${frame.lang}/frame${frame.meaning ? `:${frame.meaning}` : ''}`,
    });
    if (signals.length === 2) break;
  }
  return signals;
}

/** Words that are Spanish and not English (nor Portuguese, for the commonest of them). */
const SPANISH = new Set(
  'quiero yo estoy soy mi mis me ya nadie nada vida morir muerto muerta matarme mejor porque por que para pa con sin una uno el la los las del al esta este esto pero mas muy tengo hacer puedo aguanto ganas todo todos hoy manana noche dia siempre nunca'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'i im me my the a an to and is it of in that this you want dont cant just so be was have with for not at on do like feel'.split(
    ' ',
  ),
);

/**
 * The Latin-script languages Spanish is told apart from, by their franc-min codes. Their
 * models are copied from franc-min/data.js into compiled.json by `npm run train:crisis`.
 */
export const COMPARED = ['spa', 'eng', 'por', 'fra', 'tgl'] as const;
/** franc's penalty for a trigram a language's model does not have. */
const MAX_DIFFERENCE = 300;

let models: Map<string, Map<string, number>> | undefined;

/** Each compared language's trigrams by rank (franc-min's model, built on first use). */
function loadModels(): Map<string, Map<string, number>> {
  const trigrams = compiled('latinTrigrams');
  models ??= new Map(
    COMPARED.map((code) => {
      const ranked = trigrams[code]?.split('|') ?? [];
      return [code, new Map(ranked.map((trigram, rank) => [trigram, rank]))];
    }),
  );
  return models;
}

/** The likeliest compared language of `text`, as franc ranks it. */
export function identifyLatin(text: string): string {
  const clean = ` ${text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= clean.length; i++) {
    const trigram = clean.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  let best = 'und';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [code, model] of loadModels()) {
    let distance = 0;
    for (const [trigram, count] of counts) {
      const rank = model.get(trigram);
      distance += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
    }
    if (distance < bestDistance) [best, bestDistance] = [code, distance];
  }
  return best;
}

/** The language to answer in, given the message and what the layers heard. */
export function detectLanguage(text: string, signals: readonly Signal[]): ReplyLanguage {
  if (signals.some((s) => s.layer === 'languages')) return 'other';
  const words = foldForLanguages(text).trim().split(' ');
  const spanish = words.filter((w) => SPANISH.has(w)).length;
  const english = words.filter((w) => ENGLISH.has(w)).length;
  if (spanish === 0 || english > spanish) return 'en';
  if (spanish >= 2 && spanish > english) return 'es';
  return identifyLatin(text) === 'spa' ? 'es' : 'en';
}
