/**
 * One tool from therapy: grounding (5-4-3-2-1), slow breathing, self-compassion, one small
 * action (behavioural activation), or a parts check-in. The first offer fits the feeling;
 * the person can always pick another.
 */
import { checkIn } from '../content/check-in.ts';
import { toThem } from '../feelings/said-back.ts';
import { ask, beat, finish } from '../reply.ts';
import type { Values } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { Beat, FeelingFamily, ToolId } from '../types.ts';
import type { Said } from '../understand.ts';
import { offerGoals } from './goals.ts';

/** Two tools that fit each family, the better fit first. */
const FITTING_TOOLS: Record<FeelingFamily, [ToolId, ToolId]> = {
  'low-unpleasant': ['self-compassion', 'small-action'],
  'high-unpleasant': ['grounding', 'breathing'],
  'low-pleasant': ['small-action', 'parts'],
  'high-pleasant': ['small-action', 'parts'],
};

export function offerTools(turn: Turn, values: Values): Outcome {
  const tools = FITTING_TOOLS[values.family ?? 'low-unpleasant'];
  return {
    state: { step: 'pick-tool', values: { ...values, offeredTools: tools } },
    reply: ask([checkIn.offerTool], checkIn.offerToolReprompt(turn.modality), {
      choices: [...tools.map((t) => checkIn.toolLabels[t]), checkIn.skipToGoal],
    }),
  };
}

/** Lines of an exercise, read slowly with room to breathe between them when spoken. */
function exerciseBeats(lines: readonly string[]): Beat[] {
  return lines.map((text, i) =>
    beat(text, { slow: true, pauseAfter: i === lines.length - 1 ? 'short' : 'long' }),
  );
}

/** Starts a tool inside a check-in (or on its own, when `values.standalone`). */
export function useTool(turn: Turn, values: Values, tool: ToolId): Outcome {
  turn.addEntry({ kind: 'tool', tool });
  const next: Values = { ...values, offeredTools: undefined };
  switch (tool) {
    case 'grounding':
    case 'breathing': {
      const lines = exerciseBeats(tool === 'grounding' ? checkIn.grounding : checkIn.breathing);
      if (values.standalone)
        return { state: { step: 'closed', values: {} }, reply: finish([...lines, checkIn.closeShort]) };
      return {
        state: { step: 'after-exercise', values: next },
        reply: ask(
          [...lines, checkIn.afterExercise(turn.modality)],
          checkIn.afterExerciseReprompt(turn.modality),
        ),
      };
    }
    case 'self-compassion': {
      const feeling = values.feelings?.[0];
      const question = feeling ? checkIn.compassionAsk(toThem(feeling)) : checkIn.compassionAskPlain;
      return {
        state: { step: 'compassion', values: next },
        reply: ask([question], checkIn.compassionReprompt),
      };
    }
    case 'parts':
      return {
        state: { step: 'parts', values: next },
        reply: ask([checkIn.partsAsk], checkIn.partsReprompt),
      };
    case 'small-action':
      return leadWith([checkIn.smallAction], offerGoals(turn, next));
  }
}

export function handlePickTool(turn: Turn, values: Values, said: Said): Outcome | undefined {
  const offered = values.offeredTools ?? FITTING_TOOLS[values.family ?? 'low-unpleasant'];
  if (said.kind === 'choice') {
    const tool = offered[said.index];
    if (tool) return useTool(turn, values, tool);
    return offerGoals(turn, { ...values, offeredTools: undefined });
  }
  const [fitting] = offered;
  if (fitting && said.kind === 'answer' && (said.answer === 'yes' || said.answer === 'ok')) {
    return useTool(turn, values, fitting);
  }
  // Not knowing is an answer too: the better fit, gently, rather than the menu again.
  if (fitting && said.kind === 'answer' && said.answer === 'notSure') {
    return leadWith([checkIn.toolDefault], useTool(turn, values, fitting));
  }
  if (said.kind === 'answer' && (said.answer === 'no' || said.answer === 'skip' || said.answer === 'none')) {
    return offerGoals(turn, { ...values, offeredTools: undefined });
  }
  return undefined;
}

/** Any answer after an exercise moves on: there is no wrong reply to "ready?". */
export function handleAfterExercise(turn: Turn, values: Values, said: Said): Outcome | undefined {
  if (said.kind === 'answer' && (said.answer === 'no' || said.answer === 'skip')) {
    return { state: { step: 'closed', values: {} }, reply: finish([checkIn.closeShort]) };
  }
  return offerGoals(turn, values);
}

/** "idk", "nothing", "no": not words to reflect as if something were said. */
const saidNothing = (said: Said): boolean =>
  said.kind === 'answer' && ['notSure', 'none', 'no', 'skip'].includes(said.answer);

/** The person's kind words are acknowledged, never stored (voice or text). */
export function handleCompassion(turn: Turn, values: Values, said?: Said): Outcome {
  const line = said && saidNothing(said) ? checkIn.compassionDefault : checkIn.compassionReflect;
  return leadWith([line], offerGoals(turn, values));
}

export function handleParts(turn: Turn, values: Values, said?: Said): Outcome {
  const line = said && saidNothing(said) ? checkIn.partsDefault : checkIn.partsReflect;
  return leadWith([line], offerGoals(turn, values));
}

export function repeatTool(turn: Turn, step: string, values: Values): Outcome {
  if (step === 'after-exercise') {
    return {
      state: { step: 'after-exercise', values },
      reply: ask([checkIn.afterExercise(turn.modality)], checkIn.afterExerciseReprompt(turn.modality)),
    };
  }
  if (step === 'compassion') {
    const feeling = values.feelings?.[0];
    return {
      state: { step: 'compassion', values },
      reply: ask(
        [feeling ? checkIn.compassionAsk(toThem(feeling)) : checkIn.compassionAskPlain],
        checkIn.compassionReprompt,
      ),
    };
  }
  if (step === 'parts')
    return { state: { step: 'parts', values }, reply: ask([checkIn.partsAsk], checkIn.partsReprompt) };
  return offerTools(turn, values);
}
