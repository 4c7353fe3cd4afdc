/**
 * Finding feelings in free words ("idk just tired", "stressed af", "not okay"), offering
 * three words when none came, and reading an intensity ("like a 7").
 *
 * Decisions, so the next reader does not have to rediscover them:
 * - Everyday words that are often not about feelings ("down", "low", "heavy", "fine",
 *   "good") count only near a feeling cue ("I'm", "feeling", "so", "kinda"), right after
 *   another feeling ("tired and low"), or in a message of three words or fewer.
 * - Negation: a negated pleasant word becomes "not okay" ("not happy", "don't feel
 *   great"); a negated unpleasant word is dropped ("not sad, just tired" -> tired).
 *   Fixed phrases win over negation ("not bad" -> okay, "never been better" -> great).
 * - Typos: one slip for words of 5+ letters, two for 8+ letters, only when the slip
 *   points at exactly one feeling, keeps the first letter, and is not itself a common
 *   word ("tried" is not "tired", "friend" is not "fried").
 */
import { shuffled } from '../random.ts';
import type { FeelingFamily } from '../types.ts';
import { once } from './once.ts';
import { BOUNDARY, editDistance, tokenize, wordCount } from './text.ts';
import { FEELINGS, type Feeling, familyOf, feelingByWord, feelingPhrases } from './vocabulary.ts';

/** At most this many feelings come back: more than three is a list, not a naming. */
const MAX_FEELINGS = 3;
/** Tokens read from one message; caps the work on very long input. */
const MAX_TOKENS = 1200;
/** A message this short is taken as an answer in itself ("down", "heavy today"). */
const SHORT_MESSAGE_WORDS = 3;

/** Phrases that count only with a cue nearby (see the module comment). */
const NEEDS_CUE = new Set([
  'down',
  'low',
  'heavy',
  'flat',
  'empty',
  'hollow',
  'void',
  'lost',
  'stuck',
  'hurt',
  'stung',
  'crushed',
  'bad',
  'rough',
  'rubbish',
  'crappy',
  'awful',
  'terrible',
  'horrible',
  'dreadful',
  'the worst',
  'fine',
  'decent',
  'good',
  'great',
  'amazing',
  'awesome',
  'fantastic',
  'brilliant',
  'wonderful',
  'fab',
  'terrific',
  'incredible',
  'better',
  'okay',
  'ok',
  'alright',
  'all right',
  'slow',
  'tight',
  'raw',
  'exposed',
  'tender',
  'weird',
  'strange',
  'safe',
  'secure',
  'protected',
  'held',
  'backed',
  'stable',
  'balanced',
  'grounded',
  'centered',
  'centred',
  'present',
  'content',
  'connected',
  'included',
  'supported',
  'loved',
  'lighter',
  'normal',
  'average',
  'strong',
  'powerful',
  'alive',
  'alert',
  'vibrant',
  'interested',
  'social',
  'lucky',
  'mad',
  'bothered',
  'bugged',
  'wired',
  'fried',
  'burnt',
  'shattered',
  'thrown',
  'scattered',
  'rushed',
  'sick',
  'ill',
  'poorly',
  'run down',
  'alone',
  'distant',
  'cut off',
  'shut down',
  'shut in',
  'checked out',
  'fuzzy',
  'torn',
  'awkward',
  'guarded',
  'hungry',
  'off',
  'starving',
  'bitter',
  'salty',
  'fear',
  'doom',
  'peace',
  'comfy',
  'comfortable',
  'snug',
  'in touch',
  'capable',
  'driven',
  'creative',
  'silly',
  'cheeky',
  'locked in',
  'bubbly',
  'into it',
  'bold',
  'tickled',
  'relaxing',
  'hiding',
  'forgotten',
  'ignored',
  'overlooked',
  'useless',
  'pointless',
  'shame',
  'let down',
  'left out',
  'mixed up',
  'not enough',
  'nothing much',
  'in between',
  'looking up',
  'chill',
  'calm',
  'edgy',
  'joy',
  'disgusting',
  // Judgements that are as often about a thing ("a stupid form", "a total mess").
  'failure',
  'a failure',
  'loser',
  'a loser',
  'burden',
  'a burden',
  'broken',
  'damaged',
  'stupid',
  'dumb',
  'idiot',
  'an idiot',
  'pathetic',
  'lazy',
  'a mess',
  'a hot mess',
  'hot mess',
  'a wreck',
  'falling apart',
  'worthless',
  'inadequate',
]);

