/**
 * The SHARE page and the EXPORT page as HTML: large type, plain words, readable on a phone,
 * printable on paper (print CSS: black on white, no link colours, sections kept whole). No
 * script, no image, no font or anything else fetched: the strict Content-Security-Policy allows
 * only the one inline style, by its hash.
 */
import { createHash } from 'node:crypto';
import { sessionPrep } from '../core/content/session-prep.ts';
import type { PrepPage } from '../core/sessions/prep-page.ts';

const STYLE = `
:root { color-scheme: light; }
html { font-size: 125%; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; padding: 1.2rem; max-width: 40rem; }
h1 { font-size: 2rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; margin: 1.6rem 0 .4rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; }
p, li { font-size: 1.1rem; }
ul { padding-left: 1.2rem; margin: 0; }
li { margin: .35rem 0; }
.lead { font-size: 1.2rem; }
.small { color: #555; font-size: .95rem; }
a { color: #1a4f8b; }
footer { margin-top: 2rem; border-top: 2px solid #ddd; padding-top: .6rem; }
@media print {
  html { font-size: 100%; }
  body { max-width: none; padding: 0; color: #000; }
  a { color: #000; text-decoration: none; }
  section { break-inside: avoid; }
  .screen-only { display: none; }
}
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** Headers every answer of these routes carries, the 404 included. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store, max-age=0',
  Pragma: 'no-cache',
  'X-Robots-Tag': 'noindex, nofollow, noarchive',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function document(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export function renderPrepPage(page: PrepPage): string {
  const sections = page.sections
    .map(
      (section) =>
        `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n<ul>\n${section.lines
          .map((line) => `<li>${escapeHtml(line)}</li>`)
          .join('\n')}\n</ul>\n</section>`,
    )
    .join('\n');
  return document(
    page.title,
    `<main>
<h1>${escapeHtml(page.title)}</h1>
<p class="lead">${escapeHtml(page.lead)}</p>
<p class="small">${escapeHtml(page.madeOn)} <span class="screen-only">${escapeHtml(sessionPrep.page.print)}</span></p>
${sections}
</main>
<footer><p class="small">${escapeHtml(page.footer)}</p></footer>`,
  );
}

/** The EXPORT page: two links, relative, so the page never repeats its own address. */
export function renderExportPage(token: string): string {
  const p = sessionPrep.page;
  const base = encodeURIComponent(token);
  return document(
    p.exportTitle,
    `<main>
<h1>${escapeHtml(p.exportTitle)}</h1>
<p class="lead">${escapeHtml(p.exportLead)}</p>
<ul>
<li><a href="${base}/journal.csv" download>${escapeHtml(p.exportCsv)}</a></li>
<li><a href="${base}/journal.json" download>${escapeHtml(p.exportJson)}</a></li>
</ul>
</main>
<footer><p class="small">${escapeHtml(p.footer)}</p></footer>`,
  );
}

export function renderNotFound(): string {
  const p = sessionPrep.page;
  return document(
    p.notFound,
    `<main>\n<h1>${escapeHtml(p.notFound)}</h1>\n<p>${escapeHtml(p.notFoundLead)}</p>\n</main>`,
  );
}
