/**
 * Exactly one micro-goal: three offers fitted to the feeling's energy, or (text channels)
 * the person's own words. Voice keeps catalogue ids only, never free speech. Declining is
 * an answer: after a second "no" (or a "not sure"), no goal today is fine too. Own words
 * that read like what happened rather than something to do are checked back first.
 */
import { checkIn } from '../content/check-in.ts';
import { goalById, offerGoals as goalOffers, matchGoal } from '../goals/catalogue.ts';
import { ask, beat, finish } from '../reply.ts';
import type { Values } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { GoalRef } from '../types.ts';
import type { Said } from '../understand.ts';
import { askTrigger } from './journal.ts';

const OWN_GOAL_MAX_LENGTH = 100;

export function goalLabel(goal: GoalRef): string {
  if (goal.catalogueId !== undefined) return goalById(goal.catalogueId)?.label ?? goal.catalogueId;
  return goal.text;
}

function askGoal(turn: Turn, values: Values, ids: string[]): Outcome {
  const labels = ids.map((id) => goalById(id)?.label ?? id);
  const ownWords = turn.modality === 'text';
  return {
    state: { step: 'pick-goal', values: { ...values, offeredGoals: ids } },
    reply: ask([checkIn.offerGoals], checkIn.offerGoalsReprompt(turn.modality), {
      choices: labels,
      acceptsOwnWords: ownWords,
    }),
  };
}

/** Three offers that suit the feeling named (any, when none was). */
export function offerGoals(turn: Turn, values: Values, exclude: readonly string[] = []): Outcome {
  const offers = goalOffers({
    ...(values.family ? { family: values.family } : {}),
    seed: turn.ctx.seed,
    exclude,
  });
  return askGoal(
    turn,
    values,
    offers.map((g) => g.id),
  );
}

export function repeatGoals(turn: Turn, values: Values): Outcome {
  return values.offeredGoals?.length ? askGoal(turn, values, values.offeredGoals) : offerGoals(turn, values);
}

/** Keeps the one goal and moves on: to the journal in a check-in, or to a short close. */
function setGoal(turn: Turn, values: Values, goal: GoalRef): Outcome {
  const entryId = turn.addEntry({ kind: 'goal', goal });
  turn.effects.push({ type: 'setOpenGoal', goal: { goal, entryId, setAt: turn.ctx.now } });
  const lines = [
    beat(checkIn.goalSet(goalLabel(goal))),
    beat(checkIn.smallWinsCount),
    beat(checkIn.goalFollowUpPromise, { claimsSaved: true }),
  ];
  if (values.standalone) {
    return {
      state: { step: 'closed', values: {} },
      reply: finish([...lines, checkIn.goalStandaloneClose(turn.modality)]),
    };
  }
  return leadWith(lines, askTrigger(turn, { ...values, offeredGoals: undefined }));
}

export function handlePickGoal(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const offered = values.offeredGoals ?? [];
  if (said.kind === 'choice') {
    const id = offered[said.index];
    return id ? setGoal(turn, values, { catalogueId: id }) : undefined;
  }
  if (said.kind === 'answer' && (said.answer === 'none' || said.answer === 'no')) {
    const declined = (values.declinedGoals ?? 0) + 1;
    if (declined >= 2) return noGoalToday(turn, values);
    return leadWith([checkIn.otherGoals], offerGoals(turn, { ...values, declinedGoals: declined }, offered));
  }
  if (said.kind === 'answer' && (said.answer === 'skip' || said.answer === 'notSure')) {
    return noGoalToday(turn, values);
  }
  const named = said.kind === 'pick' ? (goalById(said.value) ?? matchGoal(said.value)) : matchGoal(raw ?? '');
  if (named) return setGoal(turn, values, { catalogueId: named.id });
  if (turn.modality === 'text' && said.kind === 'text') {
    const own = said.text.replace(/\s+/g, ' ').trim().slice(0, OWN_GOAL_MAX_LENGTH);
    if (own.length >= 2 && readsLikeSomethingElse(own)) return confirmOwnGoal(values, own);
    if (own.length >= 2) return setGoal(turn, values, { text: own });
  }
  return {
    state: { step: 'pick-goal', values },
    reply: ask([checkIn.goalNotUnderstood], checkIn.offerGoalsReprompt(turn.modality), {
      choices: offered.map((id) => goalById(id)?.label ?? id),
      acceptsOwnWords: turn.modality === 'text',
    }),
  };
}

/** Declining every goal, or not knowing, is an answer: go on without one. */
function noGoalToday(turn: Turn, values: Values): Outcome {
  const rest: Values = { ...values, offeredGoals: undefined, declinedGoals: undefined };
  if (values.standalone) {
    return {
      state: { step: 'closed', values: {} },
      reply: finish([checkIn.noGoalToday, checkIn.closeShort]),
    };
  }
  return leadWith([checkIn.noGoalToday], askTrigger(turn, rest));
}

/**
 * A goal is something to do ("text my brother", "drink some water"); a sentence that starts
 * with who or what it is about ("my manager dumping three projects on me"), or runs long,
 * is more likely what happened. Such words are kept only once the person says so.
 */
const NOT_A_DOING_START =
  /^(my|the|his|her|their|our|your|i|i'm|im|it|it's|its|he|she|they|we|everything|nothing|work|school|today|yesterday)\b/i;
const NARRATIVE = /\b(because|after|since|was|were|had|got|made me|yelled|dumped|dumping|told me|keeps?)\b/i;
const OWN_GOAL_MAX_WORDS = 10;

export function readsLikeSomethingElse(text: string): boolean {
  const words = text.split(' ').length;
  return words > OWN_GOAL_MAX_WORDS || NOT_A_DOING_START.test(text) || NARRATIVE.test(text);
}

function confirmOwnGoal(values: Values, own: string): Outcome {
  return {
    state: { step: 'confirm-goal', values: { ...values, pendingGoal: own } },
    reply: ask([checkIn.confirmOwnGoal(own)], checkIn.confirmOwnGoalReprompt, { choices: ['yes', 'no'] }),
  };
}

export function repeatConfirmGoal(turn: Turn, values: Values): Outcome {
  return values.pendingGoal ? confirmOwnGoal(values, values.pendingGoal) : repeatGoals(turn, values);
}

/** YES keeps their words as the goal; NO goes back to the list; new words are a new answer. */
export function handleConfirmGoal(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const { pendingGoal, ...rest } = values;
  const yes =
    (said.kind === 'answer' && (said.answer === 'yes' || said.answer === 'ok')) ||
    (said.kind === 'choice' && said.index === 0);
  const no =
    (said.kind === 'answer' && (said.answer === 'no' || said.answer === 'none')) ||
    (said.kind === 'choice' && said.index === 1);
  if (yes && pendingGoal) return setGoal(turn, rest, { text: pendingGoal });
  if (no) return leadWith([checkIn.ownGoalDeclined], repeatGoals(turn, rest));
  if (said.kind === 'text') {
    const own = said.text.replace(/\s+/g, ' ').trim().slice(0, OWN_GOAL_MAX_LENGTH);
    const named = matchGoal(raw ?? '');
    if (named) return setGoal(turn, rest, { catalogueId: named.id });
    if (own.length >= 2 && !readsLikeSomethingElse(own)) return setGoal(turn, rest, { text: own });
  }
  return undefined;
}
