import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFromEvent, resultFromResponse } from '../../../src/channels/sms/api-gateway-event.ts';
import { handleSmsWebhook } from '../../../src/channels/sms/sms-webhook.ts';
import { silentLogger } from '../../../src/observability/log.ts';
import { createTurnRunner } from '../../../src/service/turn-runner.ts';
import { DynamoCheckInStore } from '../../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';

function event(body: string, base64: boolean, headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /sms',
    rawPath: '/sms',
    rawQueryString: '',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
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
      requestId: 'req-1',
      routeKey: 'POST /sms',
      stage: '$default',
      time: '01/Jan/2026:12:00:00 +0000',
      timeEpoch: 1767268800000,
    },
    body: base64 ? Buffer.from(body, 'utf8').toString('base64') : body,
    isBase64Encoded: base64,
  };
}

const FORM = 'From=%2B14155550100&Body=I+feel+heavy+%26+tired&MessageSid=SM1';

describe('requestFromEvent', () => {
  it('decodes a base64 form body into parameters, + as space', () => {
    const req = requestFromEvent(event(FORM, true, { 'x-twilio-signature': 'sig=' }));

    expect(req.params).toEqual({ From: '+14155550100', Body: 'I feel heavy & tired', MessageSid: 'SM1' });
    expect(req.signature).toBe('sig=');
  });

  it('reads a plain form body the same way', () => {
    const req = requestFromEvent(event(FORM, false, {}));

    expect(req.params.Body).toBe('I feel heavy & tired');
    expect(req.signature).toBeUndefined();
  });

  it('finds the signature header in any letter case', () => {
    expect(requestFromEvent(event(FORM, false, { 'X-Twilio-Signature': 'abc' })).signature).toBe('abc');
  });

  it('keeps the words of a message in another alphabet intact', () => {
    const form = `Body=${encodeURIComponent('ça va 😊')}&From=%2B33612345678`;

    expect(requestFromEvent(event(form, true, {})).params.Body).toBe('ça va 😊');
  });
});

describe('form fields named like Object.prototype members', () => {
  const TOKEN = 'api-gateway-event-token-0123456789';
  const PUBLIC_URL = 'https://abc123.execute-api.us-east-1.amazonaws.com';
  let db: TestDynamo;
  beforeAll(async () => {
    db = await startDynalite();
  });
  afterAll(async () => {
    await db.close();
  });

  // Object.fromEntries defines `__proto__` as an ordinary field, as Twilio would send it.
  const params = Object.fromEntries([
    ['From', '+14155550188'],
    ['Body', 'hi'],
    ['MessageSid', 'SMprototype1'],
    ['constructor', 'a'],
    ['toString', 'b'],
    ['__proto__', 'c'],
  ]) as Record<string, string>;

  it('keeps each as the field it is', () => {
    const req = requestFromEvent(event(new URLSearchParams(params).toString(), true, {}));

    expect(Object.hasOwn(req.params, 'constructor')).toBe(true);
    expect(req.params.constructor).toBe('a');
    expect(req.params.toString).toBe('b');
    expect(Object.getOwnPropertyDescriptor(req.params, '__proto__')?.value).toBe('c');
  });

  it('lets a request Twilio signed with them through to a TwiML reply', async () => {
    // Prepare: the Lambda path without its composition root: event -> request -> webhook,
    // the real signature check and a real turn on dynalite.
    const store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
    const signature = getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/sms`, params);
    const apiEvent = event(new URLSearchParams(params).toString(), true, { 'x-twilio-signature': signature });

    // Act
    const response = await handleSmsWebhook(requestFromEvent(apiEvent), {
      authToken: TOKEN,
      publicUrl: PUBLIC_URL,
      pepper: 'api-gateway-event-pepper',
      runTurn: createTurnRunner({ store, logger: silentLogger, budgetMs: 10_000 }),
      logger: silentLogger,
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toContain('<Message>');
  });
});

describe('resultFromResponse', () => {
  it('carries status, content type and body', () => {
    expect(resultFromResponse({ status: 200, body: '<Response/>', contentType: 'text/xml' })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<Response/>',
    });
  });
});
