/**
 * The optional journal (what set it off, what was tried, what helped 0-3), then one
 * low-barrier connection question with its own turn, and a warm close that asks nothing.
 * One word skips. "nothing", "none", "idk" and the like are not answers to keep: nothing is
 * stored for them, and "how much did it help?" is never asked about nothing. On voice,
 * answers are kept only when they match an enumerated option; free speech is never stored.
 */
import { checkIn } from '../content/check-in.ts';
import { matchHelped, matchOption, TRIED, TRIGGERS } from '../journal/options.ts';
import { ask, beat, finish } from '../reply.ts';
import type { Values } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { Beat, ReachOut } from '../types.ts';
import type { Said } from '../understand.ts';

const JOURNAL_TEXT_MAX_LENGTH = 200;

const isGoodDay = (values: Values): boolean =>
  values.family === 'low-pleasant' || values.family === 'high-pleasant';

/**
 * The journal's first question: what set it off on a hard day; on a good day, what helped
 * (kept as what they tried, with no rating they did not give, and no "what set this off").
 */
export function askTrigger(turn: Turn, values: Values): Outcome {
  if (isGoodDay(values)) {
    return {
      state: { step: 'journal-tried', values },
      reply: ask([checkIn.journalAskGood(turn.modality)], checkIn.journalTriedReprompt(turn.modality)),
    };
  }
  return {
    state: { step: 'journal-trigger', values },
    reply: ask([checkIn.journalAskTrigger(turn.modality)], checkIn.journalTriggerReprompt(turn.modality)),
  };
}

function askTried(turn: Turn, values: Values): Outcome {
  return {
    state: { step: 'journal-tried', values },
    reply: ask([checkIn.journalAskTried(turn.modality)], checkIn.journalTriedReprompt(turn.modality)),
  };
}

function askHelped(turn: Turn, values: Values): Outcome {
  return {
    state: { step: 'journal-helped', values },
    reply: ask([checkIn.journalAskHelped(turn.modality)], checkIn.journalHelpedReprompt(turn.modality)),
  };
}

export function repeatJournal(turn: Turn, step: string, values: Values): Outcome {
  if (step === 'journal-tried') return isGoodDay(values) ? askTrigger(turn, values) : askTried(turn, values);
  if (step === 'journal-helped') return askHelped(turn, values);
  return askTrigger(turn, values);
}

/** Writes what was noted so far (if anything) as one entry: the line that says so, or none. */
function keepNoted(turn: Turn, values: Values, helped?: 0 | 1 | 2 | 3): Beat[] {
  if (values.trigger === undefined && values.tried === undefined && helped === undefined) return [];
  turn.addEntry({
    kind: 'reflection',
    ...(values.trigger === undefined ? {} : { trigger: values.trigger }),
    ...(values.tried === undefined ? {} : { tried: values.tried }),
    ...(helped === undefined ? {} : { helped }),
  });
  return [beat(checkIn.journalSaved(turn.modality), { claimsSaved: true })];
}

/** Writes what was noted (if anything), then asks the one connection question. */
export function connectAndClose(turn: Turn, values: Values, helped?: 0 | 1 | 2 | 3): Outcome {
  const lines = keepNoted(turn, values, helped);
  return {
    state: { step: 'connect', values: { ...closing(values) } },
    reply: ask([...lines, checkIn.connection(turn.modality)], checkIn.connectionReprompt(turn.modality), {
      choices: checkIn.connectionChoices,
    }),
  };
}

/**
 * "later" or "leave me alone" in the middle of the journal: what they already noted is
 * kept (and they are told so) before the close that follows.
 */
export function keepNotesBeforeClosing(turn: Turn, values: Values, close: Outcome): Outcome {
  return leadWith(keepNoted(turn, values), close);
}

/** What the close still needs to know of the check-in: only how the day felt. */
const closing = (values: Values): Values => (values.family ? { family: values.family } : {});

export function repeatConnection(turn: Turn, values: Values): Outcome {
  return {
    state: { step: 'connect', values },
    reply: ask([checkIn.connection(turn.modality)], checkIn.connectionReprompt(turn.modality), {
      choices: checkIn.connectionChoices,
    }),
  };
}

/** "yes" / "maybe later" / "not today": kept as that (never who), then the close on its own. */
export function handleConnect(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const reachOut = reachOutSaid(said, raw);
  if (!reachOut) return undefined;
  turn.addEntry({ kind: 'connection', reachOut });
  return {
    state: { step: 'closed', values: {} },
    reply: finish([checkIn.connectionAnswered[reachOut], closeLine(values)]),
  };
}

