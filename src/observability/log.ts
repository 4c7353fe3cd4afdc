/**
 * Structured logs that cannot carry what must never be logged.
 *
 * Fields are a closed set: there is no free-form message and no place for a phone number,
 * an Alexa id or the words someone said. `user` takes the HMAC user id and is shortened
 * further, which is enough to follow one person's turns in CloudWatch.
 *
 * A line about a crisis never carries the user id, whoever writes it: logs are kept for
 * months, and they must not tie a person to a crisis (docs/safety.md). The logger drops it
 * from any line marked `crisis` or whose event or step names a crisis, the danger reply or
 * the grey-zone question.
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
  /** The line is about a turn that gave crisis resources: the user id is dropped from it. */
  crisis?: boolean;
}

/** Words in an event or step that make a line about a crisis. */
const ABOUT_A_CRISIS = /crisis|danger|grey/;

/** Whether a line is about a crisis, so it may not carry the user id. */
export function aboutACrisis(fields: LogFields): boolean {
  return (
    fields.crisis === true ||
    ABOUT_A_CRISIS.test(fields.event) ||
    (fields.step !== undefined && ABOUT_A_CRISIS.test(fields.step))
  );
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
    const { user, ...rest } = fields;
    const record = {
      level,
      ...rest,
      ...(user && !aboutACrisis(fields) ? { user: user.slice(0, USER_PREFIX_LENGTH) } : {}),
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
