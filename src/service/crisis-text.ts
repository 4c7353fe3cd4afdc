/**
 * The phone helps the voice (issue 13): Alexa cannot place a call, so when a crisis is spoken
 * to an Echo linked to a phone, the crisis numbers are also texted to that phone, through the
 * same TextSender as reminders (locally the outbox), and the skill says so only once the text
 * went. The rules of texting first hold: only a number kept (sealed) because the person asked
 * to be texted, never one opted out (here or at the carrier), no number in any log line.
 */
import { RecipientOptedOutError, type TextSender } from '../channels/sms/outbound.ts';
import { smsTexts } from '../channels/sms/render-twiml.ts';
import { link } from '../core/content/link.ts';
import { crisisReply } from '../core/crisis/crisis-reply.ts';
import type { ContactVault, ReminderStore } from '../core/ports.ts';
import type { CrisisRegion, Reply } from '../core/types.ts';
import { errorName, type Logger } from '../observability/log.ts';

export interface CrisisTextDeps {
  store: Pick<ReminderStore, 'loadReminderTarget' | 'endRemindersOptedOut'>;
  vault: ContactVault;
  sender: TextSender;
  logger: Logger;
}

/** Texts the crisis numbers to the person's phone; true only when every text was accepted. */
export type CrisisTexter = (personId: string, region: CrisisRegion, now: string) => Promise<boolean>;
/** Texts a reply to the person's phone ("text me my summary"); true only when every text was accepted. */
export type PhoneTexter = (personId: string, reply: Reply, now: string) => Promise<boolean>;

/** The text: where it comes from, then the crisis reply exactly as SMS gives it. */
export function crisisText(region: CrisisRegion): Reply {
  const lines = crisisReply({ region, modality: 'text', negated: false });
  return { ...lines, beats: [{ text: link.crisisTextIntro }, ...lines.beats] };
}

export function createCrisisTexter(deps: CrisisTextDeps): CrisisTexter {
  const send = createPhoneTexter(deps, 'crisis-text');
  return (personId, region, now) => send(personId, crisisText(region), now);
}

/**
 * Texts a reply to the phone an Alexa identity is linked to. The reminders' rules: only a
 * number kept (sealed) because they asked to be texted, never one opted out; a carrier opt-out
 * ends reminders as STOP does; logs carry the event only.
 */
export function createPhoneTexter(deps: CrisisTextDeps, event = 'phone-text'): PhoneTexter {
  return async (personId, reply, now) => {
    try {
      const target = await deps.store.loadReminderTarget(personId, now);
      if (!target?.contact || target.profile.optedOut) return false;
      const phone = await deps.vault.open(personId, target.contact);
      for (const text of smsTexts(reply)) await deps.sender.send(phone, text);
      deps.logger.info({ event: `${event}-sent`, channel: 'alexa' });
      return true;
    } catch (error) {
      if (error instanceof RecipientOptedOutError) {
        await deps.store.endRemindersOptedOut(personId, now).catch(() => undefined);
      }
      deps.logger.warn({ event: `${event}-failed`, channel: 'alexa', error: errorName(error) });
      return false;
    }
  };
}
