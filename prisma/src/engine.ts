// Loads Prisma's schema engine compiled to WebAssembly, so migrations can be diffed and applied
// without the native binary the Prisma CLI downloads (unreachable here).
// See docs/decisions/002-offline-prisma-migrations.md.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export type SchemaEngine = engineBindings.SchemaEngine;

let initialised: Promise<void> | undefined;

// @types/node 20 does not declare the WebAssembly global; these are the two calls we need.
interface WasmRuntime {
  compile(bytes: Uint8Array): Promise<unknown>;
  instantiate(
    module: unknown,
    imports: Record<string, unknown>,
  ): Promise<{ exports: Record<string, unknown> }>;
}
const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WasmRuntime };

async function initialiseWasm(): Promise<void> {
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const module = await wasm.compile(await readFile(wasmPath));
  const instance = await wasm.instantiate(module, { './schema_engine_bg.js': engineBindings });
  const exports = instance.exports as Record<string, unknown> & { __wbindgen_start?: () => void };
  engineBindings.__wbg_set_wasm(exports);
  exports.__wbindgen_start?.();
}

/** Opens a schema engine on top of a driver adapter factory (PGlite or node-postgres). */
export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: { path: string; content: string },
): Promise<SchemaEngine> {
  initialised ??= initialiseWasm();
  await initialised;
  const log = (line: string) => {
    if (process.env.GRIDGOV_DEBUG_SCHEMA_ENGINE) console.error(line);
  };
  return engineBindings.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
