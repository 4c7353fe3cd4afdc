/**
 * The TwiML Twilio's fallback URL serves ("Primary handler fails" in the number's messaging
 * configuration): when the webhook cannot answer at all (its function timed out, failed, or
 * was throttled), the person still gets the kind fallback reply with the crisis lines.
 *
 * Fixed and rendered once at module load, from the same words and renderer as every other
 * reply: the kind fallback (channelWords.sms.fallback with the US/Canada line, 988), then
 * the Crisis Text Line (741741) and 911 from the crisis content. The fallback request is not
 * verified and carries no identity worth reading: no region, so the US/Canada lines, which
 * is where this project's numbers are. Nothing here reaches the crisis gate or its data, so
 * the bundle stays a few kilobytes.
 */
import { channelWords } from '../../core/content/channels.ts';
import { crisis } from '../../core/content/crisis.ts';
import { service } from '../../core/content/service.ts';
import type { Reply } from '../../core/types.ts';
import { renderTwiml } from './render-twiml.ts';

const [, textLine, dangerLine] = crisis.regions.US.lines.text;

/** The reply behind {@link FALLBACK_TWIML}, for tests and docs. */
export const FALLBACK_REPLY: Reply = {
  beats: [channelWords.sms.fallback(service.shortCrisisLine('US')), textLine, dangerLine]
    .filter((text): text is string => text !== undefined)
    .map((text) => ({ text })),
  expectsAnswer: false,
  end: true,
};

export const FALLBACK_TWIML: string = renderTwiml(FALLBACK_REPLY);
