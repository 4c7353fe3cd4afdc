/**
 * Composition root of the texts the service sends first, on AWS Lambda. Two callers:
 * - an EventBridge Scheduler schedule every 5 minutes (cdk/check-in-stack.ts): the reminder
 *   tick, src/service/reminder-tick.ts, the same one `npm start` runs in-process;
 * - the Alexa function, by a synchronous invoke, to text a linked phone the crisis numbers or
 *   "text me my summary" (src/service/phone-text-relay.ts): it never sees the number.
 * Wiring only.
 *
 * It alone may decrypt the sealed numbers (KMS, encryption context = user id), and it sends
 * through Twilio's Messages API with the official client and a Messaging Service SID, with
 * credentials from Secrets Manager, read at the first send (a tick with nobody due reads no
 * secret).
 */
import { createTwilioSender, type TextSender } from '../src/channels/sms/outbound.ts';
import { requireEnv } from '../src/config/env.ts';
import {
  CONTACT_KEY_ID,
  TABLE_NAME,
  TWILIO_AUTH_TOKEN_SECRET_ARN,
  TWILIO_SENDER_SECRET_ARN,
} from '../src/config/lambda-env.ts';
import { createSecretReader } from '../src/config/secrets.ts';
import { createKmsContactVault } from '../src/identity/contact-vault.ts';
import { createKmsClient } from '../src/identity/kms-client.ts';
import { createLogger } from '../src/observability/log.ts';
import { createCrisisTexter, createPhoneTexter } from '../src/service/crisis-text.ts';
import {
  answerPhoneText,
  asPhoneTextRequest,
  type PhoneTextAnswer,
} from '../src/service/phone-text-relay.ts';
import { runReminderTick, type TickResult } from '../src/service/reminder-tick.ts';
import { createDynamoDocumentClient } from '../src/store/dynamo-client.ts';
import { DynamoCheckInStore } from '../src/store/dynamo-store.ts';

const config = {
  region: requireEnv('AWS_REGION'),
  tableName: requireEnv(TABLE_NAME),
  contactKeyId: requireEnv(CONTACT_KEY_ID),
  senderSecretArn: requireEnv(TWILIO_SENDER_SECRET_ARN),
  authTokenSecretArn: requireEnv(TWILIO_AUTH_TOKEN_SECRET_ARN),
};

/** Texts per tick and their spacing: 200 at 10 a second fit the 5-minute tick with room. */
const MAX_SENDS = 200;
const MIN_INTERVAL_MS = 100;

const logger = createLogger();
const readSecret = createSecretReader();
const store = new DynamoCheckInStore({
  client: createDynamoDocumentClient({ region: config.region, requestTimeoutMs: 2000, maxAttempts: 3 }),
  tableName: config.tableName,
});
const vault = createKmsContactVault(createKmsClient({ region: config.region }), config.contactKeyId);

/** The Twilio sender, built from the secrets on first use in a container. */
let twilio: Promise<TextSender> | undefined;
async function buildSender(): Promise<TextSender> {
  const settings = JSON.parse(await readSecret(config.senderSecretArn)) as Record<string, unknown>;
  const accountSid = String(settings.accountSid ?? '');
  const messagingServiceSid = String(settings.messagingServiceSid ?? '');
  if (!accountSid.startsWith('AC') || !messagingServiceSid.startsWith('MG')) {
    throw Object.assign(new Error('the sender secret has no accountSid / messagingServiceSid'), {
      name: 'SenderNotConfiguredError',
    });
  }
  const apiKeySid = typeof settings.apiKeySid === 'string' ? settings.apiKeySid : undefined;
  const secret = apiKeySid
    ? String(settings.apiKeySecret ?? '')
    : await readSecret(config.authTokenSecretArn);
  return createTwilioSender({ accountSid, messagingServiceSid, secret, ...(apiKeySid ? { apiKeySid } : {}) });
}
const sender: TextSender = {
  async send(to, text) {
    twilio ??= buildSender().catch((error: unknown) => {
      twilio = undefined;
      throw error;
    });
    await (await twilio).send(to, text);
  },
};

const phoneSide = { store, vault, sender, logger };
const texters = { crisisTexter: createCrisisTexter(phoneSide), phoneTexter: createPhoneTexter(phoneSide) };

/** A phone-text request from the Alexa function, or else the scheduled tick. */
export async function handler(event?: unknown): Promise<TickResult | PhoneTextAnswer> {
  const request = asPhoneTextRequest(event);
  if (request) return answerPhoneText(request, texters);
  return runReminderTick({
    store,
    vault,
    sender,
    logger,
    maxSends: MAX_SENDS,
    minIntervalMs: MIN_INTERVAL_MS,
  });
}
