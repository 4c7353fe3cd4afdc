/**
 * Makes a directory really read-only for the process under test, and undoes it.
 *
 * `chmod a-w` stops an ordinary user but not root, who may write anywhere the file system
 * allows; these tests often run as root (containers, CI). So as root the directory is
 * bind-mounted read-only onto itself (EROFS, which root respects too) and, where mounting
 * is not allowed, made immutable with `chattr -R +i` (EPERM, also binding on root).
 */
import { spawnSync } from 'node:child_process';
import { chmod, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReadOnly {
  /** How the start-up should name the cause for the mechanism used. */
  cause: RegExp;
  undo(): Promise<void>;
}

export async function makeReadOnly(dir: string): Promise<ReadOnly> {
  if (process.getuid?.() !== 0) {
    await chmodTree(dir, 0o555, 0o444);
    return { cause: /permission denied/, undo: () => chmodTree(dir, 0o700, 0o600) };
  }
  if (run('mount', ['--bind', dir, dir])) {
    if (run('mount', ['-o', 'remount,ro,bind', dir])) {
      return {
        cause: /read-only file system/,
        undo: async () => {
          run('umount', [dir]);
        },
      };
    }
    run('umount', [dir]);
  }
  if (run('chattr', ['-R', '+i', dir])) {
    return {
      cause: /operation not permitted/,
      undo: async () => {
        run('chattr', ['-R', '-i', dir]);
      },
    };
  }
  throw new Error('running as root without mount or chattr: no way to make a directory read-only for root');
}

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

async function chmodTree(dir: string, dirMode: number, fileMode: number): Promise<void> {
  // Children first while the directory is still writable, then the directory itself.
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await chmodTree(path, dirMode, fileMode);
    else if (entry.isFile()) await chmod(path, fileMode);
  }
  await chmod(dir, dirMode);
}
