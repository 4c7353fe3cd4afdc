import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { userIdFor } from '../../src/identity/user-id.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';
import { captureStdout, stubLambdaEnvOn } from './lambda-env.ts';

const TOKEN = 'lambda-test-auth-token-0123456789';
const PEPPER = 'lambda-test-pepper';
const TOKEN_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:twilio-token-AbCdEf';
const PEPPER_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:id-pepper-AbCdEf';
const PUBLIC_URL = 'https://abc123.execute-api.us-east-1.amazonaws.com';
const PHONE = '+14155550177';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

// Secrets Manager is the one remote service no emulator here provides; DynamoDB is dynalite.
const secrets = mockClient(SecretsManagerClient);
let db: TestDynamo;
let store: DynamoCheckInStore;
/** What the handler's logger wrote to stdout (CloudWatch on Lambda). */
let stdout: string[];

/** An HTTP API payload v2 event as API Gateway delivers Twilio's form post: base64 body. */
function twilioEvent(params: Record<string, string>, signature: string | undefined): APIGatewayProxyEventV2 {
  const body = new URLSearchParams(params).toString();
  return {
    version: '2.0',
    routeKey: 'POST /sms',
    rawPath: '/sms',
    rawQueryString: '',
    headers: {
      accept: '*/*',
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(body.length),
      host: 'abc123.execute-api.us-east-1.amazonaws.com',
      'i-twilio-idempotency-token': 'd3c5a1b0-0000-4000-8000-000000000000',
      'user-agent': 'TwilioProxy/1.1',
      'x-amzn-trace-id': 'Root=1-00000000-000000000000000000000000',
      'x-forwarded-for': '54.172.60.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: {
        method: 'POST',
        path: '/sms',
        protocol: 'HTTP/1.1',
        sourceIp: '54.172.60.1',
        userAgent: 'TwilioProxy/1.1',
      },
      requestId: 'Ab1Cd2Ef3Gh=',
      routeKey: 'POST /sms',
      stage: '$default',
      time: '12/Mar/2026:19:03:58 +0000',
      timeEpoch: 1773342238000,
    },
    body: Buffer.from(body, 'utf8').toString('base64'),
    isBase64Encoded: true,
  };
}

function twilioParams(body: string, sid: string): Record<string, string> {
  return {
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
    From: PHONE,
    ApiVersion: '2010-04-01',
  };
}

async function loadHandler(): Promise<Handler> {
  vi.resetModules();
  return ((await import('../../lambda/sms.ts')) as { handler: Handler }).handler;
}

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
});

afterAll(async () => {
  await db.close();
});

beforeEach(() => {
  stubLambdaEnvOn(db);
  vi.stubEnv('PUBLIC_URL', PUBLIC_URL);
  vi.stubEnv('TWILIO_AUTH_TOKEN_SECRET_ARN', TOKEN_ARN);
  vi.stubEnv('ID_PEPPER_SECRET_ARN', PEPPER_ARN);
  vi.stubEnv(
    'CONTACT_KMS_ARN',
    'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000',
  );
  stdout = captureStdout();
  secrets.reset();
  secrets.on(GetSecretValueCommand, { SecretId: TOKEN_ARN }).resolves({ SecretString: TOKEN });
  secrets.on(GetSecretValueCommand, { SecretId: PEPPER_ARN }).resolves({ SecretString: PEPPER });
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('lambda/sms handler', () => {
  it('answers a signed API Gateway v2 event with TwiML and keeps the first-contact consent', async () => {
    // Prepare
    const handler = await loadHandler();
    const params = twilioParams('hi', 'SMlambda0001');
    const signature = getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/sms`, params);

    // Act
    const result = await handler(twilioEvent(params, signature));

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toBe('text/xml');
    expect(result.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>/);
    expect(result.body).toContain('988');
    const profile = (await store.exportUser(userIdFor(PEPPER, 'sms', PHONE))).profile;
    expect(profile?.consentAt).toEqual(expect.any(String));
    expect(stdout.join('')).toContain('"event":"sms-webhook"');
    expect(stdout.join('')).not.toContain('5550177');
  });

  it('answers a redelivered event with the same TwiML', async () => {
    const handler = await loadHandler();
    const params = twilioParams('heavy', 'SMlambda0004');
    const event = twilioEvent(params, getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/sms`, params));

    const first = await handler(event);
    const again = await handler(event);

    expect(again).toEqual(first);
  });

  it('refuses a forged signature with 403', async () => {
    const handler = await loadHandler();
    const params = twilioParams('DELETE', 'SMlambda0002');

    const result = await handler(
      twilioEvent(params, getExpectedTwilioSignature('guess', `${PUBLIC_URL}/sms`, params)),
    );

    expect(result.statusCode).toBe(403);
  });

  it('processes nothing when the Twilio token cannot be read (fail closed), yet answers with 988', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand, { SecretId: TOKEN_ARN }).rejects(new Error('AccessDeniedException'));
    const handler = await loadHandler();
    const params = twilioParams('hi', 'SMlambda0003');
    const phoneUser = userIdFor(PEPPER, 'sms', '+14155550100');

    // Act
    const result = await handler(
      twilioEvent(
        { ...params, From: '+14155550100' },
        getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/sms`, { ...params, From: '+14155550100' }),
      ),
    );

    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.body).toMatch(/<Message>Sorry, something went wrong on my side\..*988.*<\/Message>/);
    expect(await store.countItems(phoneUser)).toBe(0);
    expect(stdout.map((line) => JSON.parse(line).event)).toContain('secret-unavailable');
  });

  it('stops at start-up, naming the setting, when configuration is missing', async () => {
    vi.stubEnv('PUBLIC_URL', '');

    await expect(loadHandler()).rejects.toThrow(/PUBLIC_URL/);
  });
});
