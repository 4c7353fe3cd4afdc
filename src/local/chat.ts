/**
 * `npm run chat`: a check-in in the terminal, through the same turn runner and store as
 * the server (same DATA_DIR). On a terminal it opens the conversation and prompts; with
 * piped stdin it reads one message a line and prints only the replies, so
 * `printf 'hi\nheavy\n' | npm run -s chat` works in a script.
 *
 * When it joined a running server's store and that server stops, the chat says so in one
 * line and ends (exit 1): every later turn would only fail to save.
 */
import { createInterface } from 'node:readline';
import { renderPlainText } from '../channels/chat/render-text.ts';
import type { Input } from '../core/types.ts';
import { userIdFor } from '../identity/user-id.ts';
import { silentLogger } from '../observability/log.ts';
import { createTurnRunner } from '../service/turn-runner.ts';
import { loadLocalConfig } from './config.ts';
import { prepareDataDir } from './data-dir.ts';
import { failureLine } from './failure-line.ts';
import { openLocalStore } from './local-store.ts';
import { localUserName } from './local-user.ts';
import { loadOrCreateLocalPepper } from './pepper.ts';

// Local runs may use Node 20 (package.json engines); the warning would land in the chat.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const PROMPT = '> ';

async function main(): Promise<void> {
  const config = loadLocalConfig();
  await prepareDataDir(config.dataDir);
  const pepper = await loadOrCreateLocalPepper(config.dataDir, config.idPepper);
  const local = await openLocalStore(config);
  local.ownerStopped?.then((pid) => {
    process.stderr.write(
      `The server this chat joined (process ${pid}) has stopped, so nothing more can be saved; the chat has ended. Start npm start again, or run npm run chat on its own.\n`,
    );
    process.exit(1);
  });
  // Logs would mix with the conversation; the chat is a local tool with nothing to monitor.
  const runTurn = createTurnRunner({ store: local.store, logger: silentLogger });
  const userId = userIdFor(pepper, 'chat', localUserName());
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;

  const say = async (input: Input): Promise<void> => {
    const { reply } = await runTurn({ userId, channel: 'chat', region: 'US', input });
    const text = renderPlainText(reply);
    if (text !== '') process.stdout.write(`${text}\n${interactive ? '\n' : ''}`);
  };

  const lines = createInterface({
    input: process.stdin,
    ...(interactive ? { output: process.stdout, prompt: PROMPT } : {}),
    terminal: interactive,
  });
  // Ctrl-C ends the chat like Ctrl-D does, closing the store so nothing is lost.
  lines.on('SIGINT', () => lines.close());
  try {
    if (interactive) {
      await say({ type: 'open' });
      lines.prompt();
    }
    // One message at a time, in order: the next line waits for the previous reply.
    for await (const line of lines) {
      const text = line.trim();
      if (text !== '') await say({ type: 'text', text });
      if (interactive) lines.prompt();
    }
  } finally {
    lines.close();
    await local.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${failureLine('The chat stopped', error, 'name')}\n`);
    process.exit(1);
  },
);
