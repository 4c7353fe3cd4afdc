import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/env.ts';
import { createSecretReader } from '../../src/config/secrets.ts';

// There is no Secrets Manager emulator among the project's real parts, so the
// SDK client is stubbed at its `send` boundary; the reader's own logic is real.
const secretsManager = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:MyCheckIn/id-pepper-AbCdEf';

function reader(clock: { t: number }, ttlMs?: number) {
  return createSecretReader({ client: new SecretsManagerClient({}), now: () => clock.t, ttlMs });
}

beforeEach(() => {
  secretsManager.reset();
});

describe('createSecretReader', () => {
  it('reads the secret once and serves it from memory within the TTL', async () => {
    // Prepare
    secretsManager.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: 'pepper-1' });
    const clock = { t: 0 };
    const read = reader(clock);

    // Act
    const first = await read(ARN);
    clock.t = 4 * 60 * 1000;
    const second = await read(ARN);

    // Assess
    expect([first, second]).toEqual(['pepper-1', 'pepper-1']);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('picks up a rotated value after five minutes by default, without making anyone wait', async () => {
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old-token' })
      .resolvesOnce({ SecretString: 'new-token' });
    const clock = { t: 0 };
    const read = reader(clock);

    await read(ARN);
    clock.t = 5 * 60 * 1000;
    // Served at once from memory while the refresh runs.
    const during = await read(ARN);
    await new Promise((resolve) => setImmediate(resolve));
    const after = await read(ARN);

    expect([during, after]).toEqual(['old-token', 'new-token']);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('keeps serving the last good value when a refresh fails or never returns', async () => {
    // Prepare: a good first read, then Secrets Manager denies, then hangs.
    const denied = Object.assign(new Error('throttled'), { name: 'ThrottlingException' });
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'token' })
      .rejectsOnce(denied)
      .callsFake(() => new Promise(() => {}));
    const clock = { t: 0 };
    const read = reader(clock);
    await read(ARN);

    // Act
    const values: string[] = [];
    for (const minutes of [6, 7, 12, 13]) {
      clock.t = minutes * 60 * 1000;
      values.push(await read(ARN));
      await new Promise((resolve) => setImmediate(resolve));
    }

    // Assess: every read answered at once with the value that works.
    expect(values).toEqual(['token', 'token', 'token', 'token']);
  });

  it('makes one call for many concurrent first reads', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: 'token' });
    const read = reader({ t: 0 });

    const values = await Promise.all([read(ARN), read(ARN), read(ARN)]);

    expect(values).toEqual(['token', 'token', 'token']);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('fails closed with a ConfigError when the secret is empty or has no string', async () => {
    for (const output of [{ SecretString: '' }, {}]) {
      secretsManager.reset();
      secretsManager.on(GetSecretValueCommand).resolves(output);

      await expect(reader({ t: 0 })(ARN)).rejects.toBeInstanceOf(ConfigError);
    }
  });

  it('wraps a failed read in a ConfigError with its cause and tries again next time', async () => {
    const denied = Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    secretsManager.on(GetSecretValueCommand).rejectsOnce(denied).resolves({ SecretString: 'token' });
    const read = reader({ t: 0 });

    const failure = await read(ARN).catch((error: unknown) => error);
    const retry = await read(ARN);

    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).cause).toBe(denied);
    expect(retry).toBe('token');
  });
});
