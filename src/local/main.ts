/**
 * `npm start`: the local server on an embedded DynamoDB-compatible store, zero
 * configuration. config -> DATA_DIR (owner-only, writable) -> pepper -> store (dynalite in
 * DATA_DIR, one server per DATA_DIR, or DYNAMODB_ENDPOINT) -> turn runner -> express on
 * HOST:PORT. Ctrl-C closes the store so LevelDB flushes every journal.
 */
import type { Server } from 'node:http';
import { createLocalAlexaRoute, localAlexaSettings } from '../channels/alexa/local-route.ts';
import { createSmsRouter } from '../channels/sms/express-router.ts';
import { createTwilioSender } from '../channels/sms/outbound.ts';
import { createLocalContactVault } from '../identity/contact-vault.ts';
import { createLogger, errorName } from '../observability/log.ts';
import { createCrisisTexter, createPhoneTexter } from '../service/crisis-text.ts';
import { runReminderTick } from '../service/reminder-tick.ts';
import { createTurnRunner } from '../service/turn-runner.ts';
import { shareRoute } from '../share/express-route.ts';
import { createShareHandler } from '../share/handler.ts';
import { createShareLinkIssuer, EXPORT_PATH, SHARE_PATH } from '../share/links.ts';
import { wireSmsWebhook } from '../wiring/sms.ts';
import { createLocalApp, type Mount } from './app.ts';
import { loadLocalConfig } from './config.ts';
import { prepareDataDir } from './data-dir.ts';
import { createDevClock } from './dev-clock.ts';
import { createDevRoutes } from './dev-routes.ts';
import { failureLine } from './failure-line.ts';
import { chooseListenHost, hostForUrl } from './listen-host.ts';
import { openLocalStore } from './local-store.ts';
import { createOutbox } from './outbox.ts';
import {
  loadOrCreateDevTwilioToken,
  loadOrCreateLocalContactKey,
  loadOrCreateLocalPepper,
} from './pepper.ts';
import { createSimulator, selfUrlFor, simulatorNotice } from './simulator/simulator.ts';
import { configureServerTimeouts } from './timeouts.ts';

// Local runs may use Node 20 (package.json engines); Lambda runs Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const SHUTDOWN_GRACE_MS = 5000;
/** How often the in-process reminder tick runs (on AWS: every 5 minutes). */
const TICK_EVERY_MS = 60_000;

