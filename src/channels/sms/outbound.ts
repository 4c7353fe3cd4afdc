/**
 * Texts the service sends first (reminders), through Twilio's Messages API with a Messaging
 * Service SID (A2P 10DLC registers the service, not a bare number). The official `twilio`
 * client is used here: this path is not latency-bound, and the webhook bundle never
 * imports it (lambda/sms.ts only validates signatures).
 */
import twilio from 'twilio';

/** The carrier or Twilio has this number as unsubscribed (Twilio error 21610): never text it. */
export class RecipientOptedOutError extends Error {
  constructor() {
    super('the recipient has opted out');
    this.name = 'RecipientOptedOutError';
  }
}

/** Twilio's code for "attempt to send to unsubscribed recipient". */
const UNSUBSCRIBED_RECIPIENT = 21610;

/** Sends one text to one number. Throws when the provider refused it. */
export interface TextSender {
  send(to: string, text: string): Promise<void>;
}

export interface TwilioSenderSettings {
  accountSid: string;
  messagingServiceSid: string;
  /** An API key (SK...) and its secret, or the account's auth token. */
  apiKeySid?: string;
  secret: string;
}

export function createTwilioSender(settings: TwilioSenderSettings): TextSender {
  const client = settings.apiKeySid
    ? twilio(settings.apiKeySid, settings.secret, { accountSid: settings.accountSid })
    : twilio(settings.accountSid, settings.secret);
  return {
    async send(to, text) {
      try {
        await client.messages.create({ to, body: text, messagingServiceSid: settings.messagingServiceSid });
      } catch (error) {
        if ((error as { code?: unknown }).code === UNSUBSCRIBED_RECIPIENT) throw new RecipientOptedOutError();
        throw error;
      }
    },
  };
}

/**
 * A number as the outbox and any operator line may show it: the last two digits only
 * ("***23"), enough to tell test phones apart, never enough to text someone.
 */
export function maskedNumber(phone: string): string {
  return `***${phone.replace(/\D/g, '').slice(-2)}`;
}
