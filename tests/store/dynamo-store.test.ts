/**
 * Delete faults dynalite cannot make (a batch write that leaves items unprocessed, items
 * that will not go), with aws-sdk-client-mock. Everything else about the adapter is in
 * the shared contract suite, on dynalite.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { DeleteIncompleteError } from '../../src/store/errors.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const TABLE = 'my-check-in';
const keysOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ pk: 'USER#u', sk: `ENTRY#2025-03-0${i}#e${i}` }));

function mockedStore() {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
  const mock = mockClient(client);
  return { mock, store: new DynamoCheckInStore({ client, tableName: TABLE }) };
}

describe('DynamoCheckInStore.deleteUser', () => {
  it('sends again what DynamoDB left unprocessed until nothing is left', async () => {
    // Prepare
    const { mock, store } = mockedStore();
    const items = keysOf(3);
    let listed = false;
    mock.on(QueryCommand).callsFake((input) => {
      if (input.Select === 'COUNT') return { Count: 0 };
      if (listed) return { Items: [] };
      listed = true;
      return { Items: items };
    });
    const unprocessed = [{ DeleteRequest: { Key: items[2] } }];
    mock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { [TABLE]: unprocessed } })
      .resolves({ UnprocessedItems: {} });

    // Act
    const deleted = await store.deleteUser('u');

    // Assess
    const batches = mock
      .commandCalls(BatchWriteCommand)
      .map((call) => call.args[0].input.RequestItems?.[TABLE]);
    expect(deleted).toBe(3);
    expect(batches).toEqual([items.map((Key) => ({ DeleteRequest: { Key } })), unprocessed]);
  });

  it('says so when items remain, rather than reporting the person erased', async () => {
    // Prepare
    const { mock, store } = mockedStore();
    mock
      .on(QueryCommand)
      .callsFake((input) => (input.Select === 'COUNT' ? { Count: 2 } : { Items: keysOf(2) }));
    mock.on(BatchWriteCommand).resolves({ UnprocessedItems: {} });

    // Act
    const deleting = store.deleteUser('u');

    // Assess
    await expect(deleting).rejects.toBeInstanceOf(DeleteIncompleteError);
    await expect(deleting).rejects.toMatchObject({ remaining: 2 });
  });
});
