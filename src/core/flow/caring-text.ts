/**
 * The caring text after a crisis reply (issue 14): one short text the next day, at a reasonable
 * local hour, only after a plain yes, never referring to what was said.
 *
 * When it is asked. Not with the crisis reply: that reply comes first and unchanged, and on
 * voice it ends with its own question (say the number again?). Not while the person may still be
 * in danger: never on a turn where the gate heard anything, never after a danger-now reply
 * (someone at home may read the phone; 911 comes first there). It is asked once, at the calmer
 * close of the episode: when the person says they would rather not go on ("no", "I'm fine",
 * "done for now" at "would you like to keep going?"), after the goodbye that carries the line
 * once more. Never again after a no; again after a later episode only once the last one was sent.
 *
 * Who can be asked: by text (SMS, where the host keeps the number, sealed, on a yes); on Alexa
 * only someone linked to a phone whose number is already kept (they asked to be texted). Never
 * someone opted out. The terminal chat cannot text anyone.
 */
import { capabilitiesOf } from '../capabilities.ts';
import { caring } from '../content/safety-plan.ts';
import { localDateAfter } from '../reminders/reminder.ts';
import { nextDue } from '../reminders/schedule.ts';
import { ask, beat, finish } from '../reply.ts';
import type { FlowState } from '../state.ts';
import type { Outcome, Turn } from '../turn.ts';
import type { Said } from '../understand.ts';

/** A reasonable local hour the next day: between 10 and 11 in the morning, their time. */
export const CARING_WINDOW = { start: 10 * 60, end: 11 * 60 } as const;
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

const canText = (turn: Turn): boolean => {
  const { profile, channel } = turn.ctx;
  if (profile.optedOut || profile.unavailable) return false;
  if (capabilitiesOf(turn.ctx).textsFirst === true) return true;
  // Alexa: only a linked phone whose number is kept (the core sees a reminder only with one).
  return channel === 'alexa' && profile.linked === true && profile.reminder !== undefined;
};

/** Not after a no; not while one is waiting to go. */
const mayAsk = (turn: Turn): boolean => {
  const last = turn.ctx.profile.caringText;
  if (!last) return true;
  return last.answer === 'yes' && last.sentAt !== undefined;
};

/**
 * The close of a crisis episode, with the question added after the goodbye's own line. Only a
 * close from the crisis steps, of an episode about their own safety, on a turn with no signal.
 */
export function withCaringAsk(
  turn: Turn,
  current: FlowState,
  signalled: boolean,
  said: Said,
  outcome: Outcome,
): Outcome {
  if (signalled || !choseToClose(said)) return outcome;
  if (current.step !== 'crisis' && current.step !== 'crisis-check') return outcome;
  if (current.values.concern !== undefined) return outcome;
  if (outcome.state.step !== 'closed' || outcome.reply.crisis !== true) return outcome;
  if (!canText(turn) || !mayAsk(turn)) return outcome;
  return {
    state: { step: 'caring-consent', values: {} },
    reply: { ...question(turn, outcome.reply.beats), crisis: true },
  };
}

/**
 * They said so themselves: "no", "I'm fine", "done for now" at "would you like to keep going?".
 * Not "leave me alone", and not a close after the question went unanswered twice: no new question then.
 */
const choseToClose = (said: Said): boolean =>
  (said.kind === 'answer' && ['no', 'fine', 'skip', 'none'].includes(said.answer)) ||
  (said.kind === 'command' && said.command === 'end');

function question(turn: Turn, lead: Outcome['reply']['beats'] = []): Outcome['reply'] {
  return turn.modality === 'voice'
    ? ask([...lead, caring.askVoice], caring.askVoiceReprompt)
    : ask([...lead, caring.ask], caring.askReprompt);
}

export function repeatCaringQuestion(turn: Turn): Outcome {
  return { state: { step: 'caring-consent', values: {} }, reply: question(turn) };
}

/** The answer to "Can I text you tomorrow just to check in?"; undefined for anything else. */
export function caringTurn(turn: Turn, current: FlowState, said: Said): Outcome | undefined {
  if (current.step !== 'caring-consent' || said.kind !== 'answer') return undefined;
  const { now } = turn.ctx;
  if (said.answer === 'yes' || said.answer === 'ok') {
    const dueAt = caringDueAt(turn);
    turn.effects.push({
      type: 'setCaringText',
      caring: { answer: 'yes', at: now, ...(dueAt ? { dueAt } : {}) },
    });
    return {
      state: { step: 'closed', values: {} },
      reply: finish([beat(caring.yes(turn.modality), { claimsSaved: true })]),
    };
  }
  if (said.answer === 'no' || said.answer === 'skip' || said.answer === 'notSure' || said.answer === 'none') {
    turn.effects.push({ type: 'setCaringText', caring: { answer: 'no', at: now } });
    return { state: { step: 'closed', values: {} }, reply: finish([caring.no]) };
  }
  return undefined;
}

/** Their zone: theirs, the reminder's, the guess from their number; else US Eastern, never 3am UTC. */
const zoneOf = (turn: Turn): string =>
  turn.ctx.profile.timeZone ??
  turn.ctx.profile.reminder?.timeZone ??
  turn.ctx.timeZoneGuess ??
  'America/New_York';

/** Tomorrow, their time, within the caring window (a few minutes' wander from the turn's seed). */
export function caringDueAt(turn: Turn): string | undefined {
  const timeZone = zoneOf(turn);
  const { now, seed } = turn.ctx;
  return nextDue({
    plan: { days: EVERY_DAY, ...CARING_WINDOW },
    timeZone,
    seed,
    after: now,
    notBefore: localDateAfter(now, timeZone, 1),
  });
}
