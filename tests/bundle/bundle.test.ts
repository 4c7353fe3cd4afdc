import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundle, buildLambdaBundles } from '../../scripts/bundle.ts';
import { PLACEHOLDER_LAMBDA_ENV } from '../../src/config/lambda-env.ts';

let outDir: string;
let bundles: Map<string, BuiltBundle>;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'check-in-bundle-'));
  bundles = new Map((await buildLambdaBundles(outDir)).map((b) => [b.name, b]));
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Imports a bundle in a fresh Node process, as Lambda does, and reports the type of `handler`. */
function handlerTypeInFreshNode(file: string): string {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(typeof m.handler);`;
  const child = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    // What Lambda would have: its environment contract, no tsx loader, no
    // repository node_modules to fall back on.
    cwd: outDir,
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      NODE_NO_WARNINGS: '1',
      ...PLACEHOLDER_LAMBDA_ENV,
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return child.stdout;
}

describe('the Lambda bundles', () => {
  it.each(['alexa', 'sms', 'sms-fallback', 'reminders'])(
    '%s.mjs loads on its own and exports a handler function',
    (name) => {
      // Prepare
      const bundle = bundles.get(name);
      expect(bundle?.file).toBe(join(outDir, `${name}.mjs`));

      // Act
      const handlerType = handlerTypeInFreshNode(bundle?.file ?? '');

      // Assess
      expect(handlerType).toBe('function');
    },
  );

  it('carries the crisis gate data beside the SMS and Alexa bundles, not inside them', async () => {
    for (const name of ['alexa', 'sms']) {
      const bundle = bundles.get(name);
      const text = await readFile(bundle?.file ?? '', 'utf8');

      expect(bundle?.data.map((d) => basename(d.file)).sort(), name).toEqual([
        'classifier.json',
        'compiled.json',
      ]);
      // The classifier's weights are in the data file, and nowhere in the JavaScript.
      const classifier = JSON.parse(await readFile(join(outDir, 'data', 'classifier.json'), 'utf8')) as {
        risk: { values: string };
      };
      expect(text, name).not.toContain(classifier.risk.values.slice(0, 64));
      expect(
        bundle?.inputs.filter((input) => input.startsWith('src/core/crisis/')).length,
        name,
      ).toBeGreaterThan(0);
    }
    expect(bundles.get('sms-fallback')?.data).toEqual([]);
  });

  it('ships a source map next to each bundle', async () => {
    for (const bundle of bundles.values()) {
      const map = JSON.parse(await readFile(`${bundle.file}.map`, 'utf8')) as { sources: string[] };
      expect(map.sources.length).toBeGreaterThan(0);
    }
  });

  it('keeps the SMS bundle to Twilio webhook validation, not the whole twilio client', async () => {
    const sms = bundles.get('sms');
    const twilioInputs = (sms?.inputs ?? []).filter((input) => input.includes('node_modules/twilio/'));
    const text = await readFile(sms?.file ?? '', 'utf8');

    expect(twilioInputs.length).toBeGreaterThan(0);
    expect(twilioInputs.filter((input) => input.includes('twilio/lib/rest/'))).toEqual([]);
    expect(text).not.toContain('twilio/lib/rest');
    expect(text).not.toContain('api.twilio.com');
  });

  it('keeps the fallback-URL bundle tiny: the fallback words, not the crisis gate or an SDK', async () => {
    const fallback = bundles.get('sms-fallback');
    const inputs = fallback?.inputs ?? [];

    expect(
      inputs.filter((input) => input.includes('src/core/crisis/') || input.includes('node_modules/')),
    ).toEqual([]);
    expect(fallback?.bytes).toBeLessThan(32 * 1024);
    expect(await readFile(fallback?.file ?? '', 'utf8')).toContain('741741');
  });

  it('leaves the local simulator out of every Lambda bundle: no page, no simulator route, no emulator', async () => {
    for (const bundle of bundles.values()) {
      const local = bundle.inputs.filter(
        (input) => input.startsWith('src/local/') || input.includes('node_modules/virtual-alexa/'),
      );
      const text = await readFile(bundle.file, 'utf8');

      expect(local, bundle.name).toEqual([]);
      expect(text, bundle.name).not.toContain('/simulator/people');
      expect(text, bundle.name).not.toContain('Try it in a browser');
    }
  });
});
