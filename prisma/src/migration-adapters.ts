// The adapters the schema engine applies migrations through: each runs a migration script whole, as
// one simple-query message, so PostgreSQL and PGlite run it in one implicit transaction and a
// migration that fails half-way (an integrity check refusing existing rows, issue 23) leaves nothing
// behind and is not recorded as applied.
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

interface ScriptRunner {
  client: { query?(sql: string): Promise<unknown>; exec?(sql: string): Promise<unknown> };
  onError(error: unknown): never;
}

function runScriptsWhole<A extends SqlDriverAdapter>(adapter: A, run: (sql: string) => Promise<unknown>): A {
  const internals = adapter as unknown as ScriptRunner;
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

/**
 * PrismaPg (7.10) splits a script on every `;`, which cuts a function body (`$$ … ; … $$`, the
 * append-only triggers) in pieces, and runs the pieces one by one outside any transaction.
 */
export class PrismaPgWholeScripts extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = (adapter as unknown as ScriptRunner).client;
    return runScriptsWhole(adapter, (sql) => pool.query!(sql));
  }
}

/**
 * pglite-prisma-adapter (0.7) starts the script without awaiting it: a failing migration was
 * recorded as applied and its error surfaced later as an unhandled rejection.
 */
export class PrismaPGliteWholeScripts extends PrismaPGlite {
  override async connect() {
    const adapter = await super.connect();
    const pglite = (adapter as unknown as ScriptRunner).client;
    return runScriptsWhole(adapter, (sql) => pglite.exec!(sql));
  }

  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    const pglite = (adapter as unknown as ScriptRunner).client;
    return runScriptsWhole(adapter, (sql) => pglite.exec!(sql));
  }
}
