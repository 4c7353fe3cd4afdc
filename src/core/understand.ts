/**
 * Turns what arrived (typed words, a spoken intent) into what the person meant, as far as
 * the core can tell without knowing the step. Keywords match the WHOLE message, case and
 * trailing punctuation ignored, so "please stop texting me so much" stays ordinary text.
 */
import { type Answer, answerOf, choiceIndexOf } from './short-answers.ts';
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
  | 'repeat'
  | AboutQuestion;

/**
 * Questions about the service itself, answered honestly at any step (flow/account.ts):
 * "are you a real person?", "who sees this?", "can you tell my therapist?", "how do I delete
 * my data?", "what can you do?".
 */
export type AboutQuestion = 'aboutBot' | 'privacy' | 'tellTherapist' | 'deleteHow' | 'capabilities';

export const ABOUT_QUESTIONS: readonly AboutQuestion[] = [
  'aboutBot',
  'privacy',
  'tellTherapist',
  'deleteHow',
  'capabilities',
];

export const isAboutQuestion = (command: GlobalCommand): command is AboutQuestion =>
  (ABOUT_QUESTIONS as readonly string[]).includes(command);

/** Answers whose meaning depends on the question just asked (short-answers.ts). */
export type { Answer };
export { answerOf, choiceIndexOf };

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
  // A gentle close, never the carrier's opt-out: these are the words prompts offer ("later",
  // "done for now"), so they must close kindly at every step (tests/core/no-opt-out-prompts).
  end: [
    'stop here',
    'bye',
    'goodbye',
    'that is all',
    "that's all",
    'thats all',
    'done for now',
    'im done for now',
    "i'm done for now",
    'i am done for now',
    'later',
    'maybe later',
    'talk later',
    'talk to you later',
    'ttyl',
    'exit',
  ],
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
  aboutBot: ['bot', 'robot', 'human', 'real person', 'are you real', 'who is this', 'who are you'],
  privacy: ['privacy', 'is this private', 'is it private', 'who sees this', 'who reads this'],
  tellTherapist: ['tell my therapist for me'],
  deleteHow: ['how do i delete my data', 'how to delete my data'],
  capabilities: ['what can you do', 'what do you do', 'what is this', "what's this", 'whats this'],
};

/**
 * Requests and questions in ordinary phrasing: "grounding please", "help me breathe", "can we
 * stop", "are you a real person?". Vocabulary as data, one list per meaning.
 *
 * Every pattern is anchored at both ends, so it matches a whole message and never a sentence
 * with more in it: "I tried breathing" at "what did you try?" and "help me breathe, I can't
 * stop shaking" stay the person's own words. The crisis gate has read every message before
 * any of this runs (step.ts), and tests/core/plain-requests checks that no pattern matches a
 * risk line of the crisis corpus. Nothing here ever reads "can't breathe", "I'm done" or "I
 * give up" as a request: those are the person's words, for the check-in to hear.
 */
const OPENER = `(?:(?:ok|okay|um|umm|so|hey|hi|hello|please|pls|plz|just|maybe|actually|yes|yeah)[ ,]+)*`;
const CLOSER = `(?:[ ,]+(?:please|pls|plz|now|right now|for me|thanks|thank you|thx|again|ok|okay|today))*`;
/** "can we do", "i'd like", "give me": the ways of asking for a thing by its name. */
const ASK_FOR = `(?:(?:can|could|may) (?:we|you|i) (?:do|try|have|get|start) |(?:can|could) (?:you|u) give me |(?:i (?:need|want|would like|'d like|d like)|i'?d like|id like|i wanna do|let'?s (?:do|try)|(?:do|try|start)|give me|i need to do|i want to do|i'?d like to do|id like to do) )?`;
/** "can you help me", "i need to", "let's": the ways of asking to do something. */
const ASK_TO = `(?:(?:can|could) (?:you|u) (?:please )?help me (?:to )?|help me (?:to )?|(?:can|could) we |let'?s |i (?:need|want|would like|'d like|d like|have|got) to |i'?d like to |id like to |i wanna |i gotta )?`;
const THERAPIST = `(?:my )?(?:therapist|counselor|counsellor|psychologist|psychiatrist|doctor|provider|clinician|social worker|shrink)`;
const MY_DATA = `(?:(?:my|all my|all of my|the|your) )?(?:data|journal|account|info|information|messages|texts|answers|history|entries|notes|stuff|profile|details)`;
const IT = `(?:this|these|it|that|${MY_DATA}|what i (?:write|say|type|text|tell you|send))`;

