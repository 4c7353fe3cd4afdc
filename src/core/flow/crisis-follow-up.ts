/**
 * After a crisis reply. One "I'm fine" does not close it: the line is given once more and
 * the person chooses whether to go on. Repeating the number is always one word away.
 */
import { grey } from '../content/crisis.ts';
import { service } from '../content/service.ts';
import { crisisReply } from '../crisis/crisis-reply.ts';
import { ask, beat, finish } from '../reply.ts';
import type { FlowState, Values } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { Said } from '../understand.ts';
import { acceptFeelings, askFeeling, feelingsIn } from './naming.ts';

/** The numbers again: the crisis line, or for danger now the numbers of that reply. */
export function repeatCrisisNumber(turn: Turn, values: Values = {}): Outcome {
  const concern = values.concern ?? 'self';
  return {
    state: { step: 'crisis', values: concern === 'self' ? {} : { concern } },
    reply: crisisReply({
      region: turn.ctx.region,
      modality: turn.modality,
      negated: false,
      repeatOnly: true,
      concern,
    }),
  };
}

function stillHere(turn: Turn, values: Values = {}): Outcome {
  const line = service.shortCrisisLine(turn.ctx.region);
  return {
    // Whose safety it was stays known: the caring text is never offered after a danger-now reply.
    state: { step: 'crisis-check', values: values.concern ? { concern: values.concern } : {} },
    reply: { ...ask([service.crisisStillHere(line)], service.crisisStillHereReprompt), crisis: true },
  };
}

export function repeatCrisisStep(turn: Turn, step: string, values: Values = {}): Outcome {
  if (step === 'grey-check') return { state: { step: 'grey-check', values }, reply: greyAgain(turn) };
  return step === 'crisis' ? repeatCrisisNumber(turn, values) : stillHere(turn, values);
}

/** "Repeat" at the grey-zone question: the line, and the question again. */
function greyAgain(turn: Turn): Outcome['reply'] {
  const line = service.shortCrisisLine(turn.ctx.region);
  return { ...ask([grey.question[turn.modality](line)], grey.reprompt(line)), crisis: true };
}

/** The turn after a crisis reply: never closes on the first "I'm fine". */
export function handleAfterCrisis(turn: Turn, said: Said, values: Values = {}): Outcome {
  if (turn.modality === 'voice' && said.kind === 'answer' && said.answer === 'yes')
    return repeatCrisisNumber(turn, values);
  return stillHere(turn, values);
}

/** Plain ways of saying no to "are you thinking about suicide?" (after folding to lowercase). */
const GREY_NO =
  /^(?:no+|nope|nah|not really|not at all|no way|never|of course not|definitely not|absolutely not|i'?m not|i am not|im not|not thinking about (?:it|that|suicide)|i'?m (?:ok|okay|fine|alright|all right)|(?:i'?m )?just (?:tired|sad|stressed|down|low|exhausted|venting)|no,? (?:i'?m|just|not|it'?s)\b.*|nope\b.*|nah\b.*)[.! ]*$/;

/**
 * The answer to the grey-zone question. A plain "no" carries on where they were (the gate
 * stays watchful); "yes", and anything unclear, is the crisis reply.
 */
export function handleGreyCheck(
  turn: Turn,
  current: FlowState,
  said: Said,
  raw: string | undefined,
  resume: (state: FlowState) => Outcome,
): Outcome {
  const saidNo =
    (said.kind === 'answer' && (said.answer === 'no' || said.answer === 'fine')) ||
    (raw !== undefined &&
      GREY_NO.test(
        raw
          .trim()
          .toLowerCase()
          .replace(/\u2019/g, "'"),
      ));
  if (!saidNo) {
    return {
      state: { step: 'crisis', values: {} },
      reply: crisisReply({ region: turn.ctx.region, modality: turn.modality, negated: false }),
    };
  }
  const { resume: step = 'closed', ...values } = current.values;
  const thanks = beat(grey.thanks(service.shortCrisisLine(turn.ctx.region)));
  return leadWith([thanks], resume({ step, values }));
}

/** Closes after a crisis reply, with the line said once more. */
export function closeAfterCrisis(turn: Turn): Outcome {
  return {
    state: { step: 'closed', values: {} },
    reply: { ...finish([service.crisisClose(service.shortCrisisLine(turn.ctx.region))]), crisis: true },
  };
}

/** "Would you like to keep going with a check-in?" Yes/no first: "fine" here is an answer, not a feeling. */
export function handleCrisisCheck(turn: Turn, said: Said, raw: string | undefined): Outcome | undefined {
  if (said.kind === 'answer' && (said.answer === 'yes' || said.answer === 'ok')) return askFeeling(turn);
  if (said.kind === 'answer' && ['no', 'fine', 'skip', 'none'].includes(said.answer))
    return closeAfterCrisis(turn);
  const feelings = feelingsIn(said, raw);
  if (feelings.length > 0) return acceptFeelings(turn, {}, feelings, raw);
  return undefined;
}
