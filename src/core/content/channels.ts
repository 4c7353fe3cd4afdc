/**
 * The few words renderers add around a reply: how to answer a list of choices.
 * Renderers take them from here so every word a person meets stays in this module.
 */
export const channelWords = {
  sms: {
    /** After numbered choices. */
    pickPrompt: (count: number, ownWords: boolean) =>
      `Reply ${numbersList(count)}${ownWords ? ', or text your own' : ''}.`,
    /** When a long reply had to be shortened to fit three texts. */
    shortened: 'Reply SUMMARY to see it again.',
    /**
     * Sent when something on our side failed or took too long. It must never stand between
     * someone and a crisis line, so it always carries the local one.
     */
    fallback: (crisisLine: string) =>
      `Sorry, something went wrong on my side. Please try again in a minute. If you need someone now, ${crisisLine}.`,
  },
  voice: {
    ordinals: ['the first', 'the second', 'the third', 'the fourth'] as const,
    /** Joins spoken choices: "the first, X; the second, Y; or the third, Z." */
    or: 'or',
    ownWords: 'Or say something else.',
    errorApology: 'Sorry, something went wrong on my side.',
    /** Said when the session stays open but the core gave no reprompt: help, not a repeat. */
    defaultReprompt: 'You can answer in a word or two, or say help.',
    /** Reprompt when choices were read and the core gave none of its own. */
    choicesReprompt: 'You can say the first, the second, or the third.',
    tryAgain: 'Please try again in a minute.',
    /** Reprompt after an error: the crisis line comes first, then how to carry on. */
    errorReprompt: 'You can say check in to start again, or done for now.',
    /** Numbers stay digits: the SSML renderer reads every crisis number digit by digit. */
    crisisTail: (crisisLine: string) => `If you're in crisis, ${crisisLine}.`,
  },
} as const;

function numbersList(count: number): string {
  const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} or ${numbers.at(-1)}`;
}
