/**
 * Reminders by text, as the person asks for them (issue 12): the offer once after a
 * check-in, "remind me at 8am", "weekdays at 6", REMIND, "change my reminder", "no more
 * reminders", PAUSE / RESUME, and "I'm in Denver". The crisis gate has read every message
 * before any of this runs (step.ts), and a reminder's reply is an ordinary inbound text.
 *
 * The core never sees the phone number: it says `setReminder`, and the host keeps the
 * number (sealed) for people who asked; `clearReminder` erases it (NO, "no more reminders",
 * STOP; DELETE erases everything anyway).
 */
import { capabilitiesOf } from '../capabilities.ts';
import { checkIn } from '../content/check-in.ts';
import { dateWords, dayWords, reminders, windowWords } from '../content/reminders.ts';
import { answered, localDateAfter, REMINDER_TERMS, type Reminder, scheduled } from '../reminders/reminder.ts';
import { type ReminderRequest, reminderRequestOf } from '../reminders/requests.ts';
import { localTime } from '../reminders/schedule.ts';
import { parseWhen, planOf, type When } from '../reminders/when.ts';
import { zoneName } from '../reminders/zones.ts';
import { ask, beat, finish } from '../reply.ts';
import type { FlowState } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { Said } from '../understand.ts';

/** Where a time zone comes from: theirs, else the guess from their number, else UTC. */
const zoneOf = (turn: Turn): string =>
  turn.ctx.profile.reminder?.timeZone ?? turn.ctx.profile.timeZone ?? turn.ctx.timeZoneGuess ?? 'UTC';

const textsFirst = (turn: Turn): boolean => capabilitiesOf(turn.ctx).textsFirst === true;

const closed = (): FlowState => ({ step: 'closed', values: {} });

/** "each day around 7pm", "on Sundays in the evening". */
function planWords(reminder: Pick<Reminder, 'plan'>, exact: boolean): string {
  const { days, start, end } = reminder.plan;
  return `${dayWords(days)} ${windowWords(start, end, exact)}`;
}

const isExact = (reminder: Reminder): boolean => reminder.plan.end - reminder.plan.start <= 15;

/** "Tue Mar 17 around 7pm": when the next text is due, in their zone. */
function nextWords(reminder: Reminder): string {
  if (!reminder.dueAt) return 'when you next write';
  const local = localTime(reminder.dueAt, reminder.timeZone);
  return `${dateWords(local.date)} ${windowWords(reminder.plan.start, reminder.plan.end, isExact(reminder))}`;
}

/**
 * Someone with a reminder wrote: unanswered reminders count from zero again, and a reminder
 * gone quiet after its last note comes back. Called on every turn with words.
 */
export function noteAnswer(turn: Turn): void {
  const { reminder } = turn.ctx.profile;
  if (!reminder) return;
  const next = answered(reminder, turn.ctx.now);
  if (next) turn.effects.push({ type: 'setReminder', reminder: next });
}

/**
 * The reminder words in this message, or the answer to a reminder question; undefined when
 * the message is about something else (the check-in reads it then).
 */
export function reminderTurn(
  turn: Turn,
  current: FlowState,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  if (current.step === 'reminder-offer' || current.step === 'reminder-time') {
    const answer = answerTimeQuestion(turn, current, said, raw);
    if (answer) return answer;
  }
  if (said.kind === 'command' && said.command === 'leaveAlone') return leaveAloneWithReminder(turn);
  if (raw === undefined) return undefined;
  const request = reminderRequestOf(raw);
  return request ? answerRequest(turn, request) : undefined;
}

