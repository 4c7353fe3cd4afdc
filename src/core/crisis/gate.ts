/**
 * The crisis gate (docs/safety.md): does this message need the resources, and which ones?
 * `step` calls it first, on every input with words, in every state, on every channel.
 *
 * Layers read the message side by side (lexicon, semantic frames, a trained classifier,
 * other languages) and the conversation's memory lowers the bar for a few turns after any
 * signal. Any layer that is sure gives the resources; a weak signal asks the grey-zone
 * question; no layer can suppress another.
 */

import { scoreRisk } from './classifier.ts';
import { isProductCommand } from './commands.ts';
import { contextMarkers, matchFrames } from './frames.ts';
import { detectLanguage, matchLanguages, type ReplyLanguage } from './languages.ts';
import { matchLexicon } from './lexicon.ts';
import { readInContext } from './memory.ts';
import { CLAUSE, type Folded, fold } from './normalize.ts';
import { type Concern, DANGER_ORDER, type Signal, type Telling } from './signals.ts';

/** What the conversation knows that the message alone does not. */
export interface GateContext {
  /** A crisis, danger or grey-zone signal came in the last few turns (see memory.ts). */
  watchful?: boolean;
  /** The open question is about their safety: short answers ("tonight", "already") are replies to it. */
  askedAboutSafety?: boolean;
}

export interface Assessment {
  /** crisis: the crisis reply; danger: 911 first; grey: one direct question with the line in it. */
  reply: 'crisis' | 'danger' | 'grey';
  /** Whose safety: `self` for crisis and grey, the most urgent danger concern for danger. */
  concern: Concern;
  /** Every sure signal was negated ("I'm not suicidal"): softer opening, resources in full. */
  negated: boolean;
  /** The language to answer in. */
  language: ReplyLanguage;
  /**
   * The message only speaks of death, harm or pills, without a meaning any layer is sure or
   * unsure of. The check-in carries on, but never reflects a word of it back as a feeling:
   * where it would, it asks the grey-zone question instead (see step.ts).
   */
  mentionOnly?: true;
  /**
   * The grey-zone question's wording, when an everyday telling lowered the reply: after a
   * recovery story it thanks them first and asks about now; after someone else's harm it names
   * the emergency number and the line for people worried about someone, then asks about them.
   */
  framing?: GreyFraming;
  /** What fired, for the eval and for growing the corpus. */
  signals: Signal[];
}

export type GreyFraming = 'recovery' | 'someone-else';

/**
 * Reads `text` for risk. Pure, never throws: should a layer itself fail, the answer is the
 * crisis reply, because a missed crisis costs far more than an unneeded list of numbers.
 */
export function assess(text: string, context: GateContext = {}): Assessment | null {
  if (typeof text !== 'string' || text.trim().length === 0) return null;
  try {
    return decide(text, listen(text, context));
  } catch {
    return { reply: 'crisis', concern: 'self', negated: true, language: 'en', signals: [] };
  }
}

/** Every layer's signals. */
export function listen(text: string, context: GateContext = {}): Signal[] {
  return heardIn(text, context, true);
}

