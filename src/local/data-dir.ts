/**
 * DATA_DIR itself: made (or tightened) to owner-only before anything is read or written in
 * it, checked to be a writable directory, and asked whether it already holds a database.
 *
 * DATA_DIR holds people's journals and the pepper that links them to people, so another
 * local user must not read it: the directory and every directory below are 0700, every
 * file 0600, on every start (a copy, a restore or an old checkout may have left them
 * looser), and the process umask is 077 so whatever LevelDB creates later is born so.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The embedded database's LevelDB directory inside DATA_DIR. */
export const DATABASE_DIR = 'dynamodb';

const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;
/** Group and others get nothing. */
const OWNER_ONLY_UMASK = 0o077;

/**
 * Something about DATA_DIR stops a local process from starting. The message is the one
 * line the operator reads: the path, what is wrong and what to do; never a stack.
 */
export class LocalDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalDataError';
  }
}

/**
 * Makes DATA_DIR exist as an owner-only directory, tightens what is in it, and checks that
 * this process can write there. Sets the process umask to 077 for the rest of its life:
 * LevelDB creates new files whenever it compacts, not only while opening.
 *
 * @throws LocalDataError naming the path and the cause (a file in the way, permission
 *   denied, read-only file system).
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  process.umask(OWNER_ONLY_UMASK);
  try {
    await mkdir(dataDir, { recursive: true, mode: DIRECTORY_MODE });
    const stats = await lstat(dataDir);
    if (!stats.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    await tightenModes(dataDir);
    await checkWritable(dataDir);
  } catch (error) {
    if (error instanceof LocalDataError) throw error;
    throw dataDirError(dataDir, error);
  }
}

/**
 * True when DATA_DIR already holds a database: its LevelDB directory has anything in it
 * (MANIFEST-*, *.ldb, *.log, CURRENT, LOCK, ...). Such a directory is opened, never created.
 */
export async function holdsDatabase(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(join(dataDir, DATABASE_DIR))).length > 0;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw dataDirError(join(dataDir, DATABASE_DIR), error);
  }
}

/** One line for a file-system error on `path`: the path, the cause in words, and the way out. */
export function dataDirError(path: string, error: unknown): LocalDataError {
  const where = errnoPath(error) ?? path;
  return new LocalDataError(
    `${where}: ${describeCause(error)}. DATA_DIR must be a directory this user can write; fix it, or set DATA_DIR to another one`,
    { cause: error },
  );
}

/** The cause of a file-system error in plain words. */
export function describeCause(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EACCES':
      return 'permission denied';
    case 'EPERM':
      return 'operation not permitted (an immutable file, see lsattr, or one owned by another user)';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is where a directory should be';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

async function tightenModes(dir: string): Promise<void> {
  await chmodIfLooser(dir, DIRECTORY_MODE);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // A symbolic link is never followed: tightening must not reach outside DATA_DIR.
    if (entry.isDirectory()) await tightenModes(path);
    else if (entry.isFile()) await chmodIfLooser(path, FILE_MODE);
  }
}

/** Only when needed, so a read-only but already tight DATA_DIR is reported by the write check. */
async function chmodIfLooser(path: string, mode: number): Promise<void> {
  try {
    if (((await lstat(path)).mode & 0o777) !== mode) await chmod(path, mode);
  } catch (error) {
    // A running server's LevelDB may delete a file between readdir and here.
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}

/** Creating a file is what every start does first; find out now rather than from LevelDB. */
async function checkWritable(dataDir: string): Promise<void> {
  const probe = join(dataDir, `.write-check-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeFile(probe, '', { flag: 'wx', mode: FILE_MODE });
  await unlink(probe);
}

function errnoPath(error: unknown): string | undefined {
  const path = (error as NodeJS.ErrnoException | undefined)?.path;
  return typeof path === 'string' && !path.includes('.write-check-') ? path : undefined;
}

export function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
