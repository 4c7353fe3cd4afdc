/**
 * What every Lambda composition-root test sets up the same way: the environment Lambda gives
 * a function (region, credentials), pointed at dynalite through the SDK's own endpoint
 * setting so the handlers have no test-only branch, and stdout captured as CloudWatch reads it.
 */
import { vi } from 'vitest';
import { LOCAL_FAKE_CREDENTIALS } from '../../src/store/dynamo-client.ts';
import type { TestDynamo } from '../helpers/dynalite.ts';

export function stubLambdaEnvOn(db: TestDynamo): void {
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', LOCAL_FAKE_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', LOCAL_FAKE_CREDENTIALS.secretAccessKey);
  // The SDK's own service-specific endpoint setting: the handler has no test-only branch.
  vi.stubEnv('AWS_ENDPOINT_URL_DYNAMODB', db.endpoint);
  vi.stubEnv('TABLE_NAME', db.tableName);
}

/** The lines the handler's logger writes to stdout (CloudWatch on Lambda), from now on. */
export function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}
