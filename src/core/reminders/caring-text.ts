/**
 * The caring text the day after a crisis reply (issue 14), as the sender composes it: the same
 * short words for everyone, with the place's line. Pure; the consent and its timing are in
 * src/core/flow/caring-text.ts, the sending in src/service/reminder-tick.ts.
 */

import { caring } from '../content/safety-plan.ts';
import { service } from '../content/service.ts';
import type { CrisisRegion } from '../types.ts';

/** "my check in: Thinking of you today. No need to reply. 988 is there any time, by call or text." */
export function caringTextFor(region: CrisisRegion): string {
  return region === 'US' || region === 'CA'
    ? caring.text
    : caring.textElsewhere(service.shortCrisisLine(region));
}
