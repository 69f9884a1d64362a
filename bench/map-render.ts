// The command map in headless Chromium (issue 5): 2,000 grid polygons + 20,000 case points, drawn with the
// map's own layer code (client/src/features/map/lib), canvas renderer vs SVG renderer, side by side.
// Reports the time from the data's arrival (JSON text in the page) to the first painted frame, and the
// longest main-thread task (PerformanceObserver `longtask`) while panning with the mouse.
//   npx tsx bench/map-render.ts            # BENCH_GRIDS=2000 BENCH_POINTS=20000 BENCH_ROUNDS=3
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@gridgov/shared';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const GRIDS = Number(process.env.BENCH_GRIDS ?? 2000);
const POINTS = Number(process.env.BENCH_POINTS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STATUSES = ['reported', 'accepted', 'dispatched', 'in_progress', 'handled', 'suspended', 'closed'];

/** A jittered lattice of quadrilateral grids with a bent point per edge (9 positions per ring, as the demo). */
function buildData() {
  const random = createRandom(20_260_505);
  const columns = Math.ceil(Math.sqrt(GRIDS * 1.25));
  const rows = Math.ceil(GRIDS / columns);
  const step = 0.004;
  const origin = [110.2, 21.8];
  const jitter = () => (random() - 0.5) * step * 0.3;
  const corners: [number, number][][] = [];
  for (let r = 0; r <= rows; r++) {
    corners.push([]);
    for (let c = 0; c <= columns; c++) {
      const isEdge = r === 0 || c === 0 || r === rows || c === columns;
      corners[r]!.push([
        origin[0]! + c * step + (isEdge ? 0 : jitter()),
        origin[1]! + r * step + (isEdge ? 0 : jitter()),
      ]);
    }
  }
  const midpoints = new Map<string, [number, number]>();
  const mid = (a: [number, number], b: [number, number]) => {
    const key = [a, b]
      .map((p) => p.join(','))
      .sort()
      .join('|');
    let point = midpoints.get(key);
    if (!point) {
      point = [(a[0] + b[0]) / 2 + jitter() * 0.3, (a[1] + b[1]) / 2 + jitter() * 0.3];
      midpoints.set(key, point);
    }
    return point;
  };
  const grids = [];
  for (let i = 0; i < GRIDS; i++) {
    const r = Math.floor(i / columns);
    const c = i % columns;
    const [sw, se, ne, nw] = [
      corners[r]![c]!,
      corners[r]![c + 1]!,
      corners[r + 1]![c + 1]!,
      corners[r + 1]![c]!,
    ];
    const ring = [sw, mid(sw, se), se, mid(se, ne), ne, mid(ne, nw), nw, mid(nw, sw), sw];
    const villageId = `v${Math.floor(r / 5) * 100 + Math.floor(c / 4)}`;
    grids.push({
      type: 'Feature',
      id: `g${i}`,
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        id: `g${i}`,
        code: `g${i}`,
        name: `g${i}`,
        village: { id: villageId, code: villageId, name: villageId },
      },
    });
  }
  const points = [];
  for (let i = 0; i < POINTS; i++) {
    points.push([
      `c${i}`,
      origin[0]! + random() * columns * step,
      origin[1]! + random() * rows * step,
      STATUSES[Math.floor(random() * STATUSES.length)],
      random() < 0.05 ? 1 : 0,
      random() < 0.1 ? 1 : 0,
    ]);
  }
  return JSON.stringify({ grids, points });
}

async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'bench/map-render-harness.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

interface Run {
  renderMs: number;
  longestPanTaskMs: number;
  panLongTasks: number;
  drawnCaseLayers: number;
}

