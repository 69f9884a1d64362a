// Point → grid lookup speed: the packed R-tree index against a scan of every grid, in the same run.
// Run: npx tsx bench/point-to-grid.ts
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  bboxOfPolygon,
  createPolygonIndex,
  createRandom,
  type IndexedPolygon,
  type PolygonCoords,
  type Position,
  pointInPolygon,
} from '@gridgov/shared';
import { buildDemoLayout } from '../prisma/src/demo/town-layout';

const INDEX_LOOKUPS = 1_000_000;
const DEMO_SCAN_LOOKUPS = 200_000;
const SYNTHETIC_SCAN_LOOKUPS = 2_000;
/** Each case stops early after this long, so a slow machine still finishes and reports what it did. */
const MAX_SECONDS_PER_CASE = 10;
const WARM_UP_LOOKUPS = 20_000;
const SLICES = 20;
/** ~85,000 grids over 106–117°E, 21–25°N (roughly Guangxi plus Guangdong). */
const SYNTHETIC = { columns: 290, rows: 293, west: 106, south: 21, east: 117, north: 25 };

type Lookup = (point: Position) => string | null;
type PointSampler = (rng: () => number) => Position;
interface Timing {
  lookups: number;
  seconds: number;
  /** This process's user + system CPU time: other work on a shared machine does not count against us. */
  cpuSeconds: number;
  hits: number;
}

function sampleBox([west, south, east, north]: number[], rng: () => number): Position {
  return [west! + (east! - west!) * rng(), south! + (north! - south!) * rng()];
}

function listDemoGrids(): { grids: IndexedPolygon[]; sampler: PointSampler } {
  const { towns } = buildDemoLayout();
  const grids = towns.flatMap((town) =>
    town.villages.flatMap((village) =>
      village.grids.map((grid) => ({ id: grid.code, polygon: grid.boundary.coordinates })),
    ),
  );
  // Points fall in either town's box, so both hits and misses between grids are measured.
  const townBoxes = towns.map((town) => bboxOfPolygon(town.boundary.coordinates));
  const sampler: PointSampler = (rng) => sampleBox(townBoxes[Math.floor(rng() * townBoxes.length)]!, rng);
  return { grids, sampler };
}

/**
 * A jittered lattice whose cells share corners and bent edge points with their neighbours, like the demo
 * layout: nine positions per ring, no gaps, no overlaps.
 */
function buildSyntheticGrids(rng: () => number): { grids: IndexedPolygon[]; sampler: PointSampler } {
  const { columns, rows, west, south, east, north } = SYNTHETIC;
  const [cellLon, cellLat] = [(east - west) / columns, (north - south) / rows];
  const jitter = (amount: number) => (rng() * 2 - 1) * amount;
  const place = (x: number, y: number): Position => [west + x * cellLon, south + y * cellLat];
  const corners = Array.from({ length: rows + 1 }, (_, r) =>
    Array.from({ length: columns + 1 }, (_, c) => [c + jitter(0.18), r + jitter(0.18)] as Position),
  );
  const bend = ([ax, ay]: Position, [bx, by]: Position): Position => {
    const [along, sideways] = [0.5 + jitter(0.1), jitter(0.14)];
    return place(
      ax + (bx - ax) * along - (by - ay) * sideways,
      ay + (by - ay) * along + (bx - ax) * sideways,
    );
  };
  const getCorner = (r: number, c: number) => corners[r]![c]!;
  const eastward = corners.map((row, r) =>
    row.slice(1).map((_, c) => bend(getCorner(r, c), getCorner(r, c + 1))),
  );
  const northward = corners
    .slice(1)
    .map((row, r) => row.map((_, c) => bend(getCorner(r, c), getCorner(r + 1, c))));
  const projected = corners.map((row) => row.map(([x, y]) => place(x, y)));
  const grids: IndexedPolygon[] = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const start = projected[r]![c]!;
      const ring = [
        start,
        eastward[r]![c]!,
        projected[r]![c + 1]!,
        northward[r]![c + 1]!,
        projected[r + 1]![c + 1]!,
        eastward[r + 1]![c]!,
        projected[r + 1]![c]!,
        northward[r]![c]!,
        start,
      ];
      grids.push({ id: `S${r}-${c}`, polygon: [ring] });
    }
  }
  return { grids, sampler: (pointRng) => sampleBox([west, south, east, north], pointRng) };
}

