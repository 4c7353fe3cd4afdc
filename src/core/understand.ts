/**
 * Turns what arrived (typed words, a spoken intent) into what the person meant, as far as
 * the core can tell without knowing the step. Keywords match the WHOLE message, case and
 * trailing punctuation ignored, so "please stop texting me so much" stays ordinary text.
 */
import type { Input } from './types.ts';

/** Requests that mean the same in every step. */
export type GlobalCommand =
  | 'checkin'
  | 'start'
  | 'goal'
  | 'grounding'
  | 'breathing'
  | 'compassion'
  | 'parts'
  | 'action'
  | 'summary'
  /** The next page of a written summary ("Reply MORE for the rest"); plain text anywhere else. */
  | 'more'
  | 'help'
  | 'optOut'
  | 'end'
  | 'delete'
  | 'leaveAlone'
  | 'repeat';

/** Answers whose meaning depends on the question just asked. */
export type Answer = 'done' | 'notYet' | 'skip' | 'yes' | 'no' | 'notSure' | 'none' | 'ok' | 'fine';

export type Said =
  | { kind: 'open' }
  | { kind: 'command'; command: GlobalCommand }
  | { kind: 'answer'; answer: Answer }
  /** A numbered choice, 0-based. */
  | { kind: 'choice'; index: number }
  /** A canonical value a voice intent resolved: a vocabulary word or a catalogue id. */
  | { kind: 'pick'; value: string }
  | { kind: 'fallback' }
  | { kind: 'text'; text: string };

const GLOBAL_WORDS: Record<GlobalCommand, readonly string[]> = {
  checkin: ['hi', 'hello', 'hey', 'hiya', 'heya', 'checkin', 'check in', 'check-in', 'begin', 'hi there'],
  start: ['start', 'unstop', 'resume'],
  goal: ['goal', 'goals', 'micro goal', 'microgoal', 'micro-goal', 'a goal', 'small goal', 'new goal'],
  grounding: ['ground', 'grounding', 'ground me', 'grounding exercise', '54321', '5 4 3 2 1'],
  breathing: ['breathe', 'breathing', 'breath', 'breathing exercise'],
  compassion: ['kind', 'kindness', 'self compassion', 'self-compassion', 'be kind'],
  parts: ['parts', 'part', 'parts check in', 'parts check-in'],
  action: ['action', 'small action', 'one small action'],
  summary: [
    'summary',
    'therapist',
    'session prep',
    'what should i tell my therapist',
    'what do i tell my therapist',
    'what to tell my therapist',
  ],
  more: ['more', 'more please', 'show more', 'send more', 'the rest', 'send the rest', 'rest of it'],
  help: ['help', 'info', 'information'],
  // Carrier opt-out words: exact only, as carriers and Twilio read them.
  optOut: [
    'stop',
    'stopall',
    'stop all',
    'unsubscribe',
    'cancel',
    'end',
    'quit',
    'revoke',
    'optout',
    'opt out',
  ],
  end: ['stop here', 'bye', 'goodbye', 'that is all', "that's all", 'thats all', 'done for now', 'exit'],
  delete: ['delete', 'delete my data', 'delete everything', 'erase', 'erase everything', 'erase my data'],
  // Not the carrier's STOP: the person wants quiet now. Answered kindly, with how to stop for good.
  leaveAlone: [
    'leave me alone',
    'go away',
    'stop texting me',
    'stop messaging me',
    'stop talking',
    'shut up',
    'not now',
    'leave me be',
  ],
  repeat: ['repeat', 'again', 'say again', 'say that again', 'what', 'pardon'],
};