function reachOutSaid(said: Said, raw: string | undefined): ReachOut | undefined {
  if (said.kind === 'choice') return (['yes', 'maybe', 'no'] as const)[said.index];
  if (said.kind === 'answer') {
    if (said.answer === 'yes' || said.answer === 'ok') return 'yes';
    if (said.answer === 'notSure') return 'maybe';
    if (said.answer === 'no' || said.answer === 'skip' || said.answer === 'none') return 'no';
  }
  const words = (said.kind === 'pick' ? said.value : (raw ?? '')).toLowerCase();
  if (/\b(maybe|later|perhaps|might|possibly)\b/.test(words)) return 'maybe';
  if (/\b(not today|no one|nobody|no-one)\b/.test(words)) return 'no';
  return undefined;
}

/** The close: warm, asks nothing. The hard-day line only after a hard feeling. */
export function closeLine(values: Values): string {
  return isGoodDay(values) ? checkIn.closeGladDay : checkIn.close;
}

/** DONE / NOT YET are about last time's goal, not journal words: the flow records them instead. */
const isGoalOutcome = (said: Said): boolean =>
  said.kind === 'answer' && (said.answer === 'done' || said.answer === 'notYet');

const isSkip = (said: Said): boolean =>
  said.kind === 'answer' && (said.answer === 'skip' || said.answer === 'no');

/** "yes", "ok": agreeing to the question, not answering it. */
const saysGoOn = (said: Said): boolean =>
  said.kind === 'answer' && (said.answer === 'yes' || said.answer === 'ok');

function askAgainPlainly(
  turn: Turn,
  values: Values,
  step: 'journal-trigger' | 'journal-tried',
  question: (m: Turn['modality']) => string,
): Outcome {
  const reprompt = step === 'journal-trigger' ? checkIn.journalTriggerReprompt : checkIn.journalTriedReprompt;
  return { state: { step, values }, reply: ask([question(turn.modality)], reprompt(turn.modality)) };
}

/** Words that answer a journal question with nothing to keep. */
const NOTHING_TO_KEEP =
  /^\s*(nothing( really| much| yet)?|none( of (those|them|these))?|nada|zero|0|n\/?a|-+|\.+|idk|dunno|no idea|not sure|i (do ?n'?o?t|dont) know|nothing in particular)\s*[.!]*\s*$/i;

function nothingToKeep(said: Said, raw: string | undefined): boolean {
  // A short answer ("fine", "not sure", "none") is never kept as journal words.
  if (said.kind === 'answer') return true;
  return NOTHING_TO_KEEP.test(said.kind === 'pick' ? said.value : (raw ?? ''));
}

/**
 * A journal answer as it may be kept: the typed words on text channels, an option id on voice
 * (undefined when voice heard something outside the options).
 */
function journalValue(
  turn: Turn,
  options: typeof TRIGGERS,
  said: Said,
  raw: string | undefined,
): string | undefined {
  const heard = said.kind === 'pick' ? said.value : (raw ?? '');
  if (turn.modality === 'voice') return matchOption(options, heard)?.id;
  const typed = heard.replace(/\s+/g, ' ').trim().slice(0, JOURNAL_TEXT_MAX_LENGTH);
  return typed.length > 0 ? typed : undefined;
}

export function handleTrigger(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  if (isGoalOutcome(said)) return undefined;
  if (isSkip(said)) return connectAndClose(turn, values);
  // "yes" to "a quick note? what set this off?" is not what set it off: ask just that.
  if (saysGoOn(said)) return askAgainPlainly(turn, values, 'journal-trigger', checkIn.journalTriggerPlain);
  if (nothingToKeep(said, raw)) return askTried(turn, values);
  const trigger = journalValue(turn, TRIGGERS, said, raw);
  return askTried(turn, trigger === undefined ? values : { ...values, trigger });
}

export function handleTried(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  if (isGoalOutcome(said)) return undefined;
  if (isSkip(said)) return connectAndClose(turn, values);
  if (saysGoOn(said)) return askAgainPlainly(turn, values, 'journal-tried', checkIn.journalTriedPlain);
  // Nothing tried: nothing to rate. "How much did it help?" is not asked about nothing.
  if (nothingToKeep(said, raw)) return leadWith([checkIn.journalNothing], connectAndClose(turn, values));
  const tried = journalValue(turn, TRIED, said, raw);
  // Voice heard something outside the options: nothing was kept, so nothing to rate either.
  if (tried === undefined) return connectAndClose(turn, values);
  // A good day's "what helped" needs no rating.
  if (isGoodDay(values)) return connectAndClose(turn, { ...values, tried });
  return askHelped(turn, { ...values, tried });
}

export function handleHelped(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  if (said.kind === 'choice') return connectAndClose(turn, values, (said.index + 1) as 1 | 2 | 3);
  // 0 is an answer here ("not at all"), so the rating is read before any "nothing".
  const helped = matchHelped(said.kind === 'pick' ? said.value : (raw ?? ''));
  if (helped !== undefined) return connectAndClose(turn, values, helped);
  if (isSkip(said) || nothingToKeep(said, raw)) return connectAndClose(turn, values);
  return undefined;
}
