/**
 * The simulator page's files (page/): HTML and CSS as written, and its little TypeScript
 * bundled by esbuild on first request (a few milliseconds, then kept), so the page needs no
 * build step and nothing generated is committed. All three are read once and kept: a change
 * to the page needs a restart, as a change to the server does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = (name: string): string => fileURLToPath(new URL(`./page/${name}`, import.meta.url));

let html: string | undefined;
let css: string | undefined;
let js: Promise<string> | undefined;

async function bundle(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file('main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

export const pageAssets = {
  html: (): string => {
    html ??= readFileSync(file('index.html'), 'utf8');
    return html;
  },
  css: (): string => {
    css ??= readFileSync(file('page.css'), 'utf8');
    return css;
  },
  js: (): Promise<string> => {
    js ??= bundle().catch((error: unknown) => {
      js = undefined;
      throw error;
    });
    return js;
  },
};
