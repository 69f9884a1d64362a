#!/usr/bin/env node
// The initial route's JavaScript budget (issue 5): after `npm run build`, the entry chunk named in
// client/dist/index.html plus every chunk it imports statically (transitively), gzip-compressed, must stay
// at or under 170 KB. Lazy chunks (`import()`: the map, charts, case pages) are not counted.
//   node scripts/check-bundle.mjs [distDir] [--budget-kb=170]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const distDir = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'client', 'dist'));
const budgetKb = Number(args.find((a) => a.startsWith('--budget-kb='))?.split('=')[1] ?? 170);

const indexFile = join(distDir, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`✗ ${relative(ROOT, indexFile)} not found: run npm run build first`);
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');
const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
if (entries.length === 0) {
  console.error('✗ no <script type="module" src> in index.html');
  process.exit(1);
}

// Static imports and re-exports in Vite/Rolldown output: `import{a}from"./x.js"`, `import"./x.js"`,
// `export{a}from"./x.js"`. Dynamic `import("./x.js")` has a parenthesis and is not matched.
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g;

function toFile(specifier, fromFile) {
  if (specifier.startsWith('/')) return join(distDir, specifier);
  return resolve(dirname(fromFile), specifier);
}

const seen = new Map();
const queue = entries.map((src) => toFile(src, indexFile));
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  const code = readFileSync(file);
  seen.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(toFile(match[1], file));
}

const rows = [...seen].sort((a, b) => b[1].gzip - a[1].gzip);
const totalGzip = rows.reduce((sum, [, size]) => sum + size.gzip, 0);
const totalRaw = rows.reduce((sum, [, size]) => sum + size.raw, 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(`Initial route JavaScript (entry + static imports), ${rows.length} chunks:`);
for (const [file, size] of rows) {
  console.log(
    `  ${relative(distDir, file).padEnd(40)} ${kb(size.raw).padStart(8)} KB  ${kb(size.gzip).padStart(7)} KB gzip`,
  );
}
console.log(`  ${'total'.padEnd(40)} ${kb(totalRaw).padStart(8)} KB  ${kb(totalGzip).padStart(7)} KB gzip`);
if (totalGzip > budgetKb * 1024) {
  console.error(`✗ over budget: ${kb(totalGzip)} KB gzip > ${budgetKb} KB (make the heavy code lazy)`);
  process.exit(1);
}
console.log(`✓ within budget: ${kb(totalGzip)} KB gzip ≤ ${budgetKb} KB`);
