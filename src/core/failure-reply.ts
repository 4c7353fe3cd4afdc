/**
 * The reply when something on our side failed (the store, a secret, the turn itself).
 * The crisis gate is pure and needs none of those, so crisis language still gets the full
 * crisis reply; anything else gets a short apology that always carries the local line.
 * One decision for every channel: they only render it.
 */
import { channelWords } from './content/channels.ts';
import { service } from './content/service.ts';
import { crisisReply } from './crisis/crisis-reply.ts';
import { detectCrisis } from './crisis/detect.ts';
import { beat } from './reply.ts';
import type { CrisisRegion, Modality, Reply } from './types.ts';

export function failureReply(words: string | undefined, region: CrisisRegion, modality: Modality): Reply {
  const signal = words === undefined ? null : detectCrisis(words);
  if (signal) return crisisReply({ region, modality, negated: signal.negated });
  const line = service.shortCrisisLine(region);
  if (modality === 'text') {
    return { beats: [beat(channelWords.sms.fallback(line))], expectsAnswer: false, end: true };
  }
  const tail = channelWords.voice.crisisTail(line);
  return {
    beats: [beat(channelWords.voice.errorApology), beat(channelWords.voice.tryAgain), beat(tail)],
    expectsAnswer: true,
    reprompt: `${tail} ${channelWords.voice.errorReprompt}`,
    end: false,
  };
}