/** The baseline an index must beat: a box check, then point-in-polygon, over every grid in input order. */
function createScanLookup(grids: IndexedPolygon[]): Lookup {
  const boxes = new Float64Array(grids.length * 4);
  grids.forEach((grid, i) => {
    boxes.set(bboxOfPolygon(grid.polygon), i * 4);
  });
  const polygons: PolygonCoords[] = grids.map((grid) => grid.polygon);
  return (point) => {
    const [x, y] = point;
    for (let i = 0; i < polygons.length; i += 1) {
      const at = i * 4;
      if (x < boxes[at]! || y < boxes[at + 1]! || x > boxes[at + 2]! || y > boxes[at + 3]!) continue;
      if (pointInPolygon(point, polygons[i]!)) return grids[i]!.id;
    }
    return null;
  };
}

function generatePoints(count: number, sampler: PointSampler, seed: number): Float64Array {
  const rng = createRandom(seed);
  const points = new Float64Array(count * 2);
  for (let i = 0; i < count; i += 1) points.set(sampler(rng), i * 2);
  return points;
}

/** Runs lookups [from, to) and adds their wall time, CPU time and hits to `timing`. */
function runChunk(lookup: Lookup, points: Float64Array, from: number, to: number, timing: Timing): void {
  // One reused tuple keeps allocation out of what is measured; lookups do not keep the point.
  const point: Position = [0, 0];
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let i = from; i < to; i += 1) {
    point[0] = points[i * 2]!;
    point[1] = points[i * 2 + 1]!;
    if (lookup(point) !== null) timing.hits += 1;
  }
  const { user, system } = process.cpuUsage(cpuStarted);
  timing.lookups += to - from;
  timing.seconds += (performance.now() - started) / 1000;
  timing.cpuSeconds += (user + system) / 1e6;
}

/**
 * Alternates index and scan in small slices of the same points, so both see the same machine: on a shared
 * box, load that comes and goes would otherwise skew the ratio. Each side stops after MAX_SECONDS_PER_CASE.
 */
function timeIndexAgainstScan(index: Lookup, scan: Lookup, points: Float64Array, scanLookups: number) {
  const timings = {
    index: { lookups: 0, seconds: 0, cpuSeconds: 0, hits: 0 },
    scan: { lookups: 0, seconds: 0, cpuSeconds: 0, hits: 0 },
  };
  const warmUp = { lookups: 0, seconds: 0, cpuSeconds: 0, hits: 0 };
  runChunk(index, points, 0, WARM_UP_LOOKUPS, warmUp);
  runChunk(scan, points, 0, Math.min(WARM_UP_LOOKUPS, scanLookups / 10), warmUp);
  const total = points.length / 2;
  const isWithinTime = (timing: Timing) => timing.seconds < MAX_SECONDS_PER_CASE;
  for (let slice = 0; slice < SLICES; slice += 1) {
    const [from, to] = [(total * slice) / SLICES, (total * (slice + 1)) / SLICES];
    if (isWithinTime(timings.index)) runChunk(index, points, from, to, timings.index);
    const [scanFrom, scanTo] = [(scanLookups * slice) / SLICES, (scanLookups * (slice + 1)) / SLICES];
    if (isWithinTime(timings.scan)) runChunk(scan, points, scanFrom, scanTo, timings.scan);
  }
  return timings;
}

