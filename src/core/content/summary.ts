/**
 * The words of "what should I tell my therapist": the session-prep summary, written and
 * spoken. The written one is a list a therapist can scan (one day a line, in the person's own
 * words); the spoken one is sentences a person would say aloud. Counts, never scores.
 */
import type { ToolId } from '../types.ts';

/** How a stored trigger option reads after a feeling ("heavy, about work"). */
const TRIGGER_PHRASES: Readonly<Record<string, string>> = {
  work: 'about work',
  school: 'about school',
  family: 'about family',
  partner: 'about my partner',
  friends: 'about friends',
  money: 'about money',
  health: 'about health',
  sleep: 'after poor sleep',
  loneliness: 'feeling alone',
  news: 'about the news',
  home: 'about home',
  'social-media': 'after social media',
  'the-future': 'about the future',
  'the-past': 'about the past',
  conflict: 'after an argument',
  change: 'after a change',
};

/** Said to a listener: "my partner" is the person's own partner, "your" when spoken back. */
const spokenPossessive = (phrase: string): string => phrase.replace(/\bmy\b/g, 'your');

/** How much something helped, after its name: "a walk helped a lot". Index is the 0-3 answer. */
const HELPED_PHRASES = ['did not help', 'helped a little', 'helped some', 'helped a lot'] as const;
const SPOKEN_HELPED = ["didn't help", 'helped a little', 'helped somewhat', 'helped a lot'] as const;

const TOOL_NAMES: Readonly<Record<ToolId, string>> = {
  grounding: 'grounding',
  breathing: 'slow breathing',
  'self-compassion': 'a kind word to yourself',
  'small-action': 'one small action',
  parts: 'a parts check-in',
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** Own words that already begin like a sentence of their own ("I called my mum"). */
const speaksForItself = (text: string): boolean => /^(i|i'm|i've|i'd|me|we)\b/i.test(text);

export const summaryWords = {
  triggerPhrase: (optionId: string): string | undefined => TRIGGER_PHRASES[optionId],
  /**
   * Own words about what set a feeling off, joined to the feeling: an event ("an argument with
   * my partner") reads "after ..."; words that bring their own link ("because of my boss",
   * "after the call") stay as typed; anything else reads "about ...".
   */
  ownTrigger: (words: string): string => {
    if (/^(after|because|about|when|since|from|over|with|at|during|seeing|being|feeling)\b/i.test(words))
      return words;
    if (/^(a|an)\b/i.test(words)) return `after ${words}`;
    return `about ${words}`;
  },
  times: (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`),
  toolName: (tool: ToolId) => TOOL_NAMES[tool],

  text: {
    /** `window`: "from the last 14 days", "since your session on Tue Nov 24" (content/session-prep.ts). */
    intro: (window: string) => `For your therapist, ${window}:`,
    continued: 'For your therapist, continued:',
    /** One check-in of a day: "Tue: heavy, about work; a walk helped a lot." */
    day: (label: string, parts: readonly string[]) => `${label}: ${parts.join('; ')}.`,
    later: 'Later',
    feeling: (words: string, trigger?: string) => (trigger ? `${words}, ${trigger}` : words),
    tried: (what: string, helped?: 0 | 1 | 2 | 3) => {
      if (helped === undefined) return speaksForItself(what) ? what : `tried ${what}`;
      const how = HELPED_PHRASES[helped];
      return speaksForItself(what)
        ? `${what}, and it ${how.replace(/^did not/, "didn't")}`
        : `${what} ${how}`;
    },
    goalsDone: (list: string) => `Small goals done: ${list}.`,
    goalsNotYet: (list: string) => `Not yet: ${list}.`,
    goalsSkipped: (list: string) => `Skipped: ${list}.`,
    goalOpen: (goal: string) => `Still open: ${goal}.`,
    tools: (list: string) => `Tools you tried here: ${list}.`,
    close: 'Bring whatever feels most important.',
    closeNotYet: 'Bring whatever feels most important. Not-yet goals are worth talking about too.',
    /** Ends every page but the last. MORE is a command on text channels (src/core/understand.ts). */
    more: 'Reply MORE for the rest.',
    allShown: "That's the whole summary. Reply SUMMARY to see it again from the start.",
    noneOpen: 'Reply SUMMARY to see what you could tell your therapist.',
  },

  voice: {
    intro: (window: string) => `Here's what you could tell your therapist ${window}.`,
    today: 'Today',
    yesterday: 'Yesterday',
    onDay: (weekday: string) => `On ${weekday}`,
    later: 'Later that day',
    felt: (when: string, words: string, trigger?: string) =>
      `${when}, you felt ${words}${trigger ? `, ${spokenPossessive(trigger)}` : ''}.`,
    checkedIn: (when: string, trigger: string) => `${when}, you checked in ${spokenPossessive(trigger)}.`,
    tried: (what: string, helped?: 0 | 1 | 2 | 3) => {
      const said = spokenPossessive(what);
      if (helped === undefined) return speaksForItself(what) ? `${capitalise(what)}.` : `You tried ${said}.`;
      return speaksForItself(what)
        ? `${capitalise(what)}, and it ${SPOKEN_HELPED[helped]}.`
        : `${capitalise(said)} ${SPOKEN_HELPED[helped]}.`;
    },
    goalsDone: (list: string) => `Small goals you did: ${list}.`,
    goalsNotYet: (list: string) => `Not done yet: ${list}. That's worth talking about too.`,
    goalsSkipped: (list: string) => `You skipped: ${list}.`,
    goalOpen: (goal: string) => `Your goal still open: ${goal}.`,
    tools: (list: string) => `Here, you tried ${list}.`,
    leftOut: 'I left out the earlier days, to keep this short.',
    close: 'Bring whatever feels most important.',
    /** Linked to a phone that may be texted: the written summary can go there (flow/link.ts). */
    textIt: "If you'd like it on your phone, say: text me my summary.",
    again: 'Would you like to hear that again?',
    /** A linked journal on a speaker that may be in a shared room: typed words only on a yes. */
    typedHeld:
      'Some notes were typed on your phone, and I left their words out, since others may hear this. Do you want me to read your text notes aloud?',
    typedHeldReprompt: 'Say yes to hear your text notes aloud, or no to finish.',
    /** A goal typed in their own words, named without its words. */
    typedGoal: 'a goal you typed',
    againReprompt: 'You can say yes to hear it again, or no to finish.',
    bye: "Okay. Take care. I'm here any time.",
  },

  /** Day labels: the written summary dates each day ("Tue Mar 10"), the spoken one names it. */
  weekdaysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const,
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const,
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const,
} as const;
