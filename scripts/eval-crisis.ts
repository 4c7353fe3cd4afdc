/**
 * `npm run eval:crisis`: the crisis gate against its corpus (data/crisis-corpus/), on the
 * held-out fifth that no pattern and no training has seen, and on everything. Prints recall
 * and false alarms per kind, then every miss.
 *
 *   --no-held-out-misses   list misses of the training split only (for working on the
 *                          patterns without reading the held-out lines)
 *   --json                 the scores as JSON
 */
import { loadCorpus } from './lib/crisis-corpus.ts';
import { type Score, scoreLines } from './lib/crisis-eval.ts';

const args = new Set(process.argv.slice(2));
const heldOut = loadCorpus('held-out');
const train = loadCorpus('train');
const scores = { 'held-out': scoreLines(heldOut), all: scoreLines([...train, ...heldOut]) };

if (args.has('--json')) {
  console.log(JSON.stringify(scores, (k, v) => (k === 'misses' ? undefined : v), 2));
  process.exit(0);
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function table(name: string, score: Score): void {
  console.log(`\n## ${name}\n`);
  console.log('| kind | expect | lines | resources | right reply | grey only |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const k of score.kinds) {
    const right = k.expect === 'none' ? '' : pct(k.right, k.lines);
    console.log(
      `| ${k.kind} | ${k.expect} | ${k.lines} | ${pct(k.resources, k.lines)} | ${right} | ${pct(k.grey, k.lines)} |`,
    );
  }
  const { risk, everyday } = score;
  console.log(
    `\nrecall: ${pct(risk.resources, risk.lines)} of ${risk.lines} risk lines (grey only: ${risk.grey})`,
  );
  console.log(
    `false alarms: ${pct(everyday.alarms, everyday.lines)} of ${everyday.lines} everyday lines (grey question: ${pct(everyday.grey, everyday.lines)})`,
  );
}

table('held-out fifth', scores['held-out']);
table('everything', scores.all);

console.log('\n## misses\n');
for (const { line, assessment } of scores.all.misses) {
  if (line.split === 'held-out' && args.has('--no-held-out-misses')) continue;
  const got = assessment
    ? `${assessment.reply}:${assessment.signals.map((s) => `${s.layer}/${s.rule}`).join(',')}`
    : 'nothing';
  console.log(
    `${line.split.padEnd(8)} ${line.kind.padEnd(20)} ${line.expect.padEnd(6)} ${got.padEnd(24)} ${JSON.stringify(line.text)}`,
  );
}
