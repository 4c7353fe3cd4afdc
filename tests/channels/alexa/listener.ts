/**
 * An Echo (virtual-alexa, through our interaction model) whose turn runner only records
 * what reaches the core: for tests of how spoken words are heard, not of what is answered.
 */
import { buildSkill } from '../../../src/channels/alexa/skill.ts';
import type { Input } from '../../../src/core/types.ts';
import { silentLogger } from '../../../src/observability/log.ts';
import type { RunTurn } from '../../../src/service/turn-runner.ts';
import { createEmulator } from './virtual-alexa.ts';

export interface Resolved {
  /** The intent Alexa resolved the utterance to. */
  intent: string;
  /** What the core was handed for it. */
  input: Input | undefined;
}

/** An Echo talking to the skill, whose turn runner only records what reaches the core. */
export function listener(): (phrase: string) => Promise<Resolved> {
  let input: Input | undefined;
  let intent = '';
  const runTurn: RunTurn = async (request) => {
    input = request.input;
    return {
      reply: { beats: [{ text: 'Go on.' }], expectsAnswer: true, reprompt: 'Go on.', end: false },
      saved: true,
      crisis: false,
      erased: false,
    };
  };
  const emulator = createEmulator({
    skill: buildSkill({ runTurn, pepper: 'test-pepper', logger: silentLogger }),
  });
  // biome-ignore lint/suspicious/useIterableCallbackReturn: virtual-alexa's request hook, not Array#filter.
  emulator.alexa.filter((request: { request?: { intent?: { name?: string } } }) => {
    intent = request.request?.intent?.name ?? '';
  });
  return async (phrase) => {
    input = undefined;
    intent = '';
    await emulator.say(phrase);
    return { intent, input };
  };
}
