/**
 * Checks an existing embedded database before dynalite opens it.
 *
 * dynalite opens LevelDB as `new Level(path, { valueEncoding: 'json' })` and passes no
 * other option, so it always opens with "create if missing". With CURRENT gone that means
 * a new, empty database, and LevelDB then deletes the old table files as obsolete: every
 * journal lost while the server reports itself healthy. dynalite also swallows an open
 * failure and later throws "Database is closed" from a callback, which names no cause.
 *
 * So a directory that already holds a database is first opened here, with the very
 * `level` module dynalite uses and `createIfMissing: false`, and closed again: a missing
 * CURRENT, a damaged file, a read-only directory or another process's lock is reported
 * in one line before anything is written.
 */
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describeCause, isErrno, LocalDataError } from './data-dir.ts';

/** The part of `level` (classic-level) used here. */
interface LevelDatabase {
  open(options: { createIfMissing: boolean }): Promise<void>;
  close(): Promise<void>;
}
type LevelConstructor = new (location: string, options: { createIfMissing: boolean }) => LevelDatabase;

const RESTORE_ADVICE =
  'restore DATA_DIR from a backup (with the server stopped), or move it away to start afresh';

/**
 * Opens the LevelDB in `databaseDir` without creating anything, and closes it.
 * @throws LocalDataError naming the path and what is missing or wrong.
 */
export async function checkExistingDatabase(databaseDir: string): Promise<void> {
  const current = join(databaseDir, 'CURRENT');
  try {
    await access(current);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw new LocalDataError(`${current}: ${describeCause(error)}`);
    throw new LocalDataError(
      `${databaseDir} holds a database but its CURRENT file is missing, so it cannot be opened without losing every journal; nothing was changed: ${RESTORE_ADVICE}`,
    );
  }
  const db = new (levelAsDynaliteUsesIt())(databaseDir, { createIfMissing: false });
  try {
    await db.open({ createIfMissing: false });
  } catch (error) {
    throw openError(databaseDir, error);
  }
  await db.close();
}

/** `level` resolved from dynalite's own location, so this is the same LevelDB binding it opens. */
function levelAsDynaliteUsesIt(): LevelConstructor {
  const fromHere = createRequire(import.meta.url);
  const fromDynalite = createRequire(fromHere.resolve('dynalite'));
  return (fromDynalite('level') as { Level: LevelConstructor }).Level;
}

/** classic-level wraps the reason in `cause`: LEVEL_CORRUPTION, LEVEL_LOCKED, LEVEL_IO_ERROR. */
function openError(databaseDir: string, error: unknown): LocalDataError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.message ?? (error instanceof Error ? error.message : String(error));
  switch (cause?.code) {
    case 'LEVEL_CORRUPTION':
      return new LocalDataError(`${databaseDir}: the database is damaged (${detail}): ${RESTORE_ADVICE}`, {
        cause: error,
      });
    case 'LEVEL_LOCKED':
      return new LocalDataError(
        `${databaseDir}: the database is open in another process (${detail}); stop it first`,
        { cause: error },
      );
    default:
      return new LocalDataError(`${databaseDir}: the database could not be opened: ${plainIoCause(detail)}`, {
        cause: error,
      });
  }
}

/** LevelDB's IO errors end with the system's words ("Read-only file system"); say them first. */
function plainIoCause(detail: string): string {
  if (/read-only file system/i.test(detail)) return `read-only file system (${detail})`;
  if (/permission denied/i.test(detail)) return `permission denied (${detail})`;
  if (/operation not permitted/i.test(detail)) return `operation not permitted (${detail})`;
  return detail;
}
