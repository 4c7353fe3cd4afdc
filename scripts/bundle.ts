/**
 * `npm run bundle`: builds each Lambda composition root to one ESM file,
 * `dist/lambda/<name>.mjs` (+ source map), with the same esbuild settings the
 * CDK stack deploys (scripts/esbuild-options.ts), and prints the sizes.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  CRISIS_DATA_BUNDLE_DIR,
  CRISIS_DATA_FILES,
  CRISIS_DATA_IMPORTS,
  CRISIS_DATA_SOURCE_DIR,
  lambdaBuildOptions,
} from './esbuild-options.ts';

/** Repository root. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The Lambda entry points, by bundle name. */
export const LAMBDA_ENTRIES = {
  alexa: join(PROJECT_ROOT, 'lambda', 'alexa.ts'),
  sms: join(PROJECT_ROOT, 'lambda', 'sms.ts'),
  // Twilio's fallback URL: fixed TwiML, no SDK, no crisis gate; a few kilobytes.
  'sms-fallback': join(PROJECT_ROOT, 'lambda', 'sms-fallback.ts'),
  // The reminder tick and sender (the full twilio client: not latency-bound).
  reminders: join(PROJECT_ROOT, 'lambda', 'reminders.ts'),
  // The SHARE / EXPORT pages: the store and the page, no gate, no SDK but DynamoDB's.
  share: join(PROJECT_ROOT, 'lambda', 'share.ts'),
} as const;

/** Default output folder of `npm run bundle`. */
export const DEFAULT_OUT_DIR = join(PROJECT_ROOT, 'dist', 'lambda');

/** One built bundle. */
export interface BuiltBundle {
  name: string;
  /** Absolute path of the `.mjs` file. */
  file: string;
  /** Size of the `.mjs` file in bytes (the source map is not loaded by default). */
  bytes: number;
  /** Source files esbuild put in the bundle, relative to the repository root. */
  inputs: string[];
  /**
   * The crisis data files the bundle imports from beside it (`data/*.json`, see
   * esbuild-options.ts), with their sizes: shipped with it, read by Node when it loads.
   */
  data: { file: string; bytes: number }[];
}

/**
 * Copies the crisis gate's data files into `<outDir>/data/`, where a bundle that imports them
 * finds them (the CDK stack does the same into each function's asset: cdk/check-in-function.ts).
 */
export async function copyCrisisData(outDir: string): Promise<{ file: string; bytes: number }[]> {
  const dir = join(outDir, CRISIS_DATA_BUNDLE_DIR);
  await mkdir(dir, { recursive: true });
  const copied: { file: string; bytes: number }[] = [];
  for (const name of CRISIS_DATA_FILES) {
    const file = join(dir, name);
    await copyFile(join(PROJECT_ROOT, CRISIS_DATA_SOURCE_DIR, name), file);
    copied.push({ file, bytes: (await stat(file)).size });
  }
  return copied;
}

/** Builds one bundle from an entry file to `<outDir>/<name>.mjs`. */
export async function buildBundle(name: string, entry: string, outDir: string): Promise<BuiltBundle> {
  const file = join(outDir, `${name}.mjs`);
  const result = await build({
    ...lambdaBuildOptions(entry, file),
    metafile: true,
    absWorkingDir: PROJECT_ROOT,
  });
  const { size } = await stat(file);
  // The data imports esbuild left in the bundle; a bundle without the gate has none.
  const imported = new Set(
    Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.filter((i) => i.external).map((i) => i.path),
    ),
  );
  const data = CRISIS_DATA_IMPORTS.some((path) => imported.has(path)) ? await copyCrisisData(outDir) : [];
  return { name, file, bytes: size, inputs: Object.keys(result.metafile.inputs), data };
}

/** Builds every Lambda bundle into `outDir` (default `dist/lambda`). */
export async function buildLambdaBundles(outDir: string = DEFAULT_OUT_DIR): Promise<BuiltBundle[]> {
  const built: BuiltBundle[] = [];
  for (const [name, entry] of Object.entries(LAMBDA_ENTRIES)) {
    built.push(await buildBundle(name, entry, outDir));
  }
  return built;
}

/** `123.4 KB` */
export function formatBytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const built = await buildLambdaBundles();
  for (const bundle of built) {
    const data = bundle.data.reduce((sum, d) => sum + d.bytes, 0);
    console.log(
      `${relative(PROJECT_ROOT, bundle.file)}  ${formatBytes(bundle.bytes)}${data > 0 ? `  + ${CRISIS_DATA_BUNDLE_DIR}/ ${formatBytes(data)}` : ''}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
