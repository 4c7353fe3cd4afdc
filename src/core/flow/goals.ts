/**
 * Exactly one micro-goal: three offers fitted to the feeling's energy, or (text channels)
 * the person's own words. Voice keeps catalogue ids only, never free speech.
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
    return offerGoals(turn, values, offered);
  }
  if (said.kind === 'answer' && said.answer === 'skip') {
    return values.standalone
      ? { state: { step: 'closed', values: {} }, reply: finish([checkIn.closeShort]) }
      : askTrigger(turn, { ...values, offeredGoals: undefined });
  }
  const named = said.kind === 'pick' ? (goalById(said.value) ?? matchGoal(said.value)) : matchGoal(raw ?? '');
  if (named) return setGoal(turn, values, { catalogueId: named.id });
  if (turn.modality === 'text' && said.kind === 'text') {
    const own = said.text.replace(/\s+/g, ' ').trim().slice(0, OWN_GOAL_MAX_LENGTH);
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