/** Words that, shortly before an everyday word, make it a feeling. */
const CUES = new Set([
  'feel',
  'feels',
  'feeling',
  'feelin',
  'felt',
  "i'm",
  'im',
  'am',
  'been',
  'being',
  'getting',
  'get',
  'got',
  'so',
  'just',
  'kinda',
  'kind',
  'sorta',
  'sort',
  'really',
  'very',
  'pretty',
  'super',
  'bit',
  'abit',
  'little',
  'quite',
  'totally',
  'too',
  'mostly',
  'rather',
  'fairly',
  'somewhat',
  'extremely',
  'incredibly',
  'still',
  'mood',
  'lowkey',
  'hella',
  'proper',
  'deeply',
  'honestly',
  'seriously',
]);
const CUE_WINDOW = 3;

/** Words after which a negator no longer reaches ("not sad, just tired"). */
const NEGATION_BREAKERS = new Set([
  'but',
  'just',
  'though',
  'although',
  'and',
  'or',
  'more',
  'rather',
  'instead',
]);
const NEGATORS = new Set([
  'not',
  'never',
  'no',
  "don't",
  'dont',
  "didn't",
  'didnt',
  "isn't",
  'isnt',
  "wasn't",
  'wasnt',
  "aren't",
  'arent',
  "ain't",
  'aint',
  "doesn't",
  'doesnt',
  "haven't",
  'havent',
  "hasn't",
  'hasnt',
  "won't",
  'wont',
  'nt',
  'less',
]);
const IMMEDIATE_NEGATORS = new Set(['no', 'less']);
/** "don't know", "not sure": a negator followed by these negates nothing. */
const NOT_NEGATING_NEXT = new Set(['know', 'sure', 'idea', 'care', 'mind', 'only']);
/** Words a negator reaches across: "not really sad", "don't feel that happy". */
const NEGATION_SKIPS = new Set([
  'really',
  'very',
  'so',
  'that',
  'too',
  'feel',
  'feeling',
  'feelin',
  'felt',
  'even',
  'all',
  'at',
  'i',
  "i'm",
  'im',
  'am',
  'be',
  'being',
  'been',
  'a',
  'an',
  'bit',
  'super',
  'exactly',
  'particularly',
  'the',
  'most',
  'quite',
  'doing',
  'getting',
  'in',
  'as',
  'overly',
  'totally',
  'remotely',
  'completely',
  'entirely',
  'like',
  'it',
  "it's",
  'its',
  'this',
  'my',
  'any',
  'much',
  'terribly',
]);
const NEGATION_REACH = 2;

/**
 * Everyday words a typo-guess must never turn into a feeling. Found by running every
 * word of an English word list through the matcher and keeping the unrelated hits
 * ("darling" is not "daring", "homeless" is not "hopeless"); same-root words
 * ("overwhelm", "isolation") are left to match on purpose.
 */
