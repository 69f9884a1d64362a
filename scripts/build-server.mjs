#!/usr/bin/env node
// The production server as one plain-JavaScript module (issue 21): server/dist/index.mjs, bundled by
// esbuild from server/src/index.ts with the workspaces' TypeScript (shared/, prisma/) inlined and every npm
// dependency left external (resolved from node_modules at run time, native and WebAssembly parts included).
// `npm run serve` runs it with plain node: no TypeScript loader in production, which saved ~66 MB of
// resident memory and the transpile on every start (docs/benchmarks.md, "request cost").
//
// Modules that locate files from their own place (`import.meta.url`: the client build, prisma/'s schema and
// migrations, the generated Prisma client) keep doing so: each source file's `import.meta.url` is rewritten
// to that file's own URL relative to the bundle, so the bundle works from any checkout or image path.
//   node scripts/build-server.mjs [entry.ts outfile.mjs]   (benchmarks bundle their own server scripts)
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entryArg, outfileArg] = process.argv.slice(2);
const ENTRY = resolve(entryArg ?? join(ROOT, 'server', 'src', 'index.ts'));
const OUTFILE = resolve(outfileArg ?? join(ROOT, 'server', 'dist', 'index.mjs'));
const WORKSPACES = ['server', 'prisma', 'shared'];

/** Every npm dependency of the bundled workspaces stays external, with its subpaths. */
const external = WORKSPACES.flatMap((workspace) => {
  const pkg = JSON.parse(readFileSync(join(ROOT, workspace, 'package.json'), 'utf8'));
  return Object.keys(pkg.dependencies ?? {}).filter((name) => !name.startsWith('@gridgov/'));
}).flatMap((name) => [name, `${name}/*`]);

/** `import.meta.url` of a bundled source file → that file's URL, relative to the bundle's own. */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dirname(OUTFILE), args.path).split('\\').join('/');
      return {
        contents: source.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
        ),
        loader: 'ts',
      };
    });
  },
};

const started = Date.now();
const result = await build({
  entryPoints: [ENTRY],
  outfile: OUTFILE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Bundled CommonJS code (none of ours, but a dependency's helper could be) may call require().
  banner: {
    js: "import { createRequire as __gridgovRequire } from 'node:module';\nconst require = __gridgovRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  legalComments: 'none',
  plugins: [ownImportMetaUrl],
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
console.log(
  `server bundle: ${relative(ROOT, OUTFILE)} (${(bytes / 1024).toFixed(0)} KB) in ${Date.now() - started} ms`,
);