const REQUEST_PATTERNS: ReadonlyArray<readonly [GlobalCommand, readonly string[]]> = [
  [
    'grounding',
    [
      `${ASK_FOR}(?:a |some |the |my )?grounding(?: exercise| thing)?`,
      `${ASK_FOR}(?:the )?(?:5 4 3 2 1|54321|five four three two one)(?: exercise| thing)?`,
      `${ASK_TO}(?:calm|settle|slow) (?:myself |me )?down(?: a bit| a little)?`,
      `(?:calm|settle) me down`,
      `${ASK_TO}ground(?: me| myself)?`,
    ],
  ],
  [
    'breathing',
    [
      `${ASK_FOR}(?:a |some |the )?(?:slow |deep )?(?:breathing(?: exercise| thing)?|breaths?)`,
      `${ASK_TO}breathe(?: slowly| slower| deeply| together| with me| a bit| properly)?`,
      `breathe with me`,
      `(?:can you |could you )?(?:help me with|walk me through) (?:my |some |a )?breathing(?: exercise)?`,
    ],
  ],
  [
    'goal',
    [
      `${ASK_FOR}(?:a |one |my |some |another |a new )?(?:(?:small|micro|tiny|little|new|easy) )*(?:micro ?)?goals?(?: for (?:me|today))?`,
      `${ASK_TO}(?:pick|set|choose|find|get|make) (?:me )?(?:a |one |my |another )?(?:(?:small|micro|tiny|little|new) )*goal(?: for (?:me|today))?`,
      `(?:give me|i need|i want) something (?:small |little )?to do(?: today)?`,
      `what (?:should|can|could) i do today`,
    ],
  ],
  [
    'compassion',
    [
      `${ASK_FOR}(?:a |some )?(?:kind|nice|gentle|encouraging) words?`,
      `${ASK_FOR}(?:some )?(?:kindness|self[ -]?compassion|encouragement)`,
      `${ASK_FOR}something (?:kind|nice|gentle|comforting|encouraging)`,
      `(?:can you |could you |please )?be (?:kind|nice|gentle) (?:to|with) me`,
      `(?:can you |could you |please )?(?:say|tell me) something (?:kind|nice|gentle|comforting|encouraging)`,
      `${ASK_TO}be (?:kind|kinder|nice|nicer|gentle|gentler) (?:to|with) myself`,
    ],
  ],
  [
    'summary',
    [
      `${ASK_FOR}(?:my |the |a )?(?:summary|session prep|weekly summary)`,
      `what (?:do|should|can|could|would|shall) i (?:say|tell|bring up|bring|talk about|mention|share)(?: to| with| in| at)? (?:${THERAPIST}|therapy|(?:my |the |next )*session)(?: (?:next time|this week|tomorrow|today))?`,
      `what (?:to|should i) (?:say|tell|bring up|talk about|share) (?:to |in |at |with )?(?:${THERAPIST}|therapy|(?:my |the |next )*session)`,
      `${ASK_TO}(?:prepare|prep|get ready) for (?:therapy|(?:my |the |next )*(?:session|appointment))`,
      `(?:show me|send me|can i see|let me see) (?:my )?(?:summary|week|notes|journal)`,
      `how was my week`,
    ],
  ],
  ['help', [`(?:can you |could you )?help(?: me)?`, `i need (?:some )?help`, `what do i do(?: now| here)?`]],
  [
    'end',
    [
      `(?:can|could|shall) we (?:stop|end|pause|finish|wrap up|leave it)(?: (?:here|there|now|for now|for today|for tonight|it there))?`,
      `let'?s (?:stop|end|pause|finish|wrap up|leave it)(?: (?:here|there|now|for now|for today|for tonight))?`,
      `i (?:want|need|would like|'d like|d like) to (?:stop|pause|finish|take a break) (?:here|now|for now|for today|for tonight|the check in|this)`,
      `(?:stop|end|pause) (?:here|for now|for today|for tonight|the check in)`,
      `(?:i'?m |im |i am )?done for (?:now|today|tonight)`,
      `(?:that'?s|thats|that is) (?:enough|it|all) for (?:now|today|tonight)`,
      `enough for (?:now|today|tonight)`,
      `(?:i'?m |im |i am )?good for (?:now|today|tonight)`,
      `(?:i )?(?:have|need|got) to go(?: now)?`,
      `(?:i )?gotta go(?: now)?`,
      `(?:let'?s )?call it a (?:day|night)`,
      `(?:talk|catch you|chat|speak) (?:to you )?later`,
      `bye for now`,
    ],
  ],
  [
    'delete',
    [
      `(?:can you |could you |please |i want (?:you )?to |i'?d like (?:you )?to |id like to )?(?:delete|erase|remove|wipe|clear) (?:${MY_DATA}|everything(?: about me)?|all of it)`,
    ],
  ],
  [
    'aboutBot',
    [
      `(?:are|r) (?:you|u) (?:a |an )?(?:real |actual |actually )?(?:person|human|bot|robot|ai|a i|machine|computer|program|chatbot|chat bot|real|automated|alive|human being|someone)(?: or (?:a |an )?(?:bot|robot|ai|person|human|machine|computer|program|not|a real person))?`,
      `is (?:this|it|that) (?:a |an )?(?:real |actual )?(?:person|human|bot|robot|ai|a i|machine|computer|chatbot|chat bot|automated|program|real)(?: or (?:a |an )?(?:bot|robot|ai|person|human|machine|not|a real person))?`,
      `is (?:this|it) an? (?:automated|automatic) (?:service|system|message|thing|bot|number|text)`,
      `(?:am i|are we) (?:talking|texting|speaking|chatting) (?:to|with) (?:a |an )?(?:real )?(?:person|human|bot|robot|ai|machine|computer|someone real|anyone|someone|a real person)`,
      `(?:is there|is anyone|is someone|is somebody|is there anyone|is there someone|is there a person|is a person|is a human|does a person|does anyone|does someone)(?: real| actually)? (?:there|reading (?:this|these|my messages)|on the other end|behind this|read (?:this|these|my messages))`,
      `who (?:is this|am i talking to|am i texting|are you|is texting me|is on the other end)`,
    ],
  ],
  [
    'tellTherapist',
    [
      `(?:can|could|will|would|do) (?:you|u) (?:please )?(?:tell|send|share|forward|give|email|text|message|show|update|inform|contact|call|pass on|report) (?:this |it |that |these |them |my notes |my journal |my summary |my answers )?(?:to |with )?${THERAPIST}(?: (?:for me|about (?:this|it|today|me)|this|that|what i said|how i feel|how i am))?`,
      `(?:can|could|will|would) (?:you|u) let ${THERAPIST} know(?: (?:for me|about (?:this|it|today)|how i am|how i feel))?`,
      `(?:does|do|will|can|could|would) ${THERAPIST} (?:see|read|get|know about|look at|have access to|hear about|find out about) ${IT}`,
      `(?:is|are) ${IT} (?:sent|shared|going|given) (?:to|with) ${THERAPIST}`,
      `(?:please )?(?:send|share|forward|give|email|show) (?:this|it|that|my (?:journal|summary|notes|answers)) (?:to|with) ${THERAPIST}`,
      `(?:please )?(?:tell|let) ${THERAPIST}(?: know)? for me`,
    ],
  ],
  [
    'privacy',
    [
      `who (?:else )?(?:sees|reads|can see|can read|will see|will read|gets to see|has access to|looks at|knows about) ${IT}`,
      `(?:is|are) ${IT} (?:private|confidential|secure|encrypted|anonymous|kept private|safe with you|recorded|shared|sold)`,
      `(?:does|do|will|can|could|would) (?:anyone|anybody|someone|somebody|you|people|a person|a human|the company|staff|they)(?: else)? (?:see|read|look at|share|sell|access|store|keep|save|record|listen to) ${IT}`,
      `(?:where|how) (?:is|are) ${MY_DATA} (?:stored|kept|saved|used)`,
      `what (?:do|will) (?:you|u) do with ${MY_DATA}`,
      `(?:what about )?(?:my )?privacy`,
    ],
  ],
  [
    'deleteHow',
    [
      `how (?:do|can|would|could|should) i (?:delete|erase|remove|clear|wipe|get rid of) (?:${MY_DATA}|everything|all of it|it|this)(?: you have| you keep)?`,
      `(?:can|could|may) i (?:delete|erase|remove|clear|wipe) (?:${MY_DATA}|everything|all of it|it)`,
      `how (?:to|does one) (?:delete|erase|remove) (?:${MY_DATA}|everything)`,
    ],
  ],
  [
    'capabilities',
    [
      `what (?:can|do|could|else can) (?:you|u) do(?: for me)?`,
      `what (?:are|r) (?:you|u) for`,
      `what (?:is|'?s) this(?: (?:for|about|thing|service|app|number))?`,
      `how (?:does this|does it|do you|do i use this) work`,
      `how do i use (?:this|you)`,
      `what can i (?:do|say|ask) here`,
    ],
  ],
];

const REQUESTS: ReadonlyArray<readonly [GlobalCommand, RegExp]> = REQUEST_PATTERNS.flatMap(
  ([command, sources]) =>
    sources.map((source) => [command, new RegExp(`^${OPENER}(?:${source})${CLOSER}$`)] as const),
);

/** A request or question in ordinary words (REQUEST_PATTERNS), from a normalised message. */
export function requestOf(message: string): GlobalCommand | undefined {
  if (message.length > 80) return undefined;
  return REQUESTS.find(([, pattern]) => pattern.test(message))?.[0];
}

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
  const request = requestOf(message);
  if (request) return { kind: 'command', command: request };
  return { kind: 'text', text: input.text };
}

/** The words an input carries, for the crisis gate. Every input with words is checked. */
export function wordsOf(input: Input): string | undefined {
  if (input.type === 'text') return input.text;
  if (input.type === 'intent') return input.value;
  return undefined;
}
