/**
 * Reading configuration from the environment, failing fast and loudly.
 *
 * A missing variable is a deployment mistake; it must stop the container at
 * start-up with the variable's name, never limp on with an empty string.
 */

/** A configuration value is missing or unusable. The message names the setting, never its value. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** Environment shape accepted by the readers (defaults to `process.env`). */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The value of `name`, trimmed of nothing and required to be non-empty.
 * @throws ConfigError naming the variable when it is unset or empty.
 */
export function requireEnv(name: string, env: Env = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new ConfigError(`Missing required environment variable ${name}`);
  }
  return value;
}

/** The value of `name`, or `undefined` when it is unset or empty. */
export function optionalEnv(name: string, env: Env = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}
