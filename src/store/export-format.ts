/**
 * A person's export as files they can keep or hand to their therapist: JSON (everything,
 * exactly) and CSV (one journal entry a row, for a spreadsheet).
 */
import type { UserExport } from '../core/ports.ts';
import type { JournalEntry } from '../core/types.ts';

/** The whole export as pretty JSON. */
export function toJson(exp: UserExport): string {
  return `${JSON.stringify(exp, null, 2)}\n`;
}

/** Columns of the CSV, one per field any entry kind can have. */
export const CSV_COLUMNS = [
  'at',
  'kind',
  'channel',
  'feeling',
  'family',
  'intensity',
  'tool',
  'goal',
  'outcome',
  'trigger',
  'tried',
  'helped',
  /** What they want to bring up at their session, in their words (issue 15). */
  'note',
  'id',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** The journal as RFC 4180 CSV (CRLF line ends), oldest entry first. */
export function toCsv(exp: UserExport): string {
  const rows = [
    CSV_COLUMNS.join(','),
    ...exp.entries.map((entry) => CSV_COLUMNS.map((c) => cell(columnOf(entry, c))).join(',')),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

function columnOf(entry: JournalEntry, column: Column): string {
  switch (column) {
    case 'at':
    case 'kind':
    case 'channel':
    case 'id':
      return entry[column];
    case 'feeling':
      return entry.kind === 'feeling' ? entry.word : '';
    case 'family':
      return entry.kind === 'feeling' ? entry.family : '';
    case 'intensity':
      return entry.kind === 'feeling' && entry.intensity !== undefined ? String(entry.intensity) : '';
    case 'tool':
      return entry.kind === 'tool' ? entry.tool : '';
    case 'goal':
      return entry.kind === 'goal' || entry.kind === 'outcome'
        ? (entry.goal.text ?? entry.goal.catalogueId ?? '')
        : '';
    case 'outcome':
      return entry.kind === 'outcome' ? entry.outcome : '';
    case 'trigger':
    case 'tried':
      return entry.kind === 'reflection' ? (entry[column] ?? '') : '';
    case 'helped':
      return entry.kind === 'reflection' && entry.helped !== undefined ? String(entry.helped) : '';
    case 'note':
      return entry.kind === 'bring-up' ? entry.text : '';
  }
}

/**
 * Quotes a field when it holds a comma, quote or line break (quotes doubled). A field
 * a spreadsheet would run as a formula (own words from SMS may start with "=") gets a
 * leading apostrophe, the usual guard against CSV injection.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
