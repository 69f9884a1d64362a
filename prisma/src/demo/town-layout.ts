import { createRandom, type PolygonCoords, type Position, type Ring, unionPolygons } from '@gridgov/shared';

export interface DemoPolygon {
  type: 'Polygon';
  coordinates: PolygonCoords;
}
export interface DemoGrid {
  code: string;
  name: string;
  boundary: DemoPolygon;
  households: number;
  population: number;
}
export interface DemoVillage {
  code: string;
  name: string;
  kind: '村委会' | '社区';
  boundary: DemoPolygon;
  grids: DemoGrid[];
}
export interface DemoTown {
  code: string;
  name: string;
  boundary: DemoPolygon;
  villages: DemoVillage[];
}
export interface DemoLayout {
  county: { code: '440881'; name: '廉江市' };
  /** towns[0] is 石角镇, towns[1] is 罗州街道. */
  towns: DemoTown[];
}

type Toward = 'centre' | 'east' | 'west' | 'south';
interface TownSpec {
  code: string;
  name: string;
  /** Lattice centre as [lon, lat]. */
  centre: Position;
  /** [east-west, north-south] extent. */
  sizeKm: [number, number];
  columns: number;
  rows: number;
  /** 'row,column' cells on the outline left out so the town is not a rectangle; row 0 is the south edge. */
  dropped: string[];
  gridsPerPlace: [min: number, max: number];
  /** `toward` says where a place sits, so 城东社区 does not end up on the west side. */
  places: Array<{ name: string; toward?: Toward }>;
  seed: number;
}
interface Cell {
  row: number;
  column: number;
  ring: Ring;
}

const KM_PER_DEGREE_LAT = 111.32;
const SCORE_TOWARD: Record<Toward, (dx: number, dy: number) => number> = {
  centre: (dx, dy) => -Math.hypot(dx, dy),
  east: (dx) => dx,
  west: (dx) => -dx,
  south: (_dx, dy) => -dy,
};
/** Vertex and edge-midpoint jitter in cell units; small enough that a cell ring can never cross itself. */
const VERTEX_JITTER = 0.18;
const MIDPOINT_JITTER = 0.14;
const MAX_PARTITION_ATTEMPTS = 2000;

const SHIJIAO: TownSpec = {
  code: '440881110',
  name: '石角镇',
  centre: [110.3, 21.9],
  sizeKm: [18, 15],
  columns: 10,
  rows: 9,
  dropped: ['0,0', '0,1', '1,0', '8,8', '8,9'],
  gridsPerPlace: [3, 6],
  places: [
    { name: '石角社区', toward: 'centre' },
    ...'横新村 蕉坡村 油房村 石角村 塘尾村 山口村 坡头村 水库村 龙湾村 木棉村'
      .concat(' 大岭村 鸭塘村 新塘村 竹园村 旺岭村 沙坡村 禾寮村 榕树村 岭头村 黄坡村')
      .split(' ')
      .map((name) => ({ name })),
  ],
  seed: 0x5eed110,
};

const LUOZHOU: TownSpec = {
  code: '440881001',
  name: '罗州街道',
  centre: [110.28, 21.62],
  sizeKm: [3, 3],
  columns: 4,
  rows: 3,
  dropped: ['0,0', '2,3'],
  gridsPerPlace: [2, 3],
  // The plain name comes last so it gets the region the directed names leave over.
  places: [
    { name: '城东社区', toward: 'east' },
    { name: '城西社区', toward: 'west' },
    { name: '城南社区', toward: 'south' },
    { name: '罗州社区' },
  ],
  seed: 0x5eed001,
};

function formatKey(row: number, column: number): string {
  return `${row},${column}`;
}

/**
 * Every shared vertex and every edge's bend point is drawn once and reused by both neighbours, so cells meet
 * exactly: no gaps, no overlaps, and unions dissolve the inner edges cleanly.
 */
