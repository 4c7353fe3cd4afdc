import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { startDynalite } from '../helpers/dynalite.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dynalite-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('startDynaliteServer', () => {
  it('keeps a journal across a restart on the same data directory', async () => {
    // Prepare
    const path = join(dataDir, 'dynamodb');
    const first = await startDynalite({ path, tableName: 'my-check-in' });
    const before = new DynamoCheckInStore({ client: first.client, tableName: first.tableName });
    await before.appendEntry('u1', {
      id: 'e1',
      at: '2025-03-04T09:00:00.000Z',
      channel: 'chat',
      kind: 'feeling',
      word: 'heavy',
      family: 'low-unpleasant',
    });
    await before.saveSession(
      'u1',
      'chat',
      { v: 1, step: 'pick-tool', values: {} },
      null,
      '2025-03-04T09:00:00.000Z',
    );
    await first.close();

    // Act
    const second = await startDynalite({ path, tableName: 'my-check-in' });
    const after = new DynamoCheckInStore({ client: second.client, tableName: second.tableName });
    const exported = await after.exportUser('u1');
    const snapshot = await after.loadTurn('u1', 'chat', '2025-03-04T09:05:00.000Z');
    await second.close();

    // Assess
    expect(exported.entries.map((e) => e.id)).toEqual(['e1']);
    expect(snapshot.session).toEqual({ state: { v: 1, step: 'pick-tool', values: {} }, version: 1 });
  });
});
