import { createServer, type Server, type Socket } from 'node:net';
import { InvokeCommand, type InvokeCommandOutput, LambdaClient } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { userIdFor } from '../../src/identity/user-id.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import {
  ALEXA_USER_ID,
  intentRequest,
  launchRequest,
  SKILL_ID,
  skillDisabledEvent,
} from '../channels/alexa/envelopes.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';
import { captureStdout, stubLambdaEnvOn } from './lambda-env.ts';

const PEPPER = 'lambda-alexa-test-pepper';
const PEPPER_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:id-pepper-AbCdEf';

type Handler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

// Secrets Manager is the one remote service no emulator here provides; DynamoDB is dynalite.
const secrets = mockClient(SecretsManagerClient);
// Nor does any emulate Lambda's invoke, by which this function asks the sender to text a phone.
const lambda = mockClient(LambdaClient);
const SENDER_FUNCTION = 'my-check-in-reminders';
/** A JSON answer as Lambda's invoke returns it (bytes). */
const payload = (json: string) => new TextEncoder().encode(json) as InvokeCommandOutput['Payload'];
let db: TestDynamo;
let store: DynamoCheckInStore;
/** What the handler's logger wrote to stdout (CloudWatch on Lambda). */
let stdout: string[];

async function loadHandler(): Promise<Handler> {
  vi.resetModules();
  return ((await import('../../lambda/alexa.ts')) as { handler: Handler }).handler;
}

const speech = (envelope: ResponseEnvelope): string =>
  envelope.response.outputSpeech?.type === 'SSML' ? envelope.response.outputSpeech.ssml : '';

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
});

afterAll(async () => {
  await db.close();
});

