/**
 * Local secrets, generated once and kept in DATA_DIR: the identity pepper, so a restart
 * (or `npm run chat` next to `npm start`) maps the same person to the same user id, and a
 * development Twilio auth token when TWILIO_AUTH_TOKEN is not set.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATABASE_DIR, holdsDatabase, isErrno, LocalDataError } from './data-dir.ts';

/** File name of the generated pepper inside DATA_DIR. */
export const PEPPER_FILE = 'id-pepper';
/** File name of the development Twilio auth token inside DATA_DIR. */
export const DEV_TWILIO_TOKEN_FILE = 'twilio-dev-auth-token';

const PEPPER_BYTES = 32;

/**
 * Returns `override` (ID_PEPPER) when given; otherwise the pepper stored in `dataDir`,
 * creating it (owner read/write only) on first use.
 *
 * @throws PepperMissingError when the file is gone but the database already holds data:
 *   a new pepper would give every person a new user id, and their journals would be
 *   kept but never found again.
 */
export function loadOrCreateLocalPepper(dataDir: string, override?: string): Promise<string> {
  return loadOrCreateLocalSecret(dataDir, PEPPER_FILE, override, PEPPER_BYTES, async () => {
    if (await holdsDatabase(dataDir)) throw new PepperMissingError(join(dataDir, PEPPER_FILE), dataDir);
  });
}

/** File name of the key that seals reminder phone numbers locally (AES-256-GCM). */
export const CONTACT_KEY_FILE = 'contact-key';

/**
 * The local key for sealing the phone numbers of people who asked for reminders
 * (src/identity/contact-vault.ts), generated once into `dataDir`. Losing it only loses
 * those numbers: their reminders stop until they ask again, nothing else is affected.
 */
export function loadOrCreateLocalContactKey(dataDir: string): Promise<string> {
  return loadOrCreateLocalSecret(dataDir, CONTACT_KEY_FILE, undefined, 32);
}

/** TWILIO_AUTH_TOKEN when given; otherwise a development token kept in `dataDir`. */
export function loadOrCreateDevTwilioToken(dataDir: string, override?: string): Promise<string> {
  return loadOrCreateLocalSecret(dataDir, DEV_TWILIO_TOKEN_FILE, override, 16);
}

async function loadOrCreateLocalSecret(
  dataDir: string,
  fileName: string,
  override: string | undefined,
  bytes = PEPPER_BYTES,
  beforeCreating: () => Promise<void> = async () => {},
): Promise<string> {
  if (override) return override;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, fileName);
  // Read first: a start with the secret in place writes nothing here.
  const existing = await readSecret(file);
  if (existing !== undefined) return existing;
  await beforeCreating();
  const fresh = randomBytes(bytes).toString('hex');
  // Written aside, then linked into place: link fails if the file exists, so two processes
  // starting at once agree on one pepper and neither reads a half-written file.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await link(temp, file);
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp).catch(() => {});
  }
  // Another process linked its secret first: use that one.
  const theirs = await readSecret(file);
  if (theirs === undefined) throw new PepperFileError(file);
  return theirs;
}

/** The stored secret; undefined when there is no file. */
async function readSecret(file: string): Promise<string | undefined> {
  let stored: string;
  try {
    stored = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  if (stored.length === 0) throw new PepperFileError(file);
  // Tighten permissions left loose by a copy or an old checkout.
  await chmod(file, 0o600).catch(() => {});
  return stored;
}

/** A secret file exists but is empty: refusing to invent a new one, which (for the pepper) would orphan every journal. */
export class PepperFileError extends LocalDataError {
  constructor(readonly file: string) {
    super(`The local secret file ${file} is empty; restore it or remove it to start afresh`);
    this.name = 'PepperFileError';
  }
}

/** The pepper file is gone while the database holds journals made with it. */
export class PepperMissingError extends LocalDataError {
  constructor(
    readonly file: string,
    dataDir: string,
  ) {
    super(
      `${file} is missing but ${join(dataDir, DATABASE_DIR)} holds journals keyed with it; a new pepper would orphan them all: restore ${file} from a backup, or set ID_PEPPER to the pepper they were made with, or move ${dataDir} away to start afresh`,
    );
    this.name = 'PepperMissingError';
  }
}