function countDisagreements(a: Lookup, b: Lookup, points: Float64Array, count: number): number {
  let disagreements = 0;
  for (let i = 0; i < count; i += 1) {
    const point: Position = [points[i * 2]!, points[i * 2 + 1]!];
    if (a(point) !== b(point)) disagreements += 1;
  }
  return disagreements;
}

/** Exposes V8's collector without a command-line flag, so heap deltas are not blurred by pending garbage. */
function loadGarbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function measureHeapBytes(collectGarbage: () => void): number {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function measureRate(timing: Timing): number {
  return timing.lookups / timing.cpuSeconds;
}

function formatRow(label: string, grids: number, timing: Timing): string {
  const inside = `${((100 * timing.hits) / timing.lookups).toFixed(1)}%`;
  const seconds = [timing.seconds.toFixed(2), timing.cpuSeconds.toFixed(2)];
  const cells = [label, formatCount(grids), formatCount(timing.lookups), ...seconds];
  return `| ${[...cells, formatCount(measureRate(timing)), inside].join(' | ')} |`;
}

function runBenchmark(): void {
  const collectGarbage = loadGarbageCollector();
  const demo = listDemoGrids();
  const demoIndex = createPolygonIndex(demo.grids);
  const demoScan = createScanLookup(demo.grids);
  const demoPoints = generatePoints(INDEX_LOOKUPS, demo.sampler, 0xa11ce);

  const synthetic = buildSyntheticGrids(createRandom(0x5eed85));
  const heapBefore = measureHeapBytes(collectGarbage);
  const buildStarted = performance.now();
  const syntheticIndex = createPolygonIndex(synthetic.grids);
  const buildMs = performance.now() - buildStarted;
  const indexBytes = measureHeapBytes(collectGarbage) - heapBefore;
  const syntheticScan = createScanLookup(synthetic.grids);
  const syntheticPoints = generatePoints(INDEX_LOOKUPS, synthetic.sampler, 0xb0b);

  const demoTimings = timeIndexAgainstScan(demoIndex.findContaining, demoScan, demoPoints, DEMO_SCAN_LOOKUPS);
  const syntheticTimings = timeIndexAgainstScan(
    syntheticIndex.findContaining,
    syntheticScan,
    syntheticPoints,
    SYNTHETIC_SCAN_LOOKUPS,
  );
  const results = {
    demoIndex: demoTimings.index,
    demoScan: demoTimings.scan,
    syntheticIndex: syntheticTimings.index,
    syntheticScan: syntheticTimings.scan,
  };
  const disagreements =
    countDisagreements(demoIndex.findContaining, demoScan, demoPoints, results.demoScan.lookups) +
    countDisagreements(
      syntheticIndex.findContaining,
      syntheticScan,
      syntheticPoints,
      results.syntheticScan.lookups,
    );

  console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one thread\n`);
  console.log('| case | grids | lookups | wall s | CPU s | lookups per CPU-second | inside a grid |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(formatRow('(a) demo, index', demo.grids.length, results.demoIndex));
  console.log(formatRow('(c) demo, brute-force scan', demo.grids.length, results.demoScan));
  console.log(formatRow('(b) synthetic, index', synthetic.grids.length, results.syntheticIndex));
  console.log(formatRow('(c) synthetic, brute-force scan', synthetic.grids.length, results.syntheticScan));
  console.log('');
  console.log(
    `- index ÷ scan (per CPU-second), demo: ${(measureRate(results.demoIndex) / measureRate(results.demoScan)).toFixed(1)}×`,
  );
  console.log(
    `- index ÷ scan (per CPU-second), synthetic: ${formatCount(measureRate(results.syntheticIndex) / measureRate(results.syntheticScan))}×`,
  );
  console.log(`- answers differing between index and scan on the scanned points: ${disagreements}`);
  console.log(
    `- ${formatCount(synthetic.grids.length)}-grid index: built in ${buildMs.toFixed(0)} ms, ` +
      `${(indexBytes / 2 ** 20).toFixed(1)} MiB (heapUsed + arrayBuffers delta after GC)`,
  );
}

runBenchmark();
