import { describe, expect, it } from 'vitest';
import type { UserExport } from '../../src/core/ports.ts';
import { toCsv, toJson } from '../../src/store/export-format.ts';

const exp: UserExport = {
  profile: { createdAt: '2025-03-01T08:00:00.000Z', consentAt: '2025-03-01T08:00:00.000Z' },
  entries: [
    {
      id: 'a',
      at: '2025-03-01T08:01:00.000Z',
      channel: 'sms',
      kind: 'feeling',
      word: 'heavy',
      family: 'low-unpleasant',
      intensity: 6,
    },
    {
      id: 'b',
      at: '2025-03-01T08:02:00.000Z',
      channel: 'sms',
      kind: 'goal',
      goal: { text: 'call "mum", then rest' },
    },
    {
      id: 'c',
      at: '2025-03-01T08:03:00.000Z',
      channel: 'sms',
      kind: 'reflection',
      trigger: 'work\nand the bus',
      tried: '=HYPERLINK("x")',
      helped: 2,
    },
    {
      id: 'd',
      at: '2025-03-02T08:00:00.000Z',
      channel: 'alexa',
      kind: 'outcome',
      goal: { catalogueId: 'open-curtains' },
      goalEntryId: 'x',
      outcome: 'done',
    },
  ],
};

describe('toCsv', () => {
  it('gives one row per journal entry under a header a spreadsheet understands', () => {
    // Act
    const lines = toCsv(exp).split('\r\n');

    // Assess
    expect(lines[0]).toBe(
      'at,kind,channel,feeling,family,intensity,tool,goal,outcome,trigger,tried,helped,note,id',
    );
    expect(lines[1]).toBe('2025-03-01T08:01:00.000Z,feeling,sms,heavy,low-unpleasant,6,,,,,,,,a');
    expect(lines.at(-2)).toBe('2025-03-02T08:00:00.000Z,outcome,alexa,,,,,open-curtains,done,,,,,d');
    expect(lines.at(-1)).toBe('');
  });

  it("keeps a person's own words intact through commas, quotes and line breaks", () => {
    // Act
    const csv = toCsv(exp);

    // Assess
    expect(csv).toContain(',"call ""mum"", then rest",');
    expect(csv).toContain(',"work\nand the bus",');
  });

  it('never lets a spreadsheet run own words as a formula', () => {
    // Act
    const csv = toCsv(exp);

    // Assess
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",2,,c`);
  });
});

describe('toJson', () => {
  it('round-trips the whole export', () => {
    // Act
    const parsed = JSON.parse(toJson(exp));

    // Assess
    expect(parsed).toEqual(exp);
  });
});