function heardIn(text: string, context: GateContext, readTellings: boolean): Signal[] {
  // "delete my plan", "end my reminders": the product's own commands, said whole (commands.ts).
  if (isProductCommand(text)) return [];
  const folded = fold(text);
  const watchful = context.watchful === true;
  const frames = matchFrames(folded);
  const told = readTellings ? tellingsOf(text, frames.contexts) : NONE;
  // A bare mention in a message about the topic ("a suicide prevention walk") is a question
  // to ask, not a crisis to answer; every other layer still reads the message in full.
  const aboutTopic = frames.contexts.has('about-topic');
  // "my uncle overdosed last year", "my friend is self harming, how can I help": the harm
  // word is someone else's, so the word itself (a mention, the self-harm noun) asks at most.
  const aboutSomeoneElse = told.has('about-someone-else');
  const lexicon = matchLexicon(folded);
  const mentionSure =
    !aboutTopic && !aboutSomeoneElse && lexicon.some((hit) => hit.tier === 'mention') && saidOfMe(folded);
  const heard: Signal[] = [
    ...lexicon.map(
      (hit): Signal => ({
        layer: 'lexicon',
        concern: 'self',
        strength: hit.tier === 'mention' && !mentionSure ? 'weak' : 'sure',
        negated: hit.negated,
        rule: hit.tier,
        // Someone else's word, or the topic's: it asks, and agrees with no other layer.
        ...(hit.tier === 'mention' && aboutSomeoneElse ? { alone: true, told: 'about-someone-else' } : {}),
        ...(hit.tier === 'mention' && aboutTopic ? { alone: true } : {}),
      }),
    ),
    ...(aboutSomeoneElse ? frames.signals.map(theirWord) : frames.signals),
    ...scoreRisk(folded, watchful, frames.byClause),
    ...matchLanguages(text, folded),
  ];
  let story = heard;
  const safe = SAFE_TELLINGS.find((id) => told.has(id));
  if (safe) story = story.map((signal) => toldFromSafety(signal, safe));
  if (told.has('petty-quarrel')) story = story.map(saidInAnger);
  return [...story, ...readInContext(folded, context)];
}

const NONE: ReadonlySet<Telling> = new Set();

/**
 * Tellings from a safe place: a recovery story, a joke about a petty trouble, and an absence
 * with its everyday reason ("I won't be here tomorrow, I have work"). See toldFromSafety.
 */
const SAFE_TELLINGS: readonly Telling[] = ['recovery-story', 'said-in-jest', 'away-for-a-reason'];

/** A clause this short is the mention itself: "suicidal", "sucidal again", "self delete". */
const BARE_MENTION_WORDS = 4;
const FIRST_PERSON = /(?:^| )(?:i|im|ive|id|ill|me|myself|yo)(?= |$)/;

/**
 * The words themselves ("suicide", "overdose", "crisis") are sure in a clause that is said of
 * the speaker ("I'm not having thoughts of suicide") or is little more than the word ("suicidal.
 * again."). In any other clause they ask the grey-zone question, unless another layer hears
 * the person's own risk: people use them for the news, a job, a class or a recovery ("tough
 * overdose case at work", "Told my GP about the suicidal thoughts last month").
 */
function saidOfMe(folded: Folded): boolean {
  return folded.plain.split(CLAUSE).some((clause) => {
    const words = clause.trim();
    if (words === '') return false;
    const short = words.split(' ').length <= BARE_MENTION_WORDS;
    if (!short && !FIRST_PERSON.test(words)) return false;
    return matchLexicon(fold(words)).some((hit) => hit.tier === 'mention');
  });
}

/** The everyday contexts that lower what a message can ask (frames.json `contexts`). */
const TELLINGS: readonly Telling[] = [
  'recovery-story',
  'said-in-jest',
  'away-for-a-reason',
  'about-someone-else',
  'petty-quarrel',
];

/**
 * The tellings a message sets, if they cover all it says: a sentence that would give the
 * resources on its own, without a word of the telling in it ("Two years clean and proud." and
 * then "Thinking of driving off the road."), is not part of the story, so nothing is lowered.
 * Benign words around a crisis never take its resources away.
 */
function tellingsOf(text: string, contexts: ReadonlySet<string>): ReadonlySet<Telling> {
  const told = TELLINGS.filter((id) => contexts.has(id));
  if (told.length === 0) return NONE;
  const sentences = sentencesOf(text);
  if (sentences.length > 1) {
    const markers = contextMarkers(told);
    for (const sentence of sentences) {
      const own = matchFrames(fold(sentence)).concepts;
      if ([...markers].some((m) => own.has(m))) continue;
      const alone = decide(sentence, heardIn(sentence, {}, false));
      if (alone !== null && alone.reply !== 'grey') return NONE;
    }
  }
  return new Set(told);
}

/**
 * A message's sentences: split at line breaks and at sentence ends, not at commas, since a
 * comma joins one thought ("I'm going to kill my brother, he ate my leftovers").
 */
