import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalApp } from '../../src/local/app.ts';
import { silentLogger } from '../../src/observability/log.ts';
import { createTurnRunner } from '../../src/service/turn-runner.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';

let db: TestDynamo;
let server: Server | undefined;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db?.close();
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(
  tableName: string,
  mounts: Parameters<typeof createLocalApp>[0]['mounts'] = [],
): Promise<string> {
  const store = new DynamoCheckInStore({ client: db.client, tableName });
  const app = createLocalApp({
    runTurn: createTurnRunner({ store, logger: silentLogger }),
    store,
    pepper: 'test-pepper',
    logger: silentLogger,
    mounts,
  });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('createLocalApp', () => {
  it('reports healthy when the table answers', async () => {
    // Prepare
    const url = await serve(db.tableName);

    // Act
    const res = await fetch(`${url}/healthz`);

    // Assess
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports unavailable when the table is missing', async () => {
    // Prepare
    const url = await serve('no-such-table');

    // Act
    const res = await fetch(`${url}/healthz`);

    // Assess
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable' });
  });

  it('serves the channel routers it is given', async () => {
    // Prepare
    const router = Router();
    router.post('/', (_req, res) => {
      res.type('text/xml').send('<Response/>');
    });
    const url = await serve(db.tableName, [{ path: '/sms', router }]);

    // Act
    const res = await fetch(`${url}/sms`, { method: 'POST' });
    const missing = await fetch(`${url}/nowhere`);

    // Assess
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<Response/>');
    expect(missing.status).toBe(404);
  });
});
