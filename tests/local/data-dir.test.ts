/**
 * `npm start` on a DATA_DIR that is damaged, incomplete, read-only or left loose, as real
 * processes on real files: it refuses in one line naming the path and the cause, changes
 * nothing, and once the operator restores what was missing every journal is there.
 */
import {
  chmod,
  copyFile,
  cp,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PEPPER_FILE } from '../../src/local/pepper.ts';
import { finished, freePort, runScript, spawnScript, waitForLine } from '../helpers/processes.ts';
import { makeReadOnly } from '../helpers/read-only.ts';

let root: string;
let dataDir: string;
let databaseDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'check-in-data-'));
  dataDir = join(root, 'data');
  databaseDir = join(dataDir, 'dynamodb');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function env(): Promise<NodeJS.ProcessEnv> {
  return { DATA_DIR: dataDir, PORT: String(await freePort()) };
}

/** Starts `npm start`, checks it is healthy and stops it. */
async function startAndStop(processEnv: NodeJS.ProcessEnv): Promise<number> {
  const child = spawnScript('src/local/main.ts', processEnv);
  const exit = finished(child);
  await waitForLine(child, /running at http:\/\/localhost:\d+/);
  const health = await fetch(`http://127.0.0.1:${processEnv.PORT}/healthz`);
  child.kill('SIGTERM');
  await exit;
  return health.status;
}

/**
 * A DATA_DIR holding one journal entry ("heavy") in LevelDB table files, as after a few
 * days of use: made once by real processes, copied (modes kept) for each test that breaks it.
 */
let journalTemplate: string;
beforeAll(async () => {
  journalTemplate = await mkdtemp(join(tmpdir(), 'check-in-template-'));
  await writeJournal({ DATA_DIR: join(journalTemplate, 'data'), PORT: String(await freePort()) });
});
afterAll(async () => {
  await rm(journalTemplate, { recursive: true, force: true });
});

async function dataDirWithAJournal(): Promise<NodeJS.ProcessEnv> {
  await cp(join(journalTemplate, 'data'), dataDir, { recursive: true, preserveTimestamps: true });
  return env();
}

async function writeJournal(processEnv: NodeJS.ProcessEnv): Promise<void> {
  const server = spawnScript('src/local/main.ts', processEnv);
  const exit = finished(server);
  await waitForLine(server, /running at/);
  await runScript('src/local/chat.ts', 'hi\nheavy\n', processEnv);
  server.kill('SIGTERM');
  await exit;
  // The second open compacts the write-ahead log into a table (.ldb) file: the files a
  // recreated database would delete.
  await startAndStop(processEnv);
}

function startOnce(processEnv: NodeJS.ProcessEnv) {
  return runScript('src/local/main.ts', '', processEnv);
}