function answerTimeQuestion(
  turn: Turn,
  current: FlowState,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const fromOffer = current.step === 'reminder-offer';
  const when = raw === undefined ? undefined : parseWhen(raw);
  if (when?.window) return establish(turn, when, fromOffer);
  if (
    said.kind === 'answer' &&
    (said.answer === 'no' || said.answer === 'skip' || said.answer === 'notSure')
  ) {
    return { state: closed(), reply: finish([reminders.declined]) };
  }
  if (said.kind === 'answer' && (said.answer === 'yes' || said.answer === 'ok')) return askTime(fromOffer);
  const request = raw === undefined ? undefined : reminderRequestOf(raw);
  if (request?.kind === 'zone') {
    const zoned = setZone(turn, request.timeZone);
    return leadWith(zoned.reply.beats, askTime(fromOffer));
  }
  if (request) return answerRequest(turn, request);
  // HELP, HI, GOAL, "later": answered as anywhere else.
  if (said.kind === 'command') return undefined;
  if (fromOffer && said.kind === 'answer' && said.answer === 'fine') {
    return { state: closed(), reply: finish([checkIn.closeShort]) };
  }
  // At the offer, anything else is read as after a close (a feeling starts a check-in).
  if (fromOffer) return undefined;
  return leadWith([reminders.noTimeHeard], {
    ...askTime(current.values.standalone === true),
    state: current,
  });
}

function askTime(fromOffer = false): Outcome {
  return {
    state: { step: 'reminder-time', values: fromOffer ? { standalone: true } : {} },
    reply: ask([reminders.askTime], reminders.askTimeReprompt),
  };
}

function answerRequest(turn: Turn, request: ReminderRequest): Outcome | undefined {
  const { reminder } = turn.ctx.profile;
  if (request.kind === 'zone') return setZone(turn, request.timeZone);
  if (!textsFirst(turn)) {
    if (request.kind === 'set' || request.kind === 'change' || request.kind === 'off') {
      return { state: closed(), reply: finish([reminders.textOnly(turn.modality === 'voice')]) };
    }
    return undefined;
  }
  switch (request.kind) {
    case 'set':
      return request.when?.window ? establish(turn, request.when, false) : askTime();
    case 'change':
      return askTime();
    case 'off':
      if (!reminder) return { state: closed(), reply: finish([reminders.noneToEnd]) };
      turn.effects.push({ type: 'clearReminder' });
      return { state: closed(), reply: finish([beat(reminders.off, { claimsErased: true })]) };
    case 'pause': {
      if (!reminder) return undefined;
      const pausedUntil = localDateAfter(turn.ctx.now, reminder.timeZone, request.days);
      const { quiet: _, ...rest } = reminder;
      const next = scheduled({ ...rest, pausedUntil, unanswered: 0 }, turn.ctx.now);
      turn.effects.push({ type: 'setReminder', reminder: next });
      const resumes = `${dateWords(pausedUntil)}`;
      return {
        state: closed(),
        reply: finish([beat(reminders.paused(request.days, resumes), { claimsSaved: true })]),
      };
    }
    case 'resume': {
      if (!reminder) return undefined;
      if (!reminder.pausedUntil && !reminder.quiet) {
        return { state: closed(), reply: finish([reminders.notPaused(nextWords(reminder))]) };
      }
      const { pausedUntil: _p, quiet: _q, ...rest } = reminder;
      const next = scheduled({ ...rest, unanswered: 0 }, turn.ctx.now);
      turn.effects.push({ type: 'setReminder', reminder: next });
      return {
        state: closed(),
        reply: finish([beat(reminders.resumed(nextWords(next)), { claimsSaved: true })]),
      };
    }
  }
}

/** "leave me alone" with reminders on: quiet means no reminder texts either, for a week. */
function leaveAloneWithReminder(turn: Turn): Outcome | undefined {
  const { reminder } = turn.ctx.profile;
  if (!reminder || !textsFirst(turn)) return undefined;
  const pausedUntil = localDateAfter(turn.ctx.now, reminder.timeZone, 7);
  turn.effects.push({ type: 'setReminder', reminder: scheduled({ ...reminder, pausedUntil }, turn.ctx.now) });
  return {
    state: closed(),
    reply: finish([beat(reminders.leaveAlonePaused(dateWords(pausedUntil)), { claimsSaved: true })]),
  };
}