const NOT_TYPOS = new Set([
  'accented',
  'alice',
  'alike',
  'along',
  'angel',
  'anger',
  'angle',
  'angles',
  'anxiously',
  'badly',
  'bared',
  'belongings',
  'board',
  'boards',
  'boded',
  'boned',
  'bores',
  'borne',
  'bothers',
  'bounded',
  'brothers',
  'bummer',
  'bumped',
  'cabby',
  'careful',
  'carefully',
  'carmel',
  'catty',
  'cheerfully',
  'clinging',
  'comported',
  'concerted',
  'confidently',
  'consent',
  'consented',
  'contend',
  'contended',
  'contents',
  'contest',
  'contested',
  'context',
  'contused',
  'cuffed',
  'daring',
  'darling',
  'darning',
  'darting',
  'defecate',
  'defecated',
  'defecates',
  'defected',
  'defoliated',
  'deleted',
  'desiring',
  'detected',
  'dinner',
  'disguised',
  'downing',
  'drainer',
  'drains',
  'dreaming',
  'dredging',
  'dressing',
  'droning',
  'drowsing',
  'drying',
  'during',
  'dying',
  'emotion',
  'emotions',
  'excite',
  'excites',
  'exited',
  'fearless',
  'fired',
  'forgetting',
  'freed',
  'friend',
  'fries',
  'frying',
  'gladly',
  'glutted',
  'graceful',
  'grate',
  'gratefully',
  'greet',
  'guild',
  'guilds',
  'happen',
  'happens',
  'heading',
  'helplessly',
  'hippy',
  'homeless',
  'hopefully',
  'hopelessly',
  'hopping',
  'hungary',
  'hurtling',
  'improvising',
  'indivisible',
  'inpatient',
  'inpatients',
  'irrigate',
  'irrigated',
  'joyous',
  'leading',
  'lived',
  'living',
  'lonelier',
  'losing',
  'lovely',
  'loving',
  'madly',
  'meddling',
  'moods',
  'mooted',
  'morning',
  'mornings',
  'mounding',
  'mounting',
  'moved',
  'muddling',
  'nervously',
  'neural',
  'number',
  'numbers',
  'outdoing',
  'outgrowing',
  'pancaked',
  'pancaking',
  'panics',
  'passed',
  'patent',
  'patients',
  'peacefully',
  'pleased',
  'pleases',
  'plumped',
  'preppy',
  'proof',
  'prouder',
  'proved',
  'proves',
  'prying',
  'racing',
  'ragging',
  'raging',
  'ranging',
  'ratted',
  'reading',
  'relapse',
  'relapsed',
  'relaxes',
  'relived',
  'rented',
  'restlessly',
  'rusted',
  'sacred',
  'sadder',
  'sadly',
  'sappy',
  'saved',
  'scares',
  'scarf',
  'scarfed',
  'scarred',
  'scored',
  'shared',
  'sheeting',
  'shock',
  'shoot',
  'shopping',
  'sleep',
  'sleeps',
  'sleeting',
  'smoothed',
  'snared',
  'soared',
  'spared',
  'spatial',
  'special',
  'spilling',
  'sprawling',
  'stared',
  'stead',
  'stocked',
  'stresses',
  'stroked',
  'sweltered',
  'tankful',
  'tankfuls',
  'tapped',
  'tease',
  'tenses',
  'terse',
  'tested',
  'thankfully',
  'thoughtfully',
  'thralled',
  'tiered',
  'tiled',
  'timed',
  'tires',
  'trained',
  'tried',
  'tries',
  'trilled',
  'trying',
  'unset',
  'unwonted',
  'upsets',
  'waved',
  'wider',
  'wiser',
  'wives',
  'worrier',
  'worries',
  'wreathed',
  'wrenched',
  'yawing',
]);
const TYPO_MIN_LENGTH = 5;
const TWO_TYPO_MIN_LENGTH = 8;
/**
 * A changed letter counts as two slips (a missing, extra or swapped letter as one):
 * in everyday words a changed letter mostly makes another real word ("living" and
 * "loving", "racing" and "raging"), so it is only forgiven in words of 8+ letters.
 */
const SUBSTITUTION_COST = 2;

/** What a typo-guess reads, built on first use (see `once`). */
interface TypoTables {
  /** Single words worth a typo-guess: unambiguous, 5+ letters, by first letter. */
  targets: Map<string, Array<{ key: string; feeling: Feeling }>>;
  /** Every word that appears in some feeling phrase: never "corrected" into another. */
  vocabularyTokens: Set<string>;
}

const typoTables = once((): TypoTables => {
  const targets = new Map<string, Array<{ key: string; feeling: Feeling }>>();
  const vocabularyTokens = new Set<string>();
  const phrases = feelingPhrases();
  for (const key of phrases.keys()) {
    const parts = key.split(' ');
    for (const part of parts) vocabularyTokens.add(part);
    const feeling = phrases.get(key);
    const first = key[0];
    if (parts.length !== 1 || key.length < TYPO_MIN_LENGTH || NEEDS_CUE.has(key) || !feeling || !first)
      continue;
    const bucket = targets.get(first) ?? [];
    bucket.push({ key, feeling });
    targets.set(first, bucket);
  }
  return { targets, vocabularyTokens };
});

