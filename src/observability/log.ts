/**
 * Structured logs that cannot carry what must never be logged.
 *
 * Fields are a closed set: there is no free-form message and no place for a phone number,
 * an Alexa id or the words someone said. `user` takes the HMAC user id and is shortened
 * further, which is enough to follow one person's turns in CloudWatch.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogFields {
  /** What happened, as a fixed kebab-case name: 'turn', 'crisis-reply', 'save-failed'. */
  event: string;
  /** HMAC user id (hex). Logged as its first 12 characters. */
  user?: string;
  channel?: string;
  /** Name of a conversation step or intent: code vocabulary, never user text. */
  step?: string;
  /** Duration in milliseconds. */
  ms?: number;
  /** A count (items deleted, retries). */
  count?: number;
  /** HTTP status or similar code. */
  status?: number;
  /** An error's class name (never its message, which may quote input). */
  error?: string;
}

export type LogSink = (line: string) => void;

export interface Logger {
  log(level: LogLevel, fields: LogFields): void;
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
}

const USER_PREFIX_LENGTH = 12;

/** Builds a JSON-lines logger. The default sink is stdout (CloudWatch on Lambda). */
export function createLogger(sink: LogSink = (line) => process.stdout.write(`${line}\n`)): Logger {
  const log = (level: LogLevel, fields: LogFields): void => {
    const record = {
      level,
      ...fields,
      ...(fields.user ? { user: fields.user.slice(0, USER_PREFIX_LENGTH) } : {}),
    };
    try {
      sink(JSON.stringify(record));
    } catch {
      // A failing log sink must never break or delay a reply (docs/safety.md).
    }
  };
  return {
    log,
    info: (fields) => log('info', fields),
    warn: (fields) => log('warn', fields),
    error: (fields) => log('error', fields),
  };
}

/** An error's class name for the `error` field: never its message, which may quote input. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name || 'Error' : 'UnknownError';
}

/** A logger that keeps nothing; for tests that do not inspect logs. */
export const silentLogger: Logger = createLogger(() => {});
