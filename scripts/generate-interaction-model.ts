/**
 * Writes skill-package/interactionModels/custom/en-US.json from the core's vocabularies.
 * Run after changing a feeling word, a goal or a journal option:
 *   npx tsx scripts/generate-interaction-model.ts
 * `--check` writes nothing and exits 1 when the committed file is out of date (for CI).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildInteractionModel, serializeInteractionModel } from '../src/channels/alexa/interaction-model.ts';
import { modelSources } from '../src/channels/alexa/model-sources.ts';

/** The committed model, relative to the repository root. */
export const MODEL_PATH = fileURLToPath(
  new URL('../skill-package/interactionModels/custom/en-US.json', import.meta.url),
);

/** The model file's exact contents as generated now. */
export function generatedModel(): string {
  return serializeInteractionModel(buildInteractionModel(modelSources()));
}

async function main(): Promise<void> {
  const generated = generatedModel();
  if (process.argv.includes('--check')) {
    const committed = await readFile(MODEL_PATH, 'utf8').catch(() => '');
    if (committed !== generated) {
      process.stderr.write(
        `${MODEL_PATH} is out of date: run npx tsx scripts/generate-interaction-model.ts\n`,
      );
      process.exitCode = 1;
    }
    return;
  }
  await writeFile(MODEL_PATH, generated);
  process.stdout.write(`Wrote ${MODEL_PATH}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
