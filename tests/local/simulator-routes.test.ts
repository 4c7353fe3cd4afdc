/**
 * The simulator's own routes on a real `npm start` configured the other way from the browser
 * tests: ALEXA_VERIFY_SIGNATURE=false (the Echo's envelopes then go over HTTP to POST /alexa)
 * and a PUBLIC_URL elsewhere (the phone signs for PUBLIC_URL/sms and posts on loopback, so the
 * webhook's signature check passes as it would behind a tunnel).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Finished, finished, freePort, spawnScript, waitForLine } from '../helpers/processes.ts';

let dataDir: string;
let base: string;
let server: ReturnType<typeof spawnScript>;
let exit: Promise<Finished>;
let notice: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'check-in-simulator-'));
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = spawnScript('src/local/main.ts', {
    DATA_DIR: dataDir,
    PORT: String(port),
    PUBLIC_URL: 'https://checkin.example.org',
    ALEXA_VERIFY_SIGNATURE: 'false',
  });
  exit = finished(server);
  notice = await waitForLine(server, /its phone signs/);
}, 60_000);

afterAll(async () => {
  server.kill('SIGTERM');
  await exit;
  await rm(dataDir, { recursive: true, force: true });
});

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('the simulator routes with the Alexa signature check off and PUBLIC_URL elsewhere', () => {
  it('says the Echo goes through POST /alexa, and both devices reach the service', async () => {
    const person = await post<{ id: string; phone: string }>('/simulator/people', {});
    const texted = await post<{ texts: string[] }>(`/simulator/people/${person.id}/sms`, { text: 'hi' });
    const spoken = await post<{ ssml: string; open: boolean }>(`/simulator/people/${person.id}/echo`, {
      text: 'open my check in',
    });

    expect(notice).toMatch(/go through POST \/alexa, whose signature check is off/);
    expect(person.phone).toMatch(/^\+15550100\d{3}$/);
    expect(texted.texts.join(' ')).toMatch(/What's here right now\?/);
    expect(spoken.ssml).toMatch(/<say-as interpret-as="digits">988<\/say-as>/);
    expect(spoken.open).toBe(true);
  });
});
