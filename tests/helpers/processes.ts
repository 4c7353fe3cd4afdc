/**
 * Running the local entry points (`npm start`, `npm run chat`) as real processes, the way
 * a person does, on a temporary DATA_DIR.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root, so spawned processes find tsconfig and node_modules. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a TypeScript entry point with tsx, feeds `stdin`, and waits for it to exit. */
export function runScript(script: string, stdin: string, env: NodeJS.ProcessEnv): Promise<Finished> {
  const child = spawnScript(script, env);
  child.stdin?.end(stdin);
  return finished(child);
}

/** Starts a TypeScript entry point with tsx; stdout and stderr are piped. */
export function spawnScript(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let errors = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('utf8');
      const line = buffered.split('\n').find((l) => pattern.test(l));
      if (line !== undefined) {
        child.stdout?.off('data', onData);
        child.off('close', onClose);
        resolve(line);
      }
    };
    const onErr = (chunk: Buffer): void => {
      errors += chunk.toString('utf8');
    };
    const onClose = (code: number | null): void =>
      reject(new Error(`exited with ${code} before ${pattern}: ${errors}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onErr);
    child.once('close', onClose);
  });
}
