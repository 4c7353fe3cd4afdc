/**
 * Hello, and a gentle follow-up on last time's micro-goal: done, not yet, or skip, all
 * recorded without judgment.
 */
import { checkIn } from '../content/check-in.ts';
import { ask, finish } from '../reply.ts';
import type { Values } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { GoalOutcome } from '../types.ts';
import type { Said } from '../understand.ts';
import { needsWelcome } from './account.ts';
import { goalLabel } from './goals.ts';
import { acceptFeelings, askFeeling, feelingsIn } from './naming.ts';

/** A goal is followed up on a later day, never in the sitting it was picked in. */
const FOLLOW_UP_AFTER_HOURS = 6;

/**
 * Whether a goal set at `setAt` is due its follow-up at `now`: at least six hours later and
 * on a later calendar day. The day is UTC's: the core is not told the person's time zone, and
 * the six hours keep a late-evening goal from being followed up an hour later either way.
 */
export function followUpDue(setAt: string, now: string): boolean {
  const set = Date.parse(setAt);
  const at = Date.parse(now);
  if (Number.isNaN(set) || Number.isNaN(at)) return true;
  const laterDay = new Date(at).toISOString().slice(0, 10) > new Date(set).toISOString().slice(0, 10);
  return laterDay && at - set >= FOLLOW_UP_AFTER_HOURS * 3_600_000;
}

function askFollowUp(turn: Turn, lead: readonly string[]): Outcome | undefined {
  const open = turn.ctx.profile.openGoal;
  if (!open || !followUpDue(open.setAt, turn.ctx.now)) return undefined;
  return {
    state: { step: 'follow-up', values: {} },
    reply: ask([...lead, checkIn.followUp(goalLabel(open.goal))], checkIn.followUpReprompt(turn.modality), {
      choices: checkIn.followUpChoices,
    }),
  };
}

/**
 * Starts a check-in: the follow-up first when a goal is open, else "what's here?". On a
 * first SMS the welcome says hello already, so there is no second "Hi".
 */
export function greet(
  turn: Turn,
  lead: readonly string[] = needsWelcome(turn) ? [] : [checkIn.greeting],
): Outcome {
  return askFollowUp(turn, lead) ?? leadWith(lead, askFeeling(turn));
}

export function repeatFollowUp(turn: Turn): Outcome {
  return askFollowUp(turn, []) ?? askFeeling(turn);
}

const ACKNOWLEDGEMENT: Record<GoalOutcome, string> = {
  done: checkIn.outcomeDone,
  'not-yet': checkIn.outcomeNotYet,
  skipped: checkIn.outcomeSkipped,
};

/** Records the open goal's outcome; returns the acknowledgement, or undefined if none is open. */
export function recordOutcome(turn: Turn, outcome: GoalOutcome): string | undefined {
  const open = turn.ctx.profile.openGoal;
  if (!open) return undefined;
  turn.addEntry({ kind: 'outcome', goal: open.goal, goalEntryId: open.entryId, outcome });
  turn.effects.push({ type: 'clearOpenGoal' });
  return ACKNOWLEDGEMENT[outcome];
}

function outcomeSaid(said: Said): GoalOutcome | undefined {
  if (said.kind === 'choice') return (['done', 'not-yet', 'skipped'] as const)[said.index];
  if (said.kind !== 'answer') return undefined;
  if (said.answer === 'done' || said.answer === 'yes') return 'done';
  if (said.answer === 'notYet' || said.answer === 'no') return 'not-yet';
  if (said.answer === 'skip') return 'skipped';
  return undefined;
}

export function handleFollowUp(turn: Turn, said: Said, raw: string | undefined): Outcome | undefined {
  const outcome = outcomeSaid(said);
  if (outcome) {
    const acknowledgement = recordOutcome(turn, outcome);
    return leadWith(acknowledgement ? [acknowledgement] : [], askFeeling(turn));
  }
  // They went straight to how they feel: let the goal wait for next time.
  const feelings = feelingsIn(said, raw);
  if (feelings.length > 0) return acceptFeelings(turn, {}, feelings, raw);
  return undefined;
}

/** DONE or NOT YET texted outside the follow-up question. */
export function standaloneOutcome(turn: Turn, outcome: GoalOutcome, values: Values): Outcome {
  const acknowledgement = recordOutcome(turn, outcome);
  if (!acknowledgement) {
    return { state: { step: 'closed', values }, reply: finish([checkIn.noOpenGoal(turn.modality)]) };
  }
  return { state: { step: 'closed', values: {} }, reply: finish([acknowledgement, checkIn.closeShort]) };
}
