/**
 * Issue 14, done when: on a real `npm start` (fresh DATA_DIR, zero configuration), a person
 * writes a safety plan by text, meets it after a crisis reply (the crisis reply first and
 * unchanged), says YES to "Can I text you tomorrow just to check in?", and the caring text
 * arrives in the local outbox the next day, once, at a reasonable hour on the development
 * clock; someone who says NO gets nothing. Signed Twilio requests over HTTP; the raw profile
 * read from the embedded dynalite.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsTexts } from '../../src/channels/sms/render-twiml.ts';
import { caring } from '../../src/core/content/safety-plan.ts';
import { crisisReply } from '../../src/core/crisis/crisis-reply.ts';
import { userIdFor } from '../../src/identity/user-id.ts';
import { ENDPOINT_FILE } from '../../src/local/local-store.ts';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { expectCarrierSafe, PEPPER, signedText, TOKEN, textsOf } from '../channels/sms/sms-harness.ts';
import { type Finished, finished, freePort, spawnScript, waitForLine } from '../helpers/processes.ts';

const PHONE = '+14155550123';
const OTHER = '+14155550177';

let dataDir: string;
let base: string;
let server: ReturnType<typeof spawnScript>;
let exit: Promise<Finished>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'check-in-plan-'));
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

describe('the safety plan and the caring text, end to end on npm start', () => {
  it('a plan written by text meets a crisis reply; after YES the caring text is in the outbox the next day, once', async () => {
    // Arrange: a plan, written with a skip
    for (const body of ['PLAN', 'racing thoughts', 'a long shower', 'skip', 'my sister Ana', 'later'])
      await text(body);
    const unchanged = smsTexts(crisisReply({ region: 'US', modality: 'text', negated: false }));

    // Act: the crisis reply, its plan, the calm close and YES; then a day and a half on the
    // development clock (tomorrow 10 to 11 their time is at most 35 hours away)
    const crisis = await text('i want to die');
    const plan = (await text('yes')).join('\n');
    await text("i'm ok");
    const asked = (await text('no')).join('\n');
    const yes = (await text('YES')).join('\n');
    const stored = await rawProfile(PHONE);
    const moved = await moveClock('hours=36');
    const sent = await outbox();
    await moveClock('days=3');
    const later = await outbox();

    // Assess
    expect(crisis[0]).toBe(unchanged[0]);
    expect(crisis.at(-1)).toBe('You made a plan. Want to see it? Reply YES.');
    expect(plan).toContain('2) Things I can do on my own: a long shower');
    expect(asked).toMatch(/Can I text you tomorrow just to check in\? Reply YES or NO$/);
    expect(yes).toBe("Okay. I'll text you once tomorrow. Take care until then.");
    expect(String(stored?.contact)).toMatch(/^v1\.local\./);
    expect(moved.sent).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('***23');
    expect(sent[0]?.text).toBe(caring.text);
    const hour = Number(
      new Date(sent[0]?.time ?? '').toLocaleTimeString('en-US', {
        timeZone: 'America/Los_Angeles',
        hour: 'numeric',
        hour12: false,
      }),
    );
    expect(hour).toBeGreaterThanOrEqual(10);
    expect(hour).toBeLessThanOrEqual(11);
    // Never a second one, and the number kept for it is gone.
    expect(later).toHaveLength(1);
    expect(await rawProfile(PHONE)).not.toHaveProperty('contact');
  }, 90_000);

  it('after NO nothing is ever texted', async () => {
    // Act
    await text('hi', OTHER);
    await text('i want to die', OTHER);
    await text("i'm ok", OTHER);
    await text('no', OTHER);
    const no = (await text('NO', OTHER)).join('\n');
    const before = (await outbox()).length;
    await moveClock('days=2');
    const after = (await outbox()).length;

    // Assess
    expect(no).toBe("That's okay, I won't.");
    expect(after).toBe(before);
    expect(await rawProfile(OTHER)).not.toHaveProperty('contact');
  }, 60_000);
});
