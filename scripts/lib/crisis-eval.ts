/**
 * Scores the crisis gate on corpus lines: per kind, how many reached the resources, how many
 * got the right reply (danger now vs crisis), how many only the grey-zone question, and for
 * everyday lines how many raised a false alarm. Shared by `npm run eval:crisis` and the test
 * that holds the gate to its figures on the held-out fifth.
 */
import { type Assessment, assess } from '../../src/core/crisis/gate.ts';
import type { CorpusLine } from './crisis-corpus.ts';

export interface KindScore {
  kind: string;
  expect: CorpusLine['expect'];
  lines: number;
  /** Risk lines: the crisis or danger reply. Everyday lines: a false alarm. */
  resources: number;
  /** Risk lines: the reply meant for them (danger now for danger lines). */
  right: number;
  /** Only the grey-zone question. */
  grey: number;
}

export interface Outcome {
  line: CorpusLine;
  assessment: Assessment | null;
}

export interface Score {
  kinds: KindScore[];
  risk: { lines: number; resources: number; grey: number };
  everyday: { lines: number; alarms: number; grey: number };
  /** Risk lines without the resources, and everyday lines with them. */
  misses: Outcome[];
}

export function gives(assessment: Assessment | null): boolean {
  return assessment !== null && assessment.reply !== 'grey';
}

/** A mention alone asks nothing by itself (it only keeps a feeling from being reflected). */
const heard = (l: CorpusLine): Assessment | null => {
  const assessment = assess(l.text);
  return assessment?.mentionOnly ? null : assessment;
};

export function scoreLines(lines: readonly CorpusLine[], read = heard): Score {
  const kinds = new Map<string, KindScore>();
  const misses: Outcome[] = [];
  const risk = { lines: 0, resources: 0, grey: 0 };
  const everyday = { lines: 0, alarms: 0, grey: 0 };
  for (const line of lines) {
    const assessment = read(line);
    const key = `${line.kind}\u0000${line.expect}`;
    const score = kinds.get(key) ?? {
      kind: line.kind,
      expect: line.expect,
      lines: 0,
      resources: 0,
      right: 0,
      grey: 0,
    };
    kinds.set(key, score);
    score.lines++;
    const resources = gives(assessment);
    const grey = assessment?.reply === 'grey';
    if (resources) score.resources++;
    if (grey) score.grey++;
    if (line.expect === 'none') {
      everyday.lines++;
      if (resources) everyday.alarms++;
      if (grey) everyday.grey++;
      if (resources) misses.push({ line, assessment });
    } else {
      risk.lines++;
      if (resources) risk.resources++;
      if (grey) risk.grey++;
      if (resources && (line.expect === 'danger') === (assessment?.reply === 'danger')) score.right++;
      if (!resources) misses.push({ line, assessment });
    }
  }
  const ordered = [...kinds.values()].sort(
    (a, b) => Number(a.expect === 'none') - Number(b.expect === 'none') || a.kind.localeCompare(b.kind),
  );
  return { kinds: ordered, risk, everyday, misses };
}