/** "I'm in Denver": their zone from now on (reminders and the summary's days). */
function setZone(turn: Turn, timeZone: string): Outcome {
  turn.effects.push({ type: 'setTimeZone', timeZone });
  const { reminder } = turn.ctx.profile;
  if (reminder && textsFirst(turn)) {
    const next = scheduled({ ...reminder, timeZone }, turn.ctx.now);
    turn.effects.push({ type: 'setReminder', reminder: next });
    return {
      state: closed(),
      reply: finish([
        beat(reminders.zoneSetWithReminder(zoneName(timeZone), planWords(next, isExact(next))), {
          claimsSaved: true,
        }),
      ]),
    };
  }
  return {
    state: closed(),
    reply: finish([beat(reminders.zoneSet(zoneName(timeZone)), { claimsSaved: true })]),
  };
}

/**
 * A time was given: a new reminder (with the consent, recorded with its time and words) or
 * a changed one (the consent stands). After the offer, the first text is tomorrow.
 */
function establish(turn: Turn, when: When, fromOffer: boolean): Outcome {
  const existing = turn.ctx.profile.reminder;
  const given = planOf(when);
  if (!given || !when.window) return askTime(fromOffer);
  // "change it to 7am" moves the time and keeps the days they chose ("weekdays").
  const plan = existing && !when.days ? { ...given, days: [...existing.plan.days] } : given;
  const { now } = turn.ctx;
  const timeZone = zoneOf(turn);
  const startDate = when.tomorrow || fromOffer ? localDateAfter(now, timeZone, 1) : undefined;
  const words = `${dayWords(plan.days)} ${windowWords(plan.start, plan.end, when.window.exact)}`;
  const zone = zoneName(timeZone);
  if (!turn.ctx.profile.reminderOfferedAt) turn.effects.push({ type: 'markReminderOffered', at: now });
  if (existing) {
    const { pausedUntil: _p, quiet: _q, startDate: _s, ...rest } = existing;
    const changed = scheduled({ ...rest, plan, unanswered: 0, ...(startDate ? { startDate } : {}) }, now);
    turn.effects.push({ type: 'setReminder', reminder: changed });
    return { state: closed(), reply: finish([beat(reminders.changed(words, zone), { claimsSaved: true })]) };
  }
  const consentText = reminders.consent(`${words}${startDate ? reminders.startsTomorrow : ''}`, zone);
  const reminder = scheduled(
    {
      plan,
      timeZone,
      seed: turn.ctx.seed,
      consent: { at: now, terms: REMINDER_TERMS, text: consentText },
      unanswered: 0,
      ...(startDate ? { startDate } : {}),
    },
    now,
  );
  turn.effects.push({ type: 'setReminder', reminder });
  // The guess from their number, now confirmed in the consent: their zone unless they change it.
  if (!turn.ctx.profile.timeZone) turn.effects.push({ type: 'setTimeZone', timeZone });
  turn.addEntry({ kind: 'consent', terms: 'sms-reminders' });
  return { state: closed(), reply: finish([beat(consentText, { claimsSaved: true })]) };
}

/**
 * After a check-in closes, once and never again unasked: "Want a short text tomorrow?"
 * Only where the service can text first, and never after a crisis reply.
 */
export function withReminderOffer(turn: Turn, outcome: Outcome): Outcome {
  const { profile } = turn.ctx;
  if (
    !textsFirst(turn) ||
    profile.reminder ||
    profile.reminderOfferedAt ||
    profile.unavailable ||
    profile.optedOut ||
    outcome.reply.crisis ||
    outcome.state.step !== 'closed'
  ) {
    return outcome;
  }
  turn.effects.push({ type: 'markReminderOffered', at: turn.ctx.now });
  return {
    state: { step: 'reminder-offer', values: {} },
    reply: {
      ...outcome.reply,
      beats: [...outcome.reply.beats, beat(reminders.offer)],
      expectsAnswer: true,
      end: false,
      reprompt: reminders.askTimeReprompt,
    },
  };
}

/** The open reminder question again. */
export function repeatReminderQuestion(current: FlowState): Outcome {
  if (current.step === 'reminder-offer') {
    return { state: current, reply: ask([reminders.offer], reminders.askTimeReprompt) };
  }
  return askTime(current.values.standalone === true);
}
