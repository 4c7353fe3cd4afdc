/**
 * `npm run bench:cold`: how long each Lambda bundle takes to load in a fresh
 * Node process, next to a "bare" bundle of the SDKs that function cannot
 * avoid, built with the same esbuild settings. Target: ratio <= 1.25x.
 *
 *   npm run bench:cold            # 21 runs each
 *   npm run bench:cold -- 41      # 41 runs each
 *
 * Each run is a new `node --enable-source-maps` process (as on Lambda) that
 * times `await import(bundle)`, which includes Node reading the crisis gate's JSON
 * files beside the bundle (data/, see esbuild-options.ts); the median is reported. Bundle and bare run
 * back to back in each round, in alternating order, so a busy machine (two
 * cores, other test runs) slows both alike; the spread of the per-round ratio
 * shows how noisy a measurement was. Figures belong in docs/operations.md
 * ("Bundles and cold start"), not in a timed test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { PLACEHOLDER_LAMBDA_ENV } from '../src/config/lambda-env.ts';
import { buildLambdaBundles, formatBytes, PROJECT_ROOT } from './bundle.ts';
import { LAMBDA_ESBUILD_OPTIONS } from './esbuild-options.ts';

/**
 * The least each function must load: its platform SDK plus the DynamoDB
 * client, constructed at module scope as a composition root would.
 */
export const BASELINES: Record<string, string> = {
  alexa: `
    import { SkillBuilders } from 'ask-sdk-core';
    import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
    import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
    export const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    export const handler = SkillBuilders.custom().lambda();
  `,
  sms: `
    import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
    import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
    import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
    export const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    export const handler = async () => validateRequest('token', 'sig', 'https://example.com/sms', {});
  `,
};

/** Builds a baseline from source text, resolving packages from the repository. */
async function buildBaseline(name: string, contents: string, outDir: string): Promise<string> {
  const outfile = join(outDir, `bare-${name}.mjs`);
  await build({
    ...LAMBDA_ESBUILD_OPTIONS,
    stdin: { contents, resolveDir: PROJECT_ROOT, sourcefile: `bare-${name}.ts`, loader: 'ts' },
    outfile,
  });
  return outfile;
}

/** One cold import: wall-clock milliseconds, and CPU milliseconds the process spent on it. */
export interface ImportSample {
  wallMs: number;
  /**
   * User + system CPU time of the whole process (all threads) during the import. Unlike
   * wall time it barely moves when other processes compete for the two cores, so it
   * cross-checks a wall-time ratio taken on a busy machine.
   */
  cpuMs: number;
}

/** Imports `file` in one fresh Node process. */
function timeImport(file: string): ImportSample {
  const script = `const t = performance.now(); const c = process.cpuUsage(); await import(${JSON.stringify(pathToFileURL(file).href)}); const { user, system } = process.cpuUsage(c); process.stdout.write(JSON.stringify({ wallMs: performance.now() - t, cpuMs: (user + system) / 1000 }));`;
  const child = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
    // A clean environment like Lambda's: its variables, no loaders inherited from tsx.
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: 'us-east-1',
      NODE_NO_WARNINGS: '1',
      ...PLACEHOLDER_LAMBDA_ENV,
    },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`Loading ${file} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ImportSample;
}

/** The value at fraction `q` (0..1) of `values`, nearest rank. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.round((sorted.length - 1) * q)] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Rounds thrown away first: they fill the file cache and settle the CPU clock. */
const WARM_UP_ROUNDS = 2;

/**
 * Cold-import times of each file, `runs` rounds each. Every round loads each
 * file once, in an order that alternates between rounds (first to last, then
 * last to first), so neither file always goes first while the machine's load
 * drifts over both alike.
 */
export function importTimes(files: readonly string[], runs: number): ImportSample[][] {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const file of files) timeImport(file);
  const times = files.map((): ImportSample[] => []);
  for (let round = 0; round < runs; round++) {
    const order = [...files.keys()];
    if (round % 2 === 1) order.reverse();
    for (const i of order) times[i]?.push(timeImport(files[i] as string));
  }
  return times;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 21);
  const dir = await mkdtemp(join(tmpdir(), 'check-in-bench-'));
  try {
    const bundles = await buildLambdaBundles(dir);
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
    console.log(
      `cold import, median of ${runs} fresh processes (node ${process.version}, ${process.arch}, load ${load})`,
    );
    console.log(
      'bundle  size       + data/   import    bare size  bare import  ratio  round ratios p25-p75  CPU ratio',
    );
    for (const bundle of bundles) {
      const bareSource = BASELINES[bundle.name];
      if (!bareSource) continue;
      const bare = await buildBaseline(bundle.name, bareSource, dir);
      const bareBytes = (await stat(bare)).size;
      const [samples = [], bareSamples = []] = importTimes([bundle.file, bare], runs);
      const ms = median(samples.map((s) => s.wallMs));
      const bareMs = median(bareSamples.map((s) => s.wallMs));
      const cpuRatio = median(samples.map((s) => s.cpuMs)) / median(bareSamples.map((s) => s.cpuMs));
      // Each round's two loads ran back to back; their ratio shows how steady the machine was.
      const ratios = samples.map((s, i) => s.wallMs / (bareSamples[i]?.wallMs ?? Number.NaN));
      console.log(
        [
          bundle.name.padEnd(6),
          formatBytes(bundle.bytes).padStart(9),
          // The crisis gate's JSON beside the bundle (esbuild-options.ts), loaded with it.
          formatBytes(bundle.data.reduce((sum, d) => sum + d.bytes, 0)).padStart(9),
          `${ms.toFixed(1)} ms`.padStart(9),
          formatBytes(bareBytes).padStart(10),
          `${bareMs.toFixed(1)} ms`.padStart(11),
          `${(ms / bareMs).toFixed(2)}x`.padStart(6),
          `${quantile(ratios, 0.25).toFixed(2)}-${quantile(ratios, 0.75).toFixed(2)}x`.padStart(21),
          `${cpuRatio.toFixed(2)}x`.padStart(9),
        ].join('  '),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
