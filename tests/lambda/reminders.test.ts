/**
 * lambda/reminders.ts as Lambda runs it, on dynalite: besides the scheduled tick, it answers
 * the Alexa function's request to text a linked phone (issue 13). It opens the sealed number
 * with KMS (the user id as context), sends through Twilio with the Messaging Service SID,
 * answers whether it went, and never texts a phone that opted out. KMS, Secrets Manager and
 * Twilio's API are remote services nothing here emulates, so those three are mocked at their
 * clients; the table, the store and the texts' words are real.
 */
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKmsContactVault } from '../../src/identity/contact-vault.ts';
import { createKmsClient } from '../../src/identity/kms-client.ts';
import type { PhoneTextRequest } from '../../src/service/phone-text-relay.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';
import { captureStdout, stubLambdaEnvOn } from './lambda-env.ts';

/** What was handed to Twilio's Messages API. */
const twilioCalls = vi.hoisted(() => ({ created: [] as Array<Record<string, string>> }));
vi.mock('twilio', () => ({
  default: () => ({
    messages: {
      create: async (message: Record<string, string>) => {
        twilioCalls.created.push(message);
        return { sid: `SM${twilioCalls.created.length}` };
      },
    },
  }),
}));

const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
const SENDER_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:twilio-sender-AbCdEf';
const TOKEN_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:twilio-token-AbCdEf';

type Handler = (event?: unknown) => Promise<unknown>;

const kms = mockClient(KMSClient);
const secrets = mockClient(SecretsManagerClient);
let db: TestDynamo;
let store: DynamoCheckInStore;
let stdout: string[];

/** A stand-in for KMS that is reversible and bound to the context, as KMS is. */
const sealedAs = (plain: Uint8Array, userId: string) => Buffer.concat([Buffer.from(`${userId}|`), plain]);

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
});
afterAll(() => db.close());

beforeEach(() => {
  stubLambdaEnvOn(db);
  vi.stubEnv('CONTACT_KMS_ARN', KEY_ARN);
  vi.stubEnv('TWILIO_SENDER_SECRET_ARN', SENDER_ARN);
  vi.stubEnv('TWILIO_AUTH_TOKEN_SECRET_ARN', TOKEN_ARN);
  kms.reset();
  kms
    .on(EncryptCommand)
    .callsFake((input: { Plaintext: Uint8Array; EncryptionContext: { userId: string } }) => ({
      CiphertextBlob: sealedAs(input.Plaintext, input.EncryptionContext.userId),
    }));
  kms
    .on(DecryptCommand)
    .callsFake((input: { CiphertextBlob: Uint8Array; EncryptionContext: { userId: string } }) => {
      const blob = Buffer.from(input.CiphertextBlob);
      const prefix = `${input.EncryptionContext.userId}|`;
      if (!blob.subarray(0, prefix.length).equals(Buffer.from(prefix)))
        throw new Error('InvalidCiphertextException');
      return { Plaintext: blob.subarray(prefix.length) };
    });
  secrets.reset();
  secrets
    .on(GetSecretValueCommand, { SecretId: SENDER_ARN })
    .resolves({ SecretString: JSON.stringify({ accountSid: 'AC123', messagingServiceSid: 'MG456' }) });
  secrets.on(GetSecretValueCommand, { SecretId: TOKEN_ARN }).resolves({ SecretString: 'auth-token' });
  twilioCalls.created.length = 0;
  stdout = captureStdout();
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function loadHandler(): Promise<Handler> {
  vi.resetModules();
  return ((await import('../../lambda/reminders.ts')) as { handler: Handler }).handler;
}

/** A phone that asked to be texted: its number sealed with the (mocked) KMS key, as the webhook seals it. */
async function phoneThatAsked(userId: string, phone: string, optedOut = false): Promise<void> {
  const vault = createKmsContactVault(createKmsClient({ region: 'us-east-1' }), KEY_ARN);
  const now = new Date().toISOString();
  await store.commitTurn(userId, 'sms', {
    state: { v: 1, step: 'closed', values: {} },
    expectedVersion: null,
    writes: [
      { type: 'storeContact', sealed: await vault.seal(userId, phone) },
      ...(optedOut ? [{ type: 'setOptOut' as const, optedOut: true }] : []),
    ],
    now,
  });
}

const crisisRequest = (personId: string): PhoneTextRequest => ({
  kind: 'phone-text',
  personId,
  now: new Date().toISOString(),
  what: 'crisis',
  region: 'US',
});

describe('lambda/reminders texting a linked phone for the Alexa function', () => {
  it('opens the number, texts the crisis numbers through the Messaging Service, and says it went', async () => {
    // Prepare
    const handler = await loadHandler();
    await phoneThatAsked('person-lambda-1', '+12125550191');

    // Act
    const answer = await handler(crisisRequest('person-lambda-1'));

    // Assess
    expect(answer).toEqual({ sent: true });
    expect(twilioCalls.created.length).toBeGreaterThan(0);
    expect(
      twilioCalls.created.every((m) => m.to === '+12125550191' && m.messagingServiceSid === 'MG456'),
    ).toBe(true);
    const texted = twilioCalls.created.map((m) => m.body).join('\n');
    expect(texted).toContain('my check in: the numbers from Alexa just now');
    expect(texted).toContain('988');
    expect(stdout.join('')).toContain('"event":"crisis-text-sent"');
    expect(stdout.join('')).not.toContain('5550191');
    expect(stdout.join('')).not.toContain('person-lambda-1');
  });

  it('texts "text me my summary" as the Alexa function wrote it', async () => {
    const handler = await loadHandler();
    await phoneThatAsked('person-lambda-2', '+12125550192');

    const answer = await handler({
      kind: 'phone-text',
      personId: 'person-lambda-2',
      now: new Date().toISOString(),
      what: 'reply',
      reply: {
        beats: [{ text: 'my check in: your summary, as asked on Alexa.' }],
        expectsAnswer: false,
        end: true,
      },
    });

    expect(answer).toEqual({ sent: true });
    expect(twilioCalls.created.map((m) => m.body)).toEqual(['my check in: your summary, as asked on Alexa.']);
  });

  it('never texts a phone that opted out, nor a person with no number kept', async () => {
    const handler = await loadHandler();
    await phoneThatAsked('person-lambda-3', '+12125550193', true);

    expect(await handler(crisisRequest('person-lambda-3'))).toEqual({ sent: false });
    expect(await handler(crisisRequest('person-lambda-nobody'))).toEqual({ sent: false });
    expect(twilioCalls.created).toEqual([]);
    expect(kms.commandCalls(DecryptCommand)).toHaveLength(0);
  });

  it('takes anything not shaped as the Alexa function sends it for the scheduled tick, texting nobody new', async () => {
    const handler = await loadHandler();
    await phoneThatAsked('person-lambda-4', '+12125550194');

    // A number where a person should be, a region it does not know, a schedule's empty event.
    const answers = await Promise.all([
      handler({
        kind: 'phone-text',
        to: '+12125550194',
        now: new Date().toISOString(),
        what: 'crisis',
        region: 'US',
      }),
      handler({ ...crisisRequest('person-lambda-4'), region: 'MARS' }),
      handler({}),
    ]);

    for (const answer of answers) expect(answer).toMatchObject({ sent: 0 });
    expect(twilioCalls.created).toEqual([]);
  });
});
