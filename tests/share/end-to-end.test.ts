/**
 * Issue 15, done when: after two weeks of entries on the development clock, a person texts
 * SHARE and opens a page a therapist would find useful. A real `npm start` on a fresh
 * DATA_DIR, signed Twilio requests over HTTP, the page fetched over HTTP, the raw table read
 * with the AWS SDK. Also: the evening-before text, EXPORT, UNSHARE, DELETE, and that no log
 * line carries a token or a word of what was texted.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPrep } from '../../src/core/content/session-prep.ts';
import { addDays, localTime } from '../../src/core/reminders/schedule.ts';
import { userIdFor } from '../../src/identity/user-id.ts';
import { ENDPOINT_FILE } from '../../src/local/local-store.ts';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import { expectCarrierSafe, PEPPER, signedText, TOKEN, textsOf } from '../channels/sms/sms-harness.ts';
import { type Finished, finished, freePort, spawnScript, waitForLine } from '../helpers/processes.ts';

const PHONE = '+14155550123';
const ZONE = 'America/Los_Angeles';

let dataDir: string;
let base: string;
let server: ReturnType<typeof spawnScript>;
let exit: Promise<Finished>;
let output = '';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'check-in-share-'));
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = spawnScript('src/local/main.ts', {
    DATA_DIR: dataDir,
    PORT: String(port),
    TWILIO_AUTH_TOKEN: TOKEN,
    ID_PEPPER: PEPPER,
  });
  exit = finished(server);
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  await waitForLine(server, /running at http:\/\/localhost:\d+/);
}, 60_000);

afterAll(async () => {
  server.kill('SIGTERM');
  await exit;
  await rm(dataDir, { recursive: true, force: true });
});

async function text(body: string): Promise<string> {
  const { params, signature } = signedText(body, { from: PHONE, url: `${base}/sms` });
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
  return (await (await fetch(`${base}/outbox`)).json()) as Array<{ to: string; time: string; text: string }>;
}

async function rawItems(): Promise<Array<Record<string, unknown>>> {
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
    return ((await client.send(new ScanCommand({ TableName: 'my-check-in' }))).Items ?? []) as Array<
      Record<string, unknown>
    >;
  } finally {
    client.destroy();
  }
}

const linkIn = (reply: string, path: string): string => {
  const match = new RegExp(`(http://localhost:\\d+${path}/([A-Za-z0-9_-]+))`).exec(reply);
  expect(match, reply).not.toBeNull();
  return match?.[1] ?? '';
};

/** What a reader sees of a page: its text, tags and style gone. */
const pageText = (html: string): string =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');

/** A fortnight of texts, one list a day: feelings, one full check-in, goals done and not yet. */
const FORTNIGHT: ReadonlyArray<readonly string[]> = [
  [
    'heavy',
    '1',
    'I would tell them to rest',
    '2',
    'an argument with my partner',
    'a walk round the block',
    '3',
    '1',
  ],
  ['anxious'],
  ['DONE'],
  ['tired'],
  ['calm'],
  ['GOAL', 'text my brother'],
  ['not yet'],
  ['lonely'],
  ['hopeful'],
  ['overwhelmed', '2', 'skip'],
  ['okay'],
  ['stressed'],
  ['grateful'],
];

let shareUrl = '';
let sessionEve: { text: string } | undefined;
let shareReply = '';

