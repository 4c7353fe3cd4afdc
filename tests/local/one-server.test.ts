/**
 * One server per DATA_DIR, as real processes: a second `npm start` is refused with the
 * first one's pid, a lock left by a killed server is taken over, and a chat that joined a
 * server says so and ends when that server stops instead of failing every turn.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/local/data-dir-lock.ts';
import { finished, freePort, runScript, spawnScript, waitForLine } from '../helpers/processes.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'check-in-one-'));
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

describe('one server per DATA_DIR', () => {
  it('refuses a second npm start on the same DATA_DIR, naming the pid that holds it, and leaves the first serving', async () => {
    // Prepare
    const firstEnv = { DATA_DIR: dataDir, PORT: String(await freePort()) };
    const first = await startServer(firstEnv);

    // Act
    const second = await runScript('src/local/main.ts', '', {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
    });
    const firstHealth = await fetch(`http://127.0.0.1:${firstEnv.PORT}/healthz`);
    const lockHolder = (await readFile(join(dataDir, LOCK_FILE), 'utf8')).trim();
    first.child.kill('SIGTERM');
    const firstExit = await first.exit;

    // Assess
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`${dataDir} is in use by process ${first.child.pid}`);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(firstHealth.status).toBe(200);
    expect(lockHolder).toBe(String(first.child.pid));
    expect(firstExit.code).toBe(0);
  });

  it('takes over the lock of a server that was killed, with the journal intact', async () => {
    // Prepare: kill -9 leaves the lock and the endpoint file behind.
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()) };
    const killed = await startServer(env);
    await runScript('src/local/chat.ts', 'hi\nheavy\n', env);
    killed.child.kill('SIGKILL');
    await killed.exit;
    const staleHolder = (await readFile(join(dataDir, LOCK_FILE), 'utf8')).trim();

    // Act
    const restarted = await startServer(env);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
    const summary = await runScript('src/local/chat.ts', 'summary\n', env);
    const holder = (await readFile(join(dataDir, LOCK_FILE), 'utf8')).trim();
    restarted.child.kill('SIGTERM');
    await restarted.exit;

    // Assess
    expect(staleHolder).toBe(String(killed.child.pid));
    expect(health.status).toBe(200);
    expect(holder).toBe(String(restarted.child.pid));
    expect(summary.stdout).toContain('heavy');
  });

  it('ends a chat that joined a server when that server stops, saying so in one line', async () => {
    // Prepare: the chat's stdin stays open, as a person at the prompt.
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()) };
    const server = await startServer(env);
    const chat = spawnScript('src/local/chat.ts', env);
    const chatExit = finished(chat);
    chat.stdin?.write('hi\n');
    await waitForLine(chat, /What's here right now\?/);

    // Act
    server.child.kill('SIGTERM');
    await server.exit;
    const ended = await chatExit;

    // Assess
    expect(ended.code).toBe(1);
    expect(ended.stderr).toContain(`The server this chat joined (process ${server.child.pid}) has stopped`);
    expect(ended.stderr.trim().split('\n')).toHaveLength(1);
  });
});
