/**
 * Words only the SMS channel adds. They belong in the content module (src/core/content/)
 * with every other user-facing word; the connecting phrase lives here until the lead
 * moves it.
 */
import { channelWords } from '../../core/content/channels.ts';
import { service } from '../../core/content/service.ts';
import type { CrisisRegion } from '../../core/types.ts';

/**
 * Sent when something on our side failed or took too long. It must never stand between
 * someone and a crisis line, so it always carries the local one (988 in the US and Canada).
 */
export function fallbackText(region: CrisisRegion): string {
  return `${channelWords.sms.fallback} If you need someone now, ${service.shortCrisisLine(region)}.`;
}