/** The feeling word a typo most likely meant, or the token unchanged. */
function correctTypo(token: string): string {
  const { targets, vocabularyTokens } = typoTables();
  if (token.length < TYPO_MIN_LENGTH || vocabularyTokens.has(token) || NOT_TYPOS.has(token)) return token;
  if (!/^[a-z]+$/.test(token)) return token;
  const bucket = targets.get(token[0] ?? '') ?? [];
  const within: Array<{ key: string; feeling: Feeling; distance: number }> = [];
  for (const target of bucket) {
    // A longer form of a feeling word is an inflection ("hopefully"), not a typo;
    // one letter too many ("anxiouss") still is.
    if (token.startsWith(target.key) && token.length - target.key.length >= 2) continue;
    const distance = editDistance(token, target.key, 2, SUBSTITUTION_COST);
    if (distance <= 2) within.push({ ...target, distance });
  }
  for (const allowed of [1, 2]) {
    const candidates = within.filter((c) => c.distance === allowed);
    if (candidates.length === 0) continue;
    if (
      allowed === 2 &&
      (token.length < TWO_TYPO_MIN_LENGTH || candidates.some((c) => c.key.length < TWO_TYPO_MIN_LENGTH))
    )
      return token;
    const feelings = new Set(candidates.map((c) => c.feeling));
    return feelings.size === 1 ? (candidates[0]?.key ?? token) : token;
  }
  return token;
}

/** Words after which some everyday words are not feelings ("good morning", "calm down"). */
const NOT_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'good',
    new Set(['morning', 'night', 'evening', 'afternoon', 'idea', 'job', 'luck', 'point', 'one', 'question']),
  ],
  ['great', new Set(['idea', 'job', 'question', 'point', 'one'])],
  ['calm', new Set(['down'])],
  ['chill', new Set(['pill'])],
  ['down', new Set(['for', 'to', 'with', 'here', 'there', 'stairs'])],
  ['low', new Set(['on', 'battery'])],
  ['fine', new Set(['print'])],
  ['off', new Set(['to', 'work', 'for', 'home', 'out', 'sick', 'the', 'my', 'it', 'of'])],
]);

/**
 * Words before a judgement that make it about something or someone else: "this is useless",
 * "you're stupid", "what a mess", "the plan was a failure". Never said back as theirs.
 */
const ABOUT_SOMETHING_ELSE: ReadonlySet<string> = new Set([
  'is',
  'was',
  "it's",
  'its',
  'it',
  "that's",
  'thats',
  'this',
  'that',
  'what',
  "you're",
  'youre',
  'you',
  'are',
  "they're",
  'theyre',
  "he's",
  'hes',
  "she's",
  'shes',
  'these',
  'those',
  'the',
]);
const JUDGEMENT_KEYS = [
  'worthless',
  'useless',
  'failure',
  'a failure',
  'a total failure',
  'loser',
  'a loser',
  'broken',
  'damaged',
  'stupid',
  'dumb',
  'idiot',
  'an idiot',
  'pathetic',
  'lazy',
  'a mess',
  'a hot mess',
  'hot mess',
  'a wreck',
  'falling apart',
  'inadequate',
  'so useless',
  'so stupid',
  'so dumb',
  'so pathetic',
  'so lazy',
  'such a failure',
  'such a loser',
  'such a mess',
  'such a burden',
];

/** Words before which some everyday words are not feelings ("sit down", "lie low"). */
const NOT_AFTER: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...JUDGEMENT_KEYS.map((key): [string, ReadonlySet<string>] => [key, ABOUT_SOMETHING_ELSE]),
  [
    'down',
    new Set([
      'sit',
      'sat',
      'sitting',
      'calm',
      'slow',
      'lie',
      'lay',
      'settle',
      'come',
      'came',
      'cool',
      'back',
      'break',
    ]),
  ],
  ['low', new Set(['lie', 'lay', 'keep', 'laying', 'lying'])],
]);

function hasCue(tokens: readonly string[], start: number, previousEnd: number): boolean {
  if (start - previousEnd <= 2 && previousEnd >= 0) return true;
  for (let k = 1; k <= CUE_WINDOW; k++) {
    const token = tokens[start - k];
    if (token === undefined || token === BOUNDARY) break;
    if (CUES.has(token)) return true;
  }
  return false;
}

/** Whether a negator shortly before `start` (and after the previous feeling) turns it. */
function isNegated(tokens: readonly string[], start: number, previousEnd: number): boolean {
  if (NEGATORS.has(tokens[start] ?? '')) return false;
  let reach = 0;
  for (let k = start - 1; k >= Math.max(0, previousEnd) && reach < NEGATION_REACH; k--) {
    const token = tokens[k];
    if (token === undefined || token === BOUNDARY || NEGATION_BREAKERS.has(token)) return false;
    if (NEGATORS.has(token)) {
      // "no" and "less" reach only the next word: "no I'm good" is not a negation.
      if (IMMEDIATE_NEGATORS.has(token) && k !== start - 1) return false;
      return !NOT_NEGATING_NEXT.has(tokens[k + 1] ?? '');
    }
    if (!NEGATION_SKIPS.has(token)) reach++;
  }
  return false;
}

