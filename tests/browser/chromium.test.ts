/**
 * How the browser tests behave without Chromium (documented in docs/operations.md): they fail,
 * never skip, with a message saying how to install it; in CI the message says so too.
 */
import { describe, expect, it } from 'vitest';
import { findChromium } from './browser.ts';

describe('finding Chromium for the browser tests', () => {
  it('fails with how to install it when none is on PATH', () => {
    expect(() => findChromium({ PATH: '/nonexistent' })).toThrow(/sudo apt-get install chromium/);
  });

  it('says, in CI, that .ci/run should have installed it', () => {
    expect(() => findChromium({ PATH: '/nonexistent', CI: 'true' })).toThrow(
      /missing in CI \(\.ci\/run installs the chromium package first\)/,
    );
  });

  it('names a CHROMIUM_PATH that does not exist', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      /CHROMIUM_PATH=\/nonexistent\/chromium does not exist/,
    );
  });

  it('finds the system chromium on PATH', () => {
    expect(findChromium({ PATH: process.env.PATH ?? '' })).toMatch(/chrom/);
  });
});
