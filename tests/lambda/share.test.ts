/**
 * lambda/share.ts on dynalite with events as API Gateway (HTTP API, payload v2) delivers
 * them: a live link's page with its privacy headers, and the same 404 for a wrong token.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { shareTokenHash } from '../../src/share/links.ts';
import { LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
const TOKEN = 'TGFtYmRhU2hhcmVUb2tlbkZvclRlc3RzT25seTAxMjM';
const USER = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';

let db: TestDynamo;
let stdout: string[];

function getEvent(path: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'Mozilla/5.0' },
      requestId: 'Ab1Cd2Ef3Gh=',
      routeKey: '$default',
      stage: '$default',
      time: '01/Dec/2026:16:00:00 +0000',
      timeEpoch: 1796140800000,
    },
    isBase64Encoded: false,
  };
}

beforeAll(async () => {
  db = await startDynalite();
  const store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
  const now = new Date().toISOString();
  await store.appendEntry(USER, {
    id: 'e1',
    at: now,
    channel: 'sms',
    kind: 'feeling',
    word: 'heavy',
    family: 'low-unpleasant',
  });
  await store.createShareLink(
    USER,
    shareTokenHash(TOKEN),
    { kind: 'summary', since: new Date(Date.now() - 86_400_000).toISOString(), createdAt: now },
    now,
  );
});
afterAll(async () => {
  await db.close();
});
beforeEach(() => {
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', LOCAL_FAKE_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', LOCAL_FAKE_CREDENTIALS.secretAccessKey);
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', db.endpoint);
  vi.stubEnv('TABLE_NAME', db.tableName);
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function loadHandler(): Promise<Handler> {
  vi.resetModules();
  return ((await import('../../lambda/share.ts')) as { handler: Handler }).handler;
}

describe('the share Lambda', () => {
  it('serves a live link as a page with no-store and noindex, and a wrong one as a 404, logging no token', async () => {
    const handler = await loadHandler();
    const page = await handler(getEvent(`/share/${TOKEN}`));
    const wrong = await handler(getEvent(`/share/${TOKEN.replace(/.$/, 'x')}`));

    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('heavy');
    expect(page.headers).toMatchObject({
      'Cache-Control': 'no-store, max-age=0',
      'X-Robots-Tag': 'noindex, nofollow, noarchive',
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).not.toContain('heavy');
    expect(stdout.join('')).toMatch(/"event":"share-page","status":200/);
    expect(stdout.join('')).not.toContain(TOKEN.slice(0, 20));
  });
});
