/**
 * `npm run bench:crisis`: how fast the crisis gate answers, measured, never asserted in tests.
 *
 * - First check: fresh `node` processes load a bundle of the gate and time the first
 *   `assess()` of a 320-character message (V8 compiles what it runs on first use).
 *   Target: 50 ms.
 * - Warm: one process, 320-character messages (everyday and crisis, each a little different
 *   so nothing is cached by accident), p50 and p99 of `assess()`. Target: p99 within 1 ms.
 * - Floor, in the same run: folding the same message (normalize.ts), the least any reading
 *   of it costs, so a slow machine shows as a slow floor rather than a slow gate.
 *
 * Interleaved rounds, so load on the machine hits both sides alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { copyCrisisData } from './bundle.ts';
import { CRISIS_DATA_IMPORTS, NODE_TARGET } from './esbuild-options.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const WARM_CALLS = Number(process.env.BENCH_CALLS ?? 4000);

const EVERYDAY =
  'honestly today was a lot, work was awful and my manager yelled at me again in front of everyone, and then the bus was late so I walked home in the rain. I made pasta, called my sister for a bit, and now I am lying on the couch trying to decide if I have the energy to do the dishes tonight or just leave them';
const CRISIS =
  'honestly today was a lot, work was awful and my manager yelled at me again in front of everyone, and then the bus was late so I walked home in the rain. I keep thinking everyone would be better off without me and I have been saving up my pills, I think tonight might be the night, I am so tired of all of it';

const dir = mkdtempSync(join(tmpdir(), 'bench-crisis-'));
/**
 * One module as a bundle of its own, the way Lambda loads the core: the gate's data beside it
 * in data/, read by Node as JSON when the bundle loads (scripts/esbuild-options.ts).
 */
async function bundleOf(source: string, name: string): Promise<string> {
  const outfile = join(dir, name);
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'src', 'core', 'crisis', source)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    // The Lambda target: it keeps the JSON imports' `with { type: 'json' }`, which node20 would drop.
    target: NODE_TARGET,
    outfile,
    external: [...CRISIS_DATA_IMPORTS],
    logLevel: 'silent',
  });
  return outfile;
}
await copyCrisisData(dir);
const bundle = await bundleOf('gate.ts', 'gate.mjs');
const floorBundle = await bundleOf('normalize.ts', 'fold.mjs');

const firstProbe = join(dir, 'first.mjs');
writeFileSync(
  firstProbe,
  `const [bundle, fn, text] = process.argv.slice(2);
const t0 = performance.now();
const m = await import(bundle);
const t1 = performance.now();
m[fn](text);
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1 }));`,
);

const warmProbe = join(dir, 'warm.mjs');
writeFileSync(
  warmProbe,
  `const [bundle, fn, calls, a, b] = process.argv.slice(2);
const m = await import(bundle);
const run = m[fn];
const texts = [a, b];
for (let i = 0; i < 500; i++) run(texts[i % 2].slice(0, 300) + ' ' + i);
const times = [];
for (let i = 0; i < Number(calls); i++) {
  const text = (texts[i % 2].slice(0, 300) + ' ' + (i % 997)).padEnd(320, '.').slice(0, 320);
  const s = performance.now();
  run(text);
  times.push(performance.now() - s);
}
times.sort((x, y) => x - y);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
console.log(JSON.stringify({ p50: at(0.5), p99: at(0.99) }));`,
);

const node = (args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, args, {
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    }),
  );
const message320 = CRISIS.padEnd(320, '.').slice(0, 320);

const everyday320 = EVERYDAY.padEnd(320, '.').slice(0, 320);
const first: number[] = [];
const firstEveryday: number[] = [];
const firstFloor: number[] = [];
const load: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const gate = node([firstProbe, bundle, 'assess', message320]);
  first.push(gate.first);
  load.push(gate.load);
  firstEveryday.push(node([firstProbe, bundle, 'assess', everyday320]).first);
  firstFloor.push(node([firstProbe, floorBundle, 'fold', message320]).first);
}
const warm = node([warmProbe, bundle, 'assess', String(WARM_CALLS), EVERYDAY, CRISIS]);
const warmFloor = node([warmProbe, floorBundle, 'fold', String(WARM_CALLS), EVERYDAY, CRISIS]);
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(2)} ms`;

console.log(`crisis gate, node ${process.version}, ${ROUNDS} fresh processes, ${WARM_CALLS} warm calls`);
console.log(`| measure | gate | floor (fold only) | target |`);
console.log(`|---|---:|---:|---:|`);
console.log(`| load the gate bundle | ${ms(median(load))} | | |`);
console.log(
  `| first check, fresh process, crisis message (median) | ${ms(median(first))} | ${ms(median(firstFloor))} | 50 ms |`,
);
console.log(
  `| first check, fresh process, everyday message (median) | ${ms(median(firstEveryday))} | | 50 ms |`,
);
console.log(
  `| first check, slowest of ${ROUNDS} | ${ms(Math.max(...first))} | ${ms(Math.max(...firstFloor))} | |`,
);
console.log(`| warm p50, 320 characters | ${ms(warm.p50)} | ${ms(warmFloor.p50)} | |`);
console.log(`| warm p99, 320 characters | ${ms(warm.p99)} | ${ms(warmFloor.p99)} | 1 ms |`);
const ok = median(first) <= 50 && median(firstEveryday) <= 50 && warm.p99 <= 1;
console.log(ok ? 'within target' : 'OVER TARGET');
process.exitCode = ok ? 0 : 1;
