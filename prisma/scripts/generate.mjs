#!/usr/bin/env node
// Runs `prisma generate` offline, and only when schema.prisma or the Prisma version changed.
// npm may skip install scripts on these machines, so build, start, test and typecheck call this
// instead of relying on a postinstall hook. See docs/decisions/002-offline-prisma-migrations.md.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const prismaDir = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const schemaPath = join(prismaDir, 'schema.prisma');
const outDir = join(prismaDir, 'src', 'generated');
const stampPath = join(outDir, '.schema-hash');

const prismaPkg = JSON.parse(readFileSync(require.resolve('prisma/package.json'), 'utf8'));
const hash = createHash('sha256').update(readFileSync(schemaPath)).update(prismaPkg.version).digest('hex');

if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === hash) process.exit(0);

// The CLI only checks that the schema engine binary exists before generating; generating itself
// uses the WebAssembly build bundled in the CLI. Point it at the WASM engine we ship instead.
const wasmEngine = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
const result = spawnSync(
  process.execPath,
  [require.resolve('prisma/build/index.js'), 'generate', '--schema', schemaPath],
  {
    cwd: prismaDir,
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? wasmEngine,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  },
);
if (result.status !== 0) {
  console.error('prisma generate failed');
  process.exit(result.status ?? 1);
}
writeFileSync(stampPath, hash);
