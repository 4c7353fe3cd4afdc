/**
 * Secrets read from AWS Secrets Manager once per container, with a short cache.
 *
 * The token and pepper never travel in environment variables; the function
 * holds only the ARN and fetches the value on first use. A short TTL lets an
 * operator rotate a value without redeploying, and de-duplicating in-flight
 * reads keeps a burst of cold requests to one API call.
 */

import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ConfigError } from './env.ts';

/** Reads the SecretString of a secret by ARN (or name). */
export type SecretReader = (secretArn: string) => Promise<string>;

/** Options for {@link createSecretReader}. */
export interface SecretReaderOptions {
  /** Client to use; built lazily at first read when omitted. */
  client?: SecretsManagerClient;
  /** How long a value is reused, in milliseconds. Default 5 minutes. */
  ttlMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Default cache lifetime: short enough to pick up a rotated value, long enough to cost nothing. */
export const DEFAULT_SECRET_TTL_MS = 5 * 60 * 1000;

interface CacheEntry {
  value: Promise<string>;
  expiresAt: number;
}

/**
 * Builds a cached secret reader. Call it once at module scope.
 *
 * A missing or empty SecretString fails closed with a ConfigError, and a
 * failed read is not cached, so the next request tries again.
 */
export function createSecretReader(opts: SecretReaderOptions = {}): SecretReader {
  const ttlMs = opts.ttlMs ?? DEFAULT_SECRET_TTL_MS;
  const now = opts.now ?? Date.now;
  let client = opts.client;
  const cache = new Map<string, CacheEntry>();

  const fetchSecret = async (secretArn: string): Promise<string> => {
    // Bounded: a slow Secrets Manager must not eat the whole Lambda timeout, or Twilio and
    // Alexa get nothing at all, not even a crisis reply.
    client ??= new SecretsManagerClient({
      maxAttempts: 2,
      requestHandler: new NodeHttpHandler({ connectionTimeout: 1000, requestTimeout: 1500 }),
    });
    let secret: string | undefined;
    try {
      const out = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
      secret = out.SecretString;
    } catch (error) {
      throw new ConfigError(`Could not read secret ${secretArn}`, { cause: error });
    }
    if (secret === undefined || secret === '') {
      throw new ConfigError(
        `Secret ${secretArn} has no value; put one with aws secretsmanager put-secret-value`,
      );
    }
    return secret;
  };

  return (secretArn: string): Promise<string> => {
    const at = now();
    const hit = cache.get(secretArn);
    if (hit && at < hit.expiresAt) return hit.value;
    const value = fetchSecret(secretArn);
    cache.set(secretArn, { value, expiresAt: at + ttlMs });
    // Forget a failed read so it is retried rather than served from cache.
    value.catch(() => {
      if (cache.get(secretArn)?.value === value) cache.delete(secretArn);
    });
    return value;
  };
}