function sentencesOf(text: string): string[] {
  return text
    .split(/[\n\r]+|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The self-harm noun said of someone else ("my nephew is in treatment for self harm") asks the
 * grey-zone question at most, and with the mention of the same word is not sure together; the
 * question is then worded for someone worried about another person (Assessment.framing).
 */
function theirWord(signal: Signal): Signal {
  if (signal.rule === 'self-harm')
    return { ...signal, strength: 'weak', alone: true, told: 'about-someone-else' };
  return signal.alone ? { ...signal, told: 'about-someone-else' } : signal;
}

/**
 * "I'm going to kill my brother, he ate my leftovers": an urge to hurt someone over a petty
 * cause, with no weapon, address, child or "I mean it" anywhere in the message (frames.json
 * `contexts`), asks the grey-zone question at most. Every other concern is untouched.
 */
function saidInAnger(signal: Signal): Signal {
  if (signal.concern !== 'harm-others' || signal.strength === 'support') return signal;
  return { ...signal, strength: 'weak', alone: true, told: 'petty-quarrel' };
}

/**
 * Said from a safe place (frames.json `contexts`), with no present-tense risk word anywhere in
 * the message: a recovery story ("I used to cut, I've been clean two years"; "I called my
 * sister instead of hurting myself"), a joke ("kms, this meeting could have been an email";
 * "if I have to sit through one more all-hands I will literally die"), or an absence with its
 * reason ("I won't be here tomorrow, I have work"). What the lists and frames heard of the
 * person's own harm asks the grey-zone question at most, and two such signals are not sure
 * together. The classifier's reading stands: it has learned jokes and stories of its own, and
 * a context that lowered it would be one layer suppressing another. Danger signals are
 * untouched, and so is a request: HELP, 988 and "not safe" always reach the resources.
 */
function toldFromSafety(signal: Signal, told: Telling): Signal {
  if (signal.concern !== 'self' || signal.strength === 'support' || signal.rule === 'request') return signal;
  if (signal.layer === 'classifier') return signal;
  return { ...signal, strength: 'weak', alone: true, told };
}

function decide(text: string, signals: Signal[]): Assessment | null {
  if (signals.length === 0) return null;
  const unsure = signals.filter((s) => s.strength !== 'sure' && !s.alone);
  // Two layers unsure on their own, about the same message, are sure together.
  const agree = new Set(unsure.map((s) => s.layer)).size >= 2 && unsure.some((s) => s.strength === 'weak');
  const sure = agree ? unsure : signals.filter((s) => s.strength === 'sure');
  // The classifier's middle band only ever supports: alone, it asks nothing.
  if (sure.length === 0 && signals.every((s) => s.strength === 'support')) return null;
  const language = detectLanguage(text, signals);
  if (sure.length === 0) {
    const framing = framingOf(signals);
    // Someone else's harm is always asked about: the question gives a worried person 911 and
    // the line for people worried about someone, as well as asking about them.
    const mentionOnly =
      framing !== 'someone-else' &&
      signals.every((s) => (s.alone && s.rule === 'speaks-of-harm') || s.strength === 'support');
    return {
      reply: 'grey',
      concern: 'self',
      negated: false,
      language,
      signals,
      ...(mentionOnly ? { mentionOnly: true } : {}),
      ...(framing ? { framing } : {}),
    };
  }
  const danger = DANGER_ORDER.find((concern) => sure.some((s) => s.concern === concern));
  // Only phrases can be negated; a classifier score alone says nothing about "not".
  const worded = sure.filter((s) => s.layer !== 'classifier');
  const negated = worded.length > 0 && worded.every((s) => s.negated);
  return {
    reply: danger ? 'danger' : 'crisis',
    concern: danger ?? 'self',
    negated: danger ? false : negated,
    language,
    signals,
  };
}

/** The grey-zone question's wording for what lowered it (see Assessment.framing). */
function framingOf(signals: readonly Signal[]): GreyFraming | undefined {
  // "my nan's fallen and she's not responding": a weak sign that someone else may be in danger.
  if (signals.some((s) => s.told === 'about-someone-else' || s.concern === 'someone-else'))
    return 'someone-else';
  if (signals.some((s) => s.told === 'recovery-story')) return 'recovery';
  return undefined;
}