const notOkay = once(() => feelingByWord('not okay') as Feeling);

/**
 * Emoji people send for a feeling, as the vocabulary word they stand for; a crying face alone
 * deserves a reflection, not "I'm not sure I caught a feeling there". Only faces whose meaning
 * is plain (no smiling tear, no upside-down smile). The crisis gate reads its own emoji first.
 */
const EMOJI_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u{1F622}\u{1F62D}\u{1F63F}]/gu, 'teary'],
  [/\u{1F494}/gu, 'heartbroken'],
  [/[\u{1F61E}\u{1F614}\u{2639}\u{1F641}]/gu, 'sad'],
  [/\u{1F615}/gu, 'confused'],
  [/\u{1F629}/gu, 'weary'],
  [/\u{1F62B}/gu, 'exhausted'],
  [/[\u{1F971}\u{1F634}]/gu, 'sleepy'],
  [/\u{1F61F}/gu, 'worried'],
  [/[\u{1F630}\u{1F625}]/gu, 'anxious'],
  [/[\u{1F628}\u{1F631}]/gu, 'scared'],
  [/[\u{1F621}\u{1F620}\u{1F92C}]/gu, 'angry'],
  [/\u{1F624}/gu, 'frustrated'],
  [/[\u{1F623}\u{1F616}]/gu, 'upset'],
  [/[\u{1F610}\u{1F611}]/gu, 'meh'],
  [/\u{1F92F}/gu, 'overwhelmed'],
  [/\u{1F62C}/gu, 'nervous'],
  [/\u{1F60C}/gu, 'relieved'],
  [/[\u{1F60A}\u{1F600}\u{1F603}\u{1F604}\u{1F601}]/gu, 'happy'],
  [/\u{1F970}/gu, 'loved'],
];

/** Emoji as words, each its own clause so it needs no cue ("rough day 😢"). */
function emojiAsWords(text: string): string {
  let out = text;
  for (const [emoji, word] of EMOJI_WORDS) out = out.replace(emoji, ` , ${word} , `);
  return out;
}

/** A feeling found in free words, with the vocabulary phrase it was said as. */
export interface Named {
  feeling: Feeling;
  /** The phrase as the vocabulary knows it ("knackered", "in over my head"), typos corrected. */
  phrase: string;
}

/**
 * Up to three distinct canonical feelings named in free text, in the order they appear.
 * Non-feeling messages ("what's the weather", "yes", "pizza") give []. Never throws.
 */
export function matchFeelings(text: string): Feeling[] {
  return namedFeelings(text).map((named) => named.feeling);
}

/** `matchFeelings`, with the phrase each feeling was said as (for saying it back). */
export function namedFeelings(text: string): Named[] {
  let tokens: string[];
  try {
    tokens = tokenize(emojiAsWords(typeof text === 'string' ? text : '')).slice(0, MAX_TOKENS);
  } catch {
    return [];
  }
  const corrections = new Map<string, string>();
  const words = tokens.map((token) => {
    const known = corrections.get(token);
    if (known !== undefined) return known;
    const corrected = correctTypo(token);
    corrections.set(token, corrected);
    return corrected;
  });
  const short = wordCount(words) <= SHORT_MESSAGE_WORDS;
  const phrases = feelingPhrases();
  const found: Named[] = [];
  let previousEnd = -1;
  let i = 0;
  while (i < words.length && found.length < MAX_FEELINGS) {
    const hit = phrases.findAt(words, i);
    if (!hit) {
      i++;
      continue;
    }
    const next = tokens[i + hit.length] ?? '';
    const previous = tokens[i - 1] ?? '';
    if (NOT_BEFORE.get(hit.key)?.has(next) || NOT_AFTER.get(hit.key)?.has(previous)) {
      // The pair is an idiom ("calm down", "good morning"): neither word is a feeling.
      i += hit.length + 1;
      continue;
    }
    if (NEEDS_CUE.has(hit.key) && !short && !hasCue(words, i, previousEnd)) {
      i++;
      continue;
    }
    let named: Named | undefined = { feeling: hit.value, phrase: hit.key };
    if (isNegated(words, i, previousEnd)) {
      // "not happy" is said back as "not happy", and kept as "not okay".
      named = hit.value.pleasantness >= 0 ? { feeling: notOkay(), phrase: `not ${hit.key}` } : undefined;
    }
    if (named && !found.some((f) => f.feeling === named.feeling)) found.push(named);
    previousEnd = i + hit.length;
    i += hit.length;
  }
  return found;
}

