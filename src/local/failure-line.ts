/**
 * The one line a local entry point prints when it cannot go on: the operator reads it in
 * a terminal, so it names the cause and never carries a stack.
 */
import { ConfigError } from './config.ts';
import { LocalDataError } from './data-dir.ts';

export function failureLine(
  prefix: string,
  error: unknown,
  /**
   * 'name' for a process whose other errors may quote what a person typed (the chat): then
   * only the class name of an unexpected error is shown.
   */
  otherErrors: 'message' | 'name' = 'message',
): string {
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  if (error instanceof LocalDataError) return `${prefix}: ${error.message}`;
  if (otherErrors === 'name') return `${prefix}: ${error instanceof Error ? error.name : 'UnknownError'}`;
  if (error instanceof Error) {
    const firstLine = error.message.split('\n')[0] ?? '';
    // Node's system errors already say what failed ("listen EADDRINUSE: address already in use ...").
    const code = (error as NodeJS.ErrnoException).code;
    return `${prefix}: ${code ? '' : `${error.name}: `}${firstLine}`;
  }
  return `${prefix}: ${String(error)}`;
}
