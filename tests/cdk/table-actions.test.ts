/**
 * The functions' table permissions follow the store: every DynamoDB command src/store sends on
 * AWS is an action the functions are granted. BatchGetItem was once missing, so every turn on
 * AWS would have been refused (AccessDenied) while every test on dynalite passed: dynalite
 * checks no IAM. A Scan is the local fallback for a table made before the due index, never AWS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_ITEM_ACTIONS, TABLE_READ_ACTIONS } from '../../cdk/check-in-function.ts';

const STORE = readFileSync(join(import.meta.dirname, '../../src/store/dynamo-store.ts'), 'utf8');

/** DynamoDB's IAM action for a document-client command; a transaction's parts carry their own. */
const ACTION_OF: Record<string, string | null> = {
  GetCommand: 'dynamodb:GetItem',
  BatchGetCommand: 'dynamodb:BatchGetItem',
  PutCommand: 'dynamodb:PutItem',
  UpdateCommand: 'dynamodb:UpdateItem',
  DeleteCommand: 'dynamodb:DeleteItem',
  QueryCommand: 'dynamodb:Query',
  BatchWriteCommand: 'dynamodb:BatchWriteItem',
  TransactWriteCommand: null,
  ScanCommand: null,
};

describe('table permissions', () => {
  it('grant every DynamoDB call the store makes', () => {
    const sent = [...new Set([...STORE.matchAll(/new (\w+Command)\(/g)].map((m) => m[1] as string))];
    expect(sent.length).toBeGreaterThan(5);
    for (const command of sent) {
      expect(Object.keys(ACTION_OF), `${command} has no known IAM action`).toContain(command);
      const action = ACTION_OF[command];
      if (action) expect(TABLE_ITEM_ACTIONS as readonly string[]).toContain(action);
    }
  });

  it('let a read-only function read as the store reads, and write nothing', () => {
    for (const action of TABLE_READ_ACTIONS)
      expect(TABLE_ITEM_ACTIONS as readonly string[]).toContain(action);
    expect(TABLE_READ_ACTIONS.some((a) => /Put|Update|Delete|Write/.test(a))).toBe(false);
  });
});
