import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { requestFromEvent, resultFromResponse } from '../../../src/channels/sms/api-gateway-event.ts';

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

describe('resultFromResponse', () => {
  it('carries status, content type and body', () => {
    expect(resultFromResponse({ status: 200, body: '<Response/>', contentType: 'text/xml' })).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<Response/>',
    });
  });
});