beforeEach(() => {
  stubLambdaEnvOn(db);
  vi.stubEnv('ALEXA_SKILL_ID', SKILL_ID);
  vi.stubEnv('ID_PEPPER_SECRET_ARN', PEPPER_ARN);
  vi.stubEnv('PHONE_TEXT_FUNCTION_NAME', SENDER_FUNCTION);
  vi.stubEnv('PUBLIC_URL', 'https://check-in.example.test');
  lambda.reset();
  stdout = captureStdout();
  secrets.reset();
  secrets.on(GetSecretValueCommand, { SecretId: PEPPER_ARN }).resolves({ SecretString: PEPPER });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('lambda/alexa handler', () => {
  it('answers a launch, keeps the person under their HMAC id, and logs no Alexa id', async () => {
    // Prepare
    const handler = await loadHandler();
    const userId = `${ALEXA_USER_ID}-lambda-1`;

    // Act
    const launched = await handler(launchRequest({ userId }));
    const named = await handler(
      intentRequest(
        'FeelingIntent',
        { feeling: { value: 'heavy', type: 'FEELING', resolved: { id: 'heavy', name: 'heavy' } } },
        { userId },
      ),
    );

    // Assess
    expect(speech(launched)).toMatch(/what&apos;s here right now/i);
    expect(launched.response.shouldEndSession).toBe(false);
    expect(speech(named)).toMatch(/^<speak>Heavy\./);
    const { entries } = await store.exportUser(userIdFor(PEPPER, 'alexa', userId));
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'feeling', word: 'heavy' }));
    expect(stdout.join('')).toContain('"event":"turn"');
    expect(stdout.join('')).not.toContain('amzn1.ask.account');
  });

  it('erases everything of an account that disables the skill, its recognised voices too', async () => {
    // Prepare
    const handler = await loadHandler();
    const userId = `${ALEXA_USER_ID}-lambda-disabled`;
    const personId = 'amzn1.ask.person.LAMBDADISABLEDEXAMPLE';
    await handler(launchRequest({ userId }));
    await handler(launchRequest({ userId, personId }));
    const key = userIdFor(PEPPER, 'alexa', userId);
    const voice = userIdFor(PEPPER, 'alexa', personId);
    expect(await store.linkedPeople(key)).toEqual([voice]);
    expect(await store.countItems(voice)).toBeGreaterThan(0);

    // Act
    const out = await handler(skillDisabledEvent({ userId }));

    // Assess
    expect(out.response.outputSpeech).toBeUndefined();
    expect(await store.countItems(key)).toBe(0);
    expect(await store.countItems(voice)).toBe(0);
    expect(stdout.join('')).toContain('"event":"alexa-skill-disabled-erased"');
    expect(stdout.join('')).not.toMatch(/amzn1\.ask\.(account|person)/);
  });

  it('texts a linked phone the crisis numbers through the sender function, and says so only when it went', async () => {
    // Prepare: phones that asked to be texted (a sealed number), each linked to an Echo by a code.
    const handler = await loadHandler();
    const phoneUsers: string[] = [];
    const say = async (userId: string, phone: string) => {
      const now = new Date().toISOString();
      const phoneUser = userIdFor(PEPPER, 'sms', phone);
      phoneUsers.push(phoneUser);
      await store.commitTurn(phoneUser, 'sms', {
        state: { v: 1, step: 'closed', values: {} },
        expectedVersion: null,
        writes: [{ type: 'storeContact', sealed: 'v1.kms.c2VhbGVk' }],
        now,
      });
      const code = phone.slice(-6);
      await store.createLinkCode(code, { userId: phoneUser, channel: 'sms' }, now);
      const key = userIdFor(PEPPER, 'alexa', userId);
      expect(await store.redeemLinkCode(code, { userId: key, channel: 'alexa' }, now)).toBe('linked');
      return speech(
        await handler(intentRequest('FreeSpeechWantIntent', { query: { value: 'to die' } }, { userId })),
      );
    };

    // Act: the sender says it texted; then it fails (its own error).
    lambda.on(InvokeCommand).resolvesOnce({ StatusCode: 200, Payload: payload('{"sent":true}') });
    const texted = await say(`${ALEXA_USER_ID}-lambda-link-1`, '+12125550171');
    lambda.on(InvokeCommand).resolvesOnce({
      StatusCode: 200,
      FunctionError: 'Unhandled',
      Payload: payload('{"errorType":"Error"}'),
    });
    const failed = await say(`${ALEXA_USER_ID}-lambda-link-2`, '+12125550172');

    // Assess: the crisis reply either way; the text claimed only when it went.
    expect(texted).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(texted).toContain('I&apos;ve also texted you the numbers.');
    expect(failed).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(failed).not.toContain('texted you');
    const calls = lambda.commandCalls(InvokeCommand);
    expect(calls).toHaveLength(2);
    const request = JSON.parse(new TextDecoder().decode(calls[0]?.args[0].input.Payload as Uint8Array));
    expect(calls[0]?.args[0].input).toMatchObject({
      FunctionName: SENDER_FUNCTION,
      InvocationType: 'RequestResponse',
    });
    // The person and what to send: never a number, never what was said.
    expect(request).toEqual({
      kind: 'phone-text',
      personId: phoneUsers[0],
      now: expect.any(String),
      what: 'crisis',
      region: 'US',
    });
    expect(stdout.join('')).toContain('"event":"phone-text-relay-failed"');
    for (const id of phoneUsers) expect(stdout.join('')).not.toContain(id);
  });

  it('refuses a request for another skill', async () => {
    // Prepare
    const handler = await loadHandler();

    // Act
    const attempt = handler(
      launchRequest({ skillId: 'amzn1.ask.skill.someone-else', userId: `${ALEXA_USER_ID}-x` }),
    );

    // Assess
    await expect(attempt).rejects.toThrow(/ID verification failed/i);
  });

  it('refuses to start without ALEXA_SKILL_ID, naming the setting (fail closed)', async () => {
    vi.stubEnv('ALEXA_SKILL_ID', '');

    await expect(loadHandler()).rejects.toThrow(/ALEXA_SKILL_ID/);
  });

  it('still answers, with the crisis line, when DynamoDB hangs', async () => {
    // Prepare: a fault dynalite cannot make, a table endpoint that accepts and never answers.
    const sockets: Socket[] = [];
    const blackhole: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const address = blackhole.address();
    vi.stubEnv(
      'AWS_ENDPOINT_URL_DYNAMODB',
      `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    );
    const handler = await loadHandler();

    // Act
    const crisis = await handler(
      intentRequest(
        'FreeSpeechWantIntent',
        { query: { value: 'to die' } },
        { userId: `${ALEXA_USER_ID}-lambda-2` },
      ),
    );

    // Assess
    expect(speech(crisis)).toContain('<say-as interpret-as="digits">988</say-as>');
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackhole.close(resolve));
  });

  it('apologises and keeps the crisis line when the pepper cannot be read', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand, { SecretId: PEPPER_ARN }).rejects(new Error('AccessDeniedException'));
    const handler = await loadHandler();

    // Act
    const out = await handler(launchRequest({ userId: `${ALEXA_USER_ID}-lambda-3` }));

    // Assess
    expect(speech(out)).toMatch(/Sorry, something went wrong on my side\./);
    expect(speech(out)).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(out.response.shouldEndSession).toBe(false);
  });
});
