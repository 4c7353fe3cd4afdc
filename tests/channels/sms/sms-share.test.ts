/**
 * SHARE by text through the real webhook on dynalite (issue 15): the link comes back within
 * carrier limits, and a redelivered SHARE (the same MessageSid) is answered without the link,
 * so no item of the table ever holds a token in the clear.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPrep } from '../../../src/core/content/session-prep.ts';
import { createLogger } from '../../../src/observability/log.ts';
import { createTurnRunner } from '../../../src/service/turn-runner.ts';
import { createShareLinkIssuer } from '../../../src/share/links.ts';
import { DynamoCheckInStore } from '../../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { expectCarrierSafe, PUBLIC_URL, startSmsHarness } from './sms-harness.ts';

let db: TestDynamo;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db?.close();
});

describe('SHARE by text', () => {
  it('texts a link under PUBLIC_URL, and a redelivery gets "sent already" with no token stored', async () => {
    const store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    const runTurn = createTurnRunner({
      store,
      logger,
      shareLinks: createShareLinkIssuer({ store, baseUrl: PUBLIC_URL }),
    });
    const h = await startSmsHarness({ db, phone: '+14155550142', deps: { runTurn, logger } });

    await h.send('hi');
    const first = await h.send('SHARE', { sid: 'SM00000000000000000000000000share1' });
    const again = await h.send('SHARE', { sid: 'SM00000000000000000000000000share1' });

    expectCarrierSafe(first.texts);
    const token = /\/share\/([A-Za-z0-9_-]{43}) /.exec(first.all)?.[1] ?? '';
    expect(first.all).toContain(`${PUBLIC_URL}/share/${token}`);
    expect(token).toHaveLength(43);
    expect(again.all).toBe(sessionPrep.links.sentAlready);
    const items = JSON.stringify((await db.client.send(new ScanCommand({ TableName: db.tableName }))).Items);
    expect(items).not.toContain(token);
    expect(lines.join('\n')).not.toContain(token);
    await h.close();
  });
});
