/**
 * `npm start` and `npm run chat` as real processes on one DATA_DIR: the server starts with
 * zero configuration, answers /healthz, stops cleanly, and a journal written before a
 * restart is there after it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PEPPER_FILE } from '../../src/local/pepper.ts';
import { finished, freePort, runScript, spawnScript, waitForLine } from '../helpers/processes.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'check-in-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function startServer(env: NodeJS.ProcessEnv) {
  const child = spawnScript('src/local/main.ts', env);
  const exit = finished(child);
  await waitForLine(child, /running at http:\/\/localhost:\d+/);
  return { child, exit };
}

describe('npm start', () => {
  it('serves /healthz, stops on SIGTERM, and finds the same people after a restart', async () => {
    // Prepare
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()) };

    // Act
    const first = await startServer(env);
    const firstHealth = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
    const firstBody = await firstHealth.json();
    const pepperBefore = await readFile(join(dataDir, PEPPER_FILE), 'utf8');
    first.child.kill('SIGTERM');
    const firstExit = await first.exit;
    const second = await startServer(env);
    const secondHealth = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
    second.child.kill('SIGTERM');
    const secondExit = await second.exit;

    // Assess
    expect(firstHealth.status).toBe(200);
    expect(firstBody).toEqual({ status: 'ok' });
    expect(firstExit.code).toBe(0);
    expect(secondHealth.status).toBe(200);
    expect(secondExit.code).toBe(0);
    expect(await readFile(join(dataDir, PEPPER_FILE), 'utf8')).toBe(pepperBefore);
  });

  it('keeps a journal written through the running server after it restarts', async () => {
    // Prepare
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()) };
    const server = await startServer(env);

    // Act: the chat joins the running server's store, then the server restarts.
    const chat = await runScript('src/local/chat.ts', 'hi\nheavy\n', env);
    server.child.kill('SIGTERM');
    await server.exit;
    const restarted = await startServer(env);
    const summary = await runScript('src/local/chat.ts', 'summary\n', env);
    restarted.child.kill('SIGTERM');
    await restarted.exit;

    // Assess
    expect(chat.code).toBe(0);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('heavy');
  });
});

describe('npm run chat', () => {
  it('holds a check-in from piped lines, prints only the replies, and remembers it next run', async () => {
    // Act
    const chat = await runScript('src/local/chat.ts', 'hi\nheavy\n', { DATA_DIR: dataDir });
    const summary = await runScript('src/local/chat.ts', 'summary\n', { DATA_DIR: dataDir });

    // Assess
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain("What's here right now?");
    expect(chat.stdout).toContain('Heavy.');
    expect(chat.stdout).not.toContain('{"level"');
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('heavy');
  });

  it('answers crisis words with 988 and 911', async () => {
    // Act
    const chat = await runScript('src/local/chat.ts', 'hi\nI want to kill myself\n', { DATA_DIR: dataDir });

    // Assess
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain('988');
    expect(chat.stdout).toContain('911');
  });
});

describe('where npm start listens', () => {
  // All of 127.0.0.0/8 is this machine on Linux, so 127.0.0.2 stands in for "another
  // address": a server bound to 127.0.0.1 refuses it, one bound to every interface answers.
  async function reachable(port: string, address: string): Promise<boolean> {
    return fetch(`http://${address}:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
  }

  async function startOn(env: NodeJS.ProcessEnv) {
    const child = spawnScript('src/local/main.ts', env);
    const exit = finished(child);
    await waitForLine(child, /running at http:\/\/localhost:\d+/);
    const port = env.PORT ?? '';
    const seen = { loopback: await reachable(port, '127.0.0.1'), other: await reachable(port, '127.0.0.2') };
    child.kill('SIGTERM');
    return { seen, stderr: (await exit).stderr };
  }

  it('listens on 127.0.0.1 by default, on HOST when set, and never beyond loopback with Alexa signatures off', async () => {
    // Act
    const byDefault = await startOn({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    const everywhere = await startOn({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '0.0.0.0' });
    const unsigned = await startOn({
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      HOST: '0.0.0.0',
      ALEXA_VERIFY_SIGNATURE: 'false',
    });

    // Assess
    expect(byDefault.seen).toEqual({ loopback: true, other: false });
    expect(everywhere.seen).toEqual({ loopback: true, other: true });
    expect(unsigned.seen).toEqual({ loopback: true, other: false });
    expect(unsigned.stderr).toContain(
      'HOST=0.0.0.0 is not used: with ALEXA_VERIFY_SIGNATURE=false the server listens on 127.0.0.1 only',
    );
  });
});
