/**
 * A texting phone for integration tests: Twilio-signed webhook requests into the real
 * webhook, turn runner, core and DynamoDB store (dynalite), with every log line captured.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { expect } from 'vitest';
import {
  gsm7Length,
  isGsm7,
  MAX_MESSAGE_SEPTETS,
  MAX_MESSAGES,
} from '../../../src/channels/sms/render-twiml.ts';
import {
  DEFAULT_BUDGET_MS,
  handleSmsWebhook,
  type SmsWebhookDeps,
} from '../../../src/channels/sms/sms-webhook.ts';
import { userIdFor } from '../../../src/identity/user-id.ts';
import { createLogger } from '../../../src/observability/log.ts';
import { createTurnRunner } from '../../../src/service/turn-runner.ts';
import { DynamoCheckInStore } from '../../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';

export const TOKEN = 'harness-auth-token-0123456789abcd';
export const PEPPER = 'harness-pepper';
export const PUBLIC_URL = 'https://checkin.example.org';

export interface SmsExchange {
  status: number;
  /** The raw TwiML. */
  body: string;
  /** The texts the person receives, unescaped. */
  texts: string[];
  /** All texts joined by a newline, for matching. */
  all: string;
}

export interface SmsHarness {
  /** Sends a text as `from` (default: the harness phone); a fresh MessageSid unless `sid` is given. */
  send(body: string, options?: { from?: string; sid?: string }): Promise<SmsExchange>;
  store: DynamoCheckInStore;
  /** Every log line written so far. */
  lines: string[];
  userId(phone?: string): string;
  phone: string;
  close(): Promise<void>;
}

let nextSid = 0;

/**
 * The form and X-Twilio-Signature of one inbound text, as Twilio sends it, for a webhook at
 * `url` (a real server in end-to-end tests; `handleSmsWebhook` in the harness below).
 */
export function signedText(
  body: string,
  options: { from: string; url: string; token?: string; sid?: string },
): { params: Record<string, string>; signature: string } {
  const sid = options.sid ?? `SM${String(++nextSid).padStart(32, '0')}`;
  const params = {
    ToCountry: 'US',
    SmsMessageSid: sid,
    NumMedia: '0',
    SmsSid: sid,
    SmsStatus: 'received',
    Body: body,
    To: '+14155550199',
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: 'AC00000000000000000000000000000000',
    From: options.from,
    ApiVersion: '2010-04-01',
  };
  return { params, signature: getExpectedTwilioSignature(options.token ?? TOKEN, options.url, params) };
}

/** The texts inside a TwiML response, XML entities undone. */
export function textsOf(twiml: string): string[] {
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** What carriers allow: GSM-7 only, at most 320 septets a text, at most three texts. */
export function expectCarrierSafe(texts: readonly string[]): void {
  expect(texts.length).toBeLessThanOrEqual(MAX_MESSAGES);
  for (const text of texts) {
    expect(isGsm7(text), `not GSM-7: ${JSON.stringify(text)}`).toBe(true);
    expect(gsm7Length(text), `too long: ${JSON.stringify(text)}`).toBeLessThanOrEqual(MAX_MESSAGE_SEPTETS);
  }
}

export interface HarnessOptions {
  phone?: string;
  /** Shared dynalite; a fresh one when absent (and closed with the harness). */
  db?: TestDynamo;
  /** A document client to use instead of the shared one (a slowed one, say). */
  client?: DynamoDBDocumentClient;
  /** Whether the table takes transactions (DynamoDB Local does); found out when absent. */
  transactions?: boolean;
  deps?: Partial<SmsWebhookDeps>;
}

export async function startSmsHarness(options: HarnessOptions = {}): Promise<SmsHarness> {
  const ownDb = options.db === undefined;
  const db = options.db ?? (await startDynalite());
  const store = new DynamoCheckInStore({
    client: options.client ?? db.client,
    tableName: db.tableName,
    ...(options.transactions === undefined ? {} : { transactions: options.transactions }),
  });
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line));
  // A minute passes between texts, so journal entries keep their order.
  let minute = 0;
  const clock = () => new Date(Date.UTC(2026, 2, 12, 18, 0) + minute * 60_000);
  // The SMS Lambda's budget, so timing behaves as deployed (src/wiring/sms.ts).
  const runTurn = createTurnRunner({ store, logger, clock, budgetMs: DEFAULT_BUDGET_MS });
  const phone = options.phone ?? '+14155550123';
  const deps: SmsWebhookDeps = {
    authToken: TOKEN,
    publicUrl: PUBLIC_URL,
    pepper: PEPPER,
    runTurn,
    logger,
    ...options.deps,
  };
  return {
    store,
    lines,
    phone,
    userId: (p = phone) => userIdFor(PEPPER, 'sms', p),
    async send(body, { from = phone, sid = `SM${String(++nextSid).padStart(32, '0')}` } = {}) {
      minute += 1;
      const params = {
        ToCountry: 'US',
        SmsMessageSid: sid,
        NumMedia: '0',
        SmsSid: sid,
        SmsStatus: 'received',
        Body: body,
        To: '+14155550199',
        NumSegments: '1',
        MessageSid: sid,
        AccountSid: 'AC00000000000000000000000000000000',
        From: from,
        ApiVersion: '2010-04-01',
      };
      const signature = getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/sms`, params);
      const res = await handleSmsWebhook({ params, signature }, deps);
      const texts = textsOf(res.body);
      return { status: res.status, body: res.body, texts, all: texts.join('\n') };
    },
    close: async () => {
      if (ownDb) await db.close();
    },
  };
}
