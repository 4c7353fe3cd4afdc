/**
 * The reply when something on our side failed (the store, a secret, the turn itself).
 * The crisis gate is pure and needs none of those, so crisis language still gets the full
 * crisis reply; anything else gets a short apology that always carries the local line.
 * One decision for every channel: they only render it.
 */
import { channelWords } from './content/channels.ts';
import { service } from './content/service.ts';
import { crisisReply } from './crisis/crisis-reply.ts';
import { assess } from './crisis/gate.ts';
import { beat } from './reply.ts';
import type { CrisisRegion, Modality, Reply } from './types.ts';

export function failureReply(words: string | undefined, region: CrisisRegion, modality: Modality): Reply {
  // Nothing else can be trusted here, so a weak signal gets the full reply too: a question
  // needs a next turn that may not come.
  const assessment = words === undefined ? null : assess(words);
  if (assessment) {
    const { negated, language, concern } = assessment;
    return crisisReply({
      region,
      modality,
      negated: assessment.reply === 'grey' ? false : negated,
      language,
      concern,
    });
  }
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
