/**
 * Words only the Alexa channel says. They belong in the content module (src/core/content/)
 * with every other user-facing word; they live here until the lead moves them.
 */
import { service } from '../../core/content/service.ts';
import type { CrisisRegion } from '../../core/types.ts';

/** Said when the session stays open but the core gave no reprompt: help, not a repeat. */
export const DEFAULT_REPROMPT = 'You can answer in a word or two, or say help.';

/** Reprompt when choices were read and the core gave none of its own. */
export const CHOICES_REPROMPT = 'You can say the first, the second, or the third.';

/** After the apology when something failed on our side; the crisis line follows. */
export const TRY_AGAIN = 'Please try again in a minute.';

/** Reprompt after an error: the crisis line again, then how to carry on. */
export const ERROR_REPROMPT = 'You can say check in to start again, or stop.';

/**
 * "If you're in crisis, call or text 988." for the request's region. Numbers stay digits:
 * the SSML renderer reads every crisis number digit by digit.
 */
export function crisisTail(region: CrisisRegion): string {
  return `If you're in crisis, ${service.shortCrisisLine(region)}.`;
}
