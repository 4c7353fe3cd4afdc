/**
 * The one set of esbuild settings for the Lambda bundles.
 *
 * Both `npm run bundle` (scripts/bundle.ts) and the CDK stack
 * (cdk/check-in-function.ts) read these, so what is measured locally is what
 * is deployed.
 */
import type { BuildOptions } from 'esbuild';

/** Node version the bundles target; matches the Lambda runtime nodejs22.x. */
export const NODE_TARGET = 'node22';

/**
 * Lets CommonJS dependencies (ask-sdk-core, twilio's webhook check) call
 * `require` for Node built-ins inside an ESM bundle; without it esbuild's shim
 * throws "Dynamic require of ... is not supported". The alias avoids clashing
 * with any bundled `createRequire`.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __checkInCreateRequire } from 'node:module'; const require = __checkInCreateRequire(import.meta.url);";

/**
 * Packages left out of the bundle. Empty on purpose: the AWS SDK v3 clients
 * are bundled so the version is the one in package-lock.json (not whatever the
 * runtime ships that week) and esbuild keeps only the commands we import.
 */
export const EXTERNAL_MODULES: readonly string[] = [];

/**
 * The crisis gate's generated data (src/core/crisis/data/, written by `npm run train:crisis`),
 * left out of the JavaScript and shipped beside each bundle, in `data/`, as the JSON files
 * they are: the gate imports them as `./data/<file>` (classifier.ts, compiled.ts), and Node
 * reads a JSON module with its own JSON parser at load. As string literals inside the bundle
 * these 880 KB were more than half of each bundle's bytes, and V8 scanned them (and
 * `--enable-source-maps` measured every line of them) on every cold start, about 10 ms of
 * the SMS function's load on this project's machine (docs/operations.md, "Bundles and cold
 * start"). The core stays as it is: it imports its data, and tests, tsx and the local server
 * read the same files where they are.
 */
export const CRISIS_DATA_FILES = ['classifier.json', 'compiled.json'] as const;

/** Where the crisis data is, in the repository and beside a bundle (the gate's import path). */
export const CRISIS_DATA_SOURCE_DIR = 'src/core/crisis/data';
export const CRISIS_DATA_BUNDLE_DIR = 'data';

/** The gate's import paths of that data, which esbuild leaves as imports. */
export const CRISIS_DATA_IMPORTS: readonly string[] = CRISIS_DATA_FILES.map(
  (file) => `./${CRISIS_DATA_BUNDLE_DIR}/${file}`,
);

/**
 * Shared esbuild build options, kept as plain data so the CDK stack can map
 * them onto NodejsFunction's `bundling` (see cdk/check-in-function.ts).
 */
export const LAMBDA_ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: NODE_TARGET,
  format: 'esm',
  minify: true,
  sourcemap: true,
  // The functions run with --enable-source-maps, which parses the map at load;
  // leaving the sources out keeps the map small and the cold start short.
  sourcesContent: false,
  // Prefer packages' ESM builds so unused exports can be dropped.
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  external: [...EXTERNAL_MODULES, ...CRISIS_DATA_IMPORTS],
  legalComments: 'none',
  logLevel: 'warning',
} satisfies BuildOptions;

/** esbuild options to build one Lambda entry to one `.mjs` file. */
export function lambdaBuildOptions(entry: string, outfile: string): BuildOptions {
  return { ...LAMBDA_ESBUILD_OPTIONS, entryPoints: [entry], outfile };
}
