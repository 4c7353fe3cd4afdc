import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateLocalPepper, PEPPER_FILE, PepperMissingError } from '../../src/local/pepper.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pepper-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('loadOrCreateLocalPepper', () => {
  it('finds the same pepper after a restart, so people keep their journals', async () => {
    // Act
    const first = await loadOrCreateLocalPepper(dataDir);
    const second = await loadOrCreateLocalPepper(dataDir);

    // Assess
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
  });

  it('keeps the pepper readable by its owner only', async () => {
    // Act
    await loadOrCreateLocalPepper(dataDir);

    // Assess
    expect((await stat(join(dataDir, PEPPER_FILE))).mode & 0o777).toBe(0o600);
  });

  it('agrees on one pepper when two processes start at once', async () => {
    // Act
    const peppers = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateLocalPepper(dataDir)));

    // Assess
    expect(new Set(peppers).size).toBe(1);
    expect((await readFile(join(dataDir, PEPPER_FILE), 'utf8')).trim()).toBe(peppers[0]);
  });

  it('uses ID_PEPPER when it is set and writes nothing', async () => {
    // Act
    const pepper = await loadOrCreateLocalPepper(dataDir, 'from-the-environment');

    // Assess
    expect(pepper).toBe('from-the-environment');
    await expect(stat(join(dataDir, PEPPER_FILE))).rejects.toThrow();
  });
});

describe('loadOrCreateLocalPepper with journals already stored', () => {
  it('refuses to generate a pepper when the database directory holds data, and writes none', async () => {
    // Prepare: any LevelDB file means journals were keyed with a pepper that is now gone.
    await mkdir(join(dataDir, 'dynamodb'));
    await writeFile(join(dataDir, 'dynamodb', 'CURRENT'), 'MANIFEST-000002\n');

    // Act
    const load = loadOrCreateLocalPepper(dataDir);

    // Assess
    await expect(load).rejects.toThrow(PepperMissingError);
    await expect(load).rejects.toThrow(/ID_PEPPER/);
    await expect(stat(join(dataDir, PEPPER_FILE))).rejects.toThrow();
  });
});