async function main(): Promise<void> {
  const config = loadLocalConfig();
  const alexa = localAlexaSettings();
  const logger = createLogger();
  await prepareDataDir(config.dataDir);
  const pepper = await loadOrCreateLocalPepper(config.dataDir, config.idPepper);
  // Never another server's store: that one's stopping would leave this one answering 503.
  const local = await openLocalStore(config, { joinRunning: false });
  // Turns and the reminder tick read one clock, which POST /dev/clock moves forward.
  const devClock = createDevClock();
  const clock = () => devClock.now();
  const vault = createLocalContactVault(await loadOrCreateLocalContactKey(config.dataDir));
  const runTurn = createTurnRunner({ store: local.store, logger, clock, vault });
  // Reminders: sent for real with Twilio settings, else to the local outbox (GET /outbox).
  const outbox = config.twilioSender
    ? undefined
    : createOutbox(clock, (line) => process.stdout.write(`${line}\n`));
  const twilioAuthToken = await loadOrCreateDevTwilioToken(config.dataDir, config.twilioAuthToken);
  // The simulator page (GET /, local only): a phone and an Echo on the real endpoints.
  const simulator = createSimulator({
    publicUrl: config.publicUrl,
    twilioAuthToken,
    pepper,
    store: local.store,
    skillId: alexa.skillId,
    clock,
  });
  // Texts sent first to a simulated (fake) phone also appear in its thread on the page.
  const sender = config.twilioSender
    ? createTwilioSender(config.twilioSender)
    : outbox && simulator.watchTexts(outbox);
  let ticking: Promise<{ sent: number }> | undefined;
  const tick = (): Promise<{ sent: number }> => {
    // One tick at a time; a second caller waits for the one under way, then runs its own.
    const run = (ticking ?? Promise.resolve({ sent: 0 }))
      .catch(() => ({ sent: 0 }))
      .then(() =>
        runReminderTick({
          store: local.store,
          vault,
          sender: sender as NonNullable<typeof sender>,
          logger,
          clock,
        }),
      );
    ticking = run;
    return run;
  };

  // SHARE / EXPORT links: under PUBLIC_URL when set, else the address this server listens on.
  let shareBase = config.publicUrl;
  const shareLinks = createShareLinkIssuer({ store: local.store, baseUrl: () => shareBase });
  const sharePages = shareRoute(createShareHandler({ store: local.store, logger, clock }));
  // What texting a linked phone from Alexa needs: the reminders' sender, vault and store.
  const phoneSide = { store: local.store, vault, sender: sender as NonNullable<typeof sender>, logger };
  const alexaRoute = createLocalAlexaRoute({
    store: local.store,
    pepper,
    logger,
    clock,
    // A crisis spoken to a linked Echo is texted to the phone too: the outbox, or Twilio.
    crisisTexter: createCrisisTexter(phoneSide),
    phoneTexter: createPhoneTexter(phoneSide),
    shareLinks,
  });
  let selfBase = '';
  simulator.connectEcho(
    alexa.verifySignature ? { skill: alexaRoute.skill } : { url: () => `${selfBase}/alexa` },
  );
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
          vault,
          clock,
          shareLinks,
        }),
      ),
    },
    { path: SHARE_PATH, router: sharePages },
    { path: EXPORT_PATH, router: sharePages },
    { path: alexaRoute.path, router: alexaRoute.router },
    {
      path: '/',
      router: createDevRoutes({
        clock: devClock,
        tick,
        // The next reminder or caring text (issue 14), whichever is first.
        nextDue: async (until) =>
          [
            (await local.store.dueReminders(until, 1))[0]?.dueAt,
            (await local.store.dueCaringTexts(until, 1))[0]?.dueAt,
          ]
            .filter((due): due is string => due !== undefined)
            .sort()[0],
        ...(outbox ? { outbox } : {}),
      }),
    },
    { path: '/', router: simulator.router },
  ];

  const app = createLocalApp({ runTurn, store: local.store, pepper, logger, mounts });
  const { host, notice } = chooseListenHost(config.host, alexa.verifySignature);
  if (notice) process.stderr.write(`${notice}\n`);
  const server = await listen(app, config.port, host).catch(async (error: unknown) => {
    // PORT taken, say: release the store cleanly before reporting it.
    await local.close();
    throw error;
  });
  configureServerTimeouts(server);
  const port = (server.address() as { port: number }).port;
  selfBase = selfUrlFor(host, port);
  simulator.listeningAt(selfBase);
  if (!process.env.PUBLIC_URL?.trim()) shareBase = `http://${hostForUrl(host)}:${port}`;
  const where = local.mode === 'configured' ? `DynamoDB at ${local.endpoint}` : `data in ${config.dataDir}`;
  process.stdout.write(`my check in is running at http://${hostForUrl(host)}:${port} (${where})\n`);
  process.stdout.write(`SMS webhook: POST ${config.publicUrl}/sms, signed with Twilio's scheme\n`);
  if (!config.twilioAuthToken) {
    // A development token only: it signs local test requests, never a real Twilio number's.
    process.stdout.write(
      `  development TWILIO_AUTH_TOKEN (set your own to use a real number): ${twilioAuthToken}\n`,
    );
  }
  process.stdout.write(`Alexa endpoint: POST http://${hostForUrl(host)}:${port}/alexa\n`);
  process.stdout.write(
    config.twilioSender
      ? 'Reminders: sent through your Twilio Messaging Service\n'
      : `Reminders: to the local outbox, GET http://127.0.0.1:${port}/outbox; POST /dev/clock days=1 to move the clock\n`,
  );
  process.stdout.write(`${simulatorNotice(`http://${hostForUrl(host)}:${port}/`, alexa.verifySignature)}\n`);
  const ticker = setInterval(() => {
    tick().catch((error: unknown) => logger.error({ event: 'reminder-failed', error: errorName(error) }));
  }, TICK_EVERY_MS);
  ticker.unref();

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(ticker);
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

function listen(app: ReturnType<typeof createLocalApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

// One line for the operator, never a stack: a config error names the setting (never a
// value), a DATA_DIR problem names the path and the cause.
main().catch((error: unknown) => {
  process.stderr.write(`${failureLine('Could not start', error)}\n`);
  process.exit(1);
});
// dynalite reports some LevelDB failures by throwing from a callback; say that in one line too.
process.on('uncaughtException', (error: unknown) => {
  process.stderr.write(`${failureLine('The server stopped', error)}\n`);
  process.exit(1);
});
