/**
 * Locally, without Twilio account settings, the texts the service sends first land here:
 * printed on the console and listed by `GET /outbox` (127.0.0.1 only), so the whole
 * reminder loop can be tried with zero configuration. The number is masked to its last two
 * digits ("***23"), here and on the console.
 */
import { maskedNumber, type TextSender } from '../channels/sms/outbound.ts';

export interface OutboxText {
  /** The last two digits of the number, e.g. "***23". */
  to: string;
  /** When it was sent, on the development clock (ISO). */
  time: string;
  text: string;
}

export interface Outbox extends TextSender {
  list(): OutboxText[];
}

/** Keeps the last texts in memory (not across restarts). */
export const OUTBOX_KEPT = 200;

export function createOutbox(clock: () => Date, print: (line: string) => void): Outbox {
  const texts: OutboxText[] = [];
  return {
    async send(to, text) {
      const sent = { to: maskedNumber(to), time: clock().toISOString(), text };
      texts.push(sent);
      if (texts.length > OUTBOX_KEPT) texts.shift();
      print(`outbox: to ${sent.to} at ${sent.time}: ${text}`);
    },
    list: () => texts.map((t) => ({ ...t })),
  };
}
