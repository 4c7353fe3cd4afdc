/**
 * Linking Alexa and a phone by a short code, and unlinking (issue 13).
 *
 * "link my phone" (or LINK) makes a 6-digit code from the turn's seed and says it; the host
 * keeps only its hash, for ten minutes, single use. The code said on the other side ("my code
 * is 4 8 2 9 1 3", LINK 482913) asks the host to redeem it (`needs.linkCode`); the host's
 * answer comes back as `ctx.link` and is said in plain words. UNLINK separates them from now
 * on. The crisis gate has read the words before any of this runs (step.ts).
 */
import { link } from '../content/link.ts';
import { service } from '../content/service.ts';
import { fnv1a } from '../crisis/features.ts';
import { beat, finish, prepend } from '../reply.ts';
import { summaryWindow, writtenWindow } from '../sessions/window.ts';
import type { Outcome, Turn } from '../turn.ts';
import { firstWrittenPage, pageReply, summarySince } from './summary.ts';

/** Codes never start with 0: Alexa's number slot would drop a leading zero. */
const CODE_MIN = 100_000;
const CODE_SPAN = 900_000;
export const LINK_CODE_DIGITS = 6;

const ISSUE =
  /^(?:please )?(?:link|link (?:my |the )?(?:phone|alexa|echo|account|number)|connect (?:my |the )?(?:phone|alexa|echo))(?: please)?$/;
const REDEEM =
  /^(?:link|code|link code|the code|my code|my code is|the code is|my link code is|the link code is|code is)\s+([\d\s,.-]+)$/;
const TEXT_SUMMARY =
  /^(?:please )?(?:text|send) (?:me )?(?:my |the )?summary(?: to (?:me|my phone))?(?: please)?$/;
const UNLINK =
  /^(?:please )?(?:unlink|unlink (?:my |the )?(?:phone|alexa|echo|account|number)|disconnect (?:my |the )?(?:phone|alexa|echo))(?: please)?$/;

/** What the words ask of linking, if anything. */
export type LinkRequest =
  | { kind: 'issue' }
  | { kind: 'redeem'; code: string }
  | { kind: 'unlink' }
  | { kind: 'textSummary' };

export function linkRequestIn(raw: string | undefined): LinkRequest | undefined {
  if (raw === undefined) return undefined;
  const words = raw
    .toLowerCase()
    .replace(/[!?'"]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.]$/, '');
  if (ISSUE.test(words)) return { kind: 'issue' };
  if (UNLINK.test(words)) return { kind: 'unlink' };
  if (TEXT_SUMMARY.test(words)) return { kind: 'textSummary' };
  const redeem = REDEEM.exec(words);
  if (redeem) return { kind: 'redeem', code: (redeem[1] ?? '').replace(/\D/g, '') };
  return undefined;
}

/**
 * The code for this turn, from its seed and id (both fresh per turn, from the host), so the
 * core stays pure; two turns with the same seed still get different codes.
 */
export function codeFor(seed: number, turnId: string): string {
  return String(CODE_MIN + (fnv1a(`link:${seed}:${turnId}`) % CODE_SPAN));
}

const closed = { step: 'closed' as const, values: {} };

/**
 * The linking turn, or undefined when the words are not about linking. `{ redeem }` asks the
 * host to redeem the code first (the result comes back as ctx.link).
 */
export function linkTurn(
  turn: Turn,
  raw: string | undefined,
): Outcome | { redeem: string } | { historySince: string } | undefined {
  const request = linkRequestIn(raw);
  if (!request) return undefined;
  const { ctx } = turn;
  const m = turn.modality;
  // On text, SUMMARY is the summary right there: only Alexa texts it to the phone.
  if (request.kind === 'textSummary') return ctx.channel === 'alexa' ? textSummary(turn) : undefined;
  if (ctx.channel !== 'sms' && ctx.channel !== 'alexa')
    return { state: closed, reply: finish([link.notHere]) };
  if (request.kind === 'unlink') {
    if (!ctx.profile.linked) return { state: closed, reply: finish([link.notLinked(m)]) };
    turn.effects.push({ type: 'unlink' });
    return { state: closed, reply: finish([beat(link.unlinked(m), { claimsSaved: true })]) };
  }
  if (request.kind === 'issue') {
    const code = codeFor(ctx.seed, ctx.id);
    turn.effects.push({ type: 'issueLinkCode', code });
    // The code is only worth saying if it was kept: an unsaved one is swapped for an honest line.
    return { state: closed, reply: finish([beat(link.code(m, code), { claimsSaved: true })]) };
  }
  if (request.code.length !== LINK_CODE_DIGITS) {
    return { state: closed, reply: finish([link.outcome(m, 'wrong')]) };
  }
  if (ctx.link === undefined) return { redeem: request.code };
  const scope = ctx.channel === 'alexa' ? (ctx.recognisedVoice ? 'own' : 'account') : undefined;
  return { state: closed, reply: finish([link.outcome(m, ctx.link, scope)]) };
}

/**
 * "text me my summary" on Alexa: the written summary's first page, texted to the linked phone
 * by the host (effect `textPhone`), only if the phone asked to be texted and has not opted out.
 */
function textSummary(turn: Turn): Outcome | { historySince: string } {
  const { ctx } = turn;
  if (!ctx.profile.linked) return { state: closed, reply: finish([link.summaryNeedsLink]) };
  if (!ctx.profile.reminder || ctx.profile.optedOut)
    return { state: closed, reply: finish([link.summaryNoTexts]) };
  if (!ctx.history) return { historySince: summarySince(ctx.now, ctx.profile) };
  const window = writtenWindow(summaryWindow(ctx.now, ctx.profile));
  const page = firstWrittenPage(ctx.history, ctx.now, ctx.profile.timeZone, window);
  if (!page) return { state: closed, reply: finish([service.summary.nothingYet(window)]) };
  turn.effects.push({
    type: 'textPhone',
    reply: prepend([link.summaryTextIntro], pageReply(page)),
    // A page to show or send the therapist too, as SHARE by text gives (issue 15).
    share: { kind: 'summary', since: summarySince(ctx.now, ctx.profile) },
  });
  return { state: closed, reply: finish([link.summaryTexted]) };
}
