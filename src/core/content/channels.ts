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
    /** Any unexpected failure; the crisis line is added by the renderer's caller. */
    fallback: 'Sorry, something went wrong on my side. Please try again in a minute.',
  },
  voice: {
    ordinals: ['the first', 'the second', 'the third', 'the fourth'] as const,
    /** Joins spoken choices: "the first, X; the second, Y; or the third, Z." */
    or: 'or',
    ownWords: 'Or say something else.',
    errorApology: 'Sorry, something went wrong on my side.',
  },
} as const;

function numbersList(count: number): string {
  const numbers = Array.from({ length: count }, (_, i) => String(i + 1));
  if (numbers.length <= 1) return numbers.join('');
  return `${numbers.slice(0, -1).join(', ')} or ${numbers.at(-1)}`;
}
