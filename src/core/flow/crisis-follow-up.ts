/**
 * After a crisis reply. One "I'm fine" does not close it: the line is given once more and
 * the person chooses whether to go on. Repeating the number is always one word away.
 */
import { service } from '../content/service.ts';
import { crisisReply } from '../crisis/crisis-reply.ts';
import { ask, finish } from '../reply.ts';
import type { Outcome, Turn } from '../turn.ts';
import type { Said } from '../understand.ts';
import { acceptFeelings, askFeeling, feelingsIn } from './naming.ts';

const CRISIS: Outcome['state'] = { step: 'crisis', values: {} };

export function repeatCrisisNumber(turn: Turn): Outcome {
  return {
    state: CRISIS,
    reply: crisisReply({
      region: turn.ctx.region,
      modality: turn.modality,
      negated: false,
      repeatOnly: true,
    }),
  };
}

function stillHere(turn: Turn): Outcome {
  const line = service.shortCrisisLine(turn.ctx.region);
  return {
    state: { step: 'crisis-check', values: {} },
    reply: { ...ask([service.crisisStillHere(line)], service.crisisStillHereReprompt), crisis: true },
  };
}

export function repeatCrisisStep(turn: Turn, step: string): Outcome {
  return step === 'crisis' ? repeatCrisisNumber(turn) : stillHere(turn);
}

/** The turn after a crisis reply: never closes on the first "I'm fine". */
export function handleAfterCrisis(turn: Turn, said: Said): Outcome {
  if (turn.modality === 'voice' && said.kind === 'answer' && said.answer === 'yes')
    return repeatCrisisNumber(turn);
  return stillHere(turn);
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
