/**
 * Secrets read from AWS Secrets Manager once per container, then kept fresh in the background.
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
  /** The last value read, once one has been. */
  value?: string;
  /** When the value should be read again. */
  refreshAt: number;
  /** The read under way, shared by every caller that waits for it. */
  pending?: Promise<string>;
}

/**
 * Builds a cached secret reader. Call it once at module scope.
 *
 * - A first read waits for Secrets Manager (callers bound it by their deadline).
 * - After the TTL the last good value is served at once while one read refreshes it in the
 *   background, so a slow or failing Secrets Manager never delays a warm container, and a
 *   refresh that fails keeps the last good value.
 * - A missing or empty SecretString fails closed with a ConfigError; a failed first read is
 *   not cached, so the next request tries again.
 */
export function createSecretReader(opts: SecretReaderOptions = {}): SecretReader {
  const ttlMs = opts.ttlMs ?? DEFAULT_SECRET_TTL_MS;
  const now = opts.now ?? Date.now;
  let client = opts.client;
  const cache = new Map<string, CacheEntry>();

  const fetchSecret = async (secretArn: string): Promise<string> => {
    // Bounded per attempt, and a breached timeout is an error, not a warning: without
    // throwOnRequestTimeout a hung first attempt kept the call pending past the Lambda's end.
    client ??= new SecretsManagerClient({
      maxAttempts: 2,
      requestHandler: new NodeHttpHandler({
        connectionTimeout: 1000,
        requestTimeout: 1500,
        throwOnRequestTimeout: true,
      }),
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

  const refresh = (secretArn: string, entry: CacheEntry): Promise<string> => {
    entry.pending ??= fetchSecret(secretArn)
      .then((value) => {
        entry.value = value;
        entry.refreshAt = now() + ttlMs;
        return value;
      })
      .finally(() => {
        entry.pending = undefined;
      });
    return entry.pending;
  };

  return (secretArn: string): Promise<string> => {
    let entry = cache.get(secretArn);
    if (!entry) {
      entry = { refreshAt: 0 };
      cache.set(secretArn, entry);
    }
    if (entry.value === undefined) return refresh(secretArn, entry);
    if (now() >= entry.refreshAt) {
      // Served stale while it refreshes; a failed refresh keeps the value and tries again next time.
      refresh(secretArn, entry).catch(() => {});
    }
    return Promise.resolve(entry.value);
  };
}
