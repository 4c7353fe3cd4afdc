/**
 * One owner per DATA_DIR: the process that embeds the database (`npm start`, or a chat or
 * export when no server runs) keeps its pid in DATA_DIR/owner.lock while it runs.
 *
 * Without it a second `npm start` joined the first one's store and, when the first
 * stopped, stayed up answering /healthz 503 forever. A lock left by a process that died
 * (kill -9, a crash) is taken over. LevelDB's own LOCK stays the last word should two
 * starts ever take over the same stale lock at once: the loser is refused when it opens.
 */
import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno, LocalDataError } from './data-dir.ts';

export const LOCK_FILE = 'owner.lock';

export interface DataDirLock {
  /** Removes the lock if it is still ours. */
  release(): Promise<void>;
}

/** Another live process owns DATA_DIR. */
export class DataDirInUseError extends LocalDataError {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `${dataDir} is in use by process ${pid} (another npm start, npm run chat or npm run export); stop it first, or set DATA_DIR to another directory`,
    );
    this.name = 'DataDirInUseError';
  }
}

/**
 * Takes DATA_DIR for this process.
 * @throws DataDirInUseError naming the live process that holds it.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const file = join(dataDir, LOCK_FILE);
  // Written aside, then linked into place: link fails if the lock exists, and a reader
  // never sees a half-written pid.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
  try {
    // Twice at most: once as is, once after removing a dead owner's lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(temp, file);
        return { release: () => unlinkIfOurs(file) };
      } catch (error) {
        if (!isErrno(error, 'EEXIST')) throw error;
      }
      const holder = await readHolder(file);
      if (holder !== null && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUseError(dataDir, holder);
      }
      await unlink(file).catch((error: unknown) => {
        if (!isErrno(error, 'ENOENT')) throw error;
      });
    }
    const holder = await readHolder(file);
    throw new DataDirInUseError(dataDir, holder ?? -1);
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

async function readHolder(file: string): Promise<number | null> {
  try {
    const pid = Number((await readFile(file, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function unlinkIfOurs(file: string): Promise<void> {
  if ((await readHolder(file)) === process.pid) await unlink(file).catch(() => {});
}
