/**
 * The crisis corpus (data/crisis-corpus/): labelled messages as JSON Lines, one file per
 * source and kind group, split once into `train/` and `held-out/`. See data/crisis-corpus/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the gate should answer: the crisis reply, the danger-now reply, or nothing. */
export type Expect = 'crisis' | 'danger' | 'none';

export interface CorpusLine {
  text: string;
  kind: string;
  expect: Expect;
  style: 'text' | 'spoken';
  lang: string;
  /** The file it came from, without `.jsonl`. */
  source: string;
  split: Split;
}

export type Split = 'train' | 'held-out';

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', 'data', 'crisis-corpus');

const EXPECTS: readonly string[] = ['crisis', 'danger', 'none'];

/** Every line of one split, in file then line order. Throws on a malformed line, naming it. */
export function loadCorpus(split: Split): CorpusLine[] {
  const dir = join(CORPUS_DIR, split);
  const lines: CorpusLine[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const source = file.replace(/\.jsonl$/, '');
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (raw.trim() === '') return;
        const where = `${split}/${file}:${i + 1}`;
        let parsed: Partial<CorpusLine>;
        try {
          parsed = JSON.parse(raw) as Partial<CorpusLine>;
        } catch {
          throw new Error(`${where}: not JSON`);
        }
        const { text, kind, expect, style, lang } = parsed;
        if (typeof text !== 'string' || text.trim() === '') throw new Error(`${where}: no text`);
        if (typeof kind !== 'string' || kind === '') throw new Error(`${where}: no kind`);
        if (typeof expect !== 'string' || !EXPECTS.includes(expect)) throw new Error(`${where}: bad expect`);
        if (style !== 'text' && style !== 'spoken') throw new Error(`${where}: bad style`);
        if (typeof lang !== 'string') throw new Error(`${where}: no lang`);
        lines.push({ text, kind, expect: expect as Expect, style, lang, source, split });
      });
  }
  return lines;
}
