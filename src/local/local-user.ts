/**
 * Who talks to the terminal chat: the OS user name, so `npm run chat` and
 * `npm run export` find the same journal.
 */
import { userInfo } from 'node:os';

export function localUserName(): string {
  try {
    return userInfo().username || 'local';
  } catch {
    return 'local';
  }
}