function buildCells(spec: TownSpec, rng: () => number): Cell[] {
  const [widthKm, heightKm] = spec.sizeKm;
  const cellLon = widthKm / (KM_PER_DEGREE_LAT * Math.cos((spec.centre[1] * Math.PI) / 180)) / spec.columns;
  const cellLat = heightKm / KM_PER_DEGREE_LAT / spec.rows;
  const west = spec.centre[0] - (spec.columns / 2) * cellLon;
  const south = spec.centre[1] - (spec.rows / 2) * cellLat;
  // Six decimals (~0.1 m) keeps stored GeoJSON compact; each shared point is rounded once, so neighbours agree.
  const round = (degrees: number) => Number(degrees.toFixed(6));
  const project = ([x, y]: Position): Position => [round(west + x * cellLon), round(south + y * cellLat)];
  const jitter = (amount: number) => (rng() * 2 - 1) * amount;
  const buildLattice = (rows: number, columns: number, draw: (r: number, c: number) => Position) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => draw(r, c)));
  // Vertices in cell units (x east, y north) first: bends are computed there, then everything is projected.
  const vertices = buildLattice(spec.rows + 1, spec.columns + 1, (r, c) => [
    c + jitter(VERTEX_JITTER),
    r + jitter(VERTEX_JITTER),
  ]);
  // Each edge bends sideways at one jittered point, drawn once per edge so both neighbouring cells share it.
  const bendEdge = (r0: number, c0: number, r1: number, c1: number): Position => {
    const [[ax, ay], [bx, by]] = [vertices[r0]![c0]!, vertices[r1]![c1]!];
    const [dx, dy, along, sideways] = [bx - ax, by - ay, 0.5 + jitter(0.1), jitter(MIDPOINT_JITTER)];
    return project([ax + dx * along - dy * sideways, ay + dy * along + dx * sideways]);
  };
  const eastward = buildLattice(spec.rows + 1, spec.columns, (r, c) => bendEdge(r, c, r, c + 1));
  const northward = buildLattice(spec.rows, spec.columns + 1, (r, c) => bendEdge(r, c, r + 1, c));
  const corners = vertices.map((row) => row.map(project));
  const getCorner = (r: number, c: number) => corners[r]![c]!;
  const cells: Cell[] = [];
  for (let r = 0; r < spec.rows; r += 1) {
    for (let c = 0; c < spec.columns; c += 1) {
      if (spec.dropped.includes(formatKey(r, c))) continue;
      // Counter-clockwise from the south-west corner, as RFC 7946 wants outer rings. Positions are copied so
      // that a caller editing one grid cannot drag its neighbour's corner along.
      const ring: Ring = [
        getCorner(r, c),
        eastward[r]![c]!,
        getCorner(r, c + 1),
        northward[r]![c + 1]!,
        getCorner(r + 1, c + 1),
        eastward[r + 1]![c]!,
        getCorner(r + 1, c),
        northward[r]![c]!,
        getCorner(r, c),
      ];
      cells.push({ row: r, column: c, ring: ring.map(([lon, lat]): Position => [lon, lat]) });
    }
  }
  return cells;
}

/**
 * Seeded region growing into regions of drawn sizes; a failed attempt (a region boxed in before reaching its
 * size) is retried with the continuing stream, so the result stays deterministic.
 */
function partitionCells(cells: Cell[], spec: TownSpec, rng: () => number): Cell[][] {
  const [min, max] = spec.gridsPerPlace;
  const count = spec.places.length;
  if (cells.length < count * min || cells.length > count * max) {
    throw new Error(`${spec.name}: ${cells.length} cells cannot form ${count} places of ${min}–${max}`);
  }
  const byKey = new Map(cells.map((cell) => [formatKey(cell.row, cell.column), cell]));
  const listNeighbours = ({ row: r, column: c }: Cell) =>
    [formatKey(r + 1, c), formatKey(r - 1, c), formatKey(r, c + 1), formatKey(r, c - 1)]
      .map((key) => byKey.get(key))
      .filter((cell) => cell !== undefined);
  const growRegions = (sizes: number[]): Cell[][] => {
    const free = new Set(cells);
    // Claiming cells with the fewest free neighbours first keeps corners from being stranded; the noise
    // varies the shapes.
    const countFree = (cell: Cell) => listNeighbours(cell).filter((neighbour) => free.has(neighbour)).length;
    const pickMostConstrained = (candidates: Cell[]) =>
      candidates
        .map((cell) => ({ cell, score: countFree(cell) + rng() * 1.5 }))
        .reduce((best, item) => (item.score < best.score ? item : best)).cell;
    return sizes.map((size) => {
      const region: Cell[] = [];
      for (let candidates = [...free]; region.length < size; ) {
        if (candidates.length === 0) return [];
        const next = pickMostConstrained(candidates);
        free.delete(next);
        region.push(next);
        candidates = [...new Set(region.flatMap(listNeighbours))].filter((cell) => free.has(cell));
      }
      return region;
    });
  };
  for (let attempt = 0; attempt < MAX_PARTITION_ATTEMPTS; attempt += 1) {
    const sizes = Array.from({ length: count }, () => min);
    for (let extra = cells.length - count * min; extra > 0; ) {
      const index = Math.floor(rng() * count);
      if (sizes[index]! < max) {
        sizes[index]! += 1;
        extra -= 1;
      }
    }
    const regions = growRegions(sizes);
    if (regions.every((region, index) => region.length === sizes[index])) return regions;
  }
  throw new Error(`${spec.name}: no partition found in ${MAX_PARTITION_ATTEMPTS} attempts`);
}

