/**
 * `npm start`: the local server on an embedded DynamoDB-compatible store, zero
 * configuration. config -> store (dynalite in DATA_DIR, or DYNAMODB_ENDPOINT) -> turn
 * runner -> express on PORT. Ctrl-C closes the store so LevelDB flushes every journal.
 */
import type { Server } from 'node:http';
import { createLocalAlexaRoute, localAlexaSettings } from '../channels/alexa/local-route.ts';
import { createSmsRouter } from '../channels/sms/express-router.ts';
import { createLogger, errorName } from '../observability/log.ts';
import { createTurnRunner } from '../service/turn-runner.ts';
import { wireSmsWebhook } from '../wiring/sms.ts';
import { createLocalApp, type Mount } from './app.ts';
import { ConfigError, loadLocalConfig } from './config.ts';
import { openLocalStore } from './local-store.ts';
import { loadOrCreateDevTwilioToken, loadOrCreateLocalPepper } from './pepper.ts';
import { configureServerTimeouts } from './timeouts.ts';

// Local runs may use Node 20 (package.json engines); Lambda runs Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SHUTDOWN_GRACE_MS = 5000;

async function main(): Promise<void> {
  const config = loadLocalConfig();
  const logger = createLogger();
  const pepper = await loadOrCreateLocalPepper(config.dataDir, config.idPepper);
  const local = await openLocalStore(config);
  const runTurn = createTurnRunner({ store: local.store, logger });

  const twilioAuthToken = await loadOrCreateDevTwilioToken(config.dataDir, config.twilioAuthToken);
  const mounts: Mount[] = [
    {
      path: '/sms',
      router: createSmsRouter(
        wireSmsWebhook({
          store: local.store,
          logger,
          authToken: twilioAuthToken,
          pepper,
          publicUrl: config.publicUrl,
        }),
      ),
    },
    createLocalAlexaRoute({ store: local.store, pepper, logger }),
  ];

  const app = createLocalApp({ runTurn, store: local.store, pepper, logger, mounts });
  // With Alexa's signature check off, anyone who can reach the port could speak as any
  // Alexa user: then only this machine may reach it.
  const host = localAlexaSettings().verifySignature ? undefined : '127.0.0.1';
  const server = await listen(app, config.port, host).catch(async (error: unknown) => {
    // PORT taken, say: release the store cleanly before reporting it.
    await local.close();
    throw error;
  });
  configureServerTimeouts(server);
  const port = (server.address() as { port: number }).port;
  const where = local.mode === 'configured' ? `DynamoDB at ${local.endpoint}` : `data in ${config.dataDir}`;
  process.stdout.write(`my check in is running at http://localhost:${port} (${where})\n`);
  process.stdout.write(`SMS webhook: POST ${config.publicUrl}/sms, signed with Twilio's scheme\n`);
  if (!config.twilioAuthToken) {
    // A development token only: it signs local test requests, never a real Twilio number's.
    process.stdout.write(
      `  development TWILIO_AUTH_TOKEN (set your own to use a real number): ${twilioAuthToken}\n`,
    );
  }
  process.stdout.write(`Alexa endpoint: POST http://localhost:${port}/alexa\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'server-stopping', step: signal });
    const force = setTimeout(() => {
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      local
        .close()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          logger.error({ event: 'store-close-failed', error: errorName(error) });
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function listen(app: ReturnType<typeof createLocalApp>, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => (error ? reject(error) : resolve(server));
    const server = host === undefined ? app.listen(port, done) : app.listen(port, host, done);
  });
}

main().catch((error: unknown) => {
  // A config error names the setting (never a value); anything else is for the operator's terminal.
  if (error instanceof ConfigError) process.stderr.write(`Configuration error: ${error.message}\n`);
  else
    process.stderr.write(
      `Could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});
