/**
 * `npm run bench:turn`: how long a warm turn takes over loopback, against a floor measured
 * in the same run, so a slow machine shows as a slow floor rather than a slow turn.
 *
 * - SMS: signed Twilio form posts to POST /sms on the local server (the real webhook, turn
 *   runner, core and store), each phone moving through a check-in.
 * - Alexa: request envelopes to POST /alexa (the real skill; Amazon's signature check is off
 *   here because nothing local can sign as Amazon, the skill id check is on).
 * - Floor: the least any turn costs on the same server and table: HTTP, the body parsed,
 *   Twilio's own signature check (SMS), one GetItem and one PutItem.
 *
 * The table is dynalite on disk (LevelDB in a temporary directory), as `npm start` runs it.
 * Requests are interleaved (real SMS, floor SMS, real Alexa, floor Alexa) so load on the
 * machine hits every side alike. Reported: p50 and p99 of each and their ratios to the
 * floor (aims: 1.5x at p50, 2x at p99), and 8-way throughput of each against its floor.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import express from 'express';
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { createLocalAlexaRoute } from '../src/channels/alexa/local-route.ts';
import { createSmsRouter } from '../src/channels/sms/express-router.ts';
import { startDynaliteServer } from '../src/local/dynalite-server.ts';
import { createLogger } from '../src/observability/log.ts';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../src/store/dynamo-client.ts';
import { DynamoCheckInStore } from '../src/store/dynamo-store.ts';
import { ensureTable } from '../src/store/table.ts';
import { wireSmsWebhook } from '../src/wiring/sms.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1500);
const CONCURRENCY = 8;
const THROUGHPUT_REQUESTS = Number(process.env.BENCH_THROUGHPUT ?? 800);
const TOKEN = 'bench-auth-token-0123456789abcdef';
const PEPPER = 'bench-pepper';
const SKILL_ID = 'amzn1.ask.skill.bench';
const TABLE = 'my-check-in-bench';
const PHONES = 64;
/** What each phone says, in a loop: a whole check-in, then a new one. */
const SMS_SCRIPT = ['hi', 'heavy', '1', 'I would rest', '2', 'work', 'a walk', '2', 'GROUND', 'not sure'];

const dir = mkdtempSync(join(tmpdir(), 'bench-turn-'));
const dynalite = await startDynaliteServer({ path: join(dir, 'dynamodb') });
const client = createDynamoDocumentClient({
  endpoint: dynalite.endpoint,
  region: 'us-east-1',
  requestTimeoutMs: 5000,
  maxAttempts: 3,
  credentials: LOCAL_FAKE_CREDENTIALS,
});
await ensureTable(client, TABLE);
const store = new DynamoCheckInStore({ client, tableName: TABLE, transactions: false });
const logger = createLogger(() => {});

const app = express();
app.disable('x-powered-by');
let base = '';
app.use(
  '/sms',
  createSmsRouter(
    wireSmsWebhook({ store, logger, authToken: TOKEN, pepper: PEPPER, publicUrl: 'http://bench.local' }),
  ),
);
const alexa = createLocalAlexaRoute({
  store,
  pepper: PEPPER,
  logger,
  env: { ALEXA_VERIFY_SIGNATURE: 'false', ALEXA_SKILL_ID: SKILL_ID },
});
app.use(alexa.path, alexa.router);

/** The floor: what any turn must cost, with nothing of ours in it. */
const floorTurn = async (key: string) => {
  const Key = { pk: `USER#floor-${key}`, sk: 'SESSION#sms' };
  const got = await client.send(new GetCommand({ TableName: TABLE, Key, ConsistentRead: true }));
  const version = Number(got.Item?.version ?? 0) + 1;
  await client.send(new PutCommand({ TableName: TABLE, Item: { ...Key, version, state: { v: 1 } } }));
};
app.post('/floor/sms', express.urlencoded({ extended: false }), async (req, res) => {
  const params = req.body as Record<string, string>;
  const ok = validateRequest(
    TOKEN,
    req.header('X-Twilio-Signature') ?? '',
    'http://bench.local/floor/sms',
    params,
  );
  if (!ok) {
    res.status(403).end();
    return;
  }
  await floorTurn(params.From ?? '');
  res
    .type('text/xml')
    .send('<?xml version="1.0" encoding="UTF-8"?><Response><Message>ok</Message></Response>');
});
app.post('/floor/alexa', express.json(), async (req, res) => {
  await floorTurn(String(req.body?.session?.user?.userId ?? ''));
  res.json({ version: '1.0', response: { outputSpeech: { type: 'PlainText', text: 'ok' } } });
});

const server: Server = await new Promise((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => resolve(s));
});
base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

