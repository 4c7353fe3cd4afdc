import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const coreDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Code without comments, so a comment that names what is forbidden is not mistaken for a use. */
const withoutComments = (code: string): string =>
  code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const files = sourceFiles(coreDir).map((path) => ({
  path,
  code: withoutComments(readFileSync(path, 'utf8')),
}));

describe('src/core stays pure, so every channel gets the same check-in and the same crisis gate', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("imports nothing outside src/core but the language identifier's trigram models", () => {
    for (const { path, code } of files) {
      const specifiers = [...code.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/g)].map(
        (m) => m[1] ?? '',
      );
      for (const specifier of specifiers) {
        // franc-min's trigram models: data only, no I/O; they only pick a reply language.
        if (specifier === 'franc-min/data.js' && relative(coreDir, path) === 'crisis/languages.ts') continue;
        expect(specifier.startsWith('.'), `${relative(coreDir, path)} imports ${specifier}`).toBe(true);
        const target = resolve(dirname(path), specifier);
        expect(target.startsWith(coreDir), `${relative(coreDir, path)} reaches outside: ${specifier}`).toBe(
          true,
        );
      }
      expect(code, relative(coreDir, path)).not.toMatch(/\brequire\(|\bimport\(/);
    }
  });

  it('reads no environment, clock or randomness', () => {
    for (const { path, code } of files) {
      const name = relative(coreDir, path);
      expect(code, name).not.toMatch(
        /process\.|globalThis|Date\.now\(|new Date\(\s*\)|Math\.random|performance\.now|crypto\./,
      );
    }
  });
});