function expectOneLineWithoutStack(stderr: string): void {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('npm start on an existing DATA_DIR', () => {
  it('refuses to open a database whose CURRENT file is gone, keeps every file, and has the journal back once CURRENT is restored', async () => {
    // Prepare
    const processEnv = await dataDirWithAJournal();
    const backup = join(root, 'CURRENT.backup');
    await copyFile(join(databaseDir, 'CURRENT'), backup);
    await rm(join(databaseDir, 'CURRENT'));
    const tablesBefore = (await readdir(databaseDir)).filter((name) => name.endsWith('.ldb'));

    // Act
    const refused = await startOnce(processEnv);
    const tablesAfter = (await readdir(databaseDir)).filter((name) => name.endsWith('.ldb'));
    await copyFile(backup, join(databaseDir, 'CURRENT'));
    const server = spawnScript('src/local/main.ts', processEnv);
    const exit = finished(server);
    await waitForLine(server, /running at/);
    const summary = await runScript('src/local/chat.ts', 'summary\n', processEnv);
    server.kill('SIGTERM');
    await exit;

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(databaseDir);
    expect(refused.stderr).toContain('CURRENT file is missing');
    expect(refused.stderr).toContain('restore DATA_DIR from a backup');
    expectOneLineWithoutStack(refused.stderr);
    expect(tablesBefore.length).toBeGreaterThan(0);
    expect(tablesAfter).toEqual(tablesBefore);
    expect(summary.stdout).toContain('heavy');
  });

  it('refuses to invent a new pepper when journals exist, and finds them with ID_PEPPER set to the old one', async () => {
    // Prepare
    const processEnv = await dataDirWithAJournal();
    const pepper = (await readFile(join(dataDir, PEPPER_FILE), 'utf8')).trim();
    await rm(join(dataDir, PEPPER_FILE));

    // Act
    const refused = await startOnce(processEnv);
    const pepperFileAfter = await stat(join(dataDir, PEPPER_FILE)).catch(() => null);
    const withPepper = { ...processEnv, ID_PEPPER: pepper };
    const server = spawnScript('src/local/main.ts', withPepper);
    const exit = finished(server);
    await waitForLine(server, /running at/);
    const summary = await runScript('src/local/chat.ts', 'summary\n', withPepper);
    server.kill('SIGTERM');
    await exit;

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${join(dataDir, PEPPER_FILE)} is missing`);
    expect(refused.stderr).toContain('restore');
    expect(refused.stderr).toContain('ID_PEPPER');
    expect(refused.stderr).toContain('start afresh');
    expectOneLineWithoutStack(refused.stderr);
    expect(pepperFileAfter).toBeNull();
    expect(summary.stdout).toContain('heavy');
  });

  it('names a damaged database rather than crashing on it', async () => {
    // Prepare: garbage in the manifest that CURRENT names, LevelDB's index of its files.
    const processEnv = await dataDirWithAJournal();
    const manifest = (await readFile(join(databaseDir, 'CURRENT'), 'utf8')).trim();
    await writeFile(join(databaseDir, manifest), 'not a LevelDB manifest\n');

    // Act
    const refused = await startOnce(processEnv);

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(databaseDir);
    expect(refused.stderr).toContain('the database is damaged');
    expectOneLineWithoutStack(refused.stderr);
  });

  it('names a read-only DATA_DIR', async () => {
    // Prepare
    const processEnv = await dataDirWithAJournal();
    const readOnly = await makeReadOnly(dataDir);

    // Act
    const refused = await startOnce(processEnv).finally(() => readOnly.undo());

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stderr).toMatch(readOnly.cause);
    expectOneLineWithoutStack(refused.stderr);
  });

  it('names a file standing where DATA_DIR should be', async () => {
    // Prepare: a real condition even root cannot write through.
    await writeFile(dataDir, 'not a directory\n');

    // Act
    const refused = await startOnce(await env());

    // Assess
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stderr).toContain('a file is where a directory should be');
    expectOneLineWithoutStack(refused.stderr);
  });

  it('makes a DATA_DIR left readable by others owner-only, files written since included', async () => {
    // Prepare: the modes a DATA_DIR made by an older version has.
    const processEnv = await dataDirWithAJournal();
    await chmodTree(dataDir, 0o755, 0o644);

    // Act: this run writes a journal entry, so LevelDB creates new files too.
    const server = spawnScript('src/local/main.ts', processEnv);
    const exit = finished(server);
    await waitForLine(server, /running at/);
    await runScript('src/local/chat.ts', 'hi\ncalm\n', processEnv);
    const whileRunning = await modesUnder(dataDir);
    server.kill('SIGTERM');
    await exit;
    const afterStop = await modesUnder(dataDir);

    // Assess
    for (const modes of [whileRunning, afterStop]) {
      expect(modes.directories.size).toBeGreaterThan(0);
      expect(modes.files.size).toBeGreaterThan(0);
      expect([...modes.directories]).toEqual([0o700]);
      expect([...modes.files]).toEqual([0o600]);
    }
  });
});

describe('npm start on a fresh DATA_DIR', () => {
  it('starts with zero configuration in a directory that does not exist yet, or an empty database directory', async () => {
    // Prepare
    const nested = { ...(await env()), DATA_DIR: join(root, 'new', 'nested') };
    await mkdir(databaseDir, { recursive: true });

    // Act
    const freshStatus = await startAndStop(nested);
    const emptyStatus = await startAndStop(await env());

    // Assess
    expect(freshStatus).toBe(200);
    expect(emptyStatus).toBe(200);
    expect((await stat(join(root, 'new', 'nested'))).mode & 0o777).toBe(0o700);
  });
});

async function chmodTree(dir: string, dirMode: number, fileMode: number): Promise<void> {
  await chmod(dir, dirMode);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(path, dirMode, fileMode);
    else await chmod(path, fileMode);
  }
}

async function modesUnder(
  dir: string,
  found = { directories: new Set<number>(), files: new Set<number>() },
): Promise<{ directories: Set<number>; files: Set<number> }> {
  found.directories.add((await stat(dir)).mode & 0o777);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await modesUnder(path, found);
    // A running LevelDB may delete a file between readdir and stat.
    const stats = await stat(path).catch(() => null);
    if (stats?.isFile()) found.files.add(stats.mode & 0o777);
  }
  return found;
}