async function runOnce(
  browser: Browser,
  html: string,
  payload: string,
  kind: 'canvas' | 'svg',
): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  await page.setContent(html);
  if (process.env.BENCH_PADDING)
    await page.evaluate(`window.benchPadding = ${Number(process.env.BENCH_PADDING)}`);
  const rendered = await page.evaluate(
    ([k, p]) =>
      (
        window as unknown as {
          benchRender: (i: unknown) => Promise<{ renderMs: number; drawnCaseLayers: number }>;
        }
      ).benchRender({ kind: k, payload: p }),
    [kind, payload] as const,
  );
  await page.evaluate(() =>
    (globalThis as unknown as { startLongTaskWatch: () => void }).startLongTaskWatch(),
  );
  // Pan like a person: drag the map in several directions, letting each drag settle (moveend redraws).
  // The zoom between the two rounds of drags is not counted: it is not panning.
  const drags: [number, number][] = [
    [300, 0],
    [0, 200],
    [-300, 0],
    [0, -200],
    [200, 150],
    [-200, -150],
  ];
  const pan = async () => {
    for (const [dx, dy] of drags) {
      await page.mouse.move(640, 400);
      await page.mouse.down();
      for (let s = 1; s <= 15; s++) await page.mouse.move(640 + (dx * s) / 15, 400 + (dy * s) / 15);
      await page.mouse.up();
      await page.waitForTimeout(250);
    }
    await page.waitForTimeout(300);
    return page.evaluate(() => (globalThis as unknown as { readLongTasks: () => number[] }).readLongTasks());
  };
  // BENCH_PROFILE=dir writes a CPU profile of each run's panning (Chrome DevTools format) there.
  const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.start');
  }
  // First over the whole territory, then two zoom levels in, where each drag brings new clusters into view.
  const longTasks = await pan();
  await page.evaluate(() => {
    (globalThis as unknown as { zoomInBy: (n: number) => void }).zoomInBy(2);
  });
  await page.waitForTimeout(500);
  await page.evaluate(() =>
    (globalThis as unknown as { startLongTaskWatch: () => void }).startLongTaskWatch(),
  );
  longTasks.push(...(await pan()));
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    mkdirSync(process.env.BENCH_PROFILE!, { recursive: true });
    writeFileSync(
      join(process.env.BENCH_PROFILE!, `pan-${kind}-${Date.now()}.cpuprofile`),
      JSON.stringify(profile),
    );
  }
  await context.close();
  return {
    renderMs: rendered.renderMs,
    longestPanTaskMs: Math.max(0, ...longTasks),
    panLongTasks: longTasks.length,
    drawnCaseLayers: rendered.drawnCaseLayers,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const [harness, payload] = [await bundleHarness(), buildData()];
  const css = readFileSync(join(ROOT, 'node_modules/leaflet/dist/leaflet.css'), 'utf8');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css} html,body{margin:0;height:100%} #map{width:1280px;height:800px;background:#eef2f5}</style></head><body><div id="map"></div><script>${harness.replace(/<\/script/g, '<\\/script')}</script></body></html>`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  console.log(
    `Chromium ${browser.version()}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `${GRIDS} grid polygons (9 positions per ring) + village outlines + ${POINTS} case points (supercluster), viewport 1280×800, ${ROUNDS} rounds alternating renderers, payload ${(payload.length / 1e6).toFixed(1)} MB of JSON\n`,
  );
  const runs: Record<'canvas' | 'svg', Run[]> = { canvas: [], svg: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of round % 2 === 0 ? (['canvas', 'svg'] as const) : (['svg', 'canvas'] as const)) {
        runs[kind].push(await runOnce(browser, html, payload, kind));
      }
    }
  } finally {
    await browser.close();
  }
  console.log(
    '| renderer | render after data, ms (median; rounds) | longest task while panning, ms (median; rounds) | long tasks while panning (median) | case layers drawn |',
  );
  console.log('|---|---:|---:|---:|---:|');
  for (const kind of ['canvas', 'svg'] as const) {
    const r = runs[kind];
    const list = (f: (x: Run) => number) => r.map((x) => f(x).toFixed(0)).join(', ');
    console.log(
      `| ${kind} | ${median(r.map((x) => x.renderMs)).toFixed(0)} (${list((x) => x.renderMs)}) | ${median(r.map((x) => x.longestPanTaskMs)).toFixed(0)} (${list((x) => x.longestPanTaskMs)}) | ${median(r.map((x) => x.panLongTasks))} | ${r[0]?.drawnCaseLayers} |`,
    );
  }
  const ratio = median(runs.svg.map((x) => x.renderMs)) / median(runs.canvas.map((x) => x.renderMs));
  console.log(`\nSVG ÷ canvas render time (same run): ${ratio.toFixed(2)}×`);
  console.log(
    `aim: render ≤ 1000 ms after data (canvas): ${median(runs.canvas.map((x) => x.renderMs)) <= 1000 ? 'met' : 'missed'}`,
  );
  console.log(
    `aim: no task > 100 ms while panning (canvas): ${Math.max(...runs.canvas.map((x) => x.longestPanTaskMs)) <= 100 ? 'met' : 'missed'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