const ANSWER_WORDS: Record<Answer, readonly string[]> = {
  done: ['done', 'did it', 'i did it', 'i did', 'it happened', 'yes i did', 'done it', 'completed'],
  notYet: [
    'not yet',
    'notyet',
    'not done',
    'no not yet',
    'nope not yet',
    'didnt',
    "didn't",
    'i didnt',
    "i didn't",
  ],
  skip: ['skip', 'pass', 'skip it', 'skip this', 'no thanks', 'no thank you'],
  yes: ['yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'yes please', 'please', 'ya', 'yea', 'ok yes'],
  no: ['no', 'n', 'nope', 'nah', 'not really'],
  notSure: [
    'not sure',
    'idk',
    'i dont know',
    "i don't know",
    'dont know',
    "don't know",
    'dunno',
    'no idea',
    'unsure',
    'i am not sure',
    "i'm not sure",
    'im not sure',
    'no clue',
    'hard to say',
  ],
  none: [
    'none',
    'none of them',
    'none of these',
    'neither',
    'none fit',
    'other',
    'something else',
    'another one',
    'something different',
    'different ones',
  ],
  ok: ['ok', 'okay', 'k', 'kk', 'ready', 'next', 'continue', 'im ready', "i'm ready", 'go on', 'ok ready'],
  fine: [
    'fine',
    'im fine',
    "i'm fine",
    'i am fine',
    'im ok',
    "i'm ok",
    'im okay',
    "i'm okay",
    'all good',
    'im good',
    "i'm good",
    'nevermind',
    'never mind',
    'nvm',
    'thanks',
    'thank you',
  ],
};

const NUMBER_WORDS: ReadonlyArray<readonly string[]> = [
  [
    '1',
    'one',
    'first',
    '1st',
    'the first',
    'the first one',
    'first one',
    'number one',
    'number 1',
    'option 1',
    '#1',
  ],
  [
    '2',
    'two',
    'second',
    '2nd',
    'the second',
    'the second one',
    'second one',
    'number two',
    'number 2',
    'option 2',
    '#2',
  ],
  [
    '3',
    'three',
    'third',
    '3rd',
    'the third',
    'the third one',
    'third one',
    'number three',
    'number 3',
    'option 3',
    '#3',
  ],
];

/** Lowercase, straight quotes, single spaces, no surrounding punctuation. */
export function normalizeMessage(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.!?,;:"'()*-]+|[\s.!?,;:"'()*-]+$/g, '')
    .trim();
}

const TYPO_TOLERANT_MIN_LENGTH = 5;
/** Opt-out words and answers stay exact: a near miss must not silence someone. */
const TYPO_TOLERANT: readonly GlobalCommand[] = [
  'checkin',
  'goal',
  'grounding',
  'breathing',
  'summary',
  'delete',
];

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a === b) return true;
  // One substitution, insertion, deletion, or adjacent transposition.
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  if (a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

export function globalCommandOf(message: string): GlobalCommand | undefined {
  for (const [command, words] of Object.entries(GLOBAL_WORDS) as [GlobalCommand, readonly string[]][]) {
    if (words.includes(message)) return command;
  }
  if (message.length < TYPO_TOLERANT_MIN_LENGTH || message.length > 40) return undefined;
  for (const command of TYPO_TOLERANT) {
    if (
      GLOBAL_WORDS[command].some((w) => w.length >= TYPO_TOLERANT_MIN_LENGTH && withinOneEdit(message, w))
    ) {
      return command;
    }
  }
  return undefined;
}

export function answerOf(message: string): Answer | undefined {
  for (const [answer, words] of Object.entries(ANSWER_WORDS) as [Answer, readonly string[]][]) {
    if (words.includes(message)) return answer;
  }
  return undefined;
}

export function choiceIndexOf(message: string): number | undefined {
  const index = NUMBER_WORDS.findIndex((words) => words.includes(message));
  return index >= 0 ? index : undefined;
}

const INTENT_TO_SAID: Partial<Record<string, Said>> = {
  checkin: { kind: 'command', command: 'checkin' },
  grounding: { kind: 'command', command: 'grounding' },
  compassion: { kind: 'command', command: 'compassion' },
  goal: { kind: 'command', command: 'goal' },
  summary: { kind: 'command', command: 'summary' },
  help: { kind: 'command', command: 'help' },
  repeat: { kind: 'command', command: 'repeat' },
  stop: { kind: 'command', command: 'end' },
  delete: { kind: 'command', command: 'delete' },
  done: { kind: 'answer', answer: 'done' },
  notYet: { kind: 'answer', answer: 'notYet' },
  skip: { kind: 'answer', answer: 'skip' },
  yes: { kind: 'answer', answer: 'yes' },
  no: { kind: 'answer', answer: 'no' },
  fallback: { kind: 'fallback' },
};

/** What the person meant, before the step gives it context. */
export function understand(input: Input): Said {
  if (input.type === 'open') return { kind: 'open' };
  if (input.type === 'intent') {
    if (input.intent === 'feeling' || input.intent === 'choose' || input.intent === 'answer') {
      const value = normalizeMessage(input.value ?? '');
      const index = choiceIndexOf(value);
      if (index !== undefined) return { kind: 'choice', index };
      return value ? { kind: 'pick', value } : { kind: 'fallback' };
    }
    return INTENT_TO_SAID[input.intent] ?? { kind: 'fallback' };
  }
  const message = normalizeMessage(input.text);
  const command = globalCommandOf(message);
  if (command) return { kind: 'command', command };
  const answer = answerOf(message);
  if (answer) return { kind: 'answer', answer };
  const index = choiceIndexOf(message);
  if (index !== undefined) return { kind: 'choice', index };
  return { kind: 'text', text: input.text };
}

/** The words an input carries, for the crisis gate. Every input with words is checked. */
export function wordsOf(input: Input): string | undefined {
  if (input.type === 'text') return input.text;
  if (input.type === 'intent') return input.value;
  return undefined;
}
