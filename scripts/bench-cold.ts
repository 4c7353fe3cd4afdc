/**
 * `npm run bench:cold`: how long each Lambda bundle takes to load in a fresh
 * Node process, next to a "bare" bundle of the SDKs that function cannot
 * avoid, built with the same esbuild settings. Target: ratio <= 1.25x.
 *
 *   npm run bench:cold            # 15 runs each
 *   npm run bench:cold -- 31      # 31 runs each
 *
 * Each run is a new `node --enable-source-maps` process (as on Lambda) that
 * times `await import(bundle)`; the median is reported. Figures belong in the
 * README, not in a timed test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

/** Milliseconds to import `file` in one fresh Node process. */
function timeImport(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
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
  return Number(child.stdout);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Median cold-import time of each file over `runs` rounds. Files alternate
 * within a round so machine load drifts over both alike; one discarded round
 * warms the file cache.
 */
export function medianImportMs(files: readonly string[], runs: number): number[] {
  for (const file of files) timeImport(file);
  const times = files.map((): number[] => []);
  for (let round = 0; round < runs; round++) {
    for (const [i, file] of files.entries()) times[i]?.push(timeImport(file));
  }
  return times.map(median);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 15);
  const dir = await mkdtemp(join(tmpdir(), 'check-in-bench-'));
  try {
    const bundles = await buildLambdaBundles(dir);
    console.log(`cold import, median of ${runs} fresh processes (node ${process.version}, ${process.arch})`);
    console.log('bundle  size       import    bare size  bare import  ratio');
    for (const bundle of bundles) {
      const bareSource = BASELINES[bundle.name];
      if (!bareSource) continue;
      const bare = await buildBaseline(bundle.name, bareSource, dir);
      const bareBytes = (await stat(bare)).size;
      const [ms = Number.NaN, bareMs = Number.NaN] = medianImportMs([bundle.file, bare], runs);
      console.log(
        [
          bundle.name.padEnd(6),
          formatBytes(bundle.bytes).padStart(9),
          `${ms.toFixed(1)} ms`.padStart(9),
          formatBytes(bareBytes).padStart(10),
          `${bareMs.toFixed(1)} ms`.padStart(11),
          `${(ms / bareMs).toFixed(2)}x`.padStart(6),
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
