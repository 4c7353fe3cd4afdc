/**
 * The optional journal (what set it off, what was tried, what helped 0-3), then one
 * low-barrier connection and a warm close. One word skips. On voice, answers are kept only
 * when they match an enumerated option; free speech is never stored.
 */
import { checkIn } from '../content/check-in.ts';
import { matchHelped, matchOption, TRIED, TRIGGERS } from '../journal/options.ts';
import { ask, beat, finish } from '../reply.ts';
import type { Values } from '../state.ts';
import type { Outcome, Turn } from '../turn.ts';
import type { Beat } from '../types.ts';
import type { Said } from '../understand.ts';

const JOURNAL_TEXT_MAX_LENGTH = 200;

export function askTrigger(turn: Turn, values: Values): Outcome {
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
  if (step === 'journal-tried') return askTried(turn, values);
  if (step === 'journal-helped') return askHelped(turn, values);
  return askTrigger(turn, values);
}

/** Writes what was noted (if anything), offers one connection, and closes warmly. */
export function connectAndClose(turn: Turn, values: Values, helped?: 0 | 1 | 2 | 3): Outcome {
  const lines: Beat[] = [];
  const noted = values.trigger !== undefined || values.tried !== undefined || helped !== undefined;
  if (noted) {
    turn.addEntry({
      kind: 'reflection',
      ...(values.trigger === undefined ? {} : { trigger: values.trigger }),
      ...(values.tried === undefined ? {} : { tried: values.tried }),
      ...(helped === undefined ? {} : { helped }),
    });
    lines.push(beat(checkIn.journalSaved(turn.modality), { claimsSaved: true }));
  }
  turn.addEntry({ kind: 'connection' });
  lines.push(beat(checkIn.connection(turn.modality), { pauseAfter: 'short' }), beat(checkIn.close));
  return { state: { step: 'closed', values: {} }, reply: finish(lines) };
}

/** DONE / NOT YET are about last time's goal, not journal words: the flow records them instead. */
const isGoalOutcome = (said: Said): boolean =>
  said.kind === 'answer' && (said.answer === 'done' || said.answer === 'notYet');

const isSkip = (said: Said): boolean =>
  said.kind === 'answer' && (said.answer === 'skip' || said.answer === 'no' || said.answer === 'none');

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
  const tried = journalValue(turn, TRIED, said, raw);
  return askHelped(turn, tried === undefined ? values : { ...values, tried });
}

export function handleHelped(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  if (isSkip(said) && !(said.kind === 'answer' && said.answer === 'no')) return connectAndClose(turn, values);
  if (said.kind === 'choice') return connectAndClose(turn, values, (said.index + 1) as 1 | 2 | 3);
  const helped = matchHelped(said.kind === 'pick' ? said.value : (raw ?? ''));
  if (helped !== undefined) return connectAndClose(turn, values, helped);
  return undefined;
}
