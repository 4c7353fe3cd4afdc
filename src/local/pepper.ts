/**
 * Local secrets, generated once and kept in DATA_DIR: the identity pepper, so a restart
 * (or `npm run chat` next to `npm start`) maps the same person to the same user id, and a
 * development Twilio auth token when TWILIO_AUTH_TOKEN is not set.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File name of the generated pepper inside DATA_DIR. */
export const PEPPER_FILE = 'id-pepper';
/** File name of the development Twilio auth token inside DATA_DIR. */
export const DEV_TWILIO_TOKEN_FILE = 'twilio-dev-auth-token';

const PEPPER_BYTES = 32;

/**
 * Returns `override` (ID_PEPPER) when given; otherwise the pepper stored in `dataDir`,
 * creating it (owner read/write only) on first use.
 */
export function loadOrCreateLocalPepper(dataDir: string, override?: string): Promise<string> {
  return loadOrCreateLocalSecret(dataDir, PEPPER_FILE, override);
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
): Promise<string> {
  if (override) return override;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, fileName);
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
  const stored = (await readFile(file, 'utf8')).trim();
  if (stored.length === 0) throw new PepperFileError(file);
  // Tighten permissions left loose by a copy or an old checkout.
  await chmod(file, 0o600).catch(() => {});
  return stored;
}

/** A secret file exists but is empty: refusing to invent a new one, which (for the pepper) would orphan every journal. */
export class PepperFileError extends Error {
  constructor(readonly file: string) {
    super(`The local secret file ${file} is empty; restore it or remove it to start afresh`);
    this.name = 'PepperFileError';
  }
}
