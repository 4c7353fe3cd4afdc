import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/lib/crisis-corpus.ts';
import { scoreLines } from '../../../scripts/lib/crisis-eval.ts';
import { isStale } from '../../../scripts/train-crisis.ts';

/**
 * The gate against the held-out fifth of its corpus: lines no pattern was written from and
 * no training read. The floors below are the figures last measured and reported in
 * docs/safety.md; they only ever go up for the same set (new writers' files join the held-out
 * set with their fifths, and the floor is set again, just under, for the larger set: last on
 * 2026-12-01, late, when ten more writers' fifths joined, 3,163 risk and 2,210 everyday lines
 * in all, at 90.6% and 8.5%). The goal (97% recall in every kind, at most 5% false alarms) is
 * not reached yet, and docs/safety.md says by how much.
 */
const RECALL_FLOOR = 0.9;
const FALSE_ALARM_CEILING = 0.095;

describe('the crisis gate on its held-out fifth', () => {
  const score = scoreLines(loadCorpus('held-out'));

  it('holds a held-out fifth of real size on both sides', () => {
    expect(score.risk.lines).toBeGreaterThanOrEqual(1000);
    expect(score.everyday.lines).toBeGreaterThanOrEqual(600);
  });

  it(`gives the resources to at least ${RECALL_FLOOR * 100}% of risk lines`, () => {
    expect(score.risk.resources / score.risk.lines).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it(`raises a false alarm on at most ${FALSE_ALARM_CEILING * 100}% of everyday lines`, () => {
    expect(score.everyday.alarms / score.everyday.lines).toBeLessThanOrEqual(FALSE_ALARM_CEILING);
  });

  it('gives explicit statements the resources every time but for one in twenty', () => {
    const explicit = score.kinds.find((k) => k.kind === 'explicit');
    expect(explicit && explicit.resources / explicit.lines).toBeGreaterThanOrEqual(0.94);
  });
});

describe('the trained model and compiled lists', () => {
  it('were built from the corpus and lists as they are now (else: npm run train:crisis)', () => {
    expect(isStale()).toBe(false);
  });
});
