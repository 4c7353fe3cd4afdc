/**
 * Issue 12, done when: on a fresh DATA_DIR with zero configuration, a person asks for a
 * reminder by text, sees it arrive in the local outbox at their time (the development clock
 * moved forward), answers it with one word and is in a check-in; STOP and DELETE end it, and
 * the number is gone from the raw item in the embedded database.
 *
 * A real `npm start` process, signed Twilio requests over HTTP, the raw item read from its
 * dynalite with the AWS SDK.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminders } from '../../src/core/content/reminders.ts';
import { userIdFor } from '../../src/identity/user-id.ts';
import { ENDPOINT_FILE } from '../../src/local/local-store.ts';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { expectCarrierSafe, PEPPER, signedText, TOKEN, textsOf } from '../channels/sms/sms-harness.ts';
import { type Finished, finished, freePort, spawnScript, waitForLine } from '../helpers/processes.ts';

const PHONE = '+14155550123';
const OTHER = '+13035550177';

let dataDir: string;
let base: string;
let server: ReturnType<typeof spawnScript>;
let exit: Promise<Finished>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'check-in-remind-'));
  const port = await freePort();
  base = `http://localhost:${port}`;
  // Only the token and pepper are set, so this test can sign and find the person; the
  // reminders themselves need no configuration.
  server = spawnScript('src/local/main.ts', {
    DATA_DIR: dataDir,
    PORT: String(port),
    TWILIO_AUTH_TOKEN: TOKEN,
    ID_PEPPER: PEPPER,
  });
  exit = finished(server);
  await waitForLine(server, /running at http:\/\/localhost:\d+/);
}, 60_000);

afterAll(async () => {
  server.kill('SIGTERM');
  await exit;
  await rm(dataDir, { recursive: true, force: true });
});

async function text(body: string, from = PHONE): Promise<string[]> {
  const { params, signature } = signedText(body, { from, url: `${base}/sms` });
  const res = await fetch(`${base}/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  const texts = textsOf(await res.text());
  expectCarrierSafe(texts);
  return texts;
}

async function moveClock(form: string): Promise<{ now: string; sent: number }> {
  const res = await fetch(`${base}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { now: string; sent: number };
}

async function outbox(): Promise<Array<{ to: string; time: string; text: string }>> {
  const res = await fetch(`${base}/outbox`);
  expect(res.status).toBe(200);
  return (await res.json()) as Array<{ to: string; time: string; text: string }>;
}

async function rawProfile(phone: string): Promise<Record<string, unknown> | undefined> {
  const { endpoint } = JSON.parse(await readFile(join(dataDir, ENDPOINT_FILE), 'utf8')) as {
    endpoint: string;
  };
  const client = createDynamoDocumentClient({
    endpoint,
    region: 'us-east-1',
    requestTimeoutMs: 2000,
    maxAttempts: 2,
    credentials: LOCAL_FAKE_CREDENTIALS,
  });
  try {
    const out = await client.send(
      new GetCommand({
        TableName: 'my-check-in',
        Key: { pk: `USER#${userIdFor(PEPPER, 'sms', phone)}`, sk: 'PROFILE' },
        ConsistentRead: true,
      }),
    );
    return out.Item;
  } finally {
    client.destroy();
  }
}

describe('a reminder by text, end to end on npm start', () => {
  it('is asked for in words, arrives in the outbox at their time, and its one-word answer starts a check-in; STOP ends it and erases the number', async () => {
    // Act: ask, then move the development clock a day and an hour on.
    const consent = (await text('remind me at 7pm')).join('\n');
    const stored = await rawProfile(PHONE);
    // The next 7pm (and its few minutes' wander) is at most a day and a quarter hour away.
    let moved = await moveClock('hours=24');
    if (moved.sent === 0) moved = await moveClock('hours=1');
    const [reminder] = await outbox();
    const answer = (await text('tired')).join('\n');
    const stop = await text('STOP');
    const afterStop = await rawProfile(PHONE);
    await moveClock('days=2');
    const sentAfterStop = (await outbox()).length;

    // Assess: the consent says what, when, where, how often, rates and the opt-out.
    expect(consent).toMatch(/automated, not a person, and not for emergencies: call or text 988/);
    expect(consent).toMatch(/each day around 7pm, Pacific time/);
    expect(consent).toMatch(/At most one a day\. Msg & data rates may apply\./);
    expect(consent).toMatch(/Reply HELP for help, STOP to opt out\./);
    // The number is kept sealed, never as digits.
    expect(String(stored?.contact)).toMatch(/^v1\.local\./);
    expect(JSON.stringify(stored)).not.toContain('5550123');
    expect(stored?.dueAt).toEqual(expect.any(String));
    // The text came, to that phone (masked), within its window on the development clock.
    expect(moved.sent).toBe(1);
    expect(reminder?.to).toBe('***23');
    // One of the rotating one-word check-ins (the seed is random outside tests of the core).
    expect(reminders.checkInLines.some((line) => reminder?.text.startsWith(`my check in: ${line}`))).toBe(
      true,
    );
    const local = new Date(reminder?.time ?? '').toLocaleTimeString('en-US', {
      timeZone: 'America/Los_Angeles',
      hour: 'numeric',
      hour12: false,
    });
    expect(local).toBe('19');
    // One word, and they are in a check-in: reflected back, a tool offered.
    expect(answer).toMatch(/^Tired\. /);
    expect(answer).toMatch(/Want to try something for a minute\?/);
    // STOP: nothing sent back, the schedule and the number gone, nothing texted after.
    expect(stop).toEqual([]);
    expect(afterStop?.optedOut).toBe(true);
    expect(afterStop).not.toHaveProperty('contact');
    expect(afterStop).not.toHaveProperty('reminder');
    expect(afterStop).not.toHaveProperty('dueAt');
    expect(sentAfterStop).toBe(1);
  }, 60_000);

  it('DELETE then YES erases the schedule and the number with everything else', async () => {
    // Act
    await text('text me weekdays at 6', OTHER);
    const before = await rawProfile(OTHER);
    await text('DELETE', OTHER);
    const erased = await text('YES', OTHER);
    const after = await rawProfile(OTHER);

    // Assess
    expect(before?.contact).toEqual(expect.any(String));
    expect(erased.join(' ')).toMatch(/Everything of yours is erased/);
    expect(after).toBeUndefined();
  }, 60_000);

  it('answers GET /outbox and POST /dev/clock on this machine only, and refuses a malformed clock move', async () => {
    const bad = await fetch(`${base}/dev/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'days=-1',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ status: 'malformed' });
  });
});