/** Region centre in lattice units ([x, y], y northward). */
function locateCentroid(cells: Cell[]): [number, number] {
  const x = cells.reduce((sum, cell) => sum + cell.column + 0.5, 0) / cells.length;
  const y = cells.reduce((sum, cell) => sum + cell.row + 0.5, 0) / cells.length;
  return [x, y];
}

/** Reading order on a map: north to south, then west to east. */
function compareNorthWest(a: [number, number], b: [number, number]): number {
  return b[1] - a[1] || a[0] - b[0];
}

/**
 * Directed names (石角社区 in the middle, 城东社区 to the east…) pick, in list order, the region that fits them
 * best; plain names take the rest in map reading order.
 */
function assignPlaceNames(regions: Cell[][], spec: TownSpec): Array<{ name: string; cells: Cell[] }> {
  const remaining = regions
    .map((cells) => ({ cells, centroid: locateCentroid(cells) }))
    .sort((a, b) => compareNorthWest(a.centroid, b.centroid));
  return spec.places.map(({ name, toward }) => {
    const scores = remaining.map(({ centroid: [x, y] }) =>
      toward ? SCORE_TOWARD[toward](x - spec.columns / 2, y - spec.rows / 2) : 0,
    );
    const [picked] = remaining.splice(scores.indexOf(Math.max(...scores)), 1);
    return { name, cells: picked!.cells };
  });
}

function mergeIntoOnePolygon(polygons: PolygonCoords[], label: string): DemoPolygon {
  const merged = unionPolygons(polygons);
  if (merged.length !== 1 || merged[0]!.length !== 1) {
    throw new Error(`${label} does not merge into one polygon without holes`);
  }
  return { type: 'Polygon', coordinates: merged[0]! };
}

function buildTown(spec: TownSpec): DemoTown {
  const rng = createRandom(spec.seed);
  const cells = buildCells(spec, rng);
  const places = assignPlaceNames(partitionCells(cells, spec, rng), spec).sort((a, b) =>
    compareNorthWest(locateCentroid(a.cells), locateCentroid(b.cells)),
  );
  // Official numbering: 居委会/社区 take 001–199, 村委会 200–399.
  const counters = { 社区: 0, 村委会: 200 };
  const villages = places.map(({ name, cells: placeCells }): DemoVillage => {
    const kind = name.endsWith('社区') ? '社区' : '村委会';
    counters[kind] += 1;
    const code = `${spec.code}${String(counters[kind]).padStart(3, '0')}`;
    const ordered = [...placeCells].sort((a, b) => b.row - a.row || a.column - b.column);
    const grids = ordered.map((cell, index): DemoGrid => {
      const households = 150 + Math.floor(rng() * 451);
      return {
        code: `${code}${String(index + 1).padStart(3, '0')}`,
        name: `${name}第${index + 1}网格`,
        boundary: { type: 'Polygon', coordinates: [cell.ring] },
        households,
        population: Math.round(households * (3.2 + rng() * 0.8)),
      };
    });
    const polygons = grids.map((grid) => grid.boundary.coordinates);
    return { code, name, kind, boundary: mergeIntoOnePolygon(polygons, name), grids };
  });
  villages.sort((a, b) => a.code.localeCompare(b.code));
  const allGrids = villages.flatMap((village) => village.grids.map((grid) => grid.boundary.coordinates));
  return { code: spec.code, name: spec.name, boundary: mergeIntoOnePolygon(allGrids, spec.name), villages };
}

/** Deterministic demo geography for the seed and tests: same output on every call, no Math.random. */
export function buildDemoLayout(): DemoLayout {
  return { county: { code: '440881', name: '廉江市' }, towns: [buildTown(SHIJIAO), buildTown(LUOZHOU)] };
}