let sid = 0;
const smsStep = new Array<number>(PHONES).fill(0);
function smsRequest(path: '/sms' | '/floor/sms', phone: number) {
  const step = smsStep[phone] ?? 0;
  smsStep[phone] = step + 1;
  const body = SMS_SCRIPT[step % SMS_SCRIPT.length] as string;
  const params = {
    MessageSid: `SM${(++sid).toString(16).padStart(32, '0')}`,
    AccountSid: 'AC00000000000000000000000000000000',
    From: `+1415555${(1000 + phone).toString()}`,
    To: '+14155550199',
    Body: body,
  };
  const url = path === '/sms' ? 'http://bench.local/sms' : 'http://bench.local/floor/sms';
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': getExpectedTwilioSignature(TOKEN, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}

const alexaStep = new Array<number>(PHONES).fill(0);
function alexaRequest(path: '/alexa' | '/floor/alexa', person: number) {
  const n = alexaStep[person] ?? 0;
  alexaStep[person] = n + 1;
  const userId = `amzn1.ask.account.BENCH${person}`;
  const request =
    n % 2 === 0
      ? { type: 'LaunchRequest', requestId: `r${n}`, timestamp: new Date().toISOString(), locale: 'en-US' }
      : {
          type: 'IntentRequest',
          requestId: `r${n}`,
          timestamp: new Date().toISOString(),
          locale: 'en-US',
          intent: {
            name: 'FreeSpeechIntent',
            confirmationStatus: 'NONE',
            slots: { query: { name: 'query', value: 'work was a lot today', confirmationStatus: 'NONE' } },
          },
        };
  const envelope = {
    version: '1.0',
    session: {
      new: n % 2 === 0,
      sessionId: `s${person}-${Math.floor(n / 2)}`,
      application: { applicationId: SKILL_ID },
      user: { userId },
    },
    context: {
      System: {
        application: { applicationId: SKILL_ID },
        user: { userId },
        device: { deviceId: 'bench', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request,
  };
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(envelope),
  });
}

type Side = 'sms' | 'sms floor' | 'alexa' | 'alexa floor';
const send: Record<Side, (who: number) => Promise<Response>> = {
  sms: (who) => smsRequest('/sms', who),
  'sms floor': (who) => smsRequest('/floor/sms', who),
  alexa: (who) => alexaRequest('/alexa', who),
  'alexa floor': (who) => alexaRequest('/floor/alexa', who),
};
const SIDES = Object.keys(send) as Side[];

async function timed(side: Side, who: number): Promise<number> {
  const started = performance.now();
  const res = await send[side](who);
  await res.text();
  if (res.status !== 200) throw new Error(`${side} answered ${res.status}`);
  return performance.now() - started;
}

const samples = Object.fromEntries(SIDES.map((s) => [s, [] as number[]])) as Record<Side, number[]>;
for (let i = 0; i < WARMUP + SAMPLES; i++) {
  for (const side of SIDES) {
    const ms = await timed(side, i % PHONES);
    if (i >= WARMUP) samples[side].push(ms);
  }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

/** Requests per second with `CONCURRENCY` senders, each its own set of phones. */
async function throughput(side: Side): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (next < THROUGHPUT_REQUESTS) {
        next += 1;
        await timed(side, worker * (PHONES / CONCURRENCY) + (next % (PHONES / CONCURRENCY)));
      }
    }),
  );
  return (THROUGHPUT_REQUESTS / (performance.now() - started)) * 1000;
}
const rates = {} as Record<Side, number>;
// Interleaved twice, so neither side always runs on a warmer or cooler machine.
for (let round = 0; round < 2; round++) {
  for (const side of SIDES) rates[side] = (rates[side] ?? 0) + (await throughput(side)) / 2;
}

const fmt = (n: number) => n.toFixed(2);
const lines = [
  `bench:turn on dynalite (disk), loopback, ${SAMPLES} interleaved turns a side after ${WARMUP} warm-up; ${CONCURRENCY}-way throughput over ${THROUGHPUT_REQUESTS} requests, twice`,
  '',
  '| side | p50 ms | p99 ms | p50 / floor | p99 / floor | req/s (8-way) | throughput / floor |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
for (const [real, floor] of [
  ['sms', 'sms floor'],
  ['alexa', 'alexa floor'],
] as const) {
  const p50 = quantile(samples[real], 0.5);
  const p99 = quantile(samples[real], 0.99);
  const f50 = quantile(samples[floor], 0.5);
  const f99 = quantile(samples[floor], 0.99);
  lines.push(
    `| ${floor} | ${fmt(f50)} | ${fmt(f99)} | | | ${rates[floor].toFixed(0)} | |`,
    `| ${real} | ${fmt(p50)} | ${fmt(p99)} | ${fmt(p50 / f50)}x ${p50 / f50 <= 1.5 ? '(aim 1.5x: met)' : '(aim 1.5x: MISSED)'} | ${fmt(p99 / f99)}x ${p99 / f99 <= 2 ? '(aim 2x: met)' : '(aim 2x: MISSED)'} | ${rates[real].toFixed(0)} | ${fmt(rates[real] / rates[floor])}x |`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);

server.closeAllConnections();
server.close();
client.destroy();
await dynalite.close();
rmSync(dir, { recursive: true, force: true });
