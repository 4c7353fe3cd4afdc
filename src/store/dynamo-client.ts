/**
 * The DynamoDB document client, built once per process with a time limit on every
 * request and a small, bounded number of attempts, so a slow table costs a turn a
 * known amount of time instead of hanging it.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Static credentials; locally any pair works. */
export interface StaticCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface DynamoClientOptions {
  /** A local or test server (dynalite); absent on AWS. */
  endpoint?: string;
  region: string;
  /** Per attempt: connect plus request and response. */
  requestTimeoutMs: number;
  /** Attempts in total, first one included (the SDK's standard retry with backoff). */
  maxAttempts: number;
  /** Explicit credentials (fake ones for dynalite); absent: the default provider chain. */
  credentials?: StaticCredentials;
}

/** Credentials for local servers that accept any signature; never valid on AWS. */
export const LOCAL_FAKE_CREDENTIALS: StaticCredentials = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
};

/** Builds a document client that drops `undefined` fields (optional fields of entries). */
export function createDynamoDocumentClient(options: DynamoClientOptions): DynamoDBDocumentClient {
  const base = new DynamoDBClient({
    region: options.region,
    maxAttempts: options.maxAttempts,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: new NodeHttpHandler({
      connectionTimeout: Math.min(options.requestTimeoutMs, 1000),
      requestTimeout: options.requestTimeoutMs,
      // Without this a breached request timeout is only a warning and the call hangs on.
      throwOnRequestTimeout: true,
    }),
  });
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
