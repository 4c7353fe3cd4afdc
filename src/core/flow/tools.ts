/**
 * One tool from therapy: grounding (5-4-3-2-1), slow breathing, self-compassion, one small
 * action (behavioural activation), or a parts check-in. The first offer fits the feeling;
 * the person can always pick another.
 *
 * Grounding and breathing are paced. By text one round goes out per reply (one sense, one
 * breath), so the next comes when the person is ready and they can stop at any round; the
 * state stays `after-exercise` with the round in `values`. Spoken, Alexa cannot wait for a
 * reply between senses, so the whole exercise is one response with quiet after each step as
 * long as the step asks for (see `pauseSeconds` and render-ssml.ts).
 */
import { checkIn } from '../content/check-in.ts';
import { toThem, toYou } from '../feelings/said-back.ts';
import { feelingByWord } from '../feelings/vocabulary.ts';
import { ask, beat, finish } from '../reply.ts';
import type { Values } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { Beat, FeelingFamily, Reply, ToolId } from '../types.ts';
import { normalizeMessage, type Said } from '../understand.ts';
import { offerGoals } from './goals.ts';

/** Two tools that fit each family, the better fit first. */
const FITTING_TOOLS: Record<FeelingFamily, [ToolId, ToolId]> = {
  'low-unpleasant': ['self-compassion', 'small-action'],
  'high-unpleasant': ['grounding', 'breathing'],
  'low-pleasant': ['small-action', 'parts'],
  'high-pleasant': ['small-action', 'parts'],
};

/**
 * Feelings whose part is worth meeting first-hand ("I see you, hopeless part"): hopeless,
 * numb, empty, anxious, worried, and every judgement of oneself. The parts check-in takes the
 * second place on their menu.
 */
const PARTS_FIRST = new Set(['hopeless', 'numb', 'empty', 'anxious', 'worried', 'nervous', 'overwhelmed']);

function toolsFor(values: Values): [ToolId, ToolId] {
  const [first, second] = FITTING_TOOLS[values.family ?? 'low-unpleasant'];
  const word = values.feelings?.[0];
  const feeling = word === undefined ? undefined : feelingByWord(word);
  const meetThePart = word !== undefined && (PARTS_FIRST.has(word) || feeling?.judgesSelf === true);
  return meetThePart && first !== 'parts' ? [first, 'parts'] : [first, second];
}

export function offerTools(turn: Turn, values: Values): Outcome {
  const tools = toolsFor(values);
  return {
    state: { step: 'pick-tool', values: { ...values, offeredTools: tools } },
    reply: ask([checkIn.offerTool], checkIn.offerToolReprompt(turn.modality), {
      choices: [...tools.map((t) => checkIn.toolLabels[t]), checkIn.skipToGoal],
    }),
  };
}

type Exercise = 'grounding' | 'breathing';

const EXERCISES = { grounding: checkIn.grounding, breathing: checkIn.breathing } as const;

/** The keyword that starts each exercise again by text. */
const KEYWORD: Record<Exercise, string> = { grounding: 'GROUND', breathing: 'BREATHE' };

/**
 * Replies that stop an exercise part way, besides "done", "no" and "skip" (and the global
 * "done for now", "stop here", "bye", which end the conversation). Whole message, normalised.
 */
const STOP_WORDS: readonly string[] = [
  'later',
  'maybe later',
  'later please',
  'enough',
  "that's enough",
  'thats enough',
  'no more',
  "i'm done",
  'im done',
  'i am done',
  'stop now',
  'stop please',
  'please stop',
];

const stopsExercise = (said: Said): boolean =>
  (said.kind === 'answer' && (said.answer === 'done' || said.answer === 'no' || said.answer === 'skip')) ||
  (said.kind === 'text' && STOP_WORDS.includes(normalizeMessage(said.text)));

/** "Later" at the question after an exercise: stop here. ("done" there means they did it.) */
const declinesAfterExercise = (said: Said): boolean =>
  (said.kind === 'answer' && (said.answer === 'no' || said.answer === 'skip')) ||
  (said.kind === 'text' && STOP_WORDS.includes(normalizeMessage(said.text)));

/** Spoken: every round in one response, each step followed by the quiet it asks for. */
function spokenExercise(exercise: Exercise): Beat[] {
  const { intro, rounds, end } = EXERCISES[exercise];
  return [
    beat(intro, { slow: true, pauseAfter: 'short' }),
    ...rounds.flat().map((s) => beat(s.text, { slow: true, pauseSeconds: s.seconds })),
    beat(end, { slow: true, pauseAfter: 'short' }),
  ];
}

const withoutExercise = ({ exercise: _, exerciseRound: __, ...rest }: Values): Values => rest;

