/**
 * Configuration of the local runtime (`npm start`, `npm run chat`), read from the
 * environment once and validated up front. Zero configuration works.
 */
import { resolve } from 'node:path';
import { ConfigError } from '../config/env.ts';

export { ConfigError };

export interface LocalConfig {
  port: number;
  /**
   * HOST: the address the server listens on. 127.0.0.1 by default: a check-in server on a
   * laptop is for that laptop; 0.0.0.0 (or one interface's address) opens it to the network.
   */
  host: string;
  /** Absolute path of DATA_DIR (LevelDB of the embedded DynamoDB, the identity pepper). */
  dataDir: string;
  /** A real DynamoDB (or DynamoDB Local); absent: dynalite embedded with data in DATA_DIR. */
  dynamoEndpoint?: string;
  tableName: string;
  region: string;
  /** ID_PEPPER; absent: generated once and kept in DATA_DIR. */
  idPepper?: string;
  /** Public base URL, e.g. what Twilio calls (signatures are checked against it). */
  publicUrl: string;
  /** TWILIO_AUTH_TOKEN; absent: a development token kept in DATA_DIR and printed at start-up. */
  twilioAuthToken?: string;
  /**
   * Reminders sent for real: TWILIO_ACCOUNT_SID and TWILIO_MESSAGING_SERVICE_SID, with
   * TWILIO_API_KEY_SID / TWILIO_API_KEY_SECRET or TWILIO_AUTH_TOKEN. Absent: the local outbox.
   */
  twilioSender?: { accountSid: string; messagingServiceSid: string; apiKeySid?: string; secret: string };
}

/** Reads and validates the local configuration. Throws ConfigError on a bad value. */
export function loadLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const port = parsePort(env.PORT);
  const config: LocalConfig = {
    port,
    host: parseHost(env.HOST),
    dataDir: resolve(nonEmpty(env.DATA_DIR) ?? '.data/'),
    tableName: nonEmpty(env.TABLE_NAME) ?? 'my-check-in',
    region: nonEmpty(env.AWS_REGION) ?? 'us-east-1',
    publicUrl: (nonEmpty(env.PUBLIC_URL) ?? `http://localhost:${port}`).replace(/\/+$/, ''),
  };
  const endpoint = nonEmpty(env.DYNAMODB_ENDPOINT);
  if (endpoint) {
    if (!URL.canParse(endpoint)) throw new ConfigError('DYNAMODB_ENDPOINT is not a URL');
    config.dynamoEndpoint = endpoint;
  }
  if (!/^[a-zA-Z0-9_.-]{3,255}$/.test(config.tableName)) {
    throw new ConfigError('TABLE_NAME must be 3-255 letters, digits, "_", "-" or "."');
  }
  if (!URL.canParse(config.publicUrl)) throw new ConfigError('PUBLIC_URL is not a URL');
  const pepper = nonEmpty(env.ID_PEPPER);
  if (pepper) config.idPepper = pepper;
  const twilioAuthToken = nonEmpty(env.TWILIO_AUTH_TOKEN);
  if (twilioAuthToken) config.twilioAuthToken = twilioAuthToken;
  const accountSid = nonEmpty(env.TWILIO_ACCOUNT_SID);
  const messagingServiceSid = nonEmpty(env.TWILIO_MESSAGING_SERVICE_SID);
  if (accountSid && messagingServiceSid) {
    const apiKeySid = nonEmpty(env.TWILIO_API_KEY_SID);
    const secret = apiKeySid ? nonEmpty(env.TWILIO_API_KEY_SECRET) : twilioAuthToken;
    if (!secret) {
      throw new ConfigError(
        'TWILIO_ACCOUNT_SID and TWILIO_MESSAGING_SERVICE_SID need TWILIO_AUTH_TOKEN (or TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET)',
      );
    }
    config.twilioSender = { accountSid, messagingServiceSid, secret, ...(apiKeySid ? { apiKeySid } : {}) };
  }
  return Object.freeze(config);
}

function parsePort(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT must be a whole number from 0 to 65535');
  }
  return port;
}

function parseHost(raw: string | undefined): string {
  const value = nonEmpty(raw);
  if (value === undefined) return '127.0.0.1';
  // [::1] as in a URL is ::1 to listen().
  const host = value.replace(/^\[(.*)\]$/, '$1');
  if (!/^[A-Za-z0-9.:%_-]+$/.test(host)) {
    throw new ConfigError('HOST must be a host name or an IP address, e.g. 127.0.0.1 or 0.0.0.0');
  }
  return host;
}

/** Whether `host` is this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.toLowerCase().replace(/^::ffff:/, '');
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
