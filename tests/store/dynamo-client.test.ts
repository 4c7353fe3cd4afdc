/**
 * The client's limits, against faults dynalite cannot make: a table that throttles every
 * request, and one that never answers. A plain local HTTP server plays that table, so
 * the real SDK retry and timeout code runs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDynamoDocumentClient, LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function fakeTable(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(handle);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const getItem = new GetCommand({ TableName: 'my-check-in', Key: { pk: 'USER#x', sk: 'PROFILE' } });

describe('createDynamoDocumentClient', () => {
  it('gives up on a throttling table after its bounded attempts', async () => {
    // Prepare
    let requests = 0;
    const endpoint = await fakeTable((req, res) => {
      requests += 1;
      req.resume();
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
          message: 'Rate exceeded',
        }),
      );
    });
    const client = createDynamoDocumentClient({
      endpoint,
      region: 'us-east-1',
      requestTimeoutMs: 1000,
      maxAttempts: 2,
      credentials: LOCAL_FAKE_CREDENTIALS,
    });

    // Act
    const sent = client.send(getItem);

    // Assess
    await expect(sent).rejects.toMatchObject({ name: 'ThrottlingException' });
    expect(requests).toBe(2);
    client.destroy();
  });

  it('stops waiting for a table that never answers', async () => {
    // Prepare
    let requests = 0;
    const endpoint = await fakeTable((req) => {
      requests += 1;
      req.resume();
    });
    const client = createDynamoDocumentClient({
      endpoint,
      region: 'us-east-1',
      requestTimeoutMs: 150,
      maxAttempts: 2,
      credentials: LOCAL_FAKE_CREDENTIALS,
    });

    // Act
    const sent = client.send(getItem);

    // Assess
    await expect(sent).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(requests).toBeLessThanOrEqual(2);
    client.destroy();
  });
});
