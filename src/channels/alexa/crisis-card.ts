/**
 * The crisis reply's numbers on a simple card in the Alexa app (issue 14): Alexa cannot place a
 * call, and a number heard once is easy to lose. The card holds the numbers the reply spoke and
 * nothing the person said: only lines of the crisis content (src/core/content/crisis.ts) that
 * carry a number are put on it, matched whole, so a plan step or anything else in the reply
 * never is. Shown with the full crisis or danger-now reply (the ones that open by saying what
 * this is), not with the grey-zone question or a goodbye.
 */
import {
  anyLanguage,
  CRISIS_NUMBER,
  crisis,
  danger,
  EMERGENCY_NUMBER,
  spanish,
} from '../../core/content/crisis.ts';
import type { Reply } from '../../core/types.ts';

export const CRISIS_CARD_TITLE = 'Numbers for a hard moment';

function stringsIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

const CONTENT = stringsIn([crisis, danger, spanish, anyLanguage], new Set<string>());
for (const number of Object.values(EMERGENCY_NUMBER)) CONTENT.add(danger.emergencyFirst(number));

/** The lines a full crisis or danger-now reply opens with. */
const OPENINGS = stringsIn(
  [
    crisis.opening,
    crisis.openingNegated,
    danger.opening,
    spanish.opening,
    spanish.openingNegated,
    spanish.emergencyOpening,
  ],
  new Set<string>(),
);

/** The card for a reply: the crisis lines it spoke, one a line; undefined for any other reply. */
export function crisisCard(reply: Reply): { title: string; content: string } | undefined {
  if (!reply.crisis || !reply.beats.some((b) => OPENINGS.has(b.text))) return undefined;
  const lines = reply.beats
    .map((b) => b.text)
    .filter((text) => CONTENT.has(text) && CRISIS_NUMBER.test(text));
  if (lines.length === 0) return undefined;
  return { title: CRISIS_CARD_TITLE, content: lines.join('\n') };
}
