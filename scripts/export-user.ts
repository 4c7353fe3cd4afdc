/**
 * Exports one person's journal from the local store, to stdout:
 *
 *   npm run export                       # the terminal chat's journal, as JSON
 *   npm run export -- --csv              # as CSV, for a spreadsheet
 *   npm run export -- --channel sms --identity +15550100000
 *
 * The identity is turned into the user id with the local pepper; it is never stored.
 */
import { parseArgs } from 'node:util';
import { type IdentityChannel, userIdFor } from '../src/identity/user-id.ts';
import { loadLocalConfig } from '../src/local/config.ts';
import { prepareDataDir } from '../src/local/data-dir.ts';
import { openLocalStore } from '../src/local/local-store.ts';
import { localUserName } from '../src/local/local-user.ts';
import { loadOrCreateLocalPepper } from '../src/local/pepper.ts';
import { toCsv, toJson } from '../src/store/export-format.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CHANNELS: readonly IdentityChannel[] = ['chat', 'sms', 'alexa'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      csv: { type: 'boolean', default: false },
      channel: { type: 'string', default: 'chat' },
      identity: { type: 'string' },
    },
  });
  const channel = values.channel as IdentityChannel;
  if (!CHANNELS.includes(channel)) throw new Error('--channel must be chat, sms or alexa');
  const identity = values.identity ?? (channel === 'chat' ? localUserName() : undefined);
  if (!identity) throw new Error('--identity is needed for sms and alexa');

  const config = loadLocalConfig();
  await prepareDataDir(config.dataDir);
  const pepper = await loadOrCreateLocalPepper(config.dataDir, config.idPepper);
  const local = await openLocalStore(config);
  try {
    const exported = await local.store.exportUser(userIdFor(pepper, channel, identity));
    process.stdout.write(values.csv ? toCsv(exported) : toJson(exported));
  } finally {
    await local.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