/** By text: one round of the exercise, then how to go on or stop. Nothing praised yet. */
function sendRound(values: Values, exercise: Exercise, asked: number): Outcome {
  const { intro, rounds } = EXERCISES[exercise];
  // A stored round past the end (the exercise got shorter since) reads as the last one.
  const round = Math.min(asked, rounds.length - 1);
  const steps = rounds[round] ?? [];
  const hint =
    round === rounds.length - 1
      ? checkIn.exerciseLastHint
      : round === 0
        ? checkIn.exerciseFirstHint
        : checkIn.exerciseNextHint;
  return {
    state: { step: 'after-exercise', values: { ...values, exercise, exerciseRound: round } },
    reply: ask(
      [
        ...(round === 0 ? [beat(intro, { slow: true })] : []),
        ...steps.map((s) => beat(s.text, { slow: true })),
        hint,
      ],
      hint,
    ),
  };
}

/** By text, the person answered the last round: now it has been done. */
function finishExercise(turn: Turn, values: Values, exercise: Exercise): Outcome {
  const { end } = EXERCISES[exercise];
  if (values.standalone)
    return { state: { step: 'closed', values: {} }, reply: finish([end, checkIn.closeShort]) };
  return leadWith([end], offerGoals(turn, values));
}

/** Stopped part way: fine. Alone, it closes; in a check-in, one small goal is still on offer. */
function stopExercise(turn: Turn, values: Values, exercise: Exercise): Outcome {
  if (values.standalone) {
    return {
      state: { step: 'closed', values: {} },
      reply: finish([
        checkIn.exerciseStopped,
        checkIn.exerciseComeBack(KEYWORD[exercise]),
        checkIn.closeShort,
      ]),
    };
  }
  return {
    state: { step: 'after-exercise', values },
    reply: ask(
      [checkIn.exerciseStopped, checkIn.afterExercise(turn.modality)],
      checkIn.afterExerciseReprompt(turn.modality),
    ),
  };
}

/** The reply to a round sent by text: any answer goes on, a stop word stops. */
function continueExercise(
  turn: Turn,
  values: Values,
  exercise: Exercise,
  round: number,
  said: Said,
): Outcome {
  const rest = withoutExercise(values);
  const last = round >= EXERCISES[exercise].rounds.length - 1;
  if (last) return finishExercise(turn, rest, exercise);
  if (stopsExercise(said)) return stopExercise(turn, rest, exercise);
  return sendRound(rest, exercise, round + 1);
}

/** Starts a tool inside a check-in (or on its own, when `values.standalone`). */
export function useTool(turn: Turn, values: Values, tool: ToolId): Outcome {
  turn.addEntry({ kind: 'tool', tool });
  const next: Values = withoutExercise({ ...values, offeredTools: undefined });
  switch (tool) {
    case 'grounding':
    case 'breathing': {
      // By text one round a reply; spoken, all of it with time for each step.
      if (turn.modality === 'text') return sendRound(next, tool, 0);
      const lines = spokenExercise(tool);
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
      return { state: { step: 'parts', values: next }, reply: partsQuestion(values) };
    case 'small-action': {
      // Something to do now, with a minute's guidance; the goal after it is for later today.
      const action = checkIn.smallActions[turn.ctx.seed % checkIn.smallActions.length] as string;
      return {
        state: { step: 'after-exercise', values: next },
        reply: ask(
          [checkIn.smallAction, beat(action, { pauseSeconds: 10 }), checkIn.smallActionDone(turn.modality)],
          checkIn.afterExerciseReprompt(turn.modality),
        ),
      };
    }
  }
}

/** The part named by the feeling, met with curiosity; any part when no feeling was named. */
function partsQuestion(values: Values): Reply {
  const feeling = values.feelings?.[0];
  return ask([feeling ? checkIn.partsAskFor(toYou(feeling)) : checkIn.partsAsk], checkIn.partsReprompt);
}

export function handlePickTool(turn: Turn, values: Values, said: Said): Outcome | undefined {
  const offered = values.offeredTools ?? toolsFor(values);
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

/**
 * By text, mid-exercise: the reply to a round. Otherwise the answer to "ready for one small
 * goal?": any answer moves on, there is no wrong reply to "ready?", and "later" stops.
 */
export function handleAfterExercise(turn: Turn, values: Values, said: Said): Outcome | undefined {
  if (values.exercise !== undefined && values.exerciseRound !== undefined) {
    return continueExercise(turn, values, values.exercise, values.exerciseRound, said);
  }
  if (declinesAfterExercise(said)) {
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
    if (values.exercise !== undefined && values.exerciseRound !== undefined) {
      return sendRound(withoutExercise(values), values.exercise, values.exerciseRound);
    }
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
  if (step === 'parts') return { state: { step: 'parts', values }, reply: partsQuestion(values) };
  return offerTools(turn, values);
}