/** The words offered when none came: common, gentle, at most mildly intense. */
const GENTLE_WORDS: Readonly<Record<FeelingFamily, readonly string[]>> = {
  'low-unpleasant': [
    'sad',
    'tired',
    'heavy',
    'down',
    'lonely',
    'numb',
    'drained',
    'empty',
    'flat',
    'disconnected',
  ],
  'high-unpleasant': [
    'anxious',
    'stressed',
    'overwhelmed',
    'on edge',
    'restless',
    'frustrated',
    'irritable',
    'worried',
    'tense',
    'nervous',
  ],
  'low-pleasant': [
    'calm',
    'okay',
    'content',
    'relieved',
    'peaceful',
    'relaxed',
    'rested',
    'grateful',
    'hopeful',
    'cozy',
  ],
  'high-pleasant': [
    'happy',
    'excited',
    'energized',
    'proud',
    'motivated',
    'playful',
    'curious',
    'focused',
    'confident',
  ],
};

/**
 * Exactly three distinct common, gentle words of `family`, varied by `seed`
 * ("here are three words, pick one").
 */
export function suggestWords(family: FeelingFamily, seed: number): Feeling[] {
  const pool = (GENTLE_WORDS[family] ?? [])
    .map((word) => feelingByWord(word))
    .filter((feeling): feeling is Feeling => feeling !== undefined && familyOf(feeling) === family);
  const picked = shuffled(pool, seed).slice(0, 3);
  if (picked.length < 3) {
    const rest = FEELINGS.filter((feeling) => familyOf(feeling) === family && !picked.includes(feeling));
    picked.push(...shuffled(rest, seed).slice(0, 3 - picked.length));
  }
  return picked;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  none: 0,
  nothing: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
/** Words before a spelled number that make it a rating ("like a seven"). */
const RATING_CUES = new Set([
  'a',
  'an',
  'like',
  'about',
  'around',
  'maybe',
  'at',
  'probably',
  "it's",
  'its',
  'say',
  'solid',
  'strong',
  'weak',
  'high',
  'low',
  'honestly',
  'perhaps',
  'roughly',
  'mostly',
  "i'm",
  'im',
  'feels',
  'feel',
  'feeling',
  'or',
]);
const INTENSITY_MAX_CHARS = 2000;

/**
 * A 0-10 rating in the text: "7", "like a 7", "seven", "7/10", "7 out of 10".
 * The "10" of "out of 10" and numbers outside 0-10 are skipped; halves round up.
 */
export function matchIntensity(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const s = text
    .slice(0, INTENSITY_MAX_CHARS)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");
  const words = s.match(/[a-z']+|\d+(?:\.\d+)?/g) ?? [];
  const number = /(\d+(?:\.\d+)?)|\b(zero|none|nothing|one|two|three|four|five|six|seven|eight|nine|ten)\b/g;
  for (const m of s.matchAll(number)) {
    const at = m.index ?? 0;
    const before = s.slice(Math.max(0, at - 10), at);
    const after = s.slice(at + m[0].length, at + m[0].length + 4);
    if (/(\/|out of)\s*$/.test(before)) continue;
    // Part of a word, a time, a date or a percentage ("mp3", "3pm", "7th", "50%"): not a rating.
    if (/[a-z\d.]$/.test(before) || /^(\s*(am|pm|%|:|h\b|st|nd|rd|th)|[a-z])/.test(after)) continue;
    if (m[1] !== undefined) {
      const value = Number(m[1]);
      if (value >= 0 && value <= 10) return Math.round(value);
      continue;
    }
    const word = m[2] ?? '';
    const value = NUMBER_WORDS[word];
    if (value === undefined) continue;
    const previous = before.match(/([a-z']+)\s*$/)?.[1];
    const rated = /^\s*(\/|out of)/.test(after + s.slice(at + m[0].length + 4, at + m[0].length + 12));
    const alone = words.length <= SHORT_MESSAGE_WORDS && words[0] === word;
    const isNoneLike = word === 'none' || word === 'nothing';
    if (
      isNoneLike
        ? alone && words.length === 1
        : alone || rated || (previous !== undefined && RATING_CUES.has(previous))
    )
      return value;
  }
  return undefined;
}
