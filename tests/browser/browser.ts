/**
 * The browser tests' harness: one real `npm start` on a fresh DATA_DIR with zero
 * configuration (so ALEXA_VERIFY_SIGNATURE is on, as a newcomer has it), and Debian's
 * Chromium driven by playwright-core (which downloads no browser of its own).
 *
 * Finding Chromium: CHROMIUM_PATH, else `chromium` (Debian's package), `chromium-browser` or
 * Chrome on PATH. When none is found the tests FAIL with a message saying how to install it,
 * locally and in CI alike (this repository allows no skipped tests; .ci/run installs the
 * package before `npm test`).
 *
 * Screenshots go to test-results/browser/ (gitignored), or BROWSER_ARTIFACTS_DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  type Finished,
  finished,
  freePort,
  REPO_ROOT,
  spawnScript,
  waitForLine,
} from '../helpers/processes.ts';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export const INSTALL_HINT =
  'The browser tests need Chromium. Install it with `sudo apt-get install chromium` (Debian, Ubuntu), ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.';

/** The system Chromium's path, or an Error saying how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} does not exist. ${INSTALL_HINT}`);
  }
  for (const name of CANDIDATES) {
    const found = spawnSync('/bin/sh', ['-c', `command -v ${name}`], {
      encoding: 'utf8',
      env: { PATH: env.PATH ?? '' },
    }).stdout.trim();
    if (found) return found;
  }
  throw new Error(
    env.CI === 'true'
      ? `Chromium is missing in CI (.ci/run installs the chromium package first). ${INSTALL_HINT}`
      : INSTALL_HINT,
  );
}

/** Where screenshots are kept (test artefacts, not in git). */
export const ARTIFACTS_DIR = process.env.BROWSER_ARTIFACTS_DIR ?? join(REPO_ROOT, 'test-results', 'browser');

export interface Running {
  /** The URL npm start printed for the page. */
  pageUrl: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * One npm start and one Chromium for a test file. A start-up failure (Chromium missing, say)
 * fails every test of the file with its message: vitest would mark them skipped after a
 * failing beforeAll, and this repository allows no skipped tests.
 */
export function useServerAndBrowser(): () => Running {
  let running: Running | undefined;
  let failure: unknown;
  beforeAll(async () => {
    try {
      running = await startServerAndBrowser();
    } catch (error) {
      failure = error;
    }
  }, 90_000);
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (running) return running;
    throw failure instanceof Error ? failure : new Error(String(failure));
  };
}

export async function startServerAndBrowser(): Promise<Running> {
  const executablePath = findChromium();
  const dataDir = await mkdtemp(join(tmpdir(), 'check-in-browser-'));
  const port = await freePort();
  const server = spawnScript('src/local/main.ts', { DATA_DIR: dataDir, PORT: String(port) });
  let log = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const exit: Promise<Finished> = finished(server);
  let browser: Browser;
  let pageUrl: string;
  try {
    const line = await waitForLine(server, /Try it in a browser: http:\/\/\S+/);
    pageUrl = /http:\/\/\S+/.exec(line)?.[0] ?? '';
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  } catch (error) {
    server.kill('SIGTERM');
    await exit;
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  return {
    pageUrl,
    output: () => log,
    browser,
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await exit;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A page with the browser's speech synthesis recorded (headless Chromium has no voices): each
 * utterance's words land in `window.spoken` and end at once, so tests read what was spoken.
 */
export async function openSimulator(
  running: Running,
  options: { viewport?: { width: number; height: number }; fakeClock?: boolean } = {},
): Promise<Page> {
  // Reduced motion: the thread jumps to the newest text, so screenshots show it.
  const page = await running.browser.newPage({
    viewport: options.viewport ?? { width: 1400, height: 1000 },
    reducedMotion: 'reduce',
  });
  // The page's own timers (speech pauses) on Playwright's clock, moved on by the test.
  if (options.fakeClock) await page.clock.install();
  // A string: it runs in the page, and the tests' TypeScript has no DOM types.
  await page.addInitScript(`
    window.spoken = [];
    if (window.speechSynthesis) {
      window.speechSynthesis.speak = (utterance) => {
        window.spoken.push(utterance.text);
        setTimeout(() => utterance.onend && utterance.onend(new Event('end')), 0);
      };
    }
  `);
  await page.goto(running.pageUrl);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Sends one text from the phone and waits for its replies. */
export async function text(page: Page, words: string): Promise<string> {
  const before = await page.locator('#thread .bubble.them').count();
  await page.getByRole('textbox', { name: 'Text message' }).fill(words);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('#thread .bubble.them').nth(before).waitFor();
  return lastTexts(page, before);
}

/** Taps a quick reply (a numbered choice or YES) and waits for the replies. */
export async function tap(page: Page, name: RegExp): Promise<string> {
  const before = await page.locator('#thread .bubble.them').count();
  await page.locator('#quick-replies').getByRole('button', { name }).click();
  await page.locator('#thread .bubble.them').nth(before).waitFor();
  return lastTexts(page, before);
}

async function lastTexts(page: Page, before: number): Promise<string> {
  const all = await page.locator('#thread .bubble.them').allTextContents();
  return all.slice(before).join('\n');
}

/** Says (types) one thing to the Echo and waits for the words shown under the ring. */
export async function say(page: Page, words: string): Promise<string> {
  const turn = Number((await page.locator('#echo-speech').getAttribute('data-turn')) ?? '0');
  await page.getByRole('textbox', { name: 'Say to the Echo (typed)' }).fill(words);
  await page.getByRole('button', { name: 'Say', exact: true }).click();
  await page.locator(`#echo-speech[data-turn="${turn + 1}"]`).waitFor();
  return (await page.locator('#echo-speech').textContent()) ?? '';
}

/** What the page handed to speech synthesis so far, in order. */
export async function spoken(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { spoken: string[] }).spoken.slice());
}
