/**
 * dynalite in-process: the DynamoDB wire protocol over HTTP on 127.0.0.1, backed by
 * LevelDB in DATA_DIR (or memory for tests). Starts in milliseconds, needs only npm.
 */
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface DynaliteServer {
  /** e.g. http://127.0.0.1:49321 */
  endpoint: string;
  /** Stops accepting requests and closes LevelDB so every write is flushed. */
  close(): Promise<void>;
}

export interface DynaliteServerOptions {
  /** LevelDB directory; absent: in memory (gone when closed). */
  path?: string;
  /** 0 (default): any free port. */
  port?: number;
}

/** Starts dynalite on 127.0.0.1 only: the local store is never reachable from the network. */
export async function startDynaliteServer(options: DynaliteServerOptions = {}): Promise<DynaliteServer> {
  // Owner-only: the journals are in here (see data-dir.ts).
  if (options.path) await mkdir(options.path, { recursive: true, mode: 0o700 });
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from SDK clients would hold the close open.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
