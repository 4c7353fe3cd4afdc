/**
 * Issue 13, done when: with `npm start`, a person links an emulated Echo and a phone, names a
 * feeling on one and picks a goal on the other, and "what should I tell my therapist" on
 * either gives both; DELETE on either erases both, verified in the raw table.
 *
 * A real `npm start` process on a fresh DATA_DIR: signed Twilio requests to POST /sms,
 * virtual-alexa (our interaction model) to POST /alexa with the local signature check off, as
 * for any local emulator, and the raw items read from its dynalite with the AWS SDK.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userIdFor } from '../../src/identity/user-id.ts';
import { ENDPOINT_FILE } from '../../src/local/local-store.ts';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { createEmulator } from '../channels/alexa/virtual-alexa.ts';
import { expectCarrierSafe, PEPPER, signedText, TOKEN, textsOf } from '../channels/sms/sms-harness.ts';
import { type Finished, finished, freePort, spawnScript, waitForLine } from '../helpers/processes.ts';

let dataDir: string;
let base: string;
let server: ReturnType<typeof spawnScript>;
let exit: Promise<Finished>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'check-in-link-'));
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = spawnScript('src/local/main.ts', {
    DATA_DIR: dataDir,
    PORT: String(port),
    TWILIO_AUTH_TOKEN: TOKEN,
    ID_PEPPER: PEPPER,
    ALEXA_VERIFY_SIGNATURE: 'false',
  });
  exit = finished(server);
  await waitForLine(server, /running at http:\/\/localhost:\d+/);
}, 60_000);

afterAll(async () => {
  server.kill('SIGTERM');
  await exit;
  await rm(dataDir, { recursive: true, force: true });
});

async function text(from: string, body: string): Promise<string> {
  const { params, signature } = signedText(body, { from, url: `${base}/sms` });
  const res = await fetch(`${base}/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  const texts = textsOf(await res.text());
  expectCarrierSafe(texts);
  return texts.join('\n');
}

/** Every item under these user ids, straight from the server's embedded database. */
async function rawItems(userIds: readonly string[]): Promise<Record<string, unknown>[]> {
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
    const out = await client.send(new ScanCommand({ TableName: 'my-check-in', ConsistentRead: true }));
    const pks = new Set(userIds.map((id) => `USER#${id}`));
    return (out.Items ?? []).filter((item) => pks.has(String(item.pk)));
  } finally {
    client.destroy();
  }
}

const codeIn = (words: string): string => {
  const spoken = /code: ((?:\d, ){5}\d)/.exec(words)?.[1];
  const texted = /code is (\d{6})/.exec(words)?.[1];
  const code = spoken?.replace(/\D/g, '') ?? texted;
  if (!code) throw new Error(`no code in: ${words}`);
  return code;
};

describe('one person on an Echo and a phone, on npm start', () => {
  it('links by a spoken code, keeps one journal that either side summarises, and DELETE by text erases both', async () => {
    const phone = '+14155550142';
    const echo = createEmulator({ url: `${base}/alexa` });
    await text(phone, 'hi');
    await echo.say('open my check in');
    const code = codeIn((await echo.say('link my phone')).speech);
    expect(await text(phone, `LINK ${code}`)).toContain('Linked. Alexa and this phone now keep one journal.');

    // A feeling by text, a goal by voice.
    expect(await text(phone, 'heavy')).toMatch(/Heavy/);
    await echo.say('ask my check in for a micro goal');
    const picked = await echo.say('the first one');
    const goal = /Your goal: ([^.]+)\./.exec(picked.speech)?.[1] ?? '';
    expect(goal).not.toBe('');

    const written = await text(phone, 'SUMMARY');
    const spoken = (await echo.say('ask my check in what should I tell my therapist')).speech;
    for (const summary of [written, spoken]) {
      expect(summary).toMatch(/heavy/i);
      expect(summary).toContain(goal);
    }

    const people = [userIdFor(PEPPER, 'sms', phone), userIdFor(PEPPER, 'alexa', echo.alexaUserId())];
    expect((await rawItems(people)).length).toBeGreaterThan(0);
    expect(await text(phone, 'DELETE')).toContain('Alexa and this phone are linked, so this erases both');
    expect(await text(phone, 'YES')).toContain('Everything of yours is erased');
    expect(await rawItems(people)).toEqual([]);
  });

  it('DELETE said to the Echo erases the phone side too', async () => {
    const phone = '+14155550143';
    await text(phone, 'hi');
    const reply = await text(phone, 'LINK');
    const echo = createEmulator({ url: `${base}/alexa` });
    await echo.say('open my check in');
    expect((await echo.say(`my code is ${codeIn(reply)}`)).speech).toContain('Linked.');
    await echo.say('anxious');
    const people = [userIdFor(PEPPER, 'sms', phone), userIdFor(PEPPER, 'alexa', echo.alexaUserId())];
    await echo.say('open my check in');
    expect((await echo.say('delete my data')).speech).toContain('this erases both');
    expect((await echo.say('yes')).speech).toContain('Everything of yours is erased');
    expect(await rawItems(people)).toEqual([]);
  });
});