describe('session prep, end to end on npm start', () => {
  it('after two weeks of entries, SHARE gives a private link to a page a therapist can read', async () => {
    // Prepare: reminders, then the session they just had, then a fortnight of texts.
    await text('remind me at 7pm');
    expect(await text('I saw my therapist today')).toMatch(/^Got it: you saw your therapist today\./);
    for (const day of FORTNIGHT) {
      await moveClock('days=1');
      for (const message of day) await text(message);
    }
    // The next session the day after the next 7pm reminder, so that reminder is the evening before.
    let now = (await moveClock('hours=0')).now;
    const hour = Math.floor(localTime(now, ZONE).minute / 60);
    if (hour >= 17) now = (await moveClock('hours=6')).now;
    const sessionDay = addDays(localTime(now, ZONE).date, 1);
    const [, m, d] = sessionDay.split('-').map(Number);
    expect(await text(`my next session is ${m}/${d} at 4`)).toMatch(
      /^Got it: your next session is [A-Z][a-z]{2} [A-Z][a-z]{2} \d+ at 4pm\./,
    );
    const sentBefore = (await outbox()).length;
    await moveClock('hours=18');
    sessionEve = (await outbox()).slice(sentBefore).find((t) => t.text.includes('session'));

    // Act
    shareReply = await text('SHARE');
    shareUrl = linkIn(shareReply, '/share');
    const res = await fetch(shareUrl);
    const html = await res.text();

    // Assess: the link is long and random and the page says what a therapist needs.
    expect(shareReply).toMatch(/^Your page for your therapist, private and printable, for 24 hours: http/);
    expect(shareUrl).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\//i);
    expect(html).toMatch(/@media print/);
    const seen = pageText(html);
    expect(seen).toMatch(
      /^For my therapist\nWhat I noted since my session on [A-Z][a-z]{2} [A-Z][a-z]{2} \d+, in my own words\./,
    );
    expect(seen).toMatch(
      /How I felt, day by day\n[A-Z][a-z]{2} [A-Z][a-z]{2} \d+: heavy, after an argument with my partner; a walk round the block helped a lot\./,
    );
    for (const word of [
      'anxious',
      'tired',
      'calm',
      'lonely',
      'hopeful',
      'overwhelmed',
      'stressed',
      'grateful',
    ])
      expect(seen).toContain(word);
    expect(seen).toMatch(/Small goals\n.*Small goals done: .+\./s);
    expect(seen).toContain('Not yet: text my brother.');
    expect(seen).toMatch(/Tools I tried\n/);
    // Nothing that names the person: no phone number, no user id.
    const userId = userIdFor(PEPPER, 'sms', PHONE);
    for (const html_ of [html, seen]) {
      expect(html_).not.toContain('5550123');
      expect(html_).not.toContain(userId);
      expect(html_).not.toContain(userId.slice(0, 12));
    }
    // The evening before the session, one text.
    expect(sessionEve?.text).toBe(sessionPrep.eveningBefore);
  }, 180_000);

  it('a wrong token and a token of the other kind are the same 404, revealing nothing', async () => {
    const token = shareUrl.split('/').at(-1) ?? '';
    const wrong = await fetch(`${base}/share/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    const malformed = await fetch(`${base}/share/short`);
    const otherKind = await fetch(`${base}/export/${token}`);
    const bodies = [await wrong.text(), await malformed.text(), await otherKind.text()];
    for (const res of [wrong, malformed, otherKind]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control')).toMatch(/no-store/);
    }
    expect(new Set(bodies).size).toBe(1);
    expect(pageText(bodies[0] ?? '')).toBe(`${sessionPrep.page.notFound}\n${sessionPrep.page.notFoundLead}`);
    // The same link again works: it is valid for 24 hours, not consumed by opening.
    expect((await fetch(shareUrl)).status).toBe(200);
  });

  it('EXPORT links to the whole journal as CSV and JSON, without the number or the id', async () => {
    const reply = await text('EXPORT');
    const url = linkIn(reply, '/export');
    const page = await fetch(url);
    const csv = await fetch(`${url}/journal.csv`);
    const json = await fetch(`${url}/journal.json`);
    const csvText = await csv.text();
    const jsonText = await json.text();

    expect(page.status).toBe(200);
    expect(pageText(await page.text())).toContain(sessionPrep.page.exportCsv);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="my-check-in-journal.csv"/);
    expect(csvText.split('\r\n')[0]).toMatch(/^at,kind,channel,feeling/);
    expect(csvText).toMatch(/,feeling,sms,grateful,/);
    const exported = JSON.parse(jsonText) as { entries: Array<{ kind: string }> };
    expect(exported.entries.filter((e) => e.kind === 'feeling').length).toBeGreaterThanOrEqual(10);
    const userId = userIdFor(PEPPER, 'sms', PHONE);
    for (const body of [csvText, jsonText]) {
      expect(body).not.toContain('5550123');
      expect(body).not.toContain(userId);
    }
    expect(jsonText).not.toMatch(/contact|linkedIds|v1\.local/);
  });

  it('UNSHARE turns the links off, and DELETE erases every share item', async () => {
    expect(await text('UNSHARE')).toBe(sessionPrep.links.unshared);
    expect((await fetch(shareUrl)).status).toBe(404);
    const again = linkIn(await text('SHARE'), '/share');
    expect((await fetch(again)).status).toBe(200);

    await text('DELETE');
    expect(await text('YES')).toMatch(/Everything of yours is erased/);

    expect((await fetch(again)).status).toBe(404);
    const left = await rawItems();
    expect(left.filter((item) => String(item.pk).startsWith('SHARE#'))).toEqual([]);
    expect(left.filter((item) => String(item.pk).includes(userIdFor(PEPPER, 'sms', PHONE)))).toEqual([]);
  });

  it('logs no token, no link and no word of what was texted', () => {
    // Every line the server printed, but the local outbox's: it stands in for the phone, and
    // shows the texts the service sent as the person would receive them.
    const logged = output
      .split('\n')
      .filter((line) => !line.startsWith('outbox: '))
      .join('\n');
    const token = shareUrl.split('/').at(-1) ?? '';
    expect(token).toHaveLength(43);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain('/share/');
    for (const words of ['argument with my partner', 'text my brother', 'I saw my therapist', 'grateful'])
      expect(logged).not.toContain(words);
    expect(logged).toMatch(/"event":"share-page","status":200/);
    expect(logged).toMatch(/"event":"share-page","status":404/);
  });
});
