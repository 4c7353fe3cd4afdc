/**
 * The bundled SMS handler as Lambda runs it, in a fresh Node process, against AWS endpoints
 * that accept the connection and then never answer (`AWS_ENDPOINT_URL_*`, which the SDK
 * reads). Whatever hangs, Twilio gets TwiML that carries 988 before the Lambda's 10 s end:
 * the deadline is the channel's contract, so this test holds the child to 9.5 s.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundle, buildLambdaBundles } from '../../scripts/bundle.ts';
import { PLACEHOLDER_LAMBDA_ENV, PUBLIC_URL } from '../../src/config/lambda-env.ts';

const TOKEN = 'hung-test-auth-token-0123456789ab';
/** The Lambda's timeout is 10 s; the answer must come before it. */
const LAMBDA_TIMEOUT_MS = 9_500;

let outDir: string;
let sms: BuiltBundle;
const servers: Server[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'check-in-hung-'));
  const built = await buildLambdaBundles(outDir);
  sms = built.find((b) => b.name === 'sms') as BuiltBundle;
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(outDir, { recursive: true, force: true });
});

/** An endpoint that takes requests and never answers them. */
async function hungEndpoint(): Promise<string> {
  const server = createServer(() => {});
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Secrets Manager answering GetSecretValue at once with a value (JSON protocol). */
async function workingSecrets(value: string): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ ARN: 'arn:placeholder', Name: 'placeholder', SecretString: value }));
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Runs one signed Twilio event through the bundle in a fresh process; its result, or null if it ran out of time. */
async function runBundled(body: string, endpoints: { secrets: string; dynamodb: string }) {
  const params = {
    MessageSid: 'SMhung00000000000000000000000000',
    AccountSid: 'AC00000000000000000000000000000000',
    From: '+14155550142',
    To: '+14155550199',
    Body: body,
  };
  const url = `${PLACEHOLDER_LAMBDA_ENV[PUBLIC_URL]}/sms`;
  const event = {
    version: '2.0',
    routeKey: 'POST /sms',
    rawPath: '/sms',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': getExpectedTwilioSignature(TOKEN, url, params),
    },
    body: Buffer.from(new URLSearchParams(params).toString()).toString('base64'),
    isBase64Encoded: true,
  };
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(sms.file).href)});
    const result = await handler(${JSON.stringify(event)});
    process.stdout.write('\\nRESULT ' + JSON.stringify(result) + '\\n');
    process.exit(0);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: outDir,
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secrets,
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      NODE_NO_WARNINGS: '1',
      ...PLACEHOLDER_LAMBDA_ENV,
    },
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), LAMBDA_TIMEOUT_MS);
  await once(child, 'exit');
  clearTimeout(timer);
  // The handler's own log lines share stdout: the result is the line marked for it.
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  return line ? (JSON.parse(line.slice('RESULT '.length)) as { statusCode: number; body: string }) : null;
}

describe('the bundled SMS handler when AWS hangs', () => {
  it('answers with the kind reply and 988 when Secrets Manager and DynamoDB both hang', async () => {
    const hung = await hungEndpoint();

    const result = await runBundled('hi', { secrets: hung, dynamodb: hung });

    expect(result?.statusCode).toBe(200);
    expect(result?.body).toMatch(/<Message>[^<]*988[^<]*<\/Message>/);
  });

  it('answers a crisis text with the full crisis reply when only DynamoDB hangs', async () => {
    const [secrets, dynamodb] = await Promise.all([workingSecrets(TOKEN), hungEndpoint()]);

    const result = await runBundled('i want to kill myself tonight', { secrets, dynamodb });

    expect(result?.statusCode).toBe(200);
    expect(result?.body).toContain('988');
    expect(result?.body).toContain('741741');
  });

  it('answers an everyday text honestly, saying nothing was saved, when only DynamoDB hangs', async () => {
    const [secrets, dynamodb] = await Promise.all([workingSecrets(TOKEN), hungEndpoint()]);

    const result = await runBundled('hi', { secrets, dynamodb });

    expect(result?.statusCode).toBe(200);
    expect(result?.body).toMatch(/<Message>/);
    expect(result?.body).toMatch(/couldn(&apos;|')t save/);
  });
});
