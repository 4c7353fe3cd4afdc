/**
 * One way to reach every step of the check-in, as a person would: the messages that lead
 * there from a fresh conversation. For tests that must hold "at any step".
 */
import type { Step } from '../../src/core/state.ts';
import type { Channel, Input } from '../../src/core/types.ts';
import { Conversation } from './conversation.ts';

type Say = Input | string;

const OPEN_GOAL = {
  goal: { catalogueId: 'drink-water' },
  entryId: 'g1',
  setAt: '2026-11-19T09:00:00.000Z',
};

/**
 * The messages that lead to each step (voice answers in the words the model hands over).
 * Not here: `confirm-goal` (text only: own-words goals) and `summary` (needs a journal long
 * enough for pages); their own tests (tests/core/no-dead-ends, tests/core/journal) hold them.
 */
const PATHS: Partial<Record<Step, readonly Say[]>> = {
  closed: [],
  'follow-up': ['hi'],
  name: ['hi'],
  'narrow-energy': ['hi', 'idk'],
  'narrow-pleasantness': ['hi', 'idk', 'drained'],
  'pick-word': ['hi', 'idk', 'drained', 'unpleasant'],
  'pick-tool': ['hi', 'heavy'],
  'after-exercise': ['hi', 'wired', 'grounding'],
  compassion: ['hi', 'heavy', '1'],
  parts: ['hi', 'heavy', 'parts'],
  'pick-goal': ['hi', 'heavy', '3'],
  'journal-trigger': ['hi', 'heavy', '3', '1'],
  'journal-tried': ['hi', 'heavy', '3', '1', 'work'],
  'journal-helped': ['hi', 'heavy', '3', '1', 'work', 'a walk'],
  connect: ['hi', 'heavy', '3', '1', 'skip'],
  crisis: ['hi', 'i want to die'],
  'crisis-check': ['hi', 'i want to die', "I'm fine"],
  // A weak signal asks the safety question ("are you thinking about suicide?").
  'grey-check': ['hi', "what's the point"],
  'confirm-delete': ['hi', 'DELETE'],
};

export const EVERY_STEP = Object.keys(PATHS) as Step[];

/**
 * A person (already welcomed) standing at `step` on `channel`, and what they were last asked.
 * Throws when the path no longer leads there, so a test never passes at the wrong step.
 */
export function at(step: Step, channel: Channel = 'chat'): { person: Conversation; asked: string } {
  const person = new Conversation(channel);
  person.profile = {
    consentAt: '2026-11-01T00:00:00.000Z',
    ...(step === 'follow-up' ? { openGoal: OPEN_GOAL } : {}),
  };
  let asked = '';
  for (const message of PATHS[step] ?? []) asked = person.send(message).text;
  const reached = person.state?.step ?? 'closed';
  if (reached !== step) throw new Error(`the path to ${step} on ${channel} reached ${reached}`);
  return { person, asked };
}
